"""Bylines, datelines and credit lines: moved from the text into metadata.

Only what the page states is taken; anything unclear stays None.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from .. import bylinewords
from ..dates import HAS_YEAR, UPDATE_LABEL, date_spans
from .features import lines_matching
from .scripts import NAME_INITIAL

# A byline names at most this many words ("By Dr. Anna Maria van der Berg").
MAX_NAME_WORDS = 5
# Lines longer than this are prose that may mention "by", not bylines.
MAX_BYLINE_CHARS = 120
# A dateline is a date, maybe a time and a short label ("Date: 2025.04.04 / 11:12").
MAX_DATELINE_CHARS = 60

_NAME_WORD = rf"{NAME_INITIAL}[\w'’.-]*"
# Particles, and the "and" between two authors ("Lars Fischer und Alina Schadwinkel").
_NAME = rf"{_NAME_WORD}(?:\s+(?:{_NAME_WORD}|van|von|de|der|den|da|di|del|la|le|bin|al|el|and|und|et|y|e|&)){{0,{MAX_NAME_WORDS - 1}}}"
_HONORIFIC = r"(?:(?:Dr|Prof|Mr|Mrs|Ms|Mag|Dipl)\.?\s+)"
# A byline's label (pipeline/bylinewords.py): "By", "Written by", "Text:", "Автор", "Հեղինակ՝" (Armenian's colon).
_BY = (
    rf"(?:{bylinewords.LEADING_BY_WORDS}|(?:{bylinewords.BY_NOUNS})\s+(?:{bylinewords.BY_WORDS})|"
    rf"(?:{bylinewords.AUTHOR_NOUNS})\s*{bylinewords.LABEL_COLON}|(?:{bylinewords.BARE_AUTHOR_NOUNS}))"
)

_DATE_PREFIX = re.compile(
    r"^\W*(?:date|datum|date de publication|published(?: on)?|posted(?: on)?|post date|publié(?: le| sur)?|publicado(?: el)?|"
    r"pubblicato(?: il)?|veröffentlicht(?: am)?|erschienen(?: am)?|tarix|дата(?: публикации| публікації)?|опубликовано|опубліковано|"
    r"yayınlanma(?: tarihi)?|yayın tarihi|tarih|dərc olunub|жарияланды|გამოქვეყნდა|հրապարակվել է|기사입력|입력|등록|발행)\W*",
    re.IGNORECASE,
)
# Weekday names a dateline may carry ("Friday, April 29, 2022", "lundi 9 décembre 2019").
_WEEKDAY = (
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|sat|sun|"
    r"montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|"
    r"lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lunes|martes|miércoles|jueves|viernes|sábado|domingo|"
    r"понедельник|вторник|среда|четверг|пятница|суббота|воскресенье|"
    r"понеділок|вівторок|середа|четвер|п['’]ятниця|субота|неділя|"
    r"bazar ertəsi|çərşənbə axşamı|çərşənbə|cümə axşamı|cümə|şənbə|bazar|"
    r"pazartesi|salı|çarşamba|perşembe|cuma|cumartesi|pazar|"
    r"дүйсенбі|сейсенбі|сәрсенбі|бейсенбі|жұма|сенбі|жексенбі|"
    r"ორშაბათი|სამშაბათი|ოთხშაბათი|ხუთშაბათი|პარასკევი|შაბათი|კვირა|"
    r"երկուշաբթի|երեքշաբթի|չորեքշաբթի|հինգշաբթի|ուրբաթ|շաբաթ|կիրակի"
)
# "By" in any case, the name's words capitalised: with the whole pattern
# case-blind, "von der Fahrbahn abgekommen" was a byline.
_BYLINE = re.compile(rf"^\W*(?i:{_BY})\s+(?i:{_HONORIFIC})?(?P<name>{_NAME})\W*$")
# Words one of which every byline contains (a cheap gate before the regexes).
# A Korean reporter's name, then their title: "김민수 기자", "홍길동 특파원".
_KOREAN_NAME_TITLE = r"(?P<name>[가-힣]{2,4})\s?(?:기자|특파원|통신원)(?![가-힣])"
# Such a name inside a line ("서울=연합뉴스) 김민수 기자 = ..."), and a line that is only a byline (an e-mail may follow).
KOREAN_REPORTER = re.compile(rf"(?:^|[\s=)\]]){_KOREAN_NAME_TITLE}")
_KOREAN_BYLINE = re.compile(rf"^\W*{_KOREAN_NAME_TITLE}(?:\s+[\w.+-]+@[\w.-]+)?\W*$")
# Words one of which every byline holds somewhere (a "by" after a date: "12. April 2012 by tim"), and
# those a byline may start with (its label: "Author:", "Posted by"): cheap gates before the regexes.
# Label nouns such as "story" or "от" are too common in prose to send every line that holds one on.
_BY_WORDS = bylinewords.words(bylinewords.LEADING_BY_WORDS, bylinewords.BARE_AUTHOR_NOUNS) | frozenset("written text texte 기자 특파원 통신원".split())
_LABEL_FIRST_WORDS = bylinewords.words(bylinewords.BY_WORDS, bylinewords.AUTHOR_NOUNS, bylinewords.BY_NOUNS)
_CREDIT_WORDS = frozenset("source quelle author autor auteur written text".split())
# For callers that gate many lines at once.
BY_WORDS = _BY_WORDS
LABEL_FIRST_WORDS = _LABEL_FIRST_WORDS
CREDIT_WORDS = _CREDIT_WORDS
# After a date the name may be a blog's lower-case handle ("12. April 2012 by tim"): the date vouches for the line.
_DATE_THEN_BY = re.compile(rf"^(?P<date>.{{4,40}}?)\s+{_BY}\s+{_HONORIFIC}?(?P<name>{_NAME})\W*$", re.IGNORECASE)
_CREDIT_LINE = re.compile(r"^\W*(?:source|quelle|source:|author|autor|auteur|written by|text)\s*:", re.IGNORECASE)
_CREDIT_BY = re.compile(rf"\bby\s+{_HONORIFIC}?(?P<name>{_NAME_WORD}\s+{_NAME_WORD}(?:\s+{_NAME_WORD})?)")

AUTHOR_LABELS = bylinewords.words(bylinewords.LABEL_LINE_NOUNS) | {"by"}
# A byline whose label is a noun and "by" ("Posted by", "Written by"): one word after it is a user's handle, not the site.
_NOUN_BY = re.compile(rf"^\W*(?:{bylinewords.BY_NOUNS})\s", re.IGNORECASE)
DATE_LABELS = frozenset(["date", "datum", "published", "publié", "tarix", "дата", "veröffentlicht", "tarih"])

# Domains are found from their top-level part: a pattern that starts with a
# literal "." lets the regex engine skip ahead, which matters on long pages.
_DOMAIN_LEFT = re.compile(r"(?:[a-z0-9-]+\.)*[a-z0-9-]+$", re.IGNORECASE)
# Domains that are platforms, not the publisher of the page.
PLATFORM_DOMAINS = frozenset(
    "twitter.com x.com facebook.com instagram.com youtube.com t.me telegram.me linkedin.com "
    "google.com wikipedia.org whatsapp.com tiktok.com vk.com bit.ly".split()
)
_TLDS = frozenset(
    "com org net info eu az ru de fr uk us io co tv news kr jp cn tr ge am ua by kz ch at it es pl nl be se no dk fi "
    "cz sk hu ro bg gr pt ie ca au nz in ir il ae sa eg".split()
)
_TLD_HIT = re.compile(r"\.(?:" + "|".join(sorted(_TLDS, key=len, reverse=True)) + r")(?![\w-])", re.IGNORECASE)
_HANDLE = re.compile(r"(?:follow|folgen|suivez|follow us)\b[^@\n]{0,40}@(\w{3,30})", re.IGNORECASE)
_PHOTO_ORG = re.compile(r"\b((?:[A-Z][\w&.-]+\s+){0,3}[A-Z][\w&.-]+)\s+(?:file\s+)?photo\s+by\b")
# ISO 3166 codes that handles append to a brand: "@AzerNewsAz", "@BBCWorldUK".
_COUNTRY_SUFFIXES = frozenset("az ru de fr uk us tr ge am ua kr jp cn in it es pl nl at ch".split())


def looks_like_person(name: str) -> bool:
    """Two or more capitalised words: a person; one word ("Azernews") is an organisation."""
    return len(name.split()) >= 2


def _without_byline_words(tokens: list[str]) -> bool:
    """A line's casefolded words hold no word every byline holds, and do not start with a label's: no byline pattern can match it."""
    return _BY_WORDS.isdisjoint(tokens) and (not tokens or tokens[0] not in _LABEL_FIRST_WORDS)


def parse_byline(text: str, tokens: list[str] | None = None) -> dict | None:
    """Metadata stated by a byline/dateline, or None when the line is not one.

    Handles "By Vugar Khalilov", "date 2022-06-21 By Azernews", "Von Anna Muster",
    "Author: Jane Doe", "Posted by Jane Doe".  A one-word name after "By" is
    an organisation (the site), not an author; after "Posted by", a user's
    handle, which states nothing.
    `tokens` (casefolded words) let the caller skip lines without a "by" word.
    """
    if len(text) > MAX_BYLINE_CHARS or (tokens is not None and _without_byline_words(tokens)):
        return None
    found: dict = {}
    korean = _KOREAN_BYLINE.match(text)
    if korean:
        return {"author": korean.group("name")}
    match = _BYLINE.match(text)
    if not match:
        match = _DATE_THEN_BY.match(text)
        if match:
            spans = date_spans(match.group("date"))
            if not spans:
                return None
            if spans[0][2]:  # not a date that reads both ways
                found["published"] = spans[0][2]
    if not match:
        return None
    found.update(_named(match, text))
    return found


def _named(match: re.Match, text: str) -> dict:
    """What a byline's name states: the author (two words or more), or the site (one word after "By"; after "Posted by" a user's handle, nothing)."""
    name = match.group("name").strip(" .,")
    if looks_like_person(name):
        return {"author": name}
    return {} if _NOUN_BY.match(text) else {"site": name}


def parse_credit_line(text: str, tokens: list[str] | None = None) -> dict | None:
    """An author note such as "source: This op-ed was prepared for X by Dr Y, Head of ..."."""
    if tokens is not None and (not tokens or tokens[0] not in _CREDIT_WORDS):
        return None
    if not _CREDIT_LINE.match(text) or len(text) > 600:
        return None
    found: dict = {}
    match = _CREDIT_BY.search(text)
    if match:
        found["author"] = match.group("name")
    return found or None


def lines_with_year(texts: list[str], max_chars: int | None = None) -> set[int]:
    """The lines (of at most `max_chars`) that hold a year, from one scan; those up to MAX_DATELINE_CHARS can be datelines."""
    if max_chars is None:
        return lines_matching(HAS_YEAR, texts)
    short = [i for i, text in enumerate(texts) if len(text) <= max_chars]
    return {short[k] for k in lines_matching(HAS_YEAR, [texts[i] for i in short])}


# Beside a dateline's date: a weekday, a time, separators, and the words
# that mark a year or a time ("2025 р.", "2025 ж.", "saat 14:30", "в 14:30").
# A reading time beside the date ("7 min read", "5 Min. Lesezeit", "3 мин чтения", "4 dk okuma", "5분 읽기").
_READING_TIME = (
    r"\d+\s*(?:minutes?|mins?|minuten?|min|минут[аы]?|мин|хвилин[аи]?|хв|dakika|dk|dəqiqə|dəq|წუთი|წთ|րոպե|분)\.?"
    r"(?:\s*(?:to read|read|reading|lesezeit|lesedauer|de lecture|de lectura|di lettura|czytania|de leitura|чтения|читання|"
    r"okuma(?: süresi)?|oxuma|оқу|წასაკითხად|კითხვა|ընթերցում|읽기))?"
)
_DATELINE_REST = re.compile(
    rf"{_READING_TIME}|\b(?:{_WEEKDAY}|den|le|el|г|р|ж|года|року|жылы|жылғы|წ|թ|saat|в|о|utc|gmt|est|edt|cst|cdt|pst|pdt|cet|cest|msk|kst)\b|[\d\s:./|,·•@-]|uhr|am|pm|at|um", re.IGNORECASE
)

# An update's label, and the separators after it ("Updated: ").
_UPDATE_LABEL = re.compile(UPDATE_LABEL.pattern + r"\W*", re.IGNORECASE)
# A line that opens with an update's label ("Last updated: August 25, 2025", "Updated on", "Обновлено:", "Son güncelleme:").
_UPDATE_PREFIX = re.compile(r"^\W*(?:\w+\s+){0,2}" + UPDATE_LABEL.pattern + r"(?:\s+(?:on|am|le|el|il|em))?\W*", re.IGNORECASE)


def _only_an_update_label(between: str) -> bool:
    """The text between two dates is an update's label, with maybe a time and separators ("09:00 | Updated:")."""
    label = _UPDATE_LABEL.search(between)
    return label is not None and not _DATELINE_REST.sub("", between[: label.start()] + " " + between[label.end() :])


def parse_dateline(text: str, has_year: bool | None = None) -> dict | None:
    """A line that states only a publication date ("Date: 2025.04.04 / 11:12"): {"published": ...}; None for any other line.

    A dateline whose date reads both ways ("05/06/2025": day or month
    first) states nothing: {}.  `has_year`: whether the line is in
    lines_with_year, when the caller knows.
    """
    if len(text) > MAX_DATELINE_CHARS or not (HAS_YEAR.search(text) if has_year is None else has_year):
        return None
    stripped = _DATE_PREFIX.sub("", text)
    # An update's stamp is furniture too, but its date is not the publication's: it states nothing.
    update = _UPDATE_PREFIX.match(stripped)
    if update:
        stripped = stripped[update.end() :]
    # One date, and nothing but a time, a weekday and separators beside it
    # (two dates are a range: "21 Feb 2007 - 23 Mar 2021" on an archived
    # copy's toolbar).
    spans = date_spans(stripped)
    if len(spans) == 2 and _only_an_update_label(stripped[spans[0][1] : spans[1][0]]):
        # The publication date, then the update's: "입력 2024.05.06 09:00 수정 2024.05.06 10:30".
        spans, stripped = spans[:1], stripped[: spans[0][1]]
    elif len(spans) == 1:
        # The update's date glued to it, as a theme prints both and hides one ("June 29, 2020November 12, 2021").
        glued = date_spans(stripped[spans[0][1] :])
        if glued and glued[0][0] == 0:
            stripped = stripped[: spans[0][1]] + stripped[spans[0][1] + glued[0][1] :]
    if len(spans) != 1:
        return None
    start, end, published = spans[0]
    if _DATELINE_REST.sub("", stripped[:start] + " " + stripped[end:]):
        return None
    return {"published": published} if published and not update else {}


# What parts of a line a site prints its byline and date in are separated by ("Jane Doe | May 6, 2024 · 09:00").
_PARTS = re.compile(r"\s*[|·•]\s*|\s+[–—-]\s+")
_SEPARATED = re.compile(r"[|·•]|\s[–—-]\s")
# A "by" a dump glued to the date before it ("2.03.2018von Dennis Ziesecke"): no word of its own.
_GLUED_TO_DATE = re.compile(rf"\d(?:{bylinewords.LEADING_BY_WORDS})\s", re.IGNORECASE)
# A name with no "By" beside a date is a byline of at most this many words (more may be a headline: "Weekly Stock Market Update | 6 May 2024").
MAX_BARE_NAME_WORDS = 3
# A word of the date's that stands between the name and the date, maybe glued to the name ("By Korin MillerPublished: Jan 29, 2025", "Par Matthieu Hy le 07 Mai 2020").
_DATE_WORD_AFTER_NAME = re.compile(
    r"(?:(?:\s+(?i:(?:last\s+)?updated|published|posted|veröffentlicht|aktualisiert|publié|publicado|pubblicato|опубликовано|обновлено|"
    r"опубліковано|оновлено|on|am|vom|le|el|de|del|il))+|(?<=[a-z])(?:Published|Posted|Updated|Last Updated))\s*:?\s*$"
)
# The glued head of a date's first word ("ZeldmanNovember" starts at "Zeldman").
_GLUED_HEAD = re.compile(r"[^\W\d_]*?[a-z](?=[A-Z][a-z]{2,})")
# The edges of a byline cut from the date beside it ("Автор: Иван Петров, 6 мая 2024").
_CUT_EDGES = " ,;-–—/"


def parse_byline_and_date(text: str, tokens: list[str] | None = None) -> dict | None:
    """A line that is a byline and the date, in either order ("Автор: Іван Петренко | 6 травня 2024, 09:00", "May 6, 2024 · By Jane Doe"): what it states; None for any other line.

    Its parts are one date (a dateline's words, a time and a weekday beside
    it) and one byline; a bare name ("Ahmet Yılmaz | 06 Mayıs 2024") makes
    the line metadata too, but only a labelled one ("By", "Автор:") is
    taken for the author: a bare one may be a section's or the site's name.
    `tokens` (casefolded words) let the caller skip lines with neither a
    byline's word nor a separator.
    """
    if len(text) > MAX_BYLINE_CHARS or not HAS_YEAR.search(text):
        return None
    if tokens is not None and _without_byline_words(tokens) and not _SEPARATED.search(text) and not _GLUED_TO_DATE.search(text):
        return None
    found: dict = {}
    dated = named = False
    for part in filter(None, (p.strip() for p in _PARTS.split(text))):
        stated = parse_dateline(part)
        if stated is not None and not dated:
            dated = True
            found.update(stated)
            continue
        if _DATELINE_REST.sub("", part) == "":
            continue  # a time or a weekday of its own
        if named:
            return None
        named = True
        if dated or HAS_YEAR.search(part) is None:
            name, mixed = part, False
        else:  # the byline and the date in one part, a comma or a space between
            spans = date_spans(part)
            if len(spans) != 1:
                return None
            start, end, published = spans[0]
            # A name a dump glued to the month ("by Jeffrey ZeldmanNovember 20, 2007"): the date starts at the month.
            glued = _GLUED_HEAD.match(part, start)
            start = glued.end() if glued else start
            before, after = part[:start], part[end:]
            if _DATELINE_REST.sub("", after) == "":
                name = before
            elif _DATELINE_REST.sub("", before) == "":
                name = after
            else:
                return None
            dated = mixed = True
            if published:
                found["published"] = published
        name = name.strip(_CUT_EDGES)
        between = _DATE_WORD_AFTER_NAME.search(name)
        if between:
            name = name[: between.start()].strip(_CUT_EDGES)
            if UPDATE_LABEL.search(between.group(0)):
                found.pop("published", None)  # the date the story was updated, not published
        match = _BYLINE.match(name)
        if match:
            found.update(_named(match, name))
        elif mixed or not is_name(name) or len(name.split()) > MAX_BARE_NAME_WORDS:
            return None  # a bare name needs a separator of its own, and a few words: "Weekly Market Update, 6 May 2024" may be a headline
    return found if dated and named else None


_NAME_ONLY = re.compile(rf"{_HONORIFIC}?{_NAME}")


def is_name(text: str) -> bool:
    """A line that is only a name: capitalised words, particles, "and" between two ("Anna Muster", "Dr. Lars Fischer und Alina Schadwinkel")."""
    return _NAME_ONLY.fullmatch(text.strip(" .,")) is not None


def label_of(text: str) -> str | None:
    """'author' or 'date' for a bare label line ("Author", "Datum:")."""
    word = text.strip(" :\t").lower()
    if word in AUTHOR_LABELS:
        return "author"
    if word in DATE_LABELS:
        return "date"
    return None


def site_from_handle(handle: str) -> str:
    """"AzerNewsAz" -> "AzerNews": a brand handle with a country code appended."""
    parts = re.findall(r"[A-Z][a-z]+|[A-Z]+(?![a-z])|[a-z]+|\d+", handle)
    if len(parts) >= 3 and parts[-1].lower() in _COUNTRY_SUFFIXES and parts[-1][0].isupper():
        return "".join(parts[:-1])
    return handle


# Characters that match an ASCII letter of _HANDLE's words under
# re.IGNORECASE although str.lower() does not turn them into it.
_CASE_FOLDING_ODDITIES = ("ſ", "ı", "İ")
# The words a _HANDLE match starts with ("follow us" starts with "follow").
_HANDLE_WORDS = ("follow", "folgen", "suivez")


def _may_hold_handle(page: str, lowered: str) -> bool:
    """False when _HANDLE cannot match: none of its words is in the page (a substring test instead of a regex scan)."""
    return any(word in lowered for word in _HANDLE_WORDS) or any(ch in page for ch in _CASE_FOLDING_ODDITIES)


def _find_handle(page: str, lowered: str) -> re.Match | None:
    """_HANDLE.search(page), tried only where one of its words starts.

    A case-insensitive search over a whole page tries the alternation at
    every character (~0.4 ms on a page that holds "follow" and "@").  A
    match starts where the lower-cased page holds one of the words, at the
    same offset when lower-casing kept the page's length.
    """
    if len(lowered) != len(page) or any(ch in page for ch in _CASE_FOLDING_ODDITIES):
        return _HANDLE.search(page)
    starts: set[int] = set()
    for word in _HANDLE_WORDS:
        at = lowered.find(word)
        while at >= 0:
            starts.add(at)
            at = lowered.find(word, at + 1)
    for at in sorted(starts):
        match = _HANDLE.match(page, at)
        if match:
            return match
    return None


# What a top-level part looks like: a dot, letters, no word character or
# "-" after them.  A case-blind alternation of every TLD, tried at each of
# a page's dots, costs ~4x as much as this; _TLD_HIT then decides.
_TLD_SHAPE = re.compile(r"\.[a-z]+(?![\w-])", re.IGNORECASE)


def _tld_hits(page: str) -> Iterator[re.Match]:
    """_TLD_HIT.finditer(page): the same matches, the full pattern tried only where one could start.

    A _TLD_HIT match is a dot and the whole run of letters after it, so it
    starts where _TLD_SHAPE matches and ends where that match ends.
    """
    for shape in _TLD_SHAPE.finditer(page):
        hit = _TLD_HIT.match(page, shape.start())
        if hit is not None:
            yield hit


def guess_site(lines: list[str]) -> str | None:
    """The publisher named by the page itself: a domain it repeats, its handle, or a photo credit."""
    domains: Counter = Counter()
    # One scan over the whole page (lines joined) rather than one per line.
    page = "\n".join(lines)
    for hit in _tld_hits(page):
        left = _DOMAIN_LEFT.search(page, max(0, hit.start() - 64), hit.start())
        if not left or (left.start() > 0 and page[left.start() - 1] in "@/"):
            continue
        domain = left.group(0) + hit.group(0)
        if domain.lower() in PLATFORM_DOMAINS or len(domain) < 5:
            continue
        if any(ch.isdigit() for ch in domain.split(".")[0]):
            continue
        domains[domain] += 1
    if domains:
        domain, count = domains.most_common(1)[0]
        if count >= 2:
            return domain
    lowered = page.lower()
    match = _find_handle(page, lowered) if "@" in page and _may_hold_handle(page, lowered) else None
    if match:
        return site_from_handle(match.group(1))
    match = _PHOTO_ORG.search(page) if "photo by" in lowered else None
    if match:
        org = match.group(1).strip()
        return f"The {org}" if f"The {org}" in page else org
    return None
