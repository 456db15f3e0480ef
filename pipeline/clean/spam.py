"""Spam: gambling, adult, pharma and loan blocks, and spam tokens spliced into sentences."""

from __future__ import annotations

import re

from .scripts import dominant_script

# Terms that are spam in news text in every context we have seen: the
# vocabulary of gambling, adult, pharma and payday-loan link farms.  Kept to
# specific compounds where a single word is also ordinary vocabulary
# ("slot" alone is a time slot; "slot gacor" is Indonesian gambling spam).
SPAM_TERMS = [
    # Korean gambling
    "토토", "카지노", "바카라", "먹튀", "슬롯", "안전놀이터", "놀이터", "사설토토", "메이저사이트", "파워볼",
    "홀덤", "도박", "배팅", "베팅", "스포츠토토", "온라인카지노",
    # English
    "casino", "casinos", "gambling", "sportsbook", "sports betting", "online betting", "betting site",
    "bookmaker", "bookmakers", "roulette", "blackjack", "baccarat", "free spins", "jackpot", "slot machine",
    "slot machines", "online slots", "online slot", "poker room", "no deposit bonus", "viagra", "cialis",
    "payday loan", "payday loans", "escort service", "porn", "xxx", "sex cams",
    # Indonesian / Malay
    "slot gacor", "judi online", "situs slot", "togel", "maxwin", "situs judi", "agen slot",
    # Thai
    "สล็อต", "บาคาร่า", "คาสิโน", "แทงบอล", "เว็บตรง", "เครดิตฟรี",
    # Vietnamese
    "nhà cái", "cá cược", "tài xỉu", "nổ hũ", "đánh bạc",
    # Japanese
    "カジノ", "オンラインカジノ", "パチンコ", "ブックメーカー", "スロット",
    # Chinese
    "博彩", "赌场", "百家乐", "老虎机", "娱乐城", "体育投注", "网上赌博",
    # Russian
    "казино", "букмекер", "букмекерская", "игровые автоматы", "онлайн казино", "ставки на спорт",
]

_LATIN_TERM = re.compile(r"^[\x00-\u024f\u1e00-\u1eff ]+$")


def _compile(terms: list[str]) -> re.Pattern:
    parts = []
    for term in sorted(terms, key=len, reverse=True):
        escaped = re.escape(term)
        # Latin/Cyrillic terms must match whole words; CJK/Thai/Hangul have no spaces.
        if _LATIN_TERM.match(term) or re.match(r"^[\u0400-\u04ff ]+$", term):
            parts.append(rf"(?<!\w){escaped}(?!\w)")
        else:
            parts.append(escaped)
    return re.compile("|".join(parts), re.IGNORECASE)


SPAM_PATTERN = _compile(SPAM_TERMS)

# A block with this many spam-term hits per 100 characters is a spam block.
# Legitimate reporting on the gambling industry mentions "casino" once or
# twice in a paragraph of 500+ characters (< 0.5 per 100).
SPAM_HITS_PER_100_CHARS = 1.0


_TERMS_FOLDED = tuple(sorted({t.casefold() for t in SPAM_TERMS}))


def may_contain_spam(text: str) -> bool:
    """Fast page-level pre-check (substring tests, no regex): False means no spam term at all."""
    folded = text.casefold()
    return any(term in folded for term in _TERMS_FOLDED)


def spam_hits(text: str) -> int:
    return len(SPAM_PATTERN.findall(text))


def is_spam_block(text: str, article_script: str | None) -> bool:
    """A block of gambling/adult/pharma teasers, judged by term density or a foreign-script hit."""
    hits = spam_hits(text)
    if not hits:
        return False
    if hits * 100 / max(len(text), 1) >= SPAM_HITS_PER_100_CHARS:
        return True
    block_script = dominant_script(text)
    return article_script is not None and block_script is not None and block_script != article_script


_TOKEN = re.compile(r"\S+")


def strip_inline_spam(text: str, article_script: str | None) -> tuple[str, list[str]]:
    """Cut spam tokens in a foreign script out of a sentence, leaving the rest intact.

    Only tokens whose script differs from the sentence's own are cut, so a
    quoted foreign term stays unless it is itself spam vocabulary.
    """
    sentence_script = dominant_script(text) or article_script
    removed: list[str] = []

    def replace(match: re.Match) -> str:
        token = match.group(0)
        core = token.strip(".,;:!?\"'()[]«»“”")
        if not core or not SPAM_PATTERN.fullmatch(core):
            return token
        if dominant_script(core) == sentence_script:
            return token
        removed.append(token)
        return ""

    cleaned = _TOKEN.sub(replace, text)
    if not removed:
        return text, []
    return " ".join(cleaned.split()), removed
