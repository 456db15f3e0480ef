"""How a page's raw bytes are kept in the archive: compressed with a stdlib codec.

The per-page work packs them (`pack_raw`, in the workers, beside the
cleaning), so the process that writes the archive does not spend its time
compressing; everything that reads them back (reprocess, the read API,
Datasette's raw page view and download) goes through `unpack_raw`.  A
page's id stays the sha256 of its bytes as read.

`pages.raw_codec` says how a row's bytes are stored: NULL as they were read
(archives written before compression, and pages that do not shrink, such
as a .html.gz file's gzip bytes), "zlib" compressed.
"""

from __future__ import annotations

import zlib

RAW_CODEC = "zlib"
# zlib level 6: text dumps shrink 2.4x and HTML 5.8x for 0.3 / 3 ms a page
# in a worker; level 9 gains under 1 %, bz2 and lzma 10-30 % more for 3-10
# times the time (bench/README.md: archive size).
ZLIB_LEVEL = 6


class RawCodecError(ValueError):
    """A stored page's bytes could not be unpacked (an unknown codec, damaged data)."""


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
