"""A least-recently-used cache bounded in entries and in bytes, keys and values counted.

Every cache of the server is one of these, so no cache can grow without bound: what an
entry costs is its key and its value as the caller measures them (a query text kept as a
key counts as much as the answer kept as a value), plus a fixed overhead for the entry
itself, which is what keeps a flood of empty answers (a 303 has no body) bounded too.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")
ENTRY_OVERHEAD = 256
"""Bytes an entry costs beyond its key and value: the dictionary slot and the objects."""


class BoundedCache(Generic[K, V]):
    """LRU: the least recently used entries go first when either bound is passed."""

    def __init__(
        self,
        max_bytes: int,
        max_entries: int,
        size: Callable[[K, V], int],
        largest: int | None = None,
    ) -> None:
        self.max_bytes = max_bytes
        self.max_entries = max_entries
        self.largest = largest if largest is not None else max_bytes // 4
        """An entry larger than this is not kept at all."""
        self._size = size
        self.bytes = 0
        self._entries: OrderedDict[K, tuple[V, int]] = OrderedDict()

    def __len__(self) -> int:
        return len(self._entries)

    def __contains__(self, key: K) -> bool:
        return key in self._entries

    def get(self, key: K) -> V | None:
        found = self._entries.get(key)
        if found is None:
            return None
        self._entries.move_to_end(key)
        return found[0]

    def put(self, key: K, value: V) -> bool:
        """Keep `value`; False when it is too large to keep."""
        cost = self._size(key, value) + ENTRY_OVERHEAD
        if cost > self.largest:
            return False
        previous = self._entries.pop(key, None)
        if previous is not None:
            self.bytes -= previous[1]
        self._entries[key] = (value, cost)
        self.bytes += cost
        while self.bytes > self.max_bytes or len(self._entries) > self.max_entries:
            _, (_, dropped) = self._entries.popitem(last=False)
            self.bytes -= dropped
        return True

    def clear(self) -> None:
        self._entries.clear()
        self.bytes = 0
