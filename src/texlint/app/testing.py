"""Helpers to test rules on small LaTeX sources (used by texlint's tests; usable for your packs).

``lint_source`` writes a snippet (wrapped in a minimal article unless it has its own
``\\documentclass``) plus any extra files into a temporary folder and lints it exactly as the
command line would. ``SNIPPET_LINE_OFFSET`` is how many lines the wrapper adds, so case files
can give positions relative to the snippet.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import replace
from pathlib import Path

from texlint.app.run import Options, run
from texlint.engine.finding import Finding

SNIPPET_LINE_OFFSET = 2
_HEAD = "\\documentclass{article}\n\\begin{document}\n"
_TAIL = "\n\\end{document}\n"


def wrap(tex: str) -> tuple[str, int]:
    if "\\documentclass" in tex:
        return tex, 0
    return _HEAD + tex + _TAIL, SNIPPET_LINE_OFFSET


def lint_source(tex: str, files: dict[str, str] | None = None, select: list[str] | None = None,
                venue: str | None = None, review: bool | None = None, config: str | None = None,
                main_name: str = "main.tex", workdir: Path | None = None) -> list[Finding]:
    """Lint ``tex`` as a one-document project; returns findings with snippet-relative lines."""
    text, offset = wrap(tex)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(workdir or tmp)
        (root / main_name).write_text(text, encoding="utf-8")
        for name, content in (files or {}).items():
            p = root / name
            p.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, bytes):
                p.write_bytes(content)
            else:
                p.write_text(content, encoding="utf-8")
        if config is not None:
            (root / ".texlint.toml").write_text(config, encoding="utf-8")
        opts = Options(select=select, venue=venue, review=review, use_cache=False)
        result = run([root / main_name], opts)
        return _relative(result, root, main_name, offset)


def _relative(result, root: Path, main_name: str, offset: int) -> list[Finding]:
    out = []
    for f in result.findings:
        loc = f.location
        try:
            rel = Path(os.path.realpath(loc.file)).relative_to(Path(os.path.realpath(root))).as_posix()
        except ValueError:
            rel = loc.file
        line_shift = offset if rel == main_name else 0
        out.append(replace(f, location=replace(loc, file=rel, line=loc.line - line_shift,
                                               end_line=loc.end_line - line_shift)))
    return out
