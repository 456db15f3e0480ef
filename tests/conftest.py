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
