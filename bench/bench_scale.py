"""Ingest at crawl scale: many pages as files, WARC and JSON Lines, with workers, re-runs and reprocess.

The corpus is made from the dev-pages and wcxb-dev pages: each page's text
dump keeps its layout (menus, bylines, teasers, footers, line lengths) and
gets its prose lines from other pages of the same language, so that pages
are as big as real ones but not copies of each other; a share of pages are
near-copies of earlier ones (a line dropped, a word changed).  Text dumps
are written as .txt files and as a JSON Lines feed (with URLs, so site
memory learns), HTML pages (the originals with a paragraph of their own) as
a WARC.gz.

Every ingest, re-run and reprocess runs `python -m pipeline ...` in a
process of its own, as a user runs it, sampled from /proc for its peak
memory (its own, and with its workers) and CPU seconds (its own: reading,
claims, the writer; its workers': the per-page work).

Figures, all from one run of this script (the machine's other jobs move
absolute times; ratios within a run are what count):
  - pages/s of one ingest per worker count (--workers-list), on text dumps
    (--ratio-pages of them), and the ratio of each to one worker; a Dask
    LocalCluster the same way (--local-cluster N);
  - the writer's ceiling: pages/s the writer alone absorbs, pages processed
    beforehand;
  - the full corpus (--pages) with --workers: total time, pages/s, peak RSS
    of the main process and of all processes together, archive size, FTS
    latency p50/p95 over 100 queries, the no-op re-run (and its share of
    the first ingest), reprocess of the last 10% stored.

Usage: .venv/bin/python bench/bench_scale.py --pages 100000 --workers-list 1,2 --out /tmp/scale
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from devpages import html_to_dump, load_cases  # noqa: E402
from wcxb import load_pages  # noqa: E402

from archive import Archive, search  # noqa: E402
from archive.site_memory import ArchiveSiteMemory  # noqa: E402
from pipeline import Options  # noqa: E402
from pipeline.readers.warc import response_record  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent

PROSE_CHARS = 80  # a dump line this long is prose: replaced by another page's prose line
NEAR_COPY_SHARE = 0.05
WARC_SHARE = 0.05  # HTML pages (slow to clean) in the WARC
JSONL_SHARE = 0.45  # text dumps in the JSON Lines feed; the rest are .txt files
QUERIES = 100


# -- the corpus ------------------------------------------------------------------


def base_pages(cache: Path) -> list[dict]:
    """Every dev-pages and wcxb-dev page: url, html, text dump, a language guess (cached: the dumps take a minute)."""
    if cache.exists():
        with gzip.open(cache, "rt", encoding="utf-8") as fh:
            return [json.loads(line) for line in fh]
    import py3langid

    pages = [(c.url, c.html) for c in load_cases()] + [(p.url, p.html) for p in load_pages()]
    out = []
    for url, html in pages:
        dump = html_to_dump(html)
        if not dump.strip():
            continue
        prose = [line for line in dump.split("\n") if len(line) >= PROSE_CHARS]
        language = py3langid.classify(" ".join(prose)[:2000])[0] if prose else "und"
        out.append({"url": url or "https://unknown.example/", "html": html.decode("utf-8", "replace"), "dump": dump, "language": language})
    with gzip.open(cache, "wt", encoding="utf-8") as fh:
        for page in out:
            fh.write(json.dumps(page, ensure_ascii=False) + "\n")
    return out


class Corpus:
    """Synthetic pages from the base pages, deterministic for a seed.

    A page is a base page's text dump (its layout: menus, bylines,
    teasers, footers) with the prose lines of another page of the same
    language (its donor, in order: one coherent article), each prose line's
    inner words shuffled, so that no two pages share the 5-word shingles
    dedupe compares while vocabulary, length, stopwords and topic stay the
    donor's.
    """

    def __init__(self, bases: list[dict], seed: int = 1):
        self.bases = bases
        self.rng = random.Random(seed)
        self.by_language: dict[str, list[dict]] = {}
        for page in bases:
            self.by_language.setdefault(page["language"], []).append(page)
        self.made: list[tuple[str, str]] = []
        self.count = 0

    def _shuffled(self, line: str) -> str:
        words = line.split()
        inner = words[1:-1]
        self.rng.shuffle(inner)
        return " ".join(words[:1] + inner + words[-1:])

    def text_dump(self) -> tuple[str, str]:
        """(url, text dump): a base page's layout with a donor's prose, or a near-copy of an earlier page."""
        self.count += 1
        if self.made and self.rng.random() < NEAR_COPY_SHARE:
            url, text = self.rng.choice(self.made)
            lines = text.split("\n")
            prose = [i for i, line in enumerate(lines) if len(line) >= PROSE_CHARS]
            if len(prose) > 2:
                lines.pop(self.rng.choice(prose))
            return f"{url}-copy{self.count}", "\n".join(lines)
        base = self.rng.choice(self.bases)
        donor = self.rng.choice(self.by_language.get(base["language"]) or [base])
        prose = iter([line for line in donor["dump"].split("\n") if len(line) >= PROSE_CHARS])
        lines = []
        for line in base["dump"].split("\n"):
            if len(line) >= PROSE_CHARS:
                line = next(prose, None)
                if line is None:
                    continue
                line = self._shuffled(line)
            lines.append(line)
        lines += [self._shuffled(line) for line in prose]
        url = f"{base['url'].rstrip('/')}/{self.count}"
        text = "\n".join(lines)
        if len(self.made) < 20_000:
            self.made.append((url, text))
        return url, text

    def html_page(self, n: int) -> tuple[str, bytes]:
        base = self.rng.choice(self.bases)
        donor = self.rng.choice(self.by_language.get(base["language"]) or [base])
        line = max(donor["dump"].split("\n"), key=len)
        extra = f"<p>Update {n}: {self._shuffled(line)}</p>"
        html = base["html"].replace("</body>", extra + "</body>", 1) if "</body>" in base["html"] else base["html"] + extra
        return f"{base['url'].rstrip('/')}/v{n}", html.encode("utf-8")


def write_corpus(out: Path, corpus: Corpus, pages: int) -> dict:
    """pages files: .txt dumps in folders of 1,000, a feed.jsonl, a crawl.warc.gz; returns counts per kind."""
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    warc_pages = int(pages * WARC_SHARE)
    jsonl_pages = int(pages * JSONL_SHARE)
    file_pages = pages - warc_pages - jsonl_pages
    for n in range(file_pages):
        folder = out / "files" / f"{n // 1000:04}"
        if n % 1000 == 0:
            folder.mkdir(parents=True)
        (folder / f"{n:06}.txt").write_text(corpus.text_dump()[1], encoding="utf-8")
    with open(out / "feed.jsonl", "w", encoding="utf-8") as fh:
        for _ in range(jsonl_pages):
            url, text = corpus.text_dump()
            fh.write(json.dumps({"url": url, "text": text}, ensure_ascii=False) + "\n")
    with open(out / "crawl.warc.gz", "wb") as fh:
        for n in range(warc_pages):
            url, html = corpus.html_page(n)
            fh.write(gzip.compress(response_record(url, html), 6))
    return {"files": file_pages, "jsonl": jsonl_pages, "warc": warc_pages}


def write_text_files(out: Path, corpus: Corpus, pages: int) -> Path:
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    for n in range(pages):
        (out / f"{n:06}.txt").write_text(corpus.text_dump()[1], encoding="utf-8")
    return out


# -- measuring ----------------------------------------------------------------------


class Sampler:
    """Peak memory and CPU seconds of a process tree (an ingest and its workers), read from /proc every 0.2 s.

    Memory is counted two ways: RSS summed over the processes (pages the
    workers share with the ingest process since the fork are counted once
    per process) and PSS summed (each shared page divided among the
    processes that share it: what the tree holds in physical memory).  PSS
    is read every PSS_EVERY samples (reading smaps costs more).
    """

    PSS_EVERY = 5

    def __init__(self, pid: int):
        self.pid = pid
        self.peak_main = self.peak_tree = self.peak_pss = self.peak_worker = 0
        self.cpu: dict[int, float] = {}  # pid -> last CPU seconds seen
        self.timeline: list[tuple[float, int, int]] = []  # (seconds, RSS summed, PSS summed) at each PSS reading
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()

    def cpu_main(self) -> float:
        return self.cpu.get(self.pid, 0.0)

    def cpu_workers(self) -> float:
        return sum(v for pid, v in self.cpu.items() if pid != self.pid)

    def _run(self):
        samples, started = 0, time.monotonic()
        while not self._stop.is_set():
            pids = [self.pid] + _descendants(self.pid)
            rss = {pid: _memory(pid, "/proc/{}/status", "VmRSS:") for pid in pids}
            for pid in pids:
                seconds = _cpu(pid)
                if seconds is not None:
                    self.cpu[pid] = max(self.cpu.get(pid, 0.0), seconds)
            self.peak_main = max(self.peak_main, rss.get(self.pid, 0))
            self.peak_tree = max(self.peak_tree, sum(rss.values()))
            self.peak_worker = max([self.peak_worker] + [v for pid, v in rss.items() if pid != self.pid])
            if samples % self.PSS_EVERY == 0:
                pss = sum(_memory(pid, "/proc/{}/smaps_rollup", "Pss:") for pid in pids)
                self.peak_pss = max(self.peak_pss, pss)
                self.timeline.append((time.monotonic() - started, sum(rss.values()), pss))
            samples += 1
            self._stop.wait(0.2)


def _memory(pid: int, path: str, field: str) -> int:
    """A kB figure of /proc/PID/status or smaps_rollup, in bytes (0 when the process is gone)."""
    try:
        with open(path.format(pid)) as fh:
            for line in fh:
                if line.startswith(field):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def _cpu(pid: int) -> float | None:
    try:
        with open(f"/proc/{pid}/stat") as fh:
            fields = fh.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return None


def _descendants(pid: int) -> list[int]:
    out, todo = [], [pid]
    while todo:
        parent = todo.pop()
        try:
            for task in os.listdir(f"/proc/{parent}/task"):
                with open(f"/proc/{parent}/task/{task}/children") as fh:
                    kids = [int(k) for k in fh.read().split()]
                out += kids
                todo += kids
        except OSError:
            pass
    return out


_SUMMARY = re.compile(r"^(\d+) pages? (?:re-cleaned )?in ")
_COUNT = re.compile(r"(\d+) (new articles?|duplicates?|rejected|already archived|articles? changed|appeared|disappeared|unchanged)")


@dataclass
class Run:
    seconds: float
    pages: int
    counts: dict
    summary: str
    cpu_main_ms: float  # CPU per page of the ingest process (reading, claims, the writer)
    cpu_workers_ms: float  # CPU per page of its worker processes
    peak_main: int  # RSS of the ingest process
    peak_tree: int  # RSS summed over the ingest process and its workers
    peak_pss: int  # PSS summed over them
    peak_worker: int  # RSS of the largest worker
    timeline: list  # (seconds, RSS summed, PSS summed)


def cli(args: list[str]) -> Run:
    """`python -m pipeline ARGS` as a user runs it, timed, its memory and CPU sampled."""
    command = [sys.executable, "-m", "pipeline", *args, "--quiet"]
    started = time.perf_counter()
    proc = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    sampler = Sampler(proc.pid)
    out, err = proc.communicate()
    seconds = time.perf_counter() - started
    sampler.stop()
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{err}")
    head = out.splitlines()[0]
    pages = int(_SUMMARY.match(head).group(1))
    counts = {what.split()[0] if what[0].isalpha() else what: int(n) for n, what in _COUNT.findall(head)}
    per = max(pages, 1)
    return Run(seconds, pages, counts, out.strip(), sampler.cpu_main() * 1000 / per, sampler.cpu_workers() * 1000 / per, sampler.peak_main, sampler.peak_tree, sampler.peak_pss, sampler.peak_worker, sampler.timeline)


def memory_line(run: Run) -> str:
    """Peak memory, both ways, and how the sums moved through the run (at each tenth of it): bounded or growing."""
    mb = 2**20
    tenths = []
    for tenth in range(1, 11):
        upto = [(rss, pss) for seconds, rss, pss in run.timeline if seconds <= run.seconds * tenth / 10]
        if upto:
            tenths.append(f"{max(r for r, _ in upto) / mb:.0f}/{max(p for _, p in upto) / mb:.0f}")
    return (
        f"RSS summed over the ingest process and its workers {run.peak_tree / mb:.0f} MB "
        f"(ingest process {run.peak_main / mb:.0f} MB, largest worker {run.peak_worker / mb:.0f} MB); "
        f"PSS summed {run.peak_pss / mb:.0f} MB (pages shared since the fork counted once); "
        f"peak RSS/PSS summed by each tenth of the run: {' '.join(tenths)} MB"
    )


def ingest_cli(db: Path, paths: list[Path], workers: int, scheduler: str | None = None, fresh: bool = True) -> Run:
    if fresh:
        for suffix in ("", "-wal", "-shm"):
            Path(str(db) + suffix).unlink(missing_ok=True)
    args = ["ingest", *map(str, paths), "--db", str(db), "--workers", str(workers)]
    return cli(args + (["--scheduler", scheduler] if scheduler else []))


def writer_ceiling(paths: list[Path], pages: int) -> tuple[float, float]:
    """(pages per second, pages per CPU second) the writer alone absorbs: pages processed first, then only site memory, dedupe look-ups and inserts timed."""
    from pipeline.readers import read_file
    from pipeline.runner import process_for_writer, unpack
    from pipeline.store import BATCH_PAGES, store_page

    options = Options(block_languages=False)
    docs = []
    for path in sorted(Path(paths[0]).rglob("*.txt"))[:pages]:
        for page in read_file(str(path), options):
            doc, packed = unpack(process_for_writer(page, options))  # as workers send them
            doc.raw = page.raw
            docs.append((doc, packed))
    db = Path(paths[0]).parent / "writer.db"
    db.unlink(missing_ok=True)
    arc = Archive(db)
    memory = ArchiveSiteMemory(arc.db)
    run = arc.start_run("bench", [], {})
    started, cpu = time.perf_counter(), time.process_time()
    with arc.page_writes():  # as a run stores pages
        for start in range(0, len(docs), BATCH_PAGES):
            with arc.transaction():
                for doc, packed in docs[start : start + BATCH_PAGES]:
                    store_page(arc, doc, run, memory, None, packed=packed)
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    arc.close()
    return len(docs) / seconds, len(docs) / cpu


def fts_latency(db: Path, rng: random.Random) -> tuple[float, float]:
    arc = Archive(db)
    try:
        titles = [row[0] for row in arc.db.execute("select title from articles where title is not null order by random() limit 2000")]
        words = [w for t in titles for w in re.findall(r"\w{5,}", t)]
        times = []
        for _ in range(QUERIES):
            query = " ".join(rng.sample(words, rng.choice((1, 1, 2))))
            started = time.perf_counter()
            search(arc.db, query, limit=10)
            times.append(time.perf_counter() - started)
    finally:
        arc.close()
    times.sort()
    return statistics.median(times) * 1000, times[int(len(times) * 0.95) - 1] * 1000


def size_breakdown(db: Path, top: int = 8) -> str:
    """The largest tables and indexes of an archive, with their share (SQLite's dbstat; empty where it is not built in)."""
    import sqlite3

    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        rows = conn.execute("select name, sum(pgsize) from dbstat group by name order by 2 desc").fetchall()
    except sqlite3.OperationalError:
        return ""
    finally:
        conn.close()
    total = sum(size for _, size in rows) or 1
    return ", ".join(f"{name} {100 * size / total:.0f}%" for name, size in rows[:top])


def size_of(db: Path) -> int:
    return sum(Path(str(db) + s).stat().st_size for s in ("", "-wal") if Path(str(db) + s).exists())


def _spin(loops: int) -> float:
    started = time.perf_counter()
    total = 0
    for i in range(loops):
        total += i * i
    return time.perf_counter() - started


def machine_load(loops: int = 40_000_000) -> str:
    """The load average, and a plain CPU check: one pure-Python loop alone, then two at once in two processes.

    On an idle machine with two cores, two processes run 2.0x one; on a
    machine whose cores other jobs hold, less: a worker count cannot show
    more than that.
    """
    import multiprocessing

    alone = _spin(loops)
    with multiprocessing.get_context("fork").Pool(2) as pool:
        started = time.perf_counter()
        pool.map(_spin, [loops, loops])
        both = time.perf_counter() - started
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    return (
        f"machine: {os.cpu_count()} cores, load average {load}; CPU check: a loop alone {alone:.2f} s, "
        f"two at once {both:.2f} s: two processes got {2 * alone / both:.2f}x one"
    )


# -- the run ---------------------------------------------------------------------------


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, default=100_000, help="pages of the full corpus (0: only the comparisons)")
    parser.add_argument("--ratio-pages", type=int, default=3000, help="text dumps for the per-worker-count comparison (0: not made)")
    parser.add_argument("--workers-list", default="1,2", help="worker counts to compare, e.g. 1,4,8,16")
    parser.add_argument("--workers", type=int, default=None, help="workers for the full corpus (default: the largest of the list)")
    parser.add_argument("--local-cluster", type=int, default=0, help="also a Dask LocalCluster of N workers on the comparison set")
    parser.add_argument("--writer-pages", type=int, default=2000, help="pages for the writer's ceiling (0: not measured)")
    parser.add_argument("--reprocess-share", type=float, default=0.1, help="share of the corpus, the last stored, that reprocess re-cleans")
    parser.add_argument("--out", type=Path, default=Path("/tmp/newsclean-scale"))
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    counts = [int(n) for n in args.workers_list.split(",")]
    workers = args.workers or max(counts)
    args.out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(args.seed)

    bases = base_pages(args.out / "base-pages.jsonl.gz")
    corpus = Corpus(bases, args.seed)
    print(f"base pages: {len(bases)} (dev-pages and wcxb-dev)", flush=True)

    ratio_set = write_text_files(args.out / "ratio", corpus, args.ratio_pages)
    print(machine_load(), flush=True)
    baseline = None
    for n in counts if args.ratio_pages else []:
        run = ingest_cli(args.out / f"ratio-{n}.db", [ratio_set], n)
        rate = run.pages / run.seconds
        baseline = baseline or rate
        print(
            f"text dumps, {args.ratio_pages} pages, --workers {n}: {run.seconds:.1f} s, {rate:.1f} pages/s, {rate / n:.1f} per worker, "
            f"{rate / baseline:.2f}x one worker; CPU per page: ingest process {run.cpu_main_ms:.1f} ms, workers {run.cpu_workers_ms:.1f} ms; "
            f"{run.summary.splitlines()[0]}",
            flush=True,
        )
    if args.local_cluster and args.ratio_pages:
        run = ingest_cli(args.out / "ratio-dask.db", [ratio_set], 1, scheduler=f"local:{args.local_cluster}")
        rate = run.pages / run.seconds
        print(f"text dumps, {args.ratio_pages} pages, Dask LocalCluster of {args.local_cluster} (started by the run): {run.seconds:.1f} s, {rate:.1f} pages/s, {rate / baseline:.2f}x one worker", flush=True)
    if args.ratio_pages:
        print(machine_load(), flush=True)
    if args.writer_pages and args.ratio_pages:
        wall, cpu = writer_ceiling([ratio_set], args.writer_pages)
        print(f"writer alone: {wall:.0f} pages/s, {cpu:.0f} pages per CPU second (site memory, dedupe look-ups, inserts; {args.writer_pages} text dumps processed beforehand)", flush=True)

    if not args.pages:
        return 0
    made = write_corpus(args.out / "corpus", corpus, args.pages)
    del corpus, bases
    print(f"corpus: {args.pages} pages: {made}", flush=True)
    inputs = [args.out / "corpus"]
    db = args.out / "scale.db"
    first = ingest_cli(db, inputs, workers)
    print(
        f"ingest, --workers {workers}: {first.seconds:.1f} s, {first.pages / first.seconds:.1f} pages/s; CPU per page: ingest process "
        f"{first.cpu_main_ms:.1f} ms, workers {first.cpu_workers_ms:.1f} ms",
        flush=True,
    )
    print(f"  peak memory: {memory_line(first)}", flush=True)
    print("  " + first.summary.replace("\n", "\n  "), flush=True)
    print(f"archive: {size_of(db) / 2**20:.0f} MB for {args.pages} pages, {size_of(db) / args.pages / 1024:.1f} KB a page; {size_breakdown(db)}", flush=True)
    p50, p95 = fts_latency(db, rng)
    print(f"FTS search over the archive, {QUERIES} queries of 1-2 title words: p50 {p50:.1f} ms, p95 {p95:.1f} ms", flush=True)

    again = ingest_cli(db, inputs, workers, fresh=False)
    print(f"no-op re-run: {again.seconds:.1f} s ({again.seconds / first.seconds:.1%} of the first ingest); {again.summary.splitlines()[0]}", flush=True)
    arc = Archive(db)
    (since,) = arc.db.execute("select ingested_at from pages order by ingested_at limit 1 offset ?", [int(args.pages * (1 - args.reprocess_share))]).fetchone()
    arc.close()
    redone = cli(["reprocess", "--db", str(db), "--workers", str(workers), "--since", since])
    print(f"reprocess --since {since}: {redone.seconds:.1f} s, {redone.pages / redone.seconds:.1f} pages/s; {redone.summary.splitlines()[0]}", flush=True)
    print(machine_load(), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
