"""Agreement of a page's title, date and author with wcxb-dev's truth, defined once for every bench.

- title: equal after normalisation (Unicode NFKC, case folded, typographic
  quotes and dashes as ASCII, every run of non-word characters one space),
  so "The 7 Biggest Diet Trends – 2025" equals "the 7 biggest diet
  trends - 2025" but a title with the site's name appended does not equal
  the headline without it;
- date: the same calendar day (the truth's month, where it gives a month only);
- author: one name in common.  Both sides are split into names at ";",
  ",", "&", "/", "|" and the word "and" (in the languages met); a name is
  its set of words, case folded, without academic and professional
  suffixes (PhD, MD, RD, ...), so "Miller, Korin" does not match
  "Korin Miller" but "Korin Miller, RD" does.
- given where the truth has none: a value where the page states none (the
  truth is null): counted apart; it is the figure that must stay low.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

_NON_WORD = re.compile(r"[\W_]+")
_TYPOGRAPHIC = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-", "‐": "-", "\u00a0": " "})
_NAME_SPLIT = re.compile(r"\s*(?:[;,&/|]|\band\b|\bund\b|\bet\b|\by\b|\bи\b)\s*", re.IGNORECASE)
_CREDENTIALS = frozenset(
    "phd ph d md ms msc ma mba rd rdn ld cscs cpt mph dr prof mr mrs jr sr ii iii cfa cpa esq rn np pa lcsw lpc fand edd "
    "facs facp do dvm pharmd e ryt".split()
)

FIELDS = ("title", "published", "author")


def normalise_title(text: str | None) -> str:
    if not text:
        return ""
    text = unicodedata.normalize("NFKC", text).translate(_TYPOGRAPHIC).casefold()
    return _NON_WORD.sub(" ", text).strip()


def same_title(predicted: str | None, truth: str | None) -> bool:
    return bool(predicted and truth) and normalise_title(predicted) == normalise_title(truth)


def same_date(predicted: str | None, truth: str | None) -> bool:
    if not predicted or not truth:
        return False
    return predicted[: len(truth[:10])] == truth[:10]


def names(text: str | None) -> set[frozenset[str]]:
    found = set()
    for part in _NAME_SPLIT.split(unicodedata.normalize("NFKC", text or "")):
        words = frozenset(w for w in _NON_WORD.sub(" ", part.casefold()).split() if w not in _CREDENTIALS and not w.isdigit())
        if words:
            found.add(words)
    return found


def same_author(predicted: str | None, truth: str | None) -> bool:
    return bool(names(predicted) & names(truth))


AGREE = {"title": same_title, "published": same_date, "author": same_author}


@dataclass
class Agreement:
    """Counts over pages: agreed / pages whose truth has a value; given / pages whose truth has none."""

    agreed: dict = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    with_truth: dict = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    given_without_truth: dict = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    pages: int = 0

    def add(self, predicted: dict, truth: dict) -> dict:
        """Count one page; returns per field whether it agreed (None where the truth has no value)."""
        self.pages += 1
        out = {}
        for key in FIELDS:
            value, expected = predicted.get(key), truth.get(key)
            if expected:
                self.with_truth[key] += 1
                out[key] = AGREE[key](value, expected)
                self.agreed[key] += out[key]
            else:
                out[key] = None
                self.given_without_truth[key] += bool(value)
        return out

    def share(self, key: str) -> float:
        return self.agreed[key] / self.with_truth[key] if self.with_truth[key] else 0.0

    def invented(self, key: str) -> float:
        """Values given where the truth has none, as a share of all pages (the target's ≤ 3%)."""
        return self.given_without_truth[key] / self.pages if self.pages else 0.0
