"""Step `contents`: a table of contents above the sections it lists (pipeline/clean/contents.py)."""

import pytest

from pipeline.clean import clean, contents, rules
from pipeline.clean.page import Page
from pipeline.document import Block, Document
from pipeline.options import Options

PARAGRAPHS = [
    "The council wants the new bridge because cyclists who cross the river today share the old road bridge with cars and lorries, and the council counts more cyclists on it every year.",
    "The new bridge for cyclists will be a steel arch, because the river bed is soft, and an arch bridge needs no pillars in the river, which the council and the fishermen wanted.",
    "The bridge for cyclists will cost the council twelve million euros; the state pays half of the cost of the bridge, and the council pays the rest from its budget for roads.",
    "The council says work on the bridge starts in March, and the cyclists who cross the river keep the old ferry until the new bridge for cyclists opens next spring.",
]
HEADINGS = ["Why a new bridge", "How it will be built", "What it costs", "When it opens"]
# A label that is no table's word (LABEL_ALONE): it goes only with the table under it.
PLAIN_LABEL = "At a glance"


def article(label: str | None = "Table of Contents", headings=HEADINGS, paragraphs=PARAGRAPHS) -> list[str]:
    intro = "Cyclists will cross the river on a bridge of their own from next spring, the council decided after a long debate on Tuesday evening."
    lines = ["Council approves a cycle bridge", intro] + ([label] if label else []) + list(headings)
    for heading, paragraph in zip(headings, paragraphs):
        lines += [heading, paragraph]
    return lines


def text_doc(lines: list[str], format: str = "text") -> Document:
    return Document(source="x", raw=b"x", format=format, blocks=[Block(text=t) for t in lines])


def removed(lines: list[str], format: str = "text") -> list[str]:
    page = Page(text_doc(lines, format))
    return [page.texts[i] for i in sorted(contents.remove_contents(page))]


def test_the_table_and_its_label_go_and_the_sections_stay():
    lines = article()
    assert removed(lines) == ["Table of Contents"] + HEADINGS
    assert removed(article(PLAIN_LABEL)) == [PLAIN_LABEL] + HEADINGS
    # Through the whole cleaner the headings stay where the sections begin.
    doc = clean(text_doc(lines), Options(format="text", skip_steps=frozenset({"block_model"})))
    assert [b.removed_by for b in doc.blocks[2:7]] == [rules.TABLE_OF_CONTENTS] * 5
    text = doc.text
    for heading, paragraph in zip(HEADINGS, PARAGRAPHS):
        assert text.count(heading) == 1 and f"{heading}\n\n{paragraph}" in text


@pytest.mark.parametrize(
    "label, headings",
    [
        ("Содержание", ["Зачем нужен мост", "Как его построят", "Сколько он стоит", "Когда он откроется"]),
        ("Mündəricat", ["Körpü niyə lazımdır", "Necə tikiləcək", "Nə qədər başa gəlir", "Nə vaxt açılacaq"]),
        ("목차", ["왜 새 다리인가", "어떻게 짓는가", "비용은 얼마인가", "언제 개통하는가"]),
        ("სარჩევი", ["რატომ ხიდი", "როგორ აშენდება", "რა ღირს", "როდის გაიხსნება"]),
        ("Inhaltsverzeichnis", ["Warum eine Brücke", "Wie sie gebaut wird", "Was sie kostet", "Wann sie öffnet"]),
    ],
)
def test_read_from_the_lines_alone_in_any_language(label, headings):
    assert removed(article(label, headings)) == [label] + headings


def test_numbering_case_and_markdown_do_not_hide_an_entry():
    toc = ["1. Why a new bridge", "- HOW IT WILL BE BUILT", "* What it costs", "When it opens:"]
    lines = article(label=None)
    lines[2:6] = toc
    headings = ["## 1. Why a new bridge", "## How it will be built", "## What it costs", "## When it opens"]
    for old, new in zip(HEADINGS, headings):
        lines[lines.index(old, 6)] = new
    assert removed(lines) == toc


def test_without_a_label_only_the_entries_go():
    # The line above the table is a paragraph (and ends a sentence): it stays.
    assert removed(article(label=None)) == HEADINGS
    assert removed(article(label="Here is what this article covers.")) == HEADINGS
    assert removed(article(label="Let us begin.")) == HEADINGS
    # A short line that stands again further down is a heading of its own.
    lines = article(label="Bridge facts")
    assert removed(lines[:-2] + ["Bridge facts"] + lines[-2:]) == HEADINGS


def test_two_lines_standing_again_are_chance():
    lines = article(PLAIN_LABEL, headings=HEADINGS[:2], paragraphs=PARAGRAPHS[:2])
    assert removed(lines) == []
    assert len(HEADINGS[:2]) < contents.CONTENTS_MIN_ENTRIES


def test_lines_that_come_back_out_of_order_or_side_by_side_are_no_table():
    lines = article(PLAIN_LABEL)
    assert removed(article(PLAIN_LABEL, headings=HEADINGS[::-1])[:7] + lines[7:]) == []
    # Each line again, but in a block of its own with no section between:
    # a list the page prints twice (a summary box, a menu), not a table of contents.
    assert removed(lines[:7] + HEADINGS + PARAGRAPHS) == []


def test_facts_repeated_under_every_product_are_no_table():
    # A product card's facts stand under each product, more than twice;
    # here the first card lists them in a row, the others with a note under each.
    card = ["Gluten free", "Recycled materials", "Subscriptions available"]
    intro = "We cooked from three meal kits for a month, and this is how the boxes, the recipes and the deliveries compared."
    lines = ["The best meal kits of the year, compared", intro, "Kit one"] + card + [PARAGRAPHS[0]]
    for name, paragraph in zip(["Kit two", "Kit three"], PARAGRAPHS[1:]):
        for fact in card:
            lines += [fact, "Yes, on every box"]
        lines += [paragraph]
    page = Page(text_doc(lines))
    assert page.headline == 0 and contents.remove_contents(page) == {}


def test_a_block_removed_between_two_lines_breaks_the_run():
    lines = article(PLAIN_LABEL)
    doc = text_doc(lines[:5] + ["Advertisement"] + lines[5:])  # two entries either side
    doc.blocks[5].removed_by = rules.ADVERTISING  # removed before the cleaner: the lines were not one list
    assert contents.remove_contents(Page(doc)) == {}
    doc = text_doc(lines[:5] + ["Advertisement"] + lines[5:])
    page = Page(doc)
    page.apply({5: rules.ADVERTISING})  # removed by an earlier step: the same
    assert contents.remove_contents(page) == {}


def test_the_headline_is_never_an_entry_or_the_label():
    # The headline over the table, printed again over the first section.
    headline = "Council approves a cycle bridge"
    lines = [headline] + HEADINGS + [PARAGRAPHS[0], headline, PARAGRAPHS[1]]
    for heading, paragraph in zip(HEADINGS, PARAGRAPHS):
        lines += [heading, paragraph]
    page = Page(text_doc(lines))
    assert page.texts[page.headline] == headline
    assert [page.texts[i] for i in sorted(contents.remove_contents(page))] == HEADINGS
    # A headline of a few words right over the table is no label (the first
    # line, the page's <title>, names it).
    headline = "Cycle bridge approved"
    lines = [f"{headline} | Riverside Herald"] + article(label=headline)[2:]
    page = Page(text_doc(lines))
    assert page.texts[page.headline] == headline
    assert [page.texts[i] for i in sorted(contents.remove_contents(page))] == HEADINGS


def test_html_blocks_too():
    assert removed(article(), format="html") == ["Table of Contents"] + HEADINGS


@pytest.mark.parametrize("label", ["Table of Contents", "Contents [hide]", "Содержание", "Зміст", "İçindekiler", "Mündəricat", "სარჩევი", "목차", "Inhaltsverzeichnis"])
def test_a_label_alone_goes_where_its_entries_did_not_come_with_it(label):
    # A folded widget: the label is in the page's text, its entries are not.
    lines = article(label=None)
    lines = lines[:2] + [label] + lines[6:]
    assert removed(lines) == [label]


def test_a_sentence_that_opens_with_a_label_word_stays():
    lines = article(label=None)
    lines = lines[:2] + ["Contents of the box: two batteries and a charger", "In this article we look at the costs"] + lines[6:]
    assert removed(lines) == []
