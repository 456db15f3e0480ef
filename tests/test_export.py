"""`export`: jsonl, csv and parquet, loaded as downstream jobs load them (pandas, Hugging Face datasets)."""

import gc
import json
import sys

from click.testing import CliRunner

from archive.query import EXPORT_COLUMNS
from pipeline.cli import cli


def export(seeds_db, tmp_path, *args):
    out = tmp_path / "articles.out"
    result = CliRunner().invoke(cli, ["export", "--db", str(seeds_db), "-o", str(out), *args])
    assert result.exit_code == 0, result.output
    return out, result


def test_jsonl_has_every_column_and_loads_in_pandas_and_datasets(seeds_db, tmp_path, monkeypatch):
    out, result = export(seeds_db, tmp_path)
    assert result.stderr == f"6 articles exported to {out}\n"
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [list(r) for r in rows] == [EXPORT_COLUMNS] * 6
    # Pages without a URL lead back to their file.
    assert all(r["source"] for r in rows) and any(r["url"] is None for r in rows)

    import pandas

    frame = pandas.read_json(out, lines=True)
    assert list(frame.columns) == EXPORT_COLUMNS and len(frame) == 6

    # Offline, from the local file only: nothing is fetched.
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("HF_DATASETS_OFFLINE", "1")
    monkeypatch.setenv("HF_HOME", str(tmp_path / "hf"))
    import datasets

    loaded = datasets.load_dataset("json", data_files=str(out), split="train", cache_dir=str(tmp_path / "hf-cache"))
    assert loaded.num_rows == 6 and loaded.column_names == EXPORT_COLUMNS
    assert "landmines" in " ".join(loaded["text"])
    # A Dataset sits in reference cycles: collected here, not by a later
    # test's garbage collection, where a page's time limit could land in its
    # __del__ (which only delays the limit, but pytest reports it).
    del loaded
    gc.collect()


def test_csv_round_trips_texts_with_newlines(seeds_db, tmp_path):
    out, _ = export(seeds_db, tmp_path, "--format", "csv", "--include-duplicates")
    import pandas

    frame = pandas.read_csv(out, keep_default_na=False)
    assert list(frame.columns) == EXPORT_COLUMNS and len(frame) == 7
    assert frame["text"].str.contains("\n\n").all()
    assert (frame["duplicate_of"] != "").sum() == 1


def test_parquet_with_filters(seeds_db, tmp_path):
    out, result = export(seeds_db, tmp_path, "--format", "parquet", "--site", "azernews", "--since", "2022")
    import pandas

    frame = pandas.read_parquet(out)
    assert list(frame["published"]) == ["2022-06-21"] and list(frame["site"]) == ["Azernews"]
    assert str(frame["word_count"].dtype) == "int64"


def test_parquet_without_pyarrow_says_how_to_install_it(seeds_db, tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    out = tmp_path / "a.parquet"
    result = CliRunner().invoke(cli, ["export", "--db", str(seeds_db), "--format", "parquet", "-o", str(out)])
    assert result.exit_code == 1
    assert "parquet export needs pyarrow, an optional extra: pip install 'newsclean[parquet]'" in result.output
    assert not out.exists() and not (tmp_path / "a.parquet.part").exists()


def test_parquet_needs_a_file(seeds_db):
    result = CliRunner().invoke(cli, ["export", "--db", str(seeds_db), "--format", "parquet"])
    assert result.exit_code == 1 and "parquet is a binary format: give a file with -o" in result.output


def test_filters_and_bad_dates(seeds_db):
    runner = CliRunner()
    result = runner.invoke(cli, ["export", "--db", str(seeds_db), "--site", "www.harbour-news.example", "--until", "2021-06-30"])
    (row,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert (row["host"], row["published"], row["author"]) == ("harbour-news.example", "2021-06-15", "Jane Doe")
    bad = runner.invoke(cli, ["export", "--db", str(seeds_db), "--since", "15.06.2021"])
    assert bad.exit_code == 1 and "since must be a date as YYYY, YYYY-MM or YYYY-MM-DD, not '15.06.2021'" in bad.output
