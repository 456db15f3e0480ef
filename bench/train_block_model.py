"""Train the HTML block model (pipeline/html/model.py) on wcxb-dev and dev-pages, held out by domain.

    python bench/train_block_model.py featurise        # parse both corpora once, cache to bench/out/blocks.pkl
    python bench/train_block_model.py evaluate         # development: k-fold by domain over the development folds
    python bench/train_block_model.py final            # the final test fold, once, and the fold models for the benches
    python bench/train_block_model.py ship             # train on every page, write pipeline/html/data/block_model.json

Labels.  wcxb-dev gives each page's whole main text: a block is article text
when its text is in the main text (a long block as a substring, a short one
as a whole line of it, or as a substring next to a labelled article block).
dev-pages gives snippets only: a block overlapping a `with` snippet is
article text, one overlapping a `without` snippet is not, the rest are left
out of training.

Folds.  Every domain (wcxb's `domain`, the host of a dev page's URL) falls in
one of FOLDS folds by a hash of its name, the same in both corpora.  Fold
FINAL_FOLD is the final test: it is not looked at while features, labels and
settings are chosen (`evaluate` cross-validates over the other folds), and
`final` scores it once.  The per-fold models (bench/data/block_model_folds/)
let bench/bench_html.py score every page with a model that never saw its
domain.

Needs LightGBM (pip install -e '.[train]'); the shipped model is read with numpy alone.
"""

from __future__ import annotations

import argparse
import json
import pickle
import re
import sys
import time
import zlib
from pathlib import Path
from urllib.parse import urlsplit

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from devpages import Score, fold, load_cases  # noqa: E402
from wcxb import ShingleScore, load_pages  # noqa: E402

from pipeline.trees import sigmoid  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / "bench" / "out" / "blocks.pkl"
FOLD_DIR = ROOT / "bench" / "data" / "block_model_folds"
FOLDS = 5
FINAL_FOLD = 4
SHORT_BLOCK_CHARS = 25

PARAMS = dict(
    objective="binary",
    learning_rate=0.1,
    max_bin=63,
    num_leaves=24,
    max_depth=6,
    min_data_in_leaf=40,
    feature_fraction=0.8,
    bagging_fraction=0.8,
    bagging_freq=1,
    lambda_l2=1.0,
    verbose=-1,
    num_threads=2,
    seed=7,
)
# Trees per stage: inference walks every tree for every block, so the
# ensemble is kept small (docs/html.md: its cost against its gain).
ROUNDS = 100
SECOND_ROUNDS = 50
# Labelled blocks a page contributes at most (a random sample beyond): long
# pages of menus would otherwise be most of the training set and its time.
MAX_ROWS_PER_PAGE = 200
# The second stage's inputs come from first stages trained without each half of the training domains.
INNER_FOLDS = 2
# dev-pages label a few snippets a page (wcxb-dev every block): their blocks
# weigh this much more, so that each corpus's pages count about alike.
DEV_PAGES_WEIGHT = 8.0
KEEP_THRESHOLD = 0.4


def domain_of(url: str) -> str:
    host = (urlsplit(url).hostname or "").lower()
    return host[4:] if host.startswith("www.") else host


def fold_of_domain(domain: str) -> int:
    return zlib.crc32(domain.encode()) % FOLDS


# --- labels -------------------------------------------------------------------

_WS = re.compile(r"\s+")
# Typographic quotes, dashes and hyphens: the main texts write some pages'
# ’ and “ as ' and " (and the other way round), so both sides are folded
# to ASCII before they are compared; Markdown's bold marks ("**") go.
_TYPOGRAPHY = str.maketrans({"’": "'", "‘": "'", "‚": "'", "‛": "'", "′": "'", "“": '"', "”": '"', "„": '"', "‟": '"',
                             "″": '"', "–": "-", "—": "-", "‑": "-", "‐": "-", "−": "-", "…": "..."})
# UTF-8 read as Latin-1 or cp1252 ("â€™" for "’"), as some main texts were stored.
_MOJIBAKE = re.compile(r"[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013-\u203a\u20ac\u2122]{1,3}")


def _unmojibake(match: re.Match) -> str:
    text = match.group()
    for codec in ("cp1252", "latin-1"):
        try:
            return text.encode(codec).decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            continue
    return text


def _norm(text: str) -> str:
    text = _MOJIBAKE.sub(_unmojibake, text or "")
    return _WS.sub(" ", text.translate(_TYPOGRAPHY).replace("**", "")).strip().casefold()


def wcxb_labels(texts: list[str], main_content: str) -> np.ndarray:
    """1 for blocks whose text is in the page's main text, 0 for the others."""
    whole = _norm(main_content)
    lines = {_norm(line.lstrip("-*# ")) for line in main_content.split("\n")} | {_norm(line) for line in main_content.split("\n")}
    folded = [_norm(t) for t in texts]
    labels = np.zeros(len(texts))
    inside = [f in whole for f in folded]
    for i, f in enumerate(folded):
        if len(f) >= SHORT_BLOCK_CHARS:
            labels[i] = inside[i]
        elif f in lines:
            labels[i] = 1
    # A short piece inside a paragraph (a line ended by <br>, a link's text
    # split off) is article text when a labelled neighbour is.
    for _ in range(2):
        for i, f in enumerate(folded):
            if not labels[i] and inside[i] and len(f) < SHORT_BLOCK_CHARS:
                if (i and labels[i - 1] and len(folded[i - 1]) >= SHORT_BLOCK_CHARS) or (
                    i + 1 < len(texts) and labels[i + 1] and len(folded[i + 1]) >= SHORT_BLOCK_CHARS
                ):
                    labels[i] = 1
    return labels


def snippet_labels(texts: list[str], with_: list[str], without: list[str]) -> np.ndarray:
    """1 for blocks overlapping a `with` snippet, 0 for those overlapping a `without` one, nan for the rest (and both)."""
    folded = [fold(t) for t in texts]
    joined = " ".join(folded)
    starts = np.cumsum([0] + [len(f) + 1 for f in folded[:-1]]) if folded else np.zeros(0)
    hits = np.zeros((len(texts), 2), bool)
    for column, snippets in ((0, with_), (1, without)):
        for snippet in snippets:
            s = fold(snippet)
            if not s:
                continue
            at = joined.find(s)
            while at >= 0:
                first = int(np.searchsorted(starts, at, side="right")) - 1
                last = int(np.searchsorted(starts, at + len(s) - 1, side="right")) - 1
                hits[first : last + 1, column] = True
                at = joined.find(s, at + 1)
    labels = np.full(len(texts), np.nan)
    labels[hits[:, 0] & ~hits[:, 1]] = 1
    labels[hits[:, 1] & ~hits[:, 0]] = 0
    return labels


# --- the cached corpus ---------------------------------------------------------


def _cached_page(raw: bytes, labels, **about) -> dict | None:
    """One page of the cache: its blocks' texts, features and context, and `labels(texts)`; None when it cannot be read."""
    from pipeline.html.dom import read_page
    from pipeline.html.features import features
    from pipeline.options import Options
    from pipeline.read import read_bytes

    options = Options(format="html")
    doc = read_bytes(raw, source=about["id"], options=options)
    if not doc.ok or not doc.html:
        return None
    page = read_page(doc.html)
    x, context = features(page)
    texts = [b.text for b in page.blocks]
    return dict(about, x=x, texts=texts, chars=context.chars, groups=context.groups, y=labels(texts), fold=fold_of_domain(about["domain"]))


def featurise(limit: int | None) -> None:
    from pipeline.html.features import FEATURE_NAMES

    started = time.monotonic()
    pages = [
        _cached_page(page.html, lambda texts, page=page: wcxb_labels(texts, page.main_content),
                     corpus="wcxb", id=page.id, domain=page.domain, page_type=page.page_type)
        for page in load_pages(limit=limit)
    ]
    print(f"wcxb-dev: {len(pages)} pages, {time.monotonic() - started:.0f} s", file=sys.stderr)
    pages += [
        _cached_page(case.html, lambda texts, case=case: snippet_labels(texts, case.with_, case.without),
                     corpus="dev", id=case.id, domain=domain_of(case.url), page_type="article")
        for case in load_cases(limit=limit)
    ]
    pages = [page for page in pages if page is not None]
    CACHE.parent.mkdir(parents=True, exist_ok=True)
    with CACHE.open("wb") as out:
        pickle.dump({"features": FEATURE_NAMES, "pages": pages}, out)
    blocks = sum(len(p["texts"]) for p in pages)
    labelled = sum(int(np.isfinite(p["y"]).sum()) for p in pages)
    print(f"{len(pages)} pages, {blocks} blocks ({labelled} labelled) cached to {CACHE} in {time.monotonic() - started:.0f} s")


def load_cache() -> list[dict]:
    from pipeline.html.features import FEATURE_NAMES

    if not CACHE.exists():
        raise SystemExit(f"{CACHE} not found: run python bench/train_block_model.py featurise first")
    data = pickle.loads(CACHE.read_bytes())
    if tuple(data["features"]) != FEATURE_NAMES:
        raise SystemExit("the cache was made with other features: run featurise again")
    return data["pages"]


# --- training and export -------------------------------------------------------


def _rows(page: dict) -> np.ndarray:
    """The labelled blocks of a page that training uses (at most MAX_ROWS_PER_PAGE, the same sample every time)."""
    rows = np.flatnonzero(np.isfinite(page["y"]))
    if len(rows) > MAX_ROWS_PER_PAGE:
        rng = np.random.default_rng(zlib.crc32(page["id"].encode()))
        rows = np.sort(rng.choice(rows, MAX_ROWS_PER_PAGE, replace=False))
    return rows


def _corpus_weight(page: dict) -> float:
    return DEV_PAGES_WEIGHT if page["corpus"] == "dev" else 1.0


def _fit(pages: list[dict], columns, rounds: int):
    import lightgbm as lgb

    rows = [_rows(p) for p in pages]
    x = np.concatenate([columns(p)[r] for p, r in zip(pages, rows)]).astype(np.float32)
    y = np.concatenate([p["y"][r] for p, r in zip(pages, rows)])
    # A page's blocks weigh by the square root of its labelled blocks: long pages count more, not linearly more.
    w = np.concatenate([np.full(len(r), _corpus_weight(p) / max(np.isfinite(p["y"]).sum(), 1) ** 0.5) for p, r in zip(pages, rows)])
    return lgb.train(PARAMS, lgb.Dataset(x, y, weight=w), num_boost_round=rounds)


def _context(page: dict):
    from pipeline.html.features import Context

    return Context(None, None, 0, None, page["chars"], page["groups"])


def _stacked(page: dict, p: np.ndarray) -> np.ndarray:
    from pipeline.html.features import stack_features

    return np.hstack([page["x"], stack_features(p, _context(page))])


def train(pages: list[dict]) -> dict:
    """Both stages on `pages`: the second learns from first-stage probabilities made without each page's fold."""
    from pipeline.html.features import FEATURE_NAMES, STACK_NAMES

    first = _fit(pages, lambda p: p["x"], ROUNDS)
    inner: dict[int, np.ndarray] = {}
    half = [zlib.crc32(p["domain"].encode() + b"inner") % INNER_FOLDS for p in pages]
    for k in range(INNER_FOLDS):
        booster = _fit([p for p, h in zip(pages, half) if h != k], lambda p: p["x"], ROUNDS)
        for i, p in enumerate(pages):
            if half[i] == k:
                inner[i] = booster.predict(p["x"])
    index = {id(p): i for i, p in enumerate(pages)}
    second = _fit(pages, lambda p: _stacked(p, inner[index[id(p)]]), SECOND_ROUNDS)
    return {
        "first": export_trees(first, FEATURE_NAMES),
        "second": export_trees(second, FEATURE_NAMES + STACK_NAMES),
        "keep_threshold": KEEP_THRESHOLD,
        "trainer": "bench/train_block_model.py",
    }


def export_trees(booster, feature_names) -> dict:
    """The trees as pipeline.trees.Trees reads them."""
    from pipeline.trees import from_lightgbm

    return from_lightgbm(booster.dump_model(), feature_names)


def _model(spec: dict):
    from pipeline.html.model import BlockModel

    return BlockModel(spec)


def predict(model, page: dict) -> np.ndarray:
    return model.probabilities(page["x"], _context(page))


# --- extraction-level scores ---------------------------------------------------


def scores(pages: list[dict], probabilities: list[np.ndarray], threshold: float) -> dict:
    """Extraction only (the kept blocks, before the cleaner): segment F1 on dev-pages, shingle F1 on wcxb-dev."""
    cases = {c.id: c for c in _cases()}
    truth = {p.id: p for p in _wcxb()}
    dev, articles, everything = Score(), ShingleScore(), ShingleScore()
    for page, prob in zip(pages, probabilities):
        text = "\n\n".join(t for t, keep in zip(page["texts"], prob >= threshold) if keep)
        if page["corpus"] == "dev":
            dev.add(text, cases[page["id"]])
        else:
            everything.add(text, truth[page["id"]].main_content)
            if page["page_type"] == "article":
                articles.add(text, truth[page["id"]].main_content)
    return {"dev": dev, "articles": articles, "wcxb": everything}


_CASES: list = []
_PAGES: list = []


def _cases():
    if not _CASES:
        _CASES.extend(load_cases())
    return _CASES


def _wcxb():
    if not _PAGES:
        _PAGES.extend(load_pages())
    return _PAGES


def cross_validate(pages: list[dict], folds: list[int]) -> tuple[list[np.ndarray], list[np.ndarray]]:
    """Each page's probabilities from the model trained on the other folds in `folds`: (both stages, first stage alone)."""
    both: dict[int, np.ndarray] = {}
    first: dict[int, np.ndarray] = {}
    for k in folds:
        started = time.monotonic()
        model = _model(train([p for p in pages if p["fold"] in folds and p["fold"] != k]))
        for i, p in enumerate(pages):
            if p["fold"] == k:
                both[i] = predict(model, p)
                first[i] = sigmoid(model.first.scores(p["x"]))
        print(f"  fold {k}: {time.monotonic() - started:.0f} s", file=sys.stderr)
    return [both[i] for i in sorted(both)], [first[i] for i in sorted(first)]


def first_stage_cv(pages: list[dict], folds: list[int], columns) -> list[np.ndarray]:
    """The first stage alone, cross-validated, over the feature columns `columns(page)` (for experiments)."""
    out: dict[int, np.ndarray] = {}
    for k in folds:
        booster = _fit([p for p in pages if p["fold"] != k], columns, ROUNDS)
        for i, p in enumerate(pages):
            if p["fold"] == k:
                out[i] = booster.predict(columns(p))
    return [out[i] for i in sorted(out)]


def with_trafilatura_column(pages: list[dict]) -> None:
    """Adds p["x_traf"]: the features plus whether trafilatura's output (default settings) holds the block's text."""
    cache = ROOT / "bench" / "out" / "trafilatura.pkl"
    outputs = pickle.loads(cache.read_bytes())
    for p in pages:
        output = fold(outputs[(p["corpus"], p["id"])][0])
        column = np.array([float(bool(fold(t)) and fold(t) in output) for t in p["texts"]])
        p["x_traf"] = np.hstack([p["x"], column[:, None]])


def print_scores(label: str, result: dict) -> None:
    print(f"{label}: dev-pages segments P {result['dev'].precision:.3f} R {result['dev'].recall:.3f} F1 {result['dev'].f1:.4f}; "
          f"wcxb articles {result['articles'].line('shingles')}; all wcxb F1 {result['wcxb'].f1:.4f}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    f = sub.add_parser("featurise", help="parse both corpora and cache blocks, features and labels")
    f.add_argument("--limit", type=int, help="only the first N pages of each corpus")
    e = sub.add_parser("evaluate", help="k-fold by domain over the development folds (extraction only)")
    e.add_argument("--thresholds", default="0.3,0.4,0.5,0.6")
    e.add_argument("--dev-weight", type=float, help="weight of dev-pages blocks (default DEV_PAGES_WEIGHT)")
    e.add_argument("--trafilatura", action="store_true", help="compare the first stage with and without trafilatura's output as a feature")
    sub.add_parser("final", help="score the final test fold once; write the per-fold models for the benches")
    sub.add_parser("ship", help="train on every page and write the shipped model")
    args = parser.parse_args()
    global DEV_PAGES_WEIGHT
    DEV_PAGES_WEIGHT = getattr(args, "dev_weight", None) or DEV_PAGES_WEIGHT
    if args.command == "featurise":
        featurise(args.limit)
        return 0
    pages = load_cache()
    if args.command == "evaluate":
        dev_folds = [k for k in range(FOLDS) if k != FINAL_FOLD]
        chosen = [p for p in pages if p["fold"] in dev_folds]
        if args.trafilatura:
            with_trafilatura_column(chosen)
            for label, columns in (("first stage", lambda p: p["x"]), ("first stage + trafilatura", lambda p: p["x_traf"])):
                probabilities = first_stage_cv(chosen, dev_folds, columns)
                for t in map(float, args.thresholds.split(",")):
                    print_scores(f"{label}, threshold {t}", scores(chosen, probabilities, t))
            return 0
        both, first = cross_validate(chosen, dev_folds)
        with (ROOT / "bench" / "out" / "oof.pkl").open("wb") as out:
            pickle.dump({"ids": [(p["corpus"], p["id"]) for p in chosen], "both": both, "first": first}, out)
        for t in map(float, args.thresholds.split(",")):
            print_scores(f"first stage, threshold {t}", scores(chosen, first, t))
            print_scores(f"both stages, threshold {t}", scores(chosen, both, t))
        return 0
    if args.command == "final":
        FOLD_DIR.mkdir(parents=True, exist_ok=True)
        held = {}
        for k in range(FOLDS):
            spec = train([p for p in pages if p["fold"] != k])
            (FOLD_DIR / f"fold{k}.json").write_text(json.dumps(spec, separators=(",", ":")), encoding="utf-8")
            held[k] = _model(spec)
            print(f"  fold {k} written", file=sys.stderr)
        final = [p for p in pages if p["fold"] == FINAL_FOLD]
        print_scores(f"final test fold {FINAL_FOLD} ({len(final)} pages)", scores(final, [predict(held[FINAL_FOLD], p) for p in final], KEEP_THRESHOLD))
        every = [predict(held[p["fold"]], p) for p in pages]
        print_scores(f"all folds held out ({len(pages)} pages)", scores(pages, every, KEEP_THRESHOLD))
        return 0
    spec = train(pages)
    from pipeline.html.model import MODEL_PATH

    MODEL_PATH.parent.mkdir(parents=True, exist_ok=True)
    MODEL_PATH.write_text(json.dumps(spec, separators=(",", ":")), encoding="utf-8")
    print(f"written {MODEL_PATH} ({MODEL_PATH.stat().st_size // 1024} KB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
