"""Load a root document into the model: the project's files, the parse, the bibliography.

The front half of the pipeline up to the document model (no NLP); each stage is timed for
``--profile``. Reading and parsing problems stay ``Problem``s of a declared kind on the
document (``doc.problems``); the loader rules turn them into findings.
"""

from __future__ import annotations

from pathlib import Path

from texlint.latex.bib import load_bibliography
from texlint.latex.build import Builder
from texlint.latex.model import Document
from texlint.source.project import Project
from texlint.util.timing import Timer


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
        doc.problems = list(project.problems)
    return doc
