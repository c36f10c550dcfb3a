"""Reading files, for every stage: regular files only, size-checked before reading, bounded.

A project under review may hold anything: a FIFO named ``main.tex`` (reading it would hang), a
symlink to ``/dev/zero`` (reading it would never end) or a sparse 2 GB file. So texlint reads
through one function that refuses what is not a regular file and never reads more than a
budget. Callers decide what a path may be (inside the project folder); this module only
decides how it is read.

An **overlay** lets a caller lint text that is not on disk yet: an editor's unsaved buffer
(the language server) or standard input (``--stdin-filename``). Within ``with overlay({path:
text})`` a read of that path returns the text instead.
"""

from __future__ import annotations

import contextlib
import contextvars
import os
import stat
from pathlib import Path
from typing import Iterator

from texlint.util.errors import TexlintError

#: Bytes texlint reads of one file (a long thesis chapter is well under 2 MB).
MAX_FILE_BYTES = 64 * 1024 * 1024

_OVERLAY: contextvars.ContextVar[dict[str, bytes]] = contextvars.ContextVar("texlint_overlay", default={})


class ReadError(TexlintError, OSError):
    """A path that cannot be read as a file (missing, not a regular file, unreadable).
    ``reason`` says why without the path; the message is ``<path>: cannot read (<reason>)``."""

    def __init__(self, path, reason: str) -> None:
        super().__init__(f"{path}: cannot read ({reason})")
        self.path = str(path)
        self.reason = reason


@contextlib.contextmanager
def overlay(texts: dict[Path | str, str | bytes]) -> Iterator[None]:
    """Read these paths' contents from memory (an editor buffer, standard input) while active."""
    data = {os.path.realpath(p): (t.encode("utf-8", "surrogatepass") if isinstance(t, str) else t)
            for p, t in texts.items()}
    token = _OVERLAY.set({**_OVERLAY.get(), **data})
    try:
        yield
    finally:
        _OVERLAY.reset(token)


def overlaid() -> dict[str, bytes]:
    """The paths (real) whose text comes from memory in this run."""
    return _OVERLAY.get()


def is_regular_file(path: Path | str) -> bool:
    """A path that names a regular file (through symlinks), or an overlaid one."""
    if os.path.realpath(path) in _OVERLAY.get():
        return True
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except (OSError, ValueError):
        return False


def read_bytes(path: Path | str, limit: int = MAX_FILE_BYTES) -> bytes:
    """At most ``limit`` bytes of a regular file (or of its overlaid text)."""
    over = _OVERLAY.get()
    if over:
        hit = over.get(os.path.realpath(path))
        if hit is not None:
            return hit[:limit]
    try:
        st = os.stat(path)
    except (OSError, ValueError) as exc:
        raise ReadError(path, getattr(exc, "strerror", None) or str(exc)) from None
    if not stat.S_ISREG(st.st_mode):
        kind = "a folder" if stat.S_ISDIR(st.st_mode) else "a pipe" if stat.S_ISFIFO(st.st_mode) else \
            "a device" if stat.S_ISCHR(st.st_mode) or stat.S_ISBLK(st.st_mode) else "not a regular file"
        raise ReadError(path, f"it is {kind}")
    try:
        with open(path, "rb") as fh:
            return fh.read(limit)
    except OSError as exc:
        raise ReadError(path, exc.strerror or str(exc)) from None


def read_text(path: Path | str, limit: int = MAX_FILE_BYTES, errors: str = "strict") -> str:
    """``read_bytes`` decoded as UTF-8 (config, baselines, cache entries)."""
    data = read_bytes(path, limit)
    try:
        return data.decode("utf-8", errors=errors)
    except UnicodeDecodeError as exc:
        raise ReadError(path, f"not valid UTF-8 at byte {exc.start}") from None
