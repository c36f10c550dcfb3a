"""Document-level analysis after NLP: rhetorical moves per sentence, then evidence facts.

Runs once per document, before rules, so every argument rule reads the same tags and facts
instead of re-deriving them.
"""

from __future__ import annotations

from texlint.analysis.assessment import assess
from texlint.analysis.facts import extract_facts
from texlint.latex.model import Document, Prose
from texlint.nlp.pipeline import release_words
from texlint.nlp.tagger import tag_paragraph
from texlint.util.recent import Recent, recent

_TAGGED_KINDS = ("body", "item", "caption", "footnote")


def _passages(doc: Document) -> list[list[Prose]]:
    """Runs of prose the tagger reads as one stretch of discourse: a paragraph together with the
    list items that follow it in the same section ("Our method has two limitations:" then
    ``\\item``s); every caption and footnote on its own."""
    out: list[list[Prose]] = []
    for prose in doc.prose:
        if prose.kind not in _TAGGED_KINDS:
            continue
        prev = out[-1][-1] if out else None
        if prose.kind == "item" and prev is not None and prev.kind in ("body", "item") \
                and prev.section is prose.section:
            out[-1].append(prose)
        else:
            out.append([prose])
    return out


def _item_starts(passage: list[Prose]) -> frozenset[int]:
    """Indices (among the passage's tagged sentences) of the first sentence of each list item."""
    starts, i = set(), 0
    for prose in passage:
        n = sum(1 for s in prose.sentences if s.span is not None)
        if prose.kind == "item" and n:
            starts.add(i)
        i += n
    return frozenset(starts)


_TAGS: Recent | None = None  # (role, prose texts of a passage) -> their sentences' tags, when remembered


def remember_tags(limit: int = 20_000) -> None:
    """Keep the moves of the last ``limit`` passages: the tags of a passage depend only on its
    text (its sentences follow from it) and its section's role, so an edit re-tags only the
    passages it changed."""
    global _TAGS
    _TAGS = recent(limit)


def analyse(doc: Document) -> None:
    """Tag every sentence with its moves (a passage at a time), then extract the evidence facts,
    the argument map and the assessment. Needs the prose annotated (``texlint.nlp.annotate``)."""
    memo = _TAGS
    for passage in _passages(doc):
        sents = [s for prose in passage for s in prose.sentences if s.span is not None]
        key = (passage[0].role, tuple(p.text for p in passage))
        tagged = memo.get(key) if memo is not None else None
        if tagged is None:
            spans = [s.span for s in sents]
            tagged = tag_paragraph(spans, passage[0].role, _item_starts(passage))
            for d in {id(sp.doc): sp.doc for sp in spans}.values():
                release_words(d)
            if memo is not None:
                memo.put(key, tagged)
        for sent, tags in zip(sents, tagged):
            sent.tags = tags
    doc.facts = extract_facts(doc)
    doc.assessment = assess(doc)
