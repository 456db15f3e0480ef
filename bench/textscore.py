"""Scoring a text cleaner's output on both corpora, the same way in every text bench.

- dev-pages: segment precision, recall and F1 over all pages' `with` /
  `without` snippets (bench/devpages.Score, trafilatura's metric);
- wcxb-dev: shingle precision, recall and F1 against `main_content`
  (bench/wcxb: the ScrapingHub benchmark's metric, precision and recall
  averaged over pages), and segment F1 on its snippets.

`PageTexts` holds each dump's blocks as the pipeline reads them (cached
under bench/out/), so that a decision per block can be scored without
cleaning again; `Scores` accumulates the figures of one system on one
dumper, per corpus and wcxb-dev page type.
"""

from __future__ import annotations

import pickle
from collections import Counter, defaultdict
from pathlib import Path

from devpages import Score, fold
from dumpers import load_dumps
from wcxb import ShingleScore, shingles

OUT = Path(__file__).resolve().parent / "out"
PAGE_TYPES = ("article", "forum", "listing", "product", "collection", "documentation", "service")


def read_blocks(dump: str) -> list[str]:
    """The texts of a dump's blocks as pipeline.read reads them (none when the dump is unreadable)."""
    from pipeline.options import Options
    from pipeline.read import read_bytes

    doc = read_bytes(dump.encode("utf-8"), source="<dump>", options=Options(format="text"))
    return [block.text for block in doc.blocks] if doc.ok else []


class PageTexts:
    """(dumper, page index) -> the texts of the page's blocks; cached in bench/out/block_texts.pkl."""

    def __init__(self, pages, dumpers):
        path = OUT / "block_texts.pkl"
        key = ([p.id for p in pages], list(dumpers))
        texts = None
        if path.exists():
            saved = pickle.loads(path.read_bytes())
            if saved["key"] == key:
                texts = saved["texts"]
        if texts is None:
            texts = {}
            for d, dumper in enumerate(dumpers):
                dumps = load_dumps(pages, dumper)
                for k, page in enumerate(pages):
                    texts[d, k] = read_blocks(dumps[page.id])
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(pickle.dumps({"key": key, "texts": texts}))
        self.texts = texts


class FastShingles(ShingleScore):
    """ShingleScore with each page's truth shingles counted once (bench/wcxb.page_counts recounts them per call)."""

    _truth: dict[int, Counter] = {}

    def add_page(self, page, output: str) -> None:
        truth = self._truth.get(id(page))
        if truth is None:
            truth = self._truth[id(page)] = shingles(page.main_content)
        got = shingles(output)
        tp = sum((truth & got).values())
        fp = sum((got - truth).values())
        fn = sum((truth - got).values())
        total = tp + fp + fn
        self.pages.append((tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0))


class Scores:
    """Every figure of one system on one dumper's dumps."""

    def __init__(self):
        self.dev = Score()
        self.articles = FastShingles()
        self.article_segments = Score()
        self.by_type: dict[str, FastShingles] = defaultdict(FastShingles)
        self.segments_by_type: dict[str, Score] = defaultdict(Score)

    def add(self, page, output: str) -> None:
        if page.corpus == "dev":
            self.dev.add(output, page)
            return
        self.by_type[page.page_type].add_page(page, output)
        self.segments_by_type[page.page_type].add(output, page)
        if page.page_type == "article":
            self.articles.add_page(page, output)
            self.article_segments.add(output, page)


def segment_found(segment: str, output_folded: str) -> bool:
    return fold(segment) in output_folded


def score_decisions(pages, texts: PageTexts, dumpers, runs, keep, include=lambda page: True) -> dict[str, Scores]:
    """dumper -> Scores of the blocks `keep` marks, given rows in `runs` ((dumper index, page index, start, end)); a page without rows outputs nothing."""
    out = {dumper: Scores() for dumper in dumpers}
    seen = set()
    for d, k, s, e in runs:
        page = pages[k]
        if not include(page):
            continue
        seen.add((d, k))
        out[dumpers[d]].add(page, "\n\n".join(t for t, kept in zip(texts.texts[d, k], keep[s:e]) if kept))
    for d, dumper in enumerate(dumpers):
        for k, page in enumerate(pages):
            if include(page) and (d, k) not in seen:
                out[dumper].add(page, "")
    return out
