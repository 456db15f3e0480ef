"""Step `block_model` (pipeline/clean/block_model.py): the block model's removals, their rules, and the prose guard."""

import numpy as np
import pytest
from inline_pages import ARTICLE_EN, TEASERS_EN, clean_lines, kept, rule_of, stories

from pipeline.clean import rules
from pipeline.clean.block_model import guarded
from pipeline.dumps.blockmodel import load_block_model, use_model

MENU = ["Home", "News", "Sport", "Weather", "Contact"]
BRIEF = "The city council approved the budget on Tuesday. Work on the new library starts in May."


class KeepOnly:
    """A block model that keeps the blocks whose text is in `texts`."""

    def __init__(self, texts):
        self.texts = set(texts)
        self.pages = []

    def keep(self, x):
        self.pages.append(x)
        return np.array([text in self.texts for text in self.current])


def clean_with(lines, keep):
    model = KeepOnly(keep)
    model.current = [line for line in lines]
    with use_model(model):
        doc = clean_lines(lines)
    return doc, model


def test_the_blocks_the_model_does_not_keep_go_with_the_rule_of_where_they_stand():
    lines = MENU[:2] + ARTICLE_EN + ["Photo: Jane Smith/Agency"] + MENU[2:]
    doc, model = clean_with(lines, ARTICLE_EN[1:])
    assert len(model.pages) == 1 and model.pages[0].shape[0] == len(lines)
    assert kept(doc) == ARTICLE_EN[1:]
    assert [rule_of(doc, line) for line in MENU] == [rules.OUTSIDE_CORE] * len(MENU)
    # The headline stands just above the core, and the model dropped it: it is still the title.
    assert rule_of(doc, ARTICLE_EN[0]) == rules.OUTSIDE_CORE
    assert doc.metadata["title"] == ARTICLE_EN[0]


def test_a_block_inside_the_core_the_model_drops_is_low_content():
    caption = "Engineers inspect the old embankment."
    lines = ARTICLE_EN[:3] + [caption] + ARTICLE_EN[3:]
    doc, _ = clean_with(lines, ARTICLE_EN)
    assert rule_of(doc, caption) == rules.LOW_CONTENT
    assert kept(doc) == ARTICLE_EN


def test_blocks_under_a_heading_that_ends_the_article_go_as_that_section():
    teasers = stories(TEASERS_EN[:2])
    lines = ARTICLE_EN + ["Related Posts"] + teasers
    doc, _ = clean_with(lines, ARTICLE_EN)
    assert [rule_of(doc, line) for line in ["Related Posts"] + teasers] == [rules.RELATED_SECTION] * 5
    lines = ARTICLE_EN + ["Leave a Reply", "Great article, thanks for writing it up so clearly and quickly."]
    doc, _ = clean_with(lines, ARTICLE_EN)
    assert rule_of(doc, "Leave a Reply") == rules.COMMENTS_SECTION


def test_a_brief_the_model_passes_over_is_kept_by_the_prose_guard():
    lines = MENU[:3] + [BRIEF] + MENU[3:]
    doc, _ = clean_with(lines, [])
    assert doc.ok and kept(doc) == [BRIEF]


def test_a_page_without_prose_is_rejected_with_its_reason():
    doc, _ = clean_with(MENU + ["Log in", "Subscribe"], MENU)
    assert doc.status == "rejected" and doc.reason == f"{rules.NO_ARTICLE}: no prose found"
    assert all(not b.kept for b in doc.blocks)


@pytest.mark.parametrize(
    "keep, expected",
    [
        ([True, False, False], [True, False, False]),  # the model keeps prose: its decisions stand
        ([False, True, False], [True, False, False]),  # it keeps no prose: the prose blocks instead
    ],
)
def test_the_guard_stands_in_only_where_the_model_keeps_no_prose(keep, expected):
    prose = [True, False, False]
    texts = ["", "Menu", "Home"]
    assert guarded(prose, texts, keep, [True, True, True]) == expected
    assert guarded([False, False], texts[1:], [True, True], [True, True]) is None
    # A prose block an earlier step removed is not the page's prose.
    assert guarded(prose, texts, [False] * 3, [False, True, True]) is None
    # The layout's measure stands in where the page's does not say prose.
    sentence = "The council met on Tuesday. It voted to keep the library open for another year."
    assert guarded([False, False], ["Menu", sentence], [True, False], [True, True]) == [False, True]


@pytest.mark.parametrize("language", ["zh", "th", "ur"])
def test_the_guard_knows_prose_in_scripts_without_spaces_or_latin_full_stops(language):
    import json
    from pathlib import Path

    page = json.loads((Path(__file__).parent.parent / "data" / "text_pages" / "languages.json").read_text(encoding="utf-8"))[language]
    lines = page["menu"] + page["paragraphs"] + page["footer"]
    doc, _ = clean_with(lines, [])
    assert doc.ok and kept(doc) == page["paragraphs"]


def test_the_shipped_model_keeps_the_article_and_drops_the_menu_and_the_teasers():
    lines = MENU[:3] + ARTICLE_EN + ["Read more"] + stories(TEASERS_EN) + ["© 2025 Example Media. All rights reserved."] + MENU[3:]
    assert load_block_model() is not None
    doc = clean_lines(lines)
    assert kept(doc)[-4:] == ARTICLE_EN[1:]
    assert not set(kept(doc)) & set(MENU + stories(TEASERS_EN))
