"""What a rule is: identity, defaults, scopes and documentation, plus the check itself.

Python rules subclass ``Rule`` and set class attributes; declarative rules (``checks/packs/*.toml`` and user packs)
build the same object from a table. Either way ``texlint explain``, ``docs/rules.md``, SARIF
help and the HTML report read the documentation from here, and the registry meta-tests run
every rule's bad example (must flag) and good example (must not).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar, Iterable

from texlint.engine.finding import SEVERITIES
from texlint.util.errors import RuleError

if TYPE_CHECKING:  # pragma: no cover
    from texlint.engine.context import Context
    from texlint.engine.finding import Finding
    from texlint.latex.model import Document

CATEGORIES = ("story", "claims", "reviewer", "venue", "latex", "style")
#: Scopes are section roles (body text and list items of those sections) plus these element
#: kinds. Table cells are not prose, so there is no table scope: rules about tables read
#: ``doc.tables``.
ELEMENT_SCOPES = ("title", "captions", "footnotes", "headings", "any")
SCOPES = (
    "title", "abstract", "introduction", "related_work", "background", "method", "experiments",
    "results", "analysis", "discussion", "limitations", "broader_impact", "ethics",
    "reproducibility", "conclusion", "acknowledgments", "appendix", "checklist", "other",
    "captions", "footnotes", "headings", "any",
)
CATEGORY_PREFIX = {"story": "S", "claims": "C", "reviewer": "R", "venue": "V", "latex": "L", "style": "W"}


class Rule:
    """Base class of every rule. Subclasses set the class attributes and ``check``."""

    code: ClassVar[str] = ""
    name: ClassVar[str] = ""
    category: ClassVar[str] = "style"
    severity: ClassVar[str] = "warning"
    default: ClassVar[bool] = True  # on by default
    status: ClassVar[str] = "stable"  # or "preview"
    #: The parts of the paper the rule reads, for rules that read prose by scope (declarative
    #: rules always do; a Python rule declares them when it reads ``ctx.sentences_in(self.scopes)``).
    #: Empty: the rule decides what it reads (references, the source, the whole document).
    scopes: ClassVar[tuple[str, ...]] = ()
    needs_nlp: ClassVar[bool] = False
    runs_last: ClassVar[bool] = False  # after suppressions are applied (reads ``ctx.directives``)
    #: documentation
    summary: ClassVar[str] = ""  # one line: what it flags
    why: ClassVar[str] = ""
    bad: ClassVar[str] = ""
    good: ClassVar[str] = ""
    fix: ClassVar[str] = ""
    #: "safe" or "unsafe" when the rule's findings carry a fix (``texlint --fix`` applies safe
    #: ones; ``--unsafe-fixes`` the others; see engine.fixes); "" when the author must edit.
    fixable: ClassVar[str] = ""
    #: the assessment field this rule reports the absence of ("phenomenon", ...), if any
    assesses: ClassVar[str] = ""
    #: how often the rule is right on real papers, as measured (benchmarks/agreement.py, the
    #: corpus review); shown by ``explain`` and the docs so users know what to expect
    accuracy: ClassVar[str] = ""
    options: ClassVar[dict[str, Any]] = {}
    aliases: ClassVar[tuple[str, ...]] = ()
    origin: ClassVar[str] = "builtin"
    question: ClassVar[str] = ""  # reviewer question attached to its findings
    #: How the registry meta-test runs the bad and good examples (``tests/test_registry.py``).
    examples_are_tests: ClassVar[bool] = True  # False: the example needs more than a snippet
    example_select: ClassVar[tuple[str, ...]] = ()  # other rules the examples need running
    example_venue: ClassVar[str | None] = None
    example_review: ClassVar[bool | None] = None
    example_files: ClassVar[dict[str, str] | None] = None  # extra project files for the examples

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
        if cls.fixable not in ("", "safe", "unsafe"):
            raise RuleError(f"{where}: rule {cls.code}: fixable must be 'safe', 'unsafe' or empty")
        for s in cls.scopes:
            if s not in SCOPES:
                raise RuleError(f"{where}: rule {cls.code}: unknown scope '{s}'")

    @classmethod
    def doc_dict(cls) -> dict[str, Any]:
        return {
            "code": cls.code, "name": cls.name, "category": cls.category, "severity": cls.severity,
            "default": cls.default, "status": cls.status, "scopes": list(cls.scopes),
            "summary": cls.summary, "why": cls.why, "bad": cls.bad, "good": cls.good, "fix": cls.fix,
            "fixable": cls.fixable, "question": cls.question, "options": dict(cls.options), "origin": cls.origin,
            "assesses": cls.assesses, "accuracy": cls.accuracy,
        }
