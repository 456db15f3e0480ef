"""pipeline.dumps.trees and pipeline.dumps.blockmodel: inference in numpy."""

import numpy as np

from pipeline.dumps.blockmodel import BlockModel, with_neighbours
from pipeline.dumps.trees import TreeEnsemble, from_lightgbm

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
    trees = TreeEnsemble(from_lightgbm(DUMP))
    x = np.array([[0.0, 1.0], [0.0, 3.0], [1.0, -1.0], [0.5, 0.0]])
    assert trees.raw(x).tolist() == [1.5, 2.5, 2.0, 0.0]
    assert trees.depth == 2


def test_neighbours_are_zero_past_the_page_edges():
    x = np.arange(6, dtype=float).reshape(3, 2)
    out = with_neighbours(x, [1], [-1, 1])
    assert out.tolist() == [[0, 1, 3, 0], [2, 3, 5, 1], [4, 5, 0, 3]]


def test_block_model_averages_its_members():
    one = [np.array([[1.0], [0.0]]), np.array([0.0]), np.array([[2.0]]), np.array([0.0])]
    params = {"mean": [0.0, 0.0], "std": [1.0, 1.0], "members": [one, one], "threshold": 0.5}
    model = BlockModel(params)
    p = model.probabilities(np.array([[0.0, 5.0], [10.0, 0.0]]))
    assert np.allclose(p, [0.5, 1 / (1 + np.exp(-2 * np.tanh(10.0)))])


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
