"""Datasette metadata for an archive: written next to the database file."""

from __future__ import annotations

import json
from pathlib import Path


def metadata(db_name: str) -> dict:
    return {
        "title": "News archive",
        "description": "Clean articles extracted from scraped news pages, with every removal and its rule.",
        "databases": {
            db_name: {
                "tables": {
                    "articles": {
                        "description": "One clean article per accepted page; duplicate_of points copies at their original.",
                        "facets": ["language", "site", "author"],
                        # "id" too: the table page's search form sends its current sort, the key, with every search.
                        "sortable_columns": ["id", "published", "word_count", "ingested_at", "title"],
                        "fts_table": "articles_fts",
                        "searchmode": "escaped",
                        "label_column": "title",
                    },
                    "pages": {
                        "description": "Every input seen, with its status (ok / rejected / duplicate) and the reason.",
                        "facets": ["status", "format"],
                        "sortable_columns": ["id", "ingested_at"],
                        "label_column": "source",
                    },
                    "removed_blocks": {
                        "description": "Every block or inline span removed, with the rule that removed it.",
                        "facets": ["rule", "inline"],
                    },
                    "runs": {"description": "One row per ingest run: its version, sources, options (JSON: format, fast, ...) and counts."},
                    "duplicates": {
                        "description": "Each copy with its canonical article and the estimated Jaccard similarity "
                        "of their word shingles (1.0 for the same text).",
                        "facets": ["copy_site"],
                    },
                    "minhash_signatures": {"description": "Near-duplicate index: one MinHash signature per article.", "hidden": True},
                    "lsh_bands": {"description": "Near-duplicate index: LSH buckets of every signature.", "hidden": True},
                    "dedupe_settings": {"description": "Parameters the near-duplicate index was built with.", "hidden": True},
                },
                "queries": {
                    "search_unspaced": {
                        "title": "Search Chinese, Japanese or Thai text",
                        "description": "The search box matches whole words, and these scripts put no space between "
                        "words: this finds a word anywhere in the text (a scan, not the index).",
                        "sql": "select id, title, site, published, language, "
                        "substr(text, max(1, instr(text, :q) - 40), 100) as snippet from articles "
                        "where duplicate_of is null and :q != '' and instr(text, :q) > 0 "
                        "order by published desc limit 100",
                    },
                    "rejected_pages": {
                        "title": "Rejected pages and why",
                        "sql": "select source, reason, ingested_at from pages where status = 'rejected' order by ingested_at desc",
                    },
                    "removals_by_rule": {
                        "title": "How often each cleaning rule fired",
                        "sql": "select rule, count(*) as n from removed_blocks group by rule order by n desc",
                    },
                    "duplicate_clusters": {
                        "title": "Copies and the canonical article they copy",
                        "sql": "select canonical_id, title, site, count(*) as copies, min(similarity) as least_similar "
                        "from duplicates group by canonical_id order by copies desc",
                    },
                },
            }
        },
    }


def write_metadata(db_path: str | Path) -> Path:
    """Write `<db>.metadata.json` beside the database and return its path."""
    db_path = Path(db_path)
    target = db_path.with_name(db_path.stem + ".metadata.json")
    target.write_text(json.dumps(metadata(db_path.stem), indent=2) + "\n", encoding="utf-8")
    return target
