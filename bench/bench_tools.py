"""The text dumps real tools make of news pages in the users' languages, cleaned: what goes wrong.

The pages, the tools and what counts as wrong are tests/tool_dumps.py's:
the tests' news pages in Russian, Korean, Georgian, Armenian,
Azerbaijani, Kazakh, Turkish and Ukrainian, dumped by lynx (with and
without numbered links), w3m, elinks, links, the `html2text` command and
headless Chromium (`innerText`), cleaned in text mode.  The benchmark corpora's dumps are made by Python
libraries (bench/dumpers.py), which count characters and mark no links:
these tools fill lines to terminal columns (w3m, elinks: a Hangul or CJK
character takes two), number links, mark headings with asterisks.  A
tool that is not installed is left out and said so
(`apt-get install lynx w3m elinks links html2text chromium`).

Usage: python bench/bench_tools.py [--languages ru,ko] [--tools lynx,w3m] [--show]
Exits non-zero when any dump is wrong (zero, saying so, when no tool is installed).
"""

from __future__ import annotations

import argparse
import sys
from contextlib import ExitStack
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from tool_dumps import PACKAGES, PAGES, TOOLS, command, dumper, pages, what_is_wrong  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--languages", default=",".join(PAGES), help=f"comma-separated, of {', '.join(PAGES)}")
    parser.add_argument("--tools", default=",".join(TOOLS), help=f"comma-separated, of {', '.join(TOOLS)}")
    parser.add_argument("--show", action="store_true", help="print each wrong dump")
    args = parser.parse_args()
    tools = [t for t in args.tools.split(",") if command(t)]
    missing = [t for t in args.tools.split(",") if t not in tools]
    if missing:
        print(f"not installed, left out: {', '.join(missing)} (apt-get install {PACKAGES})")
    if not tools:
        print("no tool installed: nothing measured")
        return 0
    counts = {tool: [0, 0] for tool in tools}
    with ExitStack() as stack:
        dumps = {tool: stack.enter_context(dumper(tool)) for tool in tools}
        for name, page, html in pages(args.languages.split(",")):
            for tool in tools:
                measure(name, page, dumps[tool](html), tool, counts, args.show)
    print("wrong dumps per tool: " + ", ".join(f"{tool} {bad}/{total}" for tool, (bad, total) in counts.items()))
    return 1 if any(bad for bad, _ in counts.values()) else 0


def measure(name: str, page: dict, text: str, tool: str, counts: dict, show: bool) -> None:
    """Count the tool's dump of the page, printing what is wrong with it."""
    wrong = what_is_wrong(page, text)
    counts[tool][0] += bool(wrong)
    counts[tool][1] += 1
    if wrong:
        print(f"{name} {tool}: {'; '.join(wrong)}")
        if show:
            print(text)


if __name__ == "__main__":
    sys.exit(main())
