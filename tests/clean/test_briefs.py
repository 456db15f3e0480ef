"""tests/data/briefs: a news brief of one short paragraph is kept without its menu and footer, in eleven languages; a page without prose is rejected."""

import json
from pathlib import Path

import pytest

from pipeline.clean import clean
from pipeline.options import Options
from pipeline.read import read_bytes

BRIEFS = Path(__file__).parent.parent / "data" / "briefs"
MANIFEST = json.loads((BRIEFS / "manifest.json").read_text(encoding="utf-8"))
TEXT = Options(format="text")


def cleaned(name: str):
    return clean(read_bytes((BRIEFS / name).read_bytes(), source=name, options=TEXT), TEXT)


@pytest.mark.parametrize("name", sorted(MANIFEST))
def test_brief_is_kept_alone_or_the_page_without_prose_rejected(name):
    expected = MANIFEST[name]
    doc = cleaned(name)
    if expected["expect"] == "reject":
        assert not doc.ok and doc.reason.startswith("no_article"), (doc.status, doc.reason)
        return
    assert doc.ok, doc.reason
    kept = [block.text for block in doc.blocks if block.kept]
    for text in expected["must_contain"]:
        assert text in kept
    for text in expected["must_not_contain"]:
        assert not any(text in block for block in kept), (text, kept)


@pytest.mark.parametrize("name", [name for name in sorted(MANIFEST) if name.startswith("brief_")])
def test_brief_headline_above_its_one_paragraph_is_the_title(name):
    lines = [line for line in (BRIEFS / name).read_text(encoding="utf-8").split("\n") if line.strip()]
    headline = lines[lines.index(MANIFEST[name]["must_contain"][0]) - 1]
    assert cleaned(name).metadata.get("title") == headline


@pytest.mark.parametrize("name", sorted(name for name in MANIFEST if name.startswith("bare_")))
def test_a_paragraph_alone_has_no_title(name):
    assert cleaned(name).metadata.get("title") is None
