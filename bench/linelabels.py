"""Labels for the units of a text dump (its lines, or the blocks read from it): article text or not.

wcxb-dev pages come with their whole main text: a unit is article text
when most of its words are covered by word trigrams of `main_content`.
The dump's units are read as one stream of words, so a unit of one or two
words (a link's text in a one-text-node-a-line dump, a short subheading)
is covered by the trigrams that run across it from its neighbours when
they are article text too, and a menu item between two paragraphs is not.

dev pages have `with` / `without` snippets only: a unit that overlaps an
occurrence of a `with` snippet (found in the units' text joined by spaces,
whitespace folded) is article text, one that overlaps a `without` snippet
is not, one that overlaps both or neither is unlabelled (-1).  For dumps of
one block a line this is the labelling bench/train_line_model.py has always
used (a line holding a snippet); for wrapped dumps a snippet over several
lines labels each of them.

Markdown units are compared by the text they show (pipeline.dumps.layout.markdown_inline).
"""

from __future__ import annotations

import re
from functools import lru_cache

import numpy as np

from devpages import fold

_WORD = re.compile(r"\w+")
# A unit is article text when at least this share of its words are covered.
COVERED_ARTICLE = 0.5
TRIGRAM = 3


def words(text: str) -> list[str]:
    return _WORD.findall(text.casefold())


@lru_cache(maxsize=4)
def _main_grams(main: str) -> tuple[int, frozenset]:
    """(n, the word n-grams of `main`): trigrams, or the whole text when it is shorter; read once per main text."""
    main_words = words(main)
    n = min(TRIGRAM, len(main_words)) or 1
    return n, frozenset(tuple(main_words[i : i + n]) for i in range(len(main_words) - n + 1))


def main_coverage(units: list[str], main: str) -> np.ndarray:
    """Per unit, the share of its words covered by a word trigram of `main` (NaN for a unit without words)."""
    n, grams = _main_grams(main)
    stream: list[str] = []
    owner: list[int] = []
    for k, unit in enumerate(units):
        found = words(unit)
        stream.extend(found)
        owner.extend([k] * len(found))
    covered = np.zeros(len(stream), bool)
    for i in range(len(stream) - n + 1):
        if tuple(stream[i : i + n]) in grams:
            covered[i : i + n] = True
    totals = np.bincount(owner, minlength=len(units)).astype(float) if owner else np.zeros(len(units))
    hits = np.bincount(owner, weights=covered.astype(float), minlength=len(units)) if owner else np.zeros(len(units))
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(totals > 0, hits / np.maximum(totals, 1), np.nan)


def snippet_labels(units: list[str], with_: list[str], without: list[str]) -> np.ndarray:
    """Per unit: 1 overlaps a `with` snippet only, 0 a `without` snippet only, -1 both or neither."""
    folded = [fold(u) for u in units]
    starts = []
    at = 0
    for text in folded:
        starts.append(at)
        at += len(text) + 1
    joined = " ".join(folded)
    ends = [s + len(t) for s, t in zip(starts, folded)]
    marks = np.zeros((len(units), 2), bool)
    for column, snippets in ((0, with_), (1, without)):
        for snippet in snippets:
            needle = fold(snippet)
            if not needle:
                continue
            at = joined.find(needle)
            while at >= 0:
                stop = at + len(needle)
                first = np.searchsorted(ends, at, side="right")  # the first unit ending after the snippet starts
                k = first
                while k < len(units) and starts[k] < stop:
                    marks[k, column] = True
                    k += 1
                at = joined.find(needle, at + 1)
    labels = np.full(len(units), -1, np.int8)
    labels[marks[:, 0] & ~marks[:, 1]] = 1
    labels[marks[:, 1] & ~marks[:, 0]] = 0
    return labels


def unit_labels(page, units: list[str]) -> np.ndarray:
    """1 article, 0 not, -1 unknown, per unit of a page (bench/textcorpus.TextPage)."""
    if page.main_content is not None:
        coverage = main_coverage(units, page.main_content)
        labels = np.where(coverage >= COVERED_ARTICLE, 1, 0).astype(np.int8)
        labels[np.isnan(coverage)] = -1
        return labels
    return snippet_labels(units, page.with_, page.without)
