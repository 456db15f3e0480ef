import pytest
import sqlite_utils

from archive import Archive, export_articles, search, stats
from pipeline import Document
from pipeline.dedupe import dedupe
from pipeline.document import Block
from pipeline.runner import process_document


def make_doc(text: str, source: str = "x.txt") -> Document:
    doc = Document(source=source, raw=text.encode(), format="text")
    doc.blocks = [Block(text=line, kind="line") for line in text.split("\n")]
    return doc


ARTICLE = (
    "Menu\nHome\nThe mine clearance agency said on Monday that it had cleared another two thousand hectares "
    "of farmland in the region, and that the work would continue through the winter months.\n"
    "Officials added that the cleared land would be returned to the families who had farmed it before the "
    "conflict, once the final survey of the area was complete and the roads were repaired."
)


def test_write_and_search(archive):
    doc = dedupe(process_document(make_doc(ARTICLE), _options()), archive)
    archive.write(doc)
    hits = search(archive.db, "hectares")
    assert [h["id"] for h in hits] == [doc.id]
    assert archive.db["removed_blocks"].count == 2  # "Menu", "Home"
    assert stats(archive.db)["articles"] == 1


def test_words_inside_chinese_and_thai_sentences_are_found(archive):
    import json
    from pathlib import Path

    pages = json.loads((Path(__file__).parent / "data" / "text_pages" / "languages.json").read_text(encoding="utf-8"))
    ids = {}
    for language in ("zh", "th", "en_stub"):
        if language == "en_stub":
            doc = dedupe(process_document(make_doc(ARTICLE), _options()), archive)
        else:
            page = pages[language]
            doc = dedupe(process_document(make_doc("\n".join(page["menu"] + page["paragraphs"])), _options()), archive)
        archive.write(doc)
        ids[language] = doc.id
    # One token to FTS5's unicode61 tokenizer: "国家统计局周二公布的数据显示".
    hits = search(archive.db, "国内生产总值")
    assert [h["id"] for h in hits] == [ids["zh"]]
    assert "[国内生产总值]" in hits[0]["snippet"]
    assert [h["id"] for h in search(archive.db, "ไข้เลือดออก")] == [ids["th"]]
    assert search(archive.db, "国内生产总值 足球") == []  # every term must occur
    assert [h["id"] for h in search(archive.db, "hectares")] == [ids["en_stub"]]


def test_exact_copy_points_at_original(archive):
    original = dedupe(process_document(make_doc(ARTICLE, "a.txt"), _options()), archive)
    archive.write(original)
    # Same article, other spacing, punctuation and furniture: a copy.
    copy_text = ARTICLE.replace("Menu\nHome", "Startseite").replace(",", "")
    copy = dedupe(process_document(make_doc(copy_text, "b.txt"), _options()), archive)
    archive.write(copy)
    assert copy.status == "duplicate"
    assert copy.duplicate_of == original.id
    assert len(list(export_articles(archive.db))) == 1
    assert len(list(export_articles(archive.db, include_duplicates=True))) == 2


def test_fts_stays_in_sync_on_replace(archive):
    doc = dedupe(process_document(make_doc(ARTICLE), _options()), archive)
    archive.write(doc)
    archive.write(doc)
    assert archive.db.execute("select count(*) from articles_fts").fetchone()[0] == 1


def _options():
    from pipeline import Options

    return Options()


def test_page_rejected_for_what_it_cost_is_tried_again_only_when_asked(archive):
    doc = make_doc(ARTICLE)
    archive.write(doc.reject("timeout: extraction took more than 20 s"))
    assert archive.has_page(doc.id)
    assert not archive.has_page(doc.id, retry_rejected=True)
    bad = make_doc("")
    archive.write(bad.reject("empty: no content"))
    assert archive.has_page(bad.id) and archive.has_page(bad.id, retry_rejected=True)


def test_an_archive_made_before_runs_recorded_options_gains_the_column(tmp_path):
    path = tmp_path / "old.db"
    old = sqlite_utils.Database(path)
    old["runs"].create({"id": int, "started_at": str, "version": str, "sources": str}, pk="id")
    old["runs"].insert({"started_at": "2026-01-01", "version": "0.1", "sources": "seeds"})
    old.close()
    arc = Archive(str(path))
    try:
        run = arc.start_run("0.2", ["more"], {"fast": True})
        rows = list(arc.db["runs"].rows_where(order_by="id"))
    finally:
        arc.close()
    assert [(r["version"], r["options"]) for r in rows] == [("0.1", None), ("0.2", '{"fast": true}')]
    assert rows[-1]["id"] == run


def test_a_page_is_stored_whole_or_not_at_all(tmp_path, monkeypatch):
    # A page row without its article would be skipped as archived by the next ingest: the article lost for good.
    import archive.writer as writer

    path = str(tmp_path / "a.db")
    arc = Archive(path)
    doc = dedupe(process_document(make_doc(ARTICLE), _options()), arc)

    def fail(db, doc):
        raise RuntimeError("killed while writing")

    monkeypatch.setattr(writer.dedupe_index, "record", fail)
    with pytest.raises(RuntimeError):
        arc.write(doc)
    arc.close()
    reopened = Archive(path)
    try:
        assert not reopened.has_page(doc.id)
        assert [reopened.db[t].count for t in ("pages", "articles", "removed_blocks")] == [0, 0, 0]
    finally:
        reopened.close()


def test_opening_an_archive_takes_no_write_lock(tmp_path, monkeypatch):
    # search, stats and export open the archive while an ingest may be writing to it.
    import sqlite3

    import archive.writer as writer

    path = tmp_path / "a.db"
    Archive(path).close()
    monkeypatch.setattr(writer, "BUSY_TIMEOUT_MS", 50)
    other = sqlite3.connect(path)
    other.execute("BEGIN IMMEDIATE")
    other.execute("insert into runs (started_at) values ('now')")
    try:
        reader = Archive(path)
        assert reader.db["runs"].count == 0
        reader.close()
    finally:
        other.rollback()
        other.close()


def test_a_transaction_that_reads_first_is_not_overtaken_by_another_writer(tmp_path):
    # Deferred, another process's commit between this read and this write failed the write at once
    # ("database is locked"), which stopped an ingest running beside another, or beside `sites rebuild`.
    import sqlite3
    import threading
    import time

    path = tmp_path / "a.db"
    arc = Archive(path)
    other = sqlite3.connect(path, check_same_thread=False, timeout=10)

    def write_elsewhere():
        other.execute("insert into runs (started_at) values ('elsewhere')")
        other.commit()

    elsewhere = threading.Thread(target=write_elsewhere)
    with arc.transaction():
        arc.db.execute("select count(*) from pages").fetchone()
        elsewhere.start()
        time.sleep(0.3)
        arc.db.execute("insert into runs (started_at) values ('here')")
    elsewhere.join()
    other.close()
    assert sorted(row[0] for row in arc.db.execute("select started_at from runs")) == ["elsewhere", "here"]
    arc.close()


def _as_written_by_the_previous_release(path):
    """Rewrite an archive into the previous layout: raw bytes as read, one removed_blocks row a removal."""
    import sqlite3
    import zlib

    conn = sqlite3.connect(path)
    conn.executescript(
        """
        create table old_removed (page_id text, position integer, seq integer, rule text, inline integer, text text,
                                  primary key (page_id, seq));
        insert into old_removed select page_id, position, seq, rule, inline, text from removed_blocks;
        drop view removed_blocks; drop table page_removals; drop table removal_rules;
        alter table old_removed rename to removed_blocks;
        create index idx_removed_blocks_rule on removed_blocks (rule);
        pragma user_version = 2;
        """
    )
    for page_id, raw in conn.execute("select id, raw from pages where raw_codec = 'zlib'").fetchall():
        conn.execute("update pages set raw = ? where id = ?", [zlib.decompress(raw), page_id])
    conn.execute("alter table pages drop column raw_codec")
    conn.commit()
    conn.close()


def test_raw_bytes_are_stored_compressed_and_read_back_as_read(tmp_path):
    from archive import open_archive
    from pipeline import ingest

    page = tmp_path / "pages" / "a.txt"
    page.parent.mkdir()
    page.write_text(ARTICLE * 20, encoding="utf-8")
    db = tmp_path / "a.db"
    arc = Archive(db)
    ingest([str(page.parent)], arc)
    (page_id, stored, codec), = arc.db.execute("select id, raw, raw_codec from pages").fetchall()
    arc.close()
    assert codec == "zlib" and len(stored) < page.stat().st_size / 5
    with open_archive(db) as reader:
        assert reader.raw(page_id) == page.read_bytes()
        assert reader.raw("0" * 64) is None


def test_an_archive_of_the_previous_layout_is_upgraded_whole(tmp_path, seeds_db):
    import shutil

    from archive import open_archive
    from pipeline import Options
    from pipeline.runs import reprocess

    db = tmp_path / "old.db"
    shutil.copy(seeds_db, db)
    with open_archive(db) as reader:
        removed = reader.db.execute("select page_id, seq, position, rule, inline, text from removed_blocks order by 1, 2").fetchall()
        raws = {page_id: reader.raw(page_id) for (page_id,) in reader.db.execute("select id from pages")}
        articles = [reader.get(a["id"]) for a in reader.articles(include_duplicates=True)]
    _as_written_by_the_previous_release(db)
    with open_archive(db) as reader:  # opening it upgrades it
        assert reader.db.execute("select type from sqlite_master where name = 'removed_blocks'").fetchone() == ("view",)
        assert reader.db.execute("select page_id, seq, position, rule, inline, text from removed_blocks order by 1, 2").fetchall() == removed
        assert {page_id: reader.raw(page_id) for page_id in raws} == raws  # stored as read: codec NULL
        assert [reader.get(a["id"]) for a in reader.articles(include_duplicates=True)] == articles
        assert stats(reader.db)["removed_by_rule"] == stats_of(removed)
    arc = Archive(db)
    summary = reprocess(arc, Options())
    codecs = dict(arc.db.execute("select raw_codec, count(*) from pages where length(raw) > 0 group by 1").fetchall())
    arc.close()
    assert summary.counts["changed"] == 0 and summary.counts["disappeared"] == 0
    assert set(codecs) == {"zlib"}  # rewritten pages are stored compressed


def stats_of(removed):
    counts = {}
    for row in removed:
        counts[row[3]] = counts.get(row[3], 0) + 1
    return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
