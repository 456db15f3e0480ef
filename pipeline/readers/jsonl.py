"""JSON Lines feeds (.jsonl, .jsonl.gz, .ndjson): one page a line, as Scrapy, news-please, trafilatura, Firecrawl or Crawl4AI write them.

A record gives its content in `rawHtml` / `raw_html` / `html` (read as
HTML), `text`, `maintext`, `markdown` or `raw_text` (read as a text dump)
or `body` / `content` (sniffed), and optionally its URL, title, dates and
authors (the *_FIELDS below).  Tools that nest what they know of a page
(Firecrawl's and Crawl4AI's `metadata`, Jina Reader's `data`, Apify's
`crawl`) are read there too; Diffbot's `pageUrl` is an address.  A line
that is not a JSON object, or has no content, is a rejected record with
its line number; the good lines ingest.
JSON documents (an array of such records, or one) are read by
`jsondoc.py` with the same fields.
"""

from __future__ import annotations

import json
import zlib
from datetime import datetime
from email.utils import parsedate_to_datetime
from typing import Iterator

from ..options import Options
from . import PageInput, open_maybe_gzipped

# Content fields, first found wins, with the format each implies (None:
# sniffed).  The page as fetched goes before what a tool made of it
# (Firecrawl's `rawHtml` before its `html`, a main-content extract).
CONTENT_FIELDS = (
    ("rawHtml", "html"),
    ("raw_html", "html"),
    ("html", "html"),
    ("body", None),
    ("content", None),
    ("text", "text"),
    ("maintext", "text"),
    ("markdown", "text"),
    ("raw_text", "text"),
)
# Crawl4AI writes its Markdown as an object; the whole page's is this field of it.
MARKDOWN_OBJECT_FIELDS = ("raw_markdown", "markdown")
# The objects tools nest a page's fields in, read after the record's own
# fields: Firecrawl's and Crawl4AI's `metadata`, Jina Reader's `data`,
# Apify's `crawl` (`loadedUrl`, `loadedTime`).
NESTED_FIELDS = ("data", "metadata", "crawl")
TITLE_FIELDS = ("title",)
URL_FIELDS = ("url", "sourceURL", "source_url", "loadedUrl", "pageUrl", "link", "source")
PUBLISHED_FIELDS = (
    "date", "published", "date_publish", "publish_date", "published_at", "publishedTime", "published_time",
    "datePublished", "pubDate", "pub_date", "article:published_time",
)
FETCHED_FIELDS = ("fetched_at", "date_download", "fetchedAt", "loadedTime", "crawled_at")
AUTHOR_FIELDS = ("author", "authors", "byline", "creator", "dc:creator")
# The site's name (trafilatura's `sitename` / `source-hostname`, Firecrawl's `ogSiteName`...): the article's site where
# the page names none, and a title's last part that repeats it goes ("Headline | The Site").
SITE_FIELDS = ("sitename", "site_name", "siteName", "meta_site_name", "source-hostname", "ogSiteName", "og:site_name", "source_domain")
# JSON escapes a page's characters in up to three bytes each on average
# (\" and \n take two, a non-ASCII letter written as \uXXXX six for its two
# UTF-8 bytes): a line longer than this holds a page over the size limit.
LINE_BYTES_PER_PAGE_BYTE = 3
# A line still not ended after this many bytes is not a record (a gzip bomb
# of one endless line): the rest of the file is not read.
MAX_SKIP_BYTES = 1 << 30
READ_CHUNK = 1 << 20


def read_jsonl(path: str, options: Options) -> Iterator[PageInput]:
    """One PageInput per non-blank line, rejected ones with their reason."""
    max_line = LINE_BYTES_PER_PAGE_BYTE * options.max_page_bytes
    line_no = 0
    with open_maybe_gzipped(path) as fh:
        while True:
            try:
                line = fh.readline(max_line + 1)
            except (OSError, EOFError, zlib.error) as exc:
                yield _broken(path, line_no + 1, f"bad_gzip: the file's compressed stream breaks after line {line_no} ({exc}); the lines before it are kept")
                return
            if not line:
                return
            line_no += 1
            size = len(line)
            if len(line) > max_line and not line.endswith(b"\n"):
                skipped, ended = _skip_line(fh)
                size += skipped
                if not ended:
                    yield _broken(path, line_no, f"too_large: line {line_no} runs past {MAX_SKIP_BYTES} bytes without ending; the rest of the file is not read")
                    return
                yield _broken(path, line_no, f"too_large: line {line_no} holds {size} bytes > limit {max_line}", size)
                continue
            if not line.strip():
                continue
            yield record_input(path, line_no, line, options, size)


def _skip_line(fh) -> tuple[int, bool]:
    """Read past the rest of an overlong line: (bytes skipped, whether it ended)."""
    skipped = 0
    while skipped <= MAX_SKIP_BYTES:
        try:
            chunk = fh.readline(READ_CHUNK)
        except (OSError, EOFError, zlib.error):
            return skipped, False
        if not chunk:
            return skipped, True
        skipped += len(chunk)
        if chunk.endswith(b"\n"):
            return skipped, True
    return skipped, False


def _broken(path: str, line_no: int, reason: str, size: int = 0) -> PageInput:
    return PageInput(source=f"{path}:{line_no}", reason=reason, file=path, size=size)


def record_input(path: str, line_no: int, line: bytes, options: Options, size: int = 0) -> PageInput:
    """The page one JSON line holds, or a rejected input saying why it holds none."""
    try:
        record = json.loads(line.lstrip(b"\xef\xbb\xbf"))
    except (ValueError, RecursionError) as exc:
        return PageInput(source=f"{path}:{line_no}", file=path, size=size, reason=f"bad_json: line {line_no} is not JSON ({exc})")
    return page_of_record(record, f"{path}:{line_no}", f"line {line_no}", path, options, size)


def page_of_record(record, source: str, where: str, path: str, options: Options, size: int = 0) -> PageInput:
    """The page a parsed JSON record holds, or a rejected input saying why it holds none; `where`: "line 3", "item 3" (for reasons)."""
    page = PageInput(source=source, file=path, size=size)
    if not isinstance(record, dict):
        page.reason = f"bad_json: {where} is a JSON {_json_type(record)}, not an object"
        return page
    places = _places(record)
    content, fmt = _content(places)
    if content is None:
        names = ", ".join(name for name, _ in CONTENT_FIELDS)
        page.reason = f"no_content: {where} has no text in any of {names}"
        return page
    page.raw = content.encode("utf-8", "replace")  # "replace": a lone surrogate (\ud800) is no character
    if len(page.raw) > options.max_page_bytes:
        page.reason = f"too_large: {where} holds a page of {len(page.raw)} bytes > limit {options.max_page_bytes}"
        page.raw = b""
        return page
    page.hints = _hints(record, places, fmt)
    return page


def _json_type(value) -> str:
    return {list: "array", str: "string", bool: "boolean", type(None): "null"}.get(type(value), "number")


def _places(record: dict) -> list[dict]:
    """Where a record's fields are looked for: the record, then the objects NESTED_FIELDS name (and a `metadata` inside `data`)."""
    places = [record]
    for name in NESTED_FIELDS:
        nested = record.get(name)
        if isinstance(nested, dict):
            places.append(nested)
            inner = nested.get("metadata")
            if isinstance(inner, dict):
                places.append(inner)
    return places


def _content(places: list[dict]) -> tuple[str | None, str | None]:
    for name, fmt in CONTENT_FIELDS:
        for place in places:
            value = place.get(name)
            if isinstance(value, dict) and name == "markdown":
                value = next((value[k] for k in MARKDOWN_OBJECT_FIELDS if isinstance(value.get(k), str)), None)
            if isinstance(value, str) and value.strip():
                return value, fmt
    return None, None


def _hints(record: dict, places: list[dict], fmt: str | None) -> dict:
    hints: dict = {"charset": "utf-8"}
    if fmt:
        hints["format"] = fmt
    # The record's own `url` as it is (a feed may write it without its scheme); the other fields only when they hold an address.
    url = _first_text([record], URL_FIELDS[:1]) or _first_text(places, URL_FIELDS, is_url)
    if url:
        hints["url"] = url
    # The record's own title only: the ones tools nest are the page's <title>, with its site's name, which the page itself gives.
    title = _first_text([record], TITLE_FIELDS)
    if title:
        hints["title"] = title
    published = iso_date(_first_text(places, PUBLISHED_FIELDS))
    if published:
        hints["published"] = published
    fetched = iso_date(_first_text(places, FETCHED_FIELDS))
    if fetched:
        hints["fetched_at"] = fetched
    author = _first_text(places, AUTHOR_FIELDS)
    if author:
        hints["author"] = author
    site = _first_text(places, SITE_FIELDS)
    if site:
        hints["site"] = site
    return hints


def is_url(value: str) -> bool:
    """An address with its scheme ("https://..."), not a name ("Reuters")."""
    return "://" in value[:12]


def _first_text(places: list[dict], names: tuple[str, ...], accept=None) -> str | None:
    """The first field of `names` (in that order) with text, looked for in each place in turn; a list of texts (news-please's `authors`) joined by "; "."""
    for place in places:
        for name in names:
            value = place.get(name)
            if isinstance(value, list):
                value = "; ".join(item for item in value if isinstance(item, str) and item.strip())
            if isinstance(value, str) and value.strip():
                value = " ".join(value.split())
                if accept is None or accept(value):
                    return value
    return None


def iso_date(value: str | None) -> str | None:
    """An ISO 8601 date or date-time from what feeds write ("2024-06-01 10:00:00", "...Z", an RSS "Tue, 04 Jun 2024 10:00:00 GMT"); None when unreadable."""
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        try:
            parsed = parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError, OverflowError):
            return None
        return parsed.isoformat()
    if len(value) <= 10:
        return parsed.date().isoformat()
    return parsed.isoformat()
