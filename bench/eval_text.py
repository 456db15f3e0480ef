"""Text mode on both corpora, every dumper, held out by site: the figures every change to the text cleaner is judged by.

For each dumper (bench/dumpers.py: blocks, nodes, wrapped, markdown) and
each system asked for, every page of dev-pages and wcxb-dev is dumped and
cleaned, and printed:

- dev-pages: segment precision, recall, F1 (bench/devpages.Score);
- wcxb-dev articles: shingle P, R, F1 against `main_content` (bench/wcxb.py)
  and segment F1 on their snippets; wcxb-dev per page type: shingle F1;
- wcxb-dev articles' metadata: title, date, author agreeing with the truth
  (bench/metadata_agreement.py defines agreement), and values given where
  the truth has none;
- pages rejected, and the cleaning time per page.

Systems:
- `raw`: the whole dump;
- `oracle`: exactly the dump's lines labelled article (bench/linelabels.py):
  the ceiling of any cleaner that keeps or drops whole lines;
- `oracle-blocks`: the same over the blocks pipeline.dumps.layout reads
  from the dump (wrapped lines joined, Markdown read);
- `today`: the text cleaner as it is, its line model replaced by the fold
  model that never saw the page's site (bench/train_today_folds.py); the
  teaser model is the shipped one, except on dev pages, each cleaned by
  the teaser fold model that never saw it (bench/data/teaser_model_folds:
  folds by page, which on dev-pages' 949 pages from ~900 sites are nearly
  folds by site);
- `today+layout`: the same cleaner on the blocks pipeline.dumps.layout
  reads from the dump (one block a line).
- `new:NAME`: the blocks pipeline.dumps.layout reads, today's analysis
  (furniture rules, core, article end) as features, and the block model
  NAME's fold that never saw the page's site (bench/train_text_model.py
  --write-folds) decides every block; metadata from
  pipeline.dumps.metadata.  No spam, teaser or repeat pass: what the
  model alone does.
- `hybrid:NAME`: `today+layout` (every rule of today's cleaner: furniture,
  the article's end, spam, teasers, repeats, the headline) with the block
  model NAME's fold in place of the line model.
- `perfect-model`: `today+layout` with a line model that is always right
  (it answers each block's label): how far the rules around the model
  (furniture, the article's end, spam, teasers, repeats, the headline
  kept) let a perfect line model go.

A rejected page outputs nothing (it is not in the archive).  Markdown
output is scored as the text it shows (links' text, no URLs), for every
system; how much Markdown markup the cleaner leaves in is printed apart.

Usage: python bench/eval_text.py [--dumpers blocks,nodes] [--systems today,oracle] [--limit N] [--corpora dev,wcxb] [--save]
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from collections import defaultdict
from contextlib import contextmanager, nullcontext
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from devpages import TEASER_FOLD_MODELS, Score, fold_of, line_model, teaser_model  # noqa: E402
from dumpers import DUMPERS, load_dumps  # noqa: E402
from linelabels import unit_labels  # noqa: E402
from metadata_agreement import Agreement  # noqa: E402
from textcorpus import FOLDS, load_text_pages  # noqa: E402
from wcxb import ShingleScore  # noqa: E402

from pipeline.clean import clean, warm_up  # noqa: E402
from pipeline.dumps.layout import markdown_inline, read_dump  # noqa: E402
from pipeline.options import Options  # noqa: E402
from pipeline.read import read_bytes, split_lines  # noqa: E402

OUT = Path(__file__).resolve().parent / "out"
TEXT = Options(format="text")
PAGE_TYPES = ("article", "forum", "listing", "product", "collection", "documentation", "service")


class Result(dict):
    """text, title, author, published, status of one page."""


def _fold_models(directory: Path) -> list:
    import pipeline.clean.linemodel as linemodel

    paths = [directory / f"fold{k}.json" for k in range(FOLDS)]
    if not all(p.exists() for p in paths):
        raise SystemExit(f"no fold models in {directory}: run python bench/train_today_folds.py first")
    return [linemodel.LineModel(json.loads(p.read_text(encoding="utf-8"))) for p in paths]


class HeldOut:
    """The learned parts that never saw a page's site (see the module docstring)."""

    def __init__(self, line_models: Path = OUT / "folds" / "today"):
        from pipeline.clean import teasermodel

        self.line = _fold_models(line_models)
        self.teaser = [
            teasermodel.LineModel(json.loads(p.read_text(encoding="utf-8")), teasermodel.FEATURE_NAMES, teasermodel.TRAINER)
            for p in sorted(TEASER_FOLD_MODELS.glob("fold*.json"))
        ]

    @contextmanager
    def use(self, page):
        with line_model(self.line[page.fold]):
            if page.corpus == "dev" and self.teaser:
                with teaser_model(self.teaser[fold_of(page.id.split("/", 1)[1], len(self.teaser))]):
                    yield
            else:
                yield


def _doc_result(doc) -> Result:
    meta = doc.metadata
    return Result(
        text=doc.text if doc.ok else "",
        title=meta.get("title"),
        author=meta.get("author"),
        published=meta.get("published"),
        status=doc.status if doc.ok else f"rejected: {(doc.reason or '').split(':')[0]}",
    )


def plain_units(dump: str, dumper: str) -> list[str]:
    """The dump's lines as the reader splits them, Markdown as the text it shows."""
    lines = split_lines(dump)
    return [markdown_inline(line) for line in lines] if dumper == "markdown" else lines


def layout_dump(dump: str) -> str:
    """The blocks pipeline.dumps.layout reads, one a line: what today's reader then splits into the same blocks."""
    return "\n".join(block.text for block in read_dump(dump)[1]) + "\n"


def run_system(system: str, pages, dumps: dict[str, str], dumper: str, held_out: HeldOut | None) -> tuple[dict, float]:
    """page id -> Result, and the seconds the cleaning took (dumping and labelling not counted)."""
    results: dict[str, Result] = {}
    seconds = 0.0
    for page in pages:
        dump = dumps[page.id]
        if system == "raw":
            results[page.id] = Result(text="\n".join(plain_units(dump, dumper)), status="ok")
            continue
        if system in ("oracle", "oracle-blocks"):
            units = plain_units(dump, dumper) if system == "oracle" else [b.text for b in read_dump(dump)[1]]
            labels = unit_labels(page, units)
            results[page.id] = Result(text="\n\n".join(u for u, y in zip(units, labels) if y == 1), status="ok")
            continue
        if system.startswith("new:"):
            started = time.perf_counter()
            results[page.id] = new_system(system[4:], page, dump)
            seconds += time.perf_counter() - started
            continue
        if system.startswith("hybrid:"):
            with hybrid_model(system[7:], page):
                started = time.perf_counter()
                doc = clean(read_bytes(layout_dump(dump).encode("utf-8"), source=page.id, options=TEXT))
                seconds += time.perf_counter() - started
            results[page.id] = _doc_result(doc)
            continue
        if system in ("today+layout", "perfect-model"):
            dump = layout_dump(dump)
        elif system != "today":
            raise SystemExit(f"unknown system {system!r}")
        if system == "perfect-model":
            units = [b.text for b in read_dump(dumps[page.id])[1]]
            context = perfect_model(dict(zip(units, unit_labels(page, units))))
        else:
            context = held_out.use(page) if held_out else nullcontext()
        with context:
            started = time.perf_counter()
            doc = clean(read_bytes(dump.encode("utf-8"), source=page.id, options=TEXT))
            seconds += time.perf_counter() - started
        results[page.id] = _doc_result(doc)
    return results, seconds


_BLOCK_MODELS: dict[str, list] = {}


def new_system(name: str, page, dump: str) -> Result:
    """Blocks from the layout, features from today's analysis, the fold's block model deciding each; metadata from the dump."""
    from textfeatures import page_table

    from pipeline.dumps.metadata import dump_metadata

    model = _fold_block_models(name)[page.fold]
    table = page_table(dump)
    if table is None:
        return Result(text="", status="rejected: no_article")
    a, blocks, style, judged, x = table
    keep = model.probabilities(x) >= model.threshold
    keep = prose_guard([b.text for b in blocks], keep)
    text = "\n\n".join(b.text for b, kept in zip(blocks, keep) if kept)
    meta = dump_metadata([b.text for b in blocks], a.core, [b.kind for b in blocks], headline_model=_headline_model(page))
    return Result(
        text=text,
        title=meta.get("title"),
        author=meta.get("author"),
        published=meta.get("published"),
        status="ok" if text else "rejected: no_article",
    )


def prose_guard(texts: list[str], keep):
    """A page whose kept blocks hold no prose keeps its prose blocks if it has any (a short brief the model passed over), else nothing (no prose: rejected)."""
    from pipeline.dumps.layout import is_prose

    if any(kept and is_prose(t) for t, kept in zip(texts, keep)):
        return keep
    return [is_prose(t) for t in texts]


def _headline_model(page):
    """The learned headline finder's fold that never saw the page's site (bench/train_headline_model.py), if trained."""
    from pipeline.dumps.metadata import HeadlineModel

    if "headline" not in _BLOCK_MODELS:
        paths = [OUT / "folds" / "headline" / f"fold{k}.json" for k in range(FOLDS)]
        _BLOCK_MODELS["headline"] = [HeadlineModel(json.loads(p.read_text(encoding="utf-8"))) for p in paths] if all(p.exists() for p in paths) else None
    models = _BLOCK_MODELS["headline"]
    return models[page.fold] if models else None


def _fold_block_models(name: str) -> list:
    from pipeline.dumps.blockmodel import load_block_model

    if name not in _BLOCK_MODELS:
        paths = [OUT / "folds" / name / f"fold{k}.json" for k in range(FOLDS)]
        if not all(p.exists() for p in paths):
            raise SystemExit(f"no fold models in {OUT / 'folds' / name}: run bench/train_text_model.py --candidates {name} --write-folds")
        _BLOCK_MODELS[name] = [load_block_model(p) for p in paths]
    return _BLOCK_MODELS[name]


@contextmanager
def hybrid_model(name: str, page):
    """Inside the block today's cleaner judges lines with the block model NAME (its features from the same analysis)."""
    import pipeline.clean as cleaning
    from textfeatures import extra_features, rule_features, topic_features

    model = _fold_block_models(name)[page.fold]
    original = cleaning.analyse, cleaning.line_features, cleaning.load_model
    seen = {}

    def analyse(doc, language=None):
        seen["a"] = a = original[0](doc, language)
        seen["blocks"] = list(doc.blocks)
        return a

    def features(texts, tokens, lines, furniture, core, repeated, chars=None):
        a = seen["a"]
        n = len(a.texts)
        x = original[1](a.texts, a.tokens, a.lines, a.furniture, a.core, a.repeated, a.chars)
        blocks = [type("B", (), {"kind": "line", "lines": 1})] * n
        parts = [x, extra_features(blocks, "lines"), rule_features(a, n), topic_features(a.tokens, a.core)]
        width = len(model.mean) if not model.context else len(model.mean) - len(model.context["columns"]) * len(model.context["shifts"])
        keep = model.probabilities(np.hstack(parts)[:, :width]) >= model.threshold
        return keep[: len(texts), None].astype(float)

    cleaning.analyse, cleaning.line_features, cleaning.load_model = analyse, features, lambda: _Answers()
    try:
        yield
    finally:
        cleaning.analyse, cleaning.line_features, cleaning.load_model = original


class _Answers:
    """A line model whose "features" are the labels themselves (see perfect_model)."""

    threshold = 0.5

    def probabilities(self, x):
        return x[:, 0]


@contextmanager
def perfect_model(labels: dict[str, int]):
    """Inside the block the text cleaner's line model answers each line's label (unknown: not article)."""
    import numpy as np

    import pipeline.clean as cleaning

    original = cleaning.line_features, cleaning.load_model
    cleaning.line_features = lambda texts, *rest: np.array([[float(labels.get(t, 0) == 1)] for t in texts]).reshape(len(texts), 1)
    cleaning.load_model = lambda: _Answers()
    try:
        yield
    finally:
        cleaning.line_features, cleaning.load_model = original


def scoring_text(result: Result, dumper: str, system: str) -> str:
    if dumper == "markdown" and system in ("today",):
        return "\n".join(markdown_inline(line) for line in result["text"].split("\n"))
    return result["text"]


def markup_left(result: Result) -> bool:
    from pipeline.dumps.layout import _MARKDOWN_SIGN

    return any(_MARKDOWN_SIGN.search(line) for line in result["text"].split("\n"))


class Figures:
    """Every score of one system on one dumper."""

    def __init__(self):
        self.dev = Score()
        self.wcxb_articles = ShingleScore()
        self.wcxb_segments = Score()
        self.wcxb_article_segments = Score()
        self.by_type: dict[str, ShingleScore] = defaultdict(ShingleScore)
        self.meta = Agreement()
        self.rejected = defaultdict(int)
        self.markup_pages = 0

    def add(self, page, result: Result, text: str) -> None:
        if result["status"] != "ok":
            self.rejected[page.corpus] += 1
        if page.corpus == "dev":
            self.dev.add(text, page)
            return
        self.by_type[page.page_type].add(text, page.main_content)
        self.wcxb_segments.add(text, page)
        if page.page_type == "article":
            self.wcxb_articles.add(text, page.main_content)
            self.wcxb_article_segments.add(text, page)
            self.meta.add(result, page.truth)


def evaluate(pages, dumper: str, systems: list[str], held_out: HeldOut | None, save: bool) -> dict[str, Figures]:
    dumps = load_dumps(pages, dumper, workers=2)
    out = {}
    for system in systems:
        results, seconds = run_system(system, pages, dumps, dumper, held_out)
        figures = Figures()
        for page in pages:
            result = results[page.id]
            figures.add(page, result, scoring_text(result, dumper, system))
            if dumper == "markdown" and system.startswith("today") and markup_left(result):
                figures.markup_pages += 1
        figures.seconds = seconds
        figures.cleaned = len(pages) if seconds else 0
        out[system] = figures
        if save:
            path = OUT / "eval" / system / f"{dumper}.jsonl.gz"
            path.parent.mkdir(parents=True, exist_ok=True)
            with gzip.open(path, "wt", encoding="utf-8") as f:
                for page in pages:
                    f.write(json.dumps({"id": page.id, **results[page.id]}, ensure_ascii=False) + "\n")
    return out


def print_tables(dumper: str, figures: dict[str, Figures]) -> None:
    print(f"\n== dumper: {dumper} ==")
    print(f"{'system':<15} {'dev seg P/R/F1':<21} {'wcxb art shingle P/R/F1':<24} {'art seg F1':>10} {'all seg F1':>10} {'rejected dev/wcxb':>18} {'ms/page':>8}")
    for system, f in figures.items():
        speed = f"{1000 * f.seconds / f.cleaned:8.2f}" if f.cleaned else f"{'':>8}"
        print(
            f"{system:<15} {f.dev.precision:.3f} {f.dev.recall:.3f} {f.dev.f1:.3f}   "
            f"{f.wcxb_articles.precision:.3f} {f.wcxb_articles.recall:.3f} {f.wcxb_articles.f1:.3f}    "
            f"{f.wcxb_article_segments.f1:10.3f} {f.wcxb_segments.f1:10.3f} {f.rejected['dev']:>9}/{f.rejected['wcxb']:<8} {speed}"
        )
    print(f"{'shingle F1 by type':<15} " + " ".join(f"{t[:9]:>9}" for t in PAGE_TYPES))
    for system, f in figures.items():
        print(f"{system:<15} " + " ".join(f"{f.by_type[t].f1:9.3f}" for t in PAGE_TYPES))
    metas = {s: f for s, f in figures.items() if s.startswith(("today", "new", "perfect", "hybrid"))}
    if metas:
        any_f = next(iter(metas.values())).meta
        print(
            f"{'metadata':<15} title / {any_f.with_truth['title']}  date / {any_f.with_truth['published']}  author / {any_f.with_truth['author']}"
            f"   given where none (of {any_f.pages} articles): title, date, author"
        )
        for system, f in metas.items():
            m = f.meta
            print(
                f"{system:<15} {m.share('title'):6.1%} ({m.agreed['title']:3})  {m.share('published'):6.1%} ({m.agreed['published']:3})"
                f"  {m.share('author'):6.1%} ({m.agreed['author']:3})     {m.invented('title'):5.1%} {m.invented('published'):5.1%} {m.invented('author'):5.1%}"
            )
    if dumper == "markdown":
        for system, f in figures.items():
            if system.startswith("today"):
                print(f"{system}: Markdown markup left in the output of {f.markup_pages} pages")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--dumpers", default=",".join(DUMPERS))
    parser.add_argument("--systems", default="raw,oracle,oracle-blocks,today,today+layout,perfect-model")
    parser.add_argument("--corpora", default="dev,wcxb")
    parser.add_argument("--limit", type=int, help="only the first N pages of each corpus")
    parser.add_argument("--in-sample", action="store_true", help="the shipped models instead of the fold models (optimistic on dev pages)")
    parser.add_argument("--save", action="store_true", help="write every page's output under bench/out/eval/")
    args = parser.parse_args()

    pages = load_text_pages(limit=args.limit, corpora=tuple(args.corpora.split(",")))
    systems = args.systems.split(",")
    held_out = None if args.in_sample else HeldOut()
    warm_up()
    print(f"pages: {sum(p.corpus == 'dev' for p in pages)} dev, {sum(p.corpus == 'wcxb' for p in pages)} wcxb "
          f"({sum(p.page_type == 'article' for p in pages)} articles); {FOLDS} folds by site; "
          + ("shipped models (in-sample on dev pages)" if args.in_sample else "held out"))
    for dumper in args.dumpers.split(","):
        print_tables(dumper, evaluate(pages, dumper, systems, held_out, args.save))
        sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
