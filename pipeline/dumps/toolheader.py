"""The header a scraping tool writes above a page's text: its fields into metadata, its lines out of the text.

Two kinds are read:

- Jina Reader's (r.jina.ai):

      Title: <the page's <title>>
      URL Source: <the address>
      Published Time: <the page's date, when it states one>
      Markdown Content:
      <the page as Markdown>

  (blank lines between; "Description:", "Warning:" and other fields may
  join them);
- YAML front matter, as web clippers (Obsidian Web Clipper, MarkDownload)
  and static-site posts write it above Markdown: a `---` line, `key: value`
  lines (a list as `- item` lines under its key), a `---` line.  Its
  `source` / `url`, `published` / `date`, `author` and `created` (the day
  it was clipped) are read.

The address, the date and the author are the page's own, from its markup:
better than anything the text can tell.  The title stays as the dump's
first line, where a `<title>` stands in other tools' dumps (the cleaner
reads its headline part from it); a front matter's title (its headline
part) is also the article's, as a feed's is: a clipper keeps the article
without its headline.  The other lines are removed by rule `tool_header`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..clean import rules
from ..document import Block
from .metadata import title_headline_part

# The header is this many lines at most (a few fields and the blank lines between them).
MAX_HEADER_LINES = 40
# The header's first line stands within this many characters of the dump's start (blank lines before it).
HEAD_CHARS = 200

# Jina Reader.
_FIELD = re.compile(r"^([A-Z][A-Za-z]*(?: [A-Za-z]+){0,3}):(?: (.*))?$")
_CONTENT = re.compile(r"^(?:Markdown|Text) Content:\s*$")
_JINA_FIELDS = {"URL Source": "url", "Published Time": "published"}

# YAML front matter: the keys read, as metadata (first found wins).
_FRONT_FIELDS = {
    "url": ("source", "url", "link", "original_url", "canonical_url", "canonical"),
    "published": ("published", "date", "publishdate", "pubdate", "date_published", "published_at"),
    "fetched_at": ("created", "clipped", "saved", "fetched_at", "date_saved"),
    "author": ("author", "authors", "byline"),
}
_FRONT_FENCE = re.compile(r"^---\s*$")
_FRONT_END = re.compile(r"^(?:---|\.\.\.)\s*$")
_FRONT_KEY = re.compile(r"^([A-Za-z_][\w-]*)\s*:(?:\s+(.*?))?\s*$")
_FRONT_ITEM = re.compile(r"^\s+-\s+(.*?)\s*$|^-\s+(.*?)\s*$")
# "[[Jane Doe]]" (an Obsidian link), quotes around a value.
_WIKILINK = re.compile(r"^\[\[(?:[^\]|]*\|)?([^\]]*)\]\]$")


@dataclass
class ToolHeader:
    fields: dict[str, str]  # "url", "published", "fetched_at", "author", "title" (front matter's): as written
    blocks: list[Block] = field(default_factory=list)  # the header's lines but the title, removed by rule tool_header
    rest: str = ""  # the dump under the header, its title line first


def tool_header(text: str) -> ToolHeader | None:
    """The tool's header at the top of a dump, or None when it has none."""
    head = text[:HEAD_CHARS].lstrip()
    if head.startswith("Title:"):
        return _jina(text.lstrip().split("\n", MAX_HEADER_LINES + 1))
    if head.startswith("---"):
        return _front_matter(text.lstrip().split("\n", MAX_HEADER_LINES + 1))
    return None


def _header(fields: dict, header: list[str], title: str | None, rest: list[str]) -> ToolHeader:
    body = "\n".join(rest)
    return ToolHeader(fields, [Block(h, "line", rules.TOOL_HEADER) for h in header], (title + "\n\n" if title else "") + body)


def _jina(lines: list[str]) -> ToolHeader | None:
    title, fields, header = None, {}, []
    for i, line in enumerate(lines[:MAX_HEADER_LINES]):
        line = line.strip()
        if not line:
            continue
        if _CONTENT.match(line):
            if title is None or "url" not in fields:
                return None
            return _header(fields, header + [line], title, lines[i + 1 :])
        match = _FIELD.match(line)
        if not match:
            return None
        name, value = match.group(1), (match.group(2) or "").strip()
        if name == "Title" and title is None:
            title = value
            continue
        if name in _JINA_FIELDS and value:
            fields[_JINA_FIELDS[name]] = value
        header.append(line)
    return None


def _front_matter(lines: list[str]) -> ToolHeader | None:
    if not _FRONT_FENCE.match(lines[0]):
        return None
    values: dict[str, list[str]] = {}
    key = None
    for i in range(1, min(len(lines), MAX_HEADER_LINES)):
        line = lines[i].rstrip()
        if _FRONT_END.match(line):
            fields = _front_fields(values)
            if not fields and "title" not in values:
                return None  # a rule and text, not a header
            title = (values.get("title") or [None])[0]
            if title:
                # The clipper's title is the page's: its headline part is the article's title, whatever the text holds.
                fields["title"] = title_headline_part(title)
            # The title line goes as the dump's first line (_header), not as a header line too.
            header = [h.strip() for h in lines[: i + 1] if h.strip() and not (title and _key(h.strip()) == "title")]
            return _header(fields, header, title, lines[i + 1 :])
        if not line.strip():
            continue
        item = _FRONT_ITEM.match(line)
        if item and key is not None:
            values[key].append(_scalar(item.group(1) or item.group(2) or ""))
            continue
        match = _FRONT_KEY.match(line)
        if not match:
            return None
        key = match.group(1).lower()
        values[key] = [_scalar(match.group(2))] if match.group(2) else []
    return None


def _key(line: str) -> str | None:
    """A front matter line's key, lower case ("Title: x" -> "title"); None for a list item or a fence."""
    match = _FRONT_KEY.match(line)
    return match.group(1).lower() if match else None


def _scalar(value: str) -> str:
    """A YAML scalar as text: quotes, a list written inline ("[a, b]") and an Obsidian link's brackets undone."""
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        value = value[1:-1]
    elif value.startswith("[") and value.endswith("]") and not value.startswith("[["):
        return "; ".join(_scalar(part) for part in value[1:-1].split(",") if part.strip())
    link = _WIKILINK.match(value)
    return link.group(1).strip() if link else value


def _front_fields(values: dict[str, list[str]]) -> dict[str, str]:
    fields = {}
    for name, keys in _FRONT_FIELDS.items():
        for key in keys:
            found = [v for v in values.get(key, []) if v]
            if found:
                fields[name] = "; ".join(found) if name == "author" else found[0]
                break
    return fields
