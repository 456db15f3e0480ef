"""WACZ files (Browsertrix, ArchiveWeb.page): a ZIP of WARC files with their indexes.

Each `archive/*.warc` or `archive/*.warc.gz` member is read as a WARC file
(`warc.py`): its HTML responses are pages, with the same faults handled.
A record's source is `file.wacz#archive/data.warc.gz@offset`.  The
indexes and `pages/pages.jsonl` are not needed to find the pages, and a
file that is no readable ZIP is one rejected record saying so.
"""

from __future__ import annotations

import zipfile
import zlib
from collections import Counter
from typing import Iterator

from ..options import Options
from . import PageInput
from .warc import read_warc_stream

# The members that hold the crawl's records (the WACZ 1.1 layout).
WARC_MEMBERS = ("archive/",)
WARC_SUFFIXES = (".warc", ".warc.gz")


def read_wacz(path: str, options: Options, skipped: Counter | None = None) -> Iterator[PageInput]:
    """One PageInput per HTML response of the file's WARC members, member by member in name order."""
    skipped = skipped if skipped is not None else Counter()
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError) as exc:  # NotImplementedError: a damaged header names no known version
        yield PageInput(source=path, file=path, reason=f"bad_warc: the WACZ file is no readable ZIP ({exc}); a file cut short loses its index at the end")
        return
    with archive:
        members = sorted(
            info.filename
            for info in archive.infolist()
            if info.filename.startswith(WARC_MEMBERS) and info.filename.lower().endswith(WARC_SUFFIXES) and not info.is_dir()
        )
        if not members:
            yield PageInput(source=path, file=path, reason="bad_warc: the WACZ file holds no archive/*.warc or archive/*.warc.gz member")
            return
        for name in members:
            label = f"{path}#{name}"
            try:
                stream = archive.open(name)
            except (zipfile.BadZipFile, OSError, NotImplementedError, RuntimeError) as exc:  # damaged, an unknown compression, encrypted
                yield PageInput(source=label, file=path, reason=f"bad_warc: the member {name} cannot be read ({exc})")
                continue
            with stream:
                try:
                    yield from read_warc_stream(stream, label, path, options, skipped)
                except (zipfile.BadZipFile, OSError, EOFError, zlib.error, NotImplementedError) as exc:  # the member's own compression broken
                    yield PageInput(source=label, file=path, reason=f"bad_warc: the member {name} breaks ({exc}); its records before the break are kept")
