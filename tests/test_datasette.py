"""The archive opens in Datasette with full-text search and facets from the metadata file."""

import asyncio
import json

from click.testing import CliRunner

from archive.datasette import write_metadata
from conftest import SEEDS
from pipeline.cli import cli


def test_datasette_search_and_facets(tmp_path):
    from datasette.app import Datasette

    db = tmp_path / "news.db"
    assert CliRunner().invoke(cli, ["ingest", str(SEEDS), "--db", str(db)]).exit_code == 0
    meta = json.loads(write_metadata(db).read_text())

    async def fetch():
        ds = Datasette([str(db)], metadata=meta)
        found = await ds.client.get("/news/articles.json?_search=landmines&_shape=array&_col=title")
        faceted = await ds.client.get("/news/articles.json")
        return found.json(), faceted.json()

    found, faceted = asyncio.run(fetch())
    assert len(found) >= 4
    assert faceted["facet_results"]["language"]["results"][0]["value"] == "en"
