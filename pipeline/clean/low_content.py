"""Step `low_content`: lines inside the core that the line model judges not to be article text.

A caption, a share line or a teaser's title between two paragraphs.  It
runs after the spam step: a spam block inside the core is found as a run
of lines, and the model dropping some of them first would leave the
others looking alone.  The headline stays.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import rules

if TYPE_CHECKING:
    from .page import Page


def remove_low_content(page: Page) -> dict[int, str]:
    if page.core is None:
        return {}
    start, stop = page.core
    keep, blocks = page.keep, page.blocks
    return {
        i: rules.LOW_CONTENT for i in range(start, min(stop + 1, page.end)) if i != page.headline and not keep[i] and blocks[i].kept
    }
