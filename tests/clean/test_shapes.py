"""What a title and a heading look like (pipeline/clean/shapes.py)."""



def test_a_title_may_end_in_quotes_and_brackets_but_not_in_a_quoted_sentence():
    from pipeline.clean.shapes import title_like

    assert title_like('When to use "wurde" versus "war" (eg "Ich wurde ausgeraubt")')
    assert title_like("Change Font Size of ggplot2 Plot in R (5 Examples)")
    assert title_like("Proteste gegen Homophobie in «Katar»")
    assert not title_like('The minister said the plan was "a mistake."')


def test_a_georgian_title_is_a_title_though_its_letters_are_lower_case():
    from pipeline.clean.shapes import title_like

    assert title_like("ვაკეში ახალი ავტობუსის ხაზი გაიხსნა")
    assert not title_like("and more stories from the week")
