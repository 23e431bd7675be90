"""The items of a paragraph's lists as the page nests them: each item with the items under
it, each list ordered (<ol>) when its labels are letters, numbers in brackets or roman
numerals, or plain numbers under an item; bullets (with or without "1.") stay a <ul>."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Generic, TypeVar

T = TypeVar("T")

ORDERED_LABEL = re.compile(r"^(?:[a-z]{1,2}\)|\(\d{1,2}\)|[ivx]{1,4}\.)$")
NUMBER_LABEL = re.compile(r"^\d{1,2}\.$")


@dataclass
class ListNode(Generic[T]):
    """One item: its label, its content (text segments), the items under it."""

    label: str
    content: T
    level: int
    children: list[ListNode[T]] = field(default_factory=list)

    @property
    def sublist(self) -> ItemList[T]:
        """The items under this one, as one list."""
        return as_list(self.children)


@dataclass(frozen=True)
class ItemList(Generic[T]):
    """One list of items of one level, under an item or at the top."""

    ordered: bool
    items: list[ListNode[T]]


def nest(items: list[tuple[str, T, int]]) -> list[ListNode[T]]:
    """(label, content, level) in text order as a tree: an item goes under the last item
    one level up (or at the top where there is none)."""
    top: list[ListNode[T]] = []
    open_items: dict[int, ListNode[T]] = {}
    for label, content, level in items:
        node = ListNode(label, content, level)
        parent = open_items.get(level - 1) if level > 1 else None
        (parent.children if parent is not None else top).append(node)
        open_items[level] = node
        for deeper in [lv for lv in open_items if lv > level]:
            del open_items[deeper]
    return top


def as_list(nodes: list[ListNode[T]]) -> ItemList[T]:
    """The nodes as one list, ordered when every label marks an ordered item."""
    ordered = bool(nodes) and all(
        ORDERED_LABEL.match(n.label) or (n.level > 1 and NUMBER_LABEL.match(n.label)) for n in nodes
    )
    return ItemList(ordered, nodes)
