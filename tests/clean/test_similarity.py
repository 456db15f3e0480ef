"""How much a block shares with the rest of the article (pipeline/clean/similarity.py)."""

from inline_pages import ARTICLE_EN, COMMON_WORDS_TEASER, RARE_WORD_LINE

from pipeline.clean.features import stopwords
from pipeline.clean.similarity import similarities


def test_shared_words_count_by_their_rarity_in_the_language():
    stoplist = stopwords("en")
    common = ARTICLE_EN + COMMON_WORDS_TEASER.paragraphs
    rare = ARTICLE_EN + [RARE_WORD_LINE]
    assert similarities(common, stoplist, ARTICLE_EN[0], language="en")[-1] < similarities(common, stoplist, ARTICLE_EN[0])[-1]
    assert similarities(rare, stoplist, ARTICLE_EN[0], language="en")[-1] > similarities(rare, stoplist, ARTICLE_EN[0])[-1]
