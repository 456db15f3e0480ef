"""Unicode script of characters and texts (Latin, Cyrillic, Hangul, ...)."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import lru_cache

import numpy as np


def _class_body(wanted, stop: int = 0x10000) -> str:
    """A character-class body of the characters below `stop` for which `wanted(ch)` holds, as ranges."""
    spans: list[list[int]] = []
    for code in range(stop):
        if wanted(chr(code)):
            if spans and spans[-1][1] == code - 1:
                spans[-1][1] = code
            else:
                spans.append([code, code])
    return "".join(re.escape(chr(lo)) + ("-" + re.escape(chr(hi)) if hi > lo else "") for lo, hi in spans)


def _combining_marks() -> str:
    """A character-class body of the BMP's combining marks (Unicode categories Mn, Mc, Me; ~4 ms once)."""
    return _class_body(lambda ch: unicodedata.category(ch)[0] == "M")


# A character of a word.  Python's \w leaves out combining marks, and
# Devanagari, Bengali, Tamil, Thai, Khmer, ... write most vowels with them:
# \w+ reads "नमस्ते" as "नमस", "त" and a Bengali article as one-letter
# fragments, none of them a stopword.  Every tokeniser of the cleaner uses
# this class instead.
WORD_CHAR = "[\\w" + _combining_marks() + "]"
# Full stops of scripts beyond the Latin, Greek, Cyrillic and CJK ones:
# danda and double danda (Devanagari, Bengali, ...), Urdu full stop, Arabic
# question mark, Armenian full stop, Ethiopic full stop, Myanmar section,
# Tibetan shad, halfwidth ideographic full stop, Khmer khan.
SENTENCE_STOPS = "\u0964\u0965\u06d4\u061f\u0589\u1362\u104b\u0f0d\uff61\u17d4"

# Georgian's Mkhedruli letters are lower case to Unicode (its capitals,
# Mtavruli, serve for all-caps only): Georgian opens sentences, names and
# titles with them, as a script without capitals does.
GEORGIAN_LETTERS = re.compile("[\u10d0-\u10ff]")


# A Hangul syllable: Korean, written in blocks of one syllable each.
HANGUL_SYLLABLE = re.compile("[\uac00-\ud7a3]")


def cased_lower(ch: str) -> bool:
    """A lower-case letter of a script that opens sentences and titles with a capital (not one of Georgian's)."""
    return ch.islower() and GEORGIAN_LETTERS.match(ch) is None


@lru_cache(maxsize=1)
def case_classes() -> tuple[str, str, str]:
    """Character-class bodies of the BMP's letters: (small letters and letters of scripts without capitals, capitals, capitals and letters of scripts without them); ~12 ms, once, when first asked."""
    return (
        _class_body(lambda ch: ch.isalpha() and not ch.isupper()),
        _class_body(str.isupper),
        _class_body(lambda ch: ch.isalpha() and not cased_lower(ch)),
    )


def _name_initials() -> str:
    """A character-class body: the letters below U+2000 that may open a name's word (capitals, and any letter of a script without them)."""
    return _class_body(lambda ch: ch.isalpha() and not cased_lower(ch), stop=0x2000)


# The first letter of a name's word: a capital of any cased script (Latin
# with its extensions, Greek, Cyrillic with the Ukrainian and Kazakh letters,
# Armenian), or a letter of a script without capitals (Georgian, Hebrew,
# Arabic...).  Hangul and Han are left out: their names follow other rules.
NAME_INITIAL = "[" + _name_initials() + "]"


# Scripts written without spaces between words: Thai, Lao, Myanmar, Khmer
# (about four characters a word), Kana and Han (under two).
UNSPACED_ALPHABETS = "\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff"
UNSPACED_IDEOGRAPHS = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
UNSPACED = re.compile(f"[{UNSPACED_ALPHABETS}{UNSPACED_IDEOGRAPHS}]")
_UNSPACED_ALPHABET = re.compile(f"[{UNSPACED_ALPHABETS}]")
UNSPACED_IDEOGRAPH = re.compile(f"[{UNSPACED_IDEOGRAPHS}]")
ALPHABET_CHARS_PER_WORD = 4
IDEOGRAPH_CHARS_PER_WORD = 2


def word_count(text: str) -> int:
    """Words of a text: space-separated ones, and in scripts without spaces their characters over a typical word length."""
    words = text.split()
    if UNSPACED.search(text) is None:
        return len(words)
    spaced = sum(1 for word in words if UNSPACED.search(word) is None)
    alphabet = len(_UNSPACED_ALPHABET.findall(text)) / ALPHABET_CHARS_PER_WORD
    ideographs = len(UNSPACED_IDEOGRAPH.findall(text)) / IDEOGRAPH_CHARS_PER_WORD
    return spaced + max(1, round(alphabet + ideographs))


# (first code point, last code point, script) for the scripts news archives
# in our users' regions mix; everything else alphabetic is "Other".
_RANGES = (
    (0x0041, 0x024F, "Latin"),
    (0x0250, 0x02AF, "Latin"),  # IPA extensions: Azerbaijani ə (U+0259) lives here
    (0x0370, 0x03FF, "Greek"),
    (0x0400, 0x052F, "Cyrillic"),
    (0x0530, 0x058F, "Armenian"),
    (0x0590, 0x05FF, "Hebrew"),
    (0x0600, 0x06FF, "Arabic"),
    (0x0750, 0x077F, "Arabic"),
    (0x0900, 0x097F, "Devanagari"),
    (0x0E00, 0x0E7F, "Thai"),
    (0x10A0, 0x10FF, "Georgian"),
    (0x1100, 0x11FF, "Hangul"),
    (0x1C90, 0x1CBF, "Georgian"),
    (0x1E00, 0x1EFF, "Latin"),
    (0x3040, 0x30FF, "Kana"),
    (0x3130, 0x318F, "Hangul"),
    (0x3400, 0x4DBF, "Han"),
    (0x4E00, 0x9FFF, "Han"),
    (0xAC00, 0xD7AF, "Hangul"),
    (0xF900, 0xFAFF, "Han"),
    (0xFB50, 0xFDFF, "Arabic"),
    (0xFE70, 0xFEFF, "Arabic"),
)


# Script names in first-seen order of _RANGES: the index of each in the lookup table.
_SCRIPT_NAMES = list(dict.fromkeys(name for _, _, name in _RANGES))


@lru_cache(maxsize=1)
def _script_table() -> np.ndarray:
    """Per BMP code point: 1 + the index in _SCRIPT_NAMES of its script, 0 for none.

    Built from _RANGES (which do not overlap), except that Latin counts
    letters only (the first Latin range also holds ASCII punctuation such
    as [\\]^_`); nothing beyond the BMP is counted.
    """
    table = np.zeros(0x10000, np.uint8)
    for lo, hi, name in _RANGES:
        if name != "Latin":
            table[lo : hi + 1] = _SCRIPT_NAMES.index(name) + 1
    latin = _SCRIPT_NAMES.index("Latin") + 1
    for lo, hi in ((0x41, 0x5A), (0x61, 0x7A), (0xC0, 0x2AF), (0x1E00, 0x1EFF)):
        table[lo : hi + 1] = latin
    table.setflags(write=False)
    return table


def script_counts(text: str, limit: int = 2000) -> Counter:
    """Letters per script in the first `limit` characters (one table lookup per character, in numpy).

    Scripts in _SCRIPT_NAMES order.
    """
    sample = text[:limit]
    codes = np.frombuffer(sample.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    per_script = np.bincount(_script_table()[np.minimum(codes, 0xFFFF)], minlength=len(_SCRIPT_NAMES) + 1).tolist()
    counts: Counter = Counter()
    for name, n in zip(_SCRIPT_NAMES, per_script[1:]):
        if n:
            counts[name] = n
    return counts


_ASCII_LETTER = re.compile("[A-Za-z]")


def dominant_script(text: str, limit: int = 2000) -> str | None:
    sample = text[:limit]
    if sample.isascii():
        # Only the Latin pattern can match ASCII: one search instead of a scan per script.
        return "Latin" if _ASCII_LETTER.search(sample) else None
    counts = script_counts(sample, limit)
    if not counts:
        return None
    script, _ = counts.most_common(1)[0]
    return script
