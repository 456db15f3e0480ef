"""Gradient-boosted trees run in numpy: a model trained by LightGBM in bench/, shipped as arrays, with no LightGBM at run time.

Every tree's nodes are laid out in one set of arrays; a leaf points to
itself, so walking all trees one level at a time for every row, as deep as
the deepest tree, ends with every row at a leaf of every tree.
"""

from __future__ import annotations

import numpy as np


class TreeEnsemble:
    def __init__(self, params: dict):
        self.feature = np.asarray(params["feature"], np.int32)
        self.threshold = np.asarray(params["threshold"], np.float64)
        self.left = np.asarray(params["left"], np.int32)
        self.right = np.asarray(params["right"], np.int32)
        self.value = np.asarray(params["value"], np.float64)
        self.roots = np.asarray(params["roots"], np.int32)
        self.depth = int(params["depth"])
        self.bias = float(params.get("bias", 0.0))

    def raw(self, x: np.ndarray) -> np.ndarray:
        """The sum of every tree's leaf value for each row (the logit for a binary model)."""
        n = len(x)
        node = np.broadcast_to(self.roots, (n, len(self.roots))).copy()
        rows = np.arange(n)[:, None]
        for _ in range(self.depth):
            value = x[rows, self.feature[node]]
            node = np.where(value <= self.threshold[node], self.left[node], self.right[node])
        return self.value[node].sum(axis=1) + self.bias

    def probabilities(self, x: np.ndarray) -> np.ndarray:
        return 1.0 / (1.0 + np.exp(-self.raw(x)))


def from_lightgbm(dumped: dict) -> dict:
    """TreeEnsemble params from LightGBM's Booster.dump_model() of a binary model on numeric features without missing values."""
    feature, threshold, left, right, value, roots = [], [], [], [], [], []
    depth = 0

    def add(node: dict, level: int) -> int:
        nonlocal depth
        index = len(feature)
        feature.append(0)
        threshold.append(np.inf)
        left.append(index)
        right.append(index)
        value.append(0.0)
        if "leaf_value" in node:
            value[index] = node["leaf_value"]
            depth = max(depth, level)
            return index
        if node.get("decision_type", "<=") != "<=":
            raise ValueError(f"unsupported decision type {node.get('decision_type')!r}")
        feature[index] = node["split_feature"]
        threshold[index] = node["threshold"]
        left[index] = add(node["left_child"], level + 1)
        right[index] = add(node["right_child"], level + 1)
        return index

    for tree in dumped["tree_info"]:
        roots.append(add(tree["tree_structure"], 0))
    return {
        "feature": feature,
        "threshold": [float(t) for t in threshold],
        "left": left,
        "right": right,
        "value": value,
        "roots": roots,
        "depth": depth,
    }
