"""Site memory: lines a site prints on many pages are removed from its later pages."""

import pytest
from click.testing import CliRunner

from archive import Archive
from archive.site_memory import ArchiveSiteMemory, rebuild_site_memory
from pipeline.cli import cli
from pipeline.document import Block, Document
from pipeline.site_memory import MIN_SITE_PAGES, MemorySiteMemory, apply_site_memory, learn_from, site_key

SIGN_OFF = "Example Daily is an independent newspaper covering the whole region since 1998, read by thousands of people every day."
TOPICS = ["the harbour", "the new bridge", "the school budget", "the river flood", "the railway line", "the city theatre", "the farmers' market", "the hospital wing"]


SENTENCES = [
    "The council approved the harbour budget after a long debate on Monday evening.",
    "Fishermen said the new quay would let larger boats land their catch in winter.",
    "A bridge over the river will be closed for repairs from the first week of June.",
    "Engineers found cracks in two of the supporting pillars during a routine survey.",
    "Parents protested outside the school against plans to merge two primary classes.",
    "The headteacher promised that no teacher would lose their job because of the change.",
    "Heavy rain flooded the lower streets of the old town for the third time this year.",
    "Shop owners asked the mayor for help to pay for new doors that keep the water out.",
    "The railway company announced a faster service to the capital starting next spring.",
    "Commuters welcomed the news but complained that ticket prices would rise again.",
    "The theatre reopened after two years with a play written by a local student.",
    "Tickets for the first week sold out within an hour of going on sale online.",
    "Farmers brought early strawberries and asparagus to the market on Saturday.",
    "A cold April delayed the harvest by almost three weeks in the northern valleys.",
    "The hospital opened a new children's wing funded by donations from residents.",
    "Nurses said the extra beds would shorten waiting times in the emergency room.",
    "Volunteers planted four hundred oak saplings along the northern edge of the park.",
    "The mayor said the trees would shade the playground within a decade or so.",
    "Police closed the main square on Friday night after a water pipe burst under it.",
    "Traffic was diverted through the industrial estate until repairs ended on Sunday.",
    "The library extended its opening hours to ten in the evening during exam season.",
    "Students queued at the doors each morning to find a seat in the reading room.",
    "A local bakery won the regional prize for the best rye bread for the second time.",
    "The owner said the recipe had been handed down by her grandmother in 1952.",
]


def article(n: int) -> str:
    """Two paragraphs no other page shares (pages must not be near-duplicates of each other)."""
    picked = [SENTENCES[(n * 3 + k) % len(SENTENCES)] for k in range(3)]
    return " ".join(picked[:2]) + "\n" + picked[2] + "\n"


def page(n: int, site: str = "example-daily.com") -> Document:
    lines = (article(n) + SIGN_OFF).split("\n")
    doc = Document(source=f"{n}.txt", raw=f"{n}{site}".encode(), format="text")
    doc.metadata["url"] = f"https://www.{site}/news/{n}"
    doc.blocks = [Block(text=line) for line in lines if line]
    return doc


def test_site_key_prefers_the_url_host():
    assert site_key(page(1)) == "example-daily.com"
    doc = Document(source="x")
    doc.metadata["site"] = "AzerNews"
    assert site_key(doc) == "azernews"


def test_line_on_every_page_is_removed_once_there_is_evidence():
    memory = MemorySiteMemory()
    for n in range(MIN_SITE_PAGES):
        doc = apply_site_memory(page(n), memory)
        assert SIGN_OFF in doc.text  # not enough evidence yet
        learn_from(doc, memory)
    doc = apply_site_memory(page(99), memory)
    assert SIGN_OFF not in doc.text
    assert [r.rule for r in doc.removed] == ["site_memory"]
    assert article(99).split("\n")[0] in doc.text


def test_small_site_is_not_pruned():
    memory = MemorySiteMemory()
    for n in range(MIN_SITE_PAGES - 1):
        learn_from(page(n), memory)
    assert SIGN_OFF in apply_site_memory(page(99), memory).text


def test_other_sites_are_not_affected():
    memory = MemorySiteMemory()
    for n in range(MIN_SITE_PAGES + 2):
        learn_from(page(n), memory)
    assert SIGN_OFF in apply_site_memory(page(99, site="other-news.org"), memory).text


def test_republished_page_is_left_to_dedupe():
    memory = MemorySiteMemory()
    for n in range(MIN_SITE_PAGES + 1):
        learn_from(_variant(page(1), n), memory)
    doc = apply_site_memory(_variant(page(1), 99), memory)
    # The whole article is "repeated": memory leaves it, sign-off included, to dedupe.
    assert doc.text == "\n\n".join(b.text for b in page(1).blocks)


def _variant(doc: Document, n: int) -> Document:
    doc.raw = f"variant {n}".encode()
    return doc


def test_archive_memory_counts_each_page_once_and_rebuilds_the_same(tmp_path):
    archive = Archive(tmp_path / "a.db")
    memory = ArchiveSiteMemory(archive.db)
    for n in range(MIN_SITE_PAGES + 1):
        doc = page(n)
        doc.content_hash = str(n)
        archive.write(doc)
        learn_from(doc, memory)
        learn_from(doc, memory)  # idempotent per page
    before = memory.boilerplate("example-daily.com")
    assert len(before) == 1
    counts = archive.db.execute("select pages from site_lines where line = ?", [SIGN_OFF]).fetchone()[0]
    assert counts == MIN_SITE_PAGES + 1
    figures = rebuild_site_memory(archive.db)
    assert figures["pages"] == MIN_SITE_PAGES + 1 and figures["sites"] == 1
    assert memory.boilerplate("example-daily.com") == before


def write_site_batch(tmp_path):
    """One more text dump of the same site than memory needs; each names its site twice."""
    src = tmp_path / "batch"
    src.mkdir()
    for n in range(MIN_SITE_PAGES + 1):
        body = article(n) + "Read example-daily.com for more; example-daily.com is free.\n" + SIGN_OFF
        (src / f"{n:02}.txt").write_text(body, encoding="utf-8")
    return src


def test_ingest_removes_a_sites_sign_off_from_later_pages(tmp_path):
    src = write_site_batch(tmp_path)
    db = str(tmp_path / "a.db")
    result = CliRunner().invoke(cli, ["ingest", str(src), "--db", db])
    assert result.exit_code == 0, result.output
    arc = Archive(db)
    rows = arc.db.execute("select p.source, r.text from removed_blocks r join pages p on p.id = r.page_id where r.rule = 'site_memory'").fetchall()
    # Only the last page, the first with enough evidence, loses the two lines every page repeats.
    assert {source.rsplit("/", 1)[-1] for source, _ in rows} == {f"{MIN_SITE_PAGES:02}.txt"}
    assert sorted(text for _, text in rows) == sorted([SIGN_OFF, "Read example-daily.com for more; example-daily.com is free."])
    shown = CliRunner().invoke(cli, ["sites", "show", "example-daily.com", "--db", db])
    assert f"{MIN_SITE_PAGES + 1} pages learned" in shown.output


def test_sites_rebuild_command_and_switching_memory_off(tmp_path):
    src = write_site_batch(tmp_path)
    db = str(tmp_path / "a.db")
    runner = CliRunner()
    assert runner.invoke(cli, ["ingest", str(src), "--db", db, "--no-site-memory"]).exit_code == 0
    arc = Archive(db)
    assert arc.db.execute("select count(*) from removed_blocks where rule = 'site_memory'").fetchone()[0] == 0
    assert "site_pages" not in arc.db.table_names() or arc.db["site_pages"].count == 0
    result = runner.invoke(cli, ["sites", "rebuild", "--db", db])
    assert result.exit_code == 0, result.output
    assert f"from {MIN_SITE_PAGES + 1} pages of 1 sites" in result.output


def _site_memory(db) -> tuple[set, set]:
    return (
        set(db.execute("select site, page_id from site_pages").fetchall()),
        set(db.execute("select site, line_hash, pages from site_lines").fetchall()),
    )


def test_a_page_superseded_by_a_better_copy_leaves_site_memory(tmp_path):
    # A later-dated copy comes first and is learned; the original then supersedes it.
    from conftest import SEEDS
    from pipeline import ingest

    original = (SEEDS / "001_d36ab26fb6574df0.txt").read_text(encoding="utf-8")
    src = tmp_path / "batch"
    src.mkdir()
    (src / "a_later.txt").write_text(original.replace(" date 2022-06-21", " date 2022-06-25", 1), encoding="utf-8")
    (src / "b_original.txt").write_text(original, encoding="utf-8")
    arc = Archive(tmp_path / "a.db")
    try:
        summary = ingest([str(src)], arc, site_memory=ArchiveSiteMemory(arc.db))
        assert summary.counts["ok"] == 2  # both stored as articles; the first then superseded
        assert summary.counts["superseded"] == 1 and "1 article stored before now a copy of a better one" in summary.as_text()
        statuses = dict(arc.db.execute("select source, status from pages").fetchall())
        assert statuses == {str(src / "a_later.txt"): "duplicate", str(src / "b_original.txt"): "ok"}
        learned = _site_memory(arc.db)
        assert len(learned[0]) == 1
        rebuild_site_memory(arc.db)
        assert _site_memory(arc.db) == learned
    finally:
        arc.close()


def test_a_page_is_learned_in_the_transaction_that_stores_it(tmp_path, monkeypatch):
    # Interrupted between storing a page and learning it, the next ingest would skip it as archived.
    import pipeline.runs
    from pipeline import ingest

    monkeypatch.setattr(pipeline.runs, "BATCH_PAGES", 2)  # pages are stored in batches, each whole or not at all

    src = write_site_batch(tmp_path)

    class Interrupted(ArchiveSiteMemory):
        def learn(self, site, page_id, lines):
            if self.db["site_pages"].count == 2:
                raise KeyboardInterrupt
            super().learn(site, page_id, lines)

    arc = Archive(tmp_path / "a.db")
    try:
        with pytest.raises(KeyboardInterrupt):
            ingest([str(src)], arc, site_memory=Interrupted(arc.db))
        assert arc.db["pages"].count == 2  # the third page's batch went with its learning
        assert arc.db["runs"].get(1)["status"] == "interrupted"
        ingest([str(src)], arc, site_memory=ArchiveSiteMemory(arc.db))
        ok = {row[0] for row in arc.db.execute("select id from pages where status = 'ok'")}
        assert len(ok) == MIN_SITE_PAGES + 1
        assert {page_id for _, page_id in _site_memory(arc.db)[0]} == ok
    finally:
        arc.close()
