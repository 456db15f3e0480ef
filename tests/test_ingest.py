"""Ingest runs: re-runs, resuming, claims, faults that must not stop a batch, workers and Dask (pipeline/runs.py)."""

import gzip
import json
import os
import subprocess
import sys

import pytest
from click.testing import CliRunner

import pipeline.runs as runs
from archive import Archive
from archive.site_memory import ArchiveSiteMemory
from conftest import ROOT, SEEDS
from pipeline.cli import cli
from pipeline.options import Options
from pipeline.readers.warc import response_record
from test_readers import page


def snapshot(db_path):
    """What an archive holds, independent of when and by which process it was written."""
    arc = Archive(db_path)
    try:
        return {
            "pages": arc.db.execute("select id, source, status, reason, url, fetched_at, origin from pages order by id").fetchall(),
            "articles": arc.db.execute("select id, title, text, language, duplicate_of, content_hash from articles order by id").fetchall(),
            "removed": arc.db.execute("select page_id, seq, rule, text from removed_blocks order by page_id, seq").fetchall(),
            "site_lines": arc.db.execute("select site, line_hash, pages from site_lines order by 1, 2").fetchall(),
            "signatures": arc.db.execute("select article_id, signature, similarity from minhash_signatures order by 1").fetchall(),
        }
    finally:
        arc.close()


def mixed_batch(tmp_path):
    """Text dumps, HTML files, a WARC and a JSON Lines feed, with a copy and a broken record."""
    src = tmp_path / "batch"
    src.mkdir()
    for seed in sorted(SEEDS.glob("*.txt")):
        (src / seed.name).write_bytes(seed.read_bytes())
    (src / "copy.txt").write_bytes(next(SEEDS.glob("*.txt")).read_bytes() + b"\n")
    (src / "page.html").write_bytes(page(1))
    records = [response_record(f"https://example.com/{n}", page(n + 10)) for n in range(3)]
    (src / "crawl.warc.gz").write_bytes(b"".join(gzip.compress(r) for r in records))
    feed = [json.dumps({"url": f"https://example.org/{n}", "html": page(n + 20).decode(), "title": f"Titel {n}"}) for n in range(3)]
    (src / "feed.jsonl").write_text("\n".join(feed[:2] + ["{not json"] + feed[2:]) + "\n")
    return src


def ingest_into(db_path, paths, **kwargs):
    arc = Archive(db_path)
    try:
        return runs.ingest([str(p) for p in paths], arc, site_memory=ArchiveSiteMemory(arc.db), **kwargs)
    finally:
        arc.close()


def test_a_mixed_batch_is_ingested_with_each_record_its_own_page(tmp_path):
    src = mixed_batch(tmp_path)
    summary = ingest_into(tmp_path / "a.db", [src])
    assert (summary.counts["ok"], summary.counts["duplicate"], summary.counts["rejected"]) == (12, 1, 1), summary.as_text()
    pages = {row[1].rsplit("/", 1)[1]: row for row in snapshot(tmp_path / "a.db")["pages"]}
    warc = [name for name in pages if name.startswith("crawl.warc.gz@")]
    assert len(warc) == 3 and pages[warc[0]][4].startswith("https://example.com/") and pages[warc[0]][5]
    assert pages["feed.jsonl:3"][2:4] == ("rejected", pages["feed.jsonl:3"][3]) and pages["feed.jsonl:3"][3].startswith("bad_json: line 3")
    assert json.loads(pages["feed.jsonl:4"][6])["title"] == "Titel 2"


def test_a_json_export_is_ingested_item_by_item_with_its_tools_fields(tmp_path):
    items = [
        {"url": f"https://example.org/{n}", "markdown": "# " + f"Nachricht {n}\n\n" + page(n + 30).decode().split("<p>", 1)[1].split("</p>")[0],
         "metadata": {"author": "Anna Schmidt", "publishedTime": f"2024-06-0{n + 1}T10:00:00Z"}}
        for n in range(3)
    ]
    export = tmp_path / "crawl.json"
    export.write_text(json.dumps({"success": True, "data": items[:2] + [[1, 2]] + items[2:]}, indent=2))
    summary = ingest_into(tmp_path / "a.db", [export])
    assert (summary.counts["ok"], summary.counts["rejected"]) == (3, 1), summary.as_text()
    arc = Archive(tmp_path / "a.db")
    try:
        rows = arc.db.execute(
            "select p.source, p.status, p.reason, a.url, a.title, a.author, a.published from pages p left join articles a on a.page_id = p.id order by p.source"
        ).fetchall()
    finally:
        arc.close()
    assert [r[0].rsplit(":", 1)[1] for r in rows] == [".data[0]", ".data[1]", ".data[2]", ".data[3]"]
    assert rows[2][1:3] == ("rejected", "bad_json: item .data[2] is a JSON array, not an object")
    assert rows[3][1:] == ("ok", None, "https://example.org/2", "Nachricht 2", "Anna Schmidt", "2024-06-03T10:00:00+00:00")
    assert ingest_into(tmp_path / "a.db", [export]).counts["unchanged"] == 4


def test_a_re_run_reads_nothing_and_changes_nothing(tmp_path, monkeypatch):
    src = mixed_batch(tmp_path)
    first = ingest_into(tmp_path / "a.db", [src])
    before = snapshot(tmp_path / "a.db")
    monkeypatch.setattr(runs, "read_file", lambda *a, **k: pytest.fail("an unchanged file was read"))
    second = ingest_into(tmp_path / "a.db", [src])
    assert second.counts["unchanged"] == second.counts["seen"] == first.counts["seen"] == 14
    assert snapshot(tmp_path / "a.db") == before


def test_a_changed_file_is_read_again_and_known_pages_are_not_cleaned_again(tmp_path, monkeypatch):
    src = mixed_batch(tmp_path)
    ingest_into(tmp_path / "a.db", [src])
    os.utime(src / "page.html", ns=(1, 1))  # touched: its mtime no longer matches
    with open(src / "feed.jsonl", "a") as fh:
        fh.write(json.dumps({"html": page(99).decode()}) + "\n")
    cleaned = []
    original = runs.process_input
    monkeypatch.setattr(runs, "process_input", lambda p, o: cleaned.append(p.source) or original(p, o))
    summary = ingest_into(tmp_path / "a.db", [src])
    assert [s.rsplit("/", 1)[1] for s in cleaned] == ["feed.jsonl:5"]
    assert (summary.counts["ok"], summary.counts["unchanged"]) == (1, 14)


def stop_after(pages: int, cleaned: list):
    """runs.process_input that records each page's source and is interrupted (Ctrl-C) after `pages` pages."""
    original = runs.process_input

    def process(page, options):
        if len(cleaned) == pages:
            raise KeyboardInterrupt
        cleaned.append(page.source)
        return original(page, options)

    return process


def test_an_interrupted_ingest_goes_on_where_it_stopped(tmp_path, monkeypatch):
    src = mixed_batch(tmp_path)
    original = runs.process_input
    cleaned = []
    monkeypatch.setattr(runs, "BATCH_PAGES", 2)
    monkeypatch.setattr(runs, "process_input", stop_after(5, cleaned))
    with pytest.raises(KeyboardInterrupt):
        ingest_into(tmp_path / "a.db", [src])
    arc = Archive(tmp_path / "a.db")
    stored = arc.db["pages"].count
    run = arc.db["runs"].get(1)
    arc.close()
    assert stored == 4 and run["status"] == "interrupted" and run["seen"] == 4
    cleaned.clear()
    monkeypatch.setattr(runs, "process_input", lambda p, o: cleaned.append(p.source) or original(p, o))
    summary = ingest_into(tmp_path / "a.db", [src])
    assert summary.counts["unchanged"] == 4 and len(cleaned) == 14 - 4  # what was stored is only hashed
    fresh = tmp_path / "fresh.db"
    ingest_into(fresh, [src])
    assert snapshot(tmp_path / "a.db")["articles"] == snapshot(fresh)["articles"]


def test_a_run_killed_without_a_word_is_marked_interrupted_by_the_next(tmp_path):
    arc = Archive(tmp_path / "a.db")
    dead = arc.start_run("0.1", ["x"], {})
    arc.db["runs"].update(dead, {"pid": 2**22 + 12345, "seen": 7})  # no such process
    arc.db["claims"].insert({"page_id": "abc", "run_id": dead, "claimed_at": "2024-01-01"})
    arc.start_run("0.1", ["y"], {})
    row = arc.db["runs"].get(dead)
    assert row["status"] == "interrupted" and row["finished_at"] and row["seen"] == 7
    assert arc.db["claims"].count == 0
    arc.close()


def test_pages_another_live_ingest_claimed_are_left_to_it(tmp_path):
    src = mixed_batch(tmp_path)
    arc = Archive(tmp_path / "a.db")
    other = arc.start_run("0.1", ["elsewhere"], {})  # this very process: alive
    seeds = sorted(SEEDS.glob("*.txt"))
    from pipeline.readers import read_page_file

    held = read_page_file(str(seeds[0]), Options()).page_id
    arc.db["claims"].insert({"page_id": held, "run_id": other, "claimed_at": "now"})
    summary = runs.ingest([str(src)], arc)
    assert summary.counts["claimed_elsewhere"] == 1 and not arc.has_page(held)
    assert "1 page left to another ingest running now" in summary.as_text()
    arc.finish_run(other, {})
    summary = runs.ingest([str(src)], arc)  # its file was not remembered as read: read again, stored now
    assert summary.counts["ok"] == 1 and arc.has_page(held)
    arc.close()


def test_two_ingests_at_once_process_each_page_once(tmp_path):
    src = tmp_path / "batch"
    src.mkdir()
    texts = [seed.read_text() for seed in sorted(SEEDS.glob("*.txt"))]
    for n in range(40):
        (src / f"{n:03}.txt").write_text(texts[n % len(texts)] + f"\nZusatz {n}: " + "wort " * (n + 1))
    db = tmp_path / "a.db"
    Archive(db).close()
    command = [sys.executable, "-m", "pipeline", "ingest", str(src), "--db", str(db), "--no-site-memory", "-q"]
    procs = [subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    outputs = [p.communicate(timeout=300) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], outputs
    arc = Archive(db)
    rows = arc.db.execute("select ok + duplicate + rejected, unchanged, claimed_elsewhere from runs").fetchall()
    assert arc.db["pages"].count == 40
    arc.close()
    assert sum(stored for stored, _, _ in rows) == 40, (rows, outputs)


def test_a_charset_that_is_no_encoding_does_not_stop_the_batch(tmp_path):
    src = tmp_path / "batch"
    src.mkdir()
    for n, codec in enumerate(["rot13", "base64", "zlib", "undefined"]):
        (src / f"{n}.html").write_bytes(page(n).replace(b"<head>", f'<head><meta charset="{codec}">'.encode()))
    (src / "z.txt").write_bytes(next(SEEDS.glob("*.txt")).read_bytes())
    summary = ingest_into(tmp_path / "a.db", [src])
    assert summary.counts["ok"] == 5 and summary.counts["rejected"] == 0


def test_a_file_read_fine_after_it_could_not_be_read_leaves_no_stale_row(tmp_path):
    src = tmp_path / "batch"
    src.mkdir()
    os.mkfifo(src / "late.txt")
    db = tmp_path / "a.db"
    assert CliRunner().invoke(cli, ["ingest", str(src / "late.txt"), "--db", str(db)]).exit_code == 0
    (src / "late.txt").unlink()
    (src / "late.txt").write_bytes(next(SEEDS.glob("*.txt")).read_bytes())
    assert CliRunner().invoke(cli, ["ingest", str(src), "--db", str(db)]).exit_code == 0
    rows = snapshot(db)["pages"]
    assert [(r[2], r[3]) for r in rows] == [("ok", None)]


def test_symlinks_out_of_the_input_are_not_followed_unless_asked(tmp_path):
    src = tmp_path / "batch"
    src.mkdir()
    outside = tmp_path / "secret.txt"
    outside.write_bytes(next(SEEDS.glob("*.txt")).read_bytes())
    (src / "leak.txt").symlink_to(outside)
    (src / "inside.txt").write_bytes(sorted(SEEDS.glob("*.txt"))[1].read_bytes())
    (src / "alias.txt").symlink_to(src / "inside.txt")
    found = runs.expand_paths([str(src)])
    assert [os.path.basename(f) for f in found.files] == ["alias.txt", "inside.txt"]
    assert found.outside == [str(src / "leak.txt")]
    result = CliRunner().invoke(cli, ["ingest", str(src), "--db", str(tmp_path / "a.db")])
    assert "1 symlink out of the input not followed" in result.output, result.output
    assert [os.path.basename(f) for f in runs.expand_paths([str(src)], follow_symlinks=True).files] == ["alias.txt", "inside.txt", "leak.txt"]


def test_a_mirrors_pages_without_a_page_suffix_are_read_and_its_other_files_counted(tmp_path):
    """wget -r without -E saves pages as "story.php?id=3" or "news/council-budget": they open as HTML and are read.

    The mirror's other files (styles, images, a text file of no known name)
    are left out, and the summary says how many and of what kind."""
    mirror = tmp_path / "example.com"
    (mirror / "news").mkdir(parents=True)
    (mirror / "story.php?id=3").write_bytes(b"<!DOCTYPE html>\n" + page(1))
    (mirror / "news" / "council-budget").write_bytes(b'\xef\xbb\xbf<?xml version="1.0"?>\n<!-- mirrored -->\n' + page(2))
    (mirror / "news" / "feed").write_bytes(b'<?xml version="1.0"?><rss version="2.0"><channel><title>x</title></channel></rss>')
    (mirror / "style.css").write_bytes(b"<html> body { color: red }")  # never opened: a style sheet is no page, whatever it holds
    (mirror / "logo.png").write_bytes(b"\x89PNG\r\n")
    (mirror / "index.html").write_bytes(page(3))
    (mirror / "cache").mkdir()
    (mirror / "cache" / "response_body").write_bytes(gzip.compress(page(4)))  # Scrapy's HTTP cache keeps the body as sent
    found = runs.expand_paths([str(mirror)])
    assert sorted(os.path.relpath(f, mirror) for f in found.files) == ["cache/response_body", "index.html", "news/council-budget", "story.php?id=3"]
    assert found.left_out == {"(no suffix)": 1, ".css": 1, ".png": 1}
    result = CliRunner().invoke(cli, ["ingest", str(mirror), "--db", str(tmp_path / "a.db")])
    assert result.exit_code == 0 and "4 new articles" in result.output, result.output
    assert "3 files in the directories not read as pages (" in result.output and ".css 1" in result.output, result.output
    (mirror / "story.php?id=3").unlink()
    (mirror / "news" / "council-budget").unlink()
    (mirror / "index.html").unlink()
    (mirror / "cache" / "response_body").unlink()
    result = CliRunner().invoke(cli, ["ingest", str(mirror), "--db", str(tmp_path / "b.db")])
    assert result.exit_code != 0 and "no page files found" in result.output and "3 files not read as pages: (no suffix) 1" in result.output, result.output


def test_scrapys_cache_in_its_hidden_directory_is_named_not_read(tmp_path):
    """Scrapy keeps its HTTP cache in .scrapy/httpcache, which a walk skips as hidden: the user is told where it is and how to read it."""
    project = tmp_path / "project"
    body = project / ".scrapy" / "httpcache" / "spider" / "ab" / "abcd" / "response_body"
    body.parent.mkdir(parents=True)
    body.write_bytes(page(1))
    (body.parent / "meta").write_text(repr({"url": "https://example.com/a", "status": 200, "response_url": "https://example.com/a", "timestamp": 1717243200.0}))
    (body.parent / "response_headers").write_bytes(b"Content-Type: text/html")
    result = CliRunner().invoke(cli, ["ingest", str(project), "--db", str(tmp_path / "a.db")])
    cache = project / ".scrapy" / "httpcache"
    assert result.exit_code != 0 and f"Scrapy's HTTP cache in {cache} is in a hidden directory: name it to read it" in result.output, result.output
    (project / "page.html").write_bytes(page(2))
    result = CliRunner().invoke(cli, ["ingest", str(project), "--db", str(tmp_path / "b.db")])
    assert result.exit_code == 0 and f"warning: {cache}: Scrapy's HTTP cache, in a hidden directory, not read" in result.output, result.output
    result = CliRunner().invoke(cli, ["ingest", str(cache), "--db", str(tmp_path / "c.db")])
    assert result.exit_code == 0 and "1 new article" in result.output, result.output


def test_news_please_output_a_json_file_an_article_is_read_and_sidecars_left_out(tmp_path):
    """news-please saves each article as a .json file; a scraper's .json sidecar of metadata beside a page is no page."""
    from test_readers import PARAGRAPHS_DE

    out = tmp_path / "data" / "2024" / "example.com"
    out.mkdir(parents=True)
    article = {
        "authors": ["Anna Muster"], "date_download": "2024-06-02 08:00:00", "date_publish": "2024-06-01 10:00:00",
        "language": "de", "maintext": PARAGRAPHS_DE, "source_domain": "example.com", "text": None,
        "title": "Stadtrat beschließt Haushalt", "url": "https://example.com/haushalt",
    }
    (out / "Stadtrat_beschliesst_Haushalt_3f2a.json").write_text(json.dumps(article, ensure_ascii=True, indent=4))
    (out / "page.html").write_bytes(page(5))
    (out / "page.json").write_text(json.dumps({"url": "https://example.com/p5", "status": 200, "fetched": "2024-06-01"}))
    found = runs.expand_paths([str(tmp_path / "data")])
    assert sorted(os.path.basename(f) for f in found.files) == ["Stadtrat_beschliesst_Haushalt_3f2a.json", "page.html"]
    assert found.left_out == {".json": 1}
    db = tmp_path / "a.db"
    result = CliRunner().invoke(cli, ["ingest", str(tmp_path / "data"), "--db", str(db)])
    assert result.exit_code == 0 and "2 new articles" in result.output, result.output
    from archive import open_archive

    (row,) = [a for a in open_archive(str(db)).articles() if a["url"] == "https://example.com/haushalt"]
    assert row["title"] == "Stadtrat beschließt Haushalt" and row["author"] == "Anna Muster" and row["published"].startswith("2024-06-01")


def test_a_file_named_and_met_again_in_its_directory_is_read_once_and_not_left_out(tmp_path):
    from test_readers import PARAGRAPHS_DE, _csv

    src = tmp_path / "crawl"
    src.mkdir()
    (src / "a.html").write_bytes(page(1))
    (src / "items.csv").write_text(_csv([["url", "text"], ["https://example.com/x", PARAGRAPHS_DE]]))
    (src / "figures.csv").write_text(_csv([["year", "value"], ["2024", "3"]]))  # a table of data, no page
    found = runs.expand_paths([str(src), str(src / "a.html"), str(src / "figures.csv")])
    assert [os.path.basename(f) for f in found.files] == ["a.html", "items.csv", "figures.csv"] and not found.left_out
    found = runs.expand_paths([str(src)])
    assert [os.path.basename(f) for f in found.files] == ["a.html", "items.csv"] and found.left_out == {".csv": 1}


def test_a_readers_own_fault_ends_its_file_not_the_batch(tmp_path, monkeypatch):
    """A reader that raises on input it does not know (a bug) loses the rest of that file, says so, and the batch goes on."""
    import pipeline.readers.jsonl as jsonl

    src = tmp_path / "batch"
    src.mkdir()
    (src / "a.html").write_bytes(page(1))
    feed = src / "feed.jsonl"
    feed.write_text("\n".join(json.dumps({"url": f"https://example.com/{n}", "html": page(n + 10).decode()}) for n in range(3)) + "\n")
    (src / "z.html").write_bytes(page(2))
    original = jsonl.record_input

    def faulty(path, line_no, line, options, size=0):
        if line_no == 2:
            raise RuntimeError("a reader's bug")
        return original(path, line_no, line, options, size)

    monkeypatch.setattr(jsonl, "record_input", faulty)
    db = tmp_path / "a.db"
    result = CliRunner().invoke(cli, ["ingest", str(src), "--db", str(db)])
    assert result.exit_code == 0 and "3 new articles" in result.output and "1 rejected" in result.output, result.output
    rows = snapshot(db)["pages"]
    reasons = [r[3] for r in rows if r[2] == "rejected"]
    assert reasons == ["error: reading the file raised RuntimeError (a reader's bug) after 1 page(s); those are kept, the rest of the file is not read"], rows


def test_a_page_rejected_for_its_cost_is_not_retried_unless_asked(tmp_path):
    src = tmp_path / "batch"
    src.mkdir()
    (src / "a.html").write_bytes(page(1))
    db = tmp_path / "a.db"
    arc = Archive(db)
    runs.ingest([str(src)], arc, Options(max_page_bytes=100))
    assert runs.ingest([str(src)], arc).counts["unchanged"] == 1
    again = runs.ingest([str(src)], arc, retry_rejected=True)
    assert again.counts["ok"] == 1
    arc.close()


def test_the_summary_counts_in_words():
    summary = runs.RunSummary()
    summary.counts.update(seen=1, ok=1)
    assert summary.as_text().startswith("1 page in 0.0 s: 1 new article, 0 duplicates, 0 rejected, 0 already archived")
    summary.counts.update(seen=1, ok=1, duplicate=1)
    assert summary.as_text().startswith("2 pages in 0.0 s: 2 new articles, 1 duplicate,")


def test_clean_takes_a_directory_and_a_warc_as_ingest_does(tmp_path):
    src = mixed_batch(tmp_path)
    result = CliRunner().invoke(cli, ["clean", "--json", str(src)])
    assert result.exit_code == 0, result.output
    sources = [json.loads(line)["source"].rsplit("/", 1)[1] for line in result.output.splitlines()]
    assert len(sources) == 14 and "feed.jsonl:3" in sources and any(s.startswith("crawl.warc.gz@") for s in sources)


@pytest.mark.parametrize("workers", [2])
def test_workers_give_the_same_archive_as_one_process(tmp_path, workers):
    src = mixed_batch(tmp_path)
    ingest_into(tmp_path / "one.db", [src])
    ingest_into(tmp_path / "many.db", [src], workers=workers)
    assert snapshot(tmp_path / "one.db") == snapshot(tmp_path / "many.db")


def test_a_dask_local_cluster_gives_the_same_archive_as_a_local_run(tmp_path):
    pytest.importorskip("distributed")
    src = mixed_batch(tmp_path)
    ingest_into(tmp_path / "local.db", [src])
    summary = ingest_into(tmp_path / "dask.db", [src], scheduler="local:2")
    assert summary.counts["ok"] == 12
    assert snapshot(tmp_path / "local.db") == snapshot(tmp_path / "dask.db")


def test_the_default_path_never_imports_dask(tmp_path):
    code = (
        "import sys; from archive import Archive; from pipeline import ingest; "
        f"arc = Archive({str(tmp_path / 'a.db')!r}); ingest([{str(SEEDS)!r}], arc, workers=2); "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('dask', 'distributed')))"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"


def test_progress_is_a_plain_line_every_few_seconds_off_a_terminal(monkeypatch):
    import io
    from collections import Counter

    from pipeline import progress

    monkeypatch.setattr(progress, "PLAIN_EVERY_SECONDS", 0)
    out = io.StringIO()
    show = progress.Progress("ingest", stream=out, terminal=False)
    show(50, 100, Counter(seen=10, ok=9, rejected=1), 10)
    assert out.getvalue().startswith("ingest: 10 pages (50% of input), ") and "eta" in out.getvalue() and "ok 9 rejected 1" in out.getvalue()
    bar = io.StringIO()
    show = progress.Progress("ingest", stream=bar, terminal=True)
    show(50, 100, Counter(seen=10, ok=10))
    show.close()
    assert "ingest: 10 pages" in bar.getvalue() and "50%" in bar.getvalue()


@pytest.mark.parametrize("how", ["SIGKILL", "SIGTERM"])
def test_an_ingest_killed_part_way_leaves_whole_pages_and_the_next_one_finishes(tmp_path, how):
    import signal
    import sqlite3
    import time

    PAGES = 150
    src = tmp_path / "batch"
    src.mkdir()
    texts = [seed.read_text() for seed in sorted(SEEDS.glob("*.txt"))]
    for n in range(PAGES):
        (src / f"{n:03}.txt").write_text(texts[n % len(texts)] + f"\nZusatz {n}: " + "wort " * (n + 1))
    db = tmp_path / "a.db"
    command = [sys.executable, "-m", "pipeline", "ingest", str(src), "--db", str(db), "-q"]
    proc = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    stored = 0
    while stored == 0 and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.2)
        try:
            with sqlite3.connect(db, timeout=5) as conn:
                stored = conn.execute("select count(*) from pages").fetchone()[0]
        except sqlite3.Error:
            pass
    proc.send_signal(getattr(signal, how))
    proc.communicate(timeout=60)
    assert proc.returncode == (130 if how == "SIGTERM" else -signal.SIGKILL)
    arc = Archive(db)
    try:
        pages = arc.db["pages"].count
        assert 0 < pages < PAGES
        orphans = arc.db.execute("select count(*) from pages p where p.status != 'rejected' and not exists (select 1 from articles a where a.id = p.id)").fetchone()[0]
        assert orphans == 0  # every stored page has its article
        if how == "SIGTERM":
            run = arc.db["runs"].get(1)
            assert run["status"] == "interrupted" and run["seen"] == pages
    finally:
        arc.close()
    result = CliRunner().invoke(cli, ["ingest", str(src), "--db", str(db)])
    assert result.exit_code == 0 and f"{pages} already archived" in result.output, result.output
    arc = Archive(db)
    try:
        assert arc.db["pages"].count == PAGES
        statuses = [row[0] for row in arc.db.execute("select status from runs order by id")]
        assert statuses == ["interrupted", "finished"]
    finally:
        arc.close()
