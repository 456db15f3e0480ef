"""Find the article's core: the densest run of prose in the page.

Each line gets a weight: prose lines weigh their length, short lines and
furniture weigh a small negative amount.  The maximum-sum run of lines
(Kadane) is the core: it bridges subheadings, list items and captions that
sit between paragraphs, and stops at menus, teaser lists and footers, whose
many short lines add up to a large negative weight.
"""

from __future__ import annotations

from .features import LineFeatures

# jusText's calibrated limits (Pomikálek 2011): a paragraph under 70
# characters is "short"; from 200 characters with >= 30% stopwords it is
# reliably prose.  Lines in between need the stopword evidence.
SHORT_CHARS = 70
LONG_CHARS = 200
STOPWORD_PROSE = 0.30
# CJK lines carry ~2.5x the information per character; scale their length.
CJK_CHAR_FACTOR = 2.5

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


def line_weight(feat: LineFeatures, furniture: bool, repeated: bool) -> float:
    if furniture:
        return -FURNITURE_COST
    chars = feat.chars * (CJK_CHAR_FACTOR if feat.cjk else 1.0)
    if repeated and chars < LONG_CHARS:
        return -REPEATED_COST
    if chars < SHORT_CHARS:
        # A short full sentence (a one-line paragraph) is neutral rather than negative.
        if feat.ends_sentence and feat.stopword_density >= STOPWORD_PROSE and feat.words >= 5:
            return 0.0
        return -SHORT_LINE_COST
    if feat.stopword_density >= STOPWORD_PROSE or (chars >= LONG_CHARS and feat.ends_sentence and feat.stopword_density >= STOPWORD_PROSE / 2):
        return chars
    if chars >= LONG_CHARS and feat.ends_sentence:
        # Prose in a language whose stoplist we do not have (or a mismatch).
        return chars * 0.5
    return -chars * NON_PROSE_COST_FACTOR


def is_prose(feat: LineFeatures) -> bool:
    chars = feat.chars * (CJK_CHAR_FACTOR if feat.cjk else 1.0)
    return chars >= SHORT_CHARS and feat.stopword_density >= STOPWORD_PROSE


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
