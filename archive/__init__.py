"""The SQLite archive: schema, writer, full-text search, export and Datasette metadata."""

from .query import export_articles, search, stats, to_jsonl
from .writer import Archive

DEFAULT_DB = "archive.db"

__all__ = ["Archive", "DEFAULT_DB", "export_articles", "search", "stats", "to_jsonl"]
