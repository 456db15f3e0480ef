"""Server errors and browser notices, in text dumps and HTML blocks (pipeline/clean/machinery.py)."""

import pytest
from inline_pages import ARTICLE_EN, PARA_EN, page, rules_of

from pipeline.clean.machinery import browser_notice, server_error

SERVER_ERRORS = [
    "Warning: Creating default object from empty value in /www/htdocs/w0094d70/wp-includes/classes.php on line 407",
    "Deprecated: Assigning the return value of new by reference is deprecated in /www/htdocs/wp-settings.php on line 535",
    "Strict Standards: Non-static method nggGallery::i18n() should not be called statically in /www/lib/core.php on line 341",
    "Notice: Undefined index: page in /var/www/html/index.php on line 12",
    "Fatal error: Uncaught Error: Call to undefined function mysql_connect() in /var/www/db.php:3 Stack trace: #0 {main} thrown in /var/www/db.php on line 3",
    "PHP Warning: mysql_get_server_info(): Access denied for user ''@'localhost' in /home/site/index.php on line 9",
    # Two messages in one block.
    "Warning: Use of undefined constant comments in /a/b.php on line 34 Warning: Use of undefined constant trackbacks in /a/b.php on line 35",
]

NO_SERVER_ERRORS = [
    "Warning: the storm will reach the coast tonight, and the ferry on line 3 will not run.",
    "The minister's notice: fares on line 12 rise in May.",
    "Fatal error: how one typo on line 3 of the contract cost the city a million euros",
]

BROWSER_NOTICES = [
    "Your browser does not support the video tag.",
    "Sorry, your browser doesn’t support embedded videos.",
    "Please enable JavaScript to view the comments powered by Disqus.",
    "Sorry, you need to enable JavaScript to visit this website.",
    "Please note that Javascript is turned off in your web browser. To use this site, you must turn it on and then refresh the page.",
    "You are using an outdated browser. Please upgrade your browser to improve your experience.",
    "Your version of Internet Explorer is no longer supported. Please upgrade your browser.",
    "Dein Browser kann dieses Video nicht abspielen.",
    "Bitte aktivieren Sie JavaScript und laden Sie die Seite erneut.",
    "Du verwendest einen veralteten Browser. Es ist möglich, dass diese oder andere Websites nicht korrekt angezeigt werden.",
    "Bitte aktualisieren Sie Ihren Browser, um diese Website korrekt darzustellen.",
    "Votre navigateur ne prend pas en charge la lecture de vidéos.",
    "Tu navegador no soporta este elemento de audio.",
    "Ваш браузер устарел. Пожалуйста, обновите браузер.",
    "JavaScript отключен в вашем браузере.",
    # A forum's line under its notice, in three of the software's languages.
    "You are using an out of date browser. It may not display this or other websites correctly.",
    "You should upgrade or use an alternative browser.",
    "Du solltest ein Upgrade durchführen oder einen alternativen Browser verwenden.",
    "Yükseltmeli ya da alternatif bir tarayıcı kullanmalısınız.",
]

# Articles' sentences about browsers and their scripts: nobody's browser is addressed.
ABOUT_BROWSERS = [
    "Promises work in the latest versions of all modern browsers; the only place where support is a problem is Opera Mini.",
    "Supporting older browsers",
    "Update your browser now: Chrome patches a zero-day flaw exploited in the wild",
    "Google urged users to update their browser after the flaw was found.",
    "Writing JavaScript now required a compilation step, and the days of editing a file and refreshing the browser were over.",
    "Браузер Chrome не поддерживает новый формат, сообщили в компании.",
    "구글은 크롬 브라우저 업데이트를 발표했다.",
    "You can use Firefox or another browser to open the archive.",
    # A long paragraph that names a notice's words is prose.
    "Your browser does not support the video tag, the developer wrote, and that message became a running joke. " * 5,
]


@pytest.mark.parametrize(
    "rule, text, expected",
    [(server_error, text, True) for text in SERVER_ERRORS]
    + [(server_error, text, False) for text in NO_SERVER_ERRORS]
    + [(browser_notice, text, True) for text in BROWSER_NOTICES]
    + [(browser_notice, text, False) for text in ABOUT_BROWSERS],
)
def test_messages_and_the_sentences_that_look_like_them(rule, text, expected):
    assert rule(text) is expected


def test_server_errors_and_a_notice_go_from_a_text_dump_and_the_article_stays():
    doc = page(SERVER_ERRORS[0], SERVER_ERRORS[1], *ARTICLE_EN[:2], BROWSER_NOTICES[0], *ARTICLE_EN[2:])
    removed = rules_of(doc)
    assert removed[SERVER_ERRORS[0]] == removed[SERVER_ERRORS[1]] == "server_error"
    assert removed[BROWSER_NOTICES[0]] == "browser_notice"
    assert all(paragraph in doc.text for paragraph in ARTICLE_EN[1:])


def test_a_notice_and_a_server_error_inside_an_html_article_go_by_their_rules():
    from pipeline.options import Options
    from pipeline.read import read_bytes
    from pipeline.runner import process_document

    paragraphs = [PARA_EN.replace("Tuesday", day) for day in ("Monday", "Tuesday", "Wednesday")]
    error = "<b>Warning</b>:  Undefined index: page in <b>/var/www/html/index.php</b> on line <b>12</b>"
    html = (
        "<html><head><title>New rules for companies</title></head><body><article><h1>New rules for companies</h1>"
        + f"<p>{error}</p><p>{paragraphs[0]}</p><p>{BROWSER_NOTICES[0]}</p>"
        + "".join(f"<p>{p}</p>" for p in paragraphs[1:])
        + "</article></body></html>"
    )
    options = Options(format="html")
    doc = process_document(read_bytes(html.encode(), source="page.html", options=options), options)
    assert all(p in doc.text for p in paragraphs)
    rules = {r.text: r.rule for r in doc.removed}
    assert rules[BROWSER_NOTICES[0]] == "browser_notice"
    assert rules["Warning: Undefined index: page in /var/www/html/index.php on line 12"] == "server_error"
