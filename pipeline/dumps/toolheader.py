"""The header a scraping tool writes above a page's text: its fields into metadata, its lines out of the text.

Jina Reader (r.jina.ai) writes

    Title: <the page's <title>>
    URL Source: <the address>
    Published Time: <the page's date, when it states one>
    Markdown Content:
    <the page as Markdown>

(blank lines between; "Description:", "Warning:" and other fields may
join them).  The address and the date are the page's own, from its markup:
better than anything the text can tell.  The title stays as the dump's
first line, where a `<title>` stands in other tools' dumps (the cleaner
reads its headline part from it); the other lines are removed by rule
`tool_header`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..document import Block
from ..clean import rules

# The header is this many lines at most (a few fields and the blank lines between them).
MAX_HEADER_LINES = 40
# The header's first field stands within this many characters of the dump's start (blank lines before it).
HEAD_CHARS = 200
_FIELD = re.compile(r"^([A-Z][A-Za-z]*(?: [A-Za-z]+){0,3}):(?: (.*))?$")
_CONTENT = re.compile(r"^(?:Markdown|Text) Content:\s*$")
# The fields read into metadata: the page's address and its date.
_METADATA_FIELDS = {"URL Source": "url", "Published Time": "published"}


@dataclass
class ToolHeader:
    fields: dict[str, str]  # "url", "published": as written
    blocks: list[Block] = field(default_factory=list)  # the header's lines but the title, removed by rule tool_header
    rest: str = ""  # the dump under the header, its title line first


def tool_header(text: str) -> ToolHeader | None:
    """The tool's header at the top of a dump, or None when it has none."""
    if not text[:HEAD_CHARS].lstrip().startswith("Title:"):
        return None
    lines = text.lstrip().split("\n", MAX_HEADER_LINES + 1)
    title, fields, header = None, {}, []
    for i, line in enumerate(lines[:MAX_HEADER_LINES]):
        line = line.strip()
        if not line:
            continue
        if _CONTENT.match(line):
            if title is None or "url" not in fields:
                return None
            header.append(line)
            rest = "\n".join(lines[i + 1 :])
            return ToolHeader(fields, [Block(h, "line", rules.TOOL_HEADER) for h in header], (title + "\n\n" if title else "") + rest)
        match = _FIELD.match(line)
        if not match:
            return None
        name, value = match.group(1), (match.group(2) or "").strip()
        if name == "Title" and title is None:
            title = value
            continue
        if name in _METADATA_FIELDS and value:
            fields[_METADATA_FIELDS[name]] = value
        header.append(line)
    return None
