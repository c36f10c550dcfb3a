"""Writing texlint's own outputs (reports, baselines, config, cache entries) safely.

A report path in a repository may be a planted symlink (``texlint-report.html -> ~/.bashrc``),
so nothing is written through a symlink: the text goes to a temporary file in the same folder
and is moved into place with ``os.replace``, which replaces a link instead of following it. A
reader never sees half a file. Failures are one-line ``OutputError``s.
"""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

from texlint.util.errors import TexlintError


class OutputError(TexlintError):
    """An output file cannot be written (missing folder, no permission, a symlink)."""


def _kind(path: Path) -> str:
    """"missing", "file", "link", "dir", "device" (a character device: /dev/null) or "special"."""
    try:
        mode = os.lstat(path).st_mode
    except OSError:
        return "missing"
    if stat.S_ISLNK(mode):
        return "link"
    if stat.S_ISREG(mode):
        return "file"
    if stat.S_ISDIR(mode):
        return "dir"
    return "device" if stat.S_ISCHR(mode) else "special"


def check_writable(path: Path, what: str) -> None:
    """Fail early, before any linting, when ``path`` cannot be written."""
    path = Path(path)
    kind = _kind(path)
    if kind == "device":
        return  # -o /dev/null: written in place, never replaced
    if kind == "special":
        raise OutputError(f"{path}: cannot write the {what}: it is not a regular file (a FIFO or a socket)")
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise OutputError(f"{path}: cannot write the {what}: folder {folder} does not exist")
    if path.is_symlink():
        raise OutputError(f"{path}: cannot write the {what}: it is a symbolic link (texlint never writes through one)")
    if path.is_dir():
        raise OutputError(f"{path}: cannot write the {what}: it is a folder")
    if not os.access(folder, os.W_OK):
        raise OutputError(f"{path}: cannot write the {what}: folder {folder} is not writable")


def write_text(path: Path, text: str, what: str = "file", encoding: str = "utf-8") -> None:
    """Write ``text`` to ``path`` atomically, never through a symlink (a fixed source keeps its
    own ``encoding``)."""
    path = Path(path)
    check_writable(path, what)
    if _kind(path) == "device":  # a device is written to, not replaced by a file (texlint runs as root in CI)
        try:
            with open(path, "w", encoding=encoding, errors="surrogateescape", newline="") as fh:
                fh.write(text)
        except OSError as exc:
            raise OutputError(f"{path}: cannot write the {what}: {exc.strerror or exc}") from None
        return
    folder = path.parent if str(path.parent) else Path(".")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise OutputError(f"{path}: cannot write the {what}: {exc.strerror or exc}") from None
    try:
        mask = os.umask(0)
        os.umask(mask)
        os.fchmod(fd, 0o666 & ~mask)
        with os.fdopen(fd, "w", encoding=encoding, errors="surrogateescape", newline="") as fh:
            fh.write(text)
        os.replace(tmp, path)
    except OSError as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise OutputError(f"{path}: cannot write the {what}: {exc.strerror or exc}") from None
