"""Document-level analysis after NLP: rhetorical moves per sentence, then evidence facts.

Runs once per document, before rules, so every argument rule reads the same tags and facts
instead of re-deriving them.
"""

from __future__ import annotations

from texlint.analysis.facts import extract_facts
from texlint.latex.model import Document, Prose
from texlint.nlp.tagger import tag_paragraph

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


def analyse(doc: Document) -> None:
    """Tag every sentence with its moves (a passage at a time), then extract the evidence facts
    and the argument map. Needs the prose annotated (``texlint.nlp.annotate``)."""
    for passage in _passages(doc):
        sents = [s for prose in passage for s in prose.sentences if s.span is not None]
        for sent, tags in zip(sents, tag_paragraph([s.span for s in sents], passage[0].role)):
            sent.tags = tags
    doc.facts = extract_facts(doc)
