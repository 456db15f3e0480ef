"""Text mode on both corpora and four dumpers, held out by site: the figures the text cleaner is judged by.

Every page of dev-pages (../shared/bench/dev-pages) and wcxb-dev
(../shared/bench/wcxb-dev) is saved as a text dump the way four families
of tools save pages (bench/dumpers.py: one block a line, one text node a
line, wrapped at 76 columns, Markdown), read by the pipeline and cleaned.
The headline figures are held out: each page is cleaned by the block
model and the headline model of the fold that never saw its site
(bench/data/text_model_folds/, bench/data/headline_model_folds/; folds by
site, bench/textcorpus.py); dev pages are cleaned by the teaser model's fold
that never saw them (bench/data/teaser_model_folds/, folds by page), and
every page by the teaser veto's fold that never saw it
(bench/data/teaser_veto_folds/: dev pages by page, wcxb-dev by site).  Printed per dumper:

- dev-pages: segment precision, recall, F1 (trafilatura's metric on the
  pages' `with` / `without` snippets);
- wcxb-dev articles: shingle precision, recall, F1 against `main_content`
  (the ScrapingHub benchmark's metric) and segment F1 on their snippets;
- wcxb-dev per page type: shingle F1 and segment F1;
- beside them, the line oracle: exactly the blocks labelled article
  (bench/linelabels.py), the ceiling of any cleaner that keeps or drops
  whole blocks of that dump;
- metadata on wcxb-dev articles: title, date, author agreeing with the
  truth (of the pages that have one; bench/metadata_agreement.py) and a
  value given where the truth has none;
- pages rejected;
- short news briefs kept and pages without prose rejected (tests/data/briefs).

Then the speed of the text cleaner (read + clean of each dump with the
shipped models, the page's language decided, no block languages) on the
`--speed-dumper` dumps of both corpora, in pages/s on this one process,
and as a ratio to jusText's speed on the same dumps in the same run (the
machine's speed drifts; the ratio much less).  The shipped models' figures
on the same pages are printed too, labelled in-sample: they saw these
pages in training.

Usage: python bench/bench_text.py [--dumpers blocks,nodes,wrapped,markdown[,rows,html2text,lynx,w3m]] [--limit N] [--no-justext] [--profile]
Exits non-zero when the held-out dev-pages segment F1 or wcxb-dev articles' shingle F1 on the blocks dumps is under its floor.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from contextlib import ExitStack, contextmanager
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from devpages import TEASER_FOLD_MODELS, VETO_FOLD_MODELS, fold_of, teaser_model, veto_model  # noqa: E402
from dumpers import DUMPERS, EXTRA_DUMPERS, load_dumps  # noqa: E402
from linelabels import unit_labels  # noqa: E402
from metadata_agreement import Agreement  # noqa: E402
from textcorpus import FOLDS, load_text_pages  # noqa: E402
from textfeatures import HEADLINE_FOLDS  # noqa: E402
from textscore import PAGE_TYPES, Scores, read_blocks  # noqa: E402

from pipeline.clean import PAGE_PROFILE_KEY, TEXT_STEPS, clean, warm_up  # noqa: E402
from pipeline.options import Options  # noqa: E402
from pipeline.read import read_bytes  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
TEXT_FOLDS = ROOT / "bench" / "data" / "text_model_folds"
BRIEFS = ROOT / "tests" / "data" / "briefs"
TEXT = Options(format="text")

# Regression floors on the blocks dumps, held out (pinned a little under
# the figures in bench/README.md, so that a retrained model within noise
# does not fail the gate).
DEV_SEGMENT_F1_FLOOR = 0.88
WCXB_ARTICLE_F1_FLOOR = 0.90


class FoldModels:
    """The block and headline models of each fold; `use(page)`: the ones that never saw the page's site."""

    def __init__(self):
        from pipeline.dumps.blockmodel import BlockModel
        from pipeline.dumps.metadata import HeadlineModel
        from pipeline.clean.blockfeatures import FEATURE_NAMES

        def read(directory: Path, make, trainers: str = "bench/train_text_model.py --write-folds and bench/train_headline_model.py"):
            paths = [directory / f"fold{k}.json" for k in range(FOLDS)]
            missing = [str(p.relative_to(ROOT)) for p in paths if not p.exists()]
            if missing:
                raise SystemExit(f"missing fold models {', '.join(missing)}: run {trainers}")
            return [make(json.loads(p.read_text(encoding="utf-8"))) for p in paths]

        from pipeline.clean import teasermodel

        self.block = read(TEXT_FOLDS, lambda params: BlockModel(params, FEATURE_NAMES))
        self.headline = read(HEADLINE_FOLDS, HeadlineModel)

        def teaser_network(params):
            return teasermodel.LineModel(params, teasermodel.FEATURE_NAMES, teasermodel.TRAINER)

        # The teaser model learned from dev pages: each is cleaned by the fold
        # that never saw it (folds by page, nearly by site on dev-pages).
        self.teaser = read(TEASER_FOLD_MODELS, teaser_network, teasermodel.TRAINER)
        # Its veto learned from dev pages (folds by page) and wcxb-dev's
        # articles (folds by site): each page is cleaned by the fold that
        # never saw it (the shipped veto saw wcxb-dev's articles).
        self.veto = read(VETO_FOLD_MODELS, teaser_network, teasermodel.TRAINER)

    @contextmanager
    def use(self, page):
        from pipeline.clean.linemodel import swapped_loader
        from pipeline.dumps import blockmodel, metadata

        with ExitStack() as stack:
            stack.enter_context(swapped_loader(blockmodel, "load_block_model", self.block[page.fold]))
            stack.enter_context(swapped_loader(metadata, "load_headline_model", self.headline[page.fold]))
            if page.corpus == "dev":
                stack.enter_context(teaser_model(self.teaser[fold_of(page.id.split("/", 1)[1], len(self.teaser))]))
            k = page.fold if page.corpus == "wcxb" else fold_of(page.id.split("/", 1)[1], len(self.veto))
            stack.enter_context(veto_model(self.veto[k]))
            yield


def clean_dump(dump: str, source: str, options: Options = TEXT):
    return clean(read_bytes(dump.encode("utf-8"), source=source, options=options), options)


class Figures:
    """Every figure of one system on one dumper's dumps."""

    def __init__(self):
        self.scores = Scores()
        self.meta = Agreement()
        self.rejected = Counter()

    def add(self, page, doc=None, text: str | None = None) -> None:
        if doc is not None:
            text = doc.text if doc.ok else ""
            if not doc.ok:
                self.rejected[page.corpus] += 1
            if page.page_type == "article":
                self.meta.add(doc.metadata, page.truth)
        self.scores.add(page, text)


def run_dumper(pages, dumper: str, folds: FoldModels | None) -> dict[str, Figures]:
    """{"held out" | "in-sample" | "line oracle": Figures} on one dumper's dumps."""
    dumps = load_dumps(pages, dumper, workers=2)
    out = {"held out": Figures(), "line oracle": Figures()}
    for page in pages:
        with folds.use(page) if folds else ExitStack():
            out["held out"].add(page, clean_dump(dumps[page.id], page.id))
        units = read_blocks(dumps[page.id])
        labels = unit_labels(page, units)
        out["line oracle"].add(page, text="\n\n".join(u for u, y in zip(units, labels) if y == 1))
    return out


def print_dumper(dumper: str, figures: dict[str, Figures]) -> None:
    print(f"\n== {dumper} dumps ==")
    print(f"{'':<12} {'dev segment P / R / F1':<24} {'wcxb articles shingle P / R / F1':<33} {'seg F1':>7} {'rejected dev/wcxb':>18}")
    for name, f in figures.items():
        s = f.scores
        print(
            f"{name:<12} {s.dev.precision:.3f} {s.dev.recall:.3f} {s.dev.f1:.4f}     "
            f"{s.articles.precision:.3f} {s.articles.recall:.3f} {s.articles.f1:.4f}              "
            f"{s.article_segments.f1:7.3f} {f.rejected['dev']:>9}/{f.rejected['wcxb']:<8}"
        )
    print(f"{'by type':<12} " + " ".join(f"{t[:13]:>13}" for t in PAGE_TYPES) + "   (wcxb-dev: shingle F1 / segment F1)")
    for name, f in figures.items():
        s = f.scores
        print(f"{name:<12} " + " ".join(f"{s.by_type[t].f1:6.3f}/{s.segments_by_type[t].f1:6.3f}" for t in PAGE_TYPES))
    m = figures["held out"].meta
    print(
        f"metadata     title {m.share('title'):6.1%} of {m.with_truth['title']}  date {m.share('published'):6.1%} of {m.with_truth['published']}"
        f"  author {m.share('author'):6.1%} of {m.with_truth['author']}   given where the truth has none (of {m.pages}):"
        f" title {m.invented('title'):.1%}, date {m.invented('published'):.1%}, author {m.invented('author'):.1%}"
    )


def check_briefs() -> tuple[list[int], list[int], list[str]]:
    """([kept without what they must not hold, of], [rejected with no_article, of], failures) over tests/data/briefs, shipped models."""
    manifest = json.loads((BRIEFS / "manifest.json").read_text(encoding="utf-8"))
    kept, rejected, failures = [0, 0], [0, 0], []
    for name, expected in sorted(manifest.items()):
        doc = clean_dump((BRIEFS / name).read_text(encoding="utf-8"), name)
        if expected["expect"] == "reject":
            ok = not doc.ok and (doc.reason or "").startswith("no_article")
            rejected[0] += ok
            rejected[1] += 1
        else:
            text = " ".join(doc.text.split())
            ok = doc.ok and all(" ".join(s.split()) in text for s in expected["must_contain"])
            ok = ok and not any(" ".join(s.split()) in text for s in expected["must_not_contain"])
            kept[0] += ok
            kept[1] += 1
        if not ok:
            failures.append(f"{name}: {doc.status} {doc.reason or ''}")
    return kept, rejected, failures


def speed(pages, dumper: str, with_justext: bool, profile: bool) -> None:
    """Pages/s of the text cleaner (read + clean, shipped models) on one core, and against jusText on the same dumps."""
    dumps = load_dumps(pages, dumper)
    texts = [dumps[p.id] for p in pages]
    warm_up()
    clean_dump(texts[0], "<warm>")
    steps: dict = {}
    in_sample = Figures()
    # Each page is timed alone and scored outside the timing; no document is
    # kept past its scoring (thousands kept alive make the garbage collector's
    # passes grow, which no ingest pays).
    seconds = 0.0
    for text, page in zip(texts, pages):
        started = time.perf_counter()
        doc = clean_dump(text, page.id)
        seconds += time.perf_counter() - started
        in_sample.add(page, doc)
        for step, (removals, spent) in doc.profile.items():
            total = steps.setdefault(step, [0, 0.0])
            total[0] += removals
            total[1] += spent
    s = in_sample.scores
    print(f"\nin-sample (the shipped models, which saw these pages in training), {dumper} dumps: dev segment F1 {s.dev.f1:.4f}, wcxb articles shingle F1 {s.articles.f1:.4f}")
    print(f"speed on the {dumper} dumps of {len(pages)} pages: text cleaner {len(pages) / seconds:.0f} pages/s ({1000 * seconds / len(pages):.2f} ms a page) on one core")
    if with_justext:
        justext_seconds = run_justext(texts)
        print(f"  jusText on the same dumps: {len(pages) / justext_seconds:.0f} pages/s; text cleaner / jusText speed in this run: {justext_seconds / seconds:.2f}x")
    if profile:
        total = sum(spent for _, spent in steps.values())
        print(f"{'step':<18} {'removals':>9} {'ms/page':>8} {'share':>6}")
        for step in [PAGE_PROFILE_KEY, *(s.name for s in TEXT_STEPS)]:
            if step in steps:
                removals, spent = steps[step]
                print(f"{step:<18} {removals:9d} {spent * 1000 / len(pages):8.3f} {spent / total:6.1%}")


def run_justext(dumps: list[str]) -> float:
    """Seconds jusText (default settings) takes over the dumps, each line a paragraph, with the stoplist of the language the pipeline reads (chosen outside the timing)."""
    import html

    import justext

    from pipeline.clean.features import JUSTEXT_STOPLISTS
    from pipeline.language import page_language

    jobs, stoplists = [], {}
    for dump in dumps:
        lines = [line for line in dump.split("\n") if line.strip()]
        name = JUSTEXT_STOPLISTS.get(page_language(lines)[0], "English")
        if name not in stoplists:
            stoplists[name] = justext.get_stoplist(name)
        jobs.append(("<html><body>" + "".join(f"<p>{html.escape(line)}</p>" for line in lines) + "</body></html>", stoplists[name]))
    justext.justext(jobs[0][0].encode(), jobs[0][1])  # its first call loads lxml's parser
    started = time.perf_counter()
    for page, stoplist in jobs:
        justext.justext(page.encode(), stoplist)
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--dumpers",
        default=",".join(DUMPERS),
        help=f"comma-separated, of {', '.join(DUMPERS)} (default), and {', '.join(EXTRA_DUMPERS)}: dump styles no model is trained on",
    )
    parser.add_argument("--limit", type=int, help="only the first N pages of each corpus (a smoke test)")
    parser.add_argument("--speed-dumper", default="blocks", choices=DUMPERS)
    parser.add_argument("--no-justext", action="store_true", help="no jusText speed baseline")
    parser.add_argument("--no-speed", action="store_true", help="quality figures only")
    parser.add_argument("--profile", action="store_true", help="each cleaning step's removals and time in the speed run")
    args = parser.parse_args()
    unknown = set(args.dumpers.split(",")) - set(DUMPERS + EXTRA_DUMPERS)
    if unknown:
        parser.error(f"unknown dumper(s) {', '.join(sorted(unknown))}; of {', '.join(DUMPERS + EXTRA_DUMPERS)}")
    pages = load_text_pages(limit=args.limit)
    folds = FoldModels()
    warm_up()
    print(
        f"{sum(p.corpus == 'dev' for p in pages)} dev-pages pages, {sum(p.corpus == 'wcxb' for p in pages)} wcxb-dev pages"
        f" ({sum(p.page_type == 'article' for p in pages)} articles); held out: each page cleaned by the fold models that never saw its site ({FOLDS} folds)"
    )
    failed = []
    for dumper in args.dumpers.split(","):
        figures = run_dumper(pages, dumper, folds)
        print_dumper(dumper, figures)
        sys.stdout.flush()
        if dumper == "blocks":
            held = figures["held out"].scores
            if held.dev.f1 < DEV_SEGMENT_F1_FLOOR:
                failed.append(f"dev-pages segment F1 {held.dev.f1:.4f} < floor {DEV_SEGMENT_F1_FLOOR}")
            if held.articles.f1 < WCXB_ARTICLE_F1_FLOOR:
                failed.append(f"wcxb-dev articles shingle F1 {held.articles.f1:.4f} < floor {WCXB_ARTICLE_F1_FLOOR}")
    kept, rejected, failures = check_briefs()
    print(f"\nbriefs (tests/data/briefs): short articles kept {kept[0]} / {kept[1]}, pages without prose rejected (no_article) {rejected[0]} / {rejected[1]}")
    for failure in failures:
        print(f"  not as expected: {failure}")
    if not args.no_speed:
        speed(pages, args.speed_dumper, not args.no_justext, args.profile)
    for failure in failed:
        print(f"FAIL: {failure} (blocks dumps, held out)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
