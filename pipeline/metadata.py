"""Metadata of an HTML page: title, authors, date, site, canonical URL, description.

trafilatura reads the usual sources (JSON-LD, OpenGraph, <meta> names,
htmldate for the publication date); this module only normalises what it
found and adds what it leaves out: the canonical URL as the page states it
(<link rel=canonical>, then og:url, then the URL the page was fetched from)
and the <html lang> declaration (`language_hint`, for library callers: the
language stage reads the language from the text alone, so a template's
wrong declaration cannot mislabel an article).
Whatever the page does not state stays None: nothing is guessed.
"""

from __future__ import annotations

import re
from datetime import date
from urllib.parse import urljoin, urlsplit

from .document import visible

_WS = re.compile(r"\s+")
_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_LANG_TAG = re.compile(r"^[a-zA-Z]{2,3}(?:[-_][a-zA-Z0-9]{2,8})*$")
# trafilatura joins several authors with "; ".
AUTHOR_SEPARATOR = "; "
# Strings some sites put in author fields that name no one.
_NO_AUTHOR = frozenset({"admin", "administrator", "redaktion", "editor", "staff", "none", "null", "unknown", "anonymous"})


def html_metadata(result, tree=None, fetched_url: str | None = None) -> dict:
    """Metadata keys for a Document from a trafilatura result and the parsed page.

    `result` is trafilatura's Document (bare_extraction with metadata);
    `tree` the lxml tree of the page, when the caller has it;
    `fetched_url` the URL the page was saved from, if the scraper knew it.
    """
    meta = {
        "title": clean_value(getattr(result, "title", None)),
        "author": clean_authors(getattr(result, "author", None)),
        "published": iso_date(getattr(result, "date", None)),
        "site": clean_value(getattr(result, "sitename", None)) or clean_value(getattr(result, "hostname", None)),
        "description": clean_value(getattr(result, "description", None)),
        "url": canonical_url(tree, fetched_url) or _absolute_url(clean_value(getattr(result, "url", None))),
    }
    hint = declared_language(tree)
    if hint:
        meta["language_hint"] = hint
    return meta


def clean_value(value) -> str | None:
    if value is None:
        return None
    value = _WS.sub(" ", visible(str(value))).strip()
    return value or None


def clean_authors(value) -> str | None:
    """Authors joined by "; ", without placeholders ("admin") and repeats."""
    value = clean_value(value)
    if value is None:
        return None
    names: list[str] = []
    for name in value.split(";"):
        name = name.strip(" ,")
        if name and name.lower() not in _NO_AUTHOR and name not in names:
            names.append(name)
    return AUTHOR_SEPARATOR.join(names) or None


def iso_date(value) -> str | None:
    """An ISO 8601 calendar date (YYYY-MM-DD), or None when the value is not a real date."""
    value = clean_value(value)
    if value is None:
        return None
    match = _ISO_DATE.match(value)
    if not match:
        return None
    try:
        return date(*(int(part) for part in match.groups())).isoformat()
    except ValueError:
        return None


def canonical_url(tree, fetched_url: str | None = None) -> str | None:
    """<link rel=canonical>, else og:url, else the fetched URL; relative links resolved against it."""
    if tree is not None:
        for xpath in (
            '//head/link[@href][contains(concat(" ", normalize-space(translate(@rel, "CANONICAL", "canonical")), " "), " canonical ")]/@href',
            '//head/meta[@content][@property="og:url" or @name="og:url"]/@content',
        ):
            for href in tree.xpath(xpath):
                url = _absolute_url(clean_value(href), fetched_url)
                if url:
                    return url
    return _absolute_url(clean_value(fetched_url))


def _absolute_url(url: str | None, base: str | None = None) -> str | None:
    if not url:
        return None
    if base:
        url = urljoin(base, url)
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return None
    return url


def declared_language(tree) -> str | None:
    """The <html lang> (or xml:lang) primary subtag, lower-cased: a hint, not a detection."""
    if tree is None:
        return None
    root = tree.getroottree().getroot() if hasattr(tree, "getroottree") else tree
    value = root.get("lang") or root.get("{http://www.w3.org/XML/1998/namespace}lang")
    value = clean_value(value)
    if not value or not _LANG_TAG.match(value):
        return None
    return re.split(r"[-_]", value)[0].lower()
