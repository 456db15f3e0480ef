"""What the block model reads of each block of a text dump: numbers any page gives, in any language.

Every column is computed from the page object (page.py) the steps share,
so that training (bench/textfeatures.py) and cleaning read the same
numbers to the bit:

- the line model's 46 measurements of a block and its neighbourhood
  (linemodel.line_features: length, stopword density, punctuation, case,
  where it stands to the core, the prose around it, repetition);
- its kind, as the layout read it (a Markdown heading, a list item, a
  table row, a wrapped paragraph), and the page's style;
- what the rules say of it: a metadata line (byline, dateline), page
  furniture, a heading that opens other content, after the article's end;
- how much it shares with the article (TOPIC_FEATURES): a teaser of
  another story, a menu or a product box shares few of its longer words
  with the core, a subheading or a caption many;
- where it stands to the headline, and how much it shares with it.

No word of any page is a feature: words are only compared with other
words of the same page.
"""

from __future__ import annotations

from itertools import chain, count, repeat
from typing import TYPE_CHECKING

import numpy as np

from . import linemodel, rules

if TYPE_CHECKING:
    from .page import Page

LAYOUT_FEATURES = ["is_heading", "is_list_item", "is_table_row", "is_joined", "page_line_share", "page_heading_share"]
RULE_FEATURES = ["metadata_line", "after_article_end", "section_heading", "log_lines_after_end"]
TOPIC_FEATURES = ["core_word_share", "page_word_share", "near_core_word_share", "has_long_words"]
HEADLINE_FEATURES = ["is_headline", "headline_word_share", "signed_log_lines_to_headline", "is_first_line"]
FEATURE_NAMES = linemodel.FEATURE_NAMES + LAYOUT_FEATURES + RULE_FEATURES + TOPIC_FEATURES + HEADLINE_FEATURES

# Words of this many characters or more are compared: most function words
# are shorter, in any language that separates words.
TOPIC_MIN_CHARS = 4
# The core's share is averaged over this many blocks each side.
TOPIC_NEAR_BLOCKS = 2
_METADATA_RULES = frozenset({rules.BYLINE, rules.DATELINE, rules.METADATA_LABEL})


def block_features(page: Page) -> np.ndarray:
    """One row of FEATURE_NAMES per block of the page."""
    n = len(page.texts)
    if n == 0:
        return np.zeros((0, len(FEATURE_NAMES)))
    lines = linemodel.line_features(page.texts, page.tokens, page.lines, page.furniture, page.core, page.repeated, page.chars)
    words = PageWords(page.tokens)
    return np.hstack([lines, layout_columns(page.kinds), rule_columns(page), topic_columns(words, page.core), headline_columns(page, words)])


class PageWords:
    """Each block's distinct longer words (TOPIC_MIN_CHARS), numbered over the page: pairs of (block, word number)."""

    def __init__(self, tokens: list[list[str]]):
        self.n = n = len(tokens)
        # All of the page's words in one pass: a word's number is where the
        # page first uses it, and the (block, word) pairs are made distinct
        # by sorting, so that no block needs a set of its own.
        flat = list(chain.from_iterable(tokens))
        numbers: dict[str, int] = {}
        word = np.fromiter(map(numbers.setdefault, flat, count()), np.int64, len(flat))
        block = np.repeat(np.arange(n), np.fromiter(map(len, tokens), np.int64, n))
        longer = np.fromiter(map(len, flat), np.int64, len(flat)) >= TOPIC_MIN_CHARS
        self.vocabulary = width = len(flat) + 1  # numbers run below it
        key = block[longer] * width + word[longer]
        key.sort()
        distinct = np.empty(len(key), bool)
        distinct[:1] = True
        np.not_equal(key[1:], key[:-1], out=distinct[1:])
        key = key[distinct]
        self.block = key // width
        self.word = key - self.block * width
        self.sizes = np.bincount(self.block, minlength=n)

    def per_block(self, hit: np.ndarray) -> np.ndarray:
        """How many of each block's words `hit` (a mask over the pairs) marks."""
        return np.bincount(self.block, weights=hit, minlength=self.n)


# The kinds the layout columns tell apart, numbered (any other kind is 0).
# A heading of any level is a heading; a row of cells a text browser laid
# out (layout.CELLS: an inline menu, mostly) a paragraph, as the model was
# trained to read it.
_KIND_CODES = {"h": 1, "h1": 1, "li": 2, "row": 3, "p": 4, "line": 5, "cells": 4}


def layout_columns(kinds: list[str]) -> np.ndarray:
    n = len(kinds)
    code = np.fromiter(map(_KIND_CODES.get, kinds, repeat(0)), np.int8, n)  # one pass over the kinds
    is_line = (code == _KIND_CODES["line"]).astype(float)
    heading = (code == _KIND_CODES["h"]).astype(float)
    return np.stack(
        [
            heading,
            (code == _KIND_CODES["li"]).astype(float),
            (code == _KIND_CODES["row"]).astype(float),
            (code == _KIND_CODES["p"]).astype(float),
            np.full(n, is_line.mean()),
            np.full(n, heading.mean()),
        ],
        axis=1,
    )


def rule_columns(page: Page) -> np.ndarray:
    n = len(page.texts)
    idx = np.arange(n)
    metadata = np.zeros(n)
    metadata[[i for i, rule in page.furniture.items() if rule in _METADATA_RULES]] = 1.0
    section = np.zeros(n)
    section[page.section_headings()] = 1.0
    end = page.end
    return np.stack([metadata, (idx >= end).astype(float), section, np.log1p(np.maximum(idx - end + 1, 0)) / 6], axis=1)


def topic_columns(words: PageWords, core: tuple[int, int] | None) -> np.ndarray:
    """Per block: the share of its longer words found in the core outside it, in the rest of the page, and the first's mean over TOPIC_NEAR_BLOCKS each side."""
    n = words.n
    start, stop = core if core else (n, -1)
    in_core = (words.block >= start) & (words.block <= stop)
    page_count = np.bincount(words.word, minlength=words.vocabulary)
    core_count = np.bincount(words.word[in_core], minlength=words.vocabulary)
    denominator = np.maximum(words.sizes, 1)
    core_share = words.per_block(core_count[words.word] > in_core) / denominator
    cumulative = np.concatenate([[0.0], np.cumsum(core_share)])
    idx = np.arange(n)
    lo, hi = np.maximum(idx - TOPIC_NEAR_BLOCKS, 0), np.minimum(idx + TOPIC_NEAR_BLOCKS + 1, n)
    near = (cumulative[hi] - cumulative[lo]) / (hi - lo)
    page_share = words.per_block(page_count[words.word] > 1) / denominator
    return np.stack([core_share, page_share, near, (words.sizes > 0).astype(float)], axis=1)


def headline_columns(page: Page, words: PageWords) -> np.ndarray:
    """Per block: it is the headline; the share of its longer words the headline holds; its distance to the headline; it is the dump's first line."""
    n = words.n
    idx = np.arange(n)
    at = page.headline
    columns = np.zeros((n, 4))
    columns[0, 3] = 1.0
    if at is None:
        columns[:, 2] = np.log1p(idx) / 6  # as if the headline stood above the first line
        return columns
    columns[at, 0] = 1.0
    if words.sizes[at]:
        headline = np.zeros(words.vocabulary, bool)
        headline[words.word[words.block == at]] = True
        columns[:, 1] = words.per_block(headline[words.word]) / np.maximum(words.sizes, 1)
        columns[at, 1] = 0.0
    columns[:, 2] = np.sign(idx - at) * np.log1p(np.abs(idx - at)) / 6
    return columns
