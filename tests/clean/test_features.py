"""Per-line measurements taken over a whole page at once: the same values as line by line."""

import re

from pipeline.clean.byline import lines_with_year
from pipeline.clean.core import STOPWORD_PROSE
from pipeline.clean.features import lines_containing, lines_matching, measure_lines, page_chars, stopwords, tokenize
from pipeline.clean.patterns import substring_lines

LINES = [
    "The council met on Tuesday and the mayor said the budget was passed.",
    "Die Stadt hat die Brücke „eröffnet“",
    "He said it was ’fine’",
    "",
    "   ",
    "市政府周二宣布，新的桥梁将于明年春天开放。",
    "Он сказал: «Мы готовы».",
    "Share 𝐁𝐎𝐋𝐃 😀",
    "© 2024 Example Media",
]


def test_measure_lines_matches_one_line_at_a_time():
    stoplist = stopwords("en")
    tokens = [tokenize(line) for line in LINES]
    together = measure_lines(LINES, stoplist, tokens)
    alone = [measure_lines([line], stoplist, [words]) for line, words in zip(LINES, tokens)]
    for column in ("chars", "words", "stopword_density", "ends_sentence", "cjk"):
        assert getattr(together, column).tolist() == [getattr(one, column)[0] for one in alone], column
    assert together.ends_sentence.tolist() == [True, True, True, False, False, True, True, False, False]
    assert together.cjk.tolist() == [False, False, False, False, False, True, False, False, False]
    assert together.words[0] == 13 and together.words[5] == len(LINES[5]) // 2
    assert together.stopword_density[0] == sum(w in stoplist for w in tokens[0]) / 13
    assert together.head(2).chars.tolist() == [len(LINES[0]), len(LINES[1])]


def test_page_chars_head_is_the_first_lines():
    page = page_chars(LINES)
    head = page.head(2)
    assert head.lengths.tolist() == [len(LINES[0]), len(LINES[1])]
    assert len(head.codes) == len(LINES[0]) + len(LINES[1])
    assert page.head(len(LINES)) is page


def test_lines_matching_scans_the_page_once():
    assert lines_matching(re.compile(r"\d"), ["a1", "b", "2 and 3", "c"]) == {0, 2}


def test_lines_containing_finds_the_lines_an_alternation_of_the_needles_would():
    lines = ["your browser", "nothing", "javascript here and browser", "", "браузер устарел", "browse"]
    needles = ("browser", "javascript", "браузер")
    assert lines_containing(needles, lines) == lines_matching(re.compile("|".join(needles)), lines) == {0, 2, 4}
    assert lines_containing(needles, ["none", "at all"]) == set()
    assert lines_matching(re.compile(r"x"), ["a", "b"]) == set()
    assert lines_with_year(["Published 2024-05-01", "12:30", "in 1999"]) == {0, 2}
    assert substring_lines(["© 2024 example", "text (c) 2020", "plain"]) == {0, 1}


PARA_HI = (
    "सरकार ने मंगलवार को कहा कि नए नियम अगले साल की शुरुआत से लागू होंगे और कंपनियों को अपनी "
    "प्रणालियों को बदलने के लिए छह महीने का समय दिया जाएगा।"
)


def test_words_of_scripts_that_write_vowels_as_marks_stay_whole():
    assert tokenize("नमस्ते दुनिया") == ["नमस्ते", "दुनिया"]
    assert tokenize("আজ শনিবার সকাল") == ["আজ", "শনিবার", "সকাল"]
    assert tokenize("สวัสดี ครับ") == ["สวัสดี", "ครับ"]
    assert tokenize("café naïve") == ["café", "naïve"]
    assert tokenize("cafe\u0301 au lait") == ["cafe\u0301", "au", "lait"]  # a decomposed accent


def test_hindi_prose_reads_as_prose():
    lines = measure_lines([PARA_HI], stopwords("hi"), [tokenize(PARA_HI)])
    assert lines.ends_sentence.tolist() == [True]  # the danda ends a sentence
    assert lines.stopword_density[0] >= STOPWORD_PROSE


def test_stoplists_lose_english_strays():
    assert not any(word.isascii() for word in stopwords("mr"))  # Marathi's list held "the", "and", ...
    assert "the" not in stopwords("su") and "and" not in stopwords("su")
    assert {"the", "and", "of"} <= stopwords("en")
    assert "die" in stopwords("de") and "in" in stopwords("nl")  # shared by right


def test_word_count_reads_scripts_without_spaces():
    from pipeline.clean.scripts import word_count

    assert word_count("The council met on Tuesday.") == 5
    assert word_count("国家统计局周二公布的数据显示") == 7  # 14 characters, two a word
    assert word_count("จำนวนผู้ป่วยไข้เลือดออก") == 6  # 23 characters, four a word
    assert word_count("iPhone 15 发布会") == 4


def test_line_model_probabilities_equal_the_networks_over_row_slices():
    import numpy as np

    from pipeline.clean.teasermodel import load_teaser_model

    model = load_teaser_model()  # a LineModel
    rows = 3 * ((model.SINGLE_THREAD_MACS - 1) // model.w1.size) + 7  # several slices and a short last one
    x = np.random.default_rng(0).normal(size=(rows, model.w1.shape[0])) + model.mean
    hidden = np.tanh(((x - model.mean) / model.std) @ model.w1 + model.b1).reshape(rows, model.members, -1)
    expected = (1 / (1 + np.exp(-((hidden * model.w2).sum(axis=2) + model.b2)))).mean(axis=1)
    assert np.allclose(model.line_probabilities(x), expected, rtol=0, atol=1e-12)
    assert np.allclose(model.line_probabilities(x[:5]), expected[:5], rtol=0, atol=1e-12)
