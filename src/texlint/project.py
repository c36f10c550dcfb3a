"""Project loader: finds the root document, reads files safely and resolves include paths.

A LaTeX project is a folder with a root document (the file with ``\\documentclass``) and the
files it includes. The loader never reads outside the project folder, never follows a cycle,
and decodes each file on its own (UTF-8, else the declared ``inputenc``, else latin-1), so
the parser only ever sees text plus the problems to report as findings.
"""

from __future__ import annotations

import os
import re
from bisect import bisect_right
from dataclasses import dataclass, field
from pathlib import Path

MAX_FILE_BYTES = 64 * 1024 * 1024
#: Characters of one document texlint reads (a long thesis is ~1 M); the rest is reported, not read.
MAX_DOCUMENT_CHARS = 2_500_000
TEX_SUFFIXES = (".tex", ".ltx")

_MAGIC_ROOT = re.compile(r"^[ \t]*%+[ \t]*!TEX[ \t]+root[ \t]*=[ \t]*(.+?)[ \t]*$", re.I | re.M)
_DOCCLASS = re.compile(r"^[^%\n]*?\\documentclass\b", re.M)
_INCLUDE_CMD = re.compile(
    r"\\(input|include|subfile|InputIfFileExists|import|subimport|subinputfrom|inputfrom)"
    r"\s*(?:\{([^{}\n]*)\}(?:\s*\{([^{}\n]*)\})?|[ \t]+([^\s{}%\\]+))",
)
_COMMENT = re.compile(r"(?<!\\)%[^\n]*")
_INPUTENC = re.compile(r"\\usepackage\s*\[([^\]]*)\]\s*\{inputenc\}")
_ENC_NAMES = {
    "latin1": "latin-1", "latin9": "iso8859-15", "utf8": "utf-8", "utf8x": "utf-8",
    "ansinew": "cp1252", "cp1252": "cp1252", "applemac": "mac-roman", "latin2": "iso8859-2",
    "cp1250": "cp1250", "koi8-r": "koi8-r", "cp1251": "cp1251",
}


class InputError(Exception):
    """A path the user gave cannot be linted at all (one-line message, exit code 2)."""


@dataclass
class Problem:
    """A loader problem that becomes a finding (rule id, message, where)."""

    rule: str
    message: str
    file: "SourceFile | None" = None
    offset: int = 0
    length: int = 0


@dataclass
class SourceFile:
    """One decoded source file with the line table needed to turn offsets into line:col."""

    path: Path
    rel: str
    text: str
    encoding: str = "utf-8"
    index: int = 0
    base: int = 0  # offset of this file in the document's global offset space
    line_starts: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not self.line_starts:
            self.line_starts = line_starts(self.text)

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column of a character offset in this file."""
        offset = max(0, min(offset, len(self.text)))
        line = bisect_right(self.line_starts, offset)
        return line, offset - self.line_starts[line - 1] + 1

    def line_text(self, line: int) -> str:
        start = self.line_starts[line - 1]
        end = self.line_starts[line] if line < len(self.line_starts) else len(self.text)
        return self.text[start:end].rstrip("\r\n")

    @property
    def parse_text(self) -> str:
        """The text with CR/CRLF turned into LF at the same offsets (what the parser reads)."""
        return self.text.replace("\r\n", " \n").replace("\r", "\n")


def line_starts(text: str) -> list[int]:
    """Offsets where lines start; LF, CRLF and lone CR all end a line."""
    starts = [0]
    for m in re.finditer(r"\r\n|\r|\n", text):
        starts.append(m.end())
    return starts


def decode(data: bytes, declared: str | None = None) -> tuple[str, str, bool]:
    """Decode bytes; returns (text, encoding, fell_back) where fell_back means guessed."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig", False
    try:
        return data.decode("utf-8"), "utf-8", False
    except UnicodeDecodeError:
        pass
    if declared and declared not in ("utf-8",):
        try:
            return data.decode(declared), declared, False
        except (UnicodeDecodeError, LookupError):
            pass
    return data.decode("latin-1"), "latin-1", True


_SIGNATURES = (b"%PDF", b"\x89PNG", b"PK\x03\x04", b"\x7fELF", b"GIF8", b"\xff\xd8\xff", b"\x1f\x8b",
               b"BZh", b"\xfd7zXZ", b"MZ", b"\xca\xfe\xba\xbe", b"\x00asm")
_TEXT_CONTROLS = set(b"\t\n\f\r")


def looks_binary(data: bytes) -> bool:
    """A file that is not text: a known binary signature, or many control bytes (a stray NUL is not enough)."""
    head = data[:8192]
    if not head:
        return False
    if head.startswith(_SIGNATURES):
        return True
    controls = sum(1 for c in head if c < 32 and c not in _TEXT_CONTROLS)
    return controls > max(8, len(head) // 20)


def declared_encoding(text: str) -> str | None:
    m = _INPUTENC.search(text)
    if not m:
        return None
    for opt in m.group(1).split(","):
        enc = _ENC_NAMES.get(opt.strip())
        if enc:
            return enc
    return None


def is_within(path: Path, folder: Path) -> bool:
    try:
        path.relative_to(folder)
        return True
    except ValueError:
        return False


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
            data = self.root_path.read_bytes()
        except OSError as exc:
            raise InputError(f"{self.root_path}: cannot read ({exc.strerror or exc})") from None
        if looks_binary(data):
            raise InputError(f"{self.root_path}: not a LaTeX file (binary content)")
        text, enc, fell_back = decode(data)
        self.declared_encoding = declared_encoding(text)
        if fell_back and self.declared_encoding:
            text, enc, fell_back = decode(data, self.declared_encoding)
        sf = self._add(self.root_path, text, enc)
        if fell_back:
            self.problems.append(Problem("L004", f"file is not UTF-8; read as {enc}", sf))
        return sf

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
            sf.truncated = True  # type: ignore[attr-defined]
            self.problems.append(Problem("L006", f"the document is longer than {MAX_DOCUMENT_CHARS:,} characters; "
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
                    if t.is_file():
                        return t
                except OSError:
                    continue
        return None

    def open_include(self, name: str, base_dirs: list[Path], src: SourceFile, offset: int, length: int,
                     stack: list[str]) -> SourceFile | None:
        """Read an included file; on any problem record it (to become a finding) and return None."""
        clean = name.strip().strip('"')
        lexical = [Path(os.path.normpath(clean if os.path.isabs(clean) else d / clean)) for d in base_dirs]
        if clean and lexical and all(not is_within(p, self.folder) and not is_within(p, self.folder_as_given) for p in lexical):
            self.problems.append(Problem("L003", f"include leaves the project folder, not read: {name}", src, offset, length))
            return None
        path = self.resolve(name, base_dirs)
        if path is None:
            self.problems.append(Problem("L001", f"included file not found: {name}", src, offset, length))
            return None
        real = os.path.realpath(path)
        if not is_within(Path(real), self.folder):
            self.problems.append(Problem("L003", f"include leaves the project folder, not read: {name}", src, offset, length))
            return None
        if real in stack:
            self.problems.append(Problem("L002", f"include cycle: {name} includes itself through {src.rel}", src, offset, length))
            return None
        if len(self.files) >= 2000:
            self.problems.append(Problem("L001", f"too many included files; {name} not read", src, offset, length))
            return None
        known = self._by_real.get(real)
        if known is not None:
            return known
        try:
            data = path.read_bytes()[:MAX_FILE_BYTES]
        except OSError as exc:
            self.problems.append(Problem("L001", f"cannot read included file {name}: {exc.strerror or exc}", src, offset, length))
            return None
        if looks_binary(data):
            self.problems.append(Problem("L005", f"included file is binary, not read: {name}", src, offset, length))
            return None
        text, enc, fell_back = decode(data, self.declared_encoding)
        sf = self._add(path, text, enc)
        if fell_back:
            self.problems.append(Problem("L004", f"file is not UTF-8 and declares no encoding; read as {enc}", sf))
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


# -- finding root documents ----------------------------------------------------------------

def _read_text(path: Path) -> str:
    try:
        data = path.read_bytes()[:MAX_FILE_BYTES]
    except OSError:
        return ""
    if looks_binary(data):
        return ""
    return decode(data)[0]


def _project_top(start: Path) -> Path:
    """The git work tree holding ``start``, else ``start`` itself."""
    cur = start
    for _ in range(40):
        if (cur / ".git").exists():
            return cur
        if cur.parent == cur:
            break
        cur = cur.parent
    return start


class IncludeGraph:
    """Which .tex files under a folder include which (a quick scan, not a parse)."""

    def __init__(self, top: Path, limit: int = 3000) -> None:
        top = Path(os.path.realpath(top))  # file keys are real paths, so the folder must be too
        self.top = top
        self.texts: dict[Path, str] = {}
        self.edges: dict[Path, set[Path]] = {}
        count = 0
        for dirpath, dirnames, filenames in os.walk(top, followlinks=False):
            dirnames[:] = [d for d in dirnames if not d.startswith(".") and d not in ("node_modules", "__pycache__")]
            for fn in sorted(filenames):
                if fn.endswith(TEX_SUFFIXES):
                    p = Path(os.path.realpath(os.path.join(dirpath, fn)))
                    if not is_within(p, top):
                        continue
                    self.texts[p] = _read_text(p)
                    count += 1
                    if count >= limit:
                        break
            if count >= limit:
                break
        # LaTeX resolves includes from the root's folder; accept both that and the includer's.
        roots_dirs = {p.parent for p in self.texts}
        for p, text in self.texts.items():
            targets = set()
            for m in _INCLUDE_CMD.finditer(_COMMENT.sub("", text)):
                cmd, a, b, bare = m.group(1), m.group(2), m.group(3), m.group(4)
                name = os.path.join(a or "", b) if (cmd in ("import", "subimport", "inputfrom", "subinputfrom") and b is not None) else (a if a is not None else bare)
                if not name:
                    continue
                name = name.strip()
                for d in {p.parent} | roots_dirs:
                    base = os.path.normpath(os.path.join(d, name))  # folders are already real paths
                    for c in (base, base + ".tex"):
                        rc = Path(c)
                        if rc in self.texts and rc != p:
                            targets.add(rc)
            self.edges[p] = targets

    def has_documentclass(self, p: Path, seen: set | None = None) -> bool:
        seen = seen if seen is not None else set()
        if p in seen:
            return False
        seen.add(p)
        if _DOCCLASS.search(self.texts.get(p, "")):
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
            if _DOCCLASS.search(text) or (self.has_documentclass(p) and "\\begin{document}" in self._closure_text(p)):
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
    m = _MAGIC_ROOT.search(head)
    if m:
        cand = (file.parent / m.group(1).strip()).resolve()
        if cand.is_file():
            return cand
    if _DOCCLASS.search(text):
        return file
    top = _project_top(file.parent)
    if top == file.parent and not (top / ".git").exists():
        # No work tree: the root is usually beside the file or one folder up (sections/intro.tex).
        top = file.parent.parent if file.parent.parent != file.parent else file.parent
    graph = IncludeGraph(top)
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


def find_roots_in_folder(folder: Path) -> list[Path]:
    """Every root document under a folder: files that bring in ``\\documentclass`` and that
    no other file includes."""
    graph = IncludeGraph(Path(os.path.realpath(folder)))
    return graph.roots()
