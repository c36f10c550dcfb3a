"""Cross-references, citations and floats: what breaks the PDF (??, [?]) and what reads badly.

Labels come from the model (``doc.labels``), which sees ``\\label`` in text, floats, display
math and theorem environments. Before calling a reference undefined the rule also looks at the
comment-free source (labels set inside user macros, ``label=`` keys of listings/tcolorbox,
algorithm lines) and stays silent when the project did not load completely (a missing
``\\input`` may hold the label) or uses ``xr``/``\\includeonly``.
"""

from __future__ import annotations

import re

from texlint.checks.latex import latex_common as lc
from texlint.engine.registry import register
from texlint.engine.rule import Rule
from texlint.latex.placeholders import CITE
from texlint.latex.specs import TEXTUAL_CITES
from texlint.source.project import ProblemKind

#: Reference commands that print only a number (so the word before them needs a tie).
_BARE_REFS = {"ref", "eqref", "subref", "pageref", "vref"}
#: Nouns that announce a number: "Figure~\ref{..}".
_REF_NOUNS = ("figure", "figures", "fig.", "figs.", "table", "tables", "tab.", "section", "sections", "sec.",
              "secs.", "§", "equation", "equations", "eq.", "eqs.", "eqn.", "appendix", "appendices", "app.",
              "algorithm", "algorithms", "alg.", "theorem", "theorems", "thm.", "lemma", "lemmas", "corollary",
              "proposition", "definition", "assumption", "chapter", "chapters", "ch.", "line", "lines", "step",
              "steps", "part", "remark", "example", "listing", "page", "pages", "p.", "pp.", "claim", "property",
              "conjecture", "condition", "hypothesis", "note", "exercise", "problem", "case", "module", "stage",
              "phase", "panel", "row", "column", "col.")


def _ref_labels(doc) -> set[str]:
    used: set[str] = set()
    for r in doc.refs:
        if r.command == "hyperref":
            continue
        used.update(r.labels)
    used |= lc.macro_labels(doc)[1]
    for m in re.finditer(r"\\hyperref\s*\[([^\]]*)\]", lc.all_source(doc)):
        used.add(m.group(1).strip())
    return used


@register
class UndefinedReference(Rule):
    code = "L100"
    name = "undefined-reference"
    category = "latex"
    severity = "error"
    summary = "A \\ref, \\cref, \\eqref or \\autoref names a label that no \\label defines."
    why = "LaTeX prints '??' in the PDF; reviewers read it as a sloppy, unfinished draft."
    bad = "As shown in Figure~\\ref{fig:results}, the loss drops."
    good = ("\\begin{figure}\\centering\\caption{Results.}\\label{fig:results}\\end{figure}\n"
            "As shown in Figure~\\ref{fig:results}, the loss drops.")
    fix = "Fix the label name (labels are case-sensitive) or add the missing \\label."

    def check(self, doc, ctx):
        if lc.unread_include(doc) or doc.includeonly is not None:
            return  # a file we could not read may define the label
        if any(p in doc.packages for p in ("xr", "xr-hyperref", "zref-xr")):
            return
        defined = {lab.name for lab in doc.labels} | lc.macro_labels(doc)[0]
        seen: set[str] = set()
        for ref in doc.refs:
            if ref.command == "hyperref":
                continue
            for name in ref.labels:
                if not name or name in defined or "#" in name or "\\" in name:
                    continue
                if lc.label_in_source(doc, name):
                    defined.add(name)
                    continue
                key = (name, ref.offset)
                if key in seen:
                    continue
                seen.add(key)
                yield ctx.offset_finding(ref.offset, ref.offset + ref.length,
                                         f"label '{name}' is never defined: the PDF shows '??'")


@register
class UndefinedCitation(Rule):
    code = "L101"
    name = "undefined-citation"
    category = "latex"
    severity = "error"
    summary = "A citation key is in no .bib file (or .bbl / \\bibitem list) of the project."
    why = "LaTeX prints '[?]' or the bare key in the PDF, and the reference list misses the work."
    bad = "Transformers~\\cite{vaswani2017atention} changed NLP.\n\\bibliography{refs}"
    good = "Transformers~\\cite{vaswani2017attention} changed NLP.\n\\bibliography{refs}"
    fix = "Add the entry to the .bib file or correct the key (keys are case-sensitive with biber)."
    example_files = {"refs.bib": "@inproceedings{vaswani2017attention,\n  title={Attention Is All You Need},\n  year={2017}\n}\n"}

    def check(self, doc, ctx):
        if doc.bib is None:
            return
        if any(p.kind is ProblemKind.BIB_NOT_FOUND for p in doc.problems):
            return  # L007 names the missing .bib file and the keys it leaves unresolved: one cause, one finding
        keys = set(doc.bib)
        lower = {k.lower() for k in keys}
        # a named .bib that contributed nothing was probably not found: keys may live there
        if doc.bib_files:
            sources = {e.file for e in doc.bib.values()}
            for name in doc.bib_files:
                stem = name.strip().removesuffix(".bib").rsplit("/", 1)[-1]
                if stem and not any(s.removesuffix(".bib").rsplit("/", 1)[-1] == stem for s in sources):
                    if not any(s.endswith(".bbl") for s in sources):
                        return
        for c in doc.citations:
            if not c.keys and c.command != "nocite" and re.match(r"\\\w+\*?\s*(?:\[[^\]]*\]\s*)*\{\s*\}",
                                                                doc.source_text(c.offset, c.offset + c.length)):
                yield ctx.offset_finding(c.offset, c.offset + c.length, "empty citation: the PDF shows '[?]'")
                continue
            for key in c.keys:
                if not key or key == "*" or key in keys or key.lower() in lower:
                    continue
                if re.search(r"[\\#{}()\s]", key):
                    continue  # macro-built keys, or keys the .bib reader cannot see
                yield ctx.offset_finding(c.offset, c.offset + c.length,
                                         f"citation key '{key}' is not in the bibliography: the PDF shows '[?]'")


@register
class DuplicateLabel(Rule):
    code = "L102"
    name = "duplicate-label"
    category = "latex"
    severity = "error"
    summary = "The same \\label name is defined twice."
    why = "LaTeX warns 'multiply defined' and every \\ref to it points to the last one: some references are silently wrong."
    bad = "\\section{Method}\\label{sec:method}\nText.\n\\section{Results}\\label{sec:method}\nText."
    good = "\\section{Method}\\label{sec:method}\nText.\n\\section{Results}\\label{sec:results}\nText."
    fix = "Rename one of the labels and update the references to it."

    def check(self, doc, ctx):
        first: dict[str, int] = {}
        for lab in doc.labels:
            if not lab.name or "#" in lab.name or lc.in_comment(doc, lab.offset):
                continue
            if lab.name in first:
                if first[lab.name] == lab.offset:
                    continue
                prev = doc.location(first[lab.name])
                yield ctx.offset_finding(lab.offset, lab.offset + lab.length,
                                         f"label '{lab.name}' is already defined at {prev.file}:{prev.line}")
            else:
                first[lab.name] = lab.offset


def _real_floats(doc):
    for i, fl in enumerate(doc.floats):
        if fl.env in ("caption", "captionof", "subcaption", "subcaptionbox", "subfigure", "subtable"):
            continue  # captions outside floats, and the parts of a float
        yield i, fl


#: a range of references: "Tables \ref{a} to \ref{c}", "Figures~\ref{a}--\ref{c}", \crefrange{a}{c}
_REF_RANGE = re.compile(r"\\(?:ref|autoref|cref|Cref)\s*\{([^{}]+)\}\s*(?:--|–|-|to|through)\s*~?\s*"
                        r"\\(?:ref|cref|Cref)\s*\{([^{}]+)\}|\\(?:c|C)refrange\s*\{([^{}]+)\}\s*\{([^{}]+)\}")


def _floats_in_ref_ranges(doc) -> set[int]:
    """Indices (into ``doc.floats``) of the floats between the two ends of a reference range:
    "Tables \ref{tab:a} to \ref{tab:c}" points the reader to table b as well."""
    index = {name: i for i, fl in _real_floats(doc) for name in fl.labels if name}
    out: set[int] = set()
    for _f, text in lc.source_texts(doc):
        if "ref" not in text:
            continue
        for m in _REF_RANGE.finditer(text):
            a, c = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
            ia, ic = index.get(a.strip()), index.get(c.strip())
            if ia is None or ic is None or doc.floats[ia].kind != doc.floats[ic].kind:
                continue
            lo, hi = min(ia, ic), max(ia, ic)
            out.update(i for i in range(lo, hi + 1) if doc.floats[i].kind == doc.floats[ia].kind)
    return out


@register
class UnreferencedFloat(Rule):
    code = "L103"
    name = "unreferenced-float"
    category = "latex"
    severity = "warning"
    summary = "A labelled figure or table is never referenced in the text."
    why = "Readers (and reviewers) are never told when to look at it; floats drift, so an unreferenced figure reads as an orphan."
    bad = ("\\begin{figure}\\centering\\caption{Loss curves.}\\label{fig:loss}\\end{figure}\n"
           "Training converges quickly.")
    good = ("\\begin{figure}\\centering\\caption{Loss curves.}\\label{fig:loss}\\end{figure}\n"
            "Training converges quickly (Figure~\\ref{fig:loss}).")
    fix = "Point to it from the text (Figure~\\ref{...}) where the reader should look, or drop it."

    def check(self, doc, ctx):
        used = _ref_labels(doc)
        in_range = _floats_in_ref_ranges(doc)
        for i, fl in _real_floats(doc):
            names = [n for n in fl.labels if n]
            if not names or any(n in used for n in names) or i in in_range:
                continue
            if fl.captions == 0 and fl.caption is None:
                continue  # no caption, no number: there is nothing to cite it by
            end = fl.offset + fl.length
            if any(lab.name in used for lab in doc.labels if fl.offset <= lab.offset < end):
                continue  # its subfigures are cited (\\cref{fig:a-left}): the figure is read
            if any(lc.name_used_in_source(doc, n) for n in names):
                continue
            yield ctx.offset_finding(fl.offset, fl.offset + len(f"\\begin{{{fl.env}}}"),
                                     f"{fl.kind} '{names[0]}' is never referenced in the text")


@register
class FloatWithoutCaption(Rule):
    code = "L104"
    name = "float-without-caption"
    category = "latex"
    severity = "warning"
    summary = "A figure or table environment has no \\caption."
    why = "Without a caption the float has no number and no explanation; venues require captions on every figure and table."
    bad = "\\begin{figure}\\centering\\rule{1cm}{1cm}\\label{fig:x}\\end{figure}\nSee Figure~\\ref{fig:x}."
    good = "\\begin{figure}\\centering\\rule{1cm}{1cm}\\caption{A square.}\\label{fig:x}\\end{figure}\nSee Figure~\\ref{fig:x}."
    fix = "Add a \\caption that says what the reader should see."

    def check(self, doc, ctx):
        for _, fl in _real_floats(doc):
            if fl.caption is not None:
                continue
            body = doc.source_text(fl.offset, fl.offset + fl.length)
            if re.search(r"\\(?:caption|captionof|subcaption|subcaptionbox|subfloat|subfigure|includepdf|"
                         r"ContinuedFloat)\b", body):
                continue  # empty caption text, or captions set by sub-figures
            yield ctx.offset_finding(fl.offset, fl.offset + len(f"\\begin{{{fl.env}}}"),
                                     f"this {fl.kind} has no \\caption")


_RANGE_WORDS = re.compile(r"\s*(?:through|to|--|–|—|-)\s*$")


def _referenced_ranges(doc) -> list[tuple[int, int]]:
    """Source spans between two floats whose labels are cited as a range (``\\ref{a} through
    \\ref{b}``, ``\\crefrange{a}{b}``): the floats in between need no label of their own."""
    pairs = [r.labels[:2] for r in doc.refs if r.command.lower() == "crefrange" and len(r.labels) >= 2]
    for p in doc.prose:
        refs = [ph for ph in p.placeholders if ph.kind == "ref" and ph.payload]
        for a, b in zip(refs, refs[1:]):
            if _RANGE_WORDS.match(p.text[a.end:b.start]) and p.text[a.end:b.start].strip():
                pairs.append((a.payload[0], b.payload[0]))
    if not pairs:
        return []
    at = {lab.name: lab.offset for lab in doc.labels}
    return [(at[x], at[y]) for x, y in pairs if x in at and y in at and at[x] < at[y]]


@register
class FloatWithoutLabel(Rule):
    code = "L105"
    name = "float-without-label"
    category = "latex"
    severity = "info"
    summary = "A captioned figure or table has no \\label, so the text cannot reference it."
    why = "A float the text cannot point to is usually never discussed; a label is also what lets you write Figure~\\ref{...} instead of a hard-coded number."
    bad = "\\begin{table}\\centering\\caption{Accuracy.}\\begin{tabular}{c}1\\end{tabular}\\end{table}"
    good = "\\begin{table}\\centering\\caption{Accuracy.}\\label{tab:acc}\\begin{tabular}{c}1\\end{tabular}\\end{table}\nSee Table~\\ref{tab:acc}."
    fix = "Add \\label{fig:...} right after the \\caption and reference it from the text."

    def check(self, doc, ctx):
        spans = _referenced_ranges(doc)
        for _, fl in _real_floats(doc):
            if fl.labels or fl.caption is None:
                continue
            if any(a < fl.offset < b for a, b in spans):
                continue  # a gallery cited as "Figures \\ref{first} through \\ref{last}"
            body = doc.source_text(fl.offset, fl.offset + fl.length)
            if re.search(r"\\label\b|label\s*=", body):
                continue
            yield ctx.offset_finding(fl.offset, fl.offset + len(f"\\begin{{{fl.env}}}"),
                                     f"this {fl.kind} has a caption but no \\label")


_COMPOUND_FLOAT = {"subfigure", "subtable", "minipage", "subfloat", "tabular", "tabular*", "tabularx", "tabulary",
                   "tikzpicture", "subcaption", "subcaptionbox"}


@register
class LabelBeforeCaption(Rule):
    code = "L106"
    name = "label-before-caption"
    category = "latex"
    severity = "warning"
    summary = "In a figure or table, the \\label comes before the \\caption."
    why = "\\label takes the number of the last \\caption; placed before it, \\ref prints the section number instead of the figure number."
    bad = "\\begin{figure}\\centering\\label{fig:a}\\caption{Results.}\\end{figure}\nSee Figure~\\ref{fig:a}."
    good = "\\begin{figure}\\centering\\caption{Results.}\\label{fig:a}\\end{figure}\nSee Figure~\\ref{fig:a}."
    fix = "Move the \\label after the \\caption (or inside its argument)."

    def check(self, doc, ctx):
        for _, fl in _real_floats(doc):
            if not fl.labels or fl.kind not in ("figure", "table") or "algorithm" in fl.env:
                continue
            # only simple floats: one caption, no sub-floats or minipages with their own captions
            if fl.captions != 1 or fl.caption_offset is None or fl.inner & _COMPOUND_FLOAT:
                continue
            end = fl.offset + fl.length
            for lab in doc.labels:  # the float's own labels (an equation's \\label in it is the equation's)
                if lab.env == fl.kind and fl.offset <= lab.offset < min(end, fl.caption_offset):
                    yield ctx.offset_finding(lab.offset, lab.offset + lab.length,
                                             f"\\label{{{lab.name}}} comes before \\caption: \\ref will print the wrong number")


_HARD_REF = re.compile(
    r"(?<![\w.])(Figures?|Figs?\.|Tables?|Tabs?\.|Sections?|Secs?\.|Sect\.|Equations?|Eqs?\.|Eqn\.|"
    r"Appendix|App\.|Algorithms?|Alg\.|Theorems?|Thm\.|Lemmas?|Corollary|Proposition|Definition|"
    r"Chapters?|Ch\.)\s(\(?)(\d{1,2}(?:\.\d{1,2}){0,2}[a-z]?|[A-H](?:\.\d{1,2}){0,2})(\)?)(?![\w⟦]|\.\d)")


def _numbered(noun: str, envs: set[str], label_prefixes: set[str]) -> bool:
    """Whether the paper numbers this kind of result itself (an environment or labels for it)."""
    stem = noun.lower().rstrip(".")[:3]  # thm/the, lem, cor, pro, def
    stems = {"thm": "the", "the": "the"}
    key = stems.get(stem, stem)
    return any(e.startswith(key) for e in envs) or any(p.startswith(key) or (key == "the" and p == "thm")
                                                          for p in label_prefixes)


_THEOREM_NOUN = re.compile(r"Theorem|Thm|Lemma|Corollary|Proposition|Definition")
_A_DIGIT = re.compile(r"\d")
#: "Theorem 3.6 of the textbook by Smith \\cite{..}": a number in a cited work, not in this paper
_OF_CITED = re.compile(r"\s*(?:of|in|from)\b[^.⟦]{0,60}⟦cite⟧")


@register
class HardcodedReference(Rule):
    code = "L107"
    name = "hardcoded-reference"
    category = "latex"
    severity = "warning"
    summary = "A figure, table, section or equation number is typed by hand (\"Figure 3\") instead of \\ref."
    why = "Numbers change when floats or sections move; a typed number silently points to the wrong thing in the next version."
    bad = "The results in Table 2 show a clear gain."
    good = "\\begin{table}\\caption{Gains.}\\label{tab:gain}\\end{table}\nThe results in Table~\\ref{tab:gain} show a clear gain."
    fix = "Label the target and write Table~\\ref{tab:...} (or \\cref{...})."

    def check(self, doc, ctx):
        envs = {c.args[0].lower() for c in doc.commands if c.name == "theorem-env" and c.args}
        prefixes = {lab.name.split(":")[0].lower() for lab in doc.labels if ":" in lab.name}
        for prose in ctx.prose_in(("any", "captions", "footnotes")):
            text = prose.text
            if not _A_DIGIT.search(text):
                continue
            for m in _HARD_REF.finditer(text):
                noun, num = m.group(1), m.group(3)
                if num[0].isalpha() and not noun.startswith(("Appendix", "App")):
                    continue  # "Table A" needs the appendix context to be a reference
                if noun.startswith(("Appendix", "App")) and num[0].isalpha() and len(num) == 1 and m.end() < len(text) and text[m.end():m.end() + 1].isalpha():
                    continue
                if _THEOREM_NOUN.match(noun) and not _numbered(noun, envs, prefixes):
                    continue  # hand-numbered propositions (bold text, no environment): nothing to \\ref
                if m.start() == len(text) - len(text.lstrip()) and _THEOREM_NOUN.match(noun) and \
                        text[m.end():m.end() + 2].lstrip()[:1] in (".", ":", "(", ""):
                    continue  # "Proposition 1. Let ...": a heading typed by hand, not a reference to one
                # the number must be typed in the source, not produced by a macro
                a = m.start(3)
                if lc.source_char(doc, prose.offsets[a]) != num[0]:
                    continue
                after = text[m.end():m.end() + 40]
                before = text[max(0, m.start() - 40):m.start()]
                if CITE in after[:30] or _OF_CITED.match(after) or re.match(r"\s*(?:of|in|from)\s+(?:the\s+)?(?:[A-Z][\w-]+(?:\s+et al\.)?|the original|their|his|her|prior|previous)", after):
                    continue  # "Table 2 of [12]": someone else's table
                if CITE in before[-25:] or re.search(r"\b(?:their|its|original|[A-Z][a-z]+'s)\s*$", before):
                    continue
                if m.group(2) and not m.group(4):
                    continue
                yield ctx.prose_finding(prose, m.start(), m.end(),
                                        f"'{m.group(0).strip()}' is a hand-typed number: use \\ref so it follows the {noun.lower().rstrip('s.')}",
                                        suggestion=f"{noun}~\\ref{{...}}")


def _preceding_word(preceding: str) -> tuple[str, str]:
    """(last word, separator) of the text before a command."""
    m = re.search(r"(\S+)([ \t]*\n?[ \t]*)$", preceding)
    if not m:
        return "", ""
    return m.group(1), m.group(2)


def _tie(ctx, offset: int, sep: str):
    """The fix of a breakable space before a command at ``offset``: the white space becomes ~."""
    edit = ctx.edit(offset - len(sep), offset, "~")
    if edit is None or edit.original != sep:
        return None  # the space is not typed right there (it came through a macro)
    return ctx.fix("Write a tie (~)", edit)


@register
class MissingTieBeforeRef(Rule):
    code = "L108"
    name = "missing-tie-before-ref"
    category = "latex"
    severity = "info"
    summary = "A breakable space separates 'Figure', 'Table', 'Section', 'Eq.'... from the \\ref number."
    why = "The line may break between the word and its number, leaving 'Figure' at the end of one line and '3' at the start of the next."
    bad = "\\begin{figure}\\caption{A.}\\label{fig:a}\\end{figure}\nAs Figure \\ref{fig:a} shows, it works."
    good = "\\begin{figure}\\caption{A.}\\label{fig:a}\\end{figure}\nAs Figure~\\ref{fig:a} shows, it works."
    fix = "Use a tie: Figure~\\ref{fig:a} (or \\cref{fig:a}, which adds the word and the tie itself)."
    fixable = "safe"

    def check(self, doc, ctx):
        for ref in doc.refs:
            if not ref.in_prose:
                continue  # a label in a picture or a table cell is not running text
            if ref.command not in _BARE_REFS:
                continue
            word, sep = _preceding_word(ref.preceding)
            if not sep or not word:
                continue
            w = word.lower().lstrip("({[")
            if w not in _REF_NOUNS:
                continue
            yield ctx.offset_finding(ref.offset - len(sep), ref.offset + ref.length,
                                     f"'{word} \\{ref.command}': use a tie ({word}~\\{ref.command}) so the line cannot break before the number",
                                     suggestion=f"{word}~", fix=_tie(ctx, ref.offset, sep))


_NON_TIE_CITES = {"citet", "Citet", "textcite", "Textcite", "citeauthor", "Citeauthor", "citeyear",
                  "citeyearpar", "citealt", "Citealt", "nocite", "footcite", "supercite", "fullcite", "citetitle",
                  "citep", "Citep", "parencite", "Parencite", "autocite", "Autocite", "citealp", "Citealp"}


@register
class MissingTieBeforeCite(Rule):
    code = "L109"
    name = "missing-tie-before-cite"
    category = "latex"
    severity = "info"
    default = False
    summary = "With a numeric citation style, a breakable space precedes \\cite (\"models \\cite{x}\")."
    why = "A numeric citation '[12]' can land alone at the start of a line. Author-year citations (\\citep, \\citet) may break there, so they are never flagged; off by default because many venues do not care."
    bad = "\\bibliographystyle{plain}\nDeep models \\cite{he2016deep} are strong."
    good = "\\bibliographystyle{plain}\nDeep models~\\cite{he2016deep} are strong."
    fix = "Write a tie before the citation: models~\\cite{x}."
    fixable = "safe"

    def check(self, doc, ctx):
        if lc.citation_style(doc) != "numeric":
            return
        for c in doc.citations:
            if c.command in _NON_TIE_CITES:
                continue
            word, sep = _preceding_word(c.preceding)
            if not sep or not word or not re.search(r"[A-Za-z0-9)]$", word):
                continue
            if word.endswith(("\\\\", "}")) or word.startswith("\\"):
                continue
            yield ctx.offset_finding(c.offset - len(sep), c.offset + c.length,
                                     f"'{word} \\{c.command}': use a tie ({word}~\\{c.command}) so the number cannot start a line",
                                     suggestion=f"{word}~", fix=_tie(ctx, c.offset, sep))


_CITE_SUBJECT_VERBS = (
    "show", "shows", "showed", "shown", "propose", "proposes", "proposed", "introduce", "introduces",
    "introduced", "present", "presents", "presented", "demonstrate", "demonstrates", "demonstrated", "use",
    "uses", "used", "find", "finds", "found", "argue", "argues", "argued", "study", "studies", "studied",
    "develop", "develops", "developed", "report", "reports", "reported", "suggest", "suggests", "suggested",
    "observe", "observes", "observed", "prove", "proves", "proved", "extend", "extends", "extended", "apply",
    "applies", "applied", "train", "trains", "trained", "employ", "employs", "employed", "consider",
    "considers", "considered", "describe", "describes", "described", "investigate", "investigates",
    "investigated", "achieve", "achieves", "achieved", "is", "are", "was", "were", "has", "have", "had",
)


@register
class CitationAsNoun(Rule):
    code = "L110"
    name = "citation-as-noun"
    category = "latex"
    severity = "info"
    summary = "With a numeric style, a bracketed citation is used as a noun (\"[12] showed\", \"In [12], ...\")."
    why = "'[12] showed that' makes the reader flip to the references to learn who; name the authors (\\citet, or 'Smith et al.~\\cite{x}')."
    bad = "\\bibliographystyle{plain}\n\\cite{he2016deep} showed that depth helps."
    good = "\\bibliographystyle{plain}\nHe et al.~\\cite{he2016deep} showed that depth helps."
    fix = "Name the authors: 'He et al.~\\cite{he2016deep} showed ...', or use \\citet with natbib."

    def check(self, doc, ctx):
        if lc.citation_style(doc) != "numeric":
            return
        for prose in ctx.prose_in(("any",)):
            text = prose.text
            if CITE not in text:
                continue
            for ph in prose.placeholders:
                if ph.kind != "cite" or ph.command in TEXTUAL_CITES or ph.command in ("citeauthor", "Citeauthor"):
                    continue
                before = text[:ph.start]
                after = text[ph.end:ph.end + 30]
                at_start = not before.strip() or (re.search(r"[.!?:]\s*$", before) is not None
                                                   and not re.search(r"(?:\bal|\be\.g|\bi\.e|\bcf|\bvs|\b[A-Z][a-z]{0,3})\.\s*$", before))
                subject = at_start and re.match(r"\s+(\w+)", after) and re.match(r"\s+(\w+)", after).group(1) in _CITE_SUBJECT_VERBS
                in_comma = re.search(r"(?:^|[.!?]\s+)In\s+$", before) is not None and after.startswith(",")
                if subject or in_comma:
                    a = ph.start if subject else before.rstrip().rfind("In")
                    yield ctx.prose_finding(prose, a, ph.end,
                                            "a numeric citation used as a noun: name the authors (He et al.~\\cite{...})")


_TEXTUAL_VERB = re.compile(
    r"\s*(?:[,;]\s*)?(?:and colleagues\s+)?(?:show|shows|showed|shown|propose|proposes|proposed|introduce[sd]?|"
    r"use[sd]?|find|finds|found|demonstrate[sd]?|argue[sd]?|report(?:s|ed)?|stud(?:y|ies|ied)|extend(?:s|ed)?|"
    r"present(?:s|ed)?|develop(?:s|ed)?|appl(?:y|ies|ied)|consider(?:s|ed)?|observe[sd]?|suggest(?:s|ed)?|"
    r"describe[sd]?|define[sd]?|prove[sd]?|obtain(?:s|ed)?|achieve[sd]?|provide[sd]?|note[sd]?)\b")


_CITE_LIST = re.compile(r"^(?:\s*(?:,|and|,\s*and)\s*⟦cite⟧)+")


_NOT_A_VERB = frozenset("for in of and or with on at by to from as but which that where while see cf e i "
                        "also et respectively".split())


def _reads_as_subject(after: str) -> bool:
    """Whether the words after a citation make it the subject: a verb follows (``... show``)."""
    if _TEXTUAL_VERB.match(after):
        return True
    m = re.match(r"\s+([a-z]+)\b", after)
    return m is not None and m.group(1) not in _NOT_A_VERB and (m.group(1).endswith(("ed", "s")) or
                                                              m.group(1) in ("is", "was", "has", "can", "uses"))


def _text_after_cites(doc) -> dict[int, str]:
    """For each citation command (by source offset), the prose text after it, past a list of
    further citations ("\\cite{a}, \\cite{b} and \\cite{c} learned ..."): where a verb follows,
    the citations are the sentence's subject."""
    out = {}
    for p in doc.prose:
        for ph in p.placeholders:
            if ph.kind == "cite" and ph.start < len(p.offsets):
                rest = p.text[ph.end:ph.end + 160]
                out[p.offsets[ph.start]] = rest[_CITE_LIST.match(rest).end() if _CITE_LIST.match(rest) else 0:][:40]
    return out


@register
class MixedCiteCommands(Rule):
    code = "L111"
    name = "mixed-cite-commands"
    category = "latex"
    severity = "info"
    summary = "With natbib author-year citations, plain \\cite is mixed with \\citep/\\citet."
    why = "In author-year natbib, \\cite prints like \\citet ('Smith (2020)'); next to \\citep it usually marks a citation meant to be parenthetical that now reads inline."
    bad = ("\\documentclass{article}\n\\usepackage{natbib}\n\\begin{document}\n"
           "Depth helps~\\citep{he2016deep}, as does width \\cite{zagoruyko2016wide}.\n\\end{document}")
    good = ("\\documentclass{article}\n\\usepackage{natbib}\n\\begin{document}\n"
            "Depth helps~\\citep{he2016deep}, as does width~\\citep{zagoruyko2016wide}.\n\\end{document}")
    fix = "Use \\citep for parenthetical and \\citet for textual citations; avoid bare \\cite with natbib."

    def check(self, doc, ctx):
        if "natbib" not in doc.packages or lc.citation_style(doc) == "numeric":
            return
        if any(re.match(r"(?:acl|naacl|emnlp|eacl|coling|tacl|conll|aaai|ijcai|cogsci|lrec)", p, re.I) for p in doc.packages):
            return  # these venue styles make \cite parenthetical (\let\cite\citep)
        cmds = [c.command for c in doc.citations]
        if "citep" not in cmds or "cite" not in cmds:
            return
        n_cite = cmds.count("cite")
        n_citep = cmds.count("citep") + cmds.count("citet")
        after = _text_after_cites(doc)
        for c in doc.citations:
            if c.command != "cite":
                continue
            if _reads_as_subject(after.get(c.offset, "")):
                continue  # "\\cite{x} show that ...": the author-year \\cite prints as meant (like \\citet)
            yield ctx.offset_finding(c.offset, c.offset + c.length,
                                     f"\\cite next to \\citep/\\citet ({n_cite} \\cite vs {n_citep} \\citep/\\citet): with author-year natbib it prints like \\citet",
                                     suggestion="\\citep")
