"""Spam: gambling, adult, pharma and loan blocks, link farms, and spam spliced into sentences.

Three decisions, all from a multilingual lexicon plus the shape of the page:

- a *spam line* carries spam vocabulary (or addresses of spam sites) and
  something that rules out an honest mention: it is in another script than
  the article, it is dense with spam and promotion words, or it is a list
  of links; lines next to spam lines that also carry spam vocabulary, are in
  a foreign script, or are the short heading over them ("Partner links")
  go with them;
- an *inline spam* token (a spam word in a foreign script, an SEO anchor
  phrase such as "slot gacor", a gambling-site address) spliced into an
  article sentence is cut out of the sentence, which otherwise stays;
- a *spam page* (a gambling landing page) is one whose text is mostly spam
  lines: it is rejected, not stored as an article.

An article *about* gambling, loans or pornography law uses the same words:
when the article's own prose keeps returning to them (`is_topical`), single
words stop counting, and only dense, foreign-script or link-list lines go.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import chain
from typing import TYPE_CHECKING

from ..document import Block
from . import rules
from .step import Cut, Removals
from .scripts import WORD_CHAR, dominant_script
from .shapes import SENTENCE_END, heading_like

if TYPE_CHECKING:
    from .page import Page

# Lexicon, by category.  `strong`: words and phrases that only spam uses
# (SEO anchor texts, site-type words such as 먹튀 "scam-verified" or "toto
# site").  `weak`: ordinary vocabulary of the topic ("casino", "poker"),
# evidence only together with other signals.  Written per language from the
# vocabulary of link-farm pages; kept to forms that do not occur in other
# senses ("slot" alone is a time slot, "toto" alone a band and a toilet maker).
LEXICON: dict[str, dict[str, list[str]]] = {
    "gambling": {
        "strong": [
            # Korean
            "토토사이트", "먹튀", "먹튀검증", "안전놀이터", "메이저놀이터", "놀이터추천", "사설토토", "메이저사이트",
            "카지노사이트", "바카라사이트", "슬롯사이트", "온라인카지노", "온라인바카라", "첫충", "매충", "가입코드",
            "꽁머니", "파워볼사이트",
            # English (SEO anchors)
            "toto site", "toto sites", "online casino", "online casinos", "casino online", "live casino", "free spins",
            "no deposit bonus", "online slots", "online slot", "slot online", "real money slots", "casino bonus",
            "casino bonuses", "sportsbook promo", "betting tips",
            # Indonesian / Malay
            "slot gacor", "judi online", "judi slot", "judi bola", "situs slot", "situs judi", "agen slot", "agen judi",
            "bandar togel", "togel", "maxwin", "sbobet", "rtp live", "slot88", "gacor",
            # Thai
            "สล็อตเว็บตรง", "เว็บตรง", "เครดิตฟรี", "แทงบอล", "บาคาร่าออนไลน์", "คาสิโนออนไลน์", "ไม่ผ่านเอเย่นต์",
            # Vietnamese
            "nhà cái", "nổ hũ", "tài xỉu", "game bài đổi thưởng", "soi kèo",
            # Japanese
            "オンラインカジノ", "入金不要ボーナス", "ブックメーカー",
            # Chinese
            "娱乐城", "百家乐", "真人荷官", "彩金", "体育投注", "网上赌博", "特码", "博彩平台",
            # Russian
            "онлайн казино", "игровые автоматы", "бездепозитный бонус", "фриспины", "зеркало рабочее",
        ],
        "weak": [
            "토토", "카지노", "바카라", "슬롯", "놀이터", "파워볼", "홀덤", "도박", "배팅", "베팅", "스포츠토토",
            "casino", "casinos", "gambling", "sportsbook", "betting", "bookmaker", "bookmakers", "roulette",
            "blackjack", "baccarat", "jackpot", "slot machine", "slot machines", "slots", "poker",
            "judi", "slot", "taruhan",
            "สล็อต", "บาคาร่า", "คาสิโน", "พนัน",
            "cá cược", "đánh bạc", "cá độ",
            "カジノ", "パチンコ", "スロット", "ベッティング",
            "博彩", "赌场", "老虎机", "六合彩", "赌博", "投注",
            "казино", "букмекер", "букмекерская", "ставки на спорт", "ставки",
            "kasino", "glücksspiel", "sportwetten", "spielautomaten", "casino en ligne", "apuestas", "apostas",
        ],
    },
    "adult": {
        "strong": ["hot singles", "sex cams", "live sex", "porn tube", "free porn", "xxx videos", "escort service", "adult dating", "성인용품", "야동", "av女優"],
        "weak": ["porn", "escort", "camgirl", "sex", "nude", "порно", "интим", "色情"],
    },
    "pharma": {
        "strong": [
            "viagra", "cialis", "levitra", "kamagra", "without prescription", "no prescription", "online pharmacy",
            "generic viagra", "без рецепта",
        ],
        "weak": ["tramadol", "xanax", "valium", "phentermine"],
    },
    "loans": {
        "strong": [
            "payday loan", "payday loans", "no credit check", "bad credit ok", "cash loans", "instant loan",
            "займ на карту", "займы онлайн", "pinjaman online", "cepat cair", "vay tiền nhanh",
        ],
        # "loan" and "credit" are everyday news words: loan spam is known by its phrases.
        "weak": ["займ", "pinjaman", "대출"],
    },
}

# Promotion words: count only in a line that already has spam vocabulary.
PROMO_TERMS = [
    "bonus", "bonuses", "no deposit", "sign up", "signup", "promo code", "promo codes", "free bets",
    "payout", "payouts", "discount", "cheap", "same day approval", "claim now", "play now",
    "daftar", "terpercaya", "gampang menang", "link alternatif", "login", "deposit pulsa", "bonus new member",
    "가입", "보너스", "쿠폰", "지급", "추천", "검증", "환전", "입금", "이벤트", "무료",
    "สมัคร", "โบนัส", "ฝาก", "ถอน", "ฟรี", "รับเลย",
    "đăng ký", "tặng", "uy tín", "rút tiền", "nạp rút",
    "ボーナス", "無料", "登録", "入金", "出金",
    "注册", "送", "优惠", "首存", "信誉", "官方网站", "开奖", "正规",
    "бонус", "бесплатно", "без регистрации", "без отказа", "вывод", "регистрацию",
]

# Address of a site: bare domains ("slot88.com") and URLs.
DOMAIN = re.compile(
    r"(?<![\w@.-])(?:https?://)?(?:www\.)?((?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,12})(?:/[^\s]*)?(?![\w-])",
    re.IGNORECASE,
)
# A site name that is spam on its face, or a gambling brand pattern: two
# gambling stems, or one with a number ("bet365", "win777", "slot-88").
_SPAM_SITE_STEM = re.compile(r"casino|slot|toto|judi|poker|togel|sbobet|baccara|gacor|maxwin|jackpot|porn|viagra|cialis|payday|bookie|betting")
_GAMBLING_SITE_STEM = re.compile(r"bet|bola|spin|win|lucky|vip|play|mega|royal|jackpot|888|777")
_FILE_SUFFIXES = (".html", ".htm", ".php", ".jpg", ".png", ".pdf", ".js")
# Every DOMAIN match has a dot followed by two letters (its top-level
# domain); this search starts with a literal, so the regex engine skips
# ahead, and most lines are decided by it.
_MAY_HOLD_ADDRESS = re.compile(r"\.[a-z]{2}", re.IGNORECASE)

# Per line: spam score (strong 2, weak 1, spam site 2, promotion word 1 when
# any other hit) at which a line is spam.  2 in an article off the topic: one
# strong anchor phrase, or a gambling word with a promotion word.  3 in an
# article about the topic, where one or two words are reporting.
LINE_SCORE = 2
LINE_SCORE_TOPICAL = 3
# Long lines are judged by density instead: a paragraph of reporting on the
# gambling industry mentions it once or twice in 300+ characters; a
# promotional paragraph scores about one point per 60-80 characters.
DENSITY_FROM_CHARS = 150
SCORE_PER_100_CHARS = 1.0
# In an article about the topic a sentence of reporting can reach 2 points
# per 100 characters ("free spins and bonuses" in a story on advertising
# rules); a landing page's promotional sentences score 4-6.
SCORE_PER_100_CHARS_TOPICAL = 3.0
# A full sentence (this long, ending like one) is spam on its own only with
# this many pieces of evidence: one spliced word or address next to an
# incidental topic word ("sex ring", "casino plan") is cut inline instead.
SENTENCE_CHARS = 80
SENTENCE_ITEMS = 3
# A link list: this many addresses in one line.
LINK_FARM_ADDRESSES = 3
# The article is about the topic when its own (non-spam) lines use the
# lexicon this often, in at least this many different lines.
TOPICAL_HITS = 3
TOPICAL_LINES = 2
TOPICAL_PROSE_CHARS = 100
# The spam lines a heading must stand over, when some are already removed.
HEADED_SPAM_LINES = 2
# A run of headline-like lines with only ordinary topic words is a spam list
# when it names this many different terms ("Casino", "Poker", "Roulette"): a
# table that repeats one ("Slot Width", "3 Slots") or a magazine's section
# and its teaser ("Sex", "No-Gos beim Sex") is not.
LIST_MIN_TERMS = 2
# A page is spam when spam lines make up this share of its kept text, what
# is left is too short to be an article, and its headline is spam too (a
# short news item with a large injected block has a headline of its own).
PAGE_SPAM_SHARE = 0.6
PAGE_REMAINDER_CHARS = 400


# Scripts written without spaces between words (Thai, Japanese, Chinese),
# and Hangul, whose words carry particles and compounds ("먹튀검증", "카지노를"):
# lexicon terms in them match anywhere in the text.
_UNSPACED_CHARS = re.compile(r"[\u0e00-\u0e7f\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
_WORD = re.compile(f"{WORD_CHAR}+")
MAX_PHRASE_WORDS = 4


@dataclass(frozen=True)
class Hit:
    start: int
    end: int
    term: str
    strength: str  # strong | weak | promo
    category: str


class Lexicon:
    """Finds lexicon terms in a text: whole words and phrases, or substrings in unspaced scripts.

    One dictionary lookup per word n-gram instead of one regex alternative
    per term keeps a line's scan at a few microseconds.
    """

    def __init__(self, entries: list[tuple[str, str, str]]):
        self.phrases: dict[tuple[str, ...], tuple[str, str, str]] = {}
        substrings: dict[str, tuple[str, str, str]] = {}
        for term, strength, category in entries:
            key = term.lower()
            if _UNSPACED_CHARS.search(key):
                substrings.setdefault(key, (term, strength, category))
            else:
                self.phrases.setdefault(tuple(_WORD.findall(key)), (term, strength, category))
        self.substrings = substrings
        # Most words start no phrase: one set lookup skips them.
        self.first_words = frozenset(key[0] for key in self.phrases if key)
        self.rest_of: dict[str, list[tuple[str, ...]]] = {}  # first word -> the other words of its phrases
        for key in self.phrases:
            if key:
                self.rest_of.setdefault(key[0], []).append(key[1:])
        self.substring_pattern = (
            re.compile("|".join(re.escape(t) for t in sorted(substrings, key=len, reverse=True))) if substrings else None
        )

    def may_match(self, lowered: str) -> bool:
        """False when no term can match in this (lower-cased) text: set lookups, no phrase walk."""
        if self.substring_pattern is not None and _UNSPACED_CHARS.search(lowered) and self.substring_pattern.search(lowered):
            return True
        return bool(self.starting_words(lowered))

    def starting_words(self, lowered: str) -> set[str]:
        """The words of a (lower-cased) text that can start a term, brand forms ("slot88") included."""
        words = set(_WORD.findall(lowered))
        found = words & self.first_words
        # Brand names are a lexicon word and a number: "gacor99", "slot88".
        found.update(w for w in words if w[-1:].isdigit() and w.rstrip("0123456789") in self.first_words)
        return found

    def possible_starting_words(self, lowered: str, words: set[str] | None = None) -> set[str]:
        """starting_words, less the words whose phrases all need a word the text lacks.

        "no" starts "no deposit bonus": a page without "deposit" and
        "bonus" cannot hold that phrase, so its "no" starts nothing.
        `words` are the text's words when the caller has them (see page_words).
        """
        if words is None:
            words = set(_WORD.findall(lowered))
        found = {w for w in words & self.first_words if any(words.issuperset(rest) for rest in self.rest_of[w])}
        # Brand names are a lexicon word and a number: "gacor99", "slot88".
        found.update(w for w in words if w[-1:].isdigit() and (w.rstrip("0123456789"),) in self.phrases)
        return found

    def hits(self, text: str) -> list[Hit]:
        lowered = text.lower()
        found: list[Hit] = []
        if self.substring_pattern is not None and _UNSPACED_CHARS.search(lowered):
            for m in self.substring_pattern.finditer(lowered):
                term, strength, category = self.substrings[m.group(0)]
                found.append(Hit(m.start(), m.end(), term, strength, category))
        words = [(m.start(), m.end(), m.group(0)) for m in _WORD.finditer(lowered)]
        i = 0
        first_words = self.first_words
        while i < len(words):
            word = words[i][2]
            if word not in first_words and not (word[-1:].isdigit() and word.rstrip("0123456789") in first_words):
                i += 1
                continue
            for n in range(min(MAX_PHRASE_WORDS, len(words) - i), 0, -1):
                key = tuple(w for _, _, w in words[i : i + n])
                entry = self.phrases.get(key)
                if entry is None and n == 1 and key[0][-1:].isdigit():
                    # Brand names are a lexicon word and a number: "gacor99", "slot88".
                    entry = self.phrases.get((key[0].rstrip("0123456789"),))
                if entry:
                    found.append(Hit(words[i][0], words[i + n - 1][1], entry[0], entry[1], entry[2]))
                    i += n
                    break
            else:
                i += 1
        return found


def _entries() -> list[tuple[str, str, str]]:
    out = []
    for category, groups in LEXICON.items():
        out += [(t, "strong", category) for t in groups["strong"]]
    for category, groups in LEXICON.items():
        out += [(t, "weak", category) for t in groups["weak"]]
    return out


SPAM_LEXICON = Lexicon(_entries())
PROMO_LEXICON = Lexicon([(t, "promo", "promo") for t in PROMO_TERMS])


def _address_chunks(text: str) -> list[str]:
    """The space-delimited stretches of a text that hold a dot and two letters.

    A DOMAIN match holds no whitespace, so it lies inside one of them; and
    the edges of a stretch answer DOMAIN's look-behind and look-ahead as the
    whitespace around it does.  DOMAIN run over these finds what it finds
    over the whole text, without trying every word of a long page.
    """
    chunks = []
    end = -1
    for hit in _MAY_HOLD_ADDRESS.finditer(text):
        at = hit.start()
        if at < end:
            continue  # inside the stretch already taken
        start = max(text.rfind(" ", 0, at), text.rfind("\n", 0, at)) + 1
        stops = [k for k in (text.find(" ", at), text.find("\n", at)) if k >= 0]
        end = min(stops) if stops else len(text)
        chunks.append(text[start:end])
    return chunks


def spam_sites(text: str) -> list[str]:
    """Addresses in the text whose site name is a spam or gambling name."""
    found = []
    for match in (m for chunk in _address_chunks(text) for m in DOMAIN.finditer(chunk)):
        host = match.group(1).lower()
        if host.endswith(_FILE_SUFFIXES) or "." not in host:
            continue
        name = host.removeprefix("www.").rsplit(".", 1)[0]
        if _is_spam_site_name(name):
            found.append(match.group(0))
    return found


def _is_spam_site_name(name: str) -> bool:
    if _SPAM_SITE_STEM.search(name):
        return True
    stems = _GAMBLING_SITE_STEM.findall(name)
    return len(stems) >= 2 or (len(stems) == 1 and len(re.findall(r"\d", name)) >= 2)


@dataclass
class LineEvidence:
    strong: int
    weak: int
    promo: int
    sites: int
    addresses: int
    categories: set[str]

    @property
    def lexical(self) -> int:
        return self.strong + self.weak + self.sites

    @property
    def items(self) -> int:
        """Every spam item the line holds: lexicon terms, spam sites and promotion words."""
        return self.lexical + self.promo

    @property
    def score(self) -> int:
        base = 2 * self.strong + self.weak + 2 * self.sites
        return base + self.promo if base else 0


_NO_EVIDENCE = LineEvidence(0, 0, 0, 0, 0, set())


def evidence(text: str, lexical_possible: bool | None = None) -> LineEvidence:
    """A line's spam evidence.

    `lexical_possible`: whether SPAM_LEXICON.may_match the lower-cased
    line, when the caller knows it already.
    """
    if lexical_possible is None:
        lexical_possible = SPAM_LEXICON.may_match(text.lower())
    if "." not in text and not lexical_possible:
        return _NO_EVIDENCE  # the common case, decided by set lookups
    addresses = list(DOMAIN.finditer(text)) if _MAY_HOLD_ADDRESS.search(text) else []
    if not addresses and not lexical_possible:
        return _NO_EVIDENCE
    sites = [m for m in addresses if spam_sites(m.group(0))]
    # Words inside a spam address ("slot-poker77.bet") are that address, counted once.
    hits = (
        [h for h in SPAM_LEXICON.hits(text) if not any(m.start() <= h.start < m.end() for m in sites)]
        if lexical_possible
        else []
    )
    strong = sum(1 for h in hits if h.strength == "strong")
    promo = 0
    if hits or sites:
        # A promotion word inside a spam term ("검증" in "먹튀검증") is part of it.
        promo = sum(1 for p in PROMO_LEXICON.hits(text) if not any(h.start <= p.start < h.end for h in hits))
    categories = {h.category for h in hits} | ({"gambling"} if sites else set())
    return LineEvidence(
        strong=strong,
        weak=len(hits) - strong,
        promo=promo,
        sites=len(sites),
        addresses=len(addresses),
        categories=categories,
    )


def spam_hits(text: str) -> int:
    """Lexicon words and spam-site addresses in a text."""
    return evidence(text).lexical


def is_spam_block(text: str, article_script: str | None, topical: bool = False) -> bool:
    """A line that is spam on its own evidence (before looking at its neighbours)."""
    return _spam_on_its_own(text, evidence(text), dominant_script(text), article_script, topical)


def _spam_on_its_own(text: str, ev: LineEvidence, script: str | None, article_script: str | None, topical: bool) -> bool:
    if not ev.lexical:
        return False
    if article_script and script and script != article_script:
        return True
    if ev.addresses >= LINK_FARM_ADDRESSES:
        return True
    if not (ev.strong or ev.sites or ev.promo):
        return False  # ordinary words of the topic, in the article's script: reporting
    if ev.items < (SENTENCE_ITEMS if _sentence_like(text) else 2):
        return False  # a word or address spliced into a sentence: cut inline
    if len(text) >= DENSITY_FROM_CHARS:
        return ev.score * 100 / len(text) >= (SCORE_PER_100_CHARS_TOPICAL if topical else SCORE_PER_100_CHARS)
    return ev.score >= (LINE_SCORE_TOPICAL if topical else LINE_SCORE)


def is_topical(texts: list[str], article_script: str | None = None, evidences: list[LineEvidence] | None = None) -> bool:
    """True when an article's own prose keeps using the lexicon: it is about gambling, loans, ...

    Only sentences in the article's script count: spam is promotion in
    headlines and link lists, or in another language, while reporting is
    prose.
    """
    hits = []
    for n, text in enumerate(texts):
        if len(text) < TOPICAL_PROSE_CHARS or text.rstrip()[-1:] not in SENTENCE_END:
            continue
        ev = evidences[n] if evidences is not None else evidence(text)
        if not (ev.strong or ev.weak):
            continue  # counts nothing whatever its script: the script test is skipped
        if article_script and dominant_script(text) not in (article_script, None):
            continue
        hits.append(ev.strong + ev.weak)
    return sum(hits) >= TOPICAL_HITS and sum(1 for h in hits if h) >= TOPICAL_LINES


def _headings_over_removed_spam(blocks: list[Block], kept: list[int], flagged: set[int]) -> set[int]:
    """Kept headings over two or more spam lines that earlier removals (the HTML extractor, an earlier step) took in part.

    spam_lines sees the kept lines only: when most of a spam block was
    already removed, the "Partner links" over it stood alone.  Indices into `kept`.
    """
    found = set()
    flagged_blocks = {kept[n] for n in flagged}
    for n, index in enumerate(kept):
        below = range(index + 1, min(index + 1 + HEADED_SPAM_LINES, len(blocks)))
        # Set lookups first: most kept lines stand over kept, unflagged text.
        if n in flagged or len(below) < HEADED_SPAM_LINES or not all(j in flagged_blocks or not blocks[j].kept for j in below):
            continue
        if heading_like(blocks[index].text) and all(evidence(blocks[j].text).lexical for j in below):
            found.add(n)
    return found


def _headline_like(text: str) -> bool:
    return text.rstrip()[-1:] not in SENTENCE_END


def _spliced(text: str, ev: LineEvidence) -> bool:
    """A line of prose length with a single spam item: a sentence a word was spliced into, to be cut inline, whatever its last character.

    Such a line next to a spam block (or to another lexicon line) would be
    taken into the block when the dump cut its full stop.
    """
    return len(text) >= SENTENCE_CHARS and ev.items <= 1


def _list_line(text: str, ev: LineEvidence) -> bool:
    """A line that reads as one of a spam list's headlines: no sentence end, and not a sentence a word was spliced into."""
    return _headline_like(text) and not _spliced(text, ev)


def _reads_as_spam_list(run: list[int], texts: list[str], evidences: list[LineEvidence]) -> bool:
    """A run of headline-like lexicon lines with a spam term, site or promotion word, or with LIST_MIN_TERMS different topic words."""
    if any(evidences[i].strong or evidences[i].sites or evidences[i].promo for i in run):
        return True
    terms = {hit.term.lower().removesuffix("s") for i in run for hit in SPAM_LEXICON.hits(texts[i])}
    return len(terms) >= LIST_MIN_TERMS


def _sentence_like(text: str) -> bool:
    return len(text) >= SENTENCE_CHARS and not _headline_like(text)


class LazyScripts:
    """dominant_script of each text, computed when first asked for (most lines never are)."""

    def __init__(self, texts: list[str]):
        self.texts = texts
        self.cache: dict[int, str | None] = {}

    def __getitem__(self, i: int) -> str | None:
        if i not in self.cache:
            self.cache[i] = dominant_script(self.texts[i])
        return self.cache[i]


def spam_lines(
    texts: list[str],
    article_script: str | None,
    topical: bool = False,
    evidences: list[LineEvidence] | None = None,
    scripts: list[str | None] | None = None,
) -> set[int]:
    """Indices of spam lines among consecutive lines: seeds by their own evidence, then their run."""
    evidences = evidences if evidences is not None else [evidence(t) for t in texts]
    scripts = scripts if scripts is not None else LazyScripts(texts)

    def foreign(j: int) -> bool:
        sc = scripts[j]
        return article_script is not None and sc is not None and sc != article_script

    flagged = {
        i
        for i, t in enumerate(texts)
        if evidences[i].lexical and _spam_on_its_own(t, evidences[i], scripts[i], article_script, topical)
    }
    # Off the topic, two or more headline-like lines in a row that each use
    # the lexicon are a spam list, whatever their single words.
    if not topical:
        run: list[int] = []
        for i in range(len(texts) + 1):
            if i < len(texts) and evidences[i].lexical and _list_line(texts[i], evidences[i]):
                run.append(i)
                continue
            if len(run) >= 2 and _reads_as_spam_list(run, texts, evidences):
                flagged.update(run)
            run = []
    # Grow each run over neighbours with spam words or in a foreign script
    # (in an article about the topic, a single word is reporting).
    needed = 2 if topical else 1
    todo = sorted(flagged)
    while todo:
        i = todo.pop()
        for j in (i - 1, i + 1):
            if not (0 <= j < len(texts)) or j in flagged:
                continue
            # A full sentence next to spam with one spam word was spliced into: it is cut inline.
            if foreign(j) or (evidences[j].score >= needed and _list_line(texts[j], evidences[j])):
                flagged.add(j)
                todo.append(j)
    # A heading directly over a run of two or more spam lines is theirs.
    for i in sorted(flagged):
        if i - 1 >= 0 and i - 1 not in flagged and i + 1 in flagged and heading_like(texts[i - 1]):
            flagged.add(i - 1)
    return flagged


_EDGE_PUNCT = ".,;:!?\"'()[]«»“”„‘’"


def strip_inline_spam(text: str, article_script: str | None, topical: bool = False) -> tuple[str, list[str]]:
    """Cut spam spliced into a sentence; (new text, cut pieces).

    Cut: a token in another script than the sentence that is or contains a
    lexicon word ("카지노" in English text); and, unless the article is about
    the topic, a strong anchor phrase in the sentence's own script ("slot
    gacor") and a spam-site address ("slot88.com").  A quoted foreign word
    that is not spam, and ordinary words such as "casino", stay.
    """
    sentence_script = dominant_script(text) or article_script
    spans: list[tuple[int, int]] = []
    for hit in SPAM_LEXICON.hits(text):
        start, end = _widen_to_tokens(text, hit.start, hit.end)
        piece = text[start:end]
        script = _script_of(piece)
        if script and sentence_script and script != sentence_script:
            # A capitalised Latin word among another script is a name ("Groupe Casino").
            if hit.strength == "strong" or not piece[:1].isupper():
                spans.append((start, end))
        elif hit.strength == "strong" and not topical:
            spans.append((start, end))
    if not topical and "." in text:
        for match in DOMAIN.finditer(text):
            if spam_sites(match.group(0)):
                spans.append((match.start(), match.end()))
    if not spans:
        return text, []
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    removed = [text[s:e] for s, e in merged]
    kept_pieces = [text[: merged[0][0]]]
    kept_pieces += [text[merged[k][1] : merged[k + 1][0]] for k in range(len(merged) - 1)]
    kept_pieces.append(text[merged[-1][1] :])
    cleaned = kept_pieces[0]
    for piece in kept_pieces[1:]:
        cleaned = _join_cut(cleaned, piece)
    return cleaned.strip(), removed


def _join_cut(left: str, right: str) -> str:
    """Join the text around a cut with the spacing the sentence had: one space, none before punctuation."""
    if left.endswith(" ") and (right[:1] == " " or right[:1] in ",.;:!?)" or not right):
        left = left[:-1]
    elif not left and right[:1] == " ":
        right = right[1:]
    return left + right


def _widen_to_tokens(text: str, start: int, end: int) -> tuple[int, int]:
    """A match inside a word of a script without spaces stays as it is; else the whole tokens."""
    while start > 0 and not text[start - 1].isspace() and text[start - 1] not in _EDGE_PUNCT and _spaced(text[start - 1]):
        start -= 1
    while end < len(text) and not text[end].isspace() and text[end] not in _EDGE_PUNCT and _spaced(text[end]):
        end += 1
    return start, end


def _script_of(piece: str) -> str | None:
    return "Latin" if piece.isascii() and any(ch.isalpha() for ch in piece) else dominant_script(piece)


def _spaced(ch: str) -> bool:
    code = ord(ch)
    # Thai, Japanese and Chinese are written without spaces between words.
    return not (0x0E00 <= code <= 0x0E7F or 0x3040 <= code <= 0x9FFF)


def page_words(lowered: list[str], folded: list[str], tokens: list[list[str]]) -> set[str]:
    """The lexicon's words (_WORD runs) of lower-cased lines, taken from their casefolded tokens (features.tokenize).

    A line whose casefolding is its lower-casing (no "ß", no final sigma)
    gives the same runs from its tokens, once those joined by "-", "'" or
    "." are split; the page is then not tokenised a second time.
    """
    if lowered == folded:  # most pages: every line (one comparison of the lists)
        words = set(chain.from_iterable(tokens))
    else:
        words = set(chain.from_iterable(line_tokens for low, fold, line_tokens in zip(lowered, folded, tokens) if low == fold))
        for low, fold in zip(lowered, folded):
            if low != fold:
                words.update(_WORD.findall(low))
    joined = [w for w in words if not w.isalnum()]
    if joined:
        words.difference_update(joined)
        words.update(_WORD.findall(" ".join(joined)))
    return words


def remove_spam(page: Page) -> Removals:
    """Step `spam`: spam lines, spam cut out of sentences, and the rejection of a page that is mostly spam.

    A headline the step takes is picked again (headline.replace_headline).
    """
    headline = page.found.get("title") or page.doc.metadata.get("title")
    verdict = find_spam(page.blocks, page.folded, page.tokens, headline)
    removals = Removals(dict.fromkeys(verdict.lines, rules.SPAM), verdict.cuts, verdict.rejection)
    if page.headline is not None and page.headline in removals.blocks:
        page.replace_headline(removals.blocks)
    return removals


@dataclass
class SpamVerdict:
    lines: list[int]  # the blocks that are spam
    cuts: list[Cut]  # spam cut out of sentences that stay
    rejection: str | None  # the page's reason when it is a spam page


def find_spam(
    blocks: list[Block],
    folded: list[str] | None = None,
    tokens: list[list[str]] | None = None,
    headline: str | None = None,
) -> SpamVerdict:
    """The spam lines among the kept blocks, the spam spliced into their sentences, and whether the page is spam.

    `folded` and `tokens`: every block's casefolded text and its words
    (features.fold_and_tokenize), when the caller has them.  `headline`:
    the page's title (a spam page's title is spam too); the first kept
    block when None.
    """
    kept = [i for i, b in enumerate(blocks) if b.kept]
    if not kept:
        return SpamVerdict([], [], None)
    texts = [blocks[i].text for i in kept]
    page_text = "\n".join(texts)
    # Lines hold no newline and a word or an address never spans one, so a
    # page-wide scan tells which lines can hold a lexicon term or an address.
    lowered = [t.lower() for t in texts]
    page_lower = "\n".join(lowered)
    substrings = (
        SPAM_LEXICON.substring_pattern is not None
        and _UNSPACED_CHARS.search(page_lower) is not None
        and SPAM_LEXICON.substring_pattern.search(page_lower) is not None
    )
    known = None
    if folded is not None and tokens is not None:
        known = page_words(lowered, [folded[i] for i in kept], [tokens[i] for i in kept])
    words = SPAM_LEXICON.possible_starting_words(page_lower, known)
    if not substrings and not words and not ("." in page_text and spam_sites(page_text)):
        return SpamVerdict([], [], None)
    article_script = dominant_script(page_text, limit=5000)
    evidences = [
        evidence(t, (substrings or any(w in low for w in words)) and SPAM_LEXICON.may_match(low))
        for t, low in zip(texts, lowered)
    ]
    scripts = LazyScripts(texts)
    topical = is_topical(texts, article_script, evidences)
    flagged = spam_lines(texts, article_script, topical, evidences, scripts)
    flagged |= _headings_over_removed_spam(blocks, kept, flagged)
    lines = [kept[n] for n in flagged]
    rejection = _spam_page(texts, flagged, evidences, headline or texts[0])
    if rejection:
        return SpamVerdict(lines, [], rejection)
    cuts = []
    for n, index in enumerate(kept):
        if n in flagged or not evidences[n].lexical:
            continue  # nothing the inline cut could remove: no lexicon word, no spam address
        new_text, pieces = strip_inline_spam(texts[n], article_script, topical)
        if pieces and new_text.strip():
            cuts.append(Cut(index, new_text, tuple(pieces), rules.INLINE_SPAM))
    return SpamVerdict(lines, cuts, None)


def _spam_page(texts: list[str], flagged: set[int], evidences: list[LineEvidence], headline: str) -> str | None:
    """The rejection reason when the spam lines are most of the text, what is left is short, and the headline is spam too."""
    total = sum(len(t) for t in texts)
    spam_chars = sum(len(texts[n]) for n in flagged)
    if not (
        total
        and spam_chars / total >= PAGE_SPAM_SHARE
        and total - spam_chars < PAGE_REMAINDER_CHARS
        and evidence(headline).lexical
    ):
        return None
    categories: set[str] = set()
    for n in flagged:
        categories |= evidences[n].categories
    kind = "/".join(sorted(categories)) or rules.SPAM
    return f"{rules.SPAM}: {kind} page ({len(flagged)} of {len(texts)} blocks, {spam_chars * 100 // total}% of the text)"
