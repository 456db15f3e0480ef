"""The commands that read the archive: search, show, stats, sites show; their errors."""

import json
import sqlite3

import pytest
from click.testing import CliRunner

from conftest import SEEDS
from pipeline.cli import cli
from pipeline.clean.rules import describe


@pytest.fixture
def run(seeds_db):
    def invoke(*args):
        return CliRunner().invoke(cli, [*args, "--db", str(seeds_db)])

    return invoke


def test_search_prints_ids_that_show_takes(run):
    result = run("search", "landmines OR breakwater", "--limit", "3")
    assert result.exit_code == 0, result.output
    first = result.stdout.splitlines()[0]
    short_id = first.split()[0]
    assert len(short_id) == 12
    shown = run("show", short_id)
    assert shown.exit_code == 0, shown.output
    assert f"id:        {short_id}" in shown.output


def test_search_filters_and_syntax(run):
    def ids(*args):
        result = run("search", *args, "--json")
        assert result.exit_code == 0, result.output
        return [json.loads(line)["id"] for line in result.stdout.splitlines()]

    assert len(ids("landmines")) == 4
    assert len(ids("landmines", "--site", "azernews")) == 1
    assert len(ids("landmines", "--language", "EN", "--since", "2025")) == 1
    assert ids("landmines", "--until", "2020") == []
    assert len(ids("landmines", "--include-duplicates")) == 5
    assert len(ids("landmin*")) == 4
    assert len(ids('"mine maps"')) >= 1
    assert set(ids("landmines NOT Karabakh")) < set(ids("landmines"))


def test_search_errors_are_one_clear_line(run):
    result = run("search", "NOT landmines")
    assert result.exit_code == 1
    assert result.output == (
        "Error: cannot search for 'NOT landmines': a search needs a word to find, not only words to exclude (NOT, -) "
        "(see `search --help` for the syntax)\n"
    )
    long = run("search", " ".join(["Regierung"] * 400))
    assert long.exit_code == 1 and "the limit is" in long.output
    bad = run("search", "x", "--since", "yesterday")
    assert bad.exit_code == 1 and "since must be a date" in bad.output


def test_show_gives_metadata_text_removals_and_source(run):
    result = run("show", "--json", "2fd675f4")
    record = json.loads(result.stdout)
    shown = run("show", record["id"]).output
    assert shown.startswith(record["title"] + "\n")
    assert "site:      The Korea Times" in shown and f"source:    {record['source']} (text)" in shown
    assert "copies:    " + record["copies"][0][:12] in shown
    assert record["text"].split("\n\n")[1] in shown
    assert f"related_section ({sum(r['rule'] == 'related_section' for r in record['removed'])}): {describe('related_section')}" in shown
    copy = run("show", record["copies"][0]).output
    assert f"copy of:   {record['id']}" in copy


def test_show_unknown_or_ambiguous_ids(run):
    missing = run("show", "ffffffff")
    assert missing.exit_code == 1 and "no article id starts with 'ffffffff'" in missing.output
    short = run("show", "2f")
    assert short.exit_code == 1 and "give at least 4 characters of the id" in short.output


def test_stats_says_none_instead_of_an_empty_heading(tmp_path):
    db = str(tmp_path / "a.db")
    runner = CliRunner()
    assert runner.invoke(cli, ["ingest", str(SEEDS), "--db", db]).exit_code == 0
    output = runner.invoke(cli, ["stats", "--db", db]).output
    assert "rejections: none\n" in output
    assert "languages:\n  en: 5\n" in output


def assert_junk_is_named(tmp_path, command):
    junk = tmp_path / "notes.db"
    junk.write_text("these are my notes, not a database\n" * 50)
    result = CliRunner().invoke(cli, [*command, "--db", str(junk)])
    assert result.exit_code == 1
    assert result.output == f"Error: {junk} is not an archive: not an SQLite database (file is not a database)\n"


@pytest.mark.parametrize("command", [["stats"], ["search", "x"], ["show", "abcd"], ["export"], ["sites", "show", "x"], ["sites", "rebuild"], ["serve"]])
def test_a_file_that_is_not_an_archive_is_named(tmp_path, command):
    assert_junk_is_named(tmp_path, command)
    missing = CliRunner().invoke(cli, [*command, "--db", str(tmp_path / "none.db")])
    assert "no archive at" in missing.output and "ingest PATH" in missing.output


@pytest.mark.parametrize("command", [["ingest", str(SEEDS)], ["reprocess"]])
def test_writing_commands_name_a_file_that_is_not_an_archive_and_leave_another_database_alone(tmp_path, command):
    assert_junk_is_named(tmp_path, command)
    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("create table notes (x)").connection.commit()
    result = CliRunner().invoke(cli, [*command, "--db", str(other)])
    assert result.exit_code == 1 and f"Error: {other} is an SQLite database but not an archive (it" in result.output
    assert [row[0] for row in sqlite3.connect(other).execute("select name from sqlite_master")] == ["notes"]


def test_sites_show_takes_a_host_or_a_name(tmp_path):
    db = str(tmp_path / "a.db")
    runner = CliRunner()
    assert runner.invoke(cli, ["ingest", str(SEEDS), "--db", db]).exit_code == 0
    by_name = runner.invoke(cli, ["sites", "show", "AZERNEWS", "--db", db])
    assert by_name.exit_code == 0 and by_name.output.startswith("azernews: 2 pages learned")
    by_host = runner.invoke(cli, ["sites", "show", "www.Axar.az", "--db", db])
    assert by_host.output.startswith("axar.az: 1 page learned")
    unknown = runner.invoke(cli, ["sites", "show", "nowhere.example", "--db", db])
    assert unknown.exit_code == 1 and "no site memory for 'nowhere.example'" in unknown.output
