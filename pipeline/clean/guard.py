"""The guard of the topic pass: a page whose content is a list of stories is not emptied.

Teasers are a box beside an article.  When the runs found (and the blocks
the teaser model takes) would remove more than half of the kept text, the
page is itself a list of stories (a blog's front page) or the article was
not found, and they stay, unless the article is plainly there: a paragraph
outside them clearly on topic, or what they leave of the core (the
densest prose run) sharing words with the headline.  A list under a
heading that names a box of stories ("Most read") is weighed apart: such
a box goes whatever its size.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from .similarity import ANCHOR_SIMILARITY, profile

if TYPE_CHECKING:
    from .teasers import Stories

# The share of the kept text (less the named boxes) the runs may take.
MAX_REMOVED_SHARE = 0.5
# ...unless this many paragraphs of the article stay outside them, clearly
# on topic: this long (a column of near-identical share buttons, which
# vouch for each other, does not count) and scoring ANCHOR_SIMILARITY.
ANCHOR_MIN_BLOCKS = 1
ANCHOR_MIN_CHARS = 100
# ...or what the runs leave of the core, the headline aside, shares this
# many content words with the headline: the headline tells a core that is
# the article from one that is a cookie notice or a footer.
CORE_TITLE_WORDS = 2


def is_list_page(stories: Stories, sims: list[float], doomed: list[int], named: set[int]) -> bool:
    """Removing `doomed` (block indices) would take most of the text left without the named boxes, and nothing outside it is clearly the article."""
    blocks = stories.blocks
    unnamed_chars = sum(len(blocks[i].text) for i in doomed if i not in named)
    named_chars = sum(len(blocks[i].text) for i in named)
    return (
        unnamed_chars > MAX_REMOVED_SHARE * (stories.kept_chars - named_chars)
        and not anchored(stories, sims, doomed)
        and not beside_core(stories, doomed)
    )


def anchored(stories: Stories, sims: list[float], doomed: list[int]) -> bool:
    """Kept paragraphs outside `doomed` that are clearly about the article."""
    gone = set(doomed)
    texts, order, reference = stories.texts, stories.order, stories.reference
    on_topic = sum(
        1
        for n in range(len(texts))
        if reference[n] and order[n] not in gone and len(texts[n]) >= ANCHOR_MIN_CHARS and sims[n] >= ANCHOR_SIMILARITY
    )
    return on_topic >= ANCHOR_MIN_BLOCKS


def beside_core(stories: Stories, doomed: list[int]) -> bool:
    """What `doomed` leaves of the densest prose run (the headline aside) holds the headline's words: the article was found."""
    title = stories.title
    if not title:
        return False
    gone = set(doomed)
    left = [n for n in stories.core_at if stories.order[n] not in gone and stories.texts[n] != title]
    if not left:
        return False
    counts = stories.counts
    named = {counts.vocabulary[gram] for gram in profile(title, stories.stoplist) if gram in counts.vocabulary}
    shared = named.intersection(counts.word[np.isin(counts.block, left)].tolist())
    return len(shared) >= CORE_TITLE_WORDS
