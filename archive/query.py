"""Reading the archive: filters, full-text search, export, statistics.

The filters are one SQL fragment with named parameters, so that the read
API, the CLI and Datasette's canned queries select the same articles:

    language  ISO 639-1 code (any case)
    site      a site's name (any case) or its host ("www." optional)
    since     YYYY, YYYY-MM or YYYY-MM-DD: published on or after
    until     YYYY, YYYY-MM or YYYY-MM-DD: published on or before (the whole month or year)

An empty value is no filter.  With since or until, articles without a
publication date are left out.
"""

from __future__ import annotations

import csv
import json
import re
import sqlite3
from dataclasses import dataclass
from typing import IO, Iterable, Iterator

import sqlite_utils

from pipeline.clean.rules import describe
from pipeline.clean.scripts import UNSPACED
from pipeline.packing import unpack_raw

from . import removals
from .schema import ARTICLES, PAGES, REMOVED, RUNS
from .search_syntax import QueryError, parse_query, to_fts  # noqa: F401 (QueryError: for callers)
from .values import normalise_host

# Columns of an exported or listed article; `source` is the file it came
# from (pages.source): the way back to a page that states no URL.
EXPORT_COLUMNS = [
    "id",
    "url",
    "host",
    "site",
    "title",
    "author",
    "published",
    "description",
    "language",
    "language_confidence",
    "text",
    "word_count",
    "duplicate_of",
    "source",
    "ingested_at",
]
EXPORT_FORMATS = ("jsonl", "csv", "parquet")
_SELECT_ARTICLE = ", ".join("p.source as source" if c == "source" else f"a.{c}" for c in EXPORT_COLUMNS)

# The filters as SQL over `articles a`; newsclean_host is registered on
# every connection that runs it (register_functions).
FILTER_SQL = (
    "(:language = '' or a.language = lower(:language))"
    " and (:site = '' or a.site = :site collate nocase or a.host = newsclean_host(:site))"
    " and (:since = '' or a.published >= :since)"
    " and (:until = '' or substr(a.published, 1, length(:until)) <= :until)"
)
ORIGINALS_SQL = "a.duplicate_of is null"

# Snippet markers in SQL results: private-use characters, which no page
# holds, replaced by the caller's own markers ([ ], <mark>).
MARK_OPEN, MARK_CLOSE = "\ue000", "\ue001"
# Tokens of context FTS5's snippet() gives around the matches.
SNIPPET_TOKENS = 16
# Characters each side of the match in a substring search's snippet.
SNIPPET_CONTEXT_CHARS = 40
# Ordered by FTS5's own `rank` column (bm25), which FTS5 sorts itself: rows
# then come out best first, each is joined to its article and filtered as
# it comes, and the LIMIT stops the scan, so snippet() (which re-reads and
# re-tokenizes a text) runs for the rows shown only.  Ordering by the
# expression bm25(...) instead made SQLite build every matching row,
# snippet included, before sorting them (measured in bench/README.md).
SEARCH_SQL = f"""
select a.id, a.title, a.site, a.host, a.published, a.language, a.word_count, a.url,
       snippet({ARTICLES}_fts, 1, char(57344), char(57345), '…', {SNIPPET_TOKENS}) as snippet,
       {ARTICLES}_fts.rank as rank
from {ARTICLES}_fts join {ARTICLES} a on a.rowid = {ARTICLES}_fts.rowid
where {ARTICLES}_fts match newsclean_fts(:q) and {FILTER_SQL} and {{copies}}
order by {ARTICLES}_fts.rank limit {{limit}}
"""
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


@dataclass(frozen=True)
class Filters:
    """Which articles to read; every field None selects all."""

    language: str | None = None
    site: str | None = None
    since: str | None = None
    until: str | None = None
    include_duplicates: bool = False

    def __post_init__(self):
        for name in ("since", "until"):
            value = getattr(self, name)
            if value and not _DATE.match(value):
                raise ValueError(f"{name} must be a date as YYYY, YYYY-MM or YYYY-MM-DD, not {value!r}")

    def params(self) -> dict:
        return {
            "language": (self.language or "").strip(),
            "site": (self.site or "").strip(),
            "since": self.since or "",
            "until": self.until or "",
        }

    def sql(self) -> str:
        return FILTER_SQL if self.include_duplicates else f"{FILTER_SQL} and {ORIGINALS_SQL}"


def register_functions(conn: sqlite3.Connection) -> None:
    """SQL functions the queries use: newsclean_fts (search syntax), newsclean_host, rule_description."""
    conn.create_function("newsclean_fts", 1, _fts_or_nothing, deterministic=True)
    conn.create_function("newsclean_host", 1, normalise_host, deterministic=True)
    conn.create_function("rule_description", 1, lambda name: describe(name) if name else None, deterministic=True)


# An FTS5 expression that matches no row.
MATCH_NOTHING = '""'


def _fts_or_nothing(query):
    """The FTS5 expression of a query; one that matches nothing for an empty query or one that cannot run.

    An exception raised inside an SQLite callback only reaches the caller
    as "user-defined function raised exception" (Datasette prints its
    traceback too), so the reason is not raised here: search() parses the
    query before it runs the SQL, and Datasette's search page asks
    search_problem() (the browse plugin) why a query found nothing.
    """
    if not (query or "").strip():
        return MATCH_NOTHING  # Datasette's search form before anything is typed
    try:
        return to_fts(query)
    except QueryError:
        return MATCH_NOTHING


def search(
    db: sqlite_utils.Database,
    query: str,
    limit: int = 10,
    filters: Filters | None = None,
    marks: tuple[str, str] = ("[", "]"),
) -> list[dict]:
    """Articles matching a query (search_syntax.py), best first, each with a snippet, its matches between `marks`.

    A query in Chinese, Japanese or Thai (scripts without spaces) matches
    as substrings, most occurrences first.  QueryError when the query
    cannot be run.
    """
    filters = filters or Filters()
    parsed = parse_query(query)
    # FTS5's unicode61 tokenizer reads a run of a script without spaces up to
    # the next punctuation mark as one token, so a word inside such a
    # sentence never matches: such a term is looked up as a substring (a
    # scan of the texts, about a second per 100,000 articles).
    if any(UNSPACED.search(term.text) for term in parsed.terms):
        if not parsed.plain_words:
            raise QueryError("OR, NOT, * and parentheses do not work with Chinese, Japanese or Thai words: list the words")
        rows = _substring_search(db, [t.text for t in parsed.terms], limit, filters)
    else:
        register_functions(db.conn)
        sql = SEARCH_SQL.format(copies="1" if filters.include_duplicates else ORIGINALS_SQL, limit=int(limit))
        rows = list(_rows(db, sql, {"q": query, **filters.params()}))
    for row in rows:
        row["snippet"] = (row["snippet"] or "").replace(MARK_OPEN, marks[0]).replace(MARK_CLOSE, marks[1])
    return rows


def _substring_search(db: sqlite_utils.Database, terms: list[str], limit: int, filters: Filters) -> list[dict]:
    """Articles holding every term in their title or text (case-folded as SQLite's lower() does), most occurrences of the first term first."""
    register_functions(db.conn)
    holds = " and ".join(
        f"(instr(lower(a.text), lower(:t{i})) > 0 or instr(lower(coalesce(a.title, '')), lower(:t{i})) > 0)" for i in range(len(terms))
    )
    sql = f"""
        select a.id, a.title, a.site, a.host, a.published, a.language, a.word_count, a.url, a.text,
               (length(a.text) - length(replace(lower(a.text), lower(:t0), ''))) / length(:t0) as hits
        from {ARTICLES} a
        where {filters.sql()} and {holds}
        order by hits desc, a.ingested_at limit {int(limit)}
    """
    params = {**filters.params(), **{f"t{i}": term for i, term in enumerate(terms)}}
    out = []
    for row in _rows(db, sql, params):
        text = row.pop("text")
        row["snippet"] = _snippet(text, terms[0])
        row["rank"] = -row.pop("hits")
        out.append(row)
    return out


def _snippet(text: str, term: str) -> str:
    """The text around the first occurrence of `term`, marked as FTS5's snippet() marks it."""
    at = text.lower().find(term.lower())
    if at < 0:
        return text[: 2 * SNIPPET_CONTEXT_CHARS]
    start, end = max(0, at - SNIPPET_CONTEXT_CHARS), at + len(term)
    stop = min(len(text), end + SNIPPET_CONTEXT_CHARS)
    return (
        ("…" if start else "")
        + text[start:at]
        + MARK_OPEN
        + text[at:end]
        + MARK_CLOSE
        + text[end:stop]
        + ("…" if stop < len(text) else "")
    )


def _rows(db, sql, params):
    cursor = db.execute(sql, params)
    names = [d[0] for d in cursor.description]
    for row in cursor:
        yield dict(zip(names, row))


def articles(db: sqlite_utils.Database, filters: Filters | None = None) -> Iterator[dict]:
    """Articles (EXPORT_COLUMNS) in the order they were archived, one row at a time: memory stays flat."""
    filters = filters or Filters()
    register_functions(db.conn)
    sql = (
        f"select {_SELECT_ARTICLE} from {ARTICLES} a left join {PAGES} p on p.id = a.page_id "
        f"where {filters.sql()} order by a.rowid"
    )
    yield from _rows(db, sql, filters.params())


def export_articles(
    db: sqlite_utils.Database, language: str | None = None, include_duplicates: bool = False, **filters
) -> Iterator[dict]:
    """Articles as dicts (EXPORT_COLUMNS), in the order they were archived; copies only when asked."""
    return articles(db, Filters(language=language, include_duplicates=include_duplicates, **filters))


def to_jsonl(records) -> Iterator[str]:
    for record in records:
        yield json.dumps(record, ensure_ascii=False)


# Rows a parquet file gets per row group: memory holds one group's texts.
PARQUET_ROWS_PER_GROUP = 1000


def write_export(records: Iterable[dict], fmt: str, out: IO) -> int:
    """Write articles to `out` (text for jsonl and csv, binary for parquet); returns how many."""
    if fmt == "jsonl":
        written = 0
        for line in to_jsonl(records):
            out.write(line + "\n")
            written += 1
        return written
    if fmt == "csv":
        writer = csv.DictWriter(out, fieldnames=EXPORT_COLUMNS)
        writer.writeheader()
        written = 0
        for record in records:
            writer.writerow(record)
            written += 1
        return written
    if fmt == "parquet":
        return _write_parquet(records, out)
    raise ValueError(f"format must be one of {', '.join(EXPORT_FORMATS)}, not {fmt!r}")


class MissingExtra(RuntimeError):
    """An optional dependency is not installed; the message says how to install it."""


def _write_parquet(records: Iterable[dict], out: IO) -> int:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as exc:
        raise MissingExtra(
            "parquet export needs pyarrow, an optional extra: pip install 'newsclean[parquet]' (or pip install pyarrow)"
        ) from exc
    types = {"language_confidence": pa.float64(), "word_count": pa.int64()}
    schema = pa.schema([(name, types.get(name, pa.string())) for name in EXPORT_COLUMNS])
    written = 0
    with pq.ParquetWriter(out, schema) as writer:
        batch: list[dict] = []
        for record in records:
            batch.append(record)
            if len(batch) == PARQUET_ROWS_PER_GROUP:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                written += len(batch)
                batch = []
        if batch or not written:
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))
            written += len(batch)
    return written


def article(db: sqlite_utils.Database, id_or_prefix: str) -> dict | None:
    """One article (EXPORT_COLUMNS) with its removals, its copies and the page's status; None when no id starts so.

    AmbiguousId when the prefix starts more than one id.
    """
    article_id = resolve_id(db, id_or_prefix)
    if article_id is None:
        return None
    sql = f"select {_SELECT_ARTICLE}, p.format as format from {ARTICLES} a left join {PAGES} p on p.id = a.page_id where a.id = ?"
    record = next(_rows(db, sql, [article_id]))
    record["removed"] = [
        {"rule": rule, "description": describe(rule), "position": position, "inline": bool(inline), "text": text}
        for rule, position, inline, text in db.execute(
            f"select rule, position, inline, text from {REMOVED} where page_id = ? order by seq", [article_id]
        )
    ]
    record["copies"] = [row[0] for row in db.execute(f"select id from {ARTICLES} where duplicate_of = ? order by rowid", [article_id])]
    return record


def raw_page(db: sqlite_utils.Database, page_id: str) -> dict | None:
    """A page's row (id, source, url, format, status) with `raw`, its bytes as they were read; None when no page has this id.

    Every reader of stored bytes goes through here (or pipeline.packing.unpack_raw):
    the archive stores them compressed (pages.raw_codec).
    """
    row = next(_rows(db, f"select id, source, url, format, status, raw, raw_codec from {PAGES} where id = ?", [page_id]), None)
    if row is not None:
        row["raw"] = unpack_raw(row["raw"], row.pop("raw_codec"))
    return row


class AmbiguousId(LookupError):
    def __init__(self, prefix: str, matches: list[str]):
        self.matches = matches
        shown = ", ".join(m[:16] for m in matches[:5])
        super().__init__(f"{prefix!r} starts {len(matches)}{'+' if len(matches) > 5 else ''} article ids ({shown}): give more characters")


# Shorter prefixes match too many ids to mean one (and scan more of the index).
MIN_ID_PREFIX = 4


def resolve_id(db: sqlite_utils.Database, id_or_prefix: str) -> str | None:
    """The article id that `id_or_prefix` (a whole id or its first characters) names, or None."""
    prefix = id_or_prefix.strip().lower()
    if not re.fullmatch(r"[0-9a-f]+", prefix):
        raise ValueError(f"an article id is hexadecimal (as `search` prints it), not {id_or_prefix!r}")
    if len(prefix) < MIN_ID_PREFIX:
        raise ValueError(f"give at least {MIN_ID_PREFIX} characters of the id, not {len(prefix)}")
    # A range over the primary key's index: ids are lower-case hex.
    rows = [row[0] for row in db.execute(f"select id from {ARTICLES} where id >= ? and id < ? limit 6", [prefix, prefix + "g"])]
    if len(rows) > 1:
        raise AmbiguousId(prefix, rows)
    return rows[0] if rows else None


def site_memory_keys(db: sqlite_utils.Database, site: str) -> list[str]:
    """The keys site memory (archive/site_memory.py) files SITE under: its host, or for pages without a URL its name.

    SITE is a host ("www." optional) or a site's name in any case; a name
    used by several hosts gives each of them.
    """
    from .site_memory import SITE_PAGES

    if SITE_PAGES not in db.table_names():
        return []
    key = normalise_host(site) or ""
    hosts = [row[0] for row in db.execute(f"select distinct host from {ARTICLES} where site = ? collate nocase and host is not null", [site.strip()])]
    names = [row[0] for row in db.execute(f"select distinct lower(site) from {ARTICLES} where site = ? collate nocase and host is null", [site.strip()])]
    keys = []
    for candidate in [key, *sorted(hosts), *names]:
        if candidate and candidate not in keys and db.execute(f"select 1 from {SITE_PAGES} where site = ? limit 1", [candidate]).fetchone():
            keys.append(candidate)
    return keys


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
        "removed_by_rule": removals.rule_counts(db),
        "runs": scalar(f"select count(*) from {RUNS}"),
    }
