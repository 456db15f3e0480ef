"""Per-line measurements shared by the cleaning rules.

Kept cheap on purpose: the text cleaner must run at hundreds of pages per
second on one core, so every line is measured once, here.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate

# ISO 639-1 -> jusText stoplist name (the stoplists ship inside the justext wheel).
JUSTEXT_STOPLISTS = {
    "af": "Afrikaans", "sq": "Albanian", "ar": "Arabic", "hy": "Armenian", "az": "Azerbaijani",
    "eu": "Basque", "be": "Belarusian", "bn": "Bengali", "bs": "Bosnian", "br": "Breton",
    "bg": "Bulgarian", "ca": "Catalan", "hr": "Croatian", "cs": "Czech", "da": "Danish",
    "nl": "Dutch", "en": "English", "eo": "Esperanto", "et": "Estonian", "fi": "Finnish",
    "fr": "French", "gl": "Galician", "ka": "Georgian", "de": "German", "el": "Greek",
    "gu": "Gujarati", "ht": "Haitian", "he": "Hebrew", "hi": "Hindi", "hu": "Hungarian",
    "is": "Icelandic", "id": "Indonesian", "ga": "Irish", "it": "Italian", "jv": "Javanese",
    "kn": "Kannada", "kk": "Kazakh", "ko": "Korean", "ku": "Kurdish", "ky": "Kyrgyz",
    "la": "Latin", "lv": "Latvian", "lt": "Lithuanian", "lb": "Luxembourgish", "mk": "Macedonian",
    "ms": "Malay", "ml": "Malayalam", "mt": "Maltese", "mr": "Marathi", "ne": "Nepali",
    "nb": "Norwegian_Bokmal", "no": "Norwegian_Bokmal", "nn": "Norwegian_Nynorsk", "oc": "Occitan",
    "fa": "Persian", "pl": "Polish", "pt": "Portuguese", "qu": "Quechua", "ro": "Romanian",
    "ru": "Russian", "sr": "Serbian", "sh": "Serbo_Croatian", "sk": "Slovak", "sl": "Slovenian",
    "es": "Spanish", "su": "Sundanese", "sw": "Swahili", "sv": "Swedish", "tl": "Tagalog",
    "ta": "Tamil", "te": "Telugu", "tr": "Turkish", "tk": "Turkmen", "uk": "Ukrainian",
    "ur": "Urdu", "uz": "Uzbek", "vi": "Vietnamese", "cy": "Welsh", "fy": "West_Frisian",
    "yo": "Yoruba",
}

# Some shipped stoplists are word-frequency lists of 10k+ entries (Korean,
# Azerbaijani); only their head behaves like function words.  jusText's own
# lists for big European languages are 300-700 words.
MAX_STOPWORDS = 800

# Function characters of scripts written without spaces: their share of the
# characters plays the role of stopword density for zh/ja.
CJK_FUNCTION_CHARS = frozenset("的了是在和有这也就都而及与或之其中为对把被从向着过个们我你他她它不没会能要可以所の我はがをにでとへもやからまでより、。，")

SENTENCE_END = frozenset(".!?…:;\"'”»“›)。！？」』")
_WORD = re.compile(r"\w+(?:[-'’.]\w+)*", re.UNICODE)
_TRAILING_PUNCT = ".,;:!?\"'()[]«»“”„‘’…"


@lru_cache(maxsize=None)
def stopwords(language: str | None) -> frozenset[str]:
    """The stoplist of an ISO 639-1 language; English when unknown or unsupported."""
    import justext

    name = JUSTEXT_STOPLISTS.get(language or "", "English")
    try:
        words = justext.get_stoplist(name)
    except ValueError:
        words = justext.get_stoplist("English")
    # The stoplist files are sorted by frequency only in some languages;
    # short words are the function words, so prefer them when truncating.
    ordered = sorted(words, key=lambda w: (len(w), w))[:MAX_STOPWORDS]
    return frozenset(w.strip(_TRAILING_PUNCT).lower() for w in ordered)


_CJK_CHARS = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]")
# Lines are measured on their first characters only: a paragraph's first
# 400 characters tell whether it is CJK as well as the whole does.
SAMPLE_CHARS = 400


@dataclass(slots=True)
class LineFeatures:
    chars: int
    words: int
    stopword_density: float
    ends_sentence: bool
    cjk: bool


def tokenize(text: str) -> list[str]:
    """Casefolded words of a line (shared by the measurements and the furniture gate)."""
    return _WORD.findall(text.casefold())


def fold_and_tokenize(texts: list[str]) -> tuple[list[str], list[list[str]]]:
    """Each line casefolded, and its words (the same as tokenize, line by line)."""
    folded = [t.casefold() for t in texts]
    return folded, list(map(_WORD.findall, folded))


def measure(text: str, stoplist: frozenset[str], tokens: list[str] | None = None) -> LineFeatures:
    return measure_lines([text], stoplist, [tokenize(text) if tokens is None else tokens])[0]


def measure_lines(texts: list[str], stoplist: frozenset[str], tokens: list[list[str]]) -> list[LineFeatures]:
    """LineFeatures of each line, given its words (one loop: this runs on every line of every page)."""
    is_stopword = stoplist.__contains__
    out = []
    append = out.append
    for text, words in zip(texts, tokens):
        chars = len(text)
        # An ASCII line has no CJK (isascii is O(1)); else max() is a C-speed
        # scan: most lines have no character at or above U+3040.
        if text.isascii():
            cjk = False
        else:
            head = text[:SAMPLE_CHARS]
            cjk = max(head) >= "\u3040" and len(_CJK_CHARS.findall(head)) > 0.3 * len(head)
        if cjk:
            # Two characters per "word" is the usual rule of thumb for zh/ja.
            n_words = max(1, chars // 2)
            function = sum(1 for ch in text if ch in CJK_FUNCTION_CHARS)
            density = min(1.0, function * 2 / n_words)
        else:
            n_words = len(words)
            density = sum(map(is_stopword, words)) / n_words if n_words else 0.0
        last = text.rstrip()[-1:]
        append(
            LineFeatures(
                chars,
                n_words,
                density,
                bool(last) and (last in SENTENCE_END or unicodedata.category(last) == "Pf"),
                cjk,
            )
        )
    return out


def lines_matching(pattern: re.Pattern, texts: list[str], page: str | None = None) -> set[int]:
    """Indices of the lines in which `pattern` finds a match, from one scan of the page.

    For patterns that never match a newline and have no lookaround that a
    newline would answer differently from the start or end of a line: a
    line's match is then found in the page, and a match in the page lies
    in one line.  `page` is "\n".join(texts) when the caller has it.
    """
    if page is None:
        page = "\n".join(texts)
    matches = [m.start() for m in pattern.finditer(page)]
    if not matches:
        return set()
    ends = list(accumulate(len(t) + 1 for t in texts))
    return {bisect_right(ends, start) for start in matches}
