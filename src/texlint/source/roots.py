"""Finding root documents: the file a ``.tex`` belongs to, or every root under a folder.

A quick scan, not a parse: the ``% !TEX root`` magic comment, an uncommented
``\\documentclass``, or the files that include the one given (an include graph over the
``.tex`` files of the work tree).
"""

from __future__ import annotations

import os
from pathlib import Path

from texlint.source.files import MAX_FILE_BYTES, TEX_SUFFIXES, decode, looks_binary
from texlint.source.lexical import (
    DOCUMENTCLASS,
    MAGIC_ROOT,
    include_commands,
    strip_comments,
)
from texlint.util.errors import InputError
from texlint.util.paths import is_within, work_tree_top
from texlint.util.reading import is_regular_file, read_bytes


def _read_text(path: Path) -> str:
    try:
        data = read_bytes(path, MAX_FILE_BYTES)
    except OSError:
        return ""
    if looks_binary(data):
        return ""
    return decode(data)[0]


#: What a root search reads at most: files, bytes, folder depth (a thesis has ~100 .tex files).
MAX_SCAN_FILES = 10_000
MAX_SCAN_BYTES = 200 * 1024 * 1024
MAX_SCAN_DEPTH = 12
_ROOT_NAMES = {"main", "paper", "thesis", "root", "article", "manuscript", "ms", "report", "book"}


class IncludeGraph:
    """Which .tex files under a folder include which (a quick scan, not a parse)."""

    def __init__(self, top: Path, limit: int = MAX_SCAN_FILES, budget: int = MAX_SCAN_BYTES,
                 flat_parent: bool = False) -> None:
        top = Path(os.path.realpath(top))  # file keys are real paths, so the folder must be too
        self.top = top
        self.texts: dict[Path, str] = {}
        self.edges: dict[Path, set[Path]] = {}
        self.skipped = 0  # .tex files left unread by the scan budget (said in the error, never silent)
        found: list[Path] = []
        for dirpath, dirnames, filenames in os.walk(top, followlinks=False):
            dirnames[:] = sorted(d for d in dirnames if not d.startswith(".") and d not in ("node_modules", "__pycache__"))
            if len(Path(dirpath).relative_to(top).parts) > MAX_SCAN_DEPTH:
                dirnames[:] = []
                continue
            for fn in filenames:
                if fn.endswith(TEX_SUFFIXES):
                    found.append(Path(dirpath) / fn)
            if len(found) > 4 * limit:
                break
        if flat_parent:  # the folder above: its own files only, never its other subfolders
            try:
                with os.scandir(top.parent) as it:
                    found += [Path(e.path) for e in it if e.name.endswith(TEX_SUFFIXES) and e.is_file(follow_symlinks=False)]
            except OSError:
                pass
            top = top.parent
            self.top = top
        # shallow files and likely roots first, so a budget never hides a root behind notes
        found.sort(key=lambda p: (len(p.relative_to(top).parts), p.stem.lower() not in _ROOT_NAMES, str(p)))
        used = 0
        for i, path in enumerate(found):
            if i >= limit or used >= budget:
                self.skipped = len(found) - i
                break
            p = Path(os.path.realpath(path))
            if not is_within(p, top):
                continue
            self.texts[p] = _read_text(p)
            used += len(self.texts[p])
        if flat_parent:
            used = self._follow_includes(top, [p for p in self.texts if p.parent == top], used, limit, budget)
        # LaTeX resolves includes from the root's folder; accept both that and the includer's.
        roots_dirs = {p.parent for p in self.texts}
        for p, text in self.texts.items():
            targets = set()
            for inc in include_commands(strip_comments(text)):
                name = inc.name
                for d in {p.parent} | roots_dirs:
                    base = os.path.normpath(os.path.join(d, name))  # folders are already real paths
                    for c in (base, base + ".tex"):
                        rc = Path(c)
                        if rc in self.texts and rc != p:
                            targets.add(rc)
            self.edges[p] = targets

    def _follow_includes(self, top: Path, todo: list[Path], used: int, limit: int, budget: int) -> int:
        """Read what the files of the folder above include (``main.tex`` whose ``\\documentclass``
        is in ``template/template.tex``), so it is known as a root; inside that folder only."""
        while todo and len(self.texts) < limit and used < budget:
            p = todo.pop()
            for inc in include_commands(strip_comments(self.texts.get(p, ""))):
                for d in (top, p.parent):
                    base = os.path.normpath(os.path.join(d, inc.name))
                    for c in (base + ".tex", base) if not base.endswith(TEX_SUFFIXES) else (base,):
                        rc = Path(os.path.realpath(c))
                        if rc in self.texts or not is_within(rc, top) or not is_regular_file(rc):
                            continue
                        self.texts[rc] = _read_text(rc)
                        used += len(self.texts[rc])
                        todo.append(rc)
                        break
        return used

    def has_documentclass(self, p: Path, seen: set | None = None) -> bool:
        seen = seen if seen is not None else set()
        if p in seen:
            return False
        seen.add(p)
        if DOCUMENTCLASS.search(self.texts.get(p, "")):
            return True
        return any(self.has_documentclass(q, seen) for q in self.edges.get(p, ()))

    def included(self) -> set[Path]:
        return {q for targets in self.edges.values() for q in targets}

    def reaches(self, src: Path, dst: Path) -> bool:
        todo, seen = [src], set()
        while todo:
            p = todo.pop()
            if p == dst:
                return True
            if p in seen:
                continue
            seen.add(p)
            todo.extend(self.edges.get(p, ()))
        return False

    def roots(self) -> list[Path]:
        inc = self.included()
        out = []
        for p, text in self.texts.items():
            if p in inc:
                continue
            if DOCUMENTCLASS.search(text) or (self.has_documentclass(p) and "\\begin{document}" in self._closure_text(p)):
                out.append(p)
        return sorted(out)

    def _closure_text(self, p: Path) -> str:
        out, todo, seen = [], [p], set()
        while todo:
            q = todo.pop()
            if q in seen:
                continue
            seen.add(q)
            out.append(self.texts.get(q, ""))
            todo.extend(self.edges.get(q, ()))
        return "\n".join(out)


def find_root(file: Path) -> Path:
    """The root document a .tex file belongs to (magic comment, itself, or an includer)."""
    file = Path(os.path.abspath(file))
    text = _read_text(file)
    head = "\n".join(text.splitlines()[:20])
    m = MAGIC_ROOT.search(head)
    tree = work_tree_top(file.parent)
    if m:
        named = m.group(1).strip()
        cand = Path(os.path.realpath(file.parent / named))
        if not _may_hold_root(cand, file, tree):
            top = tree or file.parent.parent
            raise InputError(f"{file}: '% !TEX root = {named}' points outside the project ({top}); texlint does not "
                             "follow it (name the root on the command line)")
        if is_regular_file(cand):
            return cand
    if DOCUMENTCLASS.search(text):
        return file
    if tree is not None:
        graph = IncludeGraph(tree)  # a work tree is one project: search all of it
    else:  # no work tree: the file's folder, and the files (not the subfolders) of the one above
        graph = IncludeGraph(file.parent, flat_parent=file.parent.parent != file.parent)
    real = Path(os.path.realpath(file))
    candidates = [r for r in graph.roots() if r != real and graph.reaches(r, real)]
    if not candidates:
        return file
    # Prefer the root nearest to the file, then the one that includes most (the real paper
    # rather than an untouched template sharing its macro file), then "main.tex".
    def closure_size(r: Path) -> int:
        todo, seen = [r], set()
        while todo:
            q = todo.pop()
            if q not in seen:
                seen.add(q)
                todo.extend(graph.edges.get(q, ()))
        return len(seen)

    candidates.sort(key=lambda r: (-len(os.path.commonpath([r, real])), -closure_size(r),
                                    r.name != "main.tex", str(r)))
    return candidates[0]


def _may_hold_root(cand: Path, file: Path, tree: Path | None) -> bool:
    """Where a ``% !TEX root`` may point: inside the work tree, else the file's own folder (and
    below) or a file of the folder above (``sections/intro.tex`` -> ``../main.tex``)."""
    real_dir = Path(os.path.realpath(file.parent))
    if tree is not None:
        return is_within(cand, Path(os.path.realpath(tree)))
    return is_within(cand, real_dir) or cand.parent == real_dir.parent


def find_roots_in_folder(folder: Path) -> list[Path]:
    """Every root document under a folder: files that bring in ``\\documentclass`` and that
    no other file includes."""
    graph = IncludeGraph(Path(os.path.realpath(folder)))
    roots = graph.roots()
    if not roots and graph.skipped:
        raise InputError(f"{folder}: no root document among the {len(graph.texts)} .tex files read; "
                         f"{graph.skipped} more were not read (scan budget): name the root document instead")
    return roots
