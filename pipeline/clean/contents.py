"""Step `contents`: a table of contents, the list of the article's own section headings above them.

Blogs and guides print the headings of their sections once more near the
top, as links that jump to each ("Table of Contents", "Inhalt",
"Содержание", "In this article", "Jump to:").  It is navigation: the
headings stand again where their sections begin, and kept twice they
would read as text the article repeats.

The table is found from the lines alone, in any language: a run of short
kept lines, one after another in the document (nothing removed between
them), each of which stands again further down as a kept line of its own
(the same words, whatever the case, bullets or Markdown), and only there,
all in the same order, with at least one other line between one and the
next (the section it names).  The short kept line right above the run
that stands nowhere else is the table's label and goes with it (a
symbol's or a link's line between them may have gone).  Lines a page
repeats by chance (a product card's "Pros" and "Cons", the same facts
under each product) are too few in a row, stand more than twice, or come
back out of order or side by side.  The headline's words are never an
entry nor the label.  A table's label alone on its line ("Table of
Contents", "Contents [hide]", "Содержание", "İçindekiler", "목차") goes
too, where a folded widget left its entries out of the page's text.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import TYPE_CHECKING

from . import rules

if TYPE_CHECKING:
    from .page import Page

# Two short lines standing again in order happen by chance (a card's
# "Pros" and "Cons"); three in a row, each over a section of its own, do not.
CONTENTS_MIN_ENTRIES = 3
# An entry is a heading, not a sentence of the article that a later one quotes.
ENTRY_MAX_WORDS = 15
# A label: "Contents", "Table of contents", "Jump to a section:", "In this article".
LABEL_MAX_WORDS = 4
# Where a heading stands again, its section follows: at least one line before the next heading.
SECTION_MIN_LINES = 1
# A label is a name, not a sentence that ends the paragraph above the table.
_SENTENCE_END = (".", "!", "?", "。", "！", "？")
# A table's label on a line of its own, in the users' languages: it goes even
# where the table's entries did not come with it (a folded widget, "Contents [hide]").
LABEL_ALONE = re.compile(
    r"^\W*(?:table of contents|contents|in this (?:article|post|guide)|on this page|jump to(?: a)?(?: section)?|"
    r"inhaltsverzeichnis|inhalt|in diesem (?:artikel|beitrag|ratgeber)|auf dieser seite|sommaire|dans cet article|índice|"
    r"en este artículo|indice|spis treści|obsah|содержание|оглавление|в этой статье|зміст|у цій статті|mündəricat|"
    r"içindekiler|bu yazıda|мазмұны|სარჩევი|բովանդակություն|목차|目次|目录)"
    r"(?:\s*\[?(?:hide|show|ausblenden|einblenden|скрыть|показать)\]?)?\W*$",
    re.IGNORECASE,
)


def remove_contents(page: Page) -> dict[int, str]:
    kept = [i for i, block in enumerate(page.blocks) if block.kept]
    keys = [" ".join(page.tokens[i]) for i in kept]
    where: dict[str, list[int]] = {}
    for position, key in enumerate(keys):
        if key:
            where.setdefault(key, []).append(position)
    # The headline's words, wherever the page prints them: never an entry nor the label.
    headline = " ".join(page.tokens[page.headline]) if page.headline is not None else None

    def entry(position: int) -> bool:
        key = keys[position]
        return bool(key) and len(where[key]) == 2 and len(page.tokens[kept[position]]) <= ENTRY_MAX_WORDS and key != headline

    def follows(position: int) -> bool:
        """Whether the line comes right after the one before it in the document: no block between, whoever removed it."""
        return page.positions[kept[position]] == page.positions[kept[position - 1]] + 1

    def stands_again(start: int, stop: int) -> bool:
        """Whether the lines start..stop-1 each stand again after the run, in order, a section apart."""
        after = stop
        for position in range(start, stop):
            found = where[keys[position]]
            at = bisect_left(found, after)
            if at == len(found):
                return False
            after = found[at] + 1 + SECTION_MIN_LINES
        return True

    # Where the run of entries that starts at each line ends (one past its
    # last line): entries one after another in the document.  Read once,
    # right to left, so that a page of thousands of short lines costs no
    # more than its length.
    count = len(kept)
    entries = [entry(position) for position in range(count)]
    reach = list(range(count + 1))
    for position in range(count - 1, -1, -1):
        if entries[position]:
            following = position + 1 < count and entries[position + 1] and follows(position + 1)
            reach[position] = reach[position + 1] if following else position + 1

    removals: dict[int, str] = {}
    start = 0
    while start < count:
        longest = reach[start] - start
        if longest < CONTENTS_MIN_ENTRIES or not stands_again(start, start + CONTENTS_MIN_ENTRIES):
            start += 1
            continue
        # The longest run whose lines stand again (a line twice in the run
        # does not: its copy is inside it); a shorter part of one that does
        # also does, so the lengths that do are found by halving.
        length, most = CONTENTS_MIN_ENTRIES, longest
        while length < most:
            middle = (length + most + 1) // 2
            if stands_again(start, start + middle):
                length = middle
            else:
                most = middle - 1
        removals.update((kept[position], rules.TABLE_OF_CONTENTS) for position in range(start, start + length))
        if start and keys[start - 1] != headline and _label(page, kept[start - 1], keys[start - 1], where):
            removals[kept[start - 1]] = rules.TABLE_OF_CONTENTS
        start += length
    for position in range(count):
        if kept[position] not in removals and LABEL_ALONE.match(page.texts[kept[position]]):
            removals[kept[position]] = rules.TABLE_OF_CONTENTS
    return removals


def _label(page: Page, index: int, key: str, where: dict[str, list[int]]) -> bool:
    text = page.texts[index].rstrip()
    return (
        bool(key)
        and len(page.tokens[index]) <= LABEL_MAX_WORDS
        and len(where[key]) == 1
        and not text.endswith(_SENTENCE_END)
    )
