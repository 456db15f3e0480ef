"""Turn raw scraped news pages into clean articles with metadata.

Library API (the CLI is a thin layer over it):

    from pipeline import clean_paths, ingest, Options
    for doc in clean_paths(["seeds/000_2768534c0c2f43dc.txt"]):
        print(doc.metadata["title"], doc.text)
"""

__version__ = "0.1.0"

from .document import Block, Document, Removal  # noqa: E402
from .options import Options  # noqa: E402
from .runner import clean_paths, ingest, process_document, process_path  # noqa: E402

__all__ = ["Block", "Document", "Removal", "Options", "clean_paths", "ingest", "process_document", "process_path", "__version__"]
