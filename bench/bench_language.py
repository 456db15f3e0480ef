"""Language identification: accuracy per language and length band, and speed, per backend.

On the labelled set tests/data/langid (26 languages; paragraphs >= 100
characters and 20-60 character headlines), every backend in the same run:

- accuracy per language and band, and overall per band;
- what az, hy and ka samples were labelled (the region's confusions: tr, et);
- articles per second on 5 KB articles (paragraphs of one language joined),
  for detect() alone and for the whole stage (article plus block languages),
  after the backend is loaded (load time printed separately).

Exits non-zero when the default backend misses a target: paragraphs >= 99%,
short texts >= 95%, no az/hy/ka sample labelled tr or et, >= 500 articles/s.

    .venv/bin/python bench/bench_language.py [--backends auto,py3langid] [--seconds 2]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.document import Block, Document  # noqa: E402
from pipeline.language import BACKENDS, detect, detect_language, get_backend  # noqa: E402

LANGID = ROOT / "tests" / "data" / "langid"
ARTICLE_CHARS = 5000
ARTICLES_PER_LANGUAGE = 4
FLOORS = {"paragraph": 0.99, "short": 0.95}
MIN_ARTICLES_PER_SECOND = 500
REGION = ("az", "hy", "ka")
LOOKALIKES = {"tr", "et"}


def load_samples() -> list[dict]:
    rows = []
    for path in sorted(LANGID.glob("*.jsonl")):
        rows += [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return rows


def make_articles(samples: list[dict]) -> list[tuple[str, list[str]]]:
    """(language, paragraphs) of ~5 KB each: a language's paragraphs, rotated, joined until 5 KB."""
    paragraphs = defaultdict(list)
    for s in samples:
        if s["band"] == "paragraph":
            paragraphs[s["lang"]].append(s["text"])
    articles = []
    for lang, texts in sorted(paragraphs.items()):
        for start in range(ARTICLES_PER_LANGUAGE):
            chosen, size, i = [], 0, start
            while size < ARTICLE_CHARS:
                text = texts[i % len(texts)]
                chosen.append(text)
                size += len(text.encode("utf-8")) + 2
                i += 1
            articles.append((lang, chosen))
    return articles


def per_second(fn, items, seconds: float) -> float:
    done, started = 0, time.perf_counter()
    while True:
        for item in items:
            fn(item)
        done += len(items)
        elapsed = time.perf_counter() - started
        if elapsed >= seconds:
            return done / elapsed


def stage(lang_paragraphs, backend):
    doc = Document(source="bench", blocks=[Block(p) for p in lang_paragraphs[1]])
    return detect_language(doc, backend)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--backends", default=",".join(BACKENDS), help="comma-separated, default all")
    parser.add_argument("--seconds", type=float, default=2.0, help="timing budget per measurement")
    args = parser.parse_args()

    samples = load_samples()
    articles = make_articles(samples)
    texts = [(lang, "\n\n".join(paras)) for lang, paras in articles]
    languages = sorted({s["lang"] for s in samples})
    print(f"labelled set: {len(samples)} samples, {len(languages)} languages; "
          f"{len(articles)} articles of ~{ARTICLE_CHARS // 1000} KB for speed")

    backends = [b for b in args.backends.split(",") if b]
    results = {}
    for name in backends:
        if name == "lingua" and importlib.util.find_spec("lingua") is None:
            print(f"\n{name}: not installed (pip install -e '.[lingua]'), skipped")
            continue
        started = time.perf_counter()
        get_backend(name)
        detect("warm-up text for the language backend", name)
        load = time.perf_counter() - started

        right, total = Counter(), Counter()
        region = defaultdict(Counter)
        for s in samples:
            code, _ = detect(s["text"], name)
            right[(s["lang"], s["band"])] += code == s["lang"]
            total[(s["lang"], s["band"])] += 1
            if s["lang"] in REGION:
                region[s["lang"]][code] += 1
        article_right = sum(detect(text, name)[0] == lang for lang, text in texts)
        detect_rate = per_second(lambda item: detect(item[1], name), texts, args.seconds)
        stage_rate = per_second(lambda item: stage(item, name), articles, args.seconds)
        results[name] = dict(right=right, total=total, region=region, load=load, detect_rate=detect_rate,
                             stage_rate=stage_rate, article_accuracy=article_right / len(texts))

    if not results:
        return 1
    names = list(results)
    print("\naccuracy per language (paragraph / short), %:")
    print(f"{'lang':6}" + "".join(f"{n:>16}" for n in names))
    for lang in languages:
        cells = []
        for n in names:
            r = results[n]
            p = 100 * r["right"][(lang, "paragraph")] / r["total"][(lang, "paragraph")]
            s = 100 * r["right"][(lang, "short")] / r["total"][(lang, "short")]
            cells.append(f"{p:7.0f} /{s:4.0f}   ")
        print(f"{lang:6}" + "".join(f"{c:>16}" for c in cells))

    print("\nper backend:")
    failures = []
    for n in names:
        r = results[n]
        band = {}
        for b in ("paragraph", "short"):
            ok = sum(v for (lang, bb), v in r["right"].items() if bb == b)
            all_ = sum(v for (lang, bb), v in r["total"].items() if bb == b)
            band[b] = ok / all_
        confused = sum(c for lang in REGION for code, c in r["region"][lang].items() if code in LOOKALIKES)
        print(f"  {n:10} paragraphs {100 * band['paragraph']:5.1f}%  short {100 * band['short']:5.1f}%  "
              f"5 KB articles {100 * r['article_accuracy']:5.1f}%  |  {r['detect_rate']:7.0f} articles/s detect, "
              f"{r['stage_rate']:6.0f} articles/s stage (with block languages)  |  load {r['load']:.1f} s")
        region_text = "; ".join(
            f"{lang} -> " + ", ".join(f"{code} {c}" for code, c in r["region"][lang].most_common()) for lang in REGION
        )
        print(f"  {'':10} az/hy/ka labelled as: {region_text}  (tr/et: {confused})")
        if n == "auto":
            for b, floor in FLOORS.items():
                if band[b] < floor:
                    failures.append(f"auto {b} accuracy {100 * band[b]:.1f}% < {100 * floor:.0f}%")
            if confused:
                failures.append(f"auto labelled {confused} az/hy/ka samples tr or et")
            if r["detect_rate"] < MIN_ARTICLES_PER_SECOND:
                failures.append(f"auto {r['detect_rate']:.0f} articles/s < {MIN_ARTICLES_PER_SECOND}")
    for failure in failures:
        print(f"FLOOR MISSED: {failure}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
