"""Noisy copies of the one-block-a-line dumps, to train on what the text cleaner must pass over inside and around an article.

The headline finder is trained on them (bench/train_headline_model.py:
a teaser's title over its paragraph is not the headline); the block model
can be (bench/train_text_model.py --noise), but the shipped one is not:
bench/README.md, "Teasers in training", has the figures.

Every page of both corpora gets one copy with noise from tests/noise.py
injected: a spam block, a spam token spliced into a sentence, and a section
of teasers for other stories (a title, often with a paragraph) above,
inside or below the article.  The teasers come from other pages of the
same site fold (bench/textcorpus.py), in the page's language where there
are any: a fold model never reads a word of the pages it is measured on,
not even as another page's noise.  Every injected line is labelled "not
article" (bench/textfeatures.py); the rest keep their labels.

The noise is drawn with NOISE_SEED, never one of bench/bench_spam.py's
seeds, so the leak figures bench_spam.py prints come from other draws.
They still come from the same generator: its teasers have the shape the
model was trained on, and teasers of other shapes on unseen sites may
leak more than bench_spam.py's figure.

Usage: python bench/noisydumps.py [--limit N] [--show PAGE_ID]   (builds the cache; bench/textfeatures.py builds it when missing)
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from devpages import Case, page_headline  # noqa: E402
from dumpers import CACHE, load_dumps  # noqa: E402
from linelabels import unit_labels  # noqa: E402
from textcorpus import load_text_pages  # noqa: E402

from pipeline.language import UNDETERMINED, page_language  # noqa: E402
from tests.noise import Teaser, inject_noise  # noqa: E402

# The name the noisy copies go by beside the dumpers' names (features cache, training rows).
NOISY = "blocks+noise"
NOISE_SEED = 7
SOURCE_DUMPER = "blocks"
# Teasers each page draws its section from (bench_spam.py draws as many).
POOL = 8
# A teaser's paragraphs are article lines of at least this many characters (bench_spam.page_teaser's measure).
TEASER_PARAGRAPH_CHARS = 100
MIN_TITLE_WORDS = 3
MAX_TITLE_CHARS = 150


def cache_path() -> Path:
    return CACHE / f"{NOISY}-{NOISE_SEED}.jsonl.gz"


def page_title(page) -> str:
    """The page's headline: wcxb-dev's truth, else the dev page's h1 or <title>."""
    if page.corpus == "wcxb":
        return page.truth.get("title") or ""
    return page_headline(Case(id=page.id, url="", html=page.html, with_=page.with_, without=page.without))


def _lines(dump: str) -> list[str]:
    return [line.strip() for line in dump.split("\n") if line.strip()]


def language(lines: list[str]) -> str | None:
    """The language of some lines (None when undetermined)."""
    code, _ = page_language(lines)
    return None if code == UNDETERMINED else code


def page_teaser(title: str, article: list[str]) -> Teaser | None:
    """The page as another story's teaser: its title and its first long article lines."""
    if len(title.split()) < MIN_TITLE_WORDS or len(title) > MAX_TITLE_CHARS:
        return None
    paragraphs = [line for line in article if len(line) >= TEASER_PARAGRAPH_CHARS][:2]
    return Teaser(title=title, paragraphs=paragraphs, language=language(paragraphs)) if paragraphs else None


def build(pages, dumps: dict[str, str]) -> dict[str, dict]:
    """page id -> {"dump": the noisy copy, "injected": the injected lines}."""
    titles, articles, teasers = {}, {}, {}
    for page in pages:
        lines = _lines(dumps[page.id])
        labels = unit_labels(page, lines) if lines else []
        articles[page.id] = [line for line, label in zip(lines, labels) if label == 1]
        titles[page.id] = page_title(page)
        teasers[page.id] = page_teaser(titles[page.id], articles[page.id])
    by_fold_language: dict[tuple[int, str | None], list[str]] = defaultdict(list)
    by_fold: dict[int, list[str]] = defaultdict(list)
    for page in pages:
        if teasers[page.id]:
            by_fold_language[page.fold, teasers[page.id].language].append(page.id)
            by_fold[page.fold].append(page.id)
    rng = random.Random(NOISE_SEED)
    out = {}
    for page in pages:
        if not articles[page.id]:
            out[page.id] = {"dump": dumps[page.id], "injected": []}
            continue
        own = teasers[page.id].language if teasers[page.id] else language([l for l in articles[page.id] if len(l) > 80])
        others = [i for i in by_fold_language.get((page.fold, own), []) if i != page.id]
        others = others or [i for i in by_fold[page.fold] if i != page.id]
        pool = [teasers[i] for i in rng.sample(others, min(POOL, len(others)))]
        noisy = inject_noise(dumps[page.id], rng, pool, body=articles[page.id], title=titles[page.id] or None)
        injected = sorted({line for injection in noisy.injections for line in injection.lines if line})
        out[page.id] = {"dump": noisy.text, "injected": injected}
    return out


def load_noisy(pages) -> dict[str, dict]:
    """page id -> {"dump", "injected"}, from the cache when it holds exactly these pages."""
    path = cache_path()
    ids = [p.id for p in pages]
    if path.exists():
        with gzip.open(path, "rt", encoding="utf-8") as rows:
            cached = {row["id"]: row for row in map(json.loads, rows)}
        if list(cached) == ids:
            return cached
    print(f"injecting noise into {len(pages)} {SOURCE_DUMPER} dumps ...", file=sys.stderr, flush=True)
    made = build(pages, load_dumps(pages, SOURCE_DUMPER))
    path.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(path, "wt", encoding="utf-8") as out:
        for page_id in ids:
            out.write(json.dumps({"id": page_id, **made[page_id]}, ensure_ascii=False) + "\n")
    return {page_id: {"id": page_id, **made[page_id]} for page_id in ids}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int)
    parser.add_argument("--show", help="print one page's noisy copy, injected lines marked")
    args = parser.parse_args()
    pages = load_text_pages(limit=args.limit)
    noisy = load_noisy(pages)
    injected = sum(len(row["injected"]) for row in noisy.values())
    print(f"{len(noisy)} pages, {injected} injected lines ({cache_path()})")
    if args.show:
        row = noisy[args.show]
        marked = set(row["injected"])
        for line in _lines(row["dump"]):
            print(("NOISE " if line in marked else "      ") + line[:150])
    return 0


if __name__ == "__main__":
    sys.exit(main())
