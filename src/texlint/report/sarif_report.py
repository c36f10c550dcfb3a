"""SARIF 2.1.0 output (``--format sarif``) for GitHub code scanning and other SARIF viewers.

One run per invocation; ``tool.driver.rules`` holds the documentation of every rule that has a
result (summary, why, fix, bad/good examples from the rule itself), results carry the rule code,
a level, the message, a region with 1-based lines and columns (end column exclusive, counted in
Unicode code points) and the finding's fingerprint as ``partialFingerprints["texlint/v1"]`` so
code scanning tracks a finding across commits. See docs/sarif.md.
"""

from __future__ import annotations

import json
import os
from pathlib import PurePath
from urllib.parse import quote

from texlint import __version__

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
SARIF_VERSION = "2.1.0"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def artifact_uri(path: str) -> str:
    """A URI reference for a finding's file: relative with forward slashes, or file:// when absolute."""
    p = path.replace(os.sep, "/") if os.sep != "/" else path
    if os.path.isabs(path):
        return PurePath(os.path.abspath(path)).as_uri()
    while p.startswith("./"):
        p = p[2:]
    return quote(p, safe="/-._~")


def _md_block(code: str) -> str:
    fence = "```"
    while fence in code:
        fence += "`"
    return f"{fence}latex\n{code.strip(chr(10))}\n{fence}"


def rule_descriptor(code: str, name: str, category: str, severity: str, doc: dict | None = None) -> dict:
    """``reportingDescriptor`` for one rule: texts from its documentation (``Rule.doc_dict()``,
    carried by the run result): what it flags, why, examples, how to fix."""
    if doc is None:
        summary = name or code
        return {"id": code, "name": name or code, "shortDescription": {"text": summary},
                "fullDescription": {"text": summary}, "help": {"text": summary, "markdown": summary},
                "defaultConfiguration": {"level": LEVELS.get(severity, "warning")},
                "properties": {"tags": [category] if category else [], "category": category}}
    rname = doc.get("name") or name or code
    summary = doc.get("summary") or rname
    why = doc.get("why") or summary
    bad, good, fix, question = (doc.get(k) or "" for k in ("bad", "good", "fix", "question"))
    text = [f"{code} {rname}: {summary}", "", f"Why it matters: {why}"]
    md = [f"**{code} {rname}** — {summary}", "", f"**Why it matters.** {why}"]
    if bad:
        text += ["", "Bad:", bad.strip("\n")]
        md += ["", "**Bad**", "", _md_block(bad)]
    if good:
        text += ["", "Good:", good.strip("\n")]
        md += ["", "**Good**", "", _md_block(good)]
    if fix:
        text += ["", f"How to fix: {fix}"]
        md += ["", f"**How to fix.** {fix}"]
    if question:
        text += ["", f"Reviewer question: {question}"]
        md += ["", f"**Reviewer question.** {question}"]
    md += ["", f"Reference: `docs/rules.md#{code.lower()}-{rname}` · `texlint explain {code}`"]
    return {
        "id": code,
        "name": rname,
        "shortDescription": {"text": summary},
        "fullDescription": {"text": f"{summary} {why}".strip()},
        "help": {"text": "\n".join(text), "markdown": "\n".join(md)},
        "defaultConfiguration": {"level": LEVELS.get(doc.get("severity", severity), "warning"),
                                 "enabled": bool(doc.get("default", True))},
        "properties": {"tags": [doc.get("category", category), doc.get("status", "stable")],
                       "category": doc.get("category", category),
                       "docs": f"docs/rules.md#{code.lower()}-{rname}",
                       "fixable": doc.get("fixable", ""),
                       "accuracy": doc.get("accuracy", "")},
    }


def _region(loc) -> dict:
    line = max(1, int(loc.line))
    col = max(1, int(loc.column))
    end_line = max(line, int(loc.end_line or line))
    end_col = max(1, int(loc.end_column or col + 1))
    if end_line == line and end_col <= col:
        end_col = col + 1
    return {"startLine": line, "startColumn": col, "endLine": end_line, "endColumn": end_col}


def _fix(fix) -> dict:
    """A SARIF ``fix``: the finding's edits as replacements (an insertion deletes an empty
    region); ``properties.applicability`` says whether ``texlint --fix`` applies it unasked."""
    changes: dict[str, list] = {}
    for e in fix.edits:
        loc = e.location
        region = {"startLine": loc.line, "startColumn": loc.column, "endLine": loc.end_line, "endColumn": loc.end_column}
        changes.setdefault(artifact_uri(loc.file), []).append({"deletedRegion": region,
                                                               "insertedContent": {"text": e.replacement}})
    return {"description": {"text": fix.title},
            "artifactChanges": [{"artifactLocation": {"uri": uri}, "replacements": reps} for uri, reps in changes.items()],
            "properties": {"applicability": fix.applicability}}


def _message(f) -> str:
    msg = f.message or f.name or f.rule
    if f.question:
        msg += f"\nReviewer question: {f.question}"
    if f.suggestion:
        msg += f"\nSuggestion: {f.suggestion}"
    return msg


def sarif_dict(result) -> dict:
    docs = result.rule_docs
    rules: list[dict] = []
    index: dict[str, int] = {}
    results: list[dict] = []
    artifacts: list[dict] = []
    art_index: dict[str, int] = {}
    for d in result.documents:
        for f in sorted(d.findings, key=lambda f: f.sort_key()):
            if f.rule not in index:
                index[f.rule] = len(rules)
                rules.append(rule_descriptor(f.rule, f.name, f.category, f.severity, docs.get(f.rule)))
            uri = artifact_uri(f.location.file)
            if uri not in art_index:
                art_index[uri] = len(artifacts)
                artifacts.append({"location": {"uri": uri}})
            res = {
                "ruleId": f.rule,
                "ruleIndex": index[f.rule],
                "level": LEVELS.get(f.severity, "warning"),
                "message": {"text": _message(f)},
                "locations": [{"physicalLocation": {
                    "artifactLocation": {"uri": uri, "index": art_index[uri]},
                    "region": _region(f.location),
                }}],
                "properties": {"category": f.category, "severity": f.severity, "document": d.root,
                               "documentLevel": bool(f.document_level)},
            }
            if f.excerpt:
                res["locations"][0]["physicalLocation"]["region"]["snippet"] = {"text": f.excerpt}
            if f.fingerprint:
                res["partialFingerprints"] = {"texlint/v1": f.fingerprint}
            if f.fix is not None:
                res["fixes"] = [_fix(f.fix)]
            results.append(res)
    return {
        "$schema": SARIF_SCHEMA,
        "version": SARIF_VERSION,
        "runs": [{
            "tool": {"driver": {
                "name": "texlint",
                "version": __version__,
                "semanticVersion": __version__,
                "rules": rules,
            }},
            "columnKind": "unicodeCodePoints",
            "invocations": [{"executionSuccessful": True}],
            "artifacts": artifacts,
            "results": results,
        }],
    }


def render(result, **_opts) -> str:
    return json.dumps(sarif_dict(result), indent=2, ensure_ascii=False) + "\n"
