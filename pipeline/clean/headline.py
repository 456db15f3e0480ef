"""The headline of a text dump: the line above the core that names what the core is about.

Among the title-like lines shortly above the core, the one sharing most
content words with the core's first lines (a teaser box or a spam block
above the article offers lines with more words than its headline); among
those sharing as many, the one with fewest other words (the headline
beats a breadcrumb or a kicker holding it: "Home » News » <headline>").
When none shares a word, the core's own first line is the headline if it
reads as one over the text under it (a headline with many function words
weighs as prose and starts the core).  The headline stays in the text (it
is the article's first line) and becomes the title.

When a later step removes the headline as spam or as a teaser's title (a
box right above the article), it is picked again among the lines left.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import patterns, rules
from .similarity import gram_set
from .features import tokenize
from .shapes import TITLE_MAX_CHARS, TITLE_MIN_WORDS
from .spam import spam_hits

if TYPE_CHECKING:
    from .page import Page

# Titles are searched this many lines above the core (a headline is
# followed by a byline, a date, a caption, a share bar, a lead).
TITLE_LOOKBACK_LINES = 12
# The core's first lines a candidate is compared with: this many lines, at
# most TITLE_CORE_CHARS characters (which bound the cost).
TITLE_CORE_LINES = 20
TITLE_CORE_CHARS = 1500
# The core's first line is the headline when it shares this many content
# words with the text under it.
FIRST_LINE_TITLE_WORDS = 2


def find_headline(page: Page, excluded) -> int | None:
    """The headline of a text dump with a core; `excluded`: lines that cannot be it."""
    start, stop = page.core
    core_texts = page.texts[start : min(stop + 1, start + TITLE_CORE_LINES)]
    return find_title(page.texts, excluded, start, core_texts, page.stoplist, page.tokens)


def replace_headline(page: Page, removing: dict[int, str], kept_only: bool = False) -> None:
    """Pick the headline again, when a step is `removing` the one picked as spam or as a teaser's title.

    The lines those rules removed and lines with spam words are left out of
    the candidates (another rule may have removed the rest of a spam block
    first).  `kept_only`: after the teaser rule, only kept lines are
    candidates (the other stories' titles the line model removed are not
    the article's).  A new headline the line model had left outside the
    core is put back: the headline stays in the text.
    """
    texts, blocks, core_start = page.texts, page.blocks, page.core[0]
    if page.found.get("title") == texts[page.headline]:
        del page.found["title"]

    def removed_by(i: int) -> str | None:
        return blocks[i].removed_by or removing.get(i)

    start = max(0, core_start - TITLE_LOOKBACK_LINES)
    gone = {
        i
        for i in range(start, min(core_start + 1, len(texts)))
        if removed_by(i) in (rules.SPAM, rules.UNRELATED_TEASER) or (kept_only and removed_by(i)) or spam_hits(texts[i])
    }
    page.headline = find_headline(page, page.furniture.keys() | gone)
    if page.headline is not None:
        page.found.setdefault("title", texts[page.headline])
        if blocks[page.headline].removed_by == rules.OUTSIDE_CORE:
            blocks[page.headline].removed_by = None


def find_title(texts, furniture, core_start, core_texts=(), stoplist=frozenset(), tokens=None) -> int | None:
    """The most headline-like line shortly above the core; among lines sharing words with the core, the one sharing most.

    `furniture`: the lines that cannot be the headline (a rule took them);
    `core_texts` the lines from core_start on; `tokens` the words of texts
    (features.tokenize), when the caller has them.
    """
    candidates = _candidates(texts, furniture, core_start)
    # The core's own first line, when it reads as a headline over the text
    # (the headline and the lead make one run of prose).
    first = _headline_words(texts[core_start], core_start in furniture) if core_start < len(texts) and len(core_texts) > 1 else 0
    if not candidates and not first:
        return None
    shared = dict.fromkeys((i for i, _ in candidates), 0)
    if (len(candidates) > 1 or first) and core_texts:

        def grams_from(start: int) -> set[str]:
            """The grams of the core's first lines from core_start + start on (TITLE_CORE_LINES, TITLE_CORE_CHARS)."""
            lines = core_texts[start:TITLE_CORE_LINES]
            text = "\n".join(lines)[:TITLE_CORE_CHARS]
            return gram_set(text, stoplist, None if tokens is None else _prefix_words(lines, tokens[core_start + start :], len(text)))

        def line_grams(i: int) -> set[str]:
            return gram_set(texts[i], stoplist, None if tokens is None else tokens[i])

        core_words = grams_from(0)
        for i, _ in candidates:
            shared[i] = len(core_words.intersection(line_grams(i)))
        if first and not any(shared.values()) and len(line_grams(core_start) & grams_from(1)) >= FIRST_LINE_TITLE_WORDS:
            return core_start
    if not candidates:
        return None
    # Among lines sharing words with the core, fewer other words win; among
    # lines sharing none, many distinct words beat a short navigation line;
    # the first of equals wins.
    best = max(candidates, key=lambda c: (shared[c[0]], shared[c[0]] - c[1] if shared[c[0]] else c[1], -c[0]))
    return best[0]


def _candidates(texts: list[str], furniture, core_start: int) -> list[tuple[int, int]]:
    """(line, its distinct words) of the lines above the core that may be the headline.

    Not the first item of a box ("More stories", "Most read"): that is
    another story's title.
    """
    candidates = []
    for i in range(max(0, core_start - TITLE_LOOKBACK_LINES), core_start):
        distinct = _headline_words(texts[i], i in furniture)
        if distinct and not (i and patterns.story_box_heading(texts[i - 1])):
            candidates.append((i, distinct))
    return candidates


def _headline_words(text: str, furniture: bool) -> int:
    """A headline candidate's distinct words; 0 when the line cannot be a headline."""
    if furniture or len(text) > TITLE_MAX_CHARS or text.endswith((".", ":", ";", ",")) and not text.endswith("..."):
        return 0
    distinct = len({w.lower() for w in text.split() if w.isalpha() or any(map(str.isalpha, w))})
    if distinct < TITLE_MIN_WORDS or patterns.section_end_kind(text):
        return 0
    return distinct


def _prefix_words(texts: list[str], tokens: list[list[str]], chars: int) -> list[str]:
    """The words of "\n".join(texts)[:chars], from each line's words: only a line cut short is tokenised again.

    A word never spans a newline (features.tokenize), so the joined text's
    words are its lines' words.
    """
    words: list[str] = []
    for text, line_words in zip(texts, tokens):
        if len(text) >= chars:
            words.extend(line_words if len(text) == chars else tokenize(text[:chars]))
            break
        words.extend(line_words)
        chars -= len(text) + 1
        if chars <= 0:
            break
    return words
