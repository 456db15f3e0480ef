"""A learned headline finder for dumps, compared held out by site with the rules of pipeline.dumps.metadata.

Candidates are the lines from HEADLINE_LOOKBACK lines above the article's
core to HEADLINE_LOOKAHEAD into it (pipeline.dumps.metadata.headline_candidates).
Each gets numbers any page gives (position to the core, length, words
shared with the core and with the <title> line, capitals, punctuation,
whether a date or byline follows); a logistic model scores them, and the
page's best-scoring line is its headline.  Labels: the line equal to the
truth title (wcxb-dev, after normalisation) or to the page's h1 (dev
pages, bench/devpages.page_headline).  Trained on every dumper's dumps of
three folds of sites, scored on the fourth; the agreement printed is with
wcxb-dev articles' titles, per dumper, beside the rules'.

Each fold's model goes to bench/data/headline_model_folds/ (bench/bench_text.py
and bench/textfeatures.py use the one that never saw a page's site).

Usage: python bench/train_headline_model.py [--write]   (--write: the model trained on all pages to pipeline/dumps/data/headline_model.json)
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from devpages import page_headline  # noqa: E402
from dumpers import DUMPERS, load_dumps  # noqa: E402
from metadata_agreement import normalise_title  # noqa: E402
from textcorpus import FOLDS, load_text_pages  # noqa: E402

from textfeatures import HEADLINE_FOLDS, dump_page  # noqa: E402

from pipeline.dumps.metadata import HEADLINE_FEATURES, MODEL_PATH, dump_metadata, headline_candidates  # noqa: E402

OUT = Path(__file__).resolve().parent / "out"


def page_rows(page, dump: str):
    """(x, y, candidate texts, texts, core, kinds) of one dump; y marks the lines equal to the page's title."""
    text_page = dump_page(dump)
    if text_page is None:
        return None
    texts, kinds, core = text_page.texts, text_page.kinds, text_page.core
    index, x = headline_candidates(texts, core[0] if core else 0, kinds)
    truth = page.truth.get("title") if page.corpus == "wcxb" else page_headline(page)
    wanted = normalise_title(truth)
    y = np.array([normalise_title(texts[i]) == wanted for i in index], float) if wanted else np.zeros(len(index))
    return x, y, index, texts, core, kinds


def fit_logistic(x, y, w, l2: float = 1e-3, epochs: int = 300, lr: float = 0.05):
    mean, std = x.mean(axis=0), x.std(axis=0) + 1e-6
    z = np.hstack([(x - mean) / std, np.ones((len(x), 1))])
    theta = np.zeros(z.shape[1])
    m = np.zeros_like(theta)
    v = np.zeros_like(theta)
    for step in range(1, epochs + 1):
        p = 1 / (1 + np.exp(-(z @ theta)))
        g = z.T @ (w * (p - y)) / w.sum() + l2 * np.r_[theta[:-1], 0]
        m = 0.9 * m + 0.1 * g
        v = 0.999 * v + 0.001 * g * g
        theta -= lr * (m / (1 - 0.9**step)) / (np.sqrt(v / (1 - 0.999**step)) + 1e-8)
    return {"features": HEADLINE_FEATURES, "mean": mean.tolist(), "std": std.tolist(), "weights": theta[:-1].tolist(), "bias": float(theta[-1])}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args()
    pages = load_text_pages()
    data = {}
    for dumper in DUMPERS:
        dumps = load_dumps(pages, dumper)
        for k, page in enumerate(pages):
            row = page_rows(page, dumps[page.id])
            if row is not None and len(row[0]):
                data[dumper, k] = row
        print(f"{dumper}: candidates of {sum(1 for key in data if key[0] == dumper)} pages", file=sys.stderr, flush=True)

    def stack(keys):
        x = np.vstack([data[key][0] for key in keys])
        y = np.concatenate([data[key][1] for key in keys])
        # Each page weighs 1: its positive and its negatives half each.
        w = np.concatenate([np.where(data[key][1] > 0, 0.5 / max(data[key][1].sum(), 1), 0.5 / max((data[key][1] == 0).sum(), 1)) for key in keys])
        return x, y, w

    from pipeline.dumps.metadata import HeadlineModel

    agreed = {(d, s): 0 for d in DUMPERS for s in ("model", "rules")}
    articles = {d: 0 for d in DUMPERS}
    for fold in range(FOLDS):
        train = [key for key in data if pages[key[1]].fold != fold]
        params = fit_logistic(*stack(train))
        model = HeadlineModel(params)
        HEADLINE_FOLDS.mkdir(parents=True, exist_ok=True)
        (HEADLINE_FOLDS / f"fold{fold}.json").write_text(json.dumps(params) + "\n", encoding="utf-8")
        for key in data:
            page = pages[key[1]]
            if page.fold != fold or page.page_type != "article":
                continue
            dumper = key[0]
            x, y, index, texts, core, kinds = data[key]
            wanted = normalise_title(page.truth["title"])
            found_model = dump_metadata(texts, core, kinds, headline_model=model).get("title")
            found_rules = dump_metadata(texts, core, kinds).get("title")
            agreed[dumper, "model"] += normalise_title(found_model) == wanted
            agreed[dumper, "rules"] += normalise_title(found_rules) == wanted
            articles[dumper] += 1
    for dumper in DUMPERS:
        n = articles[dumper]
        print(f"{dumper:<9} wcxb-dev articles held out: title agrees, rules {agreed[dumper, 'rules'] / n:.1%}, learned {agreed[dumper, 'model'] / n:.1%} ({n} pages)")
    if args.write:
        params = fit_logistic(*stack(list(data)))
        MODEL_PATH.parent.mkdir(parents=True, exist_ok=True)
        MODEL_PATH.write_text(json.dumps(params) + "\n", encoding="utf-8")
        print(f"wrote {MODEL_PATH}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
