"""Scrapy's HTTP cache (`HTTPCACHE_ENABLED`, the default filesystem storage): one directory a response.

Scrapy saves each response it fetched under
`.scrapy/httpcache/<spider>/<xx>/<fingerprint>/` as six files: `meta` (a
Python literal: the request's URL, the response's URL, status and fetch
time), `pickled_meta` (the same, pickled), `response_headers`,
`response_body`, `request_headers` and `request_body`; with
`HTTPCACHE_GZIP` each file is gzipped.  The cache keeps the body as the
server sent it, before Scrapy's decompression: a `Content-Encoding`
(gzip, deflate, br, zstd) is undone here, as for a WARC response.

The `response_body` file is the page; the URL it was fetched from (after
redirects), the fetch time and the charset come from its siblings.  A
response of a non-2xx status (a redirect, a 404 page) or of a type that
is no page (an image, a JSON API's answer) is counted and skipped, as a
WARC's is.  `meta` is read with `ast.literal_eval` (never unpickled: a
pickle runs code); when it cannot be read, the body is read as a page
file of its own, without what the siblings say.
"""

from __future__ import annotations

import ast
import os
import zlib
from collections import Counter
from datetime import datetime, timezone
from typing import Iterator

from ..options import Options
from . import GZIP_MAGIC, HTML_TYPES, PageInput, file_head, file_start, read_page_file
from .warc import header_fields, http_body, response_hints

BODY = "response_body"
# The files Scrapy writes beside the body: they describe it and are no page.
SIBLINGS = ("meta", "pickled_meta", "response_headers", "request_headers", "request_body")
# A response of these types is a page (HTML as in a WARC, and plain text).
PAGE_TYPES = (*HTML_TYPES, "text/plain")


def is_entry(path: str) -> bool:
    """The file is the body of a Scrapy cache entry: named `response_body`, with `meta` and `response_headers` beside it."""
    if os.path.basename(path) != BODY:
        return False
    folder = os.path.dirname(path)
    return all(os.path.isfile(os.path.join(folder, name)) for name in ("meta", "response_headers"))


def read_entry(path: str, options: Options, skipped: Counter | None = None) -> Iterator[PageInput]:
    """The entry's page (none when its response is no page, counted in `skipped`)."""
    skipped = skipped if skipped is not None else Counter()
    folder = os.path.dirname(path)
    meta = _meta(os.path.join(folder, "meta"))
    if meta is None:
        yield read_page_file(path, options)
        return
    status = meta.get("status")
    if not isinstance(status, int) or not 200 <= status < 300:
        skipped[f"Scrapy cache responses with HTTP status {status}"] += 1
        return
    headers = header_fields(file_head(os.path.join(folder, "response_headers")))
    content_type = headers.get("content-type", "").strip().lower()
    if content_type and not content_type.startswith(PAGE_TYPES):
        skipped[f"Scrapy cache responses of type {content_type.split(';')[0]}"] += 1
        return
    page = read_page_file(path, options)
    if page.reason:
        yield page
        return
    body = page.raw
    # HTTPCACHE_GZIP gzips every file of the entry, `meta` too (a body may be gzipped as the server sent it as well).
    if file_start(os.path.join(folder, "meta"), len(GZIP_MAGIC)) == GZIP_MAGIC:
        body, page.reason = _gunzipped(body, options.max_page_bytes)
    # Scrapy's downloader has undone the chunking before the cache saw the body.
    headers.pop("transfer-encoding", None)
    if not page.reason:
        body, page.reason = http_body(body, headers, options.max_page_bytes, "bad_cache", "the cached response")
    page.raw = b"" if page.reason else body
    url = meta.get("response_url") or meta.get("url")
    fmt = {"format": "text" if content_type.startswith("text/plain") else "html"} if content_type else {}
    page.hints = response_hints({**page.hints, **fmt}, url if isinstance(url, str) else None, _fetched_at(meta.get("timestamp")), content_type)
    yield page


def _fetched_at(timestamp) -> str | None:
    """`meta`'s timestamp (seconds since the epoch) as ISO 8601, to the second."""
    if not isinstance(timestamp, (int, float)) or isinstance(timestamp, bool):
        return None
    try:
        return datetime.fromtimestamp(timestamp, timezone.utc).replace(microsecond=0).isoformat()
    except (OverflowError, OSError, ValueError):
        return None


def _meta(path: str) -> dict | None:
    """`meta`'s dictionary (gunzipped under HTTPCACHE_GZIP), or None when it is no Scrapy meta file."""
    try:
        value = ast.literal_eval(file_head(path).decode("utf-8"))
    except (ValueError, SyntaxError, UnicodeDecodeError, MemoryError, RecursionError):
        return None
    return value if isinstance(value, dict) and "status" in value else None


def _gunzipped(data: bytes, limit: int) -> tuple[bytes, str | None]:
    """The body without HTTPCACHE_GZIP's layer: (bytes, None), or (b"", reason)."""
    from ..read import TooLarge, gunzip

    try:
        return gunzip(data, limit), None
    except (OSError, EOFError, zlib.error) as exc:
        return b"", f"bad_gzip: the cached body ({exc})"
    except TooLarge:
        return b"", f"too_large: the cached body decompresses to over the limit of {limit} bytes"
