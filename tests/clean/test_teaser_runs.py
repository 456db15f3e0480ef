"""Which low blocks read as a list of stories (pipeline/clean/teaser_runs.py)."""

from inline_pages import ARTICLE_EN, TEASERS_EN


def test_the_last_teaser_title_takes_its_text_even_when_it_shares_a_chance_word():
    from pipeline.clean.teaser_runs import teaser_runs

    texts = ARTICLE_EN[1:3] + [TEASERS_EN[0].title, TEASERS_EN[0].paragraphs[0], TEASERS_EN[1].title, TEASERS_EN[1].paragraphs[0], ARTICLE_EN[3]]
    sims = [0.3, 0.3, 0.0, 0.0, 0.0, 0.09, 0.3]  # the last text shares a chance word: not low, yet under PAIR_SIMILARITY
    joint = [0.0, 0.0, 0.0, 0.0, 0.09, 0.0, 0.0]  # read with its title it is no pair either
    assert teaser_runs(texts, sims, joint) == [range(2, 6)]
    sims[5] = 0.2  # clearly on topic: the article's own paragraph
    assert teaser_runs(texts, sims, joint) == [range(2, 5)]
