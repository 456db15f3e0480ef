"""Stage 2: main-content extraction.

HTML pages go through trafilatura, whose output tree is turned into blocks
(one per paragraph, heading, list item or table row) so that the cleaner can
judge and record each one.  Text dumps are already lines: nothing to do.
"""

from __future__ import annotations

import re

from .document import Block, Document

# trafilatura settings, chosen by measurement on the dev pages (bench/html_bench.py).
TRAFILATURA_SETTINGS = dict(
    include_comments=False,
    include_tables=True,
    include_images=False,
    include_links=False,
    with_metadata=True,
)

_BLOCK_TAGS = {"p": "p", "head": "h", "quote": "p", "code": "p"}
_WS = re.compile(r"\s+")


def extract(doc: Document) -> Document:
    if not doc.ok or doc.format != "html":
        return doc
    import trafilatura

    result = trafilatura.bare_extraction(doc.html, url=doc.metadata.get("url"), **TRAFILATURA_SETTINGS)
    if result is None or result.body is None:
        return doc.reject("no_article: the extractor found no main content")
    doc.blocks = list(_blocks_from_tree(result.body))
    meta = doc.metadata
    meta["title"] = _clean(result.title)
    meta["author"] = _clean(result.author)
    meta["published"] = _clean(result.date)
    meta["site"] = _clean(result.sitename) or _clean(result.hostname)
    meta["description"] = _clean(result.description)
    meta["url"] = meta.get("url") or _clean(result.url)
    if not doc.blocks:
        return doc.reject("no_article: the extractor found no main content")
    return doc


def _clean(value) -> str | None:
    if value is None:
        return None
    value = _WS.sub(" ", str(value)).strip()
    return value or None


def _text(element) -> str:
    return _WS.sub(" ", "".join(element.itertext())).strip()


def _blocks_from_tree(body):
    for element in body:
        tag = element.tag
        if tag == "list":
            for item in element.iter("item"):
                text = _text(item)
                if text:
                    yield Block(text=text, kind="li")
        elif tag == "table":
            for row in element.iter("row"):
                cells = [_text(cell) for cell in row if _text(cell)]
                if cells:
                    yield Block(text=" | ".join(cells), kind="li")
        else:
            text = _text(element)
            if text:
                yield Block(text=text, kind=_BLOCK_TAGS.get(tag, "p"))
