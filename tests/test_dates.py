"""pipeline.dates: calendar dates as pages write them, in many languages."""

import pytest

from pipeline.dates import date_spans, dates_in, month_number, parse_date


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Published: Jan 29, 2025", "2025-01-29"),
        ("January 29th, 2025", "2025-01-29"),
        ("📅Jul. 11. 2025", "2025-07-11"),
        ("December 19. 2025", "2025-12-19"),
        ("29 января 2025", "2025-01-29"),
        ("29 січня 2025 р.", "2025-01-29"),
        ("29 stycznia 2025", "2025-01-29"),
        ("2025 жылғы 29 қаңтар", "2025-01-29"),
        ("29 იანვარი, 2025", "2025-01-29"),
        ("29 հունվարի 2025", "2025-01-29"),
        ("2025년 1월 29일", "2025-01-29"),
        ("29 Ekim 2024", "2024-10-29"),
        ("2 mart 2025", "2025-03-02"),
        ("29 de enero de 2025", "2025-01-29"),
        ("29.01.2025 14:30", "2025-01-29"),
        ("2025-01-29T10:00", "2025-01-29"),
        ("09/25/2025", "2025-09-25"),
        ("25/09/2025", "2025-09-25"),
        ("05/06/2025", None),  # day or month first: not read
        ("06.18.2025", "2025-06-18"),  # dotted, but only month first can be read
        ("18.06.2025", "2025-06-18"),
        ("19-Dec-2025", "2025-12-19"),
        ("Updated on 05-May-2025", "2025-05-05"),
        ("31.02.2025", None),
        # Turkish and Azerbaijani capitals (İ casefolds with a separate dot, I without one).
        ("7 İyun 2025", "2025-06-07"),
        ("05 ARALIK 2025", "2025-12-05"),
        ("3 EKİM 2025 CUMA", "2025-10-03"),
        ("5-dekabr, 2025", "2025-12-05"),
        # The year first, with its own ending or label, the day before or after the month.
        ("2025-ci il 29 yanvar", "2025-01-29"),
        ("2025-yil 29-yanvar", "2025-01-29"),
        ("2025 թ. հունվարի 29", "2025-01-29"),
        ("2025 թ. հունվարի 29, 14:30", "2025-01-29"),
        ("2025. január 29.", "2025-01-29"),
        ("2025. 1. 29. 오후 2:30", "2025-01-29"),  # a Korean page's spaced numeric date
        ("2025 Dec 2025", None),
        ("2025 May 12:30", None),  # a clock time is no day
        ("vor 2 Stunden", None),
        ("Heute", None),
    ],
)
def test_parse_date(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("By Jane DoeMar 5, 2025", "2025-03-05"),  # a month glued to the byline
        ("October 17, 20236:01 PM ET", "2023-10-17"),  # a clock time glued to the year
        ("August 25, 202515 min read", "2025-08-25"),  # a reading time glued to the year
        ("4 мая 20255 мин", "2025-05-04"),
        ("12 Mart 20258 dk okuma", "2025-03-12"),
        ("Updated May 2, 2024 Originally published April 9, 2024", "2024-05-02"),
        # A theme's published and updated <time> elements side by side, as a browser's innerText and get_text("") run them together.
        ("Veröffentlicht am 19. Dezember 202219. Dezember 2022 von Redaktion", "2022-12-19"),
        ("3. April 20225. April 2022", "2022-04-03"),
        ("12.03.202413.03.2024", "2024-03-12"),
        ("2022-04-032022-04-05", "2022-04-03"),
        ("6 мая 20247 мая 2024", "2024-05-06"),
        ("5. März 202415 Kommentare", "2024-03-05"),  # a comment count glued to the year
    ],
)
def test_dates_a_dump_glued_to_other_words(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize("text", ["2022-04-0312", "in 20223 Fällen", "Kennziffer 12.03.20245", "am 3. April 20225"])
def test_a_number_glued_to_a_year_is_no_date(text):
    assert parse_date(text) is None


def test_month_names_in_the_users_languages_and_their_case_forms():
    cases = {
        "грудня": 12, "декабря": 12, "dekabr": 12, "Aralık": 12, "ARALIK": 12, "желтоқсан": 12, "დეკემბერი": 12, "դեկտեմբերի": 12,
        "İyul": 7, "İYUL": 7, "Kasım": 11, "KASIM": 11, "NİSAN": 4, "Mai": 5, "Sept.": 9,
    }
    assert {word: month_number(word) for word in cases} == cases
    assert month_number("Mart") == 3 and month_number("Heute") is None and month_number("Kasse") is None


def test_every_date_in_order_and_where_it_stands():
    text = "Опубліковано 5 грудня 2025, оновлено 06.12.2025; подія 05/06/2025"
    assert dates_in(text) == ["2025-12-05", "2025-12-06"]
    spans = date_spans(text)
    assert [iso for _, _, iso in spans] == ["2025-12-05", "2025-12-06", None]  # the last reads both ways
    assert [text[a:b] for a, b, _ in spans] == ["5 грудня 2025", "06.12.2025", "05/06/2025"]
    assert date_spans("31 June 2025 and 2025") == []
