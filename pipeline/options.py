"""One options object, built once from CLI flags (or by a library caller)."""

from __future__ import annotations

from dataclasses import dataclass

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
    # Text mode: skip the topic pass (pipeline.clean.coherence.remove_unrelated),
    # which removes teasers of other stories that the layout rules and the
    # line model left in.  It is over a third of the text cleaner's time
    # (bench/bench_text.py: 354 pages/s with this, 234 without, in one run).
    # On the dev pages' own dumps F1 barely moves (held out 0.9027 with
    # this, 0.9023 without: the rules and the line model catch their
    # related-story lists), but of teaser sections injected into articles
    # 74.4% stay in, against 4.3% (bench/bench_spam.py --held-out).  Off by
    # default: "Related Posts" lists are what this project exists to remove.
    fast: bool = False
    # Near-duplicate confirmation threshold; None: pipeline.dedupe.NEAR_DUPLICATE_JACCARD.
    near_duplicate_threshold: float | None = None

    def __post_init__(self) -> None:
        if self.format not in FORMATS:
            raise ValueError(f"format must be one of {', '.join(FORMATS)}, not {self.format!r}")
        check_backend(self.language_backend)
