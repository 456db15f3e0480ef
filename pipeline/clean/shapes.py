"""What a line looks like: how sentences end, what a title and a heading are.

One definition of each, shared by the rules that ask (the headline, the
end-of-article boxes, the teaser runs, spam lists).
"""

from __future__ import annotations

import re
from functools import lru_cache

from .scripts import SENTENCE_STOPS, cased_lower

# Characters that end a sentence: a line whose last character is one of
# them reads as prose (features.measure_lines).
SENTENCE_END = frozenset(".!?…:;\"'”»“›)。！？」』" + SENTENCE_STOPS)
# A title or a heading ends in none of these: a sentence end, or a comma
# (a clause that goes on).
TITLE_STOPS = SENTENCE_END | frozenset(",،")
# Marks that close a quotation or a bracket: a title may end in them, what
# ends the title is inside.
CLOSING_CHARS = "\"'”»)“«"
_CLOSING = frozenset(CLOSING_CHARS)

# A title (a headline, a story in a list): this many words or more
# ("Pullover: H&M" in a fashion article is a list item, not a story), at
# most TITLE_MAX_CHARS long; a question may end one when it is short.
TITLE_MIN_WORDS = 3
TITLE_MAX_CHARS = 200
TITLE_QUESTION_MAX_CHARS = 100
# A heading over a list of stories ("Related articles", "Popular").
HEADING_MAX_CHARS = 40
HEADING_MAX_WORDS = 5

# A paragraph cut short by the site: "… ", "...", "[...]".
_TRUNCATED = re.compile(r"(?:…|\.\.\.|\[\s*(?:…|\.\.\.)\s*\])\s*$")
# A whitespace-separated word with at least one letter in it.
_LETTERED_WORD = re.compile(r"[^\s]*[^\W\d_][^\s]*")
# Kana, Han and the scripts written without spaces between words.
_UNSPACED_CHAR = re.compile("[\u3040-\u9fff]")
UNSPACED_TITLE_MAX_CHARS = 60


def truncated(text: str) -> bool:
    """The text ends cut short ("…", "...", "[…]").

    The pattern only runs on a text ending in "…", "..." or "]": run on
    any paragraph, it tries its end anchor at every "…", "." and "[" in it.
    """
    end = text.rstrip()
    return end.endswith(("…", "...", "]")) and _TRUNCATED.search(end) is not None


def unspaced(word: str) -> bool:
    """The word holds Kana or Han (a script written without spaces)."""
    return _UNSPACED_CHAR.search(word) is not None


# Pure functions of a line, asked several times per line (titles, traces, runs).
@lru_cache(maxsize=4096)
def title_like(text: str) -> bool:
    """A story title: a capitalised line of a few words without a sentence end (a question may end one)."""
    stripped = text.strip()
    if not stripped or len(stripped) > TITLE_MAX_CHARS or truncated(stripped):
        return False  # a paragraph cut short ends in "…", a title does not
    first = stripped[0]
    if cased_lower(first) and stripped.split(None, 1)[0].islower():
        # List items and sentence fragments; a first word with a capital
        # inside ("iOS 13 will fix ...", "eBay ...") still starts a title.
        return False
    last = stripped[-1]
    if last in _CLOSING:
        # «… gegen Homophobie in Katar», (eg "Ich wurde ausgeraubt"): what ends the title is inside the marks.
        inner = stripped.rstrip(CLOSING_CHARS)
        if inner and inner[-1].isalnum():
            last = inner[-1]
    if last in TITLE_STOPS and not (last in "?!" and len(stripped) <= TITLE_QUESTION_MAX_CHARS):
        return False
    if max(stripped) >= "\u3040" and unspaced(stripped):
        return len(stripped) <= UNSPACED_TITLE_MAX_CHARS
    return len(_LETTERED_WORD.findall(stripped)) >= TITLE_MIN_WORDS


def heading_like(text: str) -> bool:
    """A short line without a sentence end: the shape of a heading over a list of stories ("Related articles", "Popular")."""
    stripped = text.strip()
    return 0 < len(stripped) <= HEADING_MAX_CHARS and stripped[-1:] not in TITLE_STOPS and len(stripped.split()) <= HEADING_MAX_WORDS
