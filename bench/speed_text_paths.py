"""Per-page cost of today's text cleaner beside the block-model path, paired in one process on the same dumps.

Both run on the same pages' dumps in turn (today first, then the new path,
then today again, to see the machine drift); pages/s of each and the
ratio.  The new path's parts are timed apart: reading the layout, today's
analysis (furniture rules, core, article end), the features, the model,
the metadata.  Single thread (OPENBLAS_NUM_THREADS=1 is set here).

Usage: python bench/speed_text_paths.py MODEL [--dumper blocks] [--limit 300]
"""

from __future__ import annotations

import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import argparse  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from collections import defaultdict  # noqa: E402
from pathlib import Path  # noqa: E402

import numpy as np  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from dumpers import load_dumps  # noqa: E402
from textcorpus import load_text_pages  # noqa: E402
from textfeatures import extra_features, rule_features, topic_features  # noqa: E402

import pipeline.clean as cleaning  # noqa: E402
from pipeline.clean.linemodel import line_features  # noqa: E402
from pipeline.document import Block, Document  # noqa: E402
from pipeline.dumps.blockmodel import load_block_model  # noqa: E402
from pipeline.dumps.layout import read_dump  # noqa: E402
from pipeline.dumps.metadata import dump_metadata, load_headline_model  # noqa: E402
from pipeline.options import Options  # noqa: E402
from pipeline.read import read_bytes  # noqa: E402

TEXT = Options(format="text")


def today(dumps):
    started = time.perf_counter()
    for dump in dumps:
        cleaning.clean(read_bytes(dump.encode(), options=TEXT))
    return time.perf_counter() - started


def new_path(dumps, model, headline, parts):
    started = time.perf_counter()
    for dump in dumps:
        t0 = time.perf_counter()
        style, blocks = read_dump(dump)
        doc = Document(source="<dump>", format="text", blocks=[Block(b.text, "line") for b in blocks])
        t1 = time.perf_counter()
        a = cleaning.analyse(doc)
        t2 = time.perf_counter()
        n = len(blocks)
        x = np.hstack([
            line_features(a.texts, a.tokens, a.lines, a.furniture, a.core, a.repeated, a.chars),
            extra_features(blocks, style), rule_features(a, n), topic_features(a.tokens, a.core),
        ]) if n else np.zeros((0, 60))
        t3 = time.perf_counter()
        keep = model.probabilities(x) >= model.threshold if n else []
        t4 = time.perf_counter()
        dump_metadata([b.text for b in blocks], a.core, [b.kind for b in blocks], headline_model=headline)
        t5 = time.perf_counter()
        for name, seconds in zip(("layout", "analysis", "features", "model", "metadata"), (t1 - t0, t2 - t1, t3 - t2, t4 - t3, t5 - t4)):
            parts[name] += seconds
        del keep
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("model", help="a block model JSON (a fold model under bench/out/folds/NAME/)")
    parser.add_argument("--dumper", default="blocks")
    parser.add_argument("--limit", type=int, default=300)
    args = parser.parse_args()
    pages = load_text_pages(limit=args.limit // 2)
    dumps = list(load_dumps(pages, args.dumper).values())
    model = load_block_model(args.model)
    headline = load_headline_model()
    cleaning.warm_up()
    today(dumps[:5])
    parts = defaultdict(float)
    first = today(dumps)
    new = new_path(dumps, model, headline, parts)
    second = today(dumps)
    n = len(dumps)
    print(f"{args.dumper}, {n} pages: today {n / first:.0f} then {n / second:.0f} pages/s; block-model path {n / new:.0f} pages/s"
          f" ({2 * new / (first + second):.2f}x today's time)")
    print("  block-model path, ms a page: " + ", ".join(f"{k} {1000 * v / n:.2f}" for k, v in parts.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
