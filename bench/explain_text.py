"""Why the text cleaner misses: which rule removed each missed `with` segment,
and where each leaked `without` segment sat.  A diagnostic, not a score.

Usage: python bench/explain_text.py [--limit N] [--show PAGE_ID]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from devpages import fold, html_to_dump, load_cases  # noqa: E402

from pipeline.clean import clean  # noqa: E402
from pipeline.options import Options  # noqa: E402
from pipeline.read import read_bytes  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--limit", type=int)
    parser.add_argument("--show", action="append", default=[])
    args = parser.parse_args()
    options = Options(format="text")
    missed_by_rule: Counter = Counter()
    leaked_kind: Counter = Counter()
    for case in load_cases(limit=args.limit):
        if args.show and case.id not in args.show:
            continue
        doc = clean(read_bytes(html_to_dump(case.html).encode(), options=options))
        text = fold(doc.text)
        if args.show:
            print(f"== {case.id} {case.url} status={doc.status} {doc.metadata}")
            for i, block in enumerate(doc.blocks):
                marks = "".join(
                    ("+" if fold(s) in fold(block.text) else "") for s in case.with_
                ) + "".join(("-" if fold(s) in fold(block.text) else "") for s in case.without)
                print(f"{i:4} {marks:3} {str(block.removed_by)[:18]:18} {block.text[:110]}")
            print("with:", case.with_)
            print("without:", case.without)
        for segment in case.with_:
            if fold(segment) in text:
                continue
            rules = [b.removed_by for b in doc.blocks if fold(segment) in fold(b.text)]
            missed_by_rule[rules[0] if rules else "spans blocks / not in dump"] += 1
        for segment in case.without:
            if fold(segment) not in text:
                continue
            kept = [b for b in doc.blocks if b.kept and fold(segment) in fold(b.text)]
            leaked_kind["short line" if kept and len(kept[0].text) < 70 else "long line" if kept else "spans"] += 1
    print("missed `with` segments by the rule that removed them:", missed_by_rule.most_common())
    print("leaked `without` segments:", leaked_kind.most_common())
    return 0


if __name__ == "__main__":
    sys.exit(main())
