"""What ingest and reprocess runs keep in the archive beside the pages: runs, claims, the input-file cache.

runs         one row per run: kind, options, status (running / finished /
             interrupted), the process that runs it and its last heartbeat,
             counts written with every batch (a run killed mid-way keeps the
             counts of what it stored)
claims       page ids a running ingest has handed to its workers: another
             ingest of the same files at the same time leaves them alone
input_files  path, size and mtime of every file read, with its page id (a
             page file) or its page count (a WARC or JSON Lines file read to
             its end): a re-run skips an unchanged file without reading it

All writes happen inside the caller's transaction (Archive.transaction).
"""

from __future__ import annotations

import json
import os
import socket
from datetime import datetime, timedelta, timezone

import sqlite_utils

from .schema import CLAIMS, INPUT_FILES, PAGES, RUNS

# A running run commits a batch (and its heartbeat) every second or so; one
# silent for this long is not running any more, whatever its row says.
STALE_AFTER = timedelta(minutes=10)
COUNT_COLUMNS = ("seen", "ok", "rejected", "duplicate", "unchanged", "skipped", "claimed_elsewhere", "changed", "appeared", "disappeared")
# SQLite's limit on variables in one statement is 32,766; look-ups go in chunks well under it.
CHUNK = 500


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def start_run(db: sqlite_utils.Database, kind: str, version: str, sources: list[str], options: dict | None, **extra) -> int:
    """A new `running` run row (after marking runs that stopped without saying so as interrupted)."""
    mark_interrupted_runs(db)
    record = {
        "started_at": now(),
        "heartbeat_at": now(),
        "version": version,
        "sources": "\n".join(sources),
        "kind": kind,
        "status": "running",
        "pid": os.getpid(),
        "host": socket.gethostname(),
        **extra,
    }
    if options is not None:
        record["options"] = json.dumps(options, sort_keys=True)
    table = db[RUNS]
    table.insert(record)
    return table.last_pk


def heartbeat(db: sqlite_utils.Database, run_id: int, counts: dict) -> None:
    """The run is alive, and has stored this much (written with each batch it commits)."""
    db[RUNS].update(run_id, {"heartbeat_at": now(), **_counts(counts)})


def finish_run(db: sqlite_utils.Database, run_id: int, counts: dict, status: str = "finished", steps: dict | None = None) -> None:
    record = {"finished_at": now(), "heartbeat_at": now(), "status": status, **_counts(counts)}
    if steps is not None:
        record["steps"] = json.dumps(steps, sort_keys=True)
    db[RUNS].update(run_id, record)
    db.execute(f"delete from {CLAIMS} where run_id = ?", [run_id])


def _counts(counts: dict) -> dict:
    return {key: int(counts.get(key, 0)) for key in COUNT_COLUMNS}


def is_alive(row: dict) -> bool:
    """Whether a run whose row says `running` still runs: its process exists (same host) and it beat recently."""
    beat = row.get("heartbeat_at") or row.get("started_at")
    try:
        recent = datetime.fromisoformat(beat) > datetime.now(timezone.utc) - STALE_AFTER
    except (TypeError, ValueError):
        recent = False
    if not recent or row.get("pid") is None:
        return False
    if row.get("host") != socket.gethostname():
        return True  # another machine's process: its heartbeat is all there is to go on
    try:
        os.kill(int(row["pid"]), 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def mark_interrupted_runs(db: sqlite_utils.Database) -> list[int]:
    """Runs that stopped without finishing (a kill, a power cut) become `interrupted`; their claims are released.

    A run of an earlier version that never recorded its counts gets them
    from the pages it stored.
    """
    rows = list(db.query(f"select * from {RUNS} where finished_at is null and coalesce(status, 'running') = 'running'"))
    stopped = [row for row in rows if not is_alive(row)]
    for row in stopped:
        update = {"status": "interrupted", "finished_at": row.get("heartbeat_at") or row["started_at"]}
        if row.get("seen") is None:
            by_status = dict(db.execute(f"select status, count(*) from {PAGES} where run_id = ? group by status", [row["id"]]).fetchall())
            update.update({status: by_status.get(status, 0) for status in ("ok", "rejected", "duplicate")})
            update["seen"] = sum(by_status.values())
        db[RUNS].update(row["id"], update)
        db.execute(f"delete from {CLAIMS} where run_id = ?", [row["id"]])
    return [row["id"] for row in stopped]


def claim(db: sqlite_utils.Database, run_id: int, page_ids: list[str]) -> set[str]:
    """Claim pages for this run; returns those another live run holds (to be left to it).

    A claim of a run that is no longer running is taken over.
    """
    stamp = now()
    db.conn.executemany(
        f"insert or ignore into {CLAIMS} (page_id, run_id, claimed_at) values (?, ?, ?)", [(pid, run_id, stamp) for pid in page_ids]
    )
    held: dict[str, int] = {}
    for start in range(0, len(page_ids), CHUNK):
        part = page_ids[start : start + CHUNK]
        marks = ",".join("?" * len(part))
        for page_id, other in db.execute(f"select page_id, run_id from {CLAIMS} where page_id in ({marks}) and run_id != ?", part + [run_id]):
            held[page_id] = other
    if not held:
        return set()
    alive = {}
    for other in set(held.values()):
        row = next(db.query(f"select * from {RUNS} where id = ?", [other]), None)
        alive[other] = row is not None and row["finished_at"] is None and is_alive(row)
    taken = [page_id for page_id, other in held.items() if not alive[other]]
    db.conn.executemany(f"update {CLAIMS} set run_id = ?, claimed_at = ? where page_id = ?", [(run_id, stamp, pid) for pid in taken])
    return {page_id for page_id, other in held.items() if alive[other]}


def release(db: sqlite_utils.Database, run_id: int, page_ids: list[str]) -> None:
    db.conn.executemany(f"delete from {CLAIMS} where page_id = ? and run_id = ?", [(pid, run_id) for pid in page_ids])


def cached_files(db: sqlite_utils.Database, paths: list[str]) -> dict[str, dict]:
    """The input_files rows of these paths."""
    rows: dict[str, dict] = {}
    for start in range(0, len(paths), CHUNK):
        part = paths[start : start + CHUNK]
        marks = ",".join("?" * len(part))
        for row in db.query(f"select * from {INPUT_FILES} where path in ({marks})", part):
            rows[row["path"]] = row
    return rows


def remember_file(db: sqlite_utils.Database, path: str, size: int, mtime_ns: int, run_id: int, page_id: str | None = None, pages: int = 1) -> None:
    """A file read to its end: the next run skips it while its size and mtime stay the same."""
    db.execute(
        f"insert or replace into {INPUT_FILES} (path, size, mtime_ns, page_id, pages, complete, run_id) values (?, ?, ?, ?, ?, 1, ?)",
        [path, size, mtime_ns, page_id, pages, run_id],
    )


def resumable_run(db: sqlite_utils.Database, selection: dict, options: dict) -> tuple[int | None, list[int]]:
    """(the interrupted reprocess run a new one with this selection and options goes on from, and the runs whose pages are done).

    The latest reprocess run with the same selection and options decides:
    when it was interrupted, the pages it (and the runs it went on from)
    rewrote are not redone; when it finished, a new reprocess starts over.
    """
    wanted = (json.dumps(selection, sort_keys=True), json.dumps(options, sort_keys=True))
    rows = db.execute(
        f"select id, status, resumes, selection, options from {RUNS} where kind = 'reprocess' order by id desc"
    ).fetchall()
    by_id = {row[0]: row for row in rows}
    latest = next((row for row in rows if (row[3], row[4]) == wanted), None)
    if latest is None or latest[1] != "interrupted":
        return None, []
    chain = []
    run = latest
    while run is not None and run[1] == "interrupted" and run[0] not in chain:
        chain.append(run[0])
        run = by_id.get(run[2])
    return latest[0], chain
