"""WARC and WARC.gz files (wget --warc-file, Browsertrix, Heritrix, Common Crawl), read with FastWARC.

A `response` (or `resource`) record with a 2xx status and an HTML content
type is a page: its decoded HTTP body is the page's bytes, its
WARC-Target-URI the URL and its WARC-Date the fetch date.  Every other
record (requests, metadata, redirects, images, scripts) is counted and
skipped.  A file damaged in the middle keeps the records before the damage;
the damage is a rejected record with its offset.  docs/ingest.md says why
FastWARC and not warcio (measured on the same files).
"""

from __future__ import annotations

from collections import Counter
from typing import Iterator

from ..options import Options
from . import PageInput
from .jsonl import iso_date

HTML_TYPES = ("text/html", "application/xhtml+xml")


def read_warc(path: str, options: Options, skipped: Counter | None = None) -> Iterator[PageInput]:
    """One PageInput per HTML response of the file, in file order."""
    from fastwarc.warc import ArchiveIterator

    skipped = skipped if skipped is not None else Counter()
    with open(path, "rb") as stream:  # a file object: compression is sniffed from the bytes, not the name
        yield from _records(path, ArchiveIterator(stream, parse_http=True, auto_decode="all", fsspec_args=False), options, skipped)


def _records(path: str, records, options: Options, skipped: Counter) -> Iterator[PageInput]:
    position = 0
    while True:
        try:
            record = next(records)
        except StopIteration:
            return
        except Exception as exc:  # FastWARC raises OSError or ValueError on damage; any error ends the file the same way
            yield PageInput(
                source=f"{path}@{position}",
                file=path,
                reason=f"bad_warc: the file cannot be read after offset {position} ({exc}); the records before it are kept",
            )
            return
        page = _record_page(path, record, options, skipped)
        start = record.stream_pos
        if page is not None:
            page.size = start - position
            position = start
            yield page


def _type_name(kind) -> str:
    from fastwarc.warc import WarcRecordType

    names = ("warcinfo", "response", "resource", "request", "metadata", "revisit", "conversion", "continuation")
    return next((name for name in names if kind == getattr(WarcRecordType, name)), "unknown")


def _record_page(path: str, record, options: Options, skipped: Counter) -> PageInput | None:
    """The page a record holds, a rejected input for a damaged one, or None (counted in `skipped`) for other records."""
    from fastwarc.warc import WarcRecordType

    source = f"{path}@{record.stream_pos}"
    kind = record.record_type
    if kind not in (WarcRecordType.response, WarcRecordType.resource):
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
        content_type = (record.headers.get("Content-Type") or "").split(";")[0].strip().lower()
    if not content_type or not content_type.lower().startswith(HTML_TYPES):
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
    page.hints = {"url": uri, "format": "html"} if uri else {"format": "html"}
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
