import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
EXPECTED = Path(__file__).resolve().parent / "data" / "seeds_expected"


def seed_cases():
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(EXPECTED.glob("*.json"))]


@pytest.fixture
def archive():
    from archive import Archive

    arc = Archive(memory=True)
    yield arc
    arc.close()


def datasette_json(db, *paths):
    """Open an archive in Datasette with its metadata file and GET each path as JSON."""
    import asyncio

    from archive.datasette import make_datasette

    async def fetch():
        ds = make_datasette(db)
        return [(await ds.client.get(path)).json() for path in paths]

    return asyncio.run(fetch())


@pytest.fixture(scope="session")
def seeds_db(tmp_path_factory):
    """An archive of the seeds, a copy of the first (+ one blank line), an empty page (rejected) and an HTML page with a URL.

    Shared by the read-side tests (API, CLI, export, Datasette): they must not write to it.
    """
    import shutil

    from archive import Archive
    from pipeline import ingest

    root = tmp_path_factory.mktemp("seeds_db")
    pages = root / "pages"
    shutil.copytree(SEEDS, pages)
    first = sorted(SEEDS.glob("*.txt"))[0]
    (pages / "zz_copy.txt").write_bytes(first.read_bytes() + b"\n")
    (pages / "empty.html").write_bytes(b"")
    (pages / "harbour.html").write_text(HARBOUR_PAGE, encoding="utf-8")
    db = root / "news.db"
    archive = Archive(str(db))
    ingest([str(pages)], archive)
    archive.close()
    return db


HARBOUR_PAGE = """<!doctype html><html lang="en"><head><title>Harbour reopens after storm repairs</title>
<link rel="canonical" href="https://WWW.Harbour-News.example/2021/06/harbour-reopens">
<meta property="og:site_name" content="www.harbour-news.example">
<meta name="author" content="By Jane Doe"><meta property="article:published_time" content="2021-06-15">
<script>window.rawPageScriptRan = true;</script></head><body><article><h1>Harbour reopens after storm repairs</h1>
<p>The harbour reopened on Tuesday after three weeks of repairs to the breakwater that the winter storm had damaged,
the port authority said, and the first ferries were expected to dock by the evening.</p>
<p>Engineers replaced more than two hundred concrete blocks along the outer wall, and divers checked the foundations
before the authority allowed larger ships back into the basin.</p>
<p>Fishermen who had moored in the neighbouring town during the works said they were relieved to return, although
some warned that the repairs had come too late for the season's first catch.</p></article></body></html>"""
