"""How much a block shares with the rest of the article: the similarity the topic pass reads.

Each block is compared with the rest of the page (the headline and every
block except itself and its story partner: a title and the paragraph under
it) by the profile of its content words: function words and numbers left
out, each word cut to its first letters (which folds inflection:
"minister", "ministers", "ministerium"), character pairs in Chinese and
Japanese, and each weighed by its rarity in the page's language
(wordweights.py), so that common words shared by chance count little
against names and rare terms.  The score is a log-weighted cosine, computed
for the whole page at once over flat numpy arrays.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from functools import lru_cache
from itertools import chain
from itertools import count as positions
from itertools import repeat
from operator import add

import numpy as np

from .features import tokenize
from .scripts import WORD_CHAR
from .shapes import title_like, unspaced
from .wordweights import MAX_WEIGHT, prefix_weights, read_all, word_gram

# Similarity to the rest of the article below which a block is "about
# something else".  Most body lines score above it; short lines and
# scene-setting first sentences do not, which is why the teaser rules ask
# for more than a low score.
MIN_SIMILARITY = 0.08
# Clearly on topic: a paragraph scoring this much is the article's own.
ANCHOR_SIMILARITY = 2 * MIN_SIMILARITY
# Reference rounds: the second leaves blocks that scored low out of the
# reference, so a long teaser section does not vouch for itself.
REFERENCE_ROUNDS = 2
# Words are compared by their first six letters, words under three letters
# left out (character 4-grams scored any two German texts high on shared
# endings such as "-ung" and "-lich").
PREFIX_CHARS = 6
MIN_WORD_CHARS = 3
# A word of up to PREFIX_CHARS + 1 letters counts as a shorter word of the
# same page that it extends by one or two letters, a case ending ("форума",
# "форумов" as "форум"; "states" as "state"): under PREFIX_CHARS letters a
# word is its own gram, and the six-letter cut left those apart.  The
# shorter word has at least FOLD_STEM_CHARS letters.
FOLD_SUFFIX_CHARS = 2
FOLD_STEM_CHARS = 4
# Words remembered per stoplist: a page's words are mostly words seen before.
GRAM_CACHE_WORDS = 200_000
_KANA_OR_LATER = re.compile("[\u3040-\U0010ffff]")
_PART = re.compile(f"{WORD_CHAR}+")


class _Grams(dict):
    """word -> its gram (first PREFIX_CHARS letters), or "" for a word left out; filled on first sight."""

    def __init__(self, stoplist: frozenset[str]):
        super().__init__()
        self.stoplist = stoplist

    def __missing__(self, word: str) -> str:
        part = word
        if not word.isalnum():
            # A word joined by "-", "'" or "." (features.tokenize): its longest part ("l'article" -> "article").
            part = max(_PART.findall(word), key=len, default="")
        gram = "" if len(part) < MIN_WORD_CHARS or part in self.stoplist or part.isdigit() else part[:PREFIX_CHARS]
        if len(self) < GRAM_CACHE_WORDS:
            self[word] = gram
        return gram


@lru_cache(maxsize=8)
def _grams(stoplist: frozenset[str]) -> _Grams:
    return _Grams(stoplist)


def profile(text: str, stoplist: frozenset[str], words: list[str] | None = None) -> Counter:
    """The content words of a text, cut to their first letters (a Korean word to its first syllables); character pairs in Chinese and Japanese.

    Prefixes fold inflection ("minister", "ministers", "ministerium") at
    no cost; function words and numbers are left out.  `words` are the
    text's words (features.tokenize) when the caller has them.
    """
    if words is None:
        words = tokenize(text)
    if _KANA_OR_LATER.search(text) is None:
        return _spaced_profile(words, stoplist)
    grams: Counter = Counter()
    for word in words:
        if word in stoplist or word.isdigit():
            continue
        if unspaced(word):
            grams.update(map(add, word, word[1:]))  # its character pairs
        elif gram := word_gram(word, PREFIX_CHARS, MIN_WORD_CHARS):
            grams[gram] += 1
    return grams


def gram_set(text: str, stoplist: frozenset[str], words: list[str] | None = None) -> set[str]:
    """The distinct grams of profile(text) (its keys), without counting them."""
    if words is None:
        words = tokenize(text)
    if _KANA_OR_LATER.search(text) is None:
        grams = set(map(_grams(stoplist).__getitem__, words))
        grams.discard("")
        return grams
    return set(profile(text, stoplist, words))


def page_grams(texts: list[str], stoplist: frozenset[str], words: list[list[str]] | None = None) -> tuple[list[str], list[int]]:
    """The grams of profile() of every text, concatenated ("" for a word left out), and how many each text gave.

    `words`: each text's words (features.tokenize), as the cleaner's
    analysis has them already.  A page without Kana, Han or later characters
    (one search) maps every word at once; on another, only its lines that
    hold one go through profile().
    """
    if words is None:
        words = list(map(tokenize, texts))
    gram_of = _grams(stoplist).__getitem__
    if _KANA_OR_LATER.search("\n".join(texts)) is None:
        # No Kana or Han: every word is spaced, and gives one gram.
        flat = list(chain.from_iterable(words))
        return fold_endings(flat, list(map(gram_of, flat))), list(map(len, words))
    # Only the lines with Kana, Han or a character after them (an emoji)
    # need profile(); the others give a gram per word as above.
    per_text = [
        list(profile(text, stoplist, line_words).elements()) if _KANA_OR_LATER.search(text) else list(map(gram_of, line_words))
        for text, line_words in zip(texts, words)
    ]
    return list(chain.from_iterable(per_text)), list(map(len, per_text))


def fold_endings(words: list[str], grams: list[str], stems: set[str] | None = None) -> list[str]:
    """The words' grams, each word that extends a shorter word of the page (`stems`: the page's own) by a case ending given that word's gram.

    Only words of FOLD_STEM_CHARS + 1 to PREFIX_CHARS + 1 letters can
    fold, onto a whole word FOLD_SUFFIX_CHARS or fewer letters shorter.
    """
    if stems is None:
        stems = {gram for gram in grams if FOLD_STEM_CHARS <= len(gram) < PREFIX_CHARS}
    if not stems:
        return grams
    longest = PREFIX_CHARS + 1
    # Each distinct word once (a page repeats its words), then one pass to map them.
    folds = {}
    for word in {word for word, gram in zip(words, grams) if gram and FOLD_STEM_CHARS < len(word) <= longest}:
        for cut in range(1, FOLD_SUFFIX_CHARS + 1):
            stem = word[:-cut]
            if len(stem) >= FOLD_STEM_CHARS and stem in stems:
                folds[word] = stem
                break
    if not folds:
        return grams
    return [folds.get(word, gram) for word, gram in zip(words, grams)]


def _spaced_profile(words: list[str], stoplist: frozenset[str]) -> Counter:
    """profile() of the words of a text without Kana or Han: each word's gram."""
    return Counter(filter(None, map(_grams(stoplist).__getitem__, words)))


def similarities(
    texts: list[str],
    stoplist: frozenset[str],
    title: str = "",
    reference: list[bool] | None = None,
    language: str | None = None,
) -> list[float]:
    """Per block: cosine similarity to the title plus every block but itself and its title or paragraph.

    `reference`: which blocks may be part of the reference at all (blocks
    another rule already removed are scored but never vouch for others).
    `language`: words weigh by their rarity in it (wordweights); all alike
    when None or without a word list.
    """
    page = page_counts(texts, stoplist, weights=word_weights(language)) if texts else None
    return _scores(texts, stoplist, title, reference, page=page)[0]


def word_weights(language: str | None) -> dict[str, float] | None:
    """Each gram's weight in the language (wordweights.prefix_weights), or None."""
    return prefix_weights(language, PREFIX_CHARS, MIN_WORD_CHARS)


def read_word_weights() -> int:
    """Read the weights of every language with a word list now (see wordweights.read_all); returns how many."""
    return read_all(PREFIX_CHARS, MIN_WORD_CHARS)


def story_similarities(
    texts: list[str],
    stoplist: frozenset[str],
    title: str = "",
    reference: list[bool] | None = None,
    titles: list[bool] | None = None,
    page: _PageCounts | None = None,
) -> tuple[list[float], list[float]]:
    """Per block as `similarities`; and per title over a paragraph, the two read as one story.

    A story is compared with the coherent blocks only (those that scored
    above MIN_SIMILARITY): a real subsection shares at least a few words
    with the article over its title and paragraph together, where a teaser
    of another story shares none.  0.0 where block k does not start a story.
    """
    titles = titles if titles is not None else [title_like(t) for t in texts]
    return _with_joint(texts, titles, *_scores(texts, stoplist, title, reference, titles, page))


def _with_joint(texts, titles, sims, included, title_profile, page) -> tuple[list[float], list[float]]:
    """story_similarities from _scores' results: (sims, each story's joint similarity)."""
    n = len(texts)
    joint = [0.0] * n
    starts = [k for k in range(n - 1) if titles[k] and not titles[k + 1]]
    if not starts:
        return sims, joint
    inc = np.asarray(included, dtype=float)
    total, ref_norm = _reference(page, _title_counts(page, title_profile), inc)
    # A story is a title's words (with the paragraph's counts of the same
    # words, `below`) and then the paragraph's other words (`above` == 0).
    starts_story = np.zeros(n + 1, dtype=bool)
    starts_story[starts] = True
    block, count, above, below = page.block, page.count, page.above, page.below
    in_title = starts_story[block]
    in_paragraph = starts_story[np.maximum(block - 1, 0)] & (block > 0) & (above == 0)
    chosen = np.flatnonzero(in_title | in_paragraph)
    inc_next = np.append(inc[1:], 0.0)
    is_title = in_title[chosen]
    b, c, lo = block[chosen], count[chosen], below[chosen]
    story_of = np.where(is_title, b, b - 1)
    story = np.where(is_title, c + lo, c)
    own = np.where(is_title, c * inc[b] + lo * inc_next[b], c * inc[b])
    rest = total[page.word[chosen]] - own
    weight = page.entry_weight[chosen]
    logs = np.log1p(story) * weight
    contribution = np.where(rest > 0, logs * weight * np.log1p(np.maximum(rest, 0.0)), 0.0)
    dots = np.bincount(story_of, weights=contribution, minlength=n).tolist()
    logs = logs.tolist()
    bounds = np.searchsorted(story_of, starts + [n]).tolist()
    for k, lo_i, hi_i in zip(starts, bounds, bounds[1:]):
        norm = math.hypot(*logs[lo_i:hi_i])
        if norm:
            joint[k] = dots[k] / (norm * ref_norm)
    return sims, joint


def _scores(texts, stoplist, title, reference, titles=None, page=None):
    """(similarities, blocks in the final reference, title profile, the page's counts).

    Titles and the page's count arrays are reused when given.
    """
    if not texts:
        return [], [], profile(title, stoplist), None
    if page is None:
        page = page_counts(texts, stoplist, titles=titles)
    title_profile = _title_profile(title, stoplist, page)
    allowed = reference if reference is not None else [True] * len(texts)
    sims, included = _sparse_rounds(page, title_profile, allowed)
    return sims, included, title_profile, page


def _title_profile(title: str, stoplist: frozenset[str], page: "_PageCounts") -> Counter:
    """profile(title), its words folded onto the page's stems as the page's own are (fold_endings)."""
    words = tokenize(title)
    if _KANA_OR_LATER.search(title) is not None or not page.stems:
        return profile(title, stoplist, words)
    return Counter(filter(None, fold_endings(words, list(map(_grams(stoplist).__getitem__, words)), page.stems)))


def page_counts(texts, stoplist, words=None, titles=None, weights=None) -> "_PageCounts":
    """The page's counts, from the blocks' words and title shapes when the caller has them.

    `weights`: each gram's weight (word_weights), all 1 when None.
    """
    titles = titles if titles is not None else [title_like(t) for t in texts]
    grams, lengths = page_grams(texts, stoplist, words)
    return _PageCounts(grams, lengths, titles, weights)


class _PageCounts:
    """A page's (block, word) counts as flat numpy arrays, with each entry's count in the block's story partners.

    Built from the page's grams in one pass: a word's id is where the page
    first uses it, and the (block, word) pairs are counted by np.unique, so
    no block needs a Counter of its own.  Entries are in block order.
    A word counts as log(1 + count) times its weight (word_weights).
    """

    def __init__(self, grams: list[str], lengths: list[int], titles: list[bool], weights: dict[str, float] | None = None):
        n = self.n = len(lengths)
        # The whole short words the title's words may fold onto (fold_endings).
        self.stems = {gram for gram in set(grams) if FOLD_STEM_CHARS <= len(gram) < PREFIX_CHARS}
        self.vocabulary: dict[str, int] = {}
        ids = np.fromiter(map(self.vocabulary.setdefault, grams, positions()), np.intp, len(grams))
        block_of = np.repeat(np.arange(n, dtype=np.intp), lengths)
        counted = ids != self.vocabulary.pop("", -1)  # "" stands for a word left out
        # Ids run below `width`: it spaces the blocks in a (block, word) key.
        width = self.width = len(grams) + 1
        key, counts = np.unique(block_of[counted] * width + ids[counted], return_counts=True)
        self.block = key // width
        self.word = key % width
        self.count = counts.astype(float)
        # The same word's count in the block above / below, where that block
        # is the story partner: a title and the paragraph under it make one
        # story, and must not vouch for each other.
        is_title = np.asarray(titles, bool)
        has_next = np.zeros(n, bool)
        has_next[:-1] = is_title[:-1] & ~is_title[1:]  # a title over a paragraph
        has_prev = np.zeros(n, bool)
        has_prev[1:] = has_next[:-1]

        def count_of(target: np.ndarray, allowed: np.ndarray) -> np.ndarray:
            if not len(key):
                return np.zeros(0)
            pos = np.minimum(np.searchsorted(key, target), len(key) - 1)
            return np.where(allowed & (key[pos] == target), self.count[pos], 0.0)

        self.above = count_of(key - width, has_prev[self.block])
        self.below = count_of(key + width, has_next[self.block])
        # Each word id's weight; the ids of words the page lacks (the
        # headline's) are weighed by weight_of.
        self.weights = weights
        self.weight = np.ones(width)
        if weights is not None and self.vocabulary:
            self.weight[list(self.vocabulary.values())] = list(map(weights.get, self.vocabulary, repeat(MAX_WEIGHT)))
        self.entry_weight = self.weight[self.word]
        # Each entry's weighted log count, and that times its weight again:
        # the factor it brings to a dot product with the reference.
        weighted = np.log1p(self.count) * self.entry_weight
        self.dot_factor = weighted * self.entry_weight
        # Each block's norm: the Euclidean norm of its weighted log counts.
        self.norms = np.sqrt(np.bincount(self.block, weights=weighted**2, minlength=n))
        self.prev_block = np.maximum(self.block - 1, 0)
        self.next_block = np.minimum(self.block + 1, n - 1)

    def weight_of(self, gram: str) -> float:
        return 1.0 if self.weights is None else self.weights.get(gram, MAX_WEIGHT)


def _sparse_rounds(page: _PageCounts, title_profile, allowed):
    """The reference rounds of _scores over the page's flat counts.

    Each block's similarity is the log-weighted cosine of its words against
    the reference total minus its own and its story partner's counts.  The
    reference's norm is taken once, over the whole: leaving three blocks out
    changes it little, and keeps this linear in page size.
    """
    title_counts = _title_counts(page, title_profile)
    n, block, word, count = page.n, page.block, page.word, page.count
    above, below, dot_factor, prev_block, next_block = page.above, page.below, page.dot_factor, page.prev_block, page.next_block
    norms = page.norms
    allowed_arr = np.asarray(allowed, dtype=bool)
    included = allowed_arr.copy()
    sims = np.zeros(n)
    for _ in range(REFERENCE_ROUNDS):
        inc = included.astype(float)
        total, ref_norm = _reference(page, title_counts, inc)
        own = count * inc[block] + above * inc[prev_block] + below * inc[next_block]
        rest = total[word] - own
        contribution = np.where(rest > 0, dot_factor * np.log1p(np.maximum(rest, 0.0)), 0.0)
        dot = np.bincount(block, weights=contribution, minlength=n)
        sims = np.divide(dot, norms * ref_norm, out=np.zeros(n), where=norms > 0)
        included = allowed_arr & (sims >= MIN_SIMILARITY)
        if not included.any():
            break
    return sims.tolist(), included.tolist()


def _title_counts(page: _PageCounts, title_profile: Counter):
    """(the headline's counts over the page's word ids, each id's weight); its words the page lacks get ids after them."""
    vocabulary = page.vocabulary
    ids = []
    extra = []  # the weights of the words the page lacks
    size = page.width
    for gram in title_profile:
        k = vocabulary.get(gram)
        if k is None:
            k, size = size, size + 1
            extra.append(page.weight_of(gram))
        ids.append(k)
    counts = np.zeros(size)
    if title_profile:
        counts[ids] = list(title_profile.values())
    return counts, (np.concatenate([page.weight, extra]) if extra else page.weight)


def _reference(page: _PageCounts, title: tuple, included) -> tuple:
    """(the reference's count per word id: the headline and every included block, its weighted log norm).

    `title`: _title_counts' result.
    """
    title_counts, weight = title
    total = title_counts + np.bincount(page.word, weights=page.count * included[page.block], minlength=len(title_counts))
    present = total > 0
    return total, math.hypot(*(np.log1p(total[present]) * weight[present]).tolist()) or 1.0
