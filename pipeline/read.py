"""Stage 1: read a saved page, decompress it, sniff its format, decode it.

Every failure becomes a recorded rejection reason on the document; nothing
here raises for bad input.
"""

from __future__ import annotations

import codecs
import gzip
import io
import re
import zlib
from pathlib import Path

from .document import Block, Document
from .options import Options

GZIP_MAGIC = b"\x1f\x8b"

# Share of control characters (other than whitespace) above which a file is
# binary junk rather than text in some encoding: real text has ~0.
MAX_CONTROL_CHAR_RATIO = 0.01

# Only the head of a page is looked at to sniff markup and declared charsets:
# a <meta charset> must appear in the first 1024 bytes by the HTML spec, and
# we allow some slack for pages that break it.
SNIFF_BYTES = 8192

_HTML_SNIFF = re.compile(
    rb"<\s*(!doctype\s+html|html[\s>]|head[\s>]|body[\s>]|meta\s|title[\s>]|div[\s>]|p[\s>]|article[\s>])",
    re.IGNORECASE,
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_:.-]+)""", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"""<\?xml[^>]+encoding\s*=\s*["']([a-zA-Z0-9_.-]+)""", re.IGNORECASE)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def read_path(path: str | Path, options: Options | None = None) -> Document:
    """Read one file into a Document (status rejected with a reason on failure)."""
    options = options or Options()
    doc = Document(source=str(path))
    try:
        size = Path(path).stat().st_size
        if size > options.max_page_bytes:
            return doc.reject(f"too_large: {size} bytes > limit {options.max_page_bytes}")
        doc.raw = Path(path).read_bytes()
    except OSError as exc:
        return doc.reject(f"unreadable: {exc.strerror or exc}")
    return decode_document(doc, options)


def read_bytes(raw: bytes, source: str = "<bytes>", options: Options | None = None) -> Document:
    """Library entry point for callers that already hold the bytes."""
    return decode_document(Document(source=source, raw=raw), options or Options())


def decode_document(doc: Document, options: Options) -> Document:
    data = doc.raw
    if not data.strip():
        return doc.reject("empty: no content")
    if data[:2] == GZIP_MAGIC:
        try:
            data = _gunzip(data, options.max_page_bytes)
        except (OSError, EOFError, zlib.error) as exc:
            return doc.reject(f"bad_gzip: {exc}")
        except _TooLarge:
            return doc.reject(f"too_large: decompressed page exceeds {options.max_page_bytes} bytes")
        if not data.strip():
            return doc.reject("empty: no content after decompression")
    if len(data) > options.max_page_bytes:
        return doc.reject(f"too_large: {len(data)} bytes > limit {options.max_page_bytes}")

    fmt = options.format
    if fmt == "auto":
        fmt = sniff_format(data)
    text = decode_bytes(data, html=fmt == "html")
    if text is None:
        return doc.reject("binary: not text in any known encoding")
    doc.format = fmt
    if fmt == "html":
        doc.html = text
    else:
        doc.blocks = [Block(text=line, kind="line") for line in split_lines(text)]
    return doc


class _TooLarge(Exception):
    pass


def _gunzip(data: bytes, limit: int) -> bytes:
    """Decompress, refusing gzip bombs; a truncated stream raises EOFError."""
    out = []
    total = 0
    with gzip.GzipFile(fileobj=io.BytesIO(data)) as fh:
        while True:
            chunk = fh.read(1 << 20)
            if not chunk:
                break
            total += len(chunk)
            if total > limit:
                raise _TooLarge()
            out.append(chunk)
    return b"".join(out)


def sniff_format(data: bytes) -> str:
    head = data[:SNIFF_BYTES].lstrip()
    if head.startswith(codecs.BOM_UTF8):
        head = head[len(codecs.BOM_UTF8):].lstrip()
    if head[:1] == b"<" and _HTML_SNIFF.search(head):
        return "html"
    # A text dump may quote a tag, but markup would be dense
    if len(_HTML_SNIFF.findall(data[:SNIFF_BYTES])) >= 3:
        return "html"
    return "text"


def declared_charset(data: bytes) -> str | None:
    head = data[:SNIFF_BYTES]
    match = _META_CHARSET.search(head) or _XML_ENCODING.search(head)
    if not match:
        return None
    name = match.group(1).decode("ascii", "ignore").lower()
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode_bytes(data: bytes, html: bool = False) -> str | None:
    """Decode bytes to text: BOM, then UTF-8, then the declared charset, then detection.

    UTF-8 is tried before the declared charset because pages that declare
    iso-8859-1 while serving UTF-8 are common, and valid multi-byte UTF-8
    is almost never produced by accident.  None means binary junk.
    """
    for bom, enc in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return _accept(data.decode(enc, errors="replace"))
    try:
        return _accept(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    declared = declared_charset(data) if html else None
    if declared and declared not in ("utf-8", "utf_8"):
        try:
            return _accept(data.decode(declared))
        except (UnicodeDecodeError, LookupError):
            pass
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    if best is None:
        return None
    return _accept(data.decode(best.encoding, errors="replace"))


def _accept(text: str) -> str | None:
    """Refuse decodes that are really binary: many control characters or NULs."""
    sample = text[:100_000]
    if not sample:
        return text
    if len(_CONTROL.findall(sample)) / len(sample) > MAX_CONTROL_CHAR_RATIO:
        return None
    return _CONTROL.sub("", text)


def split_lines(text: str) -> list[str]:
    """Lines of a text dump, trimmed; blank lines are separators, not blocks."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n")
    lines = []
    for line in text.split("\n"):
        # Inner whitespace is the page's own (a no-break space stays one);
        # only the edges are trimmed.
        line = line.strip()
        if line:
            lines.append(line)
    return lines
