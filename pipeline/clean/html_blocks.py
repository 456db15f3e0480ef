"""Cleaning rules for blocks that came out of an HTML extractor.

trafilatura already dropped menus and footers; what it keeps by mistake is
furniture *inside* the article container: "Read also: <headline>" teasers,
calls to subscribe or follow, paywall notices, advertising disclosures,
"Updated on <date>" lines, and the headings of boxes of other articles.
HTML blocks know their kind (paragraph, heading, list item), which the
rules use: a box of other articles opens with a heading, not with a
sentence, so a paragraph that says "Newsletter" or "Share this article" no
longer ends the article here (in the dev pages such paragraphs sat in the
middle of the text as often as at its end).

Each rule names a kind of furniture, never a site's sentence, and only
applies to short blocks: a paragraph of prose is never touched.
"""

from __future__ import annotations

import re

from ..document import Block
from . import consent, patterns, rules, shapes

# Furniture sentences are short: the longest calls to subscribe in the dev
# pages are ~250 characters; article paragraphs that mention a newsletter
# or an app are longer or are not calls to action.
MAX_FURNITURE_CHARS = 300
# A call to subscribe, sign up, donate or follow that is a whole sentence
# is short; a longer sentence that mentions a newsletter or signing up is
# more often the article's own ("Twelve people signed up for my newsletter").
MAX_CALL_TO_ACTION_SENTENCE_CHARS = 100
# A "Read also: <headline>" teaser is one headline long.
MAX_TEASER_CHARS = 220
# Headings that open a box of other articles are short.
MAX_SECTION_HEADING_CHARS = 70

_READ_ALSO = (
    r"(?:read also|also read|read more|see also|related|recommended|more on this|"
    r"lesen sie auch|lesen sie hier|lesen sie mehr|auch lesen|lies auch|mehr zum thema|siehe auch|schon gelesen|zum weiterlesen|"
    r"à lire aussi|a lire aussi|lire aussi|à lire|voir aussi|"
    r"lea también|lea tambien|lea más|lea mas|lea|vea también|vea tambien|vea|mire|mira|"
    r"le puede interesar|te puede interesar|puede interesarte|puedes ver|también te puede interesar|"
    r"también puede leer|también puede ver|también|"
    r"leia também|leia mais|veja também|leggi anche|leggi|vedi anche|lees ook|"
    r"czytaj też|czytaj także|zobacz też|zobacz także|читайте также|читайте|смотрите также|"
    r"читайте також|ayrıca oku|ilginizi çekebilir|həmçinin oxuyun|həmçinin oxu|тағы оқыңыз|сондай-ақ оқыңыз|"
    r"ასევე წაიკითხეთ|ასევე იხილეთ|կարդացեք նաև|կարդացեք նաեւ|դիտեք նաև|관련기사|関連記事|相关阅读|延伸阅读)"
)
# "Lea también: <headline>", "À lire aussi » <headline>", ">> <headline> <<".
READ_ALSO_TEASER = re.compile(rf"^\W*{_READ_ALSO}\s*[:՝»>|–-]+\s*\S", re.IGNORECASE)  # "՝": Armenian's colon
# A label alone: "Schon gelesen?", "Lesen Sie auch die folgenden Beiträge:".
READ_ALSO_LABEL = re.compile(
    rf"^\W*(?:{_READ_ALSO}|das (?:thema )?könnte (?:dich|sie) auch interessieren|"
    rf"lesen sie auch die folgenden beiträge)\W*$",
    re.IGNORECASE,
)
ARROW_TEASER = re.compile(r"^\s*>>\s+\S.{5,}\S\s+<<\s*$")

# Calls to subscribe, follow or download ("follow these steps" is no call: following is
# the site's, or on a platform).
CALL_TO_ACTION = re.compile(
    r"(?:\bsign(?:ing)? up\b|\bsubscribe\b|\bnewsletter\b|\bfollow (?:us|@)|\bfollow\b.{0,40}\bon (?:twitter|x|facebook|instagram|telegram|tiktok|youtube|linkedin)\b|"
    r"\bdownload (?:our|the)\b.{0,40}\bapps?\b|"
    r"\bjoin (?:us|our)\b|\bsupport (?:us|our)\b|\bdonate\b|"
    r"\bnewsletter\b|\babonnieren\b|\babonniere\b|\banmelden\b.{0,40}\bnewsletter|\bnewsletter\b.{0,40}\banmelden|"
    r"\bfolge(?:n sie)? uns\b|\bunterstütze(?:n sie)? (?:uns|unsere)\b|"
    r"\bs[ií]guenos\b|\bsuscr[ií]bete\b|\bsuscr[ií]base\b|\búnete\b|\bnuestro canal de\b|"
    r"\babonnez-vous\b|\bsuivez-nous\b|\binscrivez-vous\b|\biscriviti\b|\bseguici\b|\bassine\b|\bsiga-nos\b|"
    r"\bподпис(?:ывайтесь|аться|ку)\b|\bподпишитесь\b)",
    re.IGNORECASE,
)
# A sign-up form's small print and a newsletter's pitch: "By signing up, you
# agree to ...", "Подписываясь, вы соглашаетесь с ...", "... delivered right
# to your inbox" beside a word of news or signing up (an article's sentence
# about e-mail names no newsletter: "Phishing mails land in your inbox").
SIGN_UP_TERMS = re.compile(
    r"^\W*(?:by (?:signing up|subscribing|clicking|submitting|registering|entering|providing|continuing)\b.{0,80}\byou(?: also)? (?:agree|consent|accept|confirm|acknowledge)|"
    r"(?:mit (?:der|ihrer|deiner) (?:anmeldung|registrierung)|indem sie sich (?:anmelden|registrieren)).{0,80}\b(?:stimmen sie|stimmst du|akzeptieren sie|akzeptierst du|willigen sie)|"
    r"en (?:vous inscrivant|cliquant|soumettant).{0,80}\bvous (?:acceptez|consentez)|al (?:suscribirte|suscribirse|registrarte|hacer clic).{0,80}\b(?:aceptas|acepta|aceptar))|"
    # Anywhere in the sentence: Turkish and Azerbaijani name the newsletter first.
    r"(?:"
    r"(?:нажимая|подписываясь|регистрируясь).{0,80}\bвы (?:соглашаетесь|принимаете|даете согласие|даёте согласие)|"
    r"(?:натискаючи|підписуючись|реєструючись).{0,80}\bви (?:погоджуєтеся|погоджуєтесь|приймаєте|надаєте згоду)|"
    r"(?:abone olarak|kaydolarak|tıklayarak).{0,80}\bkabul (?:etmiş olursunuz|edersiniz|etmiş sayılırsınız)|"
    r"(?:abunə olmaqla|qeydiyyatdan keçməklə|klikləməklə).{0,80}\b(?:razılaşırsınız|qəbul edirsiniz))",
    re.IGNORECASE,
)
INBOX_PITCH = re.compile(r"\b(?:delivered|sent|straight|right|directly) (?:(?:right|straight|directly) )?(?:to|in|into) your (?:e-?mail )?inbox\b", re.IGNORECASE)
INBOX_CUE = re.compile(r"\bnewsletters?\b|\bsign(?:ing)? up\b|\bsubscri|\bupdates\b|\bnews\b|\bthe best of\b|\binsights\b|\b(?:new |latest )?(?:posts|stories|articles)\b", re.IGNORECASE)


# What SIGN_UP_TERMS needs before it is searched: an opening word, or one
# of the words it finds anywhere (most blocks have neither: a few C scans
# rule them out, where the pattern tries its alternatives at every position).
_SIGN_UP_OPENINGS = ("by ", "mit ", "indem ", "en ", "al ")
_LEADING_MARKS = re.compile(r"\W*")
_SIGN_UP_ANYWHERE = ("нажимая", "подписываясь", "регистрируясь", "натискаючи", "підписуючись", "реєструючись", "abone olarak", "kaydolarak", "tıklayarak", "abunə olmaqla", "qeydiyyatdan", "klikləməklə")


def signs_up(text: str, lowered: str | None = None) -> bool:
    """A sign-up form's small print (SIGN_UP_TERMS) or a newsletter's pitch (INBOX_PITCH beside INBOX_CUE).

    Small print that names cookies is a consent notice's ("By clicking
    Accept, you agree to our use of cookies"): consent.py takes it.
    `lowered`: text.lower(), where the caller has it.
    """
    if lowered is None:
        lowered = text.lower()
    opening = lowered[_LEADING_MARKS.match(lowered).end() :]
    if (opening.startswith(_SIGN_UP_OPENINGS) or any(word in lowered for word in _SIGN_UP_ANYWHERE)) and SIGN_UP_TERMS.search(text):
        return consent.COOKIE.search(text) is None
    return "inbox" in lowered and INBOX_PITCH.search(text) is not None and INBOX_CUE.search(text) is not None


# A share bar's label: "Share this article", "Artikel teilen", "Partager l'article".
SHARE_LABEL = re.compile(
    r"^\W*(?:(?:share|teilen|partager|compartir|condividi|compartilhe)"
    r"(?:\s+(?:this|diesen|den|cet|l'|este|esta|questo|on|via|auf|sur|en|su|per))?"
    r"(?:\s*(?:article|artikel|story|post|page|beitrag|seite|artículo|articolo|artigo|noticia|nota|"
    r"facebook|twitter|x|whatsapp|linkedin|e-?mail))?|"
    r"(?:artikel|beitrag|seite|diesen artikel|diesen beitrag) teilen)\W*$",
    re.IGNORECASE,
)
# Platforms named by a call to action ("on Twitter, Instagram and Facebook").
_PLATFORMS = re.compile(r"\b(?:facebook|twitter|instagram|telegram|whatsapp|youtube|tiktok|linkedin|ios|android)\b", re.IGNORECASE)

PAYWALL = re.compile(
    r"(?:\balready a subscriber\b|\bsubscribers? (?:only|also receive)\b|"
    r"\bpour (?:lire la suite|accéder)\b|\bréservé aux abonnés\b|\bcréez votre compte\b|"
    r"\bweiterlesen mit\b|\bnur für abonnenten\b|\bjetzt (?:testen|weiterlesen)\b|"
    r"\bcancela cuando quieras\b|\bhazte socio\b|\bcontenido exclusivo\b)",
    re.IGNORECASE,
)
# Words that speak of a paywall without raising one: "To read the rest of
# this story subscribe" is a notice, "thank you for taking the time to read
# this" a sign-off, "Der Verlag hat seine Bezahlschranke ausgeweitet" news.
# They are a notice in a label (AD_LABEL_MAX_CHARS) or beside a word of
# subscribing, logging in or supporting the site (PAYWALL_CUE); the word
# for a paywall also when the site speaks of its own ("Wir wollen unsere
# Themen nicht hinter einer Bezahlschranke verstecken": an appeal).
_PAYWALL_WORD = r"\bbezahlschranke\b"
PAYWALL_MENTION = re.compile(rf"\bto (?:view|read|continue reading) (?:the full|this|the rest)\b|{_PAYWALL_WORD}", re.IGNORECASE)
PAYWALL_CUE = re.compile(
    r"\bsubscri|\babonn|\blog ?in\b|\bsign in\b|\bregist|\baccount\b|\bkonto\b|\bmember|\bmitglied|\bpremium\b|\bunterstütz|\bsupport (?:us|our)\b",
    re.IGNORECASE,
)
PAYWALL_WORD = re.compile(_PAYWALL_WORD, re.IGNORECASE)
# The site speaking of its own (also a disclosure's speaker, DISCLOSURE_SPEAKER).
_SITE_WORDS = r"we|us|our|wir|uns|unser\w*"
SITE_SPEAKING = re.compile(rf"\b(?:{_SITE_WORDS})\b", re.IGNORECASE)

ADVERTISING = re.compile(
    r"(?:^\W*(?:anzeige|werbung|advertisement|sponsored|publicidad|publicité|реклама|reklam|жарнама|რეკლამა|գովազդ|광고|"
    r"(?:advertising|affiliate) disclosure|werbehinweis)"
    # An age rating may follow the label ("Реклама 18+", "Reklam 16+").
    r"\s*(?:\d{1,2}\s?\+\s*)?(?:$|[:|,–-])|"
    r"\b(?:from|by) (?:one or more of )?our advertisers\b|\badvertisers do not\b|\bmay receive (?:a )?commission\b|"
    r"\bsupported by (?:its|our) (?:audience|readers)\b|"
    # Affiliate disclosures: "We may earn commission from links on this page", "Purchases made through our links may earn
    # us a commission", "As an Amazon Associate I earn from qualifying purchases".
    r"\b(?:may|might|will|can|could|we|i) (?:also )?earn (?:us |me )?(?:a |an )?(?:small )?(?:affiliate )?commissions?\b|\bearns? from qualifying purchases\b|"
    r"\b(?:percevoir|toucher|recevoir) une (?:petite )?commission\b|\b(?:recibir|ganar|obtener|recibimos|ganamos) una (?:pequeña )?comisión\b|"
    r"\bricev\w+ una (?:piccola )?commissione\b|\breceb\w+ uma (?:pequena )?comissão\b)",
    re.IGNORECASE,
)

# Words that name advertising without saying whose: "This post contains
# affiliate links" is a disclosure, "implement affiliate links and UTM
# tracking" or "Werbung für sich zu machen" is an article's sentence.  They
# are a disclosure in a short label, or in a block that speaks of itself
# or its site (DISCLOSURE_SPEAKER).
AD_MENTION = re.compile(
    r"\baffiliate[- ]?links?\b|\baffiliate commission\b|\benthält werbung\b|\bwerbung für\b|"
    r"\bsponsored (?:by|content)\b|\badvertise with\b|\bprovision\b.{0,40}\b(?:link|kauf)|\blinks?\b.{0,60}\bprovision\b",
    re.IGNORECASE,
)
DISCLOSURE_SPEAKER = re.compile(
    r"\b(?:this|these|the following) (?:post|article|page|site|website|blog|story|review|guide|video|newsletter|episode|links?)\b|"
    rf"\b(?:{_SITE_WORDS}|my|me|ich|mein\w*|mir)\b|(?-i:\bI\b)|"
    r"\bdiese[rsmn]? (?:beitrag|artikel|seite|post|blog|text|video|links?|verlinkungen)\b|\b(?:den|die) (?:links|verlinkungen)\b|"
    r"\bgekennzeichnet\w*\b|"
    r"\b(?:cet article|ce site|cette page|nous|notre|nos|je|mon|mes)\b|\b(?:este artículo|este sitio|esta página|nosotros|nuestr[oa]s?)\b|"
    r"\b(?:questo articolo|questo sito|noi|nostr[oiae])\b|\b(?:este artigo|este site|nós|noss[oa]s?)\b",
    re.IGNORECASE,
)
# A block this short that names advertising (or a paywall) is a label ("WERBUNG für <product>", "Affiliate links").
AD_LABEL_MAX_CHARS = 50


def _paywalled(text: str) -> bool:
    """A paywall notice: PAYWALL, or PAYWALL_MENTION in a label or beside PAYWALL_CUE (PAYWALL_WORD: or where the site speaks)."""
    if PAYWALL.search(text):
        return True
    if PAYWALL_MENTION.search(text) is None:
        return False
    if len(text) <= AD_LABEL_MAX_CHARS or PAYWALL_CUE.search(text):
        return True
    return PAYWALL_WORD.search(text) is not None and SITE_SPEAKING.search(text) is not None


def _discloses(text: str) -> bool:
    """An advertising label or disclosure: ADVERTISING, or AD_MENTION in a label or in a block that speaks of itself."""
    if ADVERTISING.search(text):
        return True
    return AD_MENTION.search(text) is not None and (len(text) <= AD_LABEL_MAX_CHARS or DISCLOSURE_SPEAKER.search(text) is not None)


# "Aktualisiert am 17.01.2021.", "Last modified: 03-10-2004", "Video verfügbar bis 28.02.2021".
_DATE = re.compile(
    r"\b\d{1,4}[./-]\d{1,2}[./-]\d{2,4}\b|\b\d{1,2}\.?\s+(?:" + patterns._MONTHS + r")\b|\b(?:"
    + patterns._MONTHS
    + r")\.?\s+\d{1,2}\b",
    re.IGNORECASE,
)
DATE_LABEL = re.compile(
    r"^\W*(?:aktualisiert|zuletzt aktualisiert|letzte (?:änderung|aktualisierung)|stand|veröffentlicht|erstellt|"
    r"updated|last (?:updated|modified)|published|posted|created|news date|release date|date|datum|"
    r"mis à jour|publié|actualizado|publicado|aggiornato|pubblicato|обновлено|опубликовано|"
    r"video verfügbar bis|verfügbar bis)\b",
    re.IGNORECASE,
)
MAX_DATELINE_CHARS = 90
# A date given as an age: "Last updated 2 days ago", "Aktualisiert vor 3 Stunden", "Updated today".
_AGE = re.compile(
    r"(?:\d+|an?|one)\s+\w+\s+ago\b|vor\s+(?:\d+|einer?|einem)\s+\w+|il y a\b|hace\s+\d+|"
    r"(?:just now|today|yesterday|heute|gestern|aujourd'hui|hier|hoy|ayer)\b",
    re.IGNORECASE,
)
# Between a date label and its date: separators, a few words before a colon, a byline,
# a preposition, a weekday ("Aktualisiert am 17.01.2021", "Stand des Artikels: 26. Februar
# 2020", "Posted by K A at 12:11 PM", "Published on Tuesday, 17 January 2021").
LABEL_TO_DATE = re.compile(
    r"[\s:,.|–-]*"
    r"(?:(?:[^\W\d_]+\s+){0,2}[^\W\d_]+\s*:\s*)?"
    r"(?:by\s+(?:[^\W\d_][\w.'-]*\s+){1,3}(?:[@|·,–-]\s*|(?:at|on|am|um|le|el)\s+))?"
    r"(?:(?:am|on|le|el|de|del|vom|um|at|den|il|the)\s+)?"
    r"(?:(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|sat|sun|"
    r"montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|"
    r"lunes|martes|miércoles|jueves|viernes|sábado|domingo)\.?,?\s+(?:(?:den|the|le|el)\s+)?)?",
    re.IGNORECASE,
)
# Where a date begins: a digit or a month's name ("December 15th 2025", "Dezember 2025").
_DATE_START = re.compile(rf"\d|(?:{patterns._MONTHS})\b", re.IGNORECASE)
# What may remain of a dateline besides its label and date ("Category: Press Releases").
MAX_DATELINE_REST_CHARS = 30
# A short block naming this many platforms is a row of share or follow links
# (a sentence naming them is the article speaking of them).
MIN_PLATFORMS_LISTED = 3

# Headings that open a box of other content: "Weitere Artikel zum Thema",
# "NOTAS RELACIONADAS", "Mehr zum Thema auf X", "Top-Themen bei X".
OTHER_CONTENT_HEADING = re.compile(
    r"^\W*(?:weitere (?:artikel|beiträge|themen|nachrichten|news|meldungen|aktuelle)|mehr (?:zum thema|aus|von|news)|"
    r"ähnliche|verwandte|empfohlene\b|empfehlungen|top[- ]themen|meistgelesen|beliebte|neueste|aktuelle (?:artikel|beiträge|news)|"
    r"auch (?:auf|bei|interessant)|beiträge aus|vorschau auf|kommentierte artikel|"
    r"more (?:from|stories|news|articles)|related (?:posts|articles|stories|news|content|links)|latest (?:news|stories|articles)|"
    r"you (?:may|might) also|read (?:next|more)|"
    r"notas relacionadas|contenido relacionado|noticias relacionadas|art[ií]culos relacionados|más (?:sobre|noticias|le[ií]das)|"
    r"otras noticias|te puede interesar|le puede interesar|"
    r"articles? (?:similaires|liés|récents)|sur le même sujet|plus d'articles|à lire aussi|lire aussi|"
    r"articoli correlati|altri articoli|leggi anche|"
    r"читайте также|похожие|другие новости|новости по теме|читайте також|схожі новини|інші новини|новини за темою|"
    r"oxşar xəbərlər|digər xəbərlər|benzer haberler|diğer haberler|ilgili haberler|ұқсас жаңалықтар|басқа жаңалықтар|"
    r"მსგავსი სიახლეები|სხვა სიახლეები|ასევე წაიკითხეთ|նմանատիպ նյութեր|այլ նորություններ|կարդացեք նաև)",
    re.IGNORECASE,
)


def ends_article(block: Block) -> bool:
    """A heading that opens a box of other articles or the comments: it and what follows are not the article."""
    if block.kind != "h" or len(block.text) > MAX_SECTION_HEADING_CHARS:
        return False
    return patterns.section_end_kind(block.text) or bool(OTHER_CONTENT_HEADING.match(block.text))


def _lists_platforms(text: str) -> bool:
    """A row of share or follow links: several platforms named, in a block that is not a sentence."""
    return len({p.lower() for p in _PLATFORMS.findall(text)}) >= MIN_PLATFORMS_LISTED and text.rstrip()[-1:] not in shapes.SENTENCE_END


def _calls_to_action(text: str) -> bool:
    """A call to subscribe, sign up, donate or follow: a short block, or a sentence of at most MAX_CALL_TO_ACTION_SENTENCE_CHARS."""
    if len(text) > MAX_CALL_TO_ACTION_SENTENCE_CHARS and text.rstrip()[-1:] in shapes.SENTENCE_END:
        return False
    return CALL_TO_ACTION.search(text) is not None


# Every paywall notice and advertising disclosure the patterns above find
# holds one of these (lower case): most blocks hold none, which a few C
# scans tell faster than the patterns' alternatives tried at every position.
_PAYWALL_NEEDLES = (
    "subscriber", "pour ", "abonnés", "créez", "weiterlesen", "abonnenten", "jetzt ", "cancela", "hazte", "exclusivo",
    "to view", "to read", "to continue", "bezahlschranke",
)
_ADVERTISING_NEEDLES = (
    "anzeige", "werbung", "advertis", "sponsored", "publicidad", "publicité", "реклама", "reklam", "жарнама", "რეკლამა",
    "գովազդ", "광고", "disclosure", "werbehinweis", "commission", "comisi", "comiss", "supported by", "qualifying purchases",
    "affiliate", "provision",
)


def furniture_rule(block: Block) -> str | None:
    """The furniture kind of one short HTML block, or None when it may be content."""
    text = block.text
    if len(text) > MAX_FURNITURE_CHARS:
        return None
    if len(text) <= MAX_TEASER_CHARS and (
        READ_ALSO_TEASER.match(text) or READ_ALSO_LABEL.match(text) or ARROW_TEASER.match(text)
    ):
        return rules.READ_MORE
    lowered = text.lower()
    if any(word in lowered for word in _PAYWALL_NEEDLES) and _paywalled(text):
        return rules.PAYWALL
    if any(word in lowered for word in _ADVERTISING_NEEDLES) and _discloses(text):
        return rules.ADVERTISING
    if SHARE_LABEL.match(text) or _calls_to_action(text) or _lists_platforms(text) or signs_up(text, lowered):
        return rules.SOCIAL
    if len(text) <= MAX_DATELINE_CHARS and _dateline(text):
        return rules.DATELINE
    # "Related Posts:", "Auch interessant", "Latest News" as a line of its own
    # that did not end the article (a paragraph, or a heading over a box
    # above it): the heading goes alone, as a text dump's does.
    if len(text) <= MAX_SECTION_HEADING_CHARS and patterns.section_end_kind(text):
        return rules.SECTION_HEADING
    return None


def _dateline(text: str) -> bool:
    """A date label alone ("Updated", "Datum:"), or with its date right after it (LABEL_TO_DATE) and little else."""
    label = DATE_LABEL.match(text)
    if label is None:
        return False
    if not text[label.end() :].strip(" :.,|-–"):
        return True
    start = LABEL_TO_DATE.match(text, label.end()).end()
    if not (_DATE_START.match(text, start) or _AGE.match(text, start)):
        return False  # "Updated maps show the flood zone.", "Datum der Wahl ist der 15. September."
    return len(_DATE.sub("", text[label.end() :]).strip(" :.,|-")) <= MAX_DATELINE_REST_CHARS


# Text dumps get the read-also, paywall, advertising and sign-up rules above
# (the calls to action, share labels and datelines add nothing there that
# the text rules miss: bench/README.md).  Only the lines that can match reach
# them: a read-also line opens with one of its phrases' first words (or
# ">>"), read casefolded with case-sensitive copies of its patterns; every
# paywall or advertising phrase needs one of the other words somewhere.
_READ_ALSO_FIRST_WORDS = frozenset(
    """read also see related recommended more lesen auch lies mehr siehe schon zum à a lire voir lea vea mire mira
    le te puede puedes también leia veja leggi vedi lees czytaj zobacz читайте смотрите ayrıca ilginizi das
    həmçinin тағы сондай-ақ ასევე կարդացեք դիտեք 관련기사 関連記事 相关阅读 延伸阅读""".split()
)
_NOTICE_WORDS = frozenset(
    """view read continue subscriber subscribers lire accéder abonnés créez weiterlesen abonnenten testen
    bezahlschranke cancela hazte exclusivo anzeige werbung advertisement advertisers advertise sponsored
    publicidad publicité provision commission commissions qualifying comisión commissione comissão affiliate affiliate-link
    affiliate-links affiliatelink affiliatelinks
    supported реклама reklam жарнама რეკლამა գովազդ 광고""".split()
)


# The same as words of a dump's line: the words a sign-up's small print
# opens with (SIGN_UP_TERMS), or holds anywhere (and INBOX_PITCH's).
_SIGN_UP_FIRST_WORDS = frozenset(opening.strip() for opening in _SIGN_UP_OPENINGS)
_SIGN_UP_WORDS = frozenset(phrase.split()[0] for phrase in _SIGN_UP_ANYWHERE) | {"inbox"}


_READ_ALSO_TEASER_FOLDED, _READ_ALSO_LABEL_FOLDED = map(patterns.on_folded, (READ_ALSO_TEASER, READ_ALSO_LABEL))


def _text_line_rule(text: str, folded: str, words: list[str]) -> str | None:
    if len(text) <= MAX_TEASER_CHARS and (
        ARROW_TEASER.match(text)
        or (words and words[0] in _READ_ALSO_FIRST_WORDS and (_READ_ALSO_TEASER_FOLDED.match(folded) or _READ_ALSO_LABEL_FOLDED.match(folded)))
    ):
        return rules.READ_MORE
    if words and (words[0] in _SIGN_UP_FIRST_WORDS or not _SIGN_UP_WORDS.isdisjoint(words)) and signs_up(text):
        return rules.SOCIAL
    if _NOTICE_WORDS.isdisjoint(words):
        return None
    # Few lines get here: the notices are read on the line as written (the case-sensitive "I").
    if _paywalled(text):
        return rules.PAYWALL
    if _discloses(text):
        return rules.ADVERTISING
    return None


def mark_text_furniture(texts: list[str], folded: list[str], tokens: list[list[str]], furniture: dict[int, str]) -> None:
    """Add the read-also, paywall, advertising and sign-up rules for text-dump lines (casefolded, with their words)."""
    candidates = [
        i
        for i, (text, words) in enumerate(zip(texts, tokens))
        if words and (words[0] in _READ_ALSO_FIRST_WORDS or words[0] in _SIGN_UP_FIRST_WORDS or not _SIGN_UP_WORDS.isdisjoint(words) or not _NOTICE_WORDS.isdisjoint(words))
    ]
    # ">> Title <<" opens with the title's word: found by its end (one page scan rules out most pages).
    if "<<" in "\n".join(folded):
        candidates += [i for i, line in enumerate(folded) if line.endswith("<<") or line[-1:].isspace() and line.rstrip().endswith("<<")]
    for i in sorted(set(candidates)):
        if i not in furniture and len(texts[i]) <= MAX_FURNITURE_CHARS:
            rule = _text_line_rule(texts[i], folded[i], tokens[i])
            if rule:
                furniture[i] = rule


def mark_furniture(blocks: list[Block], furniture: dict[int, str]) -> None:
    """Add the HTML-only furniture rules to `furniture` (index -> rule) for blocks no rule took yet."""
    for i, block in enumerate(blocks):
        if i in furniture:
            continue
        rule = furniture_rule(block)
        if rule:
            furniture[i] = rule
