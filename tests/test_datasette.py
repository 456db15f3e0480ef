"""The archive opens in Datasette with full-text search and facets from the metadata file."""

from click.testing import CliRunner

from conftest import SEEDS, datasette_json
from pipeline.cli import cli


def test_datasette_search_and_facets(tmp_path):
    db = tmp_path / "news.db"
    assert CliRunner().invoke(cli, ["ingest", str(SEEDS), "--db", str(db)]).exit_code == 0
    found, faceted, from_form, pages = datasette_json(
        db,
        "/news/articles.json?_search=landmines&_shape=array&_col=title",
        "/news/articles.json",
        # What the table pages' search and filter forms submit: their current sort, the key, comes along.
        "/news/articles.json?_search=landmines&_sort=id&_shape=array&_col=title",
        "/news/pages.json?_sort=id&_shape=array&_col=source",
    )
    assert len(found) >= 4
    assert faceted["facet_results"]["language"]["results"][0]["value"] == "en"
    assert sorted(map(str, from_form)) == sorted(map(str, found))
    assert len(pages) == 5


def test_datasette_finds_a_word_inside_a_chinese_sentence(tmp_path):
    import json
    from pathlib import Path
    from urllib.parse import quote

    page = json.loads((Path(__file__).parent / "data" / "text_pages" / "languages.json").read_text(encoding="utf-8"))["zh"]
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "zh.txt").write_text("\n\n".join(page["menu"] + page["paragraphs"]), encoding="utf-8")
    db = tmp_path / "news.db"
    assert CliRunner().invoke(cli, ["ingest", str(tmp_path / "in"), "--db", str(db)]).exit_code == 0
    (rows,) = datasette_json(db, "/news/search_unspaced.json?_shape=array&q=" + quote("国内生产总值"))
    assert len(rows) == 1 and rows[0]["language"] == "zh"
