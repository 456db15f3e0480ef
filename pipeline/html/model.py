"""The block model: gradient-boosted trees over pipeline.html.features, evaluated with numpy.

The trees are trained by bench/train_block_model.py (LightGBM, which only
training needs) and shipped as flat arrays in data/block_model.json
(pipeline.trees.Trees).
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import numpy as np

from ..trees import Trees, sigmoid

MODEL_PATH = Path(__file__).resolve().parent / "data" / "block_model.json"
TRAINER = "bench/train_block_model.py"


class BlockModel:
    """Two stages: the first judges each block alone, the second again with the first's judgement of its surroundings."""

    def __init__(self, spec: dict):
        from .features import FEATURE_NAMES, STACK_NAMES

        self.first = Trees(spec["first"], FEATURE_NAMES, TRAINER)
        self.second = Trees(spec["second"], FEATURE_NAMES + STACK_NAMES, TRAINER) if spec.get("second") else None
        self.threshold = float(spec["keep_threshold"])

    def probabilities(self, x: np.ndarray, context) -> np.ndarray:
        """P(article text) of each block (rows of a feature matrix, with the page's features.Context)."""
        from .features import stack_features

        if len(x) == 0:
            return np.zeros(0)
        p = sigmoid(self.first.scores(x))
        if self.second is None:
            return p
        return sigmoid(self.second.scores(np.hstack([x, stack_features(p, context)])))

    def keep(self, x: np.ndarray, context) -> np.ndarray:
        return self.probabilities(x, context) >= self.threshold


@lru_cache(maxsize=1)
def load_block_model() -> BlockModel:
    return BlockModel(json.loads(MODEL_PATH.read_text(encoding="utf-8")))
