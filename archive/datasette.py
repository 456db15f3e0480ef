"""Datasette for an archive: metadata written next to the database file, templates and a plugin in archive/browse/.

`pipeline serve` runs `datasette serve` with `datasette_args(db)`;
`make_datasette(db)` builds the same application in-process (tests).
"""

from __future__ import annotations

import json
from pathlib import Path

from .query import ORIGINALS_SQL, SEARCH_SQL

BROWSE = Path(__file__).resolve().parent / "browse"
TEMPLATES = BROWSE / "templates"
PLUGINS = BROWSE / "plugins"
STATIC = BROWSE / "static"
# Datasette settings: no facet suggestions above the rows, shorter facet lists.
SETTINGS = {"suggest_facets": False, "default_facet_size": 12}

ARTICLE_COLUMNS = {
    # column: (label, description)
    "id": ("Article id", "sha256 of the page's bytes; `show` takes its first characters"),
    "page_id": ("Page", "the page the article came from (its row in pages, with the raw content)"),
    "url": ("URL", "the page's canonical URL as the page states it (none for some dumps)"),
    "host": ("Host", "the URL's domain, without www."),
    "site": ("Site", "the publication's name as the page states it, else its host"),
    "title": ("Title", "the headline"),
    "author": ("Author", "authors, separated by ;"),
    "published": ("Published", "publication date (YYYY-MM-DD) as the page states it"),
    "description": ("Description", "the page's own summary (meta description)"),
    "language": ("Language", "ISO 639-1 code of the article's language"),
    "language_confidence": ("Language confidence", "how sure the language identifier was (0 to 1)"),
    "text": ("Text", "the clean article: paragraphs separated by a blank line"),
    "word_count": ("Words", "words in the text"),
    "content_hash": ("Content hash", "hash of the normalised text: equal texts, equal hashes (exact-copy detection)"),
    "duplicate_of": ("Copy of", "for a copy: the article it copies; empty for originals"),
    "ingested_at": ("Ingested", "when the page was archived (UTC)"),
    "source": ("Source", "the file the page was read from (pages.source): file@offset in a WARC, file:line in JSON Lines, file:.[i] in a JSON export"),
    "format": ("Format", "html or text (a plain-text dump)"),
}
PAGE_COLUMNS = {
    "id": ("Page id", "sha256 of the raw bytes"),
    "source": ("Source", "the file the page was read from: file@offset in a WARC, file:line in JSON Lines, file:.[i] in a JSON export"),
    "url": ("URL", "the page's URL"),
    "format": ("Format", "html or text (a plain-text dump)"),
    "raw": ("Raw content", "the bytes as saved: view them as text or download them"),
    "raw_codec": ("Stored as", "empty: the bytes as read; zlib: compressed (the links give them back as read)"),
    "fetched_at": ("Fetched", "when the page was fetched, as its WARC record or feed says"),
    "origin": ("Origin", "what the page's container (a WARC record, a feed line) said beside its bytes"),
    "status": ("Status", "ok, duplicate or rejected"),
    "reason": ("Reason", "why a page was rejected"),
    "ingested_at": ("Ingested", "when the page was archived (UTC)"),
    "run_id": ("Run", "the ingest run that stored it"),
}
REMOVED_COLUMNS = {
    "page_id": ("Article", "the page (and article) the block was removed from"),
    "position": ("Position", "the block's place on the page"),
    "seq": ("Order", "order of the removals on the page"),
    "rule": ("Rule", "the cleaning rule that removed it"),
    "inline": ("Inline", "1: cut out of a sentence that stays; 0: a whole block"),
    "text": ("Text", "what was removed"),
}


def _columns(spec: dict) -> dict:
    return {
        "columns": {name: description for name, (_, description) in spec.items()},
        "column_labels": {name: label for name, (label, _) in spec.items()} | {"copies": "Copies"},
    }


def canned_queries() -> dict:
    """The canned queries, each shown without its SQL (a link shows it)."""
    queries = {
        "latest_articles": {
            "title": "Latest articles",
            "description": "The 100 most recently published articles (copies left out).",
            "sql": "select id, title, site, published, language, word_count, text from articles "
            f"where {ORIGINALS_SQL.replace('a.', '')} order by published desc nulls last, ingested_at desc limit 100",
        },
        "search": {
            "title": "Search articles",
            "description": "Full-text search over titles and texts, best match first, with the matching passage.",
            "sql": SEARCH_SQL.format(copies=ORIGINALS_SQL, limit=100).strip(),
        },
        "search_unspaced": {
            "title": "Search Chinese, Japanese or Thai text",
            "description": "The search box matches whole words, and these scripts put no space between "
            "words: this finds a word anywhere in the text (a scan, not the index).",
            "sql": "select id, title, site, published, language, "
            "substr(text, max(1, instr(text, :q) - 40), 100) as snippet from articles "
            "where duplicate_of is null and :q != '' and instr(text, :q) > 0 "
            "order by published desc limit 100",
        },
        "removals_by_rule": {
            "title": "Removed blocks by rule",
            "description": "How often each cleaning rule fired; a rule leads to the blocks it removed.",
            "sql": "select rule, rule_description(rule) as description, sum(blocks) as blocks, "
            "count(*) as pages from removal_rules group by rule order by blocks desc",
        },
        "removals": {
            "title": "Removed blocks",
            "description": "What the cleaner removed and why, in page order; give an article's id (or its first "
            "characters) and/or a rule.",
            "sql": "select r.page_id, a.title as article, r.rule, "
            "case when r.inline then 'cut from a sentence' else 'block' end as kind, r.text "
            "from removed_blocks r left join articles a on a.id = r.page_id "
            "where (:article = '' or (r.page_id >= lower(:article) and r.page_id < lower(:article) || 'g')) "
            # the pages a rule touched, from removal_rules: only their removals are read
            "and (:rule = '' or (r.page_id in (select page_id from removal_rules where rule = :rule) and r.rule = :rule)) "
            "order by r.page_id, r.seq limit 1000",
        },
        "rejections_by_reason": {
            "title": "Rejected pages by reason",
            "description": "Pages that gave no article, by kind of reason; a reason leads to its pages.",
            "sql": "select substr(reason, 1, instr(reason || ':', ':') - 1) as reason_kind, count(*) as pages, "
            "min(reason) as example from pages where status = 'rejected' group by 1 order by 2 desc",
        },
        "rejected_pages": {
            "title": "Rejected pages",
            "description": "Each rejected page with its reason, newest first; `reason` keeps those whose reason starts so.",
            "sql": "select id as page, source, reason, format, ingested_at from pages where status = 'rejected' "
            "and (:reason = '' or reason like :reason || '%') order by ingested_at desc limit 1000",
        },
        "articles_per_site_per_month": {
            "title": "Articles per site per month",
            "description": "Articles (copies left out) by site and month of publication.",
            "sql": "select site, substr(published, 1, 7) as month, count(*) as articles from articles "
            "where duplicate_of is null and published is not null group by site, month order by month desc, articles desc",
        },
        "duplicate_clusters": {
            "title": "Duplicate clusters",
            "description": "Each article that has copies, with how many and how similar the least similar one is.",
            "sql": "select canonical_id, title, site, count(*) as copies, min(similarity) as least_similar "
            "from duplicates group by canonical_id order by copies desc",
        },
        "copies": {
            "title": "Copies and their canonical",
            "description": "Each copy beside the article the archive keeps as the original, with the estimated "
            "similarity of their texts (1.0: the same text); `canonical` keeps one original's copies.",
            "sql": "select c.id as canonical_id, c.title as canonical_title, c.site as canonical_site, "
            "a.id as copy_id, a.title as copy_title, a.site as copy_site, a.published as copy_published, "
            "round(s.similarity, 3) as similarity from articles a join articles c on c.id = a.duplicate_of "
            "left join minhash_signatures s on s.article_id = a.id "
            "where (:canonical = '' or c.id = :canonical) order by c.id, similarity desc",
        },
    }
    return {name: {**spec, "hide_sql": True} for name, spec in queries.items()}


def metadata(db_name: str) -> dict:
    return {
        "title": "News archive",
        "description": "Clean articles extracted from scraped news pages, with every removal and its rule.",
        "databases": {
            db_name: {
                "tables": {
                    "articles": {
                        "title": "Articles",
                        "description": "One clean article per accepted page, newest first; copies point at their original.",
                        "facets": ["language", "site", {"period": "published"}, {"copies": "duplicate_of"}],
                        "sort_desc": "published",
                        "size": 50,
                        "sortable_columns": ["published", "word_count", "ingested_at", "title", "id"],
                        "fts_table": "articles_fts",
                        "searchmode": "escaped",
                        "label_column": "title",
                        **_columns(ARTICLE_COLUMNS),
                    },
                    "pages": {
                        "description": "Every input seen, with its status (ok / rejected / duplicate) and the reason.",
                        "facets": ["status", "format"],
                        "sortable_columns": ["id", "ingested_at"],
                        "label_column": "source",
                        **_columns(PAGE_COLUMNS),
                    },
                    "removed_blocks": {
                        "description": "Every block or inline span removed, with the rule that removed it "
                        "(a view over page_removals; the canned query “Removed blocks by rule” leads to a rule's blocks).",
                        **_columns(REMOVED_COLUMNS),
                    },
                    "page_removals": {
                        "description": "What removed_blocks reads: one row a page, its removals as a JSON array of "
                        "[position, rule, inline, text].",
                        "hidden": True,
                    },
                    "removal_rules": {
                        "description": "How many blocks each rule removed from each page.",
                        "facets": ["rule"],
                    },
                    "runs": {"description": "One row per ingest or reprocess run: its version, sources, options (JSON), status and counts."},
                    # Bookkeeping of running ingests: not what anyone browses for.
                    "claims": {"description": "Pages a running ingest is processing, so that another ingest leaves them.", "hidden": True},
                    "input_files": {
                        "description": "Each file read to its end, with its size and mtime: a re-run skips it while both stay the same.",
                        "hidden": True,
                    },
                    "site_pages": {"description": "Site memory: the pages learned per site.", "hidden": True},
                    "site_lines": {
                        "description": "Site memory: on how many of a site's pages each line occurs "
                        "(a line on enough of them is the site's boilerplate, rule site_memory).",
                    },
                    "duplicates": {
                        "description": "Each copy with its canonical article and the estimated Jaccard similarity "
                        "of their word shingles (1.0 for the same text).",
                        "facets": ["copy_site"],
                    },
                    "minhash_signatures": {"description": "Near-duplicate index: one MinHash signature per article.", "hidden": True},
                    "lsh_bands": {"description": "Near-duplicate index: LSH buckets of every signature.", "hidden": True},
                    "dedupe_settings": {"description": "Parameters the near-duplicate index was built with.", "hidden": True},
                },
                "queries": canned_queries(),
            }
        },
    }


def write_metadata(db_path: str | Path) -> Path:
    """Write `<db>.metadata.json` beside the database and return its path."""
    db_path = Path(db_path)
    target = db_path.with_name(db_path.stem + ".metadata.json")
    target.write_text(json.dumps(metadata(db_path.stem), indent=2) + "\n", encoding="utf-8")
    return target


def datasette_args(db_path: str | Path, metadata_path: str | Path) -> list[str]:
    """Arguments of `datasette serve` for an archive: metadata, templates, plugin, static files, settings."""
    args = [
        str(db_path),
        "--metadata",
        str(metadata_path),
        "--template-dir",
        str(TEMPLATES),
        "--plugins-dir",
        str(PLUGINS),
        "--static",
        f"newsclean-static:{STATIC}",
    ]
    for name, value in SETTINGS.items():
        args += ["--setting", name, json.dumps(value) if isinstance(value, bool) else str(value)]
    return args


def make_datasette(db_path: str | Path):
    """The Datasette application `pipeline serve` runs, built in this process (for tests and scripts)."""
    from datasette.app import Datasette

    meta = json.loads(write_metadata(db_path).read_text(encoding="utf-8"))
    return Datasette(
        [str(db_path)],
        metadata=meta,
        template_dir=str(TEMPLATES),
        plugins_dir=str(PLUGINS),
        static_mounts=[("newsclean-static", str(STATIC))],
        settings=SETTINGS,
    )

