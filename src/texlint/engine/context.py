"""What a rule receives besides the document: scoped element access and finding builders.

Rules stay pure: they ask the context for the sentences of their scopes and build findings
with ``ctx.sentence_finding`` / ``ctx.offset_finding`` / ``ctx.document_finding``; the engine
then fills severity, name, category and fingerprint.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from texlint.engine.finding import Finding
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

    # -- elements ----------------------------------------------------------------------------
    def prose_in(self, scopes: tuple[str, ...]) -> Iterator[Prose]:
        scopes = tuple(scopes) or ("any",)
        for p in self.doc.prose:
            if _in_scope(p, scopes):
                yield p

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

    def sentence_finding(self, sent: Sentence, message: str, start: int | None = None, end: int | None = None,
                         suggestion: str = "", question: str | None = None) -> Finding:
        """A finding on sentence characters [start, end) (offsets within the sentence)."""
        prose = sent.prose
        a = sent.start + (start or 0)
        b = sent.start + end if end is not None else sent.end
        loc = self.doc.prose_location(prose, a, b)
        meta = self._meta()
        if question is not None:
            meta["question"] = question
        return Finding(message=message, location=loc, excerpt=_clip(sent.text), context=sent.text,
                       suggestion=suggestion, **meta)

    def prose_finding(self, prose: Prose, start: int, end: int, message: str, suggestion: str = "",
                      context: str | None = None) -> Finding:
        loc = self.doc.prose_location(prose, start, end)
        sent_text = context
        if sent_text is None:
            sent_text = prose.text
            for s in prose.sentences:
                if s.start <= start < s.end:
                    sent_text = s.text
                    break
        return Finding(message=message, location=loc, excerpt=_clip(sent_text), context=sent_text,
                       suggestion=suggestion, **self._meta())

    def offset_finding(self, start: int, end: int, message: str, suggestion: str = "",
                       context: str | None = None) -> Finding:
        """A finding on the global source range [start, end)."""
        loc = self.doc.location(start, end)
        f = self.doc.file_at(start)
        line = f.line_text(loc.line)
        return Finding(message=message, location=loc, excerpt=_clip(line.strip()),
                       context=context if context is not None else line.strip(), suggestion=suggestion,
                       **self._meta())

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


def _clip(text: str, width: int = 240) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"
