"""The archive's tables.  sqlite-utils creates them; this module says what they are.

pages           every input ever seen, keyed by sha256 of its raw bytes (of its path when it has none)
articles        one clean article per accepted page (copies point at their original)
removed_blocks  every block or inline span the cleaner removed, with its rule
runs            one row per ingest run, with its options, counts and the cleaner's steps' removals and seconds

The near-duplicate index (minhash_signatures, lsh_bands and the duplicates
view) has its own module: archive/dedupe_index.py.
"""

from __future__ import annotations

import sqlite_utils

from .values import ensure_article_values

SCHEMA_VERSION = 1

PAGES = "pages"
ARTICLES = "articles"
REMOVED = "removed_blocks"
RUNS = "runs"
FTS_COLUMNS = ["title", "text"]


def schema_is_current(db: sqlite_utils.Database) -> bool:
    """Every table is there, as this version makes it (then ensure_schema has nothing to write)."""
    tables = set(db.table_names())
    return (
        {PAGES, ARTICLES, REMOVED, RUNS} <= tables
        and {"options", "steps"} <= db[RUNS].columns_dict.keys()
        and "host" in db[ARTICLES].columns_dict
        and db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    )


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
    if REMOVED not in db.table_names():
        db[REMOVED].create(
            {"page_id": str, "position": int, "seq": int, "rule": str, "inline": int, "text": str},
            pk=("page_id", "seq"),
            foreign_keys=[("page_id", PAGES, "id")],
        )
        db[REMOVED].create_index(["rule"])
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
    # Columns of archives made before runs recorded them.
    for column in ("options", "steps"):
        if column not in db[RUNS].columns_dict:
            db[RUNS].add_column(column, str)
    ensure_article_values(db)  # host, and clean site/author values in archives written before them
    # Written only when it changes: a reader (search, stats, Datasette) must
    # not take the write lock an ingest running beside it needs.
    if db.execute("PRAGMA user_version").fetchone()[0] != SCHEMA_VERSION:
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
