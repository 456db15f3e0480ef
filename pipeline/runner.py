"""Chains the stages: read -> extract -> clean -> language -> dedupe -> store.

The pure stages (read to language) run per file, in worker processes when
asked; dedupe and store run in the main process, in input order, because
they share the archive.  A page that fails is recorded with its reason and
the batch goes on.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
import time
import traceback
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable, Iterable, Iterator

from . import __version__
from .clean import clean
from .dedupe import MemoryIndex, dedupe
from .document import Document
from .extract import extract
from .language import detect_language
from .options import EXTRACT_TIMEOUT_SECONDS, Options
from .read import decode_document, read_path
from .site_memory import SiteMemory, apply_site_memory, learn_from

# File names a scrape directory holds that are pages; others (logs, .json
# sidecars) are skipped with a count.
PAGE_SUFFIXES = (".txt", ".html", ".htm", ".xhtml", ".gz", ".text", ".dump")


# Pages handed to each worker ahead of time: enough to keep workers busy,
# few enough that memory stays flat on big batches.
IN_FLIGHT_PER_WORKER = 4
# Time a worker gets beyond twice the extraction limit (reading, language
# detection, queueing behind another page) before its page counts as lost.
WORKER_GRACE_SECONDS = 30


class PageTimeout(BaseException):
    """A page ran past its time limit.

    A BaseException, as KeyboardInterrupt is: trafilatura wraps its
    fallbacks (recall retry, jusText, readability) in `except Exception`,
    and a timeout raised in one of them was swallowed, so a huge page ran on
    to the end instead of being rejected at its limit.
    """


@contextmanager
def time_limit(seconds: float):
    """Raise PageTimeout after `seconds` (only where signals work: main thread, POSIX).

    Code that swallows even a BaseException (a bare `except:`) only delays
    it: the block still ends in PageTimeout once it returns.
    """
    usable = seconds and hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if not usable:
        yield
        return
    fired = False

    def on_alarm(signum, frame):
        nonlocal fired
        fired = True
        raise PageTimeout()

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    if fired:
        raise PageTimeout()


def process_document(doc: Document, options: Options) -> Document:
    """The pure stages on a document; one built from bytes alone (Document(source, raw=...)) is read first."""
    if isinstance(doc.raw, str):
        raise TypeError("Document.raw holds a page's bytes; for a str use pipeline.clean_html or pipeline.clean_text")
    if doc.ok and doc.format == "unknown" and doc.html is None and not doc.blocks:
        decode_document(doc, options)
    try:
        with time_limit(options.extract_timeout):
            extract(doc, options.language_backend)
            clean(doc, options)
        detect_language(doc, options.language_backend, options.block_languages)
    except PageTimeout:
        doc.reject(f"timeout: extraction took more than {options.extract_timeout:g} s")
    except RecursionError:
        doc.reject("malformed: markup nested too deeply to parse")
    except Exception as exc:  # a bug or a pathological page: record it, go on
        doc.reject(f"error: {type(exc).__name__}: {exc}")
        if os.environ.get("PIPELINE_DEBUG"):
            traceback.print_exc()
    return doc


def process_path(path: str, options: Options) -> Document:
    return process_document(read_path(path, options), options)


def clean_paths(paths: Iterable[str], options: Options | None = None) -> Iterator[Document]:
    """Library API: cleaned documents for files, no archive (duplicates within the call are marked)."""
    options = options or Options()
    index = MemoryIndex()
    for path in paths:
        yield dedupe(process_path(str(path), options), index, options.near_duplicate_threshold)


def expand_paths(paths: Iterable[str]) -> tuple[list[str], list[str]]:
    """(page files, missing paths): directories are walked (for regular files), hidden files skipped.

    A path named on its own that exists is a page even when it is not a
    regular file (a pipe, a device): reading records why it was refused.
    """
    files: list[str] = []
    missing: list[str] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and not any(part.startswith(".") for part in child.relative_to(path).parts):
                    if child.name.lower().endswith(PAGE_SUFFIXES):
                        files.append(str(child))
        elif path.exists():
            files.append(str(path))
        else:
            missing.append(str(path))
    return files, missing


@dataclass
class RunSummary:
    run_id: int | None = None
    counts: Counter = field(default_factory=Counter)
    reasons: Counter = field(default_factory=Counter)
    seconds: float = 0.0
    steps: dict = field(default_factory=dict)  # cleaning step -> {"removals": n, "seconds": s}, summed over the run

    def add_profile(self, profile: dict) -> None:
        """Add one document's cleaning profile (Document.profile) to the run's."""
        for step, (removals, seconds) in profile.items():
            total = self.steps.setdefault(step, {"removals": 0, "seconds": 0.0})
            total["removals"] += removals
            total["seconds"] += seconds

    def as_text(self) -> str:
        c = self.counts
        lines = [
            f"{c['seen']} pages in {self.seconds:.1f} s: {c['ok']} new articles, {c['duplicate']} duplicates, "
            f"{c['rejected']} rejected, {c['unchanged']} already archived"
            + (f"; {c['missing']} path{'s' if c['missing'] > 1 else ''} not found" if c["missing"] else "")
        ]
        for reason, n in self.reasons.most_common():
            lines.append(f"  rejected {n} x {reason}")
        return "\n".join(lines)


def _worker_init() -> None:
    # Workers ignore Ctrl-C; the main process stops the pool.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _map(files: list[str], options: Options, workers: int) -> Iterator[Document]:
    """Processed documents in input order; a worker that dies costs only its own page.

    multiprocessing.Pool never returns the result of a task whose worker
    died (a segfault in a parser, the OOM killer): waiting on it would hang
    the batch.  Each result is awaited with a deadline instead; a page whose
    result does not come is recorded as rejected and the batch goes on (the
    pool replaces the dead worker).
    """
    if workers <= 1:
        for path in files:
            yield process_path(path, options)
        return
    import multiprocessing
    from collections import deque
    from functools import partial

    deadline = (options.extract_timeout or EXTRACT_TIMEOUT_SECONDS) * 2 + WORKER_GRACE_SECONDS
    work = partial(process_path, options=options)
    with multiprocessing.get_context("fork").Pool(workers, initializer=_worker_init) as pool:
        pending: deque = deque()
        queue = iter(files)
        for path in queue:
            pending.append((path, pool.apply_async(work, (path,))))
            if len(pending) >= workers * IN_FLIGHT_PER_WORKER:
                break
        while pending:
            path, result = pending.popleft()
            try:
                yield result.get(timeout=deadline)
            except multiprocessing.TimeoutError:
                yield _lost_page(path, f"crash: no result within {deadline:g} s (the worker died or hung outside the time limit)")
            for path in queue:
                pending.append((path, pool.apply_async(work, (path,))))
                break


def _lost_page(path: str, reason: str) -> Document:
    """A rejected document for a page whose worker never answered, with its bytes so it stays rebuildable."""
    doc = Document(source=path)
    try:
        doc.raw = Path(path).read_bytes()
    except OSError:
        pass
    return doc.reject(reason)


def ingest(
    paths: Iterable[str],
    archive,
    options: Options | None = None,
    workers: int = 1,
    progress: Callable[[int, int, Counter], None] | None = None,
    site_memory: SiteMemory | None = None,
) -> RunSummary:
    """Ingest files into an archive.Archive; returns the run's counts.

    With `site_memory`, lines the page's site prints on many archived pages
    are removed (rule `site_memory`) and each accepted page is learned from.
    """
    # The archive keeps the article's language, not its blocks'.
    options = replace(options or Options(), block_languages=False)
    started = time.monotonic()
    paths = [str(p) for p in paths]  # read twice below: a generator would be used up by the first
    files, missing = expand_paths(paths)
    summary = RunSummary()
    run_options = {
        "format": options.format,
        "fast": options.fast,
        "skip_steps": sorted(options.skip_steps),
        "language_backend": options.language_backend,
        "site_memory": site_memory is not None,
    }
    summary.run_id = archive.start_run(__version__, paths, run_options)
    for path in missing:
        summary.counts["missing"] += 1
        print(f"warning: {path}: no such file or directory", file=sys.stderr)
    try:
        _store_all(files, archive, options, workers, progress, site_memory, summary)
    finally:
        # Also when stopped (Ctrl-C): the run's row says what it did before.
        summary.seconds = time.monotonic() - started
        archive.finish_run(
            summary.run_id,
            {k: summary.counts[k] for k in ("seen", "ok", "rejected", "duplicate", "unchanged")},
            summary.steps,
        )
    return summary


def _store_all(files, archive, options, workers, progress, site_memory, summary) -> None:
    """ingest's loop: each processed page deduplicated, stored and learned from, counted in `summary`.

    The archive is also the dedupe index (pipeline.dedupe.DedupeIndex).
    """
    for n, doc in enumerate(_map(files, options, workers), start=1):
        summary.counts["seen"] += 1
        summary.add_profile(doc.profile)
        if archive.has_page(doc.id):
            summary.counts["unchanged"] += 1
        else:
            # One transaction, begun before dedupe looks for copies: an ingest
            # running beside this one cannot store a copy in between, and a
            # page stored but not learned from (the next ingest would skip it
            # as archived) cannot happen.
            with archive.transaction():
                if site_memory is not None:
                    apply_site_memory(doc, site_memory)
                dedupe(doc, archive, options.near_duplicate_threshold)
                archive.write(doc, run_id=summary.run_id)
                if site_memory is not None:
                    learn_from(doc, site_memory)
            summary.counts[doc.status] += 1
            if doc.status == "rejected":
                summary.reasons[(doc.reason or "").split(":")[0]] += 1
        if progress:
            progress(n, len(files), summary.counts)
