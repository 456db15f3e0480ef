"""Step `repeated`: a kept block that repeats the kept block before it.

A headline printed twice, a lead paragraph repeated under the teaser that
quoted it.  Shorter blocks may repeat (table cells, quantities: "17",
"3 sztuki").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import rules

if TYPE_CHECKING:
    from .page import Page

REPEAT_MIN_CHARS = 20


def remove_repeats(page: Page) -> dict[int, str]:
    removals = {}
    previous = None
    for i, block in enumerate(page.blocks):
        if not block.kept:
            continue
        if block.text == previous and len(block.text) >= REPEAT_MIN_CHARS:
            removals[i] = rules.REPEATED
        else:
            previous = block.text
    return removals
