"""CSV exports (.csv, .tsv, gzipped or not): one page a row, as Scrapy's `-o items.csv`, pandas' `to_csv` or a spreadsheet write them.

A file is read as CSV when its first line is a header row that names a
content column (`html`, `text`, `content`, `body`, `markdown`...: the
fields JSON Lines records use, in any case), whatever the file's name;
the other columns give the URL, title, dates and authors as in a JSON
Lines record (`jsonl.py`).  The delimiter is the header's: a comma, a
semicolon (a spreadsheet in a language that writes decimal commas), a
tab or a bar.  The file is UTF-8 (a byte-order mark allowed) or, when its
first bytes are not, the encoding they are detected in (a spreadsheet's
Windows code page).  A row without content, or with more fields than the
header (a quote or a delimiter out of place), is a rejected record with
its line number; the other rows ingest.
"""

from __future__ import annotations

import codecs
import csv
import io
import sys
import zlib
from typing import Iterator

from ..options import Options
from . import PageInput, file_head, open_maybe_gzipped, utf8_head
from .jsonl import (
    AUTHOR_FIELDS,
    CONTENT_FIELDS,
    FETCHED_FIELDS,
    LINE_BYTES_PER_PAGE_BYTE,
    PUBLISHED_FIELDS,
    SITE_FIELDS,
    TITLE_FIELDS,
    URL_FIELDS,
    page_of_record,
)

DELIMITERS = (",", ";", "\t", "|")
# A header row is this long at most, and its names this long: longer, the
# first line is a page's text that happens to hold commas.
HEADER_MAX_CHARS = 4096
NAME_MAX_CHARS = 64

_CONTENT_NAMES = {name.lower() for name, _ in CONTENT_FIELDS}
# Every field a record is read for, by its name in lower case: a column named "Text" or "URL" is that field.
_KNOWN_FIELDS = {
    name.lower(): name
    for names in ([n for n, _ in CONTENT_FIELDS], TITLE_FIELDS, URL_FIELDS, PUBLISHED_FIELDS, FETCHED_FIELDS, AUTHOR_FIELDS, SITE_FIELDS)
    for name in names
}


def header_delimiter(head: bytes) -> str | None:
    """The delimiter of a CSV header row that names a content column, from the file's first bytes; None when the first line is no such header."""
    line = head.lstrip(codecs.BOM_UTF8).split(b"\n", 1)
    if len(line) < 2 or len(line[0]) > HEADER_MAX_CHARS:
        return None
    first = line[0].rstrip(b"\r").decode("utf-8", "replace")
    if "\r" in first or "\x00" in first:  # a header row is one line of text (old Mac line ends, binary: no header)
        return None
    for delimiter in DELIMITERS:
        if delimiter not in first:
            continue
        try:
            names = next(csv.reader([first], delimiter=delimiter))
        except csv.Error:
            continue
        if (
            len(names) >= 2
            and all(0 < len(n.strip()) <= NAME_MAX_CHARS and "<" not in n for n in names)
            and any(n.strip().lower() in _CONTENT_NAMES for n in names)
        ):
            return delimiter
    return None


def read_csv(path: str, options: Options) -> Iterator[PageInput]:
    """One PageInput per row after the header, rejected ones with their reason."""
    head = file_head(path)  # decompressed; what came before a break in a .csv.gz
    delimiter = header_delimiter(head)
    if delimiter is None:  # the file changed since it was sniffed
        yield PageInput(source=path, file=path, reason="bad_csv: the first line is no header row naming a content column")
        return
    encoding = _encoding(head)
    # A field holds a whole page: the csv module's default limit (128 K characters) is far below it.
    csv.field_size_limit(min(sys.maxsize, LINE_BYTES_PER_PAGE_BYTE * options.max_page_bytes))
    with open_maybe_gzipped(path) as raw:
        text = io.TextIOWrapper(raw, encoding=encoding, errors="replace", newline="")
        rows = csv.reader(text, delimiter=delimiter)
        try:
            names = [_field_name(n) for n in next(rows)]
        except (csv.Error, StopIteration, OSError, EOFError, zlib.error) as exc:
            yield PageInput(source=path, file=path, reason=f"bad_csv: the header row cannot be read ({exc})")
            return
        row_no = 0
        while True:
            line = rows.line_num + 1
            try:
                row = next(rows)
            except StopIteration:
                return
            except csv.Error as exc:
                if "field limit" in str(exc):
                    limit = LINE_BYTES_PER_PAGE_BYTE * options.max_page_bytes
                    reason = f"too_large: the row at line {line} holds a field of more than {limit} characters ({exc})"
                else:
                    reason = f"bad_csv: the row at line {line} cannot be read ({exc})"
                yield PageInput(source=f"{path}:{line}", file=path, reason=f"{reason}; the rows after it are not read")
                return
            except (OSError, EOFError, zlib.error) as exc:  # a .csv.gz cut short
                yield PageInput(source=f"{path}:{line}", file=path, reason=f"bad_gzip: the file's compressed stream breaks at line {line} ({exc}); the rows before it are kept")
                return
            if not any(value.strip() for value in row):
                continue
            row_no += 1
            size = sum(len(value) for value in row) + len(row)
            if len(row) > len(names):  # fewer is a row written without its empty last fields
                yield PageInput(
                    source=f"{path}:{line}", file=path, size=size,
                    reason=f"bad_csv: row {row_no} (line {line}) has {len(row)} fields, the header {len(names)} (a quote or a delimiter out of place)",
                )
                continue
            record = {name: value for name, value in zip(names, row) if value.strip()}
            yield page_of_record(record, f"{path}:{line}", f"row {row_no} (line {line})", path, options, size)


def _field_name(name: str) -> str:
    """A header's name as the record field it stands for ("Text" -> "text", "Published Time" stays)."""
    return known_field(name) or name.strip().lstrip("\ufeff")


def known_field(name: str) -> str | None:
    """The record field a column's name stands for, in any case ("Text" -> "text", "URL" -> "url"); None for other names."""
    return _KNOWN_FIELDS.get(name.strip().lstrip("\ufeff").lower())


def _encoding(head: bytes) -> str:
    """UTF-8 (its byte-order mark dropped) when the file's first bytes are UTF-8, else the encoding they are detected in."""
    if utf8_head(head):
        return "utf-8-sig"
    from ..read import detected_codec

    return detected_codec(head) or "utf-8-sig"
