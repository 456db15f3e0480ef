"""ARC files (.arc, .arc.gz): the Internet Archive's crawl format before WARC.

Alexa's and Heritrix's crawls wrote ARC files until WARC replaced them
(2008); much of the Wayback Machine's older collections are ARC.  A file
opens with a `filedesc://` record; every record is a header line
(version 1: `URL IP-address Archive-date Content-type Archive-length`;
version 2 adds a result code, checksum, location, offset and file name
before the length), then that many bytes (for a web page, the HTTP
response: status line, headers, body), then a newline.  An `.arc.gz` is
one gzip member a record, read here as one stream.

A record of an HTML type whose HTTP status is 2xx is a page, as a WARC
response is: its body with its codings undone (`warc.http_body`), its URL
from the header line, `fetched_at` from its 14-digit date, its charset
from the HTTP `Content-Type`.  Other records (DNS lookups, images,
redirects) are counted and skipped.  A header line that does not parse
is a rejected record, and reading goes on at the next line that does; a
record over the page limit is rejected unread.  A file that ends inside
a record, or whose gzip stream breaks, keeps the records before.
"""

from __future__ import annotations

import gzip
import re
import zlib
from collections import Counter
from datetime import datetime, timezone
from typing import Iterator

from ..options import Options
from . import GZIP_MAGIC, HTML_TYPES, PageInput
from .warc import http_body, http_head, response_hints

# A record's header line: a URL, an IP address, a 14-digit date, a content
# type, and (version 2) five more fields, the length last.
_HEADER = re.compile(rb"(\S+) (\S+) (\d{12,14}) (\S+)(?: \S+){0,5} (\d+)\r?\n\Z")
# A header line is short; a longer "line" is damage.
HEADER_MAX_BYTES = 8192
# Bytes read at a time when skipping a record not read (an image, one over the limit).
SKIP_CHUNK = 1 << 20


def read_arc(path: str, options: Options, skipped: Counter | None = None) -> Iterator[PageInput]:
    """One PageInput per HTML response of the file, in file order (damaged records rejected with their offsets)."""
    skipped = skipped if skipped is not None else Counter()
    with open(path, "rb") as raw:
        gzipped = raw.read(2) == GZIP_MAGIC
        raw.seek(0)
        stream = gzip.GzipFile(fileobj=raw) if gzipped else raw
        yield from _records(stream, path, options, skipped)


def _records(stream, path: str, options: Options, skipped: Counter) -> Iterator[PageInput]:
    offset = 0  # of the next record in the (decompressed) stream
    damaged_at: int | None = None  # where lines that are no header began
    while True:
        try:
            line = stream.readline(HEADER_MAX_BYTES)
        except (OSError, EOFError, zlib.error) as exc:
            yield _broken(path, offset, f"the file's gzip stream breaks ({exc})")
            return
        if not line:
            if damaged_at is not None:
                yield PageInput(source=f"{path}@{damaged_at}", file=path, reason=f"bad_arc: no record header from offset {damaged_at} to the end of the file")
            return
        start, offset = offset, offset + len(line)
        header = _HEADER.match(line)
        if header is None:
            if line.strip() and damaged_at is None:
                damaged_at = start
            continue
        if damaged_at is not None:
            yield PageInput(source=f"{path}@{damaged_at}", file=path, reason=f"bad_arc: bytes {damaged_at} to {start} are no record (no header line); reading went on at offset {start}")
            damaged_at = None
        url, _, date, content_type, length = (group.decode("latin-1") for group in header.groups())
        length_bytes = int(length)
        try:
            complete = yield from _record(stream, path, start, url, date, content_type.lower(), length_bytes, options, skipped)
        except (OSError, EOFError, zlib.error) as exc:
            yield _broken(path, start, f"the file's gzip stream breaks inside the record at offset {start} ({exc})")
            return
        if not complete:
            return
        offset += length_bytes  # the newline after the record is read as a blank line


def _record(stream, path: str, start: int, url: str, date: str, content_type: str, length: int, options: Options, skipped: Counter):
    """Read one record's bytes and yield its page (or count it); returns False when the file ends inside it."""
    source = f"{path}@{start}"
    if url.startswith("filedesc:"):  # the file's own description
        return (yield from _skip(stream, path, start, length))
    if not (content_type.startswith(HTML_TYPES) and url.startswith(("http:", "https:"))):
        skipped[f"ARC records of type {content_type.split(';')[0] or 'unknown'}"] += 1
        return (yield from _skip(stream, path, start, length))
    if length > options.max_page_bytes:
        yield PageInput(source=source, file=path, reason=f"too_large: a record of {length} bytes > limit {options.max_page_bytes}")
        return (yield from _skip(stream, path, start, length))
    block = stream.read(length)
    if len(block) < length:
        yield _broken(path, start, f"the file ends inside the record at offset {start} ({len(block)} of {length} bytes)")
        return False
    status, headers, head_size = http_head(block)
    if status is None or not 200 <= status < 300:
        skipped[f"ARC responses with HTTP status {status or 'unreadable'}"] += 1
        return True
    page = PageInput(source=source, file=path, size=length)
    body, page.reason = http_body(block[head_size:], headers, options.max_page_bytes, "bad_arc")
    if not page.reason:
        page.raw = body
        page.hints = response_hints({"format": "html"}, url, _fetched_at(date), headers.get("content-type", ""))
    yield page
    return True


def _skip(stream, path: str, start: int, length: int):
    """Read past the record's `length` bytes without keeping them; returns False (and yields why) when the file ends first."""
    left = length
    while left > 0:
        chunk = stream.read(min(left, SKIP_CHUNK))
        if not chunk:
            yield _broken(path, start, f"the file ends inside the record at offset {start} ({length - left} of {length} bytes)")
            return False
        left -= len(chunk)
    return True


def _broken(path: str, offset: int, what: str) -> PageInput:
    return PageInput(source=f"{path}@{offset}", file=path, reason=f"bad_arc: {what}; the records before it are kept, the rest of the file is not read")


def _fetched_at(date: str) -> str | None:
    """An ARC header's date ("19961104142103", UTC) as ISO 8601."""
    try:
        return datetime.strptime(date.ljust(14, "0"), "%Y%m%d%H%M%S").replace(tzinfo=timezone.utc).isoformat()
    except ValueError:
        return None
