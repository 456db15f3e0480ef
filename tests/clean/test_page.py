"""The page the steps work on (pipeline/clean/page.py): built once, from the blocks still kept, with the page's language."""

import pytest
from inline_pages import ARTICLE_DE, ARTICLE_EN

from pipeline.clean import clean, rules
from pipeline.clean.page import Page
from pipeline.document import Block, Document
from pipeline.language import detect_language
from pipeline.options import Options

AZ = [
    "Bakıda keçirilən beynəlxalq konfransda regional təhlükəsizlik məsələləri geniş müzakirə olunub.",
    "Nazir çıxışında nəqliyyat dəhlizlərinin əhəmiyyətini xüsusi vurğulayıb və yeni layihələrdən danışıb.",
    "Konfransın sonunda iştirakçılar birgə bəyanat qəbul edib və növbəti görüşün tarixini razılaşdırıblar.",
]


def text_doc(lines: list[str]) -> Document:
    return Document(source="x", raw=b"x", format="text", blocks=[Block(text=t, kind="line") for t in lines])


def test_blocks_the_extractor_dropped_are_not_part_of_the_page_and_keep_their_rule():
    doc = text_doc(["Menu", "Navigation Home Sport", *ARTICLE_EN])
    doc.blocks[0].removed_by = doc.blocks[1].removed_by = rules.OUTSIDE_CORE  # dropped before cleaning
    page = Page(doc)
    assert page.texts == ARTICLE_EN and page.positions == list(range(2, 2 + len(ARTICLE_EN)))
    assert all(page.blocks[i] is doc.blocks[page.positions[i]] for i in range(len(page.blocks)))
    assert len(page.lines) == len(page.tokens) == len(page.blocks)


def test_a_step_removal_lands_on_the_document_block_it_names():
    doc = text_doc(["Menu", *ARTICLE_EN, "Share on Facebook"])
    doc.blocks[0].removed_by = rules.BREADCRUMB
    page = Page(doc)
    assert page.apply({len(page.blocks) - 1: rules.SOCIAL, 0: rules.SPAM}) == 2
    assert doc.blocks[-1].removed_by == rules.SOCIAL and doc.blocks[1].removed_by == rules.SPAM
    assert page.apply({0: rules.REPEATED}) == 0  # an earlier step's rule stands
    assert doc.blocks[0].removed_by == rules.BREADCRUMB and doc.blocks[1].removed_by == rules.SPAM


def test_the_page_measures_its_core_and_headline_once():
    page = Page(text_doc(["Home", "News", *ARTICLE_DE]))
    start, stop = page.core
    assert page.texts[start:stop + 1][-1] == ARTICLE_DE[-1] and start >= 2
    assert page.headline == 2 and page.found["title"] == ARTICLE_DE[0]
    assert page.end == len(page.texts) and page.section_end is None



@pytest.mark.parametrize("skip", ["Skip to main content", "Zum Inhalt springen", "Aller au contenu", "Перейти к содержанию"])
def test_a_skip_link_is_furniture_and_never_the_headline(skip):
    # The dump's first line, as html2text writes "[Skip to main content](#main)": the finder's first-line lift made it the title.
    page = Page(text_doc([skip, *ARTICLE_DE]))
    assert page.furniture[0] == rules.SKIP_LINK
    assert page.headline == 1 and page.found["title"] == ARTICLE_DE[0]

@pytest.mark.parametrize(
    "trail, title",
    [
        ("Home » Archive » Cities » Flood defences to be rebuilt along the river", "Flood defences to be rebuilt along the river"),
        ("Home > News > Flood defences to be rebuilt along the river after record storms", ARTICLE_EN[0]),
    ],
)
def test_a_breadcrumb_picked_for_the_headline_gives_its_last_part(trail, title):
    # No headline line of its own: the trail that ends with the story's title stands for it.
    page = Page(text_doc(["Example News", "Menu", trail, *ARTICLE_EN[1:]]))
    assert page.furniture[2] == rules.BREADCRUMB
    assert page.found["title"] == title


@pytest.mark.parametrize(
    "trail, title",
    [
        # Without a home word: a trail by its parts, either way round.
        ("| Resources | Blog | Flood defences to be rebuilt along the river", "Flood defences to be rebuilt along the river"),
        ("Flood defences to be rebuilt along the river | Cities | Example News", "Flood defences to be rebuilt along the river"),
    ],
)
def test_a_trail_picked_for_the_headline_gives_its_story_part(trail, title):
    page = Page(text_doc(["Example News", "Menu", trail, *ARTICLE_EN[1:]]))
    assert page.found["title"] == title


@pytest.mark.parametrize(
    "line",
    ["We value your privacy", "Warning: Undefined index: page in /var/www/html/index.php on line 12"],
)
def test_a_consent_heading_or_a_server_error_is_never_the_headline(line):
    # Each the first line above the article: the finder took it for the headline.
    page = Page(text_doc([line, *ARTICLE_EN[1:]]))
    assert page.found.get("title") != line


def test_a_trail_too_long_for_a_breadcrumb_gives_its_story_part():
    from pipeline.clean.page import trail_title

    trail = "Startseite » Nachrichten » Energie » Erneuerbare Energie » Bayern fordert höhere Erlösobergrenzen für Bioenergie"
    assert trail_title(trail) == "Bayern fordert höhere Erlösobergrenzen für Bioenergie"


@pytest.mark.parametrize(
    "text",
    ['resource "<TYPE>" "<LABEL>"', "Ukraine war: Kyiv / Moscow talks resume", "Opinion | The case for a four-day week"],
)
def test_a_headline_with_one_separator_or_code_is_no_trail(text):
    from pipeline.clean.page import trail_title

    assert trail_title(text) == text


@pytest.mark.parametrize(
    "lines, language",
    [(ARTICLE_EN, "en"), (ARTICLE_DE, "de"), (AZ, "az"), (["12:30", "©", "→"], "und")],
)
def test_the_page_language_is_decided_once_and_stored_on_the_document(lines, language):
    doc = text_doc(lines)
    page = Page(doc)
    assert page.language == doc.metadata["language"] == language
    assert 0 <= doc.metadata["language_confidence"] <= 1


def test_the_configured_backend_decides_and_the_language_stage_keeps_it():
    hy = "Երևանում այսօր մեկնարկել է միջազգային կինոփառատոնը, որին մասնակցում են ռեժիսորներ աշխարհի տարբեր երկրներից։"
    lines = [hy, hy.replace("այսօր", "երեկ"), hy.replace("Երևանում", "Գյումրիում")]
    for backend, expected in (("auto", "hy"), ("langdetect", "et")):  # langdetect has no Armenian profile
        options = Options(format="text", language_backend=backend)
        doc = clean(text_doc(lines), options)
        assert doc.metadata["language"] == expected
        detect_language(doc, "auto")  # the stage does not decide again, whatever it is asked
        assert doc.metadata["language"] == expected


def test_a_language_the_caller_set_is_kept():
    doc = text_doc(ARTICLE_EN)
    doc.metadata["language"] = "en"
    assert Page(doc).language == "en" and doc.metadata["language_confidence"] is None


def test_the_stoplist_follows_the_page_language():
    assert "die" in Page(text_doc(ARTICLE_DE)).stoplist
    assert "the" in Page(text_doc(ARTICLE_EN)).stoplist
    assert "the" in Page(text_doc(["12:30", "©"])).stoplist  # undetermined: English's list


@pytest.mark.parametrize("fmt", ["text", "html"])
def test_a_page_whose_blocks_the_extractor_all_dropped_is_rejected_and_its_rules_stand(fmt):
    doc = Document(source="x", raw=b"x", format=fmt, blocks=[Block(text=t) for t in ARTICLE_EN])
    for block in doc.blocks:
        block.removed_by = rules.OUTSIDE_CORE
    clean(doc)
    assert doc.status == "rejected" and doc.reason.startswith("no_article")
    assert [b.removed_by for b in doc.blocks] == [rules.OUTSIDE_CORE] * len(ARTICLE_EN)


def test_a_headline_a_step_removes_is_picked_again_among_the_other_lines():
    headline, other = ARTICLE_EN[0], "Storm damage: flood defences to be rebuilt along the river"
    lines = [f"{headline} | Example News", "Home", other, *ARTICLE_EN]
    doc = Document(source="t.txt", raw=b"x", format="text", blocks=[Block(text=line, kind="line") for line in lines])
    page = Page(doc)
    assert page.texts[page.headline] == page.found["title"] == headline
    page.replace_headline({page.headline: rules.UNRELATED_TEASER})
    assert page.texts[page.headline] == page.found["title"] == other
