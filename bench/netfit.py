"""Small numpy networks (one tanh layer, a few members averaged) as the cleaner's LineModel reads them.

The teaser model (bench/train_teaser_model.py) is trained with these;
`train_members` returns the parameters `pipeline.clean.linemodel.LineModel`
loads.
"""

from __future__ import annotations

import numpy as np


def train(z, y, sample_weight, hidden: int, epochs: int, l2: float, seed: int, lr: float = 0.01) -> tuple:
    """One member network on standardised inputs z: (w1, b1, w2, b2)."""
    rng = np.random.default_rng(seed)
    d = z.shape[1]
    w1 = rng.normal(0, 1 / np.sqrt(d), (d, hidden))
    b1 = np.zeros(hidden)
    w2 = rng.normal(0, 1 / np.sqrt(hidden), hidden)
    b2 = 0.0
    params = [w1, b1, w2, np.array([b2])]
    m = [np.zeros_like(p) for p in params]
    v = [np.zeros_like(p) for p in params]
    # Balance the classes: the score weighs `with` and `without` segments alike.
    balance = np.where(y == 1, 0.5 / max(y.mean(), 1e-6), 0.5 / max(1 - y.mean(), 1e-6))
    weights = balance * sample_weight * len(y) / sample_weight.sum()
    for step in range(1, epochs + 1):
        w1, b1, w2, b2v = params
        h = np.tanh(z @ w1 + b1)
        p = 1 / (1 + np.exp(-(h @ w2 + b2v[0])))
        g_out = weights * (p - y) / len(y)
        g_w2 = h.T @ g_out + l2 * w2
        g_b2 = np.array([g_out.sum()])
        g_h = np.outer(g_out, w2) * (1 - h**2)
        g_w1 = z.T @ g_h + l2 * w1
        g_b1 = g_h.sum(axis=0)
        for k, g in enumerate((g_w1, g_b1, g_w2, g_b2)):
            m[k] = 0.9 * m[k] + 0.1 * g
            v[k] = 0.999 * v[k] + 0.001 * g * g
            params[k] = params[k] - lr * (m[k] / (1 - 0.9**step)) / (np.sqrt(v[k] / (1 - 0.999**step)) + 1e-8)
    w1, b1, w2, b2v = params
    return w1, b1, w2, float(b2v[0])


def train_members(x, y, sample_weight, args, features: list[str]) -> dict:
    """args.members networks from different random starts, stored side by side (see LineModel)."""
    mean = x.mean(axis=0)
    std = x.std(axis=0) + 1e-6
    z = (x - mean) / std
    members = [train(z, y, sample_weight, args.hidden, args.epochs, args.l2, args.seed + k) for k in range(args.members)]
    return {
        "features": features,
        "mean": mean.tolist(),
        "std": std.tolist(),
        "w1": np.hstack([m[0] for m in members]).tolist(),
        "b1": np.concatenate([m[1] for m in members]).tolist(),
        "w2": np.concatenate([m[2] for m in members]).tolist(),
        "b2": [m[3] for m in members],
        "threshold": 0.5,
    }
