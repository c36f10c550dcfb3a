"""What a rule receives besides the document: scoped element access and finding builders.

Rules stay pure: they ask the context for the sentences of their scopes and build findings
with ``ctx.sentence_finding`` / ``ctx.offset_finding`` / ``ctx.document_finding``; the engine
then fills severity, name, category and fingerprint. A rule that can resolve its finding builds
the fix with ``ctx.edit`` / ``ctx.prose_edit`` and ``ctx.fix``: edits of source character
ranges, so a fix never rewrites text a macro produced.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import TYPE_CHECKING, Iterator

from texlint.engine.finding import Finding
from texlint.engine.fixes import SAFE, UNSAFE, Edit, Fix
from texlint.latex.model import Location, Prose, Sentence

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language

    from texlint.engine.registry import Registry
    from texlint.engine.rule import Rule
    from texlint.engine.settings import Config
    from texlint.engine.suppress import Directive
    from texlint.latex.model import Document, Section

_KIND_SCOPES = {"captions": "caption", "footnotes": "footnote", "title": "title", "headings": "heading"}


class Context:
    """The run a rule is part of: venue and review mode, the settings, the registry, the spaCy
    pipeline (when a rule needs NLP), and, for rules that run last, the suppression directives."""

    def __init__(self, doc: "Document", venue: str = "generic", review: bool = False, config: "Config | None" = None,
                 registry: "Registry | None" = None, nlp: "Language | None" = None) -> None:
        self.doc = doc
        self.venue = venue
        self.review = review
        self.config = config
        self.registry = registry
        self.nlp = nlp
        self.rule: "Rule | None" = None
        self.directives: list["Directive"] = []  # set before the rules that run last
        self._in_scopes: dict[tuple[str, ...], list[Prose]] = {}

    # -- elements ----------------------------------------------------------------------------
    def prose_in(self, scopes: tuple[str, ...]) -> Iterator[Prose]:
        """The prose of ``scopes``, in document order (chosen once per run and scope: most rules
        ask for the same few scopes)."""
        scopes = tuple(scopes) or ("any",)
        chosen = self._in_scopes.get(scopes)
        if chosen is None:
            chosen = self._in_scopes[scopes] = [p for p in self.doc.prose if _in_scope(p, scopes)]
        return iter(chosen)

    def sentences_in(self, scopes: tuple[str, ...]) -> Iterator[Sentence]:
        for p in self.prose_in(scopes):
            yield from p.sentences

    def sections_in(self, scopes: tuple[str, ...]) -> list["Section"]:
        if "any" in scopes:
            return list(self.doc.sections)
        return [s for s in self.doc.sections if s.role in scopes]

    # -- findings ------------------------------------------------------------------------------
    def _meta(self) -> dict:
        r = self.rule
        if r is None:
            return {}
        return {"rule": r.code, "name": r.name, "category": r.category, "severity": r.severity,
                "question": r.question}

    # -- fixes ------------------------------------------------------------------------------
    def edit(self, start: int, end: int, replacement: str) -> Edit | None:
        """An edit of the global source range [start, end) (an insertion when they are equal);
        None when the range spans two files."""
        f = self.doc.file_at(start)
        a, b = start - f.base, end - f.base
        if b < a or b > len(f.text) or (b > a and self.doc.file_at(end - 1) is not f):
            return None
        loc = self.doc.location(start, end)
        if b == a:  # an insertion: an empty range (Document.location gives one character)
            loc = Location(loc.file, loc.line, loc.column, loc.line, loc.column)
        return Edit(f.rel, a, b, replacement, loc, f.text[a:b])

    def prose_edit(self, prose: Prose, i: int, j: int, replacement: str) -> Edit | None:
        """An edit of the source characters prose characters [i, j) were typed as; None when
        they are not one run of source characters (text a macro produced, stitched text)."""
        offs = prose.offsets
        if not 0 <= i < j <= len(offs) or any(offs[k + 1] != offs[k] + 1 for k in range(i, j - 1)):
            return None
        return self.edit(offs[i], offs[j - 1] + 1, replacement)

    @staticmethod
    def fix(title: str, *edits: Edit | None, safe: bool = True) -> Fix | None:
        """A fix of ``edits`` (None when an edit could not be made or they touch two files)."""
        if not edits or any(e is None for e in edits) or len({e.file for e in edits}) != 1:
            return None
        return Fix(title, tuple(edits), SAFE if safe else UNSAFE)

    # -- findings ---------------------------------------------------------------------------
    def sentence_finding(self, sent: Sentence, message: str, start: int | None = None, end: int | None = None,
                         suggestion: str = "", question: str | None = None, fix: Fix | None = None) -> Finding:
        """A finding on sentence characters [start, end) (offsets within the sentence)."""
        prose = sent.prose
        a = sent.start + (start or 0)
        b = sent.start + end if end is not None else sent.end
        loc = self.doc.prose_location(prose, a, b)
        meta = self._meta()
        if question is not None:
            meta["question"] = question
        text = _around(sent.text, a - sent.start, b - sent.start)
        return Finding(message=message, location=loc, excerpt=_clip(text), context=text, suggestion=suggestion,
                       fix=fix, **meta)

    def prose_finding(self, prose: Prose, start: int, end: int, message: str, suggestion: str = "",
                      context: str | None = None, fix: Fix | None = None) -> Finding:
        loc = self.doc.prose_location(prose, start, end)
        sent_text = context
        if sent_text is None:
            s = _sentence_at(prose, start)
            sent_text = _around(s.text, start - s.start, end - s.start) if s is not None else \
                _around(prose.text, start, end)
        return Finding(message=message, location=loc, excerpt=_clip(sent_text), context=sent_text,
                       suggestion=suggestion, fix=fix, **self._meta())

    def offset_finding(self, start: int, end: int, message: str, suggestion: str = "",
                       context: str | None = None, fix: Fix | None = None) -> Finding:
        """A finding on the global source range [start, end)."""
        loc = self.doc.location(start, end)
        f = self.doc.file_at(start)
        line = _line_around(f, loc.line, start - f.base, end - f.base).strip()
        return Finding(message=message, location=loc, excerpt=_clip(line),
                       context=context if context is not None else line, suggestion=suggestion,
                       fix=fix, **self._meta())

    def document_finding(self, message: str, section: "Section | None" = None, question: str | None = None,
                         context: str = "") -> Finding:
        """A finding about the whole document, placed at a section heading or the root's start."""
        if section is not None:
            loc = self.doc.location(section.offset, section.offset + 1)
        else:
            loc = self._document_start()
        meta = self._meta()
        if question is not None:
            meta["question"] = question
        return Finding(message=message, location=loc, excerpt="", context=context or message,
                       document_level=True, **meta)

    def _document_start(self) -> Location:
        root = self.doc.root
        idx = root.text.find("\\begin{document}")
        off = root.base + (idx if idx >= 0 else 0)
        return self.doc.location(off, off + (len("\\begin{document}") if idx >= 0 else 1))


def _in_scope(p: Prose, scopes: tuple[str, ...]) -> bool:
    kind = p.kind
    for s in scopes:
        want_kind = _KIND_SCOPES.get(s)
        if want_kind is not None:
            if kind == want_kind:
                return True
            continue
        if kind not in ("body", "item"):
            continue
        if s == "any" or p.role == s:
            return True
    return False


#: A finding's context (its sentence or source line, from which the fingerprint is taken) longer
#: than this is cut to a window around the finding, so the work per finding stays bounded even in
#: a 200 KB run-on paragraph or a 2 MB line; ordinary sentences and lines are kept whole.
MAX_CONTEXT = 10_000
CONTEXT_WINDOW = 2_000


def _around(text: str, start: int, end: int) -> str:
    if len(text) <= MAX_CONTEXT:
        return text
    return text[max(0, start - CONTEXT_WINDOW):max(end, start) + CONTEXT_WINDOW]


def _line_around(f, line: int, start: int, end: int) -> str:
    """The source line (as ``SourceFile.line_text``), or a window of it around the finding."""
    a = f.line_starts[line - 1]
    b = f.line_starts[line] if line < len(f.line_starts) else len(f.text)
    if b - a <= MAX_CONTEXT:
        return f.line_text(line)
    return f.text[max(a, start - CONTEXT_WINDOW):min(b, max(end, start) + CONTEXT_WINDOW)].rstrip("\r\n")


def _sentence_at(prose: Prose, i: int):
    """The sentence of ``prose`` holding character ``i`` (binary search: many findings in one
    long paragraph must not each scan all its sentences)."""
    sents = prose.sentences
    if not sents:
        return None
    starts = [s.start for s in sents] if len(sents) < 64 else _starts(prose)
    k = bisect_right(starts, i) - 1
    if k >= 0 and sents[k].start <= i < sents[k].end:
        return sents[k]
    return None


_STARTS: dict[int, tuple[object, list[int]]] = {}


def _starts(prose: Prose) -> list[int]:
    hit = _STARTS.get(id(prose))
    if hit is None or hit[0] is not prose:
        if len(_STARTS) > 256:
            _STARTS.clear()
        hit = _STARTS[id(prose)] = (prose, [s.start for s in prose.sentences])
    return hit[1]


def _clip(text: str, width: int = 240) -> str:
    text = " ".join(text[: width * 16].split())  # enough for any real excerpt; bounded for a huge one
    return text if len(text) <= width else text[: width - 1] + "…"
