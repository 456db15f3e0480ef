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
