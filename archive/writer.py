"""Writing documents into the archive; the archive is also the dedupe index of every batch."""

from __future__ import annotations

import json
import os
from contextlib import contextmanager
from pathlib import Path

import sqlite_utils

from pipeline.clean.scripts import word_count
from pipeline.dedupe import Candidate, Canonical
from pipeline.document import STATUS_DUPLICATE, STATUS_OK, Document
from pipeline.packing import Packed, RawCodecError, pack_raw, unpack_raw

from . import dedupe_index, removals, runs
from .schema import ARTICLES, PAGES, ensure_schema, schema_is_current
from .values import article_values

# Rejections for what a page cost (time, memory, size, a worker that died
# on it) or for an unexpected error: the next ingest of the same bytes
# leaves them as they are, at no cost, unless asked to try them again
# (`ingest --retry-rejected`, after raising a limit or upgrading).  Other
# rejections (empty, binary, no article...) are what the page is; reprocess
# re-cleans them under new rules.
RETRY_ON_REQUEST = ("timeout:", "crash:", "memory:", "error:", "too_large:", "too_complex:")
# How long a write waits for another process's write lock.  A page holds it
# for milliseconds; `sites rebuild` takes it page by page.
BUSY_TIMEOUT_MS = 60_000
# The page cache of an open archive (see Archive.__init__).
PAGE_CACHE_KIB = 16 << 10


def stored_path(path: str) -> str:
    """A path as SQLite can store it: bytes of a file name that are not UTF-8 (which Python holds as lone surrogates) written as \\xNN."""
    return path.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


now = runs.now


def file_key(path: str) -> str:
    """A file's key in the input-file cache: its absolute path, as the archive stores paths."""
    return stored_path(os.path.abspath(path))

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
            # A batch changes pages all over the archive (42 LSH buckets a
            # page, the full-text index): with SQLite's 2 MB page cache they
            # were evicted, read back and written to the WAL again within the
            # batch.  16 MB (KiB below): bench_scale's 1,500 dumps ingested
            # with 85,000 writes and 29,000 reads instead of 128,000 and
            # 88,000; 32 MB did no better.
            self.db.execute(f"PRAGMA cache_size = -{PAGE_CACHE_KIB}")
        if not schema_is_current(self.db):
            with self.transaction():  # two processes opening a new archive at once create its tables once
                ensure_schema(self.db)
        dedupe_index.ensure_dedupe_schema(self.db)
        self.path = path
        self._statements: dict[tuple, str] = {}

    # -- pages ------------------------------------------------------------
    def has_page(self, page_id: str, retry_rejected: bool = False) -> bool:
        """True when these bytes were archived and need no new attempt.

        With `retry_rejected`, pages rejected for what they cost or for an
        unexpected error (RETRY_ON_REQUEST) are attempted again.
        """
        return bool(self.archived([page_id], retry_rejected))

    def archived(self, page_ids: list[str], retry_rejected: bool = False) -> set[str]:
        """The ids among `page_ids` that are archived and need no new attempt (see has_page)."""
        found: set[str] = set()
        for start in range(0, len(page_ids), runs.CHUNK):
            part = page_ids[start : start + runs.CHUNK]
            marks = ",".join("?" * len(part))
            for page_id, status, reason in self.db.execute(f"select id, status, reason from {PAGES} where id in ({marks})", part):
                if not (retry_rejected and status == "rejected" and (reason or "").startswith(RETRY_ON_REQUEST)):
                    found.add(page_id)
        return found

    stored_path = staticmethod(stored_path)

    def unread_sources(self) -> set[str]:
        """Sources of rejected pages stored without bytes (unreadable or empty files), keyed by their path."""
        rows = self.db.execute(f"select source from {PAGES} where status = 'rejected' and (raw is null or length(raw) = 0)")
        return {row[0] for row in rows}

    def resolve_unread(self, source: str, page_id: str) -> int:
        """Drop the rows of `source` stored without bytes, now that the file read as page `page_id`."""
        stale = [row[0] for row in self.db.execute(
            f"select id from {PAGES} where source = ? and id != ? and status = 'rejected' and (raw is null or length(raw) = 0)",
            [stored_path(source), page_id],
        )]
        for old in stale:
            removals.delete(self.db, old)
            self.db.execute(f"delete from {PAGES} where id = ?", [old])
        return len(stale)

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

    @contextmanager
    def page_writes(self):
        """While a run stores pages, each in a savepoint of its batch: SQLite's temporary storage in memory.

        A savepoint's rollback copies of the pages it changes (its statement
        journal) went to a temporary file past 64 KB: 3 of every 4 writes an
        ingest made (bench_scale's 1,500 dumps: 441,000 pwrite calls,
        128,000 in memory).  It only ever undoes a savepoint of the open
        transaction: the WAL, and what a crash leaves, are the same.  Only
        while pages are stored: in memory, a sort (an ORDER BY over a large
        archive) is never spilled to a file.
        """
        self.db.execute("PRAGMA temp_store = MEMORY")
        try:
            yield
        finally:
            if not self.db.conn.in_transaction:  # SQLite refuses the change inside one
                self.db.execute("PRAGMA temp_store = DEFAULT")

    def write(self, doc: Document, run_id: int | None = None, ingested_at: str | None = None, packed: Packed | None = None) -> None:
        """Store a processed document: its page row, its article (if any) and its removals.

        A page stored before (reprocess) is replaced whole: an article it no
        longer has is deleted with its dedupe index entries.  `ingested_at`
        keeps the time it was first stored.  `packed`: the page's bytes and
        removals as the per-page work packed them (pipeline.packing);
        without it (or its removals) they are packed here.
        """
        stamp = ingested_at or now()
        page_id = doc.id
        codec, raw = (packed.raw_codec, packed.raw) if packed is not None else pack_raw(doc.raw)
        with self.transaction():  # a page is stored whole or not at all
            self._replace(
                PAGES,
                {
                    "id": page_id,
                    "source": stored_path(doc.source),
                    "url": doc.metadata.get("url"),
                    "format": doc.format,
                    "raw": raw,
                    "raw_codec": codec,
                    "status": doc.status,
                    "reason": doc.reason,
                    "ingested_at": stamp,
                    "run_id": run_id,
                    "fetched_at": doc.origin.get("fetched_at"),
                    "origin": json.dumps(doc.origin, sort_keys=True, ensure_ascii=False) if doc.origin else None,
                },
            )
            if doc.status in (STATUS_OK, STATUS_DUPLICATE):
                self._replace(ARTICLES, article_record(doc, stamp, self.db))
                dedupe_index.record(self.db, doc)
            elif self.db.execute(f"select 1 from {ARTICLES} where id = ?", [page_id]).fetchone():
                dedupe_index.delete_signature(self.db, page_id)
                self.db.execute(f"delete from {ARTICLES} where id = ?", [page_id])
            if packed is not None and packed.removals is not None:
                removals.replace(self.db, page_id, encoded=packed.removals)
            else:
                removals.replace(self.db, page_id, doc.removed)

    def _replace(self, table: str, record: dict) -> None:
        """INSERT OR REPLACE one row, the statement built once per set of columns.

        sqlite-utils' insert() spent ~2 ms a row building it again (the
        writer's largest cost); its connection keeps recursive triggers on,
        so the full-text index follows a replaced row as it did.
        """
        columns = tuple(record)
        sql = self._statements.get((table, columns))
        if sql is None:
            names = ", ".join(f"[{c}]" for c in columns)
            sql = self._statements[(table, columns)] = f"insert or replace into [{table}] ({names}) values ({', '.join('?' * len(columns))})"
        self.db.conn.execute(sql, list(record.values()))

    # -- reprocess -------------------------------------------------------
    def select_pages(self, site: str | None = None, since: str | None = None, statuses: list[str] | None = None, exclude_runs: list[int] | None = None) -> list[str]:
        """Ids of stored pages to re-clean, in the order they were stored.

        `site`: the page's host or its article's site name (as site memory
        keys them); `since`: stored on or after this ISO date or time;
        `statuses`: ok, duplicate, rejected; `exclude_runs`: pages last
        written by these runs are left out.
        """
        from pipeline.site_memory import site_key_of

        where, params = [], []
        if since:
            where.append("p.ingested_at >= ?")
            params.append(since)
        if statuses:
            where.append(f"p.status in ({','.join('?' * len(statuses))})")
            params += list(statuses)
        if exclude_runs:
            where.append(f"coalesce(p.run_id, -1) not in ({','.join('?' * len(exclude_runs))})")
            params += list(exclude_runs)
        clause = ("where " + " and ".join(where)) if where else ""
        rows = self.db.execute(
            f"select p.id, p.url, a.url, a.site from {PAGES} p left join {ARTICLES} a on a.id = p.id {clause} order by p.ingested_at, p.rowid",
            params,
        )
        if not site:
            return [row[0] for row in rows]
        key = site_key_of(None, site)
        return [row[0] for row in rows if key in (site_key_of(row[2] or row[1], None), site_key_of(None, row[3]))]

    def stored_pages(self, page_ids: list[str]) -> list[dict]:
        """The rows of these pages (bytes, origin, status, when stored) with their article (or None), in the order asked."""
        marks = ",".join("?" * len(page_ids))
        rows = {row["id"]: row for row in self.db.query(
            f"select id, source, raw, raw_codec, origin, status, reason, ingested_at from {PAGES} where id in ({marks})", page_ids
        )}
        for page_id, row in rows.items():
            try:
                row["raw"] = unpack_raw(row["raw"], row.pop("raw_codec"))
            except RawCodecError as exc:  # nothing to re-read: the page is rejected with why
                row["raw"], row["reason"] = b"", f"error: {exc}"
            row["article"] = self.article(page_id)
        return [rows[i] for i in page_ids if i in rows]

    def article(self, article_id: str) -> dict | None:
        return next(self.db.query(f"select * from {ARTICLES} where id = ?", [article_id]), None)

    def rehome_copies(self, doc: Document) -> None:
        """After a canonical article was re-cleaned: its copies follow it (pipeline.dedupe.rehome_copies)."""
        from pipeline.dedupe import rehome_copies

        rehome_copies(dedupe_index.ArchiveDedupeIndex(self.db), doc)

    # -- runs (archive/runs.py) ---------------------------------------------
    def start_run(self, version: str, sources: list[str], options: dict | None = None, kind: str = "ingest", **extra) -> int:
        """A new `running` runs row; `options`: what the run was asked for (format, fast, ...), stored as JSON.

        Runs that stopped without finishing (killed) are marked `interrupted` first.
        """
        with self.transaction():
            return runs.start_run(self.db, kind, version, list(map(stored_path, sources)), options, **extra)

    def finish_run(self, run_id: int, counts: dict, status: str = "finished", steps: dict | None = None) -> None:
        """Close a run's row with its counts; `steps`: the cleaner's removals and seconds per step, stored as JSON."""
        with self.transaction():
            runs.finish_run(self.db, run_id, counts, status, steps)

    def heartbeat(self, run_id: int, counts: dict) -> None:
        """The run is alive and has stored this much (inside the batch it commits with)."""
        runs.heartbeat(self.db, run_id, counts)

    def claim(self, run_id: int, page_ids: list[str]) -> set[str]:
        """Claim pages for a run (inside the caller's transaction); returns those another live run holds."""
        return runs.claim(self.db, run_id, page_ids)

    def release(self, run_id: int, page_ids: list[str]) -> None:
        runs.release(self.db, run_id, page_ids)

    def cached_files(self, paths: list[str]) -> dict[str, dict]:
        """The input-file cache's rows (size, mtime_ns, page_id, pages) of these paths, keyed by the paths as given."""
        keys = {file_key(path): path for path in paths}
        return {keys[key]: row for key, row in runs.cached_files(self.db, list(keys)).items()}

    def remember_file(self, path: str, size: int, mtime_ns: int, run_id: int, page_id: str | None, pages: int) -> None:
        """A file read to its end: the next run skips it while its size and mtime stay the same."""
        runs.remember_file(self.db, file_key(path), size, mtime_ns, run_id, page_id, pages)

    def resumable_run(self, selection: dict, options: dict) -> tuple[int | None, list[int]]:
        return runs.resumable_run(self.db, selection, options)

    def forget_learned(self, page_id: str) -> None:
        """Take a page out of site memory (it is cleaned again: what it teaches may change)."""
        from .site_memory import forget_page

        forget_page(self.db, page_id)

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
