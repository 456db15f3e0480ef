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
    " cleaning runs ~1.5x faster, but more related-story teasers stay in (see README).",
)


def _open_existing(db: str):
    from archive import Archive

    if not Path(db).exists():
        raise click.ClickException(f"no archive at {db}: run `python -m pipeline ingest PATH --db {db}` first")
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

    PATHS are files or directories (walked for .txt, .text, .dump, .html,
    .htm, .xhtml, .warc, .jsonl, .ndjson and .gz files; names starting
    with "." are skipped).  What a file holds is read from its content: one
    page (HTML or a text dump, maybe gzipped), a WARC file (each HTML
    response a page) or a JSON Lines feed (each line a page: url, html or
    text, title, date).

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
        gone = f" (no such file or directory: {', '.join(found.missing)})" if found.missing else ""
        raise click.ClickException("no page files found in " + ", ".join(paths) + gone)
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
@click.option("--since", metavar="DATE", help="Only pages stored on or after this date (YYYY-MM-DD, or a time).")
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
    from datetime import datetime

    try:
        datetime.fromisoformat(value)
    except ValueError as exc:
        raise click.BadParameter(f"{value!r} is not a date such as 2024-06-01", param_hint="--since") from exc


def _options(fmt: str, language_backend: str, fast: bool) -> Options:
    try:
        return Options(format=fmt, language_backend=language_backend, fast=fast)
    except ValueError as exc:
        raise click.ClickException(str(exc)) from exc


def _open_for_writing(db: str):
    from archive import Archive

    try:
        return Archive(db)
    except Exception as exc:  # sqlite3.DatabaseError: "file is not a database"
        raise click.ClickException(f"{db} cannot be opened as an archive ({exc})") from exc


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

    FILES are what `ingest` takes: page files, WARC files, JSON Lines feeds
    and directories (walked as ingest walks them).  With --json each line holds: source, url, title, author, published,
    site, description, language, text (paragraphs separated by a blank
    line), status, reason and removed (a list of {rule, text}).  A file that cannot be
    cleaned still gets its line, with status "rejected" and the reason.

    Example: python -m pipeline clean seeds/*.txt --json > clean.jsonl
    """
    from .runner import clean_paths
    from .runs import expand_paths

    found = expand_paths(files)
    if not found.files:
        gone = f" (no such file or directory: {', '.join(found.missing)})" if found.missing else ""
        raise click.ClickException("no page files found in " + ", ".join(files) + gone)
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


@cli.command()
@click.argument("query")
@db_option
@click.option("--limit", default=10, show_default=True, type=click.IntRange(1, 10_000), help="How many articles to list.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per result.")
def search(query, db, limit, as_json):
    """Full-text search over titles and texts (SQLite FTS5), best match first.

    Words are matched as words (all of them must occur); copies of an
    article are not listed, only the original.

    Example: python -m pipeline search "mine clearance" --limit 5
    """
    from archive import search as run_search

    archive = _open_existing(db)
    results = run_search(archive.db, query, limit=limit)
    for row in results:
        if as_json:
            click.echo(json.dumps(row, ensure_ascii=False))
        else:
            click.echo(f"{row['id'][:12]}  {row['title'] or '(no title)'}  [{row['site'] or '?'}, {row['published'] or 'no date'}, {row['language']}]")
            click.echo("    " + " ".join(row["snippet"].split()))
    if not results and not as_json:
        click.echo(f"no articles match {query!r}", err=True)


@cli.command()
@db_option
@click.option("--format", "fmt", type=click.Choice(["jsonl"]), default="jsonl", show_default=True)
@click.option("--language", help="Only articles in this ISO 639-1 language, e.g. en (any case).")
@click.option("--include-duplicates", is_flag=True, help="Also export copies (they carry duplicate_of).")
@click.option("--output", "-o", type=click.File("w", encoding="utf-8"), default="-", help="File to write; default stdout.")
def export(db, fmt, language, include_duplicates, output):
    """Export clean articles for downstream jobs, one JSON object per line.

    Example: python -m pipeline export --language en -o articles.jsonl
    """
    from archive import export_articles, to_jsonl

    archive = _open_existing(db)
    language = language.strip().lower() if language else None
    written = 0
    for line in to_jsonl(export_articles(archive.db, language=language, include_duplicates=include_duplicates)):
        output.write(line + "\n")
        written += 1
    click.echo(f"{written} articles exported", err=True)
    if not written and language:
        known = [row[0] for row in archive.db.execute("select distinct language from articles order by 1") if row[0]]
        click.echo(f"no articles in language {language!r}; the archive has: {', '.join(known) or 'none'}", err=True)


@cli.command()
@db_option
@click.option("--json", "as_json", is_flag=True, help="One JSON object instead of the text tables.")
def stats(db, as_json):
    """Counts: pages by status, rejection reasons, languages, removals by rule.

    Example: python -m pipeline stats --db news.db
    """
    from archive import stats as run_stats

    archive = _open_existing(db)
    figures = run_stats(archive.db)
    if as_json:
        click.echo(json.dumps(figures, ensure_ascii=False, indent=2))
        return
    for key, value in figures.items():
        if isinstance(value, dict):
            click.echo(f"{key}:")
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
    """The lines most often seen on SITE's pages (a host like example.com, or a site name).

    Example: python -m pipeline sites show azernews --db news.db
    """
    from archive.site_memory import ensure_site_memory_schema, most_repeated_lines, site_page_count

    from .site_memory import site_key_of

    archive = _open_existing(db)
    ensure_site_memory_schema(archive.db)
    key = site_key_of(None, site) or site
    click.echo(f"{key}: {site_page_count(archive.db, key)} pages learned")
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
    from archive.datasette import write_metadata

    _open_existing(db).close()
    meta = write_metadata(db)
    args = [sys.executable, "-m", "datasette", "serve", db, "--metadata", str(meta), "--port", str(port), "--host", host]
    click.echo(" ".join(args), err=True)
    os.execv(sys.executable, args)


def main():
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
