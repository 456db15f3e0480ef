"""The cleaner's loop over its steps (pipeline/clean/__init__.py), end to end on inline pages."""

import random
from dataclasses import replace

import pytest
from inline_pages import (
    ARTICLE_EN,
    OPTIONS,
    TEASERS_EN,
    clean_lines,
    kept,
    rule_of,
    stories,
)
from noise import inject_noise, line_leaked, token_leaked

from pipeline.clean import PAGE_PROFILE_KEY, TEXT_STEPS, rules
from pipeline.options import Options


def test_fast_mode_skips_the_topic_pass_and_nothing_else():
    teaser_lines = stories(TEASERS_EN[:2])
    lines = ARTICLE_EN[:3] + teaser_lines + ARTICLE_EN[3:]
    full, fast = clean_lines(lines), clean_lines(lines, replace(OPTIONS, fast=True))
    assert [rule_of(fast, line) for line in teaser_lines] == [None] * 4
    assert [rule_of(full, line) for line in teaser_lines] == ["unrelated_teaser"] * 4
    others = [i for i, b in enumerate(full.blocks) if b.removed_by != "unrelated_teaser"]
    assert [fast.blocks[i].removed_by for i in others] == [full.blocks[i].removed_by for i in others]
    assert fast.metadata == full.metadata


@pytest.mark.parametrize("where", ["after", "inside"])
def test_generated_noise_is_cleaned_from_a_page(where):
    rng = random.Random(5)
    page = "\n\n".join(ARTICLE_EN) + "\n"
    for _ in range(8):
        noisy = inject_noise(page, rng, TEASERS_EN, body=ARTICLE_EN[1:], title=ARTICLE_EN[0], positions=[where])
        doc = clean_lines(noisy.text.split("\n\n"))
        texts = kept(doc)
        kinds = {inj.kind for inj in noisy.injections}
        assert kinds == {"spam", "inline", "teaser"}
        for inj in noisy.injections:
            if inj.kind == "spam":
                assert not any(line_leaked(line, texts) for line in inj.lines), inj
            elif inj.kind == "inline":
                assert not token_leaked(inj, texts), inj
                assert inj.original in texts
            else:
                assert not any(line_leaked(line, texts) for line in inj.lines if line != inj.heading), inj


def test_warm_up_loads_what_the_cleaner_loads_lazily():
    from pipeline.clean import warm_up
    from pipeline.clean.features import stopwords
    from pipeline.clean.teasermodel import load_teaser_model, load_veto_model
    from pipeline.dumps.blockmodel import load_block_model
    from pipeline.dumps.metadata import load_headline_model
    from pipeline.language import get_backend

    for cached in (load_block_model, load_headline_model, load_teaser_model, load_veto_model, stopwords, get_backend):
        cached.cache_clear()
    warm_up()
    assert load_block_model.cache_info().currsize == 1 and load_block_model() is not None
    assert load_headline_model.cache_info().currsize == 1
    assert load_teaser_model.cache_info().currsize == 1
    assert load_veto_model.cache_info().currsize == 1
    assert stopwords.cache_info().currsize >= 70  # every shipped stoplist
    assert get_backend.cache_info().currsize == 2  # "auto" and the py3langid model under it


def test_every_step_is_a_module_with_a_test_file_of_the_same_name():
    from pathlib import Path

    from pipeline.clean import HTML_STEPS, STEP_NAMES, TEXT_STEPS

    here = Path(__file__).parent
    for step in TEXT_STEPS + HTML_STEPS:
        module = step.function.__module__.rsplit(".", 1)[-1]
        assert (here / f"test_{module}.py").exists(), f"step {step.name}: no tests/clean/test_{module}.py"
    assert len(STEP_NAMES) == len({step.name for step in TEXT_STEPS + HTML_STEPS}) == len({s.function for s in TEXT_STEPS})


def test_an_earlier_step_keeps_its_rule_on_a_block_a_later_one_would_remove():
    # "Share on Facebook" under "Related Posts" is furniture, but the heading that ends the article took it first.
    lines = ARTICLE_EN + ["Related Posts", "Share on Facebook", TEASERS_EN[0].title]
    doc = clean_lines(lines)
    assert rule_of(doc, "Share on Facebook") == rules.RELATED_SECTION
    assert rule_of(clean_lines(ARTICLE_EN + ["Share on Facebook"]), "Share on Facebook") == rules.SOCIAL


def test_the_profile_counts_each_steps_removals_and_time():
    lines = ["Home", "News"] + ARTICLE_EN[:3] + stories(TEASERS_EN[:2]) + ARTICLE_EN[3:] + ["Related Posts", "Other story"]
    doc = clean_lines(lines)
    assert list(doc.profile) == [PAGE_PROFILE_KEY] + [step.name for step in TEXT_STEPS]
    assert all(seconds >= 0 for _, seconds in doc.profile.values())
    assert sum(removals for removals, _ in doc.profile.values()) == len(doc.removed)
    by_rule = {}
    for removal in doc.removed:
        by_rule[removal.rule] = by_rule.get(removal.rule, 0) + 1
    assert doc.profile["teasers"][0] == by_rule[rules.UNRELATED_TEASER] == 4
    assert doc.profile["article_end"][0] == by_rule[rules.RELATED_SECTION] == 2
    assert doc.profile["block_model"][0] == by_rule[rules.OUTSIDE_CORE] == 2


def test_a_step_is_switched_off_by_name_and_an_unknown_name_is_refused():
    lines = ARTICLE_EN + [ARTICLE_EN[-1]]
    assert clean_lines(lines).blocks[-1].removed_by == rules.REPEATED
    doc = clean_lines(lines, Options(format="text", skip_steps=frozenset({"repeated"})))
    assert doc.text.count(ARTICLE_EN[-1]) == 2 and "repeated" not in doc.profile
    with pytest.raises(ValueError, match=r"unknown cleaning step 'teaser': the steps are article_end, furniture, section_headings, spam, block_model, dated_lists, teasers, repeated"):
        Options(skip_steps=frozenset({"teaser"}))
    assert Options(fast=True).skip_steps == {"teasers"} and Options(skip_steps=frozenset({"teasers"})).fast


def test_a_step_that_rejects_the_page_ends_the_loop_and_the_metadata_is_still_filled():
    doc = clean_lines(["Home", "News", "By Anna Muster", "Sport", "Kontakt"])
    assert doc.status == "rejected" and doc.reason == "no_article: no prose found"
    assert list(doc.profile) == [PAGE_PROFILE_KEY, "article_end", "furniture", "section_headings", "spam", "block_model"]
    assert doc.metadata["author"] == "Anna Muster"
    assert all(not b.kept for b in doc.blocks)


def test_ingest_stores_each_steps_removals_and_seconds_in_the_run(tmp_path):
    import json

    from archive import Archive
    from pipeline import ingest

    page = tmp_path / "page.txt"
    page.write_text("\n".join(["Home", "News"] + ARTICLE_EN + ["Related Posts", "Other story"]), encoding="utf-8")
    arc = Archive(str(tmp_path / "a.db"))
    try:
        ingest([str(page)], arc, Options(format="text", fast=True))
        run = next(arc.db["runs"].rows)
    finally:
        arc.close()
    steps = json.loads(run["steps"])
    assert set(steps) == {PAGE_PROFILE_KEY} | {s.name for s in TEXT_STEPS} - {"teasers"}
    assert steps["article_end"]["removals"] == 2 and steps["block_model"]["removals"] == 2
    assert json.loads(run["options"])["skip_steps"] == ["teasers"]
