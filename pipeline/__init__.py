"""Turn raw scraped news pages into clean articles with metadata.

Library API (the CLI is a thin layer over it):

    from pipeline import clean_html, clean_text, clean_paths

    doc = clean_html(html_bytes_or_str, url="https://example.com/news/1")
    print(doc.status, doc.metadata["title"], doc.text)
    for removal in doc.removed:
        print(removal.rule, removal.text)

    for doc in clean_paths(["seeds/000_2768534c0c2f43dc.txt"]):
        print(doc.metadata["title"], doc.text)
"""

__version__ = "0.1.0"

from dataclasses import replace as _replace  # noqa: E402

from .document import Block, Document, Removal  # noqa: E402
from .options import Options  # noqa: E402
from .read import read_bytes as _read_bytes  # noqa: E402
from .runner import clean_paths, ingest, process_document, process_path  # noqa: E402


def clean_html(content: bytes | str, url: str | None = None, options: Options | None = None) -> Document:
    """Clean one HTML page held in memory (bytes in any encoding, or str); no archive is touched.

    `url`: the address the page was fetched from, used to resolve its
    canonical URL.  Returns the Document: `status` "ok" with `text`,
    `metadata` and `removed`, or "rejected" with `reason` (an empty page,
    binary junk, a page over the size limit).
    """
    return _clean_content(content, "html", url, options)


def clean_text(content: bytes | str, url: str | None = None, options: Options | None = None) -> Document:
    """Clean one plain-text dump of a page held in memory (bytes or str), as clean_html does HTML."""
    return _clean_content(content, "text", url, options)


def _clean_content(content, fmt: str, url: str | None, options: Options | None) -> Document:
    if isinstance(content, str):
        raw = content.encode("utf-8")
    elif isinstance(content, (bytes, bytearray, memoryview)):
        raw = bytes(content)
    else:
        raise TypeError(f"clean_{fmt} takes the page as bytes or str, not {type(content).__name__}")
    options = _replace(options or Options(), format=fmt)
    doc = _read_bytes(raw, source=url or f"<{fmt}>", options=options)
    if url and doc.ok:
        doc.metadata["url"] = url
    return process_document(doc, options)


__all__ = [
    "Block",
    "Document",
    "Removal",
    "Options",
    "clean_html",
    "clean_paths",
    "clean_text",
    "ingest",
    "process_document",
    "process_path",
    "__version__",
]
