"""The story arc of a paper, for summaries: phenomenon -> insight -> method -> evidence -> impact.

Read from the argument map and facts the analysis stage computed (``doc.argument``,
``doc.facts``); used by the text and JSON reports (and stored with cached results), never by
rules. The positioning line says which criticism the paper invites: incremental work in a
crowded area draws "no novelty", pioneering work in a quiet one draws "no impact".
"""

from __future__ import annotations

from texlint.analysis.facts import EVIDENCE_ROLES, Fact


def story_arc(doc) -> dict:
    """The story arc for summaries: each stage found (with its first sentence) or missing."""
    arg = doc.argument or {}
    facts = doc.facts or {}

    def first(move):
        items = arg.get(move) or []
        return items[0] if items else None

    # evidence is a result reported where results are (not the abstract's summary of them), else
    # what the evidence facts found, else any result sentence
    evidence = next((r for r in arg.get("result") or [] if r.get("role") in EVIDENCE_ROLES), None)
    for fact in (Fact.BASELINES, Fact.ERROR_BARS):
        if evidence is None and (facts.get(fact.value) or {}).get("evidence"):
            evidence = facts[fact.value]["evidence"][0]
    if evidence is None:
        evidence = first("result")
    stages = {
        "phenomenon": first("phenomenon"),
        "insight": first("insight"),
        "method": first("method_link") or first("contribution"),
        "evidence": evidence,
        "impact": first("impact"),
        "novelty": first("novelty"),
    }
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
    return {"stages": stages, "positioning": positioning}
