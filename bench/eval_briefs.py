"""What the text cleaner does with short news briefs and with pages that hold no prose (tests/data/briefs).

A page that is one short paragraph (a two-sentence brief of ~160
characters) is an article and must be kept; a menu or a list of links is
rejected with its reason.  Prints, per file: expected, status, reason, and
whether the paragraph was kept and the menu removed; then the counts.

Usage: python bench/eval_briefs.py [--model NAME]
  --model NAME: instead of today's cleaner, the block model NAME (fold 0 of
  bench/out/folds/NAME, none of whose training pages is here) deciding
  every block, as bench/eval_text.py's new:NAME.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.options import Options  # noqa: E402
from pipeline.read import read_bytes  # noqa: E402
from pipeline.runner import process_document  # noqa: E402

BRIEFS = ROOT / "tests" / "data" / "briefs"


def check(name: str, expected: dict, doc) -> tuple[bool, str]:
    """(as expected, what happened) for one file."""
    if expected["expect"] == "reject":
        return (not doc.ok, f"{doc.status}: {doc.reason or ''}".strip())
    text = " ".join(doc.text.split())
    missing = [s for s in expected["must_contain"] if " ".join(s.split()) not in text]
    leaked = [s for s in expected["must_not_contain"] if s in doc.text.split("\n")]
    what = f"{doc.status}" + (f": {doc.reason}" if doc.reason else "")
    if missing:
        what += "; paragraph lost"
    if leaked:
        what += f"; kept {len(leaked)} menu/footer lines"
    return (doc.ok and not missing and not leaked, what)


def block_model_document(model: str, name: str, raw: bytes):
    """A Document whose text is what the block model keeps (status rejected when it keeps nothing)."""
    sys.path.insert(0, str(ROOT / "bench"))
    from eval_text import new_system
    from textcorpus import TextPage

    class FoldZero(TextPage):
        fold = 0

    result = new_system(model, FoldZero(name, "briefs", name, "brief", b"", [], []), raw.decode("utf-8"))
    from pipeline.document import Block, Document

    doc = Document(source=name, blocks=[Block(t) for t in result["text"].split("\n\n") if t])
    if result["status"] != "ok":
        doc.reject(result["status"].removeprefix("rejected: "))
    return doc


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--model", help="a block model's fold models under bench/out/folds/")
    args = parser.parse_args()
    manifest = json.loads((BRIEFS / "manifest.json").read_text(encoding="utf-8"))
    options = Options(format="text")
    good = {"keep": [0, 0], "reject": [0, 0]}
    for name, expected in sorted(manifest.items()):
        raw = (BRIEFS / name).read_bytes()
        doc = block_model_document(args.model, name, raw) if args.model else process_document(read_bytes(raw, source=name, options=options), options)
        ok, what = check(name, expected, doc)
        good[expected["expect"]][0] += ok
        good[expected["expect"]][1] += 1
        print(f"{'ok  ' if ok else 'FAIL'} {name:<16} expect {expected['expect']:<6} -> {what}   language {doc.metadata.get('language')}")
    for kind, (right, total) in good.items():
        print(f"{kind}: {right} / {total} as expected")
    return 0


if __name__ == "__main__":
    sys.exit(main())
