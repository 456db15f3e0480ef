"""Per-line measurements shared by the cleaning rules.

Kept cheap on purpose: the text cleaner must run at hundreds of pages per
second on one core, so every line is measured once, here.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import accumulate

import numpy as np

from .scripts import SENTENCE_STOPS, WORD_CHAR
from .shapes import SENTENCE_END

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

# Possessive quantifiers: the same words as r"\w+(?:[-'’.]\w+)*" (nothing
# follows the repetition, so giving characters back never finds another
# match), without the engine's backtracking bookkeeping: ~25% faster.
_WORD = re.compile(rf"{WORD_CHAR}++(?:[-'’.]{WORD_CHAR}++)*+")
_TRAILING_PUNCT = ".,;:!?\"'()[]«»“”„‘’…"


# jusText's stoplists were counted on Wikipedia text, which quotes English:
# some hold English words, which would count an English quote as prose of
# another language.  Lists of languages written in another script than
# Latin lose their ASCII words (Serbian is written in both); a Latin-script
# list sharing over ENGLISH_STRAY_SHARE of its words with the English list
# loses those (Sundanese, Yoruba, Uzbek; every other list shares under 10%).
_NON_LATIN_SCRIPT = frozenset("ar hy be bn bg ka el gu he hi kn kk ko ky mk ml mr ne fa ru ta te uk ur".split())
ENGLISH_STRAY_SHARE = 0.10


@lru_cache(maxsize=None)
def stopwords(language: str | None) -> frozenset[str]:
    """The stoplist of an ISO 639-1 language; English when unknown or unsupported."""
    import justext

    name = JUSTEXT_STOPLISTS.get(language or "", "English")
    try:
        words = justext.get_stoplist(name)
    except ValueError:
        name, words = "English", justext.get_stoplist("English")
    if language in _NON_LATIN_SCRIPT:
        words = {w for w in words if not w.isascii()}
    # The stoplist files are sorted by frequency only in some languages;
    # short words are the function words, so prefer them when truncating.
    ordered = sorted(sorted(words), key=len)[:MAX_STOPWORDS]  # by (length, word): sort is stable
    stoplist = frozenset(w.strip(_TRAILING_PUNCT + SENTENCE_STOPS).lower() for w in ordered)
    if name != "English" and language not in _NON_LATIN_SCRIPT:
        english = stopwords("en")
        if len(stoplist & english) > ENGLISH_STRAY_SHARE * len(stoplist):
            stoplist -= english
    return stoplist


_CJK_CHARS = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]")
# Lines are measured on their first characters only: a paragraph's first
# 400 characters tell whether it is CJK as well as the whole does.
SAMPLE_CHARS = 400


# Casefolding the Turkish capital "İ" gives "i" and a combining dot above,
# so "İlgili Haberler" would never fold to the "ilgili haberler" of a word
# list or stoplist; fold() drops the dot.
_DOTTED_I = "i\u0307"


def fold(text: str) -> str:
    """A line casefolded for matching against word lists (Turkish "İ" folds to "i")."""
    folded = text.casefold()
    return folded.replace(_DOTTED_I, "i") if "\u0307" in folded else folded


def tokenize(text: str) -> list[str]:
    """Folded words of a line (shared by the measurements and the furniture gate)."""
    return _WORD.findall(fold(text))


def fold_and_tokenize(texts: list[str]) -> tuple[list[str], list[list[str]]]:
    """Each line folded (fold()), and its words (the same as tokenize, line by line)."""
    folded = list(map(str.casefold, texts))
    if any("\u0307" in line for line in folded):
        folded = list(map(fold, folded))  # casefolding again changes nothing: fold drops the dot
    return folded, list(map(_WORD.findall, folded))


# Character classes are read from a table over the Basic Multilingual
# Plane, built once, so that a page's lines are measured in a few numpy
# operations; a character beyond the BMP asks Python.  The flags are those
# of str.isalpha/isdigit/isupper/isspace, _CJK_CHARS, SENTENCE_END,
# Unicode category Pf and BULLETS.
ALPHA, DIGIT, UPPER, SPACE, CJK, SENTENCE_END_CHAR, FINAL_QUOTE, BULLET = 1, 2, 4, 8, 16, 32, 64, 128
# Characters that start a list item.
BULLETS = "•·-–*▪►>"


def _char_flags(ch: str) -> int:
    return (
        # A combining mark is part of its letter (most vowels of Indic scripts are marks).
        (ALPHA * (ch.isalpha() or unicodedata.category(ch)[0] == "M"))
        | (DIGIT * ch.isdigit())
        | (UPPER * ch.isupper())
        | (SPACE * ch.isspace())
        | (CJK * (_CJK_CHARS.match(ch) is not None))
        | (SENTENCE_END_CHAR * (ch in SENTENCE_END))
        | (FINAL_QUOTE * (unicodedata.category(ch) == "Pf"))
        | (BULLET * (ch in BULLETS))
    )


@lru_cache(maxsize=1)
def _bmp_flags() -> np.ndarray:
    """Built on first use (~0.1 s), read-only: every caller indexes a copy out of it."""
    table = np.fromiter((_char_flags(chr(c)) for c in range(0x10000)), np.uint8, 0x10000)
    table.setflags(write=False)
    return table


@dataclass
class PageChars:
    """The characters of a page's lines (concatenated, no separator) with their class flags."""

    codes: np.ndarray  # code point of each character
    flags: np.ndarray  # class flags of each character
    lengths: np.ndarray  # characters per line
    starts: np.ndarray  # index of each line's first character
    line_of: np.ndarray  # line of each character
    offset: np.ndarray  # position of each character within its line

    def head(self, n: int) -> "PageChars":
        """The same for the first n lines."""
        if n >= len(self.lengths):
            return self
        stop = int(self.starts[n])
        return PageChars(
            self.codes[:stop], self.flags[:stop], self.lengths[:n], self.starts[:n], self.line_of[:stop], self.offset[:stop]
        )


def page_chars(texts: list[str]) -> PageChars:
    n = len(texts)
    lengths = np.fromiter(map(len, texts), np.int64, n)
    codes = np.frombuffer("".join(texts).encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    flags = _bmp_flags()[np.minimum(codes, 0xFFFF)]
    for pos in np.flatnonzero(codes > 0xFFFF):
        flags[pos] = _char_flags(chr(codes[pos]))
    starts = np.cumsum(lengths) - lengths
    line_of = np.repeat(np.arange(n), lengths)
    offset = np.arange(len(codes)) - starts[line_of]
    return PageChars(codes, flags, lengths, starts, line_of, offset)


@dataclass
class LineTable:
    """Measurements of every line of a page, one array each."""

    chars: np.ndarray  # characters (int)
    words: np.ndarray  # words (int); CJK lines count two characters a word
    stopword_density: np.ndarray  # share of the words that are stopwords (float)
    ends_sentence: np.ndarray  # the last non-space character ends a sentence (bool)
    cjk: np.ndarray  # a CJK line: Kana/Han are > 30% of its first characters (bool)
    syllabic: np.ndarray  # Hangul or Ethiopic syllables are > 30% of its first characters (bool)
    unpunctuated: np.ndarray  # Thai or Lao letters are > 30% of them: sentences end without a mark (bool)

    def __len__(self) -> int:
        return len(self.chars)

    def head(self, n: int) -> "LineTable":
        """The same for the first n lines."""
        if n >= len(self.chars):
            return self
        return LineTable(
            self.chars[:n], self.words[:n], self.stopword_density[:n], self.ends_sentence[:n], self.cjk[:n],
            self.syllabic[:n], self.unpunctuated[:n],
        )


def measure_lines(
    texts: list[str], stoplist: frozenset[str], tokens: list[list[str]], page: PageChars | None = None
) -> LineTable:
    """The LineTable of a page's lines, given their words (and page_chars(texts) when the caller has it)."""
    return with_stopwords(measure_shapes(texts, tokens, page), stoplist, tokens)


def measure_shapes(texts: list[str], tokens: list[list[str]], page: PageChars | None = None) -> LineTable:
    """What a line's characters tell in any language: its length, words, sentence end and script.

    The stopword density is left at 0, but for CJK lines, which are
    measured by their function characters (with_stopwords fills the rest).
    numpy over the page; Python only for CJK lines.
    """
    n = len(texts)
    if n == 0:
        empty = np.zeros(0, np.int64)
        no = empty.astype(bool)
        return LineTable(empty, empty, np.zeros(0), no, no, no, no)
    if page is None:
        page = page_chars(texts)
    flags, lengths = page.flags, page.lengths
    # The last character that is not a space (what text.rstrip()[-1:] reads).
    solid = np.flatnonzero((flags & SPACE) == 0)
    solid_line = page.line_of[solid]
    last_pos = np.searchsorted(solid_line, np.arange(n), side="right") - 1
    has_last = last_pos >= 0
    has_last[has_last] = solid_line[last_pos[has_last]] == np.arange(n)[has_last]
    last_flags = np.where(has_last, flags[solid[np.maximum(last_pos, 0)]] if len(solid) else 0, 0)
    ends_sentence = has_last & ((last_flags & (SENTENCE_END_CHAR | FINAL_QUOTE)) > 0)
    # CJK: more than 30% of the first SAMPLE_CHARS characters are Kana or Han.
    head = page.offset < SAMPLE_CHARS
    sample = 0.3 * np.minimum(lengths, SAMPLE_CHARS)
    cjk = np.bincount(page.line_of[((flags & CJK) > 0) & head], minlength=n) > sample
    codes = page.codes
    syllables = ((codes >= 0xAC00) & (codes <= 0xD7AF)) | ((codes >= 0x1200) & (codes <= 0x137F))
    syllabic = np.bincount(page.line_of[syllables & head], minlength=n) > sample
    unpunctuated = np.bincount(page.line_of[(codes >= 0x0E00) & (codes <= 0x0EFF) & head], minlength=n) > sample
    words = np.fromiter(map(len, tokens), np.int64, n)
    density = np.zeros(n)
    for i in np.flatnonzero(cjk).tolist():
        # Two characters per "word" is the usual rule of thumb for zh/ja.
        text = texts[i]
        words[i] = max(1, len(text) // 2)
        function = sum(1 for ch in text if ch in CJK_FUNCTION_CHARS)
        density[i] = min(1.0, function * 2 / words[i])
    return LineTable(lengths, words, density, ends_sentence, cjk, syllabic, unpunctuated)


def with_stopwords(lines: LineTable, stoplist: frozenset[str], tokens: list[list[str]]) -> LineTable:
    """The lines (measure_shapes) with each non-CJK line's share of stopwords among its words."""
    n = len(lines)
    if n == 0:
        return lines
    # One lookup per word of the page.
    words = np.fromiter(map(len, tokens), np.int64, n)
    is_stopword = stoplist.__contains__
    hits = np.fromiter([sum(map(is_stopword, line_words)) for line_words in tokens], np.int64, n)
    density = np.where(lines.cjk, lines.stopword_density, np.divide(hits, words, out=np.zeros(n), where=words > 0))
    return replace(lines, stopword_density=density)


# A page's stoplist describes its language when its longest lines (the
# article's paragraphs, on an article page) hold stopwords: European prose
# holds 30-60%.  Below 10% the stoplist is missing (Thai, Amharic) or its
# function words are suffixes of other words (Korean particles): stopword
# density then says nothing, and the sentence shape stands in for it.
STOPLIST_USABLE_DENSITY = 0.10
SHAPE_SAMPLE_LINES = 3
# A line of prose without stopword evidence: this many words, and a
# sentence end (or this many space-separated phrases in Thai and Lao, which
# end sentences with a space).
SHAPE_MIN_WORDS = 3


def stoplist_describes(lines: LineTable) -> bool:
    """Whether the page's longest non-CJK lines hold enough stopwords for density to tell prose from the rest."""
    spaced = np.flatnonzero(~lines.cjk)
    if not len(spaced):
        return True  # CJK lines are measured by function characters, not the stoplist
    longest = spaced[np.argsort(-lines.chars[spaced], kind="stable")[:SHAPE_SAMPLE_LINES]]
    words = int(lines.words[longest].sum())
    hits = float((lines.stopword_density[longest] * lines.words[longest]).sum())
    return words == 0 or hits >= STOPLIST_USABLE_DENSITY * words


# German and English news paragraphs hold about half stopwords, and the
# core's thresholds on stopword density (STOPWORD_PROSE) were set on such
# pages.  Prose in a language whose function words are mostly suffixes, or
# that has no articles, holds far fewer of its stoplist's words: in the
# languages below, more than half of the news paragraphs of tests/data/langid
# fall under STOPWORD_PROSE (TYPICAL_PROSE_DENSITY: their median share,
# bench/bench_stopwords.py).  For the core and the prose the rules count
# (scaled_density), their lines' densities are scaled by
# PROSE_DENSITY_REFERENCE / that median, at most MAX_DENSITY_SCALE, so that
# a paragraph of Azerbaijani prose counts as one of German prose does.  The
# learned models read the densities as measured, as they were trained.
PROSE_DENSITY_REFERENCE = 0.50
TYPICAL_PROSE_DENSITY = {"ko": 0.11, "he": 0.11, "ka": 0.15, "az": 0.20, "kk": 0.20, "uk": 0.21, "tr": 0.22, "ar": 0.22, "ru": 0.27}
# A stoplist that covers as little as Korean's, Hebrew's or Georgian's would count its few hits for too much scaled further.
MAX_DENSITY_SCALE = 3.0


def density_scale(language: str | None) -> float:
    """What a line's stopword density is multiplied by for the rules in `language` (1.0 in the languages the thresholds were set on)."""
    typical = TYPICAL_PROSE_DENSITY.get(language or "")
    return min(MAX_DENSITY_SCALE, PROSE_DENSITY_REFERENCE / typical) if typical else 1.0


def scaled_density(lines: LineTable, language: str | None) -> LineTable:
    """The lines with their non-CJK stopword densities scaled to the German and English level (density_scale), at most 1."""
    scale = density_scale(language)
    if scale == 1.0 or not len(lines):
        return lines
    density = np.where(lines.cjk, lines.stopword_density, np.minimum(1.0, lines.stopword_density * scale))
    return replace(lines, stopword_density=density)


def shape_density(lines: LineTable, prose_density: float) -> LineTable:
    """The lines with sentence shape standing in for stopword density: `prose_density` for sentences, 0 otherwise.

    CJK lines keep their function-character density.  A Thai or Lao line
    of several phrases ends a sentence where it ends.
    """
    ends = lines.ends_sentence | (lines.unpunctuated & (lines.words >= SHAPE_MIN_WORDS))
    sentence = (lines.words >= SHAPE_MIN_WORDS) & ends
    density = np.where(lines.cjk, lines.stopword_density, np.where(sentence, prose_density, 0.0))
    return replace(lines, stopword_density=density, ends_sentence=ends)


def lines_matching(pattern: re.Pattern, texts: list[str], page: str | None = None) -> set[int]:
    """Indices of the lines in which `pattern` finds a match, from one scan of the page.

    For patterns that never match a newline and have no anchor or
    lookaround that a newline would answer differently from the start or
    end of a line: a line's match is then found in the page, and a match
    in the page lies in one line.  `page` is "\n".join(texts) when the caller has it.
    """
    if page is None:
        page = "\n".join(texts)
    match = pattern.search(page)
    if match is None:
        return set()
    ends = list(accumulate(map((1).__add__, map(len, texts))))  # one past each line's newline
    found = set()
    while match is not None:
        line = bisect_right(ends, match.start())
        found.add(line)
        # The rest of this line cannot add anything: go on from the next one.
        match = pattern.search(page, ends[line]) if line + 1 < len(ends) else None
    return found


def lines_containing(needles: tuple[str, ...], texts: list[str], page: str | None = None) -> set[int]:
    """Indices of the lines that hold one of the literal `needles` (none holding a newline), from a str.find scan of the page per needle.

    Faster than lines_matching over an alternation of literals: the regex
    engine tries every alternative at every position, str.find runs each
    needle through the page in C.  `page` is "\n".join(texts) when the caller has it.
    """
    if page is None:
        page = "\n".join(texts)
    hits = []
    for needle in needles:
        start = page.find(needle)
        while start != -1:
            hits.append(start)
            start = page.find(needle, start + len(needle))
    if not hits:
        return set()
    ends = list(accumulate(map((1).__add__, map(len, texts))))  # one past each line's newline
    return {bisect_right(ends, hit) for hit in hits}
