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
from texlint.source.project import Problem, ProblemKind, Project
from texlint.util.timing import Timer, gc_paused


def _missing_bibliographies(doc: Document, missing: list[str]) -> list[Problem]:
    """One problem per named .bib file that does not exist, at the command naming it, with the
    citations it leaves unresolved (the root cause of every '[?]' they print)."""
    known = set(doc.bib or {})
    unresolved = sorted({k for c in doc.citations for k in c.keys if k and k not in known})
    commands = [c for c in doc.commands if c.name == "bibliography"]
    keys = ", ".join(unresolved[:5]) + (f" and {len(unresolved) - 5} more" if len(unresolved) > 5 else "")
    tail = f": {len(unresolved)} cited keys stay unresolved ({keys})" if unresolved else ""
    by_command: dict[int, list[str]] = {}
    for name in missing:  # one finding per command, naming every file of it that is missing
        idx = next((i for i, c in enumerate(commands) if any(a.strip().removesuffix(".bib").rsplit("/", 1)[-1]
                                                              == name.removesuffix(".bib") for a in c.args)), -1)
        by_command.setdefault(idx, []).append(name)
    out = []
    for idx, names in by_command.items():
        cmd = commands[idx] if idx >= 0 else None
        where = doc.file_at(cmd.offset) if cmd is not None else doc.root
        offset = cmd.offset - where.base if cmd is not None else 0
        length = cmd.length if cmd is not None else 0
        files = f"file {names[0]}" if len(names) == 1 else "files " + ", ".join(names)
        out.append(Problem(ProblemKind.BIB_NOT_FOUND, f"bibliography {files} not found in the project{tail}",
                           where, offset, length))
    return out


def load_document(root: Path, timer: Timer | None = None, folder: Path | None = None) -> Document:
    """Read and parse the project whose root document is ``root`` (no NLP yet)."""
    timer = timer or Timer()
    with timer.stage("load"):
        project = Project(root, folder)
        root_file = project.read_root()
    with timer.stage("parse"), gc_paused():
        doc = Builder(project, root_file).build()
        bibitems = [c.args[0] for c in doc.commands if c.name == "bibitem"]
        doc.bib, doc.bib_files, missing = load_bibliography(project.root_path, project.folder, doc.bib_files, bibitems)
        doc.problems = list(project.problems)
        if missing and not any(f.endswith(".bbl") for f in doc.bib_files):
            doc.problems.extend(_missing_bibliographies(doc, missing))
    return doc
