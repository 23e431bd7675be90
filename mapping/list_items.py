"""The items of lettered and numbered lists inside a paragraph, and their nesting.

A paragraph of a resolution may go on in a list: "-" bullets, lettered items "a)", "b)",
doubled letters "aa)", "bb)" under them, numbers in brackets "(1)", roman numerals "i.",
"ii." and plain numbers "1." under a lettered item. An item is one of a list only in
sequence: the first of its kind ("a)", "aa)", "(1)", "i.", "1.") or the one after the
item of its kind before it ("b)" after "a)"), so a line that merely starts with "c)" or
"v." in running text is no item. The level of an item is told by the order in which the
kinds appear in the paragraph, as a reader tells it: the kind of the first item is level
1, a kind not seen yet opens the next level under the item before it, and a kind seen
before goes back to its level (closing the deeper ones).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

DASH = "dash"
LETTER = "letter"
DOUBLE_LETTER = "double-letter"
BRACKET_NUMBER = "bracket-number"
ROMAN = "roman"
NUMBER = "number"
KINDS = (DASH, LETTER, DOUBLE_LETTER, BRACKET_NUMBER, ROMAN, NUMBER)
"""Every kind of list item; "dash" is a bullet ("-", "–", "•"), the others are ordered."""

ORDERED = frozenset(KINDS) - {DASH}

ITEM = re.compile(
    r"^(?P<label>(?P<double>(?P<twice>[a-z])(?P=twice))\)"
    r"|(?P<letter>[a-z])\)"
    r"|\((?P<bracket>\d{1,2})\)"
    r"|(?P<roman>i{1,3}|iv|vi{0,3}|ix|x)\."
    r"|(?P<number>\d{1,2})\.)"
    r"\s+(?P<text>\S.*)$"
)
ROMANS = ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x")


@dataclass(frozen=True)
class Marker:
    """A list marker at the start of a line: its kind, label, ordinal and the text after it."""

    kind: str
    label: str
    ordinal: int
    text: str


def marker(text: str) -> Marker | None:
    """The ordered-list marker a line starts with ("a)", "bb)", "(2)", "iii.", "1."), or None."""
    match = ITEM.match(text)
    if match is None:
        return None
    label, rest = match.group("label"), match.group("text")
    if match.group("double"):
        return Marker(DOUBLE_LETTER, label, ord(match.group("twice")) - ord("a") + 1, rest)
    if match.group("letter"):
        return Marker(LETTER, label, ord(match.group("letter")) - ord("a") + 1, rest)
    if match.group("bracket"):
        return Marker(BRACKET_NUMBER, label, int(match.group("bracket")), rest)
    if match.group("roman"):
        return Marker(ROMAN, label, ROMANS.index(match.group("roman")) + 1, rest)
    return Marker(NUMBER, label, int(match.group("number")), rest)


def looks_like_item(text: str) -> bool:
    """Whether a line starts with an ordered-list marker other than a plain number (which a
    numbered paragraph starts with too): a unit of its own in a block without blank lines."""
    found = marker(text)
    return found is not None and found.kind != NUMBER


@dataclass
class ListState:
    """The lists of the paragraph being read: the kinds open, outermost first, and the
    ordinal of the last item of each."""

    open: list[str] = field(default_factory=list)
    last: dict[str, int] = field(default_factory=dict)

    @property
    def active(self) -> bool:
        return bool(self.open)

    def accepts(self, found: Marker) -> bool:
        """Whether the marker continues or starts a list here: the first of its kind, or
        the next after the last of its kind. A plain number only under an ordered item
        ("1." after "a)"), never after a bullet: there it numbers the next paragraph."""
        under_bullet = not self.open or self.open[-1] == DASH
        if found.kind == NUMBER and NUMBER not in self.open and under_bullet:
            return False
        if found.kind in self.open:
            return found.ordinal == self.last.get(found.kind, 0) + 1
        return found.ordinal == 1

    def enter(self, kind: str, ordinal: int = 0) -> int:
        """Record an item of `kind`; its level (1 for the outermost list)."""
        if kind in self.open:
            del self.open[self.open.index(kind) + 1 :]
        else:
            self.open.append(kind)
        for closed in [k for k in self.last if k not in self.open]:
            del self.last[closed]
        self.last[kind] = ordinal
        return self.open.index(kind) + 1

    def close(self) -> None:
        """A paragraph that is no item: every list ends."""
        self.open.clear()
        self.last.clear()


def parents(levels: list[int]) -> list[int | None]:
    """For items at these levels (in text order), the 1-based position of the item each
    one stands under (the last item before it one level up), None at the outermost level."""
    found: list[int | None] = []
    open_items: dict[int, int] = {}
    for position, level in enumerate(levels, start=1):
        found.append(open_items.get(level - 1) if level > 1 else None)
        open_items[level] = position
        for deeper in [lv for lv in open_items if lv > level]:
            del open_items[deeper]
    return found
