"""Choose a block model's keep threshold on the development split (fold 0), then score every fold with it.

Reads the held-out probabilities bench/train_text_model.py --save wrote
(bench/out/probs/NAME.npy).  The threshold maximises the mean, over
dumpers, of dev-pages segment F1 and wcxb-dev articles' shingle F1 on the
pages of fold 0 only; folds 1-3 ("held-out") were not looked at.

Usage: python bench/rescore_probs.py NAME [NAME ...]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from dumpers import DUMPERS  # noqa: E402
from textcorpus import FOLDS, load_text_pages  # noqa: E402
from train_text_model import OUT, Rows, block_texts, report, score_keep  # noqa: E402

THRESHOLDS = np.round(np.arange(0.30, 0.71, 0.05), 2)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("names", nargs="+")
    args = parser.parse_args()
    pages = load_text_pages()
    dumpers = list(DUMPERS)
    rows = Rows(pages, dumpers)
    texts = block_texts(pages, dumpers)
    for name in args.names:
        p = np.nan_to_num(np.load(OUT / "probs" / f"{name}.npy"), nan=0.0)
        best, best_score = 0.5, -1.0
        for t in THRESHOLDS:
            scores = score_keep(rows, p >= t, pages, texts, dumpers, [0])
            value = np.mean([(scores[d, "all"].dev.f1 + scores[d, "all"].articles.f1) / 2 for d in dumpers])
            print(f"  {name} threshold {t:.2f}: fold 0 mean F1 {value:.4f}", file=sys.stderr)
            if value > best_score:
                best, best_score = t, value
        print(f"{name}: threshold {best:.2f} chosen on fold 0")
        report(f"{name}@{best:.2f}", rows, p >= best, pages, texts, dumpers, list(range(FOLDS)))
        sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
