"""Parse one source file with pylatexenc, tolerantly, reporting problems with positions.

Before parsing, ``\\iffalse ... \\fi`` blocks are blanked out (same length, newlines kept) so
offsets stay exact; CR and CRLF line ends are read as LF at the same offsets. pylatexenc's
tolerant mode logs the errors it skips; they are captured here and returned as problems.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from texlint.latex.splice import splice
from texlint.latex.walker import LinearWalker
from texlint.source.lexical import balanced, in_comment
from texlint.util.recent import Recent, recent

_IF_TOKEN = re.compile(r"(?<!\\)%[^\n]*|\\(iffalse|if[A-Za-z@]*|fi|else)(?![A-Za-z@])")
_POS = re.compile(r"@\s*\((\d+),\s*(\d+)\)")


@dataclass
class ParseProblem:
    offset: int  # local offset in the file
    message: str


_DEFINITION = re.compile(
    r"\\(?:(?:re)?newcommand|providecommand|DeclareRobustCommand|(?:re)?newenvironment)\*?\s*"
    r"(?:\{[^{}]*\}|\\[A-Za-z@]+)\s*(?:\[[^\]\n]*\]\s*){0,2}\{|\\[gex]?def\s*\\[A-Za-z@]+[^{\n]{0,30}\{"
    # xparse and the LaTeX kernel: \NewDocumentEnvironment{name}{ m O{x} }{begin code}{end code}
    r"|\\(?:New|Renew|Provide|Declare)Document(?:Command|Environment)\s*(?:\{[^{}]*\}|\\[A-Za-z@]+)\s*"
    r"\{(?:[^{}]|\{[^{}]*\})*\}\s*\{"
    # key-value settings hold code, not text: a TikZ style may open an environment in one key
    # and close it in another (\tikzset{box/.style={execute at begin node=\begin{varwidth}...}})
    r"|\\(?:tikzset|pgfkeys|pgfplotsset|tcbset|tikzstyle\s*\{[^{}]*\}\s*=)\s*\{")


def mask_definition_bodies(text: str) -> str:
    """Blank the bodies of macro and environment definitions (same length, newlines kept).

    Bodies are never prose, and ``\\newenvironment{x}{\\begin{tikzpicture}}{\\end{tikzpicture}}``
    splits an environment across arguments, which a parser reads as mismatched environments.
    The macro pre-scan reads definitions from the unmasked text."""
    if "new" not in text and "def" not in text and "set" not in text and "tikzstyle" not in text \
            and "Document" not in text:
        return text
    out = None
    for m in _DEFINITION.finditer(text):
        start = m.end()
        groups = 2 if "nvironment" in m.group(0) else 1
        for _ in range(groups):
            end = balanced(text, start)
            if end < 0:
                break
            if out is None:
                out = list(text)
            for i in range(start, end - 1):
                if out[i] not in "\r\n":
                    out[i] = " "
            nxt = re.compile(r"\s*\{").match(text, end)
            if nxt is None:
                break
            start = nxt.end()
    for m in _TIKZSTYLE.finditer(text):  # \tikzstyle{name} = [key=value, ...]: code up to the matching ]
        close = balanced(text, m.end(), closer="]")
        if close < 0:
            continue
        i = close - 1
        if out is None:
            out = list(text)
        for k in range(m.end(), i):
            if out[k] not in "\r\n":
                out[k] = " "
    return "".join(out) if out is not None else text


_TIKZSTYLE = re.compile(r"\\tikzstyle\s*\{[^{}]*\}\s*=\s*\[")
_EMPTY_DISPLAY = re.compile(r"\$\$(?=\s*(?:&|\\\\|\\tabularnewline))")
_TABULAR_SPAN = re.compile(r"\\begin\{(tabular[x*]?|tabulary|longtable|tabu|NiceTabular|tblr)\}(.*?)\\end\{\1\}", re.S)


def mask_empty_math_in_tables(text: str) -> str:
    """Blank ``$$`` that ends a table cell: in a cell it is an empty formula, not display math
    (a placeholder such as ``\\system{}$$ & 84.0``), and a parser reading it as display math
    loses the rest of the table."""
    if "$$" not in text or "\\begin{" not in text:
        return text
    out = None
    for m in _TABULAR_SPAN.finditer(text):
        for e in _EMPTY_DISPLAY.finditer(text, m.start(2), m.end(2)):
            if out is None:
                out = list(text)
            out[e.start()] = out[e.start() + 1] = " "
    return "".join(out) if out is not None else text


def mask_iffalse(text: str) -> str:
    """Blank out ``\\iffalse`` blocks (up to the matching ``\\else`` or ``\\fi``)."""
    if "\\iffalse" not in text:
        return text
    out = list(text)
    depth = 0  # nesting inside an \iffalse block
    start = -1
    for m in _IF_TOKEN.finditer(text):
        word = m.group(1)
        if word is None:
            continue
        if depth == 0:
            if word == "iffalse":
                depth, start = 1, m.start()
            continue
        if word == "fi":
            depth -= 1
        elif word == "else" and depth == 1:
            depth = 0
        elif word.startswith("if"):
            depth += 1
        if depth == 0:
            end = m.end()
            for i in range(start, end):
                if out[i] not in "\r\n":
                    out[i] = " "
    if depth > 0:  # unterminated \iffalse: blank to the end of the file
        for i in range(start, len(out)):
            if out[i] not in "\r\n":
                out[i] = " "
    return "".join(out)


_BEGIN_ENV = re.compile(r"\\begin\s*\{([A-Za-z@*]+)\}")


def mask_verbatim(text: str, names) -> str:
    """Blank the bodies of verbatim-like environments (same length, newlines kept).

    LaTeX reads a verbatim body up to the first ``\\end{<name>}`` without interpreting it, so
    code, a commented-out block or a listing never parses as LaTeX. (pylatexenc's own verbatim
    reader only knows ``\\end{verbatim}``: a ``comment`` environment would run to the next
    verbatim block.) Everything after ``\\begin{<name>}`` is blanked, options included."""
    if "\\begin" not in text:
        return text
    out = None
    pos = 0
    for m in _BEGIN_ENV.finditer(text):
        if m.start() < pos or m.group(1) not in names:
            continue
        line_start = text.rfind("\n", 0, m.start()) + 1
        if in_comment(text[line_start:m.start()]):
            continue
        end = text.find("\\end{" + m.group(1) + "}", m.end())
        if end < 0:
            end = len(text)
        if out is None:
            out = list(text)
        for i in range(m.end(), end):
            if out[i] not in "\r\n":
                out[i] = " "
        pos = end
    return "".join(out) if out is not None else text


class _Capture(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.INFO)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        msg = record.getMessage()
        if "Ignoring parse error" in msg:
            self.messages.append(msg)


_LOGGER = logging.getLogger("pylatexenc.latexwalker")


_PARSES: Recent | None = None  # file (real path) -> (text, db, nodes, problems): its latest parse


def remember_parses(limit: int = 1000) -> None:
    """Keep the latest parse of each of up to ``limit`` files: a one-line edit re-parses one
    file (only the window around the edit when the file parsed cleanly: ``latex.splice``, which
    moves the old nodes in place), and documents that share a file share its parse. One entry
    per file, so memory stays that of one parse of each file however long the session."""
    global _PARSES
    _PARSES = recent(limit)


def parse_text(text: str, db, file: str | None = None) -> tuple[list, list[ParseProblem]]:
    """Parse ``text`` (of ``file``, when the caller names it); returns (nodes, problems). Never
    raises on bad LaTeX."""
    memo = _PARSES
    if memo is None or file is None:
        return _parse_text(text, db)
    hit = memo.get(file)
    if hit is not None and hit[1] is db:  # the same macro table
        if hit[0] == text:
            return hit[2], list(hit[3])
        if not hit[3]:  # an edit of a file that parsed cleanly: re-parse only around the edit
            nodes = splice(hit[0], hit[2], text, lambda prefix, pos: _parse_text(prefix, db, pos))
            if nodes is not None:
                memo.put(file, (text, db, nodes, []))
                return nodes, []
    nodes, problems = _parse_text(text, db)
    memo.put(file, (text, db, nodes, list(problems)))
    return nodes, problems


def _parse_text(text: str, db, pos: int = 0) -> tuple[list, list[ParseProblem]]:
    problems: list[ParseProblem] = []
    cap = _Capture()
    _LOGGER.addHandler(cap)
    old_level = _LOGGER.level
    old_propagate = _LOGGER.propagate
    _LOGGER.setLevel(logging.INFO)
    _LOGGER.propagate = False
    try:
        walker = LinearWalker(text, latex_context=db, tolerant_parsing=True)
        nodes, _, _ = walker.get_latex_nodes(pos=pos)
    except RecursionError:
        return [], [ParseProblem(0, "nesting too deep to parse: its text was read without the commands")]
    except Exception as exc:  # pylatexenc bugs on hostile input must not stop the run
        return [], [ParseProblem(0, f"could not parse this file ({type(exc).__name__}): its text was read without the commands")]
    finally:
        _LOGGER.removeHandler(cap)
        _LOGGER.setLevel(old_level)
        _LOGGER.propagate = old_propagate
    starts = None
    expecting_seen: set[str] = set()
    for msg in cap.messages[:200]:
        if "End of input while parsing arguments" in msg:
            m_end = _POS.search(msg)
            if m_end is not None:
                line_no = int(m_end.group(1))
                if not "".join(text.splitlines()[line_no:]).strip():
                    continue  # a file that ends in a command (a table body's last \\\\): fine when included
        exp = re.search(r"was expecting '([^']*)'", msg)
        if exp:  # one unclosed environment makes every later \end mismatch: report it once
            if exp.group(1) in expecting_seen:
                continue
            expecting_seen.add(exp.group(1))
        m = _POS.search(msg)
        offset = 0
        if m:
            if starts is None:
                starts = [0] + [i + 1 for i, c in enumerate(text) if c == "\n"]
            line, col = int(m.group(1)), int(m.group(2))
            offset = starts[min(line, len(starts)) - 1] + col
        clean = msg.split(":", 1)[-1].strip() if "tolerant parsing mode" in msg else msg
        clean = _POS.sub("", clean).strip()
        clean, _, blocks = clean.partition("Open LaTeX blocks:")
        clean = " ".join(clean.split()).rstrip(" .")  # pylatexenc's message is laid out in columns
        blocks = " ".join(blocks.split())
        if blocks:
            clean += f" (inside {blocks[:120]})"
        problems.append(ParseProblem(offset, clean))
    return nodes, problems
