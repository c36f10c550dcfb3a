"""Text that is safe to print on a terminal or in a CI log.

Paper text and file names come from the project, which may be hostile: an escape sequence
(ESC ] ... or ESC [2J) rewrites the terminal, bidirectional controls reorder what a reviewer
reads, and a newline inside an error message starts a new log line that GitHub Actions reads as
a workflow command (``::error file=...``). Everything texlint prints for a person goes through
``clean``: control characters become ``?``, line breaks a space.
"""

from __future__ import annotations

_CONTROL = {i: "?" for i in list(range(0, 32)) + [127] + list(range(0x80, 0xA0)) if i != 9}
_CONTROL[10] = _CONTROL[13] = " "
for _c in list(range(0x202A, 0x202F)) + list(range(0x2066, 0x206A)) + [0x200E, 0x200F, 0x061C]:
    _CONTROL[_c] = "?"  # bidirectional controls (Trojan Source)
_CONTROL[0x2028] = _CONTROL[0x2029] = _CONTROL[0x85] = " "  # line and paragraph separators


def clean(s: str) -> str:
    """``s`` on one line with no terminal control characters."""
    return s.translate(_CONTROL)
