from archive import Archive, export_articles
from conftest import datasette_json
from pipeline import Options, ingest
from pipeline.dedupe import (
    MIN_SHINGLES,
    Candidate,
    REASON_EXACT,
    MemoryIndex,
    content_hash,
    dedupe,
    estimated_jaccard,
    minhash,
)
from pipeline.document import Block, Document

STORY = [
    "The regional water authority announced on Tuesday that the reservoir near the northern valley had reached its "
    "lowest level in thirty years, after a summer with almost no rain.",
    "Engineers said the pumping stations would keep running at reduced capacity, and that households in the valley "
    "should expect lower pressure in the evenings until the autumn storms arrive.",
    "Farmers in the area have already cut their irrigation by a third, according to the agricultural union, which "
    "asked the government for emergency support to cover the losses of the season.",
    "The authority plans to open a second pipeline from the southern lakes next spring, a project that has been "
    "delayed twice because of disputes over the route through the protected forest.",
    "Residents were asked to avoid washing cars and watering gardens, and inspectors will visit neighbourhoods where "
    "consumption remains above the average of the last three months.",
]
OTHER_STORY = [
    "Die Stadtbibliothek öffnet nach zwei Jahren Umbau wieder ihre Türen und bietet nun einen eigenen Raum für "
    "Kinder, eine Werkstatt mit Druckern und längere Öffnungszeiten am Wochenende.",
    "Die Leiterin der Bibliothek sagte bei der Eröffnung, man wolle vor allem Jugendliche zurückgewinnen, die in den "
    "letzten Jahren kaum noch Bücher ausgeliehen hätten.",
    "Der Umbau kostete rund vier Millionen Euro, die zum größten Teil aus einem Förderprogramm des Landes stammen, "
    "und wurde trotz Lieferengpässen nur wenige Wochen später fertig als geplant.",
    "Zur Eröffnung gibt es eine Lesung mit einer Autorin aus der Region sowie Führungen durch das Magazin, das bisher "
    "für Besucher verschlossen war.",
]


def page(title: str, paragraphs: list[str], published: str = "2024-05-02", site: str = "Example Times") -> str:
    """A news page with its own furniture around the article."""
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f"<html><head><title>{title}</title><meta property='og:site_name' content='{site}'>"
        f"<meta property='article:published_time' content='{published}'></head><body>"
        f"<nav><ul><li><a href='/'>Home</a></li><li><a href='/w'>World</a></li><li><a href='/s'>Sport</a></li></ul></nav>"
        f"<article><h1>{title}</h1>{body}</article>"
        f"<footer><p>© {site}. All rights reserved.</p><p><a href='/privacy'>Privacy policy</a></p></footer></body></html>"
    )


def text_doc(paragraphs: list[str], source: str, published: str | None = None) -> Document:
    doc = Document(source=source, raw=(source + "\n".join(paragraphs)).encode(), format="text")
    doc.blocks = [Block(text=p, kind="p") for p in paragraphs]
    doc.metadata["published"] = published
    return doc


def edited(paragraphs: list[str]) -> list[str]:
    """Cut short to the first four paragraphs, with one sentence copy-edited."""
    cut = list(paragraphs[:4])
    cut[1] = cut[1].replace("reduced capacity", "a reduced capacity for now").replace("households", "homes")
    return cut


def ingest_files(tmp_path, db, files: dict[str, str]):
    batch = tmp_path / f"batch{len(list(tmp_path.glob('batch*')))}"
    batch.mkdir()
    for name, html in files.items():
        (batch / name).write_text(html, encoding="utf-8")
    archive = Archive(db)
    try:
        return ingest([str(batch)], archive, Options(format="html"))
    finally:
        archive.close()


def articles(db) -> dict[str, dict]:
    archive = Archive(db)
    try:
        rows = archive.db.execute("select a.id, a.title, a.duplicate_of, p.status, p.source from articles a join pages p on p.id = a.id")
        return {row[4].rsplit("/", 1)[-1]: {"id": row[0], "title": row[1], "duplicate_of": row[2], "status": row[3]} for row in rows}
    finally:
        archive.close()


def test_content_hash_folds_case_spacing_punctuation_digits():
    assert content_hash("Water, water — 2024!") == content_hash("water water 1999")
    assert content_hash("water") != content_hash("wasser")


def test_signature_estimates_jaccard():
    full = " ".join(STORY)
    assert estimated_jaccard(minhash(full), minhash(full)) == 1.0
    assert estimated_jaccard(minhash(full), minhash(" ".join(edited(STORY)))) > 0.5
    assert estimated_jaccard(minhash(full), minhash(" ".join(OTHER_STORY))) < 0.1
    # Texts too short to compare get no signature (they are matched exactly only).
    assert minhash("Short brief of ten words here, nothing more to say.") is None
    assert MIN_SHINGLES > 5


def test_memory_index_exact_and_near_copy():
    index = MemoryIndex()
    original = dedupe(text_doc(STORY, "a"), index)
    exact = dedupe(text_doc([p.upper() for p in STORY], "b"), index)
    near = dedupe(text_doc(edited(STORY), "c"), index)
    other = dedupe(text_doc(OTHER_STORY, "d"), index)
    assert original.status == "ok"
    assert (exact.status, exact.reason, exact.duplicate_of) == ("duplicate", REASON_EXACT, original.id)
    assert near.status == "duplicate" and near.duplicate_of == original.id
    assert near.reason.startswith("duplicate: near copy of an archived article (estimated Jaccard 0.")
    assert other.status == "ok" and other.duplicate_of is None


def test_memory_index_repoints_to_earlier_published():
    index = MemoryIndex()
    late = dedupe(text_doc(STORY, "late", published="2024-05-03"), index)
    copy = dedupe(text_doc(edited(STORY), "copy", published="2024-05-04"), index)
    early = dedupe(text_doc(edited(STORY), "early-wire", published="2024-05-01"), index)
    assert copy.duplicate_of == late.id
    assert early.status == "ok" and early.merges == [late.id]
    assert index.duplicate_of == {copy.id: early.id, late.id: early.id}


def test_original_joins_two_differently_cut_copies():
    index = MemoryIndex()
    head = dedupe(text_doc(STORY[:3], "head", published="2024-05-03"), index)
    tail = dedupe(text_doc(STORY[2:], "tail", published="2024-05-03"), index)
    assert tail.status == "ok"  # the two cuts share one paragraph: not copies of each other
    full = dedupe(text_doc(STORY, "full", published="2024-05-02"), index)
    assert full.status == "ok" and sorted(full.merges) == sorted([head.id, tail.id])
    assert index.duplicate_of == {head.id: full.id, tail.id: full.id}


def test_near_copy_found_across_two_ingest_runs(tmp_path):
    db = str(tmp_path / "news.db")
    first = ingest_files(tmp_path, db, {"original.html": page("Reservoir at a 30-year low", STORY)})
    assert first.counts["ok"] == 1
    # Another site, another headline, cut short, one sentence edited, a day later.
    second = ingest_files(
        tmp_path,
        db,
        {
            "copy.html": page("Drought: valley reservoir nearly empty", edited(STORY), "2024-05-03", "Daily Courier"),
            "other.html": page("Bibliothek wieder offen", OTHER_STORY, "2024-05-03", "Daily Courier"),
        },
    )
    assert second.counts["duplicate"] == 1 and second.counts["ok"] == 1
    rows = articles(db)
    assert rows["copy.html"]["duplicate_of"] == rows["original.html"]["id"]
    assert rows["copy.html"]["status"] == "duplicate"
    assert rows["other.html"]["duplicate_of"] is None
    archive = Archive(db)
    assert len(list(export_articles(archive.db))) == 2
    assert len(list(export_articles(archive.db, include_duplicates=True))) == 3
    archive.close()


class EveryCandidateIndex(MemoryIndex):
    """Proposes every stored article, so that only the confirmation decides."""

    def near_candidates(self, keys, exclude_id):
        return [Candidate(a, self._canonical_of(a), s) for a, s in self._signatures.items() if a != exclude_id]


def test_follow_up_quoting_the_story_is_not_a_copy_even_as_candidate():
    index = EveryCandidateIndex()
    dedupe(text_doc(STORY, "a"), index)
    follow = dedupe(text_doc(FOLLOW_UP, "b"), index)
    assert (follow.status, follow.duplicate_of, follow.merges) == ("ok", None, [])
    assert index.duplicate_of == {}
    copy = dedupe(text_doc(edited(STORY), "c"), index)
    assert copy.status == "duplicate"


def test_hard_negative_same_site_same_story_not_merged(tmp_path):
    db = str(tmp_path / "news.db")
    ingest_files(tmp_path, db, {"original.html": page("Reservoir at a 30-year low", STORY)})
    ingest_files(tmp_path, db, {"follow.html": page("Reservoir at a 30-year low: week two", FOLLOW_UP, "2024-05-09")})
    rows = articles(db)
    assert [r["duplicate_of"] for r in rows.values()] == [None, None]


# A follow-up on the same story, on the same site, quoting two of its sentences.
FOLLOW_UP = [
    "A week after the warning, the water authority said consumption in the valley had fallen by a fifth, "
    "more than the engineers had hoped for when the restrictions began.",
    STORY[0],
    "Several villages still reported dry taps at night, and the mayor of the largest one asked for tanker "
    "trucks to be sent until the pressure in the network returns to normal.",
    STORY[2],
    "The union will meet the agriculture minister on Friday to discuss compensation, which it estimates at "
    "several million for the whole region if the autumn remains dry.",
]


def test_earlier_published_copy_becomes_canonical(tmp_path):
    db = str(tmp_path / "news.db")
    ingest_files(
        tmp_path,
        db,
        {
            "syndicated.html": page("Reservoir at a 30-year low", STORY, "2024-05-03", "Daily Courier"),
            "syndicated2.html": page("Valley reservoir: record low", edited(STORY), "2024-05-04", "Evening Post"),
        },
    )
    # The agency's original, published first, arrives in a later batch.
    ingest_files(tmp_path, db, {"wire.html": page("Reservoir at lowest level in 30 years", STORY[:4], "2024-05-02", "Wire")})
    rows = articles(db)
    wire = rows["wire.html"]
    assert wire["duplicate_of"] is None and wire["status"] == "ok"
    assert rows["syndicated.html"]["duplicate_of"] == wire["id"]
    assert rows["syndicated2.html"]["duplicate_of"] == wire["id"]
    assert rows["syndicated.html"]["status"] == "duplicate"
    archive = Archive(db)
    reason = archive.db.execute("select reason from pages where id = ?", [rows["syndicated.html"]["id"]]).fetchone()[0]
    assert reason.startswith("duplicate: superseded by an earlier or more complete copy")
    cluster = archive.db.execute("select copy_id, similarity from duplicates where canonical_id = ?", [wire["id"]]).fetchall()
    archive.close()
    assert {c for c, _ in cluster} == {rows["syndicated.html"]["id"], rows["syndicated2.html"]["id"]}
    assert all(0.4 <= s <= 1.0 for _, s in cluster)


def test_same_day_longer_copy_is_canonical(tmp_path):
    db = str(tmp_path / "news.db")
    ingest_files(tmp_path, db, {"short.html": page("Reservoir low", STORY[:4])})
    ingest_files(tmp_path, db, {"full.html": page("Reservoir at a 30-year low", STORY, site="Other Times")})
    rows = articles(db)
    assert rows["full.html"]["duplicate_of"] is None
    assert rows["short.html"]["duplicate_of"] == rows["full.html"]["id"]


def test_identical_page_reingested_creates_nothing(tmp_path):
    db = str(tmp_path / "news.db")
    html = page("Reservoir at a 30-year low", STORY)
    ingest_files(tmp_path, db, {"original.html": html})
    again = ingest_files(tmp_path, db, {"same-bytes-other-name.html": html})
    assert again.counts["unchanged"] == 1 and again.counts["ok"] == again.counts["duplicate"] == 0
    archive = Archive(db)
    counts = {t: archive.db[t].count for t in ("pages", "articles", "minhash_signatures")}
    archive.close()
    assert counts == {"pages": 1, "articles": 1, "minhash_signatures": 1}


def test_duplicates_view_and_band_index(tmp_path):
    db = str(tmp_path / "news.db")
    ingest_files(tmp_path, db, {"original.html": page("Reservoir at a 30-year low", STORY)})
    ingest_files(tmp_path, db, {"copy.html": page("Drought in the valley", edited(STORY), "2024-05-03", "Daily Courier")})
    archive = Archive(db)
    try:
        assert "duplicates" in archive.db.view_names()
        rows = [dict(r) for r in archive.db.query("select * from duplicates")]
        assert len(rows) == 1
        assert set(rows[0]) == {"canonical_id", "title", "site", "copy_id", "copy_site", "similarity"}
        assert (rows[0]["site"], rows[0]["copy_site"]) == ("Example Times", "Daily Courier")
        assert 0.4 <= rows[0]["similarity"] < 1.0
        plan = " ".join(
            str(r) for r in archive.db.execute("explain query plan select signature_id from lsh_bands where band = 1 and bucket = 2")
        )
        assert "USING PRIMARY KEY" in plan or "USING INDEX" in plan
        assert archive.db["lsh_bands"].count == 2 * 42
    finally:
        archive.close()


def test_datasette_serves_duplicates_view_and_clusters_query(tmp_path):
    db = tmp_path / "news.db"
    ingest_files(tmp_path, str(db), {"original.html": page("Reservoir at a 30-year low", STORY)})
    ingest_files(tmp_path, str(db), {"copy.html": page("Drought in the valley", edited(STORY), "2024-05-03", "Daily Courier")})
    view, clusters = datasette_json(db, "/news/duplicates.json?_shape=array", "/news/duplicate_clusters.json?_shape=array")
    assert [r["copy_site"] for r in view] == ["Daily Courier"]
    assert [(c["copies"], c["site"]) for c in clusters] == [(1, "Example Times")]


def copy_found_after_tampering(tmp_path, *statements: str) -> bool:
    """Ingest an original, change its stored index, then check a copy ingested later is still found."""
    db = str(tmp_path / "news.db")
    ingest_files(tmp_path, db, {"original.html": page("Reservoir at a 30-year low", STORY)})
    archive = Archive(db)
    for sql in statements:
        archive.db.execute(sql)
    archive.db.conn.commit()
    archive.close()
    ingest_files(tmp_path, db, {"copy.html": page("Drought in the valley", edited(STORY), "2024-05-03", "Daily Courier")})
    rows = articles(db)
    return rows["copy.html"]["duplicate_of"] == rows["original.html"]["id"]


def test_index_backfilled_for_older_archives(tmp_path):
    assert copy_found_after_tampering(tmp_path, "delete from lsh_bands", "delete from minhash_signatures")


def test_index_rebuilt_when_parameters_change(tmp_path):
    assert copy_found_after_tampering(
        tmp_path,
        "update dedupe_settings set value = 'minhash-v0 shingles=3'",
        "update minhash_signatures set signature = zeroblob(504)",
    )


def test_signature_is_the_same_when_computed_in_chunks():
    import numpy as np

    from pipeline import dedupe as d

    shingles = np.random.default_rng(1).integers(0, 2**63, 3 * d.SIGNATURE_CHUNK + 5, dtype=np.uint64)
    with np.errstate(over="ignore"):
        whole = ((shingles[:, None] * d._PERM_A[None, :] + d._PERM_B[None, :]) >> np.uint64(32)).min(axis=0)
    assert (d.signature_of_shingles(shingles) == whole.astype(np.uint32)).all()
