"""The archive's tables.  sqlite-utils creates them; this module says what they are.

pages           every input ever seen, keyed by sha256 of its raw bytes (of its path when it has none)
articles        one clean article per accepted page (copies point at their original)
removed_blocks  view: every block or inline span the cleaner removed, with its rule (archive/removals.py:
                stored as one JSON array a page in page_removals, with counts per rule in removal_rules)
runs            one row per ingest or reprocess run: options, status, counts, the cleaner's removals and seconds per step
claims          pages a running ingest is processing, so that another one leaves them
input_files     path, size and mtime of each file read, with what it held: a re-run skips unchanged files unread

The near-duplicate index (minhash_signatures, lsh_bands and the duplicates
view) has its own module: archive/dedupe_index.py.
"""

from __future__ import annotations

import sqlite_utils

from .removals import PAGE_REMOVALS, REMOVAL_RULES, REMOVED_VIEW, ensure_removals_schema, needs_migration
from .values import ensure_article_values

SCHEMA_VERSION = 3

PAGES = "pages"
ARTICLES = "articles"
REMOVED = REMOVED_VIEW
RUNS = "runs"
CLAIMS = "claims"
INPUT_FILES = "input_files"
FTS_COLUMNS = ["title", "text"]


def schema_is_current(db: sqlite_utils.Database) -> bool:
    """Every table is there, as this version makes it (then ensure_schema has nothing to write)."""
    tables = set(db.table_names())
    return (
        {PAGES, ARTICLES, PAGE_REMOVALS, REMOVAL_RULES, RUNS, CLAIMS, INPUT_FILES} <= tables
        and not needs_migration(db)
        and "host" in db[ARTICLES].columns_dict
        and db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        and not _missing_columns(db)
    )


# Columns added since the table was first made: an archive written by an
# earlier version gains them when it is opened by this one.
ADDED_COLUMNS = {
    RUNS: {
        "finished_at": str,
        **{count: int for count in ("seen", "ok", "rejected", "duplicate", "unchanged")},
        "options": str,  # JSON: what the run was asked for
        "steps": str,  # JSON: the cleaner's removals and seconds per step
        "kind": str,  # ingest | reprocess
        "status": str,  # running | finished | interrupted (stopped by Ctrl-C, a kill or a crash)
        "pid": int,
        "host": str,
        "heartbeat_at": str,  # last commit of a running run: a run silent for long is not running
        "resumes": int,  # a reprocess run that goes on where this stopped one stopped
        "selection": str,  # JSON: which pages a reprocess run re-cleans
        "skipped": int,  # records that are no page (WARC requests, images, redirects)
        "claimed_elsewhere": int,  # pages left to another ingest running at the same time
        "changed": int,  # reprocess: articles whose text or metadata changed
        "appeared": int,  # reprocess: pages that have an article now and had none
        "disappeared": int,  # reprocess: pages that had an article and have none now
    },
    PAGES: {
        "fetched_at": str,  # when the page was fetched, as its WARC record or feed says
        "origin": str,  # JSON: what the page's container said beside its bytes (url, title, charset...)
        "raw_codec": str,  # how `raw` is stored: NULL as read, "zlib" compressed (pipeline/packing.py)
    },
}


def _missing_columns(db: sqlite_utils.Database) -> list[tuple[str, str, type]]:
    missing = []
    for table, columns in ADDED_COLUMNS.items():
        have = db[table].columns_dict
        missing += [(table, name, kind) for name, kind in columns.items() if name not in have]
    return missing


def ensure_schema(db: sqlite_utils.Database) -> None:
    """Create missing tables, indexes and the FTS index; safe to call on every open."""
    if PAGES not in db.table_names():
        db[PAGES].create(
            {
                "id": str,
                "source": str,
                "url": str,
                "format": str,
                "raw": bytes,
                "status": str,
                "reason": str,
                "ingested_at": str,
                "run_id": int,
            },
            pk="id",
        )
        db[PAGES].create_index(["status"])
    if ARTICLES not in db.table_names():
        db[ARTICLES].create(
            {
                "id": str,
                "page_id": str,
                "url": str,
                "site": str,
                "title": str,
                "author": str,
                "published": str,
                "description": str,
                "language": str,
                "language_confidence": float,
                "text": str,
                "word_count": int,
                "content_hash": str,
                "duplicate_of": str,
                "ingested_at": str,
            },
            pk="id",
            foreign_keys=[("page_id", PAGES, "id")],
        )
        db[ARTICLES].create_index(["content_hash"])
        db[ARTICLES].create_index(["site"])
        db[ARTICLES].create_index(["language"])
        db[ARTICLES].create_index(["duplicate_of"])
        db[ARTICLES].enable_fts(FTS_COLUMNS, create_triggers=True, tokenize="unicode61 remove_diacritics 2")
    ensure_removals_schema(db)
    if RUNS not in db.table_names():
        db[RUNS].create(
            {
                "id": int,
                "started_at": str,
                "finished_at": str,
                "version": str,
                "sources": str,
                "options": str,
                "seen": int,
                "ok": int,
                "rejected": int,
                "duplicate": int,
                "unchanged": int,
                "steps": str,
            },
            pk="id",
        )
    if CLAIMS not in db.table_names():
        db[CLAIMS].create({"page_id": str, "run_id": int, "claimed_at": str}, pk="page_id")
        db[CLAIMS].create_index(["run_id"])
    if INPUT_FILES not in db.table_names():
        db[INPUT_FILES].create(
            {"path": str, "size": int, "mtime_ns": int, "page_id": str, "pages": int, "complete": int, "run_id": int},
            pk="path",
        )
    for table, name, kind in _missing_columns(db):
        db[table].add_column(name, kind)
        if (table, name) == (RUNS, "status"):  # runs written before runs had a status
            db.execute(f"update {RUNS} set status = 'finished' where finished_at is not null")
        if (table, name) == (RUNS, "kind"):  # ... or a kind: reprocess did not exist
            db.execute(f"update {RUNS} set kind = 'ingest'")
    ensure_article_values(db)  # host, and clean site/author values in archives written before them
    # Written only when it changes: a reader (search, stats, Datasette) must
    # not take the write lock an ingest running beside it needs.
    if db.execute("PRAGMA user_version").fetchone()[0] != SCHEMA_VERSION:
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
