"""Step `repeated`: a kept block that repeats a kept block above it.

A headline printed twice, a lead paragraph repeated under the teaser that
quoted it: the block right before.  Further apart, a paragraph a page
holds twice is a copy of a widget (a carousel's cloned slides, a box laid
out once for phones and once for screens): the first copy stays.
Shorter blocks may repeat (table cells, quantities: "17", "3 sztuki"; a
refrain, a "Read more" under each item).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import rules

if TYPE_CHECKING:
    from .page import Page

# A block this long repeating the kept block right before it is a repeat.
REPEAT_MIN_CHARS = 20
# A block this long repeating any kept block above it is a copy: longer
# than a refrain or a label, a paragraph no article states twice (chosen
# on wcxb-dev's outputs, dev-pages the check: bench/README.md).
COPY_MIN_CHARS = 80


def remove_repeats(page: Page) -> dict[int, str]:
    removals = {}
    previous = None
    seen: set[str] = set()
    for i, block in enumerate(page.blocks):
        if not block.kept:
            continue
        text = block.text
        if (text == previous and len(text) >= REPEAT_MIN_CHARS) or (len(text) >= COPY_MIN_CHARS and text in seen):
            removals[i] = rules.REPEATED
            continue
        previous = text
        if len(text) >= COPY_MIN_CHARS:
            seen.add(text)
    return removals
