"""Venue profiles: what each venue's author kit requires that a linter can check.

ACL/ARR (mandatory Limitations section), NeurIPS (paper checklist), ICML (impact statement),
ICLR/COLM (recommended reproducibility and ethics statements), CVPR/ICCV (paper ID in the
review copy), AAAI (packages the kit forbids). Each rule runs only for its venue
(``ctx.venue``) and, where a requirement started in a given year, only for style files of that
year on (``texlint.latex.venue_detection.style_year``); see docs/venues.md.
"""

from __future__ import annotations

import re

from texlint.checks.venue.venue_common import (
    bibliography_offset,
    body_texts,
    checklist_answers,
    comes_before,
)
from texlint.engine.registry import register
from texlint.engine.rule import Rule
from texlint.latex.venue_detection import style_name, style_year

_ACL_HEAD = "\\documentclass[11pt]{article}\n\\usepackage[review]{acl}\n\\begin{document}\n"


def _top_level(doc):
    real = [s for s in doc.sections if s.command not in ("front", "abstract", "part")]
    return min((s.level for s in real), default=1)


def _newest_cited_year(doc) -> int | None:
    years = []
    for e in (doc.bib or {}).values():
        m = re.search(r"(19|20)\d\d", e.fields.get("year", "") or e.fields.get("date", ""))
        if m:
            years.append(int(m.group(0)))
    return max(years) if years else None


def acl_limitations_required(doc, venue: str) -> bool:
    """ACL venues require a Limitations section since EMNLP 2022 / ACL 2023 (ARR)."""
    if venue != "acl":
        return False
    name = style_name(doc, "acl")
    if not name:
        return True  # venue set by config: current rules
    low = name.lower()
    if low.startswith(("coling", "tacl")):
        return False  # other rules (COLING's own kit, TACL is a journal)
    year = style_year(low)
    if year is not None:
        return year >= 2023 or (year == 2022 and low.startswith("emnlp"))
    # The unified acl.sty (2021 on): a bibliography whose newest entry predates 2022 marks a
    # paper written before the requirement existed.
    newest = _newest_cited_year(doc)
    return newest is None or newest >= 2022


@register
class AclLimitationsMissing(Rule):
    code = "V401"
    name = "acl-limitations-missing"
    category = "venue"
    severity = "error"
    example_venue = "acl"
    summary = "An ACL/ARR paper (ACL, EMNLP, NAACL, EACL, AACL; 2023 kits on) has no Limitations section."
    why = ("ARR and the *ACL conferences desk-reject submissions without a dedicated Limitations section "
           "(it does not count towards the page limit).")
    bad = "\\section{Introduction}\nWe study parsing.\n\\section{Conclusion}\nIt works."
    good = ("\\section{Introduction}\nWe study parsing.\n\\section{Conclusion}\nIt works.\n"
            "\\section*{Limitations}\nWe only test English.")
    fix = "Add an unnumbered \\section*{Limitations} after the conclusion, before the references."

    def check(self, doc, ctx):
        if not acl_limitations_required(doc, ctx.venue):
            return
        if doc.sections_with_role("limitations") or doc.unread_include(r"limitation"):
            return  # (an \input{limitations} texlint could not read may hold it: L001 says so)
        yield ctx.document_finding("No Limitations section: ACL/ARR submissions must have a dedicated "
                                   "'Limitations' section after the conclusion.")


@register
class AclLimitationsMisplaced(Rule):
    code = "V402"
    name = "acl-limitations-misplaced"
    category = "venue"
    severity = "warning"
    example_venue = "acl"
    summary = "The ACL Limitations section comes before the conclusion, or after the references or in the appendix."
    why = ("The *ACL kits place Limitations after the conclusion and before the references; elsewhere it counts "
           "towards the page limit or is missed by reviewers and the format check.")
    bad = ("\\section{Introduction}\nWe study parsing.\n\\section{Limitations}\nOnly English.\n"
           "\\section{Conclusion}\nIt works.")
    good = ("\\section{Introduction}\nWe study parsing.\n\\section{Conclusion}\nIt works.\n"
            "\\section*{Limitations}\nOnly English.")
    fix = "Move the Limitations section right after the conclusion (acknowledgments may sit in between), before the references."

    def check(self, doc, ctx):
        if not acl_limitations_required(doc, ctx.venue):
            return
        lims = doc.sections_with_role("limitations")
        if not lims:
            return
        top = _top_level(doc)
        conclusions = [s for s in doc.sections if s.role == "conclusion" and s.level <= top and not s.in_appendix]
        first_conc = conclusions[0] if conclusions else None
        bib = bibliography_offset(doc)

        def problem(s):
            if s.in_appendix:
                return "is in the appendix"
            if bib is not None and comes_before(doc, bib, s.offset):
                return "comes after the references"
            if first_conc is not None and s.index < first_conc.index:
                return "comes before the conclusion"
            return None

        problems = [(s, problem(s)) for s in lims]
        if any(p is None for _, p in problems):
            return
        heads = [sp for sp in problems if sp[0].level <= top] or problems
        s, why = heads[0]
        yield ctx.document_finding(f"The Limitations section {why}: ACL places it after the conclusion and "
                                   "before the references.", section=s)


# -- NeurIPS checklist ----------------------------------------------------------------------------
def _neurips_checklist_expected(doc, ctx) -> bool:
    if ctx.venue != "neurips":
        return False
    year = style_year(style_name(doc, "neurips") or "")
    if year is not None and year < 2021:
        return False
    if ctx.review:
        return True
    opts = set(doc.packages.get(style_name(doc, "neurips"), []))
    return year is not None and year >= 2024 and "final" in opts and "preprint" not in opts


def _has_checklist(doc, answers) -> bool:
    return bool(answers) or bool(doc.sections_with_role("checklist"))


@register
class NeuripsChecklistMissing(Rule):
    code = "V403"
    name = "neurips-checklist-missing"
    category = "venue"
    severity = "error"
    example_venue = "neurips"
    example_review = True
    summary = "A NeurIPS submission has no paper checklist (NeurIPS Paper Checklist section or \\answerYes{} answers)."
    why = "NeurIPS desk-rejects submissions without the paper checklist; since 2024 the camera-ready keeps it too."
    bad = "\\section{Introduction}\nWe study kernels.\n\\section{Conclusion}\nDone."
    good = ("\\section{Introduction}\nWe study kernels.\n\\section*{NeurIPS Paper Checklist}\n\\begin{enumerate}\n"
            "\\item {\\bf Claims}\n\\item[] Question: Do the claims match?\n\\item[] Answer: \\answerYes{}\n"
            "\\item[] Justification: See Section 1.\n\\end{enumerate}")
    fix = "Append the checklist of the NeurIPS kit (checklist.tex) after the references/appendix and answer every question."

    def check(self, doc, ctx):
        if not _neurips_checklist_expected(doc, ctx):
            return
        if _has_checklist(doc, checklist_answers(doc)):
            return
        yield ctx.document_finding("No NeurIPS paper checklist found: submissions without it are desk-rejected.")


@register
class NeuripsChecklistUnanswered(Rule):
    code = "V404"
    name = "neurips-checklist-unanswered"
    category = "venue"
    severity = "error"
    example_venue = "neurips"
    summary = "A NeurIPS checklist question is still answered \\answerTODO{}."
    why = "Every checklist question needs Yes, No or NA; a TODO answer is an incomplete checklist."
    bad = ("\\section*{NeurIPS Paper Checklist}\n\\begin{enumerate}\n\\item {\\bf Claims}\n"
           "\\item[] Question: Do the claims match?\n\\item[] Answer: \\answerTODO{}\n"
           "\\item[] Justification: \\justificationTODO{}\n\\end{enumerate}")
    good = ("\\section*{NeurIPS Paper Checklist}\n\\begin{enumerate}\n\\item {\\bf Claims}\n"
            "\\item[] Question: Do the claims match?\n\\item[] Answer: \\answerYes{}\n"
            "\\item[] Justification: Section 4 supports each claim.\n\\end{enumerate}")
    fix = "Replace \\answerTODO{} by \\answerYes{}, \\answerNo{} or \\answerNA{}."

    def check(self, doc, ctx):
        if ctx.venue != "neurips":
            return
        for a in checklist_answers(doc):
            if a.answer == "TODO":
                q = a.question[:80]
                yield ctx.offset_finding(a.offset, a.offset + a.length,
                                         f"Checklist question left unanswered (\\answerTODO): {q}")


@register
class NeuripsChecklistNoJustification(Rule):
    code = "V405"
    name = "neurips-checklist-no-justification"
    category = "venue"
    severity = "warning"
    example_venue = "neurips"
    summary = "A NeurIPS checklist answer has an empty justification (or the template's \\justificationTODO{})."
    why = "The kit asks for a short justification after every answer, NA included; reviewers read them."
    bad = ("\\section*{NeurIPS Paper Checklist}\n\\begin{enumerate}\n\\item {\\bf Claims}\n"
           "\\item[] Question: Do the claims match?\n\\item[] Answer: \\answerYes{}\n"
           "\\item[] Justification: \\justificationTODO{}\n\\end{enumerate}")
    good = ("\\section*{NeurIPS Paper Checklist}\n\\begin{enumerate}\n\\item {\\bf Claims}\n"
            "\\item[] Question: Do the claims match?\n\\item[] Answer: \\answerYes{}\n"
            "\\item[] Justification: Section 4 supports each claim.\n\\end{enumerate}")
    fix = "Write one or two sentences after Justification:, pointing to the section that supports the answer."

    def check(self, doc, ctx):
        if ctx.venue != "neurips":
            return
        for a in checklist_answers(doc):
            if a.labelled and a.answer != "TODO" and not a.justification:
                yield ctx.offset_finding(a.offset, a.offset + a.length,
                                         f"Checklist answer without a justification: {a.question[:80]}")


_ERRORBAR_Q = re.compile(r"error bars?|statistical(ly)? significan", re.I)
_LIMITS_Q = re.compile(r"\blimitations?\b", re.I)
_ERRORBAR_EVIDENCE = re.compile(
    r"±|\bstd\b|\bs\.\s?d\.|standard (deviation|error|dev)|\bstderr\b|\bs\.e\.m?\b|\bSEM\b|confidence (interval|band|region|bound|level)|"
    r"\bCIs?\b|error[- ]bars?|shaded|\bseeds?\b|\bruns\b|\btrials\b|\brepetitions\b|\bvariance\b|\bp[- ]?values?\b|"
    r"significan(t|ce)|t-test|wilcoxon|bootstrap|quartile|\bIQR\b|\bvariability\b|\bspread\b",
    re.I)
_PM_SOURCE = re.compile(r"\\pm(?![A-Za-z])|\\mp(?![A-Za-z])|±|\\stdev|\\std(?![A-Za-z])")
_LIMIT_EVIDENCE = re.compile(
    r"\blimitations?\b|\blimited\b|\bshortcomings?\b|\bdrawbacks?\b|\bcaveats?\b|\bweakness(es)?\b|"
    r"\bfuture (work|research|directions?)\b|\bfails? to\b|\bfailure (cases?|modes?)\b|\brestricted to\b|"
    r"\bdoes not (generalize|scale|apply|handle|address)\b|\bdo not (generalize|scale|apply|handle|address)\b|"
    r"\bonly (applies|works|considers?|evaluates?)\b|\bremains? (open|unclear|unexplored)\b", re.I)


def _paper_text_matches(doc, rx) -> bool:
    for p in doc.prose:
        if p.role == "checklist":
            continue
        if rx.search(p.text):
            return True
    for t in doc.tables:
        for cell, _ in t.cells():
            if rx.search(cell):
                return True
    return False


def _reports_uncertainty(doc) -> bool:
    if _paper_text_matches(doc, _ERRORBAR_EVIDENCE):
        return True
    for _, text, start in body_texts(doc):
        if _PM_SOURCE.search(text, start):
            return True
    return False


def _discusses_limitations(doc) -> bool:
    if any(s.role == "limitations" for s in doc.sections):
        return True
    return _paper_text_matches(doc, _LIMIT_EVIDENCE)


@register
class NeuripsChecklistContradicted(Rule):
    code = "V406"
    name = "neurips-checklist-contradicted"
    category = "venue"
    severity = "warning"
    example_venue = "neurips"
    summary = ("A NeurIPS checklist 'Yes' the paper does not back: error bars/significance with no ±, std, "
               "confidence interval or seeds anywhere; limitations with no limitations discussion.")
    why = "Reviewers and the ethics/reproducibility chairs check answers against the paper; an unsupported Yes costs credibility."
    bad = ("\\section{Results}\nOur method scores 81.2 on the benchmark.\n"
           "\\section*{NeurIPS Paper Checklist}\n\\begin{enumerate}\n\\item {\\bf Experiment statistical significance}\n"
           "\\item[] Question: Does the paper report error bars suitably and correctly defined?\n"
           "\\item[] Answer: \\answerYes{}\n\\item[] Justification: Yes.\n\\end{enumerate}")
    good = ("\\section{Results}\nOur method scores 81.2 $\\pm$ 0.3 over five seeds.\n"
            "\\section*{NeurIPS Paper Checklist}\n\\begin{enumerate}\n\\item {\\bf Experiment statistical significance}\n"
            "\\item[] Question: Does the paper report error bars suitably and correctly defined?\n"
            "\\item[] Answer: \\answerYes{}\n\\item[] Justification: Section 1.\n\\end{enumerate}")
    fix = "Add what the answer claims (error bars over seeds, a limitations paragraph) or change the answer and justify it."

    def check(self, doc, ctx):
        if ctx.venue != "neurips":
            return
        uncertainty = limits = None
        for a in checklist_answers(doc):
            if a.answer != "Yes":
                continue
            if _ERRORBAR_Q.search(a.question):
                if uncertainty is None:
                    uncertainty = _reports_uncertainty(doc)
                if not uncertainty:
                    yield ctx.offset_finding(a.offset, a.offset + a.length,
                                             "Checklist says Yes to error bars/statistical significance, but the paper "
                                             "reports no ±, standard deviation, confidence interval, seeds or significance test.")
            elif _LIMITS_Q.search(a.question):
                if limits is None:
                    limits = _discusses_limitations(doc)
                if not limits:
                    yield ctx.offset_finding(a.offset, a.offset + a.length,
                                             "Checklist says Yes to limitations, but the paper has no Limitations "
                                             "section and no sentence discussing limitations.")


# -- ICML, ICLR, COLM statements ------------------------------------------------------------------
@register
class IcmlImpactStatementMissing(Rule):
    code = "V407"
    name = "icml-impact-statement-missing"
    category = "venue"
    severity = "error"
    example_venue = "icml"
    summary = "An ICML paper (2024 kits on) has no Impact Statement section."
    why = ("ICML requires an 'Impact Statement' section at the end of the paper, before the references, in the "
           "submission and the camera-ready; it does not count towards the page limit.")
    bad = "\\section{Introduction}\nWe study bandits.\n\\section{Conclusion}\nDone."
    good = ("\\section{Introduction}\nWe study bandits.\n\\section{Conclusion}\nDone.\n\\section*{Impact Statement}\n"
            "This paper presents work whose goal is to advance the field of Machine Learning.")
    fix = "Add \\section*{Impact Statement} before the references (the kit gives a default sentence for work without notable consequences)."

    def check(self, doc, ctx):
        if ctx.venue != "icml":
            return
        year = style_year(style_name(doc, "icml") or "")
        if year is not None and year < 2024:
            return
        if doc.sections_with_role("broader_impact"):
            return
        yield ctx.document_finding("No Impact Statement section: ICML requires one (before the references).")


def _statement_expected(doc, venue: str) -> bool:
    if venue == "colm":
        return True
    if venue == "iclr":
        year = style_year(style_name(doc, "iclr") or "")
        return year is None or year >= 2022
    return False


@register
class ReproducibilityStatementMissing(Rule):
    code = "V408"
    name = "reproducibility-statement-missing"
    category = "venue"
    severity = "info"
    example_venue = "iclr"
    summary = "An ICLR or COLM paper has no Reproducibility Statement."
    why = "ICLR (since 2022) and COLM encourage a short reproducibility statement after the main text pointing to code, proofs and settings."
    bad = "\\section{Introduction}\nWe study transformers.\n\\section{Conclusion}\nDone."
    good = ("\\section{Introduction}\nWe study transformers.\n\\section*{Reproducibility Statement}\n"
            "Hyperparameters are in Appendix B; code is in the supplementary material.")
    fix = "Add \\section*{Reproducibility Statement} after the conclusion, before the references."

    def check(self, doc, ctx):
        if not _statement_expected(doc, ctx.venue):
            return
        if doc.sections_with_role("reproducibility"):
            return
        yield ctx.document_finding("No Reproducibility Statement (recommended by ICLR and COLM).")


@register
class EthicsStatementMissing(Rule):
    code = "V409"
    name = "ethics-statement-missing"
    category = "venue"
    severity = "info"
    example_venue = "iclr"
    summary = "An ICLR or COLM paper has no Ethics Statement."
    why = "ICLR (since 2022) and COLM encourage an ethics statement after the main text; reviewers look for it when the work touches people or data."
    bad = "\\section{Introduction}\nWe study transformers.\n\\section{Conclusion}\nDone."
    good = ("\\section{Introduction}\nWe study transformers.\n\\section*{Ethics Statement}\n"
            "All data are public and contain no personal information.")
    fix = "Add \\section*{Ethics Statement} after the conclusion, before the references."

    def check(self, doc, ctx):
        if not _statement_expected(doc, ctx.venue):
            return
        if doc.sections_with_role("ethics", "broader_impact"):
            return
        yield ctx.document_finding("No Ethics Statement (recommended by ICLR and COLM).")


# -- CVPR/ICCV, AAAI ---------------------------------------------------------------------------
_PAPER_ID = re.compile(r"\\def\s*\\(cvprPaperID|iccvPaperID|wacvPaperID|paperID)\s*\{([^}]*)\}")


@register
class CvprPaperIdMissing(Rule):
    code = "V410"
    name = "cvpr-paper-id-missing"
    category = "venue"
    severity = "warning"
    example_venue = "cvpr"
    example_review = True
    summary = "A CVPR/ICCV/WACV review copy still has the template's paper ID (*****)."
    why = "The review copy prints the paper ID in its header and margins; reviewers and chairs match PDFs to submissions by it."
    bad = "\\def\\paperID{*****}\n\\section{Introduction}\nWe detect objects."
    good = "\\def\\paperID{4721}\n\\section{Introduction}\nWe detect objects."
    fix = "Set \\def\\paperID{...} (\\cvprPaperID / \\iccvPaperID in older kits) to your submission number."

    def check(self, doc, ctx):
        if ctx.venue != "cvpr" or not ctx.review:
            return
        for f in doc.files:
            for m in _PAPER_ID.finditer(f.code):
                if re.fullmatch(r"\s*\**\s*(x+|X+)?\s*", m.group(2)):
                    yield ctx.offset_finding(f.base + m.start(), f.base + m.end(),
                                             f"\\{m.group(1)} is still the template's placeholder '{m.group(2)}'.")


_AAAI_FORBIDDEN_CORE = {"authblk", "balance", "CJK", "float", "fullpage", "geometry", "hyperref", "navigator",
                        "savetrees", "setspace", "stfloats", "tabu", "titlesec", "tocbibind", "ulem", "wrapfig"}
_AAAI_FORBIDDEN_RECENT = {"flushend", "fontenc", "grffile", "indentfirst", "layout", "multicol", "nameref"}


@register
class AaaiForbiddenPackage(Rule):
    code = "V411"
    name = "aaai-forbidden-package"
    category = "venue"
    severity = "error"
    example_venue = "aaai"
    summary = "An AAAI paper loads a package the AAAI author kit forbids (hyperref, geometry, titlesec, wrapfig, ...)."
    why = "AAAI Press rejects papers that load these packages (they change the layout or embed links); the kit lists them as disallowed."
    bad = ("\\documentclass{article}\n\\usepackage[submission]{aaai25}\n\\usepackage{hyperref}\n"
           "\\begin{document}\nWe plan.\n\\end{document}")
    good = ("\\documentclass{article}\n\\usepackage[submission]{aaai25}\n\\usepackage{booktabs}\n"
            "\\begin{document}\nWe plan.\n\\end{document}")
    fix = "Remove the package (the kit's template shows allowed alternatives, e.g. \\url without hyperref)."

    def check(self, doc, ctx):
        if ctx.venue != "aaai":
            return
        year = style_year(style_name(doc, "aaai") or "")
        banned = set(_AAAI_FORBIDDEN_CORE)
        if year is None or year >= 2023:
            banned |= _AAAI_FORBIDDEN_RECENT
        for c in doc.commands:
            if c.name == "usepackage":
                for pkg in c.args:
                    if pkg in banned:
                        yield ctx.offset_finding(c.offset, c.offset + c.length,
                                                 f"The AAAI author kit forbids \\usepackage{{{pkg}}}.")
