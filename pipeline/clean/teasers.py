"""Step `teasers` (the topic pass): teasers of other stories kept inside or around the article.

A page lists other stories as a title, often followed by its first
paragraph ("Related articles", "Editor's choice", or no heading at all).
Those paragraphs are real prose, so the layout rules keep them; what gives
them away is that they are about something else.  Each kept block is
scored against the rest of the article (similarity.py), runs that read as
lists of stories are found (teaser_runs.py), a small model
(teasermodel.py) takes the teasers at their edges, and a second one, the
veto, gives back the blocks of a run it reads as the article's own text
(on real pages a run also takes a section that shares few words with the
rest: a recipe's steps, one product of a review); the guard (guard.py)
keeps a page that is itself a list of stories whole.  Around a heading
that names a box of stories ("Top stories"), the box goes down to the
headline above the article, or down to the article going on below it.

Earlier steps leave traces that still count: the block model often drops a
teaser's title (`low_content` / `outside_core`) and keeps its paragraph, so
a title or heading removed right above a kept block still marks where a
story begins (it is scored, but never part of the reference), and a few
lines it dropped just below kept text are scored too.

A headline the text keeps is scored as one of its blocks, once: a teaser
box above the article can hand the cleaner a teaser's title as headline,
and the headline must not vouch for the paragraph under it.  Only when
that finds no list is the headline given the weight of a title, or from
the start when the page's <title> line names the headline's line (the
article's own: a short article's lead, sharing few words with its other
paragraphs, read as a teaser under it).  A
headline the step takes was a teaser's title: it is picked again among the
kept lines.  Text dumps only: in HTML mode the extractor already leaves
teaser lists out.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from ..language import page_language
from . import guard, patterns, rules, teasermodel
from .features import stopwords, tokenize
from .shapes import TITLE_STOPS, title_like, truncated
from .similarity import ANCHOR_SIMILARITY, MIN_SIMILARITY, page_counts, story_similarities, word_weights
from .spam import spam_hits
from .teaser_runs import PARAGRAPH_MIN_CHARS, heading, on_topic_paragraph, teaser_runs

if TYPE_CHECKING:
    from ..document import Block
    from .page import Page

# A block next to one the model or the runs took goes with it when it is
# that story's title (or the text under its title), shares no word with
# the article, and the model gives it at least this.
PARTNER_PROBABILITY = 0.5
# A kept block right beside the blocks the step takes goes too when the
# model gives it at least this and it is not clearly on topic (the first
# or last story of a box; chosen held out, bench/README.md).
EDGE_PROBABILITY = 0.8
# A heading naming a box of stories tops a box of at most this many blocks,
# none longer than BOX_TEXT_MAX_CHARS (teasers are a title and a sentence
# or two; an article's paragraphs run longer).  Set before measuring.
MAX_BOX_BLOCKS = 12
BOX_TEXT_MAX_CHARS = 400
# Rules whose removed titles and headings still separate stories (a "Read
# also" heading inside the article tops a box of teasers).
STORY_BOUNDARY_RULES = frozenset({rules.LOW_CONTENT, rules.OUTSIDE_CORE, rules.SECTION_HEADING})
# Removed lines below the kept text that still count as traces: two
# teasers of title and paragraph.
TRACE_REACH = 4
# Fewer kept blocks than this make no article to be unrelated to.
MIN_KEPT_BLOCKS = 3


def remove_teasers(page: Page) -> dict[int, str]:
    words = page.tokens
    if page.cuts:
        # The words of the sentences the spam cut shortened are read again.
        words = list(words)
        for i in page.cuts:
            words[i] = tokenize(page.blocks[i].text)
    title = page.found.get("title") or page.doc.metadata.get("title")
    titled = page.headline_titled and page.found.get("title") == title
    removals = dict.fromkeys(find_unrelated(page.blocks, page.language, title, page.core, words, titled), rules.UNRELATED_TEASER)
    if page.headline is not None and page.headline in removals:
        page.replace_headline(removals)
    return removals


def find_unrelated(
    blocks: list[Block],
    language: str | None = None,
    title: str | None = None,
    core: tuple[int, int] | None = None,
    words: list[list[str]] | None = None,
    titled: bool = False,
) -> list[int]:
    """The kept blocks that are teasers of other stories (indices into `blocks`).

    `language` picks the stoplist and the word weights (ISO 639-1, "und"
    for neither; read from the kept blocks when None); `title` is the article's headline, the strongest
    word evidence of its topic; `core`: the first and last block of the
    densest prose run (guard.beside_core); `words`: each block's words
    (features.tokenize of its current text), when the caller has them;
    `titled`: the page's <title> names the headline's line, so it is the
    article's own and vouches for the paragraph under it from the start.
    """
    if sum(block.kept for block in blocks) < MIN_KEPT_BLOCKS:
        return []
    stories = Stories(blocks, language, title, core, words)
    scorings: list[Scoring] = []
    doomed = None
    if stories.headline is not None and not titled:
        doomed = _judge(stories, "", scorings)
    if not doomed:
        doomed = _judge(stories, stories.title, scorings)
    doomed = list(doomed or ())
    last = scorings[-1] if scorings else None
    model, veto = teasermodel.load_teaser_model(), teasermodel.load_veto_model()
    x = _features(stories, last) if last is not None and (model is not None or veto is not None) else None
    spared: set[int] = set()
    if veto is not None and x is not None and doomed:
        spared = _spared(veto, x, stories, doomed, last.named)
        doomed = [i for i in doomed if i not in spared]
    gone = set(doomed)
    for i in _boxes(stories, last):
        if i not in gone:
            gone.add(i)
            doomed.append(i)
    spared -= gone  # a box under a heading that names it goes whole
    if model is not None and x is not None:
        # The model's blocks are weighed with the runs' by the same guard.
        extra = _model_teasers(model.probabilities(x), model.threshold, stories, gone, spared, last)
        if extra and not guard.is_list_page(stories, last.sims, doomed + extra, last.named):
            doomed += extra
    return doomed


@dataclass
class Scoring:
    """One scoring of the blocks against the article that found a topic."""

    sims: list[float]  # each block's similarity to the rest of the article
    joint: list[float]  # per title over a paragraph: the two read as one story
    runs: list[range]  # the teaser runs found (teaser_runs)
    named: set[int]  # block indices in runs under a heading that names a box of stories


class Stories:
    """The blocks the topic pass scores: the kept blocks, and the traces of stories the layout rules removed around them.

    Position n is block `order[n]`; only kept blocks (`reference`) vouch
    for others or can be taken.
    """

    def __init__(self, blocks: list[Block], language: str | None, title: str | None, core, words) -> None:
        is_kept = [b.kept for b in blocks]  # read once per block
        kept = [i for i, k in enumerate(is_kept) if k]
        self.blocks = blocks
        self.order = _scored_blocks(blocks, is_kept, kept)
        self.texts = [blocks[i].text for i in self.order]
        if language is None:
            language, _ = page_language([blocks[i].text for i in kept])
        self.title = title or ""
        self.reference = [is_kept[i] for i in self.order]
        self.stoplist = stopwords(language)
        self.kept_chars = sum(len(blocks[i].text) for i in kept)
        self.core_at = [n for n in range(len(self.texts)) if self.reference[n] and core and core[0] <= self.order[n] <= core[1]]
        # Computed once for both scorings.
        self.titles = [title_like(t) for t in self.texts]
        order_words = [words[i] for i in self.order] if words is not None else None
        self.counts = page_counts(self.texts, self.stoplist, order_words, self.titles, word_weights(language))
        # Where the text keeps the headline, if it does.
        self.headline = next((n for n, t in enumerate(self.texts) if self.title and t == self.title), None)


def _scored_blocks(blocks: list[Block], is_kept: list[bool], kept: list[int]) -> list[int]:
    """The kept blocks and, around them, the removed lines that still mark a story (_trace), in page order.

    Up from a kept block while the removed lines are traces (the line
    model's verdicts on navigation far from the article are not teasers'
    titles); and down from it, paragraphs too (the block model often keeps a
    teaser's title and drops its paragraph), up to TRACE_REACH new traces.
    """
    repeated = Counter(b.text for b in blocks)
    boundary = [False] * len(blocks)
    for j in kept:
        i = j - 1
        while i >= 0 and not is_kept[i] and _trace(blocks[i], repeated):
            boundary[i] = True
            i -= 1
    for j in kept:
        i, reach = j + 1, TRACE_REACH
        while i < len(blocks) and reach and not is_kept[i]:
            if not boundary[i]:
                if not _trace(blocks[i], repeated, paragraphs=True):
                    break
                boundary[i] = True
                reach -= 1
            i += 1
    return [i for i, k in enumerate(is_kept) if k or boundary[i]]


def _trace(block: Block, repeated: Counter, paragraphs: bool = False) -> bool:
    """A line the layout rules removed that still marks a story: a title or heading (or, with `paragraphs`, a paragraph).

    A line the page repeats ("Bild anzeigen", "Weiterlesen") is layout,
    and a spam line the block model dropped is no story's title.
    """
    text = block.text
    return (
        block.removed_by in STORY_BOUNDARY_RULES
        and repeated[text] == 1
        and ((paragraphs and len(text) >= PARAGRAPH_MIN_CHARS) or title_like(text) or heading(text))
        and not spam_hits(text)
    )


def _judge(stories: Stories, title: str, scorings: list[Scoring]) -> list[int] | None:
    """The blocks of the teaser runs found when the article is scored with `title` as its headline; None for none.

    A list under a heading that names it a box of other stories goes
    whatever its size; the guard weighs the other runs against the text
    left without the named ones.
    """
    sims, joint = story_similarities(stories.texts, stories.stoplist, title, stories.reference, stories.titles, stories.counts)
    order, reference = stories.order, stories.reference
    if not any(ref and sim >= MIN_SIMILARITY for ref, sim in zip(reference, sims)):
        return None  # no kept block is on any common topic: nothing is "unrelated" to it
    runs = teaser_runs(stories.texts, sims, joint)
    doomed = [order[n] for run in runs for n in run if reference[n]]
    named = {order[n] for run in runs if _named(stories.texts, run) for n in run if reference[n]}
    scorings.append(Scoring(sims, joint, runs, named))
    if guard.is_list_page(stories, sims, doomed, named):
        # The "article" is the list: a page of teasers is not this step's to empty.
        return [i for i in doomed if i in named] or None
    return doomed


def _named(texts: list[str], run: range) -> bool:
    """The run starts with (or right under) a heading that names a box of other stories."""
    return any(patterns.story_box_heading(texts[n].strip()) for n in (run.start, run.start - 1) if n >= 0)


def _boxes(stories: Stories, last: Scoring | None) -> list[int]:
    """The blocks of the boxes under headings that name a box of stories, above the headline and (once scored) below it."""
    boxes = _box_above_headline(stories)
    if last is not None:
        boxes += _boxes_below(stories, last.sims)
    return boxes


def _box_above_headline(stories: Stories) -> list[int]:
    """The kept blocks between a heading naming a box of stories ("Top stories") and the headline under it."""
    texts, headline = stories.texts, stories.headline
    if headline is None:
        return []
    for h in range(headline - 1, max(-1, headline - 2 - MAX_BOX_BLOCKS), -1):
        if patterns.story_box_heading(texts[h].strip()):
            between = range(h + 1, headline)
            if all(len(texts[n]) <= BOX_TEXT_MAX_CHARS for n in between):
                return [stories.order[n] for n in between if stories.reference[n]]
            return []
    return []


def _boxes_below(stories: Stories, sims: list[float]) -> list[int]:
    """Under each heading naming a box of stories below the headline: its short blocks not clearly on topic.

    The layout rules drop such a heading, but the article does not end
    there when the box holds more prose than the article above it.  The box
    ends at the first block longer than BOX_TEXT_MAX_CHARS or clearly on
    topic (the article going on under an inline box), after MAX_BOX_BLOCKS
    blocks, or at the end of the text.  A box with no title in it is advice
    under a heading such as "Empfehlungen", not a list of stories.
    """
    texts, titles = stories.texts, stories.titles
    out = []
    start = stories.headline + 1 if stories.headline is not None else 0
    for h in range(start, len(texts)):
        if not patterns.story_box_heading(texts[h].strip()):
            continue
        box = []
        for n in range(h + 1, min(len(texts), h + 1 + MAX_BOX_BLOCKS)):
            if len(texts[n]) > BOX_TEXT_MAX_CHARS or sims[n] >= ANCHOR_SIMILARITY or patterns.story_box_heading(texts[n].strip()):
                break
            box.append(n)
        if any(titles[n] for n in box):
            out.extend(stories.order[n] for n in box if stories.reference[n])
    return out


def _features(stories: Stories, scoring: Scoring) -> np.ndarray:
    """The teaser model's features of every scored block (teasermodel.teaser_features)."""
    texts = stories.texts
    in_run = [False] * len(texts)
    for run in scoring.runs:
        for n in run:
            in_run[n] = True
    return teasermodel.teaser_features(
        scoring.sims, scoring.joint, [len(t) for t in texts], stories.titles,
        list(map(truncated, texts)),
        [t.rstrip()[-1:] in TITLE_STOPS for t in texts],
        [heading(t) for t in texts], in_run, stories.reference, stories.headline,
    )


def _spared(veto, x: np.ndarray, stories: Stories, doomed: list[int], named: set[int]) -> set[int]:
    """The blocks the runs took that the veto reads as the article's own text (block indices); never a box a heading names."""
    p = veto.probabilities(x)
    position = {i: n for n, i in enumerate(stories.order)}
    return {i for i in doomed if i not in named and p[position[i]] < veto.threshold}


def _model_teasers(p: np.ndarray, threshold: float, stories: Stories, doomed: set[int], spared: set[int], scoring: Scoring) -> list[int]:
    """Kept blocks the teaser model reads as other stories' teasers (probabilities `p`), beyond the blocks already `doomed`.

    Never the headline (whether it is a teaser's title is the runs' to
    say), nor the article's own subheading, nor a block the veto gave back
    (`spared`).  A story's title next to a taken text, or its text under a
    taken title, goes with it.
    """
    texts, titles, reference, order, headline = stories.texts, stories.titles, stories.reference, stories.order, stories.headline
    sims = scoring.sims
    free = [reference[n] and order[n] not in spared and n != headline for n in range(len(texts))]
    taken = [
        n
        for n in np.flatnonzero(p >= threshold).tolist()
        if free[n] and order[n] not in doomed and not _subheading(n, texts, sims, reference)
    ]
    # A teaser's title goes with its text, and its text with its title.
    gone = {n for n in range(len(texts)) if order[n] in doomed}.union(taken)
    partners = [
        n
        for k in gone
        for n in (k - 1, k + 1)
        if 0 <= n < len(texts)
        and n not in gone
        and free[n]
        and p[n] >= PARTNER_PROBABILITY
        and sims[n] < MIN_SIMILARITY
        and (titles[n] if n == k - 1 else titles[k] and not titles[n])
    ]
    gone.update(partners)
    edges = _run_edges(gone, p, sims, free)
    return [order[n] for n in taken + sorted(set(partners)) + edges]


def _run_edges(gone: set[int], p, sims: list[float], free: list[bool]) -> list[int]:
    """Kept blocks at the edges of what the step takes that the model reads as teasers (EDGE_PROBABILITY) and that are not clearly on topic, outward until one is not.

    The first or last story of a box is often left: its title or text
    shares a word or two with the article, or the model is a little less
    sure of it than of the blocks in the box.
    """
    edges = []
    frontier = sorted(gone)
    while frontier:
        grown = []
        for k in frontier:
            for n in (k - 1, k + 1):
                if (
                    0 <= n < len(p)
                    and n not in gone
                    and free[n]
                    and p[n] >= EDGE_PROBABILITY
                    and sims[n] < ANCHOR_SIMILARITY
                ):
                    gone.add(n)
                    grown.append(n)
        edges += grown
        frontier = grown
    return sorted(edges)


def _subheading(n: int, texts: list[str], sims: list[float], reference: list[bool]) -> bool:
    """A short line between two kept paragraphs about the article: the article's own subheading, whatever its words.

    The teaser model reads a subheading that shares no word with the
    article much as a teaser's title alone.
    """
    if len(texts[n]) >= PARAGRAPH_MIN_CHARS or n == 0 or n + 1 >= len(texts):
        return False
    return all(reference[k] and on_topic_paragraph(k, texts, sims) for k in (n - 1, n + 1))
