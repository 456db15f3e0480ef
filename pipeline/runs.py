"""Runs over an archive: `ingest` (new input files) and `reprocess` (stored pages, re-cleaned).

Both hand the per-page work (pipeline.runner.process_input) to an executor
(pipeline.executors) and store what comes back in input order, in batches
(pipeline.store); the run's row in the archive says what it did, also when
it was stopped.
"""

from __future__ import annotations

import json
import os
import re
import sys
import time
import zlib
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable, Iterable, Iterator

from . import __version__
from .document import Document
from .executors import Dask, Inline, Processes, page_deadline
from .options import Options
from .packing import Packed
from .readers import GZIP_MAGIC, PARQUET_MAGIC, PageInput, file_start, read_file, scrapycache
from .readers.csvfeed import header_delimiter
from .readers.feed import is_feed
from .readers.jsonl import CONTENT_FIELDS
from .runner import process_input, unpack, warm_up, worker_function
from .site_memory import SiteMemory
from .store import BATCH_PAGES, BATCH_SECONDS, store_page

# Names of files in a scrape directory that may hold pages; what each
# holds is sniffed from its content, not its name.  Files of other names
# are read when their content says so (below).
PAGE_SUFFIXES = (".txt", ".html", ".htm", ".xhtml", ".mhtml", ".mht", ".gz", ".text", ".dump", ".md", ".warc", ".warc.zst", ".arc", ".har", ".wacz", ".jsonl", ".ndjson")
# Names of files that are never a page: a mirror's assets and data, left
# out without being opened.  A file with any other name is read when it
# opens as an HTML page (wget -r without -E saves "story.php?id=3", "news/article").
NOT_PAGE_SUFFIXES = (
    ".css", ".js", ".mjs", ".map", ".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".svg", ".ico", ".bmp", ".tif", ".tiff",
    ".woff", ".woff2", ".ttf", ".otf", ".eot", ".pdf", ".zip", ".tar", ".tgz", ".bz2", ".xz", ".zst", ".7z", ".rar",
    ".mp3", ".mp4", ".m4a", ".webm", ".ogg", ".wav", ".mov", ".avi",
    ".log", ".db", ".sqlite", ".pkl", ".py", ".sh", ".cdx", ".cdxj", ".idx",
)
# Names of files that may be an RSS or Atom feed (read when they open as
# one; a sitemap or other XML is left out), or a CSV export (read when its
# header names a content column; a table of other data is left out).
FEED_SUFFIXES = (".xml", ".rss", ".atom")
CSV_SUFFIXES = (".csv", ".tsv")
# A Parquet file is read when its columns name a page's content (a table
# of other data is left out); without pyarrow to tell, it is read, and
# says what it needs.
PARQUET_SUFFIXES = (".parquet",)
# Bytes of a file of another name read to tell whether it opens as an HTML
# page, or whether a .json file is a record with a page.
HTML_HEAD_BYTES = 1024
JSON_HEAD_BYTES = 65536
# A .json file is a page's record (news-please saves one an article) when it
# names a content field; a sidecar of metadata names none and is left out.
_JSON_RECORD = re.compile(rb'\A\s*[\[{].*?"(?:%s)"\s*:\s*["{]' % b"|".join(name.encode() for name, _ in CONTENT_FIELDS), re.DOTALL)
_OPENS_AS_HTML = re.compile(
    rb"\A(?:\xef\xbb\xbf)?\s*(?:<\?xml[^>]*>\s*)?(?:<!--(?:[^-]|-(?!->))*-->\s*)*<(?:!doctype\s+html|html[\s>]|head[\s>])", re.IGNORECASE | re.DOTALL
)
# Pages checked against the archive and claimed in one transaction.
ADMIT_PAGES = 32
# Files stat-ed and looked up in the input-file cache at once.
STAT_CHUNK = 256


# -- finding the input files ---------------------------------------------------


@dataclass
class Inputs:
    files: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)  # paths that do not exist
    outside: list[str] = field(default_factory=list)  # symlinks that leave the input tree, not followed
    hidden_caches: list[str] = field(default_factory=list)  # Scrapy HTTP caches in hidden directories, not walked
    left_out: Counter = field(default_factory=Counter)  # files in the directories not read as pages, by suffix


def expand_paths(paths: Iterable[str], follow_symlinks: bool = False) -> Inputs:
    """The files to read: directories walked (regular files with a page suffix, or of another name that open as an HTML page; hidden names skipped).

    A symlink inside a directory is followed only when it stays inside that
    directory (a link to /etc/hostname would be stored and served), unless
    `follow_symlinks`.  A path named on its own is read whatever it is: a
    pipe or a device is refused by the reader, with its reason.
    """
    found = Inputs()
    left_out: list[str] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            _walk(path, follow_symlinks, found, left_out)
        elif os.path.lexists(path):
            found.files.append(str(path))
        else:
            found.missing.append(str(path))
    # A file named on its own and met again in a directory is read once, and is not one left out.
    seen: set[str] = set()
    files = []
    for file in found.files:
        absolute = os.path.abspath(file)
        if absolute not in seen:
            seen.add(absolute)
            files.append(file)
    found.files = files
    found.left_out = Counter(_suffix(file) for file in left_out if os.path.abspath(file) not in seen)
    return found


def _suffix(path: str) -> str:
    return os.path.splitext(os.path.basename(path))[1].lower() or "(no suffix)"


def _walk(root: Path, follow_symlinks: bool, found: Inputs, left_out: list[str]) -> None:
    top = os.path.realpath(root)
    seen_dirs: set[str] = set()
    for folder, dirs, names in os.walk(root, followlinks=follow_symlinks):
        real_folder = os.path.realpath(folder)
        if real_folder in seen_dirs:  # a link loop
            dirs[:] = []
            continue
        seen_dirs.add(real_folder)
        # Scrapy keeps its HTTP cache in .scrapy/httpcache: hidden, so not walked, but said.
        cache = os.path.join(folder, ".scrapy", "httpcache")
        if ".scrapy" in dirs and os.path.isdir(cache):
            found.hidden_caches.append(cache)
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        if not follow_symlinks:
            for d in dirs:
                child = os.path.join(folder, d)
                if os.path.islink(child) and not _inside(os.path.realpath(child), top):
                    found.outside.append(child)
        # A Scrapy HTTP cache entry: its body is the page, the files beside it describe it.
        entry = scrapycache.BODY in names and scrapycache.is_entry(os.path.join(folder, scrapycache.BODY))
        for name in sorted(names):
            if name.startswith(".") or entry and name in scrapycache.SIBLINGS:
                continue
            child = os.path.join(folder, name)
            if os.path.islink(child) and not follow_symlinks and not _inside(os.path.realpath(child), top):
                found.outside.append(child)
            elif not os.path.isfile(child):
                continue
            elif (
                entry and name == scrapycache.BODY
                or name.lower().endswith(PAGE_SUFFIXES)
                or name.lower().endswith(".json") and _json_record(child)
                or name.lower().endswith(FEED_SUFFIXES) and is_feed(file_start(child, HTML_HEAD_BYTES))
                or name.lower().endswith(CSV_SUFFIXES) and header_delimiter(file_start(child, HTML_HEAD_BYTES * 4)) is not None
                or name.lower().endswith(PARQUET_SUFFIXES) and _parquet_records(child)
                or not name.lower().endswith((*NOT_PAGE_SUFFIXES, ".json", *FEED_SUFFIXES, *CSV_SUFFIXES, *PARQUET_SUFFIXES)) and _opens_as_html(child)
            ):
                found.files.append(child)
            else:
                left_out.append(child)


def _json_record(path: str) -> bool:
    """The .json file holds records with a page (a content field with a string or an object), not a sidecar of metadata."""
    return bool(_JSON_RECORD.match(file_start(path, JSON_HEAD_BYTES).lstrip(b"\xef\xbb\xbf")))


def _parquet_records(path: str) -> bool:
    """The file is Parquet whose columns name a page's content (or pyarrow, missing, cannot tell)."""
    from .readers.parquet import has_content_column

    return file_start(path, len(PARQUET_MAGIC)) == PARQUET_MAGIC and has_content_column(path) is not False


def _opens_as_html(path: str) -> bool:
    """The file's first bytes (gunzipped) are an HTML page's start (a doctype, <html> or <head>, maybe after an XML declaration and comments)."""
    head = file_start(path, HTML_HEAD_BYTES)
    if head[:2] == GZIP_MAGIC:  # a body saved as the server sent it (Scrapy's HTTP cache)
        try:
            head = zlib.decompressobj(wbits=31).decompress(head, HTML_HEAD_BYTES)
        except zlib.error:
            return False
    return bool(_OPENS_AS_HTML.match(head))


def _inside(path: str, top: str) -> bool:
    return path == top or path.startswith(top.rstrip(os.sep) + os.sep)


def left_out_kinds(left_out: Counter, most: int = 4) -> str:
    """The suffixes of files left out, most common first: ".css 12, .png 3, (no suffix) 1"."""
    kinds = ", ".join(f"{suffix} {n}" for suffix, n in sorted(left_out.items(), key=lambda kind: (-kind[1], kind[0]))[:most])
    return kinds + (", ..." if len(left_out) > most else "")


# -- the summary -----------------------------------------------------------------


def plural(n: int, word: str, many: str | None = None) -> str:
    return f"{n} {word if n == 1 else many or word + 's'}"


@dataclass
class RunSummary:
    run_id: int | None = None
    counts: Counter = field(default_factory=Counter)
    reasons: Counter = field(default_factory=Counter)
    skipped: Counter = field(default_factory=Counter)  # records that are no page, by kind
    left_out: Counter = field(default_factory=Counter)  # files in the directories not read as pages, by suffix
    seconds: float = 0.0
    kind: str = "ingest"
    steps: dict = field(default_factory=dict)  # cleaning step -> {"removals": n, "seconds": s}, summed over the run

    def add_profile(self, profile: dict) -> None:
        """Add one document's cleaning profile (Document.profile) to the run's."""
        for step, (removals, seconds) in profile.items():
            total = self.steps.setdefault(step, {"removals": 0, "seconds": 0.0})
            total["removals"] += removals
            total["seconds"] += seconds

    def as_text(self) -> str:
        c = self.counts
        if self.kind == "reprocess":
            head = (
                f"{plural(c['seen'], 'page')} re-cleaned in {self.seconds:.1f} s: {plural(c['changed'], 'article')} changed, "
                f"{c['appeared']} appeared, {c['disappeared']} disappeared, {c['unchanged']} unchanged"
            )
        else:
            head = (
                f"{plural(c['seen'], 'page')} in {self.seconds:.1f} s: {plural(c['ok'], 'new article')}, "
                f"{plural(c['duplicate'], 'duplicate')}, {c['rejected']} rejected, {c['unchanged']} already archived"
            )
        extra = []
        if c["superseded"]:
            extra.append(f"{plural(c['superseded'], 'article')} stored before now {'a copy' if c['superseded'] == 1 else 'copies'} of a better one")
        if c["claimed_elsewhere"]:
            extra.append(f"{plural(c['claimed_elsewhere'], 'page')} left to another ingest running now")
        if c["skipped"]:
            extra.append(f"{plural(c['skipped'], 'record')} that {'is' if c['skipped'] == 1 else 'are'} no page skipped")
        if c["outside"]:
            extra.append(f"{plural(c['outside'], 'symlink')} out of the input not followed")
        if c["missing"]:
            extra.append(f"{plural(c['missing'], 'path')} not found")
        if c["left_out"]:
            extra.append(f"{plural(c['left_out'], 'file')} in the directories not read as pages ({left_out_kinds(self.left_out)})")
        lines = [head + "".join("; " + e for e in extra)]
        for reason, n in self.reasons.most_common():
            lines.append(f"  rejected {n} x {reason}")
        for what, n in self.skipped.most_common(5):
            lines.append(f"  skipped {n} x {what}")
        return "\n".join(lines)


# -- the ordered stream of work ----------------------------------------------------


@dataclass
class _Item:
    """One entry of a run's ordered stream: a page to process, or something that needs no work."""

    page: PageInput | None  # set when the page is to be processed
    state: str  # new | archived | repeat | elsewhere | file | cached
    size: int = 0  # input bytes it accounts for (progress)
    source: PageInput | None = None  # the page as read, whatever its state
    mark: tuple | None = None  # state "file": (path, size, mtime_ns, page_id or None, pages)
    pages: int = 0  # state "cached": how many pages the unchanged file holds
    old: dict | None = None  # reprocess: the page's article before
    packed: Packed | None = None  # the page's bytes and removals as the archive stores them, packed by the per-page work


def _executor(options: Options, workers: int, scheduler: str | None):
    work = worker_function(options)
    if scheduler:
        return Dask(work, scheduler)
    if workers > 1:
        return Processes(work, workers, page_deadline(options), prepare=lambda: warm_up(options))
    return Inline(lambda page: process_input(page, options))  # nothing to ship: the writer packs the bytes


class _Run:
    """What ingest and reprocess share: the executor, the buffered writer, the counts, progress."""

    def __init__(self, archive, options: Options, summary: RunSummary, site_memory, progress, total_bytes: int):
        self.archive = archive
        self.options = options
        self.summary = summary
        self.site_memory = site_memory
        self.progress = progress
        self.total_bytes = total_bytes
        self.done_bytes = 0
        self.done_pages = 0  # processed, stored or not yet
        self.buffer: list[tuple[_Item, Document | None]] = []
        self.buffer_pages = 0
        self.buffer_since = 0.0

    def count(self, key: str, n: int = 1) -> None:
        self.summary.counts[key] += n

    def advance(self, item: _Item) -> None:
        self.done_bytes += item.size
        self.done_pages += item.pages if item.state == "cached" else item.state != "file"
        if self.progress:
            self.progress(self.done_bytes, self.total_bytes, self.summary.counts, self.done_pages)

    def buffered(self, item: _Item, doc: Document | None) -> None:
        if not self.buffer:
            self.buffer_since = time.monotonic()
        self.buffer.append((item, doc))
        self.buffer_pages += doc is not None
        if doc is not None:
            self.summary.add_profile(doc.profile)
        if self.buffer_pages >= BATCH_PAGES or time.monotonic() - self.buffer_since >= BATCH_SECONDS:
            self.flush()

    def flush(self) -> None:
        """Store what is buffered in one transaction, with the run's counts and heartbeat."""
        if not self.buffer:
            return
        entries, self.buffer, self.buffer_pages = self.buffer, [], 0
        counts, reasons = Counter(self.summary.counts), Counter(self.summary.reasons)
        try:
            with self.archive.transaction():
                for item, doc in entries:
                    self.write(item, doc)
                self.archive.heartbeat(self.summary.run_id, self.summary.counts)
        except BaseException:  # stopped while storing: the batch is absent, and so are its counts
            self.summary.counts, self.summary.reasons = counts, reasons
            raise

    def write(self, item: _Item, doc: Document | None) -> None:
        raise NotImplementedError

    def stored(self, doc: Document) -> None:
        self.count("seen")
        self.count(doc.status)
        if doc.merges and doc.status in ("ok", "duplicate"):
            self.count("superseded", len(doc.merges))  # articles stored before, now its copies
        if doc.status == "rejected":
            self.summary.reasons[(doc.reason or "").split(":")[0]] += 1


# -- ingest --------------------------------------------------------------------------


def ingest(
    paths: Iterable[str],
    archive,
    options: Options | None = None,
    workers: int = 1,
    progress: Callable[[int, int, Counter, int], None] | None = None,
    site_memory: SiteMemory | None = None,
    retry_rejected: bool = False,
    follow_symlinks: bool = False,
    scheduler: str | None = None,
) -> RunSummary:
    """Ingest files (pages, WARC files, JSON Lines feeds) and directories into an archive.Archive.

    Pages already archived (same bytes) cost a hash and a look-up, files
    unchanged since they were read (path, size, mtime) not even that.  With
    `site_memory`, lines the page's site prints on many archived pages are
    removed (rule `site_memory`) and each accepted page is learned from.
    `scheduler`: a Dask scheduler's address (or "local[:N]"), for the
    per-page work on a cluster.  `progress(done_bytes, total_bytes, counts,
    pages)` is called as the run goes (counts: of pages stored so far).
    """
    options = replace(options or Options(), block_languages=False)  # the archive keeps the article's language only
    started = time.monotonic()
    paths = [str(p) for p in paths]
    inputs = expand_paths(paths, follow_symlinks)
    summary = RunSummary()
    summary.counts["missing"] = len(inputs.missing)
    summary.counts["outside"] = len(inputs.outside)
    summary.counts["left_out"] = sum(inputs.left_out.values())
    summary.left_out = inputs.left_out
    for path in inputs.missing:
        print(f"warning: {path}: no such file or directory", file=sys.stderr)
    for path in inputs.outside:
        print(f"warning: {path}: a symlink out of the input, not followed (--follow-symlinks follows it)", file=sys.stderr)
    for path in inputs.hidden_caches:
        print(f"warning: {path}: Scrapy's HTTP cache, in a hidden directory, not read (name it to read it)", file=sys.stderr)
    run_options = _run_options(options, site_memory)
    summary.run_id = archive.start_run(__version__, paths, run_options)
    total = sum(_size(path) for path in inputs.files)
    run = _IngestRun(archive, options, summary, site_memory, progress, total, retry_rejected)
    _execute(run, run.items(inputs.files), options, workers, scheduler, started)
    return summary


def _execute(run: _Run, items: Iterator[_Item], options: Options, workers: int, scheduler: str | None, started: float) -> None:
    """Run the items through an executor, storing results in order; the run's row says how it ended."""
    status = "interrupted"
    executor = None
    try:
        executor = _executor(options, workers, scheduler)
        with run.archive.page_writes():
            for item, doc in executor.run(items):
                run.handle(item, doc)
            run.flush()
        status = "finished"
    finally:
        if executor is not None:
            executor.close()
        run.summary.seconds = time.monotonic() - started
        run.archive.finish_run(run.summary.run_id, run.summary.counts, status, run.summary.steps)


def _run_options(options: Options, site_memory) -> dict:
    """What a run was asked for, as its runs row keeps it (JSON)."""
    return {
        "format": options.format,
        "fast": options.fast,
        "skip_steps": sorted(options.skip_steps),
        "language_backend": options.language_backend,
        "site_memory": site_memory is not None,
    }


def _size(path: str) -> int:
    try:
        return os.stat(path).st_size
    except OSError:
        return 0


class _IngestRun(_Run):
    def __init__(self, archive, options, summary, site_memory, progress, total_bytes, retry_rejected):
        super().__init__(archive, options, summary, site_memory, progress, total_bytes)
        self.retry_rejected = retry_rejected
        self.in_run: set[str] = set()  # page ids this run has taken on and not stored yet
        self.unread = archive.unread_sources()
        self.elsewhere_files: set[str] = set()

    # The stream: files in order, each one's pages, then a mark that it was read to its end.
    def items(self, files: list[str]) -> Iterator[_Item]:
        pending: list[_Item] = []
        reads = 0
        for start in range(0, len(files), STAT_CHUNK):
            chunk = files[start : start + STAT_CHUNK]
            for path, info, cached in self._cached(chunk):
                if cached is not None:
                    pending.append(cached)
                    if len(pending) >= STAT_CHUNK:  # a run of unchanged files: passed on as they come
                        yield from self._admit(pending)
                        pending, reads = [], 0
                    continue
                pages, consumed, single = 0, 0, None
                for page in read_file(path, self.options, self.summary.skipped):
                    pages += 1
                    consumed += page.size
                    single = page if page.source == path else None
                    pending.append(_Item(page=None, state="read", size=page.size, source=page))
                    reads += 1
                    if reads >= ADMIT_PAGES:
                        yield from self._admit(pending)
                        pending, reads = [], 0
                size = max(0, info.st_size - consumed) if info else 0
                pending.append(_Item(page=None, state="file", size=size, mark=_mark(path, info, pages, single)))
        yield from self._admit(pending)

    def _cached(self, chunk: list[str]):
        """(path, stat, an _Item when the input-file cache says the file is unchanged and archived, else None)."""
        infos = {}
        for path in chunk:
            try:
                infos[path] = os.stat(path)
            except OSError:
                infos[path] = None
        rows = {} if self.retry_rejected else self.archive.cached_files(chunk)
        known_pages = [row["page_id"] for row in rows.values() if row["page_id"]]
        present = self.archive.archived(known_pages) if known_pages else set()
        for path in chunk:
            info, row = infos[path], rows.get(path)
            if row is None or info is None or (row["size"], row["mtime_ns"]) != (info.st_size, info.st_mtime_ns):
                yield path, info, None
            elif row["page_id"] and row["page_id"] not in present:
                yield path, info, None
            else:
                yield path, info, _Item(page=None, state="cached", size=info.st_size, pages=row["pages"] or 0)

    def _admit(self, pending: list[_Item]) -> Iterator[_Item]:
        """Decide each read page's fate in one transaction: already archived, repeated in this run, held by another run, or new (claimed)."""
        reads = [item for item in pending if item.state == "read"]
        if reads:
            ids = [item.source.page_id for item in reads]
            with self.archive.transaction():
                archived = self.archive.archived(ids, self.retry_rejected)
                fresh = sorted({i for i in ids if i not in archived and i not in self.in_run})
                held = self.archive.claim(self.summary.run_id, fresh) if fresh else set()
            for item, page_id in zip(reads, ids):
                if page_id in archived:
                    item.state = "archived"
                elif page_id in held:
                    item.state = "elsewhere"
                    self.elsewhere_files.add(item.source.file)
                elif page_id in self.in_run:
                    item.state = "repeat"
                else:
                    item.state, item.page = "new", item.source
                    self.in_run.add(page_id)
        yield from pending

    def handle(self, item: _Item, doc: Document | None) -> None:
        if item.state == "new":
            doc, item.packed = unpack(doc)
            doc.raw = item.source.raw  # the worker sent it back without its bytes, packed for storing
            self.buffered(item, doc)
        elif item.state in ("archived", "repeat"):
            self.count("seen")
            self.count("unchanged")
        elif item.state == "cached":
            self.count("seen", item.pages)
            self.count("unchanged", item.pages)
        elif item.state == "elsewhere":
            self.count("seen")
            self.count("claimed_elsewhere")
        elif item.state == "file" and item.mark is not None and item.mark[0] not in self.elsewhere_files:
            self.buffered(item, None)
        self.advance(item)

    def write(self, item: _Item, doc: Document | None) -> None:
        run_id = self.summary.run_id
        if doc is None:  # a file read to its end
            self.archive.remember_file(*item.mark[:3], run_id, *item.mark[3:])
            return
        doc = store_page(self.archive, doc, run_id, self.site_memory, self.options.near_duplicate_threshold, packed=item.packed)
        self.archive.release(run_id, [doc.id])
        if not self.retry_rejected:  # the archive knows it now (with retry_rejected it may not count it as archived)
            self.in_run.discard(doc.id)
        if doc.raw and self.unread and self.archive.stored_path(item.source.file) in self.unread:
            self.archive.resolve_unread(item.source.file, doc.id)
        self.stored(doc)

    def flush(self) -> None:
        super().flush()
        self.summary.counts["skipped"] = sum(self.summary.skipped.values())


def _mark(path: str, info, pages: int, single: PageInput | None) -> tuple | None:
    """What the input-file cache keeps of a file read to its end: (key, size, mtime_ns, page id of a one-page file, pages).

    None for a file that could not be read: it may read with the same size
    and mtime later (its permissions changed).
    """
    if info is None:
        return None
    if single is not None:
        if (single.reason or "").startswith("unreadable"):
            return None
        return (path, info.st_size, info.st_mtime_ns, single.page_id, 1)
    return (path, info.st_size, info.st_mtime_ns, None, pages)


# -- reprocess ------------------------------------------------------------------------


ARTICLE_FIELDS = ("url", "site", "title", "author", "published", "description", "language", "text", "duplicate_of")


def reprocess(
    archive,
    options: Options | None = None,
    workers: int = 1,
    progress: Callable[[int, int, Counter, int], None] | None = None,
    site_memory: SiteMemory | None = None,
    site: str | None = None,
    since: str | None = None,
    statuses: Iterable[str] | None = None,
    scheduler: str | None = None,
) -> RunSummary:
    """Re-clean stored pages from their raw bytes with the current rules and `options`, as a new run.

    Pages are chosen by `site` (host or site name), `since` (stored on or
    after this ISO date) and `statuses` (ok, duplicate, rejected); each is
    re-read as ingest read it (its container's hints are stored with it),
    re-cleaned, re-deduplicated and rewritten in place, keeping its id and
    when it was first stored.  The summary says how many articles changed,
    appeared and disappeared.  A reprocess stopped part-way leaves every
    page whole, old or new; the next one with the same selection and
    options goes on with the pages the stopped one did not reach.
    """
    options = replace(options or Options(), block_languages=False)
    started = time.monotonic()
    selection = {"site": site, "since": since, "statuses": sorted(statuses) if statuses else None}
    run_options = _run_options(options, site_memory)
    resumes, done_runs = archive.resumable_run(selection, run_options)
    summary = RunSummary(kind="reprocess")
    summary.run_id = archive.start_run(__version__, [], run_options, kind="reprocess", selection=json.dumps(selection, sort_keys=True), resumes=resumes)
    ids = archive.select_pages(site=site, since=since, statuses=selection["statuses"], exclude_runs=done_runs)
    run = _ReprocessRun(archive, options, summary, site_memory, progress, len(ids))
    _execute(run, run.items(ids), options, workers, scheduler, started)
    return summary


class _ReprocessRun(_Run):
    def items(self, ids: list[str]) -> Iterator[_Item]:
        for start in range(0, len(ids), ADMIT_PAGES):
            for row in self.archive.stored_pages(ids[start : start + ADMIT_PAGES]):
                origin = json.loads(row["origin"]) if row["origin"] else {}
                page = PageInput(source=row["source"], raw=row["raw"] or b"", hints=origin, file=row["source"], size=1)
                if not page.raw:
                    page.reason = row["reason"]  # no bytes to read again: it stays what it was
                yield _Item(page=page, state="new", size=1, source=page, old=row)

    def handle(self, item: _Item, doc: Document | None) -> None:
        doc, item.packed = unpack(doc)
        doc.raw = item.source.raw
        self.buffered(item, doc)
        self.advance(item)

    def write(self, item: _Item, doc: Document | None) -> None:
        old = item.old
        if self.site_memory is not None:
            self.archive.forget_learned(doc.id)  # what it taught about its site, as it was cleaned before
        was_canonical_with_copies = old["article"] is not None and old["article"]["duplicate_of"] is None
        doc = store_page(
            self.archive, doc, self.summary.run_id, self.site_memory, self.options.near_duplicate_threshold,
            ingested_at=old["ingested_at"], packed=item.packed,
        )
        if was_canonical_with_copies:
            self.archive.rehome_copies(doc)
        self.stored(doc)
        self.count(_change(old["article"], self.archive.article(doc.id)))

    def stored(self, doc: Document) -> None:
        self.count("seen")
        if doc.status == "rejected":
            self.summary.reasons[(doc.reason or "").split(":")[0]] += 1


def _change(before: dict | None, after: dict | None) -> str:
    if before is None and after is None:
        return "unchanged"
    if before is None:
        return "appeared"
    if after is None:
        return "disappeared"
    same = all(before.get(k) == after.get(k) for k in ARTICLE_FIELDS)
    return "unchanged" if same else "changed"
