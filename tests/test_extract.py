"""HTML extraction: the block model and the rules around it, on pages in many languages and templates."""

import sys
from pathlib import Path

import pytest

from pipeline.document import Document
from pipeline.extract import extract
from pipeline.options import Options
from pipeline.read import read_bytes
from pipeline.runner import process_document

sys.path.insert(0, str(Path(__file__).resolve().parent / "data" / "html_pages"))
from languages import PAGES, blog_page, portal_page  # noqa: E402

HTML = Options(format="html")
TEMPLATES = {"blog": blog_page, "portal": portal_page}


def extracted(html: str) -> Document:
    return extract(read_bytes(html.encode("utf-8"), source="page.html", options=HTML))


@pytest.mark.parametrize("template", sorted(TEMPLATES))
@pytest.mark.parametrize("lang", sorted(PAGES))
def test_article_kept_and_furniture_dropped_in_every_language(lang, template):
    content = PAGES[lang]
    doc = extracted(TEMPLATES[template](content, lang))
    assert doc.status == "ok", doc.reason
    kept = doc.text
    for paragraph in content["paragraphs"]:
        assert paragraph in kept
    dropped = {b.text: b.removed_by for b in doc.blocks if not b.kept}
    for text in content["menu"] + content["related"] + content["comments"] + [content["footer"]]:
        assert text not in kept, text
        assert any(text in block for block in dropped), text
    # Every block is handed on: the dropped ones with the rule that dropped them.
    assert all(rule in ("boilerplate", "comment_thread", "comment_form", "popup") for rule in dropped.values())


@pytest.mark.parametrize("lang", sorted(PAGES))
def test_comments_are_dropped_by_their_container(lang):
    doc = extracted(blog_page(PAGES[lang], lang))
    rules = {b.text: b.removed_by for b in doc.blocks}
    for comment in PAGES[lang]["comments"]:
        assert rules[comment] == "comment_thread"


def test_a_form_to_write_in_is_a_comment_form_but_a_page_wrapped_in_a_form_is_not():
    content = PAGES["ru"]
    doc = extracted(blog_page(content, "ru").replace('<div id="respond" class="comment-respond">', '<div class="box">').replace(
        '<div id="comments" class="comments-area">', '<div class="area">').replace('class="comment-list"', 'class="list"').replace(
        'class="comment"', 'class="x"').replace('class="comment-content"', 'class="y"').replace(
        'class="comment-author"', 'class="z"').replace('class="comment-reply-link"', "").replace(
        'id="commentform" class="comment-form"', 'id="f"'))
    rules = {b.text: b.removed_by for b in doc.blocks}
    assert rules[content["form_label"]] == "comment_form"
    wrapped = blog_page(content, "ru").replace("<body class=\"single single-post\">", '<body><form id="aspnetForm"><textarea></textarea>')
    wrapped = wrapped.replace("</body>", "</form></body>")
    doc = extracted(wrapped)
    for paragraph in content["paragraphs"]:
        assert paragraph in doc.text


def test_whole_pipeline_keeps_every_dropped_block_with_its_rule():
    content = PAGES["az"]
    doc = process_document(read_bytes(blog_page(content, "az").encode(), source="p.html", options=HTML), HTML)
    assert doc.status == "ok", doc.reason
    assert doc.metadata["title"] == content["headline"]
    assert doc.metadata["published"] == "2024-05-06"
    removed = {r.text: r.rule for r in doc.removed}
    assert all(removed.get(m) == "boilerplate" for m in content["menu"])
    from pipeline.clean.rules import RULES

    assert set(removed.values()) <= set(RULES)


def test_nesting_beyond_the_limit_is_malformed_and_the_walk_does_not_recurse():
    from pipeline.html.dom import MAX_DEPTH

    html = "<html><body>" + "<div>" * (MAX_DEPTH + 10) + "<p>Text</p>" + "</div>" * (MAX_DEPTH + 10) + "</body></html>"
    doc = extracted(html)
    assert doc.status == "rejected"
    assert doc.reason.startswith("malformed: ")


POPUPS = {
    "modal": '<div class="modal fade" id="memberModal" tabindex="-1"><div class="modal-dialog"><div class="modal-content">{}</div></div></div>',
    "popup": '<div id="newsletter-popup" class="popup-wrap">{}</div>',
    "dialog": "<dialog open>{}</dialog>",
}


def _with_popup(c: dict, lang: str, markup: str) -> tuple[str, list[str]]:
    """A blog post of three paragraphs, its last in a pop-up box after it (a sign-up offer is prose of the site's language too)."""
    content = dict(c, paragraphs=c["paragraphs"][:3])
    box = "".join(f"<p>{p}</p>" for p in c["paragraphs"][3:])
    page = blog_page(content, lang).replace("</main>", "</main>" + markup.format(f"<h2>{c['form_label']}</h2>{box}"))
    return page, c["paragraphs"][3:]


@pytest.mark.parametrize("markup", sorted(POPUPS))
@pytest.mark.parametrize("lang", ["ru", "ko", "ka", "kk", "az"])
def test_a_pop_up_box_is_no_part_of_the_article(lang, markup):
    page, boxed = _with_popup(PAGES[lang], lang, POPUPS[markup])
    doc = extracted(page)
    assert doc.status == "ok", doc.reason
    for paragraph in PAGES[lang]["paragraphs"][:3]:
        assert paragraph in doc.text
    rules = {b.text: b.removed_by for b in doc.blocks}
    for paragraph in boxed:
        assert rules[paragraph] == "popup"


@pytest.mark.parametrize("lang", ["ru", "ka"])
def test_a_page_wrapped_in_an_element_named_as_a_pop_up_keeps_its_article(lang):
    # Templates name the page's wrapper "modal-open" while a box is open; an article can be shown in a lightbox.
    content = PAGES[lang]
    for wrapper in ('<div class="modal-open">', '<div class="lightbox popup">', '<div role="dialog">'):
        page = blog_page(content, lang).replace('<div id="content" class="site-content">', wrapper + '<div id="content" class="site-content">')
        page = page.replace("</main></div>", "</main></div></div>")
        doc = extracted(page)
        assert doc.status == "ok", doc.reason
        for paragraph in content["paragraphs"]:
            assert paragraph in doc.text, wrapper


def live_ticker_page(c: dict, lang: str, entries: list[str]) -> str:
    """A live ticker: its headline, then entries in elements its template names as comments ("live-match-comment")."""
    items = "".join(
        f'<div class="live-match-comment"><span class="minute">{90 - 7 * i}\'</span><div class="live-match-comment-body">{t}</div></div>'
        for i, t in enumerate(entries)
    )
    page = portal_page(c, lang)
    story = page[page.index('<div class="news-lead">') : page.index('<div class="share-buttons">')]
    return page.replace(story, f'<div class="live-match-comments">{items}</div>')


@pytest.mark.parametrize("lang", ["ru", "tr", "ka"])
def test_a_live_tickers_entries_named_as_comments_are_its_text(lang):
    content = PAGES[lang]
    doc = extracted(live_ticker_page(content, lang, content["paragraphs"]))
    assert doc.status == "ok", doc.reason
    for paragraph in content["paragraphs"]:
        assert paragraph in doc.text
    assert content["footer"] not in doc.text


@pytest.mark.parametrize("lang", sorted(PAGES))
def test_a_fragment_of_markup_holding_one_paragraph_is_an_article(lang):
    """A feed's content or a tool's main-content HTML: no <html> element, one short paragraph (trafilatura, the fallback, reads nothing without one)."""
    paragraph = PAGES[lang]["paragraphs"][0]
    doc = process_document(read_bytes(f"<p>{paragraph}</p>".encode(), options=Options(format="html")), Options())
    assert doc.ok and doc.text == paragraph


@pytest.mark.parametrize("lang", ["ru", "tr", "ka"])
def test_a_brief_of_one_sentence_keeps_its_long_comments_out(lang):
    # Outside the comments the page keeps a sentence: the comments are readers' replies, however long.
    content = dict(PAGES[lang], paragraphs=PAGES[lang]["paragraphs"][:1], comments=PAGES[lang]["paragraphs"][1:])
    doc = extracted(portal_page(content, lang))
    assert doc.status == "ok", doc.reason
    assert content["paragraphs"][0] in doc.text
    rules = {b.text: b.removed_by for b in doc.blocks}
    for comment in content["comments"]:
        assert rules[comment] == "comment_thread"


def _with_tables(content: dict, lang: str) -> tuple[str, list[str], list[str]]:
    """A blog post with a table of figures between its paragraphs, and a table of standings in its sidebar."""
    labels = content["menu"][:4]
    cells = [label for label in labels] + [f"{17 + 3 * i},{i}%" for i in range(4)] + [str(1990 + 7 * i) for i in range(4)]
    rows = "".join(f"<tr><td>{labels[i]}</td><td>{17 + 3 * i},{i}%</td><td>{1990 + 7 * i}</td></tr>" for i in range(4))
    standings = [f"{i + 1}. {name}" for i, name in enumerate(content["menu"][1:5])] + [f"{40 - 3 * i} : {12 + i}" for i in range(4)]
    side = "".join(f"<tr><td>{standings[i]}</td><td>{standings[4 + i]}</td></tr>" for i in range(4))
    first, *rest = content["paragraphs"]
    html = blog_page(content, lang).replace(
        f"<p>{first}</p>", f"<p>{first}</p><table class=\"wp-block-table\"><tbody>{rows}</tbody></table>", 1
    ).replace('<section class="related-posts">', f'<aside class="widget"><table>{side}</table></aside><section class="related-posts">')
    return html, cells, standings


@pytest.mark.parametrize("lang", sorted(PAGES))
def test_a_table_of_figures_in_the_article_is_kept_whole_and_one_in_the_sidebar_is_not(lang):
    html, cells, standings = _with_tables(PAGES[lang], lang)
    doc = extracted(html)
    kept = [b.text for b in doc.blocks if b.kept]
    assert [cell for cell in cells if cell not in kept] == []
    assert [text for text in standings if text in kept] == []
    for paragraph in PAGES[lang]["paragraphs"]:
        assert paragraph in doc.text


def _table_rule(body: str, kept: set[str]) -> dict[str, bool]:
    """data_table_cells on a page, with the model's judgement given: block text -> restored."""
    import numpy as np

    from pipeline.extract import data_table_cells
    from pipeline.html.dom import read_page
    from pipeline.html.features import features

    page = read_page(f"<html><body>{body}</body></html>")
    _, context = features(page, "en")
    keep = np.array([b.text in kept for b in page.blocks])
    return dict(zip((b.text for b in page.blocks), data_table_cells(page, context, keep)))


PROSE = ["Первый абзац статьи, в котором есть несколько предложений. Второе предложение здесь.", "Последний абзац статьи. Он тоже длинный и состоит из предложений."]
CELLS = ["Баку", "12,5", "Гянджа", "7,1", "Сумгаит", "3,3"]
TABLE = "<table><tr><td>Баку</td><td>12,5</td></tr><tr><td>Гянджа</td><td>7,1</td></tr><tr><td>Сумгаит</td><td>3,3</td></tr></table>"


def test_a_table_between_kept_paragraphs_is_restored_whole():
    restored = _table_rule(f"<p>{PROSE[0]}</p>{TABLE}<p>{PROSE[1]}</p>", set(PROSE))
    assert all(restored[c] for c in CELLS) and not any(restored[p] for p in PROSE)
    # One kept cell and the paragraph before are enough when what follows is not kept.
    assert all(_table_rule(f"<p>{PROSE[0]}</p>{TABLE}<p>footer</p>", {PROSE[0], "Баку"})[c] for c in CELLS)


@pytest.mark.parametrize(
    "body, kept",
    [
        (f"<p>{PROSE[0]}</p>{TABLE}<p>{PROSE[1]}</p>", {PROSE[1]}),  # the block before it is not kept
        (f"<p>{PROSE[0]}</p>{TABLE}<p>{PROSE[1]}</p>", {PROSE[0]}),  # nothing after it or in it is kept
        (f"<p>{PROSE[0]}</p><aside>{TABLE}</aside><p>{PROSE[1]}</p>", set(PROSE)),  # furniture
        (f"<p>{PROSE[0]}</p>{TABLE.replace('<td>', '<td><a href=/x>').replace('</td>', '</a></td>')}<p>{PROSE[1]}</p>", set(PROSE)),  # links
        (f"<p>{PROSE[0]}</p><table><tr><td>{TABLE}</td><td>x</td></tr></table><p>{PROSE[1]}</p>", set(PROSE)),  # outer of nested
        (f"<p>x</p><table><tr><td><p>{PROSE[0]}</p></td></tr><tr><td>{CELLS[1]}</td></tr><tr><td><p>{PROSE[1]}</p></td></tr><tr><td>y</td></tr></table>", set(PROSE) | {"x"}),  # layout
    ],
    ids=["not-after-kept", "nothing-kept-after", "aside", "links", "nested", "layout"],
)
def test_a_table_is_not_restored(body, kept):
    restored = _table_rule(body, kept)
    assert not any(restored[c] for c in CELLS if c in restored and c not in kept), restored
