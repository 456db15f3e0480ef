"""Metadata from dumps (pipeline.dumps.metadata) against wcxb-dev's truth, per dumper, beside today's text mode.

For every wcxb-dev article and every dumper, the dump is read into blocks
(pipeline.dumps.layout), the cleaner's analysis finds the article's core
(pipeline.clean.analyse), and dump_metadata reads the title, date and
author.  Agreement as bench/metadata_agreement.py defines it.  Today's
figures come from bench/eval_text.py --save (system today).

The rules hold no learned part, so no folds are needed; they were written
looking at wcxb-dev's article dumps (the development split's only use
here): check them on pages from sites in neither corpus before trusting
the figure.

Usage: python bench/eval_dump_metadata.py [--dumpers ...] [--limit N] [--show-misses FIELD]
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from dumpers import DUMPERS, load_dumps  # noqa: E402
from metadata_agreement import AGREE, Agreement  # noqa: E402
from textcorpus import load_text_pages  # noqa: E402

import pipeline.clean as cleaning  # noqa: E402
from pipeline.document import Block, Document  # noqa: E402
from pipeline.dumps.layout import read_dump  # noqa: E402
from pipeline.dumps.metadata import dump_metadata  # noqa: E402

OUT = Path(__file__).resolve().parent / "out"


def page_metadata(dump: str) -> dict:
    style, blocks = read_dump(dump)
    if not blocks:
        return {}
    doc = Document(source="<dump>", format="text", blocks=[Block(b.text, "line") for b in blocks])
    a = cleaning.analyse(doc)
    return dump_metadata([b.text for b in blocks], a.core, [b.kind for b in blocks])


def today_results(dumper: str) -> dict | None:
    path = OUT / "eval" / "today" / f"{dumper}.jsonl.gz"
    if not path.exists():
        return None
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return {row["id"]: row for row in map(json.loads, f)}


def line(name: str, m: Agreement) -> str:
    return (
        f"{name:<22} title {m.share('title'):6.1%}  date {m.share('published'):6.1%}  author {m.share('author'):6.1%}"
        f"   given where none: title {m.invented('title'):4.1%} date {m.invented('published'):4.1%} author {m.invented('author'):4.1%}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--dumpers", default=",".join(DUMPERS))
    parser.add_argument("--limit", type=int)
    parser.add_argument("--show-misses", choices=("title", "published", "author"), help="list the pages where FIELD disagrees")
    args = parser.parse_args()
    pages = [p for p in load_text_pages(limit=args.limit, corpora=("wcxb",)) if p.page_type == "article"]
    print(f"wcxb-dev articles: {len(pages)}")
    for dumper in args.dumpers.split(","):
        dumps = load_dumps(pages, dumper)
        new, today = Agreement(), Agreement()
        saved = today_results(dumper)
        for page in pages:
            found = page_metadata(dumps[page.id])
            agreed = new.add(found, page.truth)
            if saved:
                today.add(saved[page.id], page.truth)
            key = args.show_misses
            if key and (agreed[key] is False or (agreed[key] is None and found.get(key))):
                print(f"  {page.id}  truth {page.truth[key]!r}  found {found.get(key)!r}")
        print(line(f"{dumper}: dumps module", new))
        if saved:
            print(line(f"{dumper}: today", today))
    return 0


if __name__ == "__main__":
    sys.exit(main())
