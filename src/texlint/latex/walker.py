"""pylatexenc's walker, linear on long runs of plain text.

pylatexenc reads plain text one character at a time and appends each character to the pending
text with ``+=`` on an attribute, which copies the whole pending text every time: a long
paragraph (or a 2 MB line) without commands costs time quadratic in its length. This walker
returns a whole run of plain characters as one ``char`` token instead, so the pending text
grows a run at a time. A run stops wherever pylatexenc could see anything but a plain
character: a backslash, a brace or bracket, ``$``, ``%``, ``&``, ``#``, ``^``, ``_``, ``~``, the
start of a special (``--``, ````, ``''``...) and a paragraph break. The nodes are the same as
pylatexenc's own: only the number of steps to build them changes.

A macro's argument without braces (``\\emph x``) is one character in TeX, so inside
``get_latex_expression`` the walker reads single characters as pylatexenc does.

Math is read as one run of text. texlint keeps a formula's source (a placeholder in the prose, its
``\\label`` read off the source) and never walks the nodes inside it, yet pylatexenc built a node
per symbol there: nine nodes in ten of a proof-heavy paper, and most of its parse time. The
walker finds where the formula ends with a scan of its braces, comments, nested environments and
closing delimiter, and returns the body as one ``chars`` node: the math node or environment
itself has the same position and length as pylatexenc's. Whenever the scan meets anything that
pylatexenc could read differently (a ``$`` inside braces, a mismatched ``\\end``, a closing
delimiter of the wrong kind, an unbalanced brace, the end of the input), it leaves the formula to
pylatexenc, errors and all. ``tests/test_walker.py`` checks both readings agree outside math.
"""

from __future__ import annotations

import re
from typing import Callable

from pylatexenc.latexwalker import LatexCharsNode, LatexToken, LatexWalker
from pylatexenc.macrospec import MacroStandardArgsParser

from texlint.latex.specs import MATH_ENVS

#: Characters that may start something other than plain text, whatever the parsing state.
_HARD = "\\{}$%&#^_~[]()<>"
#: A paragraph break: pylatexenc's own tokenizer must see it.
_PARAGRAPH = re.compile(r"\n[ \t\r\f\v]*\n")
#: What the math scan stops at: a command, a brace, a comment, a dollar.
_MATH_STOP = re.compile(r"[\\{}%$]")
#: A command: a name of letters (pylatexenc's ``str.isalpha``), or one other character.
_COMMAND = re.compile(r"\\(?:([^\W\d_]+)|(.))", re.S)
#: The name after ``\begin`` or ``\end``, as pylatexenc's tokenizer reads it.
_ENV_NAME = re.compile(r"\s*\{([\w* ._-]+)\}")
_LINE_END = re.compile(r"[\n\r]")
_MATH_ENVS = frozenset(MATH_ENVS)
#: the longest formula the scan reads (the corpus's longest is 4,372 characters): an unclosed
#: ``\begin{equation}`` in a long file is left to pylatexenc, not scanned to the end at every level
MAX_FORMULA = 20_000
#: Commands whose argument is not LaTeX: the scan cannot know where it ends.
_VERBATIM_COMMANDS = frozenset({"verb", "lstinline", "mintinline", "url", "path", "Verb"})


class LinearWalker(LatexWalker):
    #: read a formula's body as one text node (False: as pylatexenc would, node by node)
    math_as_text = True

    def __init__(self, s, latex_context, **kwargs) -> None:
        super().__init__(s, latex_context=latex_context, **kwargs)
        self._expression_depth = 0
        firsts = set(getattr(latex_context, "specials_first_chars", "") or "")
        self._soft = "".join(sorted(firsts - set(_HARD)))
        self._plain = re.compile("[^" + re.escape(_HARD + self._soft) + "]+")
        self._test_specials = latex_context.test_for_specials

    def get_latex_expression(self, *args, **kwargs):
        self._expression_depth += 1
        try:
            return super().get_latex_expression(*args, **kwargs)
        finally:
            self._expression_depth -= 1

    def get_latex_nodes(self, pos=0, stop_upon_closing_brace=None, stop_upon_end_environment=None,
                        stop_upon_closing_mathmode=None, read_max_nodes=None, parsing_state=None):
        if self.math_as_text and parsing_state is not None and parsing_state.in_math_mode \
                and stop_upon_closing_brace is None and read_max_nodes is None:
            read = self._formula(pos, stop_upon_closing_mathmode, stop_upon_end_environment, parsing_state)
            if read is not None:
                return read
        depth, self._expression_depth = self._expression_depth, 0  # a braced argument is text again
        kwargs = dict(stop_upon_closing_brace=stop_upon_closing_brace, stop_upon_end_environment=stop_upon_end_environment,
                      stop_upon_closing_mathmode=stop_upon_closing_mathmode, read_max_nodes=read_max_nodes,
                      parsing_state=parsing_state)
        try:
            return super().get_latex_nodes(pos, **kwargs)
        finally:
            self._expression_depth = depth

    def _formula(self, pos: int, closer: str | None, env: str | None, state):
        """The body of a formula from ``pos`` to its closing delimiter (``closer``) or
        ``\\end{env}``, as pylatexenc returns it (``(nodes, pos, length with the closer)``),
        the body one text node; None when only pylatexenc's own reading is safe."""
        if closer is None and env not in _MATH_ENVS:
            return None
        end = formula_end(self.s, pos, closer, env, _argspecs(state.latex_context))
        if end is None:
            return None
        body_end, close_end = end
        nodes = [self.make_node(LatexCharsNode, parsing_state=state, chars=self.s[pos:body_end], pos=pos,
                                len=body_end - pos)] if body_end > pos else []
        return nodes, pos, close_end - pos

    def get_token(self, pos, include_brace_chars=None, environments=True, keep_inline_math=None,
                  parsing_state=None, **kwargs):
        s = self.s
        if self._expression_depth == 0 and not include_brace_chars and not kwargs and pos < len(s) \
                and not s[pos].isspace():
            end = self._run_end(pos)
            if end > pos + 1:
                return LatexToken(tok="char", arg=s[pos:end], pos=pos, len=end - pos, pre_space="")
        return super().get_token(pos, include_brace_chars=include_brace_chars, environments=environments,
                                 keep_inline_math=keep_inline_math, parsing_state=parsing_state, **kwargs)

    def _run_end(self, pos: int) -> int:
        """End of the run of plain characters starting at ``pos`` (``pos`` itself when none): it
        stops before anything pylatexenc reads as more than a character, and before a paragraph
        break."""
        s = self.s
        end = pos
        while end < len(s):
            m = self._plain.match(s, end)
            if m is not None:
                end = m.end()
            if end < len(s) and s[end] in self._soft and self._test_specials(s, end) is None:
                end += 1  # a hyphen, an apostrophe, a comma: plain here
                continue
            break
        brk = _PARAGRAPH.search(s, pos, end + 1)
        if brk is not None and brk.start() < end:
            end = brk.start()
        while end > pos and s[end - 1].isspace():
            end -= 1  # trailing white space goes to the next token, as pylatexenc would have it
        return end


def _argspecs(context) -> Callable[[str], str | None]:
    """A command's argument spec in ``context`` ("" for none; None when it is read by a parser of
    its own, which the scan cannot follow)."""
    def argspec(name: str) -> str | None:
        spec = context.get_macro_spec(name)
        if spec is None:
            return ""
        parser = spec.args_parser
        return parser.argspec if type(parser) is MacroStandardArgsParser else None
    return argspec


def formula_end(s: str, pos: int, closer: str | None, env: str | None,
                argspec: Callable[[str], str | None] = lambda name: "") -> tuple[int, int] | None:
    """Where the formula whose body starts at ``pos`` ends: (end of the body, end of its closing
    delimiter ``closer`` -- ``$``, ``$$``, ``\\)``, ``\\]`` -- or of ``\\end{env}``); None when
    the body holds anything pylatexenc might read otherwise than this scan. ``argspec`` gives a
    command's arguments: one read without braces could be the closer itself (``\\hat$``)."""
    depth = 0  # open braces
    envs: list[tuple[str, int]] = []  # environments open inside the formula, with the depth each opened at
    i, n = pos, min(len(s), pos + MAX_FORMULA)
    while i < n:
        m = _MATH_STOP.search(s, i, n)
        if m is None:
            return None  # the end of the input (or of the scan) inside the formula
        j = m.start()
        c = s[j]
        if c == "%":
            line_end = _LINE_END.search(s, j)
            if line_end is None:
                return None
            i = line_end.end()
        elif c == "{":
            depth += 1
            i = j + 1
        elif c == "}":
            if depth == 0:
                return None  # closes a group opened before the formula
            depth -= 1
            i = j + 1
        elif c == "$":
            if depth or envs:
                return None  # a formula inside the formula (\text{$x$}): pylatexenc's to read
            if closer == "$":  # "$$" inside $...$ closes at its first "$", as pylatexenc reads it
                return j, j + 1
            if closer == "$$" and s.startswith("$$", j) and not s.startswith("$", j + 2):
                return j, j + 2
            return None
        else:
            cmd = _COMMAND.match(s, j)
            if cmd is None:
                return None  # a backslash at the end of the input
            name = cmd.group(1)
            if name is None:
                single = cmd.group(2)
                if single in "()[]":
                    if not depth and not envs and closer == "\\" + single:
                        return j, j + 2
                    return None  # another delimiter: nested or mismatched math
                i = cmd.end()
                if not _arguments_plain(s, i, argspec(single)):
                    return None
            elif name in ("begin", "end"):
                arg = _ENV_NAME.match(s, cmd.end())
                if arg is None:
                    return None
                name_read = arg.group(1)
                if name == "begin":
                    envs.append((name_read, depth))
                elif envs:
                    if envs[-1] != (name_read, depth):
                        return None
                    envs.pop()
                elif depth == 0 and closer is None and name_read == env:
                    return j, arg.end()
                else:
                    return None
                i = arg.end()
            elif name in _VERBATIM_COMMANDS:
                return None
            else:
                i = cmd.end()
                if not _arguments_plain(s, i, argspec(name)):
                    return None
    return None


#: After a command that takes arguments: a delimiter, an environment or a comment could be read as
#: its argument ("\hat$", "\hat\end{equation}"), so only pylatexenc knows what follows.
_UNSAFE_ARGUMENT = re.compile(r"\s*(?:[$%}]|\\(?:begin|end)(?![^\W\d_])|\\[()\[\]]|\Z)")
#: An optional argument the scan can skip: brackets around nothing that could open or close.
_PLAIN_OPTIONAL = re.compile(r"\s*\[[^\[\]{}\\$%]*\]")


def _arguments_plain(s: str, i: int, spec: str | None) -> bool:
    """Whether the arguments of a command ending at ``i`` (spec ``spec``) cannot change where the
    formula ends."""
    if spec == "":
        return True
    if spec is None or "{" in spec and _UNSAFE_ARGUMENT.match(s, i):
        return False  # a mandatory argument without braces is the next token, whatever it is
    if "[" in spec and s[i:i + 40].lstrip().startswith("[") and _PLAIN_OPTIONAL.match(s, i) is None:
        return False
    return True
