"""Where the per-page work runs: each page bounded in time and memory, results in input order."""

import os
from dataclasses import dataclass

import pytest

from pipeline.executors import Inline, Processes
from pipeline.options import Options
from pipeline.readers import PageInput, read_page_file
from pipeline.runner import process_input
from test_html import GOOD_BODY, news_page


@dataclass
class Item:
    page: PageInput | None


def work_of(options):
    return lambda page: process_input(page, options)


def pages(tmp_path, names_and_texts):
    out = []
    for name, text in names_and_texts:
        (tmp_path / name).write_text(text, encoding="utf-8")
        out.append(read_page_file(str(tmp_path / name), Options()))
    return out


def test_results_come_in_input_order_and_items_without_work_pass_through(tmp_path):
    inputs = pages(tmp_path, [(f"p{i}.html", news_page().replace("Stadtwerke", f"Stadtwerke {i}")) for i in range(5)])
    items = [Item(inputs[0]), Item(None), *[Item(p) for p in inputs[1:]]]
    executor = Processes(work_of(Options(format="html")), 2, deadline=60)
    try:
        results = list(executor.run(items))
    finally:
        executor.close()
    assert [item for item, _ in results] == items
    assert results[1][1] is None
    assert [f"Stadtwerke {i}" in doc.text for i, doc in enumerate(d for _, d in results if d is not None)] == [True] * 5


def test_time_limit_fires_in_worker_processes(tmp_path):
    from pipeline.runner import warm_up

    warm_up(Options())  # as ingest does before it starts workers: each page's limit is its own work
    huge = "<html><body>" + GOOD_BODY * (20_000_000 // len(GOOD_BODY)) + "</body></html>"
    inputs = pages(tmp_path, [("a-huge.html", huge)] + [(f"b-good-{i}.html", news_page()) for i in range(3)])
    executor = Processes(work_of(Options(format="html", extract_timeout=1)), 2, deadline=60)
    try:
        docs = [doc for _, doc in executor.run([Item(p) for p in inputs])]
    finally:
        executor.close()
    assert [d.source for d in docs] == [p.source for p in inputs]
    assert docs[0].reason == "timeout: extraction took more than 1 s"
    assert [d.status for d in docs[1:]] == ["ok", "ok", "ok"]


def _hang_or_die(options):
    def work(page):
        if page.source.endswith("page-1.html"):
            import time

            time.sleep(600)  # a parse stuck in C code: no signal gets it out
        if page.source.endswith("page-3.html"):
            os._exit(3)  # what a segfault in a parser looks like from outside
        return process_input(page, options)

    return work


def test_a_stuck_page_is_killed_and_a_dying_worker_loses_only_its_own_page(tmp_path):
    import trafilatura  # noqa: F401  (imported before the fork: workers start warm, even on a loaded machine)

    inputs = pages(tmp_path, [(f"page-{i}.html", news_page().replace("Stadtwerke", f"Stadtwerke {i}")) for i in range(6)])
    executor = Processes(_hang_or_die(Options(format="html")), 2, deadline=4)
    try:
        docs = [doc for _, doc in executor.run([Item(p) for p in inputs])]
    finally:
        executor.close()
    assert [d.status for d in docs] == ["ok", "rejected", "ok", "rejected", "ok", "ok"]
    assert docs[1].reason == "timeout: stopped after 4 s (the page's worker was killed)"
    assert docs[3].reason.startswith("crash: the worker died on this page (exit code 3")
    assert "Stadtwerke 5" in docs[5].text


def test_a_page_that_needs_too_much_memory_fails_alone(tmp_path):
    from pipeline import executors

    def greedy(page):
        if page.source.endswith("big.html"):
            blocks = [bytearray(64 << 20) for _ in range(64)]  # 4 GB, over the worker's cap
            return blocks
        return process_input(page, Options(format="html"))

    inputs = pages(tmp_path, [("big.html", news_page()), ("small.html", news_page())])
    executor = Processes(_guarded(greedy), 1, deadline=60)
    try:
        docs = [doc for _, doc in executor.run([Item(p) for p in inputs])]
    finally:
        executor.close()
    assert docs[0].status == "rejected" and docs[0].reason.startswith("memory:"), docs[0].reason
    assert docs[1].status == "ok"
    assert executors.PAGE_MEMORY_BYTES < 4 << 30


def _guarded(work):
    from pipeline.document import Document

    def guarded(page):
        try:
            return work(page)
        except MemoryError:
            return Document(source=page.source).reject("memory: over the cap")

    return guarded


def test_inline_runs_in_this_process():
    seen = []
    executor = Inline(lambda page: seen.append(os.getpid()) or page.source)
    assert [r for _, r in executor.run([Item(PageInput("a")), Item(None)])] == ["a", None]
    assert seen == [os.getpid()]


def _pid_of(page):
    return page.source, os.getpid()


def test_workers_are_replaced_after_their_quota_and_no_page_is_lost(monkeypatch):
    import pipeline.executors as executors

    monkeypatch.setattr(executors, "RECYCLE_PAGES", 4)
    items = [Item(PageInput(source=f"p{i}", raw=b"x")) for i in range(20)]
    executor = Processes(_pid_of, 2, deadline=60)
    try:
        results = list(executor.run(items))
        assert len(executor.workers) == 2 and all(worker.process.is_alive() for worker in executor.workers)
    finally:
        executor.close()
    assert [source for _, (source, _) in results] == [f"p{i}" for i in range(20)]
    pids = [pid for _, (_, pid) in results]
    # Each worker took at most its quota of 4 pages: 20 pages, 5 workers or more.
    assert len(set(pids)) >= 5 and max(pids.count(pid) for pid in set(pids)) <= 4


# The limit's exception may land in a callback the interpreter runs on that
# thread (a weakref's, when the collector runs), which swallows it and
# reports it as unraisable; the watchdog raises it again, which is what the
# test checks.
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_time_limit_fires_in_a_thread_where_no_signal_reaches(tmp_path):
    # Dask runs pages in worker threads: the limit is kept there by a watchdog thread.
    import threading

    huge = "<html><body>" + GOOD_BODY * (20_000_000 // len(GOOD_BODY)) + "</body></html>"
    (page,) = pages(tmp_path, [("a-huge.html", huge)])
    (good,) = pages(tmp_path, [("b-good.html", news_page())])
    options = Options(format="html", extract_timeout=1)
    docs = []
    thread = threading.Thread(target=lambda: docs.extend(process_input(p, options) for p in (page, good)))
    thread.start()
    thread.join(timeout=60)
    assert not thread.is_alive()
    assert docs[0].reason == "timeout: extraction took more than 1 s"
    assert docs[1].status == "ok"  # the limit of the page before does not reach it


def _big_then_die(page):
    if page.source == "p1":
        return page.source, b"x" * (64 << 20)  # still being sent when the next page kills the worker
    if page.source == "p2":
        os._exit(3)
    return page.source, b""


def test_a_worker_that_dies_with_results_unsent_loses_only_the_page_it_died_on():
    items = [Item(PageInput(source=f"p{i}", raw=b"x")) for i in range(5)]
    executor = Processes(_big_then_die, 1, deadline=60)
    try:
        results = [result for _, result in executor.run(items)]
    finally:
        executor.close()
    assert [r[0] for r in (results[0], results[1], results[3], results[4])] == ["p0", "p1", "p3", "p4"]
    assert len(results[1][1]) == 64 << 20  # whole, sent before the crash or cleaned again by the next worker
    assert results[2].status == "rejected" and results[2].reason.startswith("crash: the worker died on this page (exit code 3")
