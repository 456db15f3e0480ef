"""Text mode on pages in the users' languages: real pages' layouts, their prose written in another language.

Neither corpus holds pages in Russian, Ukrainian, Turkish, Azerbaijani,
Kazakh, Georgian or Armenian, whose prose holds far fewer of its stoplist's
words than German or English prose (bench/bench_stopwords.py).  This bench
takes wcxb-dev's articles as one text node a line (bench/dumpers.py), and
in each, every line long enough to be prose (PROSE_MIN_CHARS) is replaced
by text of the same length in the language: the article's lines (those
wcxb-dev's main text covers, bench/linelabels.py) by sentences of one half
of the language's paragraphs, every other such line (teasers, captions,
comments, notices) by sentences of the other half.  Menus, headings,
buttons and every shorter line stay as the page had them.  The page is
then cleaned (held out: the fold models that never saw its site,
bench/bench_text.py) and its kept text scored against the article's
replaced lines (shingle F1, as bench_text.py scores wcxb-dev).

The languages' text: the news paragraphs of tests/data/langid and the
paragraphs and readers' comments of tests/data/html_pages/languages.py.
Each language is cleaned twice, with the stopword densities of its lines
scaled to the German and English level (pipeline.clean.features.
density_scale, as shipped) and read as they are (scale 1); German and
English run as the control, scaled by 1 in both.  The scale of each
language comes from the median density of the same langid paragraphs, so
the two share their text: a scale measured on other text would be off by
as much as that text's density differs.

What it does not measure: a menu or a heading in the language (they stay
in the page's own), and a page's metadata.

With --dumper blocks or wrapped, the pages' blocks dumps (a blank line
between blocks) or wrapped dumps are read into blocks, written in the
language, and laid out again as that dumper lays them out.

With --html, HTML mode is measured the same way on the pages' HTML: every
text node of PROSE_MIN_CHARS or more written in the language (the
article's when wcxb-dev's main text covers it), the page cleaned held out
by bench_html.py's fold models, against the article's nodes' text.

Usage: python bench/bench_languages.py [--languages ru,uk,...] [--limit N] [--dumper nodes|blocks|wrapped] [--html]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import textwrap
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench_text import FoldModels, clean_dump  # noqa: E402
from dumpers import WRAP_WIDTH, load_dumps  # noqa: E402
from linelabels import unit_labels  # noqa: E402
from textcorpus import load_text_pages  # noqa: E402
from textscore import read_blocks  # noqa: E402
from wcxb import ShingleScore  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests" / "data" / "html_pages"))
from languages import PAGES as NEWS  # noqa: E402

from pipeline.clean import features  # noqa: E402
from pipeline.clean.features import fold, stopwords  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
LANGID = ROOT / "tests" / "data" / "langid"
USERS_LANGUAGES = ("ru", "uk", "tr", "az", "kk", "ka", "hy")
CONTROLS = ("de", "en")
# A line this long or longer may be prose, and is written in the language.
PROSE_MIN_CHARS = 40
_SENTENCE_END = re.compile(r"(?<=[.!?…։:])\s+")
SEED = 20261207
# Of a title's words, this share of the stopwords prose would hold is left out: non-article lines that end no
# sentence hold 0.72 of the stopword density of article prose in wcxb-dev's English articles (0.32 against 0.45).
TITLE_DROPPED_STOPWORDS = 0.55


def paragraphs(language: str) -> list[str]:
    """The language's news paragraphs: tests/data/langid's, then the test news page's paragraphs and comments."""
    found = []
    path = LANGID / f"{language}.jsonl"
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            if record.get("band") == "paragraph":
                found.append(record["text"])
    page = NEWS.get(language)
    if page:
        found += page["paragraphs"] + page["comments"]
    return found


def sentence_pools(language: str) -> tuple[list[str], list[str]]:
    """The sentences of every other paragraph for the article, of the rest for the page's other text."""
    article, other = [], []
    for k, paragraph in enumerate(paragraphs(language)):
        (article if k % 2 == 0 else other).extend(s for s in _SENTENCE_END.split(paragraph.strip()) if s)
    return article, other


class Writer:
    """Lines of a wanted length from a pool of sentences, none twice on one page; titles with fewer function words."""

    def __init__(self, pool: list[str], stoplist: frozenset[str], rng: random.Random):
        self.pool, self.stoplist, self.rng, self.used = pool, stoplist, rng, set()

    def line(self, length: int, title: bool = False) -> str:
        for _ in range(50):
            k = self.rng.randrange(len(self.pool))
            text = ""
            while len(text) < length * (1.6 if title else 1):
                text = (text + " " + self.pool[k % len(self.pool)]).strip()
                k += 1
            if title:
                text = self.headlinese(text)
            if len(text) > length * 1.3:  # cut at a word, as a dump cuts a paragraph at a link
                cut = text.rfind(" ", 0, int(length * 1.15))
                text = text[:cut] if cut > length // 2 else text
            if title:
                text = text.rstrip(".,;:!?…։ ")
                text = text[:1].upper() + text[1:]
            if text not in self.used:
                self.used.add(text)
                return text
        return text

    def headlinese(self, text: str) -> str:
        """The words of `text` less TITLE_DROPPED_STOPWORDS of its stopwords: a title holds fewer function words than prose."""
        kept = [w for w in text.split() if fold(w.strip(".,;:!?…«»\"'()")) not in self.stoplist or self.rng.random() >= TITLE_DROPPED_STOPWORDS]
        return " ".join(kept)


def writers(language: str, rng: random.Random) -> tuple[Writer, Writer]:
    """The page's writers: of the article's text, and of everything else (sentence_pools)."""
    article_pool, other_pool = sentence_pools(language)
    stoplist = stopwords(language)
    return Writer(article_pool, stoplist, rng), Writer(other_pool, stoplist, rng)


def translated(units: list[str], labels, language: str, rng: random.Random, dumper: str = "nodes") -> tuple[str, str]:
    """(the dump with its prose-long units in `language`, laid out as `dumper` lays out its blocks; the article's text in it)."""
    article, other = writers(language, rng)
    lines, truth = [], []
    for unit, label in zip(units, labels):
        if len(unit) >= PROSE_MIN_CHARS:
            # A line that ends no sentence is a title, a heading or a caption: written as one.
            title = unit.rstrip()[-1:] not in ".!?…\"”»)"
            unit = (article if label == 1 else other).line(len(unit), title)
        lines.append(unit)
        if label == 1:
            truth.append(unit)
    return LAYOUTS[dumper](lines), "\n".join(truth)


# How each dumper lays out its blocks: one a line; apart by blank lines; filled to WRAP_WIDTH columns, apart by blank lines.
LAYOUTS = {
    "nodes": lambda units: "\n".join(units) + "\n",
    "blocks": lambda units: "\n\n".join(units) + "\n",
    "wrapped": lambda units: "\n\n".join(textwrap.fill(u, WRAP_WIDTH, break_long_words=False) for u in units) + "\n",
}


# Elements whose text a reader never sees as the page's: left as they are.
_NOT_SHOWN = frozenset({"script", "style", "noscript", "template", "title", "head"})


def translated_html(page, language: str, rng: random.Random) -> tuple[bytes, str] | None:
    """(the page's HTML with every text node of PROSE_MIN_CHARS or more in `language`, the article's text in it), or None when it does not parse.

    A node is the article's when wcxb-dev's main text covers most of its
    words (bench/linelabels.py, as for a dump's line).
    """
    import lxml.html

    from linelabels import COVERED_ARTICLE, main_coverage
    from pipeline.read import decode_bytes

    try:
        root = lxml.html.fromstring(decode_bytes(page.html, html=True) or "")
    except (ValueError, lxml.etree.ParserError):
        return None
    article, other = writers(language, rng)
    truth = []

    def rewrite(text: str | None) -> str | None:
        stripped = (text or "").strip()
        if not stripped:
            return text
        coverage = main_coverage([stripped], page.main_content)[0]
        is_article = coverage >= COVERED_ARTICLE  # NaN (no words) is not
        if len(stripped) >= PROSE_MIN_CHARS:
            title = stripped[-1:] not in ".!?…\"”»)"
            stripped = (article if is_article else other).line(len(stripped), title)
        if is_article:
            truth.append(stripped)
        return f" {stripped} "

    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        parent = element.getparent()
        if element.tag.lower() not in _NOT_SHOWN:
            element.text = rewrite(element.text)
        if parent is not None and str(parent.tag).lower() not in _NOT_SHOWN:
            element.tail = rewrite(element.tail)
    return lxml.html.tostring(root, encoding="utf-8"), "\n".join(truth)


def run_html(languages: list[str], limit: int | None) -> None:
    """HTML mode on wcxb-dev's articles with their text nodes written in each language (densities are never scaled there)."""
    from bench_html import FoldModels as HtmlFolds
    from train_block_model import fold_of_domain
    from wcxb import load_pages

    from pipeline.options import Options
    from pipeline.read import read_bytes
    from pipeline.runner import process_document

    folds, options = HtmlFolds(), Options(format="html")
    pages = [p for p in load_pages() if p.page_type == "article"][:limit]
    print(f"{len(pages)} wcxb-dev articles, HTML mode, every text node of {PROSE_MIN_CHARS} characters or more written in each language; held out")
    print("language  P / R / F1")
    for language in languages:
        rng = random.Random(f"{SEED}-html-{language}")
        score = ShingleScore()
        for page in pages:
            found = translated_html(page, language, rng)
            if found is None:
                continue
            html, truth = found
            with folds.use(fold_of_domain(page.domain)):
                doc = process_document(read_bytes(html, source=page.id, options=options), options)
            score.add(doc.text if doc.ok else "", truth)
        print(f"{language:8s}  {score.precision:.3f} / {score.recall:.3f} / {score.f1:.4f}", flush=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--languages", default=",".join(USERS_LANGUAGES + CONTROLS))
    parser.add_argument("--limit", type=int, help="only the first N articles")
    parser.add_argument("--dumper", choices=sorted(LAYOUTS), default="nodes", help="whose dumps, and how the text is laid out again")
    parser.add_argument("--html", action="store_true", help="HTML mode on the pages' HTML, its text nodes written in each language")
    args = parser.parse_args()
    if args.html:
        run_html(args.languages.split(","), args.limit)
        return 0
    pages = [p for p in load_text_pages(corpora=("wcxb",)) if p.page_type == "article"][: args.limit]
    dumps = load_dumps(pages, args.dumper, workers=2)
    folds = FoldModels()
    shipped = dict(features.TYPICAL_PROSE_DENSITY)
    print(f"{len(pages)} wcxb-dev articles, {args.dumper} dumps, their prose-long units (>= {PROSE_MIN_CHARS} chars) written in each language; held out")
    print("language  scale   scaled: P / R / F1              as read (scale 1): P / R / F1   F1 gain")
    for language in args.languages.split(","):
        rng = random.Random(f"{SEED}-{language}")
        cases = []
        for page in pages:
            units = read_blocks(dumps[page.id])
            if units:
                cases.append((page, *translated(units, unit_labels(page, units), language, rng, args.dumper)))
        scores = {}
        for setting, table in (("scaled", shipped), ("as read", {})):
            features.TYPICAL_PROSE_DENSITY = table
            score = ShingleScore()
            for page, dump, truth in cases:
                with folds.use(page):
                    doc = clean_dump(dump, page.id)
                score.add(doc.text if doc.ok else "", truth)
            scores[setting] = score
        features.TYPICAL_PROSE_DENSITY = shipped
        a, b = scores["scaled"], scores["as read"]
        print(
            f"{language:8s}  {features.density_scale(language):4.2f}   {a.precision:.3f} / {a.recall:.3f} / {a.f1:.4f}"
            f"         {b.precision:.3f} / {b.recall:.3f} / {b.f1:.4f}        {a.f1 - b.f1:+.4f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
