"""HTML metadata: JSON-LD first, then OpenGraph and <meta>, then the page's own elements; nothing guessed."""

import pytest

from pipeline.html.dom import read_page
from pipeline.metadata import json_ld_article, page_metadata


def meta_of(head: str, body: str = "<p>Text.</p>", url: str | None = None) -> dict:
    html = f"<html><head>{head}</head><body>{body}</body></html>"
    return page_metadata(read_page(html), url, html)


LD = """<script type="application/ld+json">{"@context": "https://schema.org", "@graph": [
 {"@type": "WebSite", "name": "Example Site"},
 {"@type": "NewsArticle", "headline": "Парламент принял бюджет",
  "author": [{"@type": "Person", "name": "Анна Иванова"}, {"@type": "Person", "name": "Иван Петров"}],
  "datePublished": "2024-03-01T10:00:00+03:00", "publisher": {"@type": "Organization", "name": "Вести"}}]}</script>"""


def test_json_ld_comes_first():
    meta = meta_of(LD + '<meta property="og:title" content="Другой заголовок"><meta property="article:published_time" content="2020-01-01">')
    assert meta["title"] == "Парламент принял бюджет"
    assert meta["author"] == "Анна Иванова; Иван Петров"
    assert meta["published"] == "2024-03-01"


def test_broken_json_ld_is_skipped_not_fatal():
    meta = meta_of('<script type="application/ld+json">{"@type": "NewsArticle", "headline": </script>'
                   '<meta property="og:title" content="서울시 요금 인상">')
    assert meta["title"] == "서울시 요금 인상"


def test_opengraph_and_meta_names_when_there_is_no_json_ld():
    meta = meta_of(
        '<meta property="og:title" content="Title from OG"><meta name="author" content="https://facebook.com/someone">'
        '<meta name="dc.creator" content="Jane Roe"><meta name="pubdate" content="2021-07-09">'
        '<meta property="og:site_name" content="@example">'
    )
    assert meta["title"] == "Title from OG"
    assert meta["author"] == "Jane Roe"  # a link in an author field names no one: the next field does
    assert meta["published"] == "2021-07-09"
    assert meta["site"] == "example"


def test_time_element_in_the_article_dates_the_page_but_one_in_a_teaser_list_does_not():
    article = '<article><h1>Headline here</h1><time datetime="2022-11-05T08:00">5 Nov</time><p>Text.</p></article>'
    assert meta_of("", article)["published"] == "2022-11-05"
    from pipeline.metadata import _time_element_date

    teaser = '<div class="related"><time datetime="2022-11-05">5 Nov</time><a href="/x">Other story</a></div>'
    assert _time_element_date(read_page(f"<html><body><article>{teaser}<p>Text.</p></article></body></html>").head) is None


def test_title_falls_back_to_h1_then_title_and_site_to_the_host():
    assert meta_of("<title>Page title | Site</title>", "<h1>Հոդվածի վերնագիր</h1><p>Text.</p>")["title"] == "Հոդվածի վերնագիր"
    assert meta_of("<title>Page title | Site</title>")["title"] == "Page title | Site"
    assert meta_of("", url="https://www.news.example/a/b")["site"] == "news.example"


def test_a_title_loses_a_last_part_that_is_the_sites_name():
    site = '<meta property="og:site_name" content="Азер Ньюс">'
    assert meta_of(site + '<meta property="og:title" content="Парламент принял бюджет | АЗЕР НЬЮС">')["title"] == "Парламент принял бюджет"
    assert meta_of('<meta property="og:title" content="Budget passed – news.example">', url="https://news.example/a")["title"] == "Budget passed"
    assert meta_of(site + '<meta property="og:title" content="Парламент принял бюджет :: Азер Ньюс">')["title"] == "Парламент принял бюджет"
    # A last part that is not the site's name, or a title that is the name alone, stays as it is.
    assert meta_of(site + '<meta property="og:title" content="Бюджет: что изменится">')["title"] == "Бюджет: что изменится"
    assert meta_of(site + '<meta property="og:title" content="Азер Ньюс">')["title"] == "Азер Ньюс"


def test_json_ld_webpage_is_read_after_articles():
    found = json_ld_article(['[{"@type": "WebPage", "name": "Home"}, {"@type": "BlogPosting", "headline": "Post"}]'])
    assert found["title"] == "Post"


def test_inline_author_element_names_the_author():
    body = '<h1>Заголовок статьи</h1><p class="meta">Автор: <a rel="author" href="/a/1">Анна Иванова</a></p><p>Text.</p>'
    assert meta_of("", body)["author"] == "Анна Иванова"
    body = '<h1>Headline</h1><div>Text by <span class="postAuthorName">Jane Roe</span></div><p>Text.</p>'
    assert meta_of("", body)["author"] == "Jane Roe"


def test_author_element_in_comments_is_not_the_author_but_one_in_an_author_card_is():
    comments = '<div class="comments"><span class="comment-author">Kim Min-jun</span><p>Nice.</p></div>'
    assert meta_of("", f"<h1>Headline</h1><p>Text.</p>{comments}")["author"] is None
    card = '<div class="author-card"><img src="a.jpg"><span class="author-name">Giorgi Beridze</span></div>'
    assert meta_of("", f"<h1>Headline</h1>{card}<p>Text.</p>{comments}")["author"] == "Giorgi Beridze"


def test_inner_author_element_is_the_name_not_the_box_around_it():
    byline = '<div class="byline">By <span class="author-name">Aynur Aliyeva</span> Senior reporter</div>'
    assert meta_of("", f"<h1>Headline</h1>{byline}<p>Text.</p>")["author"] == "Aynur Aliyeva"


def test_an_organisation_as_json_ld_author_yields_to_the_pages_byline():
    ld = ('<script type="application/ld+json">{"@type": "BlogPosting", "headline": "H",'
          ' "author": {"@type": "Organization", "name": "Example Corp"}}</script>')
    byline = '<p>By <span class="author">Nino Kapanadze</span></p>'
    assert meta_of(ld, f"<h1>H</h1>{byline}<p>Text.</p>")["author"] == "Nino Kapanadze"
    assert meta_of(ld, "<h1>H</h1><p>Text.</p>")["author"] == "Example Corp"  # no byline: the organisation stands


def test_dateline_in_a_card_box_near_the_headline_dates_the_page():
    body = '<div class="post-card"><h1>Headline</h1><div class="card-meta">March 5, 2024</div></div><p>Text.</p>'
    assert meta_of("", body)["published"] == "2024-03-05"
    related = '<div class="related"><p>March 5, 2024</p></div>'
    assert meta_of("", f"<h1>Headline</h1>{related}<p>Text.</p>")["published"] is None


def test_the_date_the_page_shows_wins_over_the_stated_one_only_when_htmldate_reads_it_too():
    ld = '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "H", "datePublished": "2021-01-10"}</script>'
    shown = '<article><h1>Headline</h1><time datetime="2023-06-02">2 June 2023</time><p>Text.</p></article>'
    assert meta_of(ld, shown)["published"] == "2023-06-02"
    # htmldate reads the <meta> date, which disagrees with the <time> element: the stated date stands
    stated = '<meta property="article:published_time" content="2021-01-10">'
    assert meta_of(stated, shown)["published"] == "2021-01-10"


def test_byline_labels_go_and_a_label_alone_is_no_name():
    from pipeline.metadata import _byline_name

    assert _byline_name("Erstellt von Andri Bryner —") == "Andri Bryner"
    assert _byline_name("Autorin: Eva Maria Schön") == "Eva Maria Schön"
    assert _byline_name("Автор: Анна Иванова") == "Анна Иванова"
    assert _byline_name("Authored by: Dr. Ehsan Jazini") == "Dr. Ehsan Jazini"
    assert _byline_name("Article by") is None
    assert _byline_name("Veröffentlicht am") is None


@pytest.mark.parametrize(
    "byline, name",
    [
        ("ავტორი: ნინო ბერიძე", "ნინო ბერიძე"),
        ("Հեղինակ՝ Արամ Պետրոսյան", "Արամ Պետրոսյան"),  # Armenian writes a label's colon "՝"
        ("Müəllif: Əli Həsənov", "Əli Həsənov"),
        ("Автори: Іван Петренко та Олена Коваленко", "Іван Петренко та Олена Коваленко"),
        ("김민수 기자", "김민수"),  # the name before the reporter's title
        ("글·사진 김민수 기자", "김민수"),
    ],
)
def test_byline_labels_in_the_users_languages(byline, name):
    from pipeline.metadata import _byline_name

    assert _byline_name(byline) == name


def test_scripts_cut_before_htmldate_run_to_the_end_when_left_open():
    from pipeline.metadata import _SCRIPTS

    # As the parser reads it: an unclosed <script> is text to the end of the page, and is cut whole, in one pass.
    assert _SCRIPTS.sub("", "<p>a</p><script>var a = 1;</script><p>b</p>") == "<p>a</p><p>b</p>"
    assert _SCRIPTS.sub("", "<p>a</p>" + "<script>var a = 1;" * 3 + "<p>b</p>") == "<p>a</p>"
