"""Per-block features and labels of every page, every dumper, cached under bench/out/features/ for the model experiments.

Each dump is read as the pipeline reads it (pipeline.read: the layout's
blocks) and measured into the cleaner's page object (pipeline.clean.page);
every block is a row of pipeline.clean.blockfeatures.FEATURE_NAMES, the
numbers the shipped block model reads, computed by the same code.  The
headline the page finds (one of the features) comes from the headline
model's fold that never saw the page's site (bench/train_headline_model.py),
so that no feature is in-sample.  Labels: bench/linelabels.py.  Beside
the dumpers, `blocks+noise` (bench/noisydumps.py): one-block-a-line dumps
with spam and other stories' teasers injected, every injected line
labelled "not article".

Usage: python bench/textfeatures.py [--dumpers blocks,...] [--limit N]   (builds the cache)
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from contextlib import nullcontext
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from dumpers import DUMPERS, load_dumps  # noqa: E402
from linelabels import unit_labels  # noqa: E402
from noisydumps import NOISY, load_noisy  # noqa: E402
from textcorpus import FOLDS, load_text_pages  # noqa: E402

from pipeline.clean.blockfeatures import FEATURE_NAMES, block_features  # noqa: E402
from pipeline.clean.page import Page  # noqa: E402
from pipeline.options import Options  # noqa: E402
from pipeline.read import read_bytes  # noqa: E402

OUT = Path(__file__).resolve().parent / "out"
CACHE = Path(os.environ.get("TEXT_FEATURES_CACHE", OUT / "features"))
TEXT = Options(format="text")
# The headline model of each fold (bench/train_headline_model.py), kept in the repository beside the block model's.
HEADLINE_FOLDS = Path(__file__).resolve().parent / "data" / "headline_model_folds"


def dump_page(dump: str) -> Page | None:
    """The cleaner's page of a dump, read as the pipeline reads it (None when it holds no text)."""
    doc = read_bytes(dump.encode("utf-8"), source="<dump>", options=TEXT)
    if not doc.ok or not doc.blocks:
        return None
    return Page(doc)


class HeadlineFolds:
    """The headline model's fold models (bench/train_headline_model.py); `use(page)`: the one that never saw its site."""

    def __init__(self, directory: Path = HEADLINE_FOLDS):
        from pipeline.dumps.metadata import HeadlineModel

        paths = [directory / f"fold{k}.json" for k in range(FOLDS)]
        if not all(p.exists() for p in paths):
            raise SystemExit(f"no headline fold models in {directory}: run python bench/train_headline_model.py first")
        self.models = [HeadlineModel(json.loads(p.read_text(encoding="utf-8"))) for p in paths]

    def use(self, page):
        from pipeline.clean.linemodel import swapped_loader
        from pipeline.dumps import metadata

        return swapped_loader(metadata, "load_headline_model", self.models[page.fold])


def collect(pages, dumper: str, headlines: HeadlineFolds | None) -> dict:
    """Rows of every block of every page for one dumper: x, y, page (index into pages)."""
    injected: dict[str, set[str]] = {}
    if dumper == NOISY:
        noisy = load_noisy(pages)
        dumps = {page_id: row["dump"] for page_id, row in noisy.items()}
        injected = {page_id: {_folded(line) for line in row["injected"]} for page_id, row in noisy.items()}
    else:
        dumps = load_dumps(pages, dumper)
    xs, ys, page_of = [], [], []
    started = time.perf_counter()
    for k, page in enumerate(pages):
        with headlines.use(page) if headlines else nullcontext():
            text_page = dump_page(dumps[page.id])
        if text_page is None:
            continue
        xs.append(block_features(text_page).astype(np.float32))
        labels = unit_labels(page, text_page.texts)
        if injected.get(page.id):
            labels[[i for i, text in enumerate(text_page.texts) if _folded(text) in injected[page.id]]] = 0
        ys.append(labels)
        page_of.append(np.full(len(text_page.texts), k, np.int32))
        if k % 500 == 499:
            print(f"  {dumper}: {k + 1} pages, {time.perf_counter() - started:.0f} s", file=sys.stderr, flush=True)
    return {
        "x": np.vstack(xs),
        "y": np.concatenate(ys),
        "page": np.concatenate(page_of),
        "ids": np.array([p.id for p in pages]),
        "features": np.array(FEATURE_NAMES),
    }


def _folded(text: str) -> str:
    return " ".join(text.split())


def load_features(pages, dumper: str, headlines: HeadlineFolds | None = None) -> dict:
    """The cached rows of `pages`' dumps by `dumper`, built when missing or stale (other pages, other features)."""
    path = CACHE / f"{dumper}.npz"
    ids = np.array([p.id for p in pages])
    if path.exists():
        data = dict(np.load(path))
        if np.array_equal(data["ids"], ids) and list(data["features"]) == FEATURE_NAMES:
            return data
    data = collect(pages, dumper, headlines or HeadlineFolds())
    CACHE.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(path, **data)
    return data


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--dumpers", default=",".join(DUMPERS))
    parser.add_argument("--limit", type=int)
    args = parser.parse_args()
    pages = load_text_pages(limit=args.limit)
    for dumper in args.dumpers.split(","):
        data = load_features(pages, dumper)
        y = data["y"]
        print(f"{dumper:<10} rows {len(y)}: article {(y == 1).sum()}, not {(y == 0).sum()}, unlabelled {(y < 0).sum()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
