"""The dev-pages evaluation set (../shared/bench/dev-pages): loading, text dumps, scoring.

Scoring is trafilatura's: over all segments of all pages, a `with` segment
present in the output is a true positive, missing a false negative; a
`without` segment present is a false positive, absent a true negative.
Whitespace is folded on both sides before matching, so a segment that spans
a line break in the output still counts.
"""

from __future__ import annotations

import gzip
import json
import os
import re
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEV_PAGES = Path(os.environ.get("DEV_PAGES", ROOT.parent / "shared" / "bench" / "dev-pages"))

_WS = re.compile(r"\s+")


@dataclass
class Case:
    id: str
    url: str
    html: bytes
    with_: list[str]
    without: list[str]


def load_cases(root: Path = DEV_PAGES, limit: int | None = None) -> list[Case]:
    if not (root / "cases.json").exists():
        raise SystemExit(f"dev pages not found at {root} (set DEV_PAGES=...)")
    cases = json.loads((root / "cases.json").read_text(encoding="utf-8"))
    out = []
    for page_id, case in sorted(cases.items())[:limit]:
        html = gzip.decompress((root / "html" / f"{page_id}.html.gz").read_bytes())
        out.append(Case(page_id, case.get("url", ""), html, case.get("with", []), case.get("without", [])))
    return out


def fold(text: str) -> str:
    """Whitespace runs as one space, and no invisible format characters (a soft hyphen is not text)."""
    from pipeline.document import visible  # here: speed_ab.py imports this module before choosing a checkout

    return _WS.sub(" ", visible(text or "")).strip()


@dataclass
class Score:
    tp: int = 0
    fn: int = 0
    fp: int = 0
    tn: int = 0

    def add(self, output: str, case: Case) -> None:
        folded = fold(output)
        for segment in case.with_:
            if fold(segment) in folded:
                self.tp += 1
            else:
                self.fn += 1
        for segment in case.without:
            if fold(segment) in folded:
                self.fp += 1
            else:
                self.tn += 1

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def line(self, name: str, seconds: float | None = None, docs: int | None = None) -> str:
        speed = f"  {docs / seconds:8.1f} docs/s" if seconds and docs else ""
        return f"{name:<28} precision {self.precision:.3f}  recall {self.recall:.3f}  F1 {self.f1:.4f}{speed}"


# Elements whose text a naive scraper never shows.
_INVISIBLE = {"script", "style", "noscript", "template", "head", "title", "meta", "link", "svg", "iframe", "object"}
# Block-level elements: each starts a new line in the dump.
_BLOCK = {
    "address", "article", "aside", "blockquote", "body", "br", "center", "dd", "details", "dialog", "dir", "div",
    "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
    "hgroup", "hr", "html", "legend", "li", "main", "menu", "nav", "ol", "option", "p", "pre", "section", "summary",
    "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul", "caption", "select", "button", "label",
}


_NOSCRIPT = re.compile(r"<noscript\b.*?</noscript\s*>", re.IGNORECASE | re.DOTALL)


def html_to_dump(html: bytes | str) -> str:
    """The page as a naive scraper saves it: visible text of block elements, one per line, blank line between."""
    import lxml.html
    from lxml import etree

    if isinstance(html, bytes):
        # A scraper saves what the browser showed: decode as the page declares
        # (or as detection finds), not as lxml guesses.
        from pipeline.read import decode_bytes

        html = decode_bytes(html, html=True) or ""
    html = html.lstrip("\ufeff")
    if html.startswith("<?xml"):
        html = html.split("?>", 1)[-1]
    # A browser running scripts reads <noscript> as raw text and shows none
    # of it; lxml parses its content as markup, and an unclosed tag inside
    # one (`<noscript><div></noscript>`) swallowed a whole page's body.
    html = _NOSCRIPT.sub("", html)
    try:
        root = lxml.html.fromstring(html)
    except (etree.ParserError, ValueError):
        return ""
    lines: list[str] = []
    current: list[str] = []

    def flush():
        text = _WS.sub(" ", "".join(current)).strip()
        if text:
            lines.append(text)
        current.clear()

    def walk(el):
        tag = el.tag if isinstance(el.tag, str) else ""
        tag = tag.lower().split("}")[-1]
        if tag in _INVISIBLE or not isinstance(el.tag, str):
            if el.tail:
                current.append(el.tail)
            return
        block = tag in _BLOCK
        if block:
            flush()
        if el.text:
            current.append(el.text)
        for child in el:
            walk(child)
        if block:
            flush()
        if el.tail:
            current.append(el.tail)

    walk(root)
    flush()
    return "\n\n".join(lines) + "\n"


def finish(per_page: list, worst: int, score: Score, floor: float, label: str) -> int:
    """Shared bench tail: list the worst pages, then gate on the pinned F1 floor (exit status)."""
    for _errors, page_id, page in sorted(per_page, reverse=True)[:worst]:
        print(f"  {page_id}  fn {page.fn}  fp {page.fp}")
    if score.f1 < floor:
        print(f"FAIL: {label} F1 {score.f1:.3f} < floor {floor:.3f}")
        return 1
    return 0


# Per-fold teaser models written by bench/train_teaser_model.py: each dev
# page cleaned by the model of the fold that held it out (fold_of), so that
# a bench can print what to expect on pages the shipped model never saw.
TEASER_FOLD_MODELS = ROOT / "bench" / "data" / "teaser_model_folds"
# The teaser step's veto of each fold (dev pages by page, wcxb-dev pages by site).
VETO_FOLD_MODELS = ROOT / "bench" / "data" / "teaser_veto_folds"
# The folds the teaser model is trained and judged on.
FOLDS = 4
# The text block model's folds by site (bench/train_text_model.py --write-folds).
TEXT_FOLD_MODELS = ROOT / "bench" / "data" / "text_model_folds"


def fold_of(page_id: str, folds: int) -> int:
    """The cross-validation fold of a dev page (the same in training and in the benches)."""
    import zlib

    return zlib.crc32(page_id.encode()) % folds


def teaser_model(model):
    """Inside the block the teaser step uses `model` (None: the rules alone) instead of the shipped one."""
    from pipeline.clean import teasermodel

    return teasermodel.use_model(model)


def veto_model(model):
    """Inside the block the teaser step's veto is `model` (None: the runs decide alone) instead of the shipped one."""
    from pipeline.clean import teasermodel

    return teasermodel.use_veto_model(model)


def _fold_models(root: Path, features: list[str], trainer: str) -> list:
    from pipeline.clean.linemodel import LineModel

    paths = sorted(root.glob("fold*.json"))
    if not paths:
        raise SystemExit(f"no fold models in {root}: run python {trainer} first")
    return [LineModel(json.loads(p.read_text(encoding="utf-8")), features, trainer) for p in paths]


class HeldOutModels:
    """The fold models of the last training runs; `use(page_id)` puts in the ones that held that page out.

    `teasers`: the teaser model's and its veto's folds (else the shipped
    ones are used, which saw every page).  `sites` (page id -> site): the text block
    model's and the headline finder's folds too (bench/train_text_model.py,
    bench/train_headline_model.py, folds by site), each page cleaned by the
    ones that never saw its site.
    """

    def __init__(self, teasers: bool = True, sites: dict[str, str] | None = None):
        from pipeline.clean import teasermodel

        self.teaser_models = _fold_models(TEASER_FOLD_MODELS, teasermodel.FEATURE_NAMES, teasermodel.TRAINER) if teasers else None
        if self.teaser_models is not None and len(self.teaser_models) != FOLDS:
            raise SystemExit(f"{len(self.teaser_models)} teaser fold models, not {FOLDS}: retrain the teaser model")
        self.veto_models = _fold_models(VETO_FOLD_MODELS, teasermodel.FEATURE_NAMES, teasermodel.TRAINER) if teasers else None
        self.sites = sites
        self.block_models = _block_fold_models() if sites is not None else None
        self.headline_models = _headline_fold_models() if sites is not None else None

    @contextmanager
    def use(self, page_id: str):
        import zlib

        from pipeline.clean.linemodel import swapped_loader
        from pipeline.dumps import metadata
        from pipeline.dumps.blockmodel import use_model as block_model

        with ExitStack() as stack:
            if self.teaser_models is not None:
                stack.enter_context(teaser_model(self.teaser_models[fold_of(page_id, FOLDS)]))
                stack.enter_context(veto_model(self.veto_models[fold_of(page_id, FOLDS)]))
            if self.block_models is not None:
                # textcorpus.fold_of_site: a page's fold is its site's.
                site_fold = zlib.crc32(self.sites[page_id].encode()) % len(self.block_models)
                stack.enter_context(block_model(self.block_models[site_fold]))
                stack.enter_context(swapped_loader(metadata, "load_headline_model", self.headline_models[site_fold]))
            yield


def _block_fold_models() -> list:
    from pipeline.clean.blockfeatures import FEATURE_NAMES
    from pipeline.dumps.blockmodel import BlockModel

    paths = sorted(TEXT_FOLD_MODELS.glob("fold*.json"))
    if not paths:
        raise SystemExit(f"no fold models in {TEXT_FOLD_MODELS}: run python bench/train_text_model.py --write-folds first")
    return [BlockModel(json.loads(p.read_text(encoding="utf-8")), FEATURE_NAMES) for p in paths]


def _headline_fold_models() -> list:
    from textfeatures import HeadlineFolds  # the bench directory is on the path of every script that holds pages out

    return HeadlineFolds().models


_TITLE_SUFFIX = re.compile(r"\s+[|–—·:-]\s+[^|–—·:-]{2,60}$")


def page_headline(case: Case) -> str:
    """The page's h1 (else its <title> without the site name), as the dump shows it."""
    import lxml.html

    try:
        root = lxml.html.fromstring(case.html)
    except Exception:
        return ""
    for path in ("//h1", "//title"):
        found = root.xpath(path)
        if found:
            title = " ".join(found[0].text_content().split())
            if title:
                return title if path == "//h1" else _TITLE_SUFFIX.sub("", title)
    return ""
