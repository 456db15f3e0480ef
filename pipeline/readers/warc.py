"""WARC and WARC.gz files (wget --warc-file, Browsertrix, Heritrix, Common Crawl), read with FastWARC.

A `response` (or `resource`) record with a 2xx status and an HTML content
type is a page: its decoded HTTP body is the page's bytes, its
WARC-Target-URI the URL and its WARC-Date the fetch date.  A `conversion`
record of plain text (Common Crawl's WET files: the text of each page,
a block a line) is a page too, read as a text dump.  Every other record
(requests, metadata, redirects, images, scripts) is counted and skipped.  Damage in the middle costs only the records it spoils (reading
goes on at the next clean record start); the damage is a rejected record
with its offsets.  docs/ingest.md says why
FastWARC and not warcio (measured on the same files).
"""

from __future__ import annotations

from collections import Counter
from typing import Iterator

from ..options import Options
from . import HTML_TYPES, PageInput
from .jsonl import iso_date

# A conversion record of these types is a page's text (a WET file's).
TEXT_TYPES = ("text/plain",)


# Bytes read at a time when looking for the next record after damage.
SCAN_CHUNK = 1 << 20


def read_warc(path: str, options: Options, skipped: Counter | None = None) -> Iterator[PageInput]:
    """One PageInput per HTML response of the file, in file order.

    Damage in the middle (a corrupt gzip member, garbage between records)
    costs the records it touches: reading goes on at the next record that
    starts cleanly, and the skipped bytes are a rejected record saying
    where.  A file cut short keeps the records before the cut.
    """
    skipped = skipped if skipped is not None else Counter()
    with open(path, "rb") as stream:  # a file object: compression is sniffed from the bytes, not the name
        gzipped = stream.read(2) == b"\x1f\x8b"
        offset: int | None = 0
        while offset is not None:
            offset = yield from _records_from(path, stream, offset, gzipped, options, skipped)


def _records_from(path: str, stream, offset: int, gzipped: bool, options: Options, skipped: Counter):
    """Yield the pages from `offset` on; returns where to go on after damage, or None at the end."""
    from fastwarc.warc import ArchiveIterator

    stream.seek(offset)
    records = ArchiveIterator(stream, parse_http=True, auto_decode="all", fsspec_args=False)
    last = None  # offset of the last record read
    position = offset  # where the last page started (progress)
    while True:
        try:
            record = next(records)
        except StopIteration:
            return None
        except Exception as exc:  # FastWARC raises OSError or ValueError on damage
            return (yield from _after_damage(path, stream, offset, last, gzipped, exc))
        last = offset + record.stream_pos
        page = _record_page(path, record, options, skipped, last)
        if page is not None:
            page.size, position = last - position, last
            yield page


def _after_damage(path: str, stream, offset: int, last: int | None, gzipped: bool, exc: Exception):
    """The rejected record saying where the file could not be read; returns the offset of the next record that starts cleanly (None: none)."""
    start = last + 1 if last is not None else offset + 1
    following = _next_record(stream, start, gzipped)
    where = f"after the record at offset {last}" if last is not None else f"at offset {offset}"
    then = f"reading went on at offset {following}" if following is not None else "no record after it could be read"
    yield PageInput(
        source=f"{path}@{start - 1}..{following if following is not None else 'end'}",
        file=path,
        reason=f"bad_warc: the file could not be read {where} ({exc}); {then}",
    )
    return following


def _next_record(stream, start: int, gzipped: bool) -> int | None:
    """The offset of the next record start at or after `start`: a gzip member that opens with "WARC/", or a "WARC/1." line."""
    import zlib

    marker = b"\x1f\x8b\x08" if gzipped else b"WARC/1."
    position = start
    while True:
        stream.seek(position)
        chunk = stream.read(SCAN_CHUNK + 64)
        if len(chunk) < len(marker):
            return None
        at = chunk.find(marker)
        while 0 <= at < SCAN_CHUNK:
            if gzipped:
                try:
                    head = zlib.decompressobj(wbits=31).decompress(chunk[at : at + 4096] if at + 4096 <= len(chunk) else chunk[at:], 16)
                except zlib.error:
                    head = b""
                if head.startswith(b"WARC/"):
                    return position + at
            elif at == 0 and position == 0 or chunk[at - 1 : at] == b"\n":
                return position + at
            at = chunk.find(marker, at + 1)
        if len(chunk) <= SCAN_CHUNK:
            return None
        position += SCAN_CHUNK


def _header_type(record) -> str:
    """The record's own Content-Type (not its HTTP response's), lower case, without parameters."""
    return (record.headers.get("Content-Type") or "").split(";")[0].strip().lower()


def _type_name(kind) -> str:
    from fastwarc.warc import WarcRecordType

    names = ("warcinfo", "response", "resource", "request", "metadata", "revisit", "conversion", "continuation")
    return next((name for name in names if kind == getattr(WarcRecordType, name)), "unknown")


def _record_page(path: str, record, options: Options, skipped: Counter, offset: int) -> PageInput | None:
    """The page a record holds, a rejected input for a damaged one, or None (counted in `skipped`) for other records."""
    from fastwarc.warc import WarcRecordType

    source = f"{path}@{offset}"
    kind = record.record_type
    converted = kind == WarcRecordType.conversion and _header_type(record) in TEXT_TYPES
    if kind not in (WarcRecordType.response, WarcRecordType.resource) and not converted:
        skipped[f"WARC {_type_name(kind)} records"] += 1
        return None
    uri = (record.headers.get("WARC-Target-URI") or "").strip().strip("<>")
    if not uri and not record.content_length:
        return PageInput(source=source, file=path, reason="bad_warc: the file ends inside a record (its header is cut)")
    if kind == WarcRecordType.response:
        status = record.http_headers.status_code if record.is_http_parsed else None
        if status is None or not 200 <= status < 300:
            skipped[f"WARC responses with HTTP status {status or 'unreadable'}"] += 1
            return None
        content_type = record.http_content_type
    else:
        content_type = _header_type(record)
    if not converted and (not content_type or not content_type.lower().startswith(HTML_TYPES)):
        skipped[f"WARC responses of type {content_type or 'unknown'}"] += 1
        return None
    page = PageInput(source=source, file=path)
    if record.content_length > options.max_page_bytes:
        page.reason = f"too_large: a record of {record.content_length} bytes > limit {options.max_page_bytes}"
        return page
    encoded = kind == WarcRecordType.response and record.http_headers.get("Content-Encoding")
    try:
        body = record.reader.read(options.max_page_bytes + 1)
    except Exception as exc:
        page.reason = f"bad_warc: the record's content cannot be read ({exc})"
        return page
    if len(body) > options.max_page_bytes:
        page.reason = f"too_large: the record's decoded content is over the limit of {options.max_page_bytes} bytes"
        return page
    if not encoded and len(body) < record.content_length:
        page.reason = f"bad_warc: the file ends inside this record ({len(body)} of {record.content_length} bytes)"
        return page
    page.raw = body
    page.hints = {"format": "text", "charset": "utf-8"} if converted else {"format": "html"}
    if uri:
        page.hints["url"] = uri
    fetched = iso_date(record.headers.get("WARC-Date"))
    if fetched:
        page.hints["fetched_at"] = fetched
    charset = record.http_charset if kind == WarcRecordType.response else None
    if charset:
        page.hints["charset"] = charset
    return page


def response_record(uri: str, body: bytes, date: str = "2024-06-01T12:00:00Z", content_type: str = "text/html; charset=utf-8", status: str = "200 OK") -> bytes:
    """One WARC/1.0 response record (uncompressed) holding an HTTP response: for tests and benchmarks that need WARC files."""
    http = f"HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {len(body)}\r\n\r\n".encode() + body
    return warc_record("response", uri, http, date, "application/http; msgtype=response")


def warc_record(kind: str, uri: str, block: bytes, date: str = "2024-06-01T12:00:00Z", content_type: str = "application/http; msgtype=request") -> bytes:
    """One WARC/1.0 record of any type (uncompressed); gzip each record on its own for a .warc.gz."""
    import uuid

    head = (
        f"WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, uri + kind + date)}>\r\n"
        f"WARC-Date: {date}\r\nWARC-Target-URI: {uri}\r\nContent-Type: {content_type}\r\nContent-Length: {len(block)}\r\n\r\n"
    ).encode()
    return head + block + b"\r\n\r\n"
