import pytest

from archive.search_syntax import MAX_QUERY_CHARS, MAX_QUERY_TERMS, QueryError, to_fts


@pytest.mark.parametrize(
    "query, fts",
    [
        ("landmines", '"landmines"'),
        ("mine clearance", '("mine" AND "clearance")'),
        ('"mine clearance"', '"mine clearance"'),
        ("Regier*", '"Regier"*'),
        ("landmines OR mines", '("landmines" OR "mines")'),
        ("mines NOT Korea", '(("mines") NOT "Korea")'),
        ("mines -Korea", '(("mines") NOT "Korea")'),
        ("(mines OR landmines) Korea", '(("mines" OR "landmines") AND "Korea")'),
        ("mines AND Korea", '("mines" AND "Korea")'),
        ("Korea's mine-action", '("Korea\'s" AND "mine-action")'),
        ("or not and", '("or" AND "not" AND "and")'),  # operators only in capitals
        ('say "hi', '("say" AND "hi")'),  # an unclosed quote ends the phrase at the end
        ("mines - Korea", '"mines" AND "Korea"'.join(["(", ")"])),  # a lone dash is no word
    ],
)
def test_queries_become_fts5_expressions(query, fts):
    assert to_fts(query) == fts


@pytest.mark.parametrize(
    "query, reason",
    [
        ("", "no word"),
        ('"" * -', "no word"),
        ("NOT Korea", "not only words to exclude"),
        ("-Korea", "not only words to exclude"),
        ("mines OR", "OR needs a word on each side"),
        ("OR mines", "OR needs a word on each side"),
        ("(mines", "parenthesis is not closed"),
        ("mines)", "closing parenthesis"),
        (")", "closing parenthesis has no opening one"),
        ("(", "parenthesis holds no word"),
        ("mines ()", "parenthesis holds no word"),
        ("AND", "no word"),
        ("mines NOT", "NOT needs a word after it"),
        ("*", "no word"),
        ("a*", "at least 3 letters"),
        ("mine* land* clear* demin* Korea*", "5 words ending in \\*; the limit is 4"),
    ],
)
def test_queries_that_cannot_run_say_why(query, reason):
    with pytest.raises(QueryError, match=reason):
        to_fts(query)


def test_query_size_is_bounded():
    # 400 copies of a word once took 91 s in FTS5; such a query is refused at once.
    with pytest.raises(QueryError, match="the limit is"):
        to_fts(" ".join(["Regierung"] * 400))
    with pytest.raises(QueryError, match=f"has {MAX_QUERY_TERMS + 1} words; the limit is {MAX_QUERY_TERMS}"):
        to_fts(" ".join(["mine"] * (MAX_QUERY_TERMS + 1)))
    with pytest.raises(QueryError, match=f"the limit is {MAX_QUERY_CHARS}"):
        to_fts("a" * (MAX_QUERY_CHARS + 1))
    assert to_fts(" ".join(["Regierung"] * MAX_QUERY_TERMS))
