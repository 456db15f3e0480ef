"""Clean metadata values as the archive stores them: `host`, `site` and `author`.

Pages state their publication's name and their authors in many ways
("www.example.com", "AzerNews" and "Azernews", a date or the headline in
og:site_name, "Article by" or "By Jane Doe" as an author).  The archive
normalises them when an article is written, and `migrate_article_values`
brings an archive written by an earlier release to the same values.

host    the domain of the article's URL, lower-case, without "www." (for a
        Wayback Machine capture: the domain of the captured page)
site    the publication's name as the page states it; the first spelling the
        archive stored wins over later ones that differ in case only; the
        host when the page states no usable name
author  names joined by "; ", without "By", "Article by" and placeholders
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import sqlite_utils

ARTICLES = "articles"
# Index that finds a stored spelling of a site name whatever its (ASCII) case.
SITE_NOCASE_INDEX = "idx_articles_site_nocase"
PUBLISHED_INDEX = "idx_articles_published"

# A publication's name is short; a longer og:site_name is a headline or a
# description ("Crocs: Wie die Schuhbrand mit mutigen Releases ...").  The
# longest real names among the dev pages' sites are ~60 characters.
MAX_SITE_CHARS = 80
# Separators between a headline and the site's name in "<title> | <site>".
_TITLE_SEPARATORS = re.compile(r"\s+(?:\||-|–|—|·|::|•)\s+")
_DATE_LIKE = re.compile(r"^[\d\s./:,-]+$")
_URL_LIKE = re.compile(r"^(?:https?://|www\.)", re.IGNORECASE)
_WAYBACK = re.compile(r"^/web/[^/]+/(https?://.+)$")
_WS = re.compile(r"\s+")

AUTHOR_SEPARATOR = "; "
# Words a byline puts before the names, in the languages the archive holds.
_BYLINE_PREFIX = re.compile(
    r"^(?:(?:view\s+)?all\s+posts\s+by|more\s+(?:articles\s+|stories\s+)?by|(?:article|posted|written|words|text|story|"
    r"report(?:ed)?|photos?|edited)\s+by|by|von|text\s+von|por|par|di|door|av|af|przez|автор|автори|авторы|от|"
    r"yazar|müəllif|ავტორი|հեղինակ|author|autor|auteur|autore)\s*[:\-–—]?\s+",
    re.IGNORECASE,
)
# Values that name no one: labels and placeholders left in author fields.
_NO_AUTHOR = frozenset(
    {"admin", "administrator", "wordpressadmin", "redaktion", "editor", "staff", "none", "null", "unknown", "anonymous",
     "no author", "posted", "follow", "share", "author", "autor", "by", "article by", "posted by", "written by"}
)


_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def nocase(value: str) -> str:
    """A key equal for two spellings that SQLite's NOCASE collation holds equal (it folds ASCII letters only)."""
    return value.translate(_ASCII_LOWER)


def clean_text(value) -> str | None:
    if value is None:
        return None
    value = _WS.sub(" ", str(value)).strip()
    return value or None


def host_of(url: str | None) -> str | None:
    """The domain of a URL, lower-case, without "www."; a Wayback Machine capture gives the captured page's."""
    if not url:
        return None
    try:
        parts = urlsplit(url)
        host = parts.hostname
        if host and host.endswith("web.archive.org"):
            captured = _WAYBACK.match(parts.path + (("?" + parts.query) if parts.query else ""))
            if captured:
                host = urlsplit(captured.group(1)).hostname or host
    except ValueError:  # a malformed URL (bad port, bad IPv6 literal)
        return None
    return normalise_host(host)


def _hostname(url: str) -> str | None:
    try:
        return urlsplit(url).hostname
    except ValueError:
        return None


def normalise_host(value: str | None) -> str | None:
    value = clean_text(value)
    if not value:
        return None
    value = value.lower().rstrip(".")
    return value[4:] if value.startswith("www.") else value


def clean_site(site: str | None, title: str | None = None) -> str | None:
    """The publication's name from a page's site value, or None when it names none (a date, a URL, the headline)."""
    site = clean_text(site)
    if not site:
        return None
    if _URL_LIKE.match(site) and " " not in site:
        return normalise_host(urlsplit(site if "://" in site else "//" + site).hostname)
    if _DATE_LIKE.match(site):
        return None
    title_key = (clean_text(title) or "").casefold()
    if title_key:
        parts = _TITLE_SEPARATORS.split(site)
        kept = [part for part in parts if part.casefold() != title_key]
        if not kept or site.casefold() == title_key:  # the headline itself
            return None
        if len(kept) < len(parts):  # "<title> | <site>": the name is what is left
            site = " - ".join(kept)
    if len(site) > MAX_SITE_CHARS:
        return None
    return site


def clean_author(value: str | None) -> str | None:
    """Authors joined by "; ", without byline words ("By", "Article by", "von") and placeholders."""
    value = clean_text(value)
    if value is None:
        return None
    names: list[str] = []
    for name in value.split(";"):
        name = name.strip(" ,")
        while True:
            stripped = _BYLINE_PREFIX.sub("", name, count=1).strip(" ,")
            if stripped == name:
                break
            name = stripped
        key = name.casefold()
        if not name or key in _NO_AUTHOR or key.startswith("www ") or key.startswith("www."):
            continue
        if name not in names:
            names.append(name)
    return AUTHOR_SEPARATOR.join(names) or None


def article_values(db: sqlite_utils.Database | None, url, site, author, title) -> dict:
    """{host, site, author} as the archive stores them; with `db`, a site name keeps the spelling already stored."""
    host = host_of(url)
    name = clean_site(site, title)
    if name and host and url and normalise_host(name) == normalise_host(_hostname(url)):
        name = host  # the site named by its own host ("www.example.com"; a capture's archive host)
    if name and db is not None:
        name = stored_spelling(db, name)
    return {"host": host, "site": name or host, "author": clean_author(author)}


def stored_spelling(db: sqlite_utils.Database, site: str) -> str:
    """The spelling of `site` the archive already holds ("AzerNews" for "Azernews"), else `site`."""
    row = db.execute(f"select site from {ARTICLES} where site = ? collate nocase limit 1", [site]).fetchone()
    return row[0] if row else site


def ensure_article_values(db: sqlite_utils.Database) -> None:
    """Add `host` and the indexes the browse views use; normalise the values of an archive written before them.

    Called by archive.schema.ensure_schema inside its transaction.
    """
    table = db[ARTICLES]
    if "host" in table.columns_dict:
        return
    table.add_column("host", str)
    db.execute(f"create index if not exists {SITE_NOCASE_INDEX} on {ARTICLES} (site collate nocase)")
    db.execute(f"create index if not exists {PUBLISHED_INDEX} on {ARTICLES} (published)")
    db.execute(f"create index if not exists idx_articles_host on {ARTICLES} (host)")
    migrate_article_values(db)


def migrate_article_values(db: sqlite_utils.Database) -> int:
    """Normalise host, site and author of every stored article; returns how many rows changed.

    Of the spellings of one site that differ in case, the one most
    articles carry wins (ties: the first stored).
    """
    rows = db.execute(f"select rowid, url, site, author, title, host from {ARTICLES} order by rowid").fetchall()
    cleaned = {}
    spellings: dict[str, dict[str, int]] = {}
    for rowid, url, site, author, title, host in rows:
        values = article_values(None, url, site, author, title)
        cleaned[rowid] = values
        if values["site"] and values["site"] != values["host"]:
            counts = spellings.setdefault(nocase(values["site"]), {})
            counts[values["site"]] = counts.get(values["site"], 0) + 1
    winner = {key: max(counts, key=counts.get) for key, counts in spellings.items()}
    changes = []
    for rowid, url, site, author, title, host in rows:
        values = cleaned[rowid]
        if values["site"] and values["site"] != values["host"]:
            values["site"] = winner[nocase(values["site"])]
        if (values["host"], values["site"], values["author"]) != (host, site, author):
            changes.append((values["host"], values["site"], values["author"], rowid))
    db.conn.executemany(f"update {ARTICLES} set host = ?, site = ?, author = ? where rowid = ?", changes)
    return len(changes)
