"""Stage 5: exact duplicates (and the hook for near-duplicates).

The content hash folds case, whitespace, punctuation and digits, so the same
story re-wrapped with other spacing or quote marks hashes the same.  The
index that answers "have we stored this before?" is passed in: an in-memory
one for `clean`, the archive's for `ingest` (across every batch).
"""

from __future__ import annotations

import hashlib
import re
from typing import Protocol

from .document import STATUS_DUPLICATE, Document

_NON_LETTERS = re.compile(r"[\W\d_]+", re.UNICODE)


def normalise(text: str) -> str:
    return _NON_LETTERS.sub(" ", text.casefold()).strip()


def content_hash(text: str) -> str:
    return hashlib.sha256(normalise(text).encode("utf-8")).hexdigest()


class DedupeIndex(Protocol):
    def find_duplicate(self, doc: Document) -> str | None:
        """Id of the canonical article this document copies, or None."""

    def add(self, doc: Document) -> None:
        """Remember a stored article."""


class MemoryIndex:
    """Exact-hash index for one process (tests, `clean`, library callers)."""

    def __init__(self) -> None:
        self._by_hash: dict[str, str] = {}

    def find_duplicate(self, doc: Document) -> str | None:
        return self._by_hash.get(doc.content_hash or "")

    def add(self, doc: Document) -> None:
        if doc.content_hash:
            self._by_hash.setdefault(doc.content_hash, doc.id)


def dedupe(doc: Document, index: DedupeIndex) -> Document:
    """Mark a copy of an already-stored article as a duplicate pointing at it."""
    if not doc.ok:
        return doc
    doc.content_hash = content_hash(doc.text)
    original = index.find_duplicate(doc)
    if original is not None and original != doc.id:
        doc.status = STATUS_DUPLICATE
        doc.reason = "duplicate: same text as an archived article"
        doc.duplicate_of = original
    index.add(doc)
    return doc
