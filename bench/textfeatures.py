"""Per-block features and labels of every page, every dumper, cached under bench/out/features/ for the model experiments.

Each dump is read into blocks (pipeline.dumps.layout), the text cleaner's
analysis runs on them (furniture rules, the core, the article's end:
pipeline.clean.analyse, unchanged), and every block is a row: today's 46
line features (pipeline.clean.linemodel.line_features, over the whole
page), EXTRA_FEATURES from the layout, and RULE_FEATURES: what today's
rules say of the block (a furniture rule took it, it is a metadata line,
it lies after a heading that ends the article, it is such a heading).  A
model given the rules' verdicts as inputs can learn when to overrule them;
`judged` marks the rows today's line model decides (before the article's
end, not furniture).  Its label: bench/linelabels.py.

Usage: python bench/textfeatures.py [--dumpers blocks,...] [--limit N]   (builds the cache)
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from dumpers import DUMPERS, load_dumps  # noqa: E402
from linelabels import unit_labels  # noqa: E402
from textcorpus import load_text_pages  # noqa: E402

import pipeline.clean as cleaning  # noqa: E402
from pipeline.clean.linemodel import line_features  # noqa: E402
from pipeline.document import Block, Document  # noqa: E402
from pipeline.dumps.layout import STYLE_MARKDOWN, STYLE_WRAPPED, read_dump  # noqa: E402

CACHE = Path(os.environ.get("TEXT_FEATURES_CACHE", Path(__file__).resolve().parent / "out" / "features"))
EXTRA_FEATURES = ["is_heading", "is_list_item", "is_table_row", "log_dump_lines", "wrapped_dump", "markdown_dump"]
RULE_FEATURES = ["metadata_line", "after_article_end", "section_heading", "log_lines_after_end"]
# How much a block shares with the article around it: a teaser of another
# story, a menu or a product box shares few of its longer words with the
# core (words of 4 characters or more: most function words are shorter, in
# any language that separates words).
TOPIC_FEATURES = ["core_word_share", "page_word_share", "near_core_word_share", "has_long_words"]
TOPIC_MIN_CHARS = 4
_METADATA_RULES = frozenset({"byline", "dateline", "metadata_label"})


def page_table(dump: str) -> tuple | None:
    """(analysis, blocks, style, judged, x) of one dump: one row of x per block; judged: the rows today's line model decides."""
    style, blocks = read_dump(dump)
    if not blocks:
        return None
    doc = Document(source="<dump>", format="text", blocks=[Block(b.text, "line") for b in blocks])
    a = cleaning.analyse(doc)
    n = len(blocks)
    core = a.core if a.core is not None else (n, n - 1)
    x = line_features(a.texts, a.tokens, a.lines, a.furniture, a.core, a.repeated, a.chars)
    judged = np.array([i < a.end and i not in a.furniture and a.core is not None for i in range(n)])
    return a, blocks, style, judged, np.hstack([x, extra_features(blocks, style), rule_features(a, n), topic_features(a.tokens, a.core)])


def topic_features(tokens: list[list[str]], core: tuple[int, int] | None) -> np.ndarray:
    """Per block: the share of its longer words found in the core outside it, in the rest of the page, and the mean of the first over 2 blocks each side."""
    from collections import Counter

    n = len(tokens)
    words = [set(w for w in line if len(w) >= TOPIC_MIN_CHARS) for line in tokens]
    page = Counter(w for line in words for w in line)
    start, stop = core if core else (n, -1)
    in_core = Counter(w for line in words[start : stop + 1] for w in line)
    core_share = np.zeros(n)
    page_share = np.zeros(n)
    has = np.zeros(n)
    for i, line in enumerate(words):
        if not line:
            continue
        has[i] = 1.0
        own = 1 if start <= i <= stop else 0
        core_share[i] = sum(1 for w in line if in_core[w] > own) / len(line)
        page_share[i] = sum(1 for w in line if page[w] > 1) / len(line)
    cumulative = np.concatenate([[0.0], np.cumsum(core_share)])
    idx = np.arange(n)
    lo, hi = np.maximum(idx - 2, 0), np.minimum(idx + 3, n)
    near = (cumulative[hi] - cumulative[lo]) / np.maximum(hi - lo, 1)
    return np.stack([core_share, page_share, near, has], axis=1)


def rule_features(a, n: int) -> np.ndarray:
    idx = np.arange(n)
    headings = a.headings
    return np.stack(
        [
            np.fromiter((a.furniture.get(i) in _METADATA_RULES for i in range(n)), float, n),
            (idx >= a.end).astype(float),
            np.fromiter((bool(headings[i]) if headings is not None else False for i in range(n)), float, n),
            np.log1p(np.maximum(idx - a.end + 1, 0)) / 6,
        ],
        axis=1,
    )


def extra_features(blocks, style: str) -> np.ndarray:
    kinds = [b.kind for b in blocks]
    n = len(blocks)
    return np.stack(
        [
            np.fromiter((k == "h" for k in kinds), float, n),
            np.fromiter((k == "li" for k in kinds), float, n),
            np.fromiter((k == "row" for k in kinds), float, n),
            np.log1p(np.fromiter((b.lines for b in blocks), float, n)) / 3,
            np.full(n, float(style == STYLE_WRAPPED)),
            np.full(n, float(style == STYLE_MARKDOWN)),
        ],
        axis=1,
    )


def collect(pages, dumper: str) -> dict:
    """Rows of every block of every page for one dumper: x, y, page (index into pages), judged (today's model decides it)."""
    dumps = load_dumps(pages, dumper)
    xs, ys, page_of, judged_rows = [], [], [], []
    started = time.perf_counter()
    for k, page in enumerate(pages):
        table = page_table(dumps[page.id])
        if table is None:
            continue
        a, blocks, style, judged, x = table
        xs.append(x.astype(np.float32))
        ys.append(unit_labels(page, a.texts))
        page_of.append(np.full(len(x), k, np.int32))
        judged_rows.append(judged)
        if k % 500 == 499:
            print(f"  {dumper}: {k + 1} pages, {time.perf_counter() - started:.0f} s", file=sys.stderr, flush=True)
    return {
        "x": np.vstack(xs),
        "y": np.concatenate(ys),
        "page": np.concatenate(page_of),
        "judged": np.concatenate(judged_rows),
        "ids": np.array([p.id for p in pages]),
    }


def load_features(pages, dumper: str) -> dict:
    path = CACHE / f"{dumper}.npz"
    ids = np.array([p.id for p in pages])
    if path.exists():
        data = dict(np.load(path))
        if np.array_equal(data["ids"], ids):
            return data
    data = collect(pages, dumper)
    CACHE.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(path, **data)
    return data


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--dumpers", default=",".join(DUMPERS))
    parser.add_argument("--limit", type=int)
    args = parser.parse_args()
    pages = load_text_pages(limit=args.limit)
    for dumper in args.dumpers.split(","):
        data = load_features(pages, dumper)
        y = data["y"]
        print(f"{dumper:<10} rows {len(y)}: article {(y == 1).sum()}, not {(y == 0).sum()}, unlabelled {(y < 0).sum()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
