"""The story arc of a paper, for summaries: phenomenon -> insight -> method -> evidence -> impact.

A view of the assessment (``doc.assessment``), never a second reading: each stage is one
assessment field, found exactly when that field is present, quoting its first evidence; the
S1xx rules read the same fields, so the arc of a run and its story findings cannot disagree
(``tests/test_assessment.py``). Used by the text, JSON and HTML reports (and stored with cached
results), never by rules. The positioning line says which criticism the paper invites:
incremental work in a crowded area draws "no novelty", pioneering work in a quiet one draws
"no impact".
"""

from __future__ import annotations

#: stage -> the assessment field it shows
ARC_FIELDS = {
    "phenomenon": "phenomenon",
    "insight": "insight_method_link",
    "method": "contribution_list",
    "evidence": "baselines_compared",
    "impact": "impact_argument",
    "novelty": "novelty_claim",
}

#: stage -> what an absent stage lacks, in the words of its field (a "method" stage is missing when
#: the paper never states what it contributes, not when it has no method section)
ARC_LACKS = {
    "phenomenon": "no observed phenomenon stated",
    "insight": "no insight tied to the method",
    "method": "no statement of the contributions",
    "evidence": "no comparison with a baseline",
    "impact": "no argument why it matters",
    "novelty": "no novelty claim",
}


def story_arc(doc) -> dict:
    """The story arc for summaries: each stage's first evidence (None when the field is absent)."""
    assessment = doc.assessment or {}

    def first(field):
        verdict = assessment.get(field) or {}
        ev = verdict.get("evidence") or []
        return ev[0] if verdict.get("present") and ev else None

    stages = {stage: first(field) for stage, field in ARC_FIELDS.items()}
    novelty, impact = stages["novelty"] is not None, stages["impact"] is not None
    if novelty and impact:
        positioning = "novelty and impact are both argued explicitly."
    elif novelty:
        positioning = ("novelty is argued but impact is not: the paper invites \"why does this matter?\" "
                       "(the usual criticism of pioneering work in a quiet area).")
    elif impact:
        positioning = ("impact is argued but novelty is not: the paper invites \"incremental / not novel\" "
                       "(the usual criticism of work in a crowded area).")
    else:
        positioning = "neither novelty nor impact is argued explicitly: the paper invites both \"not novel\" and \"why does it matter?\"."
    lacks = {stage: ARC_LACKS[stage] for stage, item in stages.items() if item is None}
    return {"stages": stages, "fields": dict(ARC_FIELDS), "positioning": positioning, "lacks": lacks}
