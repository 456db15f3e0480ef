"""Step `teasers`: runs of teasers of other stories kept inside or around the article (the topic pass).

Text dumps only: in HTML mode the extractor already leaves teaser lists
out.  How the runs are found: coherence.py.  A headline the step takes
was a teaser's title (a box of other stories above the article): it is
picked again among the kept lines.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import coherence, rules
from .features import tokenize

if TYPE_CHECKING:
    from .page import Page


def remove_teasers(page: Page) -> dict[int, str]:
    words = page.tokens
    if page.cuts:
        # The words of the sentences the spam cut shortened are read again.
        words = list(words)
        for i in page.cuts:
            words[i] = tokenize(page.blocks[i].text)
    title = page.found.get("title") or page.doc.metadata.get("title")
    removals = dict.fromkeys(coherence.find_unrelated(page.blocks, page.language, title, page.core, words), rules.UNRELATED_TEASER)
    if page.headline is not None and page.headline in removals:
        from .headline import replace_headline

        replace_headline(page, removals, kept_only=True)
    return removals
