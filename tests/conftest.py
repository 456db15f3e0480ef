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
