"""Reading the archive: full-text search, export, statistics."""

from __future__ import annotations

import json
from typing import Iterator

import sqlite_utils

from .schema import ARTICLES, PAGES, REMOVED, RUNS

EXPORT_COLUMNS = ["id", "url", "site", "title", "author", "published", "description", "language", "text", "word_count", "duplicate_of"]


def search(db: sqlite_utils.Database, query: str, limit: int = 10) -> list[dict]:
    """Articles matching an FTS5 query, best first, each with a highlighted snippet.

    Plain words are quoted, so user input such as `Korea's` or `mine-action`
    never raises an FTS5 syntax error.
    """
    fts_query = _quote_terms(query)
    if not fts_query:
        return []
    sql = f"""
        select a.id, a.title, a.site, a.published, a.language, a.url,
               snippet({ARTICLES}_fts, 1, '[', ']', '…', 12) as snippet,
               bm25({ARTICLES}_fts) as rank
        from {ARTICLES}_fts join {ARTICLES} a on a.rowid = {ARTICLES}_fts.rowid
        where {ARTICLES}_fts match ? and a.duplicate_of is null
        order by rank limit ?
    """
    return [dict(row) for row in _rows(db, sql, [fts_query, limit])]


def _quote_terms(query: str) -> str:
    terms = [t.replace('"', "") for t in query.split()]
    return " ".join(f'"{t}"' for t in terms if t)


def _rows(db, sql, params):
    cursor = db.execute(sql, params)
    names = [d[0] for d in cursor.description]
    for row in cursor:
        yield dict(zip(names, row))


def export_articles(
    db: sqlite_utils.Database, language: str | None = None, include_duplicates: bool = False
) -> Iterator[dict]:
    """Articles as dicts, oldest ingested first; copies only when asked."""
    where = []
    params: list = []
    if language:
        where.append("language = ?")
        params.append(language)
    if not include_duplicates:
        where.append("duplicate_of is null")
    clause = ("where " + " and ".join(where)) if where else ""
    sql = f"select {', '.join(EXPORT_COLUMNS)} from {ARTICLES} {clause} order by ingested_at, id"
    yield from _rows(db, sql, params)


def to_jsonl(records) -> Iterator[str]:
    for record in records:
        yield json.dumps(record, ensure_ascii=False)


def stats(db: sqlite_utils.Database) -> dict:
    def scalar(sql, params=()):
        return db.execute(sql, params).fetchone()[0]

    return {
        "pages": scalar(f"select count(*) from {PAGES}"),
        "pages_by_status": dict(db.execute(f"select status, count(*) from {PAGES} group by status order by 2 desc").fetchall()),
        "rejections": dict(
            db.execute(
                f"select substr(reason, 1, instr(reason || ':', ':') - 1), count(*) from {PAGES} "
                "where status = 'rejected' group by 1 order by 2 desc"
            ).fetchall()
        ),
        "articles": scalar(f"select count(*) from {ARTICLES} where duplicate_of is null"),
        "duplicates": scalar(f"select count(*) from {ARTICLES} where duplicate_of is not null"),
        "languages": dict(db.execute(f"select language, count(*) from {ARTICLES} group by 1 order by 2 desc").fetchall()),
        "sites": scalar(f"select count(distinct site) from {ARTICLES}"),
        "removed_by_rule": dict(db.execute(f"select rule, count(*) from {REMOVED} group by 1 order by 2 desc").fetchall()),
        "runs": scalar(f"select count(*) from {RUNS}"),
    }
