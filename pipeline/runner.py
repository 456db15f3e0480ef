"""Chains the stages: read -> extract -> clean -> language -> dedupe -> store.

The per-page work (`process_input`: decode, extract, clean, language, the
container's hints, the dedupe signature) needs no archive and runs in this
process, in worker processes or on a Dask cluster (pipeline.executors).
The process that owns the archive reads the input files (pipeline.readers),
recognises pages already archived by their bytes' hash before any work is
done on them, claims the rest (another ingest running at the same time
leaves them alone), and stores results in input order, in batched
transactions (pipeline.store).  A page that fails is recorded with its
reason and the batch goes on.
"""

from __future__ import annotations

import os
import signal
import threading
import traceback
from contextlib import contextmanager
from dataclasses import replace
from functools import partial
from itertools import starmap
from typing import Iterable, Iterator

from .clean import clean
from .dedupe import MemoryIndex, dedupe, sign
from .document import Block, Document
from .executors import PAGE_MEMORY_BYTES
from .extract import extract
from .language import detect_language
from .metadata import clean_authors, clean_value, without_site
from .options import Options
from .packing import Packed, pack
from .read import decode_document, read_input
from .readers import PageInput, read_file, read_page_file

# The run-level entry points live in pipeline.runs (which imports this module).
_RUN_NAMES = ("ingest", "reprocess", "expand_paths", "RunSummary")


def __getattr__(name: str):
    if name in _RUN_NAMES:
        from . import runs

        return getattr(runs, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


class PageTimeout(BaseException):
    """A page ran past its time limit.

    A BaseException, as KeyboardInterrupt is: trafilatura wraps its
    fallbacks (recall retry, jusText, readability) in `except Exception`,
    and a timeout raised in one of them was swallowed, so a huge page ran on
    to the end instead of being rejected at its limit.
    """


# A timeout that was swallowed is raised again this often, until the page's block ends.
TIMEOUT_REPEAT_SECONDS = 0.5


@contextmanager
def time_limit(seconds: float):
    """Raise PageTimeout after `seconds`: by SIGALRM in the main thread, by a watchdog thread in any other.

    Either way the exception arrives between two Python bytecodes: a parse
    stuck inside C code is not interrupted (worker processes are killed for
    that, pipeline.executors).  Code that swallows it (a bare `except:`, or
    Python itself when it lands in a `__del__` run by the garbage
    collector) only delays it: it is raised again every
    TIMEOUT_REPEAT_SECONDS, and the block ends in PageTimeout whatever
    happened to the earlier ones.
    """
    if not seconds:
        yield
        return
    if hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread():
        with _alarm(seconds):
            yield
    else:  # a Dask worker's thread, a library caller's thread: no signal reaches it
        with _watchdog(seconds):
            yield


@contextmanager
def _alarm(seconds: float):
    fired = False

    def on_alarm(signum, frame):
        nonlocal fired
        fired = True
        raise PageTimeout()

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds, TIMEOUT_REPEAT_SECONDS)
    try:
        yield
    finally:
        while True:
            try:
                signal.setitimer(signal.ITIMER_REAL, 0)
                break
            except PageTimeout:  # a repeat that landed as the block ended
                fired = True
        signal.signal(signal.SIGALRM, previous)
    if fired:
        raise PageTimeout()


@contextmanager
def _watchdog(seconds: float):
    """PageTimeout raised in this thread by a timer thread (CPython's PyThreadState_SetAsyncExc)."""
    import ctypes

    target = ctypes.c_ulong(threading.get_ident())
    lock = threading.Lock()
    done = threading.Event()  # set under the lock: no timeout is raised once the block has ended
    state = {"fired": False}

    def fire():
        wait = seconds
        while not done.wait(wait):
            with lock:
                if done.is_set():
                    return
                state["fired"] = True
                ctypes.pythonapi.PyThreadState_SetAsyncExc(target, ctypes.py_object(PageTimeout))
            wait = TIMEOUT_REPEAT_SECONDS

    threading.Thread(target=fire, name="page-time-limit", daemon=True).start()
    try:
        yield
    finally:
        with lock:
            done.set()
            if state["fired"]:  # raised already, or still pending: never let it land after the block
                ctypes.pythonapi.PyThreadState_SetAsyncExc(target, None)
    if state["fired"]:
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
        apply_hints(doc)
    except PageTimeout:
        doc.reject(f"timeout: extraction took more than {options.extract_timeout:g} s")
    except RecursionError:
        doc.reject("malformed: markup nested too deeply to parse")
    except MemoryError:
        doc.reject(f"memory: the page needed more memory than a worker may use ({PAGE_MEMORY_BYTES >> 20} MB)")
    except Exception as exc:  # a bug or a pathological page: record it, go on
        doc.reject(f"error: {type(exc).__name__}: {exc}")
        if os.environ.get("PIPELINE_DEBUG"):
            traceback.print_exc()
    return doc


def process_input(page: PageInput, options: Options) -> Document:
    """All the work one page needs that does not depend on the archive, guarded: a failure rejects this page only.

    The page's raw bytes and decoded markup are not in the result (the
    writer has the bytes; the markup is not stored), so that little travels
    back from a worker.
    """
    doc = Document(source=page.source, raw=page.raw, origin=dict(page.hints))
    try:
        doc = read_input(page, options)
        if doc.ok:
            process_document(doc, options)
        sign(doc)
    except MemoryError:
        doc.reject(f"memory: the page needed more memory than a worker may use ({PAGE_MEMORY_BYTES >> 20} MB)")
    except Exception as exc:  # reading or signing broke on something unforeseen: this page only
        doc.reject(f"error: {type(exc).__name__}: {exc}")
        if os.environ.get("PIPELINE_DEBUG"):
            traceback.print_exc()
    doc.html = None
    return doc


def apply_hints(doc: Document) -> None:
    """A title, a date and authors the page's container gave (a JSON feed) are the article's: the scraper took them on purpose.

    The site's name it gave is the article's where the page names none,
    and a last part of its title that repeats it goes ("Headline | Site").
    """
    if not doc.ok:
        return
    site = clean_value(doc.origin.get("site"))
    if site and not doc.metadata.get("site"):
        doc.metadata["site"] = site
    if doc.origin.get("title"):
        title = without_site(clean_value(doc.origin["title"]), site)  # as a page's own title is read
        doc.metadata["title"] = title or doc.metadata.get("title")
    if doc.origin.get("published"):
        doc.metadata["published"] = doc.origin["published"]
    if doc.origin.get("author"):
        doc.metadata["author"] = clean_authors(doc.origin["author"]) or doc.metadata.get("author")


def process_path(path: str, options: Options) -> Document:
    """The per-page work on a file that is one page."""
    return process_input(read_page_file(str(path), options), options)


def clean_paths(paths: Iterable[str], options: Options | None = None) -> Iterator[Document]:
    """Library API: cleaned documents for files, directories, WARC and JSON Lines files, no archive.

    Duplicates within the call are marked.
    """
    from .runs import expand_paths

    options = options or Options()
    index = MemoryIndex()
    inputs = expand_paths([str(p) for p in paths])
    for path in inputs.files:
        for page in read_file(path, options):
            yield dedupe(process_input(page, options), index, options.near_duplicate_threshold)


_WARM_UP_PAGES = (
    b"<html><head><title>Warm-up</title></head><body><article><h1>Warm-up</h1>"
    b"<p>The council approved the new budget for the schools and the roads of the city on Monday evening.</p>"
    b"</article></body></html>",
    b"Warm-up\nThe council approved the new budget for the schools and the roads of the city on Monday evening.\n",
)


def warm_up(options: Options) -> None:
    """Load what the stages load on first use (the extractor, language models), outside any page's time limit.

    Called before worker processes are forked: they start warm, and a
    page's time limit is its own work, not the first page's imports.
    """
    cold = replace(options, extract_timeout=0)
    for raw in _WARM_UP_PAGES:
        process_input(PageInput(source="<warm-up>", raw=raw), cold)


def process_for_writer(page: PageInput, options: Options) -> tuple:
    """process_input, packed to travel back from a worker (see `unpack`).

    The page's bytes and removals come back as the archive stores them
    (pipeline.packing: compressing and encoding them is done here, beside
    the cleaning, not in the process that writes), and blocks travel as
    tuples: a Block (a slots dataclass) pickles through Python code, which
    cost the ingest process 0.4 ms a page to unpickle, four times the
    tuples.
    """
    doc = process_input(page, options)
    packed = pack(doc, page.raw)
    doc.raw = b""
    blocks, doc.blocks = doc.blocks, []
    return doc, [(b.text, b.kind, b.removed_by, b.language) for b in blocks], packed


def unpack(result) -> tuple[Document, Packed | None]:
    """(document, its bytes and removals as packed, or None) from what process_for_writer sent (or a Document, as it is)."""
    if isinstance(result, Document):
        return result, None
    doc, blocks, packed = result
    doc.blocks = list(starmap(Block, blocks))
    return doc, packed


def worker_function(options: Options):
    """The per-page work as one picklable callable (worker processes, Dask)."""
    return partial(process_for_writer, options=options)
