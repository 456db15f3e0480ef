"""pipeline.clean_html / clean_text: pages held in memory, cleaned without files or an archive."""

import gzip

import pytest

from conftest import HARBOUR_PAGE, SEEDS
from pipeline import Document, Options, clean_html, clean_text, process_document


def test_clean_html_from_str_and_bytes_in_any_encoding():
    doc = clean_html(HARBOUR_PAGE, url="https://harbour-news.example/fetched")
    assert doc.status == "ok", doc.reason
    assert doc.metadata["title"] == "Harbour reopens after storm repairs"
    assert doc.metadata["url"] == "https://WWW.Harbour-News.example/2021/06/harbour-reopens"  # the page's canonical
    assert "breakwater" in doc.text and "rawPageScriptRan" not in doc.text
    latin = HARBOUR_PAGE.replace("<head>", '<head><meta charset="windows-1252">').replace("harbour reopened", "harbour reopened – café")
    from_bytes = clean_html(latin.encode("cp1252"))
    assert "harbour reopened – café" in from_bytes.text
    assert clean_html(gzip.compress(HARBOUR_PAGE.encode())).text == doc.text


def test_clean_text_from_a_dump():
    raw = sorted(SEEDS.glob("*.txt"))[0].read_bytes()
    doc = clean_text(raw.decode("utf-8"))
    assert doc.status == "ok" and doc.metadata["language"] == "en"
    assert doc.removed and all(r.rule for r in doc.removed)
    assert clean_text(raw).text == doc.text


def test_bad_content_is_rejected_with_a_reason_or_refused():
    assert clean_html(b"").reason.startswith("empty")
    assert clean_text(b"\x00\x01\x02\xff" * 500).status == "rejected"
    with pytest.raises(TypeError, match="bytes or str"):
        clean_html(["<p>x</p>"])


def test_process_document_reads_a_document_built_from_bytes():
    # Once it silently returned an empty article.
    doc = process_document(Document(source="page.html", raw=HARBOUR_PAGE.encode()), Options())
    assert doc.status == "ok" and "breakwater" in doc.text
    with pytest.raises(TypeError, match="for a str use pipeline.clean_html"):
        process_document(Document(source="page.html", raw=HARBOUR_PAGE), Options())
