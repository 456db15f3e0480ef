import json

import pytest
from click.testing import CliRunner

from archive import Archive
from conftest import SEEDS
from pipeline.cli import cli


@pytest.fixture
def runner():
    return CliRunner()


def test_every_command_has_help_with_an_example(runner):
    for name, command in cli.commands.items():
        result = runner.invoke(cli, [name, "--help"])
        assert result.exit_code == 0, name
        assert "Example:" in result.output, f"{name} --help has no example"


def test_clean_json_many_files(runner, tmp_path):
    bad = tmp_path / "empty.html"
    bad.write_bytes(b"")
    files = [str(p) for p in sorted(SEEDS.glob("*.txt"))] + [str(bad)]
    result = runner.invoke(cli, ["clean", "--json", *files])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.output.splitlines()]
    assert [r["source"] for r in records] == files
    first = records[0]
    assert set(first) >= {"source", "url", "title", "author", "published", "site", "language", "text", "removed"}
    assert first["language"] == "en"
    assert "\n\n" in first["text"]
    assert {"rule", "text"} == set(first["removed"][0])
    assert records[-1]["status"] == "rejected" and records[-1]["reason"].startswith("empty")


def test_ingest_twice_changes_nothing(runner, tmp_path):
    db = str(tmp_path / "a.db")
    first = runner.invoke(cli, ["ingest", str(SEEDS), "--db", db])
    assert first.exit_code == 0, first.output
    assert "5 new articles" in first.output

    def counts():
        arc = Archive(db)
        try:
            return {t: arc.db[t].count for t in ("pages", "articles", "removed_blocks")}
        finally:
            arc.close()

    before = counts()
    second = runner.invoke(cli, ["ingest", str(SEEDS), "--db", db])
    assert second.exit_code == 0
    assert "0 new articles" in second.output and "5 already archived" in second.output
    assert counts() == before == {"pages": 5, "articles": 5, "removed_blocks": before["removed_blocks"]}


def test_ingest_records_its_options_in_the_run(runner, tmp_path):
    db = str(tmp_path / "a.db")
    assert runner.invoke(cli, ["ingest", str(SEEDS), "--db", db, "--fast", "--no-site-memory"]).exit_code == 0
    assert runner.invoke(cli, ["ingest", str(SEEDS), "--db", db, "--format", "text"]).exit_code == 0
    arc = Archive(db)
    try:
        options = [json.loads(row["options"]) for row in arc.db["runs"].rows_where(order_by="id")]
    finally:
        arc.close()
    assert options == [
        {"fast": True, "format": "auto", "language_backend": "auto", "site_memory": False, "skip_steps": ["teasers"]},
        {"fast": False, "format": "text", "language_backend": "auto", "site_memory": True, "skip_steps": []},
    ]


def test_ingest_from_python_takes_any_iterable_of_paths(tmp_path):
    from pipeline import ingest

    missing = tmp_path / "missing"
    arc = Archive(str(tmp_path / "a.db"))
    try:
        summary = ingest((p for p in (SEEDS, missing)), arc)
        sources = arc.db["runs"].get(summary.run_id)["sources"]
    finally:
        arc.close()
    assert summary.counts["ok"] == 5
    assert sources.split("\n") == [str(SEEDS), str(missing)]
    assert summary.as_text().splitlines()[0].endswith("; 1 path not found")


def test_every_empty_file_keeps_its_own_record_and_is_not_redone(runner, tmp_path):
    src = tmp_path / "batch"
    src.mkdir()
    for name in ("a.txt", "b.txt"):
        (src / name).write_bytes(b"")
    db = str(tmp_path / "a.db")
    first = runner.invoke(cli, ["ingest", str(src), "--db", db])
    assert "2 rejected" in first.output, first.output
    second = runner.invoke(cli, ["ingest", str(src), "--db", db])
    assert "0 rejected, 2 already archived" in second.output, second.output
    arc = Archive(db)
    try:
        rows = arc.db.execute("select source, reason, run_id from pages order by source").fetchall()
    finally:
        arc.close()
    assert [(source.rsplit("/", 1)[-1], reason.split(":")[0], run) for source, reason, run in rows] == [
        ("a.txt", "empty", 1),
        ("b.txt", "empty", 1),
    ]


def test_a_file_name_that_is_not_utf8_is_stored_and_the_batch_goes_on(runner, tmp_path):
    import os

    src = tmp_path / "batch"
    src.mkdir()
    seeds = sorted(SEEDS.glob("*.txt"))
    with open(os.fsencode(src) + b"/bad\xffname.txt", "wb") as f:
        f.write(seeds[0].read_bytes())
    (src / "zzz_good.txt").write_bytes(seeds[1].read_bytes())
    db = str(tmp_path / "a.db")
    result = runner.invoke(cli, ["ingest", str(src), "--db", db])
    assert result.exit_code == 0 and "2 new articles" in result.output, result.output
    arc = Archive(db)
    try:
        sources = sorted(row[0].rsplit("/", 1)[-1] for row in arc.db.execute("select source from pages"))
    finally:
        arc.close()
    assert sources == ["bad\\xffname.txt", "zzz_good.txt"]


def test_a_pipe_named_to_ingest_is_stored_as_rejected(runner, tmp_path):
    import os

    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    db = str(tmp_path / "a.db")
    result = runner.invoke(cli, ["ingest", str(fifo), str(next(SEEDS.glob("*.txt"))), "--db", db])
    assert result.exit_code == 0 and "1 new article, 0 duplicates, 1 rejected" in result.output, result.output
    arc = Archive(db)
    try:
        reasons = [row[0] for row in arc.db.execute("select reason from pages where status = 'rejected'")]
    finally:
        arc.close()
    assert reasons == ["unreadable: not a regular file (a pipe, device or socket)"]


def test_a_pipe_or_device_is_refused_not_read(tmp_path):
    import os

    from pipeline.read import read_path

    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    for path in (fifo, "/dev/zero"):
        doc = read_path(path)
        assert doc.status == "rejected" and doc.reason.startswith("unreadable: not a regular file"), path


def test_search_export_stats(runner, tmp_path):
    db = str(tmp_path / "a.db")
    runner.invoke(cli, ["ingest", str(SEEDS), "--db", db])
    result = runner.invoke(cli, ["search", "landmines", "--db", db, "--json"])
    assert result.exit_code == 0
    hits = [json.loads(line) for line in result.output.splitlines()]
    assert len(hits) >= 4
    assert all("[landmines]" in h["snippet"].lower() for h in hits)

    exported = runner.invoke(cli, ["export", "--db", db, "--language", "EN"])
    rows = [json.loads(line) for line in exported.stdout.splitlines()]
    assert len(rows) == 5 and exported.stderr == "5 articles exported\n"
    none = runner.invoke(cli, ["export", "--db", db, "--language", "ko"])
    assert none.exit_code == 0 and none.stdout == ""
    assert "no articles in language 'ko'; the archive has: en" in none.stderr

    stats = json.loads(runner.invoke(cli, ["stats", "--db", db, "--json"]).output)
    assert stats["articles"] == 5 and stats["removed_by_rule"]["related_section"] > 0

    # A copy: counted under duplicates, not in the articles' languages and sites.
    copy = tmp_path / "copy.txt"
    copy.write_bytes(next(SEEDS.glob("*.txt")).read_bytes() + b"\n")
    runner.invoke(cli, ["ingest", str(copy), "--db", db])
    stats = json.loads(runner.invoke(cli, ["stats", "--db", db, "--json"]).output)
    assert (stats["articles"], stats["duplicates"], sum(stats["languages"].values())) == (5, 1, 5)


def test_missing_archive_is_one_clear_error(runner, tmp_path):
    result = runner.invoke(cli, ["search", "x", "--db", str(tmp_path / "none.db")])
    assert result.exit_code != 0
    assert "no archive at" in result.output


def test_ingest_of_nothing_fails_and_leaves_no_archive(runner, tmp_path):
    missing = str(tmp_path / "missing-dir")
    result = runner.invoke(cli, ["ingest", missing, "--db", str(tmp_path / "a.db")])
    assert result.exit_code != 0
    assert "no page files found" in result.output and f"no such file or directory: {missing}" in result.output
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "notes.pdf").write_bytes(b"%PDF")
    result = runner.invoke(cli, ["ingest", str(empty), "--db", str(tmp_path / "a.db")])
    assert result.exit_code != 0 and "no page files found" in result.output
    assert not (tmp_path / "a.db").exists()


def test_ctrl_c_says_interrupted_exits_130_and_finishes_the_run(tmp_path, monkeypatch, capsys):
    import sys

    import pipeline.runs
    import pipeline.store as store
    from pipeline.cli import main

    calls = []

    def interrupted(*args, **kwargs):
        calls.append(1)
        if len(calls) == 3:
            raise KeyboardInterrupt
        return original(*args, **kwargs)

    original = store.dedupe
    monkeypatch.setattr(store, "dedupe", interrupted)
    monkeypatch.setattr(pipeline.runs, "BATCH_PAGES", 1)
    db = tmp_path / "a.db"
    monkeypatch.setattr(sys, "argv", ["newsclean", "ingest", str(SEEDS), "--db", str(db)])
    with pytest.raises(SystemExit) as stopped:
        main()
    assert stopped.value.code == 130
    assert capsys.readouterr().err.strip().endswith("interrupted")
    arc = Archive(str(db))
    try:
        (run,) = arc.db["runs"].rows
        assert run["finished_at"] and run["status"] == "interrupted" and (run["seen"], run["ok"]) == (2, 2)
        assert arc.db["pages"].count == 2  # the page being stored when it came went with it
        assert arc.db["claims"].count == 0
    finally:
        arc.close()
