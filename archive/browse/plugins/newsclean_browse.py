"""Datasette plugin for browsing a newsclean archive (loaded by `pipeline serve` with --plugins-dir).

- SQL functions the canned queries use: newsclean_fts (the search syntax
  of docs/archive.md), newsclean_host, rule_description;
- cells: ids as short links to their article, a rule as a link to its
  removed blocks with its description, search snippets with their
  matches highlighted, a page's raw bytes as links to view them as
  escaped text or download them (never served as HTML);
- the "copies" facet (originals / copies, on duplicate_of) and the
  "period" facet (years, then the months of a chosen year, on published);
- an article's page: its record, removals and copies (archive.query.article).
"""

from __future__ import annotations

import gzip
import io
import re
from urllib.parse import quote, urlencode

import sqlite_utils
from datasette import hookimpl
from datasette.facets import Facet
from datasette.utils import path_with_removed_args, path_with_replaced_args
from datasette.utils.asgi import NotFound, Response
from markupsafe import Markup, escape

from archive import query
from pipeline.clean.rules import describe
from pipeline.packing import RawCodecError
from pipeline.read import decode_bytes, sniff_format

_HEX_ID = re.compile(r"^[0-9a-f]{64}$")
# Columns holding an article's id (a page's id is its article's).
_ARTICLE_ID_COLUMNS = {"id", "page_id", "duplicate_of", "canonical_id", "copy_id", "article_id"}
# Characters of an article's text shown in a list of articles.
EXCERPT_CHARS = 220
# Bytes of a raw page shown as text; the download has them all.
RAW_VIEW_BYTES = 2 * 1024 * 1024
SHORT_ID = 12


@hookimpl
def prepare_connection(conn):
    query.register_functions(conn)


@hookimpl
def render_cell(row, value, column, table, database, datasette):
    if value is None:
        return None
    keys = set(row.keys()) if hasattr(row, "keys") else set()
    urls = datasette.urls
    if column == "raw" and table == "pages" and isinstance(value, bytes) and "id" in keys:
        compressed = "raw_codec" in keys and row["raw_codec"] is not None
        return _raw_links(datasette, database, row["id"], len(value), compressed)
    if column in _ARTICLE_ID_COLUMNS and isinstance(value, str) and _HEX_ID.match(value) and not (table == "pages" and column == "id"):
        target = "pages" if table == "articles" and column == "page_id" else "articles"
        return Markup('<a href="{}" title="{}"><code>{}</code></a>').format(urls.row(database, target, value), value, value[:SHORT_ID])
    if column in ("snippet", "text_snippet") and isinstance(value, str):
        return highlight(value)
    if column == "rule" and isinstance(value, str):
        link = _link(urls.query(database, "removals"), {"rule": value}, value)
        if "description" in keys:  # the query shows it in its own column
            return link
        return link + Markup('<div class="rule-description">{}</div>').format(describe(value))
    if table is None:
        return _query_link(row, keys, value, column, database, urls)
    return None


def _link(path: str, params: dict, text) -> Markup:
    return Markup('<a href="{}">{}</a>').format(path + ("?" + urlencode(params) if params else ""), text)


# In canned queries' results: a title column links to the article its id column names.
_TITLE_LINKS = (("title", "id"), ("title", "canonical_id"), ("canonical_title", "canonical_id"), ("copy_title", "copy_id"), ("article", "page_id"))


def _query_link(row, keys: set, value, column: str, database: str, urls) -> Markup | None:
    """Links in the canned queries' results: titles to articles, counts and reasons to the rows they count."""
    if column == "copies" and "canonical_id" in keys and isinstance(value, int):
        return _link(urls.query(database, "copies"), {"canonical": row["canonical_id"]}, value)
    if column == "articles" and {"site", "month"} <= keys and row["site"] and row["month"]:
        return _link(urls.table(database, "articles"), {"site": row["site"], "published__startswith": row["month"]}, value)
    if column == "reason_kind" and isinstance(value, str):
        return _link(urls.query(database, "rejected_pages"), {"reason": value}, value)
    for title_column, id_column in _TITLE_LINKS:
        if column == title_column and id_column in keys and row[id_column]:
            return _link(urls.row(database, "articles", row[id_column]), {}, value or "(no title)")
    return None


def highlight(snippet: str) -> Markup:
    """A snippet with the search's matches (marked by archive.query) in <mark>, the rest escaped."""
    text = str(escape(snippet))
    return Markup(text.replace(query.MARK_OPEN, "<mark>").replace(query.MARK_CLOSE, "</mark>"))


def _raw_links(datasette, database: str, page_id: str, size: int, compressed: bool) -> Markup:
    base = datasette.urls.path(f"/-/raw/{quote(database, safe='')}/{page_id}")
    stored = " stored, compressed" if compressed else ""
    return Markup('<a href="{}">view as text</a> · <a href="{}">download</a> <span class="size">({:,} bytes{})</span>').format(
        base, base + "/download", size, stored
    )


@hookimpl
def extra_css_urls(datasette):
    return [datasette.urls.path("/newsclean-static/newsclean.css")]


@hookimpl
def register_routes():
    return [
        (r"^/-/raw/(?P<database>[^/]+)/(?P<page_id>[0-9a-f]{64})$", raw_page),
        (r"^/-/raw/(?P<database>[^/]+)/(?P<page_id>[0-9a-f]{64})/download$", raw_download),
    ]


async def _page_row(datasette, request):
    database = request.url_vars["database"]
    await datasette.ensure_permissions(request.actor, [("view-table", (database, "pages")), ("view-database", database), "view-instance"])
    try:
        db = datasette.get_database(database)
    except KeyError:
        raise NotFound("no such database")
    page_id = request.url_vars["page_id"]
    try:
        row = await db.execute_fn(lambda conn: query.raw_page(sqlite_utils.Database(conn), page_id))
    except RawCodecError as exc:
        raise NotFound(f"the page's stored bytes cannot be read: {exc}")
    if row is None:
        raise NotFound("no such page")
    return database, row


async def raw_page(datasette, request):
    """A page's content as escaped text: what the scraper saved, decompressed and decoded, never rendered."""
    database, row = await _page_row(datasette, request)
    raw = row["raw"] or b""
    text, note = page_text(raw)
    context = {
        "database": database,
        "page": {k: row[k] for k in ("id", "source", "url", "format", "status")},
        "size": len(raw),
        "text": text,
        "note": note,
        "download": datasette.urls.path(f"/-/raw/{quote(database, safe='')}/{row['id']}/download"),
        "page_row": datasette.urls.row(database, "pages", row["id"]),
    }
    html = await datasette.render_template("newsclean_raw.html", context, request=request)
    return Response.html(html, headers={"X-Content-Type-Options": "nosniff"})


def page_text(raw: bytes) -> tuple[str, str | None]:
    """(text to show, a note on what was left out or how it was read)."""
    note = None
    data = raw
    if data[:2] == b"\x1f\x8b":
        try:
            with gzip.GzipFile(fileobj=io.BytesIO(data)) as fh:
                data = fh.read(RAW_VIEW_BYTES + 1)
            note = "stored gzip-compressed; shown decompressed"
        except (OSError, EOFError) as exc:
            return "", f"stored gzip-compressed, and the stream is damaged ({exc}): download it to look at the bytes"
    if len(data) > RAW_VIEW_BYTES:
        data = data[:RAW_VIEW_BYTES]
        note = (note + "; " if note else "") + f"only the first {RAW_VIEW_BYTES:,} bytes are shown: download the page for all of it"
    text = decode_bytes(data, html=sniff_format(data) == "html")
    if text is None:
        return "", "binary content, not text in any known encoding: download it to look at the bytes"
    return text, note


async def raw_download(datasette, request):
    """The page's stored bytes as a file to save, never as a page to render."""
    database, row = await _page_row(datasette, request)
    raw = row["raw"] or b""
    name = _download_name(row["source"], row["id"], raw)
    return Response(
        raw,
        content_type="application/octet-stream",
        headers={
            "Content-Disposition": f"attachment; filename=\"{name}\"; filename*=UTF-8''{quote(name)}",
            "X-Content-Type-Options": "nosniff",
        },
    )


def _download_name(source: str | None, page_id: str, raw: bytes) -> str:
    name = (source or "").replace("\\", "/").rsplit("/", 1)[-1]
    name = re.sub(r'[^\w.\-]+', "_", name).strip("._") or page_id[:SHORT_ID]
    if "." not in name:
        name += ".gz" if raw[:2] == b"\x1f\x8b" else ".html" if sniff_format(raw[:8192]) == "html" else ".txt"
    return name


@hookimpl
def extra_template_vars(database, table, view_name, request, datasette):
    helpers = {"excerpt": excerpt, "paragraphs": paragraphs, "highlight": highlight, "search_problem": search_problem,
               "rule_description": describe}
    if not (view_name == "row" and table == "articles"):
        return helpers

    async def with_article():
        return {**helpers, **await _article_context(datasette, database, request.url_vars["pks"])}

    return with_article


async def _article_context(datasette, database: str, article_id: str) -> dict:
    """The article page's data: its record with removals (archive.query.article), its canonical, its copies."""
    db = datasette.get_database(database)
    record = await db.execute_fn(lambda conn: query.article(sqlite_utils.Database(conn), article_id))
    if record is None:
        return {"article": None}
    canonical = None
    if record["duplicate_of"]:
        canonical = (await db.execute("select id, title, site, published from articles where id = ?", [record["duplicate_of"]])).first()
    copies = []
    if record["copies"]:
        marks = ",".join("?" * len(record["copies"]))
        copies = (await db.execute(f"select id, title, site, published from articles where id in ({marks})", record["copies"])).rows
    return {"article": record, "canonical": canonical, "copies": copies, "rule_counts": _rule_counts(record)}


def search_problem(text: str) -> str | None:
    """Why a search query cannot be run, in words (SQLite reports only that newsclean_fts raised)."""
    try:
        query.to_fts(text) if text.strip() else None
    except query.QueryError as exc:
        return f"Cannot search for {text!r}: {exc}. See “Search syntax” above."
    return None


def _rule_counts(record) -> list[dict]:
    counts: dict[str, int] = {}
    for removal in (record or {}).get("removed", []):
        counts[removal["rule"]] = counts.get(removal["rule"], 0) + 1
    return [{"rule": rule, "count": n, "description": describe(rule)} for rule, n in counts.items()]


def excerpt(text: str | None, chars: int = EXCERPT_CHARS) -> str:
    """The start of an article's text on one line, cut at a word."""
    flat = " ".join((text or "").split())
    if len(flat) <= chars:
        return flat
    cut = flat.rfind(" ", 0, chars)
    return flat[: cut if cut > chars // 2 else chars] + " …"


def paragraphs(text: str | None) -> list[str]:
    return [p for p in (text or "").split("\n\n") if p.strip()]


@hookimpl
def register_facet_classes():
    return [CopiesFacet, PeriodFacet]


class CopiesFacet(Facet):
    """Originals and copies, on a column that points a copy at its original (articles.duplicate_of)."""

    type = "copies"

    async def facet_results(self):
        results, timed_out = [], []
        for config in self.get_configs():
            column = config["config"].get("column") or config["config"]["simple"]
            sql = f"select count(*) filter (where [{column}] is null), count(*) filter (where [{column}] is not null) from ({self.sql})"
            originals, copies = (await self.ds.execute(self.database, sql, self.params)).rows[0]
            args = dict(self.get_querystring_pairs())
            values = []
            for label, count, arg in (("originals", originals, f"{column}__isnull"), ("copies", copies, f"{column}__notnull")):
                selected = args.get(arg) == "1"
                toggle = path_with_removed_args(self.request, {arg: "1"}) if selected else path_with_replaced_args(
                    self.request, {arg: "1", f"{column}__isnull" if arg.endswith("notnull") else f"{column}__notnull": None, "_next": None}
                )
                values.append({"value": label, "label": label, "count": count, "toggle_url": self.ds.urls.path(toggle), "selected": selected})
            results.append({"name": "copies", "type": self.type, "hideable": False, "toggle_url": "", "results": values, "truncated": False})
        return results, timed_out


class PeriodFacet(Facet):
    """Counts by year of an ISO date column, newest first; once a year is chosen, by month of that year."""

    type = "period"

    async def facet_results(self):
        results = []
        args = dict(self.get_querystring_pairs())
        for config in self.get_configs():
            column = config["config"].get("column") or config["config"]["simple"]
            arg = f"{column}__startswith"
            chosen = args.get(arg, "")
            width = 7 if re.fullmatch(r"\d{4}", chosen) or re.fullmatch(r"\d{4}-\d{2}", chosen) else 4
            sql = (
                f"select substr([{column}], 1, {width}) as value, count(*) as count from ({self.sql}) "
                f"where [{column}] is not null group by value order by value desc limit {self.get_facet_size() + 1}"
            )
            rows = (await self.ds.execute(self.database, sql, self.params)).rows
            values = []
            for row in rows[: self.get_facet_size()]:
                selected = row["value"] == chosen
                if selected:
                    toggle = path_with_removed_args(self.request, {arg: chosen})
                else:
                    toggle = path_with_replaced_args(self.request, {arg: row["value"], "_next": None})
                values.append({"value": row["value"], "label": row["value"], "count": row["count"], "toggle_url": self.ds.urls.path(toggle), "selected": selected})
            if chosen and not any(v["selected"] for v in values):
                values.insert(0, {"value": chosen, "label": chosen, "count": sum(v["count"] for v in values),
                                  "toggle_url": self.ds.urls.path(path_with_removed_args(self.request, {arg: chosen})), "selected": True})
            results.append({"name": column, "type": self.type, "hideable": False, "toggle_url": "", "results": values,
                            "truncated": len(rows) > self.get_facet_size()})
        return results, []
