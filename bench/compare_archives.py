"""Identity check of two archives: the same pages, articles, removals, dedupe index and site memory, row for row.

    python bench/compare_archives.py BEFORE.db AFTER.db

What a run stamps (run ids, times, durations) is left out; a page's bytes
are compared as they read back (pipeline.packing.unpack_raw) and as stored.
Prints each table's row count and whether it matches, the first
differences, and exits 1 when any table differs.
"""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pipeline.packing import unpack_raw  # noqa: E402

QUERIES = {
    "pages": "select id, source, url, format, status, reason, fetched_at, origin, raw_codec, raw from pages order by id",
    "articles": "select id, page_id, url, site, host, title, author, published, description, language, language_confidence, "
    "text, word_count, content_hash, duplicate_of from articles order by id",
    "page_removals": "select page_id, blocks from page_removals order by page_id",
    "removal_rules": "select rule, page_id, blocks from removal_rules order by rule, page_id",
    "minhash_signatures": "select article_id, signature, similarity from minhash_signatures order by article_id",
    "lsh_bands": "select b.band, b.bucket, s.article_id from lsh_bands b join minhash_signatures s on s.id = b.signature_id order by 1, 2, 3",
    "site_lines": "select site, line_hash, line, pages from site_lines order by site, line_hash",
    "site_pages": "select site, page_id from site_pages order by site, page_id",
    "articles_fts": "select a.id, f.title, f.text from articles_fts f join articles a on a.rowid = f.rowid order by a.id",
    "input_files": "select path, size, mtime_ns, page_id, pages, complete from input_files order by path",
    "claims": "select page_id from claims order by page_id",
    "run counts": "select kind, status, seen, ok, rejected, duplicate, unchanged, skipped from runs order by id",
}


def rows(db: sqlite3.Connection, table: str) -> list[tuple]:
    found = db.execute(QUERIES[table]).fetchall()
    if table == "pages":  # the bytes as every reader gets them back, beside the stored ones
        found = [row + (unpack_raw(row[-1], row[-2]),) for row in found]
    return found


def main() -> int:
    before, after = (sqlite3.connect(f"file:{path}?mode=ro", uri=True) for path in sys.argv[1:3])
    differ = 0
    for table in QUERIES:
        a, b = rows(before, table), rows(after, table)
        same = a == b
        differ += not same
        print(f"{table:20s} {len(a):7d} rows {'same' if same else f'DIFFER ({len(b)} rows after)'}")
        for old, new in [(x, y) for x, y in zip(a, b) if x != y][:3]:
            print(f"  before: {str(old)[:300]}\n  after:  {str(new)[:300]}")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
