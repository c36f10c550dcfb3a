"""LaTeX lexical helpers, in one place: comments, include commands, magic comments, braces.

Every stage that looks at raw LaTeX text (root finding, the macro pre-scan, the parser's
masking, the document model's source views) uses these, so "what is a comment" or "where does
this brace group end" has one answer in the whole program. They work on text, never on files.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from typing import Iterator

from texlint.util.memo import per_text

#: A ``%`` comment to the end of the line (an escaped ``\\%`` is a percent sign).
COMMENT = re.compile(r"(?<!\\)%[^\n]*")
#: ``% !TEX root = main.tex`` (TeXShop, TeXstudio, VS Code LaTeX Workshop).
MAGIC_ROOT = re.compile(r"^[ \t]*%+[ \t]*!TEX[ \t]+root[ \t]*=[ \t]*(.+?)[ \t]*$", re.I | re.M)
#: An uncommented ``\documentclass`` at the start of its line's code.
DOCUMENTCLASS = re.compile(r"^[^%\n]*?\\documentclass\b", re.M)
#: Commands that read another file, with the braced name(s) or a bare TeX-style name.
INCLUDE_COMMAND = re.compile(
    r"\\(input|include|subfile|InputIfFileExists|import|subimport|subinputfrom|inputfrom)"
    r"\s*(?:\{([^{}\n]*)\}(?:\s*\{([^{}\n]*)\})?|[ \t]+([^\s{}%\\]+))",
)
#: Include commands whose two arguments are a folder and a file name.
FOLDER_AND_FILE = ("import", "subimport", "inputfrom", "subinputfrom")


@per_text
def mask_comments(text: str) -> str:
    """Comments blanked with spaces, so every offset stays valid (remembered by text in the
    language server: the include scan, the macro table and the theorem scan each ask for every
    file's, at every lint)."""
    if "%" not in text:
        return text
    return COMMENT.sub(lambda m: " " * len(m.group(0)), text)


def strip_comments(text: str) -> str:
    """Comments removed (for searches that need no offsets)."""
    if "%" not in text:
        return text
    return COMMENT.sub("", text)


def in_comment(line_before: str) -> bool:
    """Whether a position is inside a comment, given its line's text up to that position."""
    return re.search(r"(?<!\\)%", line_before) is not None


@dataclass(frozen=True)
class IncludeCommand:
    command: str  # input, include, subfile, import, ...
    name: str  # the file named, with the folder joined for \import-style commands
    start: int
    end: int


def include_commands(code: str) -> Iterator[IncludeCommand]:
    """Include commands in comment-masked text, in order."""
    for m in INCLUDE_COMMAND.finditer(code):
        cmd, a, b, bare = m.group(1), m.group(2), m.group(3), m.group(4)
        if cmd in FOLDER_AND_FILE and b is not None:
            name = os.path.join(a or "", b)
        else:
            name = a if a is not None else bare
        if name and name.strip():
            yield IncludeCommand(cmd, name.strip(), m.start(), m.end())


def balanced(text: str, start: int, limit: int = 20000, closer: str = "}") -> int:
    """Index just past the group whose opening brace is at ``start - 1`` (with ``closer="]"``:
    past the first ``]`` outside braces, the end of an option list opened at ``start - 1``); -1
    if unbalanced within ``limit`` characters. Escaped braces and comments do not count."""
    depth = 1 if closer == "}" else 0
    i = start
    end = min(len(text), start + limit)
    while i < end:
        c = text[i]
        if c == "\\":
            i += 2
            continue
        if c == "{":
            depth += 1
        elif c == "}":
            depth -= 1
            if depth == 0 and closer == "}":
                return i + 1
        elif c == closer and depth <= 0:
            return i + 1
        elif c == "%":
            nl = text.find("\n", i)
            i = end if nl < 0 else nl
            continue
        i += 1
    return -1


def enclosing_group_end(text: str, pos: int, limit: int = 4000) -> int:
    """End of the brace group or environment that encloses ``pos`` (where a ``\\color`` or a
    font size switched on at ``pos`` stops applying); the next ``\\color`` also ends it."""
    depth = 0
    i, n = pos, min(len(text), pos + limit)
    while i < n:
        c = text[i]
        if c == "\\":
            if text.startswith("\\end{", i) and depth == 0:
                return i
            if text.startswith("\\color", i) and depth == 0:
                return i
            i += 2
            continue
        if c == "%":
            j = text.find("\n", i)
            i = n if j < 0 else j
            continue
        if c == "{":
            depth += 1
        elif c == "}":
            if depth == 0:
                return i
            depth -= 1
        i += 1
    return n


def brace_arguments(text: str, pos: int, count: int) -> tuple[list[str], int]:
    """Up to ``count`` brace arguments starting at ``pos`` (one leading optional ``[..]``
    skipped); returns the arguments' contents and the position after the last one."""
    args: list[str] = []
    i = pos
    n = len(text)
    while len(args) < count:
        while i < n and text[i] in " \t\n":
            i += 1
        if i < n and text[i] == "[" and not args:
            j = text.find("]", i)
            if j < 0:
                break
            i = j + 1
            continue
        if i >= n or text[i] != "{":
            break
        depth = 0
        j = i
        while j < n:
            if text[j] == "\\":
                j += 2
                continue
            if text[j] == "{":
                depth += 1
            elif text[j] == "}":
                depth -= 1
                if depth == 0:
                    break
            j += 1
        if j >= n:
            break
        args.append(text[i + 1:j])
        i = j + 1
    return args, i


def argument_end(text: str, i: int, limit: int = 2000) -> int:
    """Skip an optional ``[..]`` and one ``{..}`` argument starting at ``i``; the end position
    (``i`` itself, past blanks and the option, when there is no brace group)."""
    j = i
    while j < len(text) and text[j] in " \t":
        j += 1
    if j < len(text) and text[j] == "[":
        k = text.find("]", j)
        j = k + 1 if k >= 0 else j
    if j < len(text) and text[j] == "{":
        depth = 0
        for k in range(j, min(len(text), j + limit)):
            if text[k] == "{" and text[k - 1] != "\\":
                depth += 1
            elif text[k] == "}" and text[k - 1] != "\\":
                depth -= 1
                if depth == 0:
                    return k + 1
    return j
