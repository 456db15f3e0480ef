"""HAR files (.har, .har.gz): a browser's record of what it fetched, as Playwright's `record_har_path`, a browser's developer tools ("Save all as HAR") or mitmproxy save it.

A HAR file is one JSON object whose `log.entries` lists every request and
its response, images and scripts among them.  An entry whose response has
a 2xx status, an HTML type and its body (`response.content.text`, base64
when `content.encoding` says so) is a page: its URL from the request, its
fetch time from `startedDateTime`.  Every other entry is counted and
skipped, and so is one too large to read (a video or an image embedded as
base64): a HAR file is mostly such entries.  A HAR saved without bodies
(Playwright's `record_har_content="omit"`, a "sanitized" export) gives no
page; its HTML responses are counted as such.

The file is read as a stream (`jsondoc.JsonStream`): a HAR of any size costs
one entry's memory.  A file that is not JSON, or is cut, ends with its
reason; the entries before it are kept.
"""

from __future__ import annotations

import base64
import binascii
import re
from collections import Counter
from typing import Iterator

from ..options import Options
from . import HTML_TYPES, PageInput, open_maybe_gzipped
from .jsondoc import TOO_LARGE, Broken, JsonStream, elements, members
from .jsonl import LINE_BYTES_PER_PAGE_BYTE, iso_date
from .warc import response_hints

# A HAR file's first bytes: an object whose first member is `log`, an object.
HAR_START = re.compile(rb'\A\s*\{\s*"log"\s*:\s*\{')


def read_har(path: str, options: Options, skipped: Counter | None = None) -> Iterator[PageInput]:
    """One PageInput per HTML response with its body, in the file's order."""
    skipped = skipped if skipped is not None else Counter()
    limit = LINE_BYTES_PER_PAGE_BYTE * options.max_page_bytes
    index = 0
    with open_maybe_gzipped(path) as fh:
        stream = JsonStream(fh)
        try:
            for key in _members(stream, limit):
                if key != "log" or stream.peek() != "{":
                    _skip_value(stream, limit)
                    continue
                for inner in _members(stream, limit):
                    if inner != "entries" or stream.peek() != "[":
                        _skip_value(stream, limit)
                        continue
                    for entry in _items(stream, limit):
                        source = f"{path}:.log.entries[{index}]"
                        index += 1
                        if entry is TOO_LARGE:
                            skipped["HAR entries too large to read (media)"] += 1
                            continue
                        page = _entry_page(entry, source, path, options, skipped)
                        if page is not None:
                            yield page
        except Broken as exc:
            yield PageInput(
                source=f"{path}:.log.entries[{index}]", file=path,
                reason=f"{exc.reason('the file')}; the entries before it are kept, the rest of the file is not read",
            )


def _members(stream: JsonStream, limit: int) -> Iterator[str]:
    """The names of the object's members that starts here; the caller reads (or skips) each one's value before the next."""
    if stream.peek() != "{":
        raise Broken("bad_har", "is no HAR file (no JSON object where one goes)")
    yield from members(stream, limit)


def _items(stream: JsonStream, limit: int) -> Iterator[object]:
    """The items of the array that starts here, each parsed (TOO_LARGE: skipped unread)."""
    for _ in elements(stream, "[]", "entries"):
        value = stream.value(limit)
        if value is TOO_LARGE:
            stream.skip()
        yield value


def _skip_value(stream: JsonStream, limit: int) -> None:
    if stream.value(limit) is TOO_LARGE:
        stream.skip()


def _entry_page(entry, source: str, path: str, options: Options, skipped: Counter) -> PageInput | None:
    """The page an entry holds, a rejected one for a body that cannot be read, or None (counted in `skipped`)."""
    response = entry.get("response") if isinstance(entry, dict) else None
    if not isinstance(response, dict):
        skipped["HAR entries without a response"] += 1
        return None
    status = response.get("status")
    if not isinstance(status, int) or status <= 0:  # browsers write -1 or 0 for a request that failed or was blocked
        skipped["HAR requests that got no response"] += 1
        return None
    if not 200 <= status < 300:
        skipped[f"HAR responses with HTTP status {status}"] += 1
        return None
    content = response.get("content") if isinstance(response.get("content"), dict) else {}
    mime = str(content.get("mimeType") or "").strip().lower()
    if not mime.startswith(HTML_TYPES):
        skipped[f"HAR responses of type {mime.split(';')[0] or 'unknown'}"] += 1
        return None
    text = content.get("text")
    if not isinstance(text, str) or not text:
        skipped["HAR HTML responses saved without their body"] += 1
        return None
    page = PageInput(source=source, file=path, size=len(text))
    if content.get("encoding") == "base64":
        try:
            page.raw = base64.b64decode(text, validate=True)
        except (binascii.Error, ValueError) as exc:
            page.reason = f"bad_har: the response's base64 body cannot be decoded ({exc})"
            return page
        page.hints, content_type = {"format": "html"}, mime  # the bytes as sent: their charset is the type's
    else:
        page.raw = text.encode("utf-8", "replace")  # the browser decoded it: the text is the page's characters
        page.hints, content_type = {"format": "html", "charset": "utf-8"}, ""
    if len(page.raw) > options.max_page_bytes:
        page.raw, page.reason = b"", f"too_large: the response's body of {len(page.raw)} bytes > limit {options.max_page_bytes}"
        return page
    request = entry.get("request") if isinstance(entry.get("request"), dict) else {}
    url = request.get("url")
    started = entry.get("startedDateTime")
    page.hints = response_hints(
        page.hints,
        url if isinstance(url, str) and url.startswith(("http://", "https://")) else None,
        iso_date(started) if isinstance(started, str) else None,
        content_type,
    )
    return page
