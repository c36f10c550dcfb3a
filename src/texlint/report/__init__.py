"""Stage 8, reporters: one module per output format, each a ``render(result, **opts) -> str``.

Reporters only format the ``RunResult`` they are given (findings, the document summaries, the
sources and rule documentation the run carried); they never run rules, NLP or the analysis.
"""

from __future__ import annotations

import importlib

FORMATS = ("text", "json", "jsonl", "sarif", "github", "html")


def render(fmt: str, result, **opts) -> str:
    name = "json" if fmt in ("json", "jsonl") else fmt
    mod = importlib.import_module(f"texlint.report.{name}_report")
    if fmt == "jsonl":
        return mod.render_lines(result, **opts)
    return mod.render(result, **opts)
