"""The document summary: what every report says about a document besides its findings.

Computed once per document, right after the rules ran, from the model and the analysis
(files, sections with roles, counts, and, when the prose was analysed, the argument map, the
story arc and the evidence facts). The JSON record, the text report's story lines, the HTML
report's overview and the result cache all read this one dictionary, so they cannot disagree
and none of them needs the document model itself. Paths are display paths (relative to the
working folder); ``docs/json.md`` documents every key.
"""

from __future__ import annotations

from typing import Any

from texlint.analysis.arc import story_arc
from texlint.analysis.claim_map import public
from texlint.latex.model import Document
from texlint.util.paths import display_path


def analysed(doc: Document) -> bool:
    """Whether the prose went through NLP (some rule needed it, or a report asked for it)."""
    return any(p.doc is not None for p in doc.prose)


def document_summary(doc: Document) -> dict[str, Any]:
    folder = doc.project.folder
    nlp = analysed(doc)
    out: dict[str, Any] = {"files": [display_path(folder / f.rel) for f in doc.files], "sections": []}
    out["documentclass"] = doc.documentclass
    out["title"] = doc.title.text if doc.title else ""
    for s in doc.sections:
        loc = doc.location(s.offset)
        out["sections"].append({"title": s.title, "role": s.role, "level": s.level,
                                "file": display_path(folder / loc.file), "line": loc.line,
                                "sentences": (sum(len(p.sentences) for p in s.prose if p.kind in ("body", "item"))
                                              if nlp else None),
                                "words": s.word_count()})
    out["stats"] = {
        "sentences": sum(len(p.sentences) for p in doc.prose) if nlp else None,
        "citations": len(doc.citations),
        "figures": sum(1 for f in doc.floats if f.kind == "figure"),
        "tables": sum(1 for f in doc.floats if f.kind == "table"), "labels": len(doc.labels),
        "references": len(doc.refs),
    }
    if doc.argument:
        out["argument"] = doc.argument
        out["story"] = story_arc(doc)
    if doc.facts:
        out["facts"] = doc.facts
    if doc.assessment:
        out["assessment"] = doc.assessment
        out["resources"] = doc.resources
        out["scale_envelope"] = doc.scale_envelope
        out["claims"] = public(doc.claims)
    return out
