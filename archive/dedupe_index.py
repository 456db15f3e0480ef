"""The archive's dedupe index: MinHash signatures and LSH buckets in SQLite.

Every article ever stored (canonical or copy) has a row in
`minhash_signatures` and, when its text is long enough to compare, one row
per LSH band in `lsh_bands`.  A new page is checked against all of them with
LSH_BANDS indexed look-ups, so the cost per page stays flat as the archive
grows.  Confirming candidates and choosing the canonical is done by
pipeline.dedupe; this module only stores and finds.

minhash_signatures  id (compact key for lsh_bands), article_id, signature
                    (NUM_PERM little-endian uint32, null for short texts),
                    similarity (estimated Jaccard to the cluster's canonical;
                    null for a canonical)
lsh_bands           band, bucket (64-bit hash of the band's rows),
                    signature_id; clustered on (band, bucket)
duplicates          view: canonical_id, title, site, copy_id, copy_site,
                    similarity
dedupe_settings     the parameters the index was built with
"""

from __future__ import annotations

import sqlite_utils

from pipeline.dedupe import (
    INDEX_PARAMETERS,
    Candidate,
    Canonical,
    band_keys,
    minhash,
    repoint,
    signature_bytes,
    signature_from_bytes,
    signature_keys,
)
from pipeline.document import STATUS_DUPLICATE, STATUS_OK, Document

from .schema import ARTICLES, PAGES
from .site_memory import forget_page, learn_page

SIGNATURES = "minhash_signatures"
BANDS = "lsh_bands"
DUPLICATES_VIEW = "duplicates"
SETTINGS = "dedupe_settings"

_SCHEMA = f"""
create table if not exists {SETTINGS} (key text primary key, value text);
create table if not exists {SIGNATURES} (
    id integer primary key,
    article_id text not null unique references {ARTICLES}(id),
    signature blob,
    similarity real
);
-- The primary key is the (band, bucket) index; WITHOUT ROWID stores the
-- rows in it, so a look-up touches one B-tree and nothing is stored twice.
create table if not exists {BANDS} (
    band integer not null,
    bucket integer not null,
    signature_id integer not null,
    primary key (band, bucket, signature_id)
) without rowid;
create view if not exists {DUPLICATES_VIEW} as
    select o.id as canonical_id, o.title as title, o.site as site,
           c.id as copy_id, c.site as copy_site, s.similarity as similarity
    from {ARTICLES} c
    join {ARTICLES} o on o.id = c.duplicate_of
    left join {SIGNATURES} s on s.article_id = c.id
    order by o.id, s.similarity desc;
"""


def ensure_dedupe_schema(db: sqlite_utils.Database) -> None:
    """Create the index tables and the view; index articles stored before they existed.

    The index is rebuilt from the articles' text when it was made with other
    parameters (pipeline.dedupe.INDEX_PARAMETERS): old signatures would not
    compare with new ones.
    """
    db.conn.executescript(_SCHEMA)
    stored = db.execute(f"select value from {SETTINGS} where key = 'parameters'").fetchone()
    if stored is None or stored[0] != INDEX_PARAMETERS:
        with db.conn:
            db.execute(f"delete from {BANDS}")
            db.execute(f"delete from {SIGNATURES}")
            db.execute(f"insert or replace into {SETTINGS} (key, value) values ('parameters', ?)", [INDEX_PARAMETERS])
    missing = db.execute(
        f"select count(*) from {ARTICLES} a where not exists (select 1 from {SIGNATURES} s where s.article_id = a.id)"
    ).fetchone()[0]
    if missing:
        backfill(db)


def backfill(db: sqlite_utils.Database) -> int:
    """Signatures and buckets for articles that have none (archives written before the index)."""
    rows = db.execute(
        f"select a.id, a.text from {ARTICLES} a where not exists "
        f"(select 1 from {SIGNATURES} s where s.article_id = a.id)"
    ).fetchall()
    with db.conn:
        for article_id, text in rows:
            insert_signature(db, article_id, minhash(text or ""), None)
    return len(rows)


def exact_match(db: sqlite_utils.Database, content_hash: str, exclude_id: str) -> Candidate | None:
    row = db.execute(
        f"select id, coalesce(duplicate_of, id) from {ARTICLES} where content_hash = ? and id != ? "
        "order by duplicate_of is not null, ingested_at limit 1",
        [content_hash, exclude_id],
    ).fetchone()
    return Candidate(row[0], row[1]) if row else None


def near_candidates(db: sqlite_utils.Database, keys: list[int], exclude_id: str) -> list[Candidate]:
    buckets = " union ".join([f"select signature_id from {BANDS} where band = ? and bucket = ?"] * len(keys))
    params: list = [value for band, key in enumerate(keys) for value in (band, key)]
    sql = (
        f"select s.article_id, coalesce(a.duplicate_of, a.id), s.signature from {SIGNATURES} s "
        f"join {ARTICLES} a on a.id = s.article_id where s.id in ({buckets}) and s.article_id != ?"
    )
    return [
        Candidate(article_id, canonical_id, signature_from_bytes(blob) if blob else None)
        for article_id, canonical_id, blob in db.execute(sql, params + [exclude_id])
    ]


def canonical(db: sqlite_utils.Database, article_id: str) -> Canonical:
    row = db.execute(f"select published, word_count from {ARTICLES} where id = ?", [article_id]).fetchone()
    return Canonical(article_id, row[0], row[1] or 0)


def record(db: sqlite_utils.Database, doc: Document) -> None:
    """Index a stored article, and re-point the clusters it displaces (inside the caller's transaction)."""
    if doc.status not in (STATUS_OK, STATUS_DUPLICATE):
        return
    delete_signature(db, doc.id)
    insert_signature(db, doc.id, doc.minhash, doc.similarity if doc.duplicate_of else None, signature_keys(doc))
    index = ArchiveDedupeIndex(db)
    for old in doc.merges:
        repoint(index, old, doc)


class ArchiveDedupeIndex:
    """pipeline.dedupe.DedupeIndex over the archive's tables (the policy is pipeline.dedupe's)."""

    def __init__(self, db: sqlite_utils.Database):
        self.db = db

    def exact_match(self, content_hash: str, exclude_id: str) -> Candidate | None:
        return exact_match(self.db, content_hash, exclude_id)

    def near_candidates(self, keys: list[int], exclude_id: str) -> list[Candidate]:
        return near_candidates(self.db, keys, exclude_id)

    def canonical(self, article_id: str) -> Canonical:
        return canonical(self.db, article_id)

    def add(self, doc: Document) -> None:
        """Articles are indexed (and clusters re-pointed) by Archive.write, in the page's transaction."""

    def signature(self, article_id: str):
        row = self.db.execute(f"select signature from {SIGNATURES} where article_id = ?", [article_id]).fetchone()
        return signature_from_bytes(row[0]) if row and row[0] else None

    def members(self, canonical_id: str) -> list[str]:
        return [row[0] for row in self.db.execute(f"select id from {ARTICLES} where duplicate_of = ?", [canonical_id])]

    def point(self, article_id: str, canonical_id: str, similarity: float | None) -> None:
        self.db.execute(f"update {ARTICLES} set duplicate_of = ? where id = ?", [canonical_id, article_id])
        self.db.execute(f"update {SIGNATURES} set similarity = ? where article_id = ?", [similarity, article_id])

    def supersede(self, article_id: str, reason: str) -> None:
        superseded = self.db.execute(
            f"update {PAGES} set status = ?, reason = ? where id = ? and status = ?", [STATUS_DUPLICATE, reason, article_id, STATUS_OK]
        )
        if superseded.rowcount:
            forget_page(self.db, article_id)

    def promote(self, article_id: str) -> None:
        self.db.execute(f"update {ARTICLES} set duplicate_of = null where id = ?", [article_id])
        self.db.execute(f"update {SIGNATURES} set similarity = null where article_id = ?", [article_id])
        promoted = self.db.execute(
            f"update {PAGES} set status = ?, reason = null where id = ? and status = ?", [STATUS_OK, article_id, STATUS_DUPLICATE]
        )
        if promoted.rowcount:
            learn_page(self.db, article_id)


def insert_signature(db: sqlite_utils.Database, article_id: str, signature, similarity: float | None, keys: list[int] | None = None) -> None:
    """Index one article: its signature row and one bucket row per band (`keys`: the signature's band_keys, when known)."""
    cursor = db.execute(
        f"insert into {SIGNATURES} (article_id, signature, similarity) values (?, ?, ?)",
        [article_id, signature_bytes(signature) if signature is not None else None, similarity],
    )
    if signature is not None:
        signature_id = cursor.lastrowid
        db.conn.executemany(
            f"insert or ignore into {BANDS} (band, bucket, signature_id) values (?, ?, ?)",
            [(band, key, signature_id) for band, key in enumerate(keys or band_keys(signature))],
        )


def delete_signature(db: sqlite_utils.Database, article_id: str) -> None:
    """Remove an article from the index (before it is indexed again)."""
    row = db.execute(f"select id, signature from {SIGNATURES} where article_id = ?", [article_id]).fetchone()
    if row:
        signature_id, blob = row
        if blob:
            db.conn.executemany(
                f"delete from {BANDS} where band = ? and bucket = ? and signature_id = ?",
                [(band, key, signature_id) for band, key in enumerate(band_keys(signature_from_bytes(blob)))],
            )
        db.execute(f"delete from {SIGNATURES} where id = ?", [signature_id])
