"""Stage 2: main-content extraction.

An HTML page is parsed once (Lexbor, pipeline.html.dom) into blocks: every
paragraph, heading, list item, table cell and line of text the page shows.
The block model (pipeline.html.model) judges each block from what it and its
surroundings look like (pipeline.html.features); on a page where it keeps
almost nothing, trafilatura's extraction decides which blocks stay.  Rules
that hold on every site come first: readers' comments, comment forms and
pop-up boxes are never the article (comments are, where the elements named
as comments hold all the running text the page keeps: a live ticker's
entries, a forum thread's posts).
Every block goes on to the cleaner, those dropped here marked with the rule
that dropped them (`Block.removed_by`), so that nothing leaves a page
unrecorded.  Metadata comes from the same parse (pipeline.metadata).

Text dumps are already lines: nothing to do.
"""

from __future__ import annotations

import re

import numpy as np

from .clean.rules import BOILERPLATE, COMMENT_FORM, COMMENT_THREAD, NO_ARTICLE, POPUP
from .document import Block, Document
from .html.dom import MAX_DEPTH, PARSE_MAX_NESTING, Page, nesting_estimate, read_page, without_huge_tags
from .html.features import Context, features
from .html.marks import Mark
from .html.model import load_block_model
from .language import decide_page_language
from .metadata import page_metadata

# When the model keeps less text than this, the page is one it is unsure
# of (a page of short items, a layout it has not met): trafilatura's
# extraction decides instead.  On the development folds (held out by
# domain) that was 2% of the pages, for +0.0018 segment F1 on dev-pages
# (400 characters: 3%, +0.0025; but a Korean or Chinese article says in
# 400 characters what a German one says in 1,000).  Running trafilatura on
# every page would cost as much time as the whole pipeline (docs/html.md).
FALLBACK_BELOW_CHARS = 200
_HTML_ELEMENT = re.compile(r"<html[\s>]", re.IGNORECASE)
# Elements named as comments are the page's content when, with no sentence
# kept outside them, they hold this much kept text: the least the model's
# judgement is trusted with on a page (below it, trafilatura decides).
COMMENTS_AS_CONTENT_MIN_CHARS = FALLBACK_BELOW_CHARS
# A form with a text area is a comment or contact form, unless it holds
# this share of the page's prose or more: some site generators wrap a whole
# page in one <form>.
FORM_MAX_PROSE_SHARE = 0.5
# A data table in the article is kept whole when the model dropped some of
# its cells (short numbers and names look like page furniture one by one).
# Fewer cells than this is a layout box, not a table of data.
DATA_TABLE_MIN_CELLS = 4
# A table this much of whose text is links is a list of links (a menu laid out as a table).
DATA_TABLE_MAX_LINK_DENSITY = 0.3
# A table holding this share of the page's kept text or more holds the article itself (a layout table).
DATA_TABLE_MAX_KEPT_SHARE = 0.5
# A box the page names as a dialog or pop-up (Mark.POPUP) that holds this
# share of the text kept on the page or more is the page itself: a template
# that names its wrapper "modal-open" while a box is open, an article shown
# in a lightbox.
POPUP_MAX_KEPT_SHARE = 0.5
# Tables inside these are the page's furniture, whatever the model kept around them.
_FURNITURE_MARKS = Mark.NAV | Mark.HEADER | Mark.FOOTER | Mark.ASIDE


def extract(doc: Document, language_backend: str = "auto") -> Document:
    """HTML pages: every block of the page, those that are not the article marked removed with their rule; metadata.

    The page's language is decided here, once, from its blocks with
    `language_backend` (the block features need its stoplist) and stored on
    the document, where the cleaner and the language stage find it.
    """
    if not doc.ok or doc.format != "html":
        return doc
    doc.html = without_huge_tags(doc.html)
    if nesting_estimate(doc.html) > PARSE_MAX_NESTING:
        return doc.reject(f"malformed: markup nested more than {PARSE_MAX_NESTING} levels deep")
    page = read_page(doc.html, huge_tags_cut=True)
    if page.max_depth > MAX_DEPTH:
        return doc.reject(f"malformed: markup nested more than {MAX_DEPTH} levels deep")
    for key, value in page_metadata(page, doc.metadata.get("url"), doc.html).items():
        if value is not None:
            doc.metadata[key] = value
    if not page.blocks:
        return doc.reject(f"{NO_ARTICLE}: the page shows no text")
    x, context = features(page, decide_page_language(doc, [b.text for b in page.blocks], language_backend))
    keep = load_block_model().keep(x, context)
    if context.chars[keep].sum() < FALLBACK_BELOW_CHARS:
        keep = kept_by_trafilatura(doc.html, [b.text for b in page.blocks])
    keep = keep | data_table_cells(page, context, keep)
    rules = drop_rules(page, context, keep)
    doc.blocks = [Block(text=b.text, kind=b.kind, removed_by=rule) for b, rule in zip(page.blocks, rules)]
    if not any(rule is None for rule in rules):
        return doc.reject(f"{NO_ARTICLE}: the extractor found no main content")
    return doc


def kept_by_trafilatura(html: str, texts: list[str]) -> np.ndarray:
    """Per block: its text is in what trafilatura extracts from the page (include_comments=False)."""
    import trafilatura

    if not _HTML_ELEMENT.search(html):
        # trafilatura extracts nothing from markup without an <html> element:
        # a fragment (a feed's content, a scraping tool's main-content HTML).
        html = f"<html><body>{html}</body></html>"
    output = " ".join((trafilatura.extract(html, include_comments=False, include_tables=True) or "").split())
    return np.array([bool(t) and t in output for t in texts], bool)


def data_table_cells(page: Page, context: Context, keep: np.ndarray) -> np.ndarray:
    """Per block: a cell of a data table in the article, to be kept with the rest of its table.

    A data table is a `<table>` with no table inside it, of
    DATA_TABLE_MIN_CELLS blocks or more, mostly not links, outside the
    page's navigation, header, footer and asides, and not holding the
    article itself.  It is in the article when the block just before it is
    kept and the block just after it, or one of its own cells, is kept too.
    One pass over the containers and one over the blocks.
    """
    n = len(page.blocks)
    cells = np.zeros(n, bool)
    if "table" not in page.tag:
        return cells
    tags, parent = page.tag, page.parent
    table_of = [-1] * len(tags)  # innermost <table> holding each container
    nested = set()  # tables with a table inside them
    for c in range(1, len(tags)):
        outer = table_of[parent[c]]
        if tags[c] == "table":
            table_of[c] = c
            if outer >= 0:
                nested.add(outer)
        else:
            table_of[c] = outer
    spans: dict[int, list[int]] = {}  # table -> [first block, last block]; a table's blocks are consecutive
    for i, block in enumerate(page.blocks):
        t = table_of[block.container]
        if t >= 0:
            spans.setdefault(t, [i, i])[1] = i
    kept_chars = max(float(context.chars[keep].sum()), 1.0)
    for t, (first, last) in spans.items():
        chars, links, blocks, _ = context.sums[t]  # the table's subtree: its cells alone, as no table is inside it
        if t in nested or blocks < DATA_TABLE_MIN_CELLS or page.marks[t] & _FURNITURE_MARKS:
            continue
        if links > DATA_TABLE_MAX_LINK_DENSITY * chars or context.chars[first : last + 1][keep[first : last + 1]].sum() >= DATA_TABLE_MAX_KEPT_SHARE * kept_chars:
            continue
        before = first > 0 and keep[first - 1]
        after = last + 1 < n and keep[last + 1]
        if before and (after or keep[first : last + 1].any()):
            cells[first : last + 1] = True
    return cells


def drop_rules(page: Page, context: Context, keep: np.ndarray) -> list[str | None]:
    """Each block's removal rule (None: kept), the rules that hold on every site first, then the model's judgement."""
    comments = _comment_containers(page)
    if _comments_hold_the_page(page, context, keep, comments):
        comments = [False] * len(comments)
    forms = _comment_forms(page, context)
    popups = _popups(page, context, keep)
    rules: list[str | None] = []
    for i, block in enumerate(page.blocks):
        c = block.container
        if comments[c]:
            rules.append(COMMENT_THREAD)
        elif forms[c]:
            rules.append(COMMENT_FORM)
        elif popups[c]:
            rules.append(POPUP)
        elif not keep[i]:
            rules.append(BOILERPLATE)
        else:
            rules.append(None)
    return rules


def _comment_containers(page: Page) -> list[bool]:
    """Per container: it is inside an element named as comments (class/id comment, reply, respond...).

    Only when that element is nearer than any element named as the
    article's content (or an <article>, a <main>): a template marking the
    whole post "comments-open" holds the article deeper down, in its
    "entry-content"; a comment's own "comment-content" is still a comment.
    """
    m = len(page.tag)
    inside = [False] * m
    for c in range(1, m):
        own = page.own_marks[c]
        if own & Mark.W_COMMENT:
            inside[c] = True
        elif own & (Mark.W_CONTENT | Mark.ARTICLE | Mark.MAIN):
            inside[c] = False
        else:
            inside[c] = inside[page.parent[c]]
    return inside


def _popups(page: Page, context: Context, keep: np.ndarray) -> list[bool]:
    """Per container: it is inside a dialog or pop-up box (Mark.POPUP) that holds less than POPUP_MAX_KEPT_SHARE of the kept text.

    Sign-up offers, paywalls, log-in and search boxes, a "Republish this
    article" box with a copy of the story: a reader sees them over the page
    (or not at all until a button opens them), never as the article's text.
    """
    m = len(page.tag)
    inside = [False] * m
    if not any(marks & Mark.POPUP for marks in page.own_marks):
        return inside
    # The outermost box around each container (0: none); boxes inside a box are the same box.
    box = [0] * m
    for c in range(1, m):
        outer = box[page.parent[c]]
        box[c] = outer or (c if page.own_marks[c] & Mark.POPUP else 0)
    kept = context.chars * keep
    held: dict[int, float] = {}
    for i, block in enumerate(page.blocks):
        b = box[block.container]
        if b:
            held[b] = held.get(b, 0.0) + float(kept[i])
    limit = POPUP_MAX_KEPT_SHARE * max(float(kept.sum()), 1.0)
    for c in range(1, m):
        b = box[c]
        inside[c] = bool(b) and held.get(b, 0.0) < limit
    return inside


def _comments_hold_the_page(page: Page, context: Context, keep: np.ndarray, comments: list[bool]) -> bool:
    """The elements named as comments hold the text the model keeps, and the rest of the page keeps no sentence.

    Then they are the page's content, not readers' replies under it: a live
    ticker's entries ("live-match-comment"), a forum thread's posts.  Dropped
    as comments, such a page would be rejected for showing no article.  A
    brief of one sentence above its readers' comments is still an article.
    """
    inside = np.fromiter((comments[b.container] for b in page.blocks), bool, len(page.blocks))
    if (keep & context.prose & ~inside).any():
        return False
    return (context.chars * keep)[inside].sum() >= COMMENTS_AS_CONTENT_MIN_CHARS


def _comment_forms(page: Page, context: Context) -> list[bool]:
    """Per container: it is inside a form with a text area that holds less than FORM_MAX_PROSE_SHARE of the page's prose."""
    m = len(page.tag)
    inside = [False] * m
    if not page.textareas:
        return inside
    total_prose = max(context.sums[0, 3], 1.0)
    forms = set()
    for c in page.textareas:
        while c > 0 and page.tag[c] != "form":
            c = page.parent[c]
        if c > 0 and context.sums[c, 3] < FORM_MAX_PROSE_SHARE * total_prose:
            forms.add(c)
    for form in forms:
        for c in range(form, int(context.end[form])):
            inside[c] = True
    return inside
