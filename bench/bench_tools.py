"""The text dumps real tools make of news pages in the users' languages, cleaned: what goes wrong.

The pages are the tests' (tests/data/html_pages/languages.py: Russian,
Korean, Georgian, Armenian, Azerbaijani, Kazakh, Turkish, Ukrainian; a
WordPress-like post and a news portal, with their paragraphs once and
three times, the sentences of each copy rotated), dumped by the text
browsers and converters users run (`lynx -dump -nolist`, `lynx -dump`
with its numbered links, `w3m -dump`, `elinks -dump`, `links -dump`, the
`html2text` command) and cleaned in text mode.  A dump is wrong when the
page is rejected, a paragraph of the article is missing, a related story
or a reader's comment is kept, the title is not the headline or the date
not the page's.

The tools are Debian's packages (`apt-get install lynx w3m elinks links
html2text`); a tool that is not installed is left out and said so.  The
benchmark corpora's dumps are made by Python libraries (bench/dumpers.py),
which count characters and mark no links: these tools fill lines to
terminal columns (w3m, elinks: a Hangul or CJK character takes two),
number links, mark headings with asterisks.

Usage: python bench/bench_tools.py [--languages ru,ko] [--tools lynx,w3m] [--show]
Exits non-zero when any dump is wrong (zero, saying so, when no tool is installed).
"""

from __future__ import annotations

import argparse
import copy
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "data" / "html_pages"))

from languages import PAGES, blog_page, portal_page  # noqa: E402

from pipeline.options import Options  # noqa: E402
from pipeline.read import read_bytes  # noqa: E402
from pipeline.runner import process_document  # noqa: E402

TOOLS = {
    "lynx": ["lynx", "-dump", "-nolist", "-display_charset=utf-8", "-assume_charset=utf-8"],
    "lynx-numbered": ["lynx", "-dump", "-display_charset=utf-8", "-assume_charset=utf-8"],
    "w3m": ["w3m", "-dump", "-O", "UTF-8", "-I", "UTF-8", "-T", "text/html"],
    "elinks": ["elinks", "-dump", "-dump-charset", "utf-8"],
    "links": ["links", "-dump", "-codepage", "utf-8"],
    "html2text": ["html2text", "-utf8"],
}
TEMPLATES = {"post": blog_page, "portal": portal_page}
PUBLISHED = "2024-05-06"  # both templates print "06.05.2024"
TEXT = Options(format="text")
_SENTENCE = re.compile(r"(?<=[.!?։。])\s+")


def dump(tool: str, html: str) -> str:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "page.html"
        path.write_text(html, encoding="utf-8")
        result = subprocess.run([*TOOLS[tool], str(path)], capture_output=True, env=dict(os.environ, LANG="C.UTF-8"), timeout=60)
    return result.stdout.decode("utf-8", "replace")


def rotated(paragraph: str, k: int) -> str:
    """The paragraph with its sentences rotated by k: a long page's later paragraphs, not copies of the first (a page does not print a paragraph twice)."""
    sentences = _SENTENCE.split(paragraph)
    k %= len(sentences)
    return " ".join(sentences[k:] + sentences[:k])


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
    return wrong


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--languages", default=",".join(PAGES), help=f"comma-separated, of {', '.join(PAGES)}")
    parser.add_argument("--tools", default=",".join(TOOLS), help=f"comma-separated, of {', '.join(TOOLS)}")
    parser.add_argument("--show", action="store_true", help="print each wrong dump")
    args = parser.parse_args()
    tools = [t for t in args.tools.split(",") if shutil.which(TOOLS[t][0])]
    missing = [t for t in args.tools.split(",") if t not in tools]
    if missing:
        print(f"not installed, left out: {', '.join(missing)} (apt-get install lynx w3m elinks links html2text)")
    if not tools:
        print("no tool installed: nothing measured")
        return 0
    counts = {tool: [0, 0] for tool in tools}
    for language in args.languages.split(","):
        for times in (1, 3):
            page = copy.deepcopy(PAGES[language])
            page["paragraphs"] = [rotated(paragraph, k) for k in range(times) for paragraph in page["paragraphs"]]
            for template, make in TEMPLATES.items():
                html = make(page, language)
                for tool in tools:
                    text = dump(tool, html)
                    wrong = what_is_wrong(page, text)
                    counts[tool][0] += bool(wrong)
                    counts[tool][1] += 1
                    if wrong:
                        print(f"{language} {template} x{times} {tool}: {'; '.join(wrong)}")
                        if args.show:
                            print(text)
    print("wrong dumps per tool: " + ", ".join(f"{tool} {bad}/{total}" for tool, (bad, total) in counts.items()))
    return 1 if any(bad for bad, _ in counts.values()) else 0


if __name__ == "__main__":
    sys.exit(main())
