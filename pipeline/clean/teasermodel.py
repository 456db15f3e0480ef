"""A small block classifier for the teaser stage: is this block another story's teaser?

The rules of the teaser step (teasers.py, teaser_runs.py) find lists of other stories from their shape (a
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

A second network over the same features, the veto, reads the blocks the
runs took: on real pages a run also takes the article's own paragraphs (a
section of a recipe, a review or a guide that shares few words with the
rest), and the veto gives back the blocks it reads as article text.  It
learns from the run blocks of the noisy dev pages (the injected teasers,
which it must not give back) and of real pages whose whole text is known
(wcxb-dev's articles, dev-pages' `with`/`without` snippets), held out by
fold; bench/README.md has its figures.
"""

from __future__ import annotations

import json
import sys
from functools import lru_cache
from pathlib import Path

import numpy as np

from .linemodel import LineModel, median, swapped_loader

MODEL_PATH = Path(__file__).resolve().parent / "data" / "teaser_model.json"
VETO_PATH = Path(__file__).resolve().parent / "data" / "teaser_veto.json"
TRAINER = "bench/train_teaser_model.py"

# Half-width (in blocks) of the window whose highest similarity is a feature:
# a teaser box sits among blocks that share nothing with the article.
NEAR_BLOCKS = 3
# Blocks of at least this many characters give the page's typical similarity.
LONG_BLOCK_CHARS = 100
# Floor of that typical similarity when a block's is read against it (a page
# whose long blocks share nothing is not divided by zero).
MIN_MEDIAN = 0.05

# The features in the model's order.  Each read from a source column
# (teaser_features's arguments) is (source, shift, value off the page):
# shift k reads block i - k (the one k above).  None: computed apart, below.
_SOURCES = ("similarity", "joint", "title_like", "truncated", "log_chars", "ends_sentence", "in_run", "kept", "heading")
_FEATURES = [
    ("similarity", ("similarity", 0, 0.0)),
    ("joint", ("joint", 0, 0.0)),
    ("title_like", ("title_like", 0, 0.0)),
    ("truncated", ("truncated", 0, 0.0)),
    ("log_chars", ("log_chars", 0, 0.0)),
    ("ends_sentence", ("ends_sentence", 0, 0.0)),
    ("relative_position", None),
    ("similarity_prev", ("similarity", 1, -1.0)),
    ("similarity_next", ("similarity", -1, -1.0)),
    ("similarity_prev2", ("similarity", 2, -1.0)),
    ("similarity_next2", ("similarity", -2, -1.0)),
    ("title_prev", ("title_like", 1, -1.0)),
    ("title_next", ("title_like", -1, -1.0)),
    ("log_chars_prev", ("log_chars", 1, 0.0)),
    ("log_chars_next", ("log_chars", -1, 0.0)),
    ("joint_prev", ("joint", 1, -1.0)),
    ("joint_next", ("joint", -1, -1.0)),
    ("in_run", ("in_run", 0, 0.0)),
    ("run_prev", ("in_run", 1, -1.0)),
    ("run_next", ("in_run", -1, -1.0)),
    ("max_similarity_near", None),
    ("page_median_similarity", None),
    ("kept", ("kept", 0, 0.0)),
    ("above_headline", None),
    ("heading_prev", ("heading", 1, 0.0)),
    ("truncated_prev", ("truncated", 1, 0.0)),
    ("truncated_next", ("truncated", -1, 0.0)),
    ("title_prev2", ("title_like", 2, -1.0)),
    ("title_next2", ("title_like", -2, -1.0)),
    ("ends_sentence_prev", ("ends_sentence", 1, -1.0)),
    ("ends_sentence_next", ("ends_sentence", -1, -1.0)),
    ("kept_prev", ("kept", 1, -1.0)),
    ("kept_next", ("kept", -1, -1.0)),
    ("similarity_over_median", None),
]
FEATURE_NAMES = [name for name, _ in _FEATURES]
# The table read once: (column, source row, shift, pad) of each shifted feature.
_SHIFTED = [(column, _SOURCES.index(spec[0]), *spec[1:]) for column, (_name, spec) in enumerate(_FEATURES) if spec is not None]
_RELATIVE_POSITION, _MAX_NEAR, _PAGE_MEDIAN, _ABOVE_HEADLINE, _OVER_MEDIAN = (
    FEATURE_NAMES.index(name)
    for name in ("relative_position", "max_similarity_near", "page_median_similarity", "above_headline", "similarity_over_median")
)


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
    """One row of FEATURE_NAMES per block of a teaser scoring (teasers.find_unrelated)."""
    n = len(sims)
    source = np.empty((len(_SOURCES), n))
    source[0] = sims
    source[1] = joint if joint is not None else 0.0
    source[2] = titles
    source[3] = truncated
    source[4] = lengths
    np.log1p(source[4], out=source[4])
    source[5] = ends_sentence
    source[6] = in_run
    source[7] = kept
    source[8] = headings
    s = source[0]
    x = np.empty((n, len(FEATURE_NAMES)))
    for column, row, by, pad in _SHIFTED:
        values = source[row]
        if by == 0:
            x[:, column] = values
        elif abs(by) >= n:
            x[:, column] = pad
        elif by > 0:
            x[:by, column] = pad
            x[by:, column] = values[:-by]
        else:
            x[by:, column] = pad
            x[:by, column] = values[-by:]
    padded = np.zeros(n + 2 * NEAR_BLOCKS)
    padded[NEAR_BLOCKS : NEAR_BLOCKS + n] = s
    near = padded[: n].copy()
    for k in range(1, 2 * NEAR_BLOCKS + 1):
        np.maximum(near, padded[k : k + n], out=near)
    long_blocks = s[np.asarray(lengths) >= LONG_BLOCK_CHARS]
    page_median = median(long_blocks) if len(long_blocks) else 0.0
    position = np.arange(n)
    x[:, _RELATIVE_POSITION] = position / max(n, 1)
    x[:, _MAX_NEAR] = near
    x[:, _PAGE_MEDIAN] = page_median
    x[:, _ABOVE_HEADLINE] = position < headline if headline is not None else 0.0
    x[:, _OVER_MEDIAN] = s / max(page_median, MIN_MEDIAN)
    return x


def _read_model(path: str) -> LineModel | None:
    """A network over FEATURE_NAMES from its JSON file, or None when the file is absent."""
    try:
        return LineModel(json.loads(Path(path).read_text(encoding="utf-8")), FEATURE_NAMES, TRAINER)
    except FileNotFoundError:
        return None


@lru_cache(maxsize=1)
def load_teaser_model(path: str = str(MODEL_PATH)) -> LineModel | None:
    """The shipped model, or None when the file is absent (the rules then decide alone)."""
    return _read_model(path)


@lru_cache(maxsize=1)
def load_veto_model(path: str = str(VETO_PATH)) -> LineModel | None:
    """The shipped veto over the runs' blocks, or None when the file is absent (the runs then decide alone)."""
    return _read_model(path)


def use_model(model: LineModel | None):
    """Inside the block the teaser step uses `model` instead of the shipped teaser model (benchmarks, tests)."""
    return swapped_loader(sys.modules[__name__], "load_teaser_model", model)


def use_veto_model(model: LineModel | None):
    """Inside the block the teaser step uses `model` as its veto instead of the shipped one (benchmarks, tests)."""
    return swapped_loader(sys.modules[__name__], "load_veto_model", model)
