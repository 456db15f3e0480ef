"""Per-line measurements shared by the cleaning rules.

Kept cheap on purpose: the text cleaner must run at hundreds of pages per
second on one core, so every line is measured once, here.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

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


def is_cjk(char: str) -> bool:
    code = ord(char)
    return (
        0x3040 <= code <= 0x30FF  # kana
        or 0x3400 <= code <= 0x9FFF  # CJK ideographs
        or 0xF900 <= code <= 0xFAFF
    )


@dataclass
class LineFeatures:
    chars: int
    words: int
    stopword_density: float
    ends_sentence: bool
    cjk: bool
    alpha_ratio: float  # letters / characters
    has_digit: bool

    @property
    def weight_words(self) -> int:
        return self.words


def measure(text: str, stoplist: frozenset[str]) -> LineFeatures:
    chars = len(text)
    cjk_count = sum(1 for ch in text[:400] if is_cjk(ch))
    sample_len = min(chars, 400) or 1
    cjk = cjk_count / sample_len > 0.3
    letters = sum(1 for ch in text[:400] if ch.isalpha())
    if cjk:
        # Two characters per "word" is the usual rule of thumb for zh/ja.
        words = max(1, chars // 2)
        function = sum(1 for ch in text if ch in CJK_FUNCTION_CHARS)
        density = min(1.0, function * 2 / words) if words else 0.0
    else:
        tokens = _WORD.findall(text)
        words = len(tokens)
        hits = sum(1 for tok in tokens if tok.lower() in stoplist)
        density = hits / words if words else 0.0
    last = text.rstrip()[-1:] if text.strip() else ""
    return LineFeatures(
        chars=chars,
        words=words,
        stopword_density=density,
        ends_sentence=bool(last) and (last in SENTENCE_END or unicodedata.category(last) == "Pf"),
        cjk=cjk,
        alpha_ratio=letters / sample_len,
        has_digit=any(ch.isdigit() for ch in text[:400]),
    )
