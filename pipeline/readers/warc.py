"""WARC and WARC.gz files (wget --warc-file, Browsertrix, Heritrix, Common Crawl), read with FastWARC.

A `response` (or `resource`) record with a 2xx status and an HTML content
type is a page: its HTTP body, with its transfer coding (chunked) and
content codings (gzip, deflate, br, zstd) undone here, is the page's bytes, its
WARC-Target-URI the URL and its WARC-Date the fetch date.  A `conversion`
record of plain text (Common Crawl's WET files: the text of each page,
a block a line) is a page too, read as a text dump.  Every other record
(requests, metadata, redirects, images, scripts) is counted and skipped.  Damage in the middle costs only the records it spoils (reading
goes on at the next clean record start); the damage is a rejected record
with its offsets.  docs/ingest.md says why
FastWARC and not warcio (measured on the same files).
"""

from __future__ import annotations

import io
import re
import zlib
from collections import Counter
from typing import Iterator

from ..options import Options
from . import HTML_TYPES, PageInput, utf8_head
from .jsonl import iso_date

# A conversion record of these types is a page's text (a WET file's).
TEXT_TYPES = ("text/plain",)


# Bytes read at a time when looking for the next record after damage.
SCAN_CHUNK = 1 << 20
# Content codings of an HTTP body this reader undoes (RFC 9110 8.4.1;
# "x-gzip" is gzip's old name); "identity" is none.
CONTENT_CODINGS = ("gzip", "x-gzip", "deflate", "br", "zstd")
# An HTTP response's status line and headers are looked for in this many
# bytes at the start of the record (servers cap their headers at 8-64 KB).
HTTP_HEAD_BYTES = 1 << 16
_STATUS_LINE = re.compile(rb"HTTP/\d(?:\.\d)?[ \t]+(\d{3})[^\n]*\n")
_HEAD_END = re.compile(rb"\r?\n\r?\n")
_CHARSET = re.compile(r"charset\s*=\s*[\"']?([a-z0-9_:.-]+)")
# Bytes of a body looked at to tell markup or text from compressed bytes.
PLAIN_SNIFF_BYTES = 512


def read_warc(path: str, options: Options, skipped: Counter | None = None) -> Iterator[PageInput]:
    """One PageInput per HTML response of the file, in file order.

    Damage in the middle (a corrupt gzip member, garbage between records)
    costs the records it touches: reading goes on at the next record that
    starts cleanly, and the skipped bytes are a rejected record saying
    where.  A file cut short keeps the records before the cut.
    """
    skipped = skipped if skipped is not None else Counter()
    with open(path, "rb") as stream:  # a file object: compression is sniffed from the bytes, not the name
        yield from read_warc_stream(stream, path, path, options, skipped)


def read_warc_stream(stream, label: str, path: str, options: Options, skipped: Counter) -> Iterator[PageInput]:
    """read_warc over a seekable binary stream: a WARC inside another file (a WACZ); sources are `label@offset`, `path` the input file."""
    gzipped = stream.read(2) == b"\x1f\x8b"
    offset: int | None = 0
    while offset is not None:
        offset = yield from _records_from(label, path, stream, offset, gzipped, options, skipped)


def _records_from(label: str, path: str, stream, offset: int, gzipped: bool, options: Options, skipped: Counter):
    """Yield the pages from `offset` on; returns where to go on after damage, or None at the end."""
    from fastwarc.warc import ArchiveIterator

    stream.seek(offset)
    # The HTTP response is parsed and its codings undone here (http_head,
    # http_body): FastWARC's own decoding lost every record after a
    # response both chunked and compressed and read a body it could not
    # decode as damage; its parser lost the body of a head whose lines end
    # in a bare LF, and parsed none under a record without a Content-Type.
    records = ArchiveIterator(stream, parse_http=False, auto_decode="none", fsspec_args=False)
    last = None  # offset of the last record read
    position = offset  # where the last page started (progress)
    while True:
        try:
            record = next(records)
        except StopIteration:
            return None
        except Exception as exc:  # FastWARC raises OSError or ValueError on damage
            return (yield from _after_damage(label, path, stream, offset, last, gzipped, exc))
        last = offset + record.stream_pos
        page = _record_page(label, path, record, options, skipped, last)
        if page is not None:
            page.size, position = last - position, last
            yield page


def _after_damage(label: str, path: str, stream, offset: int, last: int | None, gzipped: bool, exc: Exception):
    """The rejected record saying where the file could not be read; returns the offset of the next record that starts cleanly (None: none)."""
    start = last + 1 if last is not None else offset + 1
    following = _next_record(stream, start, gzipped)
    where = f"after the record at offset {last}" if last is not None else f"at offset {offset}"
    then = f"reading went on at offset {following}" if following is not None else "no record after it could be read"
    yield PageInput(
        source=f"{label}@{start - 1}..{following if following is not None else 'end'}",
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


def _record_page(label: str, path: str, record, options: Options, skipped: Counter, offset: int) -> PageInput | None:
    """The page a record holds, a rejected input for a damaged one, or None (counted in `skipped`) for other records."""
    from fastwarc.warc import WarcRecordType

    from ..read import sniff_format

    source = f"{label}@{offset}"
    kind = record.record_type
    converted = kind == WarcRecordType.conversion and _header_type(record) in TEXT_TYPES
    if kind not in (WarcRecordType.response, WarcRecordType.resource) and not converted:
        skipped[f"WARC {_type_name(kind)} records"] += 1
        return None
    uri = (record.headers.get("WARC-Target-URI") or "").strip().strip("<>")
    if not uri and not record.content_length:
        return PageInput(source=source, file=path, reason="bad_warc: the file ends inside a record (its header is cut)")
    try:
        block = record.reader.read(min(record.content_length, HTTP_HEAD_BYTES))
    except Exception as exc:
        return PageInput(source=source, file=path, reason=f"bad_warc: the record's content cannot be read ({exc})")
    headers: dict[str, str] = {}
    if kind == WarcRecordType.response:
        status, headers, head_size = http_head(block)
        if status is None or not 200 <= status < 300:
            skipped[f"WARC responses with HTTP status {status or 'unreadable'}"] += 1
            return None
        content_type = headers.get("content-type", "").strip().lower()
    else:
        content_type, head_size = _header_type(record), 0
    # A response without a Content-Type is sniffed, as browsers do: a page when its body opens as HTML.
    sniffed = kind == WarcRecordType.response and not content_type
    if not converted and not sniffed and not content_type.startswith(HTML_TYPES):
        skipped[f"WARC responses of type {content_type or 'unknown'}"] += 1
        return None
    page = PageInput(source=source, file=path)
    if record.content_length > options.max_page_bytes:
        if sniffed:
            skipped["WARC responses of type unknown"] += 1
            return None
        page.reason = f"too_large: a record of {record.content_length} bytes > limit {options.max_page_bytes}"
        return page
    try:
        block += record.reader.read(record.content_length - len(block))
    except Exception as exc:
        page.reason = f"bad_warc: the record's content cannot be read ({exc})"
        return page
    if len(block) < record.content_length:
        page.reason = f"bad_warc: the file ends inside this record ({len(block)} of {record.content_length} bytes)"
        return page
    body, page.reason = http_body(block[head_size:], headers, options.max_page_bytes)
    if sniffed and (page.reason or sniff_format(body) != "html"):
        skipped["WARC responses of type unknown"] += 1
        return None
    if page.reason:
        return page
    page.raw = body
    hints = {"format": "text", "charset": "utf-8"} if converted else {"format": "html"}
    page.hints = response_hints(hints, uri, iso_date(record.headers.get("WARC-Date")), content_type)
    return page


def response_hints(hints: dict, url: str | None, fetched_at: str | None, content_type: str) -> dict:
    """`hints` with what a container says of a response it holds: its URL, its fetch time and the charset its Content-Type names."""
    if url:
        hints["url"] = url
    if fetched_at:
        hints["fetched_at"] = fetched_at
    charset = _CHARSET.search(content_type.lower())
    if charset:
        hints["charset"] = charset.group(1)
    return hints


def http_head(block: bytes) -> tuple[int | None, dict[str, str], int]:
    """(status, headers by lower-case name, the head's length in bytes) of an HTTP response as a WARC record holds it.

    Lines may end in CRLF or a bare LF; a header sent twice is joined with
    a comma, as HTTP reads it.  A block that opens with no status line, or
    whose head does not end within HTTP_HEAD_BYTES, has no status.
    """
    end = _HEAD_END.search(block)
    status = _STATUS_LINE.match(block)
    if not status or not end:
        return None, {}, 0
    return int(status.group(1)), header_fields(block[status.end() : end.start()]), end.end()


def header_fields(head: bytes) -> dict[str, str]:
    """HTTP header lines (CRLF or LF) as {lower-case name: value}; a header sent twice is joined with a comma, as HTTP reads it."""
    headers: dict[str, str] = {}
    for line in head.decode("latin-1").splitlines():
        name, colon, value = line.partition(":")
        name = name.strip().lower()
        if colon and name:
            headers[name] = f"{headers[name]}, {value.strip()}" if name in headers else value.strip()
    return headers


class _TooLarge(Exception):
    pass


def http_body(body: bytes, headers: dict[str, str], limit: int, fault: str = "bad_warc", what: str = "the record") -> tuple[bytes, str | None]:
    """(the page's bytes, None) from an HTTP body as a WARC stores it, or (b"", reason) when it cannot be decoded.

    The chunked transfer coding is undone, then each content coding in
    reverse order of the header.  Archivers that store a body already
    decoded under its original headers are common: a body that reads as
    markup or text is taken as it is, whatever its header says.  `fault`
    and `what` name the container in a reason ("bad_warc", "the record").
    """
    if "chunked" in headers.get("transfer-encoding", "").lower():
        body = dechunked(body)
    codings = [c.strip().lower() for c in headers.get("content-encoding", "").split(",")]
    codings = [c for c in codings if c and c != "identity"]
    if not codings or looks_plain(body):
        return body, None
    for coding in reversed(codings):
        try:
            if coding not in CONTENT_CODINGS:
                raise ValueError(f"Content-Encoding {coding!r} is none of {', '.join(CONTENT_CODINGS)}")
            body = _decompressed(body, coding, limit)
        except _TooLarge:
            return b"", f"too_large: {what}'s body decodes ({coding}) to over the limit of {limit} bytes"
        except (OSError, ValueError, EOFError, zlib.error) as exc:
            return b"", f"{fault}: {what}'s HTTP body cannot be decoded ({coding}: {exc})"
    return body, None


def dechunked(body: bytes) -> bytes:
    """A body sent with Transfer-Encoding: chunked, without its framing.

    Chunk extensions and trailers are ignored, and a line break may be a
    bare LF.  A body that does not open with a chunk header is taken as
    already unchunked; framing that breaks further on (a body cut short)
    keeps the chunks before the break.
    """
    parts = []
    at = 0
    while True:
        end = body.find(b"\n", at, at + 1024)
        size_text = body[at:end].split(b";", 1)[0].strip() if end >= 0 else b""
        try:
            size = int(size_text, 16)
        except ValueError:
            return body if at == 0 else b"".join(parts)
        if size == 0:
            return b"".join(parts)
        parts.append(body[end + 1 : end + 1 + size])
        at = end + 1 + size
        at += 2 if body[at : at + 2] == b"\r\n" else 1 if body[at : at + 1] == b"\n" else 0
        if at >= len(body):
            return b"".join(parts)


def _decompressed(data: bytes, coding: str, limit: int) -> bytes:
    """`data` with one content coding undone, at most `limit` bytes (_TooLarge past it)."""
    if coding in ("br", "zstd"):
        from fastwarc.stream_io import BrotliReader, ZstdReader

        reader = (BrotliReader if coding == "br" else ZstdReader)(io.BytesIO(data), fsspec_args=False)
        out = reader.read(limit + 1)
    else:
        # gzip and deflate: servers send either framing (and raw deflate) under either name.
        out = b""
        for wbits in (47, -15):  # 47: gzip or zlib header; -15: raw deflate
            try:
                stream = zlib.decompressobj(wbits=wbits)
                out = stream.decompress(data, limit + 1)
                break
            except zlib.error:
                if wbits == -15:
                    raise
    if len(out) > limit:
        raise _TooLarge()
    return out


def looks_plain(data: bytes) -> bool:
    """The bytes open as markup or text, not as compressed data: no control byte (compressed data has some in any few hundred bytes), and markup, ASCII or UTF-8."""
    head = data[:PLAIN_SNIFF_BYTES].lstrip()
    if not head or any(byte < 32 and byte not in (9, 10, 12, 13) for byte in head):
        return False
    return head[:1] == b"<" or head.isascii() or utf8_head(head)


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
