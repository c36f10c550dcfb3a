"""Code actions for texlint's diagnostics: apply the finding's fix, or disable the rule for
the line.

Both read only the diagnostic the client sends back (its ``data`` carries the rule and the fix
as LSP text edits) and the current text of the diagnostic's line, so an action is computed
against what the user sees. The disable action writes the directive the engine reads
(``engine.suppress``): ``% texlint: disable-next-line=ID -- reason`` on a new line above, with
the same indentation, for the user to replace ``reason`` with theirs.
"""

from __future__ import annotations

from lsprotocol import types

from texlint.lsp.diagnostics import range_from_json

DIRECTIVE = "% texlint: disable-next-line={code} -- reason"


def fix_action(diagnostic: types.Diagnostic) -> types.CodeAction | None:
    """The finding's own fix as a quick fix (preferred when safe; titled "(unsafe)" when not)."""
    data = diagnostic.data if isinstance(diagnostic.data, dict) else {}
    fix = data.get("fix")
    if not isinstance(fix, dict) or not fix.get("edits"):
        return None
    changes: dict[str, list[types.TextEdit]] = {}
    for e in fix["edits"]:
        changes.setdefault(e["uri"], []).append(types.TextEdit(range=range_from_json(e["range"]), new_text=e["newText"]))
    safe = bool(fix.get("safe", True))
    title = fix.get("title") or f"Fix {diagnostic.code}"
    return types.CodeAction(
        title=title if safe else f"{title} (unsafe)",
        kind=types.CodeActionKind.QuickFix,
        diagnostics=[diagnostic],
        edit=types.WorkspaceEdit(changes=changes),
        is_preferred=safe,
    )


def disable_action(diagnostic: types.Diagnostic, uri: str, line_text: str, newline: str = "\n") -> types.CodeAction | None:
    """Insert ``% texlint: disable-next-line=ID -- reason`` above the diagnostic's first line."""
    data = diagnostic.data if isinstance(diagnostic.data, dict) else {}
    code = data.get("rule") or diagnostic.code
    if not code or data.get("config"):
        return None
    indent = line_text[:len(line_text) - len(line_text.lstrip(" \t"))]
    line = diagnostic.range.start.line
    at = types.Position(line=line, character=0)
    edit = types.TextEdit(range=types.Range(start=at, end=at),
                          new_text=f"{indent}{DIRECTIVE.format(code=code)}{newline}")
    name = data.get("name")
    return types.CodeAction(
        title=f"Disable {code}{f' ({name})' if name else ''} for this line",
        kind=types.CodeActionKind.QuickFix,
        diagnostics=[diagnostic],
        edit=types.WorkspaceEdit(changes={uri: [edit]}),
    )


def actions_for(diagnostics: list[types.Diagnostic], uri: str, line_of) -> list[types.CodeAction]:
    """The fix (when there is one) and the disable action of each texlint diagnostic;
    ``line_of(n)`` gives the 0-based line ``n`` of the document (with its line break, if any)."""
    out: list[types.CodeAction] = []
    for d in diagnostics:
        fix = fix_action(d)
        if fix is not None:
            out.append(fix)
    seen = set()
    for d in diagnostics:
        raw = line_of(d.range.start.line) or ""
        text = raw.rstrip("\r\n")
        newline = raw[len(text):] or "\n"
        if newline not in ("\n", "\r\n", "\r"):
            newline = "\n"
        action = disable_action(d, uri, text, newline)
        key = (d.range.start.line, d.code)
        if action is not None and key not in seen:  # one per rule and line
            seen.add(key)
            out.append(action)
    return out
