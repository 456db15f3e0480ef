"""Step `dated_lists`: a text dump's list of other stories, each title beside a date of its own.

News portals print their latest or related stories as a title and its
date, the dates written alike and newest first.  Dumpers lay such an item
out on two lines or on one:

    08/01/2014                                  08/01/2014 Castro confía en que la Audiencia ...
    Castro confía en que la Audiencia ...       08/01/2014 La UPF afirma que no hay ...
    08/01/2014                                  07/01/2014 El juez Castro anunciará ...
    La UPF afirma que no hay ...

An article prints its own date once.  DATED_LIST_ITEMS such items or more
at a constant step (an item, or an item and one line of teaser) are a
list: its titles and teasers go with the rule `dated_list` (a date on a
line of its own is a dateline already, the `furniture` step).  The block
model drops most such lists; it keeps one that stands above the article
and is on its topic.

A timeline inside an article runs the other way (oldest first) and its
entries are sentences; a list that makes up the article's core (its
densest run of prose) is the page's own content (a blog's archive, a
changelog), and so are the lists of a page that dates many more items
elsewhere (a blog's front page): none is taken.  No word of any language
is read: only dates (pipeline.dates) and the shape of a story's title
(shapes.title_like: a few words, capitalised where the script has
capitals, no sentence end).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..dates import date_spans
from . import rules
from .byline import lines_with_year
from .shapes import TITLE_MAX_CHARS, title_like

if TYPE_CHECKING:
    from .page import Page

# A list holding this share of the core's characters or more is the page's
# content (an archive, a changelog, a listing), not a box beside the article:
# dumps that print a title beside its date read such lines as prose, and the
# core (the densest run of prose) takes in a list next to the article.
CORE_MAX_SHARE = 0.5
# A page that dates more than this many times as many items elsewhere is a
# listing (an archive, a blog's front page), whose dated lists are its
# content; an article dates itself, and a box or two of other stories.
LISTING_DATES = 2
# Items in a row that make a list (two dated titles may be a story's date and an update's).
DATED_LIST_ITEMS = 3
# Lines from one item to the next: an item on one line, or on one line and a line of teaser.
ITEM_STEPS = (1, 2)
# A date line of a list is a date and little else ("08/01/2014", "6 décembre 2019 :").
DATE_LINE_MAX_CHARS = 40

_DIGITS = re.compile(r"\d+")
_DIGIT = re.compile(r"\d")
# A date at an end of a line shows a digit within this many characters of it ("December 20, 2025 ...", "... | 6 May 2024").
EDGE_CHARS = 14
# What stands between a date and its title on one line: "08/01/2014 Title", "Title - 08/01/2014", "Title | Dec 19, 2025".
_BETWEEN = " \t-–—|·•:,"
_LETTERS = re.compile(r"[^\W\d_]+")


def _readings(span: tuple[int, int, str | None], text: str) -> tuple[str, str] | None:
    """The day a date span states, read day first and month first (the same day unless it reads both ways: "08/01/2014"); None when it states no day."""
    start, end, day = span
    if day is not None:
        return (day, day) if len(day) == 10 else None  # a month alone is no item's date
    a, b, year = (int(n) for n in _DIGITS.findall(text[start:end])[:3])
    return (f"{year:04d}-{b:02d}-{a:02d}", f"{year:04d}-{a:02d}-{b:02d}")


class _Dated:
    """A line's date: the day (two readings), how it is written, and whether a title shares its line (and on which side)."""

    __slots__ = ("day", "form", "where")

    def __init__(self, day: tuple[str, str], form: str, where: str):
        self.day, self.form, self.where = day, form, where


def _dated(text: str, dateline: bool) -> _Dated | None:
    """A date line (a dateline of a date and little else), or a title with its date at one end; None for any other line."""
    spans = date_spans(text)
    if not spans:
        return None
    start, end, _ = span = spans[0] if spans[0][0] <= len(text) - spans[-1][1] else spans[-1]
    day = _readings(span, text)
    if day is None:
        return None
    before, after = text[:start].strip(_BETWEEN), text[end:].strip(_BETWEEN)
    titled = not (before and after) and len(spans) == 1 and title_like(before or after)
    if titled:
        return _Dated(day, _form(text[start:end]), "first" if after else "last")
    if dateline and len(text) <= DATE_LINE_MAX_CHARS:
        return _Dated(day, _form(text), "alone")
    return None


def _newest_first(days: list[tuple[str, str]]) -> bool:
    """The dates do not grow, read one way or the other."""
    return any(all(later[k] <= earlier[k] for earlier, later in zip(days, days[1:])) for k in (0, 1))


def _form(text: str) -> str:
    """How a date is written: its digits and words as shapes ("Dec 19, 2025" -> "a 0, 0")."""
    return _LETTERS.sub("a", _DIGITS.sub("0", text.strip()))


def _line_date(text: str, rule: str | None) -> _Dated | None:
    """_dated of a line no rule took, or that a rule read as a dateline or a byline.

    A dated title may read as a byline with its date too ("ლარის კურსი
    გამყარდა – 06.05.2024": a name, in a script without capitals).
    """
    if rule is None or rule in (rules.DATELINE, rules.BYLINE):
        return _dated(text, rule == rules.DATELINE)
    return None


def _in_rows(lines: set[int]) -> set[int]:
    """The lines that stand in a row of DATED_LIST_ITEMS at a constant gap (one a list's items can have): the only ones worth reading for a date."""
    gaps = range(1, max(ITEM_STEPS) + 2)  # a date alone is one line more from the next than its item's step
    found: set[int] = set()
    for i in lines:
        for gap in gaps:
            row = [i + k * gap for k in range(DATED_LIST_ITEMS)]
            if all(j in lines for j in row):
                found.update(row)
    return found


def _heads_prose(page: Page, i: int) -> bool:
    """The line after line i is prose: line i heads a paragraph (the article's headline over its lead)."""
    return i + 1 < len(page.prose) and page.prose[i + 1]


def remove_dated_lists(page: Page) -> dict[int, str]:
    """The titles (and teasers) of the lists of dated stories above the article's end; see the module docstring."""
    if not page.text_mode or page.core is None:
        return {}
    texts, furniture = page.texts, page.furniture
    start, stop = page.core
    core_chars = sum(map(len, texts[start : stop + 1]))
    dated: dict[int, _Dated] = {}
    # Only lines that hold a year are read (one scan of the page); most pages have a few.
    with_year = lines_with_year(texts[: page.end], TITLE_MAX_CHARS + DATE_LINE_MAX_CHARS)
    if len(with_year) < DATED_LIST_ITEMS:
        return {}
    edged = {
        i
        for i in with_year
        if furniture.get(i) == rules.DATELINE
        or _DIGIT.search(texts[i], 0, EDGE_CHARS)
        or _DIGIT.search(texts[i], max(0, len(texts[i]) - EDGE_CHARS))
    }  # a date at an end of the line, not inside a sentence
    for i in sorted(_in_rows(edged)):
        found = _line_date(texts[i], furniture.get(i))
        if found is not None:
            dated[i] = found

    def title(j: int) -> bool:
        return 0 <= j < page.end and j not in furniture and j not in dated and title_like(texts[j])

    removals: dict[int, str] = {}
    taken: set[int] = set()
    page_dates: int | None = None
    for first in sorted(dated):
        if first in taken:
            continue
        head = dated[first]
        alone = head.where == "alone"
        for step in ITEM_STEPS:
            gap = step + alone  # a date on a line of its own puts its title between it and the next date
            items = [first]
            while (nxt := items[-1] + gap) in dated and dated[nxt].form == head.form and dated[nxt].where == head.where:
                items.append(nxt)
            if len(items) < DATED_LIST_ITEMS or not _newest_first([dated[i].day for i in items]):
                continue
            if alone:
                # The title under each date, or over it.
                sides = [s for s in (1, -1) if all(title(i + s) for i in items)]
                if len(sides) == 2:
                    # Titles on both sides: the one past the list on one side heads the article (prose follows it).
                    sides = [s for s in sides if not _heads_prose(page, (items[-1] if s > 0 else items[0]) + s)]
                if not sides:
                    continue
                if len(sides) == 2:  # still both: the titles between the first date and the last
                    lines = range(items[0], items[-1] + 1)
                else:
                    lines = range(min(items[0], items[0] + sides[0]), max(items[-1], items[-1] + sides[0]) + 1)
            else:
                lines = range(items[0], items[-1] + 1)
            if page_dates is None:  # read once, when a list is found: the items the page dates in all
                page_dates = sum(i in dated or _line_date(texts[i], furniture.get(i)) is not None for i in edged)
            if page_dates - len(items) > LISTING_DATES * len(items):
                continue  # a page that dates many more items (an archive, a blog's front page): its lists are its content
            in_core = sum(len(texts[i]) for i in lines if start <= i <= stop)
            if in_core >= CORE_MAX_SHARE * core_chars:
                continue  # the article's core is this list: the page's own
            for i in lines:
                if not (alone and i in dated):
                    removals[i] = rules.DATED_LIST
            taken.update(items)
            break
    if page.headline is not None and page.headline in removals:
        page.replace_headline(removals)  # a list's title was taken for the headline
    return removals
