"""Property fuzzing: random LaTeX-like input never crashes or hangs the front half of texlint.

The quick tests run in CI (deterministic, >= 1,000 inputs through ``load_document`` and a
subset through the whole lint with every rule); the ``fuzz`` profile runs far more random
examples and is excluded by default (``pytest -m fuzz`` runs it). The only exception allowed
out of the loader is ``InputError`` (unusable input, exit 2 on the command line). A hang is
caught by an alarm: pure-Python loops (pylatexenc, our builders) are interrupted by it.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hostile.runner import time_limit
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from texlint.latex.load import load_document
from texlint.source.project import InputError

TOKENS = [
    "{", "}", "{", "}", "\\begin{itemize}", "\\end{itemize}", "\\begin{document}", "\\end{document}",
    "\\begin{figure}", "\\end{figure}", "\\begin{equation}", "\\end{equation}", "\\begin{tabular}{ll}",
    "\\end{tabular}", "\\item", "$", "$$", "\\[", "\\]", "\\(", "\\)", "\\section{", "\\section*{Intro}",
    "\\subsection{", "\\input{x}", "\\input{main}", "\\include{../x}", "\\input{/etc/passwd}", "%", "% texlint: ignore L124",
    "\n", "\n\n", "\\", "\\\\", "\\iffalse", "\\fi", "\\else", "\\ifdefined", "\\newcommand{\\x}[1]{", "#1", "#",
    "\\def\\y{", "\\renewcommand", "\\newenvironment{e}{", "\\cite{", "\\citep{a,b}", "\\ref{", "\\label{",
    "\\footnote{", "\\caption{", "\\verb|", "\\verb", "\\begin{verbatim}", "\\end{verbatim}", "&", "~", "^", "_",
    "\\title{", "\\author{", "\\maketitle", "\\bibliography{refs}", "\\bibitem{k}", "\\url{", "\\href{",
    "\\textbf{", "\\emph{", "\\todo{", "\\makeatletter", "\\@x", "\\catcode`\\{=12", "⟦math⟧", "⟦cite⟧", "⟦",
    "We propose a method.", "It always works. ", "e.g. ", "et al. ", "Fig. 3", "TODO", "significantly",
    "\x00", "\x01", "\x1b", "\r", "\r\n", "\t", "\u202e", "\ufeff", "é", "—",
]

_tokens = st.sampled_from(TOKENS)
_junk = st.text(alphabet=st.characters(min_codepoint=0, max_codepoint=0x2FFF), max_size=8)
_piece = st.one_of(_tokens, _tokens, _tokens, _junk)
_doc = st.tuples(st.booleans(), st.lists(_piece, max_size=60), st.integers(0, 300)).map(
    lambda t: ("\\documentclass{article}\n" if t[0] else "") + "".join(t[1]) + ("{" * t[2] if t[2] % 7 == 0 else "")
)

ALL_CATEGORIES = ["story", "claims", "reviewer", "venue", "latex", "style"]
_DIR = Path(tempfile.mkdtemp(prefix="texlint-fuzz-"))
(_DIR / "x.tex").write_text("Included \\input{main} text {.", encoding="utf-8")
(_DIR / "refs.bib").write_text("@article{a, title={T}, author={A}\n@book{b,", encoding="utf-8")


def _load(text: str):
    main = _DIR / "main.tex"
    main.write_text(text, encoding="utf-8", errors="surrogatepass")
    with time_limit(20):
        try:
            doc = load_document(main)
        except InputError as exc:
            assert "\n" not in str(exc)
            return None
    # the model is consistent: every prose offset maps back into a file of the document
    for p in doc.prose[:50]:
        assert len(p.offsets) == len(p.text)
        if p.text:
            doc.prose_location(p, 0, len(p.text))
    for p in doc.problems:
        loc = doc.problem_location(p)
        assert loc.line >= 1 and loc.column >= 1
    return doc


_QUICK = settings(max_examples=1200, deadline=None, derandomize=True, database=None,
                  suppress_health_check=list(HealthCheck))


@_QUICK
@given(_doc)
def test_loader_never_crashes(text):
    _load(text)


@settings(max_examples=120, deadline=None, derandomize=True, database=None, suppress_health_check=list(HealthCheck))
@given(_doc)
def test_full_lint_never_crashes(text):
    """A subset through the NLP annotation and every rule (on or off by default)."""
    from texlint.app.testing import lint_source

    with time_limit(30):
        try:
            lint_source(text if "\\documentclass" in text else "\\documentclass{article}\n" + text,
                        select=ALL_CATEGORIES)
        except InputError:
            pass


@pytest.mark.fuzz
@settings(max_examples=20_000, deadline=None, database=None, suppress_health_check=list(HealthCheck))
@given(_doc)
def test_loader_fuzz_long(text):
    _load(text)


@pytest.mark.fuzz
@settings(max_examples=2_000, deadline=None, database=None, suppress_health_check=list(HealthCheck))
@given(st.lists(_piece, min_size=50, max_size=400).map("".join))
def test_full_lint_fuzz_long(text):
    from texlint.app.testing import lint_source

    with time_limit(60):
        try:
            lint_source("\\documentclass{article}\n\\begin{document}\n" + text)
        except InputError:
            pass


KNOWN_CRASHES = [
    "\\title{\\begin{figure}\\begin{document}",  # build.py _macro: title pop after \begin{document} reset bufs
    "\\begin{figure}\\title{\\begin{document}",  # build.py _float: same, from a float
]


@pytest.mark.parametrize("text", KNOWN_CRASHES)
def test_known_builder_crashes(text):
    """Former crashes found by the fuzz profile: they must now load."""
    _load(text)
