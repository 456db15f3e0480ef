"""Stage 4: language of the article (ISO 639-1 + confidence) and of each kept block.

Detection has two parts:

1. gates on the text itself, the same for every backend: too few letters,
   or no script holding most of them, gives "und" (undetermined);
2. a backend that names the language of what passed the gates.

Backends (``Options.language_backend``, ``--language-backend``):

- ``auto`` (default): the Unicode script decides where it alone tells the
  language (Hangul, Armenian, Georgian, Greek, Hebrew, Thai, Kana, Han), and
  so does the letter "ə", which among Latin alphabets only Azerbaijani
  writes; other texts (Latin, Cyrillic, Arabic, Devanagari, ...) go to
  py3langid.  Measured best on tests/data/langid (bench/bench_language.py;
  figures in bench/README.md).
- ``py3langid``: py3langid alone (142 languages, naive Bayes on byte n-grams).
- ``langdetect``: langdetect with a fixed seed, so the same text always gets
  the same answer.  It has no Azerbaijani, Armenian or Georgian profile.
- ``lingua``: lingua-language-detector, when installed (``pip install -e
  '.[lingua]'``): accurate on short texts but a 96 MB install and ~20 s to
  load its models per process.

Every backend answers ISO 639-1 codes where one exists (``zh``, not
``zh-cn`` or ``wuu``); a language without a two-letter code keeps its ISO
639-3 code.  Detection is deterministic and offline.
"""

from __future__ import annotations

import importlib.util
import os
import re
from functools import lru_cache
from pathlib import Path
from typing import Protocol

from .document import Document

UNDETERMINED = "und"

# Below this many letters no detector is reliable (a name, a date, "Foto: AP");
# we say "und" instead of guessing.  Calibrated on the headlines of the
# labelled set cut to their first words (languages the script does not
# settle): py3langid is right on 66% of cuts with 6+ letters, 88% with 12+,
# 95% with 16+, 96% with 20+.  16 is where it reaches the 95% we ask of
# headlines.  A Han, Kana or Hangul character carries about as much as
# LETTERS_PER_CJK_CHAR Latin letters (an English word averages 5 letters, a
# Chinese one 1.7 characters).
MIN_LETTERS = 16
LETTERS_PER_CJK_CHAR = 3
# A block gets its own language only from a sentence's worth of letters:
# shorter blocks (captions, bylines, list items) are the ones most often
# mixed or mis-named, and each would cost a model call.
BLOCK_MIN_LETTERS = 40
# py3langid's cost is linear in the bytes it reads, and a few hundred
# characters decide the language: every 5 KB article of the labelled set is
# identified correctly from its first 600 characters, at about a fifth of the
# cost of 2000 (0.3 vs 1.4 ms for Russian; bench/bench_language.py).
SAMPLE_CHARS = 600
# A block is one paragraph; its first 200 characters are a sentence or two,
# which is what the paragraph band of the labelled set holds (100% there).
BLOCK_SAMPLE_CHARS = 200
# "Too mixed to tell": when no script group holds half of the letters (a
# third each of Russian, English and Greek), one language would be a guess.
MIN_SCRIPT_SHARE = 0.5
# Japanese is Han plus Kana; Chinese never writes Kana.  Kana are 43-59% of
# the letters of the Japanese paragraphs in the labelled set and 30% or more
# of its headlines; 10% leaves room for kanji-heavy headlines while a Chinese
# text quoting a Japanese name stays zh.
MIN_KANA_SHARE_JA = 0.10
# "ə" is 10% of the letters of the Azerbaijani samples (4-18% per sample
# that has one); no other Latin alphabet in a news archive uses it.  Below
# 3% (an Azerbaijani name or two in an English sentence) the model decides.
MIN_SCHWA_SHARE_AZ = 0.03

BACKENDS = ("auto", "py3langid", "langdetect", "lingua")

# Letters only (digits, punctuation and combining marks that are not part of
# a syllable are left out), per script.
_SCRIPT_LETTERS = {
    "Latin": "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u02af\u1e00-\u1eff",
    "Cyrillic": "\u0400-\u0481\u048a-\u052f",
    "Greek": "\u0386\u0388-\u03ff\u1f00-\u1fff",
    "Armenian": "\u0531-\u0556\u0561-\u0587",
    "Georgian": "\u10a0-\u10ff\u1c90-\u1cbf",
    "Hebrew": "\u05d0-\u05ea\u05f0-\u05f2",
    "Arabic": "\u0620-\u064a\u066e-\u06d3\u06d5\u06fa-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufefc",
    "Devanagari": "\u0900-\u0963\u0971-\u097f",
    "Thai": "\u0e01-\u0e3a\u0e40-\u0e4e",
    "Hangul": "\u1100-\u11ff\u3131-\u318e\uac00-\ud7af",
    "Kana": "\u3041-\u309f\u30a1-\u30fa\u30fc-\u30ff",
    "Han": "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff",
}
_KNOWN_LETTERS = "".join(_SCRIPT_LETTERS.values())
# One pass over runs of letters of one script (a word, mostly): a Python
# step per word rather than per character, twice as fast as a regex per script.
_SCRIPT_RUNS = re.compile(
    "|".join(f"(?P<{name}>[{chars}]+)" for name, chars in _SCRIPT_LETTERS.items())
    + rf"|(?P<Other>[^\W\d_{_KNOWN_LETTERS}]+)"
)
_CJK = ("Han", "Kana", "Hangul")
# Scripts written by one language of those a news archive holds.
_SCRIPT_LANGUAGE = {
    "Hangul": "ko",
    "Armenian": "hy",
    "Georgian": "ka",
    "Greek": "el",
    "Hebrew": "he",
    "Thai": "th",
}
_SCHWA = re.compile("[əƏ]")

# Codes the backends use for what ISO 639-1 names otherwise.
_ISO_639_1 = {
    "zh-cn": "zh",
    "zh-tw": "zh",
    "yue": "zh",  # Cantonese (py3langid)
    "wuu": "zh",  # Wu Chinese (py3langid); news in Chinese is written Mandarin
    "ary": "ar",  # Moroccan Arabic
    "arz": "ar",  # Egyptian Arabic
    "hbo": "he",  # Ancient Hebrew and Greek: in a news archive these
    "grc": "el",  # classes can only mean the modern languages
    "uzs": "uz",  # Southern Uzbek
    "gug": "gn",  # Paraguayan Guaraní
    "sdh": "ku",  # Southern Kurdish
    "kik": "ki",  # Kikuyu
    "zxx": UNDETERMINED,  # "no linguistic content"
}


def iso_639_1(code: str) -> str:
    code = code.lower()
    return _ISO_639_1.get(code, code)


class Backend(Protocol):
    """Names the language of a text that passed the gates: (code, confidence in [0, 1])."""

    name: str

    def classify(self, text: str) -> tuple[str, float]: ...


class Py3langidBackend:
    name = "py3langid"

    def __init__(self) -> None:
        self._identifier = py3langid_identifier()

    def classify(self, text: str) -> tuple[str, float]:
        code, prob = self._identifier.classify(text)
        return iso_639_1(code), float(prob)


def cache_dir() -> Path | None:
    """Where derived files are kept between runs: $NEWSCLEAN_CACHE_DIR, else $XDG_CACHE_HOME/newsclean, else ~/.cache/newsclean.

    NEWSCLEAN_CACHE_DIR set to an empty value keeps nothing.
    """
    configured = os.environ.get("NEWSCLEAN_CACHE_DIR")
    if configured is not None:
        return Path(configured) if configured else None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "newsclean"


def py3langid_identifier():
    """py3langid's identifier, its model read from an uncompressed copy in cache_dir() when there is one.

    The model ships LZMA-compressed (4.6 MB): decompressing its 68 MB takes
    about a second in every process that starts, as long as an ingest of a
    hundred pages.  The copy is made on first use (the same bytes, written
    to a temporary file and renamed, so a reader never sees half of one),
    named after py3langid's version and the compressed file's size and
    time; reading it takes ~0.05 s.  Where the copy cannot be written or
    read, the model is read as py3langid reads it.
    """
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

    source = Path(MODEL_FILE) if Path(MODEL_FILE).is_absolute() else MODEL_DIR / MODEL_FILE
    copy = None
    try:
        copy = _uncompressed_model(source)
        if copy is not None:
            return _identifier_from_npz(copy, LanguageIdentifier)
    except Exception:  # noqa: BLE001 - any fault of the copy (a full disk, a damaged file): read the original
        if copy is not None:
            copy.unlink(missing_ok=True)  # damaged (copies appear whole or not at all): the next run makes it again
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def _uncompressed_model(source: Path) -> Path | None:
    """The cached uncompressed copy of py3langid's model (made now when missing); None when there is no cache directory."""
    import lzma
    import shutil
    import tempfile
    from importlib.metadata import version

    directory = cache_dir()
    if directory is None:
        return None
    stat = source.stat()
    copy = directory / f"py3langid-{version('py3langid')}-{stat.st_size}-{stat.st_mtime_ns}.npz"
    if copy.exists():
        return copy
    directory.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=directory, prefix=".py3langid-", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as out, lzma.open(source) as compressed:
            shutil.copyfileobj(compressed, out, 1 << 20)
        os.replace(temporary, copy)
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)
    for stale in directory.glob("py3langid-*.npz"):  # copies of other versions of the model
        if stale != copy:
            stale.unlink(missing_ok=True)
    return copy


def _identifier_from_npz(path: Path, identifier_class):
    """A py3langid identifier from the uncompressed model (as py3langid.modelio.load_model reads it, less the LZMA)."""
    import numpy as np
    from py3langid.modelio import _to_array

    with np.load(path, allow_pickle=False) as data:
        return identifier_class(
            np.asarray(data["ptc"]), np.asarray(data["pc"]), data["classes"].tolist(), _to_array(data["nextmove"]),
            data["out_feat"].tolist(), norm_probs=True, tk_row=_to_array(data["nextmove_row"]),
        )


# langdetect draws random n-gram samples; a fixed seed makes it repeatable.
LANGDETECT_SEED = 0


class LangdetectBackend:
    name = "langdetect"

    def __init__(self, seed: int = LANGDETECT_SEED) -> None:
        from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory

        # Our own factory (not langdetect's module-level one), seeded on the
        # instance, so nothing global changes.
        self._factory = DetectorFactory()
        self._factory.load_profile(PROFILES_DIRECTORY)
        self._factory.seed = seed

    def classify(self, text: str) -> tuple[str, float]:
        from langdetect.lang_detect_exception import LangDetectException

        detector = self._factory.create()
        detector.append(text)
        try:
            best = detector.get_probabilities()[0]
        except (LangDetectException, IndexError):
            return UNDETERMINED, 0.0
        return iso_639_1(best.lang), float(best.prob)


class LinguaBackend:
    name = "lingua"

    def __init__(self) -> None:
        from lingua import LanguageDetectorBuilder

        self._detector = LanguageDetectorBuilder.from_all_languages().build()

    def classify(self, text: str) -> tuple[str, float]:
        values = self._detector.compute_language_confidence_values(text)
        if not values or values[0].value <= 0:
            return UNDETERMINED, 0.0
        best = values[0]
        return best.language.iso_code_639_1.name.lower(), float(best.value)


class ScriptFirstBackend:
    """The script (and "ə") where it settles the language; a model elsewhere."""

    name = "auto"

    def __init__(self, model: Backend) -> None:
        self.model = model

    def classify(self, text: str) -> tuple[str, float]:
        return self.classify_counted(text, script_counts(text))

    def classify_counted(self, text: str, counts: dict[str, int]) -> tuple[str, float]:
        group, share = _dominant_group(counts)
        if group in _SCRIPT_LANGUAGE:
            return _SCRIPT_LANGUAGE[group], share
        if group == "CJK":
            cjk = counts.get("Han", 0) + counts.get("Kana", 0)
            kana_share = counts.get("Kana", 0) / cjk if cjk else 0.0
            return ("ja" if kana_share >= MIN_KANA_SHARE_JA else "zh"), share
        if group == "Latin":
            schwas = len(_SCHWA.findall(text))
            if schwas / counts["Latin"] >= MIN_SCHWA_SHARE_AZ:
                return "az", share
        return self.model.classify(text)


_BACKEND_FACTORIES = {
    "py3langid": Py3langidBackend,
    "langdetect": LangdetectBackend,
    "lingua": LinguaBackend,
}


def check_backend(name: str) -> None:
    """Raise ValueError, saying what to do, when backend `name` is unknown or not installed."""
    if name not in BACKENDS:
        raise ValueError(f"language backend must be one of {', '.join(BACKENDS)}, not {name!r}")
    if name == "lingua" and importlib.util.find_spec("lingua") is None:
        raise ValueError("the lingua language backend is not installed: pip install -e '.[lingua]'")


@lru_cache(maxsize=None)
def get_backend(name: str = "auto") -> Backend:
    """The backend called `name` (one of BACKENDS), built once per process."""
    if name == "auto":
        return ScriptFirstBackend(get_backend("py3langid"))
    check_backend(name)
    return _BACKEND_FACTORIES[name]()


def script_counts(text: str) -> dict[str, int]:
    """Letters per script; letters of scripts not listed count as "Other"."""
    counts: dict[str, int] = {}
    for match in _SCRIPT_RUNS.finditer(text):
        name = match.lastgroup
        counts[name] = counts.get(name, 0) + match.end() - match.start()
    return counts


def _weighted_letters(counts: dict[str, int]) -> int:
    return sum(n * (LETTERS_PER_CJK_CHAR if name in _CJK else 1) for name, n in counts.items())


def _dominant_group(counts: dict[str, int]) -> tuple[str | None, float]:
    """The script group with most letters (Han and Kana together as "CJK") and its share."""
    groups: dict[str, int] = {}
    for name, n in counts.items():
        key = "CJK" if name in ("Han", "Kana") else name
        groups[key] = groups.get(key, 0) + n
    total = sum(groups.values())
    if not total:
        return None, 0.0
    group = max(groups, key=groups.get)
    return group, groups[group] / total


def detect(text: str, backend: str = "auto", min_letters: int = MIN_LETTERS) -> tuple[str, float]:
    """(ISO 639-1 code, confidence in [0, 1]); ("und", 0.0) when too short or too mixed to tell.

    Only the first SAMPLE_CHARS characters are read.
    """
    sample = text[:SAMPLE_CHARS]
    counts = script_counts(sample)
    if _weighted_letters(counts) < min_letters:
        return UNDETERMINED, 0.0
    _, share = _dominant_group(counts)
    if share < MIN_SCRIPT_SHARE:
        return UNDETERMINED, 0.0
    chosen = get_backend(backend)
    if isinstance(chosen, ScriptFirstBackend):
        code, confidence = chosen.classify_counted(sample, counts)
    else:
        code, confidence = chosen.classify(sample)
    if code == UNDETERMINED:
        return UNDETERMINED, 0.0
    return code, confidence


# py3langid walks every byte of its sample in Python: half the sample
# settles most pages (those it names with a confidence of 0.999 or more).
QUICK_SAMPLE_CHARS = 300
QUICK_MIN_CONFIDENCE = 0.999


def page_language(lines: list[str], backend: str = "auto") -> tuple[str, float]:
    """The language of a page (ISO 639-1 code, confidence) from its longest lines, the article's paragraphs on an article page.

    The cleaner decides a page's language with this once, before it
    removes anything (pipeline.clean.page), and stores it on the document:
    its stoplist and word weights, and the article's label, are then the
    same language.  The first QUICK_SAMPLE_CHARS of the sample are read
    first; only a page they leave in any doubt is read in full.
    """
    sample = _longest_first(lines)
    code, confidence = detect(sample[:QUICK_SAMPLE_CHARS], backend)
    if confidence < QUICK_MIN_CONFIDENCE and len(sample) > QUICK_SAMPLE_CHARS:
        return detect(sample, backend)
    return code, confidence


def decide_page_language(doc: Document, texts: list[str], backend: str = "auto") -> str:
    """The page's language, decided once (page_language over `texts`) and stored on the document; one already set is kept.

    HTML extraction decides it from the page's blocks (its block features
    need the stoplist), the text cleaner from a dump's densest prose.
    """
    meta = doc.metadata
    if meta.get("language") is None:
        code, confidence = page_language(texts, backend)
        meta["language"] = code
        meta["language_confidence"] = round(confidence, 4)
    return meta["language"]


def detect_language(doc: Document, backend: str = "auto", blocks: bool = True) -> Document:
    """The language stage: the article's language (metadata language/language_confidence) and, with `blocks`, each kept block's.

    The article's language is the one the cleaner decided for the page
    (page_language); only a document nobody decided for (a library caller
    that did not run the cleaner) is read here, from its kept blocks.
    """
    if not doc.ok:
        return doc
    if doc.metadata.get("language") is None:
        code, confidence = detect(_longest_first(b.text for b in doc.blocks if b.kept), backend)
        doc.metadata["language"] = code
        doc.metadata["language_confidence"] = round(confidence, 4)
    for block in doc.blocks if blocks else ():
        if block.kept:
            block.language = block_language(block.text, backend)
    return doc


def block_language(text: str, backend: str = "auto") -> str:
    """A block's language, or "und" below BLOCK_MIN_LETTERS letters."""
    code, _ = detect(text[:BLOCK_SAMPLE_CHARS], backend, min_letters=BLOCK_MIN_LETTERS)
    return code


def _longest_first(texts) -> str:
    """The texts, longest first, joined: what detect reads of them (its first SAMPLE_CHARS characters)."""
    return " ".join(sorted(texts, key=len, reverse=True))[:SAMPLE_CHARS]
