"""Every block or inline span the cleaner removed, with its rule: one row a page, read as one row a removal.

page_removals   page_id, blocks: a JSON array of [position, rule, inline, text], in the order of removal
removal_rules   rule, page_id, blocks: how many blocks each rule removed from each page
removed_blocks  view: page_id, seq, position, rule, inline, text, one row per removal

A page's ~200 removals were ~200 rows, each repeating the page's 64-character
id in the table and again in its primary-key index: half of an archive's
size, and the writer's largest insert (bench/README.md: archive size).  One
JSON array a page holds the same and is written with one insert; SQLite's
json_each reads it back as rows, so every query over `removed_blocks` reads
as before.  `removal_rules` answers "which pages did this rule touch" and
"how often did each rule fire" without reading every page's removals.

An archive written before this layout has a `removed_blocks` table: it is
rewritten into this one when a writer first opens it (`migrate_removed_blocks`).
"""

from __future__ import annotations

from typing import Iterable

import sqlite_utils

from pipeline.packing import encode_removals

PAGE_REMOVALS = "page_removals"
REMOVAL_RULES = "removal_rules"
REMOVED_VIEW = "removed_blocks"

SCHEMA = f"""
create table if not exists {PAGE_REMOVALS} (
    page_id text primary key references pages(id),
    blocks text not null
);
create table if not exists {REMOVAL_RULES} (
    rule text not null,
    page_id text not null,
    blocks integer not null,
    primary key (rule, page_id)
) without rowid;
create view if not exists {REMOVED_VIEW} as
    select r.page_id as page_id, b.key as seq,
           json_extract(b.value, '$[0]') as position, json_extract(b.value, '$[1]') as rule,
           json_extract(b.value, '$[2]') as inline, json_extract(b.value, '$[3]') as text
    from {PAGE_REMOVALS} r join json_each(r.blocks) b;
"""


def ensure_removals_schema(db: sqlite_utils.Database) -> None:
    """Create the tables and the view; rewrite an older archive's removed_blocks table into them (inside the caller's transaction)."""
    if _has_old_table(db):
        migrate_removed_blocks(db)
    for statement in SCHEMA.split(";"):
        if statement.strip():
            db.execute(statement)


def _has_old_table(db: sqlite_utils.Database) -> bool:
    return db.execute("select 1 from sqlite_master where type = 'table' and name = ?", [REMOVED_VIEW]).fetchone() is not None


def needs_migration(db: sqlite_utils.Database) -> bool:
    return _has_old_table(db)


def replace(db: sqlite_utils.Database, page_id: str, removals: Iterable | None = None, encoded: tuple[str, dict[str, int]] | None = None) -> None:
    """Store a page's removals in place of any it had (inside the caller's transaction).

    `encoded`: what pipeline.packing.encode_removals made of them in the
    per-page work; without it, `removals` are encoded here.
    """
    delete(db, page_id)
    blocks, per_rule = encoded if encoded is not None else encode_removals(removals or [])
    if not per_rule:
        return
    conn = db.conn
    conn.execute(f"insert into {PAGE_REMOVALS} (page_id, blocks) values (?, ?)", [page_id, blocks])
    conn.executemany(f"insert into {REMOVAL_RULES} (rule, page_id, blocks) values (?, ?, ?)", [(rule, page_id, n) for rule, n in per_rule.items()])


def delete(db: sqlite_utils.Database, page_id: str) -> None:
    """Drop a page's removals; its rule counts are found through the rules its removals name (primary-key look-ups)."""
    conn = db.conn
    conn.execute(
        f"delete from {REMOVAL_RULES} where page_id = ?1 and rule in "
        f"(select distinct json_extract(b.value, '$[1]') from {PAGE_REMOVALS} r join json_each(r.blocks) b where r.page_id = ?1)",
        [page_id],
    )
    conn.execute(f"delete from {PAGE_REMOVALS} where page_id = ?", [page_id])


def rule_counts(db: sqlite_utils.Database) -> dict[str, int]:
    """Blocks removed by each rule over the archive, most first."""
    return dict(db.execute(f"select rule, sum(blocks) from {REMOVAL_RULES} group by rule order by 2 desc, rule").fetchall())


# Page cache while an older archive is rewritten (KiB): with SQLite's
# default 2 MB, pages evicted in mid-transaction went to the WAL again each
# time they changed (6.6 GB of WAL for a 10 GB archive).
MIGRATION_CACHE_KIB = 256 * 1024


def migrate_removed_blocks(db: sqlite_utils.Database) -> int:
    """Rewrite a removed_blocks table (one row a removal) into page_removals and removal_rules; returns the pages moved.

    Read in (page_id, seq) order through the table's primary key, a page
    at a time, so page_removals grows in key order; the rule counts are
    added afterwards, sorted by their key.  The old table and its indexes
    are dropped (VACUUM gives their space back to the file system).
    """
    for statement in SCHEMA.split(";"):
        if statement.strip() and "create view" not in statement:
            db.execute(statement)
    previous_cache = db.execute("pragma cache_size").fetchone()[0]
    db.execute(f"pragma cache_size = -{MIGRATION_CACHE_KIB}")
    try:
        pages = _move_pages(db)
        db.execute(
            f"insert or replace into {REMOVAL_RULES} (rule, page_id, blocks) "
            f"select json_extract(b.value, '$[1]') as rule, r.page_id, count(*) from {PAGE_REMOVALS} r join json_each(r.blocks) b "
            "group by 1, 2 order by 1, 2"
        )
        # Builds of SQLite with SECURE_DELETE (Debian's) zero every page a
        # dropped table frees, through the WAL: 4.5 GB for a 100,000-page
        # archive.  Nothing here is deleted, only moved.
        previous_secure = db.execute("pragma secure_delete").fetchone()[0]
        db.execute("pragma secure_delete = 0")
        try:
            db.execute(f"drop table {REMOVED_VIEW}")
        finally:
            db.execute(f"pragma secure_delete = {int(previous_secure)}")
    finally:
        db.execute(f"pragma cache_size = {previous_cache}")
    return pages


def _move_pages(db: sqlite_utils.Database) -> int:
    rows = db.conn.execute(f"select page_id, position, rule, inline, text from {REMOVED_VIEW} order by page_id, seq")
    pages, current, blocks = 0, None, []
    insert = f"insert or replace into {PAGE_REMOVALS} (page_id, blocks) values (?, ?)"
    for page_id, position, rule, inline, text in rows:
        if page_id != current:
            if current is not None:
                db.conn.execute(insert, [current, encode_removals(blocks)[0]])
                pages += 1
            current, blocks = page_id, []
        blocks.append(_Removal(position, rule, inline, text))
    if current is not None:
        db.conn.execute(insert, [current, encode_removals(blocks)[0]])
        pages += 1
    return pages


class _Removal:
    __slots__ = ("position", "rule", "inline", "text")

    def __init__(self, position, rule, inline, text):
        self.position, self.rule, self.inline, self.text = position, rule, bool(inline), text
