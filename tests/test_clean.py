"""The cleaning rules on short inline pages, in several languages; exact rule names asserted."""

import pytest

from pipeline.clean import clean
from pipeline.clean.byline import guess_site, parse_byline, parse_date, parse_dateline, site_from_handle
from pipeline.clean.patterns import label_rule, section_end_kind
from pipeline.clean.spam import strip_inline_spam
from pipeline.document import Block, Document

PARA_EN = (
    "The ministry said on Tuesday that the new rules would take effect at the start of next year, "
    "and that companies would have six months to adapt their systems to the requirements."
)
PARA_DE = (
    "Die Stadtverwaltung hat am Dienstag bekanntgegeben, dass die neue Brücke über den Fluss im "
    "kommenden Frühjahr eröffnet werden soll, nachdem sich die Bauarbeiten mehrfach verzögert hatten."
)

PARA_HI = (
    "सरकार ने मंगलवार को कहा कि नए नियम अगले साल की शुरुआत से लागू होंगे और कंपनियों को अपनी "
    "प्रणालियों को बदलने के लिए छह महीने का समय दिया जाएगा।"
)
PARA_HI_2 = (
    "मंत्रालय के अनुसार इस फैसले से देश के लाखों छोटे व्यापारियों को राहत मिलेगी, लेकिन विपक्ष ने "
    "इसे जल्दबाजी में उठाया गया कदम बताया है और संसद में बहस की मांग की है।"
)


def page(*lines: str) -> Document:
    doc = Document(source="t.txt", raw="\n".join(lines).encode(), format="text")
    doc.blocks = [Block(text=line, kind="line") for line in lines]
    return clean(doc)


def rules(doc: Document) -> dict[str, str]:
    return {b.text: b.removed_by for b in doc.blocks if b.removed_by}


def test_menu_before_article_is_outside_core():
    doc = page("Home", "News", "Sport", "Kontakt", PARA_DE, PARA_DE.replace("Brücke", "Straße"))
    assert rules(doc)["Kontakt"] == "outside_core"
    assert PARA_DE in doc.text


def test_hindi_article_is_found_under_its_menu():
    doc = page("होम", "देश", "विदेश", "खेल", "मनोरंजन", PARA_HI, PARA_HI_2)
    assert doc.ok, doc.reason
    assert PARA_HI in doc.text and PARA_HI_2 in doc.text
    assert rules(doc)["मनोरंजन"] == "outside_core"


def test_subheading_between_paragraphs_is_kept():
    doc = page(PARA_EN, "What happens next", PARA_EN.replace("Tuesday", "Friday"))
    assert "What happens next" in doc.text


def test_related_section_ends_the_article():
    teaser = PARA_EN.replace("ministry", "council")
    doc = page(PARA_EN, PARA_EN.replace("Tuesday", "Monday"), "Related Posts", "Another story", teaser)
    assert rules(doc)["Related Posts"] == "related_section"
    assert rules(doc)[teaser] == "related_section"


def test_comment_heading_is_named_as_comments():
    doc = page(PARA_DE, PARA_DE.replace("Brücke", "Schule"), "Schreibe einen Kommentar", "Name")
    assert rules(doc)["Schreibe einen Kommentar"] == "comments_section"


def test_bylines_move_into_metadata():
    doc = page("By Jane Smith", "Published 12 March 2024", PARA_EN, PARA_EN)
    assert doc.metadata["author"] == "Jane Smith"
    assert rules(doc)["By Jane Smith"] == "byline"
    assert "Jane Smith" not in doc.text


def test_inline_spam_token_is_cut_and_recorded():
    doc = page(PARA_EN.replace("new rules", "new 카지노 rules"), PARA_EN)
    assert "카지노" not in doc.text
    assert "the new rules would" in doc.text
    assert [(r.rule, r.text) for r in doc.inline_removals] == [("inline_spam", "카지노")]


def test_foreign_word_that_is_not_spam_stays():
    text, removed = strip_inline_spam("The word 사랑 means love in Korean.", "Latin")
    assert removed == [] and "사랑" in text


@pytest.mark.parametrize(
    "line, rule",
    [
        # Words the gates list as the tokenizer splits them: hyphens and the Arabic article join a word.
        ("Suivez-nous sur Facebook", "social"),
        ("جميع الحقوق محفوظة", "copyright"),
    ],
)
def test_label_rules_see_joined_words(line, rule):
    assert label_rule(line) == rule


@pytest.mark.parametrize("heading", ["What do you think?", "İlgili Haberler", "İLGİLİ HABERLER", "ilgili haberler"])
def test_section_headings_match_after_folding(heading):
    # "?" is stripped before the phrase is looked up; Turkish "İ" folds to a plain "i".
    assert section_end_kind(heading)


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


def test_label_rules():
    assert label_rule("Follow us on Twitter @SomeNews") == "social"
    assert label_rule("Facebook | Twitter | WhatsApp") == "social"
    assert label_rule("Weiterlesen") == "read_more"
    assert label_rule("© 2024 Example Media") == "copyright"
    assert label_rule("Foto: dpa") == "photo_credit"
    assert label_rule("Kuva: Matti Meikäläinen") == "photo_credit"
    assert label_rule("Augusta National/Getty Images") == "photo_credit"
    assert label_rule("TebNad/Shutterstock.com") == "photo_credit"
    assert label_rule("Die Polizei sagte, Getty habe nichts damit zu tun.") is None
    caption = "Die Junioren feierten in der vergangenen Woche ihren Titel bei der Weltmeisterschaft. (Foto: Privat)"
    assert label_rule(caption) == "photo_caption"
    for caption in (
        "Dmitry Muratov, periodista ruso y Premio Nobel de la Paz (REUTERS/Denis Balibouse)",
        "Wer die Äste immer wieder auf die Wege zieht, ist unklar (Symbolbild).",
        "Neue DJV-Online-Seminare starten im März. (Quelle: Hume/Unsplash/DJV)",
        "Marco Odermatt, Ski-Star aus der Schweiz. © AFP / MARCO BERTORELLO",
        "Un grupo de pingüinos, en la Antártida el 11 de febrero pasado. EFE",
        "Son tres los periodos de vacaciones durante el año escolar. Foto: Andina",
        "Un día de mercado en el centro de Lima (Fotografía: Juan Pérez)",
    ):
        assert label_rule(caption) == "photo_caption", caption
    # "Photographs by" is a credit too (the photo-credit rule takes it first).
    assert label_rule("The harbour at dawn on the first day of the festival. Photographs by Anna Lee") == "photo_credit"
    # A source the article cites is not a credit.
    assert label_rule("Die Arbeitslosenquote stieg im Mai auf 5,8 Prozent (Quelle: Statistisches Bundesamt).") is None
    for meta in (
        "This entry was posted in News. Bookmark the permalink.",
        "Der Beitrag wurde am Mittwoch, den 27. November 2019 um 15:21 Uhr veröffentlicht und wurde unter Allgemein abgelegt.",
        "Eingestellt von Anna um 21:11",
        "Esta entrada se publicó en Noticias y etiquetada como Portada.",
    ):
        assert label_rule(meta) == "post_meta", meta
    assert label_rule("***") == "symbols"
    assert label_rule("The council met on Tuesday.") is None


def test_section_end_headings_in_several_languages():
    for heading in ("See also", "Читайте также", "Lire aussi :", "Das könnte Sie auch interessieren", "12 Kommentare", "관련기사",
                    "Lesen Sie auch:", "Veja também", "Articles les plus lus"):
        assert section_end_kind(heading), heading
    assert not section_end_kind("Relations between the two countries improved")
    # A comment thread titled after the post.
    assert section_end_kind("12 thoughts on “Why the bridge is late”")
    assert section_end_kind("Eine Antwort zu „Die neue Brücke“")
    assert not section_end_kind("One of the best bridges in the country")


def test_heading_of_a_box_inside_the_article_goes_alone():
    body = [PARA_EN.replace("Tuesday", day) for day in ("Monday", "Tuesday", "Wednesday", "Thursday")]
    doc = page(body[0], "Most popular", *body[1:])
    assert rules(doc)["Most popular"] == "section_heading"
    for paragraph in body:
        assert paragraph in doc.text


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


def test_page_without_prose_is_rejected_with_reason():
    doc = page("Home", "Login", "Impressum")
    assert doc.status == "rejected" and doc.reason.startswith("no_article")
    assert all(b.removed_by for b in doc.blocks)


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
    assert rules(doc)["Leave a Reply"] == "comments_section"



def test_comment_link_in_the_article_header_does_not_end_it():
    days = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "Easter Monday")
    body = [PARA_EN.replace("Tuesday", day) for day in days]
    lead = [PARA_EN.replace("ministry", "agency"), PARA_EN.replace("ministry", "regulator")]
    # "Comments (32)" in the article's header links to the thread: the article is below it.
    doc = page(*lead, "Comments (32)", *body)
    for paragraph in body:
        assert paragraph in doc.text
    assert rules(doc)["Comments (32)"] == "section_heading"
    # The same label over comments with their time stamps is the thread.
    comments = [PARA_EN.replace("ministry", who) for who in ("council", "union", "court", "bank", "mayor", "league", "school")]
    thread = [f"Reader {k}, 12 March 2024, 13:{k:02d}: {text}" for k, text in enumerate(comments)]
    doc = page(*body[:2], "Comments (32)", *thread)
    assert rules(doc)["Comments (32)"] == "comments_section"
    assert all(rules(doc).get(line) == "comments_section" for line in thread)

def test_warm_up_loads_what_the_cleaner_loads_lazily():
    from pipeline.clean import warm_up
    from pipeline.clean.linemodel import load_model
    from pipeline.clean.features import stopwords
    from pipeline.clean.teasermodel import load_teaser_model
    from pipeline.language import get_backend

    for cached in (load_model, load_teaser_model, stopwords, get_backend):
        cached.cache_clear()
    warm_up()
    assert load_model.cache_info().currsize == 1
    assert load_teaser_model.cache_info().currsize == 1
    assert stopwords.cache_info().currsize >= 70  # every shipped stoplist
    assert get_backend.cache_info().currsize == 2  # "auto" and the py3langid model under it


def test_spam_line_above_the_article_is_not_its_title():
    spam = ["Play real money slots at jackpot777.bet and win the progressive jackpot", "Slot gacor hari ini gampang menang maxwin di Lucky88"]
    body = [PARA_EN, PARA_EN.replace("Tuesday", "Friday"), PARA_EN.replace("Tuesday", "Monday")]
    # No headline: the spam lines are the only title-like lines above the core.
    doc = page("Home", "News", *spam, "By Jane Smith", *body)
    assert all(rules(doc)[line] == "spam" for line in spam)
    assert doc.metadata["title"] is None
    # A headline above the spam is found instead.
    doc = page("Home", "Agency chief rejects the claims", "12 March 2024", *spam, "By Jane Smith", *body)
    assert doc.metadata["title"] == "Agency chief rejects the claims"
    assert doc.text.startswith("Agency chief rejects the claims")


def test_read_also_box_inside_the_article_does_not_end_it():
    body = [PARA_EN.replace("Tuesday", day) for day in ("Monday", "Tuesday", "Friday", "Sunday")]
    doc = page(*body[:2], "Related stories", "Council approves the new stadium plan", *body[2:])
    assert rules(doc)["Related stories"] == "section_heading"
    for paragraph in body:
        assert paragraph in doc.text
    # A list of teasers (titles and paragraphs taking turns) still ends it.
    teaser = PARA_EN.replace("ministry", "council")
    doc = page(*body[:2], "Related stories", "Council approves the new stadium plan", teaser, "Another story here today", teaser.replace("council", "club"))
    assert rules(doc)["Related stories"] == "related_section"


def test_read_also_paywall_and_advertising_lines_in_text_dumps():
    body = [PARA_EN.replace("Tuesday", day) for day in ("Monday", "Tuesday", "Friday")]
    lines = {
        "Read also: Council approves the new stadium plan": "read_more",
        ">> Council approves the new stadium plan <<": "read_more",
        "To view the full story, please subscribe to The Daily.": "paywall",
        "This post contains references to products from one or more of our advertisers.": "advertising",
        "The Daily is supported by its audience. When you buy through links on our site, we may earn an affiliate commission.": "advertising",
    }
    doc = page(body[0], *lines, *body[1:])
    for line, rule in lines.items():
        assert rules(doc)[line] == rule
    assert all(paragraph in doc.text for paragraph in body)


def test_headline_at_the_start_of_the_core_is_the_title():
    body = [PARA_EN.replace("ministry", "council").replace("rules", "stadium plan").replace("Tuesday", day) for day in ("Tuesday", "Friday", "Monday")]
    # A headline with many function words weighs as prose: it starts the core.
    headline = "Why the council says that it will approve the new stadium plan for the city in the spring"
    doc = page("Home", "News", headline, *body)
    assert doc.metadata["title"] == headline
    assert doc.text.startswith(headline)


def test_the_first_item_of_a_story_box_is_not_the_headline():
    from pipeline.clean.headline import find_title as _find_title
    from pipeline.clean.features import stopwords

    teaser_title = "Tennis star returns to training after long illness"
    teaser = "The junior tennis champion returned to the training courts on Friday after a long illness, her coach said."
    body = [PARA_EN.replace("Tuesday", day) for day in ("Tuesday", "Friday", "Monday")]
    for heading, expected in (("More stories", None), ("Newsletter", teaser_title)):
        texts = ["Home", heading, teaser_title, teaser, *body]
        found = _find_title(texts, {}, 3, texts[3:], stopwords("en"))
        assert (texts[found] if found is not None else None) == expected, heading


def test_story_box_headings_are_the_section_headings_over_other_stories():
    from pipeline.clean.patterns import story_box_heading

    for line in ("Most read", "Mehr aus dem Ressort", "Related Posts:", "Más noticias", "Don't miss", "Most shared"):
        assert story_box_heading(line) and section_end_kind(line), line
    for line in ("Newsletter", "2 Kommentare", "Leave a Reply", "Tags", "Themen", "3 Responses to “A title”", "Share this"):
        assert not story_box_heading(line) and section_end_kind(line), line


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


@pytest.mark.parametrize(
    "value, author",
    [("Anna Muster", "Anna Muster"), ("Axar.az", "Axar.az"), ("Suche", None), ("19. Juni 2019 / 13:20", None), ("Recent posts", None)],
)
def test_the_line_after_an_author_label_must_be_a_persons_name(value, author):
    from pipeline.clean.furniture import _label_value

    stated = _label_value("author", value)
    assert (stated[1]["author"] if stated else None) == author


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


def test_a_block_repeating_the_one_before_goes_and_short_values_stay():
    paragraph = (
        "The city council approved on Tuesday a new bridge for cyclists across the river, which will open next "
        "spring after two years of planning and a long public consultation."
    )
    lines = [
        "Council approves the new cycle bridge",
        "Council approves the new cycle bridge",
        paragraph,
        paragraph,
        "The mayor said the bridge would cut travel times for thousands of commuters and take cars off the old "
        "road bridge, which needs repairs that will take most of next year.",
    ]
    doc = clean(Document(source="x", raw=b"x", format="text", blocks=[Block(text=t) for t in lines]))
    assert [b.removed_by for b in doc.blocks[:4]] == [None, "repeated", None, "repeated"]
    assert doc.text.count(paragraph) == 1
