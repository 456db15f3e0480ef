"""Command line: `python -m pipeline ...` or `newsclean ...`.

Parses arguments, calls the library, turns errors into one clear line and a
non-zero exit.  No pipeline logic lives here.
"""

from __future__ import annotations

import json
import os
import signal
import sys
from contextlib import contextmanager
from pathlib import Path

import click

from . import __version__
from .options import FORMATS, LANGUAGE_BACKENDS, Options

DEFAULT_DB = os.environ.get("NEWSCLEAN_DB", "archive.db")

db_option = click.option(
    "--db",
    default=DEFAULT_DB,
    show_default=True,
    type=click.Path(dir_okay=False),
    help="Archive file (SQLite). Env: NEWSCLEAN_DB.",
)

language_backend_option = click.option(
    "--language-backend",
    type=click.Choice(LANGUAGE_BACKENDS),
    default="auto",
    show_default=True,
    help="Language identifier; auto = Unicode script, then py3langid (see README).",
)


fast_option = click.option(
    "--fast",
    is_flag=True,
    help="Text dumps: skip the topic pass that removes teasers of other stories the other rules left in;"
    " cleaning runs ~1.5x faster and keeps the article paragraphs the pass takes for teasers, but teaser boxes"
    " without a heading stay in (bench/README.md, \"Fast mode\" and \"The teaser step on real pages\").",
)


def _open_existing(db: str):
    """The archive opened to write, or one clear error that names the file (see _read_archive)."""
    from archive import Archive

    _read_archive(db).close()
    return Archive(db)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="newsclean")
def cli():
    """Turn scraped news pages (HTML or plain-text dumps) into a clean, searchable archive.

    A page flows read -> extract -> clean -> language -> dedupe -> store;
    every removed block is kept in the archive with the rule that removed it.

    Example: python -m pipeline ingest seeds/ && python -m pipeline search landmines
    """


workers_option = click.option(
    "--workers", "-w", default=1, show_default=True, type=click.IntRange(1, 256),
    help="Processes for the per-page work (reading, extraction, cleaning, language, dedupe signatures); the archive is written by this process.",
)
scheduler_option = click.option(
    "--scheduler",
    metavar="ADDRESS",
    help="Run the per-page work on a Dask cluster (tcp://host:8786, or local[:N] for N processes here); needs the `dask` extra.",
)
quiet_option = click.option("--quiet", "-q", is_flag=True, help="No progress bar or progress lines, only the summary.")
site_memory_option = click.option(
    "--site-memory/--no-site-memory",
    default=True,
    show_default=True,
    help="Remove lines a site prints on many archived pages, and learn from this batch.",
)


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@db_option
@workers_option
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="auto", show_default=True, help="How to read pages; auto sniffs each one's content.")
@quiet_option
@site_memory_option
@click.option("--retry-rejected", is_flag=True, help="Try again pages rejected for what they cost (time, memory, size) or an unexpected error.")
@click.option("--follow-symlinks", is_flag=True, help="Follow symlinks in directories that lead out of them.")
@scheduler_option
@language_backend_option
@fast_option
def ingest(paths, db, workers, fmt, quiet, site_memory, retry_rejected, follow_symlinks, scheduler, language_backend, fast):
    """Clean pages and store them in the archive.

    PATHS are files or directories.  What a file holds is read from its
    content, not its name:

    \b
      a page          HTML, a text dump or Markdown (maybe gzipped); MHTML
      WARC, WACZ      each HTML response a page (wget, Browsertrix, Heritrix,
                      Common Crawl's WARC and WET files; ARC files too)
      HAR             each HTML response saved with its body (Playwright,
                      a browser's developer tools)
      JSON Lines      a page a line; a JSON export: a page an item
      CSV, Parquet    a page a row (Parquet: pip install 'newsclean[parquet]')
      RSS, Atom       a page an item
      Scrapy's cache  a page a cached HTML response (name .scrapy/httpcache)

    A record gives its page in html, text, markdown, content..., with url,
    title, date and author as Scrapy, news-please, trafilatura, newspaper,
    Readability, Firecrawl, Crawl4AI, Apify, Jina Reader or Diffbot write
    them.
    Directories are walked for page suffixes (.html, .txt, .md, .warc.gz,
    .wacz, .jsonl, ...) and for files of other names whose content is one
    of the above (a wget mirror's story.php?id=3, a .csv with a content
    column); names starting with "." are skipped, and the summary counts
    the files left out.  docs/ingest.md has every field and fault.

    Pages already archived (same bytes) are recognised before any work,
    files unchanged since the last run without being read, so re-running
    on the same batch is quick and changes nothing; pages rejected for a
    time or memory limit are left as they are unless --retry-rejected.
    Bad pages are stored as rejected with a reason; they never stop the
    batch.  Two ingests at once share the work: each page is processed once.
    Stopped (Ctrl-C, a kill), the run is marked interrupted and the next
    ingest of the same paths goes on where it stopped.

    Site memory: once a site has 5+ archived pages, a line found on at
    least 3 of them and on 20% or more is that site's boilerplate (menus,
    footers, stock sign-offs) and is removed from its later pages with the
    rule `site_memory`.  `sites rebuild` recomputes it from the archive.

    Example: python -m pipeline ingest scrapes/2024-06-01/ crawl.warc.gz --db news.db --workers 2
    """
    from archive.site_memory import ArchiveSiteMemory

    from .runs import expand_paths
    from .runs import ingest as run_ingest

    options = _options(fmt, language_backend, fast)
    found = expand_paths(paths, follow_symlinks)
    if not found.files:
        # Before the archive is opened: a mistyped path leaves no file and no run behind.
        raise click.ClickException(_no_pages_message(paths, found))
    archive = _open_for_writing(db)
    memory = ArchiveSiteMemory(archive.db) if site_memory else None
    progress = None if quiet else _progress("ingest")
    try:
        with _terminate_as_interrupt():
            summary = run_ingest(
                paths, archive, options, workers=workers, progress=progress, site_memory=memory,
                retry_rejected=retry_rejected, follow_symlinks=follow_symlinks, scheduler=scheduler,
            )
    finally:
        if progress:
            progress.close()
        archive.close()
    click.echo(summary.as_text())
    click.echo(f"archive: {db}")


@cli.command()
@db_option
@workers_option
@click.option("--site", help="Only pages of this site (a host like example.com, or a site name).")
@click.option("--since", metavar="DATE", help="Only pages stored on or after this date: YYYY, YYYY-MM, YYYY-MM-DD or a time.")
@click.option(
    "--status", "statuses", multiple=True, type=click.Choice(["ok", "duplicate", "rejected"]),
    help="Only pages of this status (repeat for several); default all.",
)
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="auto", show_default=True, help="How to read pages; auto: as the page's container said, else sniffed.")
@quiet_option
@site_memory_option
@scheduler_option
@language_backend_option
@fast_option
def reprocess(db, workers, site, since, statuses, fmt, quiet, site_memory, scheduler, language_backend, fast):
    """Clean stored pages again, from their raw bytes, with this release's rules and these options.

    A new run: each chosen page is re-read, re-cleaned, re-deduplicated and
    rewritten in place (same id, same first-stored time).  The summary says
    how many articles changed, appeared (a page rejected before that has an
    article now) and disappeared.  Stopped at any point, the archive is
    whole (each page old or new); running the same reprocess again goes on
    with the pages it had not reached.

    Example: python -m pipeline reprocess --db news.db --site example.com --since 2024-06-01
    """
    from archive.site_memory import ArchiveSiteMemory

    from .runs import reprocess as run_reprocess

    if since:
        _check_date(since)
    options = _options(fmt, language_backend, fast)
    archive = _open_existing(db)
    memory = ArchiveSiteMemory(archive.db) if site_memory else None
    progress = None if quiet else _progress("reprocess")
    try:
        with _terminate_as_interrupt():
            summary = run_reprocess(
                archive, options, workers=workers, progress=progress, site_memory=memory,
                site=site, since=since, statuses=statuses or None, scheduler=scheduler,
            )
    finally:
        if progress:
            progress.close()
        archive.close()
    click.echo(summary.as_text())


def _check_date(value: str) -> None:
    """A year, a month or an ISO date or time, as search and export take them (stored times compare as text: "2024-06" is June's start)."""
    from datetime import datetime

    padded = {4: "-01-01", 7: "-01"}.get(len(value), "")
    try:
        datetime.fromisoformat(value + padded)
    except ValueError as exc:
        raise click.BadParameter(f"{value!r} is not a date such as 2024, 2024-06 or 2024-06-01", param_hint="--since") from exc


def _options(fmt: str, language_backend: str, fast: bool) -> Options:
    try:
        return Options(format=fmt, language_backend=language_backend, fast=fast)
    except ValueError as exc:
        raise click.ClickException(str(exc)) from exc


def _no_pages_message(paths, found) -> str:
    """Why no file of `paths` is read: the paths that do not exist, and what the directories hold instead."""
    from .runs import left_out_kinds

    why = []
    if found.missing:
        why.append(f"no such file or directory: {', '.join(found.missing)}")
    if found.left_out:
        why.append(f"{sum(found.left_out.values())} files not read as pages: {left_out_kinds(found.left_out)}")
    if found.hidden_caches:
        why.append(f"Scrapy's HTTP cache in {', '.join(found.hidden_caches)} is in a hidden directory: name it to read it")
    return "no page files found in " + ", ".join(paths) + (f" ({'; '.join(why)})" if why else "")


def _open_for_writing(db: str):
    """The archive opened to write (created when missing), or one clear error that names the file (see _read_archive)."""
    from archive import Archive, NotAnArchive
    from archive.api import check_archive_to_write

    try:
        if check_archive_to_write(Path(db)):
            click.echo(f"{db}: written by an earlier release; bringing it up to date (once, a minute or more for a large archive)", err=True)
        return Archive(db)
    except NotAnArchive as exc:
        raise click.ClickException(str(exc)) from None
    except Exception as exc:  # sqlite3.DatabaseError from SQLite itself (a damaged file)
        raise click.ClickException(f"{db} cannot be opened as an archive ({type(exc).__name__}: {exc})") from exc


def _progress(label: str):
    from .progress import Progress

    return Progress(label)


@contextmanager
def _terminate_as_interrupt():
    """SIGTERM (a kill, a scheduler stopping the job) ends the run as Ctrl-C does: marked interrupted, the archive whole."""
    def stop(signum, frame):
        raise KeyboardInterrupt

    try:
        previous = signal.signal(signal.SIGTERM, stop)
    except ValueError:  # not the main thread
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


@cli.command("clean")
@click.argument("files", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="auto", show_default=True, help="How to read inputs; auto sniffs each file.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per input file, per line.")
@language_backend_option
@fast_option
def clean_command(files, fmt, as_json, language_backend, fast):
    """Clean pages and print the articles; no archive is touched.

    FILES are what `ingest` takes: page files, WARC, ARC, HAR and WACZ files,
    JSON Lines feeds, JSON, CSV and Parquet exports, RSS and Atom feeds,
    Scrapy's HTTP cache and directories (walked as ingest walks them).  With --json each line holds: source, url, title, author, published,
    site, description, language, text (paragraphs separated by a blank
    line), status, reason and removed (a list of {rule, text}).  A file that cannot be
    cleaned still gets its line, with status "rejected" and the reason.

    Example: python -m pipeline clean seeds/*.txt --json > clean.jsonl
    """
    from .runner import clean_paths
    from .runs import expand_paths

    found = expand_paths(files)
    if not found.files:
        raise click.ClickException(_no_pages_message(files, found))
    for doc in clean_paths(found.files, _options(fmt, language_backend, fast)):
        if as_json:
            click.echo(json.dumps(doc.to_record(), ensure_ascii=False))
            continue
        meta = doc.metadata
        click.echo(f"==> {doc.source} [{doc.status}{': ' + doc.reason if doc.reason else ''}]")
        for key in ("title", "author", "published", "site", "language", "url"):
            if meta.get(key):
                click.echo(f"{key}: {meta[key]}")
        click.echo("")
        if doc.text:
            click.echo(doc.text)
            click.echo("")


def _filter_options(command):
    """--site, --language, --since, --until and --include-duplicates, shared by search and export."""
    for option in reversed(
        [
            click.option("--language", help="Only articles in this language (ISO 639-1 code such as en, any case)."),
            click.option("--site", help="Only this site: its name (any case) or its host, e.g. azernews.az."),
            click.option("--since", metavar="DATE", help="Only articles published on or after DATE: YYYY, YYYY-MM or YYYY-MM-DD."),
            click.option("--until", metavar="DATE", help="Only articles published on or before DATE (YYYY and YYYY-MM: to its end)."),
            click.option("--include-duplicates", is_flag=True, help="Also copies of articles (they carry duplicate_of)."),
        ]
    ):
        command = option(command)
    return command


def _filters(language, site, since, until, include_duplicates):
    from archive import Filters

    try:
        return Filters(language=language, site=site, since=since, until=until, include_duplicates=include_duplicates)
    except ValueError as exc:
        raise click.ClickException(str(exc)) from exc


def _read_archive(db: str):
    """The archive opened to read, or one clear error that names the file."""
    from archive import NotAnArchive, open_archive

    try:
        return open_archive(db)
    except NotAnArchive as exc:
        hint = f": run `python -m pipeline ingest PATH --db {db}` first" if not Path(db).exists() else ""
        raise click.ClickException(f"{exc}{hint}") from None


@cli.command()
@click.argument("query")
@db_option
@click.option("--limit", default=10, show_default=True, type=click.IntRange(1, 10_000), help="How many articles to list.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per result.")
@_filter_options
def search(query, db, limit, as_json, language, site, since, until, include_duplicates):
    """Full-text search over titles and texts, best match first, with a snippet of each.

    \b
    QUERY syntax (SQLite FTS5; words match whole, ignoring case and accents):
      mine clearance            both words
      "mine clearance"          the phrase
      Regier*                   words starting with Regier
      landmines OR mines        either word (OR, AND, NOT in capitals)
      mines NOT Korea           mines, without Korea (or: mines -Korea)
      (mines OR landmines) Korea   grouping

    At most 32 words and 1,000 characters; at most 4 prefixes, of 3
    letters or more.  Copies of an article are not
    listed unless --include-duplicates.  Each line starts with the article's
    id (its first 12 characters), which `show` takes.

    Example: python -m pipeline search '"mine clearance" OR landmines' --site azernews --since 2021
    """
    from archive import QueryError

    filters = _filters(language, site, since, until, include_duplicates)
    with _read_archive(db) as archive:
        try:
            results = archive.search(query, limit=limit, **_as_kwargs(filters))
        except QueryError as exc:
            raise click.ClickException(f"cannot search for {query!r}: {exc} (see `search --help` for the syntax)") from None
    for row in results:
        if as_json:
            click.echo(json.dumps(row, ensure_ascii=False))
        else:
            click.echo(f"{row['id'][:12]}  {row['title'] or '(no title)'}  [{row['site'] or '?'}, {row['published'] or 'no date'}, {row['language']}]")
            click.echo("    " + " ".join(row["snippet"].split()))
    if not results and not as_json:
        click.echo(f"no articles match {query!r}", err=True)


def _as_kwargs(filters) -> dict:
    return {
        "language": filters.language,
        "site": filters.site,
        "since": filters.since,
        "until": filters.until,
        "include_duplicates": filters.include_duplicates,
    }


@cli.command()
@click.argument("article_id", metavar="ID")
@db_option
@click.option("--json", "as_json", is_flag=True, help="The article, its metadata and its removals as one JSON object.")
def show(article_id, db, as_json):
    """Show one article: its metadata, source, text, and every removal with its rule.

    ID is an article id or its first characters (at least 4), as `search`
    prints it.

    Example: python -m pipeline show 2fd675f439f4
    """
    from archive import AmbiguousId

    with _read_archive(db) as archive:
        try:
            record = archive.get(article_id)
        except (AmbiguousId, ValueError) as exc:
            raise click.ClickException(str(exc)) from None
    if record is None:
        raise click.ClickException(f"no article id starts with {article_id!r} in {db}")
    if as_json:
        click.echo(json.dumps(record, ensure_ascii=False, indent=2))
        return
    _print_article(record)


def _print_article(record: dict) -> None:
    click.echo(click.style(record["title"] or "(no title)", bold=True))
    confidence = record["language_confidence"]
    fields = [
        ("id", record["id"]),
        ("site", " · ".join(v for v in (record["site"], record["host"]) if v) or None),
        ("author", record["author"]),
        ("published", record["published"]),
        ("language", f"{record['language']} ({confidence:.2f})" if confidence is not None else record["language"]),
        ("words", record["word_count"]),
        ("url", record["url"]),
        ("source", f"{record['source']} ({record['format']})"),
        ("ingested", record["ingested_at"]),
        ("copy of", record["duplicate_of"]),
        ("copies", ", ".join(c[:12] for c in record["copies"]) or None),
    ]
    for name, value in fields:
        if value not in (None, ""):
            click.echo(f"{name + ':':11}{value}")
    click.echo("")
    click.echo(record["text"] or "(no text)")
    removed = record["removed"]
    click.echo("")
    click.echo(click.style(f"removed: {len(removed)} block{'s' if len(removed) != 1 else ''}", bold=True))
    by_rule: dict[str, list[dict]] = {}
    for removal in removed:
        by_rule.setdefault(removal["rule"], []).append(removal)
    for rule, items in by_rule.items():
        click.echo(f"  {rule} ({len(items)}): {items[0]['description']}")
        for item in items:
            text = " ".join(item["text"].split())
            click.echo(f"    {'(inline) ' if item['inline'] else ''}{text[:110]}{'…' if len(text) > 110 else ''}")


@cli.command()
@db_option
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "parquet"]), default="jsonl", show_default=True,
              help="jsonl: one JSON object a line; csv: with a header row; parquet: needs pyarrow (pip install 'newsclean[parquet]').")
@_filter_options
@click.option("--output", "-o", default="-", type=click.Path(dir_okay=False, allow_dash=True), help="File to write; default stdout (not for parquet).")
def export(db, fmt, language, site, since, until, include_duplicates, output):
    """Export clean articles for downstream jobs, in the order they were archived.

    \b
    Columns: id, url, host, site, title, author, published, description,
    language, language_confidence, text (paragraphs separated by a blank
    line), word_count, duplicate_of, source (the file it came from),
    ingested_at.  Copies are left out unless --include-duplicates.
    A file is written whole or not at all (FILE.part, renamed at the end).

    Example: python -m pipeline export --language en --since 2021-06 --format csv -o articles.csv
    """
    from archive.query import MissingExtra, articles, write_export

    filters = _filters(language, site, since, until, include_duplicates)
    if fmt == "parquet" and output == "-":
        raise click.ClickException("parquet is a binary format: give a file with -o, e.g. -o articles.parquet")
    with _read_archive(db) as archive:
        try:
            written = _write_to(output, fmt, lambda out: write_export(articles(archive.db, filters), fmt, out))
        except MissingExtra as exc:
            raise click.ClickException(str(exc)) from None
        click.echo(f"{written} article{'s' if written != 1 else ''} exported" + (f" to {output}" if output != "-" else ""), err=True)
        if not written and filters.language:
            known = [row[0] for row in archive.db.execute("select distinct language from articles order by 1") if row[0]]
            click.echo(f"no articles in language {filters.language!r}; the archive has: {', '.join(known) or 'none'}", err=True)


def _write_to(output: str, fmt: str, write) -> int:
    """Run write(file) on stdout or on OUTPUT.part, renamed to OUTPUT once complete."""
    binary = fmt == "parquet"
    if output == "-":
        stream = click.get_binary_stream("stdout") if binary else sys.stdout
        return write(stream)
    partial = Path(output + ".part")
    try:
        with open(partial, "wb") if binary else open(partial, "w", encoding="utf-8", newline="") as out:
            written = write(out)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    partial.replace(output)
    return written


@cli.command()
@db_option
@click.option("--json", "as_json", is_flag=True, help="One JSON object instead of the text tables.")
def stats(db, as_json):
    """Counts: pages by status, rejection reasons, languages, removals by rule.

    Example: python -m pipeline stats --db news.db
    """
    from archive import stats as run_stats

    with _read_archive(db) as archive:
        figures = run_stats(archive.db)
    if as_json:
        click.echo(json.dumps(figures, ensure_ascii=False, indent=2))
        return
    for key, value in figures.items():
        if isinstance(value, dict):
            click.echo(f"{key}:" + ("" if value else " none"))
            for k, v in value.items():
                click.echo(f"  {k}: {v}")
        else:
            click.echo(f"{key}: {value}")


@cli.group()
def sites():
    """Site memory: the lines each site prints on many pages.

    Example: python -m pipeline sites rebuild --db news.db
    """


@sites.command("rebuild")
@db_option
def sites_rebuild(db):
    """Recompute site memory from the articles and removals in the archive.

    Example: python -m pipeline sites rebuild --db news.db
    """
    from archive.site_memory import rebuild_site_memory

    archive = _open_existing(db)
    figures = rebuild_site_memory(archive.db)
    click.echo(f"learned {figures['lines']} distinct lines from {figures['pages']} pages of {figures['sites']} sites")


@sites.command("show")
@click.argument("site")
@db_option
@click.option("--limit", default=20, show_default=True, type=click.IntRange(1, 10_000), help="How many lines to list.")
def sites_show(site, db, limit):
    """The lines most often seen on SITE's pages; SITE is a host (example.com) or a site's name (any case).

    Example: python -m pipeline sites show azernews --db news.db
    """
    from archive.query import site_memory_keys
    from archive.site_memory import most_repeated_lines, site_page_count

    from .runs import plural

    with _read_archive(db) as archive:
        keys = site_memory_keys(archive.db, site)
        if not keys:
            raise click.ClickException(f"no site memory for {site!r} in {db}: no archived page of a site with that name or host")
        for key in keys:
            click.echo(f"{key}: {plural(site_page_count(archive.db, key), 'page')} learned")
            for count, line in most_repeated_lines(archive.db, key, limit):
                click.echo(f"{count:6}  {line[:100]}")


@cli.command()
@db_option
@click.option("--port", default=8001, show_default=True, type=int, help="Port to listen on.")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on; 0.0.0.0 to serve other machines.")
def serve(db, port, host):
    """Browse and search the archive in Datasette.

    Writes <db>.metadata.json beside the archive (facets, full-text search,
    canned queries) and starts Datasette on it.

    Example: python -m pipeline serve --db archive.db --port 8001
    """
    from archive.datasette import datasette_args, write_metadata

    _read_archive(db).close()
    meta = write_metadata(db)
    args = [sys.executable, "-m", "datasette", "serve", *datasette_args(db, meta), "--port", str(port), "--host", host]
    click.echo(" ".join(args), err=True)
    os.execv(sys.executable, args)


def _import_sqlite_utils_without_pandas() -> None:
    """Import sqlite-utils without the pandas it imports when pandas is installed.

    sqlite-utils imports pandas (and pandas pyarrow) at import time, only to
    convert pandas values given to its inserts, which the archive never
    gives it: ~100 MB in the ingest process and in every worker forked from
    it.  The command line is a process of its own, so its sqlite-utils goes
    without; pandas stays importable by anything else (export loads pyarrow
    itself).  Library callers are left as they are.
    """
    if "sqlite_utils" in sys.modules or "pandas" in sys.modules:
        return
    sys.modules["pandas"] = None  # makes `import pandas` raise ImportError
    try:
        import sqlite_utils  # noqa: F401
    finally:
        del sys.modules["pandas"]


def main():
    _import_sqlite_utils_without_pandas()
    # Not click's standalone mode: it answers Ctrl-C with "Aborted!" and exit code 1.
    try:
        code = cli.main(prog_name="newsclean", standalone_mode=False)
    except (KeyboardInterrupt, click.exceptions.Abort):
        click.echo("interrupted", err=True)
        sys.exit(130)
    except click.ClickException as exc:  # usage errors and the commands' own errors
        exc.show()
        sys.exit(exc.exit_code)
    except Exception as exc:  # one clear line, not a traceback (PIPELINE_DEBUG=1 shows it)
        if os.environ.get("PIPELINE_DEBUG"):
            raise
        click.echo(f"Error: {type(exc).__name__}: {exc}", err=True)
        sys.exit(1)
    sys.exit(code if isinstance(code, int) else 0)


if __name__ == "__main__":
    main()
