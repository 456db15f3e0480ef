"""Step `section_headings`: a "Related"/"Read also" heading that did not end the article goes alone.

Such a heading tops a box inside the article or above it (article_end.py
tells those apart from the heading that ends it); the box's stories are
the teaser step's to judge.  Text dumps only: in HTML, trafilatura's
blocks keep headings of the article's own sections.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import rules

if TYPE_CHECKING:
    from .page import Page


def remove_section_headings(page: Page) -> dict[int, str]:
    blocks, headings = page.blocks, page.headings
    return {i: rules.SECTION_HEADING for i in range(page.end) if blocks[i].kept and i != page.headline and headings[i]}
