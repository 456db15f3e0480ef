"""Step `author_bio`: the author's name over a paragraph that opens with it, closing the article (pipeline/clean/author_bio.py)."""

import sys
from pathlib import Path

import pytest
from inline_pages import ARTICLE_DE, ARTICLE_EN, clean_lines, rule_of

from pipeline import clean_html

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "data" / "html_pages"))
from languages import PAGES as LANGUAGE_PAGES  # noqa: E402

# An author's name, and what their bio says after it, in the users' languages.
BIOS = {
    "en": ("Jane Doe", "is a reporter covering city hall and local politics, and has written about floods and storms since 2015."),
    "de": ("Anna Schmidt", "ist Redakteurin im Ressort Stadt und schreibt seit 2015 über Verkehr, Bauprojekte und die Kommunalpolitik."),
    "ru": ("Иван Петров", "— обозреватель отдела городской жизни, пишет о транспорте, строительстве и местной политике с 2015 года."),
    "uk": ("Іван Петренко", "— журналіст відділу міського життя, пише про транспорт, будівництво та місцеву політику з 2015 року."),
    "az": ("Elçin Məmmədov", "şəhər həyatı şöbəsinin müxbiridir, 2015-ci ildən nəqliyyat, tikinti və yerli siyasət haqqında yazır."),
    "tr": ("Ayşe Yılmaz", "şehir haberleri servisinde muhabir olarak çalışıyor; 2015'ten beri ulaşım ve yerel siyaset üzerine yazıyor."),
    "ka": ("ნინო ბერიძე", "ქალაქის ამბების განყოფილების ჟურნალისტია და 2015 წლიდან წერს ტრანსპორტზე, მშენებლობასა და ადგილობრივ პოლიტიკაზე."),
    "hy": ("Արամ Պետրոսյան", "քաղաքային կյանքի բաժնի լրագրող է, 2015 թվականից գրում է տրանսպորտի, շինարարության և տեղական քաղաքականության մասին։"),
    "kk": ("Асқар Нұрланов", "қала өмірі бөлімінің тілшісі, 2015 жылдан бері көлік, құрылыс және жергілікті саясат туралы жазады."),
    "ko": ("김민준 기자", "는 시청과 지역 정치를 담당하며 2015년부터 교통, 건설, 지방 정치에 관한 기사를 써 왔다."),
}


def bio(language: str) -> list[str]:
    name, rest = BIOS[language]
    separator = "" if language == "ko" else " "
    return [name, name + separator + rest]


@pytest.mark.parametrize("language", ["en", "de"])
def test_the_authors_bio_closing_the_article_goes(language):
    article = ARTICLE_EN if language == "en" else ARTICLE_DE
    doc = clean_lines(article + bio(language))
    assert [rule_of(doc, line) for line in bio(language)] == ["author_bio", "author_bio"]
    assert all(paragraph in doc.text for paragraph in article[1:])


@pytest.mark.parametrize("language", sorted(set(BIOS) - {"en", "de", "ko"}))
def test_the_authors_bio_goes_in_the_users_languages(language):
    news = LANGUAGE_PAGES[language]
    doc = clean_lines([news["headline"], *news["paragraphs"], *bio(language)])
    # The block model may take a bio on its own (outside the article's core); what it keeps, this step takes.
    assert {rule_of(doc, line) for line in bio(language)} <= {"author_bio", "outside_core"}
    assert all(paragraph in doc.text for paragraph in news["paragraphs"])


def test_a_korean_name_and_title_glued_to_its_particle_is_no_bio_line():
    # "김민준 기자는 ..." repeats the name with a particle: the paragraph does not open with "김민준 기자 ", so it stays.
    news = LANGUAGE_PAGES["ko"]
    doc = clean_lines([news["headline"], *news["paragraphs"], *bio("ko")])
    assert bio("ko")[1] in doc.text


def test_two_authors_bios_go_and_a_share_line_after_them_does_not_keep_them():
    lines = ARTICLE_EN + bio("en") + ["John Roe", "John Roe is an editor of the news desk, who has covered the regional council and its budgets for ten years."]
    doc = clean_lines(lines + ["Share this story"])
    assert [rule_of(doc, line) for line in lines[-4:]] == ["author_bio"] * 4


def test_a_list_of_entries_each_a_name_over_its_paragraph_keeps_its_last():
    entries = [
        ("Anna Berg", "Anna Berg founded the river trust in 2001 and has led its campaigns for cleaner water ever since, with two hundred volunteers."),
        ("Tom Reed", "Tom Reed is the engineer who designed the new embankments, after twenty years of building flood defences along the coast."),
        ("Mia Lind", "Mia Lind runs the pumping stations for the council, and trained the crews who kept them going during the winter storms."),
    ]
    lines = ARTICLE_EN[:2] + [line for entry in entries for line in entry]
    doc = clean_lines(lines)
    assert all(line in doc.text for entry in entries for line in entry[1:])


def test_a_name_over_its_paragraph_inside_the_article_stays():
    lines = ARTICLE_EN[:2] + bio("en") + ARTICLE_EN[2:]
    doc = clean_lines(lines)
    assert bio("en")[1] in doc.text


def test_the_bio_closing_an_html_article_goes():
    paragraphs = "".join(f"<p>{p}</p>" for p in ARTICLE_EN[1:])
    name, bio_text = bio("en")
    page = f"<html><body><article><h1>{ARTICLE_EN[0]}</h1>{paragraphs}<h3>{name}</h3><p>{bio_text}</p></article></body></html>"
    doc = clean_html(page)
    assert bio_text not in doc.text and ARTICLE_EN[-1] in doc.text
    assert ("author_bio", bio_text) in [(r.rule, r.text) for r in doc.removed]
