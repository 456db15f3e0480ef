"""Step `block_model`: the blocks of a text dump that the block model does not judge article text.

The block model (pipeline/dumps/blockmodel.py) reads every block's
features (blockfeatures.py) and decides the whole page at once: menus,
teaser lists, captions, footers and comments around and inside the
article.  A block it removes is recorded with the rule that says most of
what it is: under a heading that ends the article, that section's rule
(`related_section`, `comments_section`); outside the page's core (the
densest run of prose), `outside_core`; inside it, `low_content`.

The prose guard: a page where the model keeps no prose (the page's prose
lines, or layout.is_prose) keeps its prose blocks instead: a news brief of two sentences is an
article even where the model, trained on longer pages, passed it over.  A
page with no prose at all (a menu, a list of links) is rejected
(`no_article: no prose found`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..dumps.layout import is_prose
from . import rules
from .article_end import section_rule
from .step import Removals

if TYPE_CHECKING:
    from .page import Page


def remove_by_block_model(page: Page) -> Removals:
    kept = [block.kept for block in page.blocks]
    keep = guarded(page.prose, page.texts, page.block_keep, kept)
    if keep is None:
        gone = {i: rules.OUTSIDE_CORE for i, k in enumerate(kept) if k}
        return Removals(gone, rejection=f"{rules.NO_ARTICLE}: no prose found")
    section = section_rule(page) if page.section_end is not None else None
    start, stop = page.core if page.core is not None else (len(keep), -1)
    removals = {}
    for i, (k, still) in enumerate(zip(keep, kept)):
        if still and not k:
            if section and i >= page.end:
                removals[i] = section
            else:
                removals[i] = rules.LOW_CONTENT if start <= i <= stop else rules.OUTSIDE_CORE
    return Removals(removals)


def guarded(prose: list[bool], texts: list[str], keep, kept: list[bool]) -> list[bool] | None:
    """The model's decisions, or the prose blocks when it keeps no prose; None when no block still kept is prose.

    A block is prose when the page's measure says so (`prose`: it knows
    scripts without spaces or sentence marks) or the layout's (is_prose of
    its text, read only for the blocks in question).
    """
    if any(k and still and (p or is_prose(text)) for p, text, k, still in zip(prose, texts, keep, kept)):
        return list(keep)
    chosen = [still and (p or is_prose(text)) for p, text, still in zip(prose, texts, kept)]
    return chosen if any(chosen) else None
