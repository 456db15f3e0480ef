"""Step `dated_lists`: a text dump's list of other stories, each title beside a date of its own (pipeline/clean/dated_lists.py)."""

import sys
from pathlib import Path

import pytest
from inline_pages import ARTICLE_EN, OPTIONS, TEASERS_EN, clean_lines

from pipeline.clean.dated_lists import DATED_LIST_ITEMS, remove_dated_lists
from pipeline.clean.page import Page
from pipeline.extract import extract
from pipeline.read import read_bytes

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "data" / "html_pages"))
from languages import PAGES as LANGUAGE_PAGES  # noqa: E402

# Newest first, as a portal lists its latest stories.
DATES = ["06.05.2024", "05.05.2024", "03.05.2024"]
# How dumpers lay one item out: the date on a line of its own above or under its title, or beside it.
LAYOUTS = {
    "date over title": lambda date, title: [date, title],
    "title over date": lambda date, title: [title, date],
    "date first": lambda date, title: [f"{date} {title}"],
    "date last": lambda date, title: [f"{title} – {date}"],
}
USERS_LANGUAGES = ["ru", "uk", "az", "kk", "tr", "ka", "ko"]


def dump(content: dict, listed: list[str]) -> list[str]:
    """A portal's text dump: its menu, the dated list above the story, the story, the footer."""
    return [*content["menu"], *listed, content["headline"], *content["paragraphs"], content["footer"]]


def items(titles: list[str], layout: str, dates=DATES) -> list[str]:
    return [line for date, title in zip(dates, titles) for line in LAYOUTS[layout](date, title)]


def taken(lines: list[str]) -> set[str]:
    """The lines the step takes from a dump of `lines` (whatever an earlier step took of them)."""
    page = Page(extract(read_bytes("\n\n".join(lines).encode("utf-8"), options=OPTIONS)))
    return {page.texts[i] for i in remove_dated_lists(page)}


def test_a_list_is_as_many_items_as_the_tests_give():
    assert len(DATES) == DATED_LIST_ITEMS


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
@pytest.mark.parametrize("lang", USERS_LANGUAGES)
def test_a_list_of_dated_stories_above_the_article_goes(lang, layout):
    content = LANGUAGE_PAGES[lang]
    listed = items(content["related"], layout)
    lines = dump(content, listed)
    assert taken(lines) == {line for line in listed if line not in DATES}
    doc = clean_lines(lines)
    assert doc.status == "ok", doc.reason
    for paragraph in content["paragraphs"]:
        assert paragraph in doc.text
    for title in content["related"]:
        assert title not in doc.text
    # A title of the list is never the page's headline.
    assert doc.metadata.get("title") not in listed


@pytest.mark.parametrize("layout", ["date over title", "date first"])
def test_a_timeline_oldest_first_is_no_list_of_stories(layout):
    # A timeline runs the other way: its entries stay for the other rules to judge.
    events = ["Storms flood two hundred homes", "Council orders an engineers' report", "Engineers publish their report"]
    assert not taken([*items(events, layout, dates=list(reversed(DATES))), *ARTICLE_EN])


def test_entries_that_are_sentences_are_no_titles():
    entries = ["Storms flooded two hundred homes.", "The council ordered an engineers' report.", "The engineers published their report."]
    assert not taken([*items(entries, "date over title"), *ARTICLE_EN])


def test_two_dated_titles_are_no_list():
    content = LANGUAGE_PAGES["ru"]
    assert not taken(dump(content, items(content["related"][:2], "date over title")))


def test_a_page_that_is_the_list_keeps_it():
    # A blog's archive: dated titles, each with its teaser, and nothing else: the list is the page's content.
    paragraphs = ARTICLE_EN[1:]
    titles = ["Flood defences approved by the council", "Embankments to be raised by one metre", "Residents ask for the engineers' report", "Who pays for the flood defences"]
    dates = ["06.05.2024", "05.05.2024", "03.05.2024", "02.05.2024"]
    lines = [line for date, title, paragraph in zip(dates, titles, paragraphs) for line in (f"{date} {title}", paragraph)]
    assert not taken(lines)


def test_a_page_that_dates_many_more_items_keeps_its_lists():
    # A blog's front page: a box of three dated releases above a stream of dated posts, each with its teaser and author.
    box = items([teaser.title for teaser in TEASERS_EN], "date over title")
    stream = []
    for k in range(12):
        stream += [f"{28 - k:02d}.04.2024", f"Flood defences, part {k + 1}: what the council decided"]
        stream += [p.replace("council", f"council of district {k + 1}") for p in ARTICLE_EN[1:]] + ["Jane Doe"]
    lines = ["Home", "News", "Sport", *box, *stream, "© 2024 The River Times"]
    assert not taken(lines)
    # The same box above one article is a list of other stories.
    assert taken(["Home", "News", "Sport", *box, *ARTICLE_EN, "© 2024 The River Times"]) == {teaser.title for teaser in TEASERS_EN}
