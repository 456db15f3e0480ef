"""One options object, built once from CLI flags (or by a library caller)."""

from __future__ import annotations

from dataclasses import dataclass

from .clean import STEP_NAMES
from .language import BACKENDS as LANGUAGE_BACKENDS
from .language import check_backend

# A page larger than this is almost never an article (it is a dump, a feed or
# an attack on the parser); we record it as rejected instead of spending
# seconds of lxml time on it.  News articles with inline markup are < 2 MB.
MAX_PAGE_BYTES = 20 * 1024 * 1024
# A text dump holds no markup: the largest of the 949 dev pages' dumps is
# 117 KB.  Cleaning takes ~120 bytes of memory per byte of dump (2.3 GB
# for a 19 MB one), so a text dump is held to this instead.
MAX_TEXT_BYTES = 5 * 1024 * 1024

# Per-page wall-clock budget for extraction.  trafilatura needs < 0.5 s on a
# normal page on one core; 20 s leaves room for huge but legitimate pages.
EXTRACT_TIMEOUT_SECONDS = 20

FORMATS = ("auto", "html", "text")
# The cleaning step that --fast skips: the topic pass over teasers of other stories.
TOPIC_STEP = "teasers"


@dataclass(frozen=True)
class Options:
    format: str = "auto"  # auto | html | text: how to read the input
    language_backend: str = "auto"  # see pipeline.language.BACKENDS
    max_page_bytes: int = MAX_PAGE_BYTES
    max_text_bytes: int = MAX_TEXT_BYTES
    extract_timeout: float = EXTRACT_TIMEOUT_SECONDS
    # Each kept block's language (Block.language), besides the article's.
    # The archive stores the article's only, so ingest turns this off: it
    # was a fifth of an ingest's time (one model call per block).
    block_languages: bool = True
    # Cleaning steps to leave out, by name (pipeline.clean.STEP_NAMES), for
    # audits and experiments.
    skip_steps: frozenset[str] = frozenset()
    # Text mode: skip the topic pass (the cleaning step TOPIC_STEP), about a
    # third of the text cleaner's time; many more teasers of other stories
    # stay in (bench/README.md, "Fast mode").  The same as putting
    # TOPIC_STEP in skip_steps: each implies the other.
    fast: bool = False
    # Near-duplicate confirmation threshold; None: pipeline.dedupe.NEAR_DUPLICATE_JACCARD.
    near_duplicate_threshold: float | None = None

    def __post_init__(self) -> None:
        if self.format not in FORMATS:
            raise ValueError(f"format must be one of {', '.join(FORMATS)}, not {self.format!r}")
        check_backend(self.language_backend)
        skip = frozenset(self.skip_steps) | ({TOPIC_STEP} if self.fast else frozenset())
        object.__setattr__(self, "skip_steps", skip)
        object.__setattr__(self, "fast", TOPIC_STEP in skip)
        unknown = sorted(skip.difference(STEP_NAMES))
        if unknown:
            raise ValueError(f"unknown cleaning step {', '.join(map(repr, unknown))}: the steps are {', '.join(STEP_NAMES)}")
