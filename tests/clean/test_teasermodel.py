"""The teaser model's features (pipeline/clean/teasermodel.py)."""

import numpy as np


def test_teaser_features_are_one_row_of_every_feature_per_block():
    from pipeline.clean.teasermodel import (
        FEATURE_NAMES,
        load_teaser_model,
        teaser_features,
    )

    n = 5
    x = teaser_features(
        [0.0, 0.3, 0.0, 0.2, 0.1], [0.0] * n, [40, 300, 60, 400, 20], [True, False, True, False, False],
        [False, False, False, True, False], [False, True, False, True, False], [False] * n, [False, False, True, False, False],
        [True] * n, 1,
    )
    assert x.shape == (n, len(FEATURE_NAMES)) and np.isfinite(x).all()
    column = dict(zip(FEATURE_NAMES, x.T))
    assert column["similarity_next"].tolist() == [0.3, 0.0, 0.2, 0.1, -1.0]  # -1 off the page
    assert column["above_headline"].tolist() == [1.0, 0.0, 0.0, 0.0, 0.0]
    assert load_teaser_model() is not None  # shipped beside the line model
