"""A text dump's lines read back into blocks, whichever tool saved it.

Tools break a page into lines differently: one block element a line, one
text node a line, paragraphs wrapped at a fixed width (lynx, w3m,
inscriptis filled to a width), or Markdown (html2text, markdownify).  The
cleaner judges blocks (a paragraph, a heading, a list item), so a dump is
first read back into them:

- Markdown (`[text](url)` links and "#" headings on many lines): headings,
  list items, table rows and paragraphs become blocks of their kind; links
  keep their text, images and link definitions go, emphasis and escapes are
  undone.  A paragraph wrapped over several lines is one block.
- Wrapped (many lines filled to nearly the same width, none much wider):
  a line continues the one above when the first word of it would not have
  fitted on that one; list items and blank lines start new blocks.  The
  width is counted in characters (lynx, links, inscriptis) or in terminal
  columns (w3m, elinks: a Hangul or CJK character takes two); a script
  without capitals needs fewer full lines to show a fill.  A left margin
  with many full lines of its own is read at its own width (lynx ends
  body text a few columns before flush-left headings).
- Anything else: one block a line, as it was saved; a line that only goes
  on with the sentence above it is joined to it.
- A page saved as one run (minified markup's text with no break between
  its elements, a feed's text on one line): the run is first cut where
  one element met the next ("BioenergieMünchen", "erklärt.Der"), and a
  piece longer than any paragraph at its sentences' ends.

Marks some tools add are read too: lynx's and elinks' link numbers
("[8]the ministry") go, the list of links they print after the page is
read apart (its lines are blocks of kind LINKS, which the document
records as removed by rule `link_list`), the html2text command's starred
headings ("****** Headline ******") are headings.  The decisions use line lengths,
indentation and ASCII markup only: no word of any language (the byline
words a line may open with aside).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from ..clean import rules
from ..clean.scripts import cased_lower
from ..document import Block, composed, unescaped, visible

STYLE_LINES = "lines"
STYLE_WRAPPED = "wrapped"
STYLE_MARKDOWN = "markdown"

# A heading, and one the dump marks as of the first level (Markdown's "# "
# or "===" underline): most pages' headline is their one level-one heading.
HEADING = "h"
TOP_HEADING = "h1"
HEADING_KINDS = frozenset({HEADING, TOP_HEADING})


@dataclass(slots=True)
class DumpBlock:
    text: str  # plain text: markup undone, whitespace folded
    kind: str  # "line" (as saved) | "p" | "h" (heading) | "h1" (a level-one heading) | "li" (list item) | "row" (table row) | CELLS (a row of cells laid out by a text browser) | LINKS | LINK_ELEMENT
    first_line: int  # index of its first line in the dump
    lines: int = 1  # dump lines it was joined from


# A line a text browser prints on the page's links (link_list_start, link_elements_end): no text of the page.
LINKS = "links"
# elinks' line on one of the page's <link> elements (elinks_link_elements_end): no text of the page either.
LINK_ELEMENT = "link_element"

# --- style ------------------------------------------------------------------

# A dump is Markdown when at least this share of its non-blank lines holds
# a link, an image or an ATX heading (markdownify's dumps: a quarter to
# three quarters; other tools' dumps: none), and at least MIN_MARKDOWN_LINES do.
MARKDOWN_LINE_SHARE = 0.05
MIN_MARKDOWN_LINES = 3
_MARKDOWN_SIGN = re.compile(r"\]\((?:https?:|/|#|\.|mailto:)[^)\s]*(?:\s+\"[^\"]*\")?\)|^ {0,3}#{1,6} \S")

# Wrapped: among lines of MIN_WRAP_LINE_CHARS or more, at least
# MIN_WRAP_LINES end within WRAP_SLACK columns of one width, no fewer than
# in the WRAP_SLACK columns below those (a fill leaves a cliff at the
# width), and at most WRAP_OVER_SHARE are wider (a word too long to break:
# a URL).  Tools fill to 72-80 columns by default (lynx 79, w3m 80,
# html2text 78) and as wide as they are told (lynx -width, w3m -cols, a
# wide terminal): widths up to WRAP_WIDTHS' end are looked for.  Past
# USUAL_WRAP_WIDTH a fill must end its lines at MIN_FILL_ENDS columns or
# more within the slack, most of them starting within WIDE_FILL_MARGIN
# columns (_wide_fill): lines of one length there are a template's
# (teasers cut at N characters), lines that long by their indentation a
# table's.
WRAP_SLACK = 10
WRAP_OVER_SHARE = 0.02
MIN_WRAP_LINE_CHARS = 40
MIN_WRAP_LINES = 8
WRAP_WIDTHS = range(60, 301)
USUAL_WRAP_WIDTH = 160
MIN_FILL_ENDS = 3
WIDE_FILL_MARGIN = 10
# In a script without capitals (Korean, Georgian, Chinese, Arabic...) a
# short wrapped dump read one line a block keeps every paragraph in
# pieces: join_fragments knows a line that goes on by its lower-case
# start.  There this many full lines make a fill.
MIN_WRAP_LINES_CASELESS = 3


# East Asian wide and full-width characters (Hangul, CJK ideographs, kana,
# full-width forms) take two columns of a terminal.  w3m fills its lines
# to columns; lynx, inscriptis and textwrap count characters.
_WIDE = re.compile(
    "[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3"
    "\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\U00020000-\U0003fffd]"
)


def columns(text: str) -> int:
    """The columns a line takes on a terminal (a wide character two)."""
    return len(text) + len(_WIDE.findall(text))


# A first line marked as a heading the Markdown way: "# Title", or "Title"
# over a line of "=" (a setext heading, as Jina Reader writes the headline).
_OPENING_ATX = re.compile(r"^ {0,3}#{1,6} \S")
_OPENING_SETEXT = re.compile(r"^ {0,3}={3,}\s*$")


def _opens_with_markdown_heading(nonblank: list[str]) -> bool:
    """The dump opens with a Markdown heading: Markdown however few its signs (a feed's Markdown record of one paragraph)."""
    return bool(_OPENING_ATX.match(nonblank[0]) or (len(nonblank) > 1 and _OPENING_SETEXT.match(nonblank[1])))


def dump_style(lines: list[str]) -> tuple[str, int | None, Callable[[str], int]]:
    """(style, wrap width, what the width counts: len or columns): STYLE_MARKDOWN, STYLE_WRAPPED with its width, or STYLE_LINES.

    The width is looked for in characters first, then, in a dump with
    wide characters, in columns; in a script without capitals, with
    MIN_WRAP_LINES_CASELESS full lines.
    """
    nonblank = list(filter(str.strip, lines))
    if not nonblank:
        return STYLE_LINES, None, len
    # A sign holds "](" or "#": str.find rules out most lines before the regex engine starts.
    signs = sum(1 for line in nonblank if ("](" in line or "#" in line) and _MARKDOWN_SIGN.search(line))
    if signs >= MIN_MARKDOWN_LINES and signs >= MARKDOWN_LINE_SHARE * len(nonblank) or _opens_with_markdown_heading(nonblank):
        return STYLE_MARKDOWN, wrap_width(nonblank), len
    # A line that holds a URL (a tool's list of the page's links) is as long as the URL, not the fill.
    if "://" in "\n".join(nonblank):
        nonblank = [line for line in nonblank if "://" not in line]
    measures = (len, columns) if any(map(_WIDE.search, nonblank)) else (len,)
    for minimum in (MIN_WRAP_LINES, MIN_WRAP_LINES_CASELESS):
        for measure in measures:
            width = wrap_width(nonblank, measure, minimum)
            # The script is read only where fewer full lines show a fill (few pages: reading it costs more).
            if width and (minimum == MIN_WRAP_LINES or _caseless(nonblank)):
                return STYLE_WRAPPED, width, measure
    return STYLE_LINES, None, len


def wrap_width(nonblank: list[str], measure: Callable[[str], int] = len, minimum: int = MIN_WRAP_LINES) -> int | None:
    """The column lines were filled to (each line's length by `measure`, `minimum` full lines at least), or None when they were not wrapped."""
    lengths = sorted(n for n in map(measure, map(str.rstrip, nonblank)) if n >= MIN_WRAP_LINE_CHARS)
    total = len(lengths)
    if total < minimum:
        return None
    # Every width at once: the lines within it, over it, in its top WRAP_SLACK columns and the slack below.
    widths = np.arange(WRAP_WIDTHS.start, WRAP_WIDTHS.stop)
    at = np.searchsorted(lengths, np.concatenate([widths, widths - WRAP_SLACK, widths - 2 * WRAP_SLACK]), side="right").reshape(3, -1)
    within, over = at[0], total - at[0]
    top, below = within - at[1], at[1] - at[2]
    score = np.where((over > WRAP_OVER_SHARE * total + 1) | (top < minimum) | (top < below), 0, top - 5 * over)
    best = int(np.argmax(score))
    if score[best] <= 0:
        return None
    if widths[best] > USUAL_WRAP_WIDTH and not _wide_fill(nonblank, measure, int(widths[best]), set(lengths[at[1][best] : at[0][best]])):
        return None
    # The fill reached the longest line within it: a width found a column or two wider would take a
    # line the fill ended there ("... a time when nutrition" / "and wellness ...") for a paragraph's end.
    return int(lengths[at[0][best] - 1])


def _wide_fill(nonblank: list[str], measure: Callable[[str], int], width: int, ends: set[int]) -> bool:
    """Whether lines ending in the top WRAP_SLACK columns of a width past USUAL_WRAP_WIDTH are a fill.

    A fill ends its lines at several columns (where the next word did not
    fit): lines of one length are a template's (teasers cut at N
    characters).  And its lines start at the page's margin: lines pushed
    that far by their indentation are a table's cells laid out.
    """
    if len(ends) < MIN_FILL_ENDS:
        return False
    band = [line for line in nonblank if width - WRAP_SLACK < measure(line.rstrip()) <= width]
    at_margin = sum(_indent(line) <= WIDE_FILL_MARGIN for line in band)
    return at_margin * 2 >= len(band)


# Letters of the scripts with capitals (Latin, Greek, Cyrillic, Armenian),
# and of any script; a sample of this many characters of a dump tells
# which it is written in.
_CASED_LETTER = re.compile("[A-Za-z\u00c0-\u024f\u0370-\u03ff\u0400-\u052f\u0531-\u0587\u1e00-\u1fff]")
_LETTER = re.compile(r"[^\W\d_]")
CASE_SAMPLE_CHARS = 3000


def _caseless(nonblank: list[str]) -> bool:
    """Whether most letters of the dump's first CASE_SAMPLE_CHARS characters are of scripts without capitals."""
    sample = "\n".join(nonblank)[:CASE_SAMPLE_CHARS]
    return len(_CASED_LETTER.findall(sample)) < len(_LETTER.findall(sample)) / 2


# --- reading ------------------------------------------------------------------

_WS = re.compile(r"\s+")
# List bullets: the dumpers' (w3m marks nesting levels with • □ ☆ ○ ■) and numbers; the characters a
# bullet can open with rule out most lines before the regex engine starts.
_BULLET_MARKS = "*+-•·▪◦‣□■☆○●"
_BULLET = re.compile(rf"^([{re.escape(_BULLET_MARKS)}]|\d{{1,3}}[.)])\s+")
_BULLET_FIRST = frozenset(_BULLET_MARKS + "0123456789")


# A page's text saved without the breaks between its elements: the text of
# minified markup (BeautifulSoup's get_text() with no separator, lxml's
# text_content()) runs the headline into the date and the paragraphs into
# one another ("... für BioenergieMünchen / Berlin - Bayerns ..."), and a
# feed's text field may join every element with one space.  A line this
# long that reads as text and holds most of the dump is such a run.
RUN_TOGETHER_CHARS = 2000
RUN_TOGETHER_SHARE = 0.5
# Text has a space every dozen characters or less (a data: address or base64 has none).
RUN_TOGETHER_SPACES = 0.08
# A piece of a run still this long is longer than any paragraph: cut at its sentences' ends too.
RUN_TOGETHER_SENTENCES_CHARS = 3000


@lru_cache(maxsize=1)
def _run_seams() -> tuple[re.Pattern, re.Pattern]:
    """(where one element met the next in a run, a sentence's end and the space after it)."""
    from ..clean.scripts import SENTENCE_STOPS, case_classes

    small, capital, opening = case_classes()
    stops = re.escape(".!?…" + SENTENCE_STOPS)
    # A sentence's end (after a small letter or a digit, not an initial's "U.S."), and the same closed by a quote.
    ended, ended_quoted = rf"(?<=[{small}\d][{stops}])", rf"(?<=[{small}\d][{stops}][\"”’»])"
    word_end = rf"(?<=[{small}][{small}][{small}])"
    seams = re.compile(
        # a small letter, then a capital and a small one or a one-letter word ("BioenergieMünchen", "ПолітикаУ Львові"; not "YouTube", "iPhone")
        rf"{word_end}(?=[{capital}](?:[{small}]|\s))"
        # a sentence's end, then the next element's first letter or mark with no space ("erklärt.Der", "said.”The", "reserved.© 2024")
        rf"|{ended}(?=[{opening}©«„“(\[])|{ended_quoted}(?=[{opening}©«„“(\[])"
        # a number, then a word ("06:46Energie", "2024У Львові"), and a word, then a number ("лікарню6 травня")
        rf"|(?<=\d)(?=[{capital}](?:[{small}][{small}]|\s))|{word_end}(?=\d)"
        # a closing bracket or quote, then a word ("(12)Next story", "»Der")
        rf"|(?<=[)\]»”])(?=[{capital}][{small}])"
        # a run of spaces between two elements
        r"|[ \t\u00a0]{2,}"
    )
    sentences = re.compile(rf"{ended}\s+(?=[\"“„«]?[{opening}])|{ended_quoted}\s+(?=[{opening}])")
    return seams, sentences


def run_together_lines(lines: list[str]) -> list[str]:
    """The lines with each run of elements saved as one line (RUN_TOGETHER_CHARS) cut into its pieces, one a line; the lines as they were when the dump has no such run."""
    long = [i for i, line in enumerate(lines) if len(line) >= RUN_TOGETHER_CHARS]
    if not long:
        return lines
    long = [i for i in long if lines[i].count(" ") >= RUN_TOGETHER_SPACES * len(lines[i])]
    if sum(len(lines[i]) for i in long) < RUN_TOGETHER_SHARE * sum(map(len, lines)):
        return lines
    seams, sentences = _run_seams()
    out: list[str] = []
    start = 0
    for i in long:
        out += lines[start:i]
        for piece in seams.split(lines[i]):
            if len(piece) >= RUN_TOGETHER_SENTENCES_CHARS:
                out += [sentence.strip() for sentence in sentences.split(piece) if sentence.strip()]
            elif piece and piece.strip():
                out.append(piece.strip())
        start = i + 1
    return out + lines[start:]


def read_dump(text: str) -> tuple[str, list[DumpBlock]]:
    """(style, blocks) of a dump."""
    lines = composed(visible(unescaped(text))).replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").split("\n")
    lines = run_together_lines(lines)
    # One scan of the dump rules out the tools' marks on most pages.
    cut = link_list_start(lines) if "[1]" in text else len(lines)
    numbered = cut > 0 and has_link_numbers(lines[:cut])
    head = link_elements_end(lines)
    heading = _tool_lines(lines, 0, head)
    if head:
        lines = [""] * head + lines[head:]  # blank, so that every block keeps its line's index
    elinks_head = elinks_link_elements_end(lines)
    if elinks_head:
        heading = _tool_lines(lines, 0, elinks_head, LINK_ELEMENT)
        heading = _without_link_numbers(heading) if numbered else heading
        lines = [""] * elinks_head + lines[elinks_head:]
    listed = []
    if numbered:
        listed = _tool_lines(lines, cut, len(lines))
        lines = lines[:cut]
    style, width, measure = dump_style(lines)
    if style == STYLE_MARKDOWN:
        return style, heading + markdown_blocks(lines, width) + listed
    lines, headings = starred_headings(lines) if "*** " in text else (lines, {})
    blocks = unwrap(lines, width, measure, headings) if style == STYLE_WRAPPED else join_fragments(lines, headings)
    blocks = _without_link_numbers(blocks) if numbered else blocks
    if text.count("[IMG]") >= IMAGE_MARKS and "[/IMG]" not in text.upper():
        blocks = _without_marks(blocks, _IMAGE_MARK, "[IMG]")
    if _IMAGE_FILE_END.search(text) and len(_IMAGE_FILE_MARK.findall(text, 0, IMAGE_FILE_SCAN_CHARS)) >= IMAGE_MARKS:
        blocks = _without_marks(blocks, _IMAGE_FILE_MARK, ".")
    if "[INS:" in text or "[DEL:" in text:
        blocks = _without_marks(blocks, _EDIT_MARK, ":", r"\2")
    return style, heading + blocks + listed


def _tool_lines(lines: list[str], start: int, stop: int, kind: str = LINKS) -> list[DumpBlock]:
    """The non-blank lines from `start` to `stop`, each a block of `kind`."""
    return [DumpBlock(line.strip(), kind, i) for i, line in enumerate(lines[start:stop], start) if line.strip()]


def dump_blocks(text: str) -> list[Block]:
    """A decoded text dump as the document's blocks: read_dump's blocks, each of its kind."""
    return [Block(block.text, block.kind, rules.LINK_LIST if block.kind == LINKS else None) for block in read_dump(text)[1]]


# A block is prose when it holds at least PROSE_SENTENCES sentence ends
# (one, when it is at least PROSE_ONE_SENTENCE_CHARS long) and its
# characters are mostly letters: a two-sentence news brief of 90 characters
# is prose; a menu, a headline, a list of links is not, in any script.
PROSE_SENTENCES = 2
PROSE_ONE_SENTENCE_CHARS = 120
PROSE_MIN_CHARS = 40
PROSE_LETTER_SHARE = 0.6
_SENTENCE_END_MARK = re.compile(r"[.!?…。！？։።؟।](?=[\s\"'”’»)\]]|$)")


@lru_cache(maxsize=8192)  # asked of the same lines by the headline rules and the prose guard
def is_prose(text: str) -> bool:
    """Whether a block reads as sentences (see PROSE_SENTENCES)."""
    if len(text) < PROSE_MIN_CHARS:
        return False
    letters = sum(map(str.isalpha, text))
    if letters < PROSE_LETTER_SHARE * len(text.replace(" ", "")):
        return False
    ends = len(_SENTENCE_END_MARK.findall(text))
    return ends >= PROSE_SENTENCES or (ends >= 1 and len(text) >= PROSE_ONE_SENTENCE_CHARS)


# A line that starts with a mark that closes or continues a sentence, or
# follows a line that opens a bracket or a quote, is the rest of a
# sentence that an inline element (a link, <b>) split: tools that save one
# text node a line cut "see our <a>snacks</a>!) to continue" into three.
_CONTINUES_LINE = tuple(",.;:!?)]}»”’…%")
_OPENS = tuple("([{«„“‘")
# A line that starts with a lower-case letter under a line that does not
# end a sentence continues it too (scripts with letter case only: not
# Georgian, whose letters are all lower case to Unicode).
JOIN_LOWER_CASE = True


# Lower-case lines that start a byline ("by Jason Rostar", "von Anna Müller", "by" alone over the name's
# line) stay apart from the headline above them; "by the national government, which ..." goes on with
# its sentence: a byline names someone.
_BYLINE_START = re.compile(r"^(?:by|von|par|por|di|door|przez|від|от|tarafından)\b\s*(\S?)", re.IGNORECASE)


def _byline(line: str) -> bool:
    match = _BYLINE_START.match(line)
    return match is not None and not (match.group(1).isalpha() and cased_lower(match.group(1)))


# A line whose words are mostly capitalised is a Title Case heading, not a sentence cut short.
HEADING_CAPITALS = 0.6


def _continues_sentence(previous: str, line: str) -> bool:
    if line.startswith(_CONTINUES_LINE) or previous.endswith(_OPENS):
        return True
    if not (JOIN_LOWER_CASE and cased_lower(line[0])) or ends_sentence(previous) or _byline(line):
        return False
    words = previous.split()
    return len(words) < 3 or not is_title_case(words)


# A capitalised line between a paragraph whose last sentence has not ended
# and the rest of that sentence ("... says Antony Loewenstein, author of" /
# "The Palestine Laboratory" / ", a book on ..."): a link or an emphasis a
# tool put on a line of its own.  The line above is prose (a headline
# without a stop over its author and a lower-case date line is not), and a
# heading is followed by its own text, never by a comma or a lower-case word.
# A line longer than this is a paragraph of its own, no link's text.
INSIDE_SENTENCE_MAX_CHARS = 100


def _inside_sentence(previous: str, line: str, after: str) -> bool:
    """`line` stands between `previous` and `after` inside one sentence (see INSIDE_SENTENCE_MAX_CHARS)."""
    if len(line) > INSIDE_SENTENCE_MAX_CHARS or not after or ends_sentence(previous) or previous.rstrip().endswith((":", "：")):
        return False
    if not (after.startswith(_CONTINUES_LINE) or (JOIN_LOWER_CASE and cased_lower(after[0]))) or _byline(after):
        return False
    if after.startswith(("http:", "https:", "www.")):  # a link's address, printed under its label
        return False
    return is_prose(previous) and not is_layout_row(line)


def is_title_case(words: list[str]) -> bool:
    """Whether HEADING_CAPITALS of a line's words start with a capital (a Title Case heading)."""
    return sum(w[0].isupper() for w in words) >= HEADING_CAPITALS * len(words)


# A line laid out as a row of cells (an inline menu or a table row as a
# text browser draws it: "Home   Politics   Sport   Culture", "About | Contact
# | Privacy | Terms"): at least LAYOUT_ROW_CELLS cells apart by a gap of
# three spaces or more, a tab, or a " | ", " · ", " • " separator, none longer
# than LAYOUT_ROW_CELL_CHARS (an item, not a sentence).  A headline has at
# most "Headline | Section | Site".  Such a line is a block of kind CELLS:
# never the headline; the block model reads it as a paragraph, as it did
# before rows were told apart (pipeline.clean.blockfeatures).
LAYOUT_ROW_CELLS = 4
LAYOUT_ROW_CELL_CHARS = 40
_CELL_GAP = re.compile(r" {3,}|\t+| [|·•] ")
CELLS = "cells"


def is_layout_row(line: str) -> bool:
    """Whether a dump's line is a row of short cells (see LAYOUT_ROW_CELLS)."""
    if "  " not in line and "\t" not in line and " | " not in line and " · " not in line and " • " not in line:
        return False
    cells = [cell for cell in _CELL_GAP.split(line.strip()) if cell.strip()]
    return len(cells) >= LAYOUT_ROW_CELLS and max(map(len, cells)) <= LAYOUT_ROW_CELL_CHARS


# lynx and elinks number a page's links in their order ("according to
# [8]the ministry", "[12]Reply") and list their targets at the end; a
# dump whose markers count up by one from [1] and open their link's text
# this often is theirs, and the markers are no text.  (Which lines were
# links is not kept: a text dump of another tool does not tell either.)
_LINK_NUMBER = re.compile(r"\[(\d{1,5})\]")
# A tool's marker opens its link's text, whatever its first character ("[8]the", "[9]►", "[10]§ 19a", "[11]- Reden"),
# or the tool's own mark of an image or a form field ("[8][IMG]", "[9]______"); a page's own number is followed by
# a space, a mark that ends or joins ("[1].", "[2],", "[3]:", "x[0]=1"), or a Markdown link's address ("[1](#fn-1)").
_OPENING_NUMBER = re.compile(r"\[\d{1,5}\](?=[^\s.,;:!?()\]}=|<>&*/\\+_]|___)")
_MARKERS_ONLY = re.compile(r"^\s*(?:\[\d{1,5}\]\s*)+$")
LINK_NUMBERS_IN_ORDER = 0.8
MIN_LINK_NUMBERS = 3
# Markers a tool may break over two lines ("[6" / "]") in a row, and its count still go on.
MISSED_LINK_NUMBERS = 2


def _counts_up(numbers: list[int]) -> bool:
    """Whether there are MIN_LINK_NUMBERS numbers or more, mostly each one more than the one before.

    Counted by steps: a marker the tool broke over two lines ("[6" / "]") misses one.
    """
    steps = sum(b == a + 1 for a, b in zip(numbers, numbers[1:]))
    return len(numbers) >= MIN_LINK_NUMBERS and steps >= LINK_NUMBERS_IN_ORDER * (len(numbers) - 1)


def _tool_counter(numbers: list[int]) -> bool:
    """Whether LINK_NUMBERS_IN_ORDER of the numbers continue one counter from 1, a page's own numbers between them.

    A page that numbers its footnotes as links ("[20][1], [21][2]": the
    tool's marker, then the link's text) breaks every other step; the
    tool's count goes on past them, a marker or two it broke over lines
    missed.
    """
    expected, counted = 1, 0
    for number in numbers:
        if expected <= number <= expected + MISSED_LINK_NUMBERS:
            counted += 1
            expected = number + 1
    return len(numbers) >= MIN_LINK_NUMBERS and counted >= LINK_NUMBERS_IN_ORDER * len(numbers)


def has_link_numbers(lines: list[str]) -> bool:
    """Whether the dump's link markers count up from [1] as lynx's and elinks' do.

    `lines`: the dump above the tool's list of links (link_list_start),
    whose addresses hold brackets of their own ("?format[8]=8").
    """
    if not any("[1]" in line for line in lines):
        return False
    numbers = [int(n) for line in lines for n in _LINK_NUMBER.findall(line)]
    if not numbers or numbers[0] != 1 or not (_counts_up(numbers) or _tool_counter(numbers)):
        return False
    # The tools' markers open the link's text ("[8]the ministry"); a page's own footnotes follow a word or head a note ("city.[1] It", "[1], [2].", "[1] Ford, M.").
    # A link with nothing lynx can show (an image without its text) leaves its marker alone on a line.
    opening = sum(len(_LINK_NUMBER.findall(line)) if _MARKERS_ONLY.match(line) else len(_OPENING_NUMBER.findall(line)) for line in lines if "[" in line)
    return opening >= LINK_NUMBERS_IN_ORDER * len(numbers)


# The list of the page's links lynx and elinks print after a dump with
# numbered links: "References", then "1. https://..." counting up to the
# end (elinks: "Visible links", a link's title before its address).
_LIST_ITEM = re.compile(r"^\s*(\d{1,5})\. +(\S.*)$")
LINK_LIST_ADDRESSES = 0.5
_ADDRESS = re.compile(r"://|^\s*(?:\d{1,5}\.\s+)?(?:mailto|javascript|tel|sms|data):", re.IGNORECASE)
# Its heading: up to this many lines above the first item, each this short.
LINK_LIST_HEADING_LINES = 3
LINK_LIST_HEADING_CHARS = 20


def link_list_start(lines: list[str]) -> int:
    """The index of the line where the tool's list of links starts ("References" above its first item), or len(lines) when the dump has none.

    The list runs to the dump's end: numbered items counting up, most with
    an address, between them only addresses and short headings ("Hidden
    links:").
    """
    start = len(lines)
    for i in range(len(lines) - 1, -1, -1):
        line = lines[i]
        if _LIST_ITEM.match(line):
            start = i
        elif line.strip() and len(line.strip()) > LINK_LIST_HEADING_CHARS and not _ADDRESS.search(line):
            break
    run = [(i, int(m.group(1))) for i in range(start, len(lines)) if (m := _LIST_ITEM.match(lines[i]))]
    # Where the numbers start again, the items above were the page's own ("1. Impressum" in a footer).
    restart = max((k for k in range(1, len(run)) if run[k][1] <= run[k - 1][1]), default=0)
    run = run[restart:]
    start = run[0][0] if run else start
    addressed = sum(1 for i, _ in run if _ADDRESS.search(lines[i]) or (i + 1 < len(lines) and _ADDRESS.search(lines[i + 1])))
    if not _counts_up([number for _, number in run]) or addressed < LINK_LIST_ADDRESSES * len(run):
        return len(lines)
    # Its heading lines ("References", "Visible links") go with it.
    first = start
    while start > max(0, first - LINK_LIST_HEADING_LINES) and len(lines[start - 1].strip()) <= LINK_LIST_HEADING_CHARS and not _LIST_ITEM.match(lines[start - 1]):
        start -= 1
    return start


# Before the page, lynx prints one paragraph on the page's <link>
# elements ("#alternate RSS 2.0", "#[1]publisher"), three columns in.
_LYNX_LINK_ELEMENTS = re.compile(r"^ {3}#(?:\[\d{1,5}\])?[^\W\d_]")


def link_elements_end(lines: list[str]) -> int:
    """The index of the line after lynx's paragraph on the page's <link> elements at the dump's top, 0 when it has none."""
    i = next((k for k, line in enumerate(lines) if line.strip()), len(lines))
    if i == len(lines) or not _LYNX_LINK_ELEMENTS.match(lines[i]):
        return 0
    while i < len(lines) and lines[i].strip():
        i += 1
    return i


# elinks prints a line for each <link> element ("Link: [1]canonical",
# "Link: [3]Site » Feed (alternate)"), a long one wrapped onto the next.
# They stay in the page as blocks of kind LINK_ELEMENT, which the furniture
# step removes: read apart before the page, they let a site's name be the
# dump's first line, which the headline finder then read as a <title> line
# (elinks' titles -2 points, bench/README.md).
_ELINKS_LINK_ELEMENT = re.compile(r"^ {3}Link: ")
# A line elinks wrapped is filled to about this many columns (it fills 80).
ELINKS_WRAPPED_CHARS = 60
# The rest of a wrapped one: three columns in, no marker or "Link:" of its own, the relation in brackets at its end.
_WRAPPED_LINK_ELEMENT = re.compile(r"^ {3}(?!\[\d)(?!Link: )\S.*\)\s*$")


def elinks_link_elements_end(lines: list[str]) -> int:
    """The index of the line after elinks' lines on the page's <link> elements at the dump's top, 0 when it has none."""
    i = next((k for k, line in enumerate(lines) if line.strip()), len(lines))
    if i == len(lines) or not _ELINKS_LINK_ELEMENT.match(lines[i]):
        return 0
    while i < len(lines) and _ELINKS_LINK_ELEMENT.match(lines[i]):
        # The rest of a long one: no marker of its own, and the relation in brackets at its end.
        wrapped = i + 1 < len(lines) and len(lines[i]) >= ELINKS_WRAPPED_CHARS and _WRAPPED_LINK_ELEMENT.match(lines[i + 1])
        i += 2 if wrapped else 1
    return i


# elinks and links print "[IMG]" for an image without alternative text,
# inside the text ("21.01.2022 11:46 von [IMG] Patrick Otte") or alone:
# no text of the page.  A dump that prints it this often is theirs; a
# page's own "[IMG] code is On" (a forum's BBCode settings) is once, and a
# BBCode "[IMG]address[/IMG]" has its closing tag.
IMAGE_MARKS = 3
_IMAGE_MARK = re.compile(r"(?<![^\s\]])\[IMG\](?=\s|\[|$)")
# lynx prints such an image's file name in brackets ("[logo.png]", "[calendar.svg] 26 Abril").
_IMAGE_FILE_MARK = re.compile(r"(?<![^\s\]])\[[^\[\]\s]{1,100}\.(?:png|jpe?g|gif|svg|webp|avif|bmp|ico)\](?=\s|\[|$)", re.IGNORECASE)
# Most dumps hold no such name: their end alone, a literal search, rules them out (the whole pattern costs 15 times more).
_IMAGE_FILE_END = re.compile(r"\.(?:png|jpe?g|gif|svg|webp|avif|bmp|ico)\]", re.IGNORECASE)
# The file names are counted in the dump's first characters: enough to tell lynx, and a bound on the scan.
IMAGE_FILE_SCAN_CHARS = 200_000
# lynx and w3m mark inserted and deleted text ("[INS: ... :INS]", "[DEL: 1.299 € :DEL] 999 €"): the text
# stays, the marks go, and an empty pair (an ad's slot: Google's ads are <ins> elements) goes whole.
_EDIT_MARK = re.compile(r"\[(INS|DEL):\s?(.*?)\s?:\1\]")


def _without_marks(blocks: list[DumpBlock], mark: re.Pattern, needle: str, replacement: str = "") -> list[DumpBlock]:
    """The blocks with a text browser's `mark` replaced (blocks holding `needle` are searched); those left empty go."""
    for block in blocks:
        if needle in block.text:
            block.text = _WS.sub(" ", mark.sub(replacement, block.text)).strip()
    return [block for block in blocks if block.text]


def _without_link_numbers(blocks: list[DumpBlock]) -> list[DumpBlock]:
    """The blocks without the link markers in them (read after the lines are joined: a marker may be broken over two); those left empty go."""
    return _without_marks(blocks, _LINK_NUMBER, "[")


# Debian's html2text (the `html2text` command, not the Python package's
# Markdown) marks a heading with asterisks, six for the first level and one
# fewer each level down ("****** Headline ******", "**** Related ****"),
# and underlines a link's text with underscores between its words ("the
# council said the_new_rules_on_housing would apply").  In a dump with such
# headings (_starred_by_the_tool), a heading is a block of its kind and a
# link's words are apart again.
_STARRED_HEADING = re.compile(r"^(\*{3,6}) (\S(?:.*\S)?) \1$")
TOP_HEADING_STARS = 6
_STARS_OPEN = re.compile(r"^(\*{3,6}) \S")
# A heading wrapped over at most this many lines.
STARRED_HEADING_LINES = 3
# Between two characters of a link's text, an underscore stands for a space ("June_29,_2020"); a run at its
# start or end for the spaces around an icon ("___February_10,_2025").
_LINK_UNDERSCORE = re.compile(r"(?<=[^\s_])_(?=[^\s_])")
_LINK_UNDERSCORE_RUN = re.compile(r"(?<!\S)_+(?=[^\W_])|(?<=[^\W_])_+(?!\S)")


def _starred_by_the_tool(lines: list[str]) -> bool:
    """A heading of four to six asterisks tells the tool, or two different ones of three: a page's own text may frame a line in three ("*** Follow me on ... ***", printed twice)."""
    framed_in_three = set()
    for line in lines:
        if line.startswith("***"):
            heading = _STARRED_HEADING.match(line.strip())
            if heading and len(heading.group(1)) > 3:
                return True
            if heading:
                framed_in_three.add(heading.group(2))
    return len(framed_in_three) >= 2


def starred_headings(lines: list[str]) -> tuple[list[str], dict[int, DumpBlock]]:
    """(the lines, {line: its heading block}): with html2text's starred headings, the headings, and the lines with a link's words apart again; else the lines as they were and no heading."""
    if not _starred_by_the_tool(lines):
        return lines, {}
    lines = [_LINK_UNDERSCORE_RUN.sub("", _LINK_UNDERSCORE.sub(" ", line)) if "_" in line else line for line in lines]
    headings = {}
    for i, line in enumerate(lines):
        if not line.startswith("***"):
            continue
        heading = _STARRED_HEADING.match(line.strip())
        stars = _STARS_OPEN.match(line)
        if not heading and stars:
            # A heading longer than the line is wrapped: "**** Homegrown" / "Magnolia Network ****".
            for j in range(i + 1, min(i + 1 + STARRED_HEADING_LINES, len(lines))):
                if not lines[j].strip():
                    break
                if lines[j].rstrip().endswith(" " + stars.group(1)) and not lines[j].startswith("*"):
                    heading = _STARRED_HEADING.match(" ".join(part.strip() for part in lines[i : j + 1]))
                    if heading:
                        for k in range(i + 1, j + 1):
                            lines[k] = ""
                    break
        if heading:
            headings[i] = DumpBlock(heading.group(2), TOP_HEADING if len(heading.group(1)) == TOP_HEADING_STARS else HEADING, i)
    return lines, headings


def join_fragments(lines: list[str], headings: dict[int, DumpBlock] | None = None) -> list[DumpBlock]:
    """One block a line, except a line that only continues the sentence above it; a row of cells is of kind CELLS; `headings` (starred_headings) as they are."""
    blocks: list[DumpBlock] = []
    previous_blank = True
    for i, raw in enumerate(lines):
        line = raw.strip()
        if not line:
            previous_blank = True
            continue
        if headings and i in headings:
            blocks.append(headings[i])
        elif (
            blocks
            and not previous_blank
            and blocks[-1].kind not in (CELLS, HEADING, TOP_HEADING)
            and (_continues_sentence(blocks[-1].text, line) or _inside_sentence(blocks[-1].text, line, lines[i + 1].strip() if i + 1 < len(lines) else ""))
        ):
            last = blocks[-1]
            glue = "" if line.startswith(_CONTINUES_LINE) or last.text.endswith(_OPENS) else " "
            blocks[-1] = DumpBlock(last.text + glue + line, "p", last.first_line, last.lines + 1)
        elif is_layout_row(line):
            blocks.append(DumpBlock(_WS.sub(" ", line), CELLS, i))
        else:
            blocks.append(DumpBlock(line, "line", i))
        previous_blank = False
    return blocks


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


# A line that ends a sentence is not joined to the next: a paragraph split
# where a sentence ended at the margin costs little, lines of truncated
# teasers ("...") run together cost a block the cleaner cannot judge.
SENTENCE_END = tuple(".!?…。！？։።؟।")
_CLOSERS = "\"'”’»)]"


def ends_sentence(text: str) -> bool:
    """Whether the text ends a sentence: a SENTENCE_END mark, closing quotes or brackets after it."""
    return text.rstrip().rstrip(_CLOSERS).endswith(SENTENCE_END)


def _continues(previous: str, line: str, width: int | None, measure: Callable[[str], int] = len) -> bool:
    """Whether `line` is the rest of a paragraph `previous` was filled with: its first word would not have fitted there."""
    if width is None or ends_sentence(previous):
        return False
    first_word = line.split(None, 1)[0] if line.strip() else ""
    if measure is columns and _WIDE.match(first_word):
        first_word = first_word[0]  # a fill to columns breaks between any two wide characters
    return measure(previous.rstrip()) + 1 + measure(first_word) > width


def _glued(parts: list[str], measure: Callable[[str], int]) -> str:
    """A paragraph's lines joined by a space; in a fill to columns, two wide characters the break parted are joined as they were (w3m breaks Hangul and CJK text anywhere: "월요" / "일")."""
    if measure is not columns:
        return " ".join(parts)
    text = parts[0]
    for part in parts[1:]:
        text += part if _WIDE.match(part) and _WIDE.match(text[-1:]) else " " + part
    return text


# A text browser's right indent for an element (lynx's body text, a
# quotation) is a few columns; a band of lines ending further in is no fill.
RIGHT_INDENT_MAX = 6


def margin_widths(lines: list[str], width: int, measure: Callable[[str], int] = len) -> dict[int, int]:
    """The fill width of each left margin that has MIN_WRAP_LINES full lines of its own, where it is not the page's `width`.

    A text browser fills each element between its own margins: lynx sets
    body text three columns in and ends it at column 74, a flush-left
    heading or quotation at 77; a page with a few such long lines read at
    one width left every body paragraph in pieces.
    """
    by_margin: dict[int, list[str]] = {}
    for line in lines:
        body = line.lstrip()
        # Its text, not its indentation, makes a line long.
        if len(body) >= MIN_WRAP_LINE_CHARS and len(body.rstrip()) >= MIN_WRAP_LINE_CHARS:
            margin = len(line) - len(body)
            bullet = _BULLET.match(body) if body[0] in _BULLET_FIRST else None
            by_margin.setdefault(margin + (bullet.end() if bullet else 0), []).append(line)
    widths = {}
    for margin, group in by_margin.items():
        if len(group) >= MIN_WRAP_LINES:
            found = wrap_width(group, measure)
            if found and width - RIGHT_INDENT_MAX <= found < width:
                widths[margin] = found
    return widths


def unwrap(lines: list[str], width: int, measure: Callable[[str], int] = len, headings: dict[int, DumpBlock] | None = None) -> list[DumpBlock]:
    """Blocks of a wrapped dump: a paragraph's lines joined, a list item with its continuation lines; `headings` (starred_headings) as they are."""
    blocks: list[DumpBlock] = []
    current: list[str] = []
    start, kind, hang, previous = 0, "p", 0, ""
    widths = margin_widths(lines, width, measure)

    def flush():
        if current:
            joined = _WS.sub(" ", _glued(current, measure)).strip()
            if joined:
                blocks.append(DumpBlock(joined, kind, start, len(current)))
            current.clear()

    for i, line in enumerate(lines):
        if not line.strip() or (headings and i in headings):
            flush()
            previous = ""
            if headings and i in headings:
                blocks.append(headings[i])
            continue
        body = line.strip()
        bullet = _BULLET.match(body)
        if current and not bullet and _indent(line) == hang and _continues(previous, line, widths.get(hang, width), measure):
            current.append(body)
        else:
            flush()
            start, kind = i, CELLS if is_layout_row(body) else "p"
            hang = _indent(line)
            if bullet:
                kind, hang = "li", _indent(line) + bullet.end()
                body = body[bullet.end() :]
            current.append(body)
        previous = line
    flush()
    return blocks


# Markdown ---------------------------------------------------------------------

_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~<])")
_TARGET = r"\((?:[^()\n]|\([^()\n]*\))*\)"  # "(url)", '(url "title")': spaces and one level of parentheses inside
_IMAGE = re.compile(r"!\[[^\]\n]*\]" + _TARGET)
_LINK = re.compile(r"\[((?:[^\[\]\n]|\[[^\[\]\n]*\])*)\]" + _TARGET)
# The end of a link whose "[" is lines above (markdownify writes a link
# around a block as "[" + the block's lines + "](url)").
_LINK_END = re.compile(r"\]" + _TARGET)
_LINK_START = re.compile(r"^\s*\[+(?![^\[\]]*\])")
_REF_LINK = re.compile(r"\[([^\[\]]+)\]\[[^\[\]]*\]")
_AUTOLINK = re.compile(r"<((?:https?|mailto):[^>\s]+)>")
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_EM_STAR = re.compile(r"(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])")
_EM_UNDERSCORE = re.compile(r"(?<![\w_])_(?=\S)(.+?)(?<=\S)_(?![\w_])")
_CODE = re.compile(r"`([^`]*)`")
# Escaped characters are held in the private use area while the markup is undone.
_HELD = 0xE000


def markdown_inline(text: str) -> str:
    """A line of Markdown as the text it shows: links' text kept, images dropped, emphasis and escapes undone."""
    if not any(ch in text for ch in "[]*_`\\<!"):
        return _WS.sub(" ", text).strip()
    text = _ESCAPE.sub(lambda m: chr(_HELD + ord(m.group(1))), text)
    text = _IMAGE.sub("", text)
    for _ in range(3):  # a link inside a link's text
        text, found = _LINK.subn(r"\1", text)
        if not found:
            break
    text = _LINK_END.sub("", text)
    text = _REF_LINK.sub(r"\1", text)
    text = _AUTOLINK.sub(r"\1", text)
    text = _CODE.sub(r"\1", text)
    for pattern in (_STRONG, _EM_STAR, _EM_UNDERSCORE):
        text = pattern.sub(lambda m: m.group(m.lastindex), text)
    text = "".join(chr(ord(ch) - _HELD) if _HELD <= ord(ch) < _HELD + 128 else ch for ch in text)
    return _WS.sub(" ", text).strip()


_ATX = re.compile(r"^ {0,3}(#{1,6})(?:\s+(.*?))?(?:\s+#+)?\s*$")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)\s*$")
_RULE = re.compile(r"^ {0,3}([-*_])(?:\s*\1){2,}\s*$")
_QUOTE = re.compile(r"^\s*(?:>\s?)+")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")
# Heading marks left at a block's start (a heading inside a link: "[## Title](url)").
_HEADING_MARKS = re.compile(r"^#{1,6}(?:\s+|$)")
_LINK_DEFINITION = re.compile(r"^ {0,3}\[[^\]]+\]:\s*\S+")


def markdown_blocks(lines: list[str], width: int | None = None) -> list[DumpBlock]:
    """Blocks of a Markdown dump: headings, list items, table rows and paragraphs, as plain text."""
    blocks: list[DumpBlock] = []
    current: list[str] = []
    start, kind = 0, "p"

    def flush():
        if current:
            text = _HEADING_MARKS.sub("", markdown_inline(" ".join(current)))
            if text:
                blocks.append(DumpBlock(text, kind, start, len(current)))
            current.clear()

    def single(i: int, text: str, block_kind: str):
        text = _HEADING_MARKS.sub("", markdown_inline(text))
        if text:
            blocks.append(DumpBlock(text, block_kind, i))

    for i, raw in enumerate(lines):
        line = _QUOTE.sub("", raw) if raw.lstrip().startswith(">") else raw
        if line.lstrip().startswith("["):
            line = _LINK_START.sub("", line)
        if not line.strip() or _LINK_DEFINITION.match(line):
            flush()
            continue
        underline = _SETEXT.match(line) if current else None
        if underline:  # a setext underline: the paragraph above is a heading ("===" of the first level)
            kind = TOP_HEADING if underline.group(1)[0] == "=" else HEADING
            flush()
            continue
        if _RULE.match(line) or _TABLE_RULE.match(line):
            flush()
            continue
        heading = _ATX.match(line)
        if heading:
            flush()
            single(i, heading.group(2) or "", TOP_HEADING if len(heading.group(1)) == 1 else HEADING)
            continue
        body = line.strip()
        if body.startswith("|") and body.endswith("|") and len(body) > 1:
            flush()
            single(i, " ".join(cell.strip() for cell in body.strip("|").split("|") if cell.strip()), "row")
            continue
        bullet = _BULLET.match(body)
        if bullet:
            flush()
            start, kind = i, "li"
            current.append(body[bullet.end() :])
        elif current:
            current.append(body)
        else:
            flush()
            start, kind = i, "p"
            current.append(body)
        if raw.endswith(("  ", "\\")):  # a hard line break ends the block
            flush()
    flush()
    return blocks
