"""Multilingual line patterns for page furniture.

Each pattern names a *kind* of furniture (a rule name recorded on removal),
never a particular site's sentence.  Patterns match whole short lines, so an
article sentence that merely mentions "comments" is never touched.
"""

from __future__ import annotations

import re
from functools import lru_cache

from . import rules
from .features import fold, lines_matching, tokenize

# Lines longer than this are prose, whatever words they contain: furniture
# labels ("Related Posts", "Leave a Reply") are short.  Longest label seen in
# the dev pages is ~60 characters ("Das könnte Sie auch interessieren:").
MAX_LABEL_CHARS = 80


# Headings that open a section of *other* content after the article:
# everything from such a heading on is not the article.
SECTION_END_PHRASES = [
    # English
    "related posts", "related articles", "related stories", "related news", "related content",
    "related", "see also", "popular", "most popular", "popular posts", "popular news",
    "most read", "most viewed", "latest", "latest news", "latest posts", "latest articles",
    "recent posts", "recent articles", "recent news", "editor's choice", "editors' choice",
    "editor’s choice", "editor's picks", "recommended", "recommended for you", "you may also like",
    "you might also like", "you may be interested in", "more stories", "more news", "more from",
    "more on this story", "more articles", "top stories", "trending", "trending now",
    "leave a reply", "leave a comment", "post a comment", "add a comment", "comments",
    "join the discussion", "what do you think", "read next", "up next", "further reading",
    "other news", "in other news", "also read", "also on", "around the web", "sponsored",
    "sponsored content", "from the web", "share this", "share this article", "share this post",
    "share on", "tags", "filed under", "about the author", "newsletter", "related coverage",
    "related links", "related reading", "related topics", "related videos", "read also", "explore further",
    "more like this", "more to explore", "don't miss", "most shared", "most commented", "recommended reading",
    "recommended stories", "suggested reading", "you might be interested in", "more from this author",
    "you might have missed", "you may have missed",
    # German
    "weitere artikel", "weitere beiträge", "weitere nachrichten", "ähnliche artikel",
    "ähnliche beiträge", "verwandte artikel", "verwandte beiträge", "das könnte sie auch interessieren",
    "das könnte dich auch interessieren", "auch interessant", "mehr zum thema", "mehr zu diesem thema",
    "meistgelesen", "meistgelesene artikel", "meist gelesen", "beliebte beiträge", "neueste beiträge",
    "neueste artikel", "aktuelle beiträge", "kommentare", "kommentar schreiben",
    "kommentar verfassen", "schreibe einen kommentar", "hinterlasse einen kommentar",
    "einen kommentar schreiben", "diesen artikel teilen", "beitrag teilen", "artikel teilen",
    "empfehlungen", "top-artikel", "schlagworte", "schlagwörter", "themen", "über den autor",
    "lesen sie auch", "lies auch", "siehe auch", "mehr dazu", "passend zum thema", "zum thema",
    "verwandte links", "verwandte themen", "ähnliche themen", "weitere themen", "meistgelesene",
    "die meistgelesenen artikel", "meistkommentiert", "empfehlungen der redaktion",
    "empfehlungen aus der redaktion", "das könnte dich interessieren", "das könnte sie interessieren",
    "das thema könnte dich auch interessieren", "das thema könnte sie auch interessieren",
    "hinterlasse eine antwort", "antwort hinterlassen", "ihre meinung", "ihre meinung zu diesem thema",
    "deine meinung", "weiterführende links", "weitere meldungen", "weitere news", "mehr aus dem ressort",
    # French
    "articles similaires", "articles liés", "à lire aussi", "a lire aussi", "lire aussi",
    "voir aussi", "les plus lus", "les plus populaires", "laisser un commentaire",
    "laissez un commentaire", "commentaires", "sur le même sujet", "dans la même rubrique",
    "derniers articles", "articles récents", "partager cet article", "à la une",
    "articles les plus lus", "articles correspondants", "articles en relation", "vos réactions",
    "à voir aussi", "a voir aussi", "lire également", "à lire également", "vous aimerez aussi",
    "sur le même thème", "dans la même catégorie",
    # Spanish / Portuguese / Italian
    "artículos relacionados", "noticias relacionadas", "lo más leído", "te puede interesar",
    "deja un comentario", "ver también", "comentarios", "artigos relacionados", "leia também",
    "mais lidas", "deixe um comentário", "comentários", "articoli correlati", "leggi anche",
    "i più letti", "lascia un commento", "commenti", "infórmate más", "informate más",
    "también te puede interesar", "te recomendamos", "lee también", "lea también", "temas relacionados",
    "más noticias", "lo más visto", "las más leídas", "veja também", "notícias relacionadas",
    "mais notícias", "saiba mais", "ti potrebbe interessare", "potrebbe interessarti", "notizie correlate",
    "vedi anche",
    # Dutch / Polish / Scandinavian
    "gerelateerde artikelen", "lees ook", "zie ook", "meer nieuws", "meest gelezen", "reacties", "zobacz też",
    "zobacz także", "czytaj także", "czytaj też", "podobne artykuły", "komentarze",
    "relaterade artiklar", "läs också", "kommentarer", "relaterte artikler", "les også",
    # Russian / Ukrainian / Azerbaijani / Turkish
    "читайте также", "читайте еще", "похожие новости", "похожие статьи", "популярное",
    "последние новости", "комментарии", "смотрите также", "другие новости", "новости по теме",
    "читайте також", "схожі новини", "коментарі", "інші новини", "digər xəbərlər",
    "son xəbərlər", "oxşar xəbərlər", "həmçinin oxuyun", "bu mövzuda", "ilgili haberler",
    "benzer haberler", "çok okunanlar", "son dakika", "yorumlar", "yorum yap", "diğer haberler",
    "en çok okunanlar", "bunlar da ilginizi çekebilir", "yorum yazın", "şərhlər", "şərh yazın", "ən çox oxunanlar",
    "самое читаемое", "популярные новости", "оставить комментарий", "популярне", "останні новини",
    "новини за темою", "залишити коментар", "новости партнеров", "новости партнёров", "материалы партнеров",
    "партнерские материалы", "новини партнерів", "матеріали партнерів",
    "теги", "тэги", "метки", "мітки", "etiketler", "teqlər", "etiketlər",
    # Kazakh / Georgian / Armenian (looked up casefolded, which spells Armenian's "և" as "եւ")
    "ұқсас жаңалықтар", "тағы оқыңыз", "сондай-ақ оқыңыз", "соңғы жаңалықтар", "көп оқылған",
    "көп оқылғандар", "басқа жаңалықтар", "пікірлер", "пікір қалдыру", "ასევე წაიკითხეთ",
    "მსგავსი სიახლეები", "ბოლო სიახლეები", "სხვა სიახლეები", "ყველაზე კითხვადი", "კომენტარები",
    "დატოვეთ კომენტარი", "კომენტარის დატოვება", "თეგები", "ტეგები", "մեկնաբանել", "պիտակներ", "կարդացեք նաեւ", "նմանատիպ նյութեր", "նույն թեմայով",
    "վերջին լուրեր", "ամենաընթերցված", "այլ նորություններ", "մեկնաբանություններ", "թողնել մեկնաբանություն",
    # Baltic: Latvian / Lithuanian / Estonian
    "saistītie raksti", "līdzīgi raksti", "lasi arī", "lasiet arī", "komentāri", "populārākie", "jaunākās ziņas",
    "citas ziņas", "susiję straipsniai", "skaitykite taip pat", "komentarai", "skaitomiausi", "naujausios naujienos",
    "kitos naujienos", "seotud artiklid", "loe ka", "kommentaarid", "loetumad", "viimased uudised",
    # Czech / Slovak / Hungarian / Romanian / Finnish
    "související články", "čtěte také", "komentáře", "nejčtenější", "další články", "súvisiace články", "čítajte aj",
    "komentáre", "najčítanejšie", "kapcsolódó cikkek", "kapcsolódó hírek", "olvassa el ezt is", "hozzászólások",
    "legolvasottabb", "articole similare", "articole asemănătoare", "citește și", "citeste si", "comentarii",
    "cele mai citite", "lue myös", "kommentit", "luetuimmat", "aiheeseen liittyvät",
    # Bulgarian / Serbian / Croatian / Bosnian / Belarusian / Greek
    "още по темата", "коментари", "най-четени", "свързани новини", "прочетете още", "прочитајте још", "најчитаније",
    "povezane vijesti", "povezani članci", "pročitajte još", "komentari", "najčitanije", "чытайце таксама",
    "каментары", "іншыя навіны", "σχετικά άρθρα", "διαβάστε ακόμη", "διαβάστε επίσης", "σχόλια",
    # Uzbek / Arabic / Persian / Hebrew
    "o'xshash yangiliklar", "izohlar", "مقالات ذات صلة", "أخبار ذات صلة", "اقرأ أيضا", "اقرأ أيضاً", "تعليقات",
    "الأكثر قراءة", "مطالب مرتبط", "اخبار مرتبط", "نظرات", "پربازدیدترین", "כתבות נוספות", "תגובות", "עוד בנושא",
    # Korean / Japanese / Chinese
    "관련기사", "관련 기사", "태그", "많이 본 뉴스", "인기기사", "인기 기사", "댓글", "최신기사",
    "関連記事", "人気記事", "コメント", "おすすめ記事", "相关文章", "相关新闻", "热门文章",
    "热门新闻", "评论", "相關文章", "相關新聞", "推荐阅读",
    # The heading over a comment form: "write / add a comment", "Comment" as a verb
    "write a comment", "add your comment", "leave your comment", "discussion about this post", "loading comments",
    "kommentieren", "jetzt kommentieren", "kommentar hinzufügen", "kommentar abgeben", "ajouter un commentaire",
    "écrire un commentaire", "réagir à cet article", "comentar", "escribe un comentario", "escribir un comentario",
    "añadir comentario", "añade un comentario", "deja tu comentario", "agregar comentario", "deixe seu comentário",
    "deixe o seu comentário", "escreva um comentário", "adicionar comentário", "commenta", "scrivi un commento",
    "aggiungi un commento", "комментировать", "добавить комментарий", "написать комментарий", "ваш комментарий",
    "оставьте комментарий", "коментувати", "додати коментар", "написати коментар", "ваш коментар",
    "залиште коментар", "yorum ekle", "yorum yaz", "yorum bırakın", "şərh yaz", "şərh əlavə et", "пікір жазу",
    "пікір қосу", "დაწერეთ კომენტარი", "კომენტარის დამატება", "ավելացնել մեկնաբանություն", "գրել մեկնաբանություն",
    "댓글 쓰기", "댓글쓰기", "댓글 달기", "댓글 작성",
]

# A comment thread's title: "12 thoughts on “<title>”", "3 Antworten zu „<title>“", "5 комментариев к «<title>»".
_THREAD_TITLE = (
    r"^\W*(?:\d+|one|eine?)\s+(?:thoughts? on|responses? to|repl(?:y|ies) to|comments? on|antwort(?:en)? (?:zu|auf)|"
    r"kommentare? zu|gedanken? zu|réponses? à|commentaires? sur|comentarios? (?:en|a|sobre)|risposte a|"
    r"комментари\w* (?:к|на)|ответ\w* (?:к|на)|коментар\w* (?:до|на)|відповід\w* (?:до|на))\b"
)
SECTION_END_COUNTED = re.compile(
    r"^\W*\d+\s+(?:comments?|kommentare?|commentaires?|comentarios?|комментари\w*|reactions?|antworten|replies)\W*$|"
    + _THREAD_TITLE,
    re.IGNORECASE,
)
# A comment thread's title quotes the article's headline, so it may be as
# long as a label and a long headline together; past MAX_LABEL_CHARS only
# a line whose headline stands in quotation marks is one ("12 comments on
# the proposal were received ..." is a sentence).
THREAD_TITLE_MAX_CHARS = MAX_LABEL_CHARS + 200
QUOTED_THREAD_TITLE = re.compile(_THREAD_TITLE + r"\s*[\"“„«‘‚‹「『'].*[\"”“»’‘›」』']\W*$", re.IGNORECASE)

# A blog's links to the post before and after ("Older Post", "Next post: <title>", "Nächster Beitrag").
_POST_NAVIGATION = (
    r"(?:older|newer|next|previous|prev)\s+(?:posts?|entry|entries|articles?|story)|"
    r"(?:nächster|vorheriger|älterer|neuerer)\s+(?:beitrag|artikel|eintrag|post)|(?:ältere|neuere)\s+(?:beiträge|artikel|einträge)|"
    r"(?:article|billet) (?:précédent|suivant)|(?:entrada|artículo|noticia) (?:anterior|siguiente)|"
    r"(?:следующая|предыдущая) (?:статья|запись|новость)|(?:наступна|попередня) (?:стаття|новина)|(?:наступний|попередній) (?:запис|матеріал)|"
    r"(?:sonraki|önceki) (?:yazı|haber|kayıt)|(?:növbəti|əvvəlki) (?:xəbər|məqalə)|(?:келесі|алдыңғы) (?:жаңалық|мақала)|"
    r"(?:შემდეგი|წინა) (?:სიახლე|სტატია)|(?:հաջորդ|նախորդ) (?:նորությունը|հոդվածը)|이전\s?글|다음\s?글|이전 기사|다음 기사"
)
# The link home a blog's pager ends with ("Newer Post Older Post Home", Blogger's).
_PAGER_HOME = r"home|startseite|accueil|inicio|ana sayfa|ana səhifə|главная(?: страница)?|головна(?: сторінка)?"
# The heading WordPress puts over those links, in its translations ("Post navigation", "Beitrags-Navigation").
_POST_NAVIGATION_HEADING = (
    r"post navigation|posts navigation|beitrags-?navigation|navigation de l['’]article|navigation des articles|"
    r"navegación de entradas|navigazione articoli|navegação de posts?|навигация по записям|навігація записів|yazı gezinmesi"
)
# A dump that joins a link's label and the title it names without a space
# ("Vorheriger BeitragNeuerscheinung: ..."): the title's capital right after
# the label's last letter.
_GLUED_TITLE = r"(?-i:(?=[A-ZÀ-ÖØ-ÞА-ЯЁЄІЇҐ]))"

# A short line that only points elsewhere: "Read more", "Click here", "Weiterlesen".
READ_MORE = re.compile(
    r"^\W*(?:read (?:the )?(?:full|more|whole|entire|original)\b.*|read more|continue reading.*|"
    r"click here.*|click to expand|zum erweitern klicken|нажмите для раскрытия|натисніть, щоб розгорнути|genişletmek için tıklayın|"
    r"more\s*»|weiterlesen|mehr lesen|mehr erfahren|zum artikel|zum beitrag|"
    r"lire la suite|en savoir plus|leer más|seguir leyendo|leggi tutto|continua a leggere|"
    r"leia mais|lees meer|lees verder|читать далее|подробнее|далее|ətraflı|devamını oku|devamı|"
    r"читати далі|детальніше|докладніше|толығырақ|ვრცლად|մանրամասն|"
    r"더보기|(?:기자의\s*)?다른\s*기사\s*(?:보기|더\s*보기)|기사\s*더\s*보기|続きを読む|阅读全文|查看更多|"
    # The post before or after, maybe with its title; a blog's pager ("Newer Post Older Post Home"); the heading over them.
    rf"(?:{_POST_NAVIGATION})(?:(?:\s*[:»›>|–-]\s*|{_GLUED_TITLE})\S.{{0,150}}|(?:\W*(?:{_POST_NAVIGATION}))+(?:\W*(?:{_PAGER_HOME}))?|\W*(?:{_PAGER_HOME}))?|"
    rf"{_POST_NAVIGATION_HEADING})\W*$",
    re.IGNORECASE,
)

# Words a button's label may add to it ("Email Address", "Share Article"): more are a sentence.
BUTTON_TAIL_WORDS = 2
# Buttons: networks, and the share, print and subscribe buttons of a page (Korean pages' among them).
_BUTTONS = (
    r"facebook|twitter|x-twitter|x|linkedin|whatsapp|telegram|pinterest|pin|reddit|e-?mail|email|mail|mailen|print|drucken|"
    r"xing|instagram|youtube|tumblr|vk|flipboard|pocket|teilen|twittern|pinnen|tweet|share|rss|"
    r"copy link|link kopieren|kakaotalk|카카오톡|페이스북|트위터|"
    r"구독(?:하기)?|좋아요|스크랩|인쇄(?:하기)?|글자\s?크기|기사\s?제보|url\s?복사|공유(?:하기)?"
)
# Calls to follow, subscribe or share: "Follow us on Twitter @X", "Share on Facebook".
_SOCIAL_CALLS = (
    r"follow us|follow\b.*\bon (?:twitter|facebook|instagram|telegram|x)\b|"
    r"like us on facebook|subscribe\b|sign up for\b|join us on\b|share (?:on|via|this)\b|"
    r"folgen sie uns|folge uns|abonnieren|jetzt abonnieren|newsletter abonnieren|teilen sie (?:dies|diesen artikel|den artikel)\b|"
    # German share labels and prompts: "Artikel teilen", "Diesen Beitrag teilen", "Möchten Sie den Artikel teilen?", "Jetzt teilen".
    r"(?:(?:möchten sie|willst du|möchtest du)\s+)?(?:(?:diesen|den|dieses|das)\s+)?(?:artikel|beitrag|seite|inhalt|video|rezept)\s+"
    r"(?:mit\s+\w+\s+)?teilen\b(?!\s+sich)|teile\s+(?:diesen|den|dieses)\s+(?:artikel|beitrag|inhalt)\b|jetzt teilen\b|"
    r"suivez-nous|abonnez-vous|síguenos|suscríbete|seguici|siga-nos|"
    r"подписывайтесь|подпишитесь|присоединяйтесь|bizi izləyin|bizi takip edin|підписуйтесь|підпишіться|"
    # "Follow us on Telegram", the network between: "Bizi Telegram'da takip edin", "Читайте нас в Telegram".
    r"bizi\s+(?:\S+\s+){1,3}?(?:izləyin|takip edin)|читайте нас\b|следите за (?:нами|новостями)\b|"
    r"слідкуйте за (?:нами|новинами)\b|стежте за (?:нами|новинами)\b|(?:bu\s+)?(?:xəbəri|haberi|məqaləni|yazıyı)\s+paylaş(?:ın)?|"
    r"бізді\s+(?:\S+\s+){1,3}?(?:оқыңыз|қадағалаңыз)|xəbərlərimizi\s+(?:\S+\s+){1,3}?izləyin|"
    r"(?:\S+\s+){1,3}?takip edin\W*$|გამოიწერეთ|բաժանորդագրվեք|이 기사를 공유합니다|"
    r"გამოგვყევით|հետեւեք մեզ|հետևեք մեզ|"  # casefolding spells the Armenian "և" as "եւ"
    # "Share" in other languages.
    r"partager|compartir|condividi|compartilhar|delen|udostępnij|поделиться|поділитися|paylaşın|paylaş|bölüş|бөлісу|"
    r"გაზიარება|կիսվել|شارك|שתפו|שתף|"
    r"κοινοποίηση|chia sẻ|แชร์|シェア|分享到|分享|공유하기|اشتراک گذاری|شیئر کریں|பகிர்|አጋራ"
)
# The calls, and rows of buttons.
SOCIAL = re.compile(
    r"^\W*(?:"
    rf"{_SOCIAL_CALLS}|"
    # A row of buttons, maybe with a word or two of their own: "Facebook Twitter E-Mail", "Print | Share",
    # "Email Address", "Share Article", "구독 좋아요 스크랩"; "Facebook Opens in a new tab".  A network's name
    # followed by more heads a news line ("Telegram blocked in Russia", "Share prices fell sharply").
    rf"(?:{_BUTTONS})(?:(?:\s*[|/,·•]\s*|\s+)(?:{_BUTTONS}))*(?:\W+\w+){{0,{BUTTON_TAIL_WORDS}}}"
    r"(?:\W+opens in a new (?:tab|window))?\W*$)",
    re.IGNORECASE,
)

# One button and a word or two of a label's: what a button's label adds to
# it ("Share Article", "Print this page", "Email us"), or a form field's
# ("Email Address", "E-Mail (required)").  Other words after
# a single button may as well make a short headline or subheading ("Twitter
# sues Musk", "Print edition ends", "공유 경제 확산"): furniture.py keeps
# those between two paragraphs of prose.
_SINGLE_BUTTON = re.compile(rf"^\W*(?:{_BUTTONS})((?:\W+\w+){{1,{BUTTON_TAIL_WORDS}}})\W*$", re.IGNORECASE)
_SOCIAL_CALL = re.compile(rf"^\W*(?:{_SOCIAL_CALLS})", re.IGNORECASE)
_BUTTON_WORD = re.compile(rf"(?:{_BUTTONS})", re.IGNORECASE)
_BUTTON_OBJECTS = frozenset("article artikel beitrag story post page seite link this it us uns now jetzt on via to auf mit per by address adresse required".split())


def button_or_headline(text: str) -> bool:
    """Whether SOCIAL takes the line only for one button followed by words that are neither buttons nor a button's object."""
    match = _SINGLE_BUTTON.match(text)
    if match is None or _SOCIAL_CALL.match(text):
        return False
    return any(word not in _BUTTON_OBJECTS and not _BUTTON_WORD.fullmatch(word) for word in re.findall(r"\w+", match.group(1).casefold()))


# The labels of a post's tags ("Tags:", "Теги:", "Etiketler:"), for POST_META and its gate words.
_TAG_LABELS = (
    "tags tagged labels schlagworte schlagwörter stichworte stichwörter mots-clés étiquettes etiquetas теги тэги метки мітки теґи ярлыки "
    "etiketler teqlər etiketlər თეგები ტეგები պիտակներ 태그 키워드"
).split()

# What a post's meta line counts its comments in ("71 Kommentare", "5 комментариев"); POST_META's gate words hold them too.
_COMMENT_COUNT_WORDS = (
    "comments kommentare commentaires comentarios commenti comentários комментариев комментария комментарий коментарів коментарі "
    "yorum şərh пікір კომენტარი մեկնաբանություն 댓글"
).split()

# A blog post's meta line, as themes print it under or over the post:
# "This entry was posted in News. Bookmark the permalink.", "Der Beitrag wurde
# am 27. November 2019 um 15:21 Uhr veröffentlicht und wurde unter X
# abgelegt", "Eingestellt von Anna um 21:11".
POST_META = re.compile(
    # "Filed under" and "wurde ... veröffentlicht" are a theme's words where the line or the post says so: "The
    # lawsuit, filed under the False Claims Act, ...", "Die Studie wurde am Dienstag in Nature veröffentlicht." are news.
    r"\bthis entry was posted\b|\bbookmark the permalink\b|\bpermalink\W*$|(?:^\W*|[|·•—–]\s*|\b(?:was|is|and|und) )filed under\b|"
    r"\babgelegt unter\b|\bverschlagwortet mit\b|\b(?:beitrag|eintrag|artikel|post)\s+wurde (?:am\b.{0,60}\bveröffentlicht\b|veröffentlicht in\b)|"
    r"^\W*eingestellt von\b.{0,60}\bum \d{1,2}[:.]\d{2}|^\W*veröffentlicht am\b.{0,80}\b(?:hinterlasse|kommentar)|"
    r"\bcet article a été publié dans\b|\bquesta voce è stata pubblicata\b|\besta entrada (?:fue publicada|se publicó) en\b|"
    # A post's tags after their label's colon ("Tags: politics, economy", "Теги: ...", "Etiketler: ..."); the label alone is a section's end.
    rf"^\W*(?:{'|'.join(_TAG_LABELS)})\s*[:՝]\s*\S|"
    # A view counter ("Views: 1234", "Просмотров: 1 234", "조회수 1234", "1,234 views").
    r"^\W*(?:views|просмотров|просмотры|переглядів|перегляди|baxış sayı|baxış|baxılıb|oxunub|oxunma|okunma sayısı|okunma|görüntülenme|"
    r"ნახვები|ნანახია|դիտումներ|қаралды|қаралым|조회수|조회)\s*[:՝]?\s*\d[\d\s,.]*$|"
    r"^\W*\d[\d\s,.]*\s*(?:views|просмотр(?:ов|а)?|переглядів|перегляд(?:и|у)?|baxış|görüntülenme|ნახვა|դիտում)\W*$|"
    # The date first, maybe the time and the author, then the comment count: "19.6.2007 9:40 Uhr Christoph Becker 71
    # Kommentare" (a listing's line names a story between them: "7 March 07:13 AM EST - BSD - FreeBSD On Laptops - 13 Comments").
    rf"^\W*\d{{1,2}}[./]\d{{1,2}}[./]\d{{2,4}}\b[^–-]{{0,40}}\b\d+\s+(?:{'|'.join(_COMMENT_COUNT_WORDS)})\W*$",
    re.IGNORECASE,
)

# One of these words is in every line POST_META finds.
_POST_META_WORDS = frozenset(
    "posted permalink filed abgelegt verschlagwortet veröffentlicht eingestellt publié pubblicata publicada publicó "
    "views просмотров просмотры просмотр просмотра переглядів перегляди перегляд перегляду baxış baxılıb oxunub oxunma okunma görüntülenme "
    "ნახვები ნანახია ნახვა դիտումներ դիտում қаралды қаралым 조회수 조회".split()
) | frozenset(_TAG_LABELS) | frozenset(_COMMENT_COUNT_WORDS)

# Comment-form furniture.
COMMENT_FORM = re.compile(
    r"(?:your email address will not be published|required fields are marked|"
    r"save my name, email|notify me of (?:follow-up|new) (?:comments|posts)|"
    r"you must be logged in to post a comment|"
    r"ihre e-mail-adresse wird nicht veröffentlicht|erforderliche felder sind|"
    r"deine e-mail-adresse wird nicht veröffentlicht|"
    r"votre adresse (?:e-mail|email|de messagerie) ne sera pas publiée|les champs obligatoires|"
    r"tu dirección de correo electrónico no será publicada|"
    r"il tuo indirizzo email non sarà pubblicato|"
    r"ваш (?:e-mail|адрес email) не будет опубликован|"
    r"не оприлюднюватиметься|не буде опублікован|e-posta adresiniz yayınlanmayacak|e-poçt ünvanınız dərc olunmayacaq|"
    # WordPress's own sentence in more of its translations (pt, es, nl, pl, cs, ro, fi, lv, ko, ja, zh).
    r"endereço de e-?mail não será publicado|los campos obligatorios están marcados|je e-mailadres wordt niet gepubliceerd|"
    r"twój adres e-mail nie zostanie opublikowany|e-mailová adresa nebude zveřejněna|adresa ta de email nu va fi publicată|"
    r"sähköpostiosoitettasi ei julkaista|e-pasta adrese netiks publicēta|이메일 주소는 공개되지 않습니다|"
    r"メールアドレスが公開されることはありません|(?:电子)?邮箱地址不会被公开|"
    # A form to report a typo: "Нашли ошибку? Выделите текст и нажмите Ctrl+Enter", and the other way round.
    r"(?:ошибк|опечатк|помилк|typo|mistake|error|fehler|xəta|səhv|hata|yazım|შეცდომ|սխալ|қате|오류|오타|kļūd).{0,80}ctrl\s*\+\s*enter|"
    # Reversed, only words of a typo sent to the editors ("... press Ctrl+Enter to run it; an error ..." is a tutorial's).
    r"ctrl\s*\+\s*enter.{0,80}(?:ошибк|опечатк|помилк|kļūd|redaktor|редакц))",
    re.IGNORECASE,
)

# WordPress's "Cancel reply" and "You must be logged in to post a comment." in its translations:
# searched only in a line holding one of _WORDPRESS_FORM_NEEDLES (the regex engine would try each
# phrase at every position of every line).
WORDPRESS_COMMENT_FORM = re.compile(
    r"\bcancel reply\b|\bantworten abbrechen\b|angemeldet sein, um einen kommentar abzugeben|\bannuler la réponse\b|"
    r"vous devez (?:être connecté|vous connecter) pour publier un commentaire|\bcancelar (?:la )?respuesta\b|"
    r"(?:debes|tienes que) (?:iniciar sesión|estar registrado) para publicar un comentario|\bannulla risposta\b|"
    r"devi essere connesso per inviare un commento|\bcancelar resposta\b|precisa fazer o login para publicar um comentário|"
    r"\bотменить ответ\b|для отправки комментария (?:вам )?необходимо (?:авторизоваться|войти)|"
    r"\bскасувати відповідь\b|щоб відправити коментар,? (?:вам )?необхідно (?:авторизуватись|увійти)|"
    r"\byanıtı iptal et\b|yorum yap(?:abilmek|mak) için (?:oturum açmalısınız|giriş yapmalısınız)|"
    # WordPress.com's (Jetpack's) form: "Enter your comment here...", "You are commenting using your WordPress.com account."
    r"enter your comment here|fill in your details below or click an icon to log in|you are commenting using your|"
    r"\(address never made public\)|notify me of new posts via email|"
    r"gib hier deinen kommentar ein|trage deine daten unten ein oder klicke ein icon|du kommentierst mit deinem|"
    r"\(adresse wird niemals veröffentlicht\)|informiere mich über (?:neue beiträge|nachfolgende kommentare) per e-mail|"
    r"vous commentez à l['’]aide de votre compte|estás comentando usando tu cuenta|вы комментируете,? используя свою учётную запись",
    re.IGNORECASE,
)
_WORDPRESS_FORM_NEEDLES = (
    "reply", "abbrechen", "kommentar", "kommentierst", "réponse", "commentaire", "commentez", "respuesta", "comentario", "comentando",
    "risposta", "commento", "resposta", "ответ", "коммент", "відповід", "комент", "iptal", "yorum", "comment", "made public",
    "einzuloggen", "niemals veröffentlicht", "per e-mail",
)

# Copyright and legal footers.
COPYRIGHT = re.compile(
    r"(?:^\W*(?:©|ⓒ|\(c\)|copyright\b)|©\s*\d{4}|\d{4}\s*©|\ball rights reserved\b|alle rechte vorbehalten|"
    r"tous droits réservés|todos los derechos reservados|все права защищены|"
    r"bütün hüquqlar qorunur|tüm hakları saklıdır|[вус]сі права захищені|барлық құқықтар қорғалған|"
    r"ყველა უფლება დაცულია|բոլոր իրավունքները պաշտպանված են|무단 ?전재|版权所有|著作権|無断転載|"
    r"tutti i diritti riservati|todos os direitos reservados|alle rechten voorbehouden|"
    r"wszelkie prawa zastrzeżone|hak cipta dilindungi|bản quyền thuộc|όλα τα δικαιώματα|"
    r"جميع الحقوق محفوظة|حقوق محفوظ|כל הזכויות שמורות|सर्वाधिकार सुरक्षित|สงวนลิขสิทธิ์)",
    re.IGNORECASE,
)

# A disclaimer's phrase ("do not necessarily reflect", "geben nicht unbedingt")
# is a disclaimer where the line names whose views it sets apart: the
# editors', the publication's, the author's ("... geben nicht unbedingt die
# Meinung der Redaktion wieder", "... reflect those of Example News"); "The
# figures do not necessarily reflect the full picture, the report says." is
# a news sentence.
DISCLAIMER_OWNER = re.compile(
    r"\b(?:editors?|editorial|publishers?|publication|author'?s?|authors|contributors?|writers?|(?:their|his|her|my|our) own|those of|(?:the )?(?:position|views|opinions|policy) of|"
    r"(?:this|the) (?:site|website|blog|newspaper|magazine|company|organi[sz]ation|station|network)|employer|sponsors?|"
    r"redaktion|herausgeber|verlag\w*|autor\w*|verfasser\w*|betreiber\w*|"
    r"rédaction|auteurs?|éditeur|redacción|autor(?:es)?|"
    r"автор\w*|редакц\w*|редакці\w*|видання|издания)\b",
    re.IGNORECASE,
)

# "Copyright" or "(c)" opening a sentence of this many words that states no
# year and no other sign of a notice is the sentence's word ("Copyright
# holders say the new rules ...", "(c) It is not obvious that ..."): a
# notice names its owner, its year or its reservation, not a clause.
COPYRIGHT_SENTENCE_WORDS = 8
_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")
_OPENING_WORD = re.compile(r"[^\w©ⓒ(]*(?:copyright|\(c\))$", re.IGNORECASE)


# Opinion-page disclaimers.
DISCLAIMER = re.compile(
    r"(?:views (?:and opinions )?expressed (?:in|by|here)|do(?:es)? not necessarily (?:reflect|represent)|"
    r"the opinions expressed|geben nicht unbedingt|nicht notwendigerweise die meinung|"
    r"n'engagent que leurs? auteurs?|не обязательно совпадает|может не совпадать с позицией|може не збігатися з позицією)",
    re.IGNORECASE,
)

_AGENCIES = (
    r"(?:getty images|getty|reuters|afp|dpa|ap photo|epa|shutterstock|istock|istockphoto|thinkstock|"
    r"unsplash|pixabay|imago|picture alliance|picture-alliance|keystone|xinhua)"
)
# The agencies that sell pictures only.
_PICTURE_AGENCIES = r"getty images|shutterstock|istock|istockphoto|thinkstock|unsplash|pixabay|imago|picture alliance|picture-alliance|adobe stock"
# Photo and image credits: "photo: AzerTag", "Foto: dpa", "Korea Times photo by X".
PHOTO_CREDIT = re.compile(
    r"(?:^\W*(?:photos?|foto|fotos|фото|image|images|picture|pictures|bild|bilder|credit|credits|"
    r"quelle|source image|(?:photo|image|picture) credits?|bildquelle|bildnachweis|fotoğraf|şəkil|사진|写真|图片|crédito|créditos|kuva|zdjęcie|fot\.|"
    # A post's lead image: "Featured image by ...", "Beitragsbild: ...".
    r"(?:featured|header|cover|hero|lead) (?:image|photo|picture)|(?:beitrags|titel|header|aufmacher|artikel|vorschau|teaser|symbol)bild|titelfoto|"
    r"ფოტო|լուսանկարը|լուսանկարներ|сурет|"
    # "Quelle: dpa" in the users' languages: "Источник: ТАСС", "Kaynak: AA", "Mənbə: APA", "Աղբյուր՝ Արմենպրես".
    r"источник|джерело|kaynak|mənbə|дереккөз|წყარო|աղբյուր|"
    # Its English and Romance kin on a short line: "Source: statista.com" under a chart.
    r"source|fuente|fonte)"
    r"\s*(?::|՝|©|by\b)|"
    # "Photo courtesy of Noble Desktop", "Image courtesy: ...".
    r"^\W*(?:photos?|images?|pictures?|foto)\s+courtesy\b|"
    # The agency first, then the photographer's name: "Getty Images / Holger Leue", "AFP/Jane Doe".
    rf"^\W*{_AGENCIES}(?:\.com)?\s*/\s*[^\W\d_][\w.'-]*(?:\s+[\w.'-]+){{0,3}}\W*$|"
    # Korean credits write "=": "사진=연합뉴스", "(자료사진=뉴스1)".
    r"^\W*(?:자료)?사진\s*=|"
    # A Korean agency's file photo in brackets: "[연합뉴스 자료사진]".
    r"^\W*\[[^\]]{0,30}자료\s?사진\]\W*$|"
    r"\bphoto(?:graph)?s? by\s+[A-Z][\w.-]+(?:\s+[A-Z][\w.-]+)*\W*$|"
    # A credit line ends with the agency: "Augusta National/Getty Images", "TebNad/Shutterstock.com",
    # "Protesters in Tbilisi on Monday. Reuters"; a sentence that ends with it quotes the agency
    # ("..., according to Reuters.", "..., berichtet dpa."): a credit's agency follows a separator
    # or "via" ("Beitragsbild via Unsplash."), or the line does not end as a sentence.
    rf"(?:^|[/|©:·•(\[]|\bvia)\s*{_AGENCIES}(?:\.com)?\W*$|\b{_AGENCIES}(?:\.com)?[^\w.!?…]*$)",
    re.IGNORECASE,
)

# The five patterns above are lower-case words and symbols (PHOTO_CREDIT's
# [A-Z] is any ASCII letter under IGNORECASE), so label_rule searches the
# casefolded line with case-sensitive copies: the regex engine then skips
# case folding at every position, 2-3x faster on the lines that reach them.
def on_folded(pattern: re.Pattern) -> re.Pattern:
    """A case-sensitive copy of a case-insensitive pattern of lower-case words, to search casefolded text with."""
    return re.compile(pattern.pattern.replace("[A-Z]", "[a-z]"))


_COMMENT_FORM_FOLDED, _COPYRIGHT_FOLDED, _DISCLAIMER_FOLDED, _PHOTO_CREDIT_FOLDED, _POST_META_FOLDED, _WORDPRESS_COMMENT_FORM_FOLDED = map(
    on_folded, (COMMENT_FORM, COPYRIGHT, DISCLAIMER, PHOTO_CREDIT, POST_META, WORDPRESS_COMMENT_FORM)
)

# A caption that ends with its credit: "... in Seoul, Aug. 26. Korea Times photo by Kim Hyun-bin",
# "... im Kongress (Foto: Natacha Pisarenko/Pool via REUTERS)", "... (REUTERS/Denis Balibouse)",
# "... (Symbolbild).", "Marco Odermatt, Ski-Star. © AFP / MARCO BERTORELLO", "... pasado. EFE",
# "... in Olympia, Washington. (AP Photo/Ted S. Warren)".
# A source in parentheses is a credit only with a slash in it ("(Quelle: Hume/Unsplash/DJV)"):
# "(Quelle: Statistisches Bundesamt)" cites the article's data.
PHOTO_CAPTION_CREDIT = re.compile(
    r"\b(?i:photo(?:graph)?s?|foto|bild|image)\s*(?i:by|von|par|:|©)\s*[A-Z][\w.-]+(?:[ -][A-Z][\w.-]+){0,3}\W*$|"
    r"\((?i:fotos?|photos?|bild|bildquelle|symbolbild|image|imagen|foto\w*)\b[^()]{0,80}\)\W*$|"
    r"\((?:자료)?사진\s*=[^()]{1,40}\)\W*$|"
    r"\((?i:quelle|source|fuente)\s*:[^()/]*/[^()]*\)\W*$|"
    r"\((?:REUTERS|AFP|EFE|AP|AP Photo|DPA|EPA|dpa)\s*/[^()]{1,60}\)\W*$|\(AP Photo\)\W*$|"
    # A photographer before a picture agency: "... gut getarnt. (mlharing / iStock.com)" (news agencies
    # are left out: "(AFP/dpa)" closing a paragraph credits its text).
    rf"\([^()]{{1,60}}/\s*(?i:{_PICTURE_AGENCIES})(?:\.com)?\s*\)\W*$|"
    r"©\s*[^©\d][^©]{0,60}$|"
    # "... stop incredibly fast. Credit: Matt Lighthart", "... in Baku. Фото: APA".
    r"[.!?]\s+(?:(?i:foto|photo|bild|imagen|kuva|фото|fotoğraf|şəkil|сурет|ფოტო|(?:(?:photo|image|picture)\s+)?credits?|cr[ée]ditos?)\s*:\s*[^.:]{1,60}|"
    r"EFE|AFP|REUTERS|DPA|AP)\W*$"
)

# Every credit PHOTO_CAPTION_CREDIT finds is within the line's last
# characters: a long line is searched from the first space of its tail.
CREDIT_TAIL_CHARS = 160


def _ends_with_credit(text: str) -> bool:
    if len(text) > CREDIT_TAIL_CHARS:
        cut = text.find(" ", len(text) - CREDIT_TAIL_CHARS)
        text = text[cut:] if cut != -1 else text[-CREDIT_TAIL_CHARS:]
    return PHOTO_CAPTION_CREDIT.search(text) is not None


# Lines made of symbols only: "--", "***", "|", "»".
SYMBOLS_ONLY = re.compile(r"^[\W_]+$")
# What a page shows until its script fills the place in: "Loading...", "Loading
# prices for your region…", "Загрузка...", "Wird geladen …" (a few words at
# most: "Loading the truck took three hours..." is a sentence).
_LOADING_WORDS = (
    "loading lädt chargement cargando caricamento carregando ładowanie laden загрузка завантаження "
    "yükleniyor yüklənir жүктелуде იტვირთება բեռնվում 로딩 불러오는"
)
# A blog's like button before its counter loads: "Like Loading...", "Gefällt mir Wird geladen …", "Нравится Загрузка...".
_LIKE_WORDS = r"like|gefällt mir|curtir|lubię to|нравится|подобається|beğen"
PLACEHOLDER = re.compile(
    rf"^\W*(?:(?:{_LIKE_WORDS})\s+)?(?:{'|'.join(_LOADING_WORDS.split())}|wird geladen)\b(?:\s+[^\s.…]+){{0,4}}\s*(?:\.{{2,}}|…)\W*$",
    re.IGNORECASE,
)

# Month names and their abbreviations, for html_blocks.py's "Updated 17 March" label rule (dates themselves: pipeline/dates.py).
_MONTHS = (
    "jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|"
    "august|september|october|november|december|januar|jänner|februar|märz|mai|juni|juli|oktober|"
    "dezember|janvier|février|mars|avril|juin|juillet|août|septembre|octobre|novembre|décembre|"
    "enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre|"
    "января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря|"
    "yanvar|fevral|mart|aprel|iyun|iyul|avqust|sentyabr|oktyabr|noyabr|dekabr"
)

# Breadcrumbs and navigation: "Home page Society", "Home > News > World",
# "Startseite / Politik".  A bare "Home" needs a separator after it: "Home
# Security" and "Home Gym Setup for $500" are an article's own headings.
# The separator between a trail's steps.
_CRUMB_GAP = r"\s*[>/»›|→-]\s*"
_HOME_WORDS = r"home\s*page|startseite|accueil|inicio|главная|ana səhifə|ana sayfa|홈|首页"
BREADCRUMB = re.compile(
    rf"^\W*(?:home|{_HOME_WORDS}|головна|басты бет|მთავარი|գլխավոր){_CRUMB_GAP}\S.{{0,80}}$",
    re.IGNORECASE,
)
# A trail a dump joined with spaces ("Главная Политика", "홈 정치 경제"):
# a home word and a few names (the first capitalised where the script has
# capitals), no sentence.  The home words are everyday
# words too ("Главная проблема, по словам министра, ...", "홈 쇼핑 업체들의
# 매출이 ... 늘었다.", "Inicio de clases se retrasa por la lluvia"); those
# that are only everyday words ("Головна подія", "მთავარი პროკურატურა")
# need a separator.
_BARE_TRAIL = re.compile(rf"^\W*(?:{_HOME_WORDS})\s+(\S.{{0,80}})$", re.IGNORECASE)
BARE_TRAIL_MAX_WORDS = 6
_SENTENCE_MARKS = frozenset(".,!?:;")


def is_breadcrumb(text: str) -> bool:
    """A breadcrumb trail: a home word and a separator, or (BARE_TRAIL) a home word and a few names, the first capitalised."""
    if BREADCRUMB.match(text):
        return True
    bare = _BARE_TRAIL.match(text)
    if bare is None:
        return False
    names = bare.group(1).split()
    return len(names) <= BARE_TRAIL_MAX_WORDS and _SENTENCE_MARKS.isdisjoint(bare.group(1)) and not names[0][:1].islower()


# A link past the page's menus, for keyboards and screen readers ("Skip to
# main content", "Zum Inhalt springen", "Aller au contenu"), or a row of
# them ("Go to Contents Go to Navigation"): often a text dump's first line,
# never the article nor its headline.
SKIP_LINK = re.compile(
    r"^(?:\W*(?:(?:skip|jump|go)\s+(?:to\s+)?(?:the\s+)?(?:main\s+|primary\s+)?(?:contents?|navigation|menu|search|footer|sidebar|article)"
    r"|(?:direkt\s+)?zu[mr]\s+(?:haupt)?(?:inhalt|navigation|hauptmenü|suche)(?:\s+springen|\s+wechseln)?"
    r"|(?:aller|passer)\s+(?:au|à\s+la)\s+(?:contenu|navigation)(?:\s+principal)?"
    r"|(?:ir|saltar|pasar)\s+al\s+(?:contenido|menú)(?:\s+principal)?"
    r"|(?:vai|salta|passa)\s+al\s+contenuto(?:\s+principale)?"
    r"|(?:pular|ir|saltar)\s+para\s+o\s+conteúdo(?:\s+principal)?"
    r"|(?:ga\s+)?naar\s+(?:de\s+)?(?:hoofd)?inhoud"
    r"|przejdź\s+do\s+(?:treści|nawigacji|głównej\s+treści)"
    r"|перейти\s+(?:к|до)\s+(?:основному\s+)?(?:содержани[юя]|контенту|вмісту|навигации|навігації)"
    r"|(?:ana\s+)?içeriğe\s+(?:geç|atla)|məzmuna\s+keç"
    r"|본문\s*바로\s*가기|본문으로\s*바로가기|(?:주\s*)?메뉴\s*바로\s*가기|메인\s*콘텐츠로\s*건너뛰기))+\W*$",
    re.IGNORECASE,
)

# Cheap gates.  Most lines of a page are none of the furniture above, and
# the text cleaner must handle hundreds of pages per second, so a line only
# reaches the regexes when its first word can start one of the anchored
# patterns or it contains one of the literals the unanchored ones need.
_FIRST_WORDS = frozenset(
    """follow like subscribe sign join share folgen folge abonnieren jetzt newsletter suivez suivez-nous abonnez-vous
    síguenos suscríbete seguici siga-nos подписывайтесь подпишитесь присоединяйтесь bizi facebook twitter
    linkedin whatsapp telegram pinterest reddit e-mail email print drucken xing instagram youtube tumblr vk
    flipboard pocket teilen tweet mail rss read continue click more weiterlesen mehr zum lire en leer seguir
    leggi continua leia lees читать подробнее далее ətraflı devamını 더보기 続きを読む 阅读全文 查看更多
    home startseite accueil inicio главная ana 홈 首页 photo photos foto fotos фото image images picture
    partager compartir condividi compartilhar delen udostępnij поделиться paylaş شارك שתפו שתף κοινοποίηση
    поділитися paylaşın бөлісу გაზიარება կիսվել підписуйтесь підпишіться გამოგვყევით հետեւեք
    читати детальніше докладніше толығырақ ვრცლად մանրամասն devamı ფოტო լուսանկարը լուսանկարներ сурет
    головна басты მთავარი գլխավոր
    x x-twitter pin pinnen twittern mailen copy link нажмите натисніть genişletmek
    teile featured header cover hero lead beitragsbild titelbild headerbild aufmacherbild artikelbild vorschaubild teaserbild symbolbild titelfoto
    bölüş xəbəri haberi məqaləni читайте следите слідкуйте стежте 기자의 다른 기사 бізді xəbərlərimizi გამოიწერეთ
    բաժանորդագրվեք 카카오톡 페이스북 트위터 구독 구독하기 좋아요 스크랩 인쇄 인쇄하기 글자크기 글자 기사제보 url 공유 kakaotalk
    chia แชร์ シェア 分享到 分享 공유하기 اشتراک شیئر பகிர் አጋራ
    pictures bild bilder credit credits quelle source bildquelle bildnachweis fotoğraf şəkil 사진 写真 图片 copyright c
    crédito créditos kuva zdjęcie fot источник джерело kaynak mənbə дереккөз წყარო աղբյուր
    skip jump go direkt zur aller passer ir saltar pasar vai salta passa pular ga naar przejdź перейти içeriğe məzmuna
    본문 본문으로 메인 메뉴 주메뉴 fonte
    older newer next previous prev nächster vorheriger älterer neuerer ältere neuere article billet entrada artículo noticia
    следующая предыдущая наступна попередня наступний попередній sonraki önceki növbəti əvvəlki келесі алдыңғы
    შემდეგი წინა հաջորդ նախորդ 이전글 다음글 이전 다음
    post posts beitrags-navigation beitragsnavigation navigation navegación navigazione navegação навигация навігація yazı""".split()
    + _LOADING_WORDS.split()
    + ["wird"]
    + [phrase.split()[0] for phrase in _LIKE_WORDS.split("|")]  # PLACEHOLDER's like buttons
)
# Words the unanchored patterns need somewhere in the line.
_ANYWHERE_WORDS = frozenset(
    """copyright rights rechte droits derechos права hüquqlar hakları expressed necessarily unbedingt
    notwendigerweise n'engagent обязательно совпадать збігатися email adresse dirección indirizzo required notify
    оприлюднюватиметься опублікована опубліковано e-posta e-poçt
    logged erforderliche obligatoires e-mail e-mail-adresse veröffentlicht publiée publicada pubblicato photo photos photograph foto bild image getty reuters afp dpa epa ap
    diritti direitos rechten prawa cipta quyền δικαιώματα حقوق الحقوق הזכויות सर्वाधिकार құқықтар უფლება իրավունքները
    shutterstock istock shutterstock.com istock.com istockphoto thinkstock unsplash pixabay imago alliance picture-alliance keystone xinhua ваш
    fotos photographs bildquelle symbolbild imagen quelle source fuente efe takip credit credits crédito créditos
    фото fotoğraf şəkil сурет ფოტო teilen paylaş e-mailová sähköpostiosoitettasi e-pasta
    kommentar kommentierst informiere einzuloggen niemals comment commenting commentez comentando комментируете
    kuva cancel abbrechen angemeldet annuler connecté connecter cancelar iniciar registrado annulla connesso login отменить отправки
    скасувати відправити iptal oturum giriş""".split()
) | _POST_META_WORDS  # every line POST_META finds holds one of them
# For callers that gate many lines at once.
GATE_FIRST_WORDS = _FIRST_WORDS
GATE_ANY_WORDS = _ANYWHERE_WORDS
# Substrings that the word split misses: symbols, compounds and scripts
# without spaces, and PHOTO_CAPTION_CREDIT's "(foto\w*" ("(Fotografía: ...)").
_ANYWHERE_NEEDLES = ("©", "ⓒ", "무", "版", "著", "사", "写", "图", "(c)", "無断", "ลิขสิทธิ์", "(foto", "ctrl", "이메일", "メールアドレス", "邮箱")
_ANYWHERE_SUBSTRINGS = re.compile("|".join(map(re.escape, _ANYWHERE_NEEDLES)))


def _comment_form(folded: str) -> bool:
    """COMMENT_FORM, or WordPress's comment form in a line holding one of its needles (`folded`: the casefolded line)."""
    if _COMMENT_FORM_FOLDED.search(folded):
        return True
    return any(needle in folded for needle in _WORDPRESS_FORM_NEEDLES) and _WORDPRESS_COMMENT_FORM_FOLDED.search(folded) is not None


def _copyright_notice(text: str, folded: str) -> bool:
    """COPYRIGHT finds the line, unless its only sign is the opening word of a sentence (COPYRIGHT_SENTENCE_WORDS)."""
    found = _COPYRIGHT_FOLDED.search(folded)
    if found is None:
        return False
    if found.start() > 0 or not _OPENING_WORD.match(found.group(0)):
        return True  # a sign of its own: "©", a year by "©", "all rights reserved"
    if _COPYRIGHT_FOLDED.search(folded, found.end()) or _YEAR.search(text):
        return True
    return len(text.split()) < COPYRIGHT_SENTENCE_WORDS or text.rstrip()[-1:] not in ".!?…"


def _may_be_furniture(folded: str, tokens: list[str], substring: bool | None) -> bool:
    if not tokens:
        return True  # symbols only
    if tokens[0] in _FIRST_WORDS or folded.lstrip()[:1] in "©(" or not _ANYWHERE_WORDS.isdisjoint(tokens):
        return True
    return _ANYWHERE_SUBSTRINGS.search(folded) is not None if substring is None else substring


def substring_lines(folded: list[str], page: str | None = None) -> set[int]:
    """The casefolded lines that hold one of the gate's substrings ("©", "(c)", ...), from one page scan."""
    if page is None:
        page = "\n".join(folded)
    # str.find per needle is a C scan: most pages hold none of them, which
    # it tells several times faster than the regex engine.
    if all(needle not in page for needle in _ANYWHERE_NEEDLES):
        return set()
    return lines_matching(_ANYWHERE_SUBSTRINGS, folded, page)


# A text-size control lists at least this many sizes ("12 pt 14 pt 16 pt", "12px 14px 16px"), in this range.
TEXT_SIZES = 3
TEXT_SIZE_RANGE = range(6, 49)
_GLUED_SIZE = re.compile(r"^(\d{1,2})([^\W\d_]{1,8})$")


def text_size_control(text: str) -> bool:
    """A page's text-size buttons: sizes in points or pixels, in any language's unit ("12 Punto 14 Punto 16 Punto")."""
    tokens = text.split()
    if len(tokens) >= 2 * TEXT_SIZES and len(tokens) % 2 == 0:
        sizes, units = tokens[::2], tokens[1::2]
    else:
        glued = [_GLUED_SIZE.match(token) for token in tokens]
        if len(tokens) < TEXT_SIZES or not all(glued):
            return False
        sizes, units = [m.group(1) for m in glued], [m.group(2) for m in glued]
    return len(set(units)) == 1 and units[0].isalpha() and all(size.isdigit() and int(size) in TEXT_SIZE_RANGE for size in sizes)


def label_rule(
    text: str, tokens: list[str] | None = None, folded: str | None = None, substring: bool | None = None
) -> str | None:
    """The furniture kind of a line, or None when it looks like content.

    `tokens` are the line's casefolded words, `folded` the casefolded line
    and `substring` whether it is in substring_lines, when the caller has
    them already.
    """
    if text[:1].isdigit() and text_size_control(text):
        return rules.SOCIAL
    if folded is None:
        folded = fold(text)
    if tokens is None:
        tokens = tokenize(text)
    if not _may_be_furniture(folded, tokens, substring):
        return None
    if len(text) > MAX_LABEL_CHARS:
        # Long lines: only sentence-level furniture applies.
        if _comment_form(folded):
            return rules.COMMENT_FORM
        if len(text) < 300 and not _POST_META_WORDS.isdisjoint(tokens) and _POST_META_FOLDED.search(folded):
            return rules.POST_META
        if len(text) < 400 and _DISCLAIMER_FOLDED.search(folded) and DISCLAIMER_OWNER.search(text):
            return rules.DISCLAIMER
        if len(text) < 300 and _copyright_notice(text, folded):
            return rules.COPYRIGHT
        if len(text) < 400 and _ends_with_credit(text):
            return rules.PHOTO_CAPTION
        return None
    if SYMBOLS_ONLY.match(text):
        return rules.SYMBOLS
    if PLACEHOLDER.match(text):
        return rules.PLACEHOLDER
    if _comment_form(folded):
        return rules.COMMENT_FORM
    if not _POST_META_WORDS.isdisjoint(tokens) and _POST_META_FOLDED.search(folded):
        return rules.POST_META
    if READ_MORE.match(text):
        return rules.READ_MORE
    if SKIP_LINK.match(text):
        return rules.SKIP_LINK
    if SOCIAL.match(text) and len(text) < 60:
        return rules.SOCIAL
    if _copyright_notice(text, folded):
        return rules.COPYRIGHT
    if _DISCLAIMER_FOLDED.search(folded) and DISCLAIMER_OWNER.search(text):
        return rules.DISCLAIMER
    if _PHOTO_CREDIT_FOLDED.search(folded):
        return rules.PHOTO_CREDIT
    if _ends_with_credit(text):
        return rules.PHOTO_CAPTION
    if is_breadcrumb(text):
        return rules.BREADCRUMB
    return None


# A tags label alone ("Etiquetas:", "Stichworte") heads the post's tags, as "Tags" does.
_SECTION_END_SET = frozenset(SECTION_END_PHRASES) | frozenset(_TAG_LABELS)
# Words that join a heading to the topic, column or site it names ("Beliebte
# Beiträge zum Thema:", "Die meistgelesenen Artikel bei SWR.de", "Weitere
# Beiträge aus der Kolumne:", "Другие новости по теме", "More stories from Baku").
_QUALIFIER_WORDS = frozenset(
    "zum zur zu bei aus von vom im on from in at about sur de du des en del della по из в на про з із у від üzrə haqqında".split()
)
# The first words of the headings of two words or more (a line opening otherwise names no such heading).
_HEADING_FIRST_WORDS = frozenset(phrase.split()[0] for phrase in _SECTION_END_SET if " " in phrase)
# Words the name after the joining word may have: more are a sentence or a headline ("Latest news on the war in Ukraine").
QUALIFIER_MAX_WORDS = 3
_EDGE_NOISE = " \t:.-–—|»«>•*()[]!?…#\"'“”„"
_COUNT_PREFIX = re.compile(r"^\d+\s+")
_COUNT_SUFFIX = re.compile(r"\s*\(?\d+\)?(?:개|件|条)?$")  # "Comments (2)", "댓글 2개"


def section_end_kind(text: str, folded: str | None = None) -> bool:
    """True when a short line is a heading that opens a section of other content.

    `folded` is the casefolded line when the caller has it already.
    """
    if len(text) > MAX_LABEL_CHARS:
        return len(text) <= THREAD_TITLE_MAX_CHARS and QUOTED_THREAD_TITLE.match(text) is not None
    phrase = (fold(text) if folded is None else folded).strip(_EDGE_NOISE)
    if phrase in _SECTION_END_SET or _qualified_heading(phrase):
        return True
    if phrase.startswith(("one ", "ein ", "eine ")):
        return bool(SECTION_END_COUNTED.match(text))
    if not any(map(str.isdigit, phrase)):
        return False
    phrase = _COUNT_SUFFIX.sub("", _COUNT_PREFIX.sub("", phrase)).strip(_EDGE_NOISE)
    return phrase in _SECTION_END_SET or bool(SECTION_END_COUNTED.match(text))


def _qualified_heading(phrase: str) -> bool:
    """A heading of two words or more from SECTION_END_PHRASES, then a joining word and at most QUALIFIER_MAX_WORDS more ("weitere beiträge aus der kolumne")."""
    if len(phrase) > MAX_LABEL_CHARS or phrase.count(" ") < 2 or phrase[: phrase.find(" ")] not in _HEADING_FIRST_WORDS:
        return False
    words = phrase.split()
    if _QUALIFIER_WORDS.isdisjoint(words[2:]):
        return False
    for j in range(max(2, len(words) - QUALIFIER_MAX_WORDS - 1), len(words)):
        if words[j] in _QUALIFIER_WORDS and " ".join(words[:j]).strip(_EDGE_NOISE) in _SECTION_END_SET:
            return True
    return False


def section_end_lines(texts: list[str], folded: list[str], lines: list[int], has_digit) -> list[int]:
    """The lines among `lines` for which section_end_kind holds, asking it only where a set lookup does not settle it.

    `has_digit`: per line, whether it holds a digit (a count the full test strips).
    """
    found = []
    for i in lines:
        phrase = folded[i].strip(_EDGE_NOISE)
        if phrase in _SECTION_END_SET or _qualified_heading(phrase) or (
            (has_digit[i] or phrase.startswith(("one ", "ein ", "eine "))) and section_end_kind(texts[i], folded[i])
        ):
            found.append(i)
    return found


# Words of a heading over readers' comments, in the languages met (a
# substring of the casefolded heading: "repl" for "Reply" and "replies").
COMMENT_WORDS = (
    "comment", "repl", "response", "thought", "discussion", "kommentar", "antwort", "meinung", "commentaire", "réaction",
    "réponse", "réagir", "comentar", "comentá", "commento", "reacties", "komentarze", "коммент", "коментар", "коментув",
    "каментар", "kommentier", "yorum", "댓글",
    "コメント", "评论", "koment", "kommentaar", "kommentit", "hozzászól", "comentarii", "σχόλι", "izoh", "تعليق", "نظرات",
    "תגוב",
)
# Section headings over something other than a list of stories: comments
# (and a thread's title, "12 thoughts on ..."), share buttons, tags and
# topics, the author, a newsletter form.
_NOT_STORY_WORDS = COMMENT_WORDS + (
    "think", "share", "tags", "filed under", "topics", "about the author", "newsletter", "gedanke", "teilen", "schlagw",
    "themen", "über den autor", "partager", "commenti", "rispost", "kommentarer", *_TAG_LABELS,
)


@lru_cache(maxsize=4096)
def story_box_heading(text: str) -> bool:
    """A heading that names a box of other stories ("Most read", "Mehr aus dem Ressort"), not comments, tags or share buttons."""
    if not section_end_kind(text):
        return False
    folded = fold(text).strip(_EDGE_NOISE)
    # "Most shared", "Meistkommentiert": stories ranked by their shares or comments.
    return folded.startswith(("most ", "meist")) or not any(word in folded for word in _NOT_STORY_WORDS)
