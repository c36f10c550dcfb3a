"""Load a root document into the model: project files, parse, bibliography, NLP.

This is the whole front half of the pipeline in one place; ``run.py`` adds rules and
reporting. Each stage is timed for ``--profile``.
"""

from __future__ import annotations

from pathlib import Path

from texlint.latex.bib import load_bibliography
from texlint.latex.build import Builder
from texlint.model import Document, Finding
from texlint.project import Project
from texlint.timing import Timer

def load_document(root: Path, timer: Timer | None = None, folder: Path | None = None) -> Document:
    """Read and parse the project whose root document is ``root`` (no NLP yet)."""
    timer = timer or Timer()
    with timer.stage("load"):
        project = Project(root, folder)
        root_file = project.read_root()
    with timer.stage("parse"):
        doc = Builder(project, root_file).build()
        bibitems = [c.args[0] for c in doc.commands if c.name == "bibitem"]
        doc.bib, doc.bib_files = load_bibliography(project.root_path, project.folder, doc.bib_files, bibitems)
        for p in project.problems:
            if p.file is not None:
                loc = doc.location(p.file.base + p.offset, p.file.base + p.offset + max(p.length, 1))
                excerpt = p.file.line_text(loc.line).strip()
            else:
                loc = doc.location(root_file.base)
                excerpt = ""
            doc.findings.append(Finding(rule=p.rule, message=p.message, location=loc, excerpt=excerpt[:200],
                                        context=excerpt))
    return doc


def annotate(doc: Document, timer: Timer | None = None, model: str | None = None) -> None:
    """Run the NLP pipeline over all prose of the document in one ``nlp.pipe`` call."""
    from texlint.model import Sentence
    from texlint.nlp.pipeline import pipe

    timer = timer or Timer()
    with timer.stage("nlp"):
        docs = pipe([p.text for p in doc.prose], model=model)
        for prose, sdoc in zip(doc.prose, docs):
            prose.doc = sdoc
            prose.sentences = [Sentence(prose, s.start_char, s.end_char, s) for s in sdoc.sents]
