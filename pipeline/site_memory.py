"""Site memory: lines a site prints on many of its pages are boilerplate.

Menus, footers and stock sign-offs ("Follow us on Twitter @...", a fixed
closing paragraph) repeat across a site's pages while articles do not.  The
archive counts, per site, on how many pages each line occurs; a later page
of that site loses the lines with enough evidence, each removal recorded
with the rule `site_memory`.

This module holds the stage and the in-memory store; archive/site_memory.py
is the SQLite store used by `ingest`.
"""

from __future__ import annotations

import hashlib
from typing import Iterable, Protocol
from urllib.parse import urlsplit

from .document import STATUS_OK, Document

RULE_SITE_MEMORY = "site_memory"

# Evidence needed before a line counts as the site's boilerplate.  A site
# with fewer pages than this is never pruned: two pages sharing a line may
# share a quote, five pages sharing it share a template.
MIN_SITE_PAGES = 5
# ... and the line must be on at least this many of them, and this share.
MIN_LINE_PAGES = 3
MIN_LINE_SHARE = 0.2
# Lines longer than this are paragraphs; a stock sign-off is shorter.
MAX_LINE_CHARS = 600
# Safety net: if memory would remove more than this share of a page's kept
# text, the page is a re-publication of an archived one (its own text is
# "repeated"), so memory leaves it alone and dedupe decides.
MAX_REMOVED_SHARE = 0.5


def site_key(doc: Document) -> str | None:
    """The site a page belongs to: its URL's host, else the site name found in the page."""
    return site_key_of(doc.metadata.get("url"), doc.metadata.get("site"))


def site_key_of(url: str | None, site: str | None) -> str | None:
    host = urlsplit(url).hostname if url else None
    key = host or site
    if not key:
        return None
    key = key.strip().lower()
    return key[4:] if key.startswith("www.") else key


def pages_needed(site_pages: int) -> float | None:
    """On how many of a site's learned pages a line must be to count as boilerplate; None when the site has too few pages."""
    if site_pages < MIN_SITE_PAGES:
        return None
    return max(MIN_LINE_PAGES, MIN_LINE_SHARE * site_pages)


def line_hash(line: str) -> str:
    return hashlib.sha1(line.encode("utf-8")).hexdigest()[:16]


def page_lines(lines: Iterable[str]) -> set[str]:
    """Distinct lines of a page that memory learns from."""
    return {line for line in lines if line and len(line) <= MAX_LINE_CHARS}


class SiteMemory(Protocol):
    """Storage of what sites print: in memory (MemorySiteMemory) or in the archive (archive/site_memory.py).

    The rule (how much evidence makes boilerplate) is this module's: stores
    answer `boilerplate` through `pages_needed`.
    """

    def boilerplate(self, site: str) -> frozenset[str]:
        """Hashes of the lines on at least pages_needed(pages learned) of the site's pages."""

    def learn(self, site: str, page_id: str, lines: set[str]) -> None:
        """Count a page's lines for its site (idempotent per page)."""


class MemorySiteMemory:
    """In-process store (tests, library callers)."""

    def __init__(self) -> None:
        self._pages: dict[str, set[str]] = {}
        self._lines: dict[str, dict[str, set[str]]] = {}

    def boilerplate(self, site: str) -> frozenset[str]:
        need = pages_needed(len(self._pages.get(site, ())))
        if need is None:
            return frozenset()
        return frozenset(h for h, seen in self._lines.get(site, {}).items() if len(seen) >= need)

    def learn(self, site: str, page_id: str, lines: set[str]) -> None:
        self._pages.setdefault(site, set()).add(page_id)
        table = self._lines.setdefault(site, {})
        for line in lines:
            table.setdefault(line_hash(line), set()).add(page_id)


def apply_site_memory(doc: Document, memory: SiteMemory) -> Document:
    """Remove kept blocks that the page's site prints everywhere."""
    remove_boilerplate(doc, memory)
    return doc


def remove_boilerplate(doc: Document, memory: SiteMemory) -> int:
    """apply_site_memory, returning how many blocks it removed (the text, and so its signature, changed when any)."""
    if not doc.ok:
        return 0
    site = site_key(doc)
    if not site:
        return 0
    known = memory.boilerplate(site)
    if not known:
        return 0
    hits = [i for i, b in enumerate(doc.blocks) if b.kept and line_hash(b.text) in known]
    kept_chars = sum(len(b.text) for b in doc.blocks if b.kept)
    hit_chars = sum(len(doc.blocks[i].text) for i in hits)
    if not hits or hit_chars > MAX_REMOVED_SHARE * kept_chars:
        return 0
    for i in hits:
        doc.remove_block(i, RULE_SITE_MEMORY)
    return len(hits)


def learn_from(doc: Document, memory: SiteMemory) -> None:
    """Count an accepted page's lines (kept and removed) for its site."""
    if doc.status != STATUS_OK:
        return
    site = site_key(doc)
    if site:
        memory.learn(site, doc.id, page_lines(b.text for b in doc.blocks))
