"""Cookie consent notices, in text dumps and HTML blocks (pipeline/clean/consent.py)."""

import pytest
from inline_pages import ARTICLE_EN, PARA_EN, page, rules_of

from pipeline.clean.consent import consent_notice

NOTICES = [
    "We use cookies on our website to give you the most relevant experience by remembering your preferences and repeat visits.",
    "This site uses cookies. By continuing to browse this site you are agreeing to our use of cookies.",
    "Cookie Settings",
    "Privacy & Cookies",
    "Diese Website verwendet Cookies. Durch die weitere Nutzung der Webseite stimmen Sie der Verwendung von Cookies zu.",
    "Wir verwenden Cookies, um Ihnen ein optimales Webseiten-Erlebnis zu bieten.",
    "Cookie-Einstellungen",
    "Nous utilisons des cookies pour vous garantir la meilleure expérience sur notre site web.",
    "Utilizamos cookies propias y de terceros para mejorar nuestros servicios.",
    "Продолжая пользоваться сайтом, вы соглашаетесь на использование файлов cookie.",
    "Мы используем файлы cookie, чтобы сайт работал лучше.",
    "Продовжуючи користуватися сайтом, ви погоджуєтеся з використанням файлів cookie.",
    "Sitemizde çerezler kullanılmaktadır. Siteyi kullanmaya devam ederek çerez politikamızı kabul etmiş olursunuz.",
    "Saytımızda kukilərdən istifadə olunur. Saytdan istifadə etməyə davam etməklə siz bununla razılaşırsınız.",
    "Біз cookie файлдарын пайдаланамыз. Сайтты пайдалана отырып, сіз келісім бересіз.",
    "ჩვენ ვიყენებთ ქუქი-ფაილებს. საიტის გამოყენებით თქვენ ეთანხმებით ჩვენს პოლიტიკას.",
    "Մենք օգտագործում ենք քուքիներ՝ կայքի աշխատանքը բարելավելու համար։",
    "본 사이트는 쿠키를 사용합니다. 계속 이용하시면 쿠키 사용에 동의하는 것으로 간주됩니다.",
]

# Articles' sentences that name cookies: no site asking for consent.
ABOUT_COOKIES = [
    "The regulator said websites must ask visitors for consent before they set advertising cookies, and fined two publishers.",
    "We love these cookies: they keep for a week in a tin and taste even better on the second day.",
    "Regulators in Brussels want browsers to block third-party cookies by default from next year.",
    "Bake the cookies for twelve minutes, until the edges turn golden, then let them cool on a rack.",
    "Суд обязал сервис получать согласие пользователей перед установкой файлов cookie, сообщил регулятор.",
]


# Notices in place of content embedded from another site.
EMBED_NOTICES = [
    "Empfohlener redaktioneller Inhalt",
    "An dieser Stelle findet Ihr einen externen Inhalt von Instagram, der den Artikel ergänzt. Ihr könnt ihn Euch mit einem Klick anzeigen lassen.",
    "This content is imported from Instagram. You may be able to find the same content in another format, or you may be able to find more information, at their web site.",
    "Для просмотра внешнего контента необходимо ваше согласие.",
    "Harici içeriği görüntülemek için onayınız gerekiyor.",
    # A box's heading that names privacy, the site and the reader.
    "We value your privacy",
    "Wir respektieren deine Privatsphäre",
    "Мы ценим вашу конфиденциальность",
]
ABOUT_EMBEDS = [
    "The platform said it would remove external content that violates its rules within a day.",
    "Регулятор потребовал удалять внешний контент, нарушающий закон, в течение суток.",
]


@pytest.mark.parametrize("text", EMBED_NOTICES)
def test_notices_in_place_of_embedded_content_go(text):
    doc = page(*ARTICLE_EN[:2], text, *ARTICLE_EN[2:])
    assert rules_of(doc)[text] == "consent_notice"
    assert all(paragraph in doc.text for paragraph in ARTICLE_EN[1:])


@pytest.mark.parametrize("text", ABOUT_EMBEDS)
def test_sentences_about_external_content_stay(text):
    from pipeline.clean.consent import _embed_notice

    assert not _embed_notice(text)


@pytest.mark.parametrize("text", NOTICES)
def test_consent_notices_in_the_users_languages(text):
    assert consent_notice(text)


@pytest.mark.parametrize("text", ABOUT_COOKIES)
def test_sentences_about_cookies_are_no_notice(text):
    assert not consent_notice(text)


def test_a_notice_and_its_box_go_from_a_text_dump_and_the_article_stays():
    """The sentence about cookies beside the notice speaks to no one: it stays."""
    box = [
        "This website uses cookies to improve your experience while you navigate through the website.",
        "Necessary cookies are absolutely essential for the website to function properly.",
        "11 months",
        "You can withdraw your consent at any time via the cookie settings.",
    ]
    article = [*ARTICLE_EN, ABOUT_COOKIES[0]]
    doc = page(*article, *box)
    removed = rules_of(doc)
    assert all(line in removed for line in box)
    assert removed[box[0]] == removed[box[3]] == "consent_notice"
    assert all(paragraph in doc.text for paragraph in article[1:])


def test_a_notice_goes_from_an_html_page():
    from pipeline.options import Options
    from pipeline.read import read_bytes
    from pipeline.runner import process_document

    paragraphs = [PARA_EN.replace("Tuesday", day) for day in ("Monday", "Tuesday", "Wednesday")]
    notice = NOTICES[1]
    html = (
        "<html><head><title>New rules for companies</title></head><body><article><h1>New rules for companies</h1>"
        + "".join(f"<p>{p}</p>" for p in paragraphs)
        + f"<p>{notice}</p></article></body></html>"
    )
    options = Options(format="html")
    doc = process_document(read_bytes(html.encode(), source="page.html", options=options), options)
    assert all(p in doc.text for p in paragraphs)
    assert notice not in doc.text


def test_a_page_about_privacy_keeps_its_sentences_of_consent():
    """A privacy policy's paragraphs on cookies are its text: a title that names privacy or cookies turns the rule off."""
    from pipeline.clean.consent import mark_notices
    from pipeline.clean.features import fold

    lines = [PARA_EN, NOTICES[0], "Google, as a third-party vendor, uses cookies to serve ads on our site; you may opt out of the DART cookie."]
    folded = [fold(line) for line in lines]
    found: dict[int, str] = {}
    mark_notices(lines, folded, found)
    assert found == {1: "consent_notice", 2: "consent_notice"}
    for title in ("Privacy Policy", "Datenschutzerklärung", "Политика конфиденциальности", "Cookie-Richtlinie"):
        found = {}
        mark_notices(lines, folded, found, title)
        assert found == {}, title
    found = {}
    mark_notices(lines, folded, found, "Fed policy: rates stay on hold")
    assert found == {1: "consent_notice", 2: "consent_notice"}
