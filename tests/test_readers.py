"""Readers: what a scraper saved, as pages (pipeline/readers)."""

import base64
import gzip
import json
import quopri
import sys
from pathlib import Path

import pytest

from pipeline.options import Options
from pipeline.read import read_bytes, read_input, sniff_format
from pipeline.readers import KIND_ARC, KIND_CSV, KIND_FEED, KIND_HAR, KIND_JSON, KIND_JSONL, KIND_MHTML, KIND_PAGE, KIND_WACZ, KIND_WARC, file_kind, read_file
from pipeline.readers.warc import response_record, warc_record
from pipeline.runner import process_input

PAGE = (
    "<html><head><title>Stadtrat beschließt Haushalt</title></head><body><article><h1>Stadtrat beschließt Haushalt</h1>"
    "<p>Der Stadtrat hat am Montagabend nach langer Debatte den Haushalt für das kommende Jahr beschlossen, mit mehr Geld für Schulen.</p>"
    "<p>Die Opposition kritisierte, dass die Straßen im Norden der Stadt erneut warten müssten, obwohl sie seit Jahren marode seien.</p>"
    "</article></body></html>"
)


_WORDS = (
    "Stadtrat Haushalt Schulen Straßen Brücke Bahnhof Theater Markt Hafen Klinik Bäckerei Bibliothek Museum Rathaus "
    "Bürgermeisterin Feuerwehr Polizei Gericht Kirche Schwimmbad Radweg Kita Turnhalle Friedhof Wochenmarkt Stadtpark "
    "Kläranlage Busspur Sporthalle Musikschule Landrat Gemeinde Verein Kreistag Förderung Sanierung Umbau Neubau "
    "Gutachten Antrag Einwohner Anwohner Händler Schüler Lehrer Eltern Senioren Pendler Touristen Landwirte"
).split()


def page(n: int) -> bytes:
    """A news page of its own: three paragraphs no other page's shares (pages must not be near-copies of each other)."""
    import random

    rng = random.Random(n)

    def sentence():
        a, b, c, d = rng.sample(_WORDS, 4)
        return f"Der {a} und die {b} haben am Montag mit dem {c} über die {d} gesprochen, weil es nicht anders ging."

    paragraphs = "".join(f"<p>{' '.join(sentence() for _ in range(3))}</p>" for _ in range(3))
    title = f"Nachricht {n}: {rng.choice(_WORDS)}"
    return f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>{paragraphs}</article></body></html>".encode()


PARAGRAPHS_DE = "\n".join(
    [
        "Der Stadtrat hat am Montagabend nach langer Debatte den Haushalt für das kommende Jahr beschlossen, mit mehr Geld für Schulen.",
        "Die Opposition kritisierte, dass die Straßen im Norden der Stadt erneut warten müssten, obwohl sie seit Jahren marode seien.",
        "Die Bürgermeisterin verteidigte den Plan: Die Schulen hätten Vorrang, die Straßen kämen im nächsten Jahr an die Reihe.",
    ]
)


def read_all(path, options=Options(), skipped=None):
    return list(read_file(str(path), options, skipped))


# -- sniffing -------------------------------------------------------------------


def test_files_are_told_apart_by_content_not_name(tmp_path):
    warc = tmp_path / "crawl.txt"
    warc.write_bytes(response_record("https://example.com/a", page(1)))
    feed = tmp_path / "feed.html"
    feed.write_text(json.dumps({"url": "https://example.com/b", "html": PAGE}) + "\n")
    plain = tmp_path / "page.jsonl"
    plain.write_bytes(page(2))
    zipped = tmp_path / "crawl.warc.gz"
    zipped.write_bytes(gzip.compress(response_record("https://example.com/c", page(3))))
    assert [file_kind(p) for p in (warc, feed, plain, zipped)] == [KIND_WARC, KIND_JSONL, KIND_PAGE, KIND_WARC]


def test_a_page_that_opens_with_a_style_block_is_html():
    css = "<style>" + "body { margin: 0 } .menu a { color: red }\n" * 400 + "</style>"
    assert len(css) > 8192
    assert sniff_format((css + PAGE).encode()) == "html"
    assert sniff_format(b"<script>var x = 1;</script><div>x</div>") == "html"
    assert sniff_format(b"Plain text that mentions <b> once") == "text"


def test_format_option_overrides_what_the_container_says(tmp_path):
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"html": PAGE}) + "\n")
    (item,) = read_all(feed)
    assert read_input(item, Options()).format == "html"
    assert read_input(item, Options(format="text")).format == "text"


# -- WARC -------------------------------------------------------------------------


def warc_file(tmp_path, records, name="crawl.warc.gz", gzipped=True):
    path = tmp_path / name
    path.write_bytes(b"".join(gzip.compress(r) if gzipped else r for r in records))
    return path


def test_warc_html_responses_become_pages_with_url_date_and_offset(tmp_path):
    records = [
        warc_record("warcinfo", "", b"software: wget", content_type="application/warc-fields"),
        warc_record("request", "https://example.com/a", b"GET /a HTTP/1.1\r\n\r\n"),
        response_record("https://example.com/a", page(1), date="2024-06-01T10:00:00Z"),
        response_record("https://example.com/logo.png", b"\x89PNG....", content_type="image/png"),
        response_record("https://example.com/old", b"", status="301 Moved Permanently"),
        response_record("https://example.com/b", page(2).decode().encode("cp1252", "replace"), content_type="text/html; charset=windows-1252"),
    ]
    path = warc_file(tmp_path, records)
    skipped = {}
    from collections import Counter

    skipped = Counter()
    pages = read_all(path, skipped=skipped)
    assert [p.hints["url"] for p in pages] == ["https://example.com/a", "https://example.com/b"]
    assert pages[0].hints["fetched_at"] == "2024-06-01T10:00:00+00:00"
    assert pages[1].hints["charset"] == "windows-1252"
    assert pages[0].source.startswith(f"{path}@") and pages[0].source != pages[1].source
    assert sum(skipped.values()) == 4
    doc = process_input(pages[0], Options())
    assert doc.status == "ok" and doc.metadata["url"] == "https://example.com/a" and "gesprochen" in doc.text
    assert doc.origin["fetched_at"] == "2024-06-01T10:00:00+00:00"
    assert "über" in process_input(pages[1], Options()).text


def test_a_wet_files_text_records_are_text_dumps_with_their_url_and_date(tmp_path):
    """Common Crawl's WET files: a conversion record of plain text a page, the text of its blocks a line each."""
    text = "\n".join(["Stadtrat beschließt Haushalt | Leipziger Zeitung", "Startseite", "Politik", "Stadtrat beschließt Haushalt", PARAGRAPHS_DE, "© 2024 Leipziger Zeitung"])
    records = [
        warc_record("warcinfo", "", b"software: cc", content_type="application/warc-fields"),
        warc_record("conversion", "https://example.com/a", text.encode(), date="2024-06-01T10:00:00Z", content_type="text/plain"),
        warc_record("conversion", "https://example.com/b.pdf", b"%PDF", content_type="application/pdf"),
    ]
    path = warc_file(tmp_path, records, name="crawl.warc.wet.gz")
    (item,) = read_all(path)
    assert item.hints == {"format": "text", "charset": "utf-8", "url": "https://example.com/a", "fetched_at": "2024-06-01T10:00:00+00:00"}
    doc = process_input(item, Options())
    assert doc.format == "text" and doc.metadata["title"] == "Stadtrat beschließt Haushalt"
    assert doc.text.endswith(PARAGRAPHS_DE.split("\n")[-1]) and "Leipziger Zeitung" not in doc.text


def test_a_zstd_compressed_warc_is_read(tmp_path):
    """The WARC zstd extension (.warc.zst): FastWARC reads it; the kind is sniffed from the decompressed head."""
    import io

    from fastwarc.stream_io import ZstdWriter

    from pipeline.runs import expand_paths

    out = io.BytesIO()
    writer = ZstdWriter(out)
    for n in range(3):
        writer.write(response_record(f"https://example.com/{n}", page(n)))
    writer.close()
    path = tmp_path / "crawl.warc.zst"
    path.write_bytes(out.getvalue())
    assert file_kind(path) == KIND_WARC and expand_paths([str(tmp_path)]).files == [str(path)]
    assert [p.hints["url"] for p in read_all(path)] == [f"https://example.com/{n}" for n in range(3)]


@pytest.mark.parametrize("gzipped", [True, False])
def test_a_warc_cut_in_the_middle_keeps_the_records_before(tmp_path, gzipped):
    records = [response_record(f"https://example.com/{n}", page(n) * 20) for n in range(4)]
    path = warc_file(tmp_path, records, gzipped=gzipped)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) * 5 // 8])
    pages = read_all(path)
    good = [p for p in pages if not p.reason]
    assert [p.hints["url"] for p in good] == ["https://example.com/0", "https://example.com/1"]
    assert len(pages) == 3 and pages[-1].reason.startswith("bad_warc:"), pages[-1].reason


@pytest.mark.parametrize("gzipped", [True, False])
def test_damage_inside_a_warc_costs_only_the_records_it_spoils(tmp_path, gzipped):
    records = [response_record(f"https://example.com/{n}", page(n)) for n in range(5)]
    packed = [gzip.compress(r) if gzipped else r for r in records]
    cut = packed[2][: len(packed[2]) // 2]  # a record cut in half, the next one right after it
    path = tmp_path / "crawl.warc"
    path.write_bytes(packed[0] + packed[1] + cut + b"junk between records\r\n" + packed[3] + packed[4])
    pages = read_all(path)
    good = [p.hints["url"] for p in pages if not p.reason]
    assert {"https://example.com/0", "https://example.com/1", "https://example.com/3", "https://example.com/4"} <= set(good), [p.reason for p in pages]
    bad = [p for p in pages if p.reason]
    assert bad and all(p.reason.startswith("bad_warc: the file could not be read") for p in bad), [p.reason for p in bad]
    assert "reading went on at offset" in bad[0].reason and ".." in bad[0].source


def test_a_warc_record_over_the_size_limit_is_rejected_unread(tmp_path):
    big = b"<html><body>" + b"<p>x</p>" * 7_000_000 + b"</body></html>"  # 56 MB
    path = warc_file(tmp_path, [response_record("https://example.com/big", big), response_record("https://example.com/ok", page(1))], gzipped=False)
    pages = read_all(path)
    assert pages[0].reason.startswith("too_large: a record of") and not pages[0].raw
    assert pages[1].hints["url"] == "https://example.com/ok" and not pages[1].reason


def _http_response(uri: str, payload: bytes, coding: str | None = None, chunked: bool = False) -> bytes:
    """A WARC response record of a body as a server sent it: content-coded, then chunked."""
    head = "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n" + (f"Content-Encoding: {coding}\r\n" if coding else "")
    if chunked:
        pieces = [payload[i : i + 100] for i in range(0, len(payload), 100)]
        http = (head + "Transfer-Encoding: chunked\r\n\r\n").encode() + b"".join(b"%x\r\n%s\r\n" % (len(p), p) for p in pieces) + b"0\r\n\r\n"
    else:
        http = (head + f"Content-Length: {len(payload)}\r\n\r\n").encode() + payload
    return warc_record("response", uri, http, content_type="application/http; msgtype=response")


def _fastwarc_compressed(data: bytes, coding: str) -> bytes:
    import io

    from fastwarc.stream_io import BrotliWriter, ZstdWriter

    out = io.BytesIO()
    writer = (BrotliWriter if coding == "br" else ZstdWriter)(out)
    writer.write(data)
    writer.close()
    return out.getvalue()


@pytest.mark.parametrize("gzipped", [True, False])
def test_warc_bodies_in_every_content_coding_chunked_or_not_are_pages(tmp_path, gzipped):
    """wget, Heritrix and browser crawlers store the body as the server sent it: compressed, chunked, or both.

    A body chunked and compressed once made the WARC reader lose every
    record after it, without a word."""
    import zlib

    body = page(1)
    coded = {
        "gzip": gzip.compress(body),
        "x-gzip": gzip.compress(body),
        "deflate": zlib.compress(body),
        "br": _fastwarc_compressed(body, "br"),
        "zstd": _fastwarc_compressed(body, "zstd"),
    }
    records, names = [], []
    for coding, payload in coded.items():
        for chunked in (False, True):
            names.append(f"https://example.com/{coding}-{chunked}")
            records.append(_http_response(names[-1], payload, coding, chunked))
    raw_deflate = zlib.compressobj(wbits=-15)
    names += ["https://example.com/raw-deflate", "https://example.com/chunked", "https://example.com/stored-decoded", "https://example.com/last"]
    records += [
        _http_response(names[-4], raw_deflate.compress(body) + raw_deflate.flush(), "deflate"),
        _http_response(names[-3], body, chunked=True),
        _http_response(names[-2], body, "gzip"),  # an archiver that stored the body decoded, under the server's headers
        response_record(names[-1], page(2)),
    ]
    pages = read_all(warc_file(tmp_path, records, gzipped=gzipped))
    assert [p.hints["url"] for p in pages] == names, [p.reason for p in pages]
    assert all(not p.reason and p.raw == body for p in pages[:-1]), [(p.hints["url"], p.reason, p.raw[:20]) for p in pages if p.raw != body]
    assert process_input(pages[0], Options()).status == "ok"


def test_a_warc_body_that_cannot_be_decoded_is_rejected_and_the_next_record_is_read(tmp_path):
    bomb = gzip.compress(b"<p>a</p>" * 3_000_000)  # 24 MB from 70 KB: over the 20 MB page limit
    records = [
        _http_response("https://example.com/garbled", bytes(range(256)) * 4, "gzip"),
        _http_response("https://example.com/compress", bytes(range(256)) * 4, "compress"),
        _http_response("https://example.com/cut", gzip.compress(page(1))[:40] + bytes(range(200)), "br"),
        _http_response("https://example.com/bomb", bomb, "gzip", chunked=True),
        response_record("https://example.com/ok", page(2)),
    ]
    pages = read_all(warc_file(tmp_path, records))
    reasons = [p.reason for p in pages]
    assert reasons[0].startswith("bad_warc: the record's HTTP body cannot be decoded (gzip:"), reasons
    assert reasons[1].startswith("bad_warc: the record's HTTP body cannot be decoded (compress: Content-Encoding 'compress' is none of"), reasons
    assert reasons[2].startswith("bad_warc: the record's HTTP body cannot be decoded (br:"), reasons
    assert reasons[3].startswith("too_large: the record's body decodes (gzip) to over the limit"), reasons
    assert pages[4].hints["url"] == "https://example.com/ok" and not pages[4].reason and len(pages) == 5


def test_warc_http_heads_as_writers_other_than_wget_leave_them(tmp_path):
    """An HTTP/2 status line, one without a reason phrase, header lines ending in a bare LF, a record without its own Content-Type."""
    body = page(1)

    def response(uri, head_lines, separator="\r\n", record_type="application/http; msgtype=response"):
        head = separator.join([*head_lines, f"Content-Length: {len(body)}", "", ""]).encode()
        return warc_record("response", uri, head + body, content_type=record_type)

    records = [
        response("https://example.com/h2", ["HTTP/2 200", "content-type: text/html; charset=UTF-8"]),
        response("https://example.com/lf", ["HTTP/1.1 200 OK", "Content-Type: text/html"], separator="\n"),
        response("https://example.com/untyped", ["HTTP/1.1 200 OK", "Content-Type: text/html"], record_type=""),
        response("https://example.com/twice", ["HTTP/1.1 200 OK", "Content-Type: text/html", "Content-Encoding: identity", "Content-Encoding: gzip"]),
        response("https://example.com/image", ["HTTP/1.1 200 OK", "Content-Type: image/png"]),
        response("https://example.com/untyped-http", ["HTTP/1.1 200 OK", "Server: x"]),  # no Content-Type: sniffed, as browsers do
        warc_record("response", "https://example.com/untyped-png", b"HTTP/1.1 200 OK\r\n\r\n\x89PNG\r\n\x1a\n", content_type="application/http; msgtype=response"),
        warc_record("response", "https://example.com/no-http", b"not an HTTP response", content_type="application/http; msgtype=response"),
    ]
    from collections import Counter

    skipped = Counter()
    pages = read_all(warc_file(tmp_path, records), skipped=skipped)
    assert [p.hints["url"] for p in pages] == ["https://example.com/h2", "https://example.com/lf", "https://example.com/untyped", "https://example.com/twice", "https://example.com/untyped-http"]
    assert all(p.raw == body and not p.reason for p in pages) and pages[0].hints["charset"] == "utf-8"
    assert skipped == {"WARC responses of type image/png": 1, "WARC responses of type unknown": 1, "WARC responses with HTTP status unreadable": 1}


def _wacz(path, members: dict[str, bytes], compression=None):
    """A WACZ as Browsertrix writes it: its WARC stored, its indexes and page list beside it."""
    import zipfile

    with zipfile.ZipFile(path, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data, compress_type=compression or (zipfile.ZIP_STORED if name.endswith(".gz") else zipfile.ZIP_DEFLATED))
    return path


@pytest.mark.parametrize("compression", [None, "deflated"])
def test_a_wacz_files_warc_members_are_read_as_warc_files(tmp_path, compression):
    import zipfile

    first = b"".join(gzip.compress(r) for r in [warc_record("warcinfo", "", b"software: browsertrix", content_type="application/warc-fields"), response_record("https://example.com/a", page(1)), response_record("https://example.com/img", b"\x89PNG", content_type="image/png")])
    second = response_record("https://example.com/b", page(2))
    path = _wacz(
        tmp_path / "crawl.wacz",
        {
            "archive/data.warc.gz": first,
            "archive/data-2.warc": second,
            "indexes/index.cdx.gz": gzip.compress(b"com,example)/a 20240601 {}"),
            "pages/pages.jsonl": b'{"format": "json-pages-1.0"}\n{"url": "https://example.com/a"}\n',
            "datapackage.json": b'{"profile": "data-package"}',
        },
        zipfile.ZIP_DEFLATED if compression else None,
    )
    assert file_kind(path) == KIND_WACZ
    from collections import Counter

    skipped = Counter()
    pages = read_all(path, skipped=skipped)
    assert [p.hints["url"] for p in pages] == ["https://example.com/b", "https://example.com/a"]  # members in name order
    assert pages[0].source.startswith(f"{path}#archive/data-2.warc@") and pages[1].source.startswith(f"{path}#archive/data.warc.gz@")
    assert all(p.file == str(path) and not p.reason for p in pages) and skipped == {"WARC warcinfo records": 1, "WARC responses of type image/png": 1}
    assert process_input(pages[1], Options()).status == "ok"


def test_a_wacz_that_is_no_readable_zip_or_holds_no_warc_is_one_rejected_record(tmp_path):
    whole = _wacz(tmp_path / "a.wacz", {"archive/data.warc.gz": gzip.compress(response_record("https://example.com/a", page(1))), "datapackage.json": b"{}"})
    cut = tmp_path / "cut.wacz"
    cut.write_bytes(whole.read_bytes()[:-30])  # a download cut short: the ZIP's index at its end is gone
    (item,) = read_all(cut)
    assert item.reason.startswith("bad_warc: the WACZ file is no readable ZIP"), item.reason
    empty = _wacz(tmp_path / "empty.wacz", {"datapackage.json": b"{}"})
    (item,) = read_all(empty)
    assert item.reason == "bad_warc: the WACZ file holds no archive/*.warc or archive/*.warc.gz member"







# -- HAR files ---------------------------------------------------------------------


def har_entry(url: str, body: str | None, mime: str = "text/html; charset=utf-8", status: int = 200, base64_body: bool = False) -> dict:
    content = {"size": len(body or ""), "mimeType": mime}
    if body is not None:
        content["text"] = base64.b64encode(body.encode("latin-1") if "8859" in mime else body.encode()).decode() if base64_body else body
        if base64_body:
            content["encoding"] = "base64"
    return {
        "startedDateTime": "2024-06-01T12:00:00.123Z",
        "request": {"method": "GET", "url": url, "headers": []},
        "response": {"status": status, "statusText": "", "headers": [], "content": content},
        "timings": {},
    }


def har_file(path, entries, **kwargs):
    har = {"log": {"version": "1.2", "creator": {"name": "Playwright", "version": "1.65"}, "pages": [], "entries": entries}}
    path.write_text(json.dumps(har, **kwargs))
    return path


@pytest.mark.parametrize("indent", [None, 2])
def test_a_har_files_html_responses_with_their_bodies_are_pages(tmp_path, indent):
    """Playwright's record_har_path and a browser's "Save all as HAR": every request and response, pages among images and scripts."""
    from collections import Counter

    path = har_file(tmp_path / "session.har", [
        har_entry("https://example.com/a", page(1).decode()),
        har_entry("https://example.com/logo.png", "iVBORw0KGgo=", "image/png", base64_body=False),
        har_entry("https://example.com/app.js", "var a = 1;", "application/javascript"),
        har_entry("https://example.com/old", "", status=301),
        har_entry("https://example.com/b", page(2).decode(), "text/html; charset=ISO-8859-1", base64_body=True),
        har_entry("https://example.com/omitted", None),
        har_entry("https://tracker.example.net/pixel", None, "", status=-1),  # a request the browser blocked
    ], indent=indent)
    assert file_kind(path) == KIND_HAR
    skipped = Counter()
    first, second = read_all(path, skipped=skipped)
    assert first.source == f"{path}:.log.entries[0]" and first.raw == page(1)
    assert first.hints == {"format": "html", "charset": "utf-8", "url": "https://example.com/a", "fetched_at": "2024-06-01T12:00:00.123000+00:00"}
    assert second.source == f"{path}:.log.entries[4]" and second.raw == page(2).decode().encode("latin-1")
    assert second.hints["charset"] == "iso-8859-1"
    assert skipped == {
        "HAR responses of type image/png": 1, "HAR responses of type application/javascript": 1,
        "HAR responses with HTTP status 301": 1, "HAR HTML responses saved without their body": 1,
        "HAR requests that got no response": 1,
    }
    assert process_input(first, Options()).status == "ok"


def test_a_har_file_with_media_too_large_to_read_or_cut_short_keeps_its_pages(tmp_path):
    from collections import Counter

    video = har_entry("https://example.com/clip.mp4", "A" * 400_000, "video/mp4")
    path = har_file(tmp_path / "big.har", [video, har_entry("https://example.com/a", page(1).decode()), har_entry("https://example.com/b", page(2).decode())])
    skipped = Counter()
    pages = read_all(path, Options(max_page_bytes=100_000), skipped)
    assert [p.hints["url"] for p in pages] == ["https://example.com/a", "https://example.com/b"]
    assert skipped == {"HAR entries too large to read (media)": 1}
    whole = path.read_bytes()
    path.write_bytes(whole[: whole.index(b"https://example.com/b") + 10])
    pages = read_all(path, Options(max_page_bytes=100_000))
    assert [p.hints.get("url") for p in pages if not p.reason] == ["https://example.com/a"]
    assert pages[-1].reason.startswith("bad_json: the file is cut off") and pages[-1].reason.endswith("the entries before it are kept, the rest of the file is not read"), pages[-1].reason

# -- ARC files ---------------------------------------------------------------------


def arc_record(url: str, content: bytes, content_type: str = "text/html", date: str = "20040315120000", version: int = 1) -> bytes:
    """One ARC record: its header line (version 1, or 2 with its five more fields), its bytes, a newline."""
    more = " 200 SHA1CHECKSUM - 1234 test.arc" if version == 2 else ""
    return f"{url} 192.0.2.1 {date} {content_type}{more} {len(content)}\n".encode() + content + b"\n"


def arc_http(body: bytes, status: str = "200 OK", content_type: str = "text/html; charset=utf-8") -> bytes:
    return f"HTTP/1.0 {status}\r\nContent-Type: {content_type}\r\n\r\n".encode() + body


ARC_HEAD = arc_record("filedesc://crawl.arc", b"1 0 Alexa Internet\nURL IP-address Archive-date Content-type Archive-length\n", "text/plain")


@pytest.mark.parametrize("gzipped", [False, True], ids=["arc", "arc.gz"])
@pytest.mark.parametrize("version", [1, 2])
def test_an_arc_files_html_responses_are_pages_with_url_date_and_charset(tmp_path, gzipped, version):
    from collections import Counter

    records = [
        ARC_HEAD,
        arc_record("http://example.com/a", arc_http(page(1)), version=version),
        arc_record("dns:example.com", b"20040315120000\nexample.com. 3600 IN A 192.0.2.1", "text/dns", version=version),
        arc_record("http://example.com/logo.gif", arc_http(b"GIF89a", content_type="image/gif"), "image/gif", version=version),
        arc_record("http://example.com/old", arc_http(b"", "301 Moved Permanently"), version=version),
        arc_record("http://example.com/b", arc_http(page(2).decode().encode("latin-1", "replace"), content_type="text/html; charset=ISO-8859-1"), version=version),
    ]
    path = tmp_path / ("crawl.arc.gz" if gzipped else "crawl.arc")
    path.write_bytes(b"".join(gzip.compress(r) for r in records) if gzipped else b"".join(records))
    assert file_kind(path) == KIND_ARC
    skipped = Counter()
    first, second = read_all(path, skipped=skipped)
    assert first.raw == page(1) and first.source == f"{path}@{len(ARC_HEAD)}"
    assert first.hints == {"format": "html", "url": "http://example.com/a", "fetched_at": "2004-03-15T12:00:00+00:00", "charset": "utf-8"}
    assert second.hints["url"] == "http://example.com/b" and second.hints["charset"] == "iso-8859-1"
    assert skipped == {"ARC records of type text/dns": 1, "ARC records of type image/gif": 1, "ARC responses with HTTP status 301": 1}
    assert process_input(first, Options()).status == "ok"


def test_damage_inside_an_arc_costs_only_the_bytes_it_spoils(tmp_path):
    good = [arc_record(f"http://example.com/{n}", arc_http(page(n))) for n in range(3)]
    path = tmp_path / "damaged.arc"
    garbage = b"\x00garbage that is no record\nnor this\n"
    path.write_bytes(ARC_HEAD + good[0] + garbage + good[1] + good[2])
    pages = read_all(path)
    assert [p.hints.get("url") for p in pages if not p.reason] == [f"http://example.com/{n}" for n in range(3)]
    (bad,) = [p for p in pages if p.reason]
    start = len(ARC_HEAD) + len(good[0])
    end = start + len(garbage)
    assert bad.source == f"{path}@{start}" and bad.reason == f"bad_arc: bytes {start} to {end} are no record (no header line); reading went on at offset {end}"


def test_an_arc_cut_short_keeps_the_records_before_and_one_over_the_limit_is_rejected_unread(tmp_path):
    records = [arc_record(f"http://example.com/{n}", arc_http(page(n))) for n in range(3)]
    whole = ARC_HEAD + b"".join(records)
    for gzipped in (False, True):
        path = tmp_path / f"cut{int(gzipped)}.arc"
        data = b"".join(gzip.compress(r) for r in [ARC_HEAD, *records]) if gzipped else whole
        path.write_bytes(data[:-300])
        pages = read_all(path)
        assert [p.hints.get("url") for p in pages if not p.reason] == ["http://example.com/0", "http://example.com/1"]
        assert pages[-1].reason.startswith("bad_arc: ") and pages[-1].reason.endswith("the records before it are kept, the rest of the file is not read"), pages[-1].reason
    # A record no page is read past too: cut, it says so.
    image = tmp_path / "image.arc"
    image.write_bytes((ARC_HEAD + records[0] + arc_record("http://example.com/x.gif", b"GIF89a" + bytes(500), "image/gif"))[:-200])
    first, cut = read_all(image)
    assert not first.reason and cut.reason.startswith("bad_arc: the file ends inside the record at offset"), cut.reason
    large = tmp_path / "large.arc"
    large.write_bytes(ARC_HEAD + arc_record("http://example.com/big", arc_http(b"<p>" + b"a" * 5000)) + records[0])
    big, after = read_all(large, Options(max_page_bytes=3000))
    assert big.reason == f"too_large: a record of {5000 + 3 + len(arc_http(b''))} bytes > limit 3000" and not big.raw
    assert after.hints["url"] == "http://example.com/0" and not after.reason

# -- Parquet exports --------------------------------------------------------------


def parquet_file(path, rows, **kwargs):
    import pyarrow as pa
    import pyarrow.parquet as pq

    pq.write_table(pa.Table.from_pylist(rows), path, **kwargs)
    return path


def test_parquet_exports_are_read_a_page_a_row_with_their_columns(tmp_path):
    """pandas' to_parquet, Hugging Face datasets and Spark write a crawl's records so: columns named as a record's fields, in any case."""
    from datetime import datetime

    latin = page(3).decode().replace("<head>", '<head><meta charset="iso-8859-1">').encode("latin-1")
    path = parquet_file(tmp_path / "crawl.parquet", [
        {"URL": "https://example.com/a", "Title": "Nachricht A", "html": page(1).decode(), "date": datetime(2024, 5, 6, 10), "authors": ["Anna Berg", "Jan Ott"], "metadata": None, "raw": None},
        {"URL": None, "Title": None, "html": None, "date": None, "authors": None, "metadata": {"sourceURL": "https://example.com/b", "ogSiteName": "Beispiel"}, "raw": None},
        {"URL": "https://example.com/c", "Title": None, "html": None, "date": None, "authors": None, "metadata": None, "raw": None},
    ], row_group_size=1)
    # The second row's page is in a nested object's field, as Firecrawl nests its metadata; the third has none.
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pq.read_table(path).set_column(1, "Title", pa.array(["Nachricht A", None, None]))
    table = table.append_column("text", pa.array([None, PARAGRAPHS_DE, None]))
    pq.write_table(table, path, row_group_size=1)
    binary = parquet_file(tmp_path / "binary.parquet", [{"url": "https://example.com/d", "content": latin}])
    first, second, third = read_all(path)
    assert first.source == f"{path}:1" and not first.reason
    assert first.hints == {"charset": "utf-8", "format": "html", "url": "https://example.com/a", "title": "Nachricht A", "published": "2024-05-06T10:00:00", "author": "Anna Berg; Jan Ott"}
    assert first.raw == page(1)
    assert second.hints["url"] == "https://example.com/b" and second.hints["site"] == "Beispiel" and second.raw.decode() == PARAGRAPHS_DE
    assert third.reason.startswith("no_content: row 3 has no text")
    (decoded,) = read_all(binary)
    doc = process_input(decoded, Options())
    assert doc.status == "ok" and "über" in doc.text, doc.reason


def test_a_parquet_file_without_a_content_column_or_pyarrow_says_so(tmp_path, monkeypatch):
    numbers = parquet_file(tmp_path / "numbers.parquet", [{"x": 1, "y": "a"}])
    (none,) = read_all(numbers)
    assert none.reason == "no_content: the file has no column named rawHtml, raw_html, html, body, content, text, maintext, markdown, raw_text (its columns: x, y)"
    pages = parquet_file(tmp_path / "pages.parquet", [{"url": "https://example.com/a", "html": page(1).decode()}])
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    (missing,) = read_all(pages)
    assert missing.reason == "unreadable: reading a Parquet file needs pyarrow, which is not installed: pip install 'newsclean[parquet]'"


def test_a_parquet_file_cut_short_or_damaged_is_a_rejected_record(tmp_path):
    rows = [{"url": f"https://example.com/{n}", "html": page(n).decode()} for n in range(6)]
    path = parquet_file(tmp_path / "cut.parquet", rows, row_group_size=2)
    whole = path.read_bytes()
    path.write_bytes(whole[: len(whole) // 2])  # the footer, which indexes the row groups, is lost
    (cut,) = read_all(path)
    assert cut.reason.startswith("bad_parquet: the file cannot be opened"), cut.reason
    # A damaged row group costs its own rows; the other groups are read.
    import io

    import pyarrow.parquet as pq

    start = pq.ParquetFile(io.BytesIO(whole)).metadata.row_group(1).column(1).data_page_offset  # the second group's pages
    damaged = bytearray(whole)
    damaged[start : start + 400] = b"\xff" * 400
    path.write_bytes(bytes(damaged))
    read = read_all(path)
    assert [p.hints.get("url") for p in read if not p.reason] == [f"https://example.com/{n}" for n in (0, 1, 4, 5)]
    (bad,) = [p for p in read if p.reason]
    assert bad.source == f"{path}:3..4" and bad.reason.startswith("bad_parquet: rows 3 to 4 (row group 1) cannot be read"), bad.reason


def test_parquet_files_in_a_directory_are_read_when_they_hold_pages(tmp_path):
    from pipeline import runs

    parquet_file(tmp_path / "pages.parquet", [{"url": "https://example.com/a", "html": page(1).decode()}])
    parquet_file(tmp_path / "numbers.parquet", [{"x": 1}])
    (tmp_path / "fake.parquet").write_bytes(b"not parquet at all")
    found = runs.expand_paths([str(tmp_path)])
    assert [Path(f).name for f in found.files] == ["pages.parquet"]
    assert found.left_out == {".parquet": 2}

# -- Scrapy's HTTP cache ----------------------------------------------------------


def scrapy_entry(root, url, status=200, headers=None, body=b"", gzipped=False, meta=None):
    """One response as Scrapy's FilesystemCacheStorage saves it: six files in a directory named by the request's fingerprint."""
    import hashlib
    import pickle

    key = hashlib.sha1(url.encode()).hexdigest()
    folder = Path(root) / "spider" / key[:2] / key
    folder.mkdir(parents=True)
    meta = meta if meta is not None else {"url": url, "method": "GET", "status": status, "response_url": url, "timestamp": 1717243200.25}
    files = {
        "meta": repr(meta).encode(),
        "pickled_meta": pickle.dumps(meta, protocol=2),
        "response_headers": b"\r\n".join(f"{k}: {v}".encode() for k, v in (headers or {"Content-Type": "text/html; charset=utf-8"}).items()),
        "response_body": body,
        "request_headers": b"Accept: text/html",
        "request_body": b"",
    }
    for name, data in files.items():
        (folder / name).write_bytes(gzip.compress(data) if gzipped else data)
    return folder / "response_body"


@pytest.mark.parametrize("gzipped", [False, True], ids=["plain", "HTTPCACHE_GZIP"])
def test_scrapy_http_cache_bodies_are_pages_with_the_url_fetch_time_and_charset_beside_them(tmp_path, gzipped):
    """The cache keeps a body as the server sent it (before Scrapy decompresses it), and the URL only in `meta`."""
    body = page(1)
    entries = {
        "plain": scrapy_entry(tmp_path, "https://example.com/plain", body=body, gzipped=gzipped),
        "gzip": scrapy_entry(tmp_path, "https://example.com/gzip", headers={"Content-Type": "text/html", "Content-Encoding": "gzip"}, body=gzip.compress(body), gzipped=gzipped),
        "br": scrapy_entry(tmp_path, "https://example.com/br", headers={"Content-Type": "text/html", "Content-Encoding": "br"}, body=_fastwarc_compressed(body, "br"), gzipped=gzipped),
        "latin-1": scrapy_entry(tmp_path, "https://example.com/latin", headers={"Content-Type": "text/html; charset=ISO-8859-1"}, body=body.decode().encode("latin-1"), gzipped=gzipped),
    }
    for name, path in entries.items():
        (result,) = read_all(path)
        assert not result.reason, (name, result.reason)
        assert result.hints["url"] == f"https://example.com/{'latin' if name == 'latin-1' else name}"
        assert result.hints["fetched_at"] == "2024-06-01T12:00:00+00:00"
        assert result.hints["format"] == "html"
        doc = process_input(result, Options())
        assert doc.status == "ok" and doc.metadata["url"] == result.hints["url"], (name, doc.reason)
        assert doc.text.count("Der ") >= 9 and "\ufffd" not in doc.text, name
    assert read_all(entries["latin-1"])[0].hints["charset"] == "iso-8859-1"


def test_scrapy_cache_responses_that_are_no_page_are_counted_and_skipped(tmp_path):
    from collections import Counter

    redirect = scrapy_entry(tmp_path, "https://example.com/old", status=301, headers={"Location": "/new"})
    missing = scrapy_entry(tmp_path, "https://example.com/gone", status=404, body=b"<html><body>Not found</body></html>")
    image = scrapy_entry(tmp_path, "https://example.com/logo.png", headers={"Content-Type": "image/png"}, body=b"\x89PNG\r\n")
    skipped = Counter()
    assert [read_all(path, skipped=skipped) for path in (redirect, missing, image)] == [[], [], []]
    assert skipped == {
        "Scrapy cache responses with HTTP status 301": 1,
        "Scrapy cache responses with HTTP status 404": 1,
        "Scrapy cache responses of type image/png": 1,
    }


def test_a_scrapy_cache_body_that_cannot_be_decoded_or_decodes_past_the_limit_is_rejected_with_its_reason(tmp_path):
    damaged = scrapy_entry(tmp_path, "https://example.com/damaged", headers={"Content-Type": "text/html", "Content-Encoding": "gzip"}, body=b"\x00\x01 no gzip stream " * 20)
    bomb = scrapy_entry(tmp_path, "https://example.com/bomb", headers={"Content-Type": "text/html", "Content-Encoding": "gzip"}, body=gzip.compress(b"<p>" + b"a" * 3_000_000))
    cut = scrapy_entry(tmp_path, "https://example.com/cut", body=page(2), gzipped=True)
    cut.write_bytes(cut.read_bytes()[:-30])
    (bad,) = read_all(damaged)
    assert bad.reason.startswith("bad_cache: the cached response's HTTP body cannot be decoded (gzip"), bad.reason
    (large,) = read_all(bomb, Options(max_page_bytes=1_000_000))
    assert large.reason == "too_large: the cached response's body decodes (gzip) to over the limit of 1000000 bytes"
    (short,) = read_all(cut)
    assert short.reason.startswith("bad_gzip: the cached body"), short.reason


def test_a_scrapy_cache_entry_whose_meta_cannot_be_read_is_read_as_a_page_file(tmp_path):
    """`meta` is read as a Python literal, never unpickled; when it is no literal, the body is still a page, without a URL."""
    body = scrapy_entry(tmp_path, "https://example.com/a", body=page(1))
    (body.parent / "meta").write_bytes(b"__import__('os').system('echo no')")
    (result,) = read_all(body)
    assert not result.reason and result.raw == page(1) and "url" not in result.hints


def test_a_scrapy_cache_directory_reads_each_body_once_and_leaves_nothing_out(tmp_path):
    from pipeline import runs

    for n in range(3):
        scrapy_entry(tmp_path / "httpcache", f"https://example.com/{n}", headers={"Content-Type": "text/html", "Content-Encoding": "gzip"}, body=gzip.compress(page(n)))
    scrapy_entry(tmp_path / "httpcache", "https://example.com/img.png", headers={"Content-Type": "image/png"}, body=b"\x89PNG\r\n")
    found = runs.expand_paths([str(tmp_path / "httpcache")])
    assert sorted(Path(f).name for f in found.files) == ["response_body"] * 4
    assert not found.left_out

@pytest.mark.parametrize(
    ("framed", "body"),
    [
        (b"5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n", b"hello world"),
        (b"5;name=value\r\nhello\r\n0\r\nTrailer: x\r\n\r\n", b"hello"),  # an extension and a trailer
        (b"5\nhello\n6\n world\n0\n\n", b"hello world"),  # bare LF
        (b"5\r\nhello\r\n6\r\n wo", b"hello wo"),  # cut short: what came
        (b"<html><body>stored unchunked</body></html>", b"<html><body>stored unchunked</body></html>"),
        (b"", b""),
    ],
)
def test_dechunked(framed, body):
    from pipeline.readers.warc import dechunked

    assert dechunked(framed) == body


# -- CSV exports ------------------------------------------------------------------------


def _csv(rows, delimiter=","):
    import csv
    import io

    out = io.StringIO()
    csv.writer(out, delimiter=delimiter).writerows(rows)
    return out.getvalue()


def test_csv_exports_are_read_a_page_a_row_with_their_columns(tmp_path):
    """pandas' to_csv, Scrapy's -o items.csv: a header naming the columns, a page a row, a page's newlines inside quotes."""
    text = "Stadtrat beschließt Haushalt\n" + PARAGRAPHS_DE
    path = tmp_path / "items.csv"
    path.write_text(
        _csv(
            [
                ["url", "title", "html", "published", "authors"],
                ["https://example.com/a", "Der Haushalt", PAGE, "2024-06-01", "Anna Muster, Bert Beispiel"],
                ["https://example.com/b", "leer", "", "", ""],
                [],
                ["https://example.com/c", "", page(3).decode(), "", ""],
                ["https://example.com/d", "", PAGE, "", "", "a field too many"],
                ["https://example.com/e", "written without its empty last fields", PAGE],
            ]
        )
    )
    assert file_kind(path) == KIND_CSV
    pages = read_all(path)
    assert [p.source for p in pages] == [f"{path}:2", f"{path}:3", f"{path}:5", f"{path}:6", f"{path}:7"]
    assert pages[3].reason == "bad_csv: row 4 (line 6) has 6 fields, the header 5 (a quote or a delimiter out of place)"
    assert not pages[4].reason and pages[4].hints["title"] == "written without its empty last fields"
    assert pages[0].hints == {"charset": "utf-8", "format": "html", "url": "https://example.com/a", "title": "Der Haushalt", "published": "2024-06-01", "author": "Anna Muster, Bert Beispiel"}
    assert pages[1].reason.startswith("no_content: row 2 (line 3) has no text in any of")
    doc = process_input(pages[0], Options())
    assert doc.status == "ok" and doc.metadata["url"] == "https://example.com/a" and "Opposition kritisierte" in doc.text
    # A spreadsheet's: semicolons, a Windows code page, capitalised names; a text column.
    sheet = tmp_path / "export.csv"
    sheet.write_bytes(_csv([["URL", "Title", "Text"], ["https://example.com/d", "Straßen", text]], delimiter=";").encode("cp1252"))
    (item,) = read_all(sheet)
    assert item.hints["url"] == "https://example.com/d" and item.hints["format"] == "text" and "Straßen" in item.raw.decode()
    assert process_input(item, Options()).text.endswith(PARAGRAPHS_DE.split("\n")[-1])
    # Tabs, gzipped, with a byte-order mark.
    tabs = tmp_path / "items.tsv.gz"
    tabs.write_bytes(gzip.compress(("\ufeff" + _csv([["content", "link"], [text, "https://example.com/e"]], delimiter="\t")).encode()))
    (item,) = read_all(tabs)
    assert item.hints["url"] == "https://example.com/e" and "Montagabend" in item.raw.decode()


def test_csv_is_told_from_a_text_dump_by_its_header_naming_a_content_column(tmp_path):
    dump = tmp_path / "dump.txt"
    dump.write_text("Berlin, Paris, London, Rom\n" + PARAGRAPHS_DE)
    listing = tmp_path / "urls.csv"
    listing.write_text(_csv([["url", "title"], ["https://example.com/a", "A"]]))
    assert file_kind(dump) == KIND_PAGE and file_kind(listing) == KIND_PAGE


def test_a_page_whose_first_line_the_csv_module_cannot_read_is_a_page(tmp_path):
    """A page saved with old Mac line ends (a bare CR) and a comma in its first line made the CSV sniff raise, which stopped the whole ingest."""
    path = tmp_path / "page.html"
    path.write_bytes(b"<!DOCTYPE html>\r<html><head><title>a, b</title></head>\r" + page(1) + b"\n")
    assert file_kind(path) == KIND_PAGE
    (item,) = read_all(path)
    assert process_input(item, Options()).status == "ok"
    binary = tmp_path / "junk.txt"
    binary.write_bytes(b"url,text\x00\r,\n" + bytes(range(256)))
    assert file_kind(binary) == KIND_PAGE


def test_csv_rows_over_the_limit(tmp_path):
    """A row whose page is over the limit is rejected and the next row read; a field the csv module cannot hold ends the file, with its line."""
    options = Options(max_page_bytes=10_000)
    path = tmp_path / "big.csv"
    path.write_text(_csv([["url", "text"], ["https://example.com/a", "x " * 7_500], ["https://example.com/b", PARAGRAPHS_DE], ["https://example.com/c", "y" * 40_000], ["https://example.com/d", PARAGRAPHS_DE]]))
    pages = read_all(path, options)
    assert pages[0].reason.startswith("too_large: row 1 (line 2) holds a page of 15000 bytes") and not pages[1].reason
    assert pages[2].reason.startswith("too_large: the row at line 6 holds a field of more than 30000 characters") and len(pages) == 3


# -- RSS and Atom feeds ------------------------------------------------------------------


RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Example News</title><link>https://example.com</link>
<item><title>Stadtrat beschließt Haushalt</title><link>https://example.com/haushalt</link>
<pubDate>Sat, 01 Jun 2024 10:00:00 +0200</pubDate><dc:creator><![CDATA[Anna Schmidt]]></dc:creator>
<description><![CDATA[Der Stadtrat hat den Haushalt beschlossen.]]></description>
<content:encoded><![CDATA[{paragraphs}]]></content:encoded></item>
<item><title>Nur ein Anriss</title><link>https://example.com/anriss</link><description>&lt;p&gt;{brief}&lt;/p&gt;</description></item>
<item><title>Leer</title><link>https://example.com/leer</link></item>
</channel></rss>
"""
ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Example</title>
<entry><title>Stadtrat beschließt Haushalt</title><link rel="self" href="https://example.com/feed/1"/><link rel="alternate" href="https://example.com/a1"/>
<published>2024-06-01T10:00:00Z</published><updated>2024-06-03T10:00:00Z</updated><author><name>Anna Schmidt</name></author>
<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">{paragraphs}</div></content></entry>
</feed>
"""


def _paragraphs_html():
    return "".join(f"<p>{line}</p>" for line in PARAGRAPHS_DE.split("\n"))


def test_rss_and_atom_feeds_are_read_an_item_a_page(tmp_path):
    rss = tmp_path / "feed.xml"
    rss.write_text(RSS.format(paragraphs=_paragraphs_html(), brief=PARAGRAPHS_DE.split("\n")[0]))
    assert file_kind(rss) == KIND_FEED
    pages = read_all(rss)
    assert [p.source for p in pages] == [f"{rss}:item[0]", f"{rss}:item[1]", f"{rss}:item[2]"]
    assert pages[0].hints == {
        "format": "html", "charset": "utf-8", "url": "https://example.com/haushalt", "title": "Stadtrat beschließt Haushalt",
        "published": "2024-06-01T10:00:00+02:00", "author": "Anna Schmidt",
    }
    assert pages[2].reason == "no_content: item[2] has no content:encoded, content, description or summary"
    doc = process_input(pages[0], Options())
    assert doc.status == "ok" and doc.text == PARAGRAPHS_DE.replace("\n", "\n\n") and doc.metadata["title"] == "Stadtrat beschließt Haushalt"
    assert process_input(pages[1], Options()).text == PARAGRAPHS_DE.split("\n")[0]  # a teaser in the description: a brief
    atom = tmp_path / "feed.atom"
    atom.write_text(ATOM.format(paragraphs=_paragraphs_html()))
    (entry,) = read_all(atom)
    assert (entry.hints["url"], entry.hints["published"], entry.hints["author"]) == ("https://example.com/a1", "2024-06-01T10:00:00+00:00", "Anna Schmidt")
    assert process_input(entry, Options()).text.endswith(PARAGRAPHS_DE.split("\n")[-1])


def test_a_feed_cut_off_keeps_its_items_before_the_cut(tmp_path):
    text = RSS.format(paragraphs=_paragraphs_html(), brief="x")
    path = tmp_path / "feed.rss"
    path.write_text(text[: text.index("<item><title>Leer")] + "<item><title>Le")
    pages = read_all(path)
    assert [p.hints.get("url") for p in pages if not p.reason] == ["https://example.com/haushalt", "https://example.com/anriss"]
    assert all(not p.reason or p.reason.startswith(("bad_xml:", "no_content:")) for p in pages), [p.reason for p in pages]


def test_feeds_in_a_directory_are_read_and_other_xml_left_out(tmp_path):
    from pipeline.runs import expand_paths

    (tmp_path / "feed.xml").write_text(RSS.format(paragraphs=_paragraphs_html(), brief="x"))
    (tmp_path / "sitemap.xml").write_text('<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://example.com/a</loc></url></urlset>')
    found = expand_paths([str(tmp_path)])
    assert [Path(f).name for f in found.files] == ["feed.xml"] and found.left_out == {".xml": 1}


# -- JSON Lines ------------------------------------------------------------------------


def test_jsonl_records_with_html_text_and_metadata(tmp_path):
    lines = [
        {"url": "https://example.com/a", "html": PAGE, "title": " Der  Haushalt &#8211; M&uuml;nchen ", "date": "2024-06-01 10:00:00"},
        {"url": "https://example.com/b", "text": "Stadtrat beschließt Haushalt\nDer Stadtrat hat am Montagabend den Haushalt beschlossen.", "date_download": "2024-06-02T08:00:00Z"},
        {"url": "https://example.com/c", "body": PAGE.replace("Haushalt", "Etat")},
    ]
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(json.dumps(line, ensure_ascii=True) for line in lines) + "\n\n")
    pages = read_all(path)
    assert [p.source for p in pages] == [f"{path}:1", f"{path}:2", f"{path}:3"]
    assert [p.hints.get("format") for p in pages] == ["html", "text", None]
    docs = [process_input(p, Options()) for p in pages]
    # The feed's title is read as a page's own title is: whitespace folded, character references decoded.
    assert docs[0].metadata["title"] == "Der Haushalt – München" and docs[0].metadata["published"] == "2024-06-01T10:00:00"
    assert docs[1].format == "text" and docs[1].origin["fetched_at"] == "2024-06-02T08:00:00+00:00"
    assert docs[2].format == "html" and "Etat" in docs[2].text
    assert "\\u00" not in docs[0].text and "ß" in docs[0].text


# What other scraping tools write, one record each (their field names, nested objects and value forms).
TOOL_RECORDS = {
    "news-please": {
        "url": "https://example.com/np", "title": "Stadtrat beschließt Haushalt", "maintext": "Der Stadtrat hat am Montagabend den Haushalt beschlossen. Die Opposition kritisierte, dass die Straßen im Norden erneut warten müssten.",
        "authors": ["Anna Schmidt", "Jörg Weber"], "date_publish": "2024-06-01 10:00:00", "date_download": "2024-06-02 08:00:00",
    },
    "trafilatura --json": {
        "title": "Stadtrat beschließt Haushalt", "author": "Anna Schmidt; Jörg Weber", "date": "2024-06-01",
        "source": "https://example.com/tf", "source-hostname": "example.com", "text": "Der Stadtrat hat am Montagabend den Haushalt beschlossen. Die Opposition kritisierte, dass die Straßen im Norden erneut warten müssten.",
    },
    "Firecrawl": {
        "markdown": "# Stadtrat beschließt Haushalt\n\nDer Stadtrat hat am Montagabend den Haushalt beschlossen. Die Opposition kritisierte, dass die Straßen im Norden erneut warten müssten.",
        "metadata": {
            "title": "Stadtrat beschließt Haushalt | Example News", "sourceURL": "https://example.com/fc?utm=x", "url": "https://example.com/fc",
            "publishedTime": "2024-06-01T10:00:00.000Z", "author": "Anna Schmidt", "statusCode": 200,
        },
    },
    "Crawl4AI": {
        "url": "https://example.com/c4", "success": True,
        "markdown": {"raw_markdown": "# Stadtrat beschließt Haushalt\n\nDer Stadtrat hat am Montagabend den Haushalt beschlossen. Die Opposition kritisierte, dass die Straßen im Norden erneut warten müssten.", "fit_markdown": "x"},
        "metadata": {"title": "Stadtrat beschließt Haushalt", "author": "Anna Schmidt", "article:published_time": "2024-06-01T10:00:00+02:00"},
    },
    "Jina Reader (JSON)": {
        "code": 200,
        "data": {
            "title": "Stadtrat beschließt Haushalt", "url": "https://example.com/jr", "publishedTime": "Sat, 01 Jun 2024 10:00:00 GMT",
            "content": "Stadtrat beschließt Haushalt\n============================\n\nDer Stadtrat hat am Montagabend den Haushalt beschlossen. Die Opposition kritisierte, dass die Straßen im Norden erneut warten müssten.",
        },
    },
    "Apify": {
        "url": "https://example.com/ap", "crawl": {"loadedUrl": "https://example.com/ap/", "loadedTime": "2024-06-02T08:00:00.000Z"},
        "metadata": {"canonicalUrl": "https://example.com/ap", "title": "Stadtrat", "author": None},
        "text": "Der Stadtrat hat am Montagabend den Haushalt beschlossen. Die Opposition kritisierte, dass die Straßen im Norden erneut warten müssten.",
    },
    "newspaper4k": {
        "url": "https://example.com/n4", "title": "Stadtrat beschließt Haushalt", "authors": ["Anna Schmidt"], "publish_date": "2024-06-01T10:00:00+02:00",
        "meta_site_name": "Example News", "top_image": "https://example.com/a.jpg",
        "text": "Der Stadtrat hat am Montagabend den Haushalt beschlossen. Die Opposition kritisierte, dass die Straßen im Norden erneut warten müssten.",
    },
    "Readability": {  # @mozilla/readability's parse(), saved with the page's URL
        "url": "https://example.com/rd", "title": "Stadtrat beschließt Haushalt", "byline": "Anna Schmidt", "siteName": "Example News",
        "publishedTime": "2024-06-01T10:00:00Z", "lang": "de", "excerpt": "Der Stadtrat hat",
        "content": "<div id=\"readability-page-1\"><p>Der Stadtrat hat am Montagabend den Haushalt beschlossen. Die Opposition kritisierte, dass die Straßen im Norden erneut warten müssten.</p></div>",
        "textContent": "Der Stadtrat hat am Montagabend den Haushalt beschlossen.",
    },
}
TOOL_EXPECTED = {  # url, published, author, format: what each record gives
    "news-please": ("https://example.com/np", "2024-06-01T10:00:00", "Anna Schmidt; Jörg Weber", "text"),
    "trafilatura --json": ("https://example.com/tf", "2024-06-01", "Anna Schmidt; Jörg Weber", "text"),
    "Firecrawl": ("https://example.com/fc", "2024-06-01T10:00:00+00:00", "Anna Schmidt", "text"),
    "Crawl4AI": ("https://example.com/c4", "2024-06-01T10:00:00+02:00", "Anna Schmidt", "text"),
    "Jina Reader (JSON)": ("https://example.com/jr", "2024-06-01T10:00:00+00:00", None, None),
    "Apify": ("https://example.com/ap", None, None, "text"),
    "newspaper4k": ("https://example.com/n4", "2024-06-01T10:00:00+02:00", "Anna Schmidt", "text"),
    "Readability": ("https://example.com/rd", "2024-06-01T10:00:00+00:00", "Anna Schmidt", None),
}


@pytest.mark.parametrize("tool", sorted(TOOL_RECORDS))
def test_records_of_other_scraping_tools_give_their_text_url_date_and_authors(tmp_path, tool):
    path = tmp_path / "feed.jsonl"
    path.write_text(json.dumps(TOOL_RECORDS[tool]) + "\n")
    (item,) = read_all(path)
    assert not item.reason and "Montagabend" in item.raw.decode()
    url, published, author, fmt = TOOL_EXPECTED[tool]
    assert (item.hints.get("url"), item.hints.get("published"), item.hints.get("author"), item.hints.get("format")) == (url, published, author, fmt)
    doc = process_input(item, Options())
    assert doc.ok and doc.text.endswith("dass die Straßen im Norden erneut warten müssten.")
    assert doc.metadata["url"] == url and doc.metadata["published"] == published
    if author:
        assert doc.metadata["author"] == author
    # A title the tool nests is the page's <title>, with the site's name: the page's own headline is read instead.
    assert doc.metadata["title"] in ("Stadtrat beschließt Haushalt", None)


def test_a_records_title_loses_a_last_part_naming_the_site_the_record_names(tmp_path):
    # trafilatura --json writes the page's <title> and the site's name beside it.
    record = dict(TOOL_RECORDS["trafilatura --json"], title="Stadtrat beschließt Haushalt | Leipziger Zeitung", **{"source-hostname": "Leipziger Zeitung"})
    path = tmp_path / "feed.jsonl"
    path.write_text(json.dumps(record) + "\n" + json.dumps(dict(record, title="Leipziger Zeitung | Stadtrat beschließt Haushalt")) + "\n")
    docs = [process_input(item, Options()) for item in read_all(path)]
    assert [(d.metadata["title"], d.metadata["site"]) for d in docs] == [
        ("Stadtrat beschließt Haushalt", "Leipziger Zeitung"),
        ("Leipziger Zeitung | Stadtrat beschließt Haushalt", "Leipziger Zeitung"),  # only a last part goes
    ]


def test_the_fetch_date_tools_write_is_the_pages_fetched_at(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_text(json.dumps(TOOL_RECORDS["Apify"]) + "\n" + json.dumps(TOOL_RECORDS["news-please"]) + "\n")
    assert [p.hints.get("fetched_at") for p in read_all(path)] == ["2024-06-02T08:00:00+00:00", "2024-06-02T08:00:00"]


def test_a_record_whose_url_is_no_address_gives_none(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_text(json.dumps({"source": "Reuters", "text": "Der Stadtrat hat den Haushalt beschlossen."}) + "\n")
    (item,) = read_all(path)
    assert "url" not in item.hints


# -- JSON documents ----------------------------------------------------------------------


def test_a_json_array_export_is_read_record_by_record(tmp_path):
    records = [{"url": f"https://example.com/{n}", "html": page(n).decode()} for n in range(3)]
    path = tmp_path / "items.json"
    path.write_text(json.dumps(records, indent=2, ensure_ascii=True))
    assert file_kind(path) == KIND_JSON
    pages = read_all(path)
    assert [p.source for p in pages] == [f"{path}:.[{n}]" for n in range(3)]
    docs = [process_input(p, Options()) for p in pages]
    assert [d.metadata["url"] for d in docs] == [f"https://example.com/{n}" for n in range(3)]
    assert all(d.ok and d.format == "html" and "\\u00" not in d.text for d in docs)


def test_a_crawl_result_that_wraps_its_records_in_data_is_read_record_by_record(tmp_path):
    crawl = {"success": True, "status": "completed", "total": 2, "data": [TOOL_RECORDS["Firecrawl"], {"html": PAGE}], "next": None}
    for name, text in (("crawl.json", json.dumps(crawl)), ("crawl2.json", json.dumps(crawl, indent=2))):
        path = tmp_path / name
        path.write_text(text)
        assert file_kind(path) == KIND_JSON
        pages = read_all(path)
        assert [p.source for p in pages] == [f"{path}:.data[0]", f"{path}:.data[1]"] and not any(p.reason for p in pages)


def test_a_diffbot_response_is_read_object_by_object(tmp_path):
    """Diffbot's Article API wraps what it extracted in `objects`, with the page's address as `pageUrl`."""
    response = {
        "request": {"pageUrl": "https://example.com/a", "api": "article", "version": 3},
        "objects": [{"type": "article", "title": "Stadtrat beschließt Haushalt", "html": PAGE, "pageUrl": "https://example.com/a",
                     "date": "Mon, 03 Jun 2024 10:00:00 GMT", "author": "Anna Berg", "siteName": "Stadtanzeiger"}],
    }
    path = tmp_path / "diffbot.json"
    path.write_text(json.dumps(response))
    assert file_kind(path) == KIND_JSON
    (result,) = read_all(path)
    assert result.source == f"{path}:.objects[0]" and not result.reason
    assert result.hints["url"] == "https://example.com/a" and result.hints["author"] == "Anna Berg" and result.hints["site"] == "Stadtanzeiger"
    assert result.hints["published"].startswith("2024-06-03")


def test_a_json_file_of_one_record_is_one_page(tmp_path):
    path = tmp_path / "page.json"
    path.write_text(json.dumps(TOOL_RECORDS["Jina Reader (JSON)"], indent=2))
    (item,) = read_all(path)
    assert item.source == str(path) and item.hints["url"] == "https://example.com/jr"
    doc = process_input(item, Options())
    assert doc.metadata["title"] == "Stadtrat beschließt Haushalt" and doc.text.startswith("Der Stadtrat")


@pytest.mark.parametrize("chunk", [1, 7, 4096])
def test_json_items_of_any_size_and_content_are_read_across_chunks(tmp_path, monkeypatch, chunk):
    """Items cut anywhere by the reads: inside escapes, numbers and multi-byte characters; bad items rejected, the rest read."""
    from pipeline.readers import jsondoc

    monkeypatch.setattr(jsondoc, "READ_CHUNK", chunk)
    text = 'Der Stadtrat sagt \\"ja\\" – Grüße 😀 und \\\\ am Montagabend.'
    items = [
        {"text": text, "n": 12345678901234567890, "f": -1.5e-7, "t": True, "z": None},
        [1, 2],
        {"text": "x" * 5000},
        "y" * 5000,
        {"text": text, "list": ['a\\"' * 1000]},
        {"title": "no content"},
        {"text": text},
    ]
    path = tmp_path / "items.json"
    path.write_text(json.dumps(items, ensure_ascii=chunk == 7))
    pages = read_all(path, Options(max_page_bytes=1000))
    assert [(p.source.rsplit(":", 1)[1], (p.reason or "").split(":")[0]) for p in pages] == [
        (".[0]", ""), (".[1]", "bad_json"), (".[2]", "too_large"), (".[3]", "too_large"), (".[4]", "too_large"), (".[5]", "no_content"), (".[6]", ""),
    ]
    assert pages[0].raw.decode() == pages[6].raw.decode() == json.loads(json.dumps(text))
    assert pages[1].reason == "bad_json: item .[1] is a JSON array, not an object"


def test_a_json_export_cut_or_broken_keeps_the_items_before(tmp_path):
    text = json.dumps([{"html": page(n).decode()} for n in range(4)])
    cut = tmp_path / "cut.json"
    cut.write_text(text[: len(text) - 100])
    broken = tmp_path / "broken.json"
    broken.write_text(text.replace('{"html"', '{html', 3).replace('{html', '{"html"', 2))
    zipped = tmp_path / "cut.json.gz"
    data = gzip.compress(json.dumps([{"html": page(n).decode()} for n in range(300)]).encode())
    zipped.write_bytes(data[: len(data) // 2])
    pages = read_all(cut)
    assert [p.reason is None for p in pages] == [True, True, True, False]
    assert pages[-1].reason == "bad_json: item .[3] is cut off: the file ends inside it; the items before it are kept, the rest of the file is not read"
    pages = read_all(broken)
    assert [p.reason is None for p in pages] == [True, True, False]
    assert pages[-1].reason.startswith("bad_json: item .[2] is not JSON (Expecting property name")
    pages = read_all(zipped)
    assert len(pages) > 2 and all(not p.reason for p in pages[:-1])
    assert pages[-1].reason.startswith(f"bad_gzip: item .[{len(pages) - 1}] is cut by a break in the file's compressed stream")


def test_a_json_gzip_that_never_ends_is_bounded(tmp_path, monkeypatch):
    from pipeline.readers import jsondoc

    monkeypatch.setattr(jsondoc, "MAX_SKIP_BYTES", 50_000_000)
    path = tmp_path / "bomb.json.gz"
    body = b'[{"html": "' + PAGE.encode() + b'"}, {"html": "' + b"a" * 200_000_000
    path.write_bytes(gzip.compress(body, 9))
    pages = read_all(path, Options(max_page_bytes=1_000_000))
    assert not pages[0].reason
    assert pages[1].reason.startswith("too_large: item .[1] runs past 50000000 bytes without ending")


def test_json_lines_whose_first_line_is_longer_than_the_sniffed_head_are_read_record_by_record(tmp_path):
    from pipeline.readers import HEAD_BYTES

    long_page = "<html><body>" + "<p>Der Stadtrat hat den Haushalt beschlossen.</p>" * (HEAD_BYTES // 40) + "</body></html>"
    path = tmp_path / "feed.txt"  # not named .jsonl: only its content tells
    path.write_text("\n".join(json.dumps({"url": f"https://example.com/{n}", "html": long_page if n == 0 else PAGE}) for n in range(3)) + "\n")
    assert file_kind(path) == KIND_JSON
    pages = read_all(path)
    assert [(p.source, p.reason, p.hints["url"]) for p in pages] == [(f"{path}:{n + 1}", None, f"https://example.com/{n}") for n in range(3)]


@pytest.mark.parametrize("kind", [KIND_JSON, KIND_JSONL])
def test_a_feed_gone_between_sniffing_and_reading_is_one_unreadable_record(tmp_path, monkeypatch, kind):
    import pipeline.readers as readers

    monkeypatch.setattr(readers, "file_kind", lambda path: kind)
    (item,) = read_all(tmp_path / "gone.json")
    assert item.reason == "unreadable: No such file or directory" and not item.raw


@pytest.mark.parametrize(
    "text, kind",
    [
        ("[Skip to content](#main)\n\nDer Stadtrat hat den Haushalt beschlossen.", KIND_PAGE),  # a Markdown dump
        ("[1] Stadtrat\n[2] Haushalt", KIND_PAGE),
        ("[]", KIND_JSON),
        ('{\n  "url": "https://example.com/a",\n  "html": "<p>x</p>"\n}', KIND_JSON),
        ('{"url": "https://example.com/a", "html": "<p>x</p>"}\n{"html": "<p>y</p>"}\n', KIND_JSONL),
        ("{{ template }} is no JSON", KIND_PAGE),
    ],
)
def test_json_documents_are_told_from_pages_and_feeds_by_their_start(tmp_path, text, kind):
    path = tmp_path / "file.txt"
    path.write_text(text)
    assert file_kind(path) == kind


def test_a_broken_jsonl_line_is_a_rejected_record_and_the_good_lines_ingest(tmp_path):
    path = tmp_path / "feed.ndjson"
    path.write_text(
        json.dumps({"html": PAGE}) + "\n"
        + '{"html": "<p>cut off\n'
        + json.dumps({"url": "https://example.com/x", "title": "no content"}) + "\n"
        + "[1, 2]\n"
        + json.dumps({"text": "Der Stadtrat hat den Haushalt beschlossen."}) + "\n"
    )
    pages = read_all(path)
    assert [(p.source.rsplit(":", 1)[1], (p.reason or "").split(":")[0]) for p in pages] == [
        ("1", ""), ("2", "bad_json"), ("3", "no_content"), ("4", "bad_json"), ("5", ""),
    ]
    assert pages[1].reason.startswith("bad_json: line 2 is not JSON")
    assert pages[2].reason.startswith("no_content: line 3 has no text in any of rawHtml, raw_html, html, body, content, text")


def test_a_jsonl_record_of_50_mb_is_rejected_and_the_next_lines_ingest(tmp_path):
    path = tmp_path / "feed.jsonl"
    with open(path, "w") as fh:
        fh.write(json.dumps({"html": "<p>" + "a" * 50_000_000 + "</p>"}) + "\n")
        fh.write(json.dumps({"html": PAGE}) + "\n")
    pages = read_all(path, Options(max_page_bytes=10_000_000))
    assert pages[0].reason.startswith("too_large: line 1 holds") and not pages[0].raw
    assert not pages[1].reason and b"Montagabend" in pages[1].raw


def test_a_jsonl_gzip_that_never_ends_is_bounded(tmp_path, monkeypatch):
    from pipeline.readers import jsonl

    monkeypatch.setattr(jsonl, "MAX_SKIP_BYTES", 50_000_000)
    path = tmp_path / "bomb.jsonl.gz"
    body = (json.dumps({"html": PAGE}) + "\n").encode() + b'{"html": "' + b"a" * 200_000_000
    path.write_bytes(gzip.compress(body, 9))
    pages = read_all(path, Options(max_page_bytes=1_000_000))
    assert not pages[0].reason
    assert pages[1].reason.startswith("too_large: line 2 runs past 50000000 bytes without ending")


def test_a_truncated_jsonl_gzip_keeps_the_lines_before(tmp_path):
    path = tmp_path / "feed.jsonl.gz"
    data = gzip.compress("".join(json.dumps({"html": PAGE.replace("Haushalt", f"Haushalt {n}")}) + "\n" for n in range(200)).encode())
    path.write_bytes(data[: len(data) // 2])
    pages = read_all(path)
    assert len(pages) > 2 and all(not p.reason for p in pages[:-1])
    assert pages[-1].reason.startswith("bad_gzip: the file's compressed stream breaks after line")


# -- pages over the size limit --------------------------------------------------------


def single_file_page(image_bytes: int, images: int = 3) -> bytes:
    """A page saved with its images inline (SingleFile): each a base64 data: URI."""
    image = base64.b64encode(bytes(range(256)) * (image_bytes // 256)).decode("ascii")
    body = "".join(f'<p>Absatz {n}: Der Stadtrat hat den Haushalt beschlossen.</p><img src="data:image/jpeg;base64,{image}">' for n in range(images))
    return PAGE.replace("</article>", body + "</article>").encode()


def test_a_page_over_the_limit_with_its_images_inline_is_read_without_them(tmp_path):
    path = tmp_path / "saved.html"
    path.write_bytes(single_file_page(100_000))
    assert path.stat().st_size > 300_000
    (item,) = read_all(path, Options(max_page_bytes=100_000))
    assert not item.reason and len(item.raw) < 2_000 and b'src="data:,"' in item.raw
    assert item.hints["dropped"].endswith("bytes of inline data: URIs (images, fonts) over the page limit")
    doc = process_input(item, Options(max_page_bytes=100_000))
    assert doc.ok and "Absatz 2" in doc.text and doc.origin["dropped"] == item.hints["dropped"]


def test_a_page_too_large_even_without_its_inline_data_or_far_over_the_limit_is_refused(tmp_path):
    path = tmp_path / "saved.html"
    path.write_bytes(single_file_page(100_000))
    (item,) = read_all(path, Options(max_page_bytes=50_000))  # over 5x the limit: not read
    assert item.reason == f"too_large: {path.stat().st_size} bytes > limit 50000" and not item.raw
    text = tmp_path / "dump.txt"
    text.write_text("Der Stadtrat hat den Haushalt beschlossen. " * 5_000)
    (item,) = read_all(text, Options(max_page_bytes=100_000))
    assert item.reason == f"too_large: {text.stat().st_size} bytes > limit 100000" and not item.raw
    mixed = tmp_path / "mixed.html"
    mixed.write_bytes(single_file_page(50_000, images=2).replace(b"</article>", b"<p>" + b"x" * 150_000 + b"</p></article>"))
    (item,) = read_all(mixed, Options(max_page_bytes=100_000))
    assert item.reason.startswith(f"too_large: {mixed.stat().st_size} bytes > limit 100000 (") and item.reason.endswith("without its inline data: URIs)")


# -- MHTML ------------------------------------------------------------------------------

sys.path.insert(0, str(Path(__file__).resolve().parent / "data" / "html_pages"))
from languages import PAGES as LANGUAGE_PAGES, blog_page  # noqa: E402


def mhtml(html: str, charset: str = "windows-1252", url: str = "https://example.com/stadtrat", kind: str = "text/html") -> bytes:
    """A page as Chrome saves it ("Webpage, Single File"): the HTML quoted-printable, then an image, in a multipart/related message."""
    lines = [
        "From: <Saved by Blink>", f"Snapshot-Content-Location: {url}", "Subject: =?utf-8?Q?Stadtrat_beschlie=C3=9Ft_Haushalt?=",
        "Date: Mon, 7 Dec 2026 10:00:00 +0100", "MIME-Version: 1.0", "Content-Type: multipart/related;", '\ttype="text/html";',
        '\tboundary="----MultipartBoundary--abc----"', "", "", "------MultipartBoundary--abc----",
        f"Content-Type: {kind}; charset={charset}", "Content-ID: <frame-1@mhtml.blink>", "Content-Transfer-Encoding: quoted-printable",
        f"Content-Location: {url}", "", quopri.encodestring(html.encode(charset)).decode("ascii"),
        "------MultipartBoundary--abc----", "Content-Type: image/png", "Content-Transfer-Encoding: base64",
        "Content-Location: https://example.com/logo.png", "", base64.b64encode(b"\x89PNG" + bytes(300)).decode("ascii"),
        "------MultipartBoundary--abc------", "",
    ]
    return "\r\n".join(lines).encode("ascii")


def test_a_page_a_browser_saved_as_mhtml_is_its_html_part_with_url_date_and_charset(tmp_path):
    path = tmp_path / "Stadtrat.mhtml"
    path.write_bytes(mhtml(PAGE))
    assert file_kind(path) == KIND_MHTML
    (item,) = read_all(path)
    assert item.hints == {"format": "html", "url": "https://example.com/stadtrat", "fetched_at": "2026-12-07T10:00:00+01:00", "charset": "windows-1252"}
    doc = process_input(item, Options())
    assert doc.ok and doc.metadata["title"] == "Stadtrat beschließt Haushalt" and "Straßen" in doc.text and "PNG" not in doc.text


@pytest.mark.parametrize("lang", sorted(LANGUAGE_PAGES))
def test_mhtml_pages_in_the_users_languages(tmp_path, lang):
    content = LANGUAGE_PAGES[lang]
    path = tmp_path / "page.mht"
    path.write_bytes(mhtml(blog_page(content, lang), charset="utf-8"))
    doc = process_input(read_all(path)[0], Options())
    assert doc.ok and all(paragraph in doc.text for paragraph in content["paragraphs"])


def test_a_gzipped_mhtml_file_is_read_and_one_over_the_limit_is_refused(tmp_path):
    path = tmp_path / "page.mhtml.gz"
    path.write_bytes(gzip.compress(mhtml(PAGE)))
    (item,) = read_all(path)
    assert item.hints["url"] == "https://example.com/stadtrat" and b"Stadtrat" in item.raw
    (item,) = read_all(path, Options(max_page_bytes=100))
    assert item.reason == "too_large: an MHTML file of more than 500 bytes"


def test_an_mhtml_file_without_an_html_part_is_rejected_with_its_reason(tmp_path):
    path = tmp_path / "image.mhtml"
    path.write_bytes(mhtml("plain", kind="text/plain"))
    (item,) = read_all(path)
    assert item.reason == "no_content: the MHTML file holds no HTML part"


def test_an_mhtml_header_with_bytes_outside_ascii_is_read_as_text(tmp_path):
    # The email package returns such a header as a Header object, not a str.
    path = tmp_path / "page.mhtml"
    path.write_bytes(mhtml(PAGE).replace(b"Snapshot-Content-Location: https://example.com/stadtrat", "Snapshot-Content-Location: https://example.com/straße".encode()))
    (item,) = read_all(path)
    assert not item.reason and b"Stadtrat" in item.raw


def test_a_text_dump_that_opens_with_a_mail_header_is_no_mhtml(tmp_path):
    path = tmp_path / "mail.txt"
    path.write_text("Subject: Stadtrat beschließt Haushalt\nFrom: Redaktion\n\nDer Stadtrat hat am Montagabend den Haushalt beschlossen.\n")
    assert file_kind(path) == KIND_PAGE


# -- decoding faults ------------------------------------------------------------------


@pytest.mark.parametrize("codec", ["rot13", "base64", "hex", "zlib", "uu", "idna", "undefined", "unicode_escape"])
def test_a_charset_naming_a_codec_that_is_no_page_encoding_is_ignored(codec):
    text = "Grüße aus Köln: der Stadtrat hat am Montag über die Straßen und Brücken der Stadt beraten. " * 5
    html = f'<html><head><meta charset="{codec}"></head><body><p>{text}</p></body></html>'
    doc = read_bytes(html.encode("cp1252"))
    assert doc.ok and "Grüße aus Köln" in doc.html


def test_an_http_header_naming_such_a_codec_is_ignored_too():
    text = "Grüße aus Köln: der Stadtrat hat am Montag über die Straßen und Brücken der Stadt beraten. " * 5
    data = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=base64\r\n\r\n<html><body><p>" + text.encode("cp1252") + b"</p></body></html>"
    assert "Grüße" in read_bytes(data).html


def test_a_gzip_bomb_of_tags_is_rejected_before_parsing():
    bomb = gzip.compress(b"<html><body>" + b"<p>a</p>" * 2_400_000 + b"</body></html>", 9)
    assert len(bomb) < 100_000
    doc = read_bytes(bomb)
    assert doc.status == "rejected" and doc.reason.startswith("too_complex: about 2400"), doc.reason


def test_tags_with_thousands_of_attributes_are_rejected_before_parsing():
    tag = "<p " + " ".join(f"a{i}=1" for i in range(11_000)) + ">x</p>"  # under extract.MAX_TAG_CHARS: parsed with its attributes
    doc = read_bytes(("<html><body>" + tag * 30 + "</body></html>").encode())
    assert doc.status == "rejected" and doc.reason.startswith("too_complex: start tags with thousands of attributes")
