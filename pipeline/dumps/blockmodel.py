"""The block model for text dumps: is this block of a page article text?

A small network of tanh layers over each block's features and, with
`context`, the features of the blocks around it (a one-dimensional
convolution over the page's blocks: a block under a headline and over a
paragraph is read with them).  Trained by bench/train_text_model.py on
both corpora and every dumper's dumps, held out by site; the features are
numbers any page gives in any language (lengths, shares of stopwords,
positions, what the rules say of the block), never a word of a page.

Inference is a few small matrix products a page, in numpy, on the
calling thread (see linemodel.LineModel.SINGLE_THREAD_MACS for why slices).
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

SINGLE_THREAD_MACS = 1 << 18


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


class BlockModel:
    def __init__(self, params: dict, features: list[str] | None = None):
        if features is not None and params.get("features") != features:
            raise ValueError("model was trained on other features; retrain with bench/train_text_model.py")
        self.mean = np.asarray(params["mean"])
        self.std = np.asarray(params["std"])
        self.members = [[np.asarray(p) for p in member] for member in params["members"]]
        self.context = params.get("context")  # {"columns": [...], "shifts": [...]} or None
        self.threshold = float(params.get("threshold", 0.5))

    def probabilities(self, x: np.ndarray) -> np.ndarray:
        if self.context:
            x = with_neighbours(x, self.context["columns"], self.context["shifts"])
        z = (x - self.mean) / self.std
        out = np.zeros(len(x))
        widest = max(p.size for member in self.members for p in member[::2])
        rows = max(1, (SINGLE_THREAD_MACS - 1) // widest)
        for member in self.members:
            for at in range(0, len(x), rows):
                a = z[at : at + rows]
                for k in range(0, len(member) - 2, 2):
                    a = np.tanh(a @ member[k] + member[k + 1])
                out[at : at + rows] += 1.0 / (1.0 + np.exp(-(a @ member[-2] + member[-1])[:, 0]))
        return out / len(self.members)


def load_block_model(path: str | Path) -> BlockModel:
    return BlockModel(json.loads(Path(path).read_text(encoding="utf-8")))
