"""HTML mode against trafilatura, on dev-pages and wcxb-dev, in one process and one run, held out by domain.

Printed, over the same pages:

- quality: trafilatura.extract (default settings, and include_comments=False)
  and the project's HTML mode (runner.process_document: extraction,
  cleaning, language), each page's blocks judged by the block model of the
  fold that held the page's domain out (bench/data/block_model_folds/,
  written by bench/train_block_model.py final).  dev-pages: segment F1 with
  its snippets.  wcxb-dev: shingle F1 against the whole main text (articles,
  and each page type) and segment F1 with its snippets.  Fold FINAL_FOLD
  (never used while the model was designed) is also printed on its own.
- metadata on wcxb-dev articles, against the truth: title (normalised),
  author (a name in common), date (the same day); and how many pages with
  no date in the truth were given one.
- speed on the same pages, one after the other in this process: pages/s of
  trafilatura.extract alone, and of the project's whole HTML pipeline from
  bytes to stored article (read, process_document, the dedupe signature and
  lookup, an archive write), with the shipped model.

Neither side is given the page URL.  Absolute pages/s depend on the
machine's load; their ratio, from one run, is the figure.

Usage: python bench/bench_html.py [--limit N] [--no-speed] [--metadata-only] [--floor-dev F1] [--floor-wcxb F1]
Exits non-zero when a held-out F1 falls below its pinned floor.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
import time
import unicodedata
from collections import Counter, defaultdict
from contextlib import contextmanager
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from devpages import Score, load_cases  # noqa: E402
from train_block_model import FINAL_FOLD, FOLD_DIR, domain_of, fold_of_domain  # noqa: E402
from wcxb import ShingleScore, load_pages  # noqa: E402

from pipeline.options import Options  # noqa: E402
from pipeline.read import read_bytes  # noqa: E402
from pipeline.runner import process_document  # noqa: E402

# Regression floors, held out by domain, a little below the figures in
# bench/README.md so that noise in the last digit does not fail the gate.
DEV_F1_FLOOR = 0.94
WCXB_ARTICLE_F1_FLOOR = 0.93

SYSTEMS = ("trafilatura default", "trafilatura no comments", "project HTML mode")


# --- held-out models ------------------------------------------------------------


class FoldModels:
    """The block model of each fold; `use(fold)` puts the one that never saw that fold in the extractor."""

    def __init__(self) -> None:
        from pipeline.html.model import BlockModel

        paths = sorted(FOLD_DIR.glob("fold*.json"))
        if not paths:
            raise SystemExit(f"no fold models in {FOLD_DIR}: run python bench/train_block_model.py final")
        self.models = [BlockModel(json.loads(p.read_text(encoding="utf-8"))) for p in paths]

    @contextmanager
    def use(self, fold: int):
        import pipeline.extract as extract

        original = extract.load_block_model
        extract.load_block_model = lambda: self.models[fold]
        try:
            yield
        finally:
            extract.load_block_model = original


# --- metadata agreement -----------------------------------------------------------

_PUNCT = re.compile(r"[\W_]+")
_TITLE_TAIL = re.compile(r"\s+[|–—·:-]\s+[^|–—·:-]{2,60}$")
_AUTHOR_SPLIT = re.compile(r"\s*(?:[,;&/]|\band\b|\bund\b|\bet\b|\by\b)\s*", re.IGNORECASE)
_BY = re.compile(r"^(?:by|von|par|por|di)\s+", re.IGNORECASE)


def _norm(text: str | None) -> str:
    text = unicodedata.normalize("NFKC", text or "").casefold()
    return _PUNCT.sub(" ", text).strip()


def title_agrees(found: str | None, truth: str | None) -> bool:
    """The same title once case, punctuation and a " | Site" tail are set aside."""
    if not found or not truth:
        return False
    a, b = _norm(found), _norm(truth)
    return a == b or _norm(_TITLE_TAIL.sub("", found)) == b or a == _norm(_TITLE_TAIL.sub("", truth))


def _names(value: str | None) -> set[str]:
    return {_norm(_BY.sub("", n)) for n in _AUTHOR_SPLIT.split(value or "") if _norm(n)}


def author_agrees(found: str | None, truth: str | None) -> bool:
    """A name in common (case, accents' forms and punctuation aside)."""
    return bool(_names(found) & _names(truth))


def date_agrees(found: str | None, truth: str | None) -> bool:
    return bool(found and truth and found[:10] == truth[:10])


class Agreement:
    def __init__(self) -> None:
        self.right = Counter()
        self.stated = Counter()
        self.invented_dates = 0
        self.undated = 0
        self.pages = 0

    def add(self, found: dict, page) -> None:
        self.pages += 1
        for key, agrees, truth in (
            ("title", title_agrees, page.title),
            ("author", author_agrees, page.author),
            ("date", date_agrees, page.published),
        ):
            if truth:
                self.stated[key] += 1
                self.right[key] += agrees(found.get(key), truth)
        if not page.published:
            self.undated += 1
            self.invented_dates += bool(found.get("date"))

    def line(self, name: str) -> str:
        parts = [f"{k} {self.right[k]}/{self.stated[k]} ({self.right[k] / max(self.stated[k], 1):.1%})" for k in ("title", "author", "date")]
        return f"{name:<26} right: " + ", ".join(parts) + f"; a date given to {self.invented_dates} of {self.undated} undated pages"


def trafilatura_metadata(html: bytes) -> dict:
    import trafilatura

    meta = trafilatura.extract_metadata(html)
    if meta is None:
        return {}
    return {"title": meta.title, "author": meta.author, "date": meta.date}


# --- quality ----------------------------------------------------------------------


def run_quality(cases, pages, folds: FoldModels):
    import trafilatura

    options = Options(format="html")
    dev = {name: Score() for name in SYSTEMS}
    dev_final = {name: Score() for name in SYSTEMS}
    wcxb_segments = {name: Score() for name in SYSTEMS}
    shingles: dict[str, dict[str, ShingleScore]] = defaultdict(lambda: {name: ShingleScore() for name in SYSTEMS})
    outcomes = Counter()
    meta_ours, meta_traf = Agreement(), Agreement()

    def ours(raw: bytes, source: str, fold: int):
        with folds.use(fold):
            doc = process_document(read_bytes(raw, source=source, options=options), options)
        outcomes[(doc.reason or doc.status).split(":")[0]] += 1
        return doc

    for case in cases:
        fold = fold_of_domain(domain_of(case.url))
        outputs = (trafilatura.extract(case.html) or "", trafilatura.extract(case.html, include_comments=False) or "", ours(case.html, case.id, fold).text)
        for name, output in zip(SYSTEMS, outputs):
            dev[name].add(output, case)
            if fold == FINAL_FOLD:
                dev_final[name].add(output, case)
    for page in pages:
        fold = fold_of_domain(page.domain)
        doc = ours(page.html, page.id, fold)
        outputs = (trafilatura.extract(page.html) or "", trafilatura.extract(page.html, include_comments=False) or "", doc.text)
        groups = [page.page_type, "all"] + (["article, final fold"] if fold == FINAL_FOLD and page.page_type == "article" else [])
        for name, output in zip(SYSTEMS, outputs):
            wcxb_segments[name].add(output, page)
            for group in groups:
                shingles[group][name].add(output, page.main_content)
        if page.page_type == "article":
            meta_ours.add({"title": doc.metadata.get("title"), "author": doc.metadata.get("author"), "date": doc.metadata.get("published")}, page)
            meta_traf.add(trafilatura_metadata(page.html), page)
    return dev, dev_final, wcxb_segments, shingles, outcomes, meta_ours, meta_traf


def print_quality(results) -> tuple[float, float]:
    dev, dev_final, wcxb_segments, shingles, outcomes, meta_ours, meta_traf = results
    ours = SYSTEMS[2]
    if dev[ours].tp + dev[ours].fn:
        print(f"\ndev-pages, segment F1 ({sum(1 for _ in [0])} run; every page held out by domain)")
        for name in SYSTEMS:
            print("  " + dev[name].line(name))
        print(f"  difference to trafilatura default: {dev[ours].f1 - dev[SYSTEMS[0]].f1:+.4f}")
        print(f"dev-pages, final fold {FINAL_FOLD} only")
        for name in SYSTEMS:
            print("  " + dev_final[name].line(name))
    if shingles:
        print("\nwcxb-dev, shingle F1 against the main text (held out by domain)")
        for group in ["article", "article, final fold"] + sorted(g for g in shingles if g not in ("article", "article, final fold", "all")) + ["all"]:
            if group not in shingles:
                continue
            print(f"  {group}:")
            for name in SYSTEMS:
                print("    " + shingles[group][name].line(name))
        a = shingles["article"]
        print(f"  articles: difference to trafilatura no comments {a[ours].f1 - a[SYSTEMS[1]].f1:+.4f}")
        print("wcxb-dev, segment F1 with its snippets (all pages)")
        for name in SYSTEMS:
            print("  " + wcxb_segments[name].line(name))
        print("\nmetadata on wcxb-dev articles")
        print("  " + meta_traf.line("trafilatura"))
        print("  " + meta_ours.line("project HTML mode"))
    print("\npages by outcome (project): " + ", ".join(f"{k} {v}" for k, v in outcomes.most_common()))
    return dev[ours].f1, shingles["article"][ours].f1 if shingles else 1.0


def run_metadata(pages, folds: FoldModels) -> None:
    """Metadata agreement only (wcxb-dev articles, the whole HTML mode against trafilatura.extract_metadata): a fast run."""
    options = Options(format="html")
    meta_ours, meta_traf = Agreement(), Agreement()
    for page in pages:
        if page.page_type != "article":
            continue
        with folds.use(fold_of_domain(page.domain)):
            doc = process_document(read_bytes(page.html, source=page.id, options=options), options)
        meta_ours.add({"title": doc.metadata.get("title"), "author": doc.metadata.get("author"), "date": doc.metadata.get("published")}, page)
        meta_traf.add(trafilatura_metadata(page.html), page)
    print("metadata on wcxb-dev articles")
    print("  " + meta_traf.line("trafilatura"))
    print("  " + meta_ours.line("project HTML mode"))


# --- speed ------------------------------------------------------------------------


def run_speed(raws: list[bytes]) -> None:
    import trafilatura

    from archive import Archive
    from pipeline.clean import warm_up
    from pipeline.dedupe import dedupe

    options = Options(format="html", block_languages=False)
    warm_up()
    trafilatura.extract(raws[0])
    with tempfile.TemporaryDirectory() as tmp:
        archive = Archive(Path(tmp) / "bench.db")
        run_id = archive.start_run("bench", ["bench"], {})

        def whole(i: int, raw: bytes) -> None:
            doc = process_document(read_bytes(raw, source=f"page-{i}.html", options=options), options)
            with archive.transaction():
                dedupe(doc, archive)
                archive.write(doc, run_id=run_id)

        whole(-1, raws[0])  # warm: models, tables, the archive's first statements
        started = time.perf_counter()
        for raw in raws:
            trafilatura.extract(raw)
        alone = time.perf_counter() - started
        started = time.perf_counter()
        for i, raw in enumerate(raws):
            whole(i, raw)
        project = time.perf_counter() - started
        archive.close()
    n = len(raws)
    print(f"\nspeed over {n} pages, one process, one after the other:")
    print(f"  trafilatura.extract alone          {n / alone:7.1f} pages/s")
    print(f"  project, bytes to stored article   {n / project:7.1f} pages/s   ratio {alone / project:.2f}x")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, help="only the first N pages of each corpus")
    parser.add_argument("--corpus", choices=("both", "dev", "wcxb"), default="both")
    parser.add_argument("--no-speed", action="store_true")
    parser.add_argument("--no-quality", action="store_true")
    parser.add_argument("--metadata-only", action="store_true", help="only metadata agreement on wcxb-dev articles (no F1, no speed)")
    parser.add_argument("--floor-dev", type=float, default=DEV_F1_FLOOR)
    parser.add_argument("--floor-wcxb", type=float, default=WCXB_ARTICLE_F1_FLOOR)
    args = parser.parse_args()

    if args.metadata_only:
        run_metadata(load_pages(limit=args.limit, page_type="article"), FoldModels())
        return 0
    cases = load_cases(limit=args.limit) if args.corpus in ("both", "dev") else []
    pages = load_pages(limit=args.limit) if args.corpus in ("both", "wcxb") else []
    status = 0
    if not args.no_quality:
        dev_f1, article_f1 = print_quality(run_quality(cases, pages, FoldModels()))
        if cases and dev_f1 < args.floor_dev:
            print(f"FAIL: dev-pages F1 {dev_f1:.4f} < floor {args.floor_dev}")
            status = 1
        if pages and article_f1 < args.floor_wcxb:
            print(f"FAIL: wcxb-dev articles F1 {article_f1:.4f} < floor {args.floor_wcxb}")
            status = 1
    if not args.no_speed:
        run_speed([c.html for c in cases] + [p.html for p in pages])
    return status


if __name__ == "__main__":
    sys.exit(main())
