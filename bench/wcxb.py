"""The wcxb-dev evaluation set (../shared/bench/wcxb-dev): loading and shingle scoring.

Each page comes with its whole main text (`main_content`), title, author
and publication date, and `with`/`without` snippets.  Scoring follows the
ScrapingHub article-extraction benchmark: the texts are cut into word
4-grams (shingles); per page, true/false positives and false negatives
over the shingle multisets, normalised so that every page weighs the same;
precision and recall averaged over pages, F1 of the two averages.
"""

from __future__ import annotations

import gzip
import json
import os
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WCXB = Path(os.environ.get("WCXB_DEV", ROOT.parent / "shared" / "bench" / "wcxb-dev"))


@dataclass
class Page:
    id: str
    url: str
    page_type: str
    domain: str
    title: str | None
    author: str | None
    published: str | None
    main_content: str
    with_: list[str]
    without: list[str]
    html: bytes


def load_pages(root: Path = WCXB, limit: int | None = None, page_type: str | None = None) -> list[Page]:
    """The pages in id order (optionally only one page type, or the first `limit`)."""
    truth = root / "truth.jsonl.gz"
    if not truth.exists():
        raise SystemExit(f"wcxb-dev not found at {root} (set WCXB_DEV=...)")
    pages = []
    with gzip.open(truth, "rt", encoding="utf-8") as lines:
        for line in lines:
            row = json.loads(line)
            if page_type and row["page_type"] != page_type:
                continue
            html = gzip.decompress((root / "html" / f"{row['id']}.html.gz").read_bytes())
            pages.append(
                Page(
                    id=row["id"],
                    url=row.get("url") or "",
                    page_type=row["page_type"],
                    domain=row.get("domain") or "",
                    title=row.get("title") or None,
                    author=row.get("author") or None,
                    published=row.get("publish_date") or None,
                    main_content=row.get("main_content") or "",
                    with_=list(row.get("with") or []),
                    without=list(row.get("without") or []),
                    html=html,
                )
            )
            if limit and len(pages) >= limit:
                break
    return sorted(pages, key=lambda p: p.id)


_TOKEN = re.compile(r"\w+")
SHINGLE_WORDS = 4


def shingles(text: str, n: int = SHINGLE_WORDS) -> Counter:
    """The multiset of word n-grams of a text (a text shorter than n words is one shingle)."""
    words = _TOKEN.findall(text or "")
    return Counter(tuple(words[i : i + n]) for i in range(max(1, len(words) - n + 1)) if words[i : i + n])


def page_counts(truth: str, output: str) -> tuple[float, float, float]:
    """(tp, fp, fn) of one page over shingles, normalised to sum to 1."""
    expected, got = shingles(truth), shingles(output)
    tp = sum((expected & got).values())
    fp = sum((got - expected).values())
    fn = sum((expected - got).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


class ShingleScore:
    """Per-page shingle counts; precision and recall averaged over pages, F1 of the averages."""

    def __init__(self) -> None:
        self.pages: list[tuple[float, float, float]] = []

    def add(self, output: str, truth: str) -> tuple[float, float, float]:
        counts = page_counts(truth, output)
        self.pages.append(counts)
        return counts

    @property
    def precision(self) -> float:
        values = [_precision(*c) for c in self.pages if c[0] + c[1] > 0]
        return sum(values) / len(values) if values else 0.0

    @property
    def recall(self) -> float:
        values = [_recall(*c) for c in self.pages if c[0] + c[2] > 0]
        return sum(values) / len(values) if values else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def line(self, name: str, seconds: float | None = None) -> str:
        speed = f"  {len(self.pages) / seconds:8.1f} pages/s" if seconds else ""
        return f"{name:<34} P {self.precision:.3f}  R {self.recall:.3f}  F1 {self.f1:.4f}  ({len(self.pages)} pages){speed}"


def _precision(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return tp / (tp + fp) if tp + fp else 0.0


def _recall(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return tp / (tp + fn) if tp + fn else 0.0
