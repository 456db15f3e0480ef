"""Reading the archive: full-text search, export, statistics."""

from __future__ import annotations

import json
from typing import Iterator

import sqlite_utils

from pipeline.clean.scripts import UNSPACED

from .schema import ARTICLES, PAGES, REMOVED, RUNS

EXPORT_COLUMNS = ["id", "url", "site", "title", "author", "published", "description", "language", "text", "word_count", "duplicate_of"]


# Characters each side of the match in a substring search's snippet.
SNIPPET_CONTEXT_CHARS = 40


def search(db: sqlite_utils.Database, query: str, limit: int = 10) -> list[dict]:
    """Articles matching an FTS5 query, best first, each with a highlighted snippet.

    Plain words are quoted, so user input such as `Korea's` or `mine-action`
    never raises an FTS5 syntax error.  A query in Chinese, Japanese or Thai
    (scripts without spaces) matches as substrings, most occurrences first.
    """
    terms = _terms(query)
    if not terms:
        return []
    # FTS5's unicode61 tokenizer reads a run of a script without spaces
    # (Chinese, Japanese, Thai, ...) up to the next punctuation mark as one
    # token, so a word inside such a sentence never matches.  A query term
    # holding one of them is looked up as a substring instead: a scan of the
    # articles' text rather than an index lookup (about a second per 100,000
    # articles).
    if any(UNSPACED.search(term) for term in terms):
        return _substring_search(db, terms, limit)
    fts_query = " ".join(f'"{t}"' for t in terms)
    sql = f"""
        select a.id, a.title, a.site, a.published, a.language, a.url,
               snippet({ARTICLES}_fts, 1, '[', ']', '…', 12) as snippet,
               bm25({ARTICLES}_fts) as rank
        from {ARTICLES}_fts join {ARTICLES} a on a.rowid = {ARTICLES}_fts.rowid
        where {ARTICLES}_fts match ? and a.duplicate_of is null
        order by rank limit ?
    """
    return [dict(row) for row in _rows(db, sql, [fts_query, limit])]


def _terms(query: str) -> list[str]:
    return [t for t in (t.replace('"', "") for t in query.split()) if t]


def _substring_search(db: sqlite_utils.Database, terms: list[str], limit: int) -> list[dict]:
    """Articles holding every term in their title or text (case-folded as SQLite's lower() does), most occurrences of the first term first."""
    holds = " and ".join("(instr(lower(a.text), lower(?)) > 0 or instr(lower(coalesce(a.title, '')), lower(?)) > 0)" for _ in terms)
    sql = f"""
        select a.id, a.title, a.site, a.published, a.language, a.url, a.text,
               (length(a.text) - length(replace(lower(a.text), lower(?), ''))) / length(?) as hits
        from {ARTICLES} a
        where a.duplicate_of is null and {holds}
        order by hits desc, a.ingested_at limit ?
    """
    params = [terms[0], terms[0]] + [term for term in terms for _ in (0, 1)] + [limit]
    out = []
    for row in _rows(db, sql, params):
        text = row.pop("text")
        row["snippet"] = _snippet(text, terms[0])
        row["rank"] = -row.pop("hits")
        out.append(row)
    return out


def _snippet(text: str, term: str) -> str:
    """The text around the first occurrence of `term`, marked as FTS5's snippet() marks it: […[term]…]."""
    at = text.lower().find(term.lower())
    if at < 0:
        return text[: 2 * SNIPPET_CONTEXT_CHARS]
    start, end = max(0, at - SNIPPET_CONTEXT_CHARS), at + len(term)
    stop = min(len(text), end + SNIPPET_CONTEXT_CHARS)
    return ("…" if start else "") + text[start:at] + "[" + text[at:end] + "]" + text[end:stop] + ("…" if stop < len(text) else "")


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
        # Over the articles counted above, copies left out.
        "languages": dict(
            db.execute(f"select language, count(*) from {ARTICLES} where duplicate_of is null group by 1 order by 2 desc").fetchall()
        ),
        "sites": scalar(f"select count(distinct site) from {ARTICLES} where duplicate_of is null"),
        "removed_by_rule": dict(db.execute(f"select rule, count(*) from {REMOVED} group by 1 order by 2 desc").fetchall()),
        "runs": scalar(f"select count(*) from {RUNS}"),
    }
