"""Stages 5-7 in the process that owns the archive: site memory, dedupe look-ups, store.

Everything a page needs that does not depend on the archive was done by
the per-page work (pipeline.runner.process_input, in workers).  The writer
only looks up and inserts, in batched transactions: a batch commits every
BATCH_PAGES pages or BATCH_SECONDS seconds, so a page, its article, its
removals, its dedupe index entries and what site memory learns from it are
stored together or not at all, and a run stopped at any point leaves every
page whole or absent.
"""

from __future__ import annotations

import os
import traceback

from .dedupe import dedupe, sign
from .document import Document
from .packing import Packed
from .site_memory import SiteMemory, learn_from, remove_boilerplate

# A batch commits after this many pages or seconds, whichever comes first:
# one commit per page cost more than the look-ups; a longer batch would hold
# the write lock (which another ingest, or `sites rebuild`, waits for) longer.
BATCH_PAGES = 64
BATCH_SECONDS = 1.0


def store_page(
    archive, doc: Document, run_id: int, site_memory: SiteMemory | None, threshold: float | None,
    ingested_at: str | None = None, packed: Packed | None = None,
) -> Document:
    """Site memory, dedupe and the write of one processed page, in one savepoint of the open batch.

    `packed`: the page's bytes and removals as the per-page work packed them
    (pipeline.packing); without it the writer packs them.  A page whose
    storing fails (a bug, a constraint) is stored as rejected with the
    error instead, and the batch goes on.
    """
    try:
        with archive.transaction():
            _store(archive, doc, run_id, site_memory, threshold, ingested_at, packed)
    except Exception as exc:
        if os.environ.get("PIPELINE_DEBUG"):
            traceback.print_exc()
        failed = Document(source=doc.source, raw=doc.raw, format=doc.format, origin=doc.origin)
        failed.metadata["url"] = doc.metadata.get("url")
        failed.reject(f"error: storing the page failed ({type(exc).__name__}: {exc})")
        with archive.transaction():
            archive.write(failed, run_id=run_id, ingested_at=ingested_at)
        return failed
    return doc


def _store(archive, doc: Document, run_id: int, site_memory, threshold, ingested_at, packed) -> None:
    if site_memory is not None and remove_boilerplate(doc, site_memory):
        sign(doc)  # the text changed: its signature with it
        if packed is not None:
            packed.removals = None  # and its removals: encoded again when written
    dedupe(doc, archive, threshold)
    archive.write(doc, run_id=run_id, ingested_at=ingested_at, packed=packed)
    if site_memory is not None:
        learn_from(doc, site_memory)
