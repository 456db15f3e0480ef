"""pipeline.dumps.layout: dumps of one block a line, wrapped dumps and Markdown read back into blocks."""

import textwrap

from pipeline.dumps.layout import (
    CELLS,
    STYLE_LINES,
    STYLE_MARKDOWN,
    STYLE_WRAPPED,
    dump_style,
    is_layout_row,
    markdown_inline,
    read_dump,
    wrap_width,
)

PARAGRAPHS = [
    "Der Stadtrat von Leipzig hat am Dienstag den Bau einer neuen Grundschule im Stadtteil Gohlis beschlossen, "
    "nachdem die Zahl der Kinder dort seit Jahren schneller wächst als die Zahl der Plätze in den Schulen.",
    "Die Schule soll im Herbst 2027 für vierhundert Kinder öffnen; die Kosten von rund dreißig Millionen Euro "
    "trägt zum größten Teil die Stadt, ein Fünftel kommt aus einem Programm des Landes für neue Schulbauten.",
    "Львівська міська рада в понеділок ухвалила рішення про будівництво нової дитячої лікарні на вулиці "
    "Личаківській, яка прийматиме до трьохсот маленьких пацієнтів щодня після завершення робіт наступного року.",
]


def wrapped(width=72):
    lines = ["  * Startseite", "  * Politik", ""]
    for paragraph in PARAGRAPHS:
        lines += textwrap.wrap(paragraph, width, initial_indent="    ", subsequent_indent="    ", break_on_hyphens=False)
        lines.append("")
    return "\n".join(lines)


def test_wrapped_dump_is_read_back_into_its_paragraphs():
    style, blocks = read_dump(wrapped())
    assert style == STYLE_WRAPPED
    assert [b.text for b in blocks] == ["Startseite", "Politik", *PARAGRAPHS]
    assert [b.kind for b in blocks[:2]] == ["li", "li"]
    assert blocks[2].lines > 1


def test_wrap_width_is_the_fill_column():
    lines = [line for line in wrapped(64).split("\n") if line.strip()]
    # The longest line the fill made, not a column or two past it: a line that stops there would read as a paragraph's end.
    assert wrap_width(lines) == max(len(line.rstrip()) for line in lines) <= 64
    # Many lines just under the band a fill to 70 leaves: the band is found higher up, the width is still 70.
    lines = ["w" * 70] * 8 + ["w" * 59] * 4 + ["w" * 60] * 5
    assert wrap_width(lines) == 70


def test_lines_of_a_block_dump_stay_as_they_are():
    dump = "Startseite\n\nPolitik\n\n" + "\n\n".join(PARAGRAPHS) + "\n"
    style, blocks = read_dump(dump)
    assert style == STYLE_LINES
    assert [b.text for b in blocks] == ["Startseite", "Politik", *PARAGRAPHS]


def test_a_line_that_continues_a_sentence_joins_it():
    dump = "Home\nExpect protein (see our favorite\nhigh-protein snacks\n!) to stay.\nMeet the experts\n: Scott Keatley\n"
    texts = [b.text for b in read_dump(dump)[1]]
    assert texts == ["Home", "Expect protein (see our favorite high-protein snacks!) to stay.", "Meet the experts: Scott Keatley"]


def test_a_capitalised_link_inside_a_sentence_joins_it():
    # One text node a line: a link's text on its own line between the two halves of its sentence.
    dump = (
        "Cameras watch every street in the old town. Surveillance touches every part of daily life, says Antony Loewenstein, author of"
        "\nThe Palestine Laboratory\n, a book on the subject.\nНовини за темою\n"
        "Метро працювало до ночі. Пасажирів було багато. Мер Києва заявив у понеділок, що\nМетрополітен\nвідновить роботу вранці.\n"
    )
    texts = [b.text for b in read_dump(dump)[1]]
    assert texts == [
        "Cameras watch every street in the old town. Surveillance touches every part of daily life, says Antony Loewenstein, author of "
        "The Palestine Laboratory, a book on the subject.",
        "Новини за темою",
        "Метро працювало до ночі. Пасажирів було багато. Мер Києва заявив у понеділок, що Метрополітен відновить роботу вранці.",
    ]
    # A heading over its text, a headline over its author and a lower-case
    # date line, and a link's label over its address, stay apart.
    dump = (
        "The council met on Monday. It discussed the plan for\nMost Popular\nCouncil approves the stadium\n"
        "Web Design Trends to Expect in 2026\nSelin Romano\nupdated on 3 March 2026\n"
        "Donations keep our reporting free. Donate by PayPal here\nPayPal\nhttps://paypal.me/example\n"
    )
    texts = [b.text for b in read_dump(dump)[1]]
    assert texts[:4] == ["The council met on Monday. It discussed the plan for", "Most Popular", "Council approves the stadium", "Web Design Trends to Expect in 2026"]
    assert texts[-2] == "Donations keep our reporting free. Donate by PayPal here"


def test_a_line_after_a_sentence_end_is_not_joined():
    texts = [b.text for b in read_dump("It rained.\nand then it snowed\nNews\n")[1]]
    assert texts == ["It rained.", "and then it snowed", "News"]


MARKDOWN = """Leeds approves riverside cycle lane | Example News

* [Home](https://example.org/)
* [Politics](https://example.org/politics "Politics")

# Leeds approves riverside cycle lane

![A cyclist](https://example.org/a.jpg "Photo")

The city council of **Leeds** approved a new [cycle lane](https://example.org/lane) along
the river Aire on Monday\\_ and *more*.

[
## A link around a block
](https://example.org/other)

| Route | Miles |
| --- | --- |
| Aire | 2 |
"""


def test_markdown_is_read_into_plain_blocks_of_their_kind():
    style, blocks = read_dump(MARKDOWN)
    assert style == STYLE_MARKDOWN
    assert [(b.kind, b.text) for b in blocks] == [
        ("p", "Leeds approves riverside cycle lane | Example News"),
        ("li", "Home"),
        ("li", "Politics"),
        ("h1", "Leeds approves riverside cycle lane"),
        ("p", "The city council of Leeds approved a new cycle lane along the river Aire on Monday_ and more."),
        ("h", "A link around a block"),
        ("row", "Route Miles"),
        ("row", "Aire 2"),
    ]


def test_markdown_inline_keeps_what_a_reader_sees():
    assert markdown_inline("[**Keatley**](https://k.com/); *[The Diet](https://a.com/x_(y) \"t\")*.") == "Keatley; The Diet."
    assert markdown_inline("snake_case_word and 2 * 3 * 4") == "snake_case_word and 2 * 3 * 4"


def test_a_dump_with_a_few_links_is_not_markdown():
    lines = ["See https://example.org/a for more.", "Plain text line.", "Another one."] * 20
    assert dump_style(lines)[0] == STYLE_LINES


def test_prose_is_sentences_in_any_script():
    from pipeline.dumps.layout import is_prose

    assert is_prose("Երևանի քաղաքապետարանը այսօր նոր այգի բացեց։ Այգում կտնկվի հազար ծառ։")
    assert is_prose("서울시는 오늘 새 자전거 도로를 개통했다. 이 도로는 출퇴근 시간을 줄일 것이다.")
    assert is_prose("The council approved a new cycle lane on Monday. Work starts in spring.")
    assert not is_prose("Home Politics Business Sport Contact")
    assert not is_prose("Prime minister visits flood-hit towns")
    assert not is_prose("© 2025 All rights reserved.")


def test_markdown_tells_level_one_headings_apart():
    dump = "\n".join(
        [
            "Floods close the river road | County News",
            "",
            "# Floods close the river road",
            "",
            "## What drivers should know",
            "",
            "Floods close the river road",
            "===========================",
            "",
            "What drivers should know",
            "------------------------",
            "",
            "[Home](/) [News](/news) [Sport](/sport) [Weather](/weather)",
        ]
    )
    style, blocks = read_dump(dump)
    assert style == STYLE_MARKDOWN
    assert [b.kind for b in blocks][1:5] == ["h1", "h", "h1", "h"]


def test_georgian_lines_are_not_joined_as_if_they_opened_lower_case():
    # Mkhedruli letters are lower case to Unicode, but Georgian opens its sentences and titles with them.
    lines = ["მთავარი", "პოლიტიკა", "ვაკეში ახალი ავტობუსის ხაზი გაიხსნა", "თბილისის მერიამ დღეს ვაკის რაიონში ახალი ავტობუსის ხაზი გახსნა."]
    _, blocks = read_dump("\n".join(lines))
    assert [b.text for b in blocks] == lines
    # A cased script's lower-case line under an unfinished sentence is still its rest.
    _, blocks = read_dump("The council approved the\nnew budget on Monday.")
    assert [b.text for b in blocks] == ["The council approved the new budget on Monday."]


def test_a_row_of_cells_is_told_apart_in_any_script():
    rows = [
        "Главная   Политика   Экономика   Общество   Спорт",
        "მთავარი   პოლიტიკა   ეკონომიკა   საზოგადოება   სპორტი",
        "Գլխավոր\tՔաղաքականություն\tՏնտեսություն\tՍպորտ",
        "About Us | Contact Us | Privacy Policy | Terms of Service",
        "홈 · 정치 · 경제 · 사회 · 스포츠",
    ]
    assert all(map(is_layout_row, rows))
    not_rows = [
        "Bakıda minatəmizləmə üzrə beynəlxalq forum açıldı | Xəbərlər | News.az",  # a headline, its section and site
        "Politik   Wirtschaft   Sport",  # three cells: as many as "Headline | Section | Site"
        "Der Stadtrat hat am Dienstag   den Bau einer neuen Grundschule im Stadtteil Gohlis beschlossen | a | b",  # a cell of prose
        "Startseite Politik Wirtschaft Sport Kultur",  # no gaps: nothing tells the cells apart
    ]
    assert not any(map(is_layout_row, not_rows))


def test_a_row_of_cells_is_a_block_of_its_own_in_each_style():
    menu = "Головна   Політика   Економіка   Суспільство   Спорт   Культура"
    style, blocks = read_dump(menu + "\n\n" + wrapped())
    assert style == STYLE_WRAPPED
    assert (blocks[0].kind, blocks[0].text) == (CELLS, "Головна Політика Економіка Суспільство Спорт Культура")
    assert blocks[1].text == "Startseite"
    style, blocks = read_dump(menu + "\nfür alle Leser\n" + PARAGRAPHS[0])
    assert style == STYLE_LINES
    # Whitespace folded, and no lower-case line joined onto the row as if it went on with a sentence.
    assert [(b.kind, b.text) for b in blocks[:2]] == [(CELLS, "Головна Політика Економіка Суспільство Спорт Культура"), ("line", "für alle Leser")]


def fill_to_columns(text: str, width: int = 79) -> list[str]:
    """A paragraph filled as w3m fills it: to `width` terminal columns, a wide character taking two, broken at the last space that fits or between any two wide characters."""
    from pipeline.dumps.layout import columns

    lines, line = [], ""
    for char in text:
        if columns(line + char) <= width:
            line += char
            continue
        cut = line.rfind(" ")
        if char == " ":
            lines.append(line)
            line = ""
        elif columns(char) == 2 and columns(line[-1]) == 2:
            lines.append(line)
            line = char
        else:
            lines.append(line[:cut])
            line = line[cut + 1 :] + char
    return lines + [line]


def test_a_dump_filled_to_terminal_columns_is_read_back_into_its_paragraphs():
    """w3m counts a Hangul or CJK character as two columns and breaks between any two: lines of 40 characters are full."""
    import json
    from pathlib import Path

    pages = json.loads((Path(__file__).parent.parent / "data" / "text_pages" / "languages.json").read_text(encoding="utf-8"))
    for language in ("zh", "ja", "ko"):
        paragraphs = pages[language]["paragraphs"] * 3  # a fill is told from MIN_WRAP_LINES full lines
        lines = list(pages[language]["menu"]) + [""]
        for paragraph in paragraphs:
            lines += fill_to_columns(paragraph) + [""]
        style, blocks = read_dump("\n".join(lines))
        assert style == STYLE_WRAPPED, language
        texts = [b.text for b in blocks][len(pages[language]["menu"]) :]
        # No block ends in the middle of a sentence (a paragraph whose sentence ended at the margin is two blocks).
        assert all(text.endswith(("。", ".")) for text in texts), language
        # Where the fill broke at a space between two wide characters, the space is gone (w3m keeps none to tell).
        assert "".join(texts).replace(" ", "") == "".join(paragraphs).replace(" ", ""), language
        if language != "ko":
            assert texts == paragraphs


def test_a_korean_page_dumped_by_w3m_keeps_its_article():
    """tests/data/text_pages/ko_w3m.txt: `w3m -dump -O UTF-8 -T text/html` of a news post (tests/data/html_pages/languages.py's Korean page, its paragraphs three times)."""
    from pathlib import Path

    from pipeline.options import Options
    from pipeline.read import read_bytes
    from pipeline.runner import process_document

    raw = (Path(__file__).parent.parent / "data" / "text_pages" / "ko_w3m.txt").read_bytes()
    options = Options(format="text")
    doc = process_document(read_bytes(raw, source="ko_w3m.txt", options=options), options)
    assert doc.ok, doc.reason
    assert doc.metadata["title"] == "서울시, 내년부터 대중교통 요금 인상 발표"
    assert "지하철과 버스 기본요금을 각각 150원씩 인상한다고 월요일 밝혔다." in doc.text


def test_a_short_wrapped_dump_in_a_script_without_capitals_is_read_back_into_its_paragraphs():
    """Three paragraphs of Georgian filled to 72 characters: too few full lines for a fill in a script with capitals, where a line that goes on opens in lower case."""
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).parent.parent / "data" / "html_pages"))
    from languages import PAGES

    paragraphs = PAGES["ka"]["paragraphs"][:3]
    lines = ["  * " + item for item in PAGES["ka"]["menu"]] + [""]
    for paragraph in paragraphs:
        lines += textwrap.wrap(paragraph, 72, initial_indent="   ", subsequent_indent="   ") + [""]
    style, blocks = read_dump("\n".join(lines))
    assert style == STYLE_WRAPPED
    assert [b.text for b in blocks][len(PAGES["ka"]["menu"]) :] == paragraphs
    # The same page in Russian is read one line a block, its lines that go on joined by their lower-case start.
    paragraphs = PAGES["ru"]["paragraphs"][:2]
    lines = []
    for paragraph in paragraphs:
        lines += textwrap.wrap(paragraph, 72, initial_indent="   ", subsequent_indent="   ") + [""]
    style, blocks = read_dump("\n".join(lines))
    assert style == STYLE_LINES
    assert [b.text for b in blocks] == paragraphs


# `html2text -utf8` (Debian's html2text 1.3.2a, the command) of a news page: starred headings, links underlined with underscores, no blank lines.
HTML2TEXT_DUMP = """\
    * Home
    * News
****** Flood defences to be rebuilt along the river ******
The regional council approved a plan on Tuesday to rebuild the flood defences
along the river, after record storms last winter overwhelmed the_old
embankments and flooded more than two hundred homes.
***** Costs *****
The flood defences will cost about forty million euros, most of it paid by the
national_government, which has promised to fund river embankments.
**** Related stories ****
    * Council_approves_the_new_stadium_plan
"""


def test_html2text_commands_starred_headings_and_underlined_links():
    style, blocks = read_dump(HTML2TEXT_DUMP)
    assert [(b.kind, b.text) for b in blocks if b.kind in ("h", "h1")] == [
        ("h1", "Flood defences to be rebuilt along the river"),
        ("h", "Costs"),
        ("h", "Related stories"),
    ]
    texts = [b.text for b in blocks]
    assert "overwhelmed the old embankments and flooded" in texts[3]
    assert texts[-1] == "* Council approves the new stadium plan"
    # Without starred headings an underscore is the page's own.
    assert read_dump("Set max_length to 80.\n\n****** not a heading")[1][0].text == "Set max_length to 80."


def test_an_html2text_dump_without_a_first_level_heading_is_the_tools_too():
    """A page whose headline is no <h1> shows the tool's lower levels only: a heading of four or five asterisks tells the tool."""
    lines = HTML2TEXT_DUMP.splitlines()
    dump = "\n".join(line.replace("******", "*****") for line in lines)
    texts = [b.text for b in read_dump(dump)[1]]
    assert "overwhelmed the old embankments and flooded" in texts[3]
    assert texts[-1] == "* Council approves the new stadium plan"
    # Two different lines framed in three asterisks tell it too; one line a page prints twice does not.
    dump = "\n".join(line.replace("******", "***").replace("*****", "***").replace("****", "***") for line in lines)
    assert read_dump(dump)[1][-1].text == "* Council approves the new stadium plan"
    own = "*** Follow me on Instagram for a daily moment of travel inspiration ***"
    assert read_dump(f"{own}\n\nSet max_length to 80.\n\n{own}")[1][1].text == "Set max_length to 80."


def test_an_html2text_dump_is_cleaned_with_its_headline():
    from pipeline.options import Options
    from pipeline.read import read_bytes
    from pipeline.runner import process_document

    options = Options(format="text")
    doc = process_document(read_bytes(HTML2TEXT_DUMP.encode(), source="page.txt", options=options), options)
    assert doc.ok, doc.reason
    assert doc.metadata["title"] == "Flood defences to be rebuilt along the river"
    assert "Related stories" not in doc.text and "*" not in doc.text


# `lynx -dump` of a news post: links numbered in their order (one marker broken over two lines), their targets listed at the end.
LYNX_DUMP = """\
   [1]Site[2]Ana Sayfa[3]Gündem[4]Ekonomi[5]Dünya[6
   ]Spor

İzmir'de yeni metro hattı hizmete girdi

   Belediyeden yapılan açıklamaya göre [7]yeni hat günde yüz bin yolcu
   taşıyacak ve kent merkezine ulaşım süresi yarı yarıya kısalacak.

     * [8]Dolar güne yükselişle başladı

References

   1. https://example.com/
   2. https://example.com/c0
"""


def test_lynx_link_numbers_are_no_text():
    texts = [b.text for b in read_dump(LYNX_DUMP)[1]]
    assert "Belediyeden yapılan açıklamaya göre yeni hat günde yüz bin yolcu taşıyacak ve kent merkezine ulaşım süresi yarı yarıya kısalacak." in texts
    assert texts[0] == "SiteAna SayfaGündemEkonomiDünyaSpor"
    assert "* Dolar güne yükselişle başladı" in texts
    # A page's own footnotes and citations count up from [1] too, but follow a word or head a note.
    notes = "The pattern is known as orchestrator-worker [1], [2]. It scales [3].\n\n[1] Ford, Martin. 2016.\n\n[2] Brynjolfsson, Erik.\n\n[3] https://example.com/x"
    assert [b.text for b in read_dump(notes)[1]] == notes.split("\n\n")


def test_a_lower_case_by_line_is_a_byline_only_when_it_names_someone():
    dump = (
        "Flood defences to be rebuilt along the river\n"
        "by Jane Smith\n"
        "\n"
        "The flood defences will cost about forty million euros, most of it paid\n"
        "by the national government, which has promised to fund them.\n"
    )
    texts = [b.text for b in read_dump(dump)[1]]
    assert texts == [
        "Flood defences to be rebuilt along the river",
        "by Jane Smith",
        "The flood defences will cost about forty million euros, most of it paid by the national government, which has promised to fund them.",
    ]
    # "by" alone over its link, the name (one text node a line), stays apart too.
    assert [b.text for b in read_dump("Flood defences to be rebuilt\nby\nJane Smith\n")[1]] == ["Flood defences to be rebuilt", "by", "Jane Smith"]


def test_a_short_page_filled_to_columns_is_read_back_into_its_paragraphs():
    """Three paragraphs of Japanese, and of Chinese, filled as w3m fills them: three full lines make a fill in a script without capitals."""
    import json
    from pathlib import Path

    pages = json.loads((Path(__file__).parent.parent / "data" / "text_pages" / "languages.json").read_text(encoding="utf-8"))
    for language in ("ja", "zh"):
        paragraphs = pages[language]["paragraphs"]
        lines = []
        for paragraph in paragraphs:
            lines += fill_to_columns(paragraph) + [""]
        style, blocks = read_dump("\n".join(lines))
        assert style == STYLE_WRAPPED, language
        assert "".join(b.text for b in blocks) == "".join(paragraphs), language


def test_each_margin_is_read_at_its_own_fill_width():
    """lynx ends body text (three columns in) at column 74 and flush-left headings at 77: read at the page's 77, every body line looked short and its paragraph stayed in pieces."""
    headings = [
        "Stadtrat beschließt neue Grundschule in Gohlis – Bau beginnt im nächsten Jahr",
        "Lviv city council approves a new children's hospital on Lychakiv Street today",
        "Neue Radwege in der Innenstadt: Was sich für Pendler ab dem Frühjahr ändert!",
        "Бюджет міста на наступний рік: більше грошей на школи, лікарні та нові дороги",
    ]
    lines = []
    for heading, paragraph in zip(headings, PARAGRAPHS * 2):
        assert 74 < len(heading) <= 77
        lines += [heading, ""]
        lines += textwrap.wrap(paragraph + " " + paragraph, 74, initial_indent="   ", subsequent_indent="   ", break_on_hyphens=False)
        lines.append("")
    style, blocks = read_dump("\n".join(lines))
    assert style == STYLE_WRAPPED
    assert [b.text for b in blocks] == [text for heading, paragraph in zip(headings, PARAGRAPHS * 2) for text in (heading, paragraph + " " + paragraph)]


def test_a_dump_filled_to_a_wide_terminal_is_read_as_wrapped():
    """lynx -width=200, w3m -cols 200: the same fill, wider than the tools' 80 columns."""
    paragraphs = [" ".join([p] * 3) for p in PARAGRAPHS * 2]
    lines = []
    for paragraph in paragraphs:
        lines += textwrap.wrap(paragraph, 197, initial_indent="   ", subsequent_indent="   ", break_on_hyphens=False) + [""]
    style, blocks = read_dump("\n".join(lines))
    assert style == STYLE_WRAPPED
    assert [b.text for b in blocks] == paragraphs


def test_lines_of_one_length_are_no_fill():
    """Teasers a template cut at one length ("... 250 characters…"), one a line: no width was filled, each line is a block."""
    teasers = [(f"{k}. " + " ".join(PARAGRAPHS))[:249] + "…" for k in range(1, 13)]
    style, blocks = read_dump("\n".join(teasers))
    assert style != STYLE_WRAPPED
    assert [b.text for b in blocks] == teasers


def test_w3m_nested_list_bullets_are_bullets():
    """w3m marks a list's nesting levels with • □ ☆ ○ ■: each item is a list item of its own, its bullet no text."""
    items = ["Medical Center Departments and Institutes of the University", "Institutional Compliance and Ethics Office", "Faculty Search"]
    dump = wrapped() + "\n" + "\n".join(f"{'    ' * level}  {mark} {item}" for level, (mark, item) in enumerate(zip("□☆○", items))) + "\n"
    style, blocks = read_dump(dump)
    assert style == STYLE_WRAPPED
    assert [(b.text, b.kind) for b in blocks[-3:]] == [(item, "li") for item in items]


def browser_dump_with_links(paragraphs, width=77):
    """A dump as `elinks -dump` prints it: each paragraph filled to `width` with "[n]" before a linked word, then the list of the links."""
    lines, n = [], 0
    for paragraph in paragraphs:
        words = paragraph.split()
        for k in range(0, len(words), 6):
            n += 1
            words[k] = f"[{n}]{words[k]}"
        lines += textwrap.wrap(" ".join(words), width, initial_indent="   ", subsequent_indent="   ", break_on_hyphens=False) + [""]
    lines += ["References", "", "   Visible links"]
    lines += [f"{k:4d}. https://www.example-news-site.org/2024/05/06/a-long-story-address-of-link-number-{k}/index.html" for k in range(1, n + 1)]
    return "\n".join(lines) + "\n"


def test_a_text_browsers_list_of_links_is_no_page_text():
    """elinks (and lynx without -nolist) print every link's address after the page: lines longer than the fill, which are no fill, and no text of the page."""
    from pipeline.clean import rules
    from pipeline.dumps.layout import LINKS, dump_blocks

    paragraphs = [p + " " + p for p in PARAGRAPHS]
    dump = browser_dump_with_links(paragraphs)
    style, blocks = read_dump(dump)
    assert style == STYLE_WRAPPED
    assert [b.text for b in blocks if b.kind != LINKS] == paragraphs
    listed = [b for b in blocks if b.kind == LINKS]
    assert [b.text for b in listed[:2]] == ["References", "Visible links"]
    assert [b.text.split(". ")[0] for b in listed[2:]] == [str(k) for k in range(1, len(listed) - 1)]
    assert {b.removed_by for b in dump_blocks(dump) if "https://" in b.text} == {rules.LINK_LIST}


def test_a_pages_own_list_of_addresses_stays():
    from pipeline.dumps.layout import LINKS

    sources = "Sources:\n\n" + "\n".join(f"   {k}. https://www.example.org/report/{k}/full-text-of-the-report.pdf" for k in range(1, 6)) + "\n\n"
    # Without the tools' link markers there is no tool's list.
    assert not [b for b in read_dump("\n\n".join(PARAGRAPHS) + "\n\n" + sources)[1] if b.kind == LINKS]
    # With them, a numbered list the page's text goes on after is the page's own.
    dump = browser_dump_with_links(PARAGRAPHS)
    head, tail = dump.split("References\n")
    blocks = read_dump(head + sources + "   " + PARAGRAPHS[0] + "\n\nReferences\n" + tail)[1]
    assert not [b for b in blocks if b.kind == LINKS and "report" in b.text]


def test_a_pages_numbered_footer_above_the_tools_list_is_the_pages():
    from pipeline.dumps.layout import link_list_start

    lines = ["   [1]Home [2]News", "   1. [3]Impressum", "   2. [4]Datenschutz", "References", "", *(f"   {k}. https://example.org/{k}" for k in range(1, 5))]
    assert link_list_start(lines) == 3


def test_lynx_markers_of_links_with_nothing_to_show_are_markers():
    """lynx prints an image link without its text as its marker alone on a line: a page with many of them is still a tool's dump."""
    lines = [f"   [{k}]" for k in range(1, 6)] + ["   By [6]Jane Smith", "   [7]", "   [8]"]
    assert [b.text for b in read_dump("\n".join(lines) + "\n")[1]] == ["By Jane Smith"]


def test_link_markers_before_any_first_character_of_a_links_text_are_markers():
    """A link's text may open with a symbol or a dash ("[2]► 2017", "[3]§ 19a UrhG", "[5]- Reden"): its marker is the tool's all the same."""
    dump = "   [1]Startseite\n\n   * [2]► 2017 (9)\n   * [3]§ 19a UrhG\n   * [4]“Zitat des Tages”\n   * [5]- Reden\n   * [6]:: Impressum\n"
    assert [b.text for b in read_dump(dump)[1]] == ["Startseite", "* ► 2017 (9)", "* § 19a UrhG", "* “Zitat des Tages”", "* - Reden", "* :: Impressum"]


def test_a_pages_own_numbers_between_the_tools_markers_leave_it_a_tools_dump():
    """A page that links its footnotes ("[20][1]": the tool's marker, then the link's text "[1]"), and addresses in the tool's list that hold brackets ("?format[8]=8")."""
    from pipeline.dumps.layout import LINKS

    paragraphs = [p + " " + p for p in PARAGRAPHS]
    dump = browser_dump_with_links(paragraphs)
    head, tail = dump.split("References\n")
    count = head.count("[")
    footnoted = head.rstrip() + f" [{count + 1}][1], [{count + 2}][2].\n\n"
    tail = tail.replace("/index.html", "/index.html?format[8]=8&sort[2]=1")
    notes = "".join(f"{k:4d}. https://example.org/notes#{k}\n" for k in (count + 1, count + 2))
    blocks = read_dump(footnoted + "References\n" + tail + notes)[1]
    texts = [b.text for b in blocks if b.kind != LINKS]
    assert texts[:-1] == paragraphs[:-1]
    assert texts[-1].startswith(paragraphs[-1]) and "[" not in texts[-1]
    assert all("https://" in b.text or len(b.text) < 20 for b in blocks if b.kind == LINKS)


def test_numbers_that_do_not_open_a_links_text_are_the_pages():
    """Markdown footnote links ("[1](#fn-1)"), reference definitions ("[1]: https://..."), and code ("x[0] = 1") keep their numbers."""
    from pipeline.dumps.layout import has_link_numbers

    markdown = "\n\n".join(f"{p}[{k}](#fn-{k})" for k, p in enumerate(PARAGRAPHS, 1)) + "\n\n" + "\n".join(f"[{k}]: https://example.org/{k}" for k in range(1, 4))
    assert not has_link_numbers(markdown.split("\n"))
    code = "\n".join(["   [1]Home", "   values[1]=2", "   values[2]=3", "   values[3]=4", "   print(values[1], values[2])"])
    assert "values[1]=2" in " ".join(b.text for b in read_dump(code)[1])


def test_a_page_saved_without_breaks_between_its_elements_is_read_in_its_pieces():
    """The text of minified markup (get_text() with no separator) runs a menu, a headline, a dateline and paragraphs into one line."""
    from pipeline.dumps.layout import RUN_TOGETHER_CHARS, run_together_lines

    pieces = ["Головна", "Політика", "Економіка", "У Львові відкрили нову дитячу лікарню", "6 травня 2024", *PARAGRAPHS]
    pieces += ["Читайте також", "Гривня зміцнилася до долара (12)", "Збірна перемогла в товариському матчі"]
    run = "".join(pieces)
    assert run_together_lines([run]) == [run]  # a line of a usual length is left as it is
    page = "".join(pieces * (RUN_TOGETHER_CHARS // len(run) + 1))
    assert run_together_lines([page]) == pieces * (RUN_TOGETHER_CHARS // len(run) + 1)
    # A long paragraph among other lines, a data: address and a line of base64 are no runs.
    paragraph = " ".join(PARAGRAPHS * 8)
    lines = ["Headline", paragraph, "data:image/svg+xml," + "%3Csvg%20id%3D%22a%22%3E" * 200, "QUJDRA" * 600]
    assert run_together_lines(lines) is lines


def test_a_page_on_one_line_is_read_in_its_sentences():
    """A feed's text joined by single spaces: a piece longer than any paragraph is cut at its sentences' ends."""
    from pipeline.dumps.layout import RUN_TOGETHER_SENTENCES_CHARS, run_together_lines

    sentences = [sentence + "." for paragraph in PARAGRAPHS for sentence in paragraph.rstrip(".").split(". ")]
    count = RUN_TOGETHER_SENTENCES_CHARS // len(" ".join(sentences)) + 1
    assert run_together_lines([" ".join(sentences * count)]) == sentences * count


def test_link_markers_before_a_tools_image_and_field_marks_are_markers():
    dump = "   [1]Startseite [2]Politik\n\n   [3][IMG]\n\n   E-Mail [4]_____________________ [5][ Senden ]\n\n   [6]Impressum\n"
    assert [b.text for b in read_dump(dump)[1]] == ["Startseite Politik", "[IMG]", "E-Mail _____________________ [ Senden ]", "Impressum"]


def test_html2text_commands_wrapped_headings_and_linked_dates():
    """A heading longer than the line is wrapped inside its stars; a linked date's spaces are underscores too."""
    lines = [
        "****** Flood defences to be rebuilt along the river ******",
        "by Jane_Smith · June_29,_2020",
        *textwrap.wrap(PARAGRAPHS[0] + " " + PARAGRAPHS[1], 79),
        "**** What the new flood defences will cost the region and its towns in the",
        "years to come ****",
        *textwrap.wrap(PARAGRAPHS[2] + " " + PARAGRAPHS[0], 79),
        "    * ___February_10,_2025",
    ]
    style, blocks = read_dump("\n".join(lines) + "\n")
    assert style == STYLE_WRAPPED
    texts = [b.text for b in blocks]
    assert texts[1:3] == ["by Jane Smith · June 29, 2020", PARAGRAPHS[0] + " " + PARAGRAPHS[1]]
    assert (blocks[3].kind, texts[3]) == ("h", "What the new flood defences will cost the region and its towns in the years to come")
    assert (blocks[-1].kind, texts[-1]) == ("li", "February 10, 2025")


def test_lines_of_addresses_are_no_evidence_of_the_fill():
    """An address cannot be broken: a band of lines holding one (a list of sources, a tool's list of links) says nothing of the width."""
    lines = []
    for paragraph in PARAGRAPHS * 2:
        lines += textwrap.wrap(paragraph, 72, initial_indent="   ", subsequent_indent="   ") + [""]
    lines += [f"   Source: https://www.example-news-site.org/2024/05/06/the-story-of-the-day-number-{k:03d}.html" for k in range(12)]
    assert dump_style(lines)[:2] == (STYLE_WRAPPED, max(len(line) for line in lines if "://" not in line))


def test_lynxs_paragraph_on_the_pages_link_elements_is_no_page_text():
    """lynx opens a dump with the page's <link> elements ("#alternate RSS 2.0"): it was taken for the headline."""
    from pipeline.dumps.layout import LINKS

    dump = "   #alternate Nachrichten » Feed alternate\n\n" + wrapped()
    blocks = read_dump(dump)[1]
    assert (blocks[0].kind, blocks[0].text) == (LINKS, "#alternate Nachrichten » Feed alternate")
    assert [b.text for b in blocks[1:]] == [b.text for b in read_dump(wrapped())[1]]
    # A page's own first line that opens with "#" (a Markdown heading, a hashtag without lynx's margin) stays.
    assert read_dump("#Bundestag stimmt zu\n\n" + "\n\n".join(PARAGRAPHS))[1][0].kind != LINKS


def test_elinks_lines_on_the_pages_link_elements_go_as_the_tools():
    """elinks opens a dump with a line for each <link> element, a long one wrapped: removed as link_list, never the headline."""
    from pipeline.dumps.layout import LINK_ELEMENT
    from pipeline.options import Options
    from pipeline.read import read_bytes
    from pipeline.runner import process_document

    head = [
        "   Link: [1]canonical",
        "   Link: [2]Daily River News » Flood defences to be rebuilt along the river Comments",
        "   Feed (alternate)",
    ]
    body = ["", "   [3]Daily River News", "", "Flood defences to be rebuilt along the river", ""]
    article = [
        "The regional council approved a plan on Tuesday to rebuild the flood defences along the river, after record storms"
        " last winter overwhelmed the old embankments and flooded more than two hundred homes.",
        "Engineers will raise the embankments by one metre and add pumping stations where the river narrows, the council"
        " said, and the work on the flood defences should start in the spring.",
        "The flood defences will cost about forty million euros, most of it paid by the national government, which has"
        " promised to fund river embankments in every region hit by the storms.",
    ]
    dump = "\n".join(head + body) + "\n\n" + "\n\n".join(article) + "\n\nReferences\n\n   1. https://news.example/flood\n   2. https://news.example/feed\n   3. https://news.example/\n"
    blocks = read_dump(dump)[1]
    assert [(b.kind, b.text) for b in blocks[:3]] == [
        (LINK_ELEMENT, "Link: canonical"),
        (LINK_ELEMENT, "Link: Daily River News » Flood defences to be rebuilt along the river Comments"),
        (LINK_ELEMENT, "Feed (alternate)"),
    ]
    options = Options(format="text")
    doc = process_document(read_bytes(dump.encode(), source="page.txt", options=options), options)
    assert doc.ok, doc.reason
    assert [b.removed_by for b in doc.blocks[:3]] == ["link_list"] * 3
    assert "Link:" not in doc.text and "Feed (alternate)" not in doc.text
    assert doc.metadata["title"] == "Flood defences to be rebuilt along the river"


def test_elinks_and_links_image_marks_are_no_page_text():
    """"[IMG]" for an image without alternative text, in a sentence or alone: taken out; a page's own BBCode stays."""
    lines = ["   [1][IMG] [2]Home [3]Politik", "", "21.01.2022 11:46 von [IMG] Patrick Otte", "", "[IMG]", ""]
    lines += [f"   {paragraph}" for paragraph in PARAGRAPHS[:2]] + ["", "[IMG] Abbildung 2: Nullgradgrenze vom 14. Januar"]
    texts = [b.text for b in read_dump("\n".join(lines))[1]]
    assert "21.01.2022 11:46 von Patrick Otte" in texts and "Abbildung 2: Nullgradgrenze vom 14. Januar" in texts
    assert not any("[IMG]" in text for text in texts)
    # Once, or with its closing tag, it is the page's: "[IMG] code is On", "[IMG]https://...[/IMG]".
    assert read_dump("[IMG] code is On\n\nHTML code is Off")[1][0].text == "[IMG] code is On"
    bbcode = "Use [IMG] tags: [IMG]https://example.org/a.png[/IMG] [IMG] and [IMG] again."
    assert read_dump(bbcode)[1][0].text == bbcode


def test_lynx_and_w3m_marks_for_edits_and_image_files_are_no_page_text():
    """"[INS: ... :INS]" and "[DEL: ... :DEL]" lose their marks (an empty pair, an ad's slot, goes); lynx's image file names go."""
    lines = ["[logo.png] [menu.svg] Home News", "", "[INS: :INS]", "", "Preis [DEL: 1.299 € :DEL] 999 € im Angebot", ""]
    lines += ["[location.svg] Managua, Nicaragua [calendar.svg] 26, Abril, 2022", ""] + [f"   {p}" for p in PARAGRAPHS[:2]]
    texts = [b.text for b in read_dump("\n".join(lines))[1]]
    assert texts[:3] == ["Home News", "Preis 1.299 € 999 € im Angebot", "Managua, Nicaragua 26, Abril, 2022"]
    # A page's own bracketed file name, once, stays.
    assert read_dump("Open [settings.png] to see the menu.\n\nThen save.")[1][0].text == "Open [settings.png] to see the menu."
