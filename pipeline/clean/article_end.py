"""Step `article_end`: a heading after the core began that opens other content ends the article.

"Related Posts", "See also", "Popular", "Leave a Reply" and their
equivalents in ~40 languages (patterns.section_end_kind; for HTML blocks a
heading element, html_blocks.ends_article): the heading and everything
after it go, as `comments_section` when it heads comments, else
`related_section`.  Such a heading does not end the article when it tops
a box above the article (most of the page's prose is still to come), nor
when it tops a box of links inside the article (prose goes on right under
a few titles), or is a link to the comments in the article's header.  In
a text dump the step `section_headings` then removes the heading alone;
of HTML blocks this step removes the box's heading and its links, as
`related_section`, and looks for the article's end further down.

In a text dump a thread of readers' comments that no heading opens ends
the article too (find_thread_start): comments in a row, each a time stamp
with a "Reply" button under its text; everything from the first one on
goes as `comments_section`.

The page finds the end when it is built (the core is searched again above
it, and the metadata under it is not the article's); the step removes.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..dates import parse_date
from ..dumps.layout import is_prose
from . import byline, html_blocks, patterns, rules, shapes

if TYPE_CHECKING:
    from .page import Page

# A heading only ends the article once this much prose has been seen since
# the core began: a "Popular" box above a short lead must not cut the
# article it precedes.
MIN_PROSE_BEFORE_SECTION_END = 200
# A "Related"/"Popular" heading with this many times more prose after it
# than before it tops a teaser box above the article.
SECTION_END_MAX_PROSE_RATIO = 3.0
# A comment heading that is only a label with a count ("Comments (32)")
# and has no comment's time stamp in this many lines under it links to the
# comments from the article's header: the article is below it.  Any other
# comment heading ends the article however much prose follows (threads
# are long; "Leave a Reply" tops a form).
THREAD_STAMP_LINES = 12
# A "Related"/"Read also" heading over a few stories' titles (this many
# characters in all, a title among them), with two prose lines in a row
# right under them, is a box of links inside the article (a list of
# teasers alternates titles and paragraphs).  Not when a byline or a
# dateline stands right above that prose: it opens the next story of a
# page that loads one under another.
BOX_MAX_CHARS = 400
# A "Read also:"/"Related:" label (a heading that ends in a colon: it
# introduces the link under it, as a section's heading does not) with this
# much prose in the INLINE_LOOKAHEAD_LINES lines under it stands inside the
# article: the article goes on under the link.
# Of HTML blocks, where every kept block counts as prose, the same two
# measure a box of links inside the article: the article goes on under it
# when the next INLINE_LOOKAHEAD_LINES blocks hold INLINE_MIN_PROSE_CHARS of
# paragraphs that read as sentences (a box at the article's end has page
# furniture under it, other stories' teasers, or a few closing words).
INLINE_MIN_PROSE_CHARS = 1000
INLINE_LOOKAHEAD_LINES = 20

_COMMENT_LINK = re.compile(
    r"^\W*(?:\d+\s+)?(?:\w{1,4}\s+)?(?:comments?|kommentare?|commentaires?|comentarios?|commenti|komentarze|reacties|"
    r"réactions?|reactions?|replies|antworten|комментари\w*|yorumlar?)\W*(?:\d+\W*)?$",
    re.IGNORECASE,
)
# An age: "6 years ago", "vor 2 Tagen", "hace una hora", "2 часа назад", "3 saat önce", "5분 전", "3時間前".
_AGE = (
    r"(?:\d+|an?|one)\s+\w+\s+(?:ago|her)\b|\b(?:vor|il y a|hace|há)\s+(?:\d+|eine[mr]?|une?|una?|uma?)\s+\w+"
    r"|\d+\s*\w+\s+(?:назад|тому|önce|əvvəl|бұрын|წინ|առաջ|fa|temu|geleden|sedan|siden)(?!\w)"
    r"|\d+\s*(?:분|시간|일|주|개월|년)\s*전|\d+\s*(?:分|時間|日|週間|ヶ月|年)前|\d+\s*(?:分钟|小时|天|周|个月|年)前"
)
_COMMENT_STAMP = re.compile(r"\d:\d\d(?!\d)|" + _AGE, re.IGNORECASE)  # a clock time or an age
_AGE_STAMP = re.compile(_AGE, re.IGNORECASE)
# A reader's comment ends in a button to reply to it.  Not "Report" or
# "Like" alone: customers' reviews of a product carry those, and are the page.
_REPLY_WORDS = frozenset(
    (
        "reply", "antworten", "beantworten", "répondre", "responder", "rispondi", "beantwoorden", "odpowiedz", "svara", "svar",
        "ответить", "відповісти", "yanıtla", "yanıt ver", "cevapla", "cavab ver", "cavabla", "жауап беру", "жауап",
        "პასუხი", "უპასუხე", "պատասխանել", "답글", "답글쓰기", "返信", "回复", "回覆",
    )
)
# A forum numbers its posts ("#2", "Post #2", "#2 reader"); an article's comments are not numbered so.
_POST_NUMBER = re.compile(r"^\W*(?:post\s*)?#\d+(?:\W|$)", re.IGNORECASE)
# A headingless thread: this many comments in a row, each a line that holds
# its time stamp and, within COMMENT_MAX_LINES lines under it, a "Reply".
# A live blog's entries carry time stamps too, and no "Reply" under them.
THREAD_MIN_COMMENTS = 3
COMMENT_MAX_LINES = 15
# A comment's stamp stands on a short line of its own, or with the reader's name.
STAMP_MAX_CHARS = 60
# The reader's name on a line of its own above the stamp.
COMMENTER_MAX_CHARS = 40
_MARKS = " \t:.-–—|»«>•*()[]!?…#↓↑↳⤷"
_DIGITS = "0123456789"
# A comments heading's words: the shared ones, and five that only this check
# reads (patterns.story_box_heading does not leave them out of story boxes).
_COMMENT_HEADINGS = patterns.COMMENT_WORDS + ("reply", "şərh", "пікір", "კომენტარ", "մեկնաբան")


def remove_after_article_end(page: Page) -> dict[int, str]:
    """The heading that ends the article and every line after it; of HTML blocks, the boxes of links inside the article too."""
    removed = {i: rules.RELATED_SECTION for box in page.inside_boxes for i in box}
    if page.section_end is None:
        return removed
    return removed | dict.fromkeys(range(page.section_end, len(page.texts)), section_rule(page))


def section_rule(page: Page) -> str:
    """The rule of the lines from the article's end on: the comments' or another section's."""
    if page.thread_end or is_comment_heading(page.texts[page.section_end]):
        return rules.COMMENTS_SECTION
    return rules.RELATED_SECTION


def is_comment_heading(text: str) -> bool:
    lowered = text.lower()
    return any(word in lowered for word in _COMMENT_HEADINGS)


def find_article_end(page: Page, counted: list[bool], prose_suffix: list[int] | None) -> tuple[int | None, list[range]]:
    """The line of the first heading after the core began that ends the article (or None), and the boxes of links inside the article above it (HTML blocks).

    `counted`: per line, whether its characters count as prose;
    `prose_suffix`: the prose characters from each line on (None: summed here from `counted`).
    """
    boxes: list[range] = []
    if page.core is None:
        return None, boxes
    line_chars = page.lines.chars.tolist()
    if prose_suffix is None:
        prose_suffix = [0] * (len(line_chars) + 1)
        for i in range(len(line_chars) - 1, -1, -1):
            prose_suffix[i] = prose_suffix[i + 1] + (line_chars[i] if counted[i] else 0)
    prose_before = 0
    headings = page.headings  # None for HTML blocks
    i = page.core[0]
    while i < len(page.texts):
        # A heading only counts once enough prose is seen (so is only looked for then).
        if (
            prose_before >= MIN_PROSE_BEFORE_SECTION_END
            and (headings is None or headings[i])
            and _ends_article(page, i, prose_before, counted, prose_suffix)
        ):
            box = None if page.text_mode else _html_box_inside(page, i)
            if box is None:
                return i, boxes
            boxes.append(box)
            i = box.stop
            continue
        if counted[i]:
            prose_before += line_chars[i]
        i += 1
    return None, boxes


def find_thread_start(page: Page, counted: list[bool]) -> int | None:
    """The first line of a thread of readers' comments that no heading opens, after the core began, or None.

    THREAD_MIN_COMMENTS comments in a row, each a time stamp ("2 hours ago",
    "12.03.2024 14:05") with a "Reply" button under it; the thread starts
    at the first one's stamp, or at the reader's name on the line above
    it.  Not a forum's posts, which are the page: every "Reply" after the
    core began must be a comment's (a forum's first post has its own, its
    stamp far above it), none may stand above the core, and the posts are
    not numbered ("#2").
    """
    if page.core is None:
        return None
    texts = page.texts
    start = page.core[0]
    replies = [i for i in range(start, len(texts)) if _is_reply_button(page.folded[i])]
    if len(replies) < THREAD_MIN_COMMENTS or any(_is_reply_button(page.folded[i]) for i in range(start)):
        return None
    stamps: list[int] = []  # the comments' stamps so far
    previous = start - 1
    for reply in replies:
        # The comment's stamp, with its text between it and the button (a
        # stamp right over the button dates an edit of the post above).
        stamp = next((j for j in range(reply - 2, max(previous, reply - COMMENT_MAX_LINES - 1), -1) if _is_stamp(texts[j])), None)
        if stamp is None:
            return None
        stamps.append(stamp)
        if len(stamps) == THREAD_MIN_COMMENTS:
            first = stamps[0]
            if any(len(texts[i]) <= COMMENTER_MAX_CHARS and _POST_NUMBER.match(texts[i]) for i in range(first, reply)):
                return None
            if first - 1 > start and len(texts[first - 1]) <= COMMENTER_MAX_CHARS and not counted[first - 1]:
                first -= 1  # the reader's name
            # The comments of an article: some of its prose stands above them.
            return first if any(counted[start:first]) else None
        previous = reply
    return None


def _is_reply_button(folded: str) -> bool:
    """A "Reply" button's label, a count after it ("Reply (2)"); with a count before it, a count of replies ("2 replies")."""
    return len(folded) <= COMMENTER_MAX_CHARS and folded.lstrip(_MARKS).rstrip(_MARKS + _DIGITS) in _REPLY_WORDS


def _is_stamp(text: str) -> bool:
    """An age or a date on a short line (a clock time alone is too common in a post's text: "ETA: 6:05pm")."""
    return len(text) <= STAMP_MAX_CHARS and (_AGE_STAMP.search(text) is not None or parse_date(text) is not None)


def _ends_article(page: Page, i: int, prose_before: int, counted: list[bool], prose_suffix: list[int] | None) -> bool:
    if not page.text_mode:
        return html_blocks.ends_article(page.blocks[i]) and not _tops_teaser_box(page.texts, i, prose_before, prose_suffix)
    return (
        page.headings[i]
        and not _tops_teaser_box(page.texts, i, prose_before, prose_suffix)
        and not _box_inside(page.texts, i, counted, page.is_furniture, page.repeated)
        and not _label_inside(page.texts, i, counted, page.lines.chars)
    )


def _tops_teaser_box(texts: list[str], i: int, prose_before: int, prose_suffix: list[int]) -> bool:
    """A heading with most of the page's prose still to come tops a box above the article (or links to comments)."""
    if prose_suffix[i + 1] <= SECTION_END_MAX_PROSE_RATIO * prose_before:
        return False
    if not is_comment_heading(texts[i]):
        return True
    return _COMMENT_LINK.match(texts[i]) is not None and not any(
        _COMMENT_STAMP.search(text) for text in texts[i + 1 : i + 1 + THREAD_STAMP_LINES]
    )


def _links_under(texts: list[str], i: int, stop: int, reads_as_prose) -> tuple[int, bool] | None:
    """Under the heading at `i`: the first line before `stop` that `reads_as_prose` (a line's index -> bool), and whether a story's title stands among the lines above it.

    None for a comments heading, and where those lines pass BOX_MAX_CHARS or no such line comes.
    """
    if is_comment_heading(texts[i]):
        return None
    chars, titled = 0, False
    for j in range(i + 1, stop):
        if reads_as_prose(j):
            return j, titled
        chars += len(texts[j])
        if chars > BOX_MAX_CHARS:
            return None
        titled = titled or shapes.title_like(texts[j])
    return None


def _is_label(text: str) -> bool:
    """A heading that ends in a colon: it introduces the link under it, as a section's heading does not."""
    return text.rstrip().endswith((":", "："))


def _box_inside(texts: list[str], i: int, counted: list[bool], furniture, repeated) -> bool:
    """A "Related"/"Read also" heading over a few links, with the article's prose going on right under them (past a photo's credit).

    A story's title long enough to count as prose (">> Affaire Benalla : le
    scandale d'Etat ...") is read as prose first; where that finds no box,
    such titles are links too, and the article goes on under them only
    with INLINE_MIN_PROSE_CHARS of prose in the INLINE_LOOKAHEAD_LINES
    lines after them (more than a teaser's excerpt, or its author's bio,
    holds), none of it cut short or printed twice (`repeated`: per line,
    whether the page holds it more than once), and no date among the links
    (the head of another story).
    """
    end = len(texts)
    if _prose_under_links(texts, i, counted, furniture, counted.__getitem__) is not None:
        return True
    j = _prose_under_links(texts, i, counted, furniture, lambda k: counted[k] and not shapes.title_like(texts[k]))
    if j is None or any(_is_stamp(texts[k]) for k in range(i + 1, j)):
        return False  # a date under a title: the head of another story
    stop = min(end, j + INLINE_LOOKAHEAD_LINES)

    def goes_on(k: int) -> bool:
        # Prose, not cut short ("…": a teaser's excerpt), not printed twice (a feed's preview, then the whole answer).
        return counted[k] and not shapes.truncated(texts[k]) and not repeated[k]

    return goes_on(j) and sum(len(texts[k]) for k in range(j, stop) if goes_on(k)) >= INLINE_MIN_PROSE_CHARS


def _prose_under_links(texts: list[str], i: int, counted: list[bool], furniture, reads_as_prose) -> int | None:
    """The first line of prose going on under the links of the heading at `i` (a story's title among them, two prose lines in a row), or None."""
    end = len(texts)
    found = _links_under(texts, i, end - 1, reads_as_prose)
    if found is None:
        return None
    j, titled = found
    after = next((k for k in range(j + 1, end) if not furniture[k]), end)
    if titled and after < end and counted[after] and not _states_metadata(texts[j - 1]):
        return j
    return None


def _html_box_inside(page: Page, i: int) -> range | None:
    """The blocks of a box of links inside the article that the HTML heading at `i` tops, or None when the article ends there.

    A "Related"/"Read also" heading over a few links (BOX_MAX_CHARS, a
    title among them), or a label ending in a colon over none, with the
    article's prose going on under them (INLINE_MIN_PROSE_CHARS in the
    INLINE_LOOKAHEAD_LINES blocks after them, not the head of another
    story; teasers' excerpts cut short and paragraphs the page prints
    twice do not count).  The box is the heading and its links; a heading
    right above the prose opens the article's next section, and stays.
    """
    texts = page.texts
    found = _links_under(texts, i, min(len(texts), i + 1 + INLINE_LOOKAHEAD_LINES), lambda j: is_prose(texts[j]))
    if found is None:
        return None
    first_prose, titled = found
    if not (titled or _is_label(texts[i])):
        return None
    if _states_metadata(texts[first_prose - 1]) or not _goes_on(page, first_prose):
        return None
    stop = min(len(texts), first_prose + INLINE_LOOKAHEAD_LINES)
    if sum(len(texts[k]) for k in range(first_prose, stop) if _goes_on(page, k)) < INLINE_MIN_PROSE_CHARS:
        return None
    end = first_prose
    while end - 1 > i and page.kinds[end - 1] == "h":
        end -= 1
    return range(i, end)


def _goes_on(page: Page, k: int) -> bool:
    """Block k reads as the article's prose going on: sentences, not cut short ("…": a teaser's excerpt), not printed elsewhere on the page."""
    text = page.texts[k]
    return is_prose(text) and not shapes.truncated(text) and not page.repeated[k]


def _states_metadata(text: str) -> bool:
    """A byline or a dateline: over a story's first paragraph, the head of another story."""
    return any(parse(text) is not None for parse in (byline.parse_byline, byline.parse_dateline, byline.parse_byline_and_date))


def _label_inside(texts: list[str], i: int, counted: list[bool], line_chars) -> bool:
    """A "Read also:" label over a link, with the article's prose going on under it (INLINE_MIN_PROSE_CHARS)."""
    if not _is_label(texts[i]) or is_comment_heading(texts[i]):
        return False
    stop = min(len(texts), i + 1 + INLINE_LOOKAHEAD_LINES)
    return sum(int(line_chars[j]) for j in range(i + 1, stop) if counted[j]) >= INLINE_MIN_PROSE_CHARS
