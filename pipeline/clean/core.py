"""Find the article's core: the densest run of prose in the page.

Each line gets a weight: prose lines weigh their length, short lines and
furniture weigh a small negative amount.  The maximum-sum run of lines
(Kadane) is the core: it bridges subheadings, list items and captions that
sit between paragraphs, and stops at menus, teaser lists and footers, whose
many short lines add up to a large negative weight.
"""

from __future__ import annotations

import numpy as np

from .features import LineTable

# jusText's calibrated limits (Pomikálek 2011): a paragraph under 70
# characters is "short"; from 200 characters with >= 30% stopwords it is
# reliably prose.  Lines in between need the stopword evidence.
SHORT_CHARS = 70
LONG_CHARS = 200
STOPWORD_PROSE = 0.30
# CJK lines carry ~2.5x the information per character; scale their length.
CJK_CHAR_FACTOR = 2.5
# A Hangul or Ethiopic syllable writes a consonant and a vowel (Hangul often
# a final consonant too): ~2 letters of an alphabet.
SYLLABIC_CHAR_FACTOR = 2.0

# Cost of a short line inside the core.  A menu of 20 items costs 400
# characters of prose, about two paragraphs; a subheading or two between
# paragraphs costs little.  Calibrated on the dev pages' text dumps.
SHORT_LINE_COST = 20
# Furniture (share bars, "Read more", credits) costs more than a plain short line.
FURNITURE_COST = 60
# A long line with few stopwords is a list of titles or tags run together.
NON_PROSE_COST_FACTOR = 0.5
# The same line twice in a page (menus at top and bottom, repeated teasers).
REPEATED_COST = 40


def line_weights(lines: LineTable, furniture: np.ndarray, repeated: np.ndarray) -> list[float]:
    """Each line's weight in the core search; `furniture` and `repeated` are per-line masks."""
    chars = _weighted_chars(lines)
    density, ends = lines.stopword_density, lines.ends_sentence
    long_sentence = (chars >= LONG_CHARS) & ends
    weight = np.where(
        (density >= STOPWORD_PROSE) | (long_sentence & (density >= STOPWORD_PROSE / 2)),
        chars,
        # Long sentences with few stopwords: prose in a language whose
        # stoplist we do not have (or a mismatch).
        np.where(long_sentence, chars * 0.5, -chars * NON_PROSE_COST_FACTOR),
    )
    # A short full sentence (a one-line paragraph) is neutral rather than negative.
    short_sentence = ends & (density >= STOPWORD_PROSE) & (lines.words >= 5)
    weight = np.where(chars < SHORT_CHARS, np.where(short_sentence, 0.0, -SHORT_LINE_COST), weight)
    weight = np.where(repeated & (chars < LONG_CHARS), -REPEATED_COST, weight)
    return np.where(furniture, -FURNITURE_COST, weight).tolist()


def prose_lines(lines: LineTable) -> np.ndarray:
    """Per line: long enough and with enough stopwords to be prose."""
    return (_weighted_chars(lines) >= SHORT_CHARS) & (lines.stopword_density >= STOPWORD_PROSE)


def _weighted_chars(lines: LineTable) -> np.ndarray:
    """Each line's length, CJK lines counted CJK_CHAR_FACTOR times, Hangul and Ethiopic ones SYLLABIC_CHAR_FACTOR times."""
    return lines.chars * np.where(lines.cjk, CJK_CHAR_FACTOR, np.where(lines.syllabic, SYLLABIC_CHAR_FACTOR, 1.0))


def densest_run(weights: list[float]) -> tuple[int, int] | None:
    """(start, end) inclusive of the maximum-sum run, None when nothing is positive."""
    best = 0.0
    best_span = None
    total = 0.0
    start = 0
    for i, w in enumerate(weights):
        if total <= 0:
            total = w
            start = i
        else:
            total += w
        if total > best:
            best = total
            best_span = (start, i)
    return best_span
