"""JSON and JSON Lines output: a stable, versioned schema documented in docs/json.md.

Changes are additive only: new fields may appear, existing ones keep their meaning.
"""

from __future__ import annotations

import json

from texlint import __version__

SCHEMA_VERSION = 1


def finding_dict(f) -> dict:
    loc = f.location
    return {
        "rule": f.rule, "name": f.name, "category": f.category, "severity": f.severity,
        "message": f.message, "file": loc.file, "line": loc.line, "column": loc.column,
        "end_line": loc.end_line, "end_column": loc.end_column, "excerpt": f.excerpt,
        "suggestion": f.suggestion, "question": f.question, "fingerprint": f.fingerprint,
        "document_level": f.document_level, "fix": fix_dict(f.fix),
    }


def fix_dict(fix) -> dict | None:
    """A finding's fix as ruff's JSON has it: what it does, whether it is safe, and its edits
    (1-based line and column of the range replaced, end exclusive)."""
    if fix is None:
        return None
    return {"title": fix.title, "applicability": fix.applicability,
            "edits": [{"file": e.location.file, "line": e.location.line, "column": e.location.column,
                       "end_line": e.location.end_line, "end_column": e.location.end_column,
                       "replacement": e.replacement} for e in fix.edits]}


def document_dict(d) -> dict:
    """The JSON record of one document: its findings plus the document summary the run
    computed (``DocResult.summary``, the same whether linted now, by a worker or cached)."""
    out = {"root": d.root, "venue": d.venue, "review": d.review, "files": [], "sections": [],
           "findings": [finding_dict(f) for f in d.findings],
           "counts": _counts(d.findings), "suppressed": d.suppressed, "baselined": d.baselined}
    out.update(d.summary or {})
    out["reviewer_questions"] = [
        {"rule": f.rule, "question": f.question, "file": f.location.file, "line": f.location.line}
        for f in d.findings if f.question
    ]
    return out


def _counts(findings) -> dict:
    c = {"error": 0, "warning": 0, "info": 0}
    for f in findings:
        c[f.severity] += 1
    return c


def render(result, **_opts) -> str:
    data = {
        "version": SCHEMA_VERSION,
        "tool": {"name": "texlint", "version": __version__},
        "documents": [document_dict(d) for d in result.documents],
        "findings": [dict(finding_dict(f), document=d.root) for d in result.documents for f in d.findings],
        "summary": dict(result.counts(), documents=len(result.documents)),
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def render_lines(result, **_opts) -> str:
    lines = []
    for d in result.documents:
        rec = {"version": SCHEMA_VERSION, "tool": {"name": "texlint", "version": __version__}}
        rec.update(document_dict(d))
        lines.append(json.dumps(rec, ensure_ascii=False))
    return "\n".join(lines) + ("\n" if lines else "")
