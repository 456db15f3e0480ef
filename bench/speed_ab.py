"""Speed of two checkouts, timed in one process, page by page in turn.

The 2-core machine's speed drifts by up to 20% in an hour, so two runs of
bench_text.py minutes apart cannot tell a 2% change.  Here both checkouts'
`pipeline` packages are imported side by side (each copied under its own
name into a temporary directory; the package imports itself relatively) and
each dev page is processed by one, then the other (in alternating order),
for several rounds: drift hits both alike.  Printed: each checkout's
pages/s (all rounds, and the sum of each page's fastest time), and B's
speed as a ratio of A's.  Two runs of the same checkout gave ratios within
0.995-1.007.

What is timed, per page:
- default: reading and cleaning the page's text dump (runner.process_document's
  clean stage alone);
- --stages: the pure stages a batch runs on it (read, extract, clean,
  language, as `ingest` runs them: without block languages), so that work
  moved from one stage to another is counted once;
- --html: the pure stages on the page's HTML (extraction included).

Usage: python bench/speed_ab.py CHECKOUT_A CHECKOUT_B [--rounds N] [--limit N] [--stages | --html]
(a checkout: a directory holding `pipeline/`, e.g. from `git worktree add`).
"""

from __future__ import annotations

import argparse
import importlib
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from devpages import html_to_dump, load_cases  # noqa: E402


def load_checkout(root: Path, name: str, into: Path, mode: str):
    """A function timing one page through the checkout's pipeline, imported as package `name`, warmed up."""
    shutil.copytree(root / "pipeline", into / name)
    sys.path.insert(0, str(into))
    clean_module = importlib.import_module(f"{name}.clean")
    # The word weights' reader: in clean/similarity.py since the topic pass was split, clean/coherence.py before.
    similarity = importlib.import_module(f"{name}.clean.{'similarity' if (root / 'pipeline/clean/similarity.py').exists() else 'coherence'}")
    Options = importlib.import_module(f"{name}.options").Options
    read_bytes = importlib.import_module(f"{name}.read").read_bytes
    process_document = importlib.import_module(f"{name}.runner").process_document
    clean_module.warm_up()
    if hasattr(similarity, "read_word_weights"):
        similarity.read_word_weights()
    if mode == "clean":
        options = Options(format="text")
        return lambda raw: clean_module.clean(read_bytes(raw, options=options))
    options = Options(format="html" if mode == "html" else "text", block_languages=False)
    return lambda raw: process_document(read_bytes(raw, options=options), options)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("a", type=Path, help="checkout A (the baseline)")
    parser.add_argument("b", type=Path, help="checkout B")
    parser.add_argument("--rounds", type=int, default=4)
    parser.add_argument("--limit", type=int, help="only the first N pages")
    what = parser.add_mutually_exclusive_group()
    what.add_argument("--stages", action="store_true", help="time read, clean and language on the text dumps")
    what.add_argument("--html", action="store_true", help="time read, extract, clean and language on the HTML")
    args = parser.parse_args()
    for root in (args.a, args.b):
        if not (root / "pipeline" / "__init__.py").is_file():
            parser.error(f"{root}: no pipeline/ package there")

    mode = "html" if args.html else "stages" if args.stages else "clean"
    cases = load_cases(limit=args.limit)
    pages = [case.html if mode == "html" else html_to_dump(case.html).encode() for case in cases]
    with tempfile.TemporaryDirectory() as tmp:
        checkouts = [load_checkout(root, f"pipeline_{k}", Path(tmp), mode) for k, root in enumerate((args.a, args.b))]
        for run in checkouts:  # first use: caches filled outside the timing
            for page in pages[:100]:
                run(page)
        total = [0.0, 0.0]
        fastest = [[float("inf")] * len(pages) for _ in checkouts]
        for r in range(args.rounds):
            for k, page in enumerate(pages):
                for m in (0, 1) if (k + r) % 2 == 0 else (1, 0):
                    started = time.perf_counter()
                    checkouts[m](page)
                    seconds = time.perf_counter() - started
                    total[m] += seconds
                    fastest[m][k] = min(fastest[m][k], seconds)
    n = len(pages)
    best = [sum(f) for f in fastest]
    timed = {"clean": "read + clean of the text dumps", "stages": "read, clean, language of the text dumps", "html": "read, extract, clean, language of the HTML"}[mode]
    print(f"{n} dev pages x {args.rounds} rounds, {timed}, by A and B in turn")
    print(f"all rounds:      A {n * args.rounds / total[0]:6.1f} pages/s  B {n * args.rounds / total[1]:6.1f} pages/s  B/A {total[0] / total[1]:.3f}")
    print(f"fastest of each: A {n / best[0]:6.1f} pages/s  B {n / best[1]:6.1f} pages/s  B/A {best[0] / best[1]:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
