"""Parquet files (.parquet): one page a row, as pandas' `to_parquet`, Hugging Face `datasets` and Spark write a crawl's records.

The columns are read as a JSON Lines record's fields (`jsonl.py`: the page
in `html`, `text`, `content`..., the URL, title, dates and authors in
theirs; a struct column such as `metadata` as the object a tool nests), in
any case, as a CSV export's are.  Only those columns are loaded, one row
group at a time, BATCH_ROWS rows turned into records at a time: a file
costs about its largest row group's compressed columns and a batch,
whatever its length (docs/ingest.md has a measurement).
A timestamp column is an ISO date; a binary content column is decoded as a
page's bytes are (its `<meta charset>`, else detection).

pyarrow reads them: the optional `parquet` extra (`pip install
'newsclean[parquet]'`), which `export --format parquet` needs too.
Without it, a Parquet file is one rejected record saying so, and the
batch goes on.  A file pyarrow cannot open (cut short: its footer indexes
the rows) is one `bad_parquet:` record; a damaged row group costs its own
rows, one `bad_parquet:` record, and the other groups are read.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Iterator

from ..options import Options
from . import PageInput
from .csvfeed import known_field
from .jsonl import CONTENT_FIELDS, NESTED_FIELDS, page_of_record

# Rows turned into records at a time (a row may hold a page of megabytes).
BATCH_ROWS = 64
NEEDS_PYARROW = "unreadable: reading a Parquet file needs pyarrow, which is not installed: pip install 'newsclean[parquet]'"

_CONTENT_NAMES = frozenset(name for name, _ in CONTENT_FIELDS)


def page_columns(names: list[str]) -> list[str]:
    """The columns a record is read from: the fields a JSON Lines record has (in any case) and the objects tools nest."""
    return [name for name in names if known_field(name) is not None or name in NESTED_FIELDS]


def has_content_column(path: str) -> bool | None:
    """Whether the file's schema names a content column; None when pyarrow is missing or cannot read the file."""
    try:
        import pyarrow.parquet as pq
    except ImportError:
        return None
    try:
        names = pq.read_schema(path).names
    except Exception:  # pyarrow raises ArrowInvalid, OSError and others on a file that is not Parquet
        return None
    return _names_content(names)


def _names_content(names: list[str]) -> bool:
    """Some column is a page's content field (in any case)."""
    return any(known_field(name) in _CONTENT_NAMES for name in names)


def read_parquet(path: str, options: Options) -> Iterator[PageInput]:
    """One PageInput per row, rejected ones with their reason."""
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        yield PageInput(source=path, file=path, reason=NEEDS_PYARROW)
        return
    try:
        parquet = pq.ParquetFile(path)
        names = parquet.schema_arrow.names
    except (pa.ArrowException, OSError, ValueError) as exc:
        yield PageInput(source=path, file=path, reason=f"bad_parquet: the file cannot be opened ({exc})")
        return
    columns = page_columns(names)
    if not _names_content(columns):
        content = ", ".join(name for name, _ in CONTENT_FIELDS)
        yield PageInput(source=path, file=path, reason=f"no_content: the file has no column named {content} (its columns: {', '.join(names[:20])})")
        return
    first = 1  # the number of the row group's first row
    for group in range(parquet.num_row_groups):
        rows = parquet.metadata.row_group(group).num_rows
        row = first - 1
        try:
            for batch in parquet.iter_batches(batch_size=BATCH_ROWS, row_groups=[group], columns=columns):
                for values in batch.to_pylist():
                    row += 1
                    record = {known_field(name) or name: _plain(value) for name, value in values.items() if value is not None}
                    size = sum(len(value) for value in record.values() if isinstance(value, (str, bytes)))
                    yield page_of_record(record, f"{path}:{row}", f"row {row}", path, options, size)
        # A damaged page of a column: pyarrow's errors, or one in decoding a string column's bytes.
        except (pa.ArrowException, OSError, ValueError) as exc:
            yield PageInput(
                source=f"{path}:{row + 1}..{first + rows - 1}", file=path,
                reason=f"bad_parquet: rows {row + 1} to {first + rows - 1} (row group {group}) cannot be read ({exc}); the other row groups are read",
            )
        first += rows


def _plain(value):
    """A column's value as a JSON record would hold it: a date as ISO text, a page's bytes decoded, a struct's fields likewise."""
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, bytes):
        from ..read import decode_bytes

        return decode_bytes(value, html=True) or ""
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items() if item is not None}
    return value
