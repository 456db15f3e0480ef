"""Train the text cleaner's block model (pipeline/dumps/blockmodel.py), held out by site, and compare its variants.

Rows: every block of every page of both corpora in every dumper's dump
(bench/textfeatures.py: the features the cleaner computes from its page
object, the labels of bench/linelabels.py), and, with --noise, every
page's one-block-a-line dump with spam and other stories' teasers
injected (bench/noisydumps.py): rows to train on, never to score (the
shipped model is trained without them: bench/README.md, "Teasers in
training").  Folds by site (bench/textcorpus.py).  For each fold k:

1. the block stage (a small network; `--block-stage trees`: gradient-
   boosted trees, measured and not shipped) is trained on the other three folds;
2. the sequence network reads block-stage probabilities along the page;
   on its training folds those come from block stages that never saw
   them (an inner cross-validation over the three folds), as at run time;
3. the page decision's weights are the F1's slopes at the development
   split's precision and recall.

Choices (network sizes, inputs, the decision) were made on fold 0 alone,
the development split; folds 1-3 were not looked at while choosing and
their figures are printed apart: they are the held-out figures to quote.
Each fold's model goes to bench/data/text_model_folds/ (bench/bench_text.py
cleans each page with the one that never saw its site); --write also
trains on every fold and writes pipeline/dumps/data/block_model.json.

Usage: python bench/train_text_model.py [--folds 0] [--dumpers blocks,nodes,...] [--block-stage network|trees] [--noise [--noise-weight W]] [--write-folds] [--write]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from dumpers import DUMPERS  # noqa: E402
from noisydumps import NOISY  # noqa: E402
from textcorpus import FOLDS, load_text_pages  # noqa: E402
from textfeatures import load_features  # noqa: E402
from textscore import PAGE_TYPES, PageTexts, score_decisions  # noqa: E402

from pipeline.clean.blockfeatures import FEATURE_NAMES  # noqa: E402
from pipeline.dumps.blockmodel import MODEL_PATH, block_chars, block_input_names, block_words, expected_best_set, sequence_features  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
FOLD_DIR = ROOT / "bench" / "data" / "text_model_folds"
SEED = 20261204

# The features whose values at the blocks two each side the block stage reads too.
CONTEXT_FEATURES = [
    "log_chars", "log_words", "stopword_density", "ends_sentence", "short", "prose", "furniture", "digit_ratio", "title_case_ratio",
    "starts_with_bullet_or_number", "all_caps", "is_heading", "is_list_item", "metadata_line", "after_article_end",
    "section_heading", "core_word_share", "is_headline",
]
CONTEXT_SHIFTS = [-2, -1, 1, 2]
# What the sequence network reads of each block besides the probabilities along the page.
SEQUENCE_INPUTS = [
    "log_chars", "stopword_density", "ends_sentence", "prose", "furniture", "in_core", "is_heading", "is_list_item", "metadata_line",
    "after_article_end", "section_heading", "core_word_share", "page_word_share", "is_headline", "headline_word_share",
    "relative_position", "log_words", "title_case_ratio", "page_line_share",
]
# The block stage: the network of BLOCK_LAYERS; `--block-stage trees`:
# gradient-boosted trees (LightGBM at training time, pipeline.trees at run
# time), a little better held out but not shipped: it widens the F1 lost to
# injected teasers past bench_spam.py's floor, and costs 12% of the speed
# (bench/README.md).
BLOCK_TREES = 200
BLOCK_TREE_PARAMS = dict(
    objective="binary",
    learning_rate=0.1,
    num_leaves=31,
    max_depth=8,
    min_data_in_leaf=100,
    feature_fraction=0.8,
    bagging_fraction=0.8,
    bagging_freq=1,
    verbose=-1,
    num_threads=2,
    seed=1,
)
BLOCK_LAYERS = (16,)
BLOCK_MEMBERS = 3
SEQUENCE_LAYERS = (16,)
SEQUENCE_MEMBERS = 2
# What a page's noisy copy (bench/noisydumps.py) weighs in training, a
# dumper's dump of it weighing 1.
NOISE_WEIGHT = 1.0
# Training rows per network, drawn at random (the same draw for every
# variant): the four dumpers give each page four times over.
MAX_TRAINING_ROWS = 400_000
# The page decision's weights: the slopes of F1 = 2PR / (P + R) in P and
# in R at the development split's precision and recall (~0.88, ~0.94).
DECIDE = {"precision_weight": 0.49, "recall_weight": 0.41}


class Rows:
    """All dumpers' rows, with per-row page, dumper and fold, and each (dumper, page) run of rows."""

    def __init__(self, pages, dumpers):
        xs, ys, page, dumper_of = [], [], [], []
        for d, dumper in enumerate(dumpers):
            data = load_features(pages, dumper)
            xs.append(data["x"])
            ys.append(data["y"])
            page.append(data["page"])
            dumper_of.append(np.full(len(data["y"]), d, np.int8))
        self.x = np.vstack(xs).astype(np.float32)
        self.y = np.concatenate(ys)
        self.page = np.concatenate(page)
        self.dumper = np.concatenate(dumper_of)
        self.fold = np.array([p.fold for p in pages], np.int8)[self.page]
        key = self.dumper.astype(np.int64) * 1_000_000 + self.page
        change = np.flatnonzero(np.diff(key)) + 1
        self.starts = np.concatenate([[0], change])
        self.ends = np.concatenate([change, [len(key)]])

    def runs(self, dumpers: int | None = None):
        """(dumper index, page index, start, end) of each page's rows; of the first `dumpers` dumpers only when given."""
        for s, e in zip(self.starts.tolist(), self.ends.tolist()):
            if dumpers is None or self.dumper[s] < dumpers:
                yield int(self.dumper[s]), int(self.page[s]), s, e


def row_weights(rows: Rows, noisy: int | None = None, noise_weight: float = 1.0) -> np.ndarray:
    """Each labelled (dumper, page) weighs 1 in all (a noisy copy, dumper index `noisy`, `noise_weight`), its rows by the square root of their words; classes balanced."""
    words = block_words(rows.x, FEATURE_NAMES.index("log_words"))
    w = np.sqrt(words) * (rows.y >= 0)
    for _, _, s, e in rows.runs():
        total = w[s:e].sum()
        if total:
            w[s:e] /= total
    if noisy is not None:
        w[rows.dumper == noisy] *= noise_weight
    labelled = rows.y >= 0
    positive = (rows.y == 1) & labelled
    share = w[positive].sum() / max(w[labelled].sum(), 1e-9)
    return np.where(positive, w * 0.5 / share, w * 0.5 / (1 - share)).astype(np.float32)


def with_context(rows: Rows, x: np.ndarray) -> np.ndarray:
    """x with the CONTEXT_FEATURES of the blocks CONTEXT_SHIFTS away appended, page by page (zeros past a page's edges)."""
    sub = x[:, [FEATURE_NAMES.index(c) for c in CONTEXT_FEATURES]]
    parts = [x]
    for shift in CONTEXT_SHIFTS:
        shifted = np.zeros_like(sub)
        for _, _, s, e in rows.runs():
            n = e - s
            if shift > 0 and n > shift:
                shifted[s + shift : e] = sub[s : e - shift]
            elif shift < 0 and n > -shift:
                shifted[s : e + shift] = sub[s - shift : e]
        parts.append(shifted)
    return np.hstack(parts)


def sequence_rows(rows: Rows, p: np.ndarray, mask: np.ndarray | None = None) -> np.ndarray:
    """The sequence network's inputs of every row (of the rows of `mask`), from block probabilities `p` along each page."""
    chars = block_chars(rows.x, FEATURE_NAMES.index("log_chars"))
    own = rows.x[:, [FEATURE_NAMES.index(c) for c in SEQUENCE_INPUTS]]
    parts = [np.hstack([sequence_features(p[s:e], chars[s:e]), own[s:e]]) for _, _, s, e in rows.runs() if mask is None or mask[s]]
    return np.vstack(parts).astype(np.float32)


def fit_mlp(
    x, y, w, layers: tuple[int, ...], members: int, epochs: int = 6, batch: int = 2048, lr: float = 0.003, l2: float = 1e-4,
    batches=None, extra_gradient=None,
) -> dict:
    """Networks of tanh layers trained by mini-batch Adam on standardised inputs, as pipeline.dumps.blockmodel.Network reads them.

    `batches(rng)`: the row indices of each mini-batch of an epoch (default:
    `batch` rows at random); `extra_gradient(rows, logits)`: a term added
    to each row's gradient of the weighted log-loss (a loss over groups of
    rows, as the headline finder's over a page's candidates).
    """
    if batches is None:

        def batches(rng):
            order = rng.permutation(len(x))
            return (order[at : at + batch] for at in range(0, len(x), batch))

    mean = x.mean(axis=0)
    std = x.std(axis=0) + 1e-6
    z = ((x - mean) / std).astype(np.float32)
    nets = []
    for m in range(members):
        rng = np.random.default_rng(SEED + m)
        sizes = [z.shape[1], *layers, 1]
        params = []
        for a, b in zip(sizes[:-1], sizes[1:]):
            params += [rng.normal(0, 1 / np.sqrt(a), (a, b)).astype(np.float32), np.zeros(b, np.float32)]
        first = [np.zeros_like(p) for p in params]
        second = [np.zeros_like(p) for p in params]
        step = 0
        for _ in range(epochs):
            for idx in batches(rng):
                zb, yb, wb = z[idx], y[idx], w[idx]
                acts = [zb]
                for k in range(0, len(params) - 2, 2):
                    acts.append(np.tanh(acts[-1] @ params[k] + params[k + 1]))
                logit = (acts[-1] @ params[-2] + params[-1])[:, 0]
                p = 1 / (1 + np.exp(-logit))
                g = (p - yb) * wb / wb.sum()
                if extra_gradient is not None:
                    g = g + extra_gradient(idx, logit)
                g = g[:, None].astype(np.float32)
                grads = [None] * len(params)
                for k in range(len(params) - 2, -1, -2):
                    grads[k] = acts[k // 2].T @ g + l2 * params[k]
                    grads[k + 1] = g.sum(axis=0)
                    if k:
                        g = (g @ params[k].T) * (1 - acts[k // 2] ** 2)
                step += 1
                for k, grad in enumerate(grads):
                    first[k] = 0.9 * first[k] + 0.1 * grad
                    second[k] = 0.999 * second[k] + 0.001 * grad * grad
                    params[k] -= lr * (first[k] / (1 - 0.9**step)) / (np.sqrt(second[k] / (1 - 0.999**step)) + 1e-8)
        nets.append([p.tolist() for p in params])
    return {"mean": mean.tolist(), "std": std.tolist(), "members": nets}


def predict(stage: dict, x: np.ndarray) -> np.ndarray:
    """A stage's probabilities: trees ({"trees": ...}) or a network, as pipeline.dumps.blockmodel.BlockModel reads them."""
    from pipeline.dumps.blockmodel import Forest, Network

    if "trees" in stage:
        return Forest(stage["trees"], stage["trees"]["features"]).probabilities(x)
    return Network(stage).probabilities(x)


def draw(mask: np.ndarray, limit: int = MAX_TRAINING_ROWS) -> np.ndarray:
    """The rows of `mask` (labelled ones), at most `limit` of them at random."""
    chosen = np.flatnonzero(mask)
    if len(chosen) > limit:
        chosen = np.sort(np.random.default_rng(SEED).choice(chosen, limit, replace=False))
    return chosen


def fit_block(rows: Rows, xc: np.ndarray, w: np.ndarray, train: np.ndarray, stage: str = "network") -> dict:
    """The block stage (`stage`: "trees" or "network") trained on the labelled rows of `train`."""
    idx = draw(train & (rows.y >= 0))
    y = rows.y[idx].astype(np.float32)
    if stage == "network":
        return fit_mlp(xc[idx], y, w[idx], BLOCK_LAYERS, BLOCK_MEMBERS)
    import lightgbm as lgb

    from pipeline.trees import from_lightgbm

    booster = lgb.train(BLOCK_TREE_PARAMS, lgb.Dataset(xc[idx], y, weight=w[idx] * len(idx) / w[idx].sum()), num_boost_round=BLOCK_TREES)
    return {"trees": from_lightgbm(booster.dump_model(), block_input_names(FEATURE_NAMES, CONTEXT_FEATURES, CONTEXT_SHIFTS))}


def fit_model(rows: Rows, xc: np.ndarray, w: np.ndarray, folds: list[int], decide: dict, log, stage: str = "network") -> tuple[dict, np.ndarray]:
    """A model trained on the rows of `folds`: (its params, block-network probabilities of every row of those folds out of fold)."""
    train = np.isin(rows.fold, folds)
    started = time.perf_counter()
    block = fit_block(rows, xc, w, train, stage)
    # Out-of-fold block probabilities of the training rows: what the sequence network learns from.
    p_inner = np.full(len(rows.y), np.nan)
    for j in folds:
        inner = fit_block(rows, xc, w, train & (rows.fold != j), stage)
        p_inner[rows.fold == j] = predict(inner, xc[rows.fold == j])
    s = sequence_rows(rows, np.nan_to_num(p_inner, nan=0.5))
    idx = draw(train & (rows.y >= 0))
    sequence = fit_mlp(s[idx], rows.y[idx].astype(np.float32), w[idx], SEQUENCE_LAYERS, SEQUENCE_MEMBERS)
    log(f"  trained on folds {folds}: {time.perf_counter() - started:.0f} s")
    params = {
        "features": FEATURE_NAMES,
        "block": block,
        "context": {"features": CONTEXT_FEATURES, "shifts": CONTEXT_SHIFTS},
        "sequence": sequence,
        "sequence_inputs": SEQUENCE_INPUTS,
        "decide": decide,
    }
    return params, p_inner


def held_out(rows: Rows, xc: np.ndarray, w: np.ndarray, folds_run: list[int], decide: dict, log, write: bool, stage: str = "network") -> dict:
    """Per fold run: the model trained on the others, and its probabilities (block stage, sequence network) on the fold's rows."""
    out = {"p1": np.full(len(rows.y), np.nan), "p2": np.full(len(rows.y), np.nan)}
    for k in folds_run:
        params, _ = fit_model(rows, xc, w, [j for j in range(FOLDS) if j != k], decide, log, stage)
        test = rows.fold == k
        out["p1"][test] = predict(params["block"], xc[test])
        # Rows are stored page by page: the fold's runs, in order, are its rows in order.
        out["p2"][test] = predict(params["sequence"], sequence_rows(rows, out["p1"], test))
        if write:
            FOLD_DIR.mkdir(parents=True, exist_ok=True)
            (FOLD_DIR / f"fold{k}.json").write_text(json.dumps(params) + "\n", encoding="utf-8")
    return out


def decisions(rows: Rows, p: np.ndarray, decide: dict) -> np.ndarray:
    """The blocks kept on each page by the page decision (blockmodel.expected_best_set)."""
    words = block_words(rows.x, FEATURE_NAMES.index("log_words"))
    keep = np.zeros(len(p), bool)
    for _, _, s, e in rows.runs():
        if not np.isnan(p[s]):
            keep[s:e] = expected_best_set(p[s:e], words[s:e], decide["precision_weight"], decide["recall_weight"])
    return keep


def report(name: str, pages, texts, dumpers, rows: Rows, keep: np.ndarray, folds: set[int]) -> None:
    """One line per split: dev-pages segment F1 and wcxb-dev articles' shingle F1 per dumper, and wcxb-dev's other types (mean over dumpers)."""
    for split, chosen in (("dev split", {0} & folds), ("held out", {1, 2, 3} & folds)):
        if not chosen:
            continue
        scores = score_decisions(pages, texts, dumpers, rows.runs(len(dumpers)), keep, include=lambda page: page.fold in chosen)
        cells = "  ".join(f"{d[:5]} {scores[d].dev.f1:.4f} {scores[d].articles.f1:.4f}" for d in dumpers)
        types = " ".join(f"{t[:5]} {np.mean([scores[d].by_type[t].f1 for d in dumpers]):.3f}" for t in PAGE_TYPES[1:])
        print(f"{name:<22} {split:<9} dev seg F1 / wcxb art shingle F1: {cells}   | {types}", flush=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--folds", default="0,1,2,3", help="the folds to hold out in turn (default: all)")
    parser.add_argument("--precision-weight", type=float, default=DECIDE["precision_weight"])
    parser.add_argument("--recall-weight", type=float, default=DECIDE["recall_weight"])
    parser.add_argument("--write-folds", action="store_true", help=f"write each fold's model to {FOLD_DIR.relative_to(ROOT)}/")
    parser.add_argument("--write", action="store_true", help=f"train on every fold and write {MODEL_PATH.relative_to(ROOT)}")
    parser.add_argument("--noise", action="store_true", help=f"train on {NOISY} too (bench/noisydumps.py)")
    parser.add_argument(
        "--noise-weight", type=float, default=NOISE_WEIGHT, help=f"what a noisy copy weighs against one dumper's dump of a page (default {NOISE_WEIGHT})"
    )
    parser.add_argument("--block-stage", choices=("network", "trees"), default="network", help="the block stage's learner (default: %(default)s)")
    parser.add_argument(
        "--dumpers", default=",".join(DUMPERS), help="comma-separated dumpers whose dumps are trained and scored on (default: %(default)s; bench/dumpers.py)"
    )
    parser.add_argument("--save", action="store_true", help="keep the held-out probabilities in bench/out/text_model_probs.npz")
    args = parser.parse_args()
    log = lambda message: print(message, file=sys.stderr, flush=True)  # noqa: E731
    pages = load_text_pages()
    dumpers = args.dumpers.split(",")
    rows = Rows(pages, dumpers + [NOISY] if args.noise else dumpers)
    texts = PageTexts(pages, dumpers)
    w = row_weights(rows, len(dumpers) if args.noise else None, args.noise_weight)
    xc = with_context(rows, rows.x)
    decide = {"precision_weight": args.precision_weight, "recall_weight": args.recall_weight}
    folds = [int(f) for f in args.folds.split(",")]
    print(f"rows: {len(rows.y)} ({(rows.y == 1).sum()} article, {(rows.y == 0).sum()} not, {(rows.y < 0).sum()} unlabelled); folds {folds}")
    report("line oracle", pages, texts, dumpers, rows, rows.y == 1, set(folds))
    out = held_out(rows, xc, w, folds, decide, log, args.write_folds, args.block_stage)
    if args.save:
        np.savez_compressed(ROOT / "bench" / "out" / "text_model_probs.npz", **out)
    report("block stage, p>=0.5", pages, texts, dumpers, rows, np.nan_to_num(out["p1"]) >= 0.5, set(folds))
    report("+ sequence, p>=0.5", pages, texts, dumpers, rows, np.nan_to_num(out["p2"]) >= 0.5, set(folds))
    report("+ page decision", pages, texts, dumpers, rows, decisions(rows, out["p2"], decide), set(folds))
    if args.write:
        params, _ = fit_model(rows, xc, w, list(range(FOLDS)), decide, log, args.block_stage)
        MODEL_PATH.parent.mkdir(parents=True, exist_ok=True)
        MODEL_PATH.write_text(json.dumps(params) + "\n", encoding="utf-8")
        print(f"wrote {MODEL_PATH.relative_to(ROOT)} ({MODEL_PATH.stat().st_size / 1e3:.0f} KB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
