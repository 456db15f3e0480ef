"""Duplicates and syndicated copies: pairwise precision/recall, and index cost at 1k vs 100k articles.

How the set is built (from ../shared/bench/dev-pages, every page through the
real ingest path, pipeline.runner.ingest into a temporary archive.Archive):

- originals: 70 % of the dev pages (the HTML as downloaded);
- copies: 1 or 2 per original with at least MIN_ORIGINAL_WORDS words, made
  from the original's clean article as the archive stored it: truncated to
  60-80 % (at a sentence end), 1-3 sentences copy-edited (1-3 words replaced,
  dropped or inserted), another headline, a later publication date, wrapped
  in another site's furniture (menu, "related" list, footer: lines taken from
  the `without` segments of another dev page), saved as HTML or as a text
  dump of that HTML;
- hard negatives, same site: held-out dev articles (never ingested in any
  other form) wrapped in the very templates the copies use, so they share
  every line of furniture with copies of other stories;
- hard negatives, same story: a held-out article with 20-35 % of an
  original's sentences (its quotes and facts) spliced in, at most a third of
  the result, and a headline close to the original's.  Synthetic: real same-story pairs are rare in the dev
  pages (one pair, two reports of an arrest in the BVI, shares < 0.05 of its
  shingles; it counts as a negative here like every other pair);
- the dev pages themselves hold four pairs of the same text, reviewed by
  hand (KNOWN_DEV_DUPLICATES): two pages saved twice and two agency stories
  run by two outlets; they count as true pairs.

Two orders: copies in later batches than their originals (batch 1 the
originals, batches 2 and 3 the copies and negatives), and everything shuffled
into three batches (copies often arrive first: the canonical must move to the
original when it arrives, since it was published earlier).

Speed: the per-document dedupe time (finding candidates, confirming,
indexing) for the same query documents against archives holding 1k and 100k
articles, timed alternately on the two; the archives are filled with
synthetic articles (15-40 random dev-page sentences, the queries' among
them) inserted directly into the index tables.  Queries are text dumps of
dev pages (html_to_dump), article-sized text without an extraction pass.

    .venv/bin/python bench/bench_dedupe.py [--limit N] [--workers 2]

Exits 1 when a floor below is missed.
"""

from __future__ import annotations

import argparse
import hashlib
import html as htmlmod
import random
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from devpages import html_to_dump, load_cases  # noqa: E402

from archive import Archive  # noqa: E402
from archive import dedupe_index  # noqa: E402
from pipeline import Options  # noqa: E402
from pipeline.dedupe import (  # noqa: E402
    band_keys,
    dedupe,
    estimated_jaccard,
    normalise,
    shingle_hashes,
    signature_from_bytes,
    signature_of_shingles,
)
from pipeline.document import Block, Document  # noqa: E402
from pipeline.runner import ingest  # noqa: E402

# Pinned floors (the targets of the dedupe stage).
MIN_PRECISION = 0.99
MIN_RECALL = 0.95
MAX_SLOWDOWN_100K = 2.0

SEED = 7
ORIGINAL_SHARE = 0.7
# Copies are made of originals with at least this many words: a 40-word
# brief cut to 60 % leaves ~25 words, too few to tell copy from coincidence
# (pipeline.dedupe.MIN_SHINGLES); such briefs are matched exactly only.
MIN_ORIGINAL_WORDS = 80
SPEED_QUERIES = 300
SPEED_SIZES = (1_000, 100_000)

# Same text in two dev pages (reviewed by hand): saved twice, or one agency
# story run by two outlets.
KNOWN_DEV_DUPLICATES = [
    ("89bcf864", "f30b5a3d"),  # heavenlynnhealthy.de, saved twice
    ("71abe67f", "89d7e60a"),  # womencantalksports.com, saved twice
    ("acacd2c8", "c24137de"),  # Forum Waffenrecht press release: djz.de and jagdverband.de
    ("3c273235", "e67cc974"),  # EFE wire on Boric in Magallanes: cooperativa.cl and 24horas.cl
]

_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+")


def sentences(text: str) -> list[str]:
    return [s for para in text.split("\n\n") for s in _SENTENCE_END.split(para) if s.strip()]


def paragraphs_of(text: str) -> list[list[str]]:
    return [[s for s in _SENTENCE_END.split(p) if s.strip()] for p in text.split("\n\n") if p.strip()]


def edit_sentence(sentence: str, rng: random.Random, vocabulary: list[str]) -> str:
    words = sentence.split()
    for _ in range(rng.randint(1, 3)):
        if len(words) < 4:
            break
        i = rng.randrange(len(words))
        action = rng.choice(("replace", "drop", "insert"))
        if action == "replace":
            words[i] = rng.choice(vocabulary)
        elif action == "drop":
            del words[i]
        else:
            words.insert(i, rng.choice(vocabulary))
    return " ".join(words)


def make_copy_text(text: str, rng: random.Random, vocabulary: list[str]) -> str:
    """Truncate to 60-80 % at a sentence end, then copy-edit 1-3 sentences."""
    paras = paragraphs_of(text)
    total = sum(len(s.split()) for p in paras for s in p)
    target = total * rng.uniform(0.6, 0.8)
    kept: list[list[str]] = []
    count = 0
    for para in paras:
        current: list[str] = []
        for sentence in para:
            if count >= target:
                break
            current.append(sentence)
            count += len(sentence.split())
        if current:
            kept.append(current)
        if count >= target:
            break
    slots = [(i, j) for i, p in enumerate(kept) for j in range(len(p))]
    for i, j in rng.sample(slots, min(len(slots), rng.randint(1, 3))):
        kept[i][j] = edit_sentence(kept[i][j], rng, vocabulary)
    return "\n\n".join(" ".join(p) for p in kept)


def other_title(title: str | None, text: str, rng: random.Random) -> str:
    first = " ".join(text.split()[:8]).rstrip(".,;:")
    options = [f"{first} …", f"UPDATE: {title}" if title else first, f"{(title or first).split(' - ')[0]} (report)"]
    return rng.choice(options)


class Template:
    """Another site's furniture: menu, related list and footer lines."""

    def __init__(self, name: str, lines: list[str], rng: random.Random):
        lines = [line for line in lines if 1 <= len(line.split()) <= 12] or ["Home", "News", "Contact"]
        rng.shuffle(lines)
        self.name = name
        self.menu = lines[:8]
        self.related = lines[8:14]
        self.footer = lines[14:18] or [f"© {name}"]

    def page(self, title: str, text: str, published: str | None) -> str:
        e = htmlmod.escape
        date = f'<meta property="article:published_time" content="{e(published)}">' if published else ""
        menu = "".join(f'<li><a href="/{i}">{e(x)}</a></li>' for i, x in enumerate(self.menu))
        related = "".join(f'<li><a href="/r{i}">{e(x)}</a></li>' for i, x in enumerate(self.related))
        body = "".join(f"<p>{e(p)}</p>" for p in text.split("\n\n"))
        footer = "".join(f"<p>{e(x)}</p>" for x in self.footer)
        return (
            f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{e(title)} | {e(self.name)}</title>"
            f'<meta property="og:site_name" content="{e(self.name)}">{date}</head><body>'
            f"<header><nav><ul>{menu}</ul></nav></header><main><article><h1>{e(title)}</h1>{body}</article>"
            f"<aside><h2>Related</h2><ul>{related}</ul></aside></main><footer>{footer}</footer></body></html>"
        )


def later(published: str | None, rng: random.Random) -> str | None:
    if not published or not re.match(r"\d{4}-\d\d-\d\d", published):
        return None
    from datetime import date, timedelta

    day = date.fromisoformat(published[:10]) + timedelta(days=rng.randint(1, 3))
    return day.isoformat()


def build_set(cases, original_texts: dict, rng: random.Random):
    """(files by kind {name: bytes}, truth {name: cluster}) for copies and negatives."""
    ids = [c.id for c in cases]
    by_id = {c.id: c for c in cases}
    originals = [i for i in ids if i in original_texts]
    # Pages with a known twin are no material for negatives (the twin may be an original).
    twins = {t for pair in KNOWN_DEV_DUPLICATES for t in pair}
    held_out = [i for i in ids if i not in original_texts and i[:8] not in twins]
    rng.shuffle(held_out)
    same_site, same_story_material = held_out[: len(held_out) // 2], held_out[len(held_out) // 2 :]
    vocabulary = [w for i in originals[:50] for w in original_texts[i]["text"].split()[:200]]
    templates = [Template(f"site{n}.example", by_id[rng.choice(ids)].without, rng) for n in range(40)]

    files: dict[str, bytes] = {}
    truth: dict[str, str] = {}
    kinds: dict[str, str] = {}
    quotes: dict[str, str] = {}  # same-story negative -> the original it quotes

    def add(name, page_html, cluster, kind):
        data = page_html.encode("utf-8")
        if name.endswith(".txt"):
            data = html_to_dump(data).encode("utf-8")
        files[name] = data
        truth[name] = cluster
        kinds[name] = kind

    for oid in originals:
        art = original_texts[oid]
        if len(art["text"].split()) < MIN_ORIGINAL_WORDS:
            continue
        for n in range(rng.choice((1, 2))):
            text = make_copy_text(art["text"], rng, vocabulary)
            page = rng.choice(templates).page(other_title(art["title"], text, rng), text, later(art["published"], rng))
            add(f"copy_{oid[:12]}_{n}.{rng.choice(('html', 'txt'))}", page, oid, "copy")
    for hid in same_site:
        text = fresh_text(by_id[hid])
        if len(text.split()) < MIN_ORIGINAL_WORDS:
            continue
        page = rng.choice(templates).page(text.split("\n\n")[0][:90], text, "2024-01-01")
        add(f"site_{hid[:12]}.{rng.choice(('html', 'txt'))}", page, f"neg:{hid}", "same_site")
    for hid in same_story_material:
        oid = rng.choice(originals)
        source = sentences(original_texts[oid]["text"])
        material = sentences(fresh_text(by_id[hid]))
        material_words = sum(len(x.split()) for x in material)
        if len(source) < 5 or material_words < MIN_ORIGINAL_WORDS:
            continue
        share = rng.uniform(0.2, 0.35)
        quoted = sorted(rng.sample(range(len(source)), max(1, round(share * len(source)))))
        # A report of its own: what it quotes is at most a third of it.
        while len(quoted) > 1 and sum(len(source[q].split()) for q in quoted) > material_words / 2:
            quoted.pop(rng.randrange(len(quoted)))
        mixed = list(material)
        for q in quoted:
            mixed.insert(rng.randrange(len(mixed) + 1), source[q])
        text = "\n\n".join(" ".join(mixed[i : i + 3]) for i in range(0, len(mixed), 3))
        title = other_title(original_texts[oid]["title"], original_texts[oid]["text"], rng)
        page = rng.choice(templates).page(title, text, original_texts[oid]["published"])
        name = f"story_{hid[:12]}.{rng.choice(('html', 'txt'))}"
        add(name, page, f"neg:story:{hid}", "same_story")
        quotes[name] = oid
    return files, truth, kinds, quotes


def fresh_text(case) -> str:
    """A held-out dev page's article text (trafilatura's, never ingested as such)."""
    import trafilatura

    return trafilatura.extract(case.html, include_comments=False) or ""


def page_id(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def pair_scores(pred: dict[str, str], truth: dict[str, str]) -> tuple[int, int, int]:
    """(true positive, false positive, false negative) pairs between the two clusterings."""
    from collections import Counter
    from math import comb

    both = Counter((pred[k], truth[k]) for k in truth)
    p = Counter(pred[k] for k in truth)
    t = Counter(truth[k] for k in truth)
    tp = sum(comb(n, 2) for n in both.values())
    return tp, sum(comb(n, 2) for n in p.values()) - tp, sum(comb(n, 2) for n in t.values()) - tp


def union_truth(truth: dict[str, str]) -> dict[str, str]:
    """Merge clusters of the known dev-page duplicates."""
    parent: dict[str, str] = {}

    def find(x):
        while parent.get(x, x) != x:
            x = parent[x]
        return x

    for a, b in KNOWN_DEV_DUPLICATES:
        ca = next((truth[k] for k in truth if k.startswith(a)), None)
        cb = next((truth[k] for k in truth if k.startswith(b)), None)
        if ca and cb:
            parent[find(ca)] = find(cb)
    return {k: find(v) for k, v in truth.items()}


def evaluate(arc: Archive, ids_by_name: dict[str, str], truth: dict[str, str], label: str, kinds: dict[str, str]) -> tuple[float, float]:
    rows = dict(arc.db.execute("select id, coalesce(duplicate_of, id) from articles").fetchall())
    present = {n: i for n, i in ids_by_name.items() if i in rows}
    missing = len(ids_by_name) - len(present)
    pred = {n: rows[i] for n, i in present.items()}
    t = union_truth({n: truth[n] for n in present})
    tp, fp, fn = pair_scores(pred, t)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    # Is each true cluster's canonical its original (earliest published)?
    originals = {truth[n]: i for n, i in present.items() if kinds.get(n) == "original"}
    clusters = {truth[n] for n in present if kinds.get(n) == "copy"}
    right = sum(1 for c in clusters if c in originals and rows[originals[c]] == originals[c])
    print(
        f"{label:<26} articles {len(present):5d} (not stored {missing})  pairs tp {tp} fp {fp} fn {fn}  "
        f"precision {precision:.4f}  recall {recall:.4f}  canonical = original in {right}/{len(clusters)} clusters"
    )
    signatures = {
        a: signature_from_bytes(b) if b else None
        for a, b in arc.db.execute("select article_id, signature from minhash_signatures")
    }
    by_pred: dict[str, list[str]] = {}
    for n in present:
        by_pred.setdefault(pred[n], []).append(n)
    for members in by_pred.values():
        if len({t[m] for m in members}) > 1:
            print(f"    merged across stories: {sorted(members)[:4]}")
    for n in present:
        if kinds.get(n) == "copy" and truth[n] in originals and pred[n] != rows[originals[truth[n]]]:
            a, b = signatures.get(present[n]), signatures.get(originals[truth[n]])
            sim = f"{estimated_jaccard(a, b):.2f}" if a is not None and b is not None else "n/a"
            print(f"    missed copy {n}: estimated Jaccard to its original {sim}")
    return precision, recall


def similarity_spread(arc: Archive, names: dict[str, str], truth: dict[str, str], kinds: dict[str, str], quotes: dict[str, str]) -> None:
    """Estimated Jaccard of copies and of same-story negatives to their original (threshold calibration)."""
    signatures = {
        a: signature_from_bytes(b) for a, b in arc.db.execute("select article_id, signature from minhash_signatures") if b
    }

    def sim(name, original):
        a, b = signatures.get(names[name]), signatures.get(names.get(f"{original}.html", ""))
        return estimated_jaccard(a, b) if a is not None and b is not None else None

    copies = sorted(x for n in names if kinds.get(n) == "copy" for x in [sim(n, truth[n])] if x is not None)
    negatives = sorted(x for n, o in quotes.items() if n in names for x in [sim(n, o)] if x is not None)

    def q(xs, f):
        return xs[min(len(xs) - 1, int(f * len(xs)))] if xs else float("nan")

    print(
        f"estimated Jaccard to the original: copies min {q(copies, 0):.2f} p2 {q(copies, 0.02):.2f} p5 {q(copies, 0.05):.2f} "
        f"median {q(copies, 0.5):.2f}; same-story negatives median {q(negatives, 0.5):.2f} p95 {q(negatives, 0.95):.2f} "
        f"max {q(negatives, 1):.2f}"
    )


def run_ingest(arc, batches, workers):
    for batch in batches:
        ingest([str(p) for p in batch], arc, Options(), workers=workers)


def quality(cases, workers: int, rng: random.Random, tmp: Path) -> bool:
    originals = cases[: round(len(cases) * ORIGINAL_SHARE)]
    orig_dir = tmp / "originals"
    orig_dir.mkdir()
    names: dict[str, str] = {}
    truth: dict[str, str] = {}
    kinds: dict[str, str] = {}
    for c in originals:
        (orig_dir / f"{c.id}.html").write_bytes(c.html)
        names[f"{c.id}.html"] = page_id(c.html)
        truth[f"{c.id}.html"] = c.id
        kinds[f"{c.id}.html"] = "original"

    # Order 1: originals in batch 1, copies and negatives in batches 2 and 3.
    t0 = time.monotonic()
    later_arc = Archive(tmp / "later.db")
    run_ingest(later_arc, [sorted(orig_dir.iterdir())], workers)
    stored = {
        row[0]: {"text": row[1], "title": row[2], "published": row[3]}
        for row in later_arc.db.execute("select page_id, text, title, published from articles")
    }
    original_texts = {c.id: stored[page_id(c.html)] for c in originals if page_id(c.html) in stored}
    files, copy_truth, copy_kinds, quotes = build_set(cases, original_texts, rng)
    copy_dir = tmp / "copies"
    copy_dir.mkdir()
    for name, data in files.items():
        (copy_dir / name).write_bytes(data)
        names[name] = page_id(data)
    truth.update(copy_truth)
    kinds.update(copy_kinds)
    copies = sorted(copy_dir.iterdir())
    rng.shuffle(copies)
    run_ingest(later_arc, [copies[: len(copies) // 2], copies[len(copies) // 2 :]], workers)
    counts = {k: list(kinds.values()).count(k) for k in ("original", "copy", "same_site", "same_story")}
    print(f"set: {counts}  ({time.monotonic() - t0:.0f} s to ingest)")
    results = [evaluate(later_arc, names, truth, "copies in later batches", kinds)]
    similarity_spread(later_arc, names, truth, kinds, quotes)
    later_arc.close()

    # Order 2: everything shuffled into three batches.
    every = sorted(orig_dir.iterdir()) + copies
    rng.shuffle(every)
    mixed_arc = Archive(tmp / "mixed.db")
    third = len(every) // 3
    run_ingest(mixed_arc, [every[:third], every[third : 2 * third], every[2 * third :]], workers)
    results.append(evaluate(mixed_arc, names, truth, "shuffled into 3 batches", kinds))
    mixed_arc.close()
    return all(p >= MIN_PRECISION and r >= MIN_RECALL for p, r in results)


# -- speed -----------------------------------------------------------------


def text_doc(text: str, source: str) -> Document:
    doc = Document(source=source, raw=text.encode("utf-8"), format="text")
    doc.blocks = [Block(text=p, kind="p") for p in text.split("\n\n")]
    return doc


def fill(arc: Archive, n: int, pool: list[str], rng: random.Random) -> None:
    """Insert synthetic articles straight into the index tables until the archive holds n.

    A synthetic article is 15-40 random dev-page sentences.  Its signature is
    the element-wise minimum of its sentences' signatures: MinHash of a union
    is the minimum of the MinHashes (shingles across sentence ends left out),
    which makes 100k articles cheap to build.
    """
    db = arc.db
    sentence_sigs = np.stack([signature_of_shingles(s) for s in (shingle_hashes(normalise(x)) for x in pool) if len(s)])
    done = db.execute("select count(*) from articles").fetchone()[0]
    for start in range(done, n, 5000):
        rows = []
        for k in range(start, min(n, start + 5000)):
            picks = rng.sample(range(len(sentence_sigs)), rng.randint(15, 40))
            article_id = hashlib.sha256(f"synthetic {k}".encode()).hexdigest()
            rows.append((article_id, sentence_sigs[picks].min(axis=0), 20 * len(picks)))
        with db.conn:
            db.conn.executemany(
                "insert into articles (id, page_id, content_hash, word_count, published, ingested_at) values (?, ?, ?, ?, ?, ?)",
                [(a, a, a, words, "2020-01-01", "2020-01-01") for a, _, words in rows],
            )
            for a, signature, _ in rows:
                dedupe_index.insert_signature(db, a, signature, None)


def dedupe_seconds(arc: Archive, doc: Document) -> float:
    """Seconds to dedupe and index one document (committed); the archive is left as it was."""
    doc.status, doc.duplicate_of, doc.merges, doc.similarity, doc.reason = "ok", None, [], None, None
    start = time.perf_counter()
    with arc.db.conn:
        dedupe(doc, arc)
        dedupe_index.record(arc.db, doc)
    seconds = time.perf_counter() - start
    with arc.db.conn:
        dedupe_index.delete_signature(arc.db, doc.id)
    return seconds


def speed(cases, rng: random.Random, tmp: Path) -> bool:
    # Text dumps of dev pages (no extraction needed): real text of article size.
    texts = [t for t in (html_to_dump(c.html) for c in cases) if len(t.split()) >= MIN_ORIGINAL_WORDS]
    queries = texts[:SPEED_QUERIES]
    # The queries' own sentences are in the pool too: synthetic articles then
    # share sentences with them (more of them in the larger archive), as
    # articles quoting the same statements do, and their buckets collide.
    pool = [x for t in texts for x in sentences(t) if len(x.split()) >= 6]
    docs = [text_doc(t, f"q{i}") for i, t in enumerate(queries)]
    archives = {}
    for size in SPEED_SIZES:
        t0 = time.monotonic()
        archives[size] = Archive(tmp / f"speed{size}.db")
        fill(archives[size], size, pool, rng)
        print(f"archive of {size} synthetic articles filled in {time.monotonic() - t0:.0f} s")
    # Interleaved, so that load from other processes weighs on both sizes alike.
    times: dict[int, list[float]] = {size: [] for size in SPEED_SIZES}
    for n, doc in enumerate(docs):
        for size in SPEED_SIZES if n % 2 else reversed(SPEED_SIZES):
            times[size].append(dedupe_seconds(archives[size], doc))
    figures = {}
    for size, arc in archives.items():
        figures[size] = statistics.median(times[size])
        candidates = sum(len(arc.near_candidates(band_keys(d.minhash), d.id)) for d in docs if d.minhash is not None)
        print(
            f"{size:>7} archived articles: {figures[size] * 1000:.2f} ms per document to dedupe and index "
            f"(median of {len(docs)}; {candidates / len(docs):.2f} LSH candidates per document)"
        )
        arc.close()
    ratio = figures[SPEED_SIZES[-1]] / figures[SPEED_SIZES[0]]
    print(f"ratio {SPEED_SIZES[-1] // 1000}k / {SPEED_SIZES[0] // 1000}k: {ratio:.2f}x")
    return ratio <= MAX_SLOWDOWN_100K


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, help="only the first N dev pages (quick runs)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--skip-speed", action="store_true")
    parser.add_argument("--skip-quality", action="store_true")
    args = parser.parse_args()
    cases = load_cases(limit=args.limit)
    rng = random.Random(SEED)
    rng.shuffle(cases)
    ok = True
    with tempfile.TemporaryDirectory() as tmp:
        if not args.skip_quality:
            ok &= quality(cases, args.workers, rng, Path(tmp))
        if not args.skip_speed:
            ok &= speed(cases, random.Random(SEED), Path(tmp))
    if not ok:
        print(f"FAILED: floors are precision >= {MIN_PRECISION}, recall >= {MIN_RECALL}, 100k/1k <= {MAX_SLOWDOWN_100K}x")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
