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


def test_a_korean_word_is_compared_by_its_first_syllables_so_its_particles_fold():
    from pipeline.clean.similarity import profile, word_weights

    stoplist = stopwords("ko")
    headline = profile("서울시, 내년부터 대중교통 요금 인상 발표", stoplist)
    paragraph = profile("서울시는 내년 상반기부터 지하철과 버스 기본요금을 각각 150원씩 인상한다고 밝혔다.", stoplist)
    assert {"서울", "내년", "인상"} <= headline.keys() & paragraph.keys()
    weights = word_weights("ko")
    assert weights is not None and {"서울", "인상"} <= weights.keys()


def test_a_short_word_and_its_case_forms_count_as_one():
    """"форум", "форума", "форумов" share a word; under six letters the first-letters cut alone kept them apart."""
    from pipeline.clean.similarity import fold_endings

    words = ["форум", "форума", "форумов", "state", "states", "stand", "standard", "plan"]
    grams = ["форум", "форума", "форумо", "state", "states", "stand", "standa", "plan"]
    assert fold_endings(words, grams) == ["форум", "форум", "форум", "state", "state", "stand", "standa", "plan"]
    stoplist = stopwords("ru")
    page = [
        "Форум продлится до пятницы, а его итоги будут представлены в виде совместной декларации.",
        "Участники форума обсудят новые технологии, в том числе беспилотники.",
    ]
    assert similarities(page, stoplist)[1] > 0
