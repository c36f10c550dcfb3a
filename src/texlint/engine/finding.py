"""A finding: one problem a rule found, located in the source; and the severities it can have.

Rules build findings through ``engine.context.Context``; the runner completes them (severity
from config, name, category, fingerprint). Reporters, the cache and baselines read them.
"""

from __future__ import annotations

from dataclasses import dataclass

from texlint.engine.fixes import Fix
from texlint.latex.model import Location

SEVERITIES = ("error", "warning", "info")
SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}


@dataclass(frozen=True)
class Finding:
    """One problem, located in the source. Produced by rules, then completed by the engine."""

    rule: str  # short code, e.g. "S101"
    message: str
    location: Location
    severity: str = "warning"
    name: str = ""  # readable rule name, e.g. "no-phenomenon"
    category: str = ""
    excerpt: str = ""
    context: str = ""  # the text the fingerprint is taken from (sentence or source line)
    question: str = ""  # the reviewer question a gap invites, if any
    suggestion: str = ""
    fingerprint: str = ""
    document_level: bool = False  # about the whole document (kept when linting one included file)
    fix: Fix | None = None  # the edits that resolve it, when the rule can make them (engine.fixes)

    def sort_key(self) -> tuple:
        loc = self.location
        return (loc.file, loc.line, loc.column, self.rule, self.message)
