"""Paths as texlint shows them, and the boundary of what texlint may read.

The boundary (``docs/security.md``): texlint reads a document's files inside its project folder
(the root document's folder), finds roots and config files no higher than the top of the git
work tree holding the file it was given (without one: that file's folder, and the files of the
folder above with what they include),
and follows paths named in a config file only inside that config file's work tree (or folder).
Paths given on the command line are the only way out.
"""

from __future__ import annotations

import os
from pathlib import Path


def display_path(path: Path | str) -> str:
    """``path`` relative to the current folder, or as given when it lies elsewhere."""
    try:
        rel = os.path.relpath(path)
    except ValueError:  # another drive (Windows)
        return safe_text(str(path))
    return safe_text(str(path) if rel.startswith("..") else rel)


def is_within(path: Path, folder: Path) -> bool:
    """Whether ``path`` lies in ``folder`` (lexically: both should be real or both as given)."""
    try:
        path.relative_to(folder)
        return True
    except ValueError:
        return False


def work_tree_top(start: Path, levels: int = 40) -> Path | None:
    """The top of the git work tree holding ``start`` (a folder), if any."""
    cur = Path(os.path.abspath(start))
    for _ in range(levels):
        if (cur / ".git").exists():
            return cur
        if cur.parent == cur:
            return None
        cur = cur.parent
    return None


def search_top(folder: Path) -> Path:
    """How high texlint may look from ``folder`` for a root document or a config file: the git
    work tree's top, else the folder above (``paper/sections/intro.tex`` -> ``paper``)."""
    folder = Path(os.path.abspath(folder))
    top = work_tree_top(folder)
    if top is not None:
        return top
    return folder.parent if folder.parent != folder else folder


def config_scope(config_file: Path) -> Path:
    """The folder a config file's own paths (extend, rule-paths, nlp-model) must stay in."""
    folder = Path(os.path.realpath(config_file)).parent
    return Path(os.path.realpath(work_tree_top(folder) or folder))


def safe_text(s: str) -> str:
    """A path or name as text that every output accepts: an undecodable byte of a file name
    (a lone surrogate from the file system) becomes ``\\xff``."""
    if s.isascii():
        return s
    try:
        s.encode("utf-8")
        return s
    except UnicodeEncodeError:
        return s.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
