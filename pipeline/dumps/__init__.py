"""Text dumps as the cleaner should read them, whatever tool saved them.

- `layout`: a dump's lines into blocks: wrapped paragraphs joined again,
  Markdown's headings, list items, links and emphasis read into plain
  blocks of a kind (`read_dump`).
- `metadata`: the headline, the date and the author a dump states (`dump_metadata`).

Neither changes a Document: the text cleaner calls them (see docs/).
"""
