"""The headline, publication date and author a text dump states, read from its lines.

A dump has no <meta> tags: what it states is in its lines, and only there.

- Headline: many tools save the page's <title> as the first line ("Best
  Cloud Stocks of 2025 | The Motley Fool"), and the page's h1 is a line
  near the article's start that the <title> holds most of.  The line above
  the article (or at its start) that shares most words with the <title>,
  holding few others, is the headline.  Without such a line: a Markdown
  heading just above the article, else the line above the article that
  shares most words with its first paragraphs (`find_headline`).
- Date: a date written on a short line near the headline (a dateline, a
  byline with a date), in the languages met (`pipeline.dates`); a publication
  date before an update date; none when the page states none.
- Author: a byline near the headline ("By Anna Muster", "Von ...",
  "Автор: ...", "Text by ...", a "By" line over a name line, "홍길동 기자");
  else a name without a label by the headline, in a script with capitals,
  that the page backs: a date on its line or by it, a role under it, or
  an author box repeating it over a paragraph about the person; its words
  never written in lower case on the page (menus and categories are);
  else a labelled byline further down (an author box).

Nothing is guessed: a field the page does not state stays out of the result.
Decisions read line lengths, positions, shared words, digits and a few
label words per language; no site's words.
"""

from __future__ import annotations

import json
import re
import unicodedata
from bisect import bisect_left
from collections import Counter
from functools import cached_property, lru_cache
from pathlib import Path

import numpy as np

from .. import bylinewords
from ..clean.byline import KOREAN_REPORTER
from ..clean.features import lines_matching
from ..clean.scripts import HANGUL_SYLLABLE, UNSPACED_IDEOGRAPH, UNSPACED_IDEOGRAPHS, cased_lower
from ..clean.wordweights import korean_stem
from ..dates import HAS_YEAR as _HAS_YEAR
from ..dates import UPDATE_LABEL, date_spans, month_number, parse_date
from ..metadata import TITLE_SEPARATOR
from .blockmodel import Network
from .layout import HEADING_KINDS, TOP_HEADING, is_prose, is_title_case

_WORD = re.compile(r"\w+")

# --- dates ------------------------------------------------------------------

# Words that mark a date as the publication's (a later update's: dates.UPDATE_LABEL):
# the verbs ("Posted on"), and the nouns ("Date:"), which also head a quoted mail's date.
_PUBLISHED_VERBS = (
    r"published|posted|veröffentlicht|erschienen|publié|publicado|pubblicato|publicat|opublikowano|"
    r"gepubliceerd|yayınlan\w*|yayımlan\w*|опубликован\w*|опубліковано|გამოქვეყნ\w*|հրապարակ\w*"
)
_PUBLISHED = re.compile(rf"\b(?:{_PUBLISHED_VERBS}|date|datum|дата|тарих|tarix)\b", re.IGNORECASE)
_PUBLISHED_VERB = re.compile(rf"\b(?:{_PUBLISHED_VERBS})\b", re.IGNORECASE)
_COPYRIGHT = re.compile(r"©|\(c\)|copyright|all rights reserved", re.IGNORECASE)
# A line that opens with when someone joined, was last active or last
# checked something states a date that is not the page's (a forum's or a
# profile's "Joined: Mon Jul 24, 2017", a price box's "Last checked: ...").
_ACTIVITY = re.compile(
    r"^\W*(?:last (?:active|seen|login|logged in|visit(?:ed)?|checked|online)|joined|member since|registered(?: since| on)?|"
    r"zuletzt (?:online|aktiv|gesehen)|mitglied seit|registriert seit|dabei seit|membre depuis|inscrit le|miembro desde|"
    r"última conexión|registrado|был[аи]? (?:в сети|на сайте)|на сайте с|зарегистрирован\w*|був(?:ла)? (?:в мережі|на сайті)|"
    r"на сайті з|зареєстрован\w*|son görülme|üyelik tarihi|katılım tarihi|kayıt tarihi)\b",
    re.IGNORECASE,
)

# --- headline ----------------------------------------------------------------

# The lines looked at above the article's start, and into it.
LOOKBACK_LINES = 25
LOOKAHEAD_LINES = 3
# A line the <title> holds is looked for from the top down to this many lines into the article.
TITLE_LOOKAHEAD_LINES = 40
# A line is the <title>'s headline when at least this share of its words
# are the <title>'s and it holds at least this share of the <title>'s words.
TITLE_CONTAINED = 0.8
TITLE_COVERED = 0.4
HEADLINE_MAX_CHARS = 250
# A <title> line has a few words at least; a one-word first line is a menu.
MIN_TITLE_WORDS = 3
# The article's words a headline is compared with.
CORE_CHARS = 1500
# Every TITLE_SEPARATOR holds one of these: a line without them needs no search.
_SEPARATOR_CHARS = frozenset("|–—·:»/~-")


# Pure functions of a line, asked of the same lines by the <title> rule, the
# headline candidates, the date and the author, and again when a step has
# the headline picked anew.
@lru_cache(maxsize=8192)
def _words(text: str) -> tuple[str, ...]:
    return tuple(_text_words(text))


def _text_words(text: str) -> list[str]:
    """_words of a text asked once (the article's first characters): not remembered.

    A Korean word is cut to its first syllables, as the teaser step's
    similarity cuts it (pipeline.clean.wordweights.korean_stem): its
    particles and endings attach to it ("서울시는", "도로를").
    """
    words = _WORD.findall(unicodedata.normalize("NFKC", text).casefold())
    if UNSPACED_IDEOGRAPH.search(text) is not None:
        words = [piece for word in words for piece in _ideograph_pieces(word)]
    if HANGUL_SYLLABLE.search(text) is None:
        return words
    return list(map(korean_stem, words))


# Chinese and Japanese write no spaces: a run of Han and Kana is compared
# by its overlapping pairs of characters (a word there is one or two), and
# a pair counts as a long word (BODY_WORD_CHARS).
_IDEOGRAPH_RUN = re.compile(f"([{UNSPACED_IDEOGRAPHS}]+)")


def _ideograph_pieces(word: str) -> list[str]:
    if UNSPACED_IDEOGRAPH.search(word) is None:
        return [word]
    pieces = []
    for k, part in enumerate(_IDEOGRAPH_RUN.split(word)):
        if not part:
            continue
        if k % 2 == 0:
            pieces.append(part)
        else:
            pieces += [part[j : j + 2] for j in range(max(1, len(part) - 1))]
    return pieces


def _long_word(word: str) -> bool:
    return len(word) >= BODY_WORD_CHARS or UNSPACED_IDEOGRAPH.match(word) is not None


def title_line_headline(first: str, texts: list[str], start: int, stop: int, excluded=frozenset()) -> int | None:
    """The line in texts[start:stop] that is the headline the <title> line `first` holds most of (not one of `excluded`).

    Neither is a paragraph of sentences (layout.is_prose): a page whose
    first line is its lead has no <title> line, and a paragraph repeating
    the lead's words is not its headline.
    """
    best, best_key = None, None
    for i, shared in _title_lines(first, texts, start, stop, excluded):
        key = (shared, -abs(i - stop))
        if best_key is None or key > best_key:
            best, best_key = i, key
    return best


def _title_lines(first: str, texts: list[str], start: int, stop: int, excluded=frozenset()) -> list[tuple[int, int]]:
    """(index, words shared) of the lines in texts[start:stop] that hold the <title> line `first`'s headline (title_line_headline)."""
    title = set(_words(first))
    if len(title) < MIN_TITLE_WORDS or is_prose(first):
        return []
    found = []
    least = min(2, len(title))
    for i in range(start, stop):
        text = texts[i]
        if len(text) > HEADLINE_MAX_CHARS or i in excluded:
            continue
        words = _words(text)
        shared = len(title.intersection(words))
        # Most lines share fewer words than that: told before their prose and their distinct words are looked at.
        if shared < least or is_prose(text):
            continue
        distinct = len(set(words))
        if shared >= TITLE_CONTAINED * distinct and shared >= TITLE_COVERED * len(title):
            found.append((i, shared))
    return found


# A <title>'s site name mostly comes last ("Headline | Site"), and is often
# as long as the headline ("... | Harvard T.H. Chan School of Public
# Health"): the first part is the headline unless a later one has more
# than HEADLINE_PART_RATIO times its words ("RealtyMogul.com | Real Estate
# 101", "JMIR mHealth - Efficacy of the Mindfulness App ...").
HEADLINE_PART_RATIO = 2


def _title_parts(first: str) -> tuple[list[str], int]:
    """A <title>'s parts between separators, and which one is the headline: the first, unless a later one is much longer (HEADLINE_PART_RATIO)."""
    parts = [p.strip() for p in TITLE_SEPARATOR.split(first) if p.strip()]
    if len(parts) <= 1:
        return [first.strip()], 0
    words = [len(_words(part)) for part in parts]
    longest = max(range(len(parts)), key=lambda k: (words[k], -k))
    return parts, 0 if words[0] * HEADLINE_PART_RATIO >= words[longest] else longest


def title_headline_part(first: str) -> str:
    """The headline part of a <title> ("Headline | Site" -> "Headline")."""
    parts, headline = _title_parts(first)
    return parts[headline]


def site_name_lines(first: str, texts: list[str], start: int, stop: int) -> set[int]:
    """The lines in texts[start:stop] that are a part of the <title> line `first` after its headline part: the site's name ("Headline | Site"), never the headline.

    Only the parts after it: where the headline part was read wrongly
    ("Coffee - University of Wisconsin-Stevens Point": the longer part is
    taken), the first part stays a candidate.
    """
    if _SEPARATOR_CHARS.isdisjoint(first):
        return set()
    parts, headline = _title_parts(first)
    site = {_words(part) for part in parts[headline + 1 :]} - {_words(parts[headline]), ()}
    if not site:
        return set()
    longest = max(map(len, parts[headline + 1 :]))
    return {i for i in range(start, stop) if len(texts[i]) <= longest and _words(texts[i]) in site}


def find_headline(
    texts: list[str], core_start: int, kinds: list[str] | None = None, has_title_line: bool = False, excluded=frozenset()
) -> tuple[int | None, str | None]:
    """(line index, headline) of a dump, not one of `excluded`; the index is None when the headline is only the <title>'s part."""
    n = len(texts)
    if not n:
        return None, None
    start = max(1 if has_title_line else 0, core_start - LOOKBACK_LINES)
    stop = min(n, core_start + LOOKAHEAD_LINES)
    if has_title_line:
        # The h1 may sit far above the core in a dump of one text node a line.
        found = title_line_headline(texts[0], texts, 1, min(n, core_start + TITLE_LOOKAHEAD_LINES), excluded)
        if found is not None:
            return found, texts[found]
    if kinds:
        headings = [
            i
            for i in range(start, min(n, core_start + 1))
            if kinds[i] in HEADING_KINDS and i not in excluded and len(texts[i]) <= HEADLINE_MAX_CHARS and len(_words(texts[i])) >= 2
        ]
        if headings:
            return headings[-1], texts[headings[-1]]
    if has_title_line:
        return None, title_headline_part(texts[0])
    core_words = set(_text_words(" ".join(texts[core_start : core_start + 20])[:CORE_CHARS]))
    best, best_key = None, None
    for i in range(start, min(n, core_start + 1)):
        text = texts[i]
        words = _words(text)
        if i in excluded or len(set(words)) < 3 or len(text) > HEADLINE_MAX_CHARS or text.rstrip().endswith((".", ":", ";", ",")):
            continue
        shared = len(set(words) & core_words)
        key = (shared, shared - len(set(words)), -abs(i - core_start))
        if shared and (best_key is None or key > best_key):
            best, best_key = i, key
    return (best, texts[best]) if best is not None else (None, None)


# A learned headline finder (bench/train_headline_model.py): a small
# network over each candidate line's HEADLINE_FEATURES; the best-scoring
# candidate is the headline.
MODEL_PATH = Path(__file__).resolve().parent / "data" / "headline_model.json"
HEADLINE_LOOKBACK = 60
HEADLINE_LOOKAHEAD = 10
HEADLINE_FEATURES = [
    "signed_log_lines_to_core", "log_chars", "log_words", "ends_sentence", "ends_question", "capitalised_share", "digit_share",
    "log_core_words_shared", "core_shared_share", "title_contained", "title_covered", "is_first_line", "is_heading",
    "is_list_item", "log_repeats", "date_follows", "byline_follows", "previous_short", "has_separator", "relative_position",
    "lead_shared_share", "prose_follows", "log_short_lines_above", "log_candidates_to_core", "page_has_headings",
    "first_line_has_separator", "body_shared_share", "is_top_heading", "is_first_top_heading", "log_top_headings",
    "first_line_is_title", "title_part_contained", "title_part_covered",
]
# The article's first lines, whose words a headline shares most (the lead restates it).
LEAD_LINES = 3
# A line shorter than this is a menu item, a label or a button.
SHORT_LINE_CHARS = 30
# The prose past a line's lead its words are looked for in: an article goes
# on about its headline; another story's title is only its own paragraph's.
BODY_LINES = 40
# A line ending so is a statement: a paragraph's, never a headline's.
_STATEMENT_ENDS = (".", "。", ";", ",")
# Chinese and Japanese close a sentence with it and never a headline, however
# short the sentence (layout.is_prose counts characters, and a sentence in
# Han and Kana is a third of the length of one in letters).
_FULL_WIDTH_STOP = ("。", "．")
# Words this long or longer are compared (shorter ones are mostly function words, in any language).
BODY_WORD_CHARS = 4
# A line's words are compared with the article's by their first letters
# only: inflected languages' endings differ past them ("Львові" and
# "Львова", "Astanada" and "Astana", "Berichte" and "Bericht").
STEM_CHARS = 5


def _stems(words) -> set[str]:
    return {word[:STEM_CHARS] for word in words}


def headline_candidates(
    texts: list[str], core_start: int, kinds: list[str] | None = None, excluded=frozenset(), has_title_line: bool | None = None
) -> tuple[list[int], np.ndarray]:
    """The lines that may be the headline (the first line, and those around the core's start; not `excluded`, not a paragraph of sentences) and their HEADLINE_FEATURES.

    `has_title_line`: whether the first line is the page's <title> (None:
    decided as dump_metadata decides it, from a line near the article that
    repeats most of it).
    """
    n = len(texts)
    if not n:
        return [], np.zeros((0, len(HEADLINE_FEATURES)))
    if has_title_line is None:
        has_title_line = title_line_headline(texts[0], texts, 1, min(n, core_start + TITLE_LOOKAHEAD_LINES)) is not None
    window_start = max(0, core_start - HEADLINE_LOOKBACK)
    # Above the window, the lines that hold the <title>'s headline: an
    # article whose densest prose starts far below its headline (a guide, a
    # list of reviews) keeps its headline among the candidates.
    above = [i for i, _ in _title_lines(texts[0], texts, 1, window_start, excluded)] if window_start > 1 else []
    # Below it: a Markdown dump's first level-one heading wherever it
    # stands, and, where the first line is the <title>, the lines that hold
    # it as far as a <title> line is looked for (a page whose densest prose,
    # a summary box or an intro, starts above its headline).
    window_stop = min(n, core_start + HEADLINE_LOOKAHEAD)
    # The level-one headings a Markdown dump marks (none in dumps without markup).
    top_headings = [i for i, kind in enumerate(kinds) if kind == TOP_HEADING] if kinds else []
    first_top = next((i for i in top_headings if i >= window_stop and i not in excluded), None)
    below = [first_top] if first_top is not None else []
    if has_title_line and window_stop < n:
        below += [i for i, _ in _title_lines(texts[0], texts, window_stop, min(n, core_start + TITLE_LOOKAHEAD_LINES), excluded)]
    index = sorted({0, *above, *below} | set(range(window_start, window_stop)))
    candidate_words = {
        i: _words(texts[i])
        for i in index
        if len(texts[i]) <= HEADLINE_MAX_CHARS and i not in excluded and not _reads_as_paragraph(texts[i]) and not _glued_items(texts[i])
    }
    index = [i for i, words in candidate_words.items() if words]
    if not index:
        return [], np.zeros((0, len(HEADLINE_FEATURES)))
    core_words = _stems(_text_words(" ".join(texts[core_start : core_start + 20])[:CORE_CHARS]))
    lead_words = _stems(_text_words(" ".join(texts[core_start : core_start + LEAD_LINES])))
    title = set(_words(texts[0]))
    # The <title>'s headline part, without the site's name ("Headline | Site"): a line holding only the site's part is no headline.
    title_part = set(_words(title_headline_part(texts[0]))) if has_title_line else set()
    counts = Counter(texts)
    page_has_headings = float(bool(kinds) and not HEADING_KINDS.isdisjoint(kinds))
    first_separated = float(bool(TITLE_SEPARATOR.search(texts[0])))
    # How many short lines run right above each line down to the last candidate (a menu, breadcrumbs, buttons).
    short_above = [0] * (index[-1] + 1)
    for i in range(1, len(short_above)):
        short_above[i] = short_above[i - 1] + 1 if len(texts[i - 1]) < SHORT_LINE_CHARS else 0
    # Whether each line under a candidate states a date or a byline, or is prose, read once per line.
    below = sorted({j for i in index for j in range(i + 1, min(n, i + 4))})
    # A date needs a year: one scan of those lines finds the few that hold one.
    with_year = {below[k] for k in lines_matching(_HAS_YEAR, [texts[j] for j in below])}
    dated = {j for j in with_year if len(texts[j]) <= MAX_BYLINE_CHARS and parse_date(texts[j])}
    bylines = {j for j in below if len(texts[j]) <= MAX_BYLINE_CHARS and (_BYLINE.match(texts[j]) or _BY_ALONE.match(texts[j]))}
    # The lines some candidate's body reaches (past the first line, and around the core's start), each once.
    body_lines: list[int] = []
    for i in index:
        start = max(i + LEAD_LINES + 1, body_lines[-1] + 1 if body_lines else 0)
        body_lines.extend(range(start, min(n, i + LEAD_LINES + BODY_LINES + 1)))
    # Each candidate's words of BODY_WORD_CHARS or more, the ones looked for in the body.
    long_words = [_stems(word for word in candidate_words[i] if _long_word(word)) for i in index]
    body = _body_word_lines(texts, [j for j in body_lines if is_prose(texts[j])], set().union(*long_words))
    heading = [bool(kinds) and kinds[i] in HEADING_KINDS for i in index]
    list_item = [bool(kinds) and kinds[i] == "li" for i in index]
    title_words = max(1, len(title))
    # Each feature a column, filled in one pass over the candidates (C order, as the rows were).
    candidates = [texts[i] for i in index]
    distinct = [set(candidate_words[i]) for i in index]
    distinct_words = [max(1, len(d)) for d in distinct]
    stemmed = [_stems(d) for d in distinct]
    stemmed_words = [max(1, len(d)) for d in stemmed]
    shared = [len(d & core_words) for d in stemmed]
    in_title = [len(d & title) if i else 0 for i, d in zip(index, distinct)]
    after = [range(i + 1, min(n, i + 4)) for i in index]
    stripped = [text.rstrip() for text in candidates]
    split = [text.split() for text in candidates]
    # str.isdigit of an ASCII character is one of 0-9: counted by str.count, no call per character.
    digits = [sum(map(text.count, "0123456789")) if text.isascii() else sum(map(str.isdigit, text)) for text in candidates]
    # Candidates between a line and the core's start: the nearest heading-like line above the article is first.
    core_position = bisect_left(index, core_start)
    x = np.zeros((len(index), len(HEADLINE_FEATURES)))
    x[:, 3] = [float(s.endswith((".", ":", ";", ","))) for s in stripped]
    x[:, 4] = [float(s.endswith(("?", "!"))) for s in stripped]
    x[:, 5] = [sum(map(_opens_as_capital, words)) / max(1, len(words)) for words in split]
    x[:, 6] = [d / max(1, len(text)) for d, text in zip(digits, candidates)]
    x[:, 8] = [s / d for s, d in zip(shared, stemmed_words)]
    x[:, 9] = [t / d for t, d in zip(in_title, distinct_words)]
    x[:, 10] = [t / title_words for t in in_title]
    x[:, 11] = [float(i == 0) for i in index]
    x[:, 12] = [float(h) for h in heading]
    x[:, 13] = [float(h) for h in list_item]
    x[:, 15] = [float(not dated.isdisjoint(a)) for a in after]
    x[:, 16] = [float(not bylines.isdisjoint(a)) for a in after]
    x[:, 17] = [float(short_above[i] > 0) for i in index]
    x[:, 18] = [float(not _SEPARATOR_CHARS.isdisjoint(text) and TITLE_SEPARATOR.search(text) is not None) for text in candidates]
    x[:, 19] = [i / n for i in index]
    x[:, 20] = [len(d & lead_words) / w for d, w in zip(stemmed, stemmed_words)]
    x[:, 21] = [float(any(is_prose(texts[j]) for j in a)) for a in after]
    x[:, 24] = page_has_headings
    x[:, 25] = first_separated
    x[:, 26] = [_body_shared(words, body, i + LEAD_LINES + 1, i + LEAD_LINES + BODY_LINES) for i, words in zip(index, long_words)]
    x[:, 27] = [float(kinds[i] == TOP_HEADING) for i in index] if top_headings else 0.0
    x[:, 28] = [float(i == top_headings[0]) for i in index] if top_headings else 0.0
    x[:, 29] = np.log1p(len(top_headings)) / 2
    x[:, 30] = float(has_title_line)
    if title_part:
        in_part = [len(d & title_part) if i else 0 for i, d in zip(index, distinct)]
        x[:, 31] = [t / d for t, d in zip(in_part, distinct_words)]
        x[:, 32] = [t / len(title_part) for t in in_part]
    # The counts the logarithms are taken of, per candidate (one array operation each, on the columns of one array as before).
    counted = list(
        zip(
            [i - core_start for i in index],
            map(len, candidates),
            [len(candidate_words[i]) for i in index],
            shared,
            [counts[text] - 1 for text in candidates],
            [short_above[i] for i in index],
            [abs(k - core_position) for k in range(len(index))],
        )
    )
    distance, chars, words, shared, repeats, short_run, to_core = np.asarray(counted, dtype=float).T
    x[:, 0] = np.sign(distance) * np.log1p(np.abs(distance)) / 5
    x[:, 1] = np.log1p(chars) / 6
    x[:, 2] = np.log1p(words) / 4
    x[:, 7] = np.log1p(shared) / 3
    x[:, 14] = np.log1p(repeats)
    x[:, 22] = np.log1p(short_run) / 3
    x[:, 23] = np.log1p(to_core) / 4
    return index, x


def _opens_as_capital(word: str) -> bool:
    """The word opens with a capital, or with a letter of a script that has none (Hangul, Georgian's Mkhedruli, Arabic...): a title's words in such a script read as a Title Case title's."""
    first = word[:1]
    return first.isupper() or (first.isalpha() and not cased_lower(first))


# Menu items a page sets apart by style only run together in a dump
# ("HomePoliticsEconomySport", "ԳլխավորՔաղաքականությունՍպորտ"): a line
# without a space where a capital follows a lower-case letter this often
# is such a menu, never the headline (a name: "YouTube", "McDonald's", once).
GLUED_ITEMS = 2


def _glued_items(text: str) -> bool:
    if " " in text.strip():
        return False
    return sum(cased_lower(a) and b.isupper() for a, b in zip(text, text[1:])) >= GLUED_ITEMS


def _reads_as_paragraph(text: str) -> bool:
    """layout.is_prose, less a Title Case line that does not end as a statement: a headline of two questions ("What Is X? How Does It Work?"); and any line closed by a full stop of Chinese or Japanese, which a headline never is."""
    if text.rstrip().endswith(_FULL_WIDTH_STOP):
        return True
    if not is_prose(text):
        return False
    if text.rstrip().endswith(_STATEMENT_ENDS):
        return True
    return not is_title_case(text.split())


def _body_word_lines(texts: list[str], prose_lines: list[int], wanted: set[str]) -> dict[str, list[int]]:
    """Each of the `wanted` stems (_stems) -> the lines of `prose_lines` (in order) that hold a word with it."""
    lines: dict[str, list[int]] = {}
    for j in prose_lines:
        # Not remembered: a paragraph is rarely read twice, and would push out the short lines _words keeps.
        for word in wanted.intersection(_stems(_text_words(texts[j]))):
            lines.setdefault(word, []).append(j)
    return lines


def _body_shared(long_words: set[str], body: dict[str, list[int]], start: int, stop: int) -> float:
    """The share of a line's words of BODY_WORD_CHARS or more (`long_words`, as stems) that prose lines start..stop (inclusive) hold."""
    if not long_words:
        return 0.0
    found = 0
    for word in long_words:
        at = body.get(word)
        if at:
            k = bisect_left(at, start)
            found += k < len(at) and at[k] <= stop
    return found / len(long_words)


# The learned finder's score (a log-odds, its classes weighed equally in
# training) its best line needs to be named the headline: a page whose
# lines are all prose, bylines or menus has none, and gets no title.
HEADLINE_MIN_SCORE = 0.0


class HeadlineModel:
    """The learned finder: a small network (blockmodel.Network's parameters) scoring each candidate's HEADLINE_FEATURES."""

    def __init__(self, params: dict):
        if params.get("features") != HEADLINE_FEATURES:
            raise ValueError("headline model was trained on other features; retrain with bench/train_headline_model.py")
        self.network = Network(params["network"])

    def scores(self, x: np.ndarray) -> np.ndarray:
        """Each candidate's log-odds of being the headline."""
        p = np.clip(self.network.probabilities(x), 1e-9, 1 - 1e-9)
        return np.log(p / (1 - p))


@lru_cache(maxsize=1)
def load_headline_model(path: str = str(MODEL_PATH)) -> HeadlineModel | None:
    try:
        return HeadlineModel(json.loads(Path(path).read_text(encoding="utf-8")))
    except FileNotFoundError:
        return None


# --- author -------------------------------------------------------------------

_BY = (
    r"by|written by|posted by|story by|words by|reported by|von|par|por|di|door|przez|від|"
    r"author|authors|autor|autoren|auteur|autore|autorka|автор|авторы|müəllif|yazar|ავტორი|հեղինակ|written|text|texte"
)
# The headline model's "byline_follows" feature reads these two as they were
# when it was trained; find_author reads the labels below.
_BYLINE = re.compile(rf"^\W*(?:{_BY})\s*[:՝]?\s+(?P<rest>.+)$", re.IGNORECASE)
_BY_ALONE = re.compile(rf"^\W*(?:{_BY})\s*[:՝]?\s*$", re.IGNORECASE)

# Byline labels (pipeline/bylinewords.py): words that mean "by" (a name
# follows them, with or without a colon) and nouns that name the author's
# part (a colon or a "by" word follows them: "Text: ...", "Text by ...",
# "Text Size" is no byline).
_BY_WORDS, _AUTHOR_NOUNS, _BY_NOUNS = bylinewords.BY_WORDS, bylinewords.AUTHOR_NOUNS, bylinewords.BY_NOUNS
_LABEL = rf"(?:(?:{_AUTHOR_NOUNS}|{_BY_NOUNS})\s*)?(?:(?:{_BY_WORDS})+\b\s*)+{bylinewords.LABEL_COLON}?|(?:{_AUTHOR_NOUNS})\s*{bylinewords.LABEL_COLON}"
# The first letters of every label: most lines are told from a byline by them, before any pattern runs.
_LABEL_STARTS = frozenset(word[:3] for word in f"{_AUTHOR_NOUNS}|{_BY_NOUNS}|{_BY_WORDS}".split("|"))
_NON_WORD_CHARS = " \t\"'“”‘’«»()[]{}.,;:!?…*•·|–—-_#>/"
_LABELLED = re.compile(rf"^\W*(?:{_LABEL})\s*(?P<rest>\S.*)$", re.IGNORECASE)
_NOUN_LABELLED = re.compile(rf"^\W*(?:{_AUTHOR_NOUNS})\s+(?P<rest>\S.*)$", re.IGNORECASE)
_LABEL_ALONE = re.compile(rf"^\W*(?:{_LABEL}|(?:{_AUTHOR_NOUNS}))\W*$", re.IGNORECASE)
# A "By" a dump glued to the name ("ByNina Pineda"), and a capitalised "By"
# inside a line after a date or a separator ("January 12, 2025 By Gabby Boucher").
_GLUED_BY = re.compile(r"^(\W*)(By|Von)(?=[^\W\d_])")
_INNER_BY = re.compile(r"[\d|·•–—,:]\s*(?:By|Von|Par|Por)\s+(?P<rest>[^\W\d_].*)$")
_INNER_BY_WORD = re.compile(r"\b(?:By|Von|Par|Por)\s")
_ENDS_BY = re.compile(rf"\b(?:{_BY_WORDS})\W*$", re.IGNORECASE)
# What ends a name in a byline: a separator, a date, a role.
_NAME_END = re.compile(r"\s*(?:[|·•–—,/(]|\s-\s|\bpublished\b|\bupdated\b|\bon\b|\bin\b|\bam\b|\ble\b|\d).*$", re.IGNORECASE)
# A month name before a day or year ("Sofia Gonzalez December 2, 2025"), or glued to the name ("GiuffridaMar 5").
# Only a whole run of letters matches (a shorter one is followed by a letter): the lookbehind skips
# the positions inside a run, which the engine would otherwise try one by one.
_WORD_BEFORE_NUMBER = re.compile(r"(?<![^\W\d_])[^\W\d_]{3,}\.?(?=,?\s*\d)")
# The parts of a dateline: "Dec. 19, 2025 · Niko Matsakis", "December 15, 2025 · 30 min · Ash Vardanian"; a date glued to a name.
_PARTS = re.compile(r"\s*[|·•–—/]\s*|\s+-\s+|(?<=\d)(?=[^\W\d_])")
_DIGIT = re.compile(r"\d")
_CAMEL = re.compile(r"(?<=[^\W\d_A-Z])(?=[A-Z])")
_CAMEL_TAIL = re.compile(r"(?<=[^\W\d_])(?<![A-Z])[A-Z][^\W\d_]+$")
MAX_NAME_WORDS = 5
# A name without a label before it has 2 to this many words (_unlabelled_name).
MAX_BARE_NAME_WORDS = 4
MAX_BYLINE_CHARS = 120
_PARTICLES = frozenset("van von de der den da di del la le bin al el and und et y e & of".split())
# Words of the labels around a byline, never a name ("Written By", "Posted", "Last Updated", "Share").
_NOT_NAME = frozenset(
    (
        "by written posted story words reported author authors autor autoren auteur autore автор müəllif yazar text texte "
        "published updated last share link comments comment read more posted edited reviewed fact checked contributor "
        "contributors table contents menu home search close sign login subscribe advertisement sponsored "
        # the same labels in the other languages met
        "aktualisiert aktualisierung erstellt veröffentlicht teilen kommentare обновлено опубликовано поделиться "
        "оновлено опубліковано güncellendi güncelleme yayınlandı paylaş yenilənib "
        # roles printed under a name
        "editor writer reporter correspondent contributor director founder co-founder manager expert lead chief head senior "
        "redakteur redakteurin korrespondent journalist journalistin rédacteur rédactrice journaliste periodista redactor "
        "редактор корреспондент журналист"
    ).split()
)


def _caseless(word: str) -> bool:
    """A word of a script that writes names without capitals: Korean, Arabic, ... and Georgian (Mkhedruli has
    capitals in Unicode, Mtavruli, that names do not use)."""
    return all(not ch.isalpha() or not (ch.isupper() or cased_lower(ch)) for ch in word)


# month_number of a word before a number, remembered: a page's bylines ask it of the same few words.
_month_of = lru_cache(maxsize=4096)(month_number)


def _cut_date(text: str) -> str:
    """`text` up to a date written in it: a month name before a number, glued to a name or not."""
    if not _DIGIT.search(text):
        return text
    for m in _WORD_BEFORE_NUMBER.finditer(text):
        word = m.group(0)
        if _month_of(word):
            return text[: m.start()]
        tail = _CAMEL_TAIL.search(word.rstrip("."))
        if tail and _month_of(tail.group(0)):
            return text[: m.start() + tail.start()]
    return text


# A pure function of a short line, asked of the lines by the headline again
# when a step has the headline picked anew: remembered (names or None).
@lru_cache(maxsize=8192)
def name_of(text: str) -> str | None:
    """`text` as a person's (or a desk's) name: 1-5 capitalised words, particles between; None otherwise."""
    name = _NAME_END.sub("", _cut_date(text)).strip(" .:;")
    words = name.split()
    if words and (tail := _CAMEL_TAIL.search(words[-1])) and tail.group(0).casefold() in _NOT_NAME | {"in"}:
        words[-1] = words[-1][: tail.start()]  # "Korin MillerPublished: Jan 5", "Gabby BoucherIn Budget Travel"
        name = " ".join(words)
    # A label after the name ends it ("Bhaval Patel Last Updated: ..."); one before it is no name.
    labels = [k for k, word in enumerate(words) if word.casefold().strip(":.,") in _NOT_NAME]
    if labels:
        words = words[: labels[0]]
        if len(words) < 2 or words[-1].casefold() in _PARTICLES:
            return None  # "Rasender Reporter", "Letters To The Editor"
        name = " ".join(words)
    if not words or len(words) > MAX_NAME_WORDS or ":" in name:
        return None
    for k, word in enumerate(words):
        if word.lower() in _PARTICLES and 0 < k < len(words) - 1:
            continue
        if not (word[0].isupper() or _caseless(word)) or not any(ch.isalpha() for ch in word):
            return None
    return name


class _PageWords:
    """What the rest of a dump says about a line that may be a name, read once a page.

    - lower: the words written in lower case somewhere (the start of a
      line aside): a common noun is, a name's words are not ("Use Case",
      "HR Strategy" and "Regular Contributors" are menus).  Only scripts
      with capitals say this.
    - bio: an author box repeats the name over a paragraph about the
      person that opens with their name ("Selin Romano" ... "Selin is an
      expert ...").
    """

    def __init__(self, texts: list[str]):
        self.texts = texts
        self._lower: dict[str, bool] = {}

    @cached_property
    def joined(self) -> str:
        return "\n".join(self.texts)

    @cached_property
    def hangul(self) -> bool:
        return HANGUL_SYLLABLE.search(self.joined) is not None

    def written_lower(self, word: str) -> bool:
        """Whether `word` (case folded) stands in lower case on the page, outside an address ("@anna", "/anna")."""
        if word not in self._lower:
            self._lower[word] = self._stands_alone(word)
        return self._lower[word]

    def _stands_alone(self, word: str) -> bool:
        joined = self.joined
        at = joined.find(word)
        while at != -1:
            end = at + len(word)
            before = joined[at - 1] if at else " "
            after = joined[end] if end < len(joined) else " "
            if not (before.isalnum() or before in "_@/.") and not (after.isalnum() or after in "_@"):
                return True
            at = joined.find(word, at + 1)
        return False

    def _name_words(self, name: str) -> list[str]:
        # Glued menu items count word by word: "DashboardGet Started Free".
        # Only a script with capitals writes a name otherwise than a word.
        return [w.casefold() for w in _WORD.findall(_CAMEL.sub(" ", name)) if len(w) > 1 and w.casefold() not in _PARTICLES and not _caseless(w)]

    def common_word(self, name: str) -> bool:
        """Whether a word of the name stands in lower case on the page (a menu item or a category; "Madison Green" too)."""
        return any(self.written_lower(w) for w in self._name_words(name))

    def all_common(self, name: str) -> bool:
        """Whether every word of the name does: a label's menu ("By Event Type", "By Company Size"), no name."""
        words = self._name_words(name)
        return bool(words) and all(self.written_lower(w) for w in words)

    @cached_property
    def box_heads(self) -> set[str]:
        """The short lines whose first word opens a paragraph under them: the name lines an author box may have, found cheaply."""
        texts, heads = self.texts, set()
        # A line with no paragraph in the two under it is no head: told before its first word is split off.
        bio = [len(text) >= MIN_BIO_CHARS for text in texts] + [False, False]
        for i, text in enumerate(texts):
            if (bio[i + 1] or bio[i + 2]) and len(text) <= MAX_ROLE_CHARS and (first := text.split(maxsplit=1)[:1]):
                if any(len(below) >= MIN_BIO_CHARS and below.startswith(first[0]) for below in texts[i + 1 : i + 3]):
                    heads.add(text)
        return heads

    def boxed_name(self, text: str) -> str | None:
        """`text` as the name line of an author box: the whole line a name, over a paragraph about the person."""
        name = name_of(text)
        return name if name == text.strip() and _unlabelled_name(name, self) and self.has_bio(name) else None

    def has_bio(self, name: str) -> bool:
        """A line of the name has a paragraph under it (the next line or the one after) that opens with the whole
        name, or with its first word and a lower-case word ("Selin is ...")."""
        words = tuple(name.split())
        texts = self.texts
        for k in (k for k, text in enumerate(texts) if text == name):
            for below in texts[k + 1 : k + 3]:
                opening = below.split()[: len(words) + 1]
                if len(below) < MIN_BIO_CHARS or len(opening) < 2:
                    continue
                whole = tuple(opening[: len(words)]) == words and len(opening) > len(words) and opening[len(words)][:1].islower()
                if whole or (opening[0] == words[0] and opening[1][:1].islower()):
                    return True
        return False


# A role under a name ("Co-Founder & Marketing Director", "Trending Editor") is a short line with one of these words.
MAX_ROLE_CHARS = 60
_ROLES = frozenset(
    "editor writer reporter correspondent contributor columnist director founder manager expert chief head author "
    "redakteur redakteurin korrespondent journalist journalistin autor autorin rédacteur rédactrice journaliste periodista "
    "redactor редактор корреспондент журналист обозреватель кореспондент оглядач muhabir editör yazar müxbir "
    "тілші რედაქტორი ჟურნალისტი լրագրող խմբագիր".split()
)
# A paragraph about the author is at least this long; a name line is far shorter.
MIN_BIO_CHARS = 60
# A line of a person's name right by a date line, just under the headline,
# is a byline without "By" (blog platforms: name, then date); above the
# headline, the name and date of a blog's post header.
NAME_BY_DATE_LINES = 8
NAME_ABOVE_LINES = 3
# An author box stands over the article's start or in its last lines (the
# core's end takes in a box that follows the text); a name over its
# paragraph in the middle is a listicle's product ("Apache Spark" / "Apache Spark is ...").
BOX_TAIL_LINES = 10
_TITLE_BY = re.compile(r"\s(?:by|von|par|por)\s+(?P<name>[^|–—·-]+?)\s*(?:[|–—·-]|$)", re.IGNORECASE)


def _distance(i: int, anchor: int) -> int:
    """Lines from the headline; a line above it counts double (a byline sits under its headline)."""
    return i - anchor if i >= anchor else 2 * (anchor - i)


def _opens_with_label(text: str) -> bool:
    """Whether a line's first letters are a byline label's (_LABEL_STARTS)."""
    start = text.lstrip(_NON_WORD_CHARS)[:3].casefold()
    return start in _LABEL_STARTS or start[:2] in _LABEL_STARTS or start[:1] in _LABEL_STARTS


def labelled_name(texts: list[str], i: int, page: _PageWords, inline: bool = True) -> str | None:
    """The name a byline label on line i gives: "By Anna Muster", "Автор: ...", "Text by ...", a label over a name line;
    `inline`: also one inside the line ("May 2, 2025 By Anna Muster", "홍길동 기자")."""
    text = texts[i]
    if _opens_with_label(text):
        text = _GLUED_BY.sub(r"\1\2 ", text)
        match = _LABELLED.match(text)
        if match and (name := name_of(match.group("rest"))) and not page.all_common(name):
            return name
        # A noun label and no colon: a name of two words or more ("Autor Mark Newton:"; "Text Size" is none).
        if (match := _NOUN_LABELLED.match(text)) and (name := name_of(match.group("rest"))) and len(name.split()) >= 2 and not page.common_word(name):
            return name
        if _LABEL_ALONE.match(text) and i + 1 < len(texts) and len(texts[i + 1]) <= MAX_BYLINE_CHARS:
            name = name_of(texts[i + 1])
            # A noun over a menu ("Authors" / "Regular Contributors", "Story" / "Wissen"): a name of two words or
            # more that is not a common noun, the whole line; "By" says more.
            if name and (
                (_ENDS_BY.search(text) and not page.all_common(name)) or (name == texts[i + 1].strip() and len(name.split()) >= 2 and not page.common_word(name))
            ):
                return name
    if not inline:
        return None
    # A dateline that ends in "by" over a name line: "10.12.2022 18:27 von" / "Hinrich Neumann".
    if _ENDS_BY.search(text) and i + 1 < len(texts) and parse_date(text) and (name := name_of(texts[i + 1])) == texts[i + 1].strip():
        return name
    if _INNER_BY_WORD.search(text) and (inner := _INNER_BY.search(text)) and (name := name_of(inner.group("rest"))) and len(name.split()) >= 2:
        return name
    if page.hangul and (korean := KOREAN_REPORTER.search(text)):
        return korean.group("name")
    return None


def bare_name(texts: list[str], i: int, anchor: int, page: _PageWords) -> str | None:
    """Line i as a byline without a label: a name with a date on its line or by it, a role under it, or a name the page's author box repeats."""
    text = texts[i].strip()
    if len(text) > MAX_ROLE_CHARS and len(text.strip(" .:;").split()) > MAX_BARE_NAME_WORDS and not parse_date(text):
        # The rest test below in short: a name of at most MAX_BARE_NAME_WORDS words leaves a longer
        # line's other words after it (name_of keeps a prefix of the line, never lengthened).
        return None
    name = name_of(text)
    if not _unlabelled_name(name, page) or text.endswith(":"):
        return None
    # A subheading or a category by a date shares words with the headline; a name does not.
    if 0 <= anchor < len(texts) and set(_words(texts[anchor])) & set(_words(name)):
        return None
    # "Reviewed by" / "Photo by" over a name: someone else's part.
    if i > 0 and _ENDS_BY.search(texts[i - 1]) and not _LABEL_ALONE.match(texts[i - 1]):
        return None
    rest = text.strip(" .:;")[len(name) :].strip()
    if rest and (rest[0] not in ",|·•–—/(" or len(text) > MAX_ROLE_CHARS) and not parse_date(text):
        return None  # a name, then more words: a sentence or a heading
    # Lines by the name, not across the headline (a menu over a headline is not dated by the line under it).
    near = [texts[j] for j in _neighbours(texts, i) if (j < anchor or i > anchor) and len(texts[j]) <= MAX_BYLINE_CHARS]
    if parse_date(text) or any(parse_date(t) for t in near) or (i + 1 < len(texts) and i + 1 != anchor and _is_role(texts[i + 1])):
        return name
    return name if page.has_bio(name) else None


def _unlabelled_name(name: str | None, page: _PageWords) -> bool:
    """Whether a name with no label before it may be one: 2-4 capitalised words, none a common noun of the page.

    Only a script with capitals tells a name from a menu item without a label.
    """
    if not name or not 2 <= len(name.split()) <= MAX_BARE_NAME_WORDS or re.search(r"[\d&]", name) or page.common_word(name):
        return False
    return all(word[0].isupper() for word in name.split() if word.casefold() not in _PARTICLES)


def _neighbours(texts: list[str], i: int) -> list[int]:
    """The line above i and the two under it, passing over lines of no letter or digit (an icon, a bullet)."""
    def step(j, by):
        while 0 <= j < len(texts) and not any(ch.isalnum() for ch in texts[j]):
            j += by
        return j if 0 <= j < len(texts) else None

    above, below = step(i - 1, -1), step(i + 1, 1)
    after = step(below + 1, 1) if below is not None else None
    return [j for j in (above, below, after) if j is not None]


def dated_name(text: str, anchor_text: str, page: _PageWords) -> str | None:
    """The name in a short dated line of parts ("Dec. 19, 2025 · Niko Matsakis", "Charlotte Gannon • November 4th, 2025")."""
    if not parse_date(text):
        return None
    for part in _PARTS.split(text):
        name = name_of(part)
        if _unlabelled_name(name, page):
            if not set(_words(anchor_text)) & set(_words(name)):
                return name
    return None


def _opens_lower(text: str) -> bool:
    return next((ch.islower() for ch in text if ch.isalpha()), False)


def _is_role(text: str) -> bool:
    """A short line of a person's role ("VP - Technology" no; "Co-Founder & Marketing Director", "Trending Editor")."""
    return len(text) <= MAX_ROLE_CHARS and any(w.casefold() in _ROLES for w in re.split(r"[\s&,/-]+", text))


def find_author(texts: list[str], start: int, stop: int, anchor: int, core: tuple[int, int] | None = None) -> str | None:
    """The name of the byline nearest the headline (`anchor`) in texts[start:stop]; a labelled one before a bare name.

    A bare name (no label) is looked for only by the headline and above
    the article's start (`core_start`: a dump whose headline was not found
    keeps its byline over the text).  A labelled name after texts[:stop]
    (an author box under the article: "Written by" / a name) comes last.
    """
    page = _PageWords(texts)
    near = set(range(anchor - NAME_ABOVE_LINES, anchor + NAME_BY_DATE_LINES + 1))
    if core is not None:
        near.update(range(core[0] - NAME_BY_DATE_LINES, core[0] + 1))
    near.discard(anchor)
    found = []
    for i in range(start, len(texts)):
        if i >= stop and i not in near and not _opens_with_label(texts[i]):
            continue  # under texts[:stop] only a line that opens with a label names someone (labelled_name)
        rank = 0 if i < stop else 2
        if rank == 2 and _opens_lower(texts[i]):
            name = None  # under the article, "by ..." goes on a sentence the dump cut, or credits the site's makers
        elif len(texts[i]) > MAX_BYLINE_CHARS:
            # A long line that opens with a label: "Written by: Anna Muster Head of Research, expert in ..."
            name = labelled_name(texts, i, page, inline=False)
        else:
            name = labelled_name(texts, i, page, inline=rank == 0)
        if name is None and i in near:
            name, rank = bare_name(texts, i, anchor, page) or dated_name(texts[i], texts[anchor] if 0 <= anchor < len(texts) else "", page), 1
        if name:
            found.append((rank, _distance(i, anchor), i, name))
    if not any(rank < 2 for rank, *_ in found):
        # One author box under the headline; a list of products each over its paragraph is no author box.
        edges = range(len(texts)) if core is None else [*range(anchor + 1, core[0] + 1), *range(max(core[0] + 1, core[1] - BOX_TAIL_LINES), len(texts))]
        heads = page.box_heads
        boxes = {(i, name) for i in edges if texts[i] in heads and (name := page.boxed_name(texts[i]))}
        if len({name for _, name in boxes}) == 1:
            found.extend((2, _distance(i, anchor), i, name) for i, name in boxes)
    return min(found)[3] if found else None


def title_line_author(first: str) -> str | None:
    """The author a <title> line names ("How to write a newsletter - by Charlie Hills")."""
    match = _TITLE_BY.search(first)
    return name_of(match.group("name")) if match else None


# A longer line is read for its date when "Posted", "Published" (in the
# languages of _PUBLISHED_VERBS) opens it and the date follows within this
# many characters: "Posted on December 20, 2025 by Jane Doe - 5 Comments on
# <the headline>" is a dateline; "On January 1, 2025, the lab published
# ..." and "27. Januar 1945 befreiten ..." are the article's sentences, and
# "Date: Fri, 1 Feb 2002 ... From: ... Subject:" a quoted mail's header.
OPENING_DATE_MAX_OFFSET = 16


def _opening_date(text: str) -> str | None:
    """A long line up to the end of the date a publishing verb opens it with, or None."""
    if _HAS_YEAR.search(text, 0, MAX_BYLINE_CHARS) is None:
        return None
    spans = date_spans(text[:MAX_BYLINE_CHARS])
    if not spans or spans[0][0] > OPENING_DATE_MAX_OFFSET or not _PUBLISHED_VERB.search(text, 0, spans[0][0]):
        return None
    return text[: spans[0][1]]


# Two dates with only a dash between them: an event's span ("2025-12-12 -
# 2025-12-17", "March 3, 2024 – March 5, 2024"), not the day a page was
# published ("Published March 3, 2024 – Updated March 5, 2024" has words between).
_SPAN_DASH = re.compile(r"\s*[-–—]\s*")


def _states_span(text: str) -> bool:
    """The line writes a span of two dates (_SPAN_DASH)."""
    spans = date_spans(text)
    return any(_SPAN_DASH.fullmatch(text[a[1] : b[0]]) for a, b in zip(spans, spans[1:]))


def find_date(texts: list[str], start: int, stop: int, anchor: int) -> str | None:
    """The publication date on the short line nearest `anchor` in texts[start:stop]; a labelled one first, an update last."""
    found = []
    for i in range(start, stop):
        text = texts[i]
        if len(text) > MAX_BYLINE_CHARS:
            text = _opening_date(text)
            if text is None:
                continue
        # A date needs a year on the line (or, under a label, on the next):
        # most lines have none, and need no search for a label.
        if _HAS_YEAR.search(text) is None and not (i + 1 < stop and len(texts[i + 1]) <= MAX_BYLINE_CHARS and _HAS_YEAR.search(texts[i + 1])):
            continue
        if _COPYRIGHT.search(text) or _ACTIVITY.search(text) or _states_span(text):
            continue
        label = _PUBLISHED.search(text)
        # After the label: "Updated May 2, 2024 Originally published April 9, 2024".
        published = (parse_date(text[label.end() :]) if label else None) or parse_date(text)
        if published is None and label and i + 1 < stop and len(texts[i + 1]) <= MAX_BYLINE_CHARS:
            published = parse_date(texts[i + 1])  # "Published" over the date, as a text-node dump saves it
        if published is None:
            continue
        rank = 0 if label else (2 if UPDATE_LABEL.search(text) else 1)
        found.append((rank, _distance(i, anchor), published))
    return min(found)[2] if found else None


# Bylines and datelines are looked for this many lines around the headline
# (or the article's start): a dump of one text node a line spreads a
# byline box over a dozen lines.
META_BEFORE_LINES = 30
META_AFTER_LINES = 40


def dump_metadata(
    texts: list[str],
    core: tuple[int, int] | None,
    kinds: list[str] | None = None,
    has_title_line: bool | None = None,
    headline_model: HeadlineModel | None = None,
    excluded=frozenset(),
) -> dict:
    """title, published, author (only those the dump states), headline_line (the headline's line, or None) and titled (the <title> line names that line).

    `core`: the article's first and last line (the cleaner's densest run of
    prose); `kinds`: the blocks' kinds from pipeline.dumps.layout.read_dump;
    `has_title_line`: whether the first line is the page's <title> (None:
    decided from the page: a first line of MIN_TITLE_WORDS or more that a
    line near the article repeats most of); `headline_model`: a learned
    headline finder instead of the rules (see HeadlineModel); `excluded`:
    lines that cannot be the headline (spam, another story's title).
    """
    if not texts:
        return {}
    core_start = core[0] if core else 0
    # The line the <title> holds most of (a first line that a line near the
    # article repeats is taken for the page's <title>).
    stop = min(len(texts), core_start + TITLE_LOOKAHEAD_LINES)
    index = None
    if has_title_line is None:
        index = title_line_headline(texts[0], texts, 1, stop)
        has_title_line = index is not None
    if has_title_line:
        # A line that is the <title>'s site part (a logo's text) is no headline, as a teaser's title is not.
        site_lines = site_name_lines(texts[0], texts, 1, min(len(texts), core_start + max(TITLE_LOOKAHEAD_LINES, HEADLINE_LOOKAHEAD)))
        excluded = excluded | site_lines if site_lines else excluded
        if index is None or index in excluded:  # the best line is excluded: the best of the others
            index = title_line_headline(texts[0], texts, 1, stop, excluded)
    titled = index  # the line the <title> names, if any
    if headline_model is not None:
        # The learned finder reads the same match (title_contained,
        # title_covered) among its features and decides: a menu line
        # repeated under the same menu at the top matches as well as a
        # headline does (bench/README.md).
        candidates, x = headline_candidates(texts, core_start, kinds, excluded, has_title_line)
        scores = headline_model.scores(x)
        best = int(np.argmax(scores)) if candidates else None
        index = candidates[best] if best is not None and scores[best] >= HEADLINE_MIN_SCORE else None
        title = texts[index] if index is not None else None
        if index == 0 and has_title_line:  # the <title> itself: its headline line where one repeats it
            index = titled
            title = texts[titled] if titled is not None else title_headline_part(texts[0])
        elif index == 0:  # a first line no line repeats, as a dump's <title> line often is: "Headline | Site" -> "Headline"
            title = title_headline_part(texts[0])
        if title is not None and index and title.strip() == texts[0].strip():
            # A line that repeats the whole <title> (a footer's or a share box's copy), not an <h1> under it: its headline part.
            title = title_headline_part(texts[0])
    elif index is not None:
        title = texts[index]
    else:
        index, title = find_headline(texts, core_start, kinds, has_title_line, excluded)
    out: dict = {"headline_line": index, "titled": index is not None and index == titled}
    if title:
        out["title"] = title
    anchor = index if index is not None else core_start
    start = max(1 if has_title_line else 0, anchor - META_BEFORE_LINES)
    stop = min(len(texts), max(anchor, core_start) + META_AFTER_LINES)
    published = find_date(texts, start, stop, anchor)
    if published:
        out["published"] = published
    author = find_author(texts, start, stop, anchor, core) or (title_line_author(texts[0]) if has_title_line else None)
    if author:
        out["author"] = author
    return out
