import gzip

import pytest

from pipeline.options import Options
from pipeline.read import read_bytes, read_path, sniff_format


def test_text_dump_becomes_lines():
    doc = read_bytes("Title\n\n  First line  \nSecond\xa0line\n".encode())
    assert doc.format == "text"
    assert [b.text for b in doc.blocks] == ["Title", "First line", "Second\xa0line"]


def test_invisible_format_characters_are_dropped_and_joiners_kept():
    doc = read_bytes("Die Bundes\xadregierung\u200b hat \u2060beschlossen\ufeff.\n\nمی\u200cخواهم\n".encode())
    assert [b.text for b in doc.blocks] == ["Die Bundesregierung hat beschlossen.", "می\u200cخواهم"]



def test_text_is_read_in_its_composed_unicode_form():
    # A Bengali "য়" written as one code point, Vietnamese and a Korean syllable written decomposed.
    doc = read_bytes("কুষ্টি\u09df\n\nTie\u0302\u0301ng Vie\u0323\u0302t\n\n\u1112\u1161\u11ab\n".encode())
    assert [b.text for b in doc.blocks] == ["কুষ্টি\u09af\u09bc", "Tiếng Việt", "한"]

def _decoded_twice(text: str) -> str:
    """The text as a site that encoded its UTF-8 twice serves it (each byte read as cp1252, or Latin-1 where cp1252 has none)."""
    return "".join(bytes([b]).decode("cp1252", errors="strict") if b not in (0x81, 0x8D, 0x8F, 0x90, 0x9D) else chr(b) for b in text.encode("utf-8"))


REPAIRED = [
    "Mayor’s office: “We’ve heard you” — café owners get €2 million.",
    "Президент подписал указ о повышении пенсий с 1 января.",
    "Мэр Алматы қала әкімдігінде брифинг өткізді.",
    "Prezident İlham Əliyev Şuşada müşavirə keçirib.",
    "Die Bürger können über die Straße abstimmen.",
]
# Text in the users' languages that has no double encoding and must come through as it is.
UNTOUCHED = [
    "à «bientôt», dit-il ; ¡Qué sorpresa! ¿Cómo?",
    "İstanbul’da açıklama yapan Bakan, Çarşamba günü görüşeceğini söyledi.",
    "Ærøskøbing og Ålesund; naïve façade; São Paulo e Brasília; 5 £ à la carte",
    "ხელისუფლებამ განცხადება გაავრცელა. Կառավարությունը որոշում ընդունեց.",
    "Tiếng Việt có dấu: Hà Nội, Huế; Čeština: příliš žluťoučký kůň",
]


@pytest.mark.parametrize("text", REPAIRED)
def test_text_a_site_encoded_twice_is_repaired(text):
    mangled = _decoded_twice(text)
    assert mangled != text
    doc = read_bytes(f"{mangled}\n\nSecond line.\n".encode())
    assert doc.blocks[0].text == text
    html = f"<html><head><meta charset=utf-8><title>{mangled}</title></head><body><p>{mangled}</p></body></html>"
    from pipeline.extract import extract

    doc = extract(read_bytes(html.encode("utf-8"), options=Options(format="html")))
    assert text in [b.text for b in doc.blocks] and doc.metadata["title"] == text


@pytest.mark.parametrize("text", UNTOUCHED)
def test_text_that_was_encoded_once_is_left_as_it_is(text):
    doc = read_bytes(f"{text}\n\nSecond line.\n".encode())
    assert doc.blocks[0].text == text


def test_character_references_left_in_a_dump_or_a_json_ld_value_are_decoded():
    # A dump a tool made by cutting the tags out; a URL's "&copy=2" and an unknown name are no references.
    doc = read_bytes("Сад і город: поради &#8212; &quot;Осінь&quot;\n\nM&uuml;ller &amp; S&ouml;hne, R&D; https://x.org/?a=1&copy=2 &notaname;\n".encode())
    assert [b.text for b in doc.blocks] == ["Сад і город: поради — \"Осінь\"", "Müller & Söhne, R&D; https://x.org/?a=1&copy=2 &notaname;"]
    html = """<html><head><script type="application/ld+json">{"@type": "NewsArticle", "headline": "Şəhər&#8217;in b&uuml;dcəsi &amp; vergilər",
    "author": {"name": "Anna M&uuml;ller"}}</script></head><body><p>Text.</p></body></html>"""
    from pipeline.extract import extract

    doc = extract(read_bytes(html.encode("utf-8"), options=Options(format="html")))
    assert (doc.metadata["title"], doc.metadata["author"]) == ("Şəhər’in büdcəsi & vergilər", "Anna Müller")


@pytest.mark.parametrize("data", [b"\xef\xbb\xbf", b"\xff\xfe", b"\xef\xbb\xbf \n\t ", "\u00ad\u200b\n".encode()])
def test_a_page_of_nothing_visible_is_empty(data):
    doc = read_bytes(data)
    assert doc.status == "rejected" and doc.reason.startswith("empty"), doc.reason


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_html_is_read_as_html(codec):
    html = "<!DOCTYPE html><html><head><title>Titel</title></head><body><p>Hallo Welt, ein Test.</p></body></html>"
    doc = read_bytes(html.encode(codec))
    assert doc.format == "html" and "<p>Hallo Welt, ein Test.</p>" in doc.html


def test_html_is_sniffed():
    assert sniff_format(b"<!DOCTYPE html><html><body><p>x</p></body></html>") == "html"
    assert sniff_format(b"  <html lang=en><head><title>t</title>") == "html"
    assert sniff_format(b"Plain text that mentions <b> once") == "text"


def test_empty_file_is_rejected(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"  \n\n")
    doc = read_path(path)
    assert doc.status == "rejected"
    assert doc.reason.startswith("empty")


def test_missing_file_is_rejected(tmp_path):
    doc = read_path(tmp_path / "nope.html")
    assert doc.status == "rejected"
    assert doc.reason.startswith("unreadable")


def test_binary_junk_is_rejected():
    doc = read_bytes(bytes(range(256)) * 50)
    assert doc.status == "rejected"
    assert doc.reason.startswith("binary")


def test_truncated_gzip_is_rejected():
    data = gzip.compress(b"<html><body><p>hello world</p></body></html>" * 100)
    doc = read_bytes(data[: len(data) // 2])
    assert doc.status == "rejected"
    assert doc.reason.startswith("bad_gzip")


def test_gzip_is_decompressed():
    doc = read_bytes(gzip.compress("Zeile eins\nZeile zwei".encode()))
    assert [b.text for b in doc.blocks] == ["Zeile eins", "Zeile zwei"]


def test_too_large_is_rejected():
    doc = read_bytes(b"x" * 2000, options=Options(max_page_bytes=1000))
    assert doc.reason.startswith("too_large")
    text_dump = b"A line of a text dump.\n" * 100
    assert read_bytes(text_dump, options=Options(max_text_bytes=1000)).reason.startswith("too_large: a text dump")
    html = b"<html><body>" + b"<p>A paragraph of a page.</p>" * 100 + b"</body></html>"
    assert read_bytes(html, options=Options(max_text_bytes=1000)).format == "html"


def test_declared_charset_is_used():
    html = '<html><head><meta charset="windows-1251"></head><body><p>Привет, мир</p></body></html>'
    doc = read_bytes(html.encode("cp1251"))
    assert "Привет, мир" in doc.html


@pytest.mark.parametrize("declared", ["iso-8859-1", "windows-1252", "iso-8859-2", "iso-8859-15", "windows-1250", "macintosh"])
def test_cyrillic_page_declared_in_a_latin_charset_is_detected(declared):
    text = "Президент подписал указ о разминировании освобождённых территорий и восстановлении дорог. " * 10
    html = f'<html><head><meta charset="{declared}"></head><body><p>{text}</p></body></html>'
    doc = read_bytes(html.encode("cp1251"))
    assert "разминировании" in doc.html


def test_undeclared_legacy_encoding_is_detected():
    text = "Азербайджан продолжает разминирование освобождённых территорий. " * 20
    doc = read_bytes(text.encode("cp1251"))
    assert "разминирование" in doc.blocks[0].text


_SAVED_BODY = (
    "<body><article><h1>Stadtrat beschließt Haushalt</h1>"
    "<p>Der Stadtrat hat am Montagabend nach langer Debatte den Haushalt für das kommende Jahr beschlossen, mit mehr Geld für Schulen.</p>"
    "<p>Die Opposition kritisierte, dass die Straßen im Norden der Stadt erneut warten müssten, obwohl sie seit Jahren marode seien.</p>"
    "</article></body></html>"
)


@pytest.mark.parametrize(
    ("comment", "url"),
    [
        # A browser's "Save as" (the Mark of the Web: the URL's length, then the URL).
        ("<!-- saved from url=(0040)https://www.example.com/news/haushalt -->", "https://www.example.com/news/haushalt"),
        # HTTrack writes the address without its scheme.
        ("<!-- Mirrored from www.example.com/news/haushalt.html by HTTrack Website Copier/3.x [XR&CO'2014], Tue, 05 Dec 2023 10:11:12 GMT -->", "https://www.example.com/news/haushalt.html"),
    ],
)
def test_a_saved_pages_own_comment_gives_its_url_unless_it_names_a_canonical_one(comment, url):
    from pipeline.clean import clean
    from pipeline.extract import extract

    page = f"<!DOCTYPE html>\n{comment}\n<html><head><title>Haushalt</title></head>{_SAVED_BODY}"
    doc = clean(extract(read_bytes(page.encode("utf-8"), source="haushalt.html")))
    assert doc.status == "ok" and doc.metadata["url"] == url and doc.metadata["site"] == "example.com"
    canonical = page.replace("<title>", '<link rel="canonical" href="https://example.com/p/1"><title>')
    assert clean(extract(read_bytes(canonical.encode("utf-8")))).metadata["url"] == "https://example.com/p/1"
    assert read_bytes(f"Stadtrat\n{comment}\nDer Stadtrat hat getagt.".encode()).metadata["url"] is None  # a text dump quoting one


@pytest.mark.parametrize(
    ("language", "encoding"),
    [("tr", "cp1254"), ("tr", "iso8859_9"), ("sv", "cp1252"), ("pl", "iso8859_2"), ("ru", "cp1251"), ("ko", "cp949")],
)
def test_an_undeclared_legacy_encoding_is_detected_by_the_words_it_gives(language, encoding):
    """The detector alone read Turkish windows-1254 as windows-1250 ("Cumhurbaţkaný"), Swedish and Polish likewise."""
    import json

    from conftest import ROOT
    from pipeline.read import decode_bytes

    lines = (ROOT / "tests" / "data" / "langid" / f"{language}.jsonl").read_text(encoding="utf-8").splitlines()
    paragraphs = [record["text"] for record in map(json.loads, lines) if record["band"] == "paragraph"][:3]
    text = "\n".join(paragraphs)
    assert decode_bytes(text.encode(encoding)) == text
    markup = "<html><head><title>x</title></head><body>" + "".join(f"<p>{p}</p>" for p in paragraphs) + "</body></html>"
    assert paragraphs[0] in decode_bytes(markup.encode(encoding), html=True)


@pytest.mark.parametrize("language", ["ru", "tr", "ko", "ka", "hy", "kk", "uk", "az", "de"])
def test_a_utf8_dump_with_a_stray_byte_is_still_utf8(language):
    """A cp1252 quote pasted into a UTF-8 dump made the detector read the whole dump as GB18030 or as binary junk."""
    import json

    from conftest import ROOT
    from pipeline.read import decode_bytes

    lines = (ROOT / "tests" / "data" / "langid" / f"{language}.jsonl").read_text(encoding="utf-8").splitlines()
    paragraphs = [record["text"] for record in map(json.loads, lines) if record["band"] == "paragraph"][:3]
    data = "\n".join(paragraphs).encode("utf-8")
    cut = data.index(b"\n")
    text = decode_bytes(data[:cut] + b" it\x92s \xd0" + data[cut:])  # a cp1252 apostrophe, half a Cyrillic letter
    assert text == paragraphs[0] + " it’s \ufffd\n" + "\n".join(paragraphs[1:])


def test_a_legacy_text_is_not_read_as_utf8_with_stray_bytes():
    from pipeline.read import decode_bytes

    text = "Die Straße über den Fluß wird gesperrt. Künftig fahren die Busse über die Brücke am Südufer, sagte die Bürgermeisterin."
    assert decode_bytes(text.encode("cp1252")) == text
    # One accented word in UTF-8 is evidence enough against one stray byte.
    english = "The council met on Monday and agreed the budget for the coming year. The café on the square will open again in May."
    data = english.encode("utf-8")
    assert decode_bytes(data[:20] + b" it\x92s" + data[20:]) == english[:20] + " it’s" + english[20:]
