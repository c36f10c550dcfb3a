"""A bounded memory of recent results, for a process that lints the same documents again and
again (the language server): the last ``limit`` values by key, the oldest forgotten first."""

from __future__ import annotations

from typing import Any, Hashable


class Recent:
    """A dict that keeps at most ``limit`` entries, in order of last use."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self._items: dict = {}

    def get(self, key: Hashable) -> Any:
        """The value for ``key`` (now the most recent), or None."""
        value = self._items.pop(key, None)
        if value is not None:
            self._items[key] = value
        return value

    def put(self, key: Hashable, value: Any) -> None:
        self._items.pop(key, None)
        self._items[key] = value
        while len(self._items) > self.limit:
            self._items.pop(next(iter(self._items)))

    def __len__(self) -> int:
        return len(self._items)


def recent(limit: int) -> Recent | None:
    """A memory of ``limit`` entries, or None (remember nothing) when ``limit`` is 0."""
    return Recent(limit) if limit > 0 else None
