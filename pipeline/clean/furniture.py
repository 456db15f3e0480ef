"""Step `furniture`: single lines that are page furniture or metadata, each named by its rule.

Furniture: share bars, "Read more", comment forms, copyright, disclaimers,
photo credits and captions, breadcrumbs, symbol lines (patterns.py), the
read-also, paywall and advertising rules of html_blocks.py (for HTML
blocks, its subscribe calls and datelines too), cookie consent notices
(consent.py), server errors and browser notices (machinery.py).
Metadata lines: bylines, datelines, credit lines and "Author" / "Date"
labels with the value on the next line (byline.py); what they state moves
into the article's metadata.

The page finds them when it is built (the core is weighed without them);
the step removes those above the article's end.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import TYPE_CHECKING

from ..dates import parse_date
from ..dumps.layout import LINK_ELEMENT, ends_sentence
from . import byline, consent, html_blocks, machinery, patterns, rules

if TYPE_CHECKING:
    from .page import Page

# A value line after a date label is a date and little else.
DATE_VALUE_MAX_CHARS = 40
# A value line after an author label is a name or a domain.
NAME_VALUE_MAX_CHARS = 60
# An article prints one byline with its date (two with an update line); this many are a list of stories ("By Jane Doe • Dec. 19, 2025" under each).
LISTED_BYLINES = 3

# A paragraph (beside a subheading) ends a sentence and is this long at
# least: a one-sentence paragraph in Korean or Chinese is half as long as
# in English; a menu item, a button or a form's label ends no sentence.
PARAGRAPH_MIN_CHARS = 40

# Words that let a line reach the single-line rules: a first word of a
# furniture pattern, a credit line or a label ("Author"), or a word a byline
# or an unanchored furniture pattern needs somewhere in the line.
_GATE_FIRST_WORDS = patterns.GATE_FIRST_WORDS | byline.CREDIT_WORDS | byline.AUTHOR_LABELS | byline.DATE_LABELS | byline.LABEL_FIRST_WORDS
_GATE_ANY_WORDS = patterns.GATE_ANY_WORDS | byline.BY_WORDS


def remove_furniture(page: Page) -> dict[int, str]:
    """The furniture and metadata lines above the article's end (those below go with the end)."""
    return {i: rule for i, rule in page.furniture.items() if i < page.end}


def find_furniture(page: Page) -> tuple[dict[int, str], list[tuple[int, dict]]]:
    """(line -> rule for every furniture or metadata line, [(line, what a metadata line states)] in page order)."""
    texts, folded, tokens = page.texts, page.folded, page.tokens
    # Regex gates run once over the page rather than once per line.
    folded_page = "\n".join(folded)  # one copy for every scan of the casefolded page
    substring_lines = patterns.substring_lines(folded, folded_page)
    year_lines = byline.lines_with_year(texts, byline.MAX_DATELINE_CHARS)  # only datelines need it
    candidates = _candidates(page, substring_lines | year_lines)
    is_candidate = set(candidates)
    candidates.append(len(texts))  # a sentinel: the walk ends there
    furniture: dict[int, str] = {}
    statements: list[tuple[int, dict]] = []
    label: str | None = None  # "author" / "date": the line above was that label
    i = -1
    while True:
        # Only candidates are looked at (the rules find nothing on other
        # lines), and the line after a label.
        i = i + 1 if label else candidates[bisect_right(candidates, i)]
        if i >= len(texts):
            break
        if label:
            value = _label_value(label, texts[i])
            label = None
            if value:
                furniture[i], stated = value
                statements.append((i, stated))
                continue
            if i not in is_candidate:
                continue
        rule, stated, label = _line_rule(texts[i], tokens[i], folded[i], i in year_lines, i in substring_lines)
        if rule:
            furniture[i] = rule
        if stated:
            statements.append((i, stated))
    statements = _listed_bylines_emptied(texts, furniture, statements)
    if page.text_mode:
        html_blocks.mark_text_furniture(texts, folded, tokens, furniture)
        furniture.update((i, rules.LINK_LIST) for i, kind in enumerate(page.kinds) if kind == LINK_ELEMENT)
    else:
        html_blocks.mark_furniture(page.blocks, furniture)
    consent.mark_notices(texts, folded, furniture, page.doc.metadata.get("title"), folded_page)
    machinery.mark_messages(texts, folded, furniture, folded_page)
    _keep_subheadings(texts, furniture)
    return furniture, statements


def _keep_subheadings(texts: list[str], furniture: dict[int, str]) -> None:
    """Unmarks a line taken for one button and words of its own ("Twitter sues Musk") that stands between two paragraphs: a subheading of the article, where a share bar or a menu item has furniture or short lines beside it."""
    for i, rule in list(furniture.items()):
        if (
            rule == rules.SOCIAL
            and 0 < i < len(texts) - 1
            and i - 1 not in furniture
            and i + 1 not in furniture
            and _paragraph(texts[i - 1])
            and _paragraph(texts[i + 1])
            and patterns.button_or_headline(texts[i])
        ):
            del furniture[i]


def _listed_bylines_emptied(texts: list[str], furniture: dict[int, str], statements: list[tuple[int, dict]]) -> list[tuple[int, dict]]:
    """The statements, those of bylines with a date emptied when the page prints LISTED_BYLINES or more: a list of stories, each line its own story's (still a metadata line, never the headline)."""
    listed = {i for i, _ in statements if furniture.get(i) == rules.BYLINE and byline.parse_byline_and_date(texts[i]) is not None}
    if len(listed) < LISTED_BYLINES:
        return statements
    return [(i, {} if i in listed else stated) for i, stated in statements]


def _candidates(page: Page, gated: set[int]) -> list[int]:
    """The lines that pass one of the rules' word or regex gates (or have no word at all), in page order."""
    return [
        i
        for i, (words, low) in enumerate(zip(page.tokens, page.folded))
        if not words
        or i in gated
        or words[0] in _GATE_FIRST_WORDS
        or not _GATE_ANY_WORDS.isdisjoint(words)
        or low.lstrip()[:1] in "©("
        or (low[:1].isdigit() and patterns.text_size_control(low))
    ]


def _line_rule(text: str, words: list[str], folded: str, has_year: bool, has_substring: bool) -> tuple[str | None, dict | None, str | None]:
    """(the line's rule, what it states, the label it is) for one candidate line; the first that applies wins."""
    # A label line is one word ("Author", "Datum:"); its value is on the next line.
    label = byline.label_of(text) if len(words) == 1 else None
    if label:
        return rules.METADATA_LABEL, None, label
    stated = byline.parse_byline(text, words)
    if stated is not None:
        return rules.BYLINE, stated, None
    stated = byline.parse_dateline(text, has_year)
    if stated is not None:
        return rules.DATELINE, stated, None
    stated = byline.parse_byline_and_date(text, words)
    if stated is not None:
        return rules.BYLINE, stated, None
    stated = byline.parse_credit_line(text, words)
    if stated:
        return rules.BYLINE, stated, None
    return patterns.label_rule(text, words, folded, has_substring), None, None


def _label_value(label: str, text: str) -> tuple[str, dict] | None:
    """The value line after a bare "Author" / "Date" label: (its rule, what it states)."""
    if label == "date":
        published = parse_date(text)
        if published and len(text) <= DATE_VALUE_MAX_CHARS:
            return rules.DATELINE, {"published": published}
        return None
    # A person's name or a site's domain ("Axar.az"), not the next menu
    # item ("Autoren" / "Suche") or a date.
    if len(text) <= NAME_VALUE_MAX_CHARS and byline.is_name(text) and (byline.looks_like_person(text) or "." in text.strip(" .")):
        return rules.BYLINE, {"author": text.strip()}
    return None


def _paragraph(text: str) -> bool:
    return len(text) >= PARAGRAPH_MIN_CHARS and ends_sentence(text)
