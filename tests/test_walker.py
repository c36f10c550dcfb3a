"""The walker reads a formula's body as one text node: everything outside math, the formula's own
position and length, and every problem the parse reports are what pylatexenc's node-by-node
reading gives (``math_as_text = False``), on generated LaTeX, hostile math and the corpus."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pylatexenc.latexwalker import LatexEnvironmentNode, LatexMathNode

from texlint.latex import parse, walker
from texlint.latex.specs import MATH_ENVS, context_db

DB = context_db()
CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


def _reading(text: str, math_as_text: bool):
    old = walker.LinearWalker.math_as_text
    walker.LinearWalker.math_as_text = math_as_text
    try:
        nodes, problems = parse._parse_text(text, DB)
    finally:
        walker.LinearWalker.math_as_text = old
    return _shape(nodes, text), [(p.offset, p.message) for p in problems]


def _is_formula(node) -> bool:
    return isinstance(node, LatexMathNode) or (isinstance(node, LatexEnvironmentNode)
                                               and node.environmentname in MATH_ENVS)


def _shape(nodes, text: str) -> list:
    """Every node as (type, position, length, name, verbatim source), children in order, except
    inside formulas (whose inside texlint never reads)."""
    out = []
    for n in nodes or ():
        if n is None:
            out.append(None)
            continue
        name = getattr(n, "macroname", None) or getattr(n, "environmentname", None) or getattr(n, "delimiters", None)
        row = [type(n).__name__, n.pos, n.len, name, text[n.pos:n.pos + n.len]]
        if not _is_formula(n):
            row.append(_shape(getattr(n, "nodelist", None), text))
            argd = getattr(n, "nodeargd", None)
            row.append(_shape(getattr(argd, "argnlist", None) if argd is not None else None, text))
        out.append(row)
    return out


def _agree(text: str) -> None:
    fast, slow = _reading(text, True), _reading(text, False)
    assert fast == slow


CASES = [
    r"Text $x^2 + y_{i}$ more $\frac{a}{b}$.",
    r"\begin{equation} E = mc^2 \label{eq:e} \end{equation} after",
    r"\begin{align} a &= b \\ c &= d \nonumber \end{align}",
    r"$$ \sum_i x_i $$ and \[ y \] and \( z \)",
    r"$a$$b$ and $$c$ d$$",  # "$$" inside $...$ closes it
    r"$\text{if $x > 0$} y$ and \begin{equation}\text{$a$}\end{equation}",  # nested formulas
    r"\begin{equation} \begin{aligned} a \\ b \end{aligned} \end{equation}",
    r"\begin{equation} a \end{align} b \end{equation}",  # mismatched end
    r"\begin{equation} a } b \end{equation}",  # unbalanced brace
    r"{ $ a } $ }",  # the formula runs out of its group
    r"$ a % comment $ here" "\n" r" b $ done",  # a dollar inside a comment
    r"$ \$ 5 $ and $ \{ x \} $",
    r"\[ a \) b \]",  # wrong closing delimiter
    r"$ x \hat$ y $",  # a command that takes the closer as its argument
    r"\begin{equation} x \\[2pt] y \end{equation}",
    r"\begin{equation*} a \end {equation*}",
    r"$ \verb|$| $",
    "$ a\n\n b $",  # a paragraph break inside math
    r"\begin{subequations}\begin{align} a \end{align}\end{subequations}",
    r"never closed $ x + y",
    r"never closed \begin{equation} x + y",
    r"\section{The $k$-means case} $x$",
    r"$ x \begin{cases} 1 \\ 2 \end{cases} $ and $ \begin{array}{c} a \end{array $",
    "$ x \\",
]


@pytest.mark.parametrize("text", CASES)
def test_formula_read_as_text_agrees(text):
    _agree(text)


def test_a_formula_body_is_one_text_node():
    nodes, _ = parse._parse_text(r"A $x^2 + \frac{a}{b}$ B \begin{equation} y \end{equation}", DB)
    maths = [n for n in nodes if _is_formula(n)]
    assert [len(m.nodelist) for m in maths] == [1, 1]
    assert maths[0].nodelist[0].chars == r"x^2 + \frac{a}{b}"


def test_a_nested_formula_is_left_to_pylatexenc():
    assert walker.formula_end(r"\text{$x$} $", 0, "$", None) is None
    assert walker.formula_end(r"x \end{align}", 0, None, "equation") is None
    assert walker.formula_end(r"x \end{equation} y", 0, None, "equation") == (2, 16)
    assert walker.formula_end(r"x$y", 0, "$", None) == (1, 2)


def test_a_formula_longer_than_the_scan_is_left_to_pylatexenc():
    """The scan reads at most ``MAX_FORMULA`` characters, so an unclosed ``\\begin{equation}`` in
    a long file is not read to its end once per nesting level; such a formula parses as before."""
    body = "x + y " * (walker.MAX_FORMULA // 6 + 10)
    assert walker.formula_end(body + "$", 0, "$", None) is None
    assert walker.formula_end("x + y $", 0, "$", None) == (6, 7)
    _agree("A $" + body + "$ B")
    _agree("\\begin{equation} x " * 50 + "\\end{equation}")


PIECES = ["x", " ", "\n", "\n\n", "{", "}", "\\frac{a}{b}", "\\hat", "\\text{", "$", "$$", "\\[", "\\]", "\\(", "\\)",
          "%", "% c\n", "\\begin{equation}", "\\end{equation}", "\\begin{align}", "\\end{align}",
          "\\begin{cases}", "\\end{cases}", "\\\\", "[", "]", "&", "\\$", "\\{", "\\label{e}", "word ", "\\emph{",
          "\\begin{itemize}", "\\item ", "\\end{itemize}", "\\cite{k}"]


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(PIECES), max_size=30))
def test_generated_latex_agrees(pieces):
    _agree("".join(pieces))


def _corpus_files():
    if not CORPUS.is_dir():
        return []
    return sorted(p for p in CORPUS.rglob("*.tex") if p.stat().st_size < 2_000_000)


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not beside the repository")
def test_corpus_files_agree():
    from texlint.latex.build import _parser_input
    from texlint.latex.specs import VERBATIM_ENVS

    files = _corpus_files()
    assert files
    for path in files:
        text = path.read_text(encoding="utf-8", errors="replace").replace("\r\n", "\n").replace("\r", "\n")
        text = _parser_input(parse.mask_iffalse(text), frozenset(VERBATIM_ENVS))
        fast, slow = _reading(text, True), _reading(text, False)
        assert fast == slow, path
