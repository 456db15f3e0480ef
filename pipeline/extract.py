"""Stage 2: main-content extraction.

HTML pages go through trafilatura, whose output tree is turned into blocks
(one per paragraph, heading, list item or table row) so that the cleaner can
judge and record each one.  The page's own structure then adds back what
trafilatura is known to drop: the lead paragraph between the headline and
the body, which sites mark up as "lead", "intro", "teaser" or "standfirst"
and trafilatura discards together with real teasers.
Text dumps are already lines: nothing to do.
"""

from __future__ import annotations

import re

from .document import Block, Document, visible
from .metadata import html_metadata

# trafilatura settings, chosen by measurement on the dev pages
# (bench/bench_html.py; extraction only, before cleaning, 949 pages):
#   defaults (as here)        precision 0.911  recall 0.944  F1 0.927
#   favor_precision=True      precision 0.926  recall 0.918  F1 0.922
#   favor_recall=True         precision 0.901  recall 0.942  F1 0.921
# include_comments only fills the separate comments tree, which is not the
# article; include_tables keeps data tables that articles quote.
TRAFILATURA_SETTINGS = dict(
    include_comments=False,
    include_tables=True,
    include_images=False,
    include_links=False,
    with_metadata=True,
)

_BLOCK_TAGS = {"p": "p", "head": "h", "quote": "p", "code": "p"}
_WS = re.compile(r"\s+")

# class/id words that mark an article's lead (standfirst) in page templates.
_LEAD_MARK = re.compile(
    r"(?:^|[-_\s])(?:lead|leadin|intro|introtext|teaser|excerpt|standfirst|chapo|deck|"
    r"summary|subtitle|subheadline|sub-headline|subline|description|abstract|kurztext|vorspann)(?:$|[-_\s])",
    re.IGNORECASE,
)
# ... unless the same element or a near ancestor says it is a list of other articles.
_NOT_LEAD = re.compile(
    r"related|sidebar|widget|list|card|nav|menu|footer|comment|recommend|more|slider|carousel|"
    r"popular|latest|promo|newsletter|cookie|modal|meta",
    re.IGNORECASE,
)
_LEAD_TAGS = ("p", "div", "h2", "h3", "span", "section", "header", "strong")
# A lead is at least a sentence and at most a paragraph or two; shorter text
# is a kicker or a label, longer a whole article preview.
LEAD_MIN_CHARS = 40
LEAD_MAX_CHARS = 1200
# libxml2's HTML parser stops building the tree at this depth (without its
# "huge" option): deeper content is lost, so such pages are malformed.
PARSER_MAX_DEPTH = 256
# Length of the text snippet used to find the extracted body in the page.
SNIPPET_CHARS = 25
# Ancestors looked at above a lead candidate to see whether it sits in a teaser list.
LEAD_ANCESTOR_DEPTH = 4


# A start tag longer than this is not markup a page needs: libxml2 parses a
# tag's attributes in quadratic time (a <p> with 300,000 attributes took
# ~5 minutes, which the per-page time limit cannot interrupt), and no
# article text is in attributes.  Such a tag keeps its name and loses its
# attributes.  One of the 949 dev pages has one (a gallery's 228 KB of
# JSON in a data attribute); its text and metadata come out the same.
MAX_TAG_CHARS = 100_000
_HUGE_TAG = re.compile(r"<([a-zA-Z][^\s/>]*)[^>]{%d,}>" % MAX_TAG_CHARS)


def extract(doc: Document) -> Document:
    if not doc.ok or doc.format != "html":
        return doc
    import trafilatura
    from trafilatura.utils import load_html

    if _HUGE_TAG.search(doc.html):
        doc.html = _HUGE_TAG.sub(r"<\1>", doc.html)
    tree = load_html(doc.html)
    if tree is None:
        return doc.reject("malformed: the page could not be parsed as HTML")
    fetched_url = doc.metadata.get("url")
    result = trafilatura.bare_extraction(doc.html, url=fetched_url, **TRAFILATURA_SETTINGS)
    for key, value in html_metadata(result, tree, fetched_url).items():
        if value is not None:
            doc.metadata[key] = value
    blocks = list(_blocks_from_tree(result.body)) if result is not None and result.body is not None else []
    if not blocks:
        if tree_depth(tree) >= PARSER_MAX_DEPTH:
            return doc.reject(f"malformed: markup nested {PARSER_MAX_DEPTH} levels deep, where the parser stops")
        return doc.reject("no_article: the extractor found no main content")
    doc.blocks = recover_lead(tree, blocks) + blocks
    return doc


def tree_depth(tree) -> int:
    """Deepest element nesting of a parsed page (iterative: safe on pathological pages)."""
    from lxml import etree

    depth = deepest = 0
    for event, _ in etree.iterwalk(tree, events=("start", "end")):
        depth += 1 if event == "start" else -1
        deepest = max(deepest, depth)
    return deepest


def recover_lead(tree, blocks: list[Block]) -> list[Block]:
    """Lead paragraphs between the headline and the extracted body that trafilatura dropped."""
    body_start = _element_holding(tree, blocks)
    if body_start is None:
        return []
    extracted = _fold(" ".join(b.text for b in blocks))
    order = {el: i for i, el in enumerate(tree.iter())}
    headline = next(iter(tree.iter("h1")), None)
    lower = order.get(headline, -1)
    upper = order[body_start]
    leads: list[Block] = []
    taken: list = []
    for el in tree.iter(*_LEAD_TAGS):
        index = order.get(el, -1)
        if index <= lower:
            continue
        if index >= upper:
            break
        marks = f"{el.get('class', '')} {el.get('id', '')}"
        if not _LEAD_MARK.search(marks) or _NOT_LEAD.search(marks):
            continue
        if any(_is_ancestor(t, el) for t in taken) or _is_ancestor(el, body_start) or _in_teaser_list(el):
            continue
        text = _fold(el.text_content())
        if not LEAD_MIN_CHARS <= len(text) <= LEAD_MAX_CHARS or text in extracted:
            continue
        taken.append(el)
        leads.append(Block(text=text, kind="p"))
    return leads


def _element_holding(tree, blocks: list[Block]):
    """The page element whose own text starts one of the first extracted blocks (linear in page size)."""
    for block in blocks[:3]:
        snippet = _fold(block.text)[:SNIPPET_CHARS]
        if len(snippet) < SNIPPET_CHARS // 2:
            continue
        for el in tree.iter():
            if not isinstance(el.tag, str):
                continue
            if el.text and snippet in _fold(el.text):
                return el
            if el.tail and snippet in _fold(el.tail):
                return el.getparent()
    return None


def _is_ancestor(candidate, el) -> bool:
    return any(parent is candidate for parent in el.iterancestors())


def _in_teaser_list(el) -> bool:
    for depth, parent in enumerate(el.iterancestors()):
        if depth >= LEAD_ANCESTOR_DEPTH or parent.tag in ("body", "article", "main"):
            return False
        marks = f"{parent.get('class', '')} {parent.get('id', '')}"
        if parent.tag in ("nav", "aside", "footer", "li") or _NOT_LEAD.search(marks):
            return True
    return False


def _fold(text: str) -> str:
    return _WS.sub(" ", visible(text)).strip()


def _text(element) -> str:
    return _fold("".join(element.itertext()))


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
