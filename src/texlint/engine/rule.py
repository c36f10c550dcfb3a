"""What a rule is: identity, defaults, scopes and documentation, plus the check itself.

Python rules subclass ``Rule`` and set class attributes; declarative rules (``rules/*.toml``)
build the same object from a table. Either way ``texlint explain``, ``docs/rules.md``, SARIF
help and the HTML report read the documentation from here, and the registry meta-tests run
every rule's bad example (must flag) and good example (must not).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar, Iterable

from texlint.model import SEVERITIES

if TYPE_CHECKING:  # pragma: no cover
    from texlint.engine.context import Context
    from texlint.model import Document, Finding

CATEGORIES = ("story", "claims", "reviewer", "venue", "latex", "style")
#: Scopes are section roles plus these element kinds.
ELEMENT_SCOPES = ("title", "captions", "footnotes", "tables", "headings", "any")
SCOPES = (
    "title", "abstract", "introduction", "related_work", "background", "method", "experiments",
    "results", "analysis", "discussion", "limitations", "broader_impact", "ethics",
    "reproducibility", "conclusion", "acknowledgments", "appendix", "checklist", "other",
    "captions", "footnotes", "tables", "headings", "any",
)
CATEGORY_PREFIX = {"story": "S", "claims": "C", "reviewer": "R", "venue": "V", "latex": "L", "style": "W"}


class RuleError(Exception):
    """A rule definition is invalid (message names the file and key)."""


class Rule:
    """Base class of every rule. Subclasses set the class attributes and ``check``."""

    code: ClassVar[str] = ""
    name: ClassVar[str] = ""
    category: ClassVar[str] = "style"
    severity: ClassVar[str] = "warning"
    default: ClassVar[bool] = True  # on by default
    status: ClassVar[str] = "stable"  # or "preview"
    scopes: ClassVar[tuple[str, ...]] = ("any",)
    needs_nlp: ClassVar[bool] = False
    #: documentation
    summary: ClassVar[str] = ""  # one line: what it flags
    why: ClassVar[str] = ""
    bad: ClassVar[str] = ""
    good: ClassVar[str] = ""
    fix: ClassVar[str] = ""
    options: ClassVar[dict[str, Any]] = {}
    aliases: ClassVar[tuple[str, ...]] = ()
    origin: ClassVar[str] = "builtin"
    question: ClassVar[str] = ""  # reviewer question attached to its findings

    def __init__(self, options: dict[str, Any] | None = None) -> None:
        self.opts = dict(self.options)
        if options:
            self.opts.update(options)

    @property
    def id(self) -> str:
        return f"{self.code} {self.name}"

    def check(self, doc: "Document", ctx: "Context") -> Iterable["Finding"]:  # pragma: no cover
        raise NotImplementedError

    def matches(self, selector: str) -> bool:
        """Does a select/ignore/suppression selector name this rule?"""
        s = selector.strip()
        if not s:
            return False
        if s.upper() == "ALL" or s.lower() == "all":
            return True
        if s == self.name or s in self.aliases or s == self.category:
            return True
        return self.code.upper().startswith(s.upper()) and s[:1].isalpha()

    @classmethod
    def validate(cls, where: str) -> None:
        if not cls.code or not cls.name:
            raise RuleError(f"{where}: a rule needs a code and a name")
        if cls.category not in CATEGORIES:
            raise RuleError(f"{where}: rule {cls.code}: unknown category '{cls.category}'")
        if cls.severity not in SEVERITIES:
            raise RuleError(f"{where}: rule {cls.code}: unknown severity '{cls.severity}'")
        for s in cls.scopes:
            if s not in SCOPES:
                raise RuleError(f"{where}: rule {cls.code}: unknown scope '{s}'")

    @classmethod
    def doc_dict(cls) -> dict[str, Any]:
        return {
            "code": cls.code, "name": cls.name, "category": cls.category, "severity": cls.severity,
            "default": cls.default, "status": cls.status, "scopes": list(cls.scopes),
            "summary": cls.summary, "why": cls.why, "bad": cls.bad, "good": cls.good, "fix": cls.fix,
            "options": dict(cls.options), "origin": cls.origin,
        }
