"""The document model: what rules read, with every piece of prose mapped back to its source.

Offsets are *global*: each file of a document occupies its own range (``SourceFile.base``),
so one integer locates any character of the project and a prose string carries one array of
them (``Prose.offsets``), one per character. ``Document.location`` turns a span into
file:line:col. Rules never see LaTeX, only this model.
"""

from __future__ import annotations

import re
from array import array
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Iterator, Optional

if TYPE_CHECKING:  # pragma: no cover
    from texlint.source.files import SourceFile
    from texlint.source.project import Problem, Project

#: Section roles, from title words and position (see ``texlint.latex.roles``).
ROLES = (
    "abstract", "introduction", "related_work", "background", "method", "experiments", "results",
    "analysis", "discussion", "limitations", "broader_impact", "ethics", "reproducibility",
    "conclusion", "acknowledgments", "appendix", "checklist", "other",
)

#: Kinds of prose: body paragraphs, list items, headings, captions, footnotes, the title.
PROSE_KINDS = ("body", "item", "heading", "caption", "footnote", "title")


@dataclass(frozen=True)
class Location:
    file: str
    line: int
    column: int
    end_line: int
    end_column: int

    def as_dict(self) -> dict:
        return {"file": self.file, "line": self.line, "column": self.column,
                "end_line": self.end_line, "end_column": self.end_column}


@dataclass
class Placeholder:
    """A non-word construct standing in prose: kind is math, eq, cite, ref or url."""

    kind: str
    start: int  # offsets into Prose.text
    end: int
    payload: tuple[str, ...] = ()
    command: str = ""


@dataclass
class Sentence:
    prose: "Prose"
    start: int
    end: int
    span: Any = None  # spaCy Span
    tags: frozenset = frozenset()

    @property
    def text(self) -> str:
        return self.prose.text[self.start:self.end]

    @property
    def role(self) -> str:
        return self.prose.role

    @property
    def kind(self) -> str:
        return self.prose.kind

    @property
    def section(self) -> "Section | None":
        return self.prose.section

    def placeholders(self) -> list[Placeholder]:
        return [p for p in self.prose.placeholders if p.start >= self.start and p.end <= self.end]


@dataclass
class Prose:
    """A paragraph (or caption, footnote, list item, heading) of running text."""

    text: str
    offsets: array
    kind: str = "body"
    section: "Section | None" = None
    placeholders: list[Placeholder] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    doc: Any = None  # spaCy Doc
    float_index: int | None = None  # for captions: the float they belong to
    code: list[tuple[int, int]] = field(default_factory=list)  # spans typeset as code (\\texttt, \\verb, \\tt)
    quoted: bool = False  # inside a quote or a framed box of reproduced material (a prompt, an output)

    def in_code(self, i: int) -> bool:
        """Whether character ``i`` of the text is code, a file name or a command (not prose)."""
        return any(a <= i < b for a, b in self.code)

    @property
    def role(self) -> str:
        if self.section is None:
            return "other"
        return self.section.role

    def previous_paragraph(self) -> "Prose | None":
        """The paragraph or list item with sentences before this one in its section (the context a
        sentence that opens a paragraph continues: "We propose X." then a bullet "It is the first ...")."""
        if self.section is None:
            return None
        before = None
        for p in self.section.prose:
            if p is self:
                return before
            if p.kind in ("body", "item") and p.sentences:
                before = p
        return None


@dataclass
class Section:
    title: str
    level: int  # part -1, chapter 0, section 1, subsection 2, ..., subparagraph 5
    role: str
    offset: int  # global offset of the heading command
    command: str = "section"
    starred: bool = False
    index: int = 0
    title_prose: Prose | None = None
    prose: list[Prose] = field(default_factory=list)
    label: str | None = None
    in_appendix: bool = False
    parent: "Section | None" = None
    displays: int = 0  # non-prose content (listings, figures, tables): not an empty section

    def sentences(self) -> Iterator[Sentence]:
        for p in self.prose:
            yield from p.sentences

    def word_count(self) -> int:
        return sum(len(p.text.split()) for p in self.prose if p.kind in ("body", "item"))


@dataclass
class Label:
    name: str
    offset: int
    length: int
    env: str = ""  # figure, table, equation, section, ...


@dataclass
class Reference:
    labels: tuple[str, ...]
    command: str
    offset: int
    length: int
    preceding: str = ""  # the source text just before the command (for spacing rules)
    in_prose: bool = True  # False inside a picture, a table cell or other non-prose material


@dataclass
class Citation:
    keys: tuple[str, ...]
    command: str
    offset: int
    length: int
    preceding: str = ""
    section: "Section | None" = None

    @property
    def role(self) -> str:
        return self.section.role if self.section is not None else "other"


@dataclass
class Float:
    """A figure or table environment."""

    env: str
    offset: int
    length: int
    labels: list[str] = field(default_factory=list)
    caption: Prose | None = None
    kind: str = "figure"  # figure or table
    captions: int = 0  # \\caption commands directly in it (sub-captions not counted)
    caption_offset: int | None = None  # global offset of the first \\caption
    inner: set[str] = field(default_factory=set)  # environments and sub-float commands inside it


@dataclass
class Table:
    """Cells of a tabular, kept apart from prose (numbers in tables matter to rules)."""

    offset: int
    env: str
    rows: list[list[tuple[str, int]]] = field(default_factory=list)  # (cell text, global offset)
    float_index: int | None = None

    def cells(self) -> Iterator[tuple[str, int]]:
        for row in self.rows:
            yield from row


@dataclass
class Macro:
    name: str
    nargs: int
    body: str
    offset: int
    command: str
    expansion: str | None = None  # plain text used in prose for argument-less text macros
    argspec: str = ""  # pylatexenc argument spec ("{{" for two mandatory arguments)
    ends_with_space: bool = False  # the body ends in a space, so a use never glues to the next word


@dataclass
class Comment:
    text: str  # without the leading %
    offset: int


@dataclass
class Command:
    """A LaTeX command or environment occurrence rules may care about (todo, $$, color, ...)."""

    name: str
    offset: int
    length: int
    args: tuple[str, ...] = ()
    text: str = ""  # plain text inside, where meaningful


@dataclass
class BibEntry:
    key: str
    type: str
    fields: dict[str, str]
    file: str
    line: int


@dataclass
class Document:
    project: "Project"
    root: "SourceFile"
    documentclass: str = ""
    class_options: list[str] = field(default_factory=list)
    packages: dict[str, list[str]] = field(default_factory=dict)
    title: Prose | None = None
    authors: list[str] = field(default_factory=list)
    author_offsets: list[int] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    prose: list[Prose] = field(default_factory=list)
    labels: list[Label] = field(default_factory=list)
    refs: list[Reference] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)
    floats: list[Float] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    macros: dict[str, Macro] = field(default_factory=dict)
    comments: list[Comment] = field(default_factory=list)
    commands: list[Command] = field(default_factory=list)
    bib: dict[str, BibEntry] | None = None  # None: no .bib/.bbl found
    bib_files: list[str] = field(default_factory=list)
    includeonly: list[str] | None = None
    has_bibliography: bool = False
    problems: list["Problem"] = field(default_factory=list)  # loader and parser problems
    template_spans: list[tuple[int, int]] = field(default_factory=list)  # venue-kit instructions (not prose)
    # Filled by the analysis stage (``texlint.analysis``), read by rules and the summary:
    facts: dict[str, Any] = field(default_factory=dict)  # evidence facts, by ``analysis.facts.Fact``
    argument: dict[str, Any] = field(default_factory=dict)  # move -> the sentences that make it
    assessment: dict[str, Any] = field(default_factory=dict)  # reviewer question -> verdict (``analysis.assessment``)
    resources: dict[str, Any] = field(default_factory=dict)  # claimed / measured / unmeasured resources (``analysis.evidence``)
    scale_envelope: dict[str, Any] = field(default_factory=dict)  # largest model, data, sequence the experiments reach
    claims: list[dict] = field(default_factory=list)  # typed framing claims with support (``analysis.claim_map``)
    abstract_numbers: list[dict] = field(default_factory=list)  # numbers the abstract quotes
    method_names: set[str] | None = None  # the method's own names (None: not computed yet)
    #: what rules compute once per document and share (``checks.latex.latex_common.memo``): it
    #: lives and dies with the document (a table beside it kept old documents alive in the server)
    scratch: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    # -- locations -------------------------------------------------------------------------
    @property
    def files(self) -> list["SourceFile"]:
        return self.project.files

    def file_at(self, offset: int) -> "SourceFile":
        return self.project.file_at(offset)

    def location(self, start: int, end: int | None = None) -> Location:
        """Location of the global offset range [start, end)."""
        f = self.file_at(start)
        line, col = f.line_col(start - f.base)
        if end is None or end <= start:
            return Location(f.rel, line, col, line, col + 1)
        g = self.file_at(end - 1)
        if g is not f:
            end_line, end_col = line, col + 1
        else:
            end_line, end_col = f.line_col(end - f.base)
        return Location(f.rel, line, col, end_line, end_col)

    def problem_location(self, problem: "Problem") -> Location:
        """Where a loader or parser problem is (the root's start when it has no file)."""
        if problem.file is None:
            return self.location(self.root.base)
        start = problem.file.base + problem.offset
        return self.location(start, start + max(problem.length, 1))

    def prose_location(self, prose: Prose, start: int, end: int) -> Location:
        """Location of prose characters [start, end) in the source."""
        if not prose.offsets:
            return self.location(0)
        start = max(0, min(start, len(prose.offsets) - 1))
        end = max(start + 1, min(end, len(prose.offsets)))
        return self.location(prose.offsets[start], prose.offsets[end - 1] + 1)

    def source_text(self, start: int, end: int) -> str:
        f = self.file_at(start)
        return f.text[start - f.base:end - f.base]

    # -- iteration helpers for rules ---------------------------------------------------------
    def sentences(self, kinds: Optional[tuple[str, ...]] = None) -> Iterator[Sentence]:
        for p in self.prose:
            if kinds is None or p.kind in kinds:
                yield from p.sentences

    def unread_include(self, pattern: str) -> bool:
        """Whether an include the loader could not find or read names ``pattern`` (a regular
        expression, case-insensitive): ``\\input{sections/limitations}`` missing may hold the very
        section an absence rule looks for."""
        unread = ("not-found", "unreadable", "outside", "binary")
        return any(getattr(p.kind, "value", "") in unread and re.search(pattern, p.message.rsplit(": ", 1)[-1], re.I)
                   for p in self.problems)

    def sections_with_role(self, *roles: str) -> list[Section]:
        return [s for s in self.sections if s.role in roles]

    @property
    def abstract(self) -> Section | None:
        found = self.sections_with_role("abstract")
        return found[0] if found else None
