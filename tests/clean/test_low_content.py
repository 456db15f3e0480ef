"""Step `low_content`: lines inside the core the line model does not keep (pipeline/clean/low_content.py)."""

from inline_pages import ARTICLE_EN, PositionModel, clean_lines

from pipeline.clean import linemodel, low_content, rules
from pipeline.clean.page import Page
from pipeline.document import Block, Document

CAPTION = "The old embankment at the weir, seen from the footbridge"


def text_doc(lines: list[str]) -> Document:
    return Document(source="x", raw=b"x", format="text", blocks=[Block(text=t, kind="line") for t in lines])


def test_a_line_the_model_drops_inside_the_core_goes_and_the_headline_stays():
    lines = ARTICLE_EN[:3] + [CAPTION] + ARTICLE_EN[3:]
    with linemodel.use_model(PositionModel(0, 3)):  # the headline and the caption
        doc = clean_lines(lines)
    assert doc.blocks[3].removed_by == rules.LOW_CONTENT
    assert doc.blocks[0].kept and doc.metadata["title"] == ARTICLE_EN[0]


def test_the_step_leaves_lines_outside_the_core_and_lines_already_removed_alone():
    lines = ["Home"] + ARTICLE_EN[1:3] + [CAPTION] + ARTICLE_EN[3:]
    with linemodel.use_model(PositionModel(0, 3, 4)):
        page = Page(text_doc(lines))
        start, stop = page.core
        assert start == 1 and stop == len(lines) - 1  # "Home" is outside the core
        page.apply({4: rules.SPAM})
        assert low_content.remove_low_content(page) == {3: rules.LOW_CONTENT}


def test_without_a_model_the_core_is_kept_whole():
    lines = ARTICLE_EN[:3] + [CAPTION] + ARTICLE_EN[3:]
    with linemodel.use_model(None):
        assert low_content.remove_low_content(Page(text_doc(lines))) == {}
