"""pylatexenc context database extended for the packages real papers use.

pylatexenc only consumes the arguments of macros it knows; an unknown ``\\vspace{-2mm}`` would
leak "-2mm" into prose. So this module declares argument shapes for the commands of natbib,
biblatex, cleveref, hyperref, graphicx, amsmath/amsthm, algorithmic(x), booktabs, subcaption,
todonotes, xcolor, siunitx, listings/minted and friends, plus the user's own macros (their
argument counts come from a pre-scan, see ``texlint.latex.macros``).
"""

from __future__ import annotations

from functools import lru_cache

from pylatexenc.latexwalker import get_default_latex_context_db
from pylatexenc.macrospec import EnvironmentSpec, MacroSpec

CITE_MACROS = {
    # natbib
    "cite", "citep", "citet", "citealp", "citealt", "citeauthor", "citeyear", "citeyearpar",
    "citenum", "citetext", "Citet", "Citep", "Citealp", "Citealt", "Citeauthor", "citeNP",
    # biblatex
    "parencite", "Parencite", "textcite", "Textcite", "autocite", "Autocite", "footcite",
    "smartcite", "Smartcite", "supercite", "fullcite", "footfullcite", "citetitle", "Cite",
    "cites", "parencites", "textcites",
}
#: Cite commands that read as a noun phrase ("Smith et al. (2020) show").
TEXTUAL_CITES = {"citet", "Citet", "textcite", "Textcite", "citeauthor", "Citeauthor", "citealt", "Citealt", "citeNP"}
REF_MACROS = {
    "ref", "eqref", "pageref", "cref", "Cref", "crefrange", "Crefrange", "cpageref", "Cpageref",
    "autoref", "Autoref", "nameref", "Nameref", "vref", "Vref", "labelcref", "subref", "fref",
    "Fref", "hyperref", "vpageref",
}
SECTION_LEVELS = {
    "part": -1, "chapter": 0, "section": 1, "subsection": 2, "subsubsection": 3,
    "paragraph": 4, "subparagraph": 5,
}
INCLUDE_MACROS = {"input", "include", "subfile", "InputIfFileExists", "import", "subimport",
                  "inputfrom", "subinputfrom", "includefrom", "subincludefrom"}

#: Macros whose last argument is prose (formatting); the rest of their arguments are not.
PROSE_ARG_MACROS = {
    "textbf", "textit", "emph", "textsc", "texttt", "textrm", "textsf", "textsl", "textup",
    "textmd", "textnormal", "underline", "uline", "text", "mbox", "hbox", "makebox", "fbox",
    "framebox", "textcolor", "colorbox", "fcolorbox", "highlight", "hl", "sout", "st", "xout",
    "textsuperscript", "textsubscript", "enquote", "mathrm", "mathit", "mathbf", "mathsf",
    "mathtt", "emph", "textls", "ul", "caps", "smallcaps", "bm", "boldsymbol", "scalebox",
    "resizebox", "raisebox", "parbox", "phantom", "hphantom", "vphantom", "smash", "href",
    "footnotetext", "thanks", "title", "shorttitle", "runningtitle", "centerline",
    "uppercase", "MakeUppercase", "MakeLowercase", "lowercase", "MakeTextUppercase",
    "textnormal", "foreignlanguage", "textlatin", "hlc", "cancel", "ding", "emoji",
    "tnote", "subcaption", "captionof", "newterm", "term", "keyword", "defn", "definecolor",
}

_EXTRA_MACROS = [
    # citations and references
    *[(m, "*[[{") for m in CITE_MACROS if m not in ("cites", "parencites", "textcites", "citetext")],
    ("citetext", "{"), ("cites", "{"), ("parencites", "{"), ("textcites", "{"), ("nocite", "{"),
    *[(m, "*{") for m in REF_MACROS if m not in ("crefrange", "Crefrange", "hyperref")],
    ("crefrange", "*{{"), ("Crefrange", "*{{"), ("hyperref", "[{"), ("label", "{"),
    ("url", "{"), ("href", "{{"), ("nolinkurl", "{"), ("email", "{"), ("doi", "{"),
    # includes and structure
    ("input", "{"), ("include", "{"), ("subfile", "{"), ("import", "{{"), ("subimport", "{{"),
    ("inputfrom", "{{"), ("subinputfrom", "{{"), ("includefrom", "{{"), ("subincludefrom", "{{"),
    ("InputIfFileExists", "{{{"), ("includeonly", "{"), ("excludeonly", "{"),
    ("documentclass", "[{["), ("usepackage", "[{["), ("PassOptionsToPackage", "{{"), ("RequirePackage", "[{["),
    ("bibliography", "{"), ("bibliographystyle", "{"), ("addbibresource", "[{"),
    ("printbibliography", "["), ("appendix", ""), ("maketitle", ""), ("tableofcontents", ""),
    ("chapter", "*[{"), ("part", "*[{"), ("section", "*[{"), ("subsection", "*[{"),
    ("subsubsection", "*[{"), ("paragraph", "*[{"), ("subparagraph", "*[{"),
    ("addcontentsline", "{{{"), ("addtocontents", "{{"), ("abstract", "{"), ("keywords", "{"),
    # title block
    ("title", "[{"), ("author", "[{"), ("affiliation", "[{"), ("affil", "[{"), ("institute", "{"),
    ("address", "{"), ("email", "{"), ("thanks", "{"), ("date", "{"), ("icmltitle", "{"),
    ("icmlauthor", "{{"), ("icmlaffiliation", "{{"), ("icmlcorrespondingauthor", "{{"),
    ("icmlkeywords", "{"), ("icmltitlerunning", "{"), ("icmlsetsymbol", "{{"),
    ("printAffiliationsAndNotice", "{"), ("icmlEqualContribution", ""), ("aclfinalcopy", ""),
    ("correspondingauthor", "{"), ("altaffiliation", "{"), ("orcid", "{"), ("AND", ""), ("And", ""),
    ("shorttitle", "{"), ("shortauthors", "{"), ("runningtitle", "{"), ("runningauthor", "{"),
    ("titlerunning", "{"), ("authorrunning", "{"), ("iclrfinalcopy", ""), ("twocolumn", "["),
    # publishers' front matter: classification codes and keywords are not prose
    ("ccsdesc", "*[{"), ("acmConference", "[{{{"), ("acmBooktitle", "{"), ("acmDOI", "{"), ("acmISBN", "{"),
    ("acmYear", "{"), ("acmPrice", "{"), ("setcopyright", "{"), ("copyrightyear", "{"), ("acmSubmissionID", "{"),
    ("IEEEoverridecommandlockouts", ""), ("IEEEpeerreviewmaketitle", ""), ("pacs", "{"), ("PACS", "{"), ("MSC", "{"),
    ("JEL", "{"), ("subjclass", "[{"),
    # graphics, floats, tables
    ("includegraphics", "*[[{"), ("caption", "*[{"), ("captionof", "*{[{"), ("subcaption", "[{"),
    ("subfloat", "[[{"), ("subfigure", "[[{"), ("captionbox", "[{[[{"), ("subcaptionbox", "*[{[[{"), ("captionsetup", "[{"), ("centering", ""),
    ("multicolumn", "{{{"), ("multirow", "{[{[{"), ("cmidrule", "[{"), ("cline", "{"),
    ("toprule", "["), ("midrule", "["), ("bottomrule", "["), ("addlinespace", "["),
    ("hline", ""), ("rowcolor", "[{"), ("cellcolor", "[{"), ("columncolor", "[{"),
    ("arraystretch", ""), ("resizebox", "{{{"), ("scalebox", "{[{"), ("rotatebox", "[{{"),
    ("adjustbox", "{{"), ("raisebox", "{[[{"), ("parbox", "[[[{{"), ("makebox", "[[{"),
    ("framebox", "[[{"), ("minipage", "[[[{"), ("setlength", "{{"), ("addtolength", "{{"),
    ("renewcommand", "*{[[{"), ("newcommand", "*{[[{"), ("providecommand", "*{[[{"),
    ("DeclareMathOperator", "*{{"), ("newenvironment", "*{[[{{"), ("renewenvironment", "*{[[{{"),
    ("newtheorem", "*{[{["), ("theoremstyle", "{"), ("newcounter", "{["), ("setcounter", "{{"),
    ("addtocounter", "{{"), ("stepcounter", "{"), ("refstepcounter", "{"), ("newlength", "{"),
    ("definecolor", "{{{"), ("colorlet", "{{"), ("color", "[{"), ("textcolor", "[{{"),
    ("colorbox", "[{{"), ("fcolorbox", "[{{{"), ("pagecolor", "[{"), ("hypersetup", "{"),
    ("crefname", "{{{"), ("Crefname", "{{{"), ("crefformat", "{{"), ("Crefformat", "{{"),
    ("newcolumntype", "{[{"), ("graphicspath", "{"), ("DeclareGraphicsExtensions", "{"),
    ("pgfplotsset", "{"), ("usetikzlibrary", "{"), ("tikzset", "{"), ("usepgfplotslibrary", "{"),
    ("sisetup", "{"), ("SI", "[{{"), ("si", "[{"), ("num", "[{"), ("qty", "[{{"), ("unit", "[{"),
    ("SIrange", "[{{{"), ("numrange", "[{{"), ("ang", "[{"),
    ("lstset", "{"), ("lstinputlisting", "[{"), ("inputminted", "[{{"), ("setminted", "[{"),
    ("todo", "[{"), ("missingfigure", "[{"), ("listoftodos", "["), ("fxnote", "[{"),
    ("fxwarning", "[{"), ("fxfatal", "[{"), ("fxerror", "[{"),
    # spacing and layout (arguments are never prose)
    ("vspace", "*{"), ("hspace", "*{"), ("vskip", ""), ("hskip", ""), ("kern", ""),
    ("linespread", "{"), ("fontsize", "{{"), ("selectfont", ""), ("pagestyle", "{"),
    ("thispagestyle", "{"), ("pagenumbering", "{"), ("enlargethispage", "*{"),
    ("newpage", ""), ("clearpage", ""), ("cleardoublepage", ""), ("pagebreak", "["),
    ("linebreak", "["), ("nolinebreak", "["), ("noindent", ""), ("indent", ""),
    ("vfill", ""), ("hfill", ""), ("smallskip", ""), ("medskip", ""), ("bigskip", ""),
    ("phantom", "{"), ("hphantom", "{"), ("vphantom", "{"), ("rule", "[{{"), ("makeatletter", ""),
    ("makeatother", ""), ("xspace", ""), ("ignorespaces", ""), ("protect", ""), ("relax", ""),
    ("footnote", "[{"), ("footnotemark", "["), ("footnotetext", "[{"), ("marginpar", "[{"),
    ("item", "["), ("bibitem", "[{"), ("newblock", ""), ("tnote", "{"),
    ("algrenewcommand", "{[{"), ("algnewcommand", "{[{"), ("algdef", "{[[{{"),
    ("State", ""), ("Statex", ""), ("Require", ""), ("Ensure", ""), ("Return", ""),
    ("If", "{"), ("ElsIf", "{"), ("Else", ""), ("EndIf", ""), ("For", "{"), ("ForAll", "{"),
    ("EndFor", ""), ("While", "{"), ("EndWhile", ""), ("Function", "{{"), ("EndFunction", ""),
    ("Procedure", "{{"), ("EndProcedure", ""), ("Comment", "{"), ("Call", "{{"),
    ("STATE", ""), ("REQUIRE", ""), ("ENSURE", ""), ("RETURN", ""), ("IF", "{"), ("ENDIF", ""),
    ("FOR", "{"), ("ENDFOR", ""), ("WHILE", "{"), ("ENDWHILE", ""), ("COMMENT", "{"),
    ("KwIn", "{"), ("KwOut", "{"), ("KwData", "{"), ("KwResult", "{"), ("SetAlgoLined", ""),
    ("DontPrintSemicolon", ""), ("SetKwInOut", "{{"), ("SetKwFunction", "{{"),
    ("acrodef", "{[{"), ("newacronym", "[{{{"), ("ac", "*{"), ("acp", "*{"), ("acs", "*{"),
    ("acl", "*{"), ("acf", "*{"), ("gls", "{"), ("glspl", "{"), ("Gls", "{"),
    ("newglossaryentry", "{{"), ("DeclareAcronym", "{{"),
    ("let", ""), ("def", ""), ("edef", ""), ("gdef", ""), ("xdef", ""),
]

_EXTRA_ENVS = [
    ("figure", "["), ("figure*", "["), ("table", "["), ("table*", "["), ("wrapfigure", "[{[{"),
    ("wraptable", "[{[{"), ("subfigure", "[[{"), ("subtable", "[[{"), ("minipage", "[[[{"),
    ("tabular", "[{"), ("tabular*", "{[{"), ("tabularx", "{[{"), ("tabulary", "{[{"),
    ("longtable", "[{"), ("tabu", "{"), ("NiceTabular", "[{"), ("tblr", "[{"),
    ("threeparttable", "["), ("tablenotes", "["), ("adjustbox", "{"),
    ("algorithm", "["), ("algorithm*", "["), ("algorithmic", "["), ("algorithmic*", "["),
    ("algorithm2e", "["), ("algorithmicx", ""),
    ("theorem", "["), ("lemma", "["), ("proposition", "["), ("corollary", "["),
    ("definition", "["), ("remark", "["), ("assumption", "["), ("example", "["),
    ("proof", "["), ("claim", "["), ("conjecture", "["), ("observation", "["),
    ("hypothesis", "["), ("fact", "["), ("note", "["), ("problem", "["),
    ("itemize", "["), ("enumerate", "["), ("description", "["), ("compactitem", "["),
    ("compactenum", "["), ("inparaenum", "["), ("abstract", ""), ("keywords", ""),
    ("center", ""), ("flushleft", ""), ("flushright", ""), ("quote", ""), ("quotation", ""),
    ("tcolorbox", "["), ("mdframed", "["), ("framed", ""), ("resizebox", "{{{"),
    ("tikzpicture", "["), ("axis", "["), ("scope", "["), ("thebibliography", "{"),
    ("multicols", "{"), ("spacing", "{"), ("singlespace", ""), ("onehalfspace", ""),
    ("small", ""), ("footnotesize", ""), ("scriptsize", ""), ("tiny", ""), ("large", ""),
    ("titlepage", ""), ("acknowledgments", ""), ("acknowledgements", ""),
    ("appendices", ""), ("subappendices", ""), ("landscape", ""), ("sidewaystable", "["),
    ("sidewaysfigure", "["), ("figure*", "["), ("lrbox", "{"), ("savenotes", ""),
    ("CJK*", "{{"), ("otherlanguage", "{"), ("frame", "[{"), ("columns", "["), ("column", "[{"),
]

MATH_ENVS = [
    "equation", "equation*", "align", "align*", "alignat", "alignat*", "gather", "gather*",
    "multline", "multline*", "flalign", "flalign*", "eqnarray", "eqnarray*", "math",
    "displaymath", "split", "dmath", "dmath*", "subequations",
]
#: Environments whose body is not LaTeX (code, verbatim text, comments): blanked before parsing
#: (``latex.parse.mask_verbatim``), never prose. User-defined ones come from the macro pre-scan.
VERBATIM_ENVS = ["verbatim", "verbatim*", "lstlisting", "minted", "Verbatim", "Verbatim*", "BVerbatim",
                 "LVerbatim", "SaveVerbatim", "VerbatimOut", "comment", "alltt", "filecontents", "filecontents*", "code",
                 "tcblisting", "pyblock", "pyverbatim", "pyconsole", "pylabblock", "sageblock", "sagesilent", "luacode",
                 "luacode*", "pythonq", "python",
                 "pycode", "spverbatim"]

NON_PROSE_ENVS = {
    "tikzpicture", "axis", "scope", "algorithmic", "algorithmic*", "algorithmicx", "pgfpicture",
    "picture", "thebibliography", "tabular", "tabular*", "tabularx", "tabulary", "longtable",
    "tabu", "NiceTabular", "tblr", "forest", "dot2tex", "asy", "pspicture", *VERBATIM_ENVS,
    # publishers' front matter: keyword lists and classification codes, not sentences
    "keywords", "keyword", "IEEEkeywords", "CCSXML", "MSCcodes",
}
FLOAT_ENVS = {"figure": "figure", "figure*": "figure", "wrapfigure": "figure",
              "sidewaysfigure": "figure", "table": "table", "table*": "table", "wraptable": "table",
              "sidewaystable": "table", "subfigure": "figure", "subtable": "table", "algorithm": "algorithm",
              "algorithm*": "algorithm", "longtable": "table"}
TABULAR_ENVS = {"tabular", "tabular*", "tabularx", "tabulary", "longtable", "tabu", "NiceTabular", "tblr"}
LIST_ENVS = {"itemize", "enumerate", "description", "compactitem", "compactenum", "inparaenum", "tablenotes"}


@lru_cache(maxsize=64)
def _base_db(user_macros: tuple[tuple[str, str], ...] = (), user_envs: tuple[tuple[str, str], ...] = ()):
    db = get_default_latex_context_db()
    macros = [MacroSpec(name, args) for name, args in _EXTRA_MACROS]
    macros += [MacroSpec(name, args) for name, args in user_macros]
    envs = [EnvironmentSpec(name, args) for name, args in _EXTRA_ENVS]
    envs += [EnvironmentSpec(name, args) for name, args in user_envs]
    envs += [EnvironmentSpec(name, "", is_math_mode=True) for name in MATH_ENVS]
    envs += [EnvironmentSpec(name, "") for name in VERBATIM_ENVS]  # bodies are blanked before parsing
    db.add_context_category("texlint", macros=macros, environments=envs, prepend=True)
    _index_specials(db)
    return db


def _index_specials(db) -> None:
    """Replace pylatexenc's specials test (a loop over every special at every character, its top
    hotspot) by a lookup on the first character; same precedence: longest match, then the
    earliest category."""
    by_first: dict[str, list] = {}
    for cat in db.category_list:
        for chars, spec in db.d[cat]["specials"].items():
            if chars:
                by_first.setdefault(chars[0], []).append((chars, spec))
    for cands in by_first.values():
        seen: dict[str, object] = {}
        for chars, spec in cands:  # first category wins for equal strings
            seen.setdefault(chars, spec)
        cands[:] = sorted(seen.items(), key=lambda cs: -len(cs[0]))

    def test_for_specials(s, pos, parsing_state=None):
        cands = by_first.get(s[pos:pos + 1])
        if not cands:
            return None
        for chars, spec in cands:
            if s.startswith(chars, pos):
                return spec
        return None

    db.test_for_specials = test_for_specials
    db.specials_first_chars = "".join(sorted(by_first))  # what latex.walker must not read as plain text


def context_db(user_macros: dict[str, str] | None = None, user_envs: dict[str, str] | None = None):
    """The context database, with user macros and environments (name -> argument spec) added."""
    um = tuple(sorted((name, spec[:9]) for name, spec in (user_macros or {}).items()
                      if name not in _KNOWN_NAMES))
    ue = tuple(sorted((name, spec[:9]) for name, spec in (user_envs or {}).items()
                      if name not in _KNOWN_ENV_NAMES))
    return _base_db(um, ue)


_KNOWN_NAMES = {name for name, _ in _EXTRA_MACROS}
_KNOWN_ENV_NAMES = {name for name, _ in _EXTRA_ENVS} | set(MATH_ENVS) | set(VERBATIM_ENVS)
