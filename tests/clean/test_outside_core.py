"""Step `outside_core`: lines outside the core the line model does not keep (pipeline/clean/outside_core.py)."""

from inline_pages import PARA_DE, PARA_EN, PARA_HI, PARA_HI_2, page, rules_of


def test_menu_before_article_is_outside_core():
    doc = page("Home", "News", "Sport", "Kontakt", PARA_DE, PARA_DE.replace("Brücke", "Straße"))
    assert rules_of(doc)["Kontakt"] == "outside_core"
    assert PARA_DE in doc.text


def test_hindi_article_is_found_under_its_menu():
    doc = page("होम", "देश", "विदेश", "खेल", "मनोरंजन", PARA_HI, PARA_HI_2)
    assert doc.ok, doc.reason
    assert PARA_HI in doc.text and PARA_HI_2 in doc.text
    assert rules_of(doc)["मनोरंजन"] == "outside_core"


def test_subheading_between_paragraphs_is_kept():
    doc = page(PARA_EN, "What happens next", PARA_EN.replace("Tuesday", "Friday"))
    assert "What happens next" in doc.text


def test_page_without_prose_is_rejected_with_reason():
    doc = page("Home", "Login", "Impressum")
    assert doc.status == "rejected" and doc.reason.startswith("no_article")
    assert all(b.removed_by for b in doc.blocks)
