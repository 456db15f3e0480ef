"""A small block classifier for the teaser stage: is this block another story's teaser?

The rules in coherence.py find lists of other stories from their shape (a
title over a paragraph, a heading naming a box) and from how little each
block shares with the article.  They decide run by run, and what they miss
is at the edges: the first or last teaser of a box that shares a chance word
with the article, a teaser whose title does not read as one, a box the
list-page guard kept whole.  This model reads each block with the same
signals, and its neighbours', and gives the probability that the block is a
teaser rather than article text.

It is trained by `bench/train_teaser_model.py` on noisy copies of the dev
pages (bench/noise.py puts other pages' teasers into them; the noise seeds
are not the benchmark's), with the pages of each fold held out as for the
line model.  Every feature is a number any page gives, in any language:
similarities, shapes, lengths and positions; no word of any page is in it.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import numpy as np

from .linemodel import LineModel

MODEL_PATH = Path(__file__).resolve().parent / "data" / "teaser_model.json"
TRAINER = "bench/train_teaser_model.py"

# Half-width (in blocks) of the window whose highest similarity is a feature:
# a teaser box sits among blocks that share nothing with the article.
NEAR_BLOCKS = 3
# Blocks of at least this many characters give the page's typical similarity.
LONG_BLOCK_CHARS = 100
# Floor of that typical similarity when a block's is read against it (a page
# whose long blocks share nothing is not divided by zero).
MIN_MEDIAN = 0.05

FEATURE_NAMES = [
    "similarity",
    "joint",
    "title_like",
    "truncated",
    "log_chars",
    "ends_sentence",
    "relative_position",
    "similarity_prev",
    "similarity_next",
    "similarity_prev2",
    "similarity_next2",
    "title_prev",
    "title_next",
    "log_chars_prev",
    "log_chars_next",
    "joint_prev",
    "joint_next",
    "in_run",
    "run_prev",
    "run_next",
    "max_similarity_near",
    "page_median_similarity",
    "kept",
    "above_headline",
    "heading_prev",
    "truncated_prev",
    "truncated_next",
    "title_prev2",
    "title_next2",
    "ends_sentence_prev",
    "ends_sentence_next",
    "kept_prev",
    "kept_next",
    "similarity_over_median",
]


def teaser_features(
    sims: list[float],
    joint: list[float] | None,
    lengths: list[int],
    titles: list[bool],
    truncated: list[bool],
    ends_sentence: list[bool],
    headings: list[bool],
    in_run: list[bool],
    kept: list[bool],
    headline: int | None,
) -> np.ndarray:
    """One row of FEATURE_NAMES per block of a teaser scoring (coherence.remove_unrelated)."""
    n = len(sims)
    s = np.asarray(sims, float)
    j = np.asarray(joint, float) if joint is not None else np.zeros(n)
    t = np.asarray(titles, float)
    chars = np.log1p(np.asarray(lengths, float))
    run = np.asarray(in_run, float)
    cut = np.asarray(truncated, float)
    ends = np.asarray(ends_sentence, float)
    on = np.asarray(kept, float)

    def shifted(values: np.ndarray, by: int, pad: float) -> np.ndarray:
        """values[i - by] per block i (pad where that is off the page)."""
        out = np.full(n, pad)
        if abs(by) < n:
            if by > 0:
                out[by:] = values[:-by]
            else:
                out[:by] = values[-by:]
        return out

    padded = np.concatenate([np.zeros(NEAR_BLOCKS), s, np.zeros(NEAR_BLOCKS)])
    near = np.lib.stride_tricks.sliding_window_view(padded, 2 * NEAR_BLOCKS + 1).max(axis=1)
    long_blocks = s[np.asarray(lengths) >= LONG_BLOCK_CHARS]
    median = float(np.median(long_blocks)) if len(long_blocks) else 0.0
    position = np.arange(n)
    above = position < headline if headline is not None else np.zeros(n, bool)
    columns = [
        s, j, t, cut, chars, ends, position / max(n, 1),
        shifted(s, 1, -1.0), shifted(s, -1, -1.0), shifted(s, 2, -1.0), shifted(s, -2, -1.0),
        shifted(t, 1, -1.0), shifted(t, -1, -1.0), shifted(chars, 1, 0.0), shifted(chars, -1, 0.0),
        shifted(j, 1, -1.0), shifted(j, -1, -1.0), run, shifted(run, 1, -1.0), shifted(run, -1, -1.0),
        near, np.full(n, median), on, above.astype(float),
        shifted(np.asarray(headings, float), 1, 0.0),
        shifted(cut, 1, 0.0), shifted(cut, -1, 0.0), shifted(t, 2, -1.0), shifted(t, -2, -1.0),
        shifted(ends, 1, -1.0), shifted(ends, -1, -1.0), shifted(on, 1, -1.0), shifted(on, -1, -1.0),
        s / max(median, MIN_MEDIAN),
    ]
    return np.stack(columns, axis=1)


@lru_cache(maxsize=1)
def load_teaser_model(path: str = str(MODEL_PATH)) -> LineModel | None:
    """The shipped model, or None when the file is absent (the rules then decide alone)."""
    try:
        return LineModel(json.loads(Path(path).read_text(encoding="utf-8")), FEATURE_NAMES, TRAINER)
    except FileNotFoundError:
        return None
