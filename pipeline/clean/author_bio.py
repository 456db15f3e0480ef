"""Step `author_bio`: the author's bio at the article's end.

A site closes an article with who wrote it: the author's name on a line of
its own, then a paragraph that opens with that name ("Jane Doe is a
reporter covering ...", "Иван Петров — обозреватель ..."), with nothing
of the article after them.  Both go.  The same shape inside the text is a
list of people, products or places, each name over its paragraph: a page
with more than MAX_PAIRS of them is such a list, and its last entry stays.
Language-general: the name is read by its shape (two to four words, each
opening with a capital or in a script without capitals), the paragraph by
repeating it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import rules
from .scripts import cased_lower

if TYPE_CHECKING:
    from .page import Page

# A name is this many words; more is a title or a sentence.
NAME_WORDS = (2, 4)
NAME_MAX_CHARS = 40
# A bio is a paragraph: at least this long.
BIO_MIN_CHARS = 80
# Two authors' bios may close an article; more name-and-paragraph pairs make the page a list of entries.
MAX_PAIRS = 2
# After the last bio, at most this many kept blocks, none of them prose (a share line, a date).
TAIL_BLOCKS = 1
TAIL_MAX_CHARS = 80


def remove_author_bio(page: Page) -> dict[int, str]:
    kept = [i for i, block in enumerate(page.blocks) if block.kept]
    texts = [page.blocks[i].text.strip() for i in kept]
    pairs = [k for k in range(len(kept) - 1) if _is_name(texts[k]) and _opens_with_name(texts[k + 1], texts[k])]
    if not pairs or len(pairs) > MAX_PAIRS:
        return {}
    tail = texts[pairs[-1] + 2 :]
    if len(tail) > TAIL_BLOCKS or any(len(t) > TAIL_MAX_CHARS for t in tail):
        return {}
    # Both pairs at the end, one right after the other (two authors), or the last alone.
    if len(pairs) == MAX_PAIRS and pairs[1] != pairs[0] + 2:
        pairs = pairs[1:]
    if len(kept) - len(pairs) * 2 < 1:
        return {}  # nothing of the article would stay: the page is the bio
    return {kept[k + d]: rules.AUTHOR_BIO for k in pairs for d in (0, 1)}


def _is_name(text: str) -> bool:
    words = text.split()
    if not NAME_WORDS[0] <= len(words) <= NAME_WORDS[1] or len(text) > NAME_MAX_CHARS:
        return False
    return all(word[0].isalpha() and not cased_lower(word[0]) for word in words) and not any(ch.isdigit() for ch in text)


def _opens_with_name(paragraph: str, name: str) -> bool:
    if len(paragraph) < BIO_MIN_CHARS:
        return False
    words = name.split()
    return paragraph.startswith(name + " ") or paragraph.startswith(f"{words[0]} {words[-1]} ")
