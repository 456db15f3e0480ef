"""The block model: gradient-boosted trees over pipeline.html.features, evaluated with numpy.

The trees are trained by bench/train_block_model.py (LightGBM, which only
training needs) and shipped as flat arrays in data/block_model.json: per
tree and node, the feature tested, the threshold, the two children, and the
leaf value.  Leaves point to themselves, so that walking every tree for
`depth` steps at once lands every block in a leaf (one numpy gather per
level over all blocks and trees).
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import numpy as np

MODEL_PATH = Path(__file__).resolve().parent / "data" / "block_model.json"
TRAINER = "bench/train_block_model.py"


class Trees:
    """One ensemble of regression trees over a feature matrix; the sum of its leaves is a log-odds score.

    Nodes of all trees are in one flat table, a node's two children side by
    side (right = left + 1), so that a step down every tree for every block
    is a handful of `take`s: child = left + (x[feature] > threshold).
    Leaves compare against +inf and point to themselves.
    """

    def __init__(self, spec: dict, feature_names: tuple[str, ...]):
        if tuple(spec["features"]) != tuple(feature_names):
            raise ValueError(f"the block model was trained on other features: run {TRAINER} again")
        feature = np.asarray(spec["feature"], np.int64)  # (trees, nodes); -1 at leaves
        self.trees, width = feature.shape
        self.depth = int(spec["depth"])
        self.bias = float(spec.get("bias", 0.0))
        self.offset = (np.arange(self.trees, dtype=np.int64) * width)[None, :]
        leaf = feature < 0
        self.feature = np.where(leaf, 0, feature).ravel()
        self.split = np.where(leaf, np.inf, np.asarray(spec["threshold"], float)).ravel()
        left = np.asarray(spec["left"], np.int64)
        self.left = (np.where(leaf, np.arange(width)[None, :], left) + self.offset.T).ravel()
        self.value = np.asarray(spec["value"], float).ravel()

    def scores(self, x: np.ndarray) -> np.ndarray:
        n, columns = x.shape
        flat = np.ascontiguousarray(x, dtype=float).ravel()
        row = (np.arange(n, dtype=np.int64) * columns)[:, None]
        node = np.repeat(self.offset, n, axis=0)
        for _ in range(self.depth):
            node = self.left.take(node) + (flat.take(row + self.feature.take(node)) > self.split.take(node))
        return self.value.take(node).sum(axis=1) + self.bias


class BlockModel:
    """Two stages: the first judges each block alone, the second again with the first's judgement of its surroundings."""

    def __init__(self, spec: dict):
        from .features import FEATURE_NAMES, STACK_NAMES

        self.first = Trees(spec["first"], FEATURE_NAMES)
        self.second = Trees(spec["second"], FEATURE_NAMES + STACK_NAMES) if spec.get("second") else None
        self.threshold = float(spec["keep_threshold"])

    def probabilities(self, x: np.ndarray, context) -> np.ndarray:
        """P(article text) of each block (rows of a feature matrix, with the page's features.Context)."""
        from .features import stack_features

        if len(x) == 0:
            return np.zeros(0)
        p = _sigmoid(self.first.scores(x))
        if self.second is None:
            return p
        return _sigmoid(self.second.scores(np.hstack([x, stack_features(p, context)])))

    def keep(self, x: np.ndarray, context) -> np.ndarray:
        return self.probabilities(x, context) >= self.threshold


def _sigmoid(score: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-score))


@lru_cache(maxsize=1)
def load_block_model() -> BlockModel:
    return BlockModel(json.loads(MODEL_PATH.read_text(encoding="utf-8")))
