"""The headline of a text dump (pipeline/clean/headline.py)."""

import pytest
from inline_pages import ARTICLE_EN, PARA_EN, page, rules_of


@pytest.mark.parametrize(
    "above",
    [
        "Tennis star returns to the training courts after a long and rare illness",
        "Payday loans online with same day approval and no credit check",
    ],
    ids=["teaser", "spam"],
)
def test_the_headline_is_the_line_above_the_core_that_names_its_topic(above):
    from pipeline.clean.features import stopwords
    from pipeline.clean.headline import find_title as _find_title

    texts = ["Menu", above, ARTICLE_EN[0]] + ARTICLE_EN[1:]
    assert _find_title(texts, {}, 3, texts[3:], stopwords("en")) == 2
    assert _find_title(texts, {}, 3) == 1  # without the core's words: the longest line


def test_spam_line_above_the_article_is_not_its_title():
    spam = ["Play real money slots at jackpot777.bet and win the progressive jackpot", "Slot gacor hari ini gampang menang maxwin di Lucky88"]
    body = [PARA_EN, PARA_EN.replace("Tuesday", "Friday"), PARA_EN.replace("Tuesday", "Monday")]
    # No headline: the spam lines are the only title-like lines above the core.
    doc = page("Home", "News", *spam, "By Jane Smith", *body)
    assert all(rules_of(doc)[line] == "spam" for line in spam)
    assert doc.metadata["title"] is None
    # A headline above the spam is found instead.
    doc = page("Home", "Agency chief rejects the claims", "12 March 2024", *spam, "By Jane Smith", *body)
    assert doc.metadata["title"] == "Agency chief rejects the claims"
    assert doc.text.startswith("Agency chief rejects the claims")


def test_headline_at_the_start_of_the_core_is_the_title():
    body = [PARA_EN.replace("ministry", "council").replace("rules", "stadium plan").replace("Tuesday", day) for day in ("Tuesday", "Friday", "Monday")]
    # A headline with many function words weighs as prose: it starts the core.
    headline = "Why the council says that it will approve the new stadium plan for the city in the spring"
    doc = page("Home", "News", headline, *body)
    assert doc.metadata["title"] == headline
    assert doc.text.startswith(headline)


def test_the_first_item_of_a_story_box_is_not_the_headline():
    from pipeline.clean.features import stopwords
    from pipeline.clean.headline import find_title as _find_title

    teaser_title = "Tennis star returns to training after long illness"
    teaser = "The junior tennis champion returned to the training courts on Friday after a long illness, her coach said."
    body = [PARA_EN.replace("Tuesday", day) for day in ("Tuesday", "Friday", "Monday")]
    for heading, expected in (("More stories", None), ("Newsletter", teaser_title)):
        texts = ["Home", heading, teaser_title, teaser, *body]
        found = _find_title(texts, {}, 3, texts[3:], stopwords("en"))
        assert (texts[found] if found is not None else None) == expected, heading
