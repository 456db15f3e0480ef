"""The search syntax of `search`, the read API and Datasette's search, turned into an FTS5 query.

    mine clearance          both words, anywhere in the title or text
    "mine clearance"        the phrase: these words, in this order
    Regier*                 words starting with "Regier" (3 letters or more before *)
    landmines OR mines      either word
    mines NOT Korea         mines, but not in articles that mention Korea
    mines -Korea            the same
    (mines OR landmines) clearance
                            parentheses group

Words are matched whole, ignoring case and accents.  OR, AND and NOT are
operators only in capitals ("or" is a word).  Every word is quoted before it
reaches FTS5, so "Korea's", "mine-action" or a stray quote never raise a
syntax error; a query FTS5 cannot run (only words to exclude, an unclosed
parenthesis) gets a QueryError that says why.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# A query longer than this is not typed by a person.  FTS5's time grows with
# the number of terms: 400 copies of one word took 91 s on a 300-article
# archive, 32 terms take milliseconds.
MAX_QUERY_CHARS = 1000
MAX_QUERY_TERMS = 32
# A prefix term reads every indexed word it starts: "a*" most of the
# vocabulary (26 one-letter prefixes OR-ed took 12 s on 300 articles).
MIN_PREFIX_CHARS = 3
MAX_PREFIX_TERMS = 4

_TOKEN = re.compile(r'\s*(?:(?P<phrase>"[^"]*"?)|(?P<open>\()|(?P<close>\))|(?P<word>[^\s()"]+))')
_OPERATORS = {"OR", "AND", "NOT"}


class QueryError(ValueError):
    """A search query that cannot be run, with the reason in words."""


@dataclass
class Term:
    """A word, a prefix (word*) or a phrase: what FTS5 matches."""

    text: str
    prefix: bool = False

    def fts(self) -> str:
        return '"' + self.text.replace('"', '""') + '"' + ("*" if self.prefix else "")


@dataclass
class Group:
    """Terms joined by OR (`any_of`) or AND (`all_of` less `none_of`)."""

    op: str  # "or" | "and"
    items: list = field(default_factory=list)
    excluded: list = field(default_factory=list)

    def fts(self) -> str:
        if self.op == "or":
            return "(" + " OR ".join(item.fts() for item in self.items) + ")"
        if not self.items:
            raise QueryError("a search needs a word to find, not only words to exclude (NOT, -)")
        text = " AND ".join(item.fts() for item in self.items)
        for item in self.excluded:
            text = f"({text}) NOT {item.fts()}"
        return "(" + text + ")" if self.excluded or len(self.items) > 1 else text


@dataclass
class ParsedQuery:
    root: Group | Term
    terms: list[Term]

    def fts(self) -> str:
        return self.root.fts()

    @property
    def plain_words(self) -> bool:
        """True when the query is only words and phrases, all required (no OR, NOT, prefix or grouping)."""
        root = self.root
        if isinstance(root, Term):
            return not root.prefix
        return root.op == "and" and not root.excluded and all(isinstance(i, Term) and not i.prefix for i in root.items)


def parse_query(query: str) -> ParsedQuery:
    """A query in the syntax above, checked and bounded; QueryError when it cannot be run."""
    if len(query) > MAX_QUERY_CHARS:
        raise QueryError(f"the query is {len(query)} characters long; the limit is {MAX_QUERY_CHARS}")
    tokens = _tokens(query)
    terms: list[Term] = []
    parser = _Parser(tokens, terms)
    root = parser.parse_or()
    if parser.at < len(tokens):
        raise QueryError("a closing parenthesis has no opening one")
    if not terms:
        raise QueryError("the query has no word to search for")
    if len(terms) > MAX_QUERY_TERMS:
        raise QueryError(f"the query has {len(terms)} words; the limit is {MAX_QUERY_TERMS}")
    prefixes = sum(term.prefix for term in terms)
    if prefixes > MAX_PREFIX_TERMS:
        raise QueryError(f"the query has {prefixes} words ending in *; the limit is {MAX_PREFIX_TERMS}")
    return ParsedQuery(root, terms)


def to_fts(query: str) -> str:
    """The FTS5 MATCH expression for a query (Datasette's search calls this as the SQL function newsclean_fts)."""
    return parse_query(query).fts()


def _tokens(query: str) -> list[tuple[str, str]]:
    out = []
    for match in _TOKEN.finditer(query):
        kind = match.lastgroup
        if kind is None:
            continue
        value = match.group(kind)
        if kind == "phrase":
            value = value.strip('"')
            if not _has_word(value):
                continue
        elif kind == "word" and value not in _OPERATORS:
            negated = value.startswith("-") and len(value) > 1
            word = value[1:] if negated else value
            if not _has_word(word):
                continue
            if negated:
                out.append(("op", "NOT"))
                value = word
        elif kind == "word":
            kind = "op"
        out.append((kind, value))
    return out


def _has_word(text: str) -> bool:
    return any(ch.isalnum() for ch in text)


class _Parser:
    """Recursive descent: or := and ("OR" and)*; and := unary ("AND"? unary)*; unary := "NOT" atom | atom."""

    def __init__(self, tokens, terms):
        self.tokens = tokens
        self.terms = terms
        self.at = 0

    def peek(self):
        return self.tokens[self.at] if self.at < len(self.tokens) else (None, None)

    def parse_or(self):
        items = [self.parse_and()]
        while self.peek() == ("op", "OR"):
            self.at += 1
            if self.peek()[0] in (None, "close") or self.peek() == ("op", "OR"):
                raise QueryError("OR needs a word on each side")
            items.append(self.parse_and())
        return items[0] if len(items) == 1 else Group("or", items)

    def parse_and(self):
        group = Group("and")
        while True:
            kind, value = self.peek()
            if kind is None or kind == "close" or (kind, value) == ("op", "OR"):
                break
            if (kind, value) == ("op", "AND"):
                self.at += 1
                continue
            if (kind, value) == ("op", "NOT"):
                self.at += 1
                if self.peek()[0] in (None, "close", "op"):
                    raise QueryError("NOT needs a word after it")
                group.excluded.append(self.parse_atom())
                continue
            group.items.append(self.parse_atom())
        if not group.items and not group.excluded:
            previous = self.tokens[self.at - 1] if self.at else (None, None)
            if ("op", "OR") in (self.peek(), previous):
                raise QueryError("OR needs a word on each side")
            if previous[0] == "open":
                raise QueryError("a parenthesis holds no word to search for")
            if self.peek()[0] == "close":
                raise QueryError("a closing parenthesis has no opening one")
            raise QueryError("the query has no word to search for")
        if not group.items:
            raise QueryError("a search needs a word to find, not only words to exclude (NOT, -)")
        if len(group.items) == 1 and not group.excluded:
            return group.items[0]
        return group

    def parse_atom(self):
        kind, value = self.peek()
        self.at += 1
        if kind == "open":
            inner = self.parse_or()
            if self.peek()[0] != "close":
                raise QueryError("a parenthesis is not closed")
            self.at += 1
            return inner
        prefix = kind == "word" and value.endswith("*")
        text = value.rstrip("*") if prefix else value
        if prefix and not _has_word(text):
            raise QueryError("a * must follow the start of a word (Regier*)")
        if prefix and len(text) < MIN_PREFIX_CHARS:
            raise QueryError(f"a word ending in * needs at least {MIN_PREFIX_CHARS} letters before it ({text}*)")
        term = Term(text, prefix)
        self.terms.append(term)
        return term
