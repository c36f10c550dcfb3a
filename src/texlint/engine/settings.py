"""The settings a run honours: which rules, at which severity, with which options, where.

``texlint.app.config`` fills a ``Config`` from a config file (``.texlint.toml``, ``texlint.toml``
or ``[tool.texlint]`` in ``pyproject.toml``) and the command line; the engine reads it to pick
rules, set severities and options and apply per-file ignores.
"""

from __future__ import annotations

import fnmatch
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass
class Config:
    select: list[str] | None = None  # None: the rules on by default
    extend_select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    severity: dict[str, str] = field(default_factory=dict)
    rule_paths: list[Path] = field(default_factory=list)
    venue: str = "auto"
    fail_on: str = "warning"
    per_file_ignores: dict[str, list[str]] = field(default_factory=dict)
    options: dict[str, dict[str, Any]] = field(default_factory=dict)
    review: bool | None = None  # None: detect from the style options
    nlp_model: str | None = None
    exclude: list[str] = field(default_factory=list)  # globs of files not linted (relative to the project)
    source: str = ""  # file the config came from ("" when defaults)

    def fingerprint(self) -> str:
        """Stable text of the effective settings (part of the cache key)."""
        d = {k: (sorted(v) if isinstance(v, list) else v) for k, v in self.__dict__.items() if k != "source"}
        d["rule_paths"] = [str(p) for p in self.rule_paths]
        return json.dumps(d, sort_keys=True, default=str)

    def excludes(self, path: Path, folder: Path) -> bool:
        """Whether ``exclude`` matches a file: its path relative to the config file's folder (the
        project folder without a config file), or its name; a glob naming a folder covers what is
        in it."""
        base = Path(self.source).resolve().parent if self.source else folder
        try:
            rel_file = Path(os.path.realpath(path)).relative_to(base).as_posix()
        except ValueError:
            rel_file = Path(path).name
        name = Path(rel_file).name
        for pattern in self.exclude:
            p = pattern.rstrip("/")
            if fnmatch.fnmatch(rel_file, p) or fnmatch.fnmatch(name, p) or fnmatch.fnmatch(rel_file, p + "/*"):
                return True
        return False

    def ignored_for(self, rel_file: str) -> list[str]:
        out = []
        for pattern, ids in self.per_file_ignores.items():
            if fnmatch.fnmatch(rel_file, pattern) or fnmatch.fnmatch(Path(rel_file).name, pattern):
                out.extend(ids)
        return out
