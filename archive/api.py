"""The read API: an archive as a downstream job reads it.

    from archive import open_archive

    with open_archive("archive.db") as arc:
        for article in arc.articles(language="de", since="2021"):
            print(article["title"], len(article["text"]))
        for hit in arc.search('"mine clearance" OR landmines', site="azernews"):
            print(hit["id"][:12], hit["title"], hit["snippet"])
        print(arc.get("2fd675f4")["removed"][0])

Articles are plain dicts with the keys of archive.query.EXPORT_COLUMNS.
The archive is opened read-only: a reader never takes the lock an ingest
running beside it needs.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Iterator

import sqlite_utils

from . import query
from .query import Filters
from .schema import schema_is_current


class NotAnArchive(Exception):
    """The file is missing, is not SQLite, or is SQLite without the archive's tables."""


def open_archive(path: str | Path) -> "ArchiveReader":
    """Open an archive to read; NotAnArchive (with the path) when the file is not one.

    An archive written by an earlier release is brought up to date first
    (archive/schema.py), which writes once.
    """
    return ArchiveReader(path)


class ArchiveReader:
    def __init__(self, path: str | Path):
        self.path = Path(path)
        check_archive(self.path)
        conn = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True)
        self.db = sqlite_utils.Database(conn)
        query.register_functions(conn)

    def articles(
        self,
        language: str | None = None,
        site: str | None = None,
        since: str | None = None,
        until: str | None = None,
        include_duplicates: bool = False,
    ) -> Iterator[dict]:
        """Articles in the order they were archived, one at a time (memory stays flat); copies only when asked.

        `site`: a site's name (any case) or its host; `since`/`until`:
        YYYY, YYYY-MM or YYYY-MM-DD, both ends included.
        """
        return query.articles(self.db, Filters(language, site, since, until, include_duplicates))

    def search(
        self,
        text: str,
        limit: int = 10,
        language: str | None = None,
        site: str | None = None,
        since: str | None = None,
        until: str | None = None,
        include_duplicates: bool = False,
        marks: tuple[str, str] = ("[", "]"),
    ) -> list[dict]:
        """Articles matching `text` (words, "phrases", prefix*, OR, NOT: docs/archive.md), best first.

        Each hit: id, title, site, host, published, language, word_count,
        url, rank (lower is better) and snippet, its matches between `marks`.
        QueryError (a ValueError) when the query cannot be run.
        """
        filters = Filters(language, site, since, until, include_duplicates)
        return query.search(self.db, text, limit=limit, filters=filters, marks=marks)

    def get(self, article_id: str) -> dict | None:
        """One article by its id or the id's first characters (at least 4), with `removed` and `copies`; None if absent.

        query.AmbiguousId when the prefix starts several ids.
        """
        return query.article(self.db, article_id)

    def raw(self, page_id: str) -> bytes | None:
        """A page's bytes as they were read (the archive stores them compressed); None when no page has this id.

        An article's id is its page's id.
        """
        row = query.raw_page(self.db, page_id)
        return None if row is None else row["raw"]

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> "ArchiveReader":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def check_archive(path: Path) -> None:
    """Raise NotAnArchive, naming the file, unless it is an archive; bring an older archive's schema up to date."""
    if not path.exists():
        raise NotAnArchive(f"no archive at {path}")
    tables, current = _inspect(path)
    if not {"pages", "articles"} <= tables:
        raise NotAnArchive(f"{path} is an SQLite database but not an archive (it has no pages and articles tables)")
    if not current:
        from .writer import Archive

        Archive(path).close()  # runs the schema's migration


def check_archive_to_write(path: Path) -> bool:
    """Raise NotAnArchive, naming the file, unless an archive can be written there; True when an older archive will be upgraded.

    A missing or empty file, or an SQLite database without tables, becomes
    a new archive; another application's database is left alone.
    """
    if not path.exists() or (path.is_file() and path.stat().st_size == 0):
        return False
    tables, current = _inspect(path)
    if tables and not {"pages", "articles"} <= tables:
        shown = ", ".join(sorted(tables)[:5]) + (", ..." if len(tables) > 5 else "")
        raise NotAnArchive(f"{path} is an SQLite database but not an archive (its tables: {shown}): give another file for the archive")
    return bool(tables) and not current


def _inspect(path: Path) -> tuple[set[str], bool]:
    """(the file's tables, whether an archive's schema is this release's), read without writing; NotAnArchive when it is no SQLite file."""
    if path.is_dir():
        raise NotAnArchive(f"{path} is a directory, not an archive file")
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            tables = {row[0] for row in conn.execute("select name from sqlite_master where type = 'table'")}
            current = schema_is_current(sqlite_utils.Database(conn)) if {"pages", "articles"} <= tables else True
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise NotAnArchive(f"{path} is not an archive: not an SQLite database ({exc})") from None
    return tables, current
