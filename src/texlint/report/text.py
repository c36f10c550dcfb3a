"""Terminal output: ``file:line:col: severity [CODE name] message`` (editors link it), then a summary."""

from __future__ import annotations

import os
import sys

_COLORS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m", "dim": "\033[2m",
           "bold": "\033[1m", "reset": "\033[0m"}


def use_color(mode: str = "auto", stream=None) -> bool:
    if mode == "always":
        return True
    if mode == "never" or os.environ.get("NO_COLOR"):
        return False
    stream = stream or sys.stdout
    return hasattr(stream, "isatty") and stream.isatty()


def render(result, color: bool = False, quiet: bool = False, show_summary: bool = True, **_opts) -> str:
    c = _COLORS if color else {k: "" for k in _COLORS}
    out: list[str] = []
    for d in result.documents:
        for f in sorted(d.findings, key=lambda f: (f.location.file, f.location.line, f.location.column, f.rule)):
            loc = f.location
            sev = f"{c[f.severity]}{f.severity}{c['reset']}"
            out.append(f"{c['bold']}{loc.file}:{loc.line}:{loc.column}{c['reset']}: {sev} "
                       f"[{f.rule} {f.name}] {f.message}")
            if f.question and not quiet:
                out.append(f"    {c['dim']}reviewer: {f.question}{c['reset']}")
    if show_summary:
        n = result.counts()
        total = sum(n.values())
        docs = len(result.documents)
        if total == 0:
            out.append(f"{c['bold']}No findings{c['reset']} in {docs} document{'s' if docs != 1 else ''}.")
        else:
            parts = [f"{c[s]}{n[s]} {s}{'s' if n[s] != 1 else ''}{c['reset']}" for s in ("error", "warning", "info") if n[s]]
            out.append(f"{c['bold']}{total} finding{'s' if total != 1 else ''}{c['reset']} "
                       f"({', '.join(parts)}) in {docs} document{'s' if docs != 1 else ''}.")
    return "\n".join(out) + "\n" if out else ""
