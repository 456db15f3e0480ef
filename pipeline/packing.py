"""What the per-page work packs for the archive: the page's bytes and its removals, as the archive stores them.

Packing runs in the workers, beside the cleaning, so that the process that
writes the archive only inserts (docs/scaling.md: the writer's ceiling):

- the raw bytes, compressed with a stdlib codec (`pack_raw`); everything
  that reads them back (reprocess, the read API, Datasette's raw page view
  and download) goes through `unpack_raw`.  A page's id stays the sha256 of
  its bytes as read.  `pages.raw_codec` says how a row's bytes are stored:
  NULL as they were read (archives written before compression, and pages
  that do not shrink, such as a .html.gz file's gzip bytes), "zlib"
  compressed;
- the removals, as the JSON array archive/removals.py stores for a page,
  with how many blocks each rule removed (`encode_removals`).
"""

from __future__ import annotations

import json
import zlib
from dataclasses import dataclass
from typing import Iterable

from .document import Document

RAW_CODEC = "zlib"
# zlib level 6: text dumps shrink 2.4x and HTML 5.8x for 0.3 / 3 ms a page
# in a worker; level 9 gains under 1 %, bz2 and lzma 10-30 % more for 3-10
# times the time (bench/README.md: archive size).
ZLIB_LEVEL = 6


class RawCodecError(ValueError):
    """A stored page's bytes could not be unpacked (an unknown codec, damaged data)."""


@dataclass
class Packed:
    """A page's bytes and removals as the archive stores them (`pack`); `removals` None when they must be encoded again."""

    raw_codec: str | None
    raw: bytes | None
    removals: tuple[str, dict[str, int]] | None  # (JSON array, blocks per rule)


def pack(doc: Document, raw: bytes | None) -> Packed:
    codec, stored = pack_raw(raw)
    return Packed(codec, stored, encode_removals(doc.removed))


def pack_raw(raw: bytes | None) -> tuple[str | None, bytes | None]:
    """(codec, stored bytes) for a page's raw bytes: compressed when that makes them smaller."""
    if not raw:
        return None, raw
    packed = zlib.compress(raw, ZLIB_LEVEL)
    if len(packed) >= len(raw):
        return None, raw
    return RAW_CODEC, packed


def unpack_raw(stored: bytes | None, codec: str | None) -> bytes:
    """A page's raw bytes as they were read, from what `pages.raw` and `pages.raw_codec` hold."""
    if not stored:
        return b""
    if codec is None:
        return bytes(stored)
    if codec == RAW_CODEC:
        try:
            return zlib.decompress(stored)
        except zlib.error as exc:
            raise RawCodecError(f"the stored page is damaged ({exc})") from None
    raise RawCodecError(f"the stored page uses codec {codec!r}, which this release does not know: upgrade newsclean")


def encode_removals(removals: Iterable) -> tuple[str, dict[str, int]]:
    """(a page's removals as the JSON array [[position, rule, inline, text], ...] in their order, blocks per rule)."""
    rows, per_rule = [], {}
    for removal in removals:
        rows.append([removal.position, removal.rule, int(removal.inline), removal.text])
        per_rule[removal.rule] = per_rule.get(removal.rule, 0) + 1
    return json.dumps(rows, ensure_ascii=False, separators=(",", ":")), per_rule
