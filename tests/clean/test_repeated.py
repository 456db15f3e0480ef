"""Step `repeated`: a block repeating the kept block before it, or a paragraph repeating one above it (pipeline/clean/repeated.py)."""

from pipeline.clean import clean, repeated, rules
from pipeline.clean.page import Page
from pipeline.document import Block, Document
from pipeline.options import Options

PARAGRAPH = (
    "The city council approved on Tuesday a new bridge for cyclists across the river, which will open next "
    "spring after two years of planning and a long public consultation."
)
LAST = (
    "The mayor said the bridge would cut travel times for thousands of commuters and take cars off the old "
    "road bridge, which needs repairs that will take most of next year."
)


def text_doc(lines: list[str]) -> Document:
    return Document(source="x", raw=b"x", format="text", blocks=[Block(text=t) for t in lines])


def test_a_block_repeating_the_one_before_goes():
    lines = ["Council approves the new cycle bridge", "Council approves the new cycle bridge", PARAGRAPH, PARAGRAPH, LAST]
    # Without the block model, which may drop the headline (it is the title, in the metadata).
    doc = clean(text_doc(lines), Options(format="text", skip_steps=frozenset({"block_model"})))
    assert [b.removed_by for b in doc.blocks[:4]] == [None, rules.REPEATED, None, rules.REPEATED]
    assert doc.text.count(PARAGRAPH) == 1


def test_short_blocks_may_repeat_further_apart_and_a_paragraph_may_not():
    refrain = "Read the full report"  # a label under each item: may repeat
    lines = ["Length", "120 m", "Width", "120 m", "Cost", "12 m", "12 m", refrain, PARAGRAPH, refrain, LAST]
    # "12 m" twice in a row is a table's value, under REPEAT_MIN_CHARS, and
    # the label comes back after another block, under COPY_MIN_CHARS.
    assert repeated.remove_repeats(Page(text_doc(lines))) == {}
    removals = repeated.remove_repeats(Page(text_doc([PARAGRAPH, PARAGRAPH, PARAGRAPH, LAST])))
    assert removals == {1: rules.REPEATED, 2: rules.REPEATED}
    # A paragraph the page holds again further down is a copy (a carousel's
    # cloned slide): the first stays.
    removals = repeated.remove_repeats(Page(text_doc([PARAGRAPH, LAST, "Length", PARAGRAPH, LAST])))
    assert removals == {3: rules.REPEATED, 4: rules.REPEATED}
    assert len(PARAGRAPH) >= repeated.COPY_MIN_CHARS > len(refrain) >= repeated.REPEAT_MIN_CHARS


def test_a_removed_block_between_two_copies_does_not_separate_them():
    doc = text_doc([PARAGRAPH, "Share on Facebook", PARAGRAPH, LAST])
    doc.blocks[1].removed_by = rules.SOCIAL  # removed before the step runs
    page = Page(doc)  # the page does not hold the block removed before cleaning began
    assert repeated.remove_repeats(page) == {1: rules.REPEATED} and page.positions[1] == 2
    doc = text_doc([PARAGRAPH, "Share on Facebook", PARAGRAPH, LAST])
    page = Page(doc)
    page.apply({1: rules.SOCIAL})
    assert repeated.remove_repeats(page) == {2: rules.REPEATED}
