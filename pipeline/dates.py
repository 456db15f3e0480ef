"""Calendar dates as pages write them, in the languages the pipeline meets, read as YYYY-MM-DD.

One reader for every part of the pipeline: a dump's metadata
(pipeline.dumps.metadata), the cleaner's datelines and bylines
(pipeline.clean.byline) and an HTML page's own dateline
(pipeline.metadata).  It reads numeric dates (2025-04-04, 04.04.2025,
2025년 4월 4일, 2025年4月4日), month names in many languages and their case
forms ("4 апреля 2025", "4 квітня 2025", "4 Nisan 2025", "4 აპრილი 2025",
"4 ապրիլի 2025", "2025 жылғы 4 сәуір", "April 4, 2025"), the year first
with its own ending or label ("2025-ci il 4 aprel", "2025 թ. ապրիլի 4",
"2025. 4. 4."), and a slashed date only where one of its numbers cannot be
a month.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

# Month names and their stems; a word that starts with a stem (and goes on
# for at most MONTH_SUFFIX_CHARS: a case ending, "января", "ianuarie",
# "հունվարի") names that month.
MONTH_SUFFIX_CHARS = 4
_MONTH_STEMS = {
    1: "jan january januar jänner janvier enero gennaio janeiro januari styczeń stycznia ianuarie ocak yanvar янв январ січ қаңтар იანვ հունվար",
    2: "feb february februar février fevrier febrero febbraio fevereiro februari luty lutego şubat subat fevral фев феврал лют ақпан თებერვ փետրվար",
    3: "mar march märz mars marzo março maart marca mart март берез наурыз მარტ մարտ",
    4: "apr april avril abril aprile kwiecień kwietnia nisan aprel апр апрел квіт сәуір აპრილ ապրիլ",
    5: "may mai mayo maggio maio mei maj maja mayıs мая май трав мамыр მაის մայիս",
    6: "jun june juni juin junio giugno junho czerwiec czerwca haziran iyun июн черв маусым ივნის հունիս",
    7: "jul july juli juillet julio luglio julho lipiec lipca temmuz iyul июл лип шілде ივლის հուլիս",
    8: "aug august août aout agosto augustus sierpień sierpnia ağustos agustos avqust авг август серп тамыз აგვისტ օգոստոս",
    9: "sep sept september septembre septiembre setiembre settembre setembro wrzesień września eylül sentyabr сен сентябр верес қыркүйек სექტემბ սեպտեմբեր",
    10: "oct october oktober octobre octubre ottobre outubro październik października ekim oktyabr окт октябр жовт қазан ოქტომბ հոկտեմբեր",
    11: "nov november novembre noviembre novembro listopad listopada kasım noyabr ноя ноябр листопад қараша ნოემბ նոյեմբեր",
    12: "dec december dezember décembre decembre diciembre dicembre dezembro grudzień grudnia aralık dekabr дек декабр груд желтоқсан დეკემბ դեկտեմբեր",
}
# Turkish and Azerbaijani capitals: "İyun" casefolds to "i̇yun" (a dot above
# kept as its own mark), "KASIM" to "kasim" (no dotless ı); both sides are
# compared without the dot and with ı as i.
_DOTS = str.maketrans({"\u0307": None, "ı": "i"})


def _folded(word: str) -> str:
    return word.casefold().translate(_DOTS)


_STEMS = sorted(((_folded(stem), month) for month, stems in _MONTH_STEMS.items() for stem in stems.split()), key=lambda s: -len(s[0]))


def month_number(word: str) -> int | None:
    word = _folded(word).rstrip(".")
    for stem, month in _STEMS:
        if word.startswith(stem) and len(word) - len(stem) <= MONTH_SUFFIX_CHARS:
            return month
    return None


_YEAR = r"((?:19|20)\d\d)"
_MONTH_WORD = r"([^\W\d_]{3,}\.?)"
_DAY = r"(\d{1,2})"
# A date runs into the next element where a dump glued two together: a
# clock time or a reading time ("October 17, 20236:01 PM ET", "August 25,
# 202515 min read"), or another date (a theme's published and updated
# <time> elements side by side: "3. April 20225. April 2022",
# "12.03.202413.03.2024", "2022-04-032022-04-05").
_GLUED_DATE = r"(?=\d{1,2}\.?\s?[^\W\d_]{3}|\d{1,2}[./-]\d{1,2}[./-](?:19|20)\d\d)"
# A year ends at a non-digit, or where such an element was glued to it.
_YEAR_END = rf"(?:(?!\d)|(?=\d{{1,2}}:\d\d)|(?=\d{{1,3}}\s?(?:min|мин|хв|dk|dəq))|{_GLUED_DATE})"
# "5 May 2025", "5. Mai 2025", "5 de mayo de 2025", "5-го мая 2025", "5-dekabr 2025", "05-May-2025".
_TEXT_DMY = re.compile(
    rf"(?<!\d){_DAY}(?:\.|st|nd|rd|th|er|ro|º|-?(?:го|е|ი)|-)?\s*(?:de\s+|of\s+)?{_MONTH_WORD}(?:,?\s*|-)(?:de\s+|del\s+)?{_YEAR}{_YEAR_END}",
    re.IGNORECASE,
)
# "May 2, 2025", "Jul. 11. 2025" (a full stop after the day, as some sites print it).
_TEXT_MDY = re.compile(rf"(?<![\w]){_MONTH_WORD}\s+{_DAY}(?:st|nd|rd|th)?[,.]?\s+{_YEAR}{_YEAR_END}", re.IGNORECASE)
# A month name a dump glued to the word before it ("By Jane DoeMar 5, 2025"): the capitalised tail of a word.
_GLUED_TAIL = re.compile(r"(?<=[a-z])[A-Z][a-z]{2,}\.?$")
# A year's own ordinal ending or label, as some languages write the year before the day ("2025-ci il", "2025-yil", "2025 жылғы", "2025 թ.", "2025. gada").
_YEAR_LABEL = r"(?:-[^\W\d_]{1,3})?[.,]?(?:\s+[^\W\d_]{1,8}\.?)?"
# "2025 жылғы 29 қаңтар", "2025. gada 29. janvāris", "2025, 29 იანვარი", "2025-ci il 29 yanvar", "2025-yil 29-yanvar".
_TEXT_YDM = re.compile(rf"(?<!\d){_YEAR}{_YEAR_LABEL}\s+{_DAY}(?:\.?\s+|-){_MONTH_WORD}", re.IGNORECASE)
# "2025 թ. հունվարի 29", "2025. január 29.": the year, the month, then the day.
_TEXT_YMD = re.compile(rf"(?<!\d){_YEAR}{_YEAR_LABEL}\s+{_MONTH_WORD}\s+{_DAY}(?![\d:])", re.IGNORECASE)
_CJK = re.compile(r"(?<!\d)((?:19|20)\d\d)\s*[년年]\s*(\d{1,2})\s*[월月]\s*(\d{1,2})(?:\s*[일日])?")
# "2025-01-29", "2025.01.29", and "2025. 1. 29." as Korean pages space it.
_ISO = re.compile(r"(?<!\d)((?:19|20)\d\d)(?:[-/]|\.\s?)(\d{1,2})(?:[-/]|\.\s?)(\d{1,2})(?:(?!\d)|(?=(?:19|20)\d\d[-/.]\d))")
_DMY_NUMERIC = re.compile(rf"(?<![\d.])(\d{{1,2}})[./-](\d{{1,2}})[./-]((?:19|20)\d\d)(?:(?!\d)|{_GLUED_DATE})")
_SLASHED = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})/((?:19|20)\d\d)(?!\d)")

# Every pattern holds a year: a text without one holds no date, decided by one search.
HAS_YEAR = re.compile(r"(?:19|20)\d\d")

# The words that label a date as a later update's, not the publication's
# ("Updated", "Обновлено", "Güncellendi", "수정"): the dateline rule, the
# byline-and-date reader and the dump metadata reader pass over such a date.
UPDATE_LABEL = re.compile(
    r"\b(?:updated?|last updated|modified|edited|revised|aktualisiert|geändert|mis à jour|actualizado|aggiornato|"
    r"atualizado|zaktualizowano|bijgewerkt|güncelle\w*|yenilən\w*|обновл\w*|изменено|оновл\w*|жаңартыл\w*|"
    r"განახლ\w*|թարմաց\w*|수정|업데이트)\b",
    re.IGNORECASE,
)


def _iso(year, month, day) -> str | None:
    try:
        return date(int(year), int(month), int(day)).isoformat()
    except (TypeError, ValueError):
        return None


def _found(text: str) -> list[tuple[int, int, str | None]]:
    """(start, end, YYYY-MM-DD) of every date pattern's match, in page order: "" for a slashed date that reads both ways, None for a match that is no date (a day 31 in June, a word that names no month)."""
    if not HAS_YEAR.search(text):
        return []
    found = []
    for pattern in (_ISO, _CJK):
        for m in pattern.finditer(text):
            found.append((m.start(), m.end(), _iso(*m.groups())))
    for m in _SLASHED.finditer(text):
        a, b, year = (int(g) for g in m.groups())
        if a > 12 >= b:
            found.append((m.start(), m.end(), _iso(year, b, a)))
        elif b > 12 >= a:
            found.append((m.start(), m.end(), _iso(year, a, b)))
        else:
            found.append((m.start(), m.end(), ""))  # reads both ways: a date, but none to give
    for m in _DMY_NUMERIC.finditer(text):
        if "/" not in m.group(0):
            first, second = int(m.group(1)), int(m.group(2))
            # Day first ("18.06.2025"), unless only month first can be read ("06.18.2025").
            month, day = (first, second) if second > 12 >= first else (second, first)
            found.append((m.start(), m.end(), _iso(m.group(3), month, day)))
    for m in _TEXT_DMY.finditer(text):
        found.append((m.start(), m.end(), _iso(m.group(3), month_number(m.group(2)), m.group(1))))
    for m in _TEXT_MDY.finditer(text):
        month = month_number(m.group(1))
        if month is None and (tail := _GLUED_TAIL.search(m.group(1))):
            month = month_number(tail.group(0))
        found.append((m.start(), m.end(), _iso(m.group(3), month, m.group(2))))
    for m in _TEXT_YDM.finditer(text):
        found.append((m.start(), m.end(), _iso(m.group(1), month_number(m.group(3)), m.group(2))))
    for m in _TEXT_YMD.finditer(text):
        found.append((m.start(), m.end(), _iso(m.group(1), month_number(m.group(2)), m.group(3))))
    return sorted(found, key=lambda f: (f[0], -f[1]))


def dates_in(text: str) -> list[str]:
    """Every calendar date written in a text, as YYYY-MM-DD, in the order they stand."""
    return [iso for _, _, iso in _found(text) if iso]


@lru_cache(maxsize=8192)
def parse_date(text: str) -> str | None:
    """The first calendar date written in a short text, as YYYY-MM-DD; None when there is none or it is ambiguous.

    Numeric dates with slashes are read day first or month first only when
    one of the two cannot be a month (25/09/2025, 09/25/2025); 05/06/2025
    is left unread.  Two-digit years are not read.
    """
    found = dates_in(text)
    return found[0] if found else None


def date_spans(text: str) -> list[tuple[int, int, str | None]]:
    """Where dates are written in a text: (start, end, YYYY-MM-DD or None for a slashed date that reads both ways), overlaps merged."""
    spans: list[tuple[int, int, str | None]] = []
    for start, end, iso in _found(text):
        if iso is None or (spans and start < spans[-1][1]):
            continue
        spans.append((start, end, iso or None))
    return spans
