"""The topic pass's guard: a page that is a list of stories is not emptied (pipeline/clean/guard.py)."""

from inline_pages import (
    ARTICLE_EN,
    TEASERS_EN,
    doc_with_removed,
    front_page,
    remove_unrelated,
    stories,
)


def test_a_page_that_is_a_list_of_stories_is_not_emptied():
    doc = doc_with_removed(front_page(), {})
    assert remove_unrelated(doc, "en", "The Riverside Courier") == 0


def test_one_paragraph_about_the_headline_keeps_its_article_and_drops_the_stories_under_it():
    # A short article (headline and one paragraph) over an unheaded list of
    # other stories: more than half the kept text, but the paragraph vouches
    # for the article.  (A front page whose first story was picked as the
    # headline reads the same, and keeps that story alone.)
    doc = doc_with_removed(ARTICLE_EN[:2] + stories(TEASERS_EN), {})
    assert remove_unrelated(doc, "en", ARTICLE_EN[0]) == 2 * len(TEASERS_EN)
    assert doc.blocks[0].kept and doc.blocks[1].kept


def test_a_teaser_box_larger_than_a_short_article_goes():
    # Three teasers above a headline and one paragraph: more than half the
    # kept text; the paragraph vouches for the article, and so does the core.
    lines = stories(TEASERS_EN) + ARTICLE_EN[:2]
    for core in (None, (7, 7)):
        doc = doc_with_removed(lines, {})
        assert remove_unrelated(doc, "en", ARTICLE_EN[0], core=core) == 6
        assert [doc.blocks[i].removed_by for i in range(6)] == ["unrelated_teaser"] * 6
        assert doc.blocks[6].kept and doc.blocks[7].kept


def test_a_teaser_box_inside_the_densest_prose_goes_when_the_rest_of_it_is_about_the_headline():
    # The densest prose run holds the box and the article's one short
    # paragraph (too short to vouch for it alone): what the runs leave of
    # that run shares the headline's words, so the article was found.
    lines = stories(TEASERS_EN) + [ARTICLE_EN[0], "The council will rebuild the flood defences along the river."]
    doc = doc_with_removed(lines, {})
    assert remove_unrelated(doc, "en", ARTICLE_EN[0], core=(1, 7)) == 6
    assert doc.blocks[6].kept and doc.blocks[7].kept
    # Nothing of that run left but the headline: a list page, left whole.
    doc = doc_with_removed(lines[:7], {})
    assert remove_unrelated(doc, "en", ARTICLE_EN[0], core=(1, 6)) == 0


def test_runs_that_would_take_most_of_the_core_stay_capped():
    lines = front_page()
    doc = doc_with_removed(lines, {})
    assert remove_unrelated(doc, "en", "The Riverside Courier", core=(1, len(lines) - 1)) == 0
