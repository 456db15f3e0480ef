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
