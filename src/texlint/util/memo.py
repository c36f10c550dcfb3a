"""Pure functions of a text, remembered by their arguments in a process that lints the same
documents again and again (the language server).

After an edit most paragraphs and sentences of a document have the same text as before, so a
rule's or an evidence question's scan of one text (its candidate matches, before anything that
depends on where the text sits) can be looked up instead of re-run. ``per_text`` marks such a
function; nothing is remembered until ``remember_texts`` turns it on (the command line never
does), so a one-off lint pays one attribute test per call.

A remembered function must be pure (its result depends only on its hashable arguments), must
return an immutable value that is never None (a tuple, a bool, a frozenset), and must not
return objects of one document's model, which would keep the model alive and be wrong for the
next lint.
"""

from __future__ import annotations

import functools
from contextlib import contextmanager
from typing import Callable, Iterator

from texlint.util.recent import Recent, recent

_MEMOS: list["_PerText"] = []
_LIMIT = 0


class _PerText:
    """``fn`` with a bounded memory of its recent results (when remembering is on)."""

    def __init__(self, fn: Callable) -> None:
        self.fn = fn
        self.table: Recent | None = recent(_LIMIT)
        functools.update_wrapper(self, fn)

    def __call__(self, *args):
        table = self.table
        if table is None:
            return self.fn(*args)
        hit = table.get(args)
        if hit is None:
            hit = self.fn(*args)
            table.put(args, hit)
        return hit


def per_text(fn: Callable) -> Callable:
    """Decorator: remember ``fn``'s results by argument while ``remember_texts`` is on."""
    memo = _PerText(fn)
    _MEMOS.append(memo)
    return memo


def remember_texts(limit: int) -> None:
    """Keep the last ``limit`` results of every ``per_text`` function (0: keep none, forget all)."""
    global _LIMIT
    _LIMIT = limit
    for memo in _MEMOS:
        memo.table = recent(limit)


@contextmanager
def not_remembering() -> Iterator[None]:
    """Run without reading or changing what is remembered (a fresh lint to compare against)."""
    saved = [(m, m.table) for m in _MEMOS]
    for m, _ in saved:
        m.table = None
    try:
        yield
    finally:
        for m, table in saved:
            m.table = table
