"""Where the per-page work runs: in this process, in worker processes, or on a Dask cluster.

Each executor takes an iterator of work items in input order and yields
(item, result) in the same order, with a bounded number of pages in
flight; an item whose `page` is None needs no work and passes through.
Results come back in input order so that the archive a run builds does not
depend on how many workers built it.

Worker processes are started and stopped by this module, one pipe each, so
that a page past its time limit (a parse stuck in C code, which no signal
interrupts) is stopped by killing its worker, and each worker's address
space is capped: a page that needs more memory fails alone, with the reason
recorded.
"""

from __future__ import annotations

import gc
import os
import signal
import time
from collections import deque
from typing import Callable, Iterable, Iterator

from .document import Document
from .options import Options
from .readers import PageInput

# Pages handed out ahead per worker: enough to keep a worker busy while the
# ingest process stores a batch (~64 pages at ~3 ms each: with 4 a page, two
# workers starved and ran slower than one), few enough that memory stays
# flat on big batches.
IN_FLIGHT_PER_WORKER = 24
# ... and never more than this many bytes of pages in flight in all.
MAX_IN_FLIGHT_BYTES = 256 << 20
# Time a page gets beyond the extraction limit (reading, decoding, language,
# the dedupe signature) before its worker is killed.
WORKER_GRACE_SECONDS = 10
# Address space one page may add to its worker: several times what the page
# limits allow (a 5 MB text dump takes ~0.6 GB to clean, an HTML page at
# read.MAX_ELEMENTS ~0.15 GB).
PAGE_MEMORY_BYTES = 2 << 30
# Pages a worker process cleans before a fresh one takes its place.  A
# worker grows as it meets new languages and words (the cleaner's word
# lists and caches) and as it writes to pages it shares with the ingest
# process; a fresh one starts from the shared state again.  Reloading what
# it needs costs well under a second, i.e. under 1 ms a page at this
# count; 2,500 let an ingest of 100,000 pages reach 1,013 MB (bench/README.md).
RECYCLE_PAGES = 1500


def page_deadline(options: Options) -> float:
    return (options.extract_timeout or 20) + WORKER_GRACE_SECONDS


class Inline:
    """The per-page work in this process, one page at a time (--workers 1)."""

    def __init__(self, work: Callable[[PageInput], Document]):
        self.work = work

    def run(self, items: Iterable) -> Iterator[tuple[object, Document | None]]:
        for item in items:
            yield item, (self.work(item.page) if item.page is not None else None)

    def close(self) -> None:
        pass


class _Worker:
    def __init__(self, context, work, index: int, quota: int):
        self.tasks = context.Queue()  # its feeder thread sends: putting a page never blocks this process
        receive, self.results = context.Pipe(duplex=False)
        # Pages the worker has finished, counted in shared memory as each
        # result is handed to its sending thread: when the worker dies,
        # results finished but not yet sent are told apart from the page it
        # died on (`received` counts those that arrived).
        self.finished = context.RawValue("q", 0)
        self.received = 0
        self.process = context.Process(
            target=_worker_main, args=(work, self.tasks, self.results, self.finished), name=f"newsclean-worker-{index}", daemon=True
        )
        # Objects that exist now are moved out of the collector's reach for
        # the child: collecting them would write to every page holding one,
        # turning pages shared with this process into the child's own.
        gc.freeze()
        try:
            self.process.start()
        finally:
            gc.unfreeze()
        self.results.close()  # the child's end
        self.results = receive
        self.queue: deque = deque()  # entries sent to this worker, oldest first
        self.started = time.monotonic()  # when it began its oldest entry
        self.quota = quota  # pages it is given before it is replaced by a fresh worker
        self.given = 0

    @property
    def retiring(self) -> bool:
        return self.given >= self.quota

    def stop(self, kill: bool = False) -> None:
        if kill and self.process.is_alive():
            self.process.kill()
        self.tasks.cancel_join_thread()
        self.tasks.close()
        self.results.close()
        self.process.join(timeout=5)


# Seconds an idle worker waits for a page before it checks that the process
# that started it is still there (one killed outright cannot stop it).
ORPHAN_CHECK_SECONDS = 5


def _worker_main(work, tasks, results, finished) -> None:
    """Clean pages until told to stop; a thread sends the results back, so that the next page starts while the ingest process is busy writing."""
    import queue
    import threading
    from multiprocessing.reduction import ForkingPickler

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C: the main process stops the workers
    outbox: queue.SimpleQueue = queue.SimpleQueue()

    def send() -> None:
        while (data := outbox.get()) is not None:
            try:
                results.send_bytes(data)  # what Connection.send writes; the ingest process's recv() reads it
            except (OSError, ValueError):
                return  # the ingest process is gone

    sender = threading.Thread(target=send, name="newsclean-results", daemon=True)
    sender.start()  # before the cap: its stack is mapped now
    _cap_memory(PAGE_MEMORY_BYTES)
    parent = os.getppid()
    try:
        while True:
            try:
                page = tasks.get(timeout=ORPHAN_CHECK_SECONDS)
            except queue.Empty:
                if os.getppid() != parent:
                    return
                continue
            if page is None:
                return
            data = ForkingPickler.dumps(work(page))
            finished.value += 1
            outbox.put(data)
    finally:
        outbox.put(None)
        sender.join()


def _cap_memory(extra: int) -> None:
    """Limit this process's address space to what it holds now plus `extra` (Linux; elsewhere nothing)."""
    try:
        import resource

        with open("/proc/self/statm") as fh:
            size = int(fh.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
        resource.setrlimit(resource.RLIMIT_AS, (size + extra, resource.RLIM_INFINITY))
    except (OSError, ValueError, ImportError):
        pass


class Processes:
    """The per-page work in `workers` processes, each page bounded in time (killed past its deadline) and memory.

    The workers start with the first page that needs work (a re-run of
    pages all archived starts none), after `prepare` (loading what they
    would each load on their first page).
    """

    def __init__(self, work: Callable[[PageInput], Document], workers: int, deadline: float, prepare: Callable[[], None] | None = None):
        import multiprocessing

        self.context = multiprocessing.get_context("fork")
        self.work = work
        self.deadline = deadline
        self.count = workers
        self.prepare = prepare
        self.workers: list[_Worker] = []
        self.backlog: deque = deque()  # entries waiting for a worker that has not reached its quota

    def run(self, items: Iterable) -> Iterator[tuple[object, Document | None]]:
        entries: deque = deque()  # [item, result, done] in input order
        source = iter(items)
        window = self.count * IN_FLIGHT_PER_WORKER
        while True:
            for item in _fill(source, entries, window):
                entry = [item, None, item.page is None]
                entries.append(entry)
                if not entry[2]:
                    self.backlog.append(entry)
            self._dispatch()
            if not entries:
                return
            if entries[0][2]:
                item, result, _ = entries.popleft()
                yield item, result
                continue
            self._collect()

    def _dispatch(self) -> None:
        """Hand waiting entries to the least busy worker that has not reached its quota, while there is one."""
        if self.backlog and not self.workers:
            if self.prepare is not None:
                self.prepare()
            # The first workers reach their quotas at staggered times: never all at once.
            self.workers = [self._start(i, RECYCLE_PAGES * (i + 1) // self.count) for i in range(self.count)]
        while self.backlog:
            open_workers = [w for w in self.workers if not w.retiring]
            if not open_workers:
                return  # those retiring finish their pages, are replaced, and the rest waits for them
            worker = min(open_workers, key=lambda w: len(w.queue))
            entry = self.backlog.popleft()
            if not worker.queue:
                worker.started = time.monotonic()
            worker.queue.append(entry)
            worker.given += 1
            worker.tasks.put(entry[0].page)

    def _start(self, index: int, quota: int | None = None) -> _Worker:
        return _Worker(self.context, self.work, index, RECYCLE_PAGES if quota is None else quota)

    def _renew_retired(self) -> None:
        """Replace each worker that was given its quota and has finished it (RECYCLE_PAGES)."""
        for index, worker in enumerate(self.workers):
            if worker.retiring and not worker.queue:
                try:
                    worker.tasks.put(None)
                except (OSError, ValueError):
                    pass
                worker.stop()
                self.workers[index] = self._start(index)

    def _collect(self) -> None:
        """Wait for one result (or a worker's death or deadline) and record it."""
        from multiprocessing.connection import wait

        busy = [w for w in self.workers if w.queue]
        now = time.monotonic()
        timeout = max(0.0, min(w.started + self.deadline - now for w in busy))
        ready = wait([w.results for w in busy], timeout=min(timeout, 1.0))
        for worker in busy:
            if worker.results in ready:
                try:
                    result = worker.results.recv()
                except (EOFError, OSError):
                    self._replace(worker, _crash_reason(worker))
                    continue
                worker.received += 1
                entry = worker.queue.popleft()
                entry[1], entry[2] = result, True
                worker.started = time.monotonic()
                if worker.retiring and not worker.queue:
                    self._renew_retired()
            elif not worker.process.is_alive():
                self._replace(worker, _crash_reason(worker))
            elif time.monotonic() - worker.started > self.deadline:
                self._replace(worker, f"timeout: stopped after {self.deadline:g} s (the page's worker was killed)")
        self._dispatch()

    def _replace(self, worker: _Worker, reason: str) -> None:
        """Kill a worker, reject the page it was on with `reason`, hand its other pages to a new one.

        Pages it had finished whose results died with it (still in its
        sending thread) are cleaned again by the new worker.
        """
        worker.stop(kill=True)
        entries = list(worker.queue)
        unsent = max(0, worker.finished.value - worker.received)
        redo, current = entries[:unsent], entries[unsent:]
        if current:
            current[0][1], current[0][2] = _lost(current[0][0].page, reason), True
        index = self.workers.index(worker)
        self.workers[index] = self._start(index)
        self.backlog.extendleft(reversed(redo + current[1:]))  # first in line, in their order

    def close(self) -> None:
        for worker in self.workers:
            try:
                worker.tasks.put(None)
            except (OSError, ValueError):
                pass
        for worker in self.workers:
            worker.stop(kill=bool(worker.queue))


def _fill(source: Iterator, in_flight: deque, window: int) -> Iterator:
    """Items from `source` while fewer than `window` are in flight and their pages hold under MAX_IN_FLIGHT_BYTES."""
    if len(in_flight) >= window:  # most calls: a full window, nothing to add up
        return
    held = sum(len(entry[0].page.raw) for entry in in_flight if entry[0].page is not None)
    while len(in_flight) < window and held < MAX_IN_FLIGHT_BYTES:
        item = next(source, None)
        if item is None:
            return
        held += len(item.page.raw) if item.page is not None else 0
        yield item


def _crash_reason(worker: _Worker) -> str:
    worker.process.join(timeout=1)
    code = worker.process.exitcode
    how = f"killed by signal {-code}" if code is not None and code < 0 else f"exit code {code}"
    return f"crash: the worker died on this page ({how}; out of memory?)"


def _lost(page: PageInput, reason: str) -> Document:  # a Document: pipeline.runner.unpack passes it through
    """A rejected document for a page whose worker never answered."""
    doc = Document(source=page.source, origin=dict(page.hints))
    return doc.reject(reason)


class Dask:
    """The per-page work on a Dask cluster (`ingest --scheduler ADDRESS`); this process stays the only writer.

    ADDRESS is a scheduler's address (tcp://host:8786), or "local" /
    "local:N" for a LocalCluster of N worker processes on this machine.
    Pages in flight are bounded by the cluster's threads; a page whose
    worker died on it (Dask gives up after its retries) is rejected with
    the reason.
    """

    def __init__(self, work: Callable[[PageInput], Document], address: str):
        from distributed import Client, LocalCluster

        self.work = work
        self.cluster = None
        if address == "local" or address.startswith("local:"):
            workers = int(address.partition(":")[2] or os.cpu_count() or 1)
            self.cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None)
            self.client = Client(self.cluster)
        else:
            self.client = Client(address)

    def run(self, items: Iterable) -> Iterator[tuple[object, Document | None]]:
        threads = sum(self.client.nthreads().values()) or 1
        window = threads * IN_FLIGHT_PER_WORKER
        pending: deque = deque()
        source = iter(items)
        while True:
            for item in _fill(source, pending, window):
                future = self.client.submit(self.work, item.page, pure=False) if item.page is not None else None
                pending.append((item, future))
            if not pending:
                return
            item, future = pending.popleft()
            if future is None:
                yield item, None
                continue
            try:
                result = future.result()
            except Exception as exc:  # KilledWorker, a lost connection: this page only
                result = _lost(item.page, f"crash: the cluster could not process the page ({type(exc).__name__}: {exc})")
            yield item, result

    def close(self) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()
