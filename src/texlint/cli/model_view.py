"""``texlint inspect``: the document model as texlint sees it (the first stop when a rule seems wrong)."""

from __future__ import annotations

from pathlib import Path

from texlint.app.run import collect_roots
from texlint.checks.latex.loader_problems import rule_code
from texlint.latex.load import load_document
from texlint.latex.venue_detection import detect_review, detect_venue
from texlint.nlp.annotate import annotate
from texlint.util.paths import display_path
from texlint.util.terminal import clean


def _n(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def inspect_paths(path: Path, root: Path | None, show_text: bool = False) -> list[str]:
    """The model dump of every root document ``path`` leads to."""
    return ["\n".join(clean(line) for line in render_inspect(r, show_text).split("\n"))
            for r, _named in collect_roots([path], root)]


def render_inspect(root: Path, show_text: bool = False) -> str:
    doc = load_document(root)
    annotate(doc)
    folder = doc.project.folder
    venue = detect_venue(doc)
    lines = [
        f"root:      {display_path(root)}",
        f"class:     {doc.documentclass or '(none)'}  venue: {venue}  review: {'yes' if detect_review(doc, venue) else 'no'}",
        f"title:     {doc.title.text if doc.title else '(none)'}",
        f"files:     {len(doc.files)}",
    ]
    for f in doc.files:
        lines.append(f"  {display_path(folder / f.rel)}  ({f.encoding}, {len(f.line_starts)} lines)")
    cites = len(doc.citations)
    figs = sum(1 for f in doc.floats if f.kind == "figure")
    tabs = sum(1 for f in doc.floats if f.kind == "table")
    sents = sum(len(p.sentences) for p in doc.prose)
    lines.append(f"counts:    {_n(sents, 'sentence')}, {_n(cites, 'citation')}, {_n(figs, 'figure')}, {_n(tabs, 'table')}, "
                 f"{_n(len(doc.labels), 'label')}, {_n(len(doc.refs), 'ref')}, {_n(len(doc.macros), 'macro')}, "
                 f"bib: {'none' if doc.bib is None else _n(len(doc.bib), 'entry').replace('entrys', 'entries')}")
    lines.append("sections:")
    for s in doc.sections:
        loc = doc.location(s.offset)
        indent = "  " * max(0, s.level)
        n = sum(len(p.sentences) for p in s.prose if p.kind in ("body", "item"))
        title = s.title or "(front matter)"
        lines.append(f"  {indent}{title[:60]:<{max(10, 60 - len(indent))}} {s.role:<15} "
                     f"{display_path(folder / loc.file)}:{loc.line}  {_n(n, 'sentence')}")
    for p in doc.problems:
        loc = doc.problem_location(p)
        lines.append(f"problem:   {display_path(folder / loc.file)}:{loc.line}:{loc.column}: [{rule_code(p.kind)}] {p.message}")
    if show_text:
        lines.append("prose:")
        for p in doc.prose:
            loc = doc.prose_location(p, 0, 1)
            where = f"{display_path(folder / loc.file)}:{loc.line}:{loc.column}"
            role = p.role if p.kind != "title" else "title"
            lines.append(f"[{where} {p.kind}/{role}]")
            for s in p.sentences:
                sl = doc.prose_location(p, s.start, s.end)
                lines.append(f"  {sl.line}:{sl.column}  {s.text}")
    return "\n".join(lines)
