"""The files of one document, read inside the project folder only.

A LaTeX project is a folder with a root document (the file with ``\\documentclass``) and the
files it includes. ``Project`` never reads outside the project folder, never follows a cycle,
and decodes each file on its own, so the parser only ever sees text; everything that goes wrong
becomes a ``Problem`` of a declared kind, which the loader rules turn into findings.
"""

from __future__ import annotations

import enum
import os
from dataclasses import dataclass
from pathlib import Path

from texlint.source.files import (
    MAX_DOCUMENT_CHARS,
    MAX_FILE_BYTES,
    SourceFile,
    declared_encoding,
    decode,
    encoding_comment,
    looks_binary,
    non_ascii_only_in_comments,
)
from texlint.util.errors import InputError
from texlint.util.paths import is_within
from texlint.util.reading import ReadError, is_regular_file, read_bytes


class ProblemKind(enum.Enum):
    """What went wrong while reading or parsing; ``checks.latex.loader_problems`` maps each kind
    to the rule that reports it."""

    NOT_FOUND = "not-found"  # an included file does not exist
    UNREADABLE = "unreadable"  # it exists but cannot be read
    TOO_MANY_FILES = "too-many-files"
    CYCLE = "cycle"
    OUTSIDE = "outside"  # the include leaves the project folder
    ENCODING = "encoding"  # not UTF-8: read with a declared or guessed encoding
    BINARY = "binary"  # an included file is not text
    PARSE = "parse"  # the parser could not read the LaTeX cleanly here
    TOO_LARGE = "too-large"  # the document exceeds the size budget
    BIB_NOT_FOUND = "bib-not-found"  # a \bibliography names a .bib file that does not exist


@dataclass
class Problem:
    """A loader or parser problem at a place in a file (``file`` None: the document as a whole)."""

    kind: ProblemKind
    message: str
    file: "SourceFile | None" = None
    offset: int = 0
    length: int = 0
    harmless: bool = False  # changes nothing in the PDF (e.g. the odd bytes are all in comments)


def _whole_utf8(data: bytes) -> bytes:
    """``data`` cut at a budget, without a UTF-8 character cut in half at its end."""
    end = len(data)
    k = end - 1
    while k >= 0 and end - k <= 4 and (data[k] & 0xC0) == 0x80:
        k -= 1
    if k >= 0 and data[k] >= 0xC0:
        need = 2 if data[k] < 0xE0 else 3 if data[k] < 0xF0 else 4
        if end - k < need:
            return data[:k]
    return data


class Project:
    """The files of one document: reads them on demand, inside ``folder`` only."""

    def __init__(self, root_file: Path, folder: Path | None = None) -> None:
        self.root_path = Path(os.path.abspath(root_file))
        self.folder = Path(os.path.realpath(folder or self.root_path.parent))
        # The folder as the user reached it (it may sit behind a symlink): include paths are
        # formed from it, so the lexical check accepts either spelling of the same folder.
        self.folder_as_given = Path(os.path.abspath(folder or self.root_path.parent))
        self.files: list[SourceFile] = []
        self._by_real: dict[str, SourceFile] = {}
        self.problems: list[Problem] = []
        self.declared_encoding: str | None = None
        self._next_base = 0

    # -- reading -----------------------------------------------------------------------
    def read_root(self) -> SourceFile:
        """Read the root file; raises InputError when it is not a readable text file."""
        try:
            data = self._read(self.root_path)
        except ReadError as exc:
            raise InputError(str(exc)) from None
        if looks_binary(data):
            raise InputError(f"{self.root_path}: not a LaTeX file (binary content)")
        text, enc, fell_back = decode(data, encoding_comment(data))
        self.declared_encoding = declared_encoding(text)
        if fell_back and self.declared_encoding:
            text, enc, fell_back = decode(data, encoding_comment(data) or self.declared_encoding)
        sf = self._add(self.root_path, text, enc)
        if fell_back:
            self.problems.append(Problem(ProblemKind.ENCODING, f"file is not UTF-8; read as {enc}", sf,
                                         harmless=non_ascii_only_in_comments(text)))
        return sf

    def _read(self, path: Path) -> bytes:
        """A file's bytes, no more than the document's remaining size budget can use (a 2 GB
        file is not read into memory to keep its first 2.5 million characters)."""
        left = max(0, MAX_DOCUMENT_CHARS - self._next_base)
        limit = min(MAX_FILE_BYTES, 4 * left + 4)
        data = read_bytes(path, limit)
        return _whole_utf8(data) if len(data) == limit else data

    def _add(self, path: Path, text: str, encoding: str) -> SourceFile:
        text = text.replace("\x00", " ")
        budget = MAX_DOCUMENT_CHARS - self._next_base
        cut = len(text) > max(budget, 0)
        if cut:
            keep = max(budget, 0)
            para = text.rfind("\n\n", 0, keep)
            text = text[:para if para > keep // 2 else keep]
        try:
            rel = Path(os.path.realpath(path)).relative_to(self.folder).as_posix()
        except ValueError:
            rel = path.name
        sf = SourceFile(path=path, rel=rel, text=text, encoding=encoding, index=len(self.files), base=self._next_base)
        self._next_base += len(text) + 1
        self.files.append(sf)
        self._by_real[os.path.realpath(path)] = sf
        if cut:
            sf.truncated = True
            self.problems.append(Problem(ProblemKind.TOO_LARGE, f"the document is longer than {MAX_DOCUMENT_CHARS:,} characters; "
                                         f"texlint read {sf.rel} only up to here", sf, max(0, len(text) - 1), 1))
        return sf

    def resolve(self, name: str, base_dirs: list[Path], exts=(".tex",)) -> Path | None:
        """First existing candidate for an include name, trying the given folders in order."""
        name = name.strip().strip('"')
        if not name:
            return None
        for d in base_dirs:
            cand = Path(name) if os.path.isabs(name) else d / name
            tries = [cand] if cand.suffix in exts and cand.suffix else [cand.with_name(cand.name + e) for e in exts] + [cand]
            for t in tries:
                try:
                    if is_regular_file(t):
                        return t
                except OSError:
                    continue
        return None

    def _from_the_parent(self, name: str) -> Path | None:
        """An include written from the folder above the root file's (``\\input{latex/sections/intro}``
        in ``paper/latex/main.tex``, compiled from ``paper/`` as Overleaf projects with the main file
        in a subfolder are): the path minus its first part, from the root's folder, which keeps it
        inside the project."""
        parts = Path(name).parts
        if len(parts) < 2 or os.path.isabs(name) or parts[0] != self.root_path.parent.name:
            return None
        return self.resolve(str(Path(*parts[1:])), [self.root_path.parent])

    def open_include(self, name: str, base_dirs: list[Path], src: SourceFile, offset: int, length: int,
                     stack: list[str]) -> SourceFile | None:
        """Read an included file; on any problem record it (to become a finding) and return None."""
        clean = name.strip().strip('"')
        lexical = [Path(os.path.normpath(clean if os.path.isabs(clean) else d / clean)) for d in base_dirs]
        if clean and lexical and all(not is_within(p, self.folder) and not is_within(p, self.folder_as_given) for p in lexical):
            self.problems.append(Problem(ProblemKind.OUTSIDE, f"include leaves the project folder, not read: {name}", src, offset, length))
            return None
        path = self.resolve(name, base_dirs) or self._from_the_parent(clean)
        if path is None:
            self.problems.append(Problem(ProblemKind.NOT_FOUND, f"included file not found: {name}", src, offset, length))
            return None
        real = os.path.realpath(path)
        if not is_within(Path(real), self.folder):
            self.problems.append(Problem(ProblemKind.OUTSIDE, f"include leaves the project folder, not read: {name}", src, offset, length))
            return None
        if real in stack:
            self.problems.append(Problem(ProblemKind.CYCLE, f"include cycle: {name} includes itself through {src.rel}", src, offset, length))
            return None
        if len(self.files) >= 2000:
            self.problems.append(Problem(ProblemKind.TOO_MANY_FILES, f"too many included files; {name} not read", src, offset, length))
            return None
        known = self._by_real.get(real)
        if known is not None:
            return known
        try:
            data = self._read(path)
        except ReadError as exc:
            self.problems.append(Problem(ProblemKind.UNREADABLE, f"cannot read included file {name}: {exc.reason}",
                                         src, offset, length))
            return None
        if looks_binary(data):
            self.problems.append(Problem(ProblemKind.BINARY, f"included file is binary, not read: {name}", src, offset, length))
            return None
        text, enc, fell_back = decode(data, encoding_comment(data) or self.declared_encoding)
        sf = self._add(path, text, enc)
        if fell_back:
            self.problems.append(Problem(ProblemKind.ENCODING, f"file is not UTF-8 and declares no encoding; read as {enc}",
                                         sf, harmless=non_ascii_only_in_comments(text)))
        return sf

    def file_at(self, global_offset: int) -> SourceFile:
        """The file whose global offset range holds ``global_offset``."""
        lo, hi = 0, len(self.files) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if self.files[mid].base <= global_offset:
                lo = mid
            else:
                hi = mid - 1
        return self.files[lo]


