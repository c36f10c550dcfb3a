"""Reporters: one module per output format, each a ``render(result, **opts) -> str``.

Reporters read a ``RunResult``; they never run rules or read sources (the HTML report reads
the source text the document model already holds).
"""

from __future__ import annotations

import importlib

FORMATS = ("text", "json", "jsonl", "sarif", "github", "html")


def render(fmt: str, result, **opts) -> str:
    mod = importlib.import_module(f"texlint.report.{'json_' if fmt in ('json', 'jsonl') else fmt}")
    if fmt == "jsonl":
        return mod.render_lines(result, **opts)
    return mod.render(result, **opts)
