"""Today's line model, retrained per site fold: the held-out baseline of bench/eval_text.py.

The recipe is bench/train_line_model.py's, unchanged (dev pages' text
dumps of one block a line, one noisy copy of each, three networks of 16
hidden units, the threshold chosen within the training pages), except for
the folds: a page's fold is its site's (bench/textcorpus.py), so the fold
model that cleans a page never saw a page of its site.  wcxb-dev pages are
not trained on (today's model never saw them); each is cleaned by the fold
model of its site's fold all the same.

Writes bench/out/folds/today/fold{k}.json.

Usage: python bench/train_today_folds.py
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from devpages import html_to_dump  # noqa: E402
from textcorpus import FOLDS, load_text_pages  # noqa: E402
from train_line_model import SEED, fit, noisy_rows, page_groups, page_of, page_rows  # noqa: E402

OUT = Path(__file__).resolve().parent / "out" / "folds" / "today"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    recipe = argparse.Namespace(hidden=16, epochs=600, l2=0.003, members=3, inner_folds=3, seed=SEED, context=False)

    pages = load_text_pages(corpora=("dev",))
    dumps = {p.id: html_to_dump(p.html).encode() for p in pages}
    fold_id = {p.id: p.fold for p in pages}
    rows = {}
    for page in pages:
        x, y, w = page_rows(page, dumps[page.id])
        if x is not None:
            rows[page.id] = (x, y, w)
    for key, row in noisy_rows(pages, dumps, fold_id, 1, 0.0).items():
        rows[key] = row
    args.out.mkdir(parents=True, exist_ok=True)
    for k in range(FOLDS):
        keys = [key for key in rows if fold_id[page_of(key)] != k]
        params = fit([rows[key] for key in keys], recipe, groups=page_groups(keys))
        (args.out / f"fold{k}.json").write_text(json.dumps(params, separators=(",", ":")) + "\n", encoding="utf-8")
        print(f"fold {k}: {len(keys)} training pages and copies, threshold {params['threshold']:.2f}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
