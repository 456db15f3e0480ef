"""Messages of the site's machinery, not its writers: server errors and notices about the reader's browser.

A server error is what PHP prints into the page when a script fails
("Warning: Creating default object from empty value in
/www/htdocs/wp-includes/classes.php on line 407", "Deprecated: ...",
"Strict Standards: ..."): the same English words on every site, ending
with the file and line.  Old blogs print dozens above and inside their
posts.

A browser notice speaks to the reader about their browser or its
JavaScript: "Your browser does not support the video tag", "Please enable
JavaScript to view the comments", "Sie verwenden einen veralteten
Browser", "Ваш браузер устарел", "Tarayıcınız video etiketini
desteklemiyor".  A sentence about browsers that speaks to no one stays
("Promises work in the latest versions of all modern browsers"), and so
does a long paragraph that names them: a notice is a few short sentences.
"""

from __future__ import annotations

import re

from . import rules
from .consent import READER
from .features import lines_containing

# PHP's messages: the level, a colon, the message, " in <file> on line <n>"
# (a block may hold several, one after the other).
SERVER_ERROR = re.compile(
    r"^(?:PHP )?(?:Warning|Notice|Deprecated|Strict Standards|(?:Catchable |Recoverable )?[Ff]atal error|Parse error)"
    r"\s*:\s.*\S\s+on line\s+\d+\.?$"
)
# Every message ends so (in lower case, as casefolding leaves it); pages without it are passed over with one scan.
_SERVER_ERROR_END = " on line "

# Notices run to two or three short sentences ("Thank you for visiting ...
# You are using a browser version with limited support for CSS ...": 330
# characters); a longer block is prose about browsers.
MAX_NOTICE_CHARS = 400

# The browser or its script as a notice names them.
_BROWSER = (
    r"browser\w*|javascript|navigateur|navegador|przeglądar\w*|браузер\w*|tarayıcı\w*|brauzer\w*|"
    r"ბრაუზერ\w*|բրաուզեր\w*|զննարկիչ\w*|브라우저|자바스크립트|ブラウザ"
)
# "Your browser does not support the video tag", "Dein Browser kann dieses
# Video nicht abspielen", "Ваш браузер не поддерживает видео",
# "Tarayıcınız ... desteklemiyor", "브라우저가 ... 지원하지 않습니다".
CANNOT_SHOW = re.compile(
    r"\b(?:your|ihr|dein|votre|ton|tu|su|seu|il tuo|twoja|ваш|твій)\s+(?:web\s?)?(?:" + _BROWSER + r")\s+"
    r"(?:does ?n[o’']t|cannot|can[’']?t|is not able to|kann|unterstützt|ne|no|não|non|nie|не)\b.{0,60}?"
    r"(?:support|play|display|show|unterstützt|abspielen|anzeigen|charge|supporte|soporta|admite|compatible|suporta|supporta|"
    r"obsługuje|поддерживает|підтримує)|"
    r"(?:tarayıcınız|brauzeriniz|браузеріңіз)\b.{0,60}?(?:desteklemiyor|dəstəkləmir|қолдамайды)|"
    r"(?:თქვენი ბრაუზერი|ձեր (?:բրաուզերը|զննարկիչը)).{0,60}?(?:არ უჭერს მხარს|չի աջակցում)|"
    r"브라우저(?:가|에서|는)?.{0,40}?(?:지원하지 않습니다|지원되지 않습니다)",
    re.IGNORECASE,
)
# "Please enable JavaScript", "Aktivieren Sie JavaScript", "включите
# JavaScript", "JavaScript is disabled", "JavaScript отключен".
SCRIPT_OFF = re.compile(
    r"\b(?:enable|activate|turn on|aktivieren sie|aktiviere|activez|active|activa|habilita|abilita|ativ[ea]|włącz|"
    r"включите|увімкніть|ჩართეთ|միացրեք)\s+(?:the\s+|bitte\s+|das\s+|le\s+|el\s+|o\s+)?(?:javascript|js)\b|"
    r"\bjavascript(?:'i|’i|-ը)?\s+(?:etkinleştirin|aktivləşdirin|қосыңыз)|"
    r"(?:javascript|자바스크립트)(?:를|을)?\s*(?:활성화|사용하도록)|"
    r"\bjavascript\s+(?:(?:support\s+)?(?:is|ist|est|está|jest)\s+(?:currently\s+|derzeit\s+|aktuell\s+)?)?"
    r"(?:disabled|turned off|not enabled|deaktiviert|ausgeschaltet|nicht aktiviert|désactivé|desactivado|wyłączon\w*|"
    r"отключен\w*|выключен\w*|вимкнен\w*|devre dışı|deaktivdir|өшірілген|გათიშულია|անջատված)",
    re.IGNORECASE,
)
# "You are using an outdated browser", "Du verwendest einen veralteten
# Browser", "Ihr Browser ist veraltet", "Ваш браузер устарел", "Please
# update your browser": in a block that speaks to the reader (OLD_BROWSER)
# or asks politely or names the site (UPDATE_BROWSER).  A heading
# "Supporting older browsers" speaks to no one; a security story's "update
# your browser now" neither asks politely nor names a site.
OLD_BROWSER = re.compile(
    r"(?:outdated|out[- ]of[- ]date|old|unsupported|older|veraltete[nmr]?|alte[nmr]?|obsolète|desactualizado|antiguo|przestarzał\w+|"
    r"устаревш\w+|застаріл\w+|eski|köhnə|ескі|მოძველებულ\w*|հնացած)\s+(?:bir\s+)?(?:web\s?)?(?:" + _BROWSER + r")|"
    r"(?:" + _BROWSER + r")\s+(?:version\s+with\s+limited\s+support|(?:is\s+|ist\s+)?(?:outdated|out of date|too old|no longer supported|"
    r"veraltet|obsolète|desactualizado|устарел|застарів|güncel değil|köhnədir|ескірген|მოძველებულია|հնացած է))",
    re.IGNORECASE,
)
UPDATE_BROWSER = re.compile(
    r"(?:update|upgrade|aktualisieren sie|aktualisiere|mettez à jour|actualiza|actualice|atualize|aggiorna|zaktualizuj|обновите|"
    r"оновіть|güncelleyin|yeniləyin|жаңартыңыз|განაახლეთ|թարմացրեք)\s+(?:your\s+|ihren\s+|deinen\s+|votre\s+|tu\s+|su\s+|seu\s+|"
    r"il tuo\s+|swoją\s+|ваш\s+|свой\s+|свій\s+)?(?:web\s?)?(?:" + _BROWSER + r")|"
    r"브라우저(?:를)?\s?(?:업데이트|최신 버전으로)",
    re.IGNORECASE,
)
# A forum's second line under its notice: "You should upgrade or use an
# alternative browser", "Du solltest ein Upgrade durchführen oder einen
# alternativen Browser verwenden", "Вы должны обновить его или использовать
# альтернативный браузер".
ALTERNATIVE_BROWSER = re.compile(
    r"(?:upgrade|update|aktualisieren|обновить|оновити|yükselt\w*|güncelle\w*)\b.{0,30}?\b(?:or|oder|ou|o|или|або|ya da)\b.{0,30}?"
    r"(?:alternative[nr]?|alternatif|альтернативн\w*|different|anderen)\s+(?:bir\s+)?(?:web\s?)?(?:" + _BROWSER + r")",
    re.IGNORECASE,
)
# What makes an update a notice: asking politely, or naming the site or its support.
NOTICE_CONTEXT = re.compile(
    r"\b(?:please|bitte|veuillez|por favor|per favore|proszę|пожалуйста|будь ласка|lütfen|zəhmət olmasa|өтінеміз)\b|გთხოვთ|խնդրում ենք|"
    r"\b(?:site|website|seite|webseite|page|sitio|página|strona|сайт\w*|sayt\w*)\b|საიტ|կայք|사이트|하세요|해 주세요|하십시오|"
    r"support",
    re.IGNORECASE,
)
# _BROWSER's words (lower case, as casefolding leaves them) found by str.find: pages without one are passed over.
_BROWSER_FOLDED = tuple(word.removesuffix(r"\w*") for word in _BROWSER.split("|"))


def server_error(text: str) -> bool:
    """A block of one or more of PHP's error messages."""
    return SERVER_ERROR.match(text) is not None


def browser_notice(text: str) -> bool:
    """A short block that tells the reader their browser cannot show the page, or that its JavaScript is off."""
    if len(text) > MAX_NOTICE_CHARS:
        return False
    return (
        CANNOT_SHOW.search(text) is not None
        or SCRIPT_OFF.search(text) is not None
        or ALTERNATIVE_BROWSER.search(text) is not None
        or (OLD_BROWSER.search(text) is not None and READER.search(text) is not None)
        or (UPDATE_BROWSER.search(text) is not None and NOTICE_CONTEXT.search(text) is not None)
    )


def mark_messages(texts: list[str], folded: list[str], furniture: dict[int, str], page: str | None = None) -> None:
    """Add the server errors and browser notices to `furniture` (index -> rule) where no rule took them.

    `folded`: the lines casefolded (features.fold); `page`: "\n".join(folded) when the caller has it.
    """
    for i in lines_containing((_SERVER_ERROR_END,), folded, page):
        if server_error(texts[i]):
            furniture.setdefault(i, rules.SERVER_ERROR)
    for i in lines_containing(_BROWSER_FOLDED, folded, page):
        if browser_notice(texts[i]):
            furniture.setdefault(i, rules.BROWSER_NOTICE)
