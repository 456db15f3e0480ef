"""Teaser runs: consecutive blocks that read as a list of other stories, each scoring low against the article.

Low similarity alone also marks real lines (a first sentence that sets a
scene, a caption, a short quote), so a block only goes as part of a run
that looks like a list of stories.  The blocks are read as items: a low
title with the paragraph under it (a story), a low title alone, a heading,
or a low block; a block on the topic ends a run.  A run is a list when it
holds two stories, or one with another mark of a list (a heading, a
paragraph cut short with "…", a second title); a heading over two titles,
or over one when the heading names a box of stories ("Most read"); one
story sharing nothing with the article; or a few bare titles between two
of the article's paragraphs.  A list spans its first to its last title,
then takes the stories past it whose titles did not read as titles and
the blocks under it that share nothing with the article.  A title is
short, so one chance word lifts it over the threshold: under a title that
scores just above it, a low paragraph still makes a story when the two
read together score low.
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache
from itertools import chain
from typing import Iterator, NamedTuple

from . import patterns
from .shapes import TITLE_MAX_CHARS, TITLE_QUESTION_MAX_CHARS, TITLE_STOPS, heading_like, title_like, truncated
from .similarity import ANCHOR_SIMILARITY, MIN_SIMILARITY

# The paragraph under a low title belongs to its story unless it is about
# the article (this is looser than MIN_SIMILARITY: more body kept).
PAIR_SIMILARITY = 0.1
PARAGRAPH_MIN_CHARS = 60
# A title scoring under PAIR_SIMILARITY heads a story when its paragraph is
# low and the two read as one story score under STORY_SIMILARITY too.
STORY_SIMILARITY = 0.08
# A single story is a list of one only when it, and the two read together,
# share (almost) nothing with the article: real subsections under a title
# always share a few words.
LONE_STORY_SIMILARITY = 0.03
# Past a list's last story, a block sharing nothing with the article (its
# title removed, or a second paragraph) is one more story.  Only below the
# list: above it the article's own last paragraph often scores near zero.
TRAILING_SIMILARITY = 0.01
# Two to this many titles sharing no words with the article, between two of
# its paragraphs (or after its last), with at most one low line under each:
# a teaser box.  A poem or a list of short items runs longer.
MAX_TITLES_BETWEEN = 4

# Item kinds.
STORY = "story"  # a title and its paragraph
UNTITLED = "untitled"  # a story whose title does not read as one
TITLE = "title"
HEADING = "heading"
LOW = "low"  # any other block scoring low
_STORIES = (STORY, UNTITLED)
_TITLES = (STORY, UNTITLED, TITLE)
_MARKS = (STORY, UNTITLED, TITLE, HEADING)


class Item(NamedTuple):
    kind: str
    start: int  # first block
    stop: int  # last block + 1


@lru_cache(maxsize=4096)
def section_heading(text: str) -> bool:
    """A heading that names a section of other content ("Mehr aus dem Ressort", "You might have missed")."""
    return bool(patterns.section_end_kind(text.strip()))


@lru_cache(maxsize=4096)
def heading(text: str) -> bool:
    """A section heading over a list of stories ("Related articles", "Popular"): a named one, or a short line without a sentence end."""
    return section_heading(text) or heading_like(text)


def teaser_runs(texts: list[str], sims: list[float], joint: list[float] | None = None) -> list[range]:
    """The runs of blocks that read as lists of other stories (see the module docstring).

    `sims`: each block's similarity to the article; `joint`: per title, the
    similarity of title and paragraph read as one story
    (similarity.story_similarities); a story only when that is low too.
    """
    runs = []
    items: list[Item] = []
    for item in chain(_items(texts, sims, joint), [None]):
        if item is not None:
            items.append(item)
            continue
        if items:  # an empty list makes no run (most blocks on the topic follow another)
            run = _list_run(texts, sims, joint, items)
            if run is not None:
                runs.append(run)
            items = []
    return _merge_runs(sims, _with_stories_above(texts, sims, runs))


def _items(texts: list[str], sims: list[float], joint: list[float] | None) -> Iterator[Item | None]:
    """The page's blocks as items, in order; None for a block on the topic (it ends a run)."""
    k = 0
    while k < len(texts):
        low = sims[k] < MIN_SIMILARITY
        untitled = sims[k] < LONE_STORY_SIMILARITY and _untitled_story(texts, sims, k)
        titled = untitled or (sims[k] < PAIR_SIMILARITY and title_like(texts[k]) and not section_heading(texts[k]))
        if titled and _story_paragraph(texts, sims, joint, k, low):
            yield Item(UNTITLED if untitled else STORY, k, k + 2)
            k += 2
            continue
        if untitled:
            yield Item(LOW, k, k + 1)
        elif low and titled:
            yield Item(TITLE, k, k + 1)
        elif low and heading(texts[k]):
            yield Item(HEADING, k, k + 1)
        elif low:
            yield Item(LOW, k, k + 1)
        else:
            yield None
        k += 1


def _story_paragraph(texts: list[str], sims: list[float], joint: list[float] | None, k: int, low: bool) -> bool:
    """The block under the title at k is its story's paragraph: a paragraph, low too, and the two read as one score low."""
    n = k + 1
    if n >= len(texts) or title_like(texts[n]) or heading(texts[n]) or len(texts[n]) < PARAGRAPH_MIN_CHARS:
        return False
    if joint is not None and joint[k] >= STORY_SIMILARITY:
        return False
    return (sims[n] < MIN_SIMILARITY or (low and sims[n] < PAIR_SIMILARITY)) and (low or joint is not None)


def _list_run(texts: list[str], sims: list[float], joint: list[float] | None, items: list[Item]) -> range | None:
    """The run the items make when they read as a list of stories: from its first mark to its last story, and what trails it."""
    marks = [it for it in items if it.kind in _MARKS]
    if not marks or not _reads_as_list(texts, sims, joint, items, marks):
        return None
    titles = [it for it in items if it.kind in _TITLES]
    last_title = max(it.stop for it in titles) if titles else 0
    end = _more_stories(texts, items, last_title)
    end = _trailing_blocks(sims, items, end)
    if end == last_title and items[-1].kind == TITLE and items[-1].stop == end and _teaser_text(texts, sims, end):
        end += 1  # the last title's own text, which shared a few chance words with the article
    return range(marks[0].start, end)


def _reads_as_list(texts: list[str], sims: list[float], joint: list[float] | None, items: list[Item], marks: list[Item]) -> bool:
    """The items read as a list of stories (the module docstring says when)."""
    kinds = Counter(it.kind for it in items)
    stories = kinds[STORY] + kinds[UNTITLED]
    titles = stories + kinds[TITLE]
    headed = kinds[HEADING] > 0
    if stories >= 2 or stories and (headed or titles >= 2 or any(truncated(texts[i]) for it in marks for i in range(it.start, it.stop))):
        return True
    # A heading that names a box of stories ("More stories") needs one title under it, a bare heading two.
    if headed and (titles >= 2 or titles and any(it.kind == HEADING and patterns.story_box_heading(texts[it.start].strip()) for it in items)):
        return True
    if stories == 1 and any(it.kind == STORY and _shares_nothing(it.start, sims, joint) for it in items):
        return True
    return _titles_between_paragraphs(texts, sims, items)


def _trailing_blocks(sims: list[float], items: list[Item], end: int) -> int:
    """Where a list ends once the low lines and headings right under it that share nothing with the article are taken."""
    for it in items:
        if it.start < end:
            continue
        if it.kind not in (LOW, HEADING) or sims[it.start] >= TRAILING_SIMILARITY:
            break
        end = it.stop
    return end


def _teaser_text(texts: list[str], sims: list[float], n: int) -> bool:
    """Block n reads as the text under a teaser title: a paragraph sharing few words with the article.

    It ended the run by scoring MIN_SIMILARITY or more; under
    PAIR_SIMILARITY it is still the title's own text.
    """
    return (
        n < len(texts)
        and len(texts[n]) >= PARAGRAPH_MIN_CHARS
        and not title_like(texts[n])
        and not heading(texts[n])
        and sims[n] < PAIR_SIMILARITY
    )


def _titles_between_paragraphs(texts: list[str], sims: list[float], run: list[Item]) -> bool:
    """A few titles (each with at most one low line), with paragraphs of the article right above and below them (or the end of the text)."""
    titles = sum(1 for it in run if it.kind == TITLE)
    if not 2 <= titles <= MAX_TITLES_BETWEEN or any(it.kind not in (TITLE, LOW) for it in run) or len(run) > 2 * titles:
        return False
    above, below = run[0].start - 1, run[-1].stop
    return all(n == len(texts) or on_topic_paragraph(n, texts, sims) for n in (above, below))


def _untitled_story(texts: list[str], sims: list[float], k: int) -> bool:
    """Block k heads a story though it does not read as a title ("Steinzeit & Co", "gnaddrig ad libitum").

    A short line without a sentence end over a longer paragraph, the two
    sharing (almost) no word with the article.  Such a story counts in a
    list, never as a lone story.  The caller asks sims[k] <
    LONE_STORY_SIMILARITY first (most blocks fail it).
    """
    if k + 1 >= len(texts) or sims[k + 1] >= LONE_STORY_SIMILARITY:
        return False
    line = texts[k].strip()
    return (
        _line_over_paragraph(line, texts[k + 1])
        and line[-1] not in TITLE_STOPS
        and not title_like(texts[k])
        and not title_like(texts[k + 1])
        and not section_heading(texts[k])
    )


def _with_stories_above(texts: list[str], sims: list[float], runs: list[range]) -> list[range]:
    """Each run with the one story right above it whose title did not read as one, never reaching into the run before."""
    out = []
    previous_stop = 0
    for run in runs:
        out.append(range(max(_story_above(texts, sims, run.start), previous_stop), run.stop))
        previous_stop = run.stop
    return out


def _merge_runs(sims: list[float], runs: list[range]) -> list[range]:
    """Two runs one block apart are one list unless that block is clearly on topic (a title sharing a chance word, a teaser's second paragraph)."""
    merged: list[range] = []
    for run in runs:
        if merged and run.start == merged[-1].stop + 1 and sims[merged[-1].stop] < ANCHOR_SIMILARITY:
            merged[-1] = range(merged[-1].start, run.stop)
        else:
            merged.append(run)
    return merged


def _line_over_paragraph(line: str, paragraph: str) -> bool:
    """The shape of a story whatever its title's: a short line (stripped) over a paragraph longer than it."""
    return 0 < len(line) <= TITLE_MAX_CHARS and len(paragraph) >= PARAGRAPH_MIN_CHARS and len(paragraph) > len(line)


def _story_above(texts: list[str], sims: list[float], start: int) -> int:
    """Where a list of stories starting at block `start` begins: a low short line over a low paragraph right above it is one more story.

    Its title did not read as one ("gousto.co.uk reviewed by ...", a title
    ending in a full stop), so the list was found from its second story on.
    """
    if start < 2:
        return start
    line, paragraph = texts[start - 2].strip(), texts[start - 1]
    if (
        max(sims[start - 2], sims[start - 1]) < MIN_SIMILARITY
        and _line_over_paragraph(line, paragraph)
        and not title_like(paragraph)
        and not heading(paragraph)
    ):
        return start - 2
    return start


def _shares_nothing(k: int, sims: list[float], joint: list[float] | None) -> bool:
    """The title at k and its paragraph, alone and read as one story, share (almost) no word with the article."""
    return max(sims[k], sims[k + 1], joint[k] if joint else 0.0) < LONE_STORY_SIMILARITY


def _more_stories(texts: list[str], items: list[Item], end: int) -> int:
    """Where a list of stories ends: past its last title, a short line over a low paragraph is one more story.

    Inside a run already taken for a list, a title too short to read as one
    ("Gitarre & Bass 02/2022") still heads the paragraph under it, and so
    does a short one the site cut ("Wann, wenn nicht jetzt...").
    """
    rest = [it for it in items if it.start >= end]
    for head, body in zip(rest[::2], rest[1::2]):
        line = texts[head.start].strip()
        if head.kind not in (LOW, HEADING) or body.kind != LOW or not _line_over_paragraph(line, texts[body.start]):
            break
        if line[-1] in TITLE_STOPS and not (len(line) <= TITLE_QUESTION_MAX_CHARS and truncated(line)):
            break
        end = body.stop
    return end


def on_topic_paragraph(n: int, texts: list[str], sims: list[float]) -> bool:
    """Block n is a paragraph sharing words with the article (what a subheading or a few teaser titles sit between)."""
    return 0 <= n < len(texts) and len(texts[n]) >= PARAGRAPH_MIN_CHARS and sims[n] >= MIN_SIMILARITY
