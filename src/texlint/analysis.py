"""Document-level analysis after NLP: rhetorical moves per sentence, then evidence facts.

Runs once per document, before rules, so every argument rule reads the same tags and facts
instead of re-deriving them.
"""

from __future__ import annotations

from texlint.model import Document


def analyse(doc: Document) -> None:
    from texlint.nlp.tagger import tag_span

    for prose in doc.prose:
        if prose.kind not in ("body", "item", "caption", "footnote"):
            continue
        role = prose.role
        for sent in prose.sentences:
            if sent.span is not None:
                sent.tags = tag_span(sent.span, role)
    try:
        from texlint.facts import extract_facts
    except ImportError:  # facts arrive with the argument rules
        return
    doc.facts = extract_facts(doc)
