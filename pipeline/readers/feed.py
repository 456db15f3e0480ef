"""RSS and Atom feeds saved as files: one page an item.

A feed's item gives its page as HTML in `content:encoded` (RSS, the full
article WordPress and most CMSs publish) or `<content>` (Atom), else in
its `description` / `<summary>` (often a teaser: the cleaner keeps a short
article as it keeps a brief); its `link`, title, date (`pubDate`,
`dc:date`, Atom's `published`) and author (`dc:creator`, `author`) are the
page's.  The feed is parsed as a stream, an item at a time, and markup
damaged past repair ends the file with a rejected record saying after
which item; the items before it are kept.  A record's source is
`file:item[N]` (from 0).
"""

from __future__ import annotations

import re
import zlib
from typing import Iterator

from ..options import Options
from . import PageInput, open_maybe_gzipped
from .jsonl import iso_date

_ATOM = "{http://www.w3.org/2005/Atom}"
_CONTENT = "{http://purl.org/rss/1.0/modules/content/}encoded"
_DC = "{http://purl.org/dc/elements/1.1/}"
_RSS1 = "{http://purl.org/rss/1.0/}"
ITEM_TAGS = ("item", f"{_RSS1}item", f"{_ATOM}entry")
# A feed's first element after the XML declaration, comments and a doctype.
FEED_START = re.compile(
    rb"\A(?:\xef\xbb\xbf)?\s*(?:<\?xml[^>]*>\s*)?(?:<\?xml-stylesheet[^>]*>\s*)*(?:<!--(?:[^-]|-(?!->))*-->\s*)*(?:<!DOCTYPE[^>]*>\s*)?"
    rb"<(?:rss[\s>]|rdf:RDF[\s>]|feed[^>]*http://www\.w3\.org/2005/Atom)",
    re.DOTALL,
)


def is_feed(head: bytes) -> bool:
    """The file's first bytes open an RSS (0.9x, 1.0 or 2.0) or Atom feed."""
    return bool(FEED_START.match(head))


def read_feed(path: str, options: Options) -> Iterator[PageInput]:
    """One PageInput per item or entry, rejected ones with their reason."""
    from lxml import etree

    n = -1
    with open_maybe_gzipped(path) as stream:
        items = etree.iterparse(stream, events=("end",), tag=ITEM_TAGS, recover=True, resolve_entities=False, no_network=True, huge_tree=False)
        while True:
            try:
                _, element = next(items)
            except StopIteration:
                return
            except (etree.XMLSyntaxError, OSError, EOFError, ValueError, zlib.error) as exc:
                after = f"after item[{n}]" if n >= 0 else "before its first item"
                yield PageInput(source=f"{path}:item[{n + 1}]", file=path, reason=f"bad_xml: the feed cannot be read {after} ({exc}); the items before it are kept")
                return
            n += 1
            yield _item_page(element, f"{path}:item[{n}]", path, options)
            element.clear(keep_tail=True)
            while element.getprevious() is not None:  # what is read stays small however long the feed
                del element.getparent()[0]


def _item_page(element, source: str, path: str, options: Options) -> PageInput:
    page = PageInput(source=source, file=path)
    content = _text(element, _CONTENT, f"{_ATOM}content", "description", f"{_RSS1}description", f"{_ATOM}summary")
    if not content:
        page.reason = f"no_content: {source.rsplit(':', 1)[1]} has no content:encoded, content, description or summary"
        return page
    page.raw = content.encode("utf-8")
    page.size = len(page.raw)
    if len(page.raw) > options.max_page_bytes:
        page.raw, page.reason = b"", f"too_large: {source.rsplit(':', 1)[1]} holds a page of {page.size} bytes > limit {options.max_page_bytes}"
        return page
    page.hints = {"format": "html", "charset": "utf-8"}
    link = _link(element)
    if link:
        page.hints["url"] = link
    title = _text(element, "title", f"{_RSS1}title", f"{_ATOM}title")
    if title:
        page.hints["title"] = title
    published = iso_date(_text(element, "pubDate", f"{_DC}date", f"{_ATOM}published"))
    if published:
        page.hints["published"] = published
    author = _text(element, f"{_DC}creator", f"{_ATOM}author/{_ATOM}name", "author")
    if author:
        page.hints["author"] = author
    return page


def _text(element, *paths: str) -> str | None:
    """The first non-blank text of `paths` under the item (an Atom content of type xhtml: its markup)."""
    from lxml import etree

    for path in paths:
        found = element.find(path)
        if found is None:
            continue
        if found.get("type") == "xhtml" and len(found):
            value = "".join(etree.tostring(child, encoding="unicode") for child in found)
        else:
            value = found.text or ""
        if value.strip():
            return value.strip()
    return None


def _link(element) -> str | None:
    """RSS's <link> text, or Atom's alternate (or first) <link href>."""
    text = _text(element, "link", f"{_RSS1}link")
    if text:
        return text
    links = element.findall(f"{_ATOM}link")
    chosen = next((link for link in links if link.get("rel", "alternate") == "alternate"), links[0] if links else None)
    return chosen.get("href") if chosen is not None else None
