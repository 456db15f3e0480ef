"""The archive opens in Datasette with full-text search and facets from the metadata file."""

from click.testing import CliRunner

from conftest import SEEDS, datasette_json
from pipeline.cli import cli


def test_datasette_search_and_facets(tmp_path):
    db = tmp_path / "news.db"
    assert CliRunner().invoke(cli, ["ingest", str(SEEDS), "--db", str(db)]).exit_code == 0
    found, faceted = datasette_json(db, "/news/articles.json?_search=landmines&_shape=array&_col=title", "/news/articles.json")
    assert len(found) >= 4
    assert faceted["facet_results"]["language"]["results"][0]["value"] == "en"
