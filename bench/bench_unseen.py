"""Pages from sites in neither corpus: newspaper4k's test pages, cleaned in both modes beside trafilatura.

newspaper4k's source distribution (`pip download --no-binary :all:
--no-deps newspaper4k==0.9.6`, then unpack it) holds real pages of news
sites in several languages and scripts (Arabic, Burmese, Chinese,
Japanese, Latvian, Spanish, Thai, English) under tests/data/html/, with the
text newspaper4k extracts from each (tests/data/txt/) and for most their
title, authors and date (tests/data/metadata/).  Those texts are one
extractor's output that its tests pin, not an annotator's main text: they
tell where the modes fail on pages no model or rule here was built on,
not how well they do to the third decimal.  A page whose site is in
dev-pages or wcxb-dev is marked and left out of the totals.

Printed: per page, shingle F1 (bench/wcxb.py) of trafilatura
(include_comments=False), HTML mode and text mode on each dumper's dump,
and whether the title agrees (bench/metadata_agreement.same_title); then
the totals, with title and date agreement (trafilatura's from its
extract_metadata) and dates given to pages newspaper4k finds none on
(it misses some that the page states: not a count of invented dates).  Every model is the shipped one: no page here was seen in
training.

Usage: python bench/bench_unseen.py [NEWSPAPER4K_DIR] [--dumpers blocks,nodes,wrapped,markdown]
(the directory also from NEWSPAPER4K_DIR=...; without one, `make bench`
says how to get the pages and goes on to the next bench)
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from dumpers import DUMPERS, dump  # noqa: E402
from metadata_agreement import same_date, same_title  # noqa: E402
from textcorpus import load_text_pages, registrable_domain, url_host  # noqa: E402
from wcxb import ShingleScore, page_counts  # noqa: E402

from pipeline.options import Options  # noqa: E402
from pipeline.read import read_bytes  # noqa: E402
from pipeline.runner import process_document  # noqa: E402


def site(url: str) -> str | None:
    """The site of a URL as the held-out folds take it (textcorpus.registrable_domain: "arabic.cnn.com" is cnn.com)."""
    host = url_host(url)
    return registrable_domain(host) if host else None


def known_sites() -> set[str]:
    """The sites of both corpora's pages, as their folds are split (bench/textcorpus.py)."""
    return {page.site for page in load_text_pages()}


def cleaned(raw: bytes, fmt: str, source: str):
    options = Options(format=fmt)
    return process_document(read_bytes(raw, source=source, options=options), options)


def f1(counts: tuple[float, float, float]) -> float:
    tp, fp, fn = counts
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "root", type=Path, nargs="?", default=os.environ.get("NEWSPAPER4K_DIR"), help="newspaper4k's unpacked source distribution, or its tests/data"
    )
    parser.add_argument("--dumpers", default=",".join(DUMPERS))
    args = parser.parse_args()
    if args.root is None:
        print(
            "skipped: no newspaper4k test pages given. Get them with `pip download --no-binary :all: --no-deps newspaper4k==0.9.6`,"
            " unpack the archive and pass its directory (or set NEWSPAPER4K_DIR)."
        )
        return 0
    import trafilatura

    data = args.root / "tests" / "data" if (args.root / "tests" / "data").is_dir() else args.root
    if not (data / "txt").is_dir() or not (data / "html").is_dir():
        raise SystemExit(f"no tests/data/html and tests/data/txt under {args.root}: unpack newspaper4k's source distribution there")
    dumpers = args.dumpers.split(",")
    systems = ["trafilatura", "html", *dumpers]
    scores = {name: ShingleScore() for name in systems}
    titles = {name: [0, 0] for name in systems}
    stamps = {name: [0, 0, 0] for name in systems}  # dates right, pages with a date, dates given to pages newspaper4k dates not
    sites = known_sites()
    left_out = []
    print(f"{'page':<22} {'site':<18} " + " ".join(f"{name[:8]:>8}" for name in systems))
    for text_path in sorted((data / "txt").glob("*.txt")):
        name = text_path.stem
        html_path = data / "html" / f"{name}.html"
        if not html_path.exists():
            continue
        meta_path = data / "metadata" / f"{name}.json"
        meta = json.loads(meta_path.read_text(encoding="utf-8")) if meta_path.exists() else {}
        page_site = site(meta.get("url") or "")
        raw, truth = html_path.read_bytes(), text_path.read_text(encoding="utf-8")
        stated = trafilatura.extract_metadata(raw)
        outputs = {"trafilatura": (trafilatura.extract(raw, include_comments=False) or "", stated.title if stated else None)}
        dates = {"trafilatura": stated.date if stated else None}
        doc = cleaned(raw, "html", name)
        outputs["html"] = (doc.text or "", doc.metadata.get("title"))
        dates["html"] = doc.metadata.get("published")
        for dumper in dumpers:
            doc = cleaned(dump(raw, dumper, name).encode("utf-8"), "text", name)
            outputs[dumper] = (doc.text or "", doc.metadata.get("title"))
            dates[dumper] = doc.metadata.get("published")
        known = page_site in sites
        row = []
        for system, (text, title) in outputs.items():
            counts = page_counts(truth, text)
            mark = "" if not meta.get("title") else ("+" if same_title(title, meta["title"]) else "-")
            row.append(f"{f1(counts):7.2f}{mark or ' '}")
            if known:
                continue
            scores[system].add(text, truth)
            if meta.get("title"):
                titles[system][0] += same_title(title, meta["title"])
                titles[system][1] += 1
            if meta.get("publish_date"):
                stamps[system][0] += same_date(dates[system], meta["publish_date"][:10])
                stamps[system][1] += 1
            elif meta:
                stamps[system][2] += dates[system] is not None
        if known:
            left_out.append(name)
        print(f"{name[:22]:<22} {(page_site or '-')[:18]:<18} " + " ".join(row) + ("  (site in a corpus: left out)" if known else ""))
    print("\nshingle F1 against newspaper4k's texts (+/- : the title agrees or not), pages from sites in neither corpus:")
    for system in systems:
        agreed, total = titles[system]
        right, dated, invented = stamps[system]
        print(scores[system].line(system) + f"  titles {agreed}/{total}  dates {right}/{dated} (given to {invented} of the pages newspaper4k finds no date on)")
    print(f"left out, their sites in a corpus: {', '.join(left_out) or 'none'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
