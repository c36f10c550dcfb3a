"""Paths as texlint shows them: relative to the working folder when below it, else absolute."""

from __future__ import annotations

import os
from pathlib import Path


def display_path(path: Path | str) -> str:
    """``path`` relative to the current folder, or as given when it lies elsewhere."""
    try:
        rel = os.path.relpath(path)
    except ValueError:  # another drive (Windows)
        return str(path)
    return str(path) if rel.startswith("..") else rel


def is_within(path: Path, folder: Path) -> bool:
    """Whether ``path`` lies in ``folder`` (lexically: both should be real or both as given)."""
    try:
        path.relative_to(folder)
        return True
    except ValueError:
        return False
