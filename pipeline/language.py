"""Stage 4: language of the article (ISO 639-1 + confidence) and of each kept block."""

from __future__ import annotations

from functools import lru_cache

from .document import Document

UNDETERMINED = "und"
# Below this many letters no detector is reliable; we say "und" instead of guessing.
MIN_LETTERS = 20
# Language identification is linear in text length and a few hundred
# characters from the longest paragraphs decide it; 2000 bounds the cost.
SAMPLE_CHARS = 2000


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect(text: str) -> tuple[str, float]:
    """(ISO 639-1 code, confidence in [0, 1]); ("und", 0.0) when too short to tell."""
    sample = text[:SAMPLE_CHARS]
    if sum(1 for ch in sample if ch.isalpha()) < MIN_LETTERS:
        return UNDETERMINED, 0.0
    code, prob = _identifier().classify(sample)
    return code, float(prob)


# Enough text to pick a stoplist: the longest lines of a page are prose.
STOPLIST_SAMPLE_CHARS = 600


def guess_page_language(lines: list[str]) -> str | None:
    """The language of a page's longest lines: good enough to pick a stoplist."""
    sample = " ".join(sorted(lines, key=len, reverse=True)[:3])[:STOPLIST_SAMPLE_CHARS]
    code, _ = detect(sample)
    return None if code == UNDETERMINED else code


def detect_language(doc: Document) -> Document:
    if not doc.ok:
        return doc
    code, confidence = detect(_article_sample(doc))
    doc.metadata["language"] = code
    doc.metadata["language_confidence"] = round(confidence, 4)
    return doc


def _article_sample(doc: Document) -> str:
    kept = sorted((b.text for b in doc.blocks if b.kept), key=len, reverse=True)
    return " ".join(kept)[:SAMPLE_CHARS]
