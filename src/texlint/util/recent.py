"""A bounded memory of recent results, for a process that lints the same documents again and
again (the language server): the last ``limit`` values by key, the oldest forgotten first, and
whatever the last two lints did not use forgotten at the next (``new_lint``).

Without the second rule a long editing session keeps every old version of the paragraph (and
of the file) being edited until the limit is reached: on a 1 MB thesis, hundreds of MB of
results no lint will ask for again.
"""

from __future__ import annotations

import weakref
from typing import Any, Hashable

_ALL: "weakref.WeakSet[Recent]" = weakref.WeakSet()


class _Mark:
    """Where a lint started in a memory's order of use."""

    __slots__ = ()


class Recent:
    """A dict that keeps at most ``limit`` entries, in order of last use."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self._items: dict = {}
        self._marks: list[_Mark] = []  # the starts of the last lints, oldest first
        _ALL.add(self)

    def get(self, key: Hashable) -> Any:
        """The value for ``key`` (now the most recent), or None."""
        value = self._items.pop(key, None)
        if value is not None:
            self._items[key] = value
        return value

    def put(self, key: Hashable, value: Any) -> None:
        self._items.pop(key, None)
        self._items[key] = value
        while len(self._items) - len(self._marks) > self.limit:
            oldest = next(iter(self._items))
            del self._items[oldest]
            if isinstance(oldest, _Mark):
                self._marks.remove(oldest)

    def start_lint(self) -> None:
        """A lint starts: forget what neither the previous lint nor the one before used (the
        entries before the older mark), and mark where this one starts."""
        if len(self._marks) >= 2:
            older = self._marks.pop(0)
            while self._items:
                key = next(iter(self._items))
                del self._items[key]
                if key is older:
                    break
        mark = _Mark()
        self._marks.append(mark)
        self._items[mark] = mark

    def __len__(self) -> int:
        return len(self._items) - len(self._marks)


def recent(limit: int) -> Recent | None:
    """A memory of ``limit`` entries, or None (remember nothing) when ``limit`` is 0."""
    return Recent(limit) if limit > 0 else None


def new_lint() -> None:
    """Tell every memory that a lint starts (see ``Recent.start_lint``)."""
    for memory in list(_ALL):
        memory.start_lint()
