"""Cookie and privacy consent notices: the site asking the reader to accept its cookies.

A notice names cookies, a word of consent or its settings (accept,
settings, privacy policy, "we use cookies"), and the site speaking of
itself ("we", "our", "this website", "by continuing to browse") in one
block: "We use cookies on our website to give you the most relevant
experience ...", "Diese Website nutzt Cookies", "Продолжая пользоваться
сайтом, вы соглашаетесь на использование файлов cookie".  An article
about cookies names them without the site speaking ("The regulator said
websites must ask for consent before setting cookies"), or without a word
of consent (a recipe: "we love these cookies"); a short label needs no
speaker ("Cookie-Einstellungen", "Privacy & Cookies").

Content a page embeds from another site (a post of Instagram, a video)
is shown only once the reader consents, and until then the page prints a
notice in its place: "Empfohlener redaktioneller Inhalt", "An dieser
Stelle findet Ihr einen externen Inhalt von Instagram ... Ihr könnt ihn
Euch mit einem Klick anzeigen lassen", "This content is imported from
Instagram. You may be able to find the same content in another format
...".  A block that names such content and speaks to the reader or of
the site, asks for consent, or is a label, is a notice too; and so is a
box's heading that names privacy, the site and the reader ("We value
your privacy", "Wir respektieren deine Privatsphäre").

Consent boxes say more around the notice: a block next to one that
names cookies and a word of consent, and speaks to the reader or is a
short row of links, is the box's too ("You can withdraw your consent at
any time via the cookie settings", "Impressum | Datenschutz |
Cookie-Richtlinie").  A sentence beside a notice that speaks to no one is
the article's ("The regulator said websites must ask for consent before
setting cookies").
"""

from __future__ import annotations

import re

from . import rules
from ..dumps.layout import ends_sentence
from .features import lines_containing, lines_matching

# Consent notices run to a few sentences (the longest in either corpus ~600
# characters); a longer block is a paragraph of prose that names cookies.
MAX_NOTICE_CHARS = 800
# A block this short that names cookies and a word of consent is a label or a button row ("Cookie-Einstellungen", "Privacy & Cookies").
LABEL_MAX_CHARS = 50
# A consent box's blocks lie within this many blocks of one of its notices (a table's "Duration", "11 months" between).
BOX_REACH = 3
# A row of links or buttons in a box is this short ("Alle akzeptieren Speichern Nur essenzielle Cookies akzeptieren").
BOX_ROW_MAX_CHARS = 150

# The word, in the users' languages; Latin "cookie" also inside a compound
# ("Drittanbieter-Cookies", "Cookieabfrage", "Statistikcookies").
COOKIE = re.compile(
    r"cookie|(?<![^\W\d_])(?:куки|кукі|çerez|çərəz|kuki|ქუქი|քուքի|ciasteczk|sütik?)|쿠키|クッキー",
    re.IGNORECASE,
)
# Words of consent and its settings; "use(s) cookies" as the site says it.
CONSENT = re.compile(
    r"\bconsent|\baccept|\bagree|\breject|\brefus|\bchoices\b|\bsettings\b|\bpreferences\b|\bprivacy\b|\bpolicy\b|\bgdpr\b|\bopt[- ]?out\b|\btracking\b|"
    r"\b(?:use[sd]?|using)\s+cookies\b|"
    r"zustimm|einwillig|akzeptier|ablehn|auswahl|einstellung|datenschutz|richtlinie|\bdsgvo\b|drittanbieter|"
    r"\b(?:verwende|nutz|speicher|setz)\w*\s+(?:\w+\s+)?cookies\b|"
    r"\bconsentement|\baccepte|\bchoix\b|param[èé]tr|confidentialité|\bpolitique\b|\brgpd\b|\butilis\w*\s+(?:des\s+)?cookies\b|"
    r"\bconsentimiento|\bacept|\brechaz|configuraci[óo]n|privacidad|pol[ií]tica|\butiliz\w*\s+cookies\b|\busamos\s+cookies\b|"
    r"\bconsenso|\baccett|\brifiut|impostazioni|informativa|\bconsentimento|\baceit|configuraç|privacidade|"
    r"\btoestemming|\bakkoord|instellingen|\bgebruik\w*\s+cookies\b|"
    r"\bzgod|akceptuj|ustawie[nń]|prywatno|polityk|używa\w*\s+(?:plików\s+)?cookies\b|"
    r"согла[сш]|приня|отказ|отклон|принима|настро[йе]к|конфиденциальн|политик|использ\w*\s+(?:файлы\s+)?(?:cookie|куки)|"
    r"\bзгод|погодж|відмов|відхил|прийма|прийня|налаштуван|конфіденційн|політик|використ\w*\s+(?:файли\s+)?(?:cookie|кукі|куки)|"
    r"\bkabul|\bonay|\bredd|ayarlar|gizlilik|politika|kullan(?:ıyoruz|ılmaktadır|maktadır)|"
    r"razılaş|qəbul|parametrlər|məxfilik|siyasət|istifadə (?:edirik|olunur)|"
    r"келісі|қабылда|баптау|құпиялылық|саясат|пайдалана(?:мыз|ды)|"
    r"თანხმ|ეთანხმ|პარამეტრ|კონფიდენციალურ|პოლიტიკ|ვიყენებთ|"
    r"համաձայն|ընդուն|կարգավոր|գաղտնիութ|քաղաքականութ|օգտագործում ենք|"
    r"동의|수락|거부|설정|개인정보|정책|사용합니다|同意|設定|プライバシー|ポリシー|使用しています",
    re.IGNORECASE,
)
# The site speaking of itself, or of the reader's going on with it, in the users' languages
# (html_blocks.SITE_SPEAKING, for paywall notices, knows "we" and "wir" only).
NOTICE_SPEAKER = re.compile(
    r"\b(?:we|us|our|this (?:web)?site|by (?:continuing|clicking|using|browsing|scrolling|closing))\b|"
    r"\b(?:wir|uns|unser\w*|diese (?:web)?seite|diese website|durch die (?:weitere )?nutzung|wenn sie (?:die|diese) (?:web)?seite)\b|"
    r"\b(?:nous|notre|nos|ce site|en (?:poursuivant|continuant|cliquant))\b|"
    r"\b(?:nosotros|nuestr[oa]s?|este sitio|al (?:continuar|hacer clic)|si contin[úu]a)\b|"
    r"\b(?:noi|nostr[oiae]|questo sito|proseguendo)\b|\b(?:nós|noss[oa]s?|este site|ao continuar)\b|"
    r"\b(?:wij|onze?|deze (?:web)?site)\b|\b(?:nasz\w*|ta strona|ten serwis|kontynuując)\b|"
    r"\b(?:мы|нас|наш\w*|этот сайт|продолжая)\b|\b(?:ми|нас|наш\w*|цей сайт|продовжуючи)\b|"
    r"\b(?:biz|sitemiz\w*|bu site|devam ederek)\b|\b(?:saytımız\w*|bu sayt|davam etməklə)\b|"
    r"\b(?:біз|сайтымыз\w*|бұл сайт)\b|ჩვენ|ეს საიტი|\b(?:մենք|մեր|այս կայք)|"
    r"당사|저희|본 사이트|이 사이트|当サイト|当社|本サイト",
    re.IGNORECASE,
)

# The site speaking to the reader (German's formal "Sie" capitalised: "sie" is "they").
READER = re.compile(
    r"\b(?:you|your|du|dich|dir|dein\w*|(?-i:Sie|Ihnen|Ihre?[mnrs]?)|vous|votre|vos|tu|usted|você|jij|uw|вы|вас|ваш\w*|ви|siz|sizin|sen|сіз)\b|"
    r"თქვენ|\b(?:դուք|ձեր)|귀하|당신",
    re.IGNORECASE,
)

# Content embedded from another site, as the notice in its place names it.
EXTERNAL = re.compile(
    r"\bextern\w* inhalt|empfohlener redaktioneller inhalt|inhalte? (?:von|aus) drittanbieter|\bexternal (?:content|media)\b|"
    r"third[- ]party (?:content|media)|content is imported from|\bcontenu (?:externe|tiers)|contenido (?:externo|de terceros)|"
    r"contenuto esterno|conteúdo externo|zewnętrzn\w+ treś|внешн\w+ (?:контент|содержим)|зовнішн\w+ (?:контент|вміст)|"
    r"harici içeri[kğ]|xarici məzmun|сыртқы мазмұн|გარე კონტენტ|արտաքին բովանդակ|외부 콘텐츠",
    re.IGNORECASE,
)
# EXTERNAL's literal starts, casefolded, found by str.find: pages without one are passed over.
_EXTERNAL_FOLDED = (
    "extern", "empfohlener redaktioneller", "drittanbieter", "third-party", "third party", "content is imported", "contenu", "contenido",
    "contenuto", "conteúdo", "zewnętrzn", "внешн", "зовнішн", "harici", "xarici", "сыртқы", "გარე", "արտաքին", "외부 콘텐츠",
)

# A title about privacy: the page's sentences of consent are its text.
PRIVACY = re.compile(
    r"privacy|datenschutz|privatsphäre|confidentialité|vie privée|privacidad|privacidade|riservatezza|prywatno|\b(?:gdpr|dsgvo|rgpd)\b|"
    r"конфиденциальн|конфіденційн|gizlilik|məxfilik|құпиялылық|კონფიდენციალურ|գաղտնիութ|개인정보|プライバシー",
    re.IGNORECASE,
)
# PRIVACY's words casefolded (its "\b(?:gdpr...)" as plain words), found by str.find in the casefolded page (_privacy_label reads the short lines).
_PRIVACY_FOLDED = (
    "privacy", "datenschutz", "privatsphäre", "confidentialité", "vie privée", "privacidad", "privacidade", "riservatezza", "prywatno",
    "gdpr", "dsgvo", "rgpd", "конфиденциальн", "конфіденційн", "gizlilik", "məxfilik", "құпиялылық", "კონფიდენციალურ", "գաղտնիութ",
    "개인정보", "プライバシー",
)


def consent_notice(text: str) -> bool:
    """A block that asks the reader to accept the site's cookies, or labels its settings."""
    return COOKIE.search(text) is not None and _of_consent(text) and _asks(text)


def _of_consent(text: str) -> bool:
    """A block short enough for a notice that holds a word of consent (one that names cookies: a notice, or a line of its box)."""
    return len(text) <= MAX_NOTICE_CHARS and CONSENT.search(text) is not None


def _asks(text: str) -> bool:
    """A label, or the site speaking: what makes a block of consent a notice."""
    return len(text) <= LABEL_MAX_CHARS or NOTICE_SPEAKER.search(text) is not None


def _privacy_label(text: str) -> bool:
    """A consent box's heading that names no cookie: the site and the reader, and privacy ("We value your privacy", "Wir respektieren deine Privatsphäre")."""
    return (
        len(text) <= LABEL_MAX_CHARS
        and PRIVACY.search(text) is not None
        and NOTICE_SPEAKER.search(text) is not None
        and READER.search(text) is not None
    )


def _embed_notice(text: str) -> bool:
    """A block in place of embedded content: it names the content and is a label, speaks of the site or to the reader, or asks for consent."""
    return (
        len(text) <= MAX_NOTICE_CHARS
        and EXTERNAL.search(text) is not None
        and (_asks(text) or READER.search(text) is not None or CONSENT.search(text) is not None)
    )


# COOKIE's words casefolded, searched in the casefolded page: a case-sensitive
# pattern of literals scans a page several times faster than COOKIE (a third
# of the pages name cookies somewhere); COOKIE then reads the lines it finds.
_COOKIE_FOLDED = re.compile("cookie|куки|кукі|çerez|çərəz|kuki|ქუქი|քուքի|ciasteczk|süti|쿠키|クッキー")


def mark_notices(texts: list[str], folded: list[str], furniture: dict[int, str], title: str | None = None, page: str | None = None) -> None:
    """Add the consent notices and the blocks of their boxes to `furniture` (index -> rule) where no rule took them.

    `folded`: the lines casefolded (features.fold), `page` "\n".join(folded)
    when the caller has it; `title`: the page's title where it is known
    before cleaning (an HTML page's, a feed's).  A
    page whose title names cookies or privacy ("Privacy Policy",
    "Datenschutzerklärung", "Cookie consent: what the new rules mean") is
    about them: its sentences of consent are its text.
    """
    if title and (COOKIE.search(title) or PRIVACY.search(title)):
        return
    if page is None:
        page = "\n".join(folded)
    named = sorted(i for i in lines_matching(_COOKIE_FOLDED, folded, page) if COOKIE.search(texts[i]))
    of_consent = [i for i in named if _of_consent(texts[i])]
    notices = [i for i in of_consent if _asks(texts[i])]
    embedded = [i for i in lines_containing(_EXTERNAL_FOLDED, folded, page) if _embed_notice(texts[i])]
    labels = [i for i in lines_containing(_PRIVACY_FOLDED, folded, page) if _privacy_label(texts[i])]
    if not notices and not embedded and not labels:
        return
    notices += embedded + labels
    # The box: blocks of consent within BOX_REACH of a marked one, in chains either way, that speak to the reader or are a short row.
    boxed = [i for i in of_consent if READER.search(texts[i]) or (len(texts[i]) <= BOX_ROW_MAX_CHARS and not ends_sentence(texts[i]))]
    marked = set(notices)
    for order in (boxed, boxed[::-1]):
        for i in order:
            if i not in marked and any(abs(i - j) <= BOX_REACH for j in marked):
                marked.add(i)
    for i in marked:
        furniture.setdefault(i, rules.CONSENT_NOTICE)
