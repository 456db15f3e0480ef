"""A learned headline finder for dumps, compared held out by site with the rules of pipeline.dumps.metadata.

Candidates are the lines from HEADLINE_LOOKBACK lines above the article's
core to HEADLINE_LOOKAHEAD into it (pipeline.dumps.metadata.headline_candidates).
Each gets numbers any page gives (position to the core, length, words
shared with the core and with the <title> line, capitals, punctuation,
whether a date or byline follows, the menu lines above it, whether prose
follows); a small network scores them, and the page's best-scoring line
is its headline.  It is trained on each line's own loss and, LISTWISE
times as much, on each page's softmax over its candidates (the line it
should rank first).  The logistic model over the first 20 features it
replaced is printed beside it.  Labels: the line equal to the
truth title (wcxb-dev, after normalisation) or to the page's h1 (dev
pages, bench/devpages.page_headline).  Trained on every dumper's dumps of
three folds of sites, scored on the fourth; the agreement printed is with
wcxb-dev articles' titles, per dumper, beside the rules'.  The noisy copies
of bench/noisydumps.py (other stories' teasers above, inside and below the
article, spam) are trained on too, so that a teaser's title followed by its
paragraph does not pass for the headline; their agreement is printed last.
The extra dumps of bench/dumpers.py are measured: html2text's Markdown,
never trained on, and the rows dumps (a wrapped dump whose lists of
links are laid out as rows, as inline menus are), trained on only with
--train-rows (it did not gain: bench/README.md).

Each fold's model goes to bench/data/headline_model_folds/ (bench/bench_text.py
and bench/textfeatures.py use the one that never saw a page's site).

Usage: python bench/train_headline_model.py [--write] [--train-rows]   (--write: the model trained on all pages to pipeline/dumps/data/headline_model.json)
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
from noisydumps import NOISY, load_noisy  # noqa: E402
from metadata_agreement import normalise_title  # noqa: E402
from textcorpus import FOLDS, load_text_pages  # noqa: E402

from textfeatures import HEADLINE_FOLDS, dump_page  # noqa: E402

from pipeline.clean.linemodel import swapped_loader  # noqa: E402
from pipeline.dumps import metadata  # noqa: E402
from pipeline.dumps.metadata import HEADLINE_FEATURES, MODEL_PATH, dump_metadata, headline_candidates  # noqa: E402

OUT = Path(__file__).resolve().parent / "out"
# The network: two tanh layers, members averaged, trained this many epochs (chosen held out: bench/README.md).
LAYERS = (32, 16)
MEMBERS = 3
EPOCHS = 12
# Weight of each page's softmax loss over its candidates beside every row's
# own loss: the finder picks a page's best line, so it learns to rank them
# (the rows' own loss keeps a score of 0 meaning "no headline here").
LISTWISE = 3.0
# What the finder is measured on: the four dumpers, two extra dumps (menus
# laid out inline, html2text's Markdown: bench/dumpers.py; the rows trained
# on only with --train-rows) and the noisy copies.  The other extra dumps
# (the text browsers' among them) are bench_text.py --dumpers's to measure.
MEASURED_EXTRAS = ("rows", "html2text")
SOURCES = (*DUMPERS, *MEASURED_EXTRAS, NOISY)
# The features the logistic finder this network replaced read (printed beside it).
LOGISTIC_FEATURES = 20


def page_rows(page, dump: str):
    """(x, y, candidate texts, texts, core, kinds) of one dump; y marks the lines equal to the page's title."""
    with swapped_loader(metadata, "load_headline_model", None):  # the candidates need the page's lines, not its headline
        text_page = dump_page(dump)
    if text_page is None:
        return None
    texts, kinds, core = text_page.texts, text_page.kinds, text_page.metadata_core
    index, x = headline_candidates(texts, core[0] if core else 0, kinds)
    truth = page.truth.get("title") if page.corpus == "wcxb" else page_headline(page)
    wanted = normalise_title(truth)
    y = np.array([normalise_title(texts[i]) == wanted for i in index], float) if wanted else np.zeros(len(index))
    return x, y, index, texts, core, kinds


def fit_logistic(x, y, w, l2: float = 1e-3, epochs: int = 300, lr: float = 0.05):
    """A logistic model over standardised x (the finder this network replaced; printed beside it): (mean, std, weights, bias)."""
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
    return mean, std, theta[:-1], theta[-1]


class Linear:
    """A logistic model over the first `columns` features, scored as HeadlineModel scores."""

    def __init__(self, x, y, w, columns: int):
        self.columns = columns
        self.mean, self.std, self.weights, self.bias = fit_logistic(x[:, :columns], y, w)

    def scores(self, x):
        return ((x[:, : self.columns] - self.mean) / self.std) @ self.weights + self.bias


def fit_network(x, y, w, starts) -> dict:
    """The headline network over rows `x` whose pages start at rows `starts`."""
    w = w * len(w) / w.sum()
    return {"features": HEADLINE_FEATURES, "network": fit_listwise(x, y, w, starts, LAYERS, MEMBERS, epochs=EPOCHS)}


def fit_listwise(x, y, w, starts, layers, members, epochs, pages_per_batch: int = 64) -> dict:
    """fit_mlp's networks, trained on each row's own loss (weighted, as fit_mlp) plus LISTWISE times a page's softmax loss over its candidates.

    `starts`: each page's first row (a page's rows are consecutive); a
    mini-batch is `pages_per_batch` whole pages.
    """
    from train_text_model import fit_mlp

    bounds = np.append(starts, len(x))
    page_of_row = np.repeat(np.arange(len(starts)), np.diff(bounds))

    def batches(rng):
        order = rng.permutation(len(starts))
        for at in range(0, len(order), pages_per_batch):
            yield np.concatenate([np.arange(bounds[k], bounds[k + 1]) for k in order[at : at + pages_per_batch]])

    def page_loss(rows, logit):
        """The softmax loss's gradient over each page's candidates, for the pages of the batch with a headline among them."""
        pages = page_of_row[rows]
        first = np.flatnonzero(np.r_[True, pages[1:] != pages[:-1]])
        group = np.cumsum(np.r_[False, pages[1:] != pages[:-1]])
        e = np.exp(logit - np.maximum.reduceat(logit, first)[group])
        soft = e / np.add.reduceat(e, first)[group]
        labels = y[rows]
        positives = np.add.reduceat(labels, first)
        has = positives[group] > 0
        target = np.where(has, labels / np.maximum(positives[group], 1), 0.0)
        return LISTWISE * np.where(has, soft - target, 0.0) / max(int((positives > 0).sum()), 1)

    return fit_mlp(x, y, w.astype(np.float32), layers, members, epochs=epochs, batches=batches, extra_gradient=page_loss)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--write", action="store_true")
    parser.add_argument("--train-rows", action="store_true", help="train on the rows dumps too (by default they are measured only)")
    args = parser.parse_args()
    untrained = set(MEASURED_EXTRAS) - ({"rows"} if args.train_rows else set())
    pages = load_text_pages()
    data = {}
    for dumper in SOURCES:
        dumps = load_dumps(pages, dumper) if dumper != NOISY else {i: row["dump"] for i, row in load_noisy(pages).items()}
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
        starts = np.cumsum([0] + [len(data[key][1]) for key in keys[:-1]])
        return x, y, w, starts

    from pipeline.dumps.metadata import HeadlineModel

    finders = ("rules", "logistic, 20 features", "logistic, all features", "network")
    agreed = {(d, f): 0 for d in SOURCES for f in finders}
    articles = {d: 0 for d in SOURCES}
    for fold in range(FOLDS):
        train = [key for key in data if pages[key[1]].fold != fold and key[0] not in untrained]
        x, y, w, starts = stack(train)
        params = fit_network(x, y, w, starts)
        models = {
            "logistic, 20 features": Linear(x, y, w, LOGISTIC_FEATURES),
            "logistic, all features": Linear(x, y, w, x.shape[1]),
            "network": HeadlineModel(params),
            "rules": None,
        }
        HEADLINE_FOLDS.mkdir(parents=True, exist_ok=True)
        (HEADLINE_FOLDS / f"fold{fold}.json").write_text(json.dumps(params) + "\n", encoding="utf-8")
        for key in data:
            page = pages[key[1]]
            if page.fold != fold or page.page_type != "article":
                continue
            dumper = key[0]
            x, y, index, texts, core, kinds = data[key]
            wanted = normalise_title(page.truth["title"])
            for name, model in models.items():
                found = dump_metadata(texts, core, kinds, headline_model=model).get("title")
                agreed[dumper, name] += normalise_title(found) == wanted
            articles[dumper] += 1
        print(f"  fold {fold} done", file=sys.stderr, flush=True)
    for dumper in SOURCES:
        n = articles[dumper]
        cells = ", ".join(f"{name} {agreed[dumper, name] / n:.1%}" for name in finders)
        print(f"{dumper:<9} wcxb-dev articles held out ({n} pages), title agrees: {cells}")
    if args.write:
        params = fit_network(*stack([key for key in data if key[0] not in untrained]))
        MODEL_PATH.parent.mkdir(parents=True, exist_ok=True)
        MODEL_PATH.write_text(json.dumps(params) + "\n", encoding="utf-8")
        print(f"wrote {MODEL_PATH}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
