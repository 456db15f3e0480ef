"""The core, the densest run of prose (pipeline/clean/core.py)."""

import numpy as np
from inline_pages import ARTICLE_DE, PARA_HI, PARA_HI_2

from pipeline.clean.core import FURNITURE_COST, REPEATED_COST, SHORT_LINE_COST, densest_run, line_weights, prose_lines
from pipeline.clean.features import measure_lines, stopwords, tokenize


def measured(lines: list[str], language: str):
    return measure_lines(lines, stopwords(language), [tokenize(t) for t in lines])


def test_densest_run_spans_the_best_sum_and_bridges_a_short_gap():
    assert densest_run([-20, 300, -20, 250, -20, -20, -20, 10]) == (1, 3)
    assert densest_run([-20, -60]) is None
    assert densest_run([]) is None


def test_prose_weighs_its_length_and_menus_furniture_and_repeats_cost():
    lines = ["Home", "Sport", ARTICLE_DE[1], ARTICLE_DE[2], "Share on Facebook", "Home"]
    table = measured(lines, "de")
    furniture = np.array([False, False, False, False, True, False])
    repeated = np.array([True, False, False, False, False, True])
    weights = line_weights(table, furniture, repeated)
    assert weights[2] == len(ARTICLE_DE[1]) and weights[3] == len(ARTICLE_DE[2])
    assert weights[1] == -SHORT_LINE_COST and weights[4] == -FURNITURE_COST and weights[0] == weights[5] == -REPEATED_COST
    assert densest_run(weights) == (2, 3)
    assert prose_lines(table).tolist() == [False, False, True, True, False, False]


def test_prose_in_a_script_that_writes_vowels_as_marks_is_prose():
    table = measured(["होम", PARA_HI, PARA_HI_2], "hi")
    assert prose_lines(table).tolist() == [False, True, True]
