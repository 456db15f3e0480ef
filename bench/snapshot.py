"""Identity check: what the pipeline outputs for every page of both corpora and the seeds, before and after a change.

    python bench/snapshot.py write bench/out/before.jsonl.gz      # on the old code
    python bench/snapshot.py write bench/out/after.jsonl.gz       # on the new code
    python bench/snapshot.py compare bench/out/before.jsonl.gz bench/out/after.jsonl.gz

Each page is run through the pure stages (read, extract, clean, language:
runner.process_document) in each mode: dev-pages and wcxb-dev as HTML and
as their text dumps (bench/devpages.html_to_dump), the seeds as found.
Recorded per page: status, reason, text, metadata and every removal with
its rule.  `compare` counts the pages whose record differs, field by field,
and shows the first differences.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from multiprocessing import Pool
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The checkout this script stands in, not whichever one the environment installed (worktrees share a venv).
sys.path.insert(0, str(ROOT))

from devpages import html_to_dump, load_cases  # noqa: E402
from wcxb import load_pages  # noqa: E402

from pipeline.options import Options  # noqa: E402
from pipeline.read import read_bytes  # noqa: E402
from pipeline.runner import process_document  # noqa: E402
SEEDS = ROOT / "seeds"
FIELDS = ("status", "reason", "text", "metadata", "removed")


def _jobs(limit: int | None):
    """(key, raw bytes, format) for every page in every mode."""
    for case in load_cases(limit=limit):
        yield f"dev/html/{case.id}", case.html, "html"
        yield f"dev/text/{case.id}", html_to_dump(case.html).encode(), "text"
    for page in load_pages(limit=limit):
        yield f"wcxb/html/{page.id}", page.html, "html"
        yield f"wcxb/text/{page.id}", html_to_dump(page.html).encode(), "text"
    for path in sorted(SEEDS.iterdir()):
        yield f"seeds/{path.name}", path.read_bytes(), "auto"


def _record(job) -> dict:
    key, raw, fmt = job
    options = Options(format=fmt)
    doc = process_document(read_bytes(raw, source=key, options=options), options)
    meta = {k: doc.metadata.get(k) for k in ("url", "title", "author", "published", "site", "language")}
    return {
        "key": key,
        "status": doc.status,
        "reason": doc.reason,
        "text": doc.text,
        "metadata": meta,
        "removed": [[r.rule, r.text] for r in doc.removed],
    }


def write(path: Path, limit: int | None, workers: int) -> None:
    started = time.monotonic()
    jobs = list(_jobs(limit))
    path.parent.mkdir(parents=True, exist_ok=True)
    with Pool(workers) as pool, gzip.open(path, "wt", encoding="utf-8") as out:
        for n, record in enumerate(pool.imap(_record, jobs, chunksize=4), 1):
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            if n % 500 == 0:
                print(f"{n}/{len(jobs)} pages, {time.monotonic() - started:.0f} s", file=sys.stderr)
    print(f"{len(jobs)} records written to {path} in {time.monotonic() - started:.0f} s")


def _load(path: Path) -> dict[str, dict]:
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        return {r["key"]: r for r in map(json.loads, lines)}


def compare(before_path: Path, after_path: Path, show: int) -> int:
    before, after = _load(before_path), _load(after_path)
    missing = before.keys() - after.keys()
    added = after.keys() - before.keys()
    changed: dict[str, list[str]] = {field: [] for field in FIELDS}
    for key in sorted(before.keys() & after.keys()):
        for field in FIELDS:
            if before[key][field] != after[key][field]:
                changed[field].append(key)
    differing = {key for keys in changed.values() for key in keys}
    print(f"{len(before)} pages before, {len(after)} after; {len(differing)} differ")
    if missing or added:
        print(f"  only before: {len(missing)}, only after: {len(added)}")
    for field, keys in changed.items():
        groups: dict[str, int] = {}
        for key in keys:
            group = key.rsplit("/", 1)[0]
            groups[group] = groups.get(group, 0) + 1
        print(f"  {field:<9} {len(keys):5d}  " + ", ".join(f"{g} {n}" for g, n in sorted(groups.items())))
    for key in sorted(differing)[:show]:
        print(f"\n== {key}")
        for field in FIELDS:
            if before[key][field] != after[key][field]:
                print(f"  {field}:\n    before: {str(before[key][field])[:300]}\n    after:  {str(after[key][field])[:300]}")
    return 1 if differing or missing or added else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    w = sub.add_parser("write", help="record every page's output")
    w.add_argument("path", type=Path)
    w.add_argument("--limit", type=int, help="only the first N pages of each corpus")
    w.add_argument("--workers", type=int, default=2)
    c = sub.add_parser("compare", help="count and show the pages whose output differs")
    c.add_argument("before", type=Path)
    c.add_argument("after", type=Path)
    c.add_argument("--show", type=int, default=5, help="how many differing pages to print")
    args = parser.parse_args()
    if args.command == "write":
        write(args.path, args.limit, args.workers)
        return 0
    return compare(args.before, args.after, args.show)


if __name__ == "__main__":
    sys.exit(main())
