"""GitHub Actions workflow commands (``--format github``): one annotation per finding.

``::error file=F,line=L,col=C,endLine=EL,endColumn=EC,title=CODE name::message`` (``warning``
and ``notice`` for the other severities), escaped the way the Actions runner unescapes them:
``%``, CR and LF in the message; additionally ``:`` and ``,`` in properties. A plain summary
line follows (the runner prints it as log text).
"""

from __future__ import annotations

import os

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(s: str) -> str:
    return escape_data(s).replace(":", "%3A").replace(",", "%2C")


def annotation(f) -> str:
    loc = f.location
    path = loc.file.replace(os.sep, "/") if os.sep != "/" else loc.file
    line = max(1, loc.line)
    end_line = max(line, loc.end_line or line)
    col = max(1, loc.column)
    end_col = max(1, loc.end_column or col + 1)
    props = [("file", path), ("line", str(line)), ("col", str(col)), ("endLine", str(end_line)),
             ("endColumn", str(end_col)), ("title", f"{f.rule} {f.name}".strip())]
    message = f.message
    if f.question:
        message += f"\nReviewer question: {f.question}"
    if f.suggestion:
        message += f"\nSuggestion: {f.suggestion}"
    head = ",".join(f"{k}={escape_property(v)}" for k, v in props)
    return f"::{COMMANDS.get(f.severity, 'warning')} {head}::{escape_data(message)}"


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def render(result, quiet: bool = False, **_opts) -> str:
    out = [annotation(f) for d in result.documents for f in sorted(d.findings, key=lambda f: f.sort_key())]
    if not quiet:
        n = result.counts()
        total = sum(n.values())
        out.append(f"texlint: {_plural(total, 'finding')} ({_plural(n['error'], 'error')}, "
                   f"{_plural(n['warning'], 'warning')}, {n['info']} info) in {_plural(len(result.documents), 'document')}")
    return "\n".join(out) + "\n" if out else ""
