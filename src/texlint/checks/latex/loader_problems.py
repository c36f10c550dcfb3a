"""Loader and parser problems, reported as findings of their own rules.

The loader and parser never raise on a bad project: a missing ``\\input``, a cycle, a path
outside the project, a guessed encoding or a parse error becomes a ``Problem`` with a
position, and these rules turn them into findings (so they can be selected, ignored and
suppressed like any other).
"""

from __future__ import annotations

from typing import ClassVar

from texlint.engine.finding import Finding
from texlint.engine.registry import register
from texlint.engine.rule import Rule
from texlint.source.project import ProblemKind


class _LoaderRule(Rule):
    """Reports the document's problems of the kinds this rule owns, at their place."""

    category = "latex"
    example_files = {"sections/intro.tex": "We study linting.", "macros.tex": "% macros"}
    kinds: ClassVar[tuple[ProblemKind, ...]] = ()

    def check(self, doc, ctx):
        for p in doc.problems:
            if p.kind not in self.kinds or p.harmless:
                continue
            loc = doc.problem_location(p)
            excerpt = p.file.line_text(loc.line).strip() if p.file is not None else ""
            yield Finding(rule=self.code, message=p.message, location=loc, excerpt=excerpt[:200], context=excerpt,
                          name=self.name, category=self.category, severity=self.severity)


@register
class InputNotFound(_LoaderRule):
    code = "L001"
    kinds = (ProblemKind.NOT_FOUND, ProblemKind.UNREADABLE, ProblemKind.TOO_MANY_FILES)
    name = "input-not-found"
    severity = "error"
    summary = "An \\input, \\include, \\subfile or \\import names a file that does not exist."
    why = "The PDF silently lacks that part (or fails to build on the venue's server); texlint cannot lint what it cannot read."
    bad = "\\input{sections/missing}"
    good = "\\input{sections/intro}  % the file exists"
    fix = "Fix the path (relative to the main file's folder) or remove the include."


@register
class InputCycle(_LoaderRule):
    code = "L002"
    kinds = (ProblemKind.CYCLE,)
    name = "input-cycle"
    severity = "error"
    summary = "A file includes itself, directly or through other files."
    why = "LaTeX recurses until it runs out of memory; texlint reads each file once and reports the loop."
    bad = "% in main.tex\n\\input{main}"
    good = "\\input{sections/intro}"
    fix = "Remove the include that closes the loop."


@register
class InputOutsideProject(_LoaderRule):
    code = "L003"
    kinds = (ProblemKind.OUTSIDE,)
    name = "input-outside-project"
    severity = "error"
    summary = "An include points outside the project folder (absolute path, ../ escape or a symlink leading out)."
    why = "Overleaf, arXiv and venue build servers only have the project folder: the paper will not build there. texlint never reads such files."
    bad = "\\input{/home/me/macros}"
    good = "\\input{macros}  % a copy inside the project"
    fix = "Copy the file into the project and include it by a relative path."


@register
class EncodingFallback(_LoaderRule):
    code = "L004"
    kinds = (ProblemKind.ENCODING,)
    name = "encoding-fallback"
    severity = "info"
    examples_are_tests = False  # needs a file in another encoding: see its case file
    summary = "A file is not valid UTF-8 and was read with a guessed or declared legacy encoding."
    why = "Modern LaTeX and Overleaf expect UTF-8; a latin-1 file shows wrong characters once someone re-saves it."
    bad = "% a file saved as latin-1 with accented names"
    good = "% the same file saved as UTF-8"
    fix = "Re-save the file as UTF-8 (and drop \\usepackage[latin1]{inputenc})."


@register
class ParseProblem(_LoaderRule):
    code = "L005"
    kinds = (ProblemKind.PARSE, ProblemKind.BINARY)
    name = "parse-problem"
    severity = "warning"
    summary = "The LaTeX could not be parsed cleanly here (unbalanced braces, mismatched environments, unclosed math)."
    why = "Usually a real typo that LaTeX may accept with odd output; prose checks after it may be unreliable."
    bad = "\\begin{itemize}\n\\item one\n\\end{enumerate}"
    good = "\\begin{itemize}\n\\item one\n\\end{itemize}"
    fix = "Balance the braces or environments at the reported place."


@register
class DocumentTooLarge(_LoaderRule):
    code = "L006"
    kinds = (ProblemKind.TOO_LARGE,)
    name = "document-too-large"
    severity = "warning"
    examples_are_tests = False  # needs a multi-megabyte input: see tests/test_adversarial.py
    summary = "The document exceeds texlint's size budget (2.5 million characters); the rest was not read."
    why = "A linter that hangs on a generated or concatenated file is worse than one that reads the first part and says so."
    bad = "% a 20 MB generated .tex file"
    good = "% a paper or thesis of normal size"
    fix = "Lint the real sources (the chapters) rather than a generated or concatenated file."


@register
class BibliographyNotFound(_LoaderRule):
    code = "L007"
    name = "bibliography-not-found"
    severity = "error"
    kinds = (ProblemKind.BIB_NOT_FOUND,)
    summary = "A \\bibliography or \\addbibresource names a .bib file that is not in the project (and no .bbl stands in)."
    why = ("Every citation it should resolve prints '[?]'. It is one cause, so it is one finding naming the file "
           "and the keys it leaves unresolved, instead of one undefined-citation error per key.")
    bad = "Transformers~\\cite{vaswani2017attention} changed NLP.\n\\bibliography{refs}"
    good = "Transformers~\\cite{vaswani2017attention} changed NLP.\n\\bibliography{refs}  % refs.bib is in the project"
    fix = "Add the .bib file to the project (Overleaf: upload it; git: commit it), or fix its name."
    examples_are_tests = False  # the good example needs refs.bib beside it: see its case file


def rule_code(kind: ProblemKind) -> str:
    """The code of the rule that reports problems of ``kind`` (for ``texlint inspect``)."""
    for cls in (InputNotFound, InputCycle, InputOutsideProject, EncodingFallback, ParseProblem, DocumentTooLarge,
                BibliographyNotFound):
        if kind in cls.kinds:
            return cls.code
    return "L005"
