"""The words that label a byline, in the languages the pipeline meets: one vocabulary for its readers.

The cleaner's byline rule (pipeline.clean.byline), the dump metadata
reader (pipeline.dumps.metadata) and an HTML page's byline element
(pipeline.metadata) each build their patterns from these lists, so that a
label one of them knows ("Текст:", "Muhabir:", "Հեղինակ՝") the others know
too.  Each list is "|"-separated, lower-case, ready for a regular
expression with re.IGNORECASE.
"""

from __future__ import annotations

# Words that mean "by": a name follows them, with or without a colon
# ("By Jane Doe", "Von Anna Muster", "Par Jean Dupont").
BY_WORDS = r"by|von|par|por|di|door|przez|від|от|tarafından"
# Those that open a byline line on their own: "от", "від" and "tarafından"
# start (or end) too many other short lines ("От Москвы до Владивостока")
# to make one a byline without a label noun before them.
LEADING_BY_WORDS = r"by|von|par|por|di|door|przez"
# Nouns that name the author's part: a colon or a "by" word follows them
# ("Author: ...", "Text: ...", "Muhabir: ...", "Հեղինակ՝ ...").
AUTHOR_NOUNS = (
    r"author|authors|autor|autorin|autoren|auteur|auteurs|autore|autori|autorka|autorzy|автор|авторы|автори|авторлар|"
    r"müəllif|müəlliflər|yazar|yazarlar|yazan|ავტორი|ავტორები|հեղինակ|저자|글|"
    r"text|texte|текст|мәтін|contributor|contributors|reporter|muhabir|корреспондент|кореспондент"
)
# Those that label a byline without their colon too ("Автор Иван Петров"); the others, and
# "Author" itself, head a capitalised phrase too often ("Text Messages", "Author Website").
BARE_AUTHOR_NOUNS = r"автор|авторы|автори|авторлар|müəllif|yazar|ავტორი|հեղինակ"
# Those that, alone on a line, label the name on the next ("Author" / "Jane Doe"); not "Text" or
# "Contributors", which also head a section or a tab.
LABEL_LINE_NOUNS = rf"author|authors|autor|autoren|auteur|{BARE_AUTHOR_NOUNS}"
# Words a "by" word follows in a byline ("Written by", "Posted by"; "Posted: May 2" dates a post).
BY_NOUNS = r"words|story|article|column|written|posted|reported|reporting|contributed|geschrieben|verfasst|escrito|scritto|écrit"
# A label's colon, or Armenian's "՝" ("Հեղինակ՝ Արամ Պետրոսյան").
LABEL_COLON = "[:՝]"


def words(*patterns: str) -> frozenset[str]:
    """The words of these "|"-separated lists (one word each: "written by" is two)."""
    return frozenset(word for pattern in patterns for alternative in pattern.split("|") for word in alternative.split())
