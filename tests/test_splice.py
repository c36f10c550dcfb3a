"""Re-parsing only the edited window of a file (``latex.splice``) gives the nodes a full parse
gives, node for node, edit after edit; and it really does re-parse only the window."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from texlint.latex import parse
from texlint.latex.specs import context_db
from texlint.latex.splice import splice

DB = context_db()

BASE = r"""\documentclass{article}
\usepackage{amsmath}
\newcommand{\method}{RouteNet}
\begin{document}
\title{A Title}
\maketitle
\section{Introduction}
We observe that deeper networks forget rare classes~\cite{a,b}. \emph{This} matters.

Our method, \method{}, routes tokens by entropy $H(x) = -\sum_i p_i \log p_i$ and
is fast---about 2--3 times faster. % a comment { with a brace
See Table~\ref{tab:main} and \textbf{Figure \ref{fig:x}}.
\begin{itemize}
\item First point with \texttt{code}.
\item Second point: $a^2 + b^2$.
\end{itemize}
\subsection[Short]{Long title}
\begin{figure}[t]
\centering
\caption{A caption with $x$.}\label{fig:x}
\end{figure}
\begin{table}
\begin{tabular}{ll}
a & b \\
c & d \\
\end{tabular}
\end{table}
\paragraph{Results.} The results are in ``quotes'' and \verb|x| here.
\begin{equation}
E = mc^2
\end{equation}
Last paragraph.\footnote{A note.}
\end{document}
"""

#: an included chapter: no document environment, the file's own nodes are the run
CHAPTER = BASE.split("\\begin{document}")[1].split("\\end{document}")[0] * 2

PIECES = ["x", "word ", " ", "\n", "\n\n", "{", "}", "\\emph{a}", "\\emph", "\\cite{k}", "$", "$y$", "%", "% note\n",
          "\\begin{itemize}", "\\end{itemize}", "\\item ", "[", "]", "--", "\\\\", "\\section{T}", "~", "\\ref{r}", "''",
          "\\begin{document}", "\\textbf{", "\\\\[2pt]", "*", "&"]


def _dump(nodes) -> list:
    out = []
    for n in nodes:
        if n is None:
            out.append(None)
            continue
        kids = list(getattr(n, "nodelist", None) or [])
        argd = getattr(n, "nodeargd", None)
        args = list(getattr(argd, "argnlist", None) or []) if argd is not None else []
        out.append((type(n).__name__, n.pos, n.len, n.latex_verbatim(),
                    getattr(n, "macroname", None) or getattr(n, "environmentname", None) or getattr(n, "specials_chars", None),
                    getattr(n, "chars", None), bool(n.parsing_state and n.parsing_state.in_math_mode),
                    _dump(kids), _dump(args)))
    return out


def _full(text):
    return parse._parse_text(text, DB)


def _spliced(old_text, old_nodes, new_text):
    return splice(old_text, old_nodes, new_text, lambda prefix, pos: parse._parse_text(prefix, DB, pos))


edits = st.lists(st.tuples(st.floats(0, 1), st.integers(0, 6), st.lists(st.sampled_from(PIECES), max_size=3)),
                 min_size=1, max_size=6)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from([BASE, CHAPTER]), edits)
def test_a_splice_equals_a_full_parse_edit_after_edit(base, steps):
    text = base
    nodes, problems = _full(text)
    assert not problems
    for where, cut, pieces in steps:
        at = int(where * len(text))
        new = text[:at] + "".join(pieces) + text[at + cut:]
        full_nodes, full_problems = _full(new)
        got = _spliced(text, nodes, new) if not problems else None
        if got is None:  # gave up: the caller parses the whole file, as here
            nodes, problems = full_nodes, full_problems
        else:
            assert not full_problems, "a splice must give up where a full parse reports a problem"
            assert _dump(got) == _dump(full_nodes)
            nodes = got
        text = new


def test_a_word_typed_in_a_paragraph_is_spliced_not_reparsed():
    nodes, _ = _full(BASE)
    at = BASE.index("matters.")
    new = BASE[:at] + "really " + BASE[at:]
    windows = []

    def parse_from(prefix, pos):
        windows.append((pos, len(prefix)))
        return parse._parse_text(prefix, DB, pos)

    got = splice(BASE, nodes, new, parse_from)
    assert got is not None
    assert _dump(got) == _dump(_full(new)[0])
    (start, end), = windows
    assert end - start < len(BASE) // 3  # a window around the edit, not the file
    from texlint.latex.splice import _all
    assert all(n.parsing_state.s is new for n in _all(got))  # no old text or window prefix kept alive


def test_an_edit_of_begin_document_is_a_full_parse():
    nodes, _ = _full(BASE)
    new = BASE.replace("\\begin{document}", "\\begin{documen}")
    assert _spliced(BASE, nodes, new) is None


def test_parse_text_splices_when_it_remembers_the_file():
    parse.remember_parses(10)
    try:
        nodes, _ = parse.parse_text(BASE, DB, "main.tex")
        new = BASE.replace("Last paragraph.", "Last paragraph, edited.")
        got, problems = parse.parse_text(new, DB, "main.tex")
        assert not problems
        assert _dump(got) == _dump(_full(new)[0])
        assert got is nodes  # the old parse, edited in place
    finally:
        parse.remember_parses(0)
