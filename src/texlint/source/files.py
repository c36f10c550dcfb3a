"""Source files as texlint holds them: decoded text, a line table, and the global offset base.

Decoding tries UTF-8 (with or without a BOM), then the encoding the root declares with
``inputenc``, then latin-1 (which always succeeds, and is reported). Binary files are refused
by signature or by their share of control bytes, never by one stray NUL.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from pathlib import Path

from texlint.source.lexical import mask_comments

MAX_FILE_BYTES = 64 * 1024 * 1024
#: Characters of one document texlint reads (a long thesis is ~1 M); the rest is reported, not read.
MAX_DOCUMENT_CHARS = 2_500_000
TEX_SUFFIXES = (".tex", ".ltx")

_INPUTENC = re.compile(r"\\usepackage\s*\[([^\]]*)\]\s*\{inputenc\}")
_ENC_NAMES = {
    "latin1": "latin-1", "latin9": "iso8859-15", "utf8": "utf-8", "utf8x": "utf-8",
    "ansinew": "cp1252", "cp1252": "cp1252", "applemac": "mac-roman", "latin2": "iso8859-2",
    "cp1250": "cp1250", "koi8-r": "koi8-r", "cp1251": "cp1251",
}


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
    truncated: bool = False  # cut at the document size budget (the rest was not read)

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
    def code(self) -> str:
        """The text with its comments blanked (same length and offsets), computed once: what
        rules that read the source look at, so a commented-out command never counts."""
        cached = self.__dict__.get("_code")
        if cached is None:
            cached = self.__dict__["_code"] = mask_comments(self.text)
        return cached

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


_CODING_COMMENT = re.compile(rb"%[^\n]{0,80}?\b(?:encoding|coding|charset)\s*[:=]\s*([A-Za-z0-9_.-]+)", re.I)


def encoding_comment(data: bytes) -> str | None:
    """An encoding a comment in the first lines names (``% !TEX encoding = ISO-8859-1``,
    ``% -*- coding: latin-1 -*-``), if Python knows it."""
    import codecs

    for line in data.split(b"\n", 5)[:5]:
        m = _CODING_COMMENT.search(line)
        if m:
            name = m.group(1).decode("ascii", "replace")
            try:
                return codecs.lookup(name).name
            except LookupError:
                return None
    return None


def non_ascii_only_in_comments(text: str) -> bool:
    """Whether every non-ASCII character of ``text`` sits in a % comment (then the guessed
    encoding changes nothing in the PDF)."""
    return mask_comments(text).isascii()
