"""Stage 1a: find the pages in what a scraper saved.

A path is a page file (an HTML page or a text dump, perhaps gzipped), a
WARC, ARC or HAR file (many HTTP responses), a WACZ file (a ZIP of WARC
files), a JSON Lines feed (one record a line), a JSON document (an array
of records, an export), a CSV or Parquet export (a page a row), an RSS or
Atom feed (a page an item) or an MHTML file (a page a browser saved
whole).  Which one is sniffed from the content, never from the name; the
body of a Scrapy HTTP cache entry (`response_body` beside its `meta`) is
known by its siblings.  Each reader yields PageInput: one page's bytes
and what its container said about it (URL, fetch date, title, date,
authors, charset).  A record a reader cannot get (a broken
JSON line, the damaged end of a WARC) is a PageInput with a `reason`: it is
stored as a rejected page, and the rest of the file is read.

Decoding and everything after it are per page (pipeline.read.read_input),
in worker processes when asked; this stage only does I/O and framing, in
the process that writes the archive.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import re
import stat
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from ..options import Options

# What a container says about a page, as PageInput.hints keys.
HINT_KEYS = ("url", "fetched_at", "title", "published", "author", "site", "charset", "format", "dropped")

GZIP_MAGIC = b"\x1f\x8b"
# The content types of a page in a container (a WARC response, an MHTML part).
HTML_TYPES = ("text/html", "application/xhtml+xml")
# Bytes of a file's (decompressed) head read to tell a WARC, a JSON Lines
# feed and a page apart.
HEAD_BYTES = 65536

KIND_PAGE = "page"
KIND_WARC = "warc"
KIND_JSONL = "jsonl"
KIND_JSON = "json"
KIND_MHTML = "mhtml"
KIND_CSV = "csv"
KIND_WACZ = "wacz"
KIND_FEED = "feed"
KIND_PARQUET = "parquet"
KIND_ARC = "arc"
KIND_HAR = "har"
ZIP_MAGIC = b"PK\x03\x04"
ZSTD_MAGIC = b"\x28\xb5\x2f\xfd"
PARQUET_MAGIC = b"PAR1"  # a Parquet file starts (and ends) with it
ARC_MAGIC = b"filedesc://"  # an ARC file's first record
# A MIME message's first header ("From: <Saved by Blink>", "MIME-Version: 1.0"): an MHTML file when its headers say multipart/related.
_HEADER_LINE = re.compile(rb"[A-Za-z][\w-]*:[ \t]")
# A JSON document's start: an array of objects (or an empty one), or an
# object's first member name (a record or an export written over many lines).
_JSON_START = re.compile(rb'\[\s*[{\]]|\{\s*"')


@dataclass
class PageInput:
    """One page as its reader found it."""

    source: str  # the path; "path@offset" for a WARC record, "path:line" for a JSON Lines record
    raw: bytes = b""
    hints: dict = field(default_factory=dict)  # HINT_KEYS the container gave
    reason: str | None = None  # the reader could not get the page: stored as rejected with this reason
    file: str = ""  # the input file it came from
    size: int = 0  # bytes of the input file it accounts for (progress)

    @property
    def page_id(self) -> str:
        """The archive's page id (pipeline.document.Document.id), computed without a Document."""
        key = self.raw or b"no bytes: " + self.source.encode("utf-8", "surrogateescape")
        return hashlib.sha256(key).hexdigest()


def file_kind(path: str | Path) -> str:
    """KIND_WARC, KIND_ARC, KIND_WACZ, KIND_HAR, KIND_PARQUET, KIND_FEED, KIND_JSONL, KIND_JSON, KIND_MHTML, KIND_CSV or KIND_PAGE, from the first bytes of the file (gzipped or not)."""
    head = file_head(path)
    if head.startswith(PARQUET_MAGIC):
        return KIND_PARQUET
    if head.startswith(ARC_MAGIC):
        return KIND_ARC
    name = str(path).lower().removesuffix(".gz")
    head = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"WARC/"):
        return KIND_WARC
    if head.startswith(ZIP_MAGIC) and (name.endswith(".wacz") or b"archive/" in head[:4096] or b"datapackage.json" in head[:4096]):
        return KIND_WACZ
    from .feed import is_feed

    if is_feed(head):
        return KIND_FEED
    if _HEADER_LINE.match(head) and b"multipart/related" in re.split(rb"\r?\n\r?\n", head[:8192], maxsplit=1)[0].lower():
        return KIND_MHTML
    from .har import HAR_START

    if HAR_START.match(head):
        return KIND_HAR
    if head.startswith(b"{"):
        first = _json_object(head.split(b"\n", 1)[0])
        if first is not None:
            # One line that wraps an array of records (Firecrawl's crawl result) is a JSON document.
            from .jsondoc import RECORDS_FIELDS

            wraps = any(isinstance(first.get(name), list) for name in RECORDS_FIELDS)
            return KIND_JSON if wraps and b"\n" not in head.rstrip() else KIND_JSONL
        # A first record longer than the head: only the name can tell.
        if b"\n" not in head and name.endswith((".jsonl", ".ndjson")):
            return KIND_JSONL
    if _JSON_START.match(head):
        return KIND_JSON
    from .csvfeed import header_delimiter

    if header_delimiter(head):
        return KIND_CSV
    return KIND_PAGE


def _json_object(line: bytes) -> dict | None:
    """The line as a JSON object, or None when it is not one."""
    import json

    try:
        value = json.loads(line)
    except ValueError:
        return None
    return value if isinstance(value, dict) else None


def file_start(path: str | Path, size: int) -> bytes:
    """The file's first `size` bytes as stored (not decompressed); b"" when it cannot be read."""
    try:
        with open(path, "rb") as fh:
            return fh.read(size)
    except OSError:
        return b""


def file_head(path: str | Path) -> bytes:
    """The first HEAD_BYTES of a file, decompressed when it is gzipped (or zstd-compressed); b"" when unreadable."""
    try:
        info = Path(path).stat()
        if not stat.S_ISREG(info.st_mode):
            return b""
        with open(path, "rb") as fh:
            data = fh.read(HEAD_BYTES)
    except OSError:
        return b""
    if data[:2] == GZIP_MAGIC:
        try:
            return zlib.decompressobj(wbits=31).decompress(data, HEAD_BYTES)
        except zlib.error:
            return b""
    if data[:4] == ZSTD_MAGIC:  # a zstd-compressed WARC (.warc.zst), which FastWARC reads as it reads gzip
        from fastwarc.stream_io import ZstdReader

        try:
            return ZstdReader(io.BytesIO(data), fsspec_args=False).read(HEAD_BYTES)
        except OSError:
            return b""
    return data


def read_file(path: str, options: Options, skipped=None) -> Iterator[PageInput]:
    """Every page a file holds: its records for a WARC or a JSON Lines feed, else the file itself.

    The readers turn every fault of the input they know into a rejected
    record.  One they do not know (a bug of theirs) ends the file with an
    `error:` record, the pages before it kept: it never stops the batch.
    """
    pages = 0
    try:
        for page in _read_file(path, options, skipped):
            pages += 1
            yield page
    except Exception as exc:
        yield PageInput(
            source=f"{path}#error", file=path,
            reason=f"error: reading the file raised {type(exc).__name__} ({exc}) after {pages} page(s); those are kept, the rest of the file is not read",
        )


def _read_file(path: str, options: Options, skipped=None) -> Iterator[PageInput]:
    from .scrapycache import is_entry, read_entry

    if is_entry(path):  # known by its name and its siblings: a body may be compressed, or no page at all
        yield from read_entry(path, options, skipped)
        return
    kind = file_kind(path)
    if kind == KIND_WARC:
        from .warc import read_warc

        yield from read_warc(path, options, skipped)
    elif kind == KIND_ARC:
        from .arc import read_arc

        yield from read_arc(path, options, skipped)
    elif kind == KIND_HAR:
        from .har import read_har

        yield from _opened(read_har(path, options, skipped), path)
    elif kind == KIND_WACZ:
        from .wacz import read_wacz

        yield from read_wacz(path, options, skipped)
    elif kind == KIND_JSONL:
        from .jsonl import read_jsonl

        yield from _opened(read_jsonl(path, options), path)
    elif kind == KIND_JSON:
        from .jsondoc import read_json

        yield from _opened(read_json(path, options), path)
    elif kind == KIND_FEED:
        from .feed import read_feed

        yield from _opened(read_feed(path, options), path)
    elif kind == KIND_CSV:
        from .csvfeed import read_csv

        yield from _opened(read_csv(path, options), path)
    elif kind == KIND_PARQUET:
        from .parquet import read_parquet

        yield from read_parquet(path, options)
    elif kind == KIND_MHTML:
        from .mhtml import read_mhtml

        yield read_mhtml(path, options)
    else:
        yield read_page_file(path, options)


def _opened(records: Iterator[PageInput], path: str) -> Iterator[PageInput]:
    """A reader's records; a file it cannot open (gone or locked since it was sniffed) is one unreadable record."""
    try:
        first = next(records)
    except StopIteration:
        return
    except OSError as exc:
        yield PageInput(source=path, file=path, reason=f"unreadable: {exc.strerror or exc}")
        return
    yield first
    yield from records


def read_page_file(path: str, options: Options) -> PageInput:
    """A file that is one page: its bytes, or the reason they could not be read."""
    page = PageInput(source=path, file=path)
    try:
        info = Path(path).stat()
        page.size = info.st_size
        if not stat.S_ISREG(info.st_mode):
            # A FIFO would block the batch, a device (/dev/zero) never end.
            page.reason = "unreadable: not a regular file (a pipe, device or socket)"
        elif info.st_size > options.max_page_bytes:
            page.raw, page.reason, dropped = _without_inline_data(path, info.st_size, options)
            if dropped:
                page.hints["dropped"] = f"{dropped} bytes of inline data: URIs (images, fonts) over the page limit"
        else:
            page.raw = Path(path).read_bytes()
    except OSError as exc:
        page.reason = f"unreadable: {exc.strerror or exc}"
    return page


# A page saved with its images and fonts inline ("data:" URIs: SingleFile, a
# browser's single-file HTML) may be this many times the page limit: what is
# inline goes before the limit is applied (the text is what is archived).
INLINE_DATA_RATIO = 5
_INLINE_DATA = re.compile(rb"data:[\w.+-]+/[\w.+-]+(?:;[\w.+=-]+)*;base64,[A-Za-z0-9+/=]{1024,}")


def _without_inline_data(path: str, size: int, options: Options) -> tuple[bytes, str | None, int]:
    """(the page without its inline data, None, bytes dropped), or (b"", the reason, 0) when it is still over the limit."""
    too_large = f"too_large: {size} bytes > limit {options.max_page_bytes}"
    if size > INLINE_DATA_RATIO * options.max_page_bytes:
        return b"", too_large, 0
    data = Path(path).read_bytes()
    if data[:2] == GZIP_MAGIC or b"data:" not in data:
        return b"", too_large, 0
    reduced = _INLINE_DATA.sub(b"data:,", data)
    if len(reduced) > options.max_page_bytes:
        return b"", f"{too_large} ({len(reduced)} without its inline data: URIs)", 0
    return reduced, None, len(data) - len(reduced)


def utf8_head(head: bytes) -> bool:
    """The bytes are UTF-8, but perhaps for a character cut at their end (a file's sniffed first bytes)."""
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        return exc.start >= len(head) - 3
    return True


def open_maybe_gzipped(path: str):
    """A binary file object over the file's content, decompressing a gzipped file as it is read."""
    with open(path, "rb") as fh:
        gzipped = fh.read(2) == GZIP_MAGIC
    return gzip.open(path, "rb") if gzipped else open(path, "rb")
