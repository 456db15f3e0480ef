"""pipeline.trees and pipeline.dumps.blockmodel: inference in numpy."""

import numpy as np

import pytest

from pipeline.dumps.blockmodel import SEQUENCE_FEATURES, BlockModel, block_input_names, Network, densest_run, expected_best_set, sequence_features, with_neighbours
from pipeline.trees import Trees, from_lightgbm

# Two trees as LightGBM's dump_model() writes them: x0 <= 0.5 ? (x1 <= 2 ? 1 : 2) : 3, and x1 <= 0 ? -1 : 0.5.
DUMP = {
    "tree_info": [
        {
            "tree_structure": {
                "split_feature": 0, "threshold": 0.5, "decision_type": "<=",
                "left_child": {"split_feature": 1, "threshold": 2.0, "decision_type": "<=", "left_child": {"leaf_value": 1.0}, "right_child": {"leaf_value": 2.0}},
                "right_child": {"leaf_value": 3.0},
            }
        },
        {"tree_structure": {"split_feature": 1, "threshold": 0.0, "decision_type": "<=", "left_child": {"leaf_value": -1.0}, "right_child": {"leaf_value": 0.5}}},
    ]
}


def test_trees_sum_the_leaves_each_row_reaches():
    trees = Trees(from_lightgbm(DUMP, ["a", "b"]), ("a", "b"))
    x = np.array([[0.0, 1.0], [0.0, 3.0], [1.0, -1.0], [0.5, 0.0]])
    assert trees.scores(x).tolist() == [1.5, 2.5, 2.0, 0.0]
    assert trees.depth == 2


def test_trees_trained_on_other_features_ask_for_their_trainer():
    with pytest.raises(ValueError, match="run bench/x.py again"):
        Trees(from_lightgbm(DUMP, ["a", "b"]), ("a", "c"), "bench/x.py")


def test_a_block_stage_of_trees_reads_the_block_and_its_neighbours():
    names = ["log_chars", "log_words"]
    spec = {
        "features": names,
        "block": {"trees": from_lightgbm(DUMP, block_input_names(names, ["log_words"], [-1]))},
        "context": {"features": ["log_words"], "shifts": [-1]},
        "decide": {"precision_weight": 0.5, "recall_weight": 0.5},
    }
    model = BlockModel(spec, names)
    x = np.array([[0.0, 1.0], [0.0, 3.0]])
    # Both trees read only the block's own columns here: 1 + (-1 or 0.5) as logits.
    expected = 1 / (1 + np.exp(-np.array([1.5, 2.5])))
    assert np.allclose(model.block_probabilities(x), expected)
    wrong = dict(spec, block={"trees": from_lightgbm(DUMP, names)})
    with pytest.raises(ValueError, match="bench/train_text_model.py"):
        BlockModel(wrong, names)


def test_neighbours_are_zero_past_the_page_edges():
    x = np.arange(6, dtype=float).reshape(3, 2)
    out = with_neighbours(x, [1], [-1, 1])
    assert out.tolist() == [[0, 1, 3, 0], [2, 3, 5, 1], [4, 5, 0, 3]]


def test_a_network_averages_its_members():
    one = [np.array([[1.0], [0.0]]), np.array([0.0]), np.array([[2.0]]), np.array([0.0])]
    two = [np.array([[0.0], [1.0]]), np.array([0.0]), np.array([[1.0]]), np.array([0.0])]
    network = Network({"mean": [0.0, 0.0], "std": [1.0, 1.0], "members": [one, two]})
    p = network.probabilities(np.array([[0.0, 5.0], [10.0, 0.0]]))
    sigmoid = lambda v: 1 / (1 + np.exp(-v))  # noqa: E731
    assert np.allclose(p, [(0.5 + sigmoid(np.tanh(5.0))) / 2, (sigmoid(2 * np.tanh(10.0)) + 0.5) / 2])


def test_a_model_trained_on_other_features_asks_for_retraining():
    with pytest.raises(ValueError, match="retrain it with bench/train_text_model.py"):
        BlockModel({"features": ["a", "b"]}, ["a", "c"])


def test_the_densest_run_is_the_span_of_largest_sum():
    assert densest_run(np.array([-1.0, 2.0, -0.5, 2.0, -3.0, 1.0])) == (1, 3)
    assert densest_run(np.array([-1.0, -2.0])) is None


def test_sequence_features_read_the_run_of_likely_article_text():
    p = np.array([0.1, 0.9, 0.8, 0.9, 0.1, 0.2])
    chars = np.array([10.0, 300.0, 200.0, 250.0, 20.0, 30.0])
    x = sequence_features(p, chars)
    assert x.shape == (6, len(SEQUENCE_FEATURES))
    in_run = x[:, SEQUENCE_FEATURES.index("in_run")]
    assert in_run.tolist() == [0, 1, 1, 1, 0, 0]
    to_run = x[:, SEQUENCE_FEATURES.index("log_blocks_to_run")]
    assert to_run[5] > to_run[4] > 0 == to_run[2]


def test_the_page_decision_keeps_the_likely_blocks_and_weighs_a_doubtful_one_by_its_words():
    p = np.array([0.95, 0.9, 0.3, 0.05])
    words = np.array([50.0, 40.0, 200.0, 5.0])
    assert expected_best_set(p, words, 0.5, 0.5).tolist() == [True, True, False, False]
    # A short block more likely article than not costs little precision and adds recall.
    p[2], words[2] = 0.6, 4.0
    assert expected_best_set(p, words, 0.5, 0.5).tolist() == [True, True, True, False]
    assert expected_best_set(np.zeros(3), words[:3], 0.5, 0.5).tolist() == [False] * 3
    # However cheap, a block more likely not article text is not kept.
    p[2], words[2] = 0.45, 1.0
    assert expected_best_set(p, words, 0.5, 0.5).tolist() == [True, True, False, False]


def test_shipped_headline_model_picks_the_headline_of_a_dump_without_title_line():
    from pipeline.dumps.metadata import dump_metadata, load_headline_model

    model = load_headline_model()
    assert model is not None
    page = [
        "Startseite",
        "Politik",
        "Leipzig baut neue Grundschule im Stadtteil Gohlis",
        "12. März 2025",
        "Der Stadtrat von Leipzig hat am Dienstag den Bau einer neuen Grundschule im Stadtteil Gohlis beschlossen.",
        "Die Schule soll im Herbst 2027 für 400 Kinder öffnen; die Kosten trägt zum größten Teil die Stadt Leipzig.",
        "Kontakt",
    ]
    found = dump_metadata(page, (4, 5), headline_model=model, has_title_line=False)
    assert found["title"] == "Leipzig baut neue Grundschule im Stadtteil Gohlis"
    assert found["published"] == "2025-03-12"
