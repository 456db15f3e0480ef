"""Step `furniture`: single lines of furniture and metadata (pipeline/clean/furniture.py)."""

import pytest
from inline_pages import PARA_EN, page, read_lines, rules_of


def test_bylines_move_into_metadata():
    doc = page("By Jane Smith", "Published 12 March 2024", PARA_EN, PARA_EN)
    assert doc.metadata["author"] == "Jane Smith"
    assert rules_of(doc)["By Jane Smith"] == "byline"
    assert "Jane Smith" not in doc.text


def test_a_byline_that_names_a_users_handle_goes_but_states_nothing():
    doc = page("Posted by Konstantin", PARA_EN, PARA_EN)
    assert rules_of(doc)["Posted by Konstantin"] == "byline"
    assert "site" not in doc.metadata or doc.metadata["site"] != "Konstantin"


def test_a_byline_with_its_date_moves_into_metadata():
    doc = page("Автор: Иван Петров | 6 мая 2024, 09:00", PARA_EN, PARA_EN)
    assert rules_of(doc)["Автор: Иван Петров | 6 мая 2024, 09:00"] == "byline"
    assert (doc.metadata["author"], doc.metadata["published"]) == ("Иван Петров", "2024-05-06")


def test_bylines_with_dates_under_each_story_of_a_list_state_nothing():
    """Three or more are a list of stories: each line goes and is never the headline, but states no author or date."""
    from pipeline.clean.page import Page

    teasers = [f"By {name} • Dec. {k}, 2025" for k, name in ((3, "Jane Doe"), (4, "John Roe"), (5, "Ann Poe"))]
    doc = page(PARA_EN, *teasers, PARA_EN)
    assert all(rules_of(doc)[line] == "byline" for line in teasers)
    assert doc.metadata.get("title") not in teasers
    assert [stated for _, stated in Page(read_lines(PARA_EN, *teasers, PARA_EN)).statements] == [{}, {}, {}]
    assert [stated for _, stated in Page(read_lines(PARA_EN, *teasers[:2], PARA_EN)).statements] == [
        {"author": "Jane Doe", "published": "2025-12-03"},
        {"author": "John Roe", "published": "2025-12-04"},
    ]


def test_read_also_paywall_and_advertising_lines_in_text_dumps():
    body = [PARA_EN.replace("Tuesday", day) for day in ("Monday", "Tuesday", "Friday")]
    lines = {
        "Read also: Council approves the new stadium plan": "read_more",
        ">> Council approves the new stadium plan <<": "read_more",
        "To view the full story, please subscribe to The Daily.": "paywall",
        "This post contains references to products from one or more of our advertisers.": "advertising",
        "The Daily is supported by its audience. When you buy through links on our site, we may earn an affiliate commission.": "advertising",
        "As an Amazon Associate we earn from qualifying purchases.": "advertising",
        "Si compras a través de nuestros enlaces, podemos recibir una comisión.": "advertising",
        "Note: this blog uses affiliate links. If you make a purchase, I may earn a small commission.": "advertising",
    }
    # An article's sentence that names affiliate links stays.
    about = "Streamers earn money when viewers buy games, gear or software through affiliate links, the report found."
    doc = page(body[0], *lines, about, *body[1:])
    for line, rule in lines.items():
        assert rules_of(doc)[line] == rule
    assert all(paragraph in doc.text for paragraph in [*body, about])


@pytest.mark.parametrize(
    "value, author",
    [("Anna Muster", "Anna Muster"), ("Axar.az", "Axar.az"), ("Suche", None), ("19. Juni 2019 / 13:20", None), ("Recent posts", None)],
)
def test_the_line_after_an_author_label_must_be_a_persons_name(value, author):
    from pipeline.clean.furniture import _label_value

    stated = _label_value("author", value)
    assert (stated[1]["author"] if stated else None) == author


@pytest.mark.parametrize(
    "line, control",
    [
        ("12 Punto 14 Punto 16 Punto 18 Punto", True),
        ("12px 14px 16px", True),
        ("14 пт 16 пт 18 пт", True),
        ("12 14 16", False),
        ("Von 12 Uhr bis 14 Uhr", False),
        ("10 Jahre 20 Jahre", False),
        ("2024 Punto 14 Punto 16 Punto", False),
    ],
)
def test_text_size_control(line, control):
    from pipeline.clean.patterns import text_size_control

    assert text_size_control(line) is control


# Subheadings that open with a network's or a button's name, as news about them has.
BUTTON_SUBHEADINGS = ["Twitter sues Musk", "Instagram bans teens", "Print edition ends", "Share prices slump", "공유 경제 확산"]


def test_a_subheading_that_opens_with_a_buttons_name_stays_between_paragraphs():
    body = [PARA_EN.replace("Tuesday", day) for day in ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday")]
    lines = [body[0]]
    for subheading, paragraph in zip(BUTTON_SUBHEADINGS, body[1:]):
        lines += [subheading, paragraph]
    doc = page(*lines)
    # (Whether a short line is article text is then the block model's call.)
    assert all(rules_of(doc).get(subheading) != "social" for subheading in BUTTON_SUBHEADINGS), rules_of(doc)
    # The same words beside furniture or short lines are a share bar, a menu item or a form field.
    doc = page(PARA_EN, "Share prices slump", "Facebook Twitter E-Mail", "Email Address", "Your email address will not be published.", PARA_EN)
    assert rules_of(doc)["Share prices slump"] == rules_of(doc)["Email Address"] == "social"


def test_a_subheading_that_opens_with_a_buttons_name_stays_in_html():
    from pipeline.options import Options
    from pipeline.read import read_bytes
    from pipeline.runner import process_document

    paragraphs = [PARA_EN.replace("Tuesday", day) for day in ("Monday", "Tuesday", "Wednesday")]
    html = (
        "<html><head><title>New rules for companies</title></head><body><article><h1>New rules for companies</h1>"
        f"<p>{paragraphs[0]}</p><h2>Twitter sues Musk</h2><p>{paragraphs[1]}</p><h2>Print edition ends</h2><p>{paragraphs[2]}</p>"
        '</article><div class="share"><a href="/s">Share Article</a></div></body></html>'
    )
    options = Options(format="html")
    doc = process_document(read_bytes(html.encode(), source="page.html", options=options), options)
    assert "Twitter sues Musk" in doc.text and "Print edition ends" in doc.text
