"""Stage 3: remove everything that is not the article, recording why.

The cleaner never deletes a block: it marks it with the rule that removed
it (pipeline.clean.rules).  A document's kept blocks are measured once into
a Page (page.py: lines, features, language, furniture, core, the article's
end, the headline); then an ordered list of named steps each returns what
it removes, and `clean` applies them in turn, counting and timing each.
Bylines, datelines and credits move into metadata.  See docs/cleaning.md.
"""

from __future__ import annotations

from time import perf_counter

from ..document import Document
from . import article_end, author_bio, block_model, contents, dated_lists, furniture, repeated, section_headings, spam, teasers
from .page import Page
from .step import Removals, Step

ARTICLE_END_STEP = Step("article_end", article_end.remove_after_article_end, "a heading that ends the article, and everything after it")
FURNITURE_STEP = Step("furniture", furniture.remove_furniture, "single lines of page furniture, bylines and datelines")
BLOCK_MODEL_STEP = Step("block_model", block_model.remove_by_block_model, "text dumps: the blocks the block model does not keep (outside the core, or inside it); the prose guard")
SECTION_HEADINGS_STEP = Step("section_headings", section_headings.remove_section_headings, "\"Related\" headings that did not end the article")
SPAM_STEP = Step("spam", spam.remove_spam, "spam lines, spam cut out of sentences, spam pages")
DATED_LISTS_STEP = Step("dated_lists", dated_lists.remove_dated_lists, "text dumps: lists of other stories, each title beside its own date line")
TEASERS_STEP = Step("teasers", teasers.remove_teasers, "runs of teasers of other stories (the topic pass)")
REPEATED_STEP = Step("repeated", repeated.remove_repeats, "a block repeating the one before it, or a paragraph repeating one above it")
CONTENTS_STEP = Step("contents", contents.remove_contents, "a table of contents: the headings of the sections below, listed above them")
AUTHOR_BIO_STEP = Step("author_bio", author_bio.remove_author_bio, "the author's name over a paragraph that opens with it, closing the article")

# The steps in the order they run: an earlier step's rule stands on a block
# a later one would also remove (docs/cleaning.md says why this order).
TEXT_STEPS = [
    ARTICLE_END_STEP,
    FURNITURE_STEP,
    SECTION_HEADINGS_STEP,
    SPAM_STEP,
    BLOCK_MODEL_STEP,
    DATED_LISTS_STEP,
    TEASERS_STEP,
    REPEATED_STEP,
    CONTENTS_STEP,
    AUTHOR_BIO_STEP,
]
# HTML blocks: the extractor chose the main content (every block is in
# the core) and left teaser lists out.
HTML_STEPS = [ARTICLE_END_STEP, FURNITURE_STEP, SPAM_STEP, REPEATED_STEP, CONTENTS_STEP, AUTHOR_BIO_STEP]
STEP_NAMES = tuple(dict.fromkeys(step.name for step in TEXT_STEPS + HTML_STEPS))
# Timed beside the steps: building the page (measurements, language, furniture, core, end, headline).
PAGE_PROFILE_KEY = "page"

__all__ = ["HTML_STEPS", "PAGE_PROFILE_KEY", "STEP_NAMES", "TEXT_STEPS", "Page", "Removals", "Step", "clean", "warm_up"]


def clean(doc: Document, options=None) -> Document:
    """Clean a document's blocks in place and return it; `options` (pipeline.Options): which steps to skip.

    Each step's removals and seconds are added to `doc.profile` (step name
    -> [removals, seconds]; building the page under PAGE_PROFILE_KEY).
    Lines a site repeats on many pages are removed later, by
    pipeline.site_memory, once the page's site is known.
    """
    if not doc.ok or not doc.blocks:
        return doc
    skip = options.skip_steps if options is not None else frozenset()
    started = perf_counter()
    page = Page(doc, options.language_backend if options is not None else "auto")
    profile = doc.profile
    profile[PAGE_PROFILE_KEY] = [0, perf_counter() - started]
    for step in TEXT_STEPS if page.text_mode else HTML_STEPS:
        if step.name in skip:
            continue
        started = perf_counter()
        made = page.apply(step.function(page))
        profile[step.name] = [made, perf_counter() - started]
        if not doc.ok:
            break
    page.finish()
    return doc


def warm_up() -> None:
    """Load now what the cleaner otherwise loads on first use.

    The stoplists (~0.3 s), the character tables, the line and teaser
    models, the language model (~0.5 s) and the word-frequency package (its
    lists are read per language on first use, 10-25 ms each).
    A batch pays this once whenever it happens; a benchmark calls it before
    timing, so that it measures the per-page cost.
    """
    from ..language import get_backend
    from .features import JUSTEXT_STOPLISTS, _bmp_flags, stopwords
    from ..dumps.blockmodel import load_block_model
    from ..dumps.metadata import load_headline_model
    from .scripts import _script_table
    from .teasermodel import load_teaser_model, load_veto_model
    from .wordweights import warm_up as load_word_frequencies

    for code in JUSTEXT_STOPLISTS:
        stopwords(code)
    _bmp_flags()
    _script_table()
    load_block_model()
    load_headline_model()
    load_teaser_model()
    load_veto_model()
    get_backend("auto")
    load_word_frequencies()
