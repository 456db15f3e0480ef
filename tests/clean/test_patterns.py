"""The multilingual line patterns (pipeline/clean/patterns.py)."""

import sys
from pathlib import Path

import pytest

from pipeline.clean.patterns import button_or_headline, label_rule, section_end_kind

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "data" / "html_pages"))
from languages import PAGES as LANGUAGE_PAGES  # noqa: E402


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


# Each notice, and a news sentence that holds the notice's words: the sentence is the article's.
NOTICES_AND_NEWS = [
    ("Copyright NOW Grenada", "copyright"),
    ("Copyright modabot 2014. modabot ist nicht verantwortlich für den Inhalt externer Links.", "copyright"),
    ("Copyright Adorama Camera, Inc. All rights reserved.", "copyright"),
    ("(c) Wiley-VCH", "copyright"),
    ("Copyright holders say the new rules will make it harder to sue platforms that host pirated films.", None),
    ("(c) It is not obvious that any given pointer is valid.", None),
    ("Augusta National/Getty Images", "photo_credit"),
    ("Protesters gather in front of the parliament in Tbilisi on Monday. Reuters", "photo_credit"),
    ("John Smith Getty Images", "photo_credit"),
    ("The talks collapsed on Friday, according to Reuters.", None),
    ("Die Gespräche sind gescheitert, berichtet dpa.", None),
    ("Five people were killed, officials told AFP.", None),
    ("The views expressed in this article are those of the author.", "disclaimer"),
    ("The views expressed here do not necessarily reflect those of Example News.", "disclaimer"),
    ("Die Beiträge geben nicht unbedingt die Meinung der Redaktion wieder.", "disclaimer"),
    ("Мнение автора может не совпадать с позицией редакции.", "disclaimer"),
    ("The figures do not necessarily reflect the full picture, the report says.", None),
    ("Die Zahlen geben nicht unbedingt das ganze Bild wieder, sagte der Forscher.", None),
    ("The opinions expressed at the hearing varied widely.", None),
    ("Der Beitrag wurde am 27. November 2019 um 15:21 Uhr veröffentlicht und wurde unter News abgelegt.", "post_meta"),
    ("Dieser Eintrag wurde veröffentlicht in Podcast und verschlagwortet mit berlin. Permanentlink.", "post_meta"),
    ("3. August 2015 · Filed under ziemlich privat", "post_meta"),
    ("Filed under: Politics", "post_meta"),
    ("Die Studie wurde am Dienstag in der Fachzeitschrift Nature veröffentlicht.", None),
    ("Das Urteil wurde veröffentlicht in einer Mitteilung des Gerichts.", None),
    ("The lawsuit, filed under the False Claims Act, accuses the company of overbilling Medicare.", None),
]


@pytest.mark.parametrize("line, rule", NOTICES_AND_NEWS)
def test_notices_and_the_news_sentences_that_hold_their_words(line, rule):
    assert label_rule(line) == rule


@pytest.mark.parametrize("heading", ["What do you think?", "İlgili Haberler", "İLGİLİ HABERLER", "ilgili haberler"])
def test_section_headings_match_after_folding(heading):
    # "?" is stripped before the phrase is looked up; Turkish "İ" folds to a plain "i".
    assert section_end_kind(heading)


def test_label_rules():
    assert label_rule("Follow us on Twitter @SomeNews") == "social"
    assert label_rule("Facebook | Twitter | WhatsApp") == "social"
    assert label_rule("Skip to main content") == label_rule("본문 바로가기") == label_rule("İçeriğe geç") == "skip_link"
    assert label_rule("Skip to the good part of the story") is None  # a heading of the article
    assert label_rule("Go to Contents Go to Navigation") == label_rule("Skip to content | Skip to navigation") == "skip_link"
    assert label_rule("Go to the article about the new bridge") is None
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
        "The scooter's brake design makes it stop incredibly fast. Credit: Matt Lighthart",
        "Shot on the Canon R5. Photo Credit: Alec Sills-Trausch",
        "Президент провел встречу с делегацией в Баку. Фото: ТАСС",
        "Justice Raquel Montoya-Lewis speaks on Jan. 6, 2020, in Olympia, Washington. (AP Photo/Ted S. Warren)",
    ):
        assert label_rule(caption) == "photo_caption", caption
    assert label_rule("Image Credit: Pexels") == label_rule("Bildnachweis: Stadt Köln") == "photo_credit"
    # A colon after "credit" in a sentence is no credit.
    assert label_rule("Customers with good credit: they paid lower rates than the rest last year.") is None
    assert label_rule("Source: Construction Coverage analysis of Redfin data | Image Credit: Construction Coverage") is None
    # "Photographs by" is a credit too (the photo-credit rule takes it first).
    assert label_rule("The harbour at dawn on the first day of the festival. Photographs by Anna Lee") == "photo_credit"
    # A source the article cites is not a credit.
    assert label_rule("Die Arbeitslosenquote stieg im Mai auf 5,8 Prozent (Quelle: Statistisches Bundesamt).") is None
    for meta in (
        "This entry was posted in News. Bookmark the permalink.",
        "Der Beitrag wurde am Mittwoch, den 27. November 2019 um 15:21 Uhr veröffentlicht und wurde unter Allgemein abgelegt.",
        "Eingestellt von Anna um 21:11",
        "Esta entrada se publicó en Noticias y etiquetada como Portada.",
        "Tags: politics, economy",
        "Schlagwörter: Schule, Bildung",
        "Views: 1,234",
        "1,693 views",
    ):
        assert label_rule(meta) == "post_meta", meta
    # A day is no tag ("Tag" is German for day), a label needs its colon, and a sentence about views is no counter.
    assert label_rule("Tag: Samstag, 5. Mai") is None
    assert label_rule("Tags") is None
    assert label_rule("Views of the river from the new bridge") is None
    # "Ctrl+Enter" in an article on keyboard shortcuts is no error-report form.
    assert label_rule("Press Ctrl+Enter to send the message.") is None
    assert label_rule("Found a typo? Select it and press Ctrl+Enter") == "comment_form"
    # A row of buttons is a share bar; a network's name heading a sentence is not ("Telegram blocked in Russia").
    for bar in ("Facebook Twitter E-Mail", "Print | Share", "Email Address", "Facebook Opens in a new tab", "Share 0", "X"):
        assert label_rule(bar) == "social", bar
    for line in ("Telegram blocked in Russia", "Share prices fell sharply", "Print media is dying in Europe",
                 "Instagram arbeitet an neuer Videofunktion für Stories", "Share of homes that sold above asking (2024)"):
        assert label_rule(line) is None, line
    # One button and words that are neither buttons nor a label's may be a subheading (furniture.py looks at its neighbours).
    for line in ("Twitter sues Musk", "Print edition ends", "공유 경제 확산"):
        assert label_rule(line) == "social" and button_or_headline(line), line
    for bar in ("Share Article", "Email Address", "E-Mail (required)", "Facebook Twitter", "X (Twitter)", "Print this page", "Follow us on Instagram"):
        assert not button_or_headline(bar), bar
    # A sentence that starts with the word for "sources" is no source credit.
    assert label_rule("Источники в правительстве сообщили о новых мерах") is None
    assert label_rule("***") == "symbols"
    assert label_rule("The council met on Tuesday.") is None


def test_section_end_headings_in_several_languages():
    for heading in ("See also", "Читайте также", "Lire aussi :", "Das könnte Sie auch interessieren", "12 Kommentare", "관련기사",
                    "Lesen Sie auch:", "Veja também", "Articles les plus lus", "Новости партнёров", "Новини партнерів", "Теги:",
                    "კომენტარის დატოვება", "Մեկնաբանել", "태그"):
        assert section_end_kind(heading), heading
    assert not section_end_kind("Relations between the two countries improved")
    # A comment thread titled after the post.
    assert section_end_kind("12 thoughts on “Why the bridge is late”")
    assert section_end_kind("Eine Antwort zu „Die neue Brücke“")
    assert not section_end_kind("One of the best bridges in the country")


@pytest.mark.parametrize(
    "related, comments",
    [
        ("Saistītie raksti", "Komentāri"),  # Latvian
        ("Susiję straipsniai", "Komentarai"),  # Lithuanian
        ("Loe ka", "Kommentaarid"),  # Estonian
        ("Související články", "Komentáře"),  # Czech
        ("Kapcsolódó cikkek", "Hozzászólások"),  # Hungarian
        ("Citește și", "Comentarii"),  # Romanian
        ("Още по темата", "Коментари"),  # Bulgarian
        ("Pročitajte još", "Komentari"),  # Croatian
        ("Чытайце таксама", "Каментары"),  # Belarusian
        ("Σχετικά άρθρα", "Σχόλια"),  # Greek
        ("O'xshash yangiliklar", "Izohlar"),  # Uzbek
        ("اقرأ أيضاً", "تعليقات"),  # Arabic
    ],
)
def test_related_and_comment_headings_in_more_languages(related, comments):
    from pipeline.clean.article_end import is_comment_heading
    from pipeline.clean.patterns import story_box_heading

    assert section_end_kind(related) and story_box_heading(related) and not is_comment_heading(related)
    assert section_end_kind(comments) and not story_box_heading(comments) and is_comment_heading(comments)


def test_story_box_headings_are_the_section_headings_over_other_stories():
    from pipeline.clean.patterns import story_box_heading

    for line in ("Most read", "Mehr aus dem Ressort", "Related Posts:", "Más noticias", "Don't miss", "Most shared"):
        assert story_box_heading(line) and section_end_kind(line), line
    for line in ("Newsletter", "2 Kommentare", "Leave a Reply", "Tags", "Themen", "3 Responses to “A title”", "Share this",
                 "Etiquetas:", "Stichworte", "Мітки"):
        assert not story_box_heading(line) and section_end_kind(line), line


def test_a_story_box_heading_may_name_its_topic_column_or_site():
    from pipeline.clean.patterns import story_box_heading

    for line in ("Beliebte Beiträge zum Thema:", "Die meistgelesenen Artikel bei SWR.de/Sport", "Weitere Beiträge aus der Kolumne:",
                 "WEITERE BEITRÄGE ZU", "Другие новости по теме", "Інші новини з регіону", "More stories from Baku", "Digər xəbərlər üzrə"):
        assert story_box_heading(line) and section_end_kind(line), line
    # A heading of one word ("Popular", "Latest") with a name after it may be the article's own; more than
    # QUALIFIER_MAX_WORDS after the joining word is a headline.
    for line in ("Popular in Tech", "Latest news on the war in Ukraine and its neighbours", "Related posts about cats and dogs here",
                 "Comments on the draft law"):
        assert not section_end_kind(line), line


@pytest.mark.parametrize(
    "text", ["Home > News > World", "Home page Society", "Home | Blog", "Startseite / Politik", "Главная Политика", "홈 정치 경제", "Startseite Über uns"]
)
def test_breadcrumbs_are_breadcrumbs(text):
    from pipeline.clean import patterns, rules

    assert patterns.is_breadcrumb(text) and rules.BREADCRUMB == "breadcrumb"


@pytest.mark.parametrize(
    "text",
    [
        "Главная проблема, по словам министра, заключается в нехватке кадров.",
        "홈 쇼핑 업체들의 매출이 지난해보다 크게 늘었다.",
        "Inicio de clases se retrasa por la lluvia",
        "Accueil des réfugiés : la mairie ouvre un centre",
        "Главная новость дня",
    ],
)
def test_a_sentence_or_headline_that_starts_with_a_home_word_is_no_breadcrumb(text):
    from pipeline.clean import patterns

    assert not patterns.is_breadcrumb(text)
    assert patterns.label_rule(text) is None


@pytest.mark.parametrize("text", ["Home Security", "Home Gym Setup for $500", "Home buyer's insurance guide", "Home & Camp Butane Stove"])
def test_a_heading_that_starts_with_home_is_no_breadcrumb(text):
    from pipeline.clean import patterns

    assert not patterns.BREADCRUMB.match(text)


@pytest.mark.parametrize("lang", sorted(LANGUAGE_PAGES))
def test_related_and_comment_headings_in_the_users_languages(lang):
    """A news page's "Read also"/"Similar news" heading, its comment count heading and its comment form's label end the article, in each language users scrape."""
    from pipeline.clean.article_end import is_comment_heading

    page = LANGUAGE_PAGES[lang]
    assert section_end_kind(page["related_heading"]), page["related_heading"]
    assert section_end_kind(page["comments_heading"]), page["comments_heading"]
    assert is_comment_heading(page["comments_heading"]), page["comments_heading"]
    assert is_comment_heading(page["form_label"]), page["form_label"]


@pytest.mark.parametrize(
    "line, rule",
    [
        ("ყველა უფლება დაცულია", "copyright"),
        ("Բոլոր իրավունքները պաշտպանված են", "copyright"),
        ("Барлық құқықтар қорғалған", "copyright"),
        ("Усі права захищені", "copyright"),
        ("Читати далі", "read_more"),
        ("ვრცლად", "read_more"),
        ("Մանրամասն", "read_more"),
        ("Толығырақ", "read_more"),
        ("Click to expand...", "read_more"),  # a forum's quote, cut short
        ("Beitragsbild: Titelseite der FAZ vom 2.4.2019, Ausriss.", "photo_credit"),  # a post's lead image
        ("Featured image by Alberto Riva/The Points Guy.", "photo_credit"),
        ("Cover photo shows the team in 1998", None),
        ("Photo courtesy of Noble Desktop", "photo_credit"),
        ("Image courtesy: the museum", "photo_credit"),
        ("Getty Images / Holger Leue", "photo_credit"),  # the agency first, then the photographer
        ("Reuters/Ipsos poll shows the mayor ahead", None),  # a headline that names a poll
        ("Source: statista.com", "photo_credit"),  # under a chart
        ("Fuente: Banco Central", "photo_credit"),
        ("Source of the river found in the hills", None),
        ("Fonte: IBGE", "photo_credit"),
        # A blog's links to the post before and after, in the users' languages too.
        ("Older Post", "read_more"),
        ("Previous Post: How to plant tomatoes", "read_more"),
        ("← Vorheriger Beitrag", "read_more"),
        ("Следующая статья", "read_more"),
        ("Наступна новина", "read_more"),
        ("Önceki haber", "read_more"),
        ("Növbəti xəbər", "read_more"),
        ("Келесі жаңалық", "read_more"),
        ("შემდეგი სიახლე", "read_more"),
        ("Նախորդ նորությունը", "read_more"),
        ("이전글", "read_more"),
        ("Next, the council voted on the budget.", None),
        ("Previous articles on the topic got the figures wrong", None),
        # A dump that glues the link's label to the title it names; the heading WordPress puts over the links.
        ("Vorheriger BeitragNeuerscheinung: Klaus Seidl, „Gesetzliche Revolution“", "read_more"),
        ("Следующая статьяВласти объявили о новом бюджете", "read_more"),
        ("Next postsare what the editor chose", None),
        ("Beitrags-Navigation", "read_more"),
        ("Post navigation", "read_more"),
        ("Навигация по записям", "read_more"),
        ("Навігація записів", "read_more"),
        ("Yazı gezinmesi", "read_more"),
        ("Navigation was hard in the fog, the captain said.", None),
        # A blog's pager (Blogger's, in its translations) and its "Labels:".
        ("Newer Post Older Post Home", "read_more"),
        ("Neuerer Post Älterer Post Startseite", "read_more"),
        ("Sonraki Kayıt Önceki Kayıt Ana Sayfa", "read_more"),
        ("Newer Posts Older Posts", "read_more"),
        ("Next post home for the holidays is late", None),
        ("Labels: Jam Hsiao, Mandarin", "post_meta"),
        # WordPress's comment form: "Cancel reply", "You must be logged in to post a comment." in its translations.
        ("Leave a Reply Cancel reply", "comment_form"),
        ("Kommentar verfassen Antworten abbrechen", "comment_form"),
        ("Du musst angemeldet sein, um einen Kommentar abzugeben.", "comment_form"),
        ("Vous devez être connecté pour publier un commentaire.", "comment_form"),
        ("Добавить комментарий Отменить ответ", "comment_form"),
        ("Для отправки комментария вам необходимо авторизоваться.", "comment_form"),
        ("Додати коментар Скасувати відповідь", "comment_form"),
        ("Yanıt yaz Yanıtı iptal et", "comment_form"),
        ("Yorum yapabilmek için oturum açmalısınız.", "comment_form"),
        ("The court may cancel replies to the summons, the judge said.", None),
        # WordPress.com's (Jetpack's) comment form.
        ("Enter your comment here...", "comment_form"),
        ("You are commenting using your WordPress.com account. ( Log Out / Change )", "comment_form"),
        ("Gib hier deinen Kommentar ein ...", "comment_form"),
        ("Du kommentierst mit Deinem Twitter-Konto. ( Abmelden / Ändern )", "comment_form"),
        ("E-Mail (erforderlich) (Adresse wird niemals veröffentlicht)", "comment_form"),
        ("Informiere mich über neue Beiträge per E-Mail.", "comment_form"),
        ("Вы комментируете, используя свою учётную запись WordPress.com.", "comment_form"),
        ("The minister declined to comment on the report.", None),
        # A post's meta line that ends with its comment count.
        ("19.6.2007 9:40 Uhr Christoph Becker 71 Kommentare", "post_meta"),
        ("12.03.2024 14:05 | 5 комментариев", "post_meta"),
        ("In 2020 the ministry received 300 comments", None),
        # A caption that ends with a picture agency's credit, or with "Kuva:" (Finnish).
        ("Das Hermelin ist im Winter mit seinem weißen Fell gut getarnt. (mlharing / iStock.com)", "photo_caption"),
        ("Pääministeri Sanna Marin keskusteli keskiviikkona Berliinissä liittokanslerin kanssa. Kuva: ALEXANDER BECHER", "photo_caption"),
        ("Artikel teilen", "social"),
        ("Gefällt mir Wird geladen …", "placeholder"),  # a blog's like button before its counter loads
        ("Нравится Загрузка...", "placeholder"),
        ("Like the truck loading...", None),
        ("Möchten Sie den Artikel teilen?", "social"),
        ("Teile diesen Beitrag", "social"),
        ("Bu haberi paylaş", "social"),
        ("Artikel teilen sich die Seite mit Werbung", None),
        ("Нажмите для раскрытия...", "read_more"),
        ("Click to expand the map of the region where the fires burned.", None),
        ("Поділитися", "social"),
        ("გაზიარება", "social"),
        ("Կիսվել", "social"),
        ("Бөлісу", "social"),
        ("Հետևեք մեզ", "social"),  # casefolding spells "և" as "եւ"
        ("Головна / Політика", "breadcrumb"),
        ("მთავარი / პოლიტიკა", "breadcrumb"),
        ("Գլխավոր › Քաղաքականություն", "breadcrumb"),
        ("Басты бет / Саясат", "breadcrumb"),
        ("ფოტო: საქართველოს მთავრობა", "photo_credit"),
        ("Լուսանկարը՝ Armenpress", "photo_credit"),
        ("Сурет: Kazinform", "photo_credit"),
        ("사진=연합뉴스", "photo_credit"),  # Korean credits write "="
        ("(자료사진=뉴스1)", "photo_credit"),
        ("서울 시청 앞 광장에서 시민들이 행진하고 있다. (사진=연합뉴스)", "photo_caption"),
        ("사진으로 보는 오늘의 뉴스", None),
        ("Ваша e-mail адреса не оприлюднюватиметься. Обов'язкові поля позначені *", "comment_form"),
        ("E-posta adresiniz yayınlanmayacak. Gerekli alanlar * ile işaretlenmişlerdir", "comment_form"),
        ("E-poçt ünvanınız dərc olunmayacaq.", "comment_form"),
        ("이메일 주소는 공개되지 않습니다. 필수 필드는 *로 표시됩니다", "comment_form"),
        ("O seu endereço de email não será publicado. Campos obrigatórios são marcados com *", "comment_form"),
        ("Twój adres e-mail nie zostanie opublikowany. Wymagane pola są oznaczone *", "comment_form"),
        ("メールアドレスが公開されることはありません。 ※ が付いている欄は必須項目です", "comment_form"),
        ("您的邮箱地址不会被公开。 必填项已用 * 标注", "comment_form"),
        ("Vaše e-mailová adresa nebude zveřejněna. Vyžadované informace jsou označeny *", "comment_form"),
        ("Sähköpostiosoitettasi ei julkaista. Pakolliset kentät on merkitty *", "comment_form"),
        ("Jūsu e-pasta adrese netiks publicēta. Obligātie lauki ir atzīmēti kā *", "comment_form"),
        ("Press Ctrl+Enter to run the cell; if there is an error, the output shows it.", None),
        ("Iezīmējiet tekstu un spiediet Ctrl+Enter, lai nosūtītu labojamo teksta fragmentu redaktoram!", "comment_form"),
        ("Думка автора може не збігатися з позицією редакції", "disclaimer"),
        # "Main", "chief": a home word that is an everyday word is a trail only with a separator.
        ("მთავარი პროკურატურა იძიებს საქმეს", None),
        ("Գլխավոր դատախազը հայտարարեց", None),
        ("Головна подія тижня", None),
        # What a script fills in when the page loads; a sentence that starts with the word, or the word alone, is not.
        ("Loading...", "placeholder"),
        ("Loading prices for your region…", "placeholder"),
        ("Загрузка...", "placeholder"),
        ("Завантаження…", "placeholder"),
        ("Wird geladen …", "placeholder"),
        ("Yükleniyor...", "placeholder"),
        ("Cargando banners ...", "placeholder"),
        ("Loading the truck at dawn took the crew three long hours...", None),
        ("Loading", None),
        ("Загрузка зерна в порту возобновилась в понедельник.", None),
    ],
)
def test_furniture_in_the_users_languages(line, rule):
    assert label_rule(line) == rule


@pytest.mark.parametrize("label", ["Реклама", "Reklam", "Жарнама", "რეკლამა", "Գովազդ", "광고", "Реклама:"])
def test_advertising_labels_in_the_users_languages(label):
    from pipeline.clean.html_blocks import furniture_rule
    from pipeline.document import Block

    assert furniture_rule(Block(text=label, kind="p")) == "advertising"
    # A sentence about advertising is the article's.
    assert furniture_rule(Block(text=f"{label.rstrip(':')} на телевидении дорожает, говорят эксперты.", kind="p")) is None


@pytest.mark.parametrize(
    "teaser",
    [
        "Həmçinin oxuyun: Bakıda yeni park açıldı",
        "ასევე წაიკითხეთ: თბილისში ახალი პარკი გაიხსნა",
        "Կարդացեք նաև՝ Երևանում նոր այգի է բացվել",  # Armenian's colon
        "Тағы оқыңыз: Астанада жаңа саябақ ашылды",
    ],
)
def test_read_also_teasers_in_the_users_languages(teaser):
    from pipeline.clean.html_blocks import furniture_rule
    from pipeline.document import Block

    assert furniture_rule(Block(text=teaser, kind="p")) == "read_more"


@pytest.mark.parametrize(
    "heading",
    ["Write a comment", "Discussion about this post", "Kommentieren", "Ajouter un commentaire", "Comentar", "Escribe un comentario",
     "Deixe seu comentário", "Comentários", "Commenta", "Добавить комментарий", "Коментувати", "Додати коментар", "Yorum ekle",
     "Şərh yaz", "Пікір жазу", "დაწერეთ კომენტარი", "Ավելացնել մեկնաբանություն", "댓글 쓰기"],
)
def test_a_comment_forms_heading_is_a_comments_heading(heading):
    """"Write / add a comment", or "Comment" as a verb, over a comment form: it ends the article as its comments do."""
    from pipeline.clean.article_end import is_comment_heading

    assert section_end_kind(heading) and is_comment_heading(heading), heading


@pytest.mark.parametrize("line", ["Comment", "Comments on the draft law", "Kommentar: Die Regierung irrt", "Комментарий эксперта"])
def test_a_column_or_a_headline_about_comments_is_no_comment_forms_heading(line):
    assert not section_end_kind(line), line
