"""The assessment: one verdict per question a careful reviewer asks of a paper, with provenance.

Each field answers one question ("does the introduction state an observed phenomenon?", "are
there error bars?") as ``{present, evidence: [{file, line, column, text}], why, closest}``:
``why`` says in one line what decided it, and ``closest`` lists, for an absent field, the
sentences that came nearest and why they were rejected, so an author can see what texlint
read. The field names are exactly those of the careful-reading labels texlint is measured
against (``benchmarks/agreement.py``), and everything argument-related is derived from this
one object: the JSON ``assessment``, the story arc in every report, and the S1xx rules
(``tests/test_assessment.py`` proves they agree). Computed once per document by the analysis
stage, after the moves and the evidence facts.
"""

from __future__ import annotations

import re
from typing import Iterable

from texlint.analysis.claimant import is_own_claim
from texlint.analysis.evidence import NOT_OWN as _NOT_OWN
from texlint.analysis.evidence import place, sentences
from texlint.analysis.facts import MAX_EVIDENCE, Fact, fact_evidence, has_fact
from texlint.latex.model import Document, Sentence
from texlint.nlp.tagger import NEAR

#: The story fields (companion: the evidence fields below), in report order.
STORY_FIELDS = ("phenomenon", "insight_method_link", "novelty_claim", "impact_argument", "contribution_list",
                "limitations_section", "limitations_discussed")
#: The evidence fields: what the paper shows about its own results.
EVIDENCE_FIELDS = ("error_bars", "ablation", "baselines_compared", "efficiency_claim", "efficiency_measured",
                   "scale_claim", "scale_experiments", "statistical_test", "code_or_data_release",
                   "compute_reported")
FIELDS = STORY_FIELDS + EVIDENCE_FIELDS

#: Where the framing of a paper is (the sentences a reviewer reads first).
FRAMING = ("abstract", "introduction")
#: where a paper argues why it matters (not its method or experiments sections)
IMPACT_ROLES = FRAMING + ("conclusion", "discussion", "broader_impact", "limitations")
_BODY_KINDS = ("body", "item")

#: the evidence facts each evidence field reads
_FACT_OF = {
    "error_bars": Fact.ERROR_BARS, "ablation": Fact.ABLATION, "baselines_compared": Fact.BASELINES,
    "efficiency_measured": Fact.EFFICIENCY_MEASURED, "scale_experiments": Fact.SEVERAL_SCALES,
    "statistical_test": Fact.STATISTICAL_TEST, "code_or_data_release": Fact.CODE_RELEASE,
    "compute_reported": Fact.COMPUTE_RESOURCES, "efficiency_claim": Fact.EFFICIENCY_CLAIM, "scale_claim": Fact.SCALE_CLAIM,
}

_CONTRIBUTION_LIST = re.compile(
    r"\b(our|the (main|key|primary)|main|key|primary|paper'?s?|this work'?s?)\s+(technical\s+)?contributions?\b"
    r"|\bcontributions?\s+(of this (paper|work|thesis)|are|is|include)\b"
    r"|\bwe (make|offer|provide) the following\b|\bwe (summari[sz]e|list) our contributions?\b"
    r"|\b(in summary|to summari[sz]e|concretely|specifically|overall),? (we|our|this paper|this work)\b"
    r"|\bthis (paper|work|thesis) (makes|offers) (the following|several|three|two|four)\b",
    re.I)


_ev = place


def _field(present: bool, evidence: list[dict], why: str, closest: list[dict] | None = None) -> dict:
    out = {"present": present, "evidence": evidence[:MAX_EVIDENCE] if present else [], "why": why}
    if not present:
        out["closest"] = (closest or [])[:3]
    return out


def _sentences(doc: Document, roles: Iterable[str] | None = None, skip: Iterable[str] = ()) -> Iterable[Sentence]:
    """Running text (paragraphs and list items) of ``roles``, without that of ``skip``."""
    return sentences(doc, roles, _BODY_KINDS, skip=skip)


def _where(roles: Iterable[str] | None) -> str:
    if roles is None:
        return "anywhere"
    names = [r.replace("_", " ") for r in roles]
    return "the " + (", ".join(names[:-1]) + " or " + names[-1] if len(names) > 1 else names[0])


def _move_field(doc: Document, move: str, roles: Iterable[str] | None, says: str, near: str,
                exclude: Iterable[str] = (), own_in_excluded: bool = False) -> dict:
    """A story field decided by the tagger's move ``move`` in the sentences of ``roles``: present
    with the sentences that make it; absent with the sentences whose cues came nearest. Sections
    of ``exclude`` roles (cited work's) do not count, except, with ``own_in_excluded``, the authors'
    own claim in related work (``claimant.is_own_claim``): that is where they position their work
    ("We build on their framework to propose a novel method ..."); a background section's "we
    define" is set-up."""
    roles = tuple(roles) if roles is not None else None
    exclude = tuple(exclude)

    def counts(s: Sentence) -> bool:
        return s.role not in exclude or (own_in_excluded and s.role == "related_work" and is_own_claim(s, doc))

    hits, closest = [], []
    for s in _sentences(doc, roles):
        if not counts(s):
            continue
        if move in s.tags:
            hits.append(s)
            if len(hits) >= MAX_EVIDENCE:
                break
        elif NEAR + move in s.tags and len(closest) < 3:
            closest.append({**_ev(doc, s), "rejected": near})
    where = _where(roles)
    if hits:
        n = len(hits)
        return _field(True, [_ev(doc, s) for s in hits],
                      f"{n}{'+' if n >= MAX_EVIDENCE else ''} sentence{'s' if n != 1 else ''} in {where} {says}")
    return _field(False, [], f"no sentence in {where} {says}", closest)


def _contribution_list(doc: Document) -> dict:
    """An explicit list or paragraph of contributions: an announcement ("Our contributions are
    ...", "In summary, we ...") in the framing, or a list in the introduction whose items state
    what the authors did."""
    evidence = []
    for s in _sentences(doc, FRAMING + ("conclusion",)):
        if _CONTRIBUTION_LIST.search(s.text) and ("contribution" in s.tags or s.prose.kind == "body"):
            evidence.append(_ev(doc, s))
            if len(evidence) >= MAX_EVIDENCE:
                break
    if not evidence:
        items = [p for p in doc.prose if p.kind == "item" and p.role == "introduction"
                 and any("contribution" in s.tags for s in p.sentences)]
        if len(items) >= 2:
            evidence = [_ev(doc, items[0].sentences[0])] if items[0].sentences else []
    if not evidence:
        evidence = _contribution_paragraph(doc)
    if evidence:
        return _field(True, evidence, "the introduction announces or lists the paper's contributions")
    claims = [s for s in _sentences(doc, FRAMING) if "contribution" in s.tags][:3]
    return _field(False, [], "no sentence announces the contributions (\"our contributions are ...\") and no list "
                  "in the introduction states them",
                  [{**_ev(doc, s), "rejected": "a contribution stated in passing, not a list"} for s in claims])


_ENUMERATOR = re.compile(r"^\s*(\(?([1-9]|i{1,3}|iv|v)\)|first(ly)?\b|second(ly)?\b|third(ly)?\b)", re.I)


def _contribution_paragraph(doc: Document) -> list[dict]:
    """A paragraph of the introduction that enumerates what the authors did: two contribution
    sentences opened by an enumerator ("First, we ...", "Second, ...", "(2) we ...")."""
    for p in doc.prose:
        if p.kind != "body" or p.role != "introduction":
            continue
        enumerated = [s for s in p.sentences if "contribution" in s.tags and _ENUMERATOR.match(s.text)]
        if len(enumerated) >= 2:
            return [_ev(doc, s) for s in enumerated[:MAX_EVIDENCE]]
    return []


def _limitations_section(doc: Document) -> dict:
    heads = fact_evidence(doc, Fact.LIMITATIONS_SECTION)
    if heads:
        return _field(True, heads, f"a heading names the limitations ({heads[0]['text']!r})")
    return _field(False, [], "no section, subsection or paragraph is headed Limitations")


def _limitations_discussed(doc: Document, section: dict) -> dict:
    evidence = fact_evidence(doc, Fact.LIMITATIONS_ACKNOWLEDGED)
    if evidence:
        own = f"{len(evidence) - len(section['evidence'])}{'+' if len(evidence) >= MAX_EVIDENCE else ''}"
        why = (f"a Limitations heading and {own} sentence(s) about the paper's own limitations" if section["present"]
               else f"{own} sentence(s) acknowledge the paper's own limitations")
        return _field(True, evidence, why)
    return _field(False, [], "no sentence acknowledges a limitation of the paper's own work (limitations of cited "
                  "work are gaps, not limitations)")


_FACT_WHY = {
    "error_bars": ("the uncertainty of a result is reported", "no ±, error bars, confidence interval, or spread over runs or seeds"),
    "ablation": ("components are removed or varied", "no component removed or varied (\"w/o X\", variants, sweeps)"),
    "baselines_compared": ("results are compared with prior methods", "no comparison with cited, named or baseline methods where results are"),
    "efficiency_claim": ("the paper claims speed, memory, cost or complexity", "no own claim of speed, memory, cost or complexity"),
    "efficiency_measured": ("time, memory, FLOPs or throughput are measured", "no time, memory, FLOPs or throughput measured with units"),
    "scale_claim": ("the paper claims its method scales", "no own claim that the method scales or works at large scale"),
    "scale_experiments": ("results at several model or data sizes", "results at a single model and data size"),
    "statistical_test": ("a significance test is reported", "no significance test or test statistic"),
    "code_or_data_release": ("the authors' code or data is available", "no release of the authors' own code or data"),
    "compute_reported": ("the hardware or compute budget is reported", "no hardware, GPU-hours or compute budget"),
}


def _fact_field(doc: Document, name: str) -> dict:
    evidence = fact_evidence(doc, _FACT_OF[name])
    found, missing = _FACT_WHY[name]
    if has_fact(doc, _FACT_OF[name]):
        return _field(True, evidence, f"{found} ({len(evidence)}{'+' if len(evidence) >= MAX_EVIDENCE else ''} place(s))")
    return _field(False, [], missing)


def assess(doc: Document) -> dict[str, dict]:
    """Every field, from the moves (``Sentence.tags``) and the evidence facts (``doc.facts``)."""
    out: dict[str, dict] = {}
    out["phenomenon"] = _move_field(doc, "phenomenon", FRAMING, "states an observed phenomenon the paper explains",
                                    "a phenomenon cue in a sentence that is not an observation of the paper's own")
    out["insight_method_link"] = _move_field(
        doc, "method_link", None, "derives the method from an insight or observation",
        "a link cue without the authors' method", exclude=_NOT_OWN)
    out["novelty_claim"] = _move_field(doc, "novelty", None, "claims novelty explicitly",
                                       "a novelty word about cited work or in another sense", exclude=_NOT_OWN,
                                       own_in_excluded=True)
    out["impact_argument"] = _move_field(doc, "impact", IMPACT_ROLES, "argues what the work enables or why it matters",
                                         "an impact word about cited work, a pointer to a section, or not in the "
                                         "paper's framing")
    out["contribution_list"] = _contribution_list(doc)
    out["limitations_section"] = _limitations_section(doc)
    out["limitations_discussed"] = _limitations_discussed(doc, out["limitations_section"])
    for name in EVIDENCE_FIELDS:
        out[name] = _fact_field(doc, name)
    return {name: out[name] for name in FIELDS}
