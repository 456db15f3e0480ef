"""Step `article_end`: a heading after the core began that opens other content ends the article.

"Related Posts", "See also", "Popular", "Leave a Reply" and their
equivalents in ~20 languages (patterns.section_end_kind; for HTML blocks a
heading element, html_blocks.ends_article): the heading and everything
after it go, as `comments_section` when it heads comments, else
`related_section`.  Such a heading does not end the article when it tops
a box above the article (most of the page's prose is still to come).  In
a text dump it does not either when it tops a box of links inside the
article (prose goes on right under a few titles), or is a link to the
comments in the article's header; the step `section_headings` then
removes the heading alone.

The page finds the end when it is built (the core is searched again above
it, and the metadata under it is not the article's); the step removes.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from . import byline, html_blocks, rules, shapes

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
INLINE_MIN_PROSE_CHARS = 1000
INLINE_LOOKAHEAD_LINES = 20

_COMMENT_LINK = re.compile(
    r"^\W*(?:\d+\s+)?(?:\w{1,4}\s+)?(?:comments?|kommentare?|commentaires?|comentarios?|commenti|komentarze|reacties|"
    r"réactions?|reactions?|replies|antworten|комментари\w*|yorumlar?)\W*(?:\d+\W*)?$",
    re.IGNORECASE,
)
_COMMENT_STAMP = re.compile(
    r"\d:\d\d(?!\d)"  # a clock time
    r"|\d+\s+\w+\s+(?:ago|her)\b|\b(?:vor|il y a|hace|há)\s+\d+\s+\w+|\d+\s*\w+\s+назад",  # an age: "6 years ago", "vor 2 Tagen"
    re.IGNORECASE,
)
_COMMENT_HEADINGS = (
    "comment", "reply", "repl", "response", "thought", "antwort", "réponse", "réaction", "meinung", "kommentar", "commentaire",
    "comentario", "commento", "коммент", "yorum", "댓글", "コメント", "评论", "discussion", "reacties", "komentarze",
    "коментар", "şərh", "пікір", "კომენტარ", "մեկնաբան",
)


def remove_after_article_end(page: Page) -> dict[int, str]:
    """The heading that ends the article and every line after it."""
    if page.section_end is None:
        return {}
    rule = rules.COMMENTS_SECTION if is_comment_heading(page.texts[page.section_end]) else rules.RELATED_SECTION
    return dict.fromkeys(range(page.section_end, len(page.texts)), rule)


def is_comment_heading(text: str) -> bool:
    lowered = text.lower()
    return any(word in lowered for word in _COMMENT_HEADINGS)


def find_article_end(page: Page, counted: list[bool], prose_suffix: list[int] | None) -> int | None:
    """The line of the first heading after the core began that ends the article, or None.

    `counted`: per line, whether its characters count as prose;
    `prose_suffix`: the prose characters from each line on (None: summed here from `counted`).
    """
    if page.core is None:
        return None
    line_chars = page.lines.chars.tolist()
    if prose_suffix is None:
        prose_suffix = [0] * (len(line_chars) + 1)
        for i in range(len(line_chars) - 1, -1, -1):
            prose_suffix[i] = prose_suffix[i + 1] + (line_chars[i] if counted[i] else 0)
    prose_before = 0
    headings = page.headings  # None for HTML blocks
    for i in range(page.core[0], len(page.texts)):
        # A heading only counts once enough prose is seen (so is only looked for then).
        if (
            prose_before >= MIN_PROSE_BEFORE_SECTION_END
            and (headings is None or headings[i])
            and _ends_article(page, i, prose_before, counted, prose_suffix)
        ):
            return i
        if counted[i]:
            prose_before += line_chars[i]
    return None


def _ends_article(page: Page, i: int, prose_before: int, counted: list[bool], prose_suffix: list[int] | None) -> bool:
    if not page.text_mode:
        return html_blocks.ends_article(page.blocks[i]) and not _tops_teaser_box(page.texts, i, prose_before, prose_suffix)
    return (
        page.headings[i]
        and not _tops_teaser_box(page.texts, i, prose_before, prose_suffix)
        and not _box_inside(page.texts, i, counted, page.is_furniture)
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


def _box_inside(texts: list[str], i: int, counted: list[bool], furniture) -> bool:
    """A "Related"/"Read also" heading over a few links, with the article's prose going on right under them (past a photo's credit)."""
    end = len(texts)
    if is_comment_heading(texts[i]):
        return False
    chars, titled = 0, False
    for j in range(i + 1, end - 1):
        if counted[j]:
            after = next((k for k in range(j + 1, end) if not furniture[k]), end)
            return titled and after < end and counted[after] and not _states_metadata(texts[j - 1])
        chars += len(texts[j])
        if chars > BOX_MAX_CHARS:
            return False
        titled = titled or shapes.title_like(texts[j])
    return False


def _states_metadata(text: str) -> bool:
    """A byline or a dateline: over a story's first paragraph, the head of another story."""
    return any(parse(text) is not None for parse in (byline.parse_byline, byline.parse_dateline, byline.parse_byline_and_date))


def _label_inside(texts: list[str], i: int, counted: list[bool], line_chars) -> bool:
    """A "Read also:" label over a link, with the article's prose going on under it (INLINE_MIN_PROSE_CHARS)."""
    if not texts[i].rstrip().endswith((":", "：")) or is_comment_heading(texts[i]):
        return False
    stop = min(len(texts), i + 1 + INLINE_LOOKAHEAD_LINES)
    return sum(int(line_chars[j]) for j in range(i + 1, stop) if counted[j]) >= INLINE_MIN_PROSE_CHARS
