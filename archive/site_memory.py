"""Site memory stored in the archive (see pipeline/site_memory.py for the rule).

site_pages  (site, page_id)                 pages learned per site
site_lines  (site, line_hash, line, pages)  on how many of them each line occurs; `line` is
                                            stored once a second page has it (most lines are
                                            one article's own: only their hash is needed)

Both are derived data: `rebuild_site_memory` recreates them from the
articles and removed blocks already archived.
"""

from __future__ import annotations

import sqlite_utils

from pipeline.site_memory import line_hash, page_lines, pages_needed, site_key_of

SITE_PAGES = "site_pages"
SITE_LINES = "site_lines"


def ensure_site_memory_schema(db: sqlite_utils.Database) -> None:
    if SITE_PAGES not in db.table_names():
        db[SITE_PAGES].create({"site": str, "page_id": str}, pk=("site", "page_id"))
    if SITE_LINES not in db.table_names():
        # WITHOUT ROWID: the rows live in the primary key's B-tree (no second
        # copy of site and hash in an index), and the (site, pages) index
        # carries the hash the boilerplate look-up reads.
        db.execute(
            f"create table {SITE_LINES} (site text, line_hash text, line text, pages integer, "
            "primary key (site, line_hash)) without rowid"
        )
        db[SITE_LINES].create_index(["site", "pages"])


class ArchiveSiteMemory:
    """pipeline.site_memory.SiteMemory over the archive's tables."""

    def __init__(self, db: sqlite_utils.Database):
        self.db = db
        ensure_site_memory_schema(db)

    def boilerplate(self, site: str) -> frozenset[str]:
        need = pages_needed(site_page_count(self.db, site))
        if need is None:
            return frozenset()
        rows = self.db.execute(f"select line_hash from {SITE_LINES} where site = ? and pages >= ?", [site, need])
        return frozenset(row[0] for row in rows)

    def learn(self, site: str, page_id: str, lines: set[str]) -> None:
        with self.db.atomic():  # inside the caller's transaction when there is one
            cursor = self.db.execute(f"insert or ignore into {SITE_PAGES} (site, page_id) values (?, ?)", [site, page_id])
            if cursor.rowcount == 0:
                return  # this page was learned before
            self.db.conn.executemany(
                f"insert into {SITE_LINES} (site, line_hash, line, pages) values (?1, ?2, null, 1) "
                "on conflict (site, line_hash) do update set pages = pages + 1, line = coalesce(line, ?3)",
                [(site, line_hash(line), line) for line in lines],
            )


def site_page_count(db: sqlite_utils.Database, site: str) -> int:
    """How many of a site's pages memory has learned."""
    return db.execute(f"select count(*) from {SITE_PAGES} where site = ?", [site]).fetchone()[0]


def most_repeated_lines(db: sqlite_utils.Database, site: str, limit: int) -> list[tuple[int, str]]:
    """(pages, line) of the lines seen on most of a site's learned pages, most first."""
    return db.execute(
        f"select pages, line from {SITE_LINES} where site = ? and line is not null order by pages desc, line limit ?", [site, limit]
    ).fetchall()


def rebuild_site_memory(db: sqlite_utils.Database) -> dict:
    """Recreate site memory from archived articles (kept text) and their removed blocks."""
    ensure_site_memory_schema(db)
    with db.conn:
        db.execute(f"delete from {SITE_LINES}")
        db.execute(f"delete from {SITE_PAGES}")
    memory = ArchiveSiteMemory(db)
    pages = 0
    rows = db.execute(
        "select a.id, a.url, a.site, a.text from articles a join pages p on p.id = a.page_id "
        "where p.status = 'ok' order by a.ingested_at, a.id"
    ).fetchall()
    for page_id, url, site, text in rows:
        key = site_key_of(url, site)
        if not key:
            continue
        memory.learn(key, page_id, archived_page_lines(db, page_id, text))
        pages += 1
    sites = db.execute(f"select count(distinct site) from {SITE_PAGES}").fetchone()[0]
    lines = db.execute(f"select count(*) from {SITE_LINES}").fetchone()[0]
    return {"pages": pages, "sites": sites, "lines": lines}


def archived_page_lines(db: sqlite_utils.Database, page_id: str, text: str | None) -> set[str]:
    """The lines site memory learns from an archived page: its kept paragraphs (`text`) and the blocks the cleaner removed."""
    removed = [r[0] for r in db.execute("select text from removed_blocks where page_id = ? and inline = 0", [page_id])]
    return page_lines((text or "").split("\n\n") + removed)


def learn_page(db: sqlite_utils.Database, page_id: str) -> None:
    """Learn an archived page that became an accepted article (a copy promoted to canonical), as `rebuild_site_memory` would."""
    if SITE_PAGES not in db.table_names():
        return
    row = db.execute("select url, site, text from articles where id = ?", [page_id]).fetchone()
    key = site_key_of(row[0], row[1]) if row else None
    if key:
        ArchiveSiteMemory(db).learn(key, page_id, archived_page_lines(db, page_id, row[2]))


def forget_page(db: sqlite_utils.Database, page_id: str) -> None:
    """Take a learned page out of site memory: it is no longer an accepted article (a better copy superseded it).

    Only accepted pages are learned (`rebuild_site_memory` reads those), so
    a page that stops being one must stop counting, or a story stored
    twice on one site would count its own lines twice.  Inside the
    caller's transaction.
    """
    if SITE_PAGES not in db.table_names():
        return
    sites = [row[0] for row in db.execute(f"select site from {SITE_PAGES} where page_id = ?", [page_id])]
    if not sites:
        return
    row = db.execute("select text from articles where id = ?", [page_id]).fetchone()
    hashes = [line_hash(line) for line in archived_page_lines(db, page_id, row[0] if row else None)]
    for site in sites:
        db.execute(f"delete from {SITE_PAGES} where site = ? and page_id = ?", [site, page_id])
        db.conn.executemany(
            f"update {SITE_LINES} set pages = pages - 1 where site = ? and line_hash = ?", [(site, h) for h in hashes]
        )
        db.execute(f"delete from {SITE_LINES} where site = ? and pages <= 0", [site])
