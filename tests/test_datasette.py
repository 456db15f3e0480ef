"""The archive opens in Datasette with full-text search and facets from the metadata file."""

import pytest
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


def fetch(db, *paths):
    """GET each path from the archive's Datasette (plugin, templates and metadata as `pipeline serve` has them)."""
    import asyncio

    from archive.datasette import make_datasette

    async def run():
        ds = make_datasette(db)
        return [await ds.client.get(path) for path in paths]

    return asyncio.run(run())


def test_articles_open_as_readable_rows_newest_first(seeds_db):
    html, data = fetch(seeds_db, "/news/articles", "/news/articles.json?_shape=objects")
    page = html.text
    assert 'class="rows-and-columns newsclean-articles"' in page
    assert "content_hash" not in page.split("<table")[1].split("</table>")[0]  # no hashes in the rows
    published = [row["published"] for row in data.json()["rows"]]
    dated = [p for p in published if p]
    assert dated == sorted(dated, reverse=True) and published[: len(dated)] == dated
    facets = data.json()["facet_results"]
    assert set(facets) >= {"language", "site", "published", "copies"}
    assert {v["label"]: v["count"] for v in facets["copies"]["results"]} == {"originals": 6, "copies": 1}
    assert [v["label"] for v in facets["published"]["results"]] == ["2025", "2022", "2021"]
    assert ">Published&nbsp;▼</a>" in page and "Language confidence" in page  # labels, and descriptions under them


# A query that cannot run is explained on the page, not raised inside SQLite's
# callback (where it only printed a traceback).
@pytest.mark.filterwarnings("error::pytest.PytestUnraisableExceptionWarning")
def test_search_ranks_and_highlights(seeds_db):
    (page, data, error) = fetch(
        seeds_db,
        "/news/search?q=landmines",
        "/news/search.json?q=landmines&site=axar.az&_shape=array",
        "/news/search?q=NOT+landmines",
    )
    assert page.text.count("<mark>") >= 4
    assert [row["site"] for row in data.json()] == ["Axar.az"]
    assert "Cannot search for &#39;NOT landmines&#39;: a search needs a word to find" in error.text


def test_article_page_links_its_page_removals_and_copies(seeds_db):
    import re

    (listing,) = fetch(seeds_db, "/news/search.json?q=demining+Korea&_shape=array")
    article_id = next(row["id"] for row in listing.json() if row["title"].startswith("Azerbaijan seeks"))
    page, removals, rules = fetch(
        seeds_db, f"/news/articles/{article_id}", f"/news/removals?article={article_id[:8]}", "/news/removals_by_rule"
    )
    html = page.text
    assert html.count('<p>') > 5 and f'href="/news/pages/{article_id}"' in html
    assert f'href="/news/removals?article={article_id}"' in html
    assert "Copies of this article:" in html
    assert "a heading that ends the article" in html  # each rule with its description
    assert "related_section" in removals.text and "Related Posts" in removals.text
    assert re.search(r'<a href="/news/removals\?rule=related_section">related_section</a>', rules.text)


def test_raw_page_is_escaped_text_and_downloads_as_a_file(seeds_db):
    (listing,) = fetch(seeds_db, "/news/search.json?q=breakwater&_shape=array")
    page_id = listing.json()[0]["id"]
    view, download, missing = fetch(seeds_db, f"/-/raw/news/{page_id}", f"/-/raw/news/{page_id}/download", "/-/raw/news/" + "0" * 64)
    assert "&lt;script&gt;window.rawPageScriptRan = true;&lt;/script&gt;" in view.text
    assert "<script>window.rawPageScriptRan" not in view.text
    assert download.headers["content-type"] == "application/octet-stream"
    assert download.headers["content-disposition"].startswith('attachment; filename="harbour.html"')
    assert download.headers["x-content-type-options"] == "nosniff"
    assert download.content.startswith(b"<!doctype html>")
    assert missing.status_code == 404


def test_every_canned_query_runs(seeds_db):
    from archive.datasette import canned_queries

    params = "q=landmines&article=&rule=&reason=&site=&language=&since=&until=&canonical="
    responses = fetch(seeds_db, *(f"/news/{name}.json?_shape=array&{params}" for name in canned_queries()))
    for name, response in zip(canned_queries(), responses):
        assert response.status_code == 200, (name, response.text[:300])
    by_name = dict(zip(canned_queries(), (r.json() for r in responses)))
    assert [row["reason_kind"] for row in by_name["rejections_by_reason"]] == ["empty"]
    assert by_name["copies"][0]["similarity"] == 1.0 and by_name["duplicate_clusters"][0]["copies"] == 1
    assert by_name["latest_articles"][0]["published"] == "2025-04-04"
