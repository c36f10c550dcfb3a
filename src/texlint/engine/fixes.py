"""Fixes: the edits that resolve a finding, and applying them to a file's text.

A fix is what ruff and badness call one: a list of edits, each replacing a character range of a
source file, that resolves its finding and nothing else. ``safe`` fixes change only the
characters of their finding's span and never what the document means (a tie before ``\\ref``,
an en dash in ``10--20``); ``unsafe`` ones may (a straight quote turned into an opening or
closing one guesses the pairing) and are applied only with ``--unsafe-fixes``. Each edit keeps
the text it replaces, so a fix computed for an older version of a file is never applied to a
newer one (``apply_edits`` skips it).
"""

from __future__ import annotations

from dataclasses import dataclass

from texlint.latex.model import Location

SAFE = "safe"
UNSAFE = "unsafe"


@dataclass(frozen=True)
class Edit:
    """Replace ``original`` at characters [start, end) of ``file`` with ``replacement``."""

    file: str  # the file as in Location.file
    start: int  # character offsets in the file's decoded text
    end: int
    replacement: str
    location: Location  # 1-based line and column of [start, end), for editors and SARIF
    original: str = ""  # the characters replaced (checked before applying)


@dataclass(frozen=True)
class Fix:
    """The edits that resolve one finding, all in one file."""

    title: str  # what the fix does, imperative ("Insert a tie before \\ref")
    edits: tuple[Edit, ...]
    applicability: str = SAFE  # "safe" or "unsafe" (ruff's terms)

    @property
    def safe(self) -> bool:
        return self.applicability == SAFE


def apply_edits(text: str, edits: list[Edit]) -> tuple[str, list[Edit]]:
    """``text`` with ``edits`` applied, and the edits applied. An edit whose ``original`` no
    longer matches, or that overlaps one already taken (in order of position), is left out: it
    is applied, if still needed, on the next round after a re-lint."""
    taken: list[Edit] = []
    last_end = -1
    for e in sorted(edits, key=lambda e: (e.start, e.end)):
        if e.start < last_end or e.start == last_end and e.start == e.end and taken:
            continue  # overlaps (or inserts at the end of) the previous edit
        if e.end > len(text) or text[e.start:e.end] != e.original:
            continue
        taken.append(e)
        last_end = e.end
    out, pos = [], 0
    for e in taken:
        out.append(text[pos:e.start])
        out.append(e.replacement)
        pos = e.end
    out.append(text[pos:])
    return "".join(out), taken
