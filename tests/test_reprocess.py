"""reprocess: stored pages cleaned again from their raw bytes, as a new run (pipeline/runs.py)."""

import gzip
import json

import pytest
from click.testing import CliRunner

import pipeline.runs as runs
from archive import Archive
from archive.site_memory import ArchiveSiteMemory
from pipeline.cli import cli
from pipeline.options import Options
from pipeline.readers.warc import response_record
from test_ingest import snapshot, stop_after
from test_readers import page


def batch(tmp_path, n=6):
    src = tmp_path / "batch"
    src.mkdir()
    for i in range(n):
        (src / f"{i}.html").write_bytes(page(i))
    (src / "crawl.warc.gz").write_bytes(gzip.compress(response_record("https://news.example.com/w", page(50))))
    (src / "feed.jsonl").write_text(json.dumps({"url": "https://feed.example.org/f", "html": page(60).decode(), "title": "Aus dem Feed"}) + "\n")
    return src


def test_pages_read_as_the_wrong_format_are_cleaned_again_and_counted_as_changed(tmp_path):
    src = batch(tmp_path)
    arc = Archive(tmp_path / "a.db")
    try:
        runs.ingest([str(src)], arc, Options(format="text"))
        assert "<p>" in arc.db.execute("select text from articles limit 1").fetchone()[0]
        summary = runs.reprocess(arc, Options())
        texts = [row[0] for row in arc.db.execute("select text from articles")]
        run = arc.db["runs"].get(summary.run_id)
    finally:
        arc.close()
    assert summary.counts["changed"] == 8 and summary.counts["seen"] == 8, summary.as_text()
    assert all("<p>" not in text for text in texts)
    assert run["kind"] == "reprocess" and run["status"] == "finished" and run["changed"] == 8
    assert summary.as_text().startswith("8 pages re-cleaned in")


def test_the_container_hints_are_kept_and_a_second_reprocess_changes_nothing(tmp_path):
    src = batch(tmp_path)
    arc = Archive(tmp_path / "a.db")
    try:
        runs.ingest([str(src)], arc, site_memory=ArchiveSiteMemory(arc.db))
        before = snapshot(tmp_path / "a.db")
        summary = runs.reprocess(arc, site_memory=ArchiveSiteMemory(arc.db))
    finally:
        arc.close()
    assert summary.counts["unchanged"] == 8 and summary.counts["changed"] == 0, summary.as_text()
    after = snapshot(tmp_path / "a.db")
    assert after["articles"] == before["articles"] and after["site_lines"] == before["site_lines"]
    titles = {row[1] for row in after["articles"]}
    assert "Aus dem Feed" in titles


def test_articles_appear_and_disappear(tmp_path):
    src = tmp_path / "batch"
    src.mkdir()
    for i in range(3):
        (src / f"{i}.html.gz").write_bytes(gzip.compress(page(i) * 3))
    (src / "feed.jsonl").write_text(json.dumps({"url": "https://news.example.com/w", "html": page(50).decode()}) + "\n")
    limit = max(p.stat().st_size for p in src.iterdir()) + 10
    assert all(len(gzip.decompress(p.read_bytes())) > limit for p in src.glob("*.html.gz"))
    arc = Archive(tmp_path / "a.db")
    try:
        runs.ingest([str(src)], arc, Options(max_page_bytes=limit))  # the pages decompress past the limit: rejected, bytes kept
        assert arc.db.execute("select count(*) from articles").fetchone()[0] == 1
        appeared = runs.reprocess(arc, Options(), statuses=["rejected"])
        gone = runs.reprocess(arc, Options(format="text", max_text_bytes=100), site="news.example.com")
        remaining = arc.db.execute("select count(*) from articles").fetchone()[0]
        rejected = arc.db.execute("select reason from pages where status = 'rejected'").fetchall()
    finally:
        arc.close()
    assert (appeared.counts["seen"], appeared.counts["appeared"]) == (3, 3), appeared.as_text()
    assert (gone.counts["seen"], gone.counts["disappeared"]) == (1, 1), gone.as_text()
    assert remaining == 3 and rejected[0][0].startswith("too_large: a text dump")


def test_a_stopped_reprocess_leaves_the_archive_whole_and_the_next_goes_on(tmp_path, monkeypatch):
    src = batch(tmp_path)
    arc = Archive(tmp_path / "a.db")
    runs.ingest([str(src)], arc, Options(format="text"))
    original = runs.process_input
    done = []
    monkeypatch.setattr(runs, "BATCH_PAGES", 1)
    monkeypatch.setattr(runs, "process_input", stop_after(3, done))
    with pytest.raises(KeyboardInterrupt):
        runs.reprocess(arc, Options())
    assert arc.db["runs"].get(2)["status"] == "interrupted"
    assert arc.db.execute("select count(*) from articles where text like '%<p>%'").fetchone()[0] == 5
    done.clear()
    monkeypatch.setattr(runs, "process_input", lambda p, o: done.append(p.source) or original(p, o))
    summary = runs.reprocess(arc, Options())
    assert len(done) == 5 and summary.counts["changed"] == 5
    assert arc.db["runs"].get(summary.run_id)["resumes"] == 2
    assert arc.db.execute("select count(*) from articles where text like '%<p>%'").fetchone()[0] == 0
    assert len(runs.reprocess(arc, Options()).counts) and True  # finished: the next one starts over
    arc.close()


def test_reprocess_command(tmp_path):
    src = batch(tmp_path, n=2)
    db = str(tmp_path / "a.db")
    assert CliRunner().invoke(cli, ["ingest", str(src), "--db", db, "--format", "text"]).exit_code == 0
    result = CliRunner().invoke(cli, ["reprocess", "--db", db, "--status", "ok", "--since", "2000-01-01"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("4 pages re-cleaned in") and "4 articles changed, 0 appeared, 0 disappeared" in result.output
    bad = CliRunner().invoke(cli, ["reprocess", "--db", db, "--since", "yesterday"])
    assert bad.exit_code != 0 and "is not a date" in bad.output
    # A year or a month, as search and export take them: all pages were stored after 2000, none after 9999-01.
    assert "4 pages re-cleaned" in CliRunner().invoke(cli, ["reprocess", "--db", db, "--since", "2000"]).output
    later = CliRunner().invoke(cli, ["reprocess", "--db", db, "--since", "9999-01"])
    assert later.exit_code == 0 and later.output.startswith("0 pages re-cleaned"), later.output
    assert CliRunner().invoke(cli, ["reprocess", "--db", db, "--since", "2024-13"]).exit_code != 0
