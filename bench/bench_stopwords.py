"""How much of each language's prose its stoplist covers, against the cleaner's prose threshold.

The cleaner tells prose from the rest of a text dump by the share of a
line's words in the page language's stoplist (pipeline.clean.features,
jusText's lists): a line of at least STOPWORD_PROSE is prose
(pipeline.clean.core).  The threshold was set on German and English pages,
whose prose holds 50-60% stopwords.  Languages without articles, or whose
function words are suffixes, hold far fewer.  This prints, per language of
the labelled language-identification set (tests/data/langid: news
paragraphs in 26 languages), the stoplist's size, the paragraphs'
stopword density (mean, median) and the share of paragraphs at or over
the threshold, lowest first.

Usage: python bench/bench_stopwords.py
"""

from __future__ import annotations

import json
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pipeline.clean.core import STOPWORD_PROSE  # noqa: E402
from pipeline.clean.features import STOPLIST_USABLE_DENSITY, stopwords, tokenize  # noqa: E402

DATA = Path(__file__).resolve().parent.parent / "tests" / "data" / "langid"
# Paragraphs shorter than this many words say little about a language's density.
MIN_WORDS = 8


def densities(path: Path) -> list[float]:
    """Each paragraph's share of words in its language's stoplist."""
    language = path.stem
    stoplist = stopwords(language)
    found = []
    for line in path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        if record.get("band") != "paragraph":
            continue
        words = tokenize(record["text"])
        if len(words) >= MIN_WORDS:
            found.append(sum(word in stoplist for word in words) / len(words))
    return found


def main() -> int:
    rows = []
    for path in sorted(DATA.glob("*.jsonl")):
        found = densities(path)
        if found:
            over = sum(d >= STOPWORD_PROSE for d in found) / len(found)
            rows.append((statistics.mean(found), path.stem, len(stopwords(path.stem)), len(found), statistics.median(found), over))
    print(f"stopword density of news paragraphs (tests/data/langid), prose threshold {STOPWORD_PROSE:.2f}, stoplist usable from {STOPLIST_USABLE_DENSITY:.2f}")
    print("language  stoplist  paragraphs   mean  median  at or over the threshold")
    for mean, language, size, n, median, over in sorted(rows):
        print(f"{language:8s}  {size:8d}  {n:10d}  {mean:5.2f}  {median:6.2f}  {100 * over:5.0f}%")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
