"""End to end: every seed scrape against its expected file (../shared/seeds-expected)."""

import pytest

from conftest import SEEDS, seed_cases
from pipeline.clean.rules import RULES
from pipeline import clean_paths
from pipeline.options import Options

CASES = seed_cases()


@pytest.fixture(scope="module", params=[False, True], ids=["default", "fast"])
def cleaned(request):
    """Every seed cleaned by default and with Options(fast=True): both must pass."""
    paths = [SEEDS / case["source_file"] for case in CASES]
    return {doc.source.rsplit("/", 1)[-1]: doc for doc in clean_paths(paths, Options(fast=request.param))}


@pytest.mark.parametrize("case", CASES, ids=[c["source_file"] for c in CASES])
def test_body_kept(case, cleaned):
    doc = cleaned[case["source_file"]]
    assert doc.status == "ok", doc.reason
    for paragraph in case["body"]:
        assert paragraph in doc.text


@pytest.mark.parametrize("case", CASES, ids=[c["source_file"] for c in CASES])
def test_boilerplate_removed(case, cleaned):
    doc = cleaned[case["source_file"]]
    lines = {line.strip() for line in doc.text.split("\n")}
    for line in case["must_remove_lines"]:
        assert line.strip() not in lines, line
    for token in case["must_remove_inline"]:
        assert token not in doc.text


@pytest.mark.parametrize("case", CASES, ids=[c["source_file"] for c in CASES])
def test_metadata(case, cleaned):
    doc = cleaned[case["source_file"]]
    for key in ("title", "author", "published", "site", "language"):
        assert doc.metadata[key] == case["meta"][key], key


@pytest.mark.parametrize("case", CASES, ids=[c["source_file"] for c in CASES])
def test_every_line_that_must_go_is_recorded_with_a_registered_rule(case, cleaned):
    doc = cleaned[case["source_file"]]
    recorded = {r.text.strip(): r.rule for r in doc.removed}
    for line in case["must_remove_lines"]:
        assert line.strip() in recorded, line  # removed, and recorded as such: not silently dropped
    for token in case["must_remove_inline"]:
        assert any(token in r.text for r in doc.inline_removals), token
    assert set(recorded.values()) <= RULES.keys()
