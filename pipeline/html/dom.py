"""One parse of an HTML page (Lexbor, through selectolax) into blocks, and what the page's head states.

A block is a run of text between two block-level boundaries (a paragraph, a
heading, a list item, a table cell, the text of a div between its child
blocks, a line ended by <br>).  Each block keeps the block-level element
that holds it (its container); containers form a tree with the page's
nesting, and carry what the block model reads of them: tag, depth, the
structural marks of their own and their ancestors (nav, footer, form,
hidden...), and the kinds of words in their class and id names.

The walk is iterative (a page nested 100,000 levels deep cannot overflow
the stack) and reads the head in the same pass: <title>, <meta>, JSON-LD,
<link rel=canonical>, <html lang>, <time datetime>.
"""

from __future__ import annotations

import html as html_entities
import re
from dataclasses import dataclass, field

from ..document import composed, visible
from .marks import (
    BLOCK_TAGS,
    HEADING_TAGS,
    SKIP_TAGS,
    STRUCTURE_MARKS,
    Mark,
    marks_of,
    words_of,
)

# A page nested deeper than this is not one a browser lays out for a reader
# (browsers cap the DOM they build near 512 levels); it is an attack on the
# parser or a broken generator, and is rejected as malformed.
MAX_DEPTH = 512


@dataclass(slots=True)
class RawBlock:
    text: str
    container: int  # index into Page.containers
    link_chars: int
    kind: str  # p | h | li
    heading_level: int  # 1-6 for headings, 0 otherwise


@dataclass
class Head:
    """What the page states about itself, as found (normalised by pipeline.metadata)."""

    title: str | None = None
    meta: list[tuple[str, str]] = field(default_factory=list)  # (name/property/itemprop lower-cased, content)
    json_ld: list[str] = field(default_factory=list)
    canonical: str | None = None
    lang: str | None = None
    times: list[tuple[str, int]] = field(default_factory=list)  # (datetime attribute, marks of its container)
    # Elements the markup names as an author or byline, inline ones too (<span class=author-name>,
    # <a rel=author>): (their text, the marks of them and their ancestors), in document order.
    authors: list[tuple[str, int]] = field(default_factory=list)


@dataclass
class Page:
    blocks: list[RawBlock]
    # Per container (block-level element): parent index (-1 for the root),
    # tag, depth, own marks and the marks of it and all its ancestors.
    parent: list[int]
    tag: list[str]
    depth: list[int]
    own_marks: list[int]
    marks: list[int]
    head: Head
    max_depth: int
    textareas: set[int] = field(default_factory=set)  # containers holding a <textarea> (a form to write in)
    # Per container: its tag and class attribute, as one string (templates repeat a signature for each item of a list).
    signature: list[str] = field(default_factory=list)


def parse(html: str):
    from selectolax.lexbor import LexborHTMLParser

    return LexborHTMLParser(html)


def _attr_marks(node) -> int:
    return _marks_of_attributes(node.attributes)


def _marks_of_attributes(attributes: dict) -> int:
    if not attributes:
        return 0
    value = marks_of(attributes.get("class"), attributes.get("id"), attributes.get("role"), attributes.get("itemprop"))
    if attributes.get("aria-hidden") == "true" or _hides(attributes):
        value |= Mark.HIDDEN
    return value


def _hides(attributes: dict) -> bool:
    """The element is hidden from view: the `hidden` attribute, or an inline display:none or visibility:hidden style."""
    if "hidden" in attributes:
        return True
    style = attributes.get("style")
    if style and ("none" in style or "hidden" in style):
        folded = style.replace(" ", "").lower()
        return "display:none" in folded or "visibility:hidden" in folded
    return False


class _Walker:
    """The state of one iterative walk: containers, the text buffer of the block being read, the head."""

    def __init__(self) -> None:
        self.blocks: list[RawBlock] = []
        self.parent: list[int] = [-1]
        self.tag: list[str] = ["#root"]
        self.depth: list[int] = [0]
        self.own_marks: list[int] = [0]
        self.marks: list[int] = [0]
        self.signature: list[str] = ["#root"]
        self.head = Head()
        self.pieces: list[str] = []
        self.link_chars = 0
        self.max_depth = 0
        self.textareas: set[int] = set()

    def flush(self, container: int) -> None:
        if not self.pieces:
            return
        text = " ".join(composed(visible("".join(self.pieces))).split())
        self.pieces.clear()
        link_chars, self.link_chars = self.link_chars, 0
        if not text:
            return
        tag = self.tag[container]
        level = int(tag[1]) if tag in HEADING_TAGS else 0
        c = container
        while not level and c > 0 and self.depth[container] - self.depth[c] < 3:
            # A heading's text inside a <span> or a <div> of the heading.
            c = self.parent[c]
            if self.tag[c] in HEADING_TAGS:
                level = int(self.tag[c][1])
        kind = "h" if level else ("li" if self.marks[container] & Mark.LIST_ITEM else "p")
        self.blocks.append(RawBlock(text, container, min(link_chars, len(text)), kind, level))

    def open_container(self, tag: str, parent: int, depth: int, own: int, signature: str) -> int:
        index = len(self.tag)
        self.signature.append(signature)
        self.parent.append(parent)
        self.tag.append(tag)
        self.depth.append(depth)
        self.own_marks.append(own)
        self.marks.append(self.marks[parent] | own)
        return index

    def head_element(self, node, tag: str, container: int) -> None:
        attributes = node.attributes
        head = self.head
        if tag == "meta":
            key = attributes.get("property") or attributes.get("name") or attributes.get("itemprop")
            content = attributes.get("content")
            if key and content:
                head.meta.append((key.strip().lower(), content))
        elif tag == "title" and head.title is None:
            head.title = node.text(deep=True)
        elif tag == "script" and (attributes.get("type") or "").strip().lower() == "application/ld+json":
            head.json_ld.append(node.text(deep=True))
        elif tag == "link" and head.canonical is None:
            if "canonical" in (attributes.get("rel") or "").lower().split():
                head.canonical = attributes.get("href")
        elif tag == "time":
            stamp = attributes.get("datetime")
            if stamp:
                head.times.append((stamp, self.marks[container] | _attr_marks(node)))


_HEAD_TAGS = frozenset({"meta", "title", "script", "link", "time"})
_EXIT = object()
# Inline elements a reader never sees: their text is no part of the block
# around them (a hidden copy of a link's address beside its label, a
# tooltip's text).  Hidden block elements stay blocks, marked HIDDEN.
_MAY_HIDE = "[hidden], [style*=none i], [style*=hidden i]"


def _hidden_elements(tree) -> set[int]:
    """The elements that the `hidden` attribute or an inline display:none / visibility:hidden style hides (_hides), by their node's id."""
    return {node.mem_id for node in tree.css(_MAY_HIDE) if _hides(node.attributes)}


def walk(tree) -> Page:
    """The page's blocks and containers, in document order (iterative: safe on any nesting)."""
    w = _Walker()
    root = tree.root
    if root is None:
        return Page([], w.parent, w.tag, w.depth, w.own_marks, w.marks, w.head, 0)
    lang = (root.attributes or {}).get("lang") if root.tag == "html" else None
    w.head.lang = lang or (root.attributes or {}).get("xml:lang")
    # Stack entries: (node, container, depth, in_link) to enter, or (_EXIT,
    # container, link flag) to leave; in_link is None inside a hidden inline element.
    stack: list = [(root, 0, 1, False)]
    pieces = w.pieces
    hidden = _hidden_elements(tree)
    while stack:
        node, container, depth, in_link = stack.pop()
        if node is _EXIT:
            w.flush(container)
            continue
        tag = node.tag
        if tag == "-text":
            text = node.text_content
            if text and in_link is not None and (pieces or not text.isspace()):
                pieces.append(text)
                if in_link:
                    w.link_chars += len(text.strip())
            continue
        if tag is None or tag[0] in "-_!":  # comments, doctype
            continue
        if tag in _HEAD_TAGS:
            w.head_element(node, tag, container)
        if tag in SKIP_TAGS:
            if tag == "textarea":
                w.textareas.add(container)
            continue
        if depth > w.max_depth:
            w.max_depth = depth
            if depth > MAX_DEPTH:
                break
        inner = container
        if tag in BLOCK_TAGS:
            w.flush(container)
            if tag == "br" or tag == "hr":
                continue
            attributes = node.attributes  # one dict per element: selectolax builds it on each call
            own = _marks_of_attributes(attributes) | STRUCTURE_MARKS.get(tag, 0)
            inner = w.open_container(tag, container, depth, own, f"{tag}.{attributes.get('class') or ''}" if attributes else tag)
            stack.append((_EXIT, inner, depth, in_link))
        elif hidden and node.mem_id in hidden:
            in_link = None  # its head elements are read (microdata's <meta>, a <time>), its text is not
        elif tag == "a" and in_link is not None:
            in_link = True
        elif tag == "img" or tag == "input":
            continue
        child = node.last_child
        while child is not None:
            stack.append((child, inner, depth + 1, in_link))
            child = child.prev
    w.flush(0)
    return Page(w.blocks, w.parent, w.tag, w.depth, w.own_marks, w.marks, w.head, w.max_depth, w.textareas, w.signature)


# A start tag longer than this is not markup a page needs (a gallery's JSON
# in a data attribute, an attack with 300,000 attributes); no article text
# is in attributes.  Such a tag keeps its name and loses its attributes,
# before any parser sees it.
MAX_TAG_CHARS = 100_000
_HUGE_TAG = re.compile(r"<([a-zA-Z][^\s/>]*)[^>]{%d,}>" % MAX_TAG_CHARS)


def without_huge_tags(html: str) -> str:
    return _HUGE_TAG.sub(r"<\1>", html) if _HUGE_TAG.search(html) else html


# Lexbor's time grows with the square of the nesting depth (10,000 levels
# take ~1 s, 100,000 over a minute) and a time limit cannot interrupt a C
# parser: markup is measured before it is parsed.  A page needs as many tags
# as it is deep, so pages with fewer tags than this are not measured.
PARSE_MAX_NESTING = 4000
# A script or a style, and a comment, each to its end, or to the end of the
# markup when left open, as the parser reads them (each is then scanned
# once, not once per start tag).  SCRIPT_OR_STYLE must come first in a
# pattern: its "\1" is the first group.
SCRIPT_OR_STYLE = r"<(script|style)\b.*?(?:</\1\s*>|\Z)"
_COMMENT = r"<!--.*?(?:-->|\Z)"
_TAG_OR_SKIPPED = re.compile(
    rf"{SCRIPT_OR_STYLE}|<svg\b.*?</svg\s*>|<math\b.*?</math\s*>|{_COMMENT}|<(/?)([a-zA-Z][a-zA-Z0-9]*)[^>]*?(/?)>",
    re.DOTALL | re.IGNORECASE,
)
# Elements that close without an end tag: they do not nest.
_NOT_NESTING = frozenset(
    """p li dt dd tr td th option optgroup thead tbody tfoot colgroup caption rb rt rp html head body br img hr
    meta link input area base col embed param source track wbr""".split()
)


def nesting_estimate(html: str) -> int:
    """An upper estimate of the markup's nesting depth (0 when the page has too few tags to matter)."""
    if html.count("<") <= PARSE_MAX_NESTING:
        return 0
    depth = deepest = 0
    for _, close, name, self_closing in _TAG_OR_SKIPPED.findall(html):
        if not name or self_closing or name.lower() in _NOT_NESTING:
            continue
        if close:
            depth -= depth > 0
        else:
            depth += 1
            deepest = max(deepest, depth)
    return deepest


# A <noscript> is read the way a reader sees the page.  Lexbor parses as a
# browser without scripts: there `</noscript>` cannot close a <div> left open
# inside, nor end an <iframe/> written as if it closed itself (a tag
# manager's pixel), and the rest of the page falls into the <noscript> or the
# frame.  And some pages put their whole text in a <noscript>, for readers
# without scripts, beside a template that scripts fill in (blog platforms,
# forums' crawler views).  So a page whose parsed <noscript> holds over
# NOSCRIPT_MAX_CHARS characters of text (a message or a pixel holds far
# less) is parsed again from markup in which each <noscript> is cut from
# its start tag to its first end tag, as a browser that runs scripts reads
# it, except that one holding over NOSCRIPT_MAX_CHARS characters of text
# keeps its content: the text scripts would have shown.
NOSCRIPT_MAX_CHARS = 1000
# A <noscript> left open runs to the end of the markup too, as in a browser.
_NOSCRIPT_OR_SKIPPED = re.compile(
    rf"{SCRIPT_OR_STYLE}|{_COMMENT}|<noscript\b[^>]*>(.*?)(?:</noscript\s*>|\Z)", re.DOTALL | re.IGNORECASE
)
_TAG = re.compile(r"<[^>]*>")
# A page saved from a browser that ran its scripts holds each <noscript>'s
# content as text, its markup escaped ("&lt;img src=...&gt;"): a parser
# without scripts reads that as text, "<img src=...>", which no reader sees.
_ESCAPED_TAG = re.compile(r"&lt;[/!a-zA-Z]")


def _text_chars(markup: str) -> int:
    """The characters of text in markup, its tags and runs of spaces left out."""
    return len(" ".join(_TAG.sub(" ", markup).split()))


def _noscript_read(match: re.Match) -> str:
    if match.group(1):
        return match.group(0)  # a script or a style, left whole
    inner = match.group(2)
    if inner is None:
        return match.group(0)  # a comment
    if "<" not in inner and _ESCAPED_TAG.search(inner):
        inner = html_entities.unescape(inner)
    return inner if _text_chars(inner) > NOSCRIPT_MAX_CHARS else ""


def with_noscript_read(html: str) -> str:
    """The markup with each <noscript> cut, or only its tags where it holds over NOSCRIPT_MAX_CHARS characters of text (scripts, styles and comments left whole)."""
    return _NOSCRIPT_OR_SKIPPED.sub(_noscript_read, html)


def _noscript_holds_much(tree) -> bool:
    return any(_text_chars(node.text(deep=True)) > NOSCRIPT_MAX_CHARS for node in tree.css("noscript"))


def read_page(html: str, huge_tags_cut: bool = False) -> Page:
    """The page's blocks and head from its markup (huge start tags cut first, unless `huge_tags_cut` says the caller did; <noscript> read as a browser reads it)."""
    if not huge_tags_cut:
        html = without_huge_tags(html)
    tree = parse(html)
    if _noscript_holds_much(tree):
        tree = None  # the first tree goes before the second is built: a page near the size limit holds one at a time
        tree = parse(with_noscript_read(html))
    page = walk(tree)
    if page.max_depth <= MAX_DEPTH:
        page.head.authors = author_elements(tree)
    return page


# Elements whose class, id, rel or itemprop may name the author; each is then
# checked word by word (marks_of), so "authority" or "bylines-list-x" count
# only when a word of theirs is an author word.
_AUTHOR_SELECTOR = "[class*=author i], [id*=author i], [class*=byline i], [class*=writer i], [rel~=author i], [itemprop~=author i]"
# A page lists this many author elements at most before its byline (an
# author archive lists hundreds; its first ones are read).
MAX_AUTHOR_ELEMENTS = 30
_WHOLE_PAGE_TAGS = frozenset({"html", "body", "main"})


def author_elements(tree) -> list[tuple[str, int]]:
    """The text of each element the markup names as an author or byline, with the marks of it and its ancestors."""
    found = []
    for node in tree.css(_AUTHOR_SELECTOR)[:MAX_AUTHOR_ELEMENTS]:
        if node.tag in _WHOLE_PAGE_TAGS:
            continue  # <body class="author-12 archive">: a template's page kind, and the whole page's text
        attributes = node.attributes
        names = f"{attributes.get('class') or ''} {attributes.get('id') or ''}"
        if not (
            _attr_marks(node) & Mark.W_AUTHOR
            or "byline" in words_of(names)
            or "author" in (attributes.get("rel") or "").lower().split()
        ):
            continue
        text = " ".join(composed(visible(node.text(deep=True, separator=" "))).split())
        if text:
            found.append((text, _ancestry_marks(node)))
    return found


def _ancestry_marks(node) -> int:
    """The marks of an element and all its ancestors, as the walk gives a container's."""
    value = 0
    while node is not None and node.tag not in (None, "-document", "html"):
        value |= _attr_marks(node) | STRUCTURE_MARKS.get(node.tag, 0)
        node = node.parent
    return value
