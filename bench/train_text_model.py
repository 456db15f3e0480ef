"""Block models for text dumps, compared held out by site: which one should decide what is article text.

Rows come from bench/textfeatures.py: every block of every page of both
corpora in every dumper's dump, with today's line features, the layout's
features and today's rules' verdicts (furniture, the article's end).
Every candidate is trained on the pages of three folds of sites (all four
dumpers' dumps of them) and predicts the pages of the fourth; the same
folds for every candidate (bench/textcorpus.py).  The decision threshold
and the candidates' settings were chosen on fold 0 (the development
split); folds 1-3 were not looked at while choosing, and their figures are
printed apart.

Each candidate's blocks kept are scored as the page's text ("model
decides every block": no furniture rule, no article end, no teaser pass):
dev-pages segment F1, wcxb-dev articles' shingle F1 and per page type,
per dumper; beside the label oracle.  Its cost per page is measured on one
core (features not counted: they are today's, measured by eval_text.py).

Candidates:
- mlp16x3: today's line model's shape (3 averaged networks of 16 tanh
  units), trained on the new rows;
- mlp64x2: a larger network (two layers of 64 tanh units);
- gbdt: gradient-boosted trees (LightGBM, pinned in the `bench` extra),
  run at inference by pipeline.dumps.trees in numpy;
- *+ctx: the same over each block's features and its neighbours' (two
  blocks each side), a sequence model over the page's blocks as a
  one-dimensional convolution of width 5;
- gbdt+2stage: a second model over the first's probabilities of the
  block and its neighbours (windows of 1, 3, 8 blocks each side).

Usage: python bench/train_text_model.py [--candidates gbdt,gbdt+ctx] [--folds-only 0] [--write NAME]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from devpages import Score  # noqa: E402
from dumpers import DUMPERS, load_dumps  # noqa: E402
from textcorpus import FOLDS, load_text_pages  # noqa: E402
from textfeatures import load_features  # noqa: E402
from wcxb import ShingleScore  # noqa: E402

from pipeline.dumps.layout import read_dump  # noqa: E402

OUT = Path(__file__).resolve().parent / "out"
PAGE_TYPES = ("article", "forum", "listing", "product", "collection", "documentation", "service")
SEED = 20261204


# --- data -----------------------------------------------------------------------


class Rows:
    """All dumpers' rows, with per-row page, dumper, fold, and the offsets of each (dumper, page) block run."""

    def __init__(self, pages, dumpers):
        xs, ys, page, dumper_of, judged = [], [], [], [], []
        for d, dumper in enumerate(dumpers):
            data = load_features(pages, dumper)
            xs.append(data["x"])
            ys.append(data["y"])
            page.append(data["page"])
            dumper_of.append(np.full(len(data["y"]), d, np.int8))
            judged.append(data["judged"])
        self.x = np.vstack(xs).astype(np.float32)
        self.y = np.concatenate(ys)
        self.page = np.concatenate(page)
        self.dumper = np.concatenate(dumper_of)
        self.judged = np.concatenate(judged)
        self.fold = np.array([p.fold for p in pages], np.int8)[self.page]
        # Runs of one (dumper, page): rows are stored page by page within each dumper.
        key = self.dumper.astype(np.int64) * 1_000_000 + self.page
        change = np.flatnonzero(np.diff(key)) + 1
        self.starts = np.concatenate([[0], change])
        self.ends = np.concatenate([change, [len(key)]])

    def runs(self):
        for s, e in zip(self.starts, self.ends):
            yield int(self.dumper[s]), int(self.page[s]), s, e


def row_weights(rows: Rows) -> np.ndarray:
    """Each labelled (dumper, page) weighs 1 in all, its rows by the square root of their words; classes balanced."""
    words = np.expm1(rows.x[:, 1] * 6)  # log_words column: np.log1p(n_tokens) / 6
    w = np.sqrt(words + 1) * (rows.y >= 0)
    for _, _, s, e in rows.runs():
        total = w[s:e].sum()
        if total:
            w[s:e] /= total
    labelled = rows.y >= 0
    positive = (rows.y == 1) & labelled
    share = w[positive].sum() / max(w[labelled].sum(), 1e-9)
    w = np.where(positive, w * 0.5 / share, w * 0.5 / (1 - share))
    return w.astype(np.float32)


# Features whose neighbours' values the context candidates read: the
# shape of a line and what the rules say of it.
CONTEXT_COLUMNS = [0, 1, 2, 3, 5, 6, 7, 13, 15, 17, 35, 46, 47, 52, 53, 54]
CONTEXT_SHIFTS = (-2, -1, 1, 2)


# With the topic features (textfeatures.TOPIC_FEATURES), a block's neighbours' share of core words too.
CONTEXT_TOPIC_COLUMNS = [56]


def context_columns(width: int) -> list[int]:
    return CONTEXT_COLUMNS + (CONTEXT_TOPIC_COLUMNS if width > 56 else [])


def with_context(rows: Rows, x: np.ndarray) -> np.ndarray:
    """x with the context columns of the blocks CONTEXT_SHIFTS away appended (zeros past the page's edges)."""
    parts = [x]
    sub = x[:, context_columns(x.shape[1])]
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


def neighbour_probabilities(rows: Rows, p: np.ndarray) -> np.ndarray:
    """Per row: its logit, and the mean logit over windows of 1, 3, 8 blocks each side, the max and min p within 2."""
    from pipeline.clean.linemodel import context_features

    out = np.zeros((len(p), 6), np.float32)
    for _, _, s, e in rows.runs():
        out[s:e] = context_features(p[s:e].astype(float))
    return out


# --- candidates ---------------------------------------------------------------------


def fit_gbdt(x, y, w, params: dict):
    import lightgbm as lgb

    settings = {
        "objective": "binary",
        "learning_rate": 0.1,
        "num_leaves": 31,
        "min_data_in_leaf": 50,
        "feature_fraction": 0.8,
        "bagging_fraction": 0.8,
        "bagging_freq": 1,
        "lambda_l2": 1.0,
        "num_threads": 2,
        "verbose": -1,
        "seed": SEED,
    }
    settings.update({k: v for k, v in params.items() if k != "trees"})
    booster = lgb.train(settings, lgb.Dataset(x, y, weight=w), num_boost_round=params.get("trees", 200))
    return booster


def fit_mlp(x, y, w, layers: tuple[int, ...], members: int, epochs: int = 6, batch: int = 2048, lr: float = 0.003, l2: float = 1e-4):
    """Networks of tanh layers, trained by mini-batch Adam on standardised inputs; returns (mean, std, members' weights)."""
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
            order = rng.permutation(len(z))
            for at in range(0, len(z), batch):
                idx = order[at : at + batch]
                zb, yb, wb = z[idx], y[idx], w[idx]
                acts = [zb]
                for k in range(0, len(params) - 2, 2):
                    acts.append(np.tanh(acts[-1] @ params[k] + params[k + 1]))
                logit = (acts[-1] @ params[-2] + params[-1])[:, 0]
                p = 1 / (1 + np.exp(-logit))
                g = ((p - yb) * wb / wb.sum())[:, None].astype(np.float32)
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
        nets.append(params)
    return mean, std, nets


def predict_mlp(model, x) -> np.ndarray:
    mean, std, nets = model
    z = ((x - mean) / std).astype(np.float32)
    out = np.zeros(len(x))
    for params in nets:
        a = z
        for k in range(0, len(params) - 2, 2):
            a = np.tanh(a @ params[k] + params[k + 1])
        out += 1 / (1 + np.exp(-(a @ params[-2] + params[-1])[:, 0]))
    return out / len(nets)


class Candidate:
    def __init__(self, name: str, kind: str, context: bool = False, two_stage: bool = False, **settings):
        self.name, self.kind, self.context, self.two_stage, self.settings = name, kind, context, two_stage, settings

    def fit(self, x, y, w):
        if self.kind == "gbdt":
            return fit_gbdt(x, y, w, self.settings)
        return fit_mlp(x, y, w, **self.settings)

    def predict(self, model, x):
        if self.kind == "gbdt":
            return model.predict(x)
        return predict_mlp(model, x)


CANDIDATES = {
    c.name: c
    for c in (
        Candidate("mlp16x3", "mlp", layers=(16,), members=3),
        Candidate("mlp64x2", "mlp", layers=(64, 64), members=1),
        Candidate("mlp16x3+ctx", "mlp", context=True, layers=(16,), members=3),
        Candidate("mlp64x2+ctx", "mlp", context=True, layers=(64, 64), members=1),
        Candidate("gbdt", "gbdt", trees=300),
        Candidate("gbdt-small", "gbdt", trees=100, num_leaves=15, max_depth=5),
        Candidate("gbdt-small+ctx", "gbdt", context=True, trees=100, num_leaves=15, max_depth=5),
        Candidate("gbdt+ctx", "gbdt", context=True, trees=300),
        Candidate("gbdt+ctx+2stage", "gbdt", context=True, two_stage=True, trees=300),
    )
}


# Training rows per fold model, drawn at random (the same draw for every
# candidate): the four dumpers give each page four times over, and the
# trees took minutes a fold on all of them on the shared two cores.
MAX_TRAINING_ROWS = 400_000


def subsample(mask: np.ndarray, limit: int) -> np.ndarray:
    chosen = np.flatnonzero(mask)
    if len(chosen) <= limit:
        return mask
    keep = np.random.default_rng(SEED).choice(chosen, limit, replace=False)
    out = np.zeros_like(mask)
    out[keep] = True
    return out


def inference_cost(candidate: Candidate, model, x_page: np.ndarray, repeats: int = 200) -> str:
    """Microseconds to judge one page's blocks (x_page) on this process's one thread, as shipped (trees in numpy)."""
    if candidate.kind == "gbdt":
        from pipeline.dumps.trees import TreeEnsemble, from_lightgbm

        trees = TreeEnsemble(from_lightgbm(model.dump_model()))
        predict = trees.probabilities
        size = f"{len(trees.roots)} trees, depth {trees.depth}, {len(trees.feature)} nodes"
    else:
        mean, std, nets = model

        def predict(x):
            return predict_mlp(model, x)

        size = f"{sum(p.size for net in nets for p in net)} weights"
    predict(x_page)
    started = time.perf_counter()
    for _ in range(repeats):
        predict(x_page)
    return f"{1e6 * (time.perf_counter() - started) / repeats:.0f} us for a page of {len(x_page)} blocks ({size})"


def feature_names(width: int) -> list[str]:
    """The names of the first `width` columns of textfeatures' rows."""
    from textfeatures import EXTRA_FEATURES, RULE_FEATURES, TOPIC_FEATURES

    from pipeline.clean.linemodel import FEATURE_NAMES

    return (FEATURE_NAMES + EXTRA_FEATURES + RULE_FEATURES + TOPIC_FEATURES)[:width]


def mlp_params(candidate: Candidate, model, threshold: float, width: int) -> dict:
    """A trained network as pipeline.dumps.blockmodel.BlockModel reads it (`width`: the rows' columns before any context)."""
    mean, std, nets = model
    return {
        "features": feature_names(width),
        "mean": mean.tolist(),
        "std": std.tolist(),
        "members": [[p.tolist() for p in net] for net in nets],
        "context": {"columns": context_columns(width), "shifts": list(CONTEXT_SHIFTS)} if candidate.context else None,
        "threshold": threshold,
    }


def cross_validate(
    candidate: Candidate, rows: Rows, x: np.ndarray, w: np.ndarray, folds, cost_page: np.ndarray | None = None, write: Path | None = None, threshold: float = 0.5
) -> np.ndarray:
    """Held-out probabilities of every row (NaN for rows of folds not run); `write`: a directory for each fold's network."""
    p = np.full(len(rows.y), np.nan)
    labelled = rows.y >= 0
    for k in folds:
        train = (rows.fold != k) & labelled
        train = subsample(train, MAX_TRAINING_ROWS)
        test = rows.fold == k
        started = time.perf_counter()
        model = candidate.fit(x[train], rows.y[train].astype(np.float32), w[train])
        p[test] = candidate.predict(model, x[test])
        if write is not None and candidate.kind == "mlp":
            write.mkdir(parents=True, exist_ok=True)
            (write / f"fold{k}.json").write_text(json.dumps(mlp_params(candidate, model, threshold, rows.x.shape[1])) + "\n", encoding="utf-8")
        if candidate.two_stage:
            # The second stage learns from out-of-fold first-stage probabilities of the training folds.
            inner = np.full(len(rows.y), np.nan)
            others = [j for j in range(FOLDS) if j != k]
            for j in others:
                inner_train = train & (rows.fold != j)  # within the subsample
                inner_model = candidate.fit(x[inner_train], rows.y[inner_train].astype(np.float32), w[inner_train])
                inner[rows.fold == j] = candidate.predict(inner_model, x[rows.fold == j])
            inner[test] = p[test]
            c = neighbour_probabilities(rows, np.nan_to_num(inner, nan=0.5))
            second = fit_gbdt(c[train], rows.y[train].astype(np.float32), w[train], {"trees": 100, "num_leaves": 15})
            p[test] = second.predict(c[test])
        print(f"    {candidate.name} fold {k}: {time.perf_counter() - started:.0f} s", file=sys.stderr, flush=True)
        if cost_page is not None:
            print(f"  {candidate.name:<18} cost: {inference_cost(candidate, model, x[cost_page])}" + (" + a second stage" if candidate.two_stage else ""))
            cost_page = None
    return p


# --- scoring --------------------------------------------------------------------------


def block_texts(pages, dumpers) -> dict:
    """(dumper index, page index) -> the page's block texts, as textfeatures read them."""
    out = {}
    for d, dumper in enumerate(dumpers):
        dumps = load_dumps(pages, dumper)
        for k, page in enumerate(pages):
            out[d, k] = [b.text for b in read_dump(dumps[page.id])[1]]
    return out


class PageScores:
    def __init__(self):
        self.dev = Score()
        self.articles = ShingleScore()
        self.by_type = defaultdict(ShingleScore)


def score_keep(rows: Rows, keep: np.ndarray, pages, texts, dumpers, folds) -> dict:
    """(dumper, 'all' | 'dev-split' | 'held-out') -> PageScores of the blocks kept."""
    scores = defaultdict(PageScores)
    seen = set()
    for d, k, s, e in rows.runs():
        page = pages[k]
        if page.fold not in folds:
            continue
        seen.add((d, k))
        output = "\n\n".join(t for t, kept in zip(texts[d, k], keep[s:e]) if kept)
        for split in ("all", "dev-split" if page.fold == 0 else "held-out"):
            _add(scores[dumpers[d], split], page, output)
    for d, dumper in enumerate(dumpers):  # pages without blocks output nothing
        for k, page in enumerate(pages):
            if page.fold in folds and (d, k) not in seen:
                for split in ("all", "dev-split" if page.fold == 0 else "held-out"):
                    _add(scores[dumper, split], page, "")
    return scores


def _add(score: PageScores, page, output: str) -> None:
    if page.corpus == "dev":
        score.dev.add(output, page)
    else:
        score.by_type[page.page_type].add(output, page.main_content)
        if page.page_type == "article":
            score.articles.add(output, page.main_content)


def line_f1(rows: Rows, keep: np.ndarray, mask: np.ndarray) -> float:
    labelled = mask & (rows.y >= 0)
    tp = (keep & (rows.y == 1) & labelled).sum()
    fp = (keep & (rows.y == 0) & labelled).sum()
    fn = (~keep & (rows.y == 1) & labelled).sum()
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def report(name: str, rows: Rows, keep: np.ndarray, pages, texts, dumpers, folds) -> None:
    scores = score_keep(rows, keep, pages, texts, dumpers, folds)
    for split in ("all", "held-out", "dev-split"):
        if not any(key[1] == split for key in scores):
            continue
        cells = []
        for dumper in dumpers:
            s = scores[dumper, split]
            cells.append(f"{dumper[:5]} {s.dev.f1:.3f} {s.articles.f1:.3f}")
        print(f"  {name:<18} {split:<9} dev seg F1 / wcxb art shingle F1: " + "  ".join(cells))
    s_all = [scores[dumper, "all"] for dumper in dumpers]
    print(f"  {name:<18} by type (mean over dumpers): " + " ".join(
        f"{t[:4]} {np.mean([s.by_type[t].f1 for s in s_all]):.3f}" for t in PAGE_TYPES
    ) + f"   line F1 {line_f1(rows, keep, np.isin(rows.fold, list(folds))):.3f}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--candidates", default=",".join(CANDIDATES))
    parser.add_argument("--dumpers", default=",".join(DUMPERS))
    parser.add_argument("--folds-only", help="comma-separated folds to run (default: all)")
    parser.add_argument("--threshold", type=float, default=0.5)
    parser.add_argument("--save", action="store_true", help="write held-out probabilities to bench/out/probs/")
    parser.add_argument("--write-folds", action="store_true", help="write each network candidate's fold models to bench/out/folds/<name>/ (eval_text.py new:<name>)")
    parser.add_argument("--limit", type=int, help="only the first N pages of each corpus (a smoke test: set TEXT_FEATURES_CACHE elsewhere)")
    args = parser.parse_args()
    pages = load_text_pages(limit=args.limit)
    dumpers = args.dumpers.split(",")
    rows = Rows(pages, dumpers)
    folds = [int(f) for f in args.folds_only.split(",")] if args.folds_only else list(range(FOLDS))
    texts = block_texts(pages, dumpers)
    w = row_weights(rows)
    print(f"rows: {len(rows.y)} ({(rows.y == 1).sum()} article, {(rows.y == 0).sum()} not, {(rows.y < 0).sum()} unlabelled); folds {folds}")
    # The page whose block count is the median of the blocks dumps' pages: what inference costs are timed on.
    runs = [(e - s, s, e) for d, _, s, e in rows.runs() if d == 0]
    _, s, e = sorted(runs)[len(runs) // 2]
    cost_page = np.arange(s, e)
    report("oracle (labels)", rows, rows.y == 1, pages, texts, dumpers, folds)
    report("all blocks", rows, np.ones(len(rows.y), bool), pages, texts, dumpers, folds)
    for name in args.candidates.split(","):
        candidate = CANDIDATES[name]
        x = with_context(rows, rows.x) if candidate.context else rows.x
        write = OUT / "folds" / name if args.write_folds else None
        p = cross_validate(candidate, rows, x, w, folds, cost_page, write, args.threshold)
        keep = np.nan_to_num(p, nan=0.0) >= args.threshold
        report(name, rows, keep, pages, texts, dumpers, folds)
        if args.save:
            (OUT / "probs").mkdir(parents=True, exist_ok=True)
            np.save(OUT / "probs" / f"{name}.npy", p)
        sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
