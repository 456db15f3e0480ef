"""Stage 1: read a saved page, decompress it, sniff its format, decode it.

Every failure becomes a recorded rejection reason on the document; nothing
here raises for bad input.
"""

from __future__ import annotations

import codecs
import functools
import gzip
import io
import re
import zlib
from pathlib import Path

from .document import MISREAD_CONTINUATION, Document, visible
from .dumps.layout import dump_blocks
from .dumps.toolheader import tool_header
from .html.dom import MAX_TAG_CHARS
from .options import Options
from .readers import PageInput

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
# A page that begins with one of these is markup whatever follows: a page
# may open with a <style> or <script> block longer than SNIFF_BYTES, where
# none of the tags above is in sight.
_HTML_START = re.compile(
    rb"<(!doctype|!--|\?xml|(html|head|body|style|script|link|meta|title|base|noscript|div|span|p|a|article|section|"
    rb"header|nav|main|table|ul|ol|form|iframe|img|center|font|h[1-6])[\s>/])",
    re.IGNORECASE,
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_:.-]+)""", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"""<\?xml[^>]+encoding\s*=\s*["']([a-zA-Z0-9_.-]+)""", re.IGNORECASE)
_HEADER_CHARSET = re.compile(rb"^content-type:[^\r\n]*charset\s*=\s*[\"']?([a-zA-Z0-9_:.-]+)", re.IGNORECASE | re.MULTILINE)
# C0 controls and the C1 range: real text has none; C1 characters are what
# cp1252 punctuation becomes when read as Latin-1.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# The same, but a C1 character that ends a character a site encoded twice
# (UTF-8 read as Latin-1: "Ñ\x81" is "с", "â€\x9d" is "”") belongs to a
# letter (document.repaired): read on pages that hold a control character.
_CONTROL_NOT_IN_LETTER = re.compile(
    r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]|[\x80-\x9f](?<![\u00c2-\u00f4][\x80-\x9f])"
    f"(?<![\u00e0-\u00f4][{MISREAD_CONTINUATION}][\x80-\x9f])"
)
_TAG = re.compile(r"<[^>]*>")
# Where a saved page says it came from, in a comment near its start: the
# "Mark of the Web" browsers write on "Save as" (<!-- saved from
# url=(0042)https://... -->), and HTTrack's "Mirrored from host/path by HTTrack".
_SAVED_FROM = re.compile(r"<!--\s*saved from url=\(\d{4}\)(\w+://[^\s>]+?)\s*-->", re.IGNORECASE)
_MIRRORED_FROM = re.compile(r"<!--\s*Mirrored from (\S+?) by HTTrack", re.IGNORECASE)

# Bytes given to the charset detector: enough text to decide, bounded time.
DETECT_BYTES = 200_000
# A declared charset that leaves more undecodable bytes than this is wrong
# (a stray byte or two in a long page is the page's own damage).
MAX_UNDECODABLE_RATIO = 0.001
# Share of non-ASCII letters above which a Latin-declared page is another
# script: Latin languages stay below ~15% (Polish, Czech, Vietnamese aside).
MAX_LATIN_NON_ASCII_RATIO = 0.4

# Charset labels as browsers read them (WHATWG Encoding Standard): legacy
# labels stand for their superset, which is what servers really send.
_WHATWG_LABELS = {
    "latin_1": "cp1252", "iso8859-1": "cp1252", "iso-8859-1": "cp1252", "latin1": "cp1252",
    "ascii": "cp1252", "us-ascii": "cp1252", "iso8859_1": "cp1252",
    "euc_kr": "cp949", "euc-kr": "cp949", "ks_c_5601-1987": "cp949", "ksc5601": "cp949",
    "shift_jis": "cp932", "shift-jis": "cp932", "sjis": "cp932", "x-sjis": "cp932", "ms_kanji": "cp932",
    "gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030",
    "big5": "big5hkscs", "tis-620": "cp874", "iso-8859-11": "cp874", "iso8859_11": "cp874",
    "iso-8859-9": "cp1254", "iso8859_9": "cp1254",
}
# Latin charsets a page may declare wrongly (as codec_for_label names them).
_LATIN_CODECS = frozenset(codecs.lookup(name).name for name in ("cp1252", "iso8859_15", "cp1254", "iso8859_2", "cp1250", "mac_roman"))


def read_path(path: str | Path, options: Options | None = None) -> Document:
    """Read one file that is one page into a Document (status rejected with a reason on failure)."""
    from .readers import read_page_file

    options = options or Options()
    return read_input(read_page_file(str(path), options), options)


def read_bytes(raw: bytes, source: str = "<bytes>", options: Options | None = None) -> Document:
    """Library entry point for callers that already hold the bytes."""
    return decode_document(Document(source=source, raw=raw), options or Options())


def read_input(page: PageInput, options: Options) -> Document:
    """A page a reader found (pipeline.readers) as a Document: decoded, or rejected with the reader's reason.

    What the page's container said (URL, fetch date, charset, format, title,
    date) is kept in `Document.origin`; the URL is the page's until its own
    markup names a canonical one.
    """
    doc = Document(source=page.source, raw=page.raw, origin=dict(page.hints))
    if page.reason:
        return doc.reject(page.reason)
    if page.hints.get("url"):
        doc.metadata["url"] = page.hints["url"]
    declared = codec_for_label(page.hints["charset"]) if page.hints.get("charset") else None
    return decode_document(doc, options, declared=declared, format_hint=page.hints.get("format"))


def decode_document(doc: Document, options: Options, declared: str | None = None, format_hint: str | None = None) -> Document:
    """Gunzip, sniff and decode `doc.raw` into blocks (a text dump) or `doc.html`.

    `declared`: a charset the container gave (an HTTP header in a WARC);
    `format_hint`: "html" or "text" when the container says which, used
    unless `options.format` names one.
    """
    data = doc.raw
    if not data.strip():
        return doc.reject("empty: no content")
    if data[:2] == GZIP_MAGIC:
        try:
            data = gunzip(data, options.max_page_bytes)
        except (OSError, EOFError, zlib.error) as exc:
            return doc.reject(f"bad_gzip: {exc}")
        except TooLarge:
            return doc.reject(f"too_large: decompressed page exceeds {options.max_page_bytes} bytes")
        if not data.strip():
            return doc.reject("empty: no content after decompression")
    if len(data) > options.max_page_bytes:
        return doc.reject(f"too_large: {len(data)} bytes > limit {options.max_page_bytes}")

    header_charset, data = split_http_headers(data)
    header_charset = header_charset or declared
    fmt = options.format if options.format != "auto" else format_hint or "auto"
    if fmt == "auto":
        fmt = sniff_format(data)
        if fmt == "text" and b"\x00" in data[:SNIFF_BYTES]:
            # UTF-16 or UTF-32: the markup is between zero bytes, sniffed once decoded.
            decoded = decode_bytes(data, declared=header_charset)
            if decoded is not None and sniff_format(decoded[:SNIFF_BYTES].encode("utf-8")) == "html":
                fmt = "html"
    if fmt == "text" and len(data) > options.max_text_bytes:
        return doc.reject(f"too_large: a text dump of {len(data)} bytes > limit {options.max_text_bytes}")
    text = decode_bytes(data, html=fmt == "html", declared=header_charset)
    if text is None:
        return doc.reject("binary: not text in any known encoding")
    if not visible(text).strip():
        return doc.reject("empty: no text (only a byte-order mark, spaces or invisible characters)")
    doc.format = fmt
    if fmt == "html":
        too_complex = markup_cost_reason(text)
        if too_complex:
            return doc.reject(too_complex)
        doc.html = text
        if not doc.metadata.get("url"):
            doc.metadata["url"] = saved_from_url(text)
    else:
        header = tool_header(text)
        if header is not None:
            _read_tool_header(doc, header)
            text = header.rest
        doc.blocks = (header.blocks if header else []) + dump_blocks(text)  # lines, or paragraphs of a wrapped or Markdown dump (pipeline.dumps.layout)
    return doc


def saved_from_url(html: str) -> str | None:
    """The URL a saved page's own comment names (a browser's "saved from url=", HTTrack's "Mirrored from"); its canonical link, read later, still wins."""
    head = html[:SNIFF_BYTES]
    found = _SAVED_FROM.search(head)
    if found:
        return found.group(1)
    found = _MIRRORED_FROM.search(head)
    if found:
        # HTTrack writes the address without its scheme.
        return found.group(1) if "://" in found.group(1) else "https://" + found.group(1)
    return None


def _read_tool_header(doc: Document, header) -> None:
    """A scraping tool's header (pipeline.dumps.toolheader): its address, dates and author as the container's, unless the container named them."""
    from .readers.jsonl import iso_date, is_url

    url = header.fields.get("url")
    if url and is_url(url):
        doc.origin.setdefault("url", url)
        if not doc.metadata.get("url"):
            doc.metadata["url"] = url
    for key in ("published", "fetched_at"):
        value = iso_date(header.fields.get(key))
        if value:
            doc.origin.setdefault(key, value)
    for key in ("author", "title"):
        if header.fields.get(key):
            doc.origin.setdefault(key, header.fields[key])


# Bounds on what one HTML page may cost the parser, checked before it runs
# (its time limit cannot interrupt libxml2, and memory grows with the tree).
# Elements: 13 times the most of any of the 2,307 dev-pages and wcxb-dev
# pages (15,793); a page at the limit takes ~10 s and ~250 MB to clean on
# one core (docs/ingest.md).
MAX_ELEMENTS = 200_000
# The sum over start tags of (attributes)^2: libxml2 compares each attribute
# of a tag with those before it.  Four times the most of the 2,307 pages
# (49 million); start tags long enough to lose their attributes before
# parsing (pipeline.html.dom.MAX_TAG_CHARS) do not count.
MAX_ATTRIBUTE_LOAD = 200_000_000
# Only start tags longer than this can hold enough attributes to matter.
_LONG_TAG = re.compile(r"<[a-zA-Z][^>]{1000,%d}>" % (MAX_TAG_CHARS - 1))


def markup_cost_reason(html: str) -> str | None:
    """A `too_complex:` rejection reason when the page's markup is beyond the parser's bounds, else None."""
    elements = html.count("<") - html.count("</")
    if elements > MAX_ELEMENTS:
        return f"too_complex: about {elements} elements > limit {MAX_ELEMENTS}"
    load = 0
    for match in _LONG_TAG.finditer(html):
        attributes = match.group().count("=")
        load += attributes * attributes
    if load > MAX_ATTRIBUTE_LOAD:
        return f"too_complex: start tags with thousands of attributes (load {load} > limit {MAX_ATTRIBUTE_LOAD})"
    return None


class TooLarge(Exception):
    pass


def gunzip(data: bytes, limit: int) -> bytes:
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
                raise TooLarge()
            out.append(chunk)
    return b"".join(out)


def sniff_format(data: bytes) -> str:
    head = data[:SNIFF_BYTES].lstrip()
    if head.startswith(codecs.BOM_UTF8):
        head = head[len(codecs.BOM_UTF8):].lstrip()
    if head[:1] == b"<" and (_HTML_START.match(head) or _HTML_SNIFF.search(head)):
        return "html"
    # A text dump may quote a tag, but markup would be dense
    if len(_HTML_SNIFF.findall(data[:SNIFF_BYTES])) >= 3:
        return "html"
    return "text"


def declared_charset(data: bytes) -> str | None:
    """The charset a page states in its first bytes (<meta> or <?xml?>), as a Python codec name."""
    head = data[:SNIFF_BYTES]
    match = _META_CHARSET.search(head) or _XML_ENCODING.search(head)
    return codec_for_label(match.group(1).decode("ascii", "ignore")) if match else None


# Codecs Python knows that are no page's character encoding: they raise
# on ordinary bytes (idna, undefined) or turn text into other text
# (unicode_escape).  Browsers know none of them, nor UTF-7.
_NOT_PAGE_CODECS = frozenset(
    ("idna", "punycode", "undefined", "unicode-escape", "raw-unicode-escape", "utf-7", "mbcs", "oem")
)


def codec_for_label(label: str) -> str | None:
    """A charset label as browsers read it (WHATWG), as a Python codec name; None when unknown.

    Labels of Python codecs that are not text encodings (rot13, base64,
    hex, zlib, uu: a page declaring one raised outside the per-page guard
    and stopped the batch) or no page's encoding (idna, undefined) are
    unknown, as browsers treat them.
    """
    label = label.strip().strip("\"'").lower()
    label = _WHATWG_LABELS.get(label, label)
    try:
        info = codecs.lookup(label)
    except LookupError:
        return None
    if not getattr(info, "_is_text_encoding", True) or info.name in _NOT_PAGE_CODECS:
        return None
    return _WHATWG_LABELS.get(info.name, info.name)


def split_http_headers(data: bytes) -> tuple[str | None, bytes]:
    """(charset of the Content-Type header, body) for a page saved with its HTTP response headers."""
    if not data.startswith(b"HTTP/"):
        return None, data
    head_end = -1
    for separator in (b"\r\n\r\n", b"\n\n"):
        head_end = data.find(separator, 0, SNIFF_BYTES)
        if head_end >= 0:
            body = data[head_end + len(separator):]
            break
    if head_end < 0:
        return None, data
    match = _HEADER_CHARSET.search(data[:head_end])
    charset = codec_for_label(match.group(1).decode("ascii", "ignore")) if match else None
    return charset, body


def decode_bytes(data: bytes, html: bool = False, declared: str | None = None) -> str | None:
    """Decode bytes to text: BOM, UTF-8, the declared charset if plausible, then detection.

    `declared` is a charset from HTTP headers; for HTML the page's own <meta>
    declaration is used when there is none.  UTF-8 is tried before the
    declared charset because pages that declare iso-8859-1 while serving
    UTF-8 are common, and valid multi-byte UTF-8 is almost never produced by
    accident.  A declaration is only believed when the text it gives is
    plausible (few undecodable bytes, no Latin mojibake of another script).
    None means binary junk.
    """
    for bom, enc in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return _accept(data.decode(enc, errors="replace"))
    unmarked = _utf16_without_bom(data)
    if unmarked:
        return _accept(data.decode(unmarked, errors="replace"))
    try:
        return _accept(data.decode("utf-8"))
    except UnicodeDecodeError as exc:
        # A page cut off inside its last multi-byte character is still UTF-8.
        if exc.start >= len(data) - 3 and exc.reason == "unexpected end of data":
            return _accept(data[: exc.start].decode("utf-8"))
    mostly = _mostly_utf8(data)
    if mostly is not None:
        return _accept(mostly)
    if declared is None and html:
        declared = declared_charset(data)
    if declared:
        try:
            text = data.decode(declared, errors="replace")
        except (LookupError, UnicodeError):  # a codec that cannot decode at all: the declaration is no help
            text = None
        if text is not None and _bad_ratio(text) <= MAX_UNDECODABLE_RATIO and not _latin_mojibake(text, declared):
            return _accept(text)
    codec = detected_codec(data[:DETECT_BYTES])
    if codec is None:
        return None
    return _accept(data.decode(codec, errors="replace"))


# Detected encodings whose chaos is within this of the best one's are told
# apart by the words they give: charset-normalizer breaks such ties by its
# order of candidates, and read Turkish windows-1254 as windows-1250
# ("Cumhurbaţkaný" for "Cumhurbaşkanı").
LEXICON_CHAOS_MARGIN = 0.05
# Characters of the decoded text that name its language, and bytes whose words are looked up.
LEXICON_SAMPLE_CHARS = 2000
LEXICON_SAMPLE_BYTES = 30_000
# The web's single-byte legacy encodings (the WHATWG Encoding Standard's), as Python names them.
_SINGLE_BYTE = tuple(
    codecs.lookup(name).name
    for name in (
        "cp1250", "cp1251", "cp1252", "cp1253", "cp1254", "cp1255", "cp1256", "cp1257", "cp1258", "cp874",
        "iso8859-2", "iso8859-3", "iso8859-4", "iso8859-5", "iso8859-6", "iso8859-7", "iso8859-8", "iso8859-10",
        "iso8859-13", "iso8859-14", "iso8859-15", "iso8859-16", "koi8-r", "koi8-u", "cp866", "mac-roman", "mac-cyrillic",
    )
)
_NON_ASCII_WORD = re.compile(r"\w*[^\x00-\x7f]\w*")
_LETTER_BYTE_RUN = re.compile(rb"[A-Za-z\x80-\xff]+")


def detected_codec(data: bytes) -> str | None:
    """The encoding of undeclared, non-UTF-8 bytes: charset-normalizer's guess, or among its near-equals the one whose words the language knows."""
    from charset_normalizer import from_bytes

    matches = list(from_bytes(data))
    if not matches:
        return None
    near = [m.encoding for m in matches if m.chaos <= matches[0].chaos + LEXICON_CHAOS_MARGIN]
    if codecs.lookup(near[0]).name in _SINGLE_BYTE:
        # The detector leaves out candidates it finds no worse (iso-8859-2 for Polish in markup).
        named = {codecs.lookup(name).name for name in near}
        near += [name for name in _SINGLE_BYTE if name not in named]
    chosen = _known_words_choice(data[:LEXICON_SAMPLE_BYTES], near) if len(near) > 1 else None
    return codec_for_label(chosen or matches[0].encoding)


@functools.lru_cache(maxsize=8)
def _lexicon(language: str, wordlist: str) -> dict[str, float]:
    """wordfreq's words of a language (read once per process, 10-25 ms)."""
    from wordfreq import get_frequency_dict

    return get_frequency_dict(language, wordlist)


def _known_words_choice(data: bytes, encodings: list[str]) -> str | None:
    """The encoding (of `encodings`, the first the detector's choice) whose non-ASCII words the text's language lists most; None when none lists more than the first's."""
    from .clean.wordweights import ALIASES, WORDLIST, listed_languages
    from .language import detect

    sample = _TAG.sub(" ", data[: 4 * LEXICON_SAMPLE_CHARS].decode(encodings[0], errors="replace"))[:LEXICON_SAMPLE_CHARS]
    language, _ = detect(sample)
    language = ALIASES.get(language, language)
    if language not in listed_languages():
        return None
    lexicon = _lexicon(language, WORDLIST)
    # Each distinct run of letters and high bytes, decoded by every candidate (a few hundred, not the whole text each time).
    runs = {run for run in set(_LETTER_BYTE_RUN.findall(data)) if not run.isascii()}
    scores = {}
    for encoding in encodings:
        try:
            words = {word.lower() for run in runs for word in _NON_ASCII_WORD.findall(run.decode(encoding))}
        except UnicodeDecodeError:  # a byte the encoding leaves undefined: not this one
            continue
        scores[encoding] = sum(word in lexicon for word in words)
    if encodings[0] not in scores:
        scores[encodings[0]] = 0
    best = max(scores, key=scores.get)  # the first of equals: the detector's order
    return best if scores[best] > scores[encodings[0]] else None


# UTF-16 without a byte-order mark: in Latin-script text (and
# in markup) one byte of nearly every pair is zero, which no 8-bit text has.
UTF16_ZERO_SHARE = 0.4


def _utf16_without_bom(data: bytes) -> str | None:
    """The UTF-16 ("utf-16-le" or "utf-16-be") the zero bytes of the head say, or None."""
    head = data[: SNIFF_BYTES - SNIFF_BYTES % 2]
    if len(head) < 8 or b"\x00" not in head:
        return None
    pairs = len(head) // 2
    if head[1::2].count(0) >= UTF16_ZERO_SHARE * pairs and not head[0::2].count(0):
        return "utf-16-le"
    if head[0::2].count(0) >= UTF16_ZERO_SHARE * pairs and not head[1::2].count(0):
        return "utf-16-be"
    return None


# UTF-8 with a few stray bytes (a cp1252 quote pasted in, a character cut
# where texts were joined) is UTF-8: at least this many valid multi-byte
# characters for each bad byte (a legacy single-byte text read as UTF-8 has
# almost none: each of its accented letters is a bad byte), and bad bytes
# at most MOSTLY_UTF8_MAX_BAD of the characters.
MOSTLY_UTF8_EVIDENCE = 1
MOSTLY_UTF8_MAX_BAD = 0.01


def _mostly_utf8(data: bytes) -> str | None:
    """The bytes as UTF-8 when all but a few stray bytes are (each stray byte of 0x80-0x9F read as cp1252's punctuation, others as U+FFFD); None otherwise."""
    text = data[:DETECT_BYTES].decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    if not bad or bad > MOSTLY_UTF8_MAX_BAD * len(text):
        return None
    multibyte = len(text) - len(text.encode("ascii", "ignore")) - bad  # non-ASCII characters but the replacements
    if multibyte < MOSTLY_UTF8_EVIDENCE * bad:
        return None
    return data.decode("utf-8", errors=_STRAY_BYTE_HANDLER)


def _stray_bytes(error: UnicodeDecodeError) -> tuple[str, int]:
    """A codec error handler: the bytes UTF-8 cannot read, each as cp1252 reads it in 0x80-0x9F (quotes, dashes), else U+FFFD."""
    bad = error.object[error.start : error.end]
    return "".join(bytes([b]).decode("cp1252", errors="replace") if 0x80 <= b <= 0x9F else "\ufffd" for b in bad), error.end


_STRAY_BYTE_HANDLER = "newsclean-stray-bytes"
codecs.register_error(_STRAY_BYTE_HANDLER, _stray_bytes)


def _bad_ratio(text: str) -> float:
    return text.count("\ufffd") / max(len(text), 1)


def _latin_mojibake(text: str, codec: str) -> bool:
    """True when a page declared in a Latin charset is really another script (cp1251 read as cp1252).

    In Latin-script languages most letters are ASCII (French ~4% accented,
    Polish ~9%); Cyrillic or Greek bytes read as Latin-1 give words made
    only of accented letters.
    """
    if codec not in _LATIN_CODECS:
        return False
    sample = _TAG.sub(" ", text[:DETECT_BYTES])
    letters = [ch for ch in sample if ch.isalpha()]
    if len(letters) < 50:
        return False
    non_ascii = sum(1 for ch in letters if ord(ch) > 127)
    return non_ascii / len(letters) > MAX_LATIN_NON_ASCII_RATIO


def _accept(text: str) -> str | None:
    """Refuse decodes that are really binary: many control characters or NULs.

    A control character inside what a site encoded twice (its "с" reads
    "Ñ\\x81") belongs to a letter: it is neither counted nor dropped, and
    the block's text is repaired (document.composed).
    """
    if _CONTROL.search(text) is None:
        return text  # most pages: nothing to count or strip
    sample = text[:100_000]
    if len(_CONTROL_NOT_IN_LETTER.findall(sample)) / len(sample) > MAX_CONTROL_CHAR_RATIO:
        return None
    return _CONTROL_NOT_IN_LETTER.sub("", text)
