"""Step `section_headings`: a 'Related' heading that did not end the article goes alone (pipeline/clean/section_headings.py)."""

from inline_pages import PARA_EN, page, rules_of


def test_heading_of_a_box_inside_the_article_goes_alone():
    body = [PARA_EN.replace("Tuesday", day) for day in ("Monday", "Tuesday", "Wednesday", "Thursday")]
    doc = page(body[0], "Most popular", *body[1:])
    assert rules_of(doc)["Most popular"] == "section_heading"
    for paragraph in body:
        assert paragraph in doc.text
