"""The SQLite archive: schema, writer, full-text search, export, read API and Datasette metadata."""

from .api import ArchiveReader, NotAnArchive, open_archive
from .query import AmbiguousId, Filters, export_articles, search, stats, to_jsonl
from .search_syntax import QueryError
from .writer import Archive

DEFAULT_DB = "archive.db"

__all__ = [
    "AmbiguousId",
    "Archive",
    "ArchiveReader",
    "DEFAULT_DB",
    "Filters",
    "NotAnArchive",
    "QueryError",
    "export_articles",
    "open_archive",
    "search",
    "stats",
    "to_jsonl",
]
