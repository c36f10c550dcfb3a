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
"""

from __future__ import annotations

import re

from pylatexenc.latexwalker import LatexToken, LatexWalker

#: Characters that may start something other than plain text, whatever the parsing state.
_HARD = "\\{}$%&#^_~[]()<>"
#: A paragraph break: pylatexenc's own tokenizer must see it.
_PARAGRAPH = re.compile(r"\n[ \t\r\f\v]*\n")


class LinearWalker(LatexWalker):
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

    def get_latex_nodes(self, *args, **kwargs):
        depth, self._expression_depth = self._expression_depth, 0  # a braced argument is text again
        try:
            return super().get_latex_nodes(*args, **kwargs)
        finally:
            self._expression_depth = depth

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
