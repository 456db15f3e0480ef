"""Writing documents into the archive; the archive is also the dedupe index of every batch."""

from __future__ import annotations

import json
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path

import sqlite_utils

from pipeline.clean.scripts import word_count
from pipeline.dedupe import Candidate, Canonical
from pipeline.document import STATUS_DUPLICATE, STATUS_OK, Document

from . import dedupe_index
from .schema import ARTICLES, PAGES, REMOVED, RUNS, ensure_schema, schema_is_current
from .values import article_values


# Rejection reasons that say nothing about the page itself.
RETRYABLE_REASONS = ("timeout:", "crash:", "error:")
# How long a write waits for another process's write lock.  A page holds it
# for milliseconds; `sites rebuild` takes it page by page.
BUSY_TIMEOUT_MS = 60_000


def stored_path(path: str) -> str:
    """A path as SQLite can store it: bytes of a file name that are not UTF-8 (which Python holds as lone surrogates) written as \\xNN."""
    return path.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


class Archive:
    """The SQLite archive: one file, opened once per command."""

    def __init__(self, path: str | Path | None = None, memory: bool = False):
        if memory:
            self.db = sqlite_utils.Database(memory=True)
        else:
            self.db = sqlite_utils.Database(path)
            # WAL lets Datasette read while an ingest writes.
            self.db.enable_wal()
            # With WAL, NORMAL syncs at checkpoints instead of at every commit:
            # the file cannot be corrupted, a power cut loses at most the last
            # pages, which the next ingest of the batch stores again.  FULL
            # spent ~4 ms of fsync per page, more than the dedupe look-ups.
            self.db.execute("PRAGMA synchronous = NORMAL")
            # Another ingest, `sites rebuild` or a first open beside this one
            # holds the write lock for milliseconds at a time: wait for it.
            self.db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        if not schema_is_current(self.db):
            with self.transaction():  # two processes opening a new archive at once create its tables once
                ensure_schema(self.db)
        dedupe_index.ensure_dedupe_schema(self.db)
        self.path = path

    # -- pages ------------------------------------------------------------
    def has_page(self, page_id: str) -> bool:
        """True when these bytes were archived and need no new attempt.

        Pages rejected for a passing reason (a time limit, a crashed worker,
        an unexpected error) are tried again on the next ingest of them.
        """
        row = self.db.execute(f"select status, reason from {PAGES} where id = ?", [page_id]).fetchone()
        if row is None:
            return False
        status, reason = row
        return not (status == "rejected" and (reason or "").startswith(RETRYABLE_REASONS))

    @contextmanager
    def transaction(self):
        """Everything written inside commits together or not at all; nested, a savepoint.

        BEGIN IMMEDIATE takes the write lock first (waiting up to
        BUSY_TIMEOUT_MS for another writer): a deferred transaction that
        reads before it writes (sqlite-utils looks up the table first)
        fails at once with "database is locked" when another process
        committed in between, which stopped an ingest run beside another.
        """
        conn = self.db.conn
        if conn.in_transaction:
            with self.db.atomic():
                yield
            return
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")

    def write(self, doc: Document, run_id: int | None = None) -> None:
        """Store a processed document: its page row, its article (if any) and its removals."""
        stamp = now()
        page_id = doc.id
        with self.transaction():  # a page is stored whole or not at all
            self.db[PAGES].insert(
                {
                    "id": page_id,
                    "source": stored_path(doc.source),
                    "url": doc.metadata.get("url"),
                    "format": doc.format,
                    "raw": doc.raw,
                    "status": doc.status,
                    "reason": doc.reason,
                    "ingested_at": stamp,
                    "run_id": run_id,
                },
                replace=True,
            )
            if doc.status in (STATUS_OK, STATUS_DUPLICATE):
                self.db[ARTICLES].insert(article_record(doc, stamp, self.db), replace=True)
                dedupe_index.record(self.db, doc)
            self.db[REMOVED].delete_where("page_id = ?", [page_id])
            # ~200 rows a page: one executemany, without sqlite-utils' per-value
            # conversion (which took a fifth of an ingest's time).
            self.db.conn.executemany(
                f"insert into {REMOVED} (page_id, position, seq, rule, inline, text) values (?, ?, ?, ?, ?, ?)",
                [
                    (page_id, removal.position, seq, removal.rule, int(removal.inline), removal.text)
                    for seq, removal in enumerate(doc.removed)
                ],
            )

    # -- runs -------------------------------------------------------------
    def start_run(self, version: str, sources: list[str], options: dict | None = None) -> int:
        """A new runs row; `options`: what the run was asked for (format, fast, ...), stored as JSON."""
        table = self.db[RUNS]
        record = {"started_at": now(), "version": version, "sources": "\n".join(map(stored_path, sources))}
        if options is not None:
            record["options"] = json.dumps(options, sort_keys=True)
        with self.transaction():
            table.insert(record)
        return table.last_pk

    def finish_run(self, run_id: int, counts: dict, steps: dict | None = None) -> None:
        """Close a run's row with its counts; `steps`: the cleaner's removals and seconds per step, stored as JSON."""
        record = {"finished_at": now(), **counts}
        if steps is not None:
            record["steps"] = json.dumps(steps, sort_keys=True)
        with self.transaction():
            self.db[RUNS].update(run_id, record)

    # -- dedupe index (pipeline.dedupe.DedupeIndex), see archive/dedupe_index.py
    def exact_match(self, content_hash: str, exclude_id: str) -> Candidate | None:
        return dedupe_index.exact_match(self.db, content_hash, exclude_id)

    def near_candidates(self, keys: list[int], exclude_id: str) -> list[Candidate]:
        return dedupe_index.near_candidates(self.db, keys, exclude_id)

    def canonical(self, article_id: str) -> Canonical:
        return dedupe_index.canonical(self.db, article_id)

    def add(self, doc: Document) -> None:
        """Articles are indexed (and clusters re-pointed) by `write`, in the same transaction."""

    def close(self) -> None:
        self.db.close()


def article_record(doc: Document, stamp: str, db: sqlite_utils.Database | None = None) -> dict:
    meta = doc.metadata
    text = doc.text
    return {
        "id": doc.id,
        "page_id": doc.id,
        "url": meta.get("url"),
        "site": meta.get("site"),
        "title": meta.get("title"),
        "author": meta.get("author"),
        "published": meta.get("published"),
        "description": meta.get("description"),
        "language": meta.get("language"),
        "language_confidence": meta.get("language_confidence"),
        "text": text,
        "word_count": word_count(text),
        "content_hash": doc.content_hash,
        "duplicate_of": doc.duplicate_of,
        "ingested_at": stamp,
        # host, site and author as archive/values.py normalises them
        **article_values(db, meta.get("url"), meta.get("site"), meta.get("author"), meta.get("title")),
    }
