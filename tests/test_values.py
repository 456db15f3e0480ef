import sqlite3

import pytest

from archive import Archive, open_archive
from archive.values import article_values, clean_author, clean_site, host_of


@pytest.mark.parametrize(
    "url, host",
    [
        ("https://WWW.Azernews.az/news/1", "azernews.az"),
        ("https://www.koreatimes.co.kr:443/x", "koreatimes.co.kr"),
        ("https://web.archive.org/web/20171008220355/http://www.juergenheitmann.com/essays/", "juergenheitmann.com"),
        ("https://web.archive.org/about", "web.archive.org"),
        ("https://[::1", None),  # malformed: no host rather than an error
        (None, None),
    ],
)
def test_host_is_the_domain_without_www(url, host):
    assert host_of(url) == host


@pytest.mark.parametrize(
    "site, title, name",
    [
        ("  The Korea   Times ", "Anything", "The Korea Times"),
        ("www.laweekly.com", None, "laweekly.com"),
        ("https://www.facebook.com/DERFARANG/", None, "facebook.com"),
        ("02.11.2021", "A headline", None),
        ("Achtsam durch die Krise | Die FURCHE", "Achtsam durch die Krise", "Die FURCHE"),
        ("US-Sport in Zeiten von Corona - ZDFmediathek", "US-Sport in Zeiten von Corona", "ZDFmediathek"),
        ("Harbour reopens after storm repairs", "Harbour reopens after storm repairs", None),
        ("Crocs: Wie die Schuhbrand mit mutigen Releases und Kollaborationen Rekordumsätze macht, und wie", "Other", None),
        ("BUND - BUND für Naturschutz und Umwelt in Deutschland", "Unser Tipp", "BUND - BUND für Naturschutz und Umwelt in Deutschland"),
        ("", None, None),
    ],
)
def test_site_is_a_publication_name(site, title, name):
    assert clean_site(site, title) == name


@pytest.mark.parametrize(
    "author, clean",
    [
        ("By Jane Doe", "Jane Doe"),
        ("Article by", None),
        ("Posted", None),
        ("View all posts by Daniel Lemire", "Daniel Lemire"),
        ("Por Alberto Ávila", "Alberto Ávila"),
        ("Par Stefan Häne; Sylvain Besson", "Stefan Häne; Sylvain Besson"),
        ("von Anna Schmidt", "Anna Schmidt"),
        ("Автор: Иван Петров", "Иван Петров"),
        ("Www Everardoherrera Com", None),
        ("Jane Doe; By Jane Doe; admin", "Jane Doe"),
        ("Byron Smith", "Byron Smith"),  # a name that starts with "By"
        (None, None),
    ],
)
def test_author_without_byline_words(author, clean):
    assert clean_author(author) == clean


def test_site_without_a_usable_name_is_its_host():
    values = article_values(None, "https://www.example.com/a", "12.05.2022", "By Jane Doe", "Title")
    assert values == {"host": "example.com", "site": "example.com", "author": "Jane Doe"}
    # A site named by its own host: a capture's archive host gives way to the captured site's.
    wayback = "https://web.archive.org/web/2020/https://www.muffinrezept.net/x"
    assert article_values(None, wayback, "web.archive.org", None, "T")["site"] == "muffinrezept.net"


def test_a_site_keeps_the_spelling_the_archive_stored_first(archive):
    archive.db["articles"].insert({"id": "a" * 64, "site": "AzerNews"})
    assert article_values(archive.db, None, "Azernews", None, "T")["site"] == "AzerNews"
    assert article_values(archive.db, None, "Axar.az", None, "T")["site"] == "Axar.az"


def test_an_archive_written_before_host_is_migrated_on_open(tmp_path):
    db = tmp_path / "old.db"
    Archive(str(db)).close()
    conn = sqlite3.connect(db)
    for index in ("idx_articles_host", "idx_articles_site_nocase", "idx_articles_published"):
        conn.execute(f"drop index {index}")
    conn.execute("alter table articles drop column host")
    rows = [
        ("1" * 64, "https://www.azernews.az/a", "AzerNews", "By Vafa Ismayilova", "One"),
        ("2" * 64, "https://www.azernews.az/b", "Azernews", "Article by", "Two"),
        ("3" * 64, "https://www.azernews.az/c", "AzerNews", None, "Three"),
        ("4" * 64, None, "02.11.2021", "Posted", "Four"),
    ]
    conn.executemany("insert into articles (id, url, site, author, title) values (?, ?, ?, ?, ?)", rows)
    conn.commit()
    conn.close()

    with open_archive(db) as arc:  # reading an old archive brings it up to date first
        got = {r["id"][0]: (r["host"], r["site"], r["author"]) for r in arc.articles()}
    assert got == {
        "1": ("azernews.az", "AzerNews", "Vafa Ismayilova"),
        "2": ("azernews.az", "AzerNews", None),  # the spelling most articles carry
        "3": ("azernews.az", "AzerNews", None),
        "4": (None, None, None),
    }
