"""The shape of a cleaning step: a name, and a function from the page to what it removes.

A step reads the page (pipeline.clean.page.Page) and returns its removals;
it changes nothing itself.  The cleaner's loop (pipeline.clean.clean)
applies them in step order, an earlier step's verdict on a block standing
(Page.apply), and counts and times each step.  Most steps return a plain
dict {page index: rule}; one that also cuts spans out of kept blocks or
rejects the page returns a Removals.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Callable, Union

if TYPE_CHECKING:
    from .page import Page


@dataclass(frozen=True)
class Cut:
    """Spans cut out of a kept block, which stays with `text` (what is left of it)."""

    index: int  # page index of the block
    text: str
    pieces: tuple[str, ...]
    rule: str


@dataclass
class Removals:
    """What a step takes out: whole blocks (page index -> rule), spans of kept blocks, and a rejection of the page."""

    blocks: dict[int, str] = field(default_factory=dict)
    cuts: list[Cut] = field(default_factory=list)
    rejection: str | None = None  # the page's reason, "<rule>: <why>"


StepResult = Union[dict[int, str], Removals]


@dataclass(frozen=True)
class Step:
    name: str
    function: Callable[["Page"], StepResult]
    description: str = ""
