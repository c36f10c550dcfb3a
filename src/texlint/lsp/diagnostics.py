"""Findings as LSP diagnostics: 0-based ranges in the client's position encoding.

texlint locates a finding by 1-based line and *character* column; LSP counts 0-based lines
and, by default, UTF-16 code units (a character outside the Basic Multilingual Plane, an emoji
or a rare CJK ideograph, is two units). Converting needs the text of the line, which is the
text the linter read (``SourceFile`` of the lint, so an unsaved buffer converts with its own
characters). Everything a code action needs later travels in the diagnostic's ``data``, so
actions never depend on server state that a newer lint may have replaced.
"""

from __future__ import annotations

from typing import Any, Callable

from lsprotocol import types

SOURCE = "texlint"
CONFIG_CODE = "config-error"
_SEVERITY = {
    "error": types.DiagnosticSeverity.Error,
    "warning": types.DiagnosticSeverity.Warning,
    "info": types.DiagnosticSeverity.Information,
}

#: line (1-based) -> its text without the line break, or None when the file is unknown
LineText = Callable[[int], "str | None"]


def units(line: str, chars: int, encoding: str = "utf-16") -> int:
    """How many code units of ``encoding`` the first ``chars`` characters of ``line`` take."""
    head = line[:max(0, chars)]
    extra = max(0, chars - len(line))  # a column past the end (the line break) counts as itself
    if encoding == "utf-32":
        return len(head) + extra
    if encoding == "utf-8":
        return len(head.encode("utf-8", "surrogatepass")) + extra
    return len(head) + sum(1 for ch in head if ord(ch) > 0xFFFF) + extra


def position(line: int, column: int, line_text: LineText, encoding: str) -> types.Position:
    """The LSP position of texlint's 1-based ``line`` and character ``column``."""
    line0 = max(0, line - 1)
    text = line_text(line) if line >= 1 else None
    col0 = max(0, column - 1)
    return types.Position(line=line0, character=units(text, col0, encoding) if text is not None else col0)


def to_range(loc, line_text: LineText, encoding: str) -> types.Range:
    """The LSP range of a ``Location`` (its end column is exclusive, like LSP's)."""
    start = position(loc.line, loc.column, line_text, encoding)
    end = position(loc.end_line or loc.line, loc.end_column or loc.column, line_text, encoding)
    if (end.line, end.character) < (start.line, start.character):
        end = start
    return types.Range(start=start, end=end)


def message(finding) -> str:
    """The message, with the suggestion on its own line when the rule gives one."""
    text = finding.message
    if finding.suggestion:
        text += f"\n{finding.suggestion}"
    return text


def fix_data(fix, edit_target: Callable, encoding: str) -> dict | None:
    """A ``Fix`` as JSON for ``Diagnostic.data``: its title, whether it is safe, and its edits
    as LSP text edits (uri, range, newText). ``edit_target(edit.file)`` gives (uri, line_text)
    or None when the file cannot be placed (then there is no fix to offer)."""
    if fix is None:
        return None
    edits = []
    for e in getattr(fix, "edits", ()):
        target = edit_target(e.file)
        if target is None:
            return None
        uri, line_text = target
        rng = to_range(e.location, line_text, encoding)
        edits.append({"uri": uri, "range": _range_json(rng), "newText": e.replacement})
    if not edits:
        return None
    return {"title": fix.title, "safe": getattr(fix, "applicability", "safe") == "safe", "edits": edits}


def finding_diagnostic(finding, line_text: LineText, encoding: str, fix: dict | None = None) -> types.Diagnostic:
    """One finding as a diagnostic; ``data`` holds the rule, its name and the fix (if any)."""
    data: dict[str, Any] = {"rule": finding.rule, "name": finding.name, "documentLevel": finding.document_level}
    if finding.question:
        data["question"] = finding.question
    if fix is not None:
        data["fix"] = fix
    return types.Diagnostic(
        range=to_range(finding.location, line_text, encoding),
        message=message(finding),
        severity=_SEVERITY.get(finding.severity, types.DiagnosticSeverity.Warning),
        code=finding.rule,
        source=SOURCE,
        data=data,
    )


def config_diagnostic(text: str, first_line: str = "") -> types.Diagnostic:
    """A configuration error, on the config file's first line (one diagnostic, no actions)."""
    return types.Diagnostic(
        range=types.Range(start=types.Position(0, 0), end=types.Position(0, len(first_line))),
        message=text,
        severity=types.DiagnosticSeverity.Error,
        code=CONFIG_CODE,
        source=SOURCE,
        data={"config": True},
    )


def _range_json(rng: types.Range) -> dict:
    return {"start": {"line": rng.start.line, "character": rng.start.character},
            "end": {"line": rng.end.line, "character": rng.end.character}}


def range_from_json(data: dict) -> types.Range:
    s, e = data["start"], data["end"]
    return types.Range(start=types.Position(int(s["line"]), int(s["character"])),
                       end=types.Position(int(e["line"]), int(e["character"])))
