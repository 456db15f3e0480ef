"""JSON Lines feeds (.jsonl, .jsonl.gz, .ndjson): one page a line, as Scrapy or news-please write them.

A record gives its content in `html` (read as HTML), `text` or `maintext`
(read as a text dump) or `body` / `content` (sniffed), and optionally
`url`, `title`, `date` / `published` / `date_publish` and `fetched_at` /
`date_download`.  A line that is not a JSON object, or has no content, is a
rejected record with its line number; the good lines ingest.
"""

from __future__ import annotations

import json
import zlib
from datetime import datetime
from typing import Iterator

from ..options import Options
from . import PageInput, open_maybe_gzipped

# Content fields, first found wins, with the format each implies (None: sniffed).
CONTENT_FIELDS = (("html", "html"), ("body", None), ("content", None), ("text", "text"), ("maintext", "text"))
TITLE_FIELDS = ("title",)
PUBLISHED_FIELDS = ("date", "published", "date_publish")
FETCHED_FIELDS = ("fetched_at", "date_download")
# JSON escapes a page's characters in up to three bytes each on average
# (\" and \n take two, a non-ASCII letter written as \uXXXX six for its two
# UTF-8 bytes): a line longer than this holds a page over the size limit.
LINE_BYTES_PER_PAGE_BYTE = 3
# A line still not ended after this many bytes is not a record (a gzip bomb
# of one endless line): the rest of the file is not read.
MAX_SKIP_BYTES = 1 << 30
READ_CHUNK = 1 << 20


def read_jsonl(path: str, options: Options) -> Iterator[PageInput]:
    """One PageInput per non-blank line, rejected ones with their reason."""
    max_line = LINE_BYTES_PER_PAGE_BYTE * options.max_page_bytes
    line_no = 0
    with open_maybe_gzipped(path) as fh:
        while True:
            try:
                line = fh.readline(max_line + 1)
            except (OSError, EOFError, zlib.error) as exc:
                yield _broken(path, line_no + 1, f"bad_gzip: the file's compressed stream breaks after line {line_no} ({exc}); the lines before it are kept")
                return
            if not line:
                return
            line_no += 1
            size = len(line)
            if len(line) > max_line and not line.endswith(b"\n"):
                skipped, ended = _skip_line(fh)
                size += skipped
                if not ended:
                    yield _broken(path, line_no, f"too_large: line {line_no} runs past {MAX_SKIP_BYTES} bytes without ending; the rest of the file is not read")
                    return
                yield _broken(path, line_no, f"too_large: line {line_no} holds {size} bytes > limit {max_line}", size)
                continue
            if not line.strip():
                continue
            yield record_input(path, line_no, line, options, size)


def _skip_line(fh) -> tuple[int, bool]:
    """Read past the rest of an overlong line: (bytes skipped, whether it ended)."""
    skipped = 0
    while skipped <= MAX_SKIP_BYTES:
        try:
            chunk = fh.readline(READ_CHUNK)
        except (OSError, EOFError, zlib.error):
            return skipped, False
        if not chunk:
            return skipped, True
        skipped += len(chunk)
        if chunk.endswith(b"\n"):
            return skipped, True
    return skipped, False


def _broken(path: str, line_no: int, reason: str, size: int = 0) -> PageInput:
    return PageInput(source=f"{path}:{line_no}", reason=reason, file=path, size=size)


def record_input(path: str, line_no: int, line: bytes, options: Options, size: int = 0) -> PageInput:
    """The page one JSON line holds, or a rejected input saying why it holds none."""
    page = PageInput(source=f"{path}:{line_no}", file=path, size=size)
    try:
        record = json.loads(line.lstrip(b"\xef\xbb\xbf"))
    except (ValueError, RecursionError) as exc:
        page.reason = f"bad_json: line {line_no} is not JSON ({exc})"
        return page
    if not isinstance(record, dict):
        page.reason = f"bad_json: line {line_no} is a JSON {type(record).__name__}, not an object"
        return page
    content, fmt = _content(record)
    if content is None:
        names = ", ".join(name for name, _ in CONTENT_FIELDS)
        page.reason = f"no_content: line {line_no} has no text in any of {names}"
        return page
    page.raw = content.encode("utf-8", "replace")  # "replace": a lone surrogate (\ud800) is no character
    if len(page.raw) > options.max_page_bytes:
        page.reason = f"too_large: line {line_no} holds a page of {len(page.raw)} bytes > limit {options.max_page_bytes}"
        page.raw = b""
        return page
    page.hints = _hints(record, fmt)
    return page


def _content(record: dict) -> tuple[str | None, str | None]:
    for name, fmt in CONTENT_FIELDS:
        value = record.get(name)
        if isinstance(value, str) and value.strip():
            return value, fmt
    return None, None


def _hints(record: dict, fmt: str | None) -> dict:
    hints: dict = {"charset": "utf-8"}
    if fmt:
        hints["format"] = fmt
    url = record.get("url")
    if isinstance(url, str) and url.strip():
        hints["url"] = url.strip()
    title = _first_text(record, TITLE_FIELDS)
    if title:
        hints["title"] = title
    published = iso_date(_first_text(record, PUBLISHED_FIELDS))
    if published:
        hints["published"] = published
    fetched = iso_date(_first_text(record, FETCHED_FIELDS))
    if fetched:
        hints["fetched_at"] = fetched
    return hints


def _first_text(record: dict, names: tuple[str, ...]) -> str | None:
    for name in names:
        value = record.get(name)
        if isinstance(value, str) and value.strip():
            return " ".join(value.split())
    return None


def iso_date(value: str | None) -> str | None:
    """An ISO 8601 date or date-time from what feeds write ("2024-06-01 10:00:00", "...Z"); None when unreadable."""
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    if len(value) <= 10:
        return parsed.date().isoformat()
    return parsed.isoformat()
