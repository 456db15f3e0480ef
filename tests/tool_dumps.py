"""The text dumps real tools make of the tests' news pages, and what the cleaner gets wrong on them.

The pages are tests/data/html_pages/languages.py's (Russian, Korean,
Georgian, Armenian, Azerbaijani, Kazakh, Turkish, Ukrainian; a
WordPress-like post and a news portal), with their paragraphs once and
three times (the sentences of each copy rotated), dumped by the text
browsers and converters users run: `lynx -dump -nolist`, `lynx -dump`
with its numbered links, both browsers filled to 200 columns (`lynx
-width=200`, `w3m -cols 200`), `w3m -dump`, `elinks -dump`, `links -dump`
and the `html2text` command (Debian's packages; `make test` installs them),
and headless Chromium's `document.body.innerText`, as a scraper that
drives a browser saves a page (Playwright's `page.inner_text("body")`).
A dump is wrong when the page is rejected, a paragraph of the article is
missing, a related story or a reader's comment is kept, the title is not
the headline, the date not the page's, or a link's address the tool
listed after the page is not recorded as its list (rule `link_list`).

Used by tests/dumps/test_tool_dumps.py and bench/bench_tools.py.
"""

from __future__ import annotations

import copy
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent / "data" / "html_pages"))

from languages import PAGES, blog_page, portal_page  # noqa: E402

from pipeline.clean import rules  # noqa: E402
from pipeline.options import Options  # noqa: E402
from pipeline.read import read_bytes  # noqa: E402
from pipeline.runner import process_document  # noqa: E402

TOOLS = {
    "lynx": ["lynx", "-dump", "-nolist", "-display_charset=utf-8", "-assume_charset=utf-8"],
    "lynx-numbered": ["lynx", "-dump", "-display_charset=utf-8", "-assume_charset=utf-8"],
    # Filled to a wide terminal's 200 columns, as a user may set it.
    "lynx-wide": ["lynx", "-dump", "-nolist", "-width=200", "-display_charset=utf-8", "-assume_charset=utf-8"],
    "w3m": ["w3m", "-dump", "-O", "UTF-8", "-I", "UTF-8", "-T", "text/html"],
    "w3m-wide": ["w3m", "-dump", "-cols", "200", "-O", "UTF-8", "-I", "UTF-8", "-T", "text/html"],
    "elinks": ["elinks", "-dump", "-dump-charset", "utf-8"],
    "links": ["links", "-dump", "-codepage", "utf-8"],
    "html2text": ["html2text", "-utf8"],
    # Not run as a command: Playwright drives Debian's chromium (Browser below).
    "browser": ["chromium"],
}
# Debian's packages that hold them.
PACKAGES = "lynx w3m elinks links html2text chromium"
TEMPLATES = {"post": blog_page, "portal": portal_page}
PUBLISHED = "2024-05-06"  # both templates print "06.05.2024"
TEXT = Options(format="text")
_SENTENCE = re.compile(r"(?<=[.!?։。])\s+")


def command(tool: str) -> str | None:
    """The tool's program on PATH, outside this Python's environment (whose bin may hold the Python package html2text's command of the same name), or None."""
    own = str(Path(sys.prefix) / "bin")
    path = os.pathsep.join(d for d in os.environ.get("PATH", "").split(os.pathsep) if d and os.path.abspath(d) != own)
    return shutil.which(TOOLS[tool][0], path=path)


# Headless Chromium kept off the network (this machine has none) and quiet.
BROWSER_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"]
# A page the browser has not laid out in this long gives an empty dump (a scraper's timeout).
BROWSER_PAGE_MS = 30_000


class Browser:
    """One headless Chromium, offline, scripts off; `text(html)`: the page's `document.body.innerText` ("" where Chromium fails on it)."""

    def __init__(self):
        from playwright.sync_api import sync_playwright

        self._playwright = sync_playwright().start()
        self._browser = self._playwright.chromium.launch(executable_path=command("browser"), args=BROWSER_ARGS)
        self._context = self._browser.new_context(java_script_enabled=False, offline=True)
        self._tab = self._context.new_page()

    def text(self, html: str) -> str:
        from playwright.sync_api import Error

        try:
            self._tab.set_content(html, wait_until="domcontentloaded", timeout=BROWSER_PAGE_MS)
            return self._tab.evaluate("() => (document.body || document.documentElement).innerText")
        except Error as error:
            print(f"  the browser failed on a page: {str(error).splitlines()[0]}", file=sys.stderr)
            self._tab.close()
            self._tab = self._context.new_page()
            return ""

    def close(self) -> None:
        self._browser.close()
        self._playwright.stop()

    def __enter__(self) -> "Browser":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


@contextmanager
def dumper(tool: str) -> Iterator[Callable[[str], str]]:
    """A function giving the tool's dump of a page's HTML (the browser started once, and closed after)."""
    if tool != "browser":
        yield lambda html: dump(tool, html)
        return
    with Browser() as browser:
        yield browser.text


def dump(tool: str, html: str) -> str:
    """The command-line tool's dump of the page (the browser's: `dumper`)."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "page.html"
        path.write_text(html, encoding="utf-8")
        result = subprocess.run(
            [command(tool) or TOOLS[tool][0], *TOOLS[tool][1:], str(path)], capture_output=True, env=dict(os.environ, LANG="C.UTF-8"), timeout=60
        )
    return result.stdout.decode("utf-8", "replace")


def rotated(paragraph: str, k: int) -> str:
    """The paragraph with its sentences rotated by k: a long page's later paragraphs, not copies of the first (a page does not print a paragraph twice)."""
    sentences = _SENTENCE.split(paragraph)
    k %= len(sentences)
    return " ".join(sentences[k:] + sentences[:k])


def pages(languages=tuple(PAGES)) -> Iterator[tuple[str, dict, str]]:
    """(a name, the page's parts, its HTML) for each language, length and template."""
    for language in languages:
        for times in (1, 3):
            page = copy.deepcopy(PAGES[language])
            page["paragraphs"] = [rotated(paragraph, k) for k in range(times) for paragraph in page["paragraphs"]]
            for template, make in TEMPLATES.items():
                yield f"{language} {template} x{times}", page, make(page, language)


def squeezed(text: str) -> str:
    """The text without whitespace: tools that break Hangul anywhere keep no space to tell where a word ended."""
    return "".join(text.split())


def what_is_wrong(page: dict, text: str) -> list[str]:
    doc = process_document(read_bytes(text.encode("utf-8"), source="page.txt", options=TEXT), TEXT)
    if not doc.ok:
        return [f"rejected ({doc.reason})"]
    kept = squeezed(doc.text)
    wrong = []
    missing = [p for p in dict.fromkeys(page["paragraphs"]) if squeezed(p) not in kept]
    if missing:
        wrong.append(f"{len(missing)} paragraph(s) missing: {missing[0][:40]!r}...")
    leaked = [t for t in page["related"] + page["comments"] if squeezed(t) in kept]
    if leaked:
        wrong.append(f"kept {leaked[0][:40]!r}")
    title = doc.metadata.get("title")
    if " ".join((title or "").split()) != page["headline"]:
        wrong.append(f"title {title!r}")
    if doc.metadata.get("published") != PUBLISHED:
        wrong.append(f"date {doc.metadata.get('published')!r}")
    # The list of links lynx and elinks print after the page is recorded as theirs, not judged as the page's lines.
    unrecorded = [block.text for block in doc.blocks if "://" in block.text and block.removed_by != rules.LINK_LIST]
    if unrecorded:
        wrong.append(f"a link's address not recorded as {rules.LINK_LIST}: {unrecorded[0][:40]!r}")
    return wrong
