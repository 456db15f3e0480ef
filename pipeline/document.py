"""The one document type that flows through every stage.

A page enters as raw bytes and leaves as an article (or a recorded rejection).
Stages never delete information silently: a removed block stays in
``Document.blocks`` with the rule that removed it, and text cut out of a kept
block is listed in ``Document.removed``.
"""

from __future__ import annotations

import hashlib
import html
import re
import unicodedata
from dataclasses import dataclass, field
from html.entities import html5
from typing import Any

# Format characters that are in a page's text but not in what it shows or
# says: the soft hyphen (German sites set it in long words, where it split
# "Bundes\xadregierung" into two words for full-text search), zero-width
# space, word joiner, invisible separator, and a stray byte-order mark.
# The zero-width (non-)joiners stay: Persian, Indic scripts and emoji need them.
_INVISIBLE = "\u00ad\u200b\u2060\u2063\ufeff"
_INVISIBLE_CHAR = re.compile(f"[{_INVISIBLE}]")


# What a continuation byte (0x80-0xBF) reads as in Latin-1 or cp1252 (a
# character class's body, for read.py too).
MISREAD_CONTINUATION = (
    "\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
    "\u2013\u2014\u2018-\u201a\u201c-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122"
)
# Text a site encoded in UTF-8 twice: "â€™" for "’", "Ã©" for "é", "Ð¿Ñ€"
# for "пр".  Each character was two or three bytes, read back as Latin-1 or
# cp1252: a lead byte (U+00C2-U+00F4) before a continuation byte.
_DECODED_TWICE = re.compile(f"[\u00c2-\u00f4][{MISREAD_CONTINUATION}]")


def repaired(text: str) -> str:
    """The text with what a site encoded twice decoded once ("weâ€™ve" -> "we’ve", "Ð¿Ñ€Ð¸Ð²ÐµÑ‚" -> "привет").

    Only a line with the signature of UTF-8 read as Latin-1 or cp1252 goes
    through ftfy's fix_encoding, which undoes that where the bytes read
    back as UTF-8 and leaves the rest as it is (a whole page would cost
    ~50 ms; its few such lines cost nothing to speak of).
    """
    if text.isascii() or not _DECODED_TWICE.search(text):
        return text
    from ftfy import fix_encoding  # imported by the few pages that need it

    return "\n".join(fix_encoding(line) if _DECODED_TWICE.search(line) else line for line in text.split("\n"))


def composed(text: str) -> str:
    """The text in Unicode's composed form (NFC), repaired where a site encoded it twice (`repaired`): the same word is the same characters however the page wrote it.

    A Bengali "য়" as one code point or two, Vietnamese or Korean written
    decomposed: for search, duplicates and anyone comparing the text.  Every
    block's text and metadata value is read through it (not the markup
    around them: a composed text is only checked, but that check reads
    every character).
    """
    if text.isascii():
        return text
    text = repaired(text)
    if unicodedata.is_normalized("NFC", text):
        return text
    return unicodedata.normalize("NFC", text)


# An HTML character reference left in text: a dump a tool made by cutting the
# tags out of the markup, a JSON-LD value, a feed's title, a site that
# escaped its <meta> twice ("council&#8217;s", "&amp;", "M&uuml;ller").
# Only a complete one, with its ";": a URL's "&copy=2" is none.
_REFERENCE = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def _decoded_reference(match: re.Match) -> str:
    reference = match.group()
    if reference[1] == "#":
        return html.unescape(reference)
    return html5.get(reference[1:], reference)  # the whole name or nothing ("&notaname;" is not "&not;" + "aname;")


def unescaped(text: str) -> str:
    """The text with its HTML character references decoded ("council&#8217;s" -> "council’s"); an unknown name stays as written."""
    if "&" not in text:
        return text
    return _REFERENCE.sub(_decoded_reference, text)


def visible(text: str) -> str:
    """The text without invisible format characters (_INVISIBLE); every block's text is read through it.

    Most texts hold none: five C scans tell (str.translate would take
    ~40x longer on a page).
    """
    if any(char in text for char in _INVISIBLE):
        return _INVISIBLE_CHAR.sub("", text)
    return text


STATUS_OK = "ok"
STATUS_REJECTED = "rejected"
STATUS_DUPLICATE = "duplicate"

# Metadata keys every document carries (None when unknown: never invented).
META_KEYS = (
    "url",
    "title",
    "author",
    "published",
    "site",
    "description",
    "language",
    "language_confidence",
)


@dataclass(slots=True)
class Block:
    """One paragraph-like unit of a page: a line of a text dump or an element of HTML."""

    text: str
    kind: str = "p"  # p | h (heading) | h1 (a dump's level-one heading) | li (list item) | row (table row) | line (text-dump line)
    removed_by: str | None = None  # rule name when the cleaner dropped it
    language: str | None = None  # filled by the language stage for kept blocks (Options.block_languages; ingest leaves it None)

    @property
    def kept(self) -> bool:
        return self.removed_by is None


@dataclass
class Removal:
    """Something a rule took out: a whole block (position >= 0) or an inline span."""

    rule: str
    text: str
    position: int  # index into Document.blocks
    inline: bool = False


@dataclass
class Document:
    source: str  # the path as given by the user
    raw: bytes = b""
    format: str = "unknown"  # html | text | unknown
    html: str | None = None  # decoded markup for HTML pages
    blocks: list[Block] = field(default_factory=list)
    metadata: dict[str, Any] = field(default_factory=lambda: {k: None for k in META_KEYS})
    inline_removals: list[Removal] = field(default_factory=list)
    status: str = STATUS_OK
    reason: str | None = None
    duplicate_of: str | None = None
    content_hash: str | None = None
    # Set by the dedupe stage: the MinHash signature (None for texts too short
    # to compare), the estimated Jaccard similarity to the canonical it copies,
    # and the canonicals of other clusters this page copies: the store
    # re-points them to this page's canonical (itself, when it was published
    # earlier or is longer than theirs).
    minhash: Any = None
    similarity: float | None = None
    merges: list[str] = field(default_factory=list)
    # Set by the cleaner: step name -> [removals, seconds] (pipeline.clean.clean).
    profile: dict[str, list] = field(default_factory=dict)
    # What the page's container said beside its bytes (pipeline.readers:
    # url, fetched_at, title, published, charset, format); stored with the
    # raw bytes so that reprocess reads the page as ingest did.
    origin: dict[str, Any] = field(default_factory=dict)

    @property
    def id(self) -> str:
        """Page id: sha256 of the raw bytes, so re-ingesting the same bytes is a no-op.

        A page without bytes (an empty or unreadable file) is keyed by its
        source instead: sharing the id of b"", each such page's record
        would replace the last one's.  Hashed once per bytes object: the
        runner, the dedupe stage, site memory and the writer each ask for
        it, several times a page.
        """
        cached = self.__dict__.get("_id")
        if cached is None or cached[0] is not self.raw:
            key = self.raw or b"no bytes: " + self.source.encode("utf-8", "surrogateescape")
            cached = self.__dict__["_id"] = (self.raw, hashlib.sha256(key).hexdigest())
        return cached[1]

    @property
    def ok(self) -> bool:
        return self.status == STATUS_OK

    @property
    def kept_blocks(self) -> list[Block]:
        return [b for b in self.blocks if b.kept]

    @property
    def text(self) -> str:
        """The article: kept blocks, paragraphs separated by a blank line."""
        return "\n\n".join(b.text for b in self.blocks if b.kept and b.text)

    @property
    def removed(self) -> list[Removal]:
        """Every removal, whole blocks first in page order, then inline cuts."""
        whole = [
            Removal(rule=b.removed_by, text=b.text, position=i)
            for i, b in enumerate(self.blocks)
            if b.removed_by is not None
        ]
        return whole + list(self.inline_removals)

    def remove_block(self, index: int, rule: str) -> None:
        """Mark a block removed unless an earlier rule already removed it."""
        block = self.blocks[index]
        if block.removed_by is None:
            block.removed_by = rule

    def reject(self, reason: str) -> "Document":
        self.status = STATUS_REJECTED
        self.reason = reason
        return self

    def to_record(self) -> dict[str, Any]:
        """The JSON shape of `clean --json` and `export`."""
        meta = self.metadata
        return {
            "source": self.source,
            "url": meta.get("url"),
            "title": meta.get("title"),
            "author": meta.get("author"),
            "published": meta.get("published"),
            "site": meta.get("site"),
            "description": meta.get("description"),
            "language": meta.get("language"),
            "text": self.text,
            "status": self.status,
            "reason": self.reason,
            "removed": [{"rule": r.rule, "text": r.text} for r in self.removed],
        }
