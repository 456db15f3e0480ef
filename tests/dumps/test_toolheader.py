"""pipeline.dumps.toolheader: a scraping tool's header above a dump (Jina Reader's), and Markdown dumps that open with their headline."""

import json
import sys
from pathlib import Path

import pytest

from pipeline import clean_text
from pipeline.dumps.toolheader import tool_header
from pipeline.options import Options
from pipeline.readers import read_file
from pipeline.runner import process_input

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "data" / "html_pages"))
from languages import PAGES as LANGUAGE_PAGES  # noqa: E402


def jina(news: dict, published: str | None = "2024-03-01T10:15:00+01:00", site: str = "Example News") -> str:
    """A page as Jina Reader gives it: its header, then the page as Markdown (menu, headline underlined, paragraphs, a box of other stories)."""
    header = [f"Title: {news['headline']} | {site}", "", "URL Source: https://news.example.com/2024/03/01/story", ""]
    if published:
        header += [f"Published Time: {published}", ""]
    body = ["Markdown Content:", *(f"*   [{item}](https://news.example.com/{n})" for n, item in enumerate(news["menu"])), ""]
    body += [news["headline"], "=" * 40, ""]
    for paragraph in news["paragraphs"]:
        body += [paragraph, ""]
    body += [news["related_heading"], "-" * 20, *(f"*   [{item}](https://news.example.com/r{n})" for n, item in enumerate(news["related"]))]
    return "\n".join(header + body) + "\n"


@pytest.mark.parametrize("language", sorted(LANGUAGE_PAGES))
def test_the_header_gives_the_address_and_date_and_goes_as_tool_header(language):
    news = LANGUAGE_PAGES[language]
    doc = clean_text(jina(news))
    assert doc.ok
    assert doc.metadata["url"] == "https://news.example.com/2024/03/01/story"
    assert doc.metadata["published"] == "2024-03-01T10:15:00+01:00"
    # The Title line is read as the <title> line of other tools' dumps: its headline part, without the site's name.
    assert doc.metadata["title"] == news["headline"]
    removed = [(r.rule, r.text) for r in doc.removed if r.rule == "tool_header"]
    assert removed == [
        ("tool_header", "URL Source: https://news.example.com/2024/03/01/story"),
        ("tool_header", "Published Time: 2024-03-01T10:15:00+01:00"),
        ("tool_header", "Markdown Content:"),
    ]
    assert "URL Source" not in doc.text and "Title:" not in doc.text
    assert all(paragraph in doc.text for paragraph in news["paragraphs"])
    assert not any(item in doc.text for item in news["related"])


def test_a_dump_that_only_opens_with_a_title_label_has_no_header():
    text = "Title: Der Stadtrat und der Haushalt\n\nDer Stadtrat hat am Montagabend den Haushalt beschlossen. Die Opposition kritisierte das.\n"
    assert tool_header(text) is None
    assert tool_header("Title: x\nURL Source: https://example.com/\nThe article starts here without the tool's last line.\n") is None
    doc = clean_text(text)
    assert not any(r.rule == "tool_header" for r in doc.removed)


def test_a_header_without_a_date_gives_none_and_the_page_may_state_one():
    news = dict(LANGUAGE_PAGES["ru"])
    news["paragraphs"] = ["12 марта 2024"] + news["paragraphs"]
    doc = clean_text(jina(news, published=None))
    assert doc.metadata["published"] == "2024-03-12"


def test_the_feeds_own_address_wins_over_the_header_of_its_text(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_text(json.dumps({"url": "https://example.com/feed-url", "text": jina(LANGUAGE_PAGES["uk"])}) + "\n")
    (item,) = read_file(str(path), Options())
    doc = process_input(item, Options())
    assert doc.metadata["url"] == "https://example.com/feed-url" and doc.metadata["published"] == "2024-03-01T10:15:00+01:00"


@pytest.mark.parametrize("underline", [False, True])
def test_a_short_markdown_dump_that_opens_with_its_headline_is_read_as_markdown(underline):
    """A feed's Markdown record of one paragraph: too few links and headings to tell it by those, but its first line is a heading."""
    headline, paragraph = LANGUAGE_PAGES["ka"]["headline"], LANGUAGE_PAGES["ka"]["paragraphs"][0]
    text = f"{headline}\n{'=' * 20}\n\n{paragraph}\n" if underline else f"# {headline}\n\n{paragraph}\n"
    doc = clean_text(text)
    assert doc.metadata["title"] == headline
    assert "#" not in doc.text and "===" not in doc.text and paragraph in doc.text


def clipped(news: dict, author: str) -> str:
    """A page as a web clipper saves it (Obsidian Web Clipper's template): YAML front matter, then the article as Markdown without its headline."""
    front = [
        "---",
        f'title: "{news["headline"]} | Example News"',
        'source: "https://news.example.com/2024/03/01/story"',
        "author:",
        f'  - "[[{author}]]"',
        "published: 2024-03-01",
        "created: 2024-03-05",
        'description: "A story."',
        "tags:",
        '  - "clippings"',
        "---",
    ]
    return "\n".join(front + [""] + [p + "\n" for p in news["paragraphs"]])


CLIPPED_AUTHORS = {"az": "Elçin Məmmədov", "hy": "Արամ Պետրոսյան", "ka": "ნინო ბერიძე", "kk": "Асқар Нұрланов",
                   "ko": "김민준", "ru": "Иван Петров", "tr": "Ayşe Yılmaz", "uk": "Іван Петренко"}


@pytest.mark.parametrize("language", sorted(LANGUAGE_PAGES))
def test_front_matter_gives_the_address_dates_author_and_title_and_goes_as_tool_header(language, tmp_path):
    news = LANGUAGE_PAGES[language]
    path = tmp_path / "clip.md"
    path.write_text(clipped(news, CLIPPED_AUTHORS[language]))
    (item,) = read_file(str(path), Options())
    doc = process_input(item, Options())
    assert doc.ok
    assert doc.metadata["url"] == "https://news.example.com/2024/03/01/story"
    assert (doc.metadata["published"], doc.origin["fetched_at"]) == ("2024-03-01", "2024-03-05")
    assert doc.metadata["author"] == CLIPPED_AUTHORS[language]
    assert doc.metadata["title"] == news["headline"]  # without the site's name
    assert all(r.rule == "tool_header" for r in doc.removed if r.text.startswith(("---", "source:", "author:", "tags:", "- ")))
    assert doc.text == "\n\n".join(news["paragraphs"])


def test_a_front_matter_title_is_the_dumps_first_line_once_whatever_the_keys_case():
    text = "---\nTitle: Stadtrat beschließt Haushalt | LZ\nsource: https://example.com/a\n---\n" + LANGUAGE_PAGES["ru"]["paragraphs"][0] + "\n"
    header = tool_header(text)
    assert [b.text for b in header.blocks] == ["---", "source: https://example.com/a", "---"]
    assert header.fields["title"] == "Stadtrat beschließt Haushalt" and header.rest.startswith("Stadtrat beschließt Haushalt | LZ\n")


def test_front_matter_as_markdownload_and_static_sites_write_it():
    text = "---\nlayout: post\ndate: 2024-03-01 10:15:00 +0100\nauthor: Jane Doe\ntags: [budget, council]\nurl: https://example.com/a\n---\n\n"
    header = tool_header(text + "The council approved the budget.\n")
    assert header.fields == {"url": "https://example.com/a", "published": "2024-03-01 10:15:00 +0100", "author": "Jane Doe"}
    assert header.rest.strip() == "The council approved the budget."


@pytest.mark.parametrize(
    "text",
    [
        "---\nThe council approved the budget on Monday.\n---\nMore text.\n",  # rules around a paragraph
        "---\nlayout: post\ntags: [a]\n---\nText.\n",  # front matter that states nothing the archive keeps
        "---\nsource: https://example.com/a\nno colon on this line\n---\n",
    ],
)
def test_what_is_not_front_matter_is_no_header(text):
    assert tool_header(text) is None
