"""MHTML files (.mhtml, .mht): a page saved whole by a browser ("Save as: Webpage, Single File" in Chrome and Edge).

A MIME multipart/related message: the page's HTML is its first text/html
part (quoted-printable or base64), followed by the images and styles it
uses.  The HTML part is the page, with the address it was saved from
(`Snapshot-Content-Location`, or the part's `Content-Location`), the day it
was saved (`Date`) as its fetch date, and the part's charset.  The rest
of the file is not read into the page.
"""

from __future__ import annotations

import zlib
from email import policy
from email.parser import BytesParser
from pathlib import Path

from ..options import Options
from . import HTML_TYPES, PageInput, open_maybe_gzipped
from .jsonl import iso_date, is_url

# The file holds images and styles beside the page: it may be this many times the page limit before it is refused unread.
FILE_PAGE_RATIO = 5


def read_mhtml(path: str, options: Options) -> PageInput:
    """The page an MHTML file holds, or a rejected input saying why it holds none."""
    page = PageInput(source=path, file=path)
    limit = FILE_PAGE_RATIO * options.max_page_bytes
    try:
        page.size = Path(path).stat().st_size
        with open_maybe_gzipped(path) as fh:
            data = fh.read(limit + 1)  # a gzip bomb stops here too
    except (OSError, EOFError, zlib.error) as exc:
        page.reason = f"unreadable: {getattr(exc, 'strerror', None) or exc}"
        return page
    if len(data) > limit:
        page.reason = f"too_large: an MHTML file of more than {limit} bytes"
        return page
    try:
        return _page_of(BytesParser(policy=policy.compat32).parsebytes(data), page, options)
    except Exception as exc:  # the email package on damaged MIME: this file only
        page.reason = f"malformed: the MHTML file cannot be read ({type(exc).__name__}: {exc})"
        return page


def _page_of(message, page: PageInput, options: Options) -> PageInput:
    part = next((p for p in message.walk() if p.get_content_type() in HTML_TYPES), None)
    if part is None:
        page.reason = "no_content: the MHTML file holds no HTML part"
        return page
    body = part.get_payload(decode=True) or b""
    if not body.strip():
        page.reason = "empty: the MHTML file's HTML part is empty"
        return page
    if len(body) > options.max_page_bytes:
        page.reason = f"too_large: the MHTML file's page of {len(body)} bytes > limit {options.max_page_bytes}"
        return page
    page.raw = body
    page.hints = {"format": "html"}
    # A header with bytes outside ASCII comes back as an email.header.Header: str() it.
    url = str(message.get("Snapshot-Content-Location") or part.get("Content-Location") or "").strip()
    if is_url(url):
        page.hints["url"] = url
    fetched = iso_date(str(message.get("Date") or ""))
    if fetched:
        page.hints["fetched_at"] = fetched
    charset = part.get_content_charset()
    if charset:
        page.hints["charset"] = charset
    return page

