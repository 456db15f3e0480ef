"""The author (or date) a text dump states, on four dumpers, in seconds: agreement on wcxb-dev articles, and how often one is given at all.

Reading a dump into the cleaner's page (bench/textfeatures.dump_page,
the headline model of the fold that never saw the page's site) is the
slow part; what the metadata finder is given (the lines above the
article's end, the core, the block kinds, the lines that cannot be the
headline) and what the page's furniture states are cached per dumper in
bench/out/authors/.  Each run then calls pipeline.dumps.metadata's
dump_metadata on them, as pipeline.clean.page does, so a change to the
author finder is measured without cleaning a page.  The cache goes stale
when the reader, the core or the headline change: --rebuild.

Printed per dumper: author agreement on wcxb-dev articles that state one
(bench/metadata_agreement.same_author), an author given on articles that
state none, dev-pages (no author truth) given an author at all, and the
agreement on each fold of sites (bench/textcorpus.py): the finder learns
nothing, so every page is held out; the folds show how far the figure
moves from one set of sites to another.  `--field published`: the same
for the date (bench/metadata_agreement.same_date).  `--stated`: how many
dated wcxb-dev articles' dumps state their date at all, in any form
parse_date reads, anywhere in the dump: the ceiling of date agreement
(most of the others have theirs only in the page's metadata).

Usage: python bench/bench_authors.py [--field author|published] [--dumpers blocks,nodes,wrapped,markdown] [--rebuild] [--misses N] [--limit N] [--stated]
"""

from __future__ import annotations

import argparse
import gzip
import pickle
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from dumpers import DUMPERS, load_dumps  # noqa: E402
from metadata_agreement import AGREE, FIELDS, Agreement  # noqa: E402
from textcorpus import FOLDS, load_text_pages  # noqa: E402

from pipeline.dates import dates_in  # noqa: E402
from pipeline.dumps import metadata as dumps_metadata  # noqa: E402

CACHE = Path(__file__).resolve().parent / "out" / "authors"


def page_inputs(page, dump: str, headlines) -> dict | None:
    """What the cleaner's page hands dump_metadata for one dump, and the author its furniture states."""
    from textfeatures import dump_page

    with headlines.use(page):
        text_page = dump_page(dump)
        if text_page is None:
            return None
        end = text_page.end
        statements = {i for i, _ in text_page.statements}
        stated = text_page._stated_metadata()
        return {
            "texts": text_page.texts[:end],
            "metadata_core": text_page.metadata_core,
            "kinds": text_page.kinds[:end],
            "excluded": statements,
            **{f"furniture_{key}": stated.get(key) for key in FIELDS},
            **{f"page_{key}": text_page.found.get(key) for key in FIELDS},
        }


def load_inputs(pages, dumper: str, rebuild: bool, headlines) -> dict:
    """page id -> page_inputs (None: no text), cached per dumper."""
    path = CACHE / f"{dumper}.pickle.gz"
    ids = [p.id for p in pages]
    if path.exists() and not rebuild:
        with gzip.open(path, "rb") as f:
            cached = pickle.load(f)
        if all(i in cached and (cached[i] is None or "metadata_core" in cached[i]) for i in ids):
            return cached
    dumps = load_dumps(pages, dumper)
    started = time.perf_counter()
    cached = {}
    for k, page in enumerate(pages):
        cached[page.id] = page_inputs(page, dumps[page.id], headlines)
        if k % 500 == 499:
            print(f"  {dumper}: {k + 1} pages read, {time.perf_counter() - started:.0f} s", file=sys.stderr, flush=True)
    CACHE.mkdir(parents=True, exist_ok=True)
    with gzip.open(path, "wb") as f:
        pickle.dump(cached, f)
    return cached


def stated_value(inputs: dict | None, headline_model, field: str = "author") -> str | None:
    """The author (or date: `field` "published") the cleaner's page would hold: the dump's, else the furniture's."""
    if inputs is None or inputs["metadata_core"] is None:
        return inputs[f"furniture_{field}"] if inputs else None
    stated = dumps_metadata.dump_metadata(
        inputs["texts"], inputs["metadata_core"], inputs["kinds"], headline_model=headline_model, excluded=inputs["excluded"]
    )
    return stated.get(field) or inputs[f"furniture_{field}"]


def states_date(dump: str, truth: str) -> bool:
    """Whether any date the dump writes (anywhere on a line, as parse_date reads one) is the day `truth` names."""
    day = truth[:10]
    return any(day in dates_in(line) for line in dump.split("\n"))


def print_stated_dates(pages, dumpers: list[str]) -> None:
    """The ceiling of date agreement: the wcxb-dev articles whose dump states their date at all."""
    dated = [p for p in pages if p.corpus == "wcxb" and p.truth.get("published")]
    for dumper in dumpers:
        dumps = load_dumps(dated, dumper)
        stated = sum(states_date(dumps[p.id], p.truth["published"]) for p in dated)
        print(f"{dumper:<9} the dump states the article's date (a form parse_date reads, anywhere): {stated} of {len(dated)} ({stated / max(len(dated), 1):.1%})")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--field", choices=("author", "published"), default="author", help="the author (default) or the date")
    parser.add_argument("--dumpers", default=",".join(DUMPERS))
    parser.add_argument("--rebuild", action="store_true", help="read every dump again (the reader, core or headline changed)")
    parser.add_argument("--misses", type=int, default=0, help="print this many wcxb-dev misses per dumper")
    parser.add_argument("--limit", type=int)
    parser.add_argument("--stated", action="store_true", help="only how many dated wcxb-dev articles' dumps state their date at all (the ceiling of date agreement)")
    args = parser.parse_args()
    pages = [p for p in load_text_pages(limit=args.limit) if p.corpus == "dev" or p.page_type == "article"]
    if args.stated:
        print_stated_dates(pages, args.dumpers.split(","))
        return 0
    from textfeatures import HeadlineFolds

    headlines = HeadlineFolds()
    for dumper in args.dumpers.split(","):
        inputs = load_inputs(pages, dumper, args.rebuild, headlines)
        agreement, dev_given, dev_pages, misses = Agreement(), 0, 0, []
        by_fold = [Agreement() for _ in range(FOLDS)]
        for page in pages:
            field = args.field
            value = stated_value(inputs[page.id], headlines.models[page.fold], field)
            if args.rebuild and inputs[page.id] and value != inputs[page.id][f"page_{field}"]:
                print(f"  {page.id}: the page found {inputs[page.id][f'page_{field}']!r}, the bench {value!r}", file=sys.stderr)
            if page.corpus == "dev":
                dev_pages += 1
                dev_given += bool(value)
                continue
            agreement.add({field: value}, page.truth)
            by_fold[page.fold].add({field: value}, page.truth)
            truth = page.truth.get(field)
            if (truth and not AGREE[field](value, truth)) or (value and not truth):
                misses.append(f"  {page.id}: truth {truth!r}, given {value!r}")
        folds = " ".join(f"{f.share(field):.1%}" for f in by_fold)
        print(
            f"{dumper:<9} {field} {agreement.share(field):6.1%} of {agreement.with_truth[field]} articles"
            f"   given where the truth has none: {agreement.given_without_truth[field]} of {agreement.pages - agreement.with_truth[field]}"
            f" ({agreement.invented(field):.1%} of {agreement.pages})"
            f"   dev-pages given one: {dev_given} of {dev_pages}"
            f"   by site fold: {folds}",
            flush=True,
        )
        for line in misses[: args.misses]:
            print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
