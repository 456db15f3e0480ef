"""Step `article_end`: the heading that ends the article and what follows it (pipeline/clean/article_end.py)."""

import sys
from pathlib import Path

import pytest
from inline_pages import ARTICLE_EN, PARA_DE, PARA_EN, page, read_lines, rules_of

from pipeline.clean import clean
from pipeline.clean.article_end import BOX_MAX_CHARS
from pipeline.clean.page import Page
from pipeline.clean.patterns import MAX_LABEL_CHARS
from pipeline.document import Block, Document

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "data" / "html_pages"))
from languages import PAGES as LANGUAGE_PAGES  # noqa: E402

# A byline the next story of a page may open with, in the users' languages (a date where none is given).
NEXT_STORY_BYLINES = {
    "ru": "Автор: Иван Петров",
    "uk": "Автор: Іван Петренко | 6 травня 2024, 09:00",
    "az": "Müəllif: Əli Həsənov",
    "tr": "Yazar: Ahmet Yılmaz",
    "ko": "김민수 기자",
}


def test_related_section_ends_the_article():
    teaser = PARA_EN.replace("ministry", "council")
    doc = page(PARA_EN, PARA_EN.replace("Tuesday", "Monday"), "Related Posts", "Another story", teaser)
    assert rules_of(doc)["Related Posts"] == "related_section"
    assert rules_of(doc)[teaser] == "related_section"


def test_comment_heading_is_named_as_comments():
    doc = page(PARA_DE, PARA_DE.replace("Brücke", "Schule"), "Schreibe einen Kommentar", "Name")
    assert rules_of(doc)["Schreibe einen Kommentar"] == "comments_section"


def test_heading_over_a_teaser_box_above_the_article_does_not_end_it():
    teaser = PARA_EN.replace("ministry", "football club").replace("rules", "stadium")
    days = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "Easter Monday")
    body = [PARA_EN.replace("Tuesday", day) for day in days]
    # Two teaser paragraphs (enough prose to allow a cut), then four times as much article.
    doc = page(teaser, teaser.replace("stadium", "pitch"), "Related Posts", "Another story", *body)
    for paragraph in body:
        assert paragraph in doc.text
    # A comment heading still ends the article, however long the thread.
    doc = page(*body[:2], "Leave a Reply", *body[2:])
    assert rules_of(doc)["Leave a Reply"] == "comments_section"


def test_comment_link_in_the_article_header_does_not_end_it():
    days = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "Easter Monday")
    body = [PARA_EN.replace("Tuesday", day) for day in days]
    lead = [PARA_EN.replace("ministry", "agency"), PARA_EN.replace("ministry", "regulator")]
    # "Comments (32)" in the article's header links to the thread: the article is below it.
    doc = page(*lead, "Comments (32)", *body)
    for paragraph in body:
        assert paragraph in doc.text
    assert rules_of(doc)["Comments (32)"] == "section_heading"
    # The same label over comments with their time stamps is the thread.
    comments = [PARA_EN.replace("ministry", who) for who in ("council", "union", "court", "bank", "mayor", "league", "school")]
    thread = [f"Reader {k}, 12 March 2024, 13:{k:02d}: {text}" for k, text in enumerate(comments)]
    doc = page(*body[:2], "Comments (32)", *thread)
    assert rules_of(doc)["Comments (32)"] == "comments_section"
    assert all(rules_of(doc).get(line) == "comments_section" for line in thread)


def test_read_also_box_inside_the_article_does_not_end_it():
    body = [PARA_EN.replace("Tuesday", day) for day in ("Monday", "Tuesday", "Friday", "Sunday")]
    doc = page(*body[:2], "Related stories", "Council approves the new stadium plan", *body[2:])
    assert rules_of(doc)["Related stories"] == "section_heading"
    for paragraph in body:
        assert paragraph in doc.text
    # A list of teasers (titles and paragraphs taking turns) still ends it.
    teaser = PARA_EN.replace("ministry", "council")
    doc = page(*body[:2], "Related stories", "Council approves the new stadium plan", teaser, "Another story here today", teaser.replace("council", "club"))
    assert rules_of(doc)["Related stories"] == "related_section"


BOXES = {
    "en": (PARA_EN, ("Monday", "Tuesday", "Friday", "Sunday"), "Tuesday", "You may also like", "Health",
           ["A walk after eating changes how the body responds to food", "What doctors want coffee drinkers to know",
            "Council approves the new stadium plan"]),
    "de": (PARA_DE, ("Brücke", "Schule", "Straße", "Halle"), "Brücke", "Das könnte Sie auch interessieren", "Gesundheit",
           ["Ein Spaziergang nach dem Essen hilft dem Körper", "Was Ärzte Kaffeetrinkern raten",
            "Stadtrat beschließt den Bau des neuen Stadions"]),
}


@pytest.mark.parametrize("language", sorted(BOXES))
def test_a_box_of_stories_inside_the_article_does_not_end_it_however_many_lines_it_takes(language):
    """Three stories under a "You may also like" heading, each title under its section's name: a dump of one text node a line gives six lines."""
    paragraph, words, word, heading, section, titles = BOXES[language]
    body = [paragraph.replace(word, other) for other in words]
    box = [line for title in titles for line in (section, title)]
    doc = page(*body[:2], heading, *box, *body[2:])
    assert rules_of(doc)[heading] != "related_section"
    for line in body:
        assert line in doc.text
    # A longer list (more than BOX_MAX_CHARS of titles) is the page's, past the article's end.
    titles = [f"{title} ({k})" for k in range(4) for title in titles]
    assert sum(map(len, titles)) > BOX_MAX_CHARS
    doc = page(*body[:2], heading, *titles, *body[2:])
    assert rules_of(doc)[heading] == "related_section"


def test_a_box_of_stories_followed_by_a_photo_and_its_credit_does_not_end_the_article():
    """A "Most Popular" box inside the article (titles, section names, authors), then a photo's caption and credit, then the article's prose."""
    body = [PARA_EN.replace("Tuesday", day) for day in ("Monday", "Tuesday", "Friday", "Sunday")]
    box = ["Gear", "A walk after eating changes how the body responds to food", "Jane Doe", "Health", "What doctors want coffee drinkers to know", "John Roe"]
    caption = "A person crossing the street in the old town on November 4, 2023, before the vote on the plan."
    doc = page(*body[:2], "Most Popular", *box, caption, "Photograph: Dan Smith/Getty Images", *body[2:])
    assert rules_of(doc)["Most Popular"] != "related_section"
    for line in body:
        assert line in doc.text


def test_a_box_over_the_next_story_ends_the_article():
    """A page that loads the next story under the article: a short box, then that story's headline, byline or date, and its prose."""
    story = [
        "The city's football club has signed a striker from a Portuguese first division side on a three-year contract, the club "
        "said on Friday, ending a search that lasted the whole summer.",
        "The player, who scored eighteen goals last season, will join the squad for training next week and could make his debut "
        "in the home match against the league leaders at the end of the month.",
        "The manager said the signing gave the team the attacking option it had missed since the spring, when its top scorer "
        "left for a bigger club in the capital.",
    ]
    box = ["Read also", "Council approves the new stadium plan", "New school opens in the old town"]
    for header in ("By Jane Doe", "12 March 2024"):
        doc = page(*ARTICLE_EN, *box, "Local club signs striker from Portugal", header, *story)
        assert rules_of(doc)["Read also"] == "related_section"
        assert all(rules_of(doc).get(paragraph) == "related_section" for paragraph in story)



def _repeated(texts: list[str]) -> list[bool]:
    """Per line, whether the page holds it more than once (as Page.repeated)."""
    return [texts.count(text) > 1 for text in texts]


@pytest.mark.parametrize("language", sorted(LANGUAGE_PAGES))
def test_the_box_and_the_next_storys_head_are_read_in_the_users_languages(language):
    """The box guard on the users' languages' headings, section names, titles and bylines (tests/data/html_pages/languages.py)."""
    from pipeline.clean.article_end import _box_inside

    news = LANGUAGE_PAGES[language]
    box = [line for title in news["related"][:3] for line in (news["menu"][1], title)]
    texts = [news["paragraphs"][0], news["related_heading"], *box, *news["paragraphs"][1:3]]
    counted = [True, False] + [False] * len(box) + [True, True]
    assert _box_inside(texts, 1, counted, [False] * len(texts), _repeated(texts))
    byline = NEXT_STORY_BYLINES.get(language, "12.03.2024")
    texts = [news["paragraphs"][0], news["related_heading"], news["related"][0], news["headline"], byline, *news["paragraphs"][1:3]]
    assert not _box_inside(texts, 1, [True, False, False, False, False, True, True], [False] * len(texts), _repeated(texts))


@pytest.mark.parametrize("language", sorted(LANGUAGE_PAGES))
def test_a_link_long_enough_to_count_as_prose_is_still_a_link_of_the_box(language):
    """A "Read also" heading over stories' titles that the core counted as prose (">> Affaire Benalla : le scandale d'Etat ..."),
    maybe with their authors: with INLINE_MIN_PROSE_CHARS of the article's prose under them, the box is inside the article.
    The article ends there when what follows is shorter (a teaser's excerpt, an author's bio), printed twice (a feed's preview,
    then the whole text), or under a date (the head of another story)."""
    from pipeline.clean.article_end import INLINE_MIN_PROSE_CHARS, _box_inside

    news = LANGUAGE_PAGES[language]
    paragraphs = [f"{k + 1}. {paragraph}" for k in range(8) for paragraph in news["paragraphs"]]
    prose = paragraphs[: next(k for k in range(1, len(paragraphs) + 1) if sum(map(len, paragraphs[:k])) >= INLINE_MIN_PROSE_CHARS)]
    head = [news["paragraphs"][0], news["related_heading"]]
    titles = [">> " + news["related"][0], news["menu"][1], ">> " + news["related"][1]]

    def inside(box, below, counted_box):
        texts = head + box + below
        return _box_inside(texts, 1, [True, False] + counted_box + [True] * len(below), [False] * len(texts), _repeated(texts))

    assert inside(titles[:1], prose, [True])
    assert inside(titles, prose, [True, False, True])
    short = paragraphs[:2]
    assert sum(map(len, short)) < INLINE_MIN_PROSE_CHARS
    assert not inside(titles[:1], short + [news["menu"][1]], [True])
    assert not inside(titles[:1], [prose[0], *prose], [True])
    assert not inside([titles[0], "12.03.2024", titles[2]], prose, [True, False, True])


# A reader's comment with no thread heading over it: the reader's name, an age, the text, a button.
THREAD_STAMPS_AND_BUTTONS = {
    "en": (("2 hours ago", "3 hours ago", "5 hours ago"), "Reply"),
    "ru": (("2 часа назад", "5 часов назад", "12 марта 2024, 21:40"), "Ответить"),
    "uk": (("2 години тому", "12.03.2024 14:05", "3 дні тому"), "Відповісти"),
    "tr": (("3 saat önce", "5 saat önce", "1 gün önce"), "Yanıtla"),
    "az": (("3 saat əvvəl", "12.03.2024, 14:05", "1 gün əvvəl"), "Cavab ver"),
    "kk": (("3 сағат бұрын", "5 сағат бұрын", "12.03.2024 14:05"), "Жауап беру"),
    "ka": (("3 საათის წინ", "12.03.2024 14:05", "1 დღის წინ"), "პასუხი"),
    "hy": (("3 ժամ առաջ", "12.03.2024 14:05", "1 օր առաջ"), "Պատասխանել"),
    "ko": (("3시간 전", "5시간 전", "1일 전"), "답글"),
    "es": (("hace 28 minutos", "hace una hora", "hace 2 horas"), "Responder"),
}


def thread_of(language: str) -> list[str]:
    stamps, button = THREAD_STAMPS_AND_BUTTONS[language]
    news = LANGUAGE_PAGES.get(language)
    said = news["comments"] * 2 if news else ["Good plan, the river flooded our street twice.", "Who pays for the pumps, the council or us?"]
    return [line for k, stamp in enumerate(stamps) for line in (f"reader{k}", stamp, said[k % len(said)], button)]


@pytest.mark.parametrize("language", sorted(THREAD_STAMPS_AND_BUTTONS))
def test_a_thread_of_comments_with_no_heading_ends_the_article(language):
    """Comments in a row, each a time stamp and a "Reply" button, end the article where the first one's reader is named."""
    news = LANGUAGE_PAGES.get(language)
    article = [news["headline"], *news["paragraphs"]] if news else ARTICLE_EN
    found = Page(read_lines(*article, *thread_of(language)))
    assert found.thread_end and found.texts[found.section_end] == "reader0"


def test_a_thread_with_no_heading_goes_as_comments():
    thread = thread_of("en")
    doc = page(*ARTICLE_EN, *thread)
    for paragraph in ARTICLE_EN[1:]:
        assert paragraph in doc.text
    assert all(rules_of(doc)[line] == "comments_section" for line in thread)


def test_a_forums_posts_are_no_thread_of_comments():
    """A forum's first post has its own "Reply": the posts under it are the page."""
    first_post = ["asker", "5 hours ago", ARTICLE_EN[1], ARTICLE_EN[2], "Reply"]
    assert not Page(read_lines(ARTICLE_EN[0], *first_post, *thread_of("en"))).thread_end
    # A long first post: its stamp too far above its button to be read with it.
    long_post = [PARA_EN.replace("Tuesday", f"day {k}") for k in range(16)]
    assert not Page(read_lines(ARTICLE_EN[0], "asker", "5 hours ago", *long_post, "Reply", *thread_of("en"))).thread_end
    # Posts with their "Reply" above the densest one, a date in its text near its end.
    question = ["asker", "5 hours ago", "Which of the river plans do you think is best?", "Reply"]
    report = ["reporter", *long_post[:8], "Date: 17 February 2024", *long_post[8:10], "Reply"]
    assert not Page(read_lines(ARTICLE_EN[0], *question, *report, *thread_of("en"))).thread_end


def test_numbered_posts_and_reviews_are_no_thread_of_comments():
    """A forum numbers its posts; customers' reviews of a product carry "Report", not "Reply": both are the page."""
    numbered = [line for k, line in enumerate(thread_of("en")) for line in ((f"#{k // 4 + 2}", line) if k % 4 == 1 else (line,))]
    assert not Page(read_lines(*ARTICLE_EN, *numbered)).thread_end
    named = [f"#{k // 4 + 2} {line}" if k % 4 == 0 else line for k, line in enumerate(thread_of("en"))]
    assert not Page(read_lines(*ARTICLE_EN, *named)).thread_end
    reviews = [line.replace("Reply", "Report") for line in thread_of("en")]
    assert not Page(read_lines(*ARTICLE_EN, *reviews)).thread_end


def test_time_stamps_with_no_buttons_are_a_live_blogs_entries():
    """A live blog's entries carry their times and no "Reply": the article goes on through them."""
    entries = [line for k, text in enumerate(ARTICLE_EN[1:]) for line in (f"{k + 1} hours ago", text)]
    assert not Page(read_lines(ARTICLE_EN[0], PARA_EN, *entries)).thread_end
    doc = page(ARTICLE_EN[0], PARA_EN, *entries)
    for text in ARTICLE_EN[1:]:
        assert text in doc.text
    # Two comments are no thread yet: a "Reply" under a quoted passage may be the article's own.
    thread = [line for k in range(2) for line in (f"reader{k}", f"{k + 2} hours ago", "Good plan, the river flooded our street twice.", "Reply")]
    assert not Page(read_lines(*ARTICLE_EN, *thread)).thread_end


def test_dates_and_bylines_under_the_articles_end_are_not_its_metadata():
    lines = [
        "Council approves the new cycle bridge",
        "The city council approved on Tuesday a new bridge for cyclists across the river, which will open next "
        "spring after two years of planning and a long public consultation.",
        "The mayor said the bridge would cut travel times for thousands of commuters and take cars off the old "
        "road bridge, which needs repairs that will take most of next year.",
        "Opponents had argued that the money should go to the bus network instead, but lost the vote.",
        "12 Comments",
        "By Jane Reader",
        "August 3, 2019 at 4:11 am",
        "Great news for everyone who rides to work every day in this city.",
    ]
    doc = clean(Document(source="x", raw=b"x", format="text", blocks=[Block(text=t) for t in lines]))
    assert doc.metadata["published"] is None and doc.metadata["author"] is None
    assert "Great news" not in doc.text




def test_read_also_label_inside_the_article_does_not_end_it():
    """A "Related:" label (it ends in a colon) over a link, the article going on under it in sections: the label goes alone."""
    lead = ARTICLE_EN[1:3]
    sections = ["Stronger embankments", ARTICLE_EN[3] + " " + PARA_EN, "Who pays", ARTICLE_EN[4] + " " + PARA_EN.replace("Tuesday", "Friday")]
    sections += ["What comes next", PARA_EN.replace("Tuesday", "Monday") + " " + ARTICLE_EN[2].replace("spring", "autumn")]
    doc = page(ARTICLE_EN[0], *lead, "Related stories:", "Council approves the new stadium plan", *sections)
    assert rules_of(doc)["Related stories:"] == "section_heading"
    for paragraph in lead + sections[1::2]:
        assert paragraph in doc.text
    # The same label over links alone, with no article under them, ends it.
    links = ["Council approves the new stadium plan", "New school opens in the old town", "Forecasters expect a mild autumn"]
    doc = page(*ARTICLE_EN, "Related stories:", *links)
    assert rules_of(doc)["Related stories:"] == "related_section"
    assert all(rules_of(doc).get(link) == "related_section" for link in links)


THREAD_TITLES = [
    "59 Comments on “The December Comfort Watches 2025, Day Eighteen: A Film About Bugs and the People Who Fight Them”",
    "3 Antworten zu „Grenzschließungen: Deutschland, Frankreich und die Rückkehr der Ressentiments an der Grenze“",
    "12 комментариев к «Парламент одобрил изменения в законе о местном самоуправлении после долгого обсуждения»",
    "5 коментарів до «Міська рада затвердила новий план розвитку громадського транспорту на наступні роки»",
]


@pytest.mark.parametrize("thread_title", THREAD_TITLES, ids=["en", "de", "ru", "uk"])
def test_a_threads_title_that_quotes_a_long_headline_ends_the_article(thread_title):
    """A comment thread's title is a label and the article's headline: longer than a label, still the thread's heading."""
    assert len(thread_title) > MAX_LABEL_CHARS
    body = [PARA_EN, PARA_EN.replace("Tuesday", "Monday")]
    comments = [PARA_EN.replace("ministry", who) for who in ("council", "union", "court", "bank", "mayor", "league", "school")]
    doc = page(*body, thread_title, *comments)
    assert rules_of(doc)[thread_title] == "comments_section"
    assert all(rules_of(doc).get(c) == "comments_section" for c in comments)
    for paragraph in body:
        assert paragraph in doc.text


def test_a_sentence_that_begins_with_a_count_of_comments_is_no_threads_title():
    sentence = "12 comments on the proposal were received by the commission, which then decided to publish every one of them online."
    doc = page(PARA_EN, sentence, PARA_EN.replace("Tuesday", "Monday"), PARA_EN.replace("Tuesday", "Friday"))
    assert sentence in doc.text


# --- HTML blocks: a box of links inside the article ---------------------------------


def _html_removals(blocks):
    doc = Document(source="x.html", format="html")
    doc.blocks = [Block(text=text, kind=kind) for kind, text in blocks]
    clean(doc)
    return doc, {r.text: r.rule for r in doc.removed}


def _rotations(paragraphs):
    """As many paragraphs of prose as given, each all of them in another order (no two alike)."""
    return [" ".join(paragraphs[i:] + paragraphs[:i]) for i in range(len(paragraphs))]


@pytest.mark.parametrize("language", sorted(LANGUAGE_PAGES))
def test_html_box_of_links_inside_the_article_goes_and_the_article_goes_on(language):
    news = LANGUAGE_PAGES[language]
    before = _rotations(news["paragraphs"])
    after = _rotations(news["paragraphs"][::-1])
    section = news["headline"]  # the article's next section opens with a heading of its own
    blocks = [("p", p) for p in before] + [("h", news["related_heading"])] + [("li", t) for t in news["related"][:3]]
    blocks += [("h", section)] + [("p", p) for p in after]
    doc, removed = _html_removals(blocks)
    # The heading goes as a box's heading (or as a "Read also" label), its links as the box's.
    assert set(removed) == {news["related_heading"], *news["related"][:3]}
    assert removed[news["related_heading"]] in ("related_section", "read_more")
    assert all(removed[t] == "related_section" for t in news["related"][:3])
    assert section in doc.text and all(p in doc.text for p in before + after)


def test_html_box_at_the_articles_end_still_ends_it():
    news = LANGUAGE_PAGES["ru"]
    body = _rotations(news["paragraphs"])
    box = [("h", news["related_heading"])] + [("li", t) for t in news["related"][:3]]
    # Under the box: a few closing lines, not the article's prose going on.
    doc, removed = _html_removals([("p", p) for p in body] + box + [("p", news["paragraphs"][0])])
    assert set(removed.values()) == {"related_section"} and len(removed) == 5
    # The next story of a page that loads one under another: its byline over its prose.
    more = _rotations([p.replace("а", "о") for p in news["paragraphs"]])
    doc, removed = _html_removals([("p", p) for p in body] + box + [("p", NEXT_STORY_BYLINES["ru"])] + [("p", p) for p in more])
    assert all(removed.get(p) == "related_section" for p in more)
    # Other stories' titles, each over its excerpt cut short.
    teasers = [block for p in more for block in (("li", news["related"][0] + p[:8]), ("p", p[:300] + "…"))]
    doc, removed = _html_removals([("p", p) for p in body] + box + teasers)
    assert all(removed.get(text) == "related_section" for _, text in teasers)
    # The article printed once more under the box (a page that repeats its text for another layout).
    doc, removed = _html_removals([("p", p) for p in body] + box + [("p", p) for p in body])
    assert all(removed.get(p) == "related_section" for p in body) and all(doc.text.count(p) == 1 for p in body)


def test_html_read_also_label_inside_the_article():
    # "Read more about the costs:" over the article's own list of sentences: the label goes alone.
    label = "Read more about the cost of flood defences:"
    before, items = _rotations(ARTICLE_EN[1:]), _rotations(ARTICLE_EN[1:][::-1])
    doc, removed = _html_removals([("p", p) for p in before] + [("h", label)] + [("li", p) for p in items])
    assert set(removed) == {label} and removed[label] in ("related_section", "read_more")
    # Without the colon the heading heads a section of its own over no links: it ends the article.
    doc, removed = _html_removals([("p", p) for p in before] + [("h", label.rstrip(":"))] + [("li", p) for p in items])
    assert all(removed.get(p) == "related_section" for p in items)


# The heading over a comment form, "write / add a comment" or "Comment" as a verb, in the users' languages and others.
COMMENT_FORM_HEADINGS = {
    "en": "Write a comment",
    "ru": "Добавить комментарий",
    "uk": "Коментувати",
    "tr": "Yorum ekle",
    "az": "Şərh yaz",
    "kk": "Пікір жазу",
    "ka": "დაწერეთ კომენტარი",
    "hy": "Ավելացնել մեկնաբանություն",
    "ko": "댓글 쓰기",
    "es": "Comentar",
    "pt": "Comentários",
    "de": "Kommentieren",
}


@pytest.mark.parametrize("language", sorted(COMMENT_FORM_HEADINGS))
def test_a_comment_forms_heading_ends_the_article_as_comments(language):
    """Under it the form, then readers' comments with votes and no "Reply" button: however long the thread, it is no box above the article."""
    heading = COMMENT_FORM_HEADINGS[language]
    news = LANGUAGE_PAGES.get(language)
    article = [news["headline"], *news["paragraphs"]] if news else ARTICLE_EN
    said = news["comments"] if news else ["Good plan, the river flooded our street twice.", "Who pays for the pumps, the council or us?"]
    thread = [line for k in range(12) for line in (f"reader{k}", said[k % len(said)] + f" ({k})", f"{k} + -")]
    doc = page(*article, heading, "Name (*):", "E-mail (*):", *thread)
    rules = rules_of(doc)
    assert rules[heading] == "comments_section", heading
    assert all(rules[line] == "comments_section" for line in thread if line.startswith("reader")), heading
    for paragraph in article[1:]:
        assert paragraph in doc.text
