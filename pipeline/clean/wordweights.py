"""How much a shared word says about two texts sharing a topic: its rarity in the language.

A teaser of another story shares words with the article by chance, and
chance words are common ones ("ich", "jahr", "people", "make"); a real part
of the article shares names and rare terms with the rest ("Wendland",
"Kaiserschnitt", "Dekarbonisierung").  The topical similarity
(pipeline.clean.similarity) weighs each word by its self-information in the
language, -log10 of its frequency, taken from wordfreq's word lists (a
pinned package: nothing is fetched).

Words are compared by their first letters in the similarity, so a prefix
weighs as all the listed words that start with it: "arbeit" is as common
as "arbeit", "arbeiten", "arbeitet"... together.
"""

from __future__ import annotations

import math
from functools import lru_cache
from itertools import count

import numpy as np

from .scripts import HANGUL_SYLLABLE

# wordfreq's "small" lists: words of frequency >= 1e-6 in 42 languages, read
# in 10-25 ms and ~2 MB each; the "large" lists go to 1e-8 but cover 21
# languages, take 0.2-0.5 s, and caught no more teasers.
WORDLIST = "small"
# Rarer words, and words the list lacks (names), weigh as this frequency.
FLOOR_FREQUENCY = 1e-6
# Subtracted from every weight, so that the commonest words weigh less
# against rare ones (ich: 1.4, a name: 5.5).
WEIGHT_OFFSET = 0.5
MAX_WEIGHT = -math.log10(FLOOR_FREQUENCY) - WEIGHT_OFFSET
# A floor no listed prefix reaches (one would need a frequency of 25%).
MIN_WEIGHT = 0.1
# A Korean word is a stem with its particles or endings attached ("서울시는",
# "요금을", "인상한다고"); its first two syllables (most Korean nouns' length)
# fold them, as the first letters fold inflection in other scripts.
HANGUL_GRAM_SYLLABLES = 2
# Stoplist language codes that wordfreq lists under another code.
ALIASES = {"hr": "sh", "sr": "sh", "bs": "sh", "no": "nb", "nn": "nb", "tl": "fil"}


def korean_stem(word: str) -> str:
    """A Korean word cut to its first HANGUL_GRAM_SYLLABLES syllables; any other word as it is."""
    return word[:HANGUL_GRAM_SYLLABLES] if HANGUL_SYLLABLE.match(word) else word


def word_gram(word: str, prefix_chars: int, min_chars: int) -> str:
    """What the similarity compares of a word: its first `prefix_chars` letters, or "" for a word under `min_chars` (a Korean word: korean_stem, "" under HANGUL_GRAM_SYLLABLES syllables)."""
    if HANGUL_SYLLABLE.match(word):
        return korean_stem(word) if len(word) >= HANGUL_GRAM_SYLLABLES else ""
    return word[:prefix_chars] if len(word) >= min_chars else ""


def prefix_weights(language: str | None, prefix_chars: int, min_chars: int) -> dict[str, float] | None:
    """Each word prefix's weight in the language (words of `min_chars` or more), or None without a list.

    A prefix missing from the result weighs MAX_WEIGHT.  Each language's
    list is read once, on first use (10-25 ms).
    """
    if not language:
        return None
    code = ALIASES.get(language, language)
    if code not in listed_languages():
        return None
    return _weights(code, prefix_chars, min_chars)


@lru_cache(maxsize=1)
def listed_languages() -> frozenset[str]:
    """The language codes wordfreq has a WORDLIST list for."""
    from wordfreq import available_languages

    return frozenset(available_languages(WORDLIST))


def read_all(prefix_chars: int, min_chars: int) -> int:
    """Read every language's list now (a benchmark's warm-up: ~1 s, ~250 MB); returns how many."""
    for code in listed_languages():
        _weights(code, prefix_chars, min_chars)
    return len(listed_languages())


@lru_cache(maxsize=None)
def _weights(code: str, prefix_chars: int, min_chars: int) -> dict[str, float]:
    from wordfreq import get_frequency_list

    # The list is bucketed by frequency in centibels, the most frequent
    # first; the words of a bucket all have its frequency.
    buckets = get_frequency_list(code, WORDLIST)
    floor_bucket = round(-100 * math.log10(FLOOR_FREQUENCY)) + 1
    prefixes: list[str] = []
    sizes = []
    for words in buckets[:floor_bucket]:
        if code == "ko":  # the one list of Hangul words (the others are cut without a call per word)
            listed = [gram for gram in (word_gram(word, prefix_chars, min_chars) for word in words) if gram]
        else:
            listed = [word[:prefix_chars] for word in words if len(word) >= min_chars]
        prefixes += listed
        sizes.append(len(listed))
    # A prefix's frequency is the sum of its words': each prefix gets the id
    # of its first position, and the shares are summed per id.
    ids: dict[str, int] = {}
    first = np.fromiter(map(ids.setdefault, prefixes, count()), np.intp, len(prefixes))
    shares = np.repeat(10.0 ** (-np.arange(len(sizes)) / 100), sizes)
    frequency = np.bincount(first, weights=shares)[list(ids.values())]
    return dict(zip(ids, np.maximum(-np.log10(frequency) - WEIGHT_OFFSET, MIN_WEIGHT).tolist()))


def warm_up() -> None:
    """Import wordfreq now (its lists are read per language, on first use)."""
    import wordfreq  # noqa: F401
