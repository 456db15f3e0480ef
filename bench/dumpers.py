"""Text dumps of a page as different scraping tools save them, and a cache of them under bench/out/dumps/.

Our users' dumps come from many tools, and the cleaner must not depend on
one tool's line breaks.  Four dumpers, each standing for a family:

- `blocks`: one block element a line, blank line between, no <title>
  (bench/devpages.html_to_dump: what the benches have always used);
- `nodes`: the <title> first, then every text node on its own line: a
  sentence with a link in it is three lines (BeautifulSoup's
  get_text("\\n", strip=True), as many scripts and browser-extension
  scrapers save pages);
- `wrapped`: a layout-preserving dump (inscriptis: indentation, "* " list
  items, tables laid out) with every line wrapped at WRAP_WIDTH columns
  as lynx -dump and w3m -dump wrap theirs: a paragraph spans several lines;
- `markdown`: Markdown (markdownify, as html2text and markdownify give it):
  the <title> first, "#" headings, "* " list items, [links](...), images,
  **emphasis**, one paragraph a line, blank line between.

More that no model is trained on (EXTRA_DUMPERS; bench_text.py
measures them with --dumpers), tools the cleaner was never tuned to:
- `rows`: the wrapped dump of a page whose lists of links (a menu, a
  footer's links) are laid out inline, as a site that styles its menu
  inline shows in lynx, w3m or inscriptis: the list's items on one row
  (wrapped as any line), separated by a space, three spaces or " | " (one
  choice per page, from its id);
- `html2text`: html2text's Markdown (no <title>, paragraphs and list
  items hard-wrapped at 78 columns, "  * " bullets; entities written as
  their letters, not html2text's default ASCII);
- `source`: the body's text with the markup's own line breaks
  (BeautifulSoup get_text() with no separator, lxml's text_content()): on
  minified markup, elements run into one another on one line;
- `one-line`: the body's text nodes joined by one space, the whole page on
  one line (get_text(" ", strip=True)), as many JSON Lines feeds hold it;
- `lynx`, `lynx-numbered`, `lynx-wide`, `w3m`, `w3m-wide`, `elinks`,
  `links`: the text browsers themselves (`lynx -dump -nolist`, `lynx -dump`
  with its numbered links and their list, `lynx -dump -nolist -width=200`,
  `w3m -dump`, `w3m -dump -cols 200`, `elinks -dump`, `links -dump`, as
  tests/tool_dumps.py runs them; Debian's packages): lynx and links fill
  lines to characters, w3m and elinks to terminal columns; elinks
  numbers links;
- `html2text-command`: Debian's `html2text -utf8` (the command, not the
  Python package): starred headings, a link's spaces as underscores, no
  blank line between paragraphs;
- `browser`: headless Chromium's `document.body.innerText`, what a
  scraper that drives a browser saves (Playwright's
  `page.inner_text("body")`, Puppeteer's `evaluate`, Selenium's
  `element.text` is close): one block element a line, a blank line around
  each `<p>` and none around headings or `<div>`s, table cells apart by a
  tab, inline elements run together with no space where the markup has
  none ("3. April 20223. April 2022"); the page's own `<style>` rules
  apply (what they hide is left out), no <title>.  Chromium runs offline
  with scripts off (Debian's package, driven by Playwright;
  tests/tool_dumps.Browser): a page that hides its body until its scripts
  run (an anti-flicker style) gives an empty dump, as such a scraper
  saves it.

Scripts, styles, <noscript> and <template> are dropped before every dumper
(a browser shows none of them); the browser dumper leaves styles and
scripts to Chromium and drops only <noscript> (a scraper's browser runs
scripts, so it never shows them).  The bench-only packages are pinned in the
`bench` extra of pyproject.toml.

Usage: python bench/dumpers.py [--limit N] [--workers 2] [--show PAGE_ID DUMPER]
builds the cache (a few minutes on two cores, once).
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import textwrap
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from devpages import html_to_dump  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / "bench" / "out" / "dumps"
DUMPERS = ("blocks", "nodes", "wrapped", "markdown")
# Dumpers measured only (see above).
EXTRA_DUMPERS = ("rows", "html2text", "source", "one-line", "lynx", "lynx-numbered", "lynx-wide", "w3m", "w3m-wide", "elinks", "links", "html2text-command", "browser")
# The extra dumpers that run a program of the system.
TOOL_DUMPERS = ("lynx", "lynx-numbered", "lynx-wide", "w3m", "w3m-wide", "elinks", "links", "html2text-command")
_CHARSET = re.compile(r"<meta\b[^>]*charset[^>]*>", re.IGNORECASE)
# A list is a menu laid out as a row when it has this many items or more,
# each one link of at most MENU_ITEM_MAX_CHARS characters and nothing else.
MENU_MIN_ITEMS = 3
MENU_ITEM_MAX_CHARS = 40
# Between a row's items (chosen per page): what text browsers print between inline links.
ROW_SEPARATORS = (" ", "   ", " | ")
_ROW_GAP = " \ue000 "  # stands for the separator through inscriptis, which folds runs of spaces
# lynx -dump and w3m -dump fill lines to 80 columns less a margin.
WRAP_WIDTH = 76

_NOSCRIPT = re.compile(r"<noscript\b.*?</noscript\s*>", re.IGNORECASE | re.DOTALL)
_HIDDEN = re.compile(r"<(script|style|noscript|template|svg)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_TITLE = re.compile(r"<title\b[^>]*>(.*?)</title\s*>", re.IGNORECASE | re.DOTALL)
_WS = re.compile(r"\s+")


def _markup(html: bytes) -> str:
    """The page decoded as it declares, without what a browser never shows."""
    from pipeline.read import decode_bytes

    text = decode_bytes(html, html=True) or ""
    return _COMMENT.sub("", _HIDDEN.sub("", text.lstrip("\ufeff")))


def _title(markup: str) -> str:
    import html as entities

    found = _TITLE.search(markup)
    return _WS.sub(" ", entities.unescape(found.group(1))).strip() if found else ""


def _body(markup: str):
    """The page's <body> as BeautifulSoup (lxml) parses it, or the whole document when it has none."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(markup, "lxml")
    return soup.body or soup


def nodes_dump(html: bytes) -> str:
    """The <title>, then each text node of the body on its own line (BeautifulSoup get_text("\\n", strip=True))."""
    markup = _markup(html)
    title = _title(markup)
    text = _body(markup).get_text("\n", strip=True)
    return (title + "\n" if title else "") + text + "\n"


def source_dump(html: bytes) -> str:
    """The body's text with the markup's own line breaks and indentation (BeautifulSoup get_text() with no separator, lxml's text_content())."""
    return _body(_markup(html)).get_text()


def one_line_dump(html: bytes) -> str:
    """The body's text nodes joined by one space: the whole page on one line (get_text(" ", strip=True), " ".join(response.css("body *::text").getall())), as many JSON Lines feeds hold it."""
    return _body(_markup(html)).get_text(" ", strip=True) + "\n"


def wrapped_dump(html: bytes, width: int = WRAP_WIDTH) -> str:
    """inscriptis' layout, every line wrapped at `width` columns keeping its indentation (lynx/w3m style)."""
    from inscriptis import get_text

    return _wrap(get_text(_markup(html)), width)


def _wrap(text: str, width: int) -> str:
    out = []
    for line in text.split("\n"):
        stripped = line.rstrip()
        if len(stripped) <= width:
            out.append(stripped)
            continue
        indent = stripped[: len(stripped) - len(stripped.lstrip())]
        body = stripped.lstrip()
        # A list item's continuation lines align with its text, as lynx sets them.
        hang = indent + "  " if body[:2] in ("* ", "+ ", "- ") else indent
        out.extend(
            textwrap.wrap(
                body, width, initial_indent=indent, subsequent_indent=hang, break_long_words=False, break_on_hyphens=False
            )
        )
    return "\n".join(out) + "\n"


def rows_dump(html: bytes, page_id: str = "", width: int = WRAP_WIDTH) -> str:
    """wrapped_dump of the page with each list of links (MENU_MIN_ITEMS or more, one short link an item) laid out as one row."""
    import zlib

    from inscriptis import get_text

    separator = ROW_SEPARATORS[zlib.crc32(page_id.encode()) % len(ROW_SEPARATORS)]
    return _wrap(get_text(_inline_menus(_markup(html))).replace(_ROW_GAP, separator), width)


def _inline_menus(markup: str) -> str:
    """The markup with each list of links made one paragraph of its items, _ROW_GAP between them."""
    import lxml.html

    try:
        root = lxml.html.document_fromstring(markup)
    except (ValueError, lxml.etree.ParserError):  # an XML declaration, or nothing to parse: the page as it is
        return markup
    menus = []
    for element in root.iter("ul", "ol"):
        items = [child for child in element if child.tag == "li"]
        if len(items) < MENU_MIN_ITEMS or element.find(".//ul") is not None or element.find(".//ol") is not None:
            continue
        names = []
        for item in items:
            text = " ".join(item.text_content().split())
            links = item.findall(".//a")
            if len(links) != 1 or not text or len(text) > MENU_ITEM_MAX_CHARS or " ".join(links[0].text_content().split()) != text:
                break
            names.append(text)
        else:
            menus.append((element, names))
    for element, names in menus:
        row = lxml.html.Element("p")
        row.text = _ROW_GAP.join(names)
        row.tail = element.tail
        element.getparent().replace(element, row)
    return lxml.html.tostring(root, encoding="unicode")


def html2text_dump(html: bytes) -> str:
    """html2text's Markdown: lines wrapped at 78 columns (its default), no <head>; entities keep their letters (unicode_snob)."""
    import html2text

    converter = html2text.HTML2Text()
    # By default html2text writes an entity's letter as ASCII ("&auml;" -> "a"): the text itself changed, which no cleaner can undo.
    converter.unicode_snob = True
    return converter.handle(_markup(html))


def markdown_dump(html: bytes) -> str:
    """markdownify's Markdown: ATX "#" headings, "*" bullets; the <title> as the first line (markdownify keeps <head> text)."""
    from markdownify import markdownify

    markup = _markup(html)
    text = markdownify(markup, heading_style="ATX", bullets="*")
    # markdownify puts runs of blank lines where empty elements were.
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"


def tool_dump(html: bytes, dumper: str) -> str:
    """The text browser's dump of the page, written to it as UTF-8 (the page's own charset declaration taken out)."""
    from tool_dumps import dump as run_tool

    return run_tool(_tool(dumper), _CHARSET.sub("", _markup(html)))


def _tool(dumper: str) -> str:
    """The tests/tool_dumps.py tool a TOOL_DUMPERS dumper runs ("html2text-command": the command, beside the package's dumper)."""
    return dumper.removesuffix("-command")  # "browser" is tool_dumps' too


def dump(html: bytes, dumper: str, page_id: str = "") -> str:
    if dumper == "blocks":
        return html_to_dump(html)
    if dumper == "nodes":
        return nodes_dump(html)
    if dumper == "wrapped":
        return wrapped_dump(html)
    if dumper == "markdown":
        return markdown_dump(html)
    if dumper == "rows":
        return rows_dump(html, page_id)
    if dumper == "html2text":
        return html2text_dump(html)
    if dumper == "source":
        return source_dump(html)
    if dumper == "one-line":
        return one_line_dump(html)
    if dumper in TOOL_DUMPERS:
        return tool_dump(html, dumper)
    if dumper == "browser":
        return browser_dumps([(page_id, html, dumper)])[0][1]
    raise ValueError(f"unknown dumper {dumper!r}; one of {', '.join(DUMPERS + EXTRA_DUMPERS)}")


def browser_dumps(jobs: list[tuple[str, bytes, str]]) -> list[tuple[str, str]]:
    """(page id, body.innerText) for each page, in one headless Chromium (tests/tool_dumps.Browser); a page it fails on gives an empty dump."""
    from tool_dumps import Browser

    from pipeline.read import decode_bytes

    made = []
    with Browser() as browser:
        for k, (page_id, html, _) in enumerate(jobs, 1):
            text = browser.text(_NOSCRIPT.sub("", (decode_bytes(html, html=True) or "").lstrip("\ufeff")))
            made.append((page_id, text + "\n" if text else ""))
            if k % 200 == 0:
                print(f"  {k}/{len(jobs)} pages", file=sys.stderr, flush=True)
    return made


def _job(job: tuple[str, bytes, str]) -> tuple[str, str]:
    page_id, html, dumper = job
    try:
        return page_id, dump(html, dumper, page_id)
    except ImportError as error:  # not the page's fault: no dump of any page is cached
        raise SystemExit(f"the {dumper} dumper needs {error.name}: pip install -e '.[bench]'") from error
    except Exception as error:  # a dumper that fails on a page gives an empty dump, as a scraper would save nothing
        print(f"  {dumper} failed on {page_id}: {type(error).__name__}: {error}", file=sys.stderr)
        return page_id, ""


def cache_path(dumper: str) -> Path:
    return CACHE / f"{dumper}.jsonl.gz"


def load_dumps(pages, dumper: str, workers: int = 1) -> dict[str, str]:
    """page id -> dump, from the cache; the pages missing from it are dumped and added."""
    path = cache_path(dumper)
    cached: dict[str, str] = {}
    if path.exists():
        with gzip.open(path, "rt", encoding="utf-8") as lines:
            for line in lines:
                row = json.loads(line)
                cached[row["id"]] = row["dump"]
    missing = [(p.id, p.html, dumper) for p in pages if p.id not in cached]
    if missing and (dumper in TOOL_DUMPERS or dumper == "browser"):
        from tool_dumps import PACKAGES, TOOLS, command

        tool = _tool(dumper)
        if command(tool) is None:
            raise SystemExit(f"the {dumper} dumper runs Debian's {TOOLS[tool][0]}, which is not installed: apt-get install {PACKAGES} (make test does)")
    if missing:
        print(f"dumping {len(missing)} pages with {dumper} ...", file=sys.stderr, flush=True)
        if dumper == "browser":
            made = browser_dumps(missing)
        elif workers > 1:
            from multiprocessing import Pool

            with Pool(workers) as pool:
                made = pool.map(_job, missing, chunksize=8)
        else:
            made = list(map(_job, missing))
        cached.update(made)
        path.parent.mkdir(parents=True, exist_ok=True)
        with gzip.open(path, "wt", encoding="utf-8") as out:
            for page_id, text in sorted(cached.items()):
                out.write(json.dumps({"id": page_id, "dump": text}, ensure_ascii=False) + "\n")
    return {p.id: cached[p.id] for p in pages}


def main() -> int:
    from textcorpus import load_text_pages

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--dumpers", default=",".join(DUMPERS))
    parser.add_argument("--show", nargs=2, metavar=("PAGE_ID", "DUMPER"), help="print one page's dump")
    args = parser.parse_args()
    pages = load_text_pages(limit=args.limit)
    if args.show:
        page = next(p for p in pages if p.id == args.show[0])
        print(dump(page.html, args.show[1], page.id))
        return 0
    for dumper in args.dumpers.split(","):
        dumps = load_dumps(pages, dumper, args.workers)
        lines = sum(sum(1 for line in d.split("\n") if line.strip()) for d in dumps.values())
        print(f"{dumper:<10} {len(dumps)} pages, {lines} non-blank lines, {sum(map(len, dumps.values())) / 1e6:.1f} M chars")
    return 0


if __name__ == "__main__":
    sys.exit(main())
