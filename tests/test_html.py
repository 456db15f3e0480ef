"""HTML mode: decoding, extraction, HTML-specific cleaning, metadata, and bad pages."""

import gzip

import pytest

from pipeline.options import Options
from pipeline.read import codec_for_label, decode_bytes, read_bytes

HTML = Options(format="html")

RU = "Азербайджан продолжает разминирование освобождённых территорий, сообщили в министерстве обороны."
KO = "서울시는 내년부터 대중교통 요금을 인상한다고 밝혔다. 시민들의 반응은 엇갈리고 있다."
JA = "東京都は来年から公共交通機関の運賃を引き上げると発表した。市民の反応は分かれている。"


def page(body: str, head: str = "") -> str:
    return f"<!DOCTYPE html><html><head>{head}<title>t</title></head><body>{body}</body></html>"


@pytest.mark.parametrize(
    "text, codec, label",
    [(RU, "cp1251", "windows-1251"), (KO, "euc_kr", "EUC-KR"), (JA, "shift_jis", "Shift_JIS")],
)
def test_declared_legacy_charsets(text, codec, label):
    raw = page(f"<p>{text}</p>" * 5, f'<meta http-equiv="Content-Type" content="text/html; charset={label}">')
    doc = read_bytes(raw.encode(codec), options=HTML)
    assert text in doc.html


@pytest.mark.parametrize("text, codec", [(RU * 3, "cp1251"), (KO * 3, "euc_kr"), (JA * 3, "shift_jis")])
def test_undeclared_legacy_charsets_are_detected(text, codec):
    doc = read_bytes(page(f"<p>{text}</p>" * 5).encode(codec), options=HTML)
    assert text in doc.html


def test_utf8_page_declared_latin1_is_read_as_utf8():
    raw = page("<p>Grüße aus Köln – schön</p>", '<meta charset="iso-8859-1">').encode("utf-8")
    assert "Grüße aus Köln – schön" in decode_bytes(raw, html=True)


def test_cyrillic_page_mislabelled_as_latin1_is_detected():
    raw = page(f"<p>{RU}</p>" * 10, '<meta charset="iso-8859-1">').encode("cp1251")
    assert RU in decode_bytes(raw, html=True)


def test_latin1_label_means_windows_1252():
    # Browsers read "iso-8859-1" as windows-1252: 0x93/0x94 are curly quotes, not C1 controls.
    raw = page("<p>Il a dit “bonjour” – voilà.</p>", '<meta charset="iso-8859-1">').encode("cp1252")
    assert "Il a dit “bonjour” – voilà." in decode_bytes(raw, html=True)
    assert codec_for_label("EUC-KR") == "cp949"
    assert codec_for_label("no-such-charset") is None


def test_http_headers_give_the_charset_and_are_not_content():
    body = page(f"<p>{RU}</p>" * 3)
    raw = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=windows-1251\r\n\r\n" + body.encode("cp1251")
    doc = read_bytes(raw)
    assert doc.format == "html"
    assert RU in doc.html
    assert "HTTP/1.1" not in doc.html


def test_utf8_cut_inside_a_character_is_still_utf8():
    raw = page("<p>Grüße</p>").encode("utf-8") + "ü".encode("utf-8")[:1]
    assert "Grüße" in decode_bytes(raw, html=True)


def test_gzip_truncated_html_is_rejected():
    data = gzip.compress(page("<p>Hallo Welt</p>" * 500).encode())
    doc = read_bytes(data[: len(data) // 3], source="cut.html.gz", options=HTML)
    assert doc.status == "rejected"
    assert doc.reason.startswith("bad_gzip: ")


# --- extraction and metadata -------------------------------------------------

ARTICLE_PARAGRAPHS = [
    "Die Stadtwerke haben am Montag angekündigt, das Netz der Ladesäulen bis zum Jahresende zu verdoppeln.",
    "Nach Angaben des Unternehmens sollen vor allem Wohnviertel ohne private Stellplätze profitieren.",
    "Der Ausbau kostet rund vier Millionen Euro, die zur Hälfte aus Fördermitteln des Landes stammen.",
    "Kritiker bemängeln, dass die Preise an den öffentlichen Säulen weiterhin deutlich über dem Haushaltsstrom liegen.",
]
# Four more paragraphs of the same story: a page long enough to be an
# article (a paragraph the page holds twice is a copy, step `repeated`).
ARTICLE_MORE = [
    "Die ersten neuen Säulen sollen im Frühjahr an den Parkplätzen der Schulen und Sporthallen aufgestellt werden.",
    "Ein Sprecher der Stadtwerke sagte, man prüfe außerdem Schnellladepunkte an den Ausfallstraßen der Stadt.",
    "Der Stadtrat muss dem Vorhaben noch zustimmen, eine Mehrheit gilt nach der Debatte im Ausschuss als sicher.",
    "Anwohner können über eine Karte im Internet vorschlagen, wo in ihrem Viertel eine Säule fehlt.",
]
BODY_PARAGRAPHS = ARTICLE_PARAGRAPHS + ARTICLE_MORE
LEAD = "Mehr Ladesäulen für Elektroautos: Die Stadtwerke wollen ihr Netz noch in diesem Jahr verdoppeln."


def news_page(lead_class="article-lead", extra_head="", lang="de"):
    body = "".join(f"<p>{p}</p>" for p in BODY_PARAGRAPHS)
    return f"""<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">
<title>Ladesäulen werden verdoppelt | Stadtkurier</title>
<meta property="og:title" content="Ladesäulen werden verdoppelt">
<meta property="og:site_name" content="Stadtkurier">
<meta name="author" content="Anna Beispiel">
<meta name="description" content="Die Stadtwerke bauen aus.">
<meta property="article:published_time" content="2023-03-14T08:30:00+01:00">
{extra_head}</head><body>
<nav><ul><li><a href="/">Startseite</a></li><li><a href="/lokal">Lokales</a></li></ul></nav>
<article><h1>Ladesäulen werden verdoppelt</h1>
<p class="{lead_class}">{LEAD}</p>
<div class="article-body">{body}</div></article>
<aside class="related"><h2>Mehr zum Thema</h2><ul><li><a href="/a">Ein anderer Artikel</a></li></ul></aside>
<footer><p>© 2023 Stadtkurier</p></footer></body></html>"""


def run_html(html: str, url: str | None = None):
    from pipeline.runner import process_document

    doc = read_bytes(html.encode("utf-8"), source="page.html", options=HTML)
    if url:
        doc.metadata["url"] = url
    return process_document(doc, HTML)


def test_article_and_lead_are_extracted():
    doc = run_html(news_page())
    assert doc.status == "ok", doc.reason
    assert doc.text.startswith(LEAD)
    for paragraph in ARTICLE_PARAGRAPHS:
        assert paragraph in doc.text
    assert "Startseite" not in doc.text and "Ein anderer Artikel" not in doc.text


@pytest.mark.xfail(reason="the block model keeps a one-item teaser list inside <article> right under the headline (it read the lead-recovery rules' case), docs/html.md", strict=True)
def test_teaser_list_is_not_taken_for_a_lead():
    html = news_page().replace(
        "<h1>Ladesäulen werden verdoppelt</h1>",
        '<h1>Ladesäulen werden verdoppelt</h1><ul class="teaser-list"><li><p class="teaser">'
        "Ein Teaser auf einen ganz anderen Artikel über den Stadtrat und seine Haushaltsdebatte.</p></li></ul>",
    )
    doc = run_html(html)
    assert "Ein Teaser" not in doc.text


def test_html_metadata():
    doc = run_html(
        news_page(extra_head='<link rel="canonical" href="/2023/ladesaeulen">'),
        url="https://www.stadtkurier.example/2023/ladesaeulen?utm_source=x",
    )
    meta = doc.metadata
    assert meta["title"] == "Ladesäulen werden verdoppelt"
    assert meta["author"] == "Anna Beispiel"
    assert meta["published"] == "2023-03-14"
    assert meta["site"] == "Stadtkurier"
    assert meta["description"] == "Die Stadtwerke bauen aus."
    assert meta["url"] == "https://www.stadtkurier.example/2023/ladesaeulen"
    assert meta["language_hint"] == "de"


def test_unknown_metadata_stays_none():
    html = "<html><body>" + "".join(f"<p>{p}</p>" for p in BODY_PARAGRAPHS) + "</body></html>"
    doc = run_html(html)
    assert doc.status == "ok", doc.reason
    assert doc.metadata["author"] is None
    assert doc.metadata["url"] is None
    assert "language_hint" not in doc.metadata


def test_og_url_then_fetched_url():
    from pipeline.html.dom import read_page
    from pipeline.metadata import canonical_url

    page = read_page('<html><head><meta property="og:url" content="https://a.example/x"></head><body></body></html>')
    assert canonical_url(page.head, "https://b.example/y") == "https://a.example/x"
    assert canonical_url(read_page("<html><body><p>x</p></body></html>").head, "https://b.example/y") == "https://b.example/y"
    assert canonical_url(None, "javascript:alert(1)") is None


def test_author_placeholders_and_repeats_are_dropped():
    from pipeline.metadata import clean_authors, iso_date

    assert clean_authors("admin") is None
    assert clean_authors("Jane Roe; John Doe; Jane Roe") == "Jane Roe; John Doe"
    assert iso_date("2021-02-30") is None
    assert iso_date("2021-02-03T10:00:00") == "2021-02-03"


# --- bad pages never stop a batch --------------------------------------------

GOOD_BODY = "".join(f"<p>{p}</p>" for p in BODY_PARAGRAPHS)


def bad_pages(tmp_path):
    """Small generated bad pages, each with the reason prefix it must be rejected with."""
    import random

    pages = {
        "nested.html": ("<html><body>" + "<div>" * 100_000 + GOOD_BODY + "</div>" * 100_000 + "</body></html>", "malformed: "),
        "no-body.html": ("<html><head><title>Nur ein Titel</title></head></html>", "no_article: "),
        "garbage.html": (random.Random(0).randbytes(50_000), "binary: "),
        "cut.html.gz": (gzip.compress(news_page().encode())[:600], "bad_gzip: "),
    }
    expected = {}
    for name, (content, reason) in pages.items():
        path = tmp_path / name
        path.write_bytes(content.encode() if isinstance(content, str) else content)
        expected[name] = reason
    good = tmp_path / "good.html"
    good.write_text(news_page(), encoding="utf-8")
    truncated = tmp_path / "truncated.html"
    truncated.write_text(news_page()[: news_page().index("</article>") - 40], encoding="utf-8")
    return expected


def test_bad_pages_are_rejected_with_reasons_and_the_batch_goes_on(tmp_path, archive):
    from pipeline.runner import ingest

    expected = bad_pages(tmp_path)
    summary = ingest([str(tmp_path)], archive, HTML, workers=1)
    rows = {r["source"].rsplit("/", 1)[-1]: r for r in archive.db["pages"].rows}
    for name, reason in expected.items():
        assert rows[name]["status"] == "rejected", name
        assert rows[name]["reason"].startswith(reason), (name, rows[name]["reason"])
    assert rows["good.html"]["status"] == "ok"
    # A cut-off page still has its first paragraphs: an article, recognised
    # as a copy of the complete page.
    assert rows["truncated.html"]["status"] == "duplicate"
    copy = archive.db["articles"].get(rows["truncated.html"]["id"])
    assert copy["duplicate_of"] == rows["good.html"]["id"] and copy["text"]
    assert summary.counts["seen"] == len(expected) + 2


def test_time_limit_fires_on_a_huge_page():
    from pipeline.runner import process_document

    options = Options(format="html", extract_timeout=1)
    huge = "<html><body>" + GOOD_BODY * (20_000_000 // len(GOOD_BODY)) + "</body></html>"
    doc = process_document(read_bytes(huge.encode(), options=options), options)
    assert doc.status == "rejected"
    assert doc.reason == "timeout: extraction took more than 1 s"


def test_time_limit_is_not_swallowed_by_code_that_catches_exceptions():
    import time

    from pipeline.runner import PageTimeout, time_limit

    def busy(seconds, swallow_all):
        # Like an extractor's fallbacks: work inside try/except Exception (or a bare except).
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            try:
                sum(range(10_000))
            except Exception:
                pass
            except BaseException:
                if not swallow_all:
                    raise

    started = time.monotonic()
    with pytest.raises(PageTimeout):
        with time_limit(0.2):
            busy(5, swallow_all=False)
    assert time.monotonic() - started < 2  # at the limit, not when the work ends
    # Swallowed even as a BaseException: the block still ends in PageTimeout.
    with pytest.raises(PageTimeout):
        with time_limit(0.1):
            busy(0.4, swallow_all=True)
    with time_limit(5):  # within its limit: nothing raised
        busy(0.05, swallow_all=False)


class _SlowToCollect:
    """An object whose finaliser runs for a while: a timeout landing in it is ignored by Python."""

    def __del__(self):
        import time

        end = time.monotonic() + 0.3
        while time.monotonic() < end:
            pass


@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")  # the ignored one, by design
@pytest.mark.parametrize("in_thread", [False, True], ids=["alarm", "watchdog"])
def test_a_timeout_swallowed_in_a_finaliser_is_raised_again(in_thread):
    import threading
    import time

    from pipeline.runner import PageTimeout, time_limit

    outcome = {}

    def run():
        started = time.monotonic()
        try:
            with time_limit(0.1):
                _SlowToCollect()  # collected at once; the limit passes inside __del__, where Python ignores the exception
                while time.monotonic() - started < 6:
                    sum(range(10_000))
        except PageTimeout:
            outcome["timeout"] = True
        outcome["seconds"] = time.monotonic() - started

    if in_thread:
        thread = threading.Thread(target=run)
        thread.start()
        thread.join()
    else:
        run()
    assert outcome.get("timeout")
    assert outcome["seconds"] < 3  # raised again soon after, not when the work ends at 6 s


# --- HTML-specific cleaning --------------------------------------------------


def test_soft_hyphens_leave_the_text_and_the_title_so_search_finds_the_word(archive):
    from archive import search
    from pipeline.dedupe import dedupe

    html = news_page().replace("Ladesäulen werden", "Lade\xadsäulen werden").replace(
        "das Netz der Ladesäulen", "das Netz der Lade&shy;säulen"
    )
    doc = run_html(html)
    assert doc.status == "ok", doc.reason
    assert "\xad" not in doc.text and "\xad" not in doc.metadata["title"]
    assert "das Netz der Ladesäulen" in doc.text
    archive.write(dedupe(doc, archive))
    assert [hit["id"] for hit in search(archive.db, "Ladesäulen")] == [doc.id]


def test_a_tag_with_300000_attributes_is_parsed_without_them():
    # libxml2 takes minutes over such a tag, and the time limit cannot stop it inside the parser.
    attributes = " ".join(f'a{i}="x"' for i in range(300_000))
    html = f"<html><body><h1>Ladesäulen</h1><p {attributes}>" + " ".join(ARTICLE_PARAGRAPHS) + "</p></body></html>"
    doc = run_html(html)
    assert doc.status == "ok", doc.reason
    assert ARTICLE_PARAGRAPHS[0] in doc.text
    assert "a299999" not in doc.html
