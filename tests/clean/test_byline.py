"""Bylines, datelines, credits and the site (pipeline/clean/byline.py)."""

import pytest

from pipeline.clean.byline import (
    guess_site,
    parse_byline,
    parse_byline_and_date,
    parse_dateline,
    site_from_handle,
)
from pipeline.dates import parse_date


@pytest.mark.parametrize(
    "line, author",
    [
        ("By Vugar Khalilov", "Vugar Khalilov"),
        ("BY JOHN SMITH", "JOHN SMITH"),
        ("Von Lars Fischer und Alina Schadwinkel", "Lars Fischer und Alina Schadwinkel"),
        # Lower-case words are not a name, though "von" and "by" start the line.
        ("von der Fahrbahn abgekommen", None),
        ("by providing your email address", None),
    ],
)
def test_bylines_need_capitalised_names(line, author):
    found = parse_byline(line)
    assert (found or {}).get("author") == author


@pytest.mark.parametrize(
    "line, author",
    [
        ("Автор: Іван Петренко", "Іван Петренко"),  # Ukrainian capitals outside А-Я
        ("Авторы: Айгүл Сейітова", "Айгүл Сейітова"),  # Kazakh letters
        ("ავტორი: ნინო ბერიძე", "ნინო ბერიძე"),  # Georgian has no capitals: any letter opens a name
        ("Հեղինակ՝ Արամ Պետրոսյան", "Արամ Պետրոսյան"),  # Armenian writes the label's colon "՝"
        ("Müəllif: Əli Həsənov", "Əli Həsənov"),
        ("Von Łukasz Nowak", "Łukasz Nowak"),  # Latin capitals beyond Latin-1
        ("김민수 기자", "김민수"),  # a Korean reporter's name, then their title
        ("홍길동 특파원 hong@news.kr", "홍길동"),
        ("기자 회견이 열렸다", None),  # "press conference": no name before the title
    ],
)
def test_bylines_in_the_users_languages(line, author):
    found = parse_byline(line)
    assert (found or {}).get("author") == author


def test_dates_and_bylines():
    assert parse_date("2025.04.04 / 11:12") == "2025-04-04"
    assert parse_date("am 31. Mai 2012") == "2012-05-31"
    assert parse_date("June 21, 2022") == "2022-06-21"
    assert parse_date("99.99.2012") is None
    assert parse_dateline("Date: 2025.04.04 / 11:12") == {"published": "2025-04-04"}
    assert parse_dateline("The 2025 budget was passed") is None
    assert parse_byline("By Azernews") == {"site": "Azernews"}
    assert parse_byline(" date 2021-06-11 By Vafa Ismayilova") == {"published": "2021-06-11", "author": "Vafa Ismayilova"}
    assert site_from_handle("AzerNewsAz") == "AzerNews"
    assert site_from_handle("nytimes") == "nytimes"


def test_site_from_the_first_handle_that_follows_a_follow_word():
    lines = [
        "Unfollowed by many, the mayor @home stayed",  # "followed" is not the word "follow"
        "Please follow the council's long debate on www.example.org @Archive",  # "@" over 40 characters on
        "Follow us on Twitter @AzerNewsAz",
        "Folgen Sie @Other",
    ]
    assert guess_site(lines) == "AzerNews"
    assert guess_site(["FOLLOW @DailyPost for more"]) == "DailyPost"
    # The long s folds to "s" under IGNORECASE, not under lower(): the page-wide search still finds it.
    assert guess_site(["ſuivez-nous @LeMonde"]) == "LeMonde"
    assert guess_site(["Follow the money", "mail: a@b"]) is None


@pytest.mark.parametrize(
    "line, published",
    [
        ("Friday, April 29, 2022", "2022-04-29"),
        ("lundi 9 décembre 2019", "2019-12-09"),
        ("Publié sur 18/02/2020", "2020-02-18"),
        ("Post date March 5, 2014", "2014-03-05"),
        ("Montag, den 12. März 2020", "2020-03-12"),
        # A range, and a sentence holding a date, state no publication date.
        ("21 Feb 2007 - 23 Mar 2021", None),
        ("The council met on 12 March 2020", None),
    ],
)
def test_datelines_with_weekdays_and_labels(line, published):
    assert (parse_dateline(line) or {}).get("published") == published


@pytest.mark.parametrize(
    "line, published",
    [
        ("5 грудня 2025 р., 14:30", "2025-12-05"),
        ("п’ятниця, 5 грудня 2025", "2025-12-05"),
        ("Опубликовано: 5 декабря 2025 г. в 14:30", "2025-12-05"),
        ("05 ARALIK 2025 Cuma, saat 14:30", "2025-12-05"),
        ("Tarix: 7 İyun 2025, 10:15", "2025-06-07"),
        ("5 დეკემბერი 2025 წ.", "2025-12-05"),
        ("Հրապարակվել է 5 դեկտեմբերի 2025 թ.", "2025-12-05"),
        ("5 желтоқсан 2025 ж.", "2025-12-05"),
        ("입력 2025.12.05 14:30", "2025-12-05"),
        ("2025년 12월 5일 14:30", "2025-12-05"),
        ("5 de mayo de 2022 05:30", "2022-05-05"),
        # A sentence with a date in it is no dateline, in any language.
        ("Рада збереться 5 грудня 2025 року на засідання", None),
    ],
)
def test_datelines_in_the_users_languages(line, published):
    assert (parse_dateline(line) or {}).get("published") == published


@pytest.mark.parametrize(
    "line, published",
    [
        # A reading time beside the date, in the users' languages.
        ("Dec 18, 2025 2 min read", "2025-12-18"),
        ("23.07.2025 · 6 min read", "2025-07-23"),
        ("June 10, 2025 | 13 min read", "2025-06-10"),
        ("5. März 2025 · 4 Min. Lesezeit", "2025-03-05"),
        ("12 марта 2025, 3 мин чтения", "2025-03-12"),
        ("12 березня 2025, 3 хв читання", "2025-03-12"),
        ("12 Mart 2025 · 4 dk okuma", "2025-03-12"),
        ("2025년 3월 12일 · 5분 읽기", "2025-03-12"),
        # The date the story was updated as well, glued to it by the dump (a theme prints both and hides one).
        ("Posted on June 29, 2020November 12, 2021", "2020-06-29"),
        ("March 3, 2025 at 10:00 am EST", "2025-03-03"),
    ],
)
def test_datelines_with_a_reading_time_or_a_glued_update(line, published):
    assert parse_dateline(line) == {"published": published}


@pytest.mark.parametrize(
    "line",
    [
        "Last updated: August 25, 2025",
        "Last Updated Nov 6, 2025",
        "Updated on March 3, 2025",
        "Page last modified Jan. 17, 2025 @ 01:39 PM EST",
        "Обновлено: 12 марта 2025",
        "Оновлено 12 березня 2025",
        "Son güncelleme: 12 Mart 2025",
        "Yenilənib: 12 mart 2025",
        "수정 2025.03.12 10:30",
    ],
)
def test_an_update_stamp_is_a_dateline_that_states_no_publication_date(line):
    # Furniture, not text; but the date is the update's, not the publication's.
    assert parse_dateline(line) == {}


def test_a_sentence_opening_with_an_update_word_is_no_dateline():
    assert parse_dateline("Updated maps show the flood zone of 12 March 2025") is None
    assert parse_dateline("Updated: the council met on 12 March 2025") is None
    assert parse_dateline("Dec 18, 2025: the council read 2 min of the report") is None


def test_a_dateline_whose_date_reads_both_ways_states_none():
    # Day or month first: the line is a dateline, its date is not given.
    assert parse_dateline("05/06/2025 14:30") == {}
    assert parse_dateline("25/06/2025 14:30") == {"published": "2025-06-25"}
    assert parse_dateline("Weather on 05/06/2025 was fine") is None


@pytest.mark.parametrize(
    "line, stated",
    [
        ("Автор: Іван Петренко | 6 травня 2024, 09:00", {"author": "Іван Петренко", "published": "2024-05-06"}),
        ("Автор: Иван Петров, 6 мая 2024", {"author": "Иван Петров", "published": "2024-05-06"}),
        ("Yazar: Ahmet Yılmaz | 06 Mayıs 2024 Pazartesi 09:00", {"author": "Ahmet Yılmaz", "published": "2024-05-06"}),
        ("May 6, 2024 · By Jane Doe", {"author": "Jane Doe", "published": "2024-05-06"}),
        ("By Jane Doe | Published May 6, 2024", {"author": "Jane Doe", "published": "2024-05-06"}),
        # A dump glued the name to the month, or to the date's label.
        ("by Jeffrey ZeldmanNovember 20, 2007", {"author": "Jeffrey Zeldman", "published": "2007-11-20"}),
        ("By Korin MillerPublished: Jan 29, 2025", {"author": "Korin Miller", "published": "2025-01-29"}),
        ("von Anna Muster Veröffentlicht am 11. Juni 2019", {"author": "Anna Muster", "published": "2019-06-11"}),
        # The date a story was updated is not its publication date.
        ("By Richard Garner Updated Sep 5, 2024", {"author": "Richard Garner"}),
        ("von Anna Muster aktualisiert am 11. Juni 2019", {"author": "Anna Muster"}),
        ("Автор: Иван Петров, обновлено 6 мая 2024", {"author": "Иван Петров"}),
        ("Автор: Іван Петренко оновлено 6 травня 2024", {"author": "Іван Петренко"}),
        # A bare name is metadata beside its own separator, but not taken for the author (it may be a section's).
        ("Ahmet Yılmaz | 06 Mayıs 2024", {"published": "2024-05-06"}),
        ("Weekly Stock Market Update | 6 May 2024", None),
        ("The Economy Is Growing, 6 May 2024", None),
        ("6 May 2024 | 12 comments", None),
        # A reading time is the date's, not a second name.
        ("Jane Doe | May 6, 2024 | 5 min read", {"published": "2024-05-06"}),
        ("By Jane Doe | May 6, 2024 | 5 min read", {"author": "Jane Doe", "published": "2024-05-06"}),
        ("Jane Doe | May 6, 2024 | Jim Roe", None),
        ("He said on 6 May 2024 that the plan was dead", None),
        ("6 May 2024 - 7 May 2024", None),
    ],
)
def test_a_byline_and_its_date_on_one_line(line, stated):
    assert parse_byline_and_date(line) == stated


@pytest.mark.parametrize(
    "line, stated",
    [
        # One vocabulary (pipeline/bylinewords.py) for the three readers: the cleaner knows the dump reader's labels.
        ("Author: Jane Doe", {"author": "Jane Doe"}),
        ("Текст: Иван Петров", {"author": "Иван Петров"}),
        ("Muhabir: Ahmet Yılmaz", {"author": "Ahmet Yılmaz"}),
        ("Escrito por Jose Pablo Segura", {"author": "Jose Pablo Segura"}),
        ("Автор Иван Петров", {"author": "Иван Петров"}),
        # After "Posted by" one word is a user's handle: a byline that states nothing.
        ("Posted by Konstantin", {}),
        ("By Azernews", {"site": "Azernews"}),
        # Everyday nouns head capitalised phrases without a colon: no byline.
        ("Author Website", None),
        ("Text Messages", None),
        ("От Москвы", None),
    ],
)
def test_byline_labels_shared_by_the_readers(line, stated):
    assert parse_byline(line) == stated


@pytest.mark.parametrize(
    "line, published",
    [
        ("입력 2024.05.06 09:00 수정 2024.05.06 10:30", "2024-05-06"),
        ("Опубликовано: 06.05.2024 | Обновлено: 07.05.2024 10:00", "2024-05-06"),
        ("Published: May 6, 2024, Updated: May 7, 2024", "2024-05-06"),
        ("Published: May 6, 2024 · Revised: May 7, 2024", "2024-05-06"),
        ("Жарияланды: 06.05.2024, жаңартылған: 07.05.2024", "2024-05-06"),
        ("21 Feb 2007 - 23 Mar 2021", None),  # a range, not a dateline
    ],
)
def test_a_dateline_with_its_update_gives_the_publication_date(line, published):
    assert parse_dateline(line) == ({"published": published} if published else None)
