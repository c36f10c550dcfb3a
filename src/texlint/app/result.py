"""What a run produces: per document a ``DocResult``, for the run a ``RunResult``; and the
``Options`` a run is started with.

Whatever the route (linted now, by a worker process, or answered from the cache) a
``DocResult`` carries the same things: the findings, the document summary
(``texlint.app.summary``), the documentation of the rules that found something and, when a
report shows source text, the sources. Reporters read these and nothing else.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

from texlint.engine.finding import SEVERITY_RANK, Finding
from texlint.latex.model import Document
from texlint.source.files import SourceFile
from texlint.util.paths import display_path, is_within
from texlint.util.timing import Timer

if TYPE_CHECKING:  # pragma: no cover
    from texlint.engine.settings import Config


@dataclass
class Options:
    """Command-line overrides and run switches."""

    select: list[str] | None = None
    extend_select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    venue: str | None = None
    review: bool | None = None
    fail_on: str | None = None
    config: Path | None = None
    root: Path | None = None
    inline_suppress: bool = True
    baseline: Path | None = None
    use_cache: bool = False  # the CLI turns the cache on; library calls get fresh results
    jobs: int = 1
    cache_dir: Path | None = None  # --cache-dir (else $TEXLINT_CACHE_DIR, else beside the root)
    force_exclude: bool = False  # --force-exclude: the config's exclude applies to named files too
    need_sources: bool = False  # a report shows source text (HTML): cached and worker results carry the sources too
    progress: Callable | None = field(default=None, repr=False, compare=False)  # progress(doc_result, done, total)


@dataclass
class DocResult:
    root: str  # display path of the root document
    findings: list[Finding]
    doc: Document | None = None  # the model, for in-process runs only (not from the cache or workers)
    venue: str = "generic"
    review: bool = False
    timer: Timer = field(default_factory=Timer)
    suppressed: int = 0
    baselined: int = 0
    summary: dict[str, Any] = field(default_factory=dict)  # app.summary.document_summary
    rule_docs: dict[str, dict] = field(default_factory=dict)  # code -> Rule.doc_dict() of rules with findings
    sources: list[SourceFile] = field(default_factory=list)  # in-process always; cached or from workers with need_sources
    fail_on: str = "warning"  # the document's effective fail-on
    folder: str = ""  # the project folder (real path)


@dataclass
class RunResult:
    documents: list[DocResult]
    fail_on: str = "warning"
    errors: list[str] = field(default_factory=list)  # documents that could not be linted (one line each)

    @property
    def findings(self) -> list[Finding]:
        return [f for d in self.documents for f in d.findings]

    @property
    def rule_docs(self) -> dict[str, dict]:
        """Documentation of every rule with a finding in this run (user packs and plugins too)."""
        out: dict[str, dict] = {}
        for d in self.documents:
            for code, doc in d.rule_docs.items():
                out.setdefault(code, doc)
        return out

    def counts(self) -> dict[str, int]:
        c = {"error": 0, "warning": 0, "info": 0}
        for f in self.findings:
            c[f.severity] = c.get(f.severity, 0) + 1
        return c

    def exit_code(self) -> int:
        if self.errors:
            return 2
        if self.fail_on == "never":
            return 0
        limit = SEVERITY_RANK[self.fail_on]
        return 1 if any(SEVERITY_RANK[f.severity] >= limit for f in self.findings) else 0


def shown(findings: list[Finding], named: set[Path] | None, folder: Path, cfg: "Config",
          force_exclude: bool = False) -> list[Finding]:
    """The findings a report shows: with files named on the command line (``texlint
    sections/intro.tex``), those in the named files plus document-level ones; never those in
    files the config's ``exclude`` matches, unless the user named that file (and did not ask
    ``--force-exclude``). Findings are in display paths."""
    keep_files = {display_path(p) for p in named if is_within(p, folder)} if named else None
    if keep_files is not None:
        findings = [f for f in findings if f.location.file in keep_files or f.document_level]
    if cfg.exclude:
        def excluded(display: str) -> bool:
            if keep_files is not None and display in keep_files and not force_exclude:
                return False
            return cfg.excludes(Path(os.path.abspath(display)), folder)
        findings = [f for f in findings if not excluded(f.location.file)]
    return findings
