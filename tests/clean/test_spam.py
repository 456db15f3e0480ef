"""Step `spam`: spam blocks, inline spam and spam pages (pipeline/clean/spam.py)."""

import pytest
from inline_pages import (
    ARTICLE_EN,
    GAMBLING_NEWS,
    PARA_EN,
    clean_lines,
    doc_with_removed,
    page,
    rule_of,
)

from pipeline.clean.spam import (
    evidence,
    is_spam_block,
    spam_lines,
    spam_sites,
    strip_inline_spam,
)


@pytest.mark.parametrize(
    "block",
    [
        ["먹튀검증 완료된 안전놀이터 추천 순위 TOP 10", "실시간 라이브 바카라 24시간 운영 bet-toto77.com", "스포츠토토 배당률 분석과 승부식 예상"],
        ["Slot gacor hari ini gampang menang maxwin", "Daftar situs judi slot online terpercaya deposit pulsa"],
        ["สล็อตเว็บตรง ไม่ผ่านเอเย่นต์ ฝากถอนไม่มีขั้นต่ำ", "บาคาร่าออนไลน์ สมัครวันนี้รับโบนัส 100%"],
        ["Nhà cái uy tín nhất – tặng 100K khi đăng ký", "Soi kèo bóng đá hôm nay, cá cược thể thao"],
        ["オンラインカジノ 入金不要ボーナス 最新情報", "ブックメーカーでスポーツベッティングを始めよう"],
        ["澳门娱乐城 官方网站 注册送彩金", "百家乐技巧 在线真人荷官"],
        ["Лучшие онлайн казино с быстрым выводом денег", "Игровые автоматы играть бесплатно без регистрации"],
        ["Buy cheap Viagra online without prescription", "Cialis 20mg generic, discount pharmacy"],
        ["Payday loans online with same day approval and no credit check", "Get instant cash loans – bad credit OK"],
        ["casino online | slot gacor | judi bola | togel hongkong | agen sbobet", "https://slot88.vip https://win-toto12.net https://pokerbola7.xyz"],
    ],
    ids=["ko", "id", "th", "vi", "ja", "zh", "ru", "pharma", "loans", "link_farm"],
)
def test_spam_block_inside_an_article_is_removed(block):
    lines = ARTICLE_EN[:3] + block + ARTICLE_EN[3:]
    doc = clean_lines(lines)
    assert doc.ok, doc.reason
    for line in block:
        assert rule_of(doc, line) == "spam", line
    for paragraph in ARTICLE_EN[1:]:
        assert paragraph in doc.text


def test_heading_over_a_spam_list_goes_with_it():
    block = ["Partner links", "Best Online Casino Bonuses: Claim 50 Free Spins Today", "Top 5 Baccarat Strategies Every Player Should Know"]
    texts = ARTICLE_EN[:3] + block + ARTICLE_EN[3:]
    assert spam_lines(texts, "Latin") == {3, 4, 5}


def test_heading_over_a_spam_list_the_line_model_already_thinned_goes():
    from pipeline.clean.spam import find_spam

    block = [
        "Partner links",
        "Best Online Casino Bonuses: Claim 50 Free Spins Today",
        "Top 5 Baccarat Strategies Every Player Should Know",
        "slotcasino595.net jackpot895.bet baccaratjackpot236.vip",
    ]
    doc = doc_with_removed(ARTICLE_EN[:3] + block + ARTICLE_EN[3:], {4: "outside_core", 5: "outside_core"})
    assert set(find_spam(doc.blocks).lines) == {3, 6}


@pytest.mark.parametrize(
    "lines",
    [
        ["Max GPU Length", "358 mm", "Slot Width", "3 Slots", "Weight"],  # a graphics card's specifications
        ["Work with legacy slot reservations", "Purchase and manage legacy slot commitments"],  # a manual's contents
        ["Männer verstehen", "Sex", "Diese Dinge sind absolute No-Gos beim Sex"],  # a magazine's section and its story
    ],
)
def test_headline_like_lines_repeating_one_topic_word_are_no_spam_list(lines):
    assert spam_lines(ARTICLE_EN[:3] + lines + ARTICLE_EN[3:], "Latin") == set()


def test_headline_like_lines_naming_several_topic_words_are_a_spam_list():
    lines = ["Casino", "Poker", "Roulette"]
    assert spam_lines(ARTICLE_EN[:3] + lines + ARTICLE_EN[3:], "Latin") == {3, 4, 5}


def test_foreign_script_teasers_next_to_spam_go_with_it():
    block = ["온라인 카지노의 세계는 다양한 측면을 가진 다면적인 산업입니다…", "2024 전국 꿈나무핸드볼대회 성황리 종료"]
    doc = clean_lines(ARTICLE_EN[:3] + block + ARTICLE_EN[3:])
    assert [rule_of(doc, line) for line in block] == ["spam", "spam"]


def test_news_about_gambling_regulation_is_not_gutted():
    doc = clean_lines(GAMBLING_NEWS)
    assert doc.ok, doc.reason
    for paragraph in GAMBLING_NEWS[1:]:
        assert paragraph in doc.text
    assert not [r for r in doc.removed if r.rule in ("spam", "inline_spam")]


def test_single_topic_word_in_a_sentence_is_reporting():
    sentence = "Delgado said she and some neighbours worried the casino plan would bring more traffic to the bridge."
    assert not is_spam_block(sentence, "Latin")
    assert strip_inline_spam(sentence, "Latin") == (sentence, [])


@pytest.mark.parametrize(
    "token",
    ["토토", "먹튀검증", "slot gacor", "judi online", "nhà cái", "カジノ", "百家乐", "казино", "slot88.com", "https://bet365-toto.kr", "www.pokerbola77.vip"],
)
def test_spliced_token_is_cut_and_the_sentence_kept(token):
    original = ARTICLE_EN[2]
    spliced = original.replace("add pumping stations", f"add {token} pumping stations")
    doc = clean_lines([ARTICLE_EN[0], ARTICLE_EN[1], spliced] + ARTICLE_EN[3:])
    assert original in doc.text
    assert [(r.rule, r.text, r.inline) for r in doc.inline_removals] == [("inline_spam", token, True)]


def test_token_before_punctuation_leaves_the_punctuation():
    text, cut = strip_inline_spam("The embankments were raised 카지노, the council said.", "Latin")
    assert (text, cut) == ("The embankments were raised, the council said.", ["카지노"])


def test_spam_words_in_an_article_about_them_stay():
    sentence = "The regulator said judi online and slot gacor adverts had been blocked on 800 sites this year."
    assert strip_inline_spam(sentence, "Latin", topical=True) == (sentence, [])
    assert strip_inline_spam(sentence, "Latin")[1] == ["judi online", "slot gacor"]


@pytest.mark.parametrize(
    "sentence",
    [
        "The word 사랑 means love in Korean.",
        "Das Lied „아리랑“ wurde vom Chor gesungen.",
        "Визит министра в Париж прошёл по плану, сообщил Casino Group.",
        "Bettina Wulff visited the Lucky Star bakery on www.example.org yesterday.",
    ],
)
def test_legitimate_foreign_words_and_addresses_stay(sentence):
    assert strip_inline_spam(sentence, None) == (sentence, [])


def test_spam_sites_are_known_by_their_names():
    assert spam_sites("see slot88.com and www.judibola.net") == ["slot88.com", "www.judibola.net"]
    assert spam_sites("see www.bbc.co.uk, alphabet.com and xxx.xxx.xxx.xxx") == []


def test_evidence_counts_a_spam_address_once():
    ev = evidence("visit https://slot-poker326.bet now")
    assert (ev.sites, ev.strong, ev.weak) == (1, 0, 0)


def test_a_sentence_without_a_full_stop_next_to_spam_loses_only_its_spliced_word():
    # The sentence under the block has one spam word spliced in and no final
    # full stop (the dump cut it): a sentence all the same, cut inline.
    block = ["먹튀검증 완료된 안전놀이터 추천 순위 TOP 10", "실시간 라이브 바카라 24시간 운영 bet-toto77.com", "스포츠토토 배당률 분석과 승부식 예상"]
    sentence = "Engineers will raise the embankments by one metre and add 토토 pumping stations where the river narrows"
    doc = clean_lines(ARTICLE_EN[:3] + block + [sentence] + ARTICLE_EN[3:])
    assert all(rule_of(doc, line) == "spam" for line in block)
    assert sentence.replace("토토 ", "") in doc.text
    assert "토토" not in doc.text


def test_gambling_landing_page_is_rejected():
    page = [
        "Slot Gacor Hari Ini – Situs Judi Slot Online Terpercaya",
        "Selamat datang di situs slot gacor terpercaya dengan RTP live tertinggi, bonus new member 100% dan "
        "deposit pulsa tanpa potongan. Daftar sekarang dan raih maxwin setiap hari bersama agen slot resmi!",
        "Bandar togel online dan judi bola sbobet terlengkap, link alternatif anti blokir tersedia 24 jam. "
        "Bonus cashback mingguan untuk semua member setia situs judi kami.",
        "Daftar situs slot gacor: slot88.com | gacor77.vip | judibola.net | togel4d.xyz",
    ]
    doc = clean_lines(page)
    assert doc.status == "rejected"
    assert doc.reason.startswith("spam: gambling page")


def test_a_spam_page_is_told_by_its_headline():
    from pipeline.clean.spam import find_spam

    spam = [
        "Selamat datang di situs slot gacor terpercaya dengan RTP live tertinggi, bonus new member 100% dan "
        "deposit pulsa tanpa potongan. Daftar sekarang dan raih maxwin setiap hari bersama agen slot resmi!",
        "Bandar togel online dan judi bola sbobet terlengkap, link alternatif anti blokir tersedia 24 jam. "
        "Bonus cashback mingguan untuk semua member setia situs judi kami.",
    ]
    lines = ["Kontak kami"] + spam

    def reason(headline):
        return find_spam(doc_with_removed(lines, {}).blocks, headline=headline).rejection

    assert reason("Slot Gacor Hari Ini – Situs Judi Slot Online Terpercaya").startswith("spam: gambling page")
    # Without a headline the first kept line stands for it: here no spam, so no spam page.
    assert reason(None) is None


def test_article_with_a_large_spam_block_is_not_rejected():
    _, spam = ("ko", ["먹튀검증 완료된 안전놀이터 추천 순위 TOP 10", "메이저사이트 가입코드 입력 시 첫충 20% 보너스 지급"] * 3)
    doc = clean_lines(ARTICLE_EN + spam)
    assert doc.ok, doc.reason


def test_short_article_with_a_large_spam_block_is_not_rejected():
    spam = ["Hot singles in your area want to meet tonight – datingslot7.xyz", "Free live sex cams, no signup required",
            "XXX videos in HD – the best free porn tube", "Escort service Royal Win – discreet companions available 24/7"]
    doc = clean_lines(ARTICLE_EN[:2] + spam)
    assert doc.ok, doc.reason
    assert ARTICLE_EN[1] in doc.text


def test_spam_sites_scan_finds_what_a_whole_text_scan_finds():
    from pipeline.clean.spam import DOMAIN, _is_spam_site_name, spam_sites

    text = (
        "Mehr unter www.example.de/news oder slot88.com.\nBonus bei bet365.com, e.g. win777.net/promo?id=1\t"
        "und casino-royal.bet (siehe https://judi-online.xyz/a.b.c). Datei bild.jpg, Mail info@poker-win.com"
    )
    whole = [
        m.group(0)
        for m in DOMAIN.finditer(text)
        if not m.group(1).lower().endswith((".html", ".htm", ".php", ".jpg", ".png", ".pdf", ".js"))
        and _is_spam_site_name(m.group(1).lower().removeprefix("www.").rsplit(".", 1)[0])
    ]
    assert spam_sites(text) == whole
    assert {"slot88.com", "bet365.com", "casino-royal.bet", "win777.net/promo?id=1"} <= set(whole)


def test_page_words_from_the_analysis_tokens_equal_a_fresh_tokenisation():
    from pipeline.clean.features import fold_and_tokenize
    from pipeline.clean.spam import _WORD, page_words

    lines = [
        "Die Straße nach Köln-Deutz, l'article d’été.",
        "ΟΔΟΣ ΚΑΙ ΣΟΦΟΣ",  # final sigma: lower() and casefold() differ
        "snake_case and slot88, gacor-99 bonus!",
        "नमस्ते दुनिया, स्वागत है",  # vowel signs are combining marks
        "",
    ]
    folded, tokens = fold_and_tokenize(lines)
    lowered = [line.lower() for line in lines]
    assert page_words(lowered, folded, tokens) == set(_WORD.findall("\n".join(lowered)))


def test_inline_spam_token_is_cut_and_recorded():
    doc = page(PARA_EN.replace("new rules", "new 카지노 rules"), PARA_EN)
    assert "카지노" not in doc.text
    assert "the new rules would" in doc.text
    assert [(r.rule, r.text) for r in doc.inline_removals] == [("inline_spam", "카지노")]


def test_foreign_word_that_is_not_spam_stays():
    text, removed = strip_inline_spam("The word 사랑 means love in Korean.", "Latin")
    assert removed == [] and "사랑" in text
