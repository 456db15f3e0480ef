"""Step `outside_core`: lines outside the core that the line model does not keep.

The core is the densest run of prose (core.py); a text dump's lines around
it are menus, teaser lists and footers unless the line model (linemodel.py)
keeps them (a lead above the core, an author box under it).  The headline
stays.  A page without a core has no prose: everything above the
article's end goes, and the page is rejected (`no_article`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import rules
from .step import Removals

if TYPE_CHECKING:
    from .page import Page


def remove_outside_core(page: Page) -> Removals | dict[int, str]:
    if page.core is None:
        return Removals(dict.fromkeys(range(page.end), rules.OUTSIDE_CORE), rejection=f"{rules.NO_ARTICLE}: no prose found")
    start, stop = page.core
    keep = page.keep
    return {i: rules.OUTSIDE_CORE for i in range(page.end) if not keep[i] and (i < start or i > stop) and i != page.headline}
