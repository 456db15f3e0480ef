"""Gradient-boosted trees evaluated with numpy: the HTML block model and the text block model's first stage.

The trees are trained with LightGBM (which only training needs; `from_lightgbm`
converts its dump) and shipped as flat arrays: per
tree and node, the feature tested, the threshold, the two children, and the
leaf value.  Leaves point to themselves, so that walking every tree for
`depth` steps at once lands every row in a leaf (one numpy gather per level
over all rows and trees).
"""

from __future__ import annotations

import numpy as np


class Trees:
    """One ensemble of regression trees over a feature matrix; the sum of its leaves is a log-odds score.

    Nodes of all trees are in one flat table, a node's two children side by
    side (right = left + 1), so that a step down every tree for every block
    is a handful of `take`s: child = left + (x[feature] > threshold).
    Leaves compare against +inf and point to themselves.
    """

    def __init__(self, spec: dict, feature_names: tuple[str, ...], trainer: str = "its trainer"):
        if tuple(spec["features"]) != tuple(feature_names):
            raise ValueError(f"the model was trained on other features: run {trainer} again")
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


def sigmoid(score: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-score))


def from_lightgbm(dumped: dict, feature_names) -> dict:
    """Trees' spec from LightGBM's Booster.dump_model() of a model on numeric features: padded flat arrays, a node's children side by side."""
    flat = []
    depth = 0
    for tree in dumped["tree_info"]:
        feature, threshold, left, value = [0], [0.0], [0], [0.0]

        def fill(node, index: int, level: int) -> int:
            if "split_feature" not in node:
                feature[index], value[index], left[index] = -1, float(node.get("leaf_value", 0.0)), index
                return level
            if node.get("decision_type", "<=") != "<=":
                raise ValueError("only numeric <= splits are exported")
            children = len(feature)
            for column, fill_value in ((feature, 0), (threshold, 0.0), (left, 0), (value, 0.0)):
                column.extend([fill_value, fill_value])
            feature[index], threshold[index], left[index] = int(node["split_feature"]), float(node["threshold"]), children
            return max(fill(node["left_child"], children, level + 1), fill(node["right_child"], children + 1, level + 1))

        depth = max(depth, fill(tree["tree_structure"], 0, 0))
        flat.append((feature, threshold, left, value))
    width = max(len(t[0]) for t in flat)

    def padded(column: int, fill_value) -> list:
        return [t[column] + [fill_value] * (width - len(t[column])) for t in flat]

    return {
        "features": list(feature_names),
        "feature": padded(0, -1),
        "threshold": [[float(f"{v:.7g}") for v in row] for row in padded(1, 0.0)],
        "left": padded(2, 0),
        "value": [[float(f"{v:.7g}") for v in row] for row in padded(3, 0.0)],
        "depth": depth,
    }
