"""Terminal output, grouped by file: a header per file, then one line per finding.

Each finding line is ``file:line:col: severity [CODE name] message`` so editors and terminals
link it; reviewer questions and suggestions follow indented; a summary line with counts ends
the output. Colour only on a terminal (``--color auto``), never with ``NO_COLOR`` set (unless
``--color always``). ``--quiet`` prints only the finding lines (no headers, notes or summary). Findings of one file with
the same rule and message (one cause) share a line that counts them and names the other lines,
except with ``--quiet``, which keeps one line per location; JSON and SARIF list every location.
"""

from __future__ import annotations

import os
import sys
from collections import Counter

from texlint.util.terminal import clean

_COLORS = {"error": "\033[1;31m", "warning": "\033[33m", "info": "\033[36m", "dim": "\033[2m",
           "bold": "\033[1m", "header": "\033[1;4m", "ok": "\033[32m", "reset": "\033[0m"}
_PLAIN = {k: "" for k in _COLORS}
SEVERITY_ORDER = ("error", "warning", "info")


def use_color(mode: str = "auto", stream=None) -> bool:
    """``always``/``never`` win; ``auto`` means a terminal and no ``NO_COLOR`` (https://no-color.org)."""
    if mode == "always":
        return True
    if mode == "never" or os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("TERM") == "dumb":
        return False
    stream = stream or sys.stdout
    try:
        return bool(hasattr(stream, "isatty") and stream.isatty())
    except ValueError:  # closed stream
        return False


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'s' if n != 1 and word != 'info' else ''}"


def _counts_text(counts: Counter, c: dict) -> str:
    return ", ".join(f"{c[s]}{_plural(counts[s], s)}{c['reset']}" for s in SEVERITY_ORDER if counts.get(s))


def _sort_key(f) -> tuple:
    loc = f.location
    return (loc.line, loc.column, f.rule, f.message)


MAX_LISTED = 8  # other lines named on a grouped finding's line


def _grouped(items: list) -> list[tuple[object, list]]:
    """Findings of one file with the same rule and message (one cause, such as one misspelt
    word or one undefined key) as one entry: the first, and the others."""
    groups: dict[tuple[str, str], list] = {}
    for f in items:
        groups.setdefault((f.rule, f.message), []).append(f)
    return [(g[0], g[1:]) for g in groups.values()]


def _evidence_lines(summary: dict) -> list[tuple[str, str]]:
    """The scale envelope and the resource check of the summary, one line each (none when the
    paper says nothing about either)."""
    out = []
    env = summary.get("scale_envelope") or {}
    parts = []
    for key, label in (("largest_model", "largest model"), ("largest_data", "largest data"),
                       ("longest_sequence", "longest sequence"), ("datasets_or_tasks", "datasets/tasks")):
        item = env.get(key)
        if item:
            parts.append(f"{label} {item['text']} ({item['evidence']['file']}:{item['evidence']['line']})")
    if parts:
        out.append(("Scale", "; ".join(parts)))
    res = summary.get("resources") or {}
    claimed, measured = sorted(res.get("claimed") or {}), sorted(res.get("measured") or {})
    if claimed:
        line = f"claimed {', '.join(claimed)}; measured {', '.join(measured) if measured else 'nothing'}"
        if res.get("unmeasured"):
            line += f" (never measured: {', '.join(res['unmeasured'])})"
        out.append(("Resources", line))
    return out


def _story(d):
    """The story arc of a document from its summary (None when the prose was not analysed)."""
    return (d.summary or {}).get("story")


def render(result, color: bool = False, quiet: bool = False, show_summary: bool = True, **_opts) -> str:
    c = _COLORS if color else _PLAIN
    out: list[str] = []
    for d in result.documents:
        by_file: dict[str, list] = {}
        for f in d.findings:
            by_file.setdefault(f.location.file, []).append(f)
        for path in sorted(by_file, key=lambda p: (p != d.root, p)):  # the root document first
            items = sorted(by_file[path], key=_sort_key)
            if not quiet:
                if out:
                    out.append("")
                counts = Counter(f.severity for f in items)
                out.append(f"{c['header']}{clean(path)}{c['reset']} {c['dim']}({_plural(len(items), 'finding')}: "
                           f"{c['reset']}{_counts_text(counts, c)}{c['dim']}){c['reset']}")
            for f, more in ([(f, []) for f in items] if quiet else _grouped(items)):
                loc = f.location
                sev = f"{c[f.severity]}{f.severity}{c['reset']}"
                also = ""
                if more:
                    lines = ", ".join(str(g.location.line) for g in more[:MAX_LISTED])
                    rest = f" and {len(more) - MAX_LISTED} more" if len(more) > MAX_LISTED else ""
                    also = f" {c['dim']}(x{len(more) + 1}: also line{'s' if len(more) > 1 else ''} {lines}{rest}){c['reset']}"
                out.append(f"{c['bold']}{clean(loc.file)}:{loc.line}:{loc.column}{c['reset']}: {sev} "
                           f"{c['dim']}[{f.rule} {f.name}]{c['reset']} {clean(f.message)}{also}")
                if quiet:
                    continue
                if f.question:
                    out.append(f"    {c['dim']}reviewer: {clean(f.question)}{c['reset']}")
                if f.suggestion:
                    out.append(f"    {c['dim']}suggestion: {clean(f.suggestion)}{c['reset']}")
    if show_summary and not quiet:
        for d in result.documents:
            arc = _story(d)
            if arc is not None:
                if out:
                    out.append("")
                prefix = f"{clean(d.root)}: " if len(result.documents) > 1 else ""
                lacks = arc.get("lacks") or {}  # absent from results cached before 0.x
                marks = [f"{k} found" if v is not None else f"{k} MISSING" + (f" ({lacks[k]})" if k in lacks else "")
                         for k, v in arc["stages"].items() if k != "novelty"]
                nov = "found" if arc["stages"].get("novelty") is not None else "MISSING"
                out.append(f"{c['dim']}{prefix}Story:{c['reset']} {' -> '.join(marks)} (novelty {nov})")
                out.append(f"{c['dim']}{prefix}Positioning:{c['reset']} {arc['positioning']}")
                for label, line in _evidence_lines(d.summary or {}):
                    out.append(f"{c['dim']}{prefix}{label}:{c['reset']} {clean(line)}")
        n = Counter(result.counts())
        total = sum(n.values())
        docs = _plural(len(result.documents), "document")
        files = len({f.location.file for f in result.findings})
        if out:
            out.append("")
        if total == 0:
            out.append(f"{c['ok']}{c['bold']}No findings{c['reset']} in {docs}.")
        else:
            out.append(f"{c['bold']}{_plural(total, 'finding')}{c['reset']} ({_counts_text(n, c)}) "
                       f"in {_plural(files, 'file')} of {docs}.")
    return "\n".join(out) + "\n" if out else ""
