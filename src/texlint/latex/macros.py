"""User macro definitions, found by a pre-scan before parsing.

pylatexenc must know how many arguments ``\\method`` takes *before* it parses a use of it, and
papers define macros in files they include later, so definitions are collected from every file
of the project first. Argument-less macros whose body is plain text (``\\newcommand{\\method}
{FooNet\\xspace}``) get an ``expansion`` that the prose builder puts in place of each use.
"""

from __future__ import annotations

import re
from typing import Iterable

from texlint.latex.model import Macro
from texlint.source.lexical import balanced, mask_comments

_DEF_HEAD = re.compile(
    r"\\(newcommand|renewcommand|providecommand|DeclareRobustCommand|DeclareMathOperator)\*?\s*"
    r"(?:\{\s*\\([A-Za-z@]+)\s*\}|\\([A-Za-z@]+))\s*(?:\[\s*(\d)\s*\])?\s*(\[[^\]\n]*\])?\s*\{"
)
_TEX_DEF = re.compile(r"\\(?:g|e|x)?def\s*\\([A-Za-z@]+)\s*((?:#\d)*)\s*\{")
_NEWENV = re.compile(r"\\(?:re)?newenvironment\*?\s*\{([A-Za-z@*]+)\}\s*(?:\[\s*(\d)\s*\])?\s*(\[[^\]\n]*\])?")

_FORMAT = re.compile(
    r"\\(?:textsc|textbf|textit|emph|textrm|texttt|textsf|textsl|textup|mathrm|text|mbox|"
    r"textnormal|underline|scshape|bfseries|itshape|sffamily|ttfamily|normalfont|rmfamily|"
    r"upshape|small|footnotesize|smaller|xspace|ignorespaces|protect|relax|nobreak|@|/|"
    r"hbox|textmd|sc|bf|it|rm|tt|sf)(?![A-Za-z])"
)
_COLOR_PREFIX = re.compile(r"\\(?:textcolor|color)\s*\{[^{}]*\}")
_MATHY = re.compile(r"\$|\\ensuremath|\\math(?:bb|cal|bf|rm|frak|scr|sf|it|tt)|\\operatorname|"
                    r"\^|(?<!\\)_|\\(?:left|right|frac|sum|prod|int|cdot|times|alpha|beta|"
                    r"gamma|delta|theta|lambda|mu|sigma|phi|psi|omega|epsilon|varepsilon|"
                    r"boldsymbol|bm|vec|hat|tilde|bar|mathop|limits|in|leq|geq|neq|infty|"
                    r"partial|nabla)(?![A-Za-z])")
_MAX_EXPANSION = 80


#: names authors give the macros that print their notes to each other (\todo-like words, initials)
_NOTE_NAMES = re.compile(r"^(?:todo\w*|TODO\w*|fixme\w*|FIXME\w*|note\w*|NOTE\w*|comment\w*|tbd|TBD|"
                         r"revise\w*|rev|check\w*|question|ask|xxx|XXX|[A-Za-z]{1,3}\d?)$")
#: a colour that makes a note stand out (black or a grey switches the highlighting off)
_LOUD_COLOUR = re.compile(r"\\(?:textcolor|color)\s*(?:\[[^\]]*\])?\s*\{\s*(?:red|blue|magenta|orange|purple|cyan|brown|"
                          r"violet|teal|olive|[A-Za-z]*[Cc]olor\w*)\b|\\(?:todo|marginpar|marginnote)\b")
#: a note labelled with its author inside the macro: "[JB: #1]", "(Alex: #1)"
_LABELLED_NOTE = re.compile(r"[\[(]\s*[A-Za-z][\w .-]{0,20}:\s*#1")
#: user macros that colour revised text (a rebuttal or camera-ready version), not an author's note
REVISION_MACROS = frozenset({"red", "blue", "hl", "new", "rev", "rb", "bb", "cb"})


def note_macro(name: str, body: str | None) -> bool:
    """Whether a user macro prints an author's note (``\\jb{check this}`` in red), not the paper's
    text: a loud colour (or ``\\todo``/``\\marginpar``) around its argument, and a note's name
    (initials, todo, note, comment ...) or a note labelled with its author ("[JB: #1]"). A
    revision marker (``\\red``, ``\\rev``, ``\\hl`` ...) or ``\\wigglyblue{...}`` colours text the
    paper keeps. The prose builder leaves notes out; ``L124`` flags them as leftovers."""
    body = body or ""
    if "#" not in body or name.lower() in REVISION_MACROS or not _LOUD_COLOUR.search(body):
        return False
    if _PLAIN_BRANCH.search(body):
        return False  # \iffinal#2\else{\color{violet}#2}\fi: the text stays in the final paper, coloured in drafts
    return bool(_NOTE_NAMES.match(name)) or bool(_LABELLED_NOTE.search(body))


#: a branch of a conditional that prints an argument as it is (``\iffinal#2\else ...``,
#: ``... \else#1\fi``): the macro marks the paper's own text, it does not hold a note (tests
#: on the argument, ``\ifx#1\empty``, are not branches)
_PLAIN_BRANCH = re.compile(r"\\if(?!x\b|x#|cat|num|dim|case|defined|csname|odd|[vhm]mode)[A-Za-z@]+\s*#\d|\\else\s*#\d")


_VERBATIM_DEFINITION = re.compile(
    r"\\(?:DefineVerbatimEnvironment|lstnewenvironment|newtcblisting|DeclareTCBListing|RecustomVerbatimEnvironment)"
    r"\*?\s*\{\s*([A-Za-z@*]+)\s*\}"
    r"|\\newminted\s*(?:\[\s*([A-Za-z@*]+)\s*\])?\s*\{\s*([A-Za-z@*]+)\s*\}")


def verbatim_environments(texts: Iterable[str]) -> set[str]:
    """Environments the project defines as verbatim-like (fancyvrb, listings, minted, tcolorbox)."""
    names: set[str] = set()
    for text in texts:
        if "erbatim" not in text and "lst" not in text and "minted" not in text and "listing" not in text.lower():
            continue
        for m in _VERBATIM_DEFINITION.finditer(mask_comments(text)):
            if m.group(1):
                names.add(m.group(1))
            elif m.group(2):
                names.add(m.group(2))
            elif m.group(3):
                names.add(m.group(3) + "code")  # \newminted{python}{...} defines pythoncode
    return names


def scan(texts: Iterable[tuple[str, int]]) -> tuple[dict[str, Macro], dict[str, str]]:
    """Collect macro definitions from (text, global base offset) pairs.

    Returns ``(macros, environments)`` where environments maps a user environment to the
    pylatexenc argument spec of its arguments.
    """
    macros: dict[str, Macro] = {}
    envs: dict[str, str] = {}
    for text, base in texts:
        clean = mask_comments(text)
        for m in _DEF_HEAD.finditer(clean):
            cmd = m.group(1)
            name = m.group(2) or m.group(3)
            nargs = int(m.group(4) or 0)
            end = balanced(clean, m.end())
            body = clean[m.end():end - 1] if end > 0 else ""
            if cmd == "DeclareMathOperator":
                nargs, body = 0, ""
            if cmd == "providecommand" and name in macros:
                continue
            spec = ("[" + "{" * (nargs - 1)) if (m.group(5) and nargs) else "{" * nargs
            macros[name] = Macro(name=name, nargs=nargs, body=body, offset=base + m.start(), command=cmd, argspec=spec)
        for m in _TEX_DEF.finditer(clean):
            name = m.group(1)
            nargs = len(m.group(2)) // 2
            end = balanced(clean, m.end())
            body = clean[m.end():end - 1] if end > 0 else ""
            macros[name] = Macro(name=name, nargs=nargs, body=body, offset=base + m.start(), command="def",
                                 argspec="{" * nargs)
        for m in _NEWENV.finditer(clean):
            nargs = int(m.group(2) or 0)
            envs[m.group(1)] = ("[" + "{" * (nargs - 1)) if (m.group(3) and nargs) else "{" * nargs
    _expand_all(macros)
    return macros, envs


def _expand_all(macros: dict[str, Macro]) -> None:
    text_macros = {n: m for n, m in macros.items() if m.nargs == 0 and m.command != "DeclareMathOperator"}
    # Expansions may use other text macros: resolve in a few rounds, deepest first.
    for _ in range(4):
        changed = False
        for name, mac in text_macros.items():
            if mac.expansion is not None:
                continue
            exp = plain_text(mac.body, macros)
            if exp is not None:
                mac.expansion = exp
                mac.ends_with_space = re.search(r"(?:\s|~|\\ |\\space)\}*$", mac.body) is not None
                changed = True
        if not changed:
            break


_USER_MACRO = re.compile(r"\\([A-Za-z@]+)")
_ACCENTS = {"'": "\u0301", "`": "\u0300", '"': "\u0308", "^": "\u0302", "~": "\u0303", "c": "\u0327", "v": "\u030c", "=": "\u0304", ".": "\u0307", "u": "\u0306", "H": "\u030b"}
_ACCENT_RE = re.compile(r"\\([\'`\"^~=.]|[cvuH](?=[\s{]))\s*\{?([A-Za-z])\}?")


def plain_text(body: str, macros: dict[str, Macro]) -> str | None:
    """Plain text of a macro body, or None when it is not simple text (math, layout, ...)."""
    if not body.strip() or "#" in body or _MATHY.search(body):
        return None
    s = _COLOR_PREFIX.sub("", body)
    s = _ACCENT_RE.sub(lambda m: _accent(m.group(1), m.group(2)), s)
    s = _FORMAT.sub("", s)
    s = s.replace("~", " ").replace("\\,", " ").replace("\\ ", " ").replace("\\&", "&").replace("\\%", "%")
    s = s.replace("---", "\u2014").replace("--", "\u2013")

    def sub(m: re.Match) -> str:
        other = macros.get(m.group(1))
        if other is not None and other.expansion is not None:
            return other.expansion
        raise _NotText

    try:
        s = _USER_MACRO.sub(sub, s)
    except _NotText:
        return None
    s = s.replace("{", "").replace("}", "")
    s = re.sub(r"\s+", " ", s).strip()
    if not s or len(s) > _MAX_EXPANSION or not any(c.isalnum() for c in s) or "\\" in s:
        return None
    return s


def _accent(mark: str, letter: str) -> str:
    import unicodedata

    return unicodedata.normalize("NFC", letter + _ACCENTS.get(mark, ""))


class _NotText(Exception):
    pass
