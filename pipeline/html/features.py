"""The block model's features: one row per block, language-general, no word of any page.

Four kinds, each a column group (FEATURE_NAMES lists them in order):
- the block's own text: length, words, link density, sentence ends, commas,
  digits, capitals, stopword density (the page's stoplist, as the cleaner
  chooses it), symbols that separate menu items;
- its markup: the container's tag, heading level, depth, and the marks of
  the container and its ancestors (pipeline.html.marks);
- its context: the text, links and blocks under its container and the two
  containers above it; whether it sits under the element that holds most of
  the page's prose (the way readability finds an article); its neighbours'
  length and link density; where it is relative to the headline;
- the page: how many blocks and characters it has.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from .dom import Page
from .marks import MARK_NAMES, Mark

_FOLD_WS = re.compile(r"\s+")

# A block counts as prose for the context sums when it is this long and
# mostly not links: a sentence or more of running text.
PROSE_MIN_CHARS = 60
PROSE_MAX_LINK_DENSITY = 0.3
# How far around a block its neighbours are read.
NEIGHBOURS = (1, 2)
# Window (blocks either side) for the local share of prose.
LOCAL_WINDOW = 3
# A heading is the headline when it and the page's <title> or og:title
# contain one another and the shorter has this many characters.
TITLE_MATCH_MIN_CHARS = 10

CONTAINER_TAGS = ("p", "div", "li", "td", "span_like", "h", "section", "article", "blockquote", "dd", "pre", "figcaption", "other")
_TAG_GROUP = {
    "p": "p", "div": "div", "li": "li", "td": "td", "th": "td", "h1": "h", "h2": "h", "h3": "h", "h4": "h", "h5": "h",
    "h6": "h", "section": "section", "article": "article", "main": "article", "blockquote": "blockquote", "dd": "dd",
    "dt": "dd", "pre": "pre", "figcaption": "figcaption", "caption": "figcaption", "label": "span_like",
    "button": "span_like", "summary": "span_like", "legend": "span_like", "address": "span_like",
}

_TEXT_FEATURES = (
    "log_chars", "log_words", "link_density", "all_link", "sentence_ends", "ends_terminal", "comma_density",
    "digit_share", "upper_share", "starts_upper", "letter_share", "separator_density", "stopword_density",
    "mean_word_chars", "repeated_on_page",
)
_MARKUP_FEATURES = (
    ("heading_level", "is_h1", "depth", "depth_from_prose")
    + tuple(f"tag_{t}" for t in CONTAINER_TAGS)
    + tuple(f"own_{m}" for m in MARK_NAMES)
    + tuple(f"any_{m}" for m in MARK_NAMES)
)
_CONTEXT_FEATURES = (
    "c0_share", "c0_link", "c0_blocks", "c0_prose_share",
    "c1_share", "c1_link", "c1_blocks", "c1_prose_share",
    "c2_share", "c2_link", "c2_blocks", "c2_prose_share",
    "c0_repeats", "c1_repeats", "c2_repeats",
    "in_top", "top_share", "top_depth_gap",
    "position", "chars_before", "after_headline", "from_headline", "is_headline", "has_headline",
    "local_prose",
) + tuple(f"{side}{k}_{what}" for k in NEIGHBOURS for side in ("prev", "next") for what in ("log_chars", "link_density", "prose", "same_container"))
_PAGE_FEATURES = ("page_log_blocks", "page_log_chars", "page_prose_share")
FEATURE_NAMES = _TEXT_FEATURES + _MARKUP_FEATURES + _CONTEXT_FEATURES + _PAGE_FEATURES


def _fold(text: str | None) -> str:
    return _FOLD_WS.sub(" ", text or "").strip().casefold()


def page_titles(page: Page) -> list[str]:
    """The titles a page's head states (<title>, og:title), casefolded."""
    titles = [_fold(page.head.title)]
    titles += [_fold(content) for key, content in page.head.meta if key in ("og:title", "twitter:title")]
    return [t for t in titles if len(t) >= TITLE_MATCH_MIN_CHARS]


def _stoplist(texts: list[str], language: str | None):
    """The stoplist of the page's language (decided here from the blocks when the caller has not), and each block's words."""
    from ..clean.features import stopwords, tokenize
    from ..language import page_language

    if language is None:
        language = page_language(texts)[0]
    return stopwords(language), [tokenize(t) for t in texts]


# Character classes, one table over the Basic Multilingual Plane (built once).
_LETTER, _DIGIT, _UPPER, _SPACE, _STOP, _COMMA, _SEPARATOR, _CLOSER = 1, 2, 4, 8, 16, 32, 64, 128
_STOPS = ".!?。！？؟।…"
_COMMAS = ",،、，;"
_SEPARATORS = "|•·»›/>«‹"
_CLOSERS = "\"'”’»)]"


def _char_class(ch: str) -> int:
    return (
        _LETTER * ch.isalpha()
        | _DIGIT * ch.isdigit()
        | _UPPER * ch.isupper()
        | _SPACE * ch.isspace()
        | _STOP * (ch in _STOPS)
        | _COMMA * (ch in _COMMAS)
        | _SEPARATOR * (ch in _SEPARATORS)
        | _CLOSER * (ch in _CLOSERS)
    )


@lru_cache(maxsize=1)
def _classes() -> np.ndarray:
    table = np.fromiter((_char_class(chr(c)) for c in range(0x10000)), np.uint8, 0x10000)
    table.setflags(write=False)
    return table


def text_features(texts: list[str], link_chars: np.ndarray, language: str | None = None) -> dict[str, np.ndarray]:
    n = len(texts)
    stoplist, tokens = _stoplist(texts, language)
    chars = np.fromiter(map(len, texts), float, n)
    codes = np.frombuffer("".join(texts).encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    classes = _classes()[np.minimum(codes, 0xFFFF)]  # characters beyond the BMP count as nothing
    starts = (np.cumsum(chars) - chars).astype(np.int64)
    ends = starts + chars.astype(np.int64) - 1

    def per_block(flag: int) -> np.ndarray:
        return np.add.reduceat((classes & flag) != 0, starts).astype(float) if len(classes) else np.zeros(n)

    # A sentence ends at a stop followed by a space or the block's end.
    following = np.append(classes[1:], _SPACE)
    following[ends] = _SPACE
    stop_ends = ((classes & _STOP) != 0) & ((following & (_SPACE | _CLOSER)) != 0)
    sentence_ends = np.add.reduceat(stop_ends, starts).astype(float)
    last = classes[ends]
    words = np.fromiter(map(len, tokens), float, n)
    stop_hits = np.fromiter((sum(w in stoplist for w in ws) for ws in tokens), float, n)
    counts = Counter(texts)
    safe_words = np.maximum(words, 1)
    safe_chars = np.maximum(chars, 1)
    letters = per_block(_LETTER)
    return {
        "chars": chars,
        "log_chars": np.log1p(chars),
        "log_words": np.log1p(words),
        "link_density": link_chars / safe_chars,
        "all_link": (link_chars >= chars * 0.95).astype(float),
        "sentence_ends": sentence_ends,
        "ends_terminal": ((last & (_STOP | _CLOSER)) != 0).astype(float),
        "comma_density": per_block(_COMMA) / safe_words,
        "digit_share": per_block(_DIGIT) / safe_chars,
        "upper_share": per_block(_UPPER) / np.maximum(letters, 1),
        "starts_upper": ((classes[starts] & _UPPER) != 0).astype(float),
        "letter_share": letters / safe_chars,
        "separator_density": per_block(_SEPARATOR) / safe_words,
        "stopword_density": stop_hits / safe_words,
        "mean_word_chars": chars / safe_words,
        "repeated_on_page": np.fromiter((counts[t] > 1 for t in texts), float, n),
    }


def _container_sums(page: Page, container: np.ndarray, chars, link_chars, prose) -> tuple[np.ndarray, ...]:
    """Per container: characters, link characters, blocks and prose characters in its subtree; and where its subtree ends."""
    m = len(page.tag)
    sums = np.zeros((m, 4))
    np.add.at(sums, container, np.stack([chars, link_chars, np.ones_like(chars), np.where(prose, chars, 0)], axis=1))
    end = list(range(1, m + 1))
    parent = page.parent
    for c in range(m - 1, 0, -1):
        p = parent[c]
        sums[p] += sums[c]
        if end[c] > end[p]:
            end[p] = end[c]
    return sums, np.array(end)


def _top_container(page: Page, container: np.ndarray, chars, prose) -> int:
    """The container holding most prose directly (its own blocks and its children's), as readability scores candidates."""
    m = len(page.tag)
    score = np.zeros(m)
    prose_chars = np.where(prose, chars, 0)
    np.add.at(score, container, prose_chars)
    parent = np.asarray(page.parent)
    holder = np.where(np.isin(np.asarray(page.tag)[container], ("p", "li", "h2", "h3", "h4", "blockquote", "dd")), parent[container], container)
    direct = np.zeros(m)
    np.add.at(direct, np.maximum(holder, 0), prose_chars)
    direct[0] = 0
    total = direct.copy()
    np.add.at(total, np.maximum(parent[np.arange(m)], 0), 0.5 * direct)
    total[0] = 0
    return int(np.argmax(total)) if total.max() > 0 else 0


@dataclass
class Context:
    """What the features found of the page's containers, for the rules that follow the model."""

    sums: np.ndarray  # per container: characters, link characters, blocks, prose characters under it
    end: np.ndarray  # per container: the first container after its subtree (containers are in document order)
    top: int  # the container holding most prose
    prose: np.ndarray  # per block: a sentence or more of running text
    chars: np.ndarray  # per block: its characters
    groups: np.ndarray  # per block: its container and the three containers above it (blocks x 4)


def _signature_repeats(page: Page) -> np.ndarray:
    """Per container: log(1 + how many other containers of the page share its tag and class): a template's repeated item."""
    ids: dict[str, int] = {}
    index = np.fromiter((ids.setdefault(sig, len(ids)) for sig in page.signature), np.int64, len(page.signature))
    counts = np.bincount(index)
    return np.log(counts[index].astype(float))


def features(page: Page, language: str | None = None) -> tuple[np.ndarray, Context]:
    """The feature matrix of a page's blocks (rows in page order, columns FEATURE_NAMES), and its context.

    `language`: the page's language, whose stoplist gives the stopword
    features (decided from the blocks when None).
    """
    blocks = page.blocks
    n = len(blocks)
    if n == 0:
        empty = np.zeros(0)
        return np.zeros((0, len(FEATURE_NAMES))), Context(np.zeros((1, 4)), np.ones(1, np.int64), 0, empty.astype(bool), empty, np.zeros((0, 4), np.int64))
    texts = [b.text for b in blocks]
    container = np.fromiter((b.container for b in blocks), np.int64, n)
    link_chars = np.fromiter((b.link_chars for b in blocks), float, n)
    f = text_features(texts, link_chars, language)
    chars = f.pop("chars")
    prose = (chars >= PROSE_MIN_CHARS) & (f["link_density"] <= PROSE_MAX_LINK_DENSITY)
    total_chars = max(chars.sum(), 1.0)
    total_prose = max(np.where(prose, chars, 0).sum(), 1.0)

    # markup
    tags = np.asarray(page.tag)
    depth = np.asarray(page.depth, float)[container]
    levels = np.fromiter((b.heading_level for b in blocks), float, n)
    f["heading_level"] = levels
    f["is_h1"] = (levels == 1).astype(float)
    f["depth"] = depth
    f["depth_from_prose"] = depth - (np.median(depth[prose]) if prose.any() else np.median(depth))
    groups = np.array([_TAG_GROUP.get(t, "div" if t in ("section", "center") else "other") for t in tags[container]])
    for t in CONTAINER_TAGS:
        f[f"tag_{t}"] = (groups == t).astype(float)
    own = np.asarray(page.own_marks, np.int64)[container]
    anc = np.asarray(page.marks, np.int64)[container]
    for name in MARK_NAMES:
        bit = getattr(Mark, name)
        f[f"own_{name}"] = ((own & bit) != 0).astype(float)
        f[f"any_{name}"] = ((anc & bit) != 0).astype(float)

    # context: the container and two above it
    sums, end = _container_sums(page, container, chars, link_chars, prose)
    parent = np.asarray(page.parent)
    level = container
    groups = [container]
    repeats = _signature_repeats(page)
    for k in range(3):
        f[f"c{k}_repeats"] = repeats[level]
        s = sums[level]
        f[f"c{k}_share"] = s[:, 0] / total_chars
        f[f"c{k}_link"] = s[:, 1] / np.maximum(s[:, 0], 1)
        f[f"c{k}_blocks"] = np.log1p(s[:, 2])
        f[f"c{k}_prose_share"] = s[:, 3] / total_prose
        level = np.maximum(parent[level], 0)
        groups.append(level)
    top = _top_container(page, container, chars, prose)
    f["in_top"] = ((container >= top) & (container < end[top])).astype(float)
    f["top_share"] = np.full(n, sums[top, 3] / total_prose)
    f["top_depth_gap"] = depth - page.depth[top]

    _position_features(f, page, texts, chars, total_chars, levels)
    _neighbour_features(f, container, chars, prose)
    f["page_log_blocks"] = np.full(n, math.log1p(n))
    f["page_log_chars"] = np.full(n, math.log1p(total_chars))
    f["page_prose_share"] = np.full(n, total_prose / total_chars)
    x = np.stack([np.asarray(f[name], float) for name in FEATURE_NAMES], axis=1)
    return x, Context(sums, end, top, prose, chars, np.stack(groups, axis=1))


def _position_features(f: dict, page: Page, texts: list[str], chars, total_chars: float, levels) -> None:
    n = len(texts)
    index = np.arange(n, dtype=float)
    f["position"] = index / max(n - 1, 1)
    f["chars_before"] = (np.cumsum(chars) - chars) / total_chars
    titles = page_titles(page)
    headline = -1
    for i in np.flatnonzero(levels > 0).tolist():
        text = _fold(texts[i])
        if len(text) >= TITLE_MATCH_MIN_CHARS and any(text in t or t in text for t in titles):
            headline = i
            break
    if headline < 0:
        h1 = np.flatnonzero(levels == 1)
        headline = int(h1[0]) if len(h1) else -1
    f["has_headline"] = np.full(n, float(headline >= 0))
    f["is_headline"] = (index == headline).astype(float)
    f["after_headline"] = (index > headline).astype(float) if headline >= 0 else np.zeros(n)
    f["from_headline"] = (index - headline) / max(n, 1) if headline >= 0 else np.zeros(n)


def _neighbour_features(f: dict, container: np.ndarray, chars, prose) -> None:
    n = len(chars)
    log_chars, link = f["log_chars"], f["link_density"]
    padded_prose = np.concatenate([np.zeros(LOCAL_WINDOW), prose.astype(float), np.zeros(LOCAL_WINDOW)])
    window = np.convolve(padded_prose, np.ones(2 * LOCAL_WINDOW + 1), "valid")
    f["local_prose"] = window / (2 * LOCAL_WINDOW + 1)
    for k in NEIGHBOURS:
        for side, shift in (("prev", k), ("next", -k)):
            f[f"{side}{k}_log_chars"] = _shifted(log_chars, shift, 0.0)
            f[f"{side}{k}_link_density"] = _shifted(link, shift, 1.0)
            f[f"{side}{k}_prose"] = _shifted(prose.astype(float), shift, 0.0)
            f[f"{side}{k}_same_container"] = (_shifted(container.astype(float), shift, -1.0) == container).astype(float)
    assert len(f["local_prose"]) == n


def _shifted(values: np.ndarray, shift: int, fill: float) -> np.ndarray:
    """values moved by `shift` places (positive: each row sees the row `shift` before it), `fill` at the edges."""
    out = np.full(len(values), fill, dtype=float)
    if shift > 0:
        out[shift:] = values[:-shift]
    elif shift < 0:
        out[:shift] = values[-shift:]
    else:
        out[:] = values
    return out


# The second stage reads the first stage's judgement of the block's
# surroundings: a paragraph among kept paragraphs is kept, a lone "prose"
# line in a footer is not.
STACK_WINDOWS = (3, 10)
STACK_NAMES = (
    ("p", "prev1_p", "next1_p", "prev2_p", "next2_p")
    + tuple(f"window{w}_p" for w in STACK_WINDOWS)
    + tuple(f"group{k}_p" for k in range(4))
    + tuple(f"group{k}_kept_share" for k in range(4))
    + ("page_mean_p", "page_kept_share", "kept_before_share", "kept_after_share")
)


def stack_features(p: np.ndarray, context: Context) -> np.ndarray:
    """The second stage's extra columns, from the first stage's probabilities `p` (STACK_NAMES)."""
    n = len(p)
    if n == 0:
        return np.zeros((0, len(STACK_NAMES)))
    chars = context.chars
    kept_chars = np.where(p >= 0.5, chars, 0.0)
    f = [p, _shifted(p, 1, 0.0), _shifted(p, -1, 0.0), _shifted(p, 2, 0.0), _shifted(p, -2, 0.0)]
    for w in STACK_WINDOWS:
        padded = np.concatenate([np.zeros(w), p, np.zeros(w)])
        f.append(np.convolve(padded, np.ones(2 * w + 1), "valid") / (2 * w + 1))
    means, shares = [], []
    for k in range(4):
        group = context.groups[:, k]
        _, inverse, counts = np.unique(group, return_inverse=True, return_counts=True)
        means.append(np.bincount(inverse, p)[inverse] / counts[inverse])
        shares.append(np.bincount(inverse, kept_chars)[inverse] / np.maximum(np.bincount(inverse, chars)[inverse], 1))
    f += means + shares
    total_kept = max(kept_chars.sum(), 1.0)
    before = np.cumsum(kept_chars) - kept_chars
    f += [np.full(n, p.mean()), np.full(n, kept_chars.sum() / max(chars.sum(), 1.0)), before / total_kept, (total_kept - before - kept_chars) / total_kept]
    return np.stack(f, axis=1)
