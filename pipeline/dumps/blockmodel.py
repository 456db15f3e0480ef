"""The block model for text dumps: which blocks of a page are its article text.

Two stages, in numpy, on the calling thread:

1. the block stage (gradient-boosted trees, pipeline.trees; or a small
   network of tanh units) reads each block's features
   (pipeline.clean.blockfeatures) and those of the blocks around it (a
   block under a headline and over a paragraph is read with them), and
   gives each block a probability;
2. the sequence network reads those probabilities along the page
   (SEQUENCE_FEATURES: their means over windows of blocks, the densest run
   of likely article text and where a block stands to it, how much likely
   article text lies between): article text is one run, seldom broken, and
   a paragraph far below it (a comment, a publisher's notice) is not part
   of it however much it reads like prose.

The blocks kept are then chosen per page (`decide`): in order of
probability, as many as maximise the page's expected precision and recall
of its words, weighed as the benchmark's F1 weighs them, rather than one
threshold for every page: a page of many doubtful blocks keeps fewer of
them.

Trained by bench/train_text_model.py on both corpora and every dumper's
dumps, held out by site; the features are numbers any page gives in any
language, never a word of a page.
"""

from __future__ import annotations

import json
import sys
from functools import lru_cache
from pathlib import Path

import numpy as np

from ..trees import Trees, sigmoid

MODEL_PATH = Path(__file__).resolve().parent / "data" / "block_model.json"
TRAINER = "bench/train_text_model.py"

# Matrix products in slices of rows small enough to stay on the calling
# thread (OpenBLAS goes multi-threaded from 2**18 multiply-adds, and waking
# its threads between pages costs more than the products).
SINGLE_THREAD_MACS = 1 << 18

SEQUENCE_WINDOWS = (1, 3, 8, 20)  # blocks each side over which the logits are averaged
MASS_WINDOWS = (3, 10)  # blocks each side over which the article characters' share is taken
SEQUENCE_FEATURES = (
    ["logit"]
    + [f"mean_logit_{half}" for half in SEQUENCE_WINDOWS]
    + [f"article_share_{half}" for half in MASS_WINDOWS]
    + [
        "max_near",
        "min_near",
        "in_run",
        "log_blocks_to_run",
        "log_article_chars_to_run",
        "article_chars_before_share",
        "log_page_article_chars",
        "page_article_share",
        "run_article_share",
        "log_kept_run_blocks",
        "log_kept_run_chars",
    ]
)


def block_input_names(names: list[str], context: list[str], shifts: list[int]) -> list[str]:
    """The block stage's input columns: the features, then the `context` features of the block `shift` away, for each shift."""
    return list(names) + [f"{name}{shift:+d}" for shift in shifts for name in context]


def with_neighbours(x: np.ndarray, columns: list[int], shifts: list[int]) -> np.ndarray:
    """x with x[i + shift, columns] appended for each shift (zeros past the page's edges)."""
    n = len(x)
    parts = [x]
    sub = x[:, columns]
    for shift in shifts:
        shifted = np.zeros_like(sub)
        if 0 < shift < n:
            shifted[shift:] = sub[: n - shift]
        elif -n < shift < 0:
            shifted[:shift] = sub[-shift:]
        parts.append(shifted)
    return np.hstack(parts)


def densest_run(weights: np.ndarray) -> tuple[int, int] | None:
    """(start, end) inclusive of the run of maximum sum (Kadane), None when nothing is positive."""
    best, span, total, start = 0.0, None, 0.0, 0
    for i, w in enumerate(weights.tolist()):
        if total <= 0:
            total, start = w, i
        else:
            total += w
        if total > best:
            best, span = total, (start, i)
    return span


def _window_means(cumulative: np.ndarray, n: int, half: int) -> tuple[np.ndarray, np.ndarray]:
    idx = np.arange(n)
    return np.maximum(idx - half, 0), np.minimum(idx + half + 1, n)


def sequence_features(p: np.ndarray, chars: np.ndarray) -> np.ndarray:
    """SEQUENCE_FEATURES of a page's blocks, from the block network's probabilities `p` and the blocks' characters."""
    n = len(p)
    clipped = np.clip(p, 1e-4, 1 - 1e-4)
    logit = np.log(clipped / (1 - clipped))
    idx = np.arange(n)
    cumulative = np.concatenate([[0.0], np.cumsum(logit)])
    columns = [logit]
    for half in SEQUENCE_WINDOWS:
        lo, hi = _window_means(cumulative, n, half)
        columns.append((cumulative[hi] - cumulative[lo]) / (hi - lo))
    mass = p * chars
    mass_cum = np.concatenate([[0.0], np.cumsum(mass)])
    chars_cum = np.concatenate([[0.0], np.cumsum(chars)])
    for half in MASS_WINDOWS:
        lo, hi = _window_means(mass_cum, n, half)
        columns.append((mass_cum[hi] - mass_cum[lo]) / np.maximum(chars_cum[hi] - chars_cum[lo], 1))
    padded = np.concatenate([p[:1], p[:1], p, p[-1:], p[-1:]])
    near = np.stack([padded[k : k + n] for k in range(5)])
    columns += [near.max(axis=0), near.min(axis=0)]
    # The densest run of likely article text, a block's weight growing
    # with the square root of its length (a long paragraph outweighs a
    # few short lines, not a whole page of them).
    run = densest_run((p - 0.5) * np.sqrt(chars + 1))
    start, stop = run if run else (n, -1)
    distance = np.where(idx < start, start - idx, np.where(idx > stop, idx - stop, 0))
    total = mass_cum[-1]
    if run:
        between = np.where(idx < start, mass_cum[start] - mass_cum[idx + 1], np.where(idx > stop, mass_cum[idx] - mass_cum[stop + 1], 0.0))
        run_mass = mass_cum[stop + 1] - mass_cum[start]
    else:
        between, run_mass = np.zeros(n), 0.0
    columns += [
        ((idx >= start) & (idx <= stop)).astype(float),
        np.log1p(distance) / 5,
        np.log1p(np.maximum(between, 0.0)) / 10,
        mass_cum[:-1] / total if total > 0 else np.zeros(n),
        np.full(n, np.log1p(total) / 10),
        np.full(n, total / max(chars_cum[-1], 1.0)),
        np.full(n, run_mass / total if total > 0 else 0.0),
    ]
    # The run of blocks at p >= 0.5 a block sits in: its blocks and its likely article characters.
    on = p >= 0.5
    edges = np.flatnonzero(np.diff(np.concatenate([[0], on.astype(np.int8), [0]])))
    run_blocks, run_chars = np.zeros(n), np.zeros(n)
    for a, b in zip(edges[::2].tolist(), edges[1::2].tolist()):
        run_blocks[a:b] = b - a
        run_chars[a:b] = mass_cum[b] - mass_cum[a]
    columns += [np.log1p(run_blocks) / 5, np.log1p(run_chars) / 10]
    return np.stack(columns, axis=1)


class Network:
    """An average of tanh networks over standardised inputs (members differ in their random start)."""

    def __init__(self, params: dict):
        self.mean = np.asarray(params["mean"])
        self.std = np.asarray(params["std"])
        self.members = [[np.asarray(p) for p in member] for member in params["members"]]
        self.widest = max(p.size for member in self.members for p in member[::2])

    def probabilities(self, x: np.ndarray) -> np.ndarray:
        z = (x - self.mean) / self.std
        out = np.zeros(len(x))
        rows = max(1, (SINGLE_THREAD_MACS - 1) // self.widest)
        for member in self.members:
            for at in range(0, len(x), rows):
                a = z[at : at + rows]
                for k in range(0, len(member) - 2, 2):
                    a = np.tanh(a @ member[k] + member[k + 1])
                out[at : at + rows] += 1.0 / (1.0 + np.exp(-(a @ member[-2] + member[-1])[:, 0]))
        return out / len(self.members)


class Forest:
    """Gradient-boosted trees whose summed leaves are a log-odds (the block stage's other form)."""

    def __init__(self, spec: dict, feature_names: list[str]):
        self.trees = Trees(spec, tuple(feature_names), TRAINER)

    def probabilities(self, x: np.ndarray) -> np.ndarray:
        return sigmoid(self.trees.scores(x))


class BlockModel:
    """The two networks and the page decision; `features`: the names the shipped features have (a mismatch asks for retraining)."""

    def __init__(self, params: dict, features: list[str] | None = None):
        if features is not None and params.get("features") != features:
            raise ValueError(f"the block model was trained on other features; retrain it with {TRAINER}")
        names = params["features"]
        context = params["context"]["features"]
        self.context_columns = [names.index(c) for c in context]
        self.shifts = list(params["context"]["shifts"])
        block = params["block"]
        self.block = Forest(block["trees"], block_input_names(names, context, self.shifts)) if "trees" in block else Network(block)
        self.sequence = Network(params["sequence"]) if params.get("sequence") else None
        self.sequence_columns = [names.index(c) for c in params.get("sequence_inputs", [])]
        self.chars_column = names.index("log_chars")
        self.words_column = names.index("log_words")
        self.precision_weight = float(params["decide"]["precision_weight"])
        self.recall_weight = float(params["decide"]["recall_weight"])

    def block_probabilities(self, x: np.ndarray) -> np.ndarray:
        return self.block.probabilities(with_neighbours(x, self.context_columns, self.shifts))

    def probabilities(self, x: np.ndarray) -> np.ndarray:
        """Each block's probability of being article text, read along the page."""
        p = self.block_probabilities(x)
        if self.sequence is None or not len(x):
            return p
        return self.sequence.probabilities(self.sequence_inputs(x, p))

    def sequence_inputs(self, x: np.ndarray, p: np.ndarray) -> np.ndarray:
        return np.hstack([sequence_features(p, block_chars(x, self.chars_column)), x[:, self.sequence_columns]])

    def decide(self, x: np.ndarray, p: np.ndarray) -> np.ndarray:
        """The blocks kept: expected_best_set over the blocks' words."""
        return expected_best_set(p, block_words(x, self.words_column), self.precision_weight, self.recall_weight)

    def keep(self, x: np.ndarray) -> np.ndarray:
        return self.decide(x, self.probabilities(x))


def block_chars(x: np.ndarray, column: int) -> np.ndarray:
    """The blocks' characters as the features hold them (linemodel: log1p(chars) / 8)."""
    return np.rint(np.expm1(x[:, column] * 8))


def block_words(x: np.ndarray, column: int) -> np.ndarray:
    """The blocks' words as the features hold them (linemodel: log1p(words) / 6), at least one."""
    return np.rint(np.expm1(x[:, column] * 6)) + 1


# A block the model judges more likely not article text is never kept: the
# page decision only drops doubtful blocks a page's balance does not pay
# for (a short menu item beside the article costs few words, and would
# otherwise be kept at p ~ 0.4 on a page of precise blocks).
MIN_KEEP_PROBABILITY = 0.5


def expected_best_set(p: np.ndarray, words: np.ndarray, precision_weight: float, recall_weight: float) -> np.ndarray:
    """The blocks of p >= MIN_KEEP_PROBABILITY that maximise precision_weight * E[precision] + recall_weight * E[recall] of the page's words.

    Blocks are taken in order of probability; with each, the expected
    article words kept grow by p * words and the words kept by words.  The
    benchmark's F1 is of precision and recall averaged over pages, so
    each page's own balance of the two is what counts; the weights are
    the F1's slopes at the precision and recall the model reaches.
    """
    keep = np.zeros(len(p), bool)
    likely = int((p >= MIN_KEEP_PROBABILITY).sum())
    if not likely:
        return keep
    order = np.argsort(-p, kind="stable")
    kept_words = np.cumsum(words[order])
    article_words = np.cumsum((p * words)[order])
    total = article_words[-1]
    value = precision_weight * article_words / kept_words + recall_weight * article_words / total
    keep[order[: int(np.argmax(value[:likely])) + 1]] = True
    return keep


@lru_cache(maxsize=1)
def load_block_model(path: str = str(MODEL_PATH)) -> BlockModel | None:
    """The shipped model, or None when its file is absent."""
    from ..clean.blockfeatures import FEATURE_NAMES

    try:
        return BlockModel(json.loads(Path(path).read_text(encoding="utf-8")), FEATURE_NAMES)
    except FileNotFoundError:
        return None


def use_model(model: BlockModel | None):
    """Inside the block the cleaner uses `model` instead of the shipped block model (benchmarks, tests)."""
    from ..clean.linemodel import swapped_loader

    return swapped_loader(sys.modules[__name__], "load_block_model", model)
