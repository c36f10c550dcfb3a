"""A literal prefilter for costly regular expressions: skip a text that cannot match.

Python's ``re`` finds a pattern's first-character set only when the pattern starts with a
literal or a class; texlint's vocabulary patterns start with ``\\b`` and alternate dozens of
words, so ``re`` tries every branch at every position (60 µs a sentence for the
compute-resources pattern). Every match of such a pattern contains one of a few literal
strings ("gpu", "a100", "datasets", ...), read off the parsed pattern here; a substring test
for those, in C, rejects most sentences at a fraction of the cost.

The filter is exact: :func:`required_literals` returns a set only when every match must
contain one of its strings (case-insensitively), and :func:`fold` maps the four non-ASCII
characters that ``re.IGNORECASE`` matches to ASCII letters (İ ı ſ and the Kelvin sign) to
those letters before lower-casing, so a text the pattern matches always passes.
"""

from __future__ import annotations

import re
from functools import lru_cache

try:  # Python 3.11+
    from re import _constants as _c
    from re import _parser as _sre_parse
except ImportError:  # pragma: no cover - Python < 3.11
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _sre_parse  # type: ignore[no-redef]

#: the non-ASCII characters ``re.IGNORECASE`` matches to an ASCII letter or digit (computed over
#: all of Unicode; tests/test_prefilter.py checks it), mapped to that letter
_FOLD = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})
#: literal strings shorter than this are no use as a filter (" ", "a")
_MIN_USEFUL = 2


def fold(text: str) -> str:
    """``text`` as the prefilter compares it: lower case, with İ ı ſ K as i i s k."""
    if not text.isascii() and ("\u0130" in text or "\u0131" in text or "\u017f" in text or "\u212a" in text):
        text = text.translate(_FOLD)  # slow, and almost never needed
    return text.lower()


@lru_cache(maxsize=None)
def _literals(pattern: str, flags: int) -> frozenset[str] | None:
    try:
        parsed = _sre_parse.parse(pattern, flags)
    except Exception:  # a pattern re itself accepted but this parser does not: no filter
        return None
    found = _sequence(list(parsed))
    if not found or min(len(s) for s in found) < _MIN_USEFUL:
        return None
    return frozenset(found)


def required_literals(rx: re.Pattern) -> frozenset[str] | None:
    """Lower-case ASCII strings one of which every match of ``rx`` contains, or None when the
    pattern has no such set worth testing."""
    if not isinstance(rx.pattern, str):
        return None
    return _literals(rx.pattern, rx.flags)


def _sequence(items: list) -> set[str] | None:
    """The best required-literal set of a sequence of parsed items (None: none)."""
    candidates: list[set[str]] = []
    run: list[str] = []

    def flush() -> None:
        if run:
            candidates.append({"".join(run).lower()})
            run.clear()

    for op, av in items:
        if op is _c.LITERAL and av < 128:
            run.append(chr(av))
            continue
        flush()
        found = _item(op, av)
        if found:
            candidates.append(found)
    flush()
    if not candidates:
        return None
    # the most selective: longest shortest string, then fewest strings
    return max(candidates, key=lambda s: (min(len(x) for x in s), -len(s)))


def _item(op, av) -> set[str] | None:
    """The required-literal set of one item that is not a plain literal."""
    if op is _c.SUBPATTERN:
        return _sequence(list(av[-1]))
    if op is _c.BRANCH:
        sets = [_sequence(list(branch)) for branch in av[1]]
        if all(sets):
            return set().union(*sets)
        return None
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT) or op is getattr(_c, "POSSESSIVE_REPEAT", None):
        low, _high, sub = av
        return _sequence(list(sub)) if low >= 1 else None
    if op is getattr(_c, "ATOMIC_GROUP", None):
        return _sequence(list(av))
    return None  # classes, categories, anchors, lookarounds, backreferences: no literal


def may_match(rx: re.Pattern, folded: str) -> bool:
    """False only when ``rx`` cannot match the text whose :func:`fold` is ``folded``."""
    keys = required_literals(rx)
    return keys is None or any(k in folded for k in keys)


def search(rx: re.Pattern, text: str, folded: str | None = None):
    """``rx.search(text)``, skipped (None) when the prefilter rules a match out."""
    keys = required_literals(rx)
    if keys is not None:
        low = fold(text) if folded is None else folded
        if not any(k in low for k in keys):
            return None
    return rx.search(text)


_LAST: tuple[str, str] = ("", "")  # the last text folded (many patterns read one sentence in turn)


def _folded(text: str) -> str:
    global _LAST
    last, low = _LAST
    if last is text:
        return low
    low = fold(text)
    _LAST = (text, low)  # one tuple: a thread reading it sees a text and its own fold
    return low


class Prefiltered:
    """A compiled pattern whose ``search``, ``match``, ``fullmatch``, ``finditer`` and
    ``findall`` first test the required literals; everything else is the pattern's own."""

    __slots__ = ("rx", "_keys")

    def __init__(self, rx: re.Pattern) -> None:
        self.rx = rx
        self._keys: frozenset[str] | None | bool = False  # False: not read off the pattern yet

    @property
    def keys(self) -> frozenset[str] | None:
        """The required literals, read off the pattern at first use (not at import: parsing
        every pattern again would cost start-up what it saves)."""
        if self._keys is False:
            self._keys = required_literals(self.rx)
        return self._keys  # type: ignore[return-value]

    def _possible(self, text) -> bool:
        keys = self._keys
        if keys is False:
            keys = self.keys
        if keys is None or not isinstance(text, str):
            return True
        low = _folded(text)
        for k in keys:
            if k in low:
                return True
        return False

    def search(self, text, *args):
        return self.rx.search(text, *args) if self._possible(text) else None

    def match(self, text, *args):
        return self.rx.match(text, *args) if self._possible(text) else None

    def fullmatch(self, text, *args):
        return self.rx.fullmatch(text, *args) if self._possible(text) else None

    def finditer(self, text, *args):
        return self.rx.finditer(text, *args) if self._possible(text) else iter(())

    def findall(self, text, *args):
        return self.rx.findall(text, *args) if self._possible(text) else []

    def __getattr__(self, name):
        return getattr(self.rx, name)

    def __repr__(self) -> str:
        return f"Prefiltered({self.rx!r})"


def compile(pattern: str, flags: int = 0) -> Prefiltered:
    """``re.compile``, with the literal prefilter (a pattern with no literals worth testing
    runs as it is)."""
    return Prefiltered(re.compile(pattern, flags))
