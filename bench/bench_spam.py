"""Spam and unrelated teasers on the dev pages: leak rates, and body F1 with and without injected noise.

Every page's text dump (bench/devpages.html_to_dump) is cleaned as it is,
and then with noise from tests/noise.py (a spam block, a spam token spliced
into a body sentence, a section of teasers taken from other dev pages in
the same language), once per noise seed (--seeds draws, 4 by default: one
draw's figures depend on its luck).  Printed, pooled over the draws and
(leak rates, F1 gap) per draw:

- leak rates per kind: injected spam lines kept, spliced tokens still in
  their sentence, teaser sections with any teaser line kept;
- body F1 (bench/devpages.Score on the `with`/`without` segments) on the
  clean and on the noisy dumps, and the gap between them;
- how many noisy pages got an injected line (spam, a teaser's title) as
  their headline.

Exits non-zero when a figure misses its floor.  With --held-out every page
is cleaned by the models of the folds that held it out: the text block
model's and the headline finder's folds that never saw its site
(bench/train_text_model.py --write-folds, bench/train_headline_model.py)
and the teaser model's fold that never saw the page (the shipped models
were trained on these pages, so that is the figure to expect elsewhere).

Example: .venv/bin/python bench/bench_spam.py --limit 200
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections import Counter, defaultdict
from contextlib import nullcontext
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench.devpages import Case, HeldOutModels, Score, html_to_dump, load_cases, page_headline  # noqa: E402
from bench import noisydumps  # noqa: E402
from bench.textcorpus import dev_site  # noqa: E402
from tests.noise import Teaser, inject_noise, line_leaked, token_leaked  # noqa: E402
from pipeline.options import Options  # noqa: E402
from pipeline.read import read_bytes  # noqa: E402
from pipeline.runner import process_document  # noqa: E402

# Pinned floors (the targets the spam and teaser rules are held to).
MAX_SPAM_LINE_LEAK = 0.01
MAX_INLINE_TOKEN_LEAK = 0.05
MAX_TEASER_SECTION_LEAK = 0.05
MAX_F1_GAP = 0.01

SEED = 20240826
# Noise draws per run.  One draw is luck: on the 949 dev pages (held out)
# the teaser leak rate ranged 4.97-7.29% over seeds 20240826, 1, 2 and 3,
# and the F1 gap 0.0061-0.0108; the floors apply to the pooled draws.
# Figures quoted in the rules' comments before 2026-11-22's release come
# from the first draw (seed 20240826) alone.
DEFAULT_SEEDS = 4
OPTIONS = Options(format="text")


def clean_dump(dump: str, options: Options = OPTIONS):
    return process_document(read_bytes(dump.encode("utf-8"), options=options), options)


def page_teaser(case: Case, dump: str, title: str) -> Teaser | None:
    """The page as another story's teaser: its headline and its first body paragraphs (the dump's lines holding a `with` segment)."""
    segments = [" ".join(s.split()) for s in case.with_ if len(s) >= 20]
    article = [line for line in dump.split("\n") if any(seg in " ".join(line.split()) for seg in segments)]
    return noisydumps.page_teaser(title, article)


def kept_texts(doc) -> list[str]:
    return [b.text for b in doc.blocks if b.kept] if doc.ok else []


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, default=None, help="first N dev pages only")
    parser.add_argument("--seed", type=int, default=SEED, help="the first noise seed")
    parser.add_argument(
        "--seeds", type=int, default=DEFAULT_SEEDS, help=f"noise draws: seeds --seed, --seed + 1, ... (default {DEFAULT_SEEDS})"
    )
    parser.add_argument("--show", type=int, default=0, help="print up to N leaked lines per kind")
    parser.add_argument("--only", choices=("spam", "inline", "teaser"), help="inject one kind of noise only")
    parser.add_argument(
        "--held-out", action="store_true", help="clean each page with the fold block, headline and teaser models that never saw it"
        " (bench/train_text_model.py, bench/train_headline_model.py, bench/train_teaser_model.py)"
    )
    parser.add_argument(
        "--fast", action="store_true", help="clean with Options(fast=True): no topic pass, so the teaser floor does not apply"
    )
    args = parser.parse_args(argv)
    options = replace(OPTIONS, fast=True) if args.fast else OPTIONS
    if args.seeds < 1:
        parser.error("--seeds must be at least 1")

    cases = load_cases(limit=args.limit)
    dumps = [html_to_dump(c.html) for c in cases]
    titles = [page_headline(c) for c in cases]
    teasers = [page_teaser(c, d, t) for c, d, t in zip(cases, dumps, titles)]
    by_language: dict[str | None, list[int]] = defaultdict(list)
    for i, teaser in enumerate(teasers):
        if teaser:
            by_language[teaser.language].append(i)

    started = time.monotonic()
    models = HeldOutModels(sites={case.id: dev_site(case.url, case.html, case.id) for case in cases}) if args.held_out else None
    clean_score = Score()
    clean_kept: list[list[str] | None] = []
    for case, dump in zip(cases, dumps):
        with models.use(case.id) if models else nullcontext():
            clean_doc = clean_dump(dump, options)
        clean_score.add(clean_doc.text if clean_doc.ok else "", case)
        clean_kept.append(kept_texts(clean_doc) if clean_doc.ok else None)

    # The other pages' teasers each page may draw from (in its language when there are any).
    others_of = []
    for i, dump in enumerate(dumps):
        language = teasers[i].language if teasers[i] else noisydumps.language([l for l in dump.split("\n") if len(l) > 80])
        others_of.append([teasers[j] for j in by_language.get(language, []) if j != i] or [t for j, t in enumerate(teasers) if t and j != i])
    kinds = {kind: int(args.only in (None, kind)) for kind in ("spam", "inline", "teaser")}

    # Each seed is one draw of noise over every page; the figures pool the draws.
    noisy_score = Score()
    counts: Counter = Counter()
    leaks: dict[str, list[str]] = defaultdict(list)
    per_seed = []
    for seed in range(args.seed, args.seed + args.seeds):
        rng = random.Random(seed)
        seed_counts: Counter = Counter()
        seed_score = Score()
        for i, (case, dump) in enumerate(zip(cases, dumps)):
            others = others_of[i]
            pool = rng.sample(others, min(8, len(others)))
            noisy = inject_noise(
                dump, rng, pool, body=case.with_,
                spam_blocks=kinds["spam"], inline_tokens=kinds["inline"], teaser_sections=kinds["teaser"], title=titles[i],
            )
            with models.use(case.id) if models else nullcontext():
                doc = clean_dump(noisy.text, options)
            for score in (noisy_score, seed_score):
                score.add(doc.text if doc.ok else "", case)
            _count_leaks(case, doc, noisy.injections, clean_kept[i], seed_counts, leaks)
        counts.update(seed_counts)
        per_seed.append((seed, seed_counts, clean_score.f1 - seed_score.f1))
    seconds = time.monotonic() - started

    def rate(kind: str, of: Counter = counts) -> float:
        return of[f"{kind} leaked"] / of[kind] if of[kind] else 0.0

    spam_leak, inline_leak, teaser_leak = rate("spam lines"), rate("inline tokens"), rate("teaser sections")
    gap = clean_score.f1 - noisy_score.f1
    used = "fold block, headline and teaser models (each page held out)" if models else "shipped models"
    if args.fast:
        used += ", --fast (no topic pass)"
    cleanings = len(cases) * (1 + args.seeds)
    print(f"{len(cases)} dev pages (text dumps), {used}, {cleanings / seconds:.1f} cleanings/s")
    print(f"noise seeds {args.seed}..{args.seed + args.seeds - 1}, pooled below; per seed:")
    for seed, seed_counts, seed_gap in per_seed:
        print(
            f"  seed {seed}: spam lines {rate('spam lines', seed_counts):.3%}  inline tokens {rate('inline tokens', seed_counts):.3%}"
            f"  teaser sections {seed_counts['teaser sections leaked']} / {seed_counts['teaser sections']}"
            f" = {rate('teaser sections', seed_counts):.3%}  F1 gap {seed_gap:+.4f}"
        )
    print(f"spam lines leaked          {counts['spam lines leaked']:5d} / {counts['spam lines']:5d}  = {spam_leak:.3%}  (floor {MAX_SPAM_LINE_LEAK:.0%})")
    print(f"inline tokens leaked       {counts['inline tokens leaked']:5d} / {counts['inline tokens']:5d}  = {inline_leak:.3%}  (floor {MAX_INLINE_TOKEN_LEAK:.0%})")
    print(f"  sentences intact after cut {counts['inline sentences intact']:5d} / {counts['inline sentences kept before']:5d}")
    print(f"teaser sections leaked     {counts['teaser sections leaked']:5d} / {counts['teaser sections']:5d}  = {teaser_leak:.3%}  (floor {MAX_TEASER_SECTION_LEAK:.0%}{', not applied with --fast' if args.fast else ''})")
    for where in ("before", "inside", "after"):
        print(f"  {where + ':':7} {counts[f'teaser sections {where} leaked']:5d} / {counts[f'teaser sections {where}']:5d}  = {rate(f'teaser sections {where}'):.3%}")
    print(f"  teaser lines leaked        {counts['teaser lines leaked']:5d} / {counts['teaser lines']:5d}  = {rate('teaser lines'):.3%}")
    print(f"pages rejected only with noise: {counts['rejected only with noise']}")
    print(f"headlines taken from injected lines: {counts['titles from injected lines']} / {len(cases) * args.seeds}")
    print(clean_score.line("body without injection"))
    print(noisy_score.line("body with injection"))
    print(f"F1 gap (without - with)    {gap:+.4f}  (floor {MAX_F1_GAP})")
    for kind, items in leaks.items():
        for item in items[: args.show]:
            print(f"  leak {kind}: {item}")

    teaser_failed = teaser_leak > MAX_TEASER_SECTION_LEAK and not args.fast
    failed = spam_leak > MAX_SPAM_LINE_LEAK or inline_leak > MAX_INLINE_TOKEN_LEAK or teaser_failed or gap > MAX_F1_GAP
    return 1 if failed else 0


def _count_leaks(case: Case, doc, injections, clean_kept: list[str] | None, counts: Counter, leaks: dict[str, list[str]]) -> None:
    """Count one noisy page's injections and what of them the cleaned page kept."""
    if clean_kept is not None and not doc.ok:
        counts["rejected only with noise"] += 1
    kept = kept_texts(doc)
    injected_lines = {line for inj in injections for line in inj.lines}
    if doc.metadata.get("title") in injected_lines:
        counts["titles from injected lines"] += 1
        leaks["title"].append(f"{case.id} {doc.metadata['title'][:100]}")
    for inj in injections:
        if inj.kind == "spam":
            for line in inj.lines:
                counts["spam lines"] += 1
                if line_leaked(line, kept):
                    counts["spam lines leaked"] += 1
                    leaks["spam"].append(f"{case.id} [{inj.position}] {line[:100]}")
        elif inj.kind == "inline":
            counts["inline tokens"] += 1
            if token_leaked(inj, kept):
                counts["inline tokens leaked"] += 1
                leaks["inline"].append(f"{case.id} {inj.token!r} in {inj.spliced[:100]}")
            if clean_kept is not None and inj.original in clean_kept:
                counts["inline sentences kept before"] += 1
                if inj.original in kept:
                    counts["inline sentences intact"] += 1
        elif inj.kind == "teaser":
            counts["teaser sections"] += 1
            counts[f"teaser sections {inj.position}"] += 1
            body_lines = [l for l in inj.lines if l != inj.heading]
            leaked = [l for l in body_lines if line_leaked(l, kept)]
            counts["teaser lines"] += len(body_lines)
            counts["teaser lines leaked"] += len(leaked)
            if leaked:
                counts["teaser sections leaked"] += 1
                counts[f"teaser sections {inj.position} leaked"] += 1
                leaks["teaser"].append(f"{case.id} [{inj.position}] {leaked[0][:100]}")


if __name__ == "__main__":
    sys.exit(main())
