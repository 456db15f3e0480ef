"""Inject spam and unrelated content into clean pages, recording what went where.

Used by the cleaner's tests (small inline pages) and bench/bench_spam.py (text
dumps of the dev pages).  Three kinds of noise, as scraped news pages carry them:

- ``spam``: blocks of gambling / adult / pharma / loan / link-farm lines in
  eight languages, above, inside or below the article;
- ``inline``: one spam word or gambling-site address spliced into an article
  sentence between two words;
- ``teaser``: a section of teasers for other stories (a title, often followed
  by a full or truncated paragraph), with or without a heading such as
  "Related articles"; the teasers come from other pages.

Everything is drawn from a ``random.Random`` the caller seeds, so a run is
reproducible.  The spam text below is written for this generator: it is not
taken from the seeds, and the cleaner's lexicon is not built from it.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from typing import Sequence

# --- spam pools -------------------------------------------------------------
# {brand}, {num}, {domain} are filled per line so no two blocks are identical.

SPAM_POOLS: dict[str, list[str]] = {
    "ko_gambling": [
        "먹튀검증 완료된 안전놀이터 추천 순위 TOP {num}",
        "메이저사이트 가입코드 입력 시 첫충 {num}% 보너스 지급",
        "실시간 라이브 바카라 24시간 운영 {domain}",
        "토토사이트 먹튀 없는 메이저놀이터 모음 {domain}",
        "스포츠토토 배당률 분석과 승부식 예상 – 오늘의 추천 경기",
        "온라인 슬롯 게임은 최근 몇 년 동안 많은 플레이어들에게 꾸준한 인기를 얻고 있으며, 다양한 보너스와 이벤트가 제공됩니다…",
        "신규 회원 가입 시 카지노 쿠폰 {num}만원 즉시 지급, 먹튀 보증 업체만 소개합니다",
        "파워볼 분석기 무료 제공, 실시간 픽 공유 커뮤니티 {brand}",
        "사설토토 이용 전 반드시 확인해야 할 먹튀 사이트 유형 {num}가지",
        "온라인 홀덤 사이트 추천, 입금 보너스와 환전 속도 비교",
    ],
    "en_gambling": [
        "Best Online Casino Bonuses of {year}: Claim {num} Free Spins Today",
        "How to Pick a Safe Toto Site Before You Place Your First Bet",
        "Top {num} Baccarat Strategies Every Player Should Know",
        "{brand} Casino Review: Fast Payouts and a No Deposit Bonus",
        "Play real money slots at {domain} and win the progressive jackpot",
        "Sports betting tips for tonight: best odds, free bets and sportsbook promo codes",
        "Why thousands of players trust {brand} for online poker and blackjack",
    ],
    "id_gambling": [
        "Slot gacor hari ini gampang menang maxwin di {brand}",
        "Daftar situs judi slot online terpercaya {year} deposit pulsa tanpa potongan",
        "Bocoran RTP live slot pragmatic play tertinggi hari ini",
        "Link alternatif {brand} login anti blokir – {domain}",
        "Bandar togel online resmi dengan pasaran terlengkap dan diskon terbesar",
        "Agen judi bola sbobet terpercaya, bonus new member {num}% di awal",
    ],
    "th_gambling": [
        "สล็อตเว็บตรง ไม่ผ่านเอเย่นต์ ฝากถอนไม่มีขั้นต่ำ {domain}",
        "บาคาร่าออนไลน์ เว็บตรง สมัครวันนี้รับโบนัส {num}%",
        "แทงบอลออนไลน์ ราคาดีที่สุด จ่ายจริงทุกยอด",
        "เครดิตฟรี {num} ไม่ต้องฝาก ไม่ต้องแชร์ ยืนยันเบอร์รับเลย",
        "คาสิโนออนไลน์อันดับ 1 ในไทย เล่นง่ายได้เงินจริง",
    ],
    "vi_gambling": [
        "Nhà cái uy tín nhất Việt Nam {year} – tặng {num}K khi đăng ký",
        "Soi kèo bóng đá hôm nay, cá cược thể thao trực tuyến tại {brand}",
        "Game bài đổi thưởng, nổ hũ rút tiền nhanh chỉ trong 5 phút",
        "Tài xỉu online uy tín, nạp rút siêu tốc {domain}",
        "Top {num} nhà cái cá cược bóng đá được yêu thích nhất",
    ],
    "ja_gambling": [
        "オンラインカジノ 入金不要ボーナス 最新情報 {year}",
        "スロットで勝つための攻略法まとめ【完全版】",
        "ブックメーカーでスポーツベッティングを始めよう {domain}",
        "パチンコ 新台 勝てる台 徹底解説",
        "{brand}カジノの評判と出金スピードを本音で比較",
    ],
    "zh_gambling": [
        "澳门威尼斯人娱乐城 官方网站 注册送彩金 {num}元",
        "百家乐技巧 稳赢打法 在线真人荷官 {domain}",
        "体育投注首存优惠100% 信誉平台推荐",
        "网上赌博平台排行榜 {year} 最新 正规 老虎机",
        "六合彩开奖结果查询 今晚特码 {brand}",
    ],
    "ru_gambling": [
        "Лучшие онлайн казино с быстрым выводом денег {year}",
        "Игровые автоматы играть бесплатно без регистрации",
        "Ставки на спорт с бонусом {num} рублей за регистрацию",
        "Букмекерская контора {brand} зеркало рабочее на сегодня",
        "Казино {brand}: бездепозитный бонус и фриспины новым игрокам",
    ],
    "adult": [
        "Hot singles in your area want to meet tonight – {domain}",
        "Free live sex cams, no signup required",
        "XXX videos in HD – the best free porn tube {domain}",
        "Escort service {brand} – discreet companions available 24/7",
    ],
    "pharma": [
        "Buy cheap Viagra online without prescription – {domain}",
        "Cialis 20mg generic, discount pharmacy, overnight shipping",
        "Order Tramadol and Xanax online, no prescription needed",
        "Levitra, Kamagra and Cialis at {num}% off – trusted online pharmacy",
    ],
    "loans": [
        "Payday loans online with same day approval and no credit check",
        "Get instant cash loans up to ${num} – bad credit OK",
        "Займ на карту без отказа и проверок за {num} минут",
        "Pinjaman online cepat cair tanpa jaminan, bunga rendah",
    ],
    "link_farm": [
        "casino online | slot gacor | judi bola | togel hongkong | agen sbobet | {domain}",
        "https://{domain} https://{domain2} https://{domain3}",
        "Keywords: best casino, casino bonus, online casino, casino games, free casino, casino slots",
        "토토사이트 | 카지노사이트 | 바카라사이트 | 슬롯사이트 | {domain}",
        "{domain} {domain2} {domain3} {domain4}",
    ],
}

SPAM_HEADINGS = ["Related Posts", "Sponsored", "Partner links", "Recommended", "Our partners", ""]

_BRANDS = ["Lucky88", "SLOT777", "Royal Win", "Mega Spin", "BetKing", "Gacor99", "VIPtoto", "Golden Ace"]
_DOMAIN_WORDS = ["slot", "toto", "bet", "casino", "judi", "win", "jackpot", "poker", "bola", "baccarat", "spin"]
_TLDS = [".com", ".net", ".vip", ".xyz", ".club", ".io", ".bet", ".kr"]

# Words and addresses spliced into a sentence.
INLINE_TOKENS = [
    "토토", "카지노", "먹튀검증", "바카라사이트", "안전놀이터", "slot gacor", "judi online", "สล็อต",
    "nhà cái", "カジノ", "百家乐", "казино", "online casino", "{domain}", "https://{domain}", "www.{domain}",
]

# --- teaser sections --------------------------------------------------------

TEASER_HEADINGS = [
    "Related articles", "Editor's choice", "Popular", "Most read", "Read also", "More stories",
    "You might have missed", "Don't miss", "Weitere Meldungen", "Mehr aus dem Ressort",
    "Das könnte Sie auch interessieren", "À lire aussi", "Más noticias", "Top stories",
]
# Chance that a teaser section has a heading (inside an article, boxes are
# often just the teasers themselves).
TEASER_HEADING_CHANCE = 0.7
TEASER_PARAGRAPH_CHANCE = 0.7
TEASER_TRUNCATE_CHANCE = 0.5
# A teaser's text is a summary, not the story's first paragraph in full:
# sites show one or two sentences (a dek) or cut the lead short.  Untruncated
# teaser texts keep the leading sentences that fit in this many characters
# (the first sentence alone when it is longer).
TEASER_TEXT_MAX_CHARS = 300
_SENTENCE_BREAK = re.compile(r"""(?<=[.!?…。！？])["'”»]?\s+""")
POSITIONS = ("after", "after", "inside", "before")


@dataclass
class Teaser:
    """Another story: its title and one or two paragraphs of its text."""

    title: str
    paragraphs: list[str]
    language: str | None = None


@dataclass
class Injection:
    kind: str  # spam | inline | teaser
    position: str  # after | inside | before | sentence
    lines: list[str] = field(default_factory=list)  # injected lines (heading first when any)
    heading: str = ""
    token: str = ""  # inline: the spliced token
    original: str = ""  # inline: the sentence before splicing
    spliced: str = ""  # inline: the sentence after splicing
    label: str = ""  # spam: the pool; teaser: where the teasers came from


@dataclass
class NoisyPage:
    text: str
    injections: list[Injection]


def _fill(template: str, rng: random.Random) -> str:
    def domain() -> str:
        return rng.choice(_DOMAIN_WORDS) + rng.choice(["", "-", ""]) + rng.choice(_DOMAIN_WORDS + [""]) + str(rng.randint(1, 999)) + rng.choice(_TLDS)

    values = {
        "brand": rng.choice(_BRANDS), "num": str(rng.choice([5, 10, 20, 30, 50, 100, 300, 500])),
        "year": str(rng.randint(2019, 2026)), "domain": domain(), "domain2": domain(),
        "domain3": domain(), "domain4": domain(),
    }
    return re.sub(r"\{(\w+)\}", lambda m: values[m.group(1)], template)


def spam_block(rng: random.Random, pool: str | None = None) -> tuple[str, list[str]]:
    """(pool name, 2-6 spam lines from one pool)."""
    pool = pool or rng.choice(sorted(SPAM_POOLS))
    templates = SPAM_POOLS[pool]
    count = min(len(templates), rng.randint(2, 6))
    return pool, [_fill(t, rng) for t in rng.sample(templates, count)]


def inline_token(rng: random.Random) -> str:
    return _fill(rng.choice(INLINE_TOKENS), rng)


def splice(sentence: str, token: str, rng: random.Random) -> str | None:
    """The sentence with `token` between two of its words (never first or last), None if too short."""
    words = sentence.split(" ")
    gaps = [i for i in range(2, len(words) - 1) if words[i - 1][-1:].isalnum() and words[i][:1].isalnum()]
    if not gaps:
        return None
    i = rng.choice(gaps)
    return " ".join(words[:i] + [token] + words[i:])


def teaser_lines(teaser: Teaser, rng: random.Random) -> list[str]:
    lines = [teaser.title]
    if teaser.paragraphs and rng.random() < TEASER_PARAGRAPH_CHANCE:
        paragraph = teaser.paragraphs[0]
        if rng.random() < TEASER_TRUNCATE_CHANCE and len(paragraph) > 160:
            cut = paragraph[: rng.randint(120, 160)].rsplit(" ", 1)[0]
            paragraph = cut + rng.choice(["…", " …", "...", " [...]"])
        else:
            paragraph = summary(paragraph)
        lines.append(paragraph)
    return lines


def summary(paragraph: str, limit: int = TEASER_TEXT_MAX_CHARS) -> str:
    """The leading sentences of a paragraph that fit in `limit` characters (at least the first)."""
    out = ""
    for match in _SENTENCE_BREAK.finditer(paragraph):
        if out and match.start() > limit:
            break
        out = paragraph[: match.end()].rstrip()
    return out or paragraph


def _body_indices(lines: list[str], body: Sequence[str] | None) -> list[int]:
    if body:
        folded = [_fold(b) for b in body if b.strip()]
        found = [i for i, line in enumerate(lines) if any(seg in _fold(line) for seg in folded)]
        if found:
            return found
    # No known body: the prose-like lines.
    return [i for i, line in enumerate(lines) if len(line) >= 120 and line.rstrip()[-1:] in ".!?\"”»。"]


def _fold(text: str) -> str:
    return " ".join(text.split())


def inject_noise(
    text: str,
    rng: random.Random,
    teasers: Sequence[Teaser] = (),
    body: Sequence[str] | None = None,
    spam_blocks: int = 1,
    inline_tokens: int = 1,
    teaser_sections: int = 1,
    teasers_per_section: tuple[int, int] = (2, 4),
    title: str | None = None,
    positions: Sequence[str] = POSITIONS,
) -> NoisyPage:
    """A noisy copy of a page dump (lines separated by blank lines) and what was injected.

    `body` are snippets of the article (dev pages' `with` segments) used to
    find where the article is; without them, long sentence-like lines are
    taken as the article.  Teasers are drawn from `teasers` (other pages).
    Blocks go after the last body line, between two body lines, or above
    the page's `title` line (above the first body line when there is no
    title).  A block between body lines never has a section heading: a
    heading there would rightly end the article for the cleaner.
    """
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    injections: list[Injection] = []
    body_idx = _body_indices(lines, body)
    if not body_idx:
        return NoisyPage(text="\n\n".join(lines) + "\n", injections=[])

    # Inline tokens first, while line indices are still those of the page.
    candidates = [i for i in body_idx if len(lines[i]) >= 60 and len(lines[i].split()) >= 8]
    for i in rng.sample(candidates, min(inline_tokens, len(candidates))):
        token = inline_token(rng)
        spliced = splice(lines[i], token, rng)
        if spliced:
            injections.append(Injection("inline", "sentence", token=token, original=lines[i], spliced=spliced))
            lines[i] = spliced

    # Blocks are inserted around body lines, identified by object so later
    # insertions do not shift earlier choices.
    body_lines = [lines[i] for i in body_idx]
    top = next((line for line in lines if title and _fold(line) == _fold(title)), body_lines[0])
    inserts: list[tuple[str, str, list[str]]] = []  # (anchor line, where, lines)
    for _ in range(spam_blocks):
        pool, spam = spam_block(rng)
        where = rng.choice(positions)
        heading = rng.choice(SPAM_HEADINGS) if where != "inside" else ""
        block = ([heading] if heading else []) + spam
        injections.append(Injection("spam", where, lines=block, heading=heading, label=pool))
        inserts.append((_anchor(body_lines, top, where, rng), where, block))
    for _ in range(teaser_sections):
        if not teasers:
            break
        count = rng.randint(*teasers_per_section)
        chosen = rng.sample(list(teasers), min(count, len(teasers)))
        where = rng.choice(positions)
        headed = where != "inside" and rng.random() < TEASER_HEADING_CHANCE
        heading = rng.choice(TEASER_HEADINGS) if headed else ""
        block = [heading] if heading else []
        for teaser in chosen:
            block.extend(teaser_lines(teaser, rng))
        injections.append(Injection("teaser", where, lines=block, heading=heading, label="other pages"))
        inserts.append((_anchor(body_lines, top, where, rng), where, block))

    for anchor, where, block in inserts:
        i = lines.index(anchor)
        at = i if where == "before" else i + 1
        lines[at:at] = block
    return NoisyPage(text="\n\n".join(lines) + "\n", injections=injections)


def _anchor(body_lines: list[str], top: str, where: str, rng: random.Random) -> str:
    if where == "before":
        return top
    if where == "after" or len(body_lines) < 2:
        return body_lines[-1]
    return body_lines[rng.randrange(0, len(body_lines) - 1)]


# --- measuring leaks --------------------------------------------------------

_WORDS = re.compile(r"\w+", re.UNICODE)


def line_leaked(line: str, kept: Sequence[str]) -> bool:
    """True when a kept block is this injected line, or most of it (a line an inline cut shortened)."""
    words = _WORDS.findall(line.lower())
    if not words:
        return False
    target = _fold(line)
    pool = set(words)
    for text in kept:
        if _fold(text) == target:
            return True
        block_words = _WORDS.findall(text.lower())
        if len(block_words) >= 0.5 * len(words) and len(block_words) <= len(words) and set(block_words) <= pool:
            return True
    return False


def token_leaked(injection: Injection, kept: Sequence[str]) -> bool:
    """True when the spliced token is still in the sentence it was put in."""
    before, _, after = injection.spliced.partition(injection.token)
    left = before.split()[-1:] if before.split() else []
    right = after.split()[:1]
    probes = [" ".join(left + [injection.token]), " ".join([injection.token] + right)]
    return any(any(probe in _fold(text) for probe in probes) for text in kept)
