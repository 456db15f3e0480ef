"""The furniture rules for HTML blocks (pipeline/clean/html_blocks.py)."""

import pytest
from inline_pages import ARTICLE_EN, clean_lines


@pytest.mark.parametrize(
    "text, rule",
    [
        ("Lea también: Impiden ingreso a Nicaragua a reportero estadounidense", "read_more"),
        ("(También puede leer: El Congreso aprueba la reforma tributaria)", "read_more"),
        ("También: ( Candidatos presidenciales rezagados)", "read_more"),
        ("À lire aussi » Quel est votre profil digestif ?", "read_more"),
        ("Lesen Sie auch: Diese drei Sternzeichen verschenken ihr Herz", "read_more"),
        ("Читайте также: В Баку прошёл форум", "read_more"),
        ("Schon gelesen?", "read_more"),
        (">> Wegen Corona: Beliebtes Lokal auf Mallorca schließt <<", "read_more"),
        ("Never miss the latest news by signing up to our newsletter today!", "social"),
        ("Síguenos en Telegram, Instagram, Facebook y Twitter para recibir las noticias", "social"),
        ("Follow The Daily Example on Twitter and Instagram @example.", "social"),
        ("To view the full story, please subscribe to The Daily Example.", "paywall"),
        ("Pour lire la suite et accéder gratuitement à 3 articles par mois, créez votre compte", "paywall"),
        ("Anzeige, enthält Affiliate Links", "advertising"),
        ("This post contains references to products from one or more of our advertisers.", "advertising"),
        ("Every item on this page was chosen by an editor. We may earn commission on some of the items you choose to buy.", "advertising"),
        ("As an Amazon Associate I earn from qualifying purchases.", "advertising"),
        ("Products are chosen independently by our editors. Purchases made through our links may earn us a commission.", "advertising"),
        ("Si vous achetez via nos liens, nous pouvons percevoir une commission.", "advertising"),
        ("This post contains affiliate links. Click here to read my full disclosure.", "advertising"),
        ("Dieser Artikel enthält Affiliate-Links und/oder werbende Inhalte.", "advertising"),
        ("WERBUNG für Plantur Farbshampoo", "advertising"),
        ("To read the rest of this story subscribe to The Daily Example.", "paywall"),
        ("Wir wollen unsere Themen nicht hinter einer Bezahlschranke verstecken. Unterstütze uns!", "paywall"),
        ("Aktualisiert am 17.01.2021.", "dateline"),
        ("Last modified: 03-10-2004 2:20pm", "dateline"),
        ("Stand des Artikels: 26. Februar 2020, 12:30 Uhr.", "dateline"),
        ("Last Updated: December 15th 2025", "dateline"),
        ("Posted by K A at 12:11 PM", "dateline"),
        ("Last updated 2 days ago", "dateline"),
    ],
)
def test_html_furniture_rules(text, rule):
    from pipeline.clean.html_blocks import furniture_rule
    from pipeline.document import Block

    assert furniture_rule(Block(text=text, kind="p")) == rule


@pytest.mark.parametrize(
    "text",
    [
        "»Wie bringe ich Studierende dazu, im Hörsaal Fragen zu stellen?«",
        "Werbung nervt. Tracking nervt. Und gerade mobil habe ich keine Zeit für Banner.",
        "Vor zehn Jahren war Twitter das neue heiße Ding, so dass ich einen Twitter-Einstieg schrieb.",
        "Follow these steps for a first meditation:",
        ">>> def foo(bar=[]): bar.append('baz')",
        "Veröffentlicht am 16.08.2019 Dauer: 1 Stunde 4 Minuten Lizenz: CC-BY 4.0 Downloads: 22.273",
        "El Gobierno publicó el decreto el lunes tras una larga negociación con los sindicatos.",
        "También, la ministra dijo: no habrá cambios en la reforma.",
        "Brokers earn commissions on every sale, and the new rules cap them at three percent of the price.",
        # Sentences that name advertising without being the page's own disclosure.
        "Einige Internetnutzer fragten, ob er versuche, im Vorfeld der Parlamentswahlen Werbung für sich zu machen.",
        "To measure the outcomes of these partnerships, implement affiliate links, UTM tracking and discount codes.",
        "Sponsored content, in which one business posts its own content on a different website, is a common method.",
        "Der Verlag hat seine Bezahlschranke im Sommer auf alle Regionalausgaben ausgeweitet, sagte die Sprecherin.",
        "As always, thank you for taking the time to read this and see you next week.",
        # A date label's word opening a sentence or a heading, with no date after it.
        "Datum der Wahl ist der 15. September.",
        "Updated maps show the flood zone.",
        "Date, time, and number formatting",
        # A sentence longer than a call that mentions a newsletter, signing up or donating is the article's.
        "Twelve people signed up for my newsletter in the past week, and I have done absolutely nothing to welcome them.",
        "Zum Jahresende können Leser den Verein mit einer Spende unterstützen, sagte die Vorsitzende; wer sich für den Newsletter anmeldet, erfährt mehr.",
        "Редакция напомнила, что оформить подписку на районную газету можно в любом почтовом отделении до конца месяца.",
    ],
)
def test_html_content_is_not_furniture(text):
    from pipeline.clean.html_blocks import furniture_rule
    from pipeline.document import Block

    assert furniture_rule(Block(text=text, kind="p")) is None


def test_box_of_other_articles_ends_the_article_but_a_share_paragraph_does_not():
    from pipeline.clean import clean
    from pipeline.document import Block, Document

    prose = [Block(text=p, kind="p") for p in ARTICLE_EN[1:]]
    doc = Document(source="x.html", format="html")
    doc.blocks = (
        prose[:2]
        + [Block(text="Artikel teilen", kind="p")]
        + prose[2:]
        + [Block(text="Weitere Artikel zum Thema", kind="h"), Block(text="Stadtrat beschließt Haushalt", kind="li")]
    )
    clean(doc)
    assert [r.rule for r in doc.removed] == ["social", "related_section", "related_section"]
    for paragraph in ARTICLE_EN[1:]:
        assert paragraph in doc.text


def test_a_row_of_platforms_is_social_but_a_sentence_naming_them_is_the_article():
    from pipeline.clean.html_blocks import furniture_rule
    from pipeline.document import Block

    assert furniture_rule(Block(text="Facebook · Twitter · WhatsApp · Telegram", kind="p")) == "social"
    sentence = "Бренды продают товары через Instagram, Facebook и TikTok, а оплата проходит прямо в приложении."
    assert furniture_rule(Block(text=sentence, kind="p")) is None


def test_html_heading_over_a_teaser_box_above_the_article_does_not_end_it():
    from pipeline.clean import clean
    from pipeline.document import Block, Document

    teaser = [Block(text=p, kind="p") for p in ARTICLE_EN[1:3]]
    article = [Block(text=f"{p} {p}", kind="p") for p in ARTICLE_EN[1:]] + [Block(text=f"{p} {p} {p}", kind="p") for p in ARTICLE_EN[1:]]
    doc = Document(source="x.html", format="html")
    doc.blocks = teaser + [Block(text="Related Posts", kind="h")] + article
    clean(doc)
    assert not any(r.rule == "related_section" for r in doc.removed)
    for paragraph in ARTICLE_EN[1:]:
        assert paragraph in doc.text


@pytest.mark.parametrize(
    "heading, ends",
    [
        ("Empfohlene Artikel", True),
        ("Empfohlene Beiträge aus der Redaktion", True),
        # The placeholder of an embed waiting for consent ("recommended editorial content"): the article goes on under it.
        ("Empfohlener redaktioneller Inhalt", False),
    ],
)
def test_a_heading_word_opens_a_box_only_as_a_whole_word(heading, ends):
    from pipeline.clean.html_blocks import ends_article
    from pipeline.document import Block

    assert bool(ends_article(Block(text=heading, kind="h"))) is ends


@pytest.mark.parametrize(
    "text",
    [
        "By signing up, you agree to receive recurring automated SMS marketing messages at the number provided.",
        "By clicking Sign Me Up, you confirm you are 16+ and agree to our Terms of Use and Privacy Policy.",
        "By entering your email address you agree to our Terms of Use and Privacy Policy.",
        "Mit der Anmeldung stimmen Sie unserer Datenschutzerklärung zu.",
        "En vous inscrivant, vous acceptez notre politique de confidentialité.",
        "Подписываясь на рассылку, вы соглашаетесь с политикой конфиденциальности.",
        "Підписуючись на розсилку, ви погоджуєтеся з політикою конфіденційності.",
        "Bültenimize abone olarak gizlilik politikamızı kabul etmiş olursunuz.",
        "Bülletenə abunə olmaqla məxfilik siyasətimizlə razılaşırsınız.",
        "The best of the Daily Herald, delivered to your inbox every morning",
        "Like this article? Subscribe to our blog and have great insights delivered to your inbox weekly.",
    ],
)
def test_a_sign_up_forms_small_print_and_a_newsletters_pitch_go(text):
    from pipeline.clean.html_blocks import furniture_rule
    from pipeline.document import Block

    assert furniture_rule(Block(text=text, kind="p")) == "social"
    removed = {r.text: r.rule for r in clean_lines([*ARTICLE_EN[:3], text, *ARTICLE_EN[3:]]).removed}
    assert removed == {text: "social"}  # in a text dump too


@pytest.mark.parametrize(
    "text",
    [
        "By providing customers with relevant deals, businesses can improve customer loyalty.",
        "Phishing mails delivered to your inbox often look as if your bank had sent them.",
        "By clicking on these links, readers reach the council's own page about the flood defences.",
        "Twelve people signed up for my newsletter in the past week, excited enough to give me their address, and I agree they deserve a welcome.",
    ],
)
def test_an_articles_sentences_about_signing_up_or_mail_stay(text):
    from pipeline.clean.html_blocks import furniture_rule
    from pipeline.document import Block

    assert furniture_rule(Block(text=text, kind="p")) is None


def test_small_print_that_names_cookies_is_a_consent_notice():
    from pipeline.clean.html_blocks import signs_up

    assert not signs_up("By clicking Accept Cookies, you agree to our use of cookies and other tracking technologies.")
    notice = "En cliquant sur « Tout accepter », vous acceptez que le site et les tiers utilisent des cookies."
    assert {r.text: r.rule for r in clean_lines([*ARTICLE_EN[:3], notice, *ARTICLE_EN[3:]]).removed} == {notice: "consent_notice"}


@pytest.mark.parametrize("heading", ["Related Posts:", "Auch interessant", "Latest News", "Похожие новости", "Схожі новини", "İlgili Haberler", "Oxşar xəbərlər", "მსგავსი სიახლეები", "많이 본 뉴스"])
def test_a_section_heading_that_does_not_end_the_article_goes_alone(heading):
    from pipeline.clean import clean
    from pipeline.document import Block, Document

    # A paragraph, not a heading element: it ends nothing, and the article around it stays.
    doc = Document(source="x.html", format="html")
    doc.blocks = [Block(text=p, kind="p") for p in ARTICLE_EN[1:3]] + [Block(text=heading, kind="p")] + [Block(text=p, kind="p") for p in ARTICLE_EN[3:]]
    clean(doc)
    assert {r.text: r.rule for r in doc.removed} == {heading: "section_heading"}


def test_an_advertising_disclosures_label_and_a_pitch_for_new_posts():
    from pipeline.clean.html_blocks import furniture_rule
    from pipeline.document import Block

    assert furniture_rule(Block(text="Advertising Disclosure", kind="h")) == "advertising"
    assert furniture_rule(Block(text="Advertising revenue fell by a third last year, the company said.", kind="p")) is None
    assert furniture_rule(Block(text="Receive new posts directly delivered to your inbox", kind="p")) == "social"
