"""pipeline.dumps.metadata: headline, date and author from a dump's lines, never invented."""

import pytest

from pipeline.dumps.metadata import dump_metadata, name_of


def test_name_of_takes_names_not_labels():
    assert name_of("Anna Muster") == "Anna Muster"
    assert name_of("Ludwig van Beethoven") == "Ludwig van Beethoven"
    assert name_of("Last Updated") is None
    assert name_of("the editors of this page") is None


PAGE = [
    "Leeds approves riverside cycle lane | Example News",  # the <title>
    "Home",
    "Politics",
    "Leeds approves riverside cycle lane",
    "By",
    "Anna Muster",
    "March 3, 2025",
    "The city council of Leeds approved a new cycle lane along the river Aire on Monday, after a long debate.",
    "Work on the two-mile route is due to start in the spring and to end by autumn, the council said.",
    "Related stories",
    "Fuel prices fall again - February 2, 2025",
]


def test_headline_date_and_author_of_a_dump_with_its_title_line():
    found = dump_metadata(PAGE, (7, 8))
    assert found["title"] == "Leeds approves riverside cycle lane"
    assert found["headline_line"] == 3
    assert found["published"] == "2025-03-03"
    assert found["author"] == "Anna Muster"


def test_a_page_that_states_no_date_or_author_gets_none():
    page = [line for line in PAGE if line not in ("By", "Anna Muster", "March 3, 2025")]
    page = page[:-1]  # nor a teaser's date
    found = dump_metadata(page, (4, 5))
    assert "published" not in found and "author" not in found
    assert found["title"] == "Leeds approves riverside cycle lane"


def test_caseless_script_byline():
    page = ["ვაკეში ახალი ავტობუსის ხაზი გაიხსნა", "ავტორი: ნინო ბერიძე", "თბილისის მერიამ დღეს ვაკის რაიონში ახალი ავტობუსის ხაზი გახსნა."]
    assert dump_metadata(page, (2, 2), has_title_line=False)["author"] == "ნინო ბერიძე"


def test_the_published_label_names_the_date_after_it():
    page = PAGE[:6] + ["Updated May 2, 2025 Published March 3, 2025"] + PAGE[7:]
    assert dump_metadata(page, (7, 8))["published"] == "2025-03-03"


@pytest.mark.parametrize(
    "line, published",
    [
        # A publishing verb opens the line with its date: a dateline however long its tail.
        ("Posted on March 3, 2025 by Anna Muster - 5 Comments on Leeds approves riverside cycle lane along the river Aire in the city centre", "2025-03-03"),
        ("Veröffentlicht: 03.03.2025 | Autor: Anna Muster | Abgelegt unter: Verkehr, Leeds | Tags: Radweg, Stadtrat, Radverkehr |5 Kommentare", "2025-03-03"),
        ("Опубликовано 3 марта 2025 года в рубрике «Город», автор Анна Мустер, 5 комментариев к записи о новой велодорожке вдоль реки", "2025-03-03"),
        # A sentence that opens with a date, and a quoted mail's header, state no publication date.
        ("On March 3, 2025, the city council of Leeds approved a new cycle lane along the river Aire after a long and heated debate.", None),
        ("Date: Mon, 3 Mar 2025 09:12:44 +0000 From: Anna Muster To: council@leeds.example Subject: Re: the cycle lane plan for the river", None),
        ("3. März 2025: Der Stadtrat von Leeds hat nach langer und hitziger Debatte einen neuen Radweg entlang des Flusses Aire beschlossen.", None),
    ],
)
def test_a_long_line_is_a_dateline_only_when_a_publishing_verb_opens_it_with_its_date(line, published):
    assert len(line) > 120
    assert dump_metadata(PAGE[:4] + [line] + PAGE[7:9], (5, 6)).get("published") == published


@pytest.mark.parametrize("update", ["Updated: May 2, 2025", "Изменено: 02.05.2025", "Жаңартылды: 02.05.2025", "Edited 02.05.2025", "수정 2025.05.02"])
def test_an_update_nearer_the_article_is_not_the_publication_date(update):
    page = PAGE[:6] + [update, "March 3, 2025"] + PAGE[7:]
    assert dump_metadata(page, (8, 9))["published"] == "2025-03-03"


@pytest.mark.parametrize(
    "activity",
    ["Joined: Mon Jul 24, 2017 9:28 am", "Last active December 20, 2025", "Member since February 16, 2016", "Registered: 2016-07-02",
     "Last checked: 2025-10-28", "Зарегистрирован: 24.07.2017", "Mitglied seit 24.07.2017", "Son görülme: 24.07.2017"],
)
def test_when_someone_joined_or_was_last_active_is_not_the_publication_date(activity):
    # Nearer the headline than the post's date, as a forum prints the poster's box.
    page = PAGE[:4] + ["Anna Muster", activity, "March 3, 2025"] + PAGE[7:9]
    assert dump_metadata(page, (7, 8))["published"] == "2025-03-03"
    # And alone it gives none.
    page = PAGE[:4] + ["Anna Muster", activity] + PAGE[7:9]
    assert "published" not in dump_metadata(page, (6, 7))


@pytest.mark.parametrize(
    "span",
    ["Exhibition: October 2, 2025 – February 15, 2026", "DATE: 2025-12-12 - 2025-12-17", "Aktionszeitraum: 21.10.2019 – 27.10.2019",
     "Выставка: 02.10.2025 — 15.02.2026", "Sərgi: 02.10.2025 - 15.02.2026", "2025.10.02 - 2026.02.15"],
)
def test_a_span_of_two_dates_is_an_events_not_the_publication_date(span):
    # Nearer the headline than the page's date; alone it gives none.
    page = PAGE[:4] + [span, "March 3, 2025"] + PAGE[7:9]
    assert dump_metadata(page, (6, 7))["published"] == "2025-03-03"
    page = PAGE[:4] + [span] + PAGE[7:9]
    assert "published" not in dump_metadata(page, (5, 6))
    # Words between two dates make them two: "Published ... – Updated ...".
    page = PAGE[:4] + ["Published March 3, 2025 – Updated March 5, 2025"] + PAGE[7:9]
    assert dump_metadata(page, (5, 6))["published"] == "2025-03-03"


LEAD = [
    "The city council of Leeds approved a new cycle lane along the river Aire on Monday, after a long debate.",
    "Work on the two-mile cycle lane along the river is due to start in the spring, the council of Leeds said.",
    "The cycle lane along the river Aire will cost four million pounds, most of it from the council of Leeds.",
]


def test_a_page_of_paragraphs_names_no_headline():
    from pipeline.dumps.metadata import load_headline_model

    # The first line is the lead, not a <title> line, though the next paragraphs repeat its words.
    found = dump_metadata(LEAD, (0, 2), headline_model=load_headline_model())
    assert "title" not in found and found["headline_line"] is None


def test_a_first_line_taken_for_the_headline_loses_its_site_part():
    from pipeline.dumps.metadata import load_headline_model

    # The dump's <title> line, which no line of the page repeats: its headline part is the title.
    body = [
        "In autumn the garden needs attention: prune dry branches, cover young trees and rake the fallen leaves so pests do not winter nearby.",
        "Water the trees before the frost: moist soil freezes more slowly, and the roots bear the cold better than in dry ground.",
        "Wrap young saplings in burlap and whitewash the trunks against sunburn in late winter, when the sun is low.",
        "Bulbs go into the ground now, at three times their own depth, so that the frost cannot reach them.",
    ]
    page = ["How to Prepare Your Garden for Winter | Garden Weekly", "By Anna Muster", "November 3, 2025", *body]
    found = dump_metadata(page, (3, len(page) - 1), headline_model=load_headline_model())
    assert found["headline_line"] == 0
    assert found["title"] == "How to Prepare Your Garden for Winter"
    assert (found["published"], found["author"]) == ("2025-11-03", "Anna Muster")


def test_a_copy_of_the_whole_title_line_gives_its_headline_part():
    from pipeline.dumps.metadata import load_headline_model

    # No <h1> repeats the <title>; a share box under the article copies the whole line, site and all.
    body = [
        "In autumn the garden needs attention: prune dry branches, cover young trees and rake the fallen leaves so pests do not winter nearby.",
        "Water the trees before the frost: moist soil freezes more slowly, and the roots bear the cold better than in dry ground.",
        "Wrap young saplings in burlap and whitewash the trunks against sunburn in late winter, when the sun is low.",
        "Bulbs go into the ground now, at three times their own depth, so that the frost cannot reach them.",
    ]
    title = "How to Prepare Your Garden for Winter | Garden Weekly"
    page = [title, "By Anna Muster", "November 3, 2025", *body, "Share this article", title]
    found = dump_metadata(page, (3, 6), headline_model=load_headline_model())
    assert found["title"] == "How to Prepare Your Garden for Winter"


@pytest.mark.parametrize(
    "title, headline",
    [
        ("The health benefits of intermittent fasting | Harvard T.H. Chan School of Public Health", "The health benefits of intermittent fasting"),
        ("Климат меняется быстрее, чем ожидалось — Научно-популярный журнал «Наука и жизнь»", "Климат меняется быстрее, чем ожидалось"),
        ("RealtyMogul.com | Real Estate 101: How to Start Investing With Little Money", "Real Estate 101: How to Start Investing With Little Money"),
        ("Bakıda yeni məktəb açıldı", "Bakıda yeni məktəb açıldı"),
    ],
)
def test_the_headline_part_of_a_title_is_its_first_unless_a_later_one_is_much_longer(title, headline):
    from pipeline.dumps.metadata import title_headline_part

    assert title_headline_part(title) == headline


def test_excluded_lines_are_not_the_headline():
    found = dump_metadata(PAGE, (7, 8), excluded={3})
    assert found.get("headline_line") != 3


@pytest.mark.parametrize(
    "page",
    [
        [
            "Nachrichten",
            "Leasing oder Kauf: was sich beim Neuwagen lohnt",
            "Da es beim Autokauf um große Summen geht, sollte die Entscheidung wohlüberlegt sein. Worauf muss man also achten?",
            "Leasen, finanzieren oder kaufen? Wer ein neues Auto will, hat mehrere Möglichkeiten, und jede hat Vor- und Nachteile.",
        ],
        # A Title Case headline of two questions is a candidate; a paragraph ending in a question is not.
        [
            "Menu",
            "What Are the Different Types of Mobile Apps? And How Do You Choose?",
            "Most teams ask this early. The answer depends on your budget, your users and the features you need?",
            "Native apps are built for one platform. They are fast and can use every feature of the phone, but cost more.",
        ],
        # A Chinese or Japanese sentence closed by "。" is no headline, however short.
        [
            "新华网",
            "短缺药品保供稳价 全力保障临床用药需求",
            "新华社北京11月17日电 记者17日从国家卫生健康委获悉，全力保障人民群众临床用药需求。",
            "企業での記事共有や会議資料への転載をご希望の方は、リンク先をご覧ください。",
        ],
    ],
    ids=["headline", "title-case-questions", "full-width-stop"],
)
def test_a_paragraph_of_sentences_is_no_headline_candidate(page):
    from pipeline.dumps.metadata import headline_candidates

    candidates, features = headline_candidates(page, 2)
    assert 1 in candidates
    assert 2 not in candidates and 3 not in candidates
    assert len(features) == len(candidates)


def test_an_empty_dump_has_no_headline_candidates():
    from pipeline.dumps.metadata import HEADLINE_FEATURES, headline_candidates

    candidates, features = headline_candidates([], 0)
    assert candidates == []
    assert features.shape == (0, len(HEADLINE_FEATURES))


def test_headline_candidates_measure_the_menu_above_and_the_prose_below():
    import math

    from pipeline.dumps.metadata import HEADLINE_FEATURES, headline_candidates

    page = [
        "Home",
        "News",
        "Sport",
        "Floods close the river road for a week",
        "By Jane Doe",
        "The river road will stay closed for a week after the floods, the county said on Monday. Repairs start today.",
        "Drivers are asked to use the bypass. The county expects queues at both ends of the town until the road reopens.",
    ]
    candidates, x = headline_candidates(page, 5)
    column = HEADLINE_FEATURES.index
    headline = candidates.index(3)
    assert x[headline, column("log_short_lines_above")] == pytest.approx(math.log1p(3) / 3)
    assert x[headline, column("prose_follows")] == 1.0
    assert x[candidates.index(0), column("prose_follows")] == 0.0
    # The byline is nearer the article's start than the headline, the menu farther.
    to_core = x[:, column("log_candidates_to_core")]
    assert to_core[candidates.index(4)] < to_core[headline] < to_core[candidates.index(0)]
    assert x[headline, column("lead_shared_share")] > x[candidates.index(1), column("lead_shared_share")]




@pytest.mark.parametrize(
    "headline",
    ["서울시, 내년부터 대중교통 요금 인상 발표", "თბილისში ახალი მეტროსადგური გაიხსნა", "Floods Close The River Road"],
)
def test_a_headline_in_a_script_without_capitals_reads_as_capitalised_as_a_title_case_one(headline):
    from pipeline.dumps.metadata import HEADLINE_FEATURES, headline_candidates

    page = [headline, "2024 a lower-case line", "The article goes on here, and it says what happened. It says more."]
    candidates, x = headline_candidates(page, 2)
    column = HEADLINE_FEATURES.index("capitalised_share")
    assert x[candidates.index(0), column] == 1.0
    assert x[candidates.index(1), column] == 0.0


def test_a_korean_headline_shares_its_words_with_the_article_whatever_particles_they_take():
    from pipeline.dumps.metadata import HEADLINE_FEATURES, headline_candidates

    page = ["한강 공원에 새 자전거 도로 개통", "서울시는 오늘 한강 공원에 새로운 자전거 도로를 개통했다고 밝혔다. 이 도로는 약 12킬로미터 길이다."]
    candidates, x = headline_candidates(page, 1)
    # 한강, 공원(에), 자전(거), 도로(를), 개통(했다고); only 새 is not in the paragraph.
    assert x[candidates.index(0), HEADLINE_FEATURES.index("core_shared_share")] == pytest.approx(5 / 6)


@pytest.mark.parametrize(
    "page, shared",
    [
        # Chinese: of the headline's 7 pairs of characters, 药品 保障 障临 临床 需求 are in the paragraph.
        (["药品保障临床需求", "记者今天获悉，相关部门全力保障临床用药需求，药品供应稳定。"], 5 / 7),
        # Japanese, Kana and Han alike: 7 of 11 pairs (新し しい い橋 橋の の建 建設 設を).
        (["市が新しい橋の建設を開始", "市は今日、川に新しい橋の建設を始めたと発表した。"], 7 / 11),
    ],
    ids=["zh", "ja"],
)
def test_a_chinese_or_japanese_headline_shares_its_pairs_of_characters_with_the_article(page, shared):
    from pipeline.dumps.metadata import HEADLINE_FEATURES, headline_candidates

    candidates, x = headline_candidates(page, 1)
    assert x[candidates.index(0), HEADLINE_FEATURES.index("core_shared_share")] == pytest.approx(shared)


@pytest.mark.parametrize(
    "page",
    [
        # львові/львова, відкрили, лікарню/лікарня share their stems; нову/нова do not (4 letters).
        ["Львові відкрили нову лікарню", "Нова лікарня у Львова прийняла перших пацієнтів. Лікарню відкрили вчора."],
        # астанада/астана, жаңа, аурухана/аурухананың share theirs; ашылды/ашылу do not.
        ["Астанада жаңа аурухана ашылды", "Астана қаласында жаңа аурухананың ашылу салтанаты өтті. Ауруханада үш жүз төсек бар."],
    ],
    ids=["uk", "kk"],
)
def test_a_headline_shares_its_words_with_the_article_whatever_endings_they_take(page):
    from pipeline.dumps.metadata import HEADLINE_FEATURES, headline_candidates

    candidates, x = headline_candidates(page, 1)
    assert x[candidates.index(0), HEADLINE_FEATURES.index("core_shared_share")] == pytest.approx(3 / 4)


def test_a_level_one_heading_or_the_titles_line_below_the_core_start_is_a_candidate():
    from pipeline.dumps.metadata import HEADLINE_LOOKAHEAD, headline_candidates

    # A summary box of prose above the headline makes the densest run start there.
    summary = ["The river road will stay closed for a week after the floods, the county said. Repairs start today."] * (HEADLINE_LOOKAHEAD + 5)
    heading_at = 1 + len(summary)
    assert heading_at > 1 + HEADLINE_LOOKAHEAD
    # A Markdown dump's level-one heading, though no line repeats the first one.
    texts = ["County News", *summary, "Floods close the river road", "Drivers are asked to use the bypass."]
    candidates, _ = headline_candidates(texts, 1, ["p", *["p"] * len(summary), "h1", "p"])
    assert heading_at in candidates
    # A line that repeats the <title> line, in a dump without markup.
    texts[0] = "Floods close the river road | County News"
    candidates, _ = headline_candidates(texts, 1)
    assert heading_at in candidates


def test_headline_candidates_read_level_one_headings_and_whether_the_first_line_is_the_title():
    from pipeline.dumps.metadata import HEADLINE_FEATURES, headline_candidates

    page = [
        "Floods close the river road | County News",
        "Home",
        "Floods close the river road",
        "Roads in the county",
        "The river road will stay closed for a week after the floods, the county said on Monday. Repairs start today.",
        "Drivers are asked to use the bypass. The county expects queues at both ends of the town until the road reopens.",
    ]
    kinds = ["p", "li", "h1", "h", "p", "p"]
    candidates, x = headline_candidates(page, 4, kinds)
    column = HEADLINE_FEATURES.index
    headline, section = candidates.index(2), candidates.index(3)
    assert x[headline, column("is_top_heading")] == x[headline, column("is_first_top_heading")] == 1.0
    assert x[section, column("is_top_heading")] == 0.0 and x[section, column("is_heading")] == 1.0
    assert x[0, column("log_top_headings")] > 0
    # A line near the article repeats the first line: it is the page's <title>.
    assert (x[:, column("first_line_is_title")] == 1.0).all()
    # The headline holds the <title>'s headline part, without the site's name; the menu item none of it.
    assert x[headline, column("title_part_contained")] == x[headline, column("title_part_covered")] == 1.0
    assert x[candidates.index(1), column("title_part_contained")] == 0.0
    _, x = headline_candidates(["Home", *page[2:]], 3, None)
    assert (x[:, column("first_line_is_title")] == 0.0).all()
    assert (x[:, column("is_top_heading")] == 0.0).all()


def test_headline_candidates_measure_how_much_of_a_line_the_article_goes_on_about():
    from pipeline.dumps.metadata import HEADLINE_FEATURES, headline_candidates

    teaser = [
        "Kayak race draws a record field",
        "More than three hundred paddlers entered the spring kayak race on the lake, twice as many as last year.",
    ]
    article = [
        "Floods close the river road for a week",
        "The county closed the river road on Monday. Repairs start today, the county said in a statement.",
        "Drivers are asked to use the bypass. Queues are expected at both ends of the town during the repairs.",
        "The school buses will also use the bypass. Parents were told to expect the buses later than usual.",
        "Engineers found that the floods had washed out the foundations along the river. The road sank in two places.",
        "The river road should reopen next week. The floods recede, and the foundations are being rebuilt.",
    ]
    page = ["Home", "News"] + teaser + article
    candidates, x = headline_candidates(page, 5)
    body = x[:, HEADLINE_FEATURES.index("body_shared_share")]
    # The article's headline: its words come back well past its lead; the other story's title: only in its own paragraph.
    assert body[candidates.index(4)] > 0.5
    assert body[candidates.index(2)] == 0.0


def test_a_line_holding_the_title_far_above_the_article_is_a_candidate():
    from pipeline.dumps.metadata import HEADLINE_LOOKBACK, headline_candidates

    title = "The Best Electric Scooters of the Year | Scooter Reviews"
    furniture = [f"Menu item {i}" for i in range(HEADLINE_LOOKBACK + 20)]
    page = [title, "Home", "The Best Electric Scooters of the Year", *furniture, "We tested forty scooters on hills, in rain and in traffic for three months."]
    core = len(page) - 1
    candidates, _ = headline_candidates(page, core)
    assert 2 in candidates
    # Only the lines holding the title are taken from above the window, not the menu around them.
    assert 1 not in candidates and 3 not in candidates

@pytest.mark.parametrize(
    "menu, headline, byline, lead",
    [
        (
            ["Skip to content", "Home", "World", "Business", "Subscribe"],
            "Floods close the river road for a week",
            "By Jane Doe",
            [
                "The river road will stay closed for a week after the floods, the county said on Monday. Repairs start today.",
                "Drivers are asked to use the bypass. The county expects queues at both ends of the town until the floods recede.",
            ],
        ),
        (
            ["Перейти к содержанию", "Главная", "Политика", "Экономика", "Подписка"],
            "Наводнение закрыло речную дорогу на неделю",
            "Автор: Анна Иванова",
            [
                "Речная дорога будет закрыта на неделю после наводнения, сообщили в администрации в понедельник. Ремонт начнётся сегодня.",
                "Водителей просят ехать по объездной дороге. Наводнение отступит не раньше выходных, говорят в администрации.",
            ],
        ),
    ],
)
def test_the_shipped_finder_takes_the_headline_under_a_menu(menu, headline, byline, lead):
    from pipeline.dumps.metadata import load_headline_model

    texts = menu + [headline, byline] + lead
    found = dump_metadata(texts, (len(menu) + 2, len(texts) - 1), headline_model=load_headline_model())
    assert found.get("title") == headline


# --- authors: bylines in the languages met, names without a label, never a menu ---

ARTICLE = [
    "A new cycle lane opens along the river after years of debate in the city council and many meetings.",
    "Work on the two-mile route is due to start in the spring and to end by autumn, the council said on Monday.",
]


def _author(lines: list[str], headline: str = "Leeds approves riverside cycle lane") -> str | None:
    page = [headline, *lines, *ARTICLE]
    return dump_metadata(page, (len(page) - 2, len(page) - 1), has_title_line=False).get("author")


@pytest.mark.parametrize(
    "line, expected",
    [
        ("Автор: Анна Петрова", "Анна Петрова"),
        ("Текст: Иван Смирнов", "Иван Смирнов"),
        ("Yazar: Ayşe Yılmaz", "Ayşe Yılmaz"),
        ("Müəllif: Leyla Əliyeva", "Leyla Əliyeva"),
        ("Автор: Олена Коваленко", "Олена Коваленко"),
        ("Հեղինակ՝ Աննա Պետրոսյան", "Աննա Պետրոսյան"),  # Armenian writes a label's colon "՝"
        ("서울=연합뉴스) 김민수 기자 = 시의회가 자전거 도로를 승인했다", "김민수"),
        ("글: 홍길동", "홍길동"),
        ("Text by Hunter Dukes", "Hunter Dukes"),
        ("Written by: Anna Muster", "Anna Muster"),
        ("Written byby Anna Muster", "Anna Muster"),
        ("Contributors: Janet Loughrey", "Janet Loughrey"),
        ("Authors:Aniruddha Roy, Jyoti Patel, Anna Muster", "Aniruddha Roy"),
        ("ByNina Pineda", "Nina Pineda"),
        ("By Sofia Gonzalez December 2, 2025", "Sofia Gonzalez"),
        ("By Anna MusterPublished: Jan 5, 2025", "Anna Muster"),
        ("By Anna MusterMar 5, 2025 | 6 comments", "Anna Muster"),
        ("By Bhaval Patel Last Updated: December 6, 2024", "Bhaval Patel"),
        ("On January 12, 2025 By Gabby Boucher", "Gabby Boucher"),
        ("Von Anna Muster | 3. März 2025", "Anna Muster"),
    ],
)
def test_labelled_bylines(line, expected):
    assert _author([line]) == expected


@pytest.mark.parametrize(
    "lines, expected",
    [
        (["Mike Kappel May 18, 2016"], "Mike Kappel"),
        (["Charlotte Gannon • November 4th, 2025"], "Charlotte Gannon"),
        (["Dec. 19, 2025 · Niko Matsakis · 5 min read"], "Niko Matsakis"),
        (["Selin Romano", "March 3, 2025"], "Selin Romano"),
        (["Emma Ryan", "Trending Editor"], "Emma Ryan"),
        (["Owain Brennan", "Share"], None),  # a name-like line and nothing that backs it
    ],
)
def test_names_without_a_label(lines, expected):
    assert _author(lines) == expected


def test_an_author_box_backs_a_bare_name():
    box = ["Selin Romano", "Selin is an expert content creator who writes about design and the tools of the trade."]
    page = ["Web design trends to expect", "Selin Romano", "Design", *ARTICLE, *box]
    assert dump_metadata(page, (3, 4), has_title_line=False)["author"] == "Selin Romano"
    without_box = page[: -len(box)]
    assert "author" not in dump_metadata(without_box, (3, 4), has_title_line=False)


def test_menus_and_categories_are_no_author():
    # Each is next to a date or under a label, and its words are written in lower case on the page.
    assert _author(["Use Case", "March 3, 2025", "We looked at the use case of the new lane."]) is None
    assert _author(["Authors", "Regular Contributors", "Our regular contributors write for us."]) is None
    assert _author(["Category: Top Picks", "March 3, 2025"]) is None
    assert _author(["Text Size", "March 3, 2025"]) is None
    assert _author(["Posted: Thursday, April 21, 2022"]) is None
    assert _author(["Reviewed by", "Anna Muster", "March 3, 2025"]) is None  # someone else's part


def test_a_label_over_a_name_line():
    assert _author(["By", "Anna Muster"]) == "Anna Muster"
    assert _author(["Автор", "Анна Петрова"]) == "Анна Петрова"
    assert _author(["Story", "Wissen"]) is None  # a noun label over one word: a menu


def test_an_author_box_under_the_article():
    page = ["Leeds approves riverside cycle lane", *ARTICLE, "Written by", "Anna Muster", "Anna writes about transport."]
    assert dump_metadata(page, (1, 2), has_title_line=False)["author"] == "Anna Muster"


LONG_ARTICLE = [f"Paragraph {k} of the story goes on about the new lane, the river and the council's long debate." for k in range(30)]


def test_an_author_box_at_the_article_end_names_the_author():
    page = ["Leeds approves riverside cycle lane", *LONG_ARTICLE, "Anna Muster", "Anna is a reporter who has covered transport in the north of England since 2010."]
    assert dump_metadata(page, (1, len(page) - 1), has_title_line=False)["author"] == "Anna Muster"


def test_a_product_over_its_paragraph_is_no_author_box():
    products = ["Apache Spark", "Apache Spark is an engine for data processing at scale, used by many companies today."]
    page = ["The best data tools of the year", *LONG_ARTICLE[:10], *products, *LONG_ARTICLE[10:]]
    assert "author" not in dump_metadata(page, (1, len(page) - 1), has_title_line=False)


def test_a_long_line_that_opens_with_a_label():
    line = "Written by: Shivkumar Mehta Head of Product Launches, Adoption and Evangelism, an expert in cross channel marketing strategy for software companies"
    assert len(line) > 120 and _author([line]) == "Shivkumar Mehta"


def test_a_lower_case_by_under_the_article_goes_on_a_sentence():
    page = ["Leeds approves riverside cycle lane", *LONG_ARTICLE, *LONG_ARTICLE, *LONG_ARTICLE, "Read the expert article", "by Caroline Wilson, Customer Success Manager."]
    assert "author" not in dump_metadata(page, (1, 30), has_title_line=False)


@pytest.mark.parametrize(
    "lines, expected",
    [
        (["Autor Mark Newton:"], "Mark Newton"),
        (["10.12.2022 18:27 von", "Hinrich Neumann"], "Hinrich Neumann"),
        (["May 18, 2023 By Sara Harberson In"], "Sara Harberson"),
        (["By Anna Muster", "Letzte Aktualisierung: 3. März 2025"], "Anna Muster"),
        (["Letzte Aktualisierung", "3. März 2025"], None),
    ],
)
def test_more_bylines(lines, expected):
    assert _author(lines) == expected


def test_a_by_menu_is_no_byline():
    # "By Event Type" in a menu: every word of it stands in lower case on the page.
    menu = ["By Event Type", "Conferences", "Webinars"]
    assert _author([*menu, "Pick the event type that suits the lane's opening."]) is None


@pytest.mark.parametrize(
    "texts, kinds, headline",
    [
        (
            ["Certificate vs Certification | Stanford Online", "Skip to main content", "Stanford Online", "Explore", "Topics", "Engineering",
             "Certificate vs Certification",
             "Many learners ask whether a certificate and a certification are the same thing. They are not, and the difference matters.",
             "A certificate shows that you completed a course of study. A certification shows that you passed an exam set by an industry body."],
            ["line", "line", "h1", "li", "li", "li", "h", "p", "p"],
            "Certificate vs Certification",
        ),
        (
            ["Где покататься на велосипеде в Москве | Журнал Город", "Перейти к содержанию", "Журнал Город", "Еда", "Культура",
             "Где покататься на велосипеде в Москве",
             "Летом город становится удобнее для велосипедистов: открываются новые дорожки и прокаты в парках.",
             "Мы собрали маршруты для новичков и опытных велосипедистов, от набережных до лесопарков на окраинах."],
            ["line", "line", "h1", "li", "li", "h", "p", "p"],
            "Где покататься на велосипеде в Москве",
        ),
    ],
)
def test_the_site_name_of_the_title_line_is_no_headline(texts, kinds, headline):
    """A logo's text in a level-one heading ("# [Site](/)") that is the <title>'s part after its headline."""
    from pipeline.dumps.metadata import load_headline_model

    found = dump_metadata(texts, (len(texts) - 2, len(texts) - 1), kinds=kinds, headline_model=load_headline_model())
    assert found["title"] == headline


def test_site_name_lines_are_the_parts_after_the_headline_part():
    from pipeline.dumps.metadata import site_name_lines

    texts = ["Headline of the day | News | Example Site", "Example Site", "News", "Headline of the day"]
    assert site_name_lines(texts[0], texts, 1, len(texts)) == {1, 2}
    # The longer part is read as the headline: the short first part stays a candidate.
    texts = ["Coffee - University of Wisconsin-Stevens Point", "Coffee"]
    assert site_name_lines(texts[0], texts, 1, len(texts)) == set()


def test_a_menu_whose_items_run_together_is_no_headline_candidate():
    """Links a page sets apart by style only run together in a dump: "ԳլխավորՔաղաքականություն..." is a menu, "YouTube" a name."""
    from pipeline.dumps.metadata import headline_candidates

    page = [
        "ԳլխավորՔաղաքականությունՏնտեսությունՀասարակությունՍպորտՄշակույթ",
        "HomePoliticsEconomySportCulture",
        "Երևանում բացվել է նոր գրադարան",
        "YouTube",
        "Երևանի կենտրոնում երկուշաբթի օրը բացվել է նոր հանրային գրադարան, որտեղ հասանելի կլինի ավելի քան հարյուր հազար գիրք։",
        "Քաղաքապետարանի տվյալներով՝ գրադարանն ունի ընթերցասրահներ, մանկական բաժին և համակարգչային կենտրոն։",
    ]
    candidates, _ = headline_candidates(page, 4)
    assert 0 not in candidates and 1 not in candidates
    assert 2 in candidates and 3 in candidates
