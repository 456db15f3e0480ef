"""The page the cleaning steps work on, built once per document.

A Page holds the blocks still kept when cleaning begins (blocks the
extractor already dropped keep their rule and are not part of it; page
index i is `Page.blocks[i]`, the same Block object as
`doc.blocks[Page.positions[i]]`) and everything the steps read about them,
measured once: each line's words and measurements (features.py), the
page's language, the furniture and metadata lines (furniture.py), the core
(core.py), where the article ends (article_end.py), the metadata the page
states, the headline (pipeline.dumps.metadata) and, when a step first asks,
the block model's decisions (pipeline.dumps.blockmodel).  The steps then only decide.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cached_property

import numpy as np

from ..document import Block, Document, Removal
from ..language import decide_page_language
from ..dumps import blockmodel
from ..dumps.layout import CELLS, LINK_ELEMENT, is_prose
from . import article_end, byline, furniture, rules
from .blockfeatures import block_features
from ..dumps import metadata as dumps_metadata
from .core import STOPWORD_PROSE, densest_run, line_weights, prose_lines
from .patterns import THREAD_TITLE_MAX_CHARS, section_end_lines
from .features import DIGIT, LineTable, fold_and_tokenize, measure_shapes, page_chars, scaled_density, shape_density, stoplist_describes, stopwords, with_stopwords
from .step import Removals, StepResult

# Metadata a page's lines can state, in the order a document's metadata is filled.
STATED_KEYS = ("title", "author", "published", "site")
# A line of the page's prose this long is a paragraph, never the headline
# (headlines are shorter; the layout's own measure of prose excludes the rest).
HEADLINE_PROSE_CHARS = 120
# What parts a breadcrumb trail: "Home » News", "Home > News", "Home / News", "Home /News".
_TRAIL_SEPARATOR = re.compile(r"\s*[>»›→]\s*|\s+[|/]\s*")
# A line of this many parts is a trail without a home word ("Site | Blog | Headline").
TRAIL_MIN_PARTS = 3
# Furniture that is never the headline: the rules that take it read whole sentences of the site's or its machinery's.
NEVER_HEADLINE = frozenset((rules.SKIP_LINK, rules.CONSENT_NOTICE, rules.SERVER_ERROR, rules.BROWSER_NOTICE))


class Page:
    """One document's kept blocks, measured, with the layout the rules found; see the module docstring."""

    def __init__(self, doc: Document, language_backend: str = "auto"):
        self.doc = doc
        self.positions = [i for i, block in enumerate(doc.blocks) if block.kept]
        self.blocks: list[Block] = [doc.blocks[i] for i in self.positions]
        self.text_mode = doc.format != "html"
        self.texts = [block.text for block in self.blocks]
        self.kinds = [block.kind for block in self.blocks]
        self.folded, self.tokens = fold_and_tokenize(self.texts)
        self.chars = page_chars(self.texts)
        shapes = measure_shapes(self.texts, self.tokens, self.chars)
        self.cuts: list[int] = []  # page indices of the blocks spans were cut out of
        self.furniture, self.statements = furniture.find_furniture(self)
        self.is_furniture = np.zeros(len(self.texts), bool)
        self.is_furniture[list(self.furniture)] = True
        counts = Counter(self.texts)
        self.repeated = np.fromiter(map(counts.__getitem__, self.texts), np.int64, len(self.texts)) > 1
        self.language = decide_page_language(doc, self._language_sample(shapes), language_backend)  # "und" when undetermined
        self.stoplist = stopwords(self.language)  # English's when the language has none
        lines = with_stopwords(shapes, self.stoplist, self.tokens)
        if stoplist_describes(lines):
            self.lines = lines
            # The core and the prose the rules count read densities at the German and English level (features.density_scale).
            self.rule_lines = scaled_density(lines, self.language)
        else:
            self.lines = self.rule_lines = shape_density(lines, STOPWORD_PROSE)
        self.end = len(self.texts)  # lines from here on are after the heading that ends the article
        self.section_end: int | None = None
        self.inside_boxes: list[range] = []  # HTML blocks: boxes of links inside the article (the heading, its links)
        self.thread_end = False  # whether the article ends where a thread of comments with no heading starts
        # Per line, whether it is a heading that opens a section of other content (None for HTML blocks).
        self.headings = self._find_section_headings() if self.text_mode else None
        self._find_core_and_end()
        self.found = self._stated_metadata()
        self.headline: int | None = None
        self.headline_titled = False  # the <title> line names the headline's line: the page's own, no teaser's title
        # Where the dump's metadata is read: around the core, or, on a page
        # whose prose is a brief too short to make a core (the prose guard
        # keeps it), around its first paragraph.
        self.metadata_core = self.core if self.core is not None else self._first_paragraph()
        if self.text_mode and self.metadata_core is not None:
            self._read_dump_metadata()

    def _first_paragraph(self) -> tuple[int, int] | None:
        """(i, i) of the first line above the article's end that reads as sentences (layout.is_prose) and is no furniture, else None."""
        return next(((i, i) for i in range(self.end) if not self.is_furniture[i] and is_prose(self.texts[i])), None)

    def _language_sample(self, shapes: LineTable) -> list[str]:
        """The lines the page's language is read from: a text dump's densest run of sentences, whatever their words.

        Before the stoplist is known, prose is told by its shape (sentences
        of a few words) as for a language without a stoplist; the longest
        lines of the whole dump are as often a language menu, a list of
        names or a repeated error message as the article.  HTML blocks are
        the extractor's main content already.
        """
        if not self.text_mode:
            return self.texts
        core = densest_run(line_weights(shape_density(shapes, STOPWORD_PROSE), self.is_furniture, self.repeated))
        return self.texts[core[0] : core[1] + 1] if core is not None else self.texts

    def _find_core_and_end(self) -> None:
        """The core, the densest run of prose (the whole page for HTML blocks), and where a section heading ends the article."""
        n = len(self.texts)
        is_furniture = self.is_furniture
        if self.text_mode:
            weights = line_weights(self.rule_lines, is_furniture, self.repeated)
            self.core = densest_run(weights)
            prose = prose_lines(self.rule_lines) & ~is_furniture
            # The core's measure of prose too: it knows scripts whose sentences the shapes miss.
            self.prose = (prose | (np.asarray(weights) > 0)).tolist()
            # Prose characters from each line on.
            prose_suffix = np.concatenate([np.cumsum(np.where(prose, self.lines.chars, 0)[::-1])[::-1], [0]]).tolist()
        else:
            self.core = (0, n - 1)
            prose = ~is_furniture  # the extractor's paragraphs are all prose
            self.prose = prose.tolist()
            prose_suffix = None
        self.section_end, self.inside_boxes = article_end.find_article_end(self, prose.tolist(), prose_suffix)
        thread = article_end.find_thread_start(self, self.prose) if self.text_mode else None
        if thread is not None and (self.section_end is None or thread < self.section_end):
            self.section_end, self.thread_end = thread, True
        if self.section_end is not None:
            self.end = self.section_end
            self.core = densest_run(weights[: self.end]) if self.text_mode else (0, self.end - 1)

    def _stated_metadata(self) -> dict:
        """What the metadata lines above the article's end state, the first line's first.

        Those under the end speak for comments and other stories ("August 3,
        2019 at 4:11 am").  The date is the one nearest the article's start:
        a teaser list above the headline dates other stories.
        """
        found: dict = {}
        above_end = [(i, stated) for i, stated in self.statements if i < self.end]
        for _, stated in above_end:
            for key, value in stated.items():
                found.setdefault(key, value)
        if self.core is not None:
            dated = [(abs(i - self.core[0]), i, stated["published"]) for i, stated in above_end if "published" in stated]
            if dated:
                found["published"] = min(dated)[2]
        return found

    def _read_dump_metadata(self, excluded=frozenset()) -> None:
        """The headline, date and author the dump states above the article's end (pipeline.dumps.metadata), before what the furniture's bylines state.

        A line that states a date or a byline is not the headline, nor a
        skip link ("Skip to main content"), a consent notice, a server error
        or a browser notice (NEVER_HEADLINE), a row of cells, elinks' line on a
        <link> element ("Link: Site » Feed (alternate)"), nor a paragraph of the page's
        prose (HEADLINE_PROSE_CHARS or longer: the layout's measure of prose
        misses scripts without spaces or sentence marks, a Thai lead among
        them); lines under the article's end speak for comments and other
        stories.
        """
        excluded = set(excluded) | {i for i, _ in self.statements}
        excluded |= {i for i, rule in self.furniture.items() if rule in NEVER_HEADLINE}
        excluded |= {i for i, kind in enumerate(self.kinds) if kind in (CELLS, LINK_ELEMENT)}
        excluded |= {i for i, (text, prose) in enumerate(zip(self.texts, self.prose)) if prose and len(text) >= HEADLINE_PROSE_CHARS}
        end = self.end
        stated = dumps_metadata.dump_metadata(
            self.texts[:end], self.metadata_core, self.kinds[:end], headline_model=dumps_metadata.load_headline_model(), excluded=excluded
        )
        self.headline = stated.get("headline_line")
        self.headline_titled = bool(stated.get("titled"))
        if self.headline is not None and stated.get("title") == self.texts[self.headline]:
            stated["title"] = trail_title(self.texts[self.headline], self.furniture.get(self.headline) == rules.BREADCRUMB)
        for key in ("title", "published", "author"):
            if stated.get(key):
                self.found[key] = stated[key]

    def replace_headline(self, removing: dict[int, str]) -> None:
        """Pick the headline again when a step is `removing` the one picked (it was spam, or another story's title).

        The lines that step removes and those earlier steps removed as spam, dated lists or teasers cannot be it.
        """
        gone = {i for i, block in enumerate(self.blocks) if block.removed_by in (rules.SPAM, rules.DATED_LIST, rules.UNRELATED_TEASER)} | removing.keys()
        if self.found.get("title") == self.texts[self.headline]:
            del self.found["title"]
        self._read_dump_metadata(gone)

    def _find_section_headings(self) -> list[bool]:
        """Per line: a heading that opens a section of other content ("Related Posts"), wherever it stands.

        Found once for the page: the article's end, the section_headings
        step and the block features all ask.
        """
        chars = self.chars
        has_digit = (np.bincount(chars.line_of[(chars.flags & DIGIT) > 0], minlength=len(self.texts)) > 0).tolist()
        short = np.flatnonzero(self.lines.chars <= THREAD_TITLE_MAX_CHARS).tolist()  # labels, and threads' titles
        headings = [False] * len(self.texts)
        for i in section_end_lines(self.texts, self.folded, short, has_digit):
            headings[i] = True
        return headings

    def section_headings(self) -> list[int]:
        """The lines that are headings opening a section of other content ("Related Posts"), wherever they stand."""
        return [i for i, heading in enumerate(self.headings or ()) if heading]

    @cached_property
    def block_keep(self) -> list[bool]:
        """Per block of a text dump: the block model keeps it (pipeline.dumps.blockmodel); without the model, the core."""
        model = blockmodel.load_block_model()
        if model is None or not self.texts:
            start, stop = self.core if self.core is not None else (len(self.texts), -1)
            return [start <= i <= stop for i in range(len(self.texts))]
        return model.keep(block_features(self)).tolist()

    def apply(self, result: StepResult) -> int:
        """Mark a step's removals on the blocks (a block an earlier step removed keeps that rule); how many took effect."""
        removals = result if isinstance(result, Removals) else Removals(result)
        made = 0
        for i, rule in removals.blocks.items():
            block = self.blocks[i]
            if block.removed_by is None:
                block.removed_by = rule
                made += 1
        for cut in removals.cuts:
            self.blocks[cut.index].text = cut.text
            self.cuts.append(cut.index)
            position = self.positions[cut.index]
            self.doc.inline_removals.extend(Removal(rule=cut.rule, text=piece, position=position, inline=True) for piece in cut.pieces)
            made += len(cut.pieces)
        if removals.rejection:
            self.doc.reject(removals.rejection)
        return made

    def finish(self) -> None:
        """Fill the document's missing metadata from what the page states; reject a page left with no text."""
        meta = self.doc.metadata
        for key in STATED_KEYS:
            if meta.get(key) is None and self.found.get(key):
                meta[key] = self.found[key]
        if meta.get("site") is None:
            meta["site"] = byline.guess_site(self.texts[: self.end])
        if self.doc.ok and not self.doc.text.strip():
            self.doc.reject(f"{rules.NO_ARTICLE}: every block was removed")


def trail_title(text: str, breadcrumb: bool = False) -> str:
    """The story's title in a headline line that is a trail of links; the line itself otherwise.

    A line the furniture step took for a `breadcrumb` starts at home and
    ends with the story ("Home » Archive » Finance » Headline"): its last
    part.  A line of TRAIL_MIN_PARTS parts or more may run either way
    ("| Resources | Blog | Packing Tips Guide", "Headline | Section |
    Site"): its part of the most words, the last of equals; not where a
    "<" pairs the ">" ('resource "<TYPE>" "<LABEL>"').
    """
    parts = [part.strip() for part in _TRAIL_SEPARATOR.split(text.strip(" |/")) if part.strip()]
    if breadcrumb and len(parts) >= 2:
        return parts[-1]
    if len(parts) < TRAIL_MIN_PARTS or "<" in text:  # "<" and ">" around a word are code's or markup's
        return text
    return max(reversed(parts), key=lambda part: len(part.split()))
