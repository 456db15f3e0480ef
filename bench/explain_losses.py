"""Which rules of the text cleaner remove article lines when the line model is always right.

With the `perfect-model` system of bench/eval_text.py (the line model
answers each block's label), every block labelled article that the
cleaner still removes was removed by a rule around the model: counted by
rule, per corpus, with examples.  The same for boilerplate blocks kept.

Usage: python bench/explain_losses.py [--dumper blocks] [--limit N] [--examples 3]
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from dumpers import load_dumps  # noqa: E402
from eval_text import TEXT, layout_dump, perfect_model  # noqa: E402
from linelabels import unit_labels  # noqa: E402
from textcorpus import load_text_pages  # noqa: E402

from pipeline.clean import clean, warm_up  # noqa: E402
from pipeline.dumps.layout import read_dump  # noqa: E402
from pipeline.read import read_bytes  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--dumper", default="blocks")
    parser.add_argument("--limit", type=int)
    parser.add_argument("--examples", type=int, default=3)
    args = parser.parse_args()
    pages = load_text_pages(limit=args.limit)
    dumps = load_dumps(pages, args.dumper)
    warm_up()
    lost: dict[str, Counter] = defaultdict(Counter)
    lost_chars: dict[str, Counter] = defaultdict(Counter)
    kept_bad: dict[str, Counter] = defaultdict(Counter)
    examples: dict[tuple, list] = defaultdict(list)
    for page in pages:
        units = [b.text for b in read_dump(dumps[page.id])[1]]
        labels = dict(zip(units, unit_labels(page, units)))
        with perfect_model(labels):
            doc = clean(read_bytes(layout_dump(dumps[page.id]).encode(), source=page.id, options=TEXT))
        key = page.corpus if page.corpus == "dev" else f"wcxb {page.page_type}"
        for block in doc.blocks:
            label = labels.get(block.text, -1)
            if label == 1 and block.removed_by:
                rule = block.removed_by if doc.ok else f"{block.removed_by} (page rejected)"
                lost[key][rule] += 1
                lost_chars[key][rule] += len(block.text)
                examples[key, rule].append((page.id, block.text[:120]))
            elif label == 0 and block.kept:
                kept_bad[key]["kept"] += 1
    rng = random.Random(1)
    for key in sorted(lost):
        print(f"\n{key}: article blocks removed by rule (blocks, characters)")
        for rule, count in lost[key].most_common():
            print(f"  {rule:<32} {count:6} {lost_chars[key][rule]:9}")
            for page_id, text in rng.sample(examples[key, rule], min(args.examples, len(examples[key, rule]))):
                print(f"      {page_id}: {text!r}")
        print(f"  boilerplate blocks kept: {kept_bad[key]['kept']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
