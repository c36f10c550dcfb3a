"""Fingerprints and the baseline file.

A fingerprint is keyed by the rule and the *text* a finding is about (its sentence or source
line, white space folded) plus the file, never by line number: inserting 20 lines above an
accepted finding keeps it accepted, editing its sentence makes it new again. Identical
(rule, file, text) triples get an occurrence counter so each stays distinct.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import replace
from pathlib import Path

from texlint.engine.finding import Finding
from texlint.util.errors import BaselineError
from texlint.util.files_out import write_text
from texlint.util.reading import ReadError, read_text

BASELINE_VERSION = 1


def _norm(text: str) -> str:
    return " ".join(text.split())


def fingerprint_all(findings: list[Finding]) -> list[Finding]:
    """Return the findings with ``fingerprint`` set (order kept)."""
    seen: dict[str, int] = {}
    out = []
    for f in findings:
        basis = "\x1f".join((f.rule, f.location.file, _norm(f.context or f.message)))
        digest = hashlib.sha256(basis.encode("utf-8", "surrogatepass")).hexdigest()[:16]
        n = seen.get(digest, 0)
        seen[digest] = n + 1
        out.append(replace(f, fingerprint=f"{digest}:{n}"))
    return out


def write_baseline(path: Path, findings: list[Finding]) -> None:
    data = {
        "version": BASELINE_VERSION,
        "tool": "texlint",
        "findings": {f.fingerprint: {"rule": f.rule, "file": f.location.file, "line": f.location.line,
                                      "message": f.message} for f in findings},
    }
    write_text(path, json.dumps(data, indent=1, sort_keys=True) + "\n", "baseline")


def read_baseline(path: Path) -> set[str]:
    try:
        data = json.loads(read_text(path, 256 * 1024 * 1024))
    except ReadError as exc:
        raise BaselineError(f"{path}: cannot read baseline ({exc.reason})") from None
    except RecursionError:
        raise BaselineError(f"{path}: not a texlint baseline (JSON nested too deeply)") from None
    except json.JSONDecodeError as exc:
        raise BaselineError(f"{path}: not a texlint baseline (invalid JSON: {exc.msg})") from None
    if not isinstance(data, dict) or data.get("tool") != "texlint" or not isinstance(data.get("findings"), dict):
        raise BaselineError(f"{path}: not a texlint baseline file")
    return set(data["findings"])
