"""JSON documents (.json, .json.gz): exports that hold many pages in one JSON value.

- an array of records (Scrapy's `-o items.json`, an Apify dataset, a
  list of Crawl4AI results): each item a page, its source `path:.[3]`
  (the item as jq names it, counted from 0);
- an object whose `data` or `objects` is an array of records (Firecrawl's
  crawl result, Diffbot's API response): `path:.data[3]`;
- one record (a Jina Reader or Firecrawl response saved to a file): the
  file is that page;
- records one after another (JSON Lines whose first line is longer than
  the part of a file sniffed, and not named .jsonl): `path:2`, as a line.

Records are read as a JSON Lines feed's (jsonl.page_of_record: the same
content, URL, title, date and author fields).  The file is read as a
stream, one item at a time: an export of any length costs one record's
memory.  An item over the size limit is rejected and skipped; one that is
not JSON, or a file cut inside an item, ends the file with its reason (the
items before it are kept).
"""

from __future__ import annotations

import codecs
import json
import re
import zlib
from typing import Iterator

from ..options import Options
from . import PageInput, open_maybe_gzipped
from .jsonl import LINE_BYTES_PER_PAGE_BYTE, MAX_SKIP_BYTES, page_of_record

READ_CHUNK = 1 << 16
# A literal or escape cut by the end of what was read fails this near it ("fals", "\\u00").
CUT_LITERAL_CHARS = 6
# The array of records in an object that wraps them: Firecrawl's crawl
# result (`data`), Diffbot's API response (`objects`).
RECORDS_FIELDS = ("data", "objects")

_DECODER = json.JSONDecoder()
# What JsonStream.value gives for a value over its limit (None is JSON's null).
TOO_LARGE = object()
_SPACE = re.compile(r"[ \t\n\r]*")
# What changes the nesting outside a string, or opens one.
_STRUCTURE = re.compile(r'[\[\]{}"]')


class Broken(Exception):
    """The file stops being JSON (or ends) here: a reason's kind and what follows the name of what broke ("is not JSON (...)")."""

    def __init__(self, kind: str, problem: str):
        super().__init__(problem)
        self.kind, self.problem = kind, problem

    def reason(self, what: str) -> str:
        """The rejection's reason for `what` ("the file", "item .[3]")."""
        return f"{self.kind}: {what} {self.problem}"


class _Stop(Exception):
    """The file's reason is already given."""


def _cut_off(exc: json.JSONDecodeError, read: int) -> bool:
    """The error is where the text read so far ends (a string, number or literal cut short), not in the middle of it."""
    return exc.msg.startswith("Unterminated string") or exc.pos >= read - CUT_LITERAL_CHARS


class JsonStream:
    """The file's text, decoded as it is read; `buf[pos:]` is what is not yet parsed."""

    def __init__(self, fh):
        self.fh = fh
        self.decoder = codecs.getincrementaldecoder("utf-8-sig")(errors="replace")
        self.buf = ""
        self.pos = 0
        self.eof = False
        self.consumed = 0  # characters parsed or skipped (progress)
        self.broken = ""  # why a gzipped file's stream ended early

    def fill(self, at_least: int = 0) -> bool:
        """Read READ_CHUNK more, or at least `at_least`; False at the end of the file.

        A break in a gzipped file's stream ends it where the last whole
        chunk was read (`broken` says why): what came before is parsed.
        """
        if self.eof:
            return False
        pieces, size = [], 0
        while size < max(READ_CHUNK, at_least):
            try:
                data = self.fh.read(READ_CHUNK)
            except (OSError, EOFError, zlib.error) as exc:
                self.broken = str(exc)
                data = b""
            if not data:
                self.eof = True
                break
            pieces.append(data)
            size += len(data)
        self.buf = self.buf[self.pos :] + self.decoder.decode(b"".join(pieces), final=self.eof)
        self.pos = 0
        return size > 0

    def peek(self) -> str:
        """The next character past spaces ("" at the end of the file)."""
        while True:
            self.pos = _SPACE.match(self.buf, self.pos).end()
            if self.pos < len(self.buf):
                return self.buf[self.pos]
            if not self.fill():
                return ""

    def take(self, char: str) -> None:
        self.peek()
        self.pos += 1
        self.consumed += 1

    def value(self, limit: int):
        """The next JSON value, or TOO_LARGE when it holds more than `limit` characters (then left unread: `skip` it)."""
        self.peek()
        while True:
            try:
                value, end = _DECODER.raw_decode(self.buf, self.pos)
            except json.JSONDecodeError as exc:
                if not _cut_off(exc, len(self.buf)):
                    raise Broken("bad_json", f"is not JSON ({exc.msg})") from None
                if self.eof:
                    raise self._cut_off() from None
                if len(self.buf) - self.pos > limit:
                    return TOO_LARGE
                self.fill(at_least=len(self.buf) - self.pos)  # the value may end in what follows: read as much again
                continue
            except RecursionError:
                raise Broken("bad_json", "is nested too deeply to read") from None
            if end == len(self.buf) and self.fill():
                continue  # a number may go on past what was read ("12" of "123")
            if end - self.pos > limit:
                return TOO_LARGE  # as when it is read in pieces: however much of it one read took
            self.consumed += end - self.pos
            self.pos = end
            return value

    def _cut_off(self) -> Broken:
        if self.broken:
            return Broken("bad_gzip", f"is cut by a break in the file's compressed stream ({self.broken})")
        return Broken("bad_json", "is cut off: the file ends inside it")

    def skip(self) -> int:
        """Read past the value that starts here (an object or array too large to parse): the characters skipped."""
        depth, skipped = 0, 0
        if self.peek() == '"':  # a string: nothing nests in it
            self.pos += 1
            skipped = 1 + self._skip_string()
            self.consumed += skipped
            return skipped
        while skipped <= MAX_SKIP_BYTES:
            match = _STRUCTURE.search(self.buf, self.pos)
            if match is None:
                skipped += len(self.buf) - self.pos
                self.pos = len(self.buf)
                if not self.fill():
                    raise self._cut_off()
                continue
            skipped += match.end() - self.pos
            self.pos = match.end()
            char = match.group()
            if char == '"':
                skipped += self._skip_string()
            elif char in "[{":
                depth += 1
            else:
                depth -= 1
                if depth == 0:
                    self.consumed += skipped
                    return skipped
        raise Broken("too_large", f"runs past {MAX_SKIP_BYTES} bytes without ending")

    def _skip_string(self) -> int:
        """Read past a string whose opening quote was read: the characters skipped."""
        skipped = 0
        while True:
            end = self.buf.find('"', self.pos)
            if end < 0:
                # The string goes on: keep only a trailing run of backslashes (it may escape the next quote).
                kept = len(self.buf) - len(self.buf.rstrip("\\"))
                skipped += len(self.buf) - kept - self.pos
                self.buf, self.pos = self.buf[len(self.buf) - kept :], 0
                if skipped > MAX_SKIP_BYTES:
                    raise Broken("too_large", f"runs past {MAX_SKIP_BYTES} bytes without ending")
                if not self.fill():
                    raise self._cut_off()
                continue
            start = end
            while start > self.pos and self.buf[start - 1] == "\\":
                start -= 1
            skipped += end + 1 - self.pos
            self.pos = end + 1
            if (end - start) % 2 == 0:  # an even run of backslashes escapes itself, not the quote
                return skipped


def read_json(path: str, options: Options) -> Iterator[PageInput]:
    """One PageInput per record the JSON document holds, rejected ones with their reason."""
    limit = LINE_BYTES_PER_PAGE_BYTE * options.max_page_bytes
    with open_maybe_gzipped(path) as fh:
        stream = JsonStream(fh)
        try:
            first = stream.peek()
            if first == "[":
                yield from _items(stream, path, ".", limit, options)
            elif first == "{":
                record = yield from _object(stream, path, limit, options)
                if stream.peek() == "{":
                    # Objects one after another: JSON Lines whose first line is longer than the part sniffed.
                    yield from _records(stream, path, record, limit, options)
                elif record is not None:
                    yield page_of_record(record, path, "the file", path, options, stream.consumed)
            else:
                raise Broken("bad_json", "is not a JSON array or object")
            if stream.peek():
                raise Broken("bad_json", "holds more after its JSON value")
        except _Stop:
            return
        except Broken as exc:
            yield PageInput(source=path, file=path, reason=exc.reason("the file"))


def _items(stream: JsonStream, path: str, prefix: str, limit: int, options: Options) -> Iterator[PageInput]:
    """The records of the array that starts here; `prefix`: its jq path ("." or ".data")."""
    stream.take("[")
    index = 0
    while True:
        char = stream.peek()
        if char == "]":
            stream.take("]")
            return
        jq = f"{prefix}[{index}]"
        source, where = f"{path}:{jq}", f"item {jq}"
        if index:
            if char != ",":
                problem = "is not JSON (no ',' or ']' before it)" if char else "is cut off: the file ends before it"
                yield from _ends_file(Broken("bad_json", problem), source, where, path, "items")
            stream.take(",")
        yield from _record(stream, source, where, path, limit, options, "items")
        index += 1


def _record(stream: JsonStream, source: str, where: str, path: str, limit: int, options: Options, kind: str) -> Iterator[PageInput]:
    """The record that starts here: its page, or a rejected one (too large: read past); a broken one ends the file (_ends_file)."""
    at = stream.consumed
    try:
        record = stream.value(limit)
        if record is TOO_LARGE:
            yield PageInput(source=source, file=path, size=stream.skip(), reason=f"too_large: {where} holds more than {limit} bytes")
            return
    except Broken as exc:
        yield from _ends_file(exc, source, where, path, kind)
    yield page_of_record(record, source, where, path, options, stream.consumed - at)


def _ends_file(exc: Broken, source: str, where: str, path: str, kind: str) -> Iterator[PageInput]:
    """The broken record's rejection, then _Stop: what follows the damage is not read (`kind`: "items", "records")."""
    yield PageInput(source=source, file=path, reason=f"{exc.reason(where)}; the {kind} before it are kept, the rest of the file is not read")
    raise _Stop


def elements(stream: JsonStream, brackets: str, what: str) -> Iterator[None]:
    """Step through the object or array that starts here (`brackets`: "{}" or "[]"): once per element, the stream at its start."""
    opening, closing = brackets
    stream.take(opening)
    first = True
    while True:
        char = stream.peek()
        if char == closing:
            stream.take(closing)
            return
        if not first:
            if char != ",":
                raise Broken("bad_json", f"is not JSON (no ',' between {what})" if char else "is cut off: the file ends inside it")
            stream.take(",")
        first = False
        yield


def members(stream: JsonStream, limit: int) -> Iterator[str]:
    """The names of the members of the object that starts here; the caller reads (or skips) each one's value before the next."""
    for _ in elements(stream, "{}", "its members"):
        key = stream.value(limit)
        if not isinstance(key, str) or stream.peek() != ":":
            raise Broken("bad_json", "is not JSON (no member's name and ':' where one goes)")
        stream.take(":")
        yield key


def _object(stream: JsonStream, path: str, limit: int, options: Options):
    """A top-level object: its `data` (or `objects`) array's records given as a stream (then returns None), or the object itself returned, a record."""
    record: dict = {}
    streamed = False
    for key in members(stream, limit):
        if key in RECORDS_FIELDS and stream.peek() == "[" and not streamed:
            yield from _items(stream, path, "." + key, limit, options)
            streamed = True
            continue
        value = stream.value(limit)
        if value is TOO_LARGE:
            raise Broken("too_large", f"holds more than {limit} bytes in its member {key!r}")
        record[key] = value
    return None if streamed else record


def _records(stream: JsonStream, path: str, first: dict | None, limit: int, options: Options) -> Iterator[PageInput]:
    """Objects one after another, the first already read (None: it wrapped records, already given): each a record, `path:N` its source."""
    number = 1
    if first is not None:
        yield page_of_record(first, f"{path}:1", "record 1", path, options, stream.consumed)
    while stream.peek() == "{":
        number += 1
        yield from _record(stream, f"{path}:{number}", f"record {number}", path, limit, options, "records")
