"""The noise generator the cleaner's tests and bench/bench_spam.py inject into pages (tests/noise.py)."""

import random

from inline_pages import ARTICLE_DE, TEASERS_EN
from noise import SPAM_POOLS, inject_noise


def test_generator_is_reproducible_and_records_what_it_injected():
    page = "\n\n".join(ARTICLE_DE) + "\n"
    a = inject_noise(page, random.Random(1), TEASERS_EN, title=ARTICLE_DE[0])
    b = inject_noise(page, random.Random(1), TEASERS_EN, title=ARTICLE_DE[0])
    assert a == b
    for inj in a.injections:
        if inj.kind == "inline":
            assert inj.spliced in a.text and inj.token in inj.spliced
        else:
            assert all(line in a.text for line in inj.lines)
    assert set(SPAM_POOLS) >= {"ko_gambling", "id_gambling", "th_gambling", "vi_gambling", "ja_gambling", "zh_gambling", "ru_gambling"}
