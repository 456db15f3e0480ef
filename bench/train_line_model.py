"""Train the text-dump line model (pipeline/clean/linemodel.py) and report its held-out score.

Labels come from the dev pages' segments: a dump line that contains a `with`
segment is article text, one that contains a `without` segment is not;
other lines are unlabelled and not used.  Lines the rules already decide
(furniture, after an end-of-article heading) are not used either.

The score printed as "held-out" is from k-fold cross-validation by page:
each page is cleaned by a model that never saw it.  That is the figure to
expect on pages outside this repository; the final model is then trained on
all pages and written to pipeline/clean/data/line_model.json.

Usage: python bench/train_line_model.py [--folds 4] [--hidden 16] [--no-write]
"""

from __future__ import annotations

import argparse
import json
import sys
import zlib
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from devpages import Score, fold, html_to_dump, load_cases  # noqa: E402

import pipeline.clean as cleaning  # noqa: E402
from pipeline.clean.linemodel import FEATURE_NAMES, MODEL_PATH, LineModel, context_features, line_features  # noqa: E402
from pipeline.options import Options  # noqa: E402
from pipeline.read import read_bytes  # noqa: E402

SEED = 20261122


def page_rows(case, dump: bytes):
    doc = read_bytes(dump, source=case.id, options=Options(format="text"))
    if not doc.ok or not doc.blocks:
        return None, None, None
    a = cleaning.analyse(doc)
    if a.core is None or a.end == 0:
        return None, None, None
    x = line_features(a.texts[: a.end], a.tokens[: a.end], a.lines.head(a.end), a.furniture, a.core, a.counts)
    with_ = [fold(s) for s in case.with_]
    without = [fold(s) for s in case.without]
    ys, ws = [], []
    for i, text in enumerate(a.texts[: a.end]):
        if i in a.furniture:
            ys.append(-1)
            ws.append(0.0)
            continue
        line = fold(text)
        pos = any(s in line for s in with_)
        neg = any(s in line for s in without)
        if pos != neg:
            ys.append(1 if pos else 0)
            ws.append(1.0)
        else:
            ys.append(-1)
            ws.append(0.0)
    return x, np.asarray(ys), np.asarray(ws)


def train(x, y, sample_weight, hidden: int, epochs: int = 600, l2: float = 1e-3, lr: float = 0.01) -> dict:
    rng = np.random.default_rng(SEED)
    mean = x.mean(axis=0)
    std = x.std(axis=0) + 1e-6
    z = (x - mean) / std
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
    return {
        "features": FEATURE_NAMES,
        "mean": mean.tolist(),
        "std": std.tolist(),
        "w1": w1.tolist(),
        "b1": b1.tolist(),
        "w2": w2.tolist(),
        "b2": float(b2v[0]),
        "threshold": 0.5,
    }


def train_context(rows: list, params: dict, l2: float = 1e-3, epochs: int = 400, lr: float = 0.05) -> list:
    """Logistic weights over context_features of the line model's probabilities (second stage)."""
    model = LineModel(params)
    feats, labels, weights = [], [], []
    for x, y, w in rows:
        c = context_features(model.line_probabilities(x))
        mask = y >= 0
        feats.append(c[mask])
        labels.append(y[mask])
        weights.append(w[mask])
    c = np.vstack(feats)
    y = np.concatenate(labels).astype(float)
    sw = np.concatenate(weights)
    balance = np.where(y == 1, 0.5 / max(y.mean(), 1e-6), 0.5 / max(1 - y.mean(), 1e-6)) * sw
    theta = np.zeros(c.shape[1] + 1)
    theta[0] = 1.0
    m = np.zeros_like(theta)
    v = np.zeros_like(theta)
    design = np.hstack([c, np.ones((len(c), 1))])
    for step in range(1, epochs + 1):
        p = 1 / (1 + np.exp(-(design @ theta)))
        g = design.T @ (balance * (p - y)) / len(y) + l2 * np.r_[theta[:-1], 0]
        m = 0.9 * m + 0.1 * g
        v = 0.999 * v + 0.001 * g * g
        theta -= lr * (m / (1 - 0.9**step)) / (np.sqrt(v / (1 - 0.999**step)) + 1e-8)
    return theta.tolist()


def fit(rows: list, args) -> dict:
    x = np.vstack([r[0] for r in rows])
    y = np.concatenate([r[1] for r in rows])
    w = np.concatenate([r[2] for r in rows])
    mask = y >= 0
    params = train(x[mask], y[mask].astype(float), w[mask], args.hidden, args.epochs, l2=args.l2)
    if args.context:
        params["context"] = train_context(rows, params)
    return params


def score_pages(cases, dumps, model: LineModel | None) -> Score:
    original = cleaning.load_model
    cleaning.load_model = lambda: model
    try:
        score = Score()
        for case in cases:
            doc = cleaning.clean(read_bytes(dumps[case.id], source=case.id, options=Options(format="text")))
            score.add(doc.text, case)
        return score
    finally:
        cleaning.load_model = original


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--folds", type=int, default=4)
    parser.add_argument("--hidden", type=int, default=16)
    parser.add_argument("--epochs", type=int, default=600)
    parser.add_argument("--l2", type=float, default=0.03)
    parser.add_argument("--no-write", action="store_true")
    parser.add_argument("--no-context", dest="context", action="store_false", help="no second stage over neighbours")
    args = parser.parse_args()

    cases = load_cases()
    dumps = {c.id: html_to_dump(c.html).encode() for c in cases}
    rows = {}
    for case in cases:
        x, y, w = page_rows(case, dumps[case.id])
        if x is not None:
            rows[case.id] = (x, y, w)
    fold_of = {c.id: zlib.crc32(c.id.encode()) % args.folds for c in cases}

    rules_only = score_pages(cases, dumps, None)
    held_out = Score()
    for k in range(args.folds):
        model = LineModel(fit([rows[i] for i in rows if fold_of[i] != k], args))
        fold_score = score_pages([c for c in cases if fold_of[c.id] == k], dumps, model)
        for attr in ("tp", "fn", "fp", "tn"):
            setattr(held_out, attr, getattr(held_out, attr) + getattr(fold_score, attr))
        print(fold_score.line(f"fold {k} (held out)"), flush=True)

    params = fit(list(rows.values()), args)
    y = np.concatenate([r[1] for r in rows.values()])
    mask = y >= 0
    final = score_pages(cases, dumps, LineModel(params))
    print(f"labelled lines: {int(mask.sum())} ({int(y[mask].sum())} article, {int((y[mask] == 0).sum())} boilerplate)")
    print(rules_only.line("rules only (no model)"))
    print(held_out.line(f"{args.folds}-fold held-out"))
    print(final.line("trained on all (optimistic)"))
    if not args.no_write:
        MODEL_PATH.parent.mkdir(parents=True, exist_ok=True)
        MODEL_PATH.write_text(json.dumps(params, separators=(",", ":")) + "\n", encoding="utf-8")
        print(f"wrote {MODEL_PATH}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
