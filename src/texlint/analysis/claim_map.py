"""The claims of a paper's framing, typed and linked to their support.

Every own claim in the abstract, introduction and conclusion is typed (``performance`` for
state-of-the-art and comparative claims, ``efficiency`` with the resources it names, ``scale``,
``novelty`` for first/only/novel, ``causal``, ``significance``) and linked to what supports it
in its paragraph: a table or figure reference, a citation, a section reference. Claims rules
(C2xx) and the resource and scale rules (R302, R303) read this list, and the JSON ``claims``
and the HTML "Claims and evidence" view show it, so they report the same claims.
"""

from __future__ import annotations

import re

from texlint.analysis.claimant import is_own_claim
from texlint.analysis.evidence import place
from texlint.latex.model import Document, Sentence

FRAMING = ("abstract", "introduction", "conclusion")
_TYPES = (("performance", ("sota", "comparison")), ("efficiency", ("efficiency_claim",)), ("scale", ("scale_claim",)),
          ("novelty", ("novelty",)), ("causal", ("strong_claim",)), ("significance", ("significance",)))
_TABLE_FIG = re.compile(r"\b(Table|Tab\.|Figure|Fig\.)\s*⟦ref⟧|\b(Table|Tab\.|Figure|Fig\.)\s*\d", re.I)
_SECTION = re.compile(r"\b(Section|Sec\.|§|Appendix|App\.|Chapter)\s*(⟦ref⟧|\d|[A-Z]\b)", re.I)
MAX_CLAIMS = 60


def _support(sent: Sentence) -> list[str]:
    """What backs a claim in its paragraph: the sentence itself first, then its neighbours."""
    found = []
    sents = sent.prose.sentences
    i = sents.index(sent) if sent in sents else 0
    near = [sent] + sents[max(0, i - 1):i] + sents[i + 1:i + 2]
    text = " ".join(s.text for s in near)
    if _TABLE_FIG.search(text):
        found.append("table_or_figure")
    if "⟦cite⟧" in sent.text:
        found.append("citation")
    if _SECTION.search(text):
        found.append("section")
    return found


def claim_map(doc: Document, efficiency_claims: list[dict], scale_claims: list[dict]) -> list[dict]:
    """The typed claims of the framing, in document order. Each is ``{text, file, line, column,
    types, resources, support}`` plus the sentence itself under ``_sentence`` (not serialised).
    Efficiency and scale claims are those ``analysis.evidence`` accepted (passed in, read once)."""
    efficiency = {(c["file"], c["line"], c["text"]): c["resources"] for c in efficiency_claims}
    scale = {(c["file"], c["line"], c["text"]) for c in scale_claims}
    out = []
    for p in doc.prose:
        if p.kind not in ("body", "item") or p.role not in FRAMING:
            continue
        for sent in p.sentences:
            tags = sent.tags
            types = [name for name, moves in _TYPES if any(m in tags for m in moves)]
            if not types or not is_own_claim(sent, doc):
                continue
            where = place(doc, sent)
            key = (where["file"], where["line"], where["text"])
            if "efficiency" in types and key not in efficiency:
                types.remove("efficiency")  # an efficiency word the evidence reader did not take as a claim
            if "scale" in types and key not in scale:
                types.remove("scale")
            if not types:
                continue
            out.append({**where, "types": types, "resources": efficiency.get(key, []), "support": _support(sent),
                        "_sentence": sent})
            if len(out) >= MAX_CLAIMS:
                return out
    return out


def public(claims: list[dict]) -> list[dict]:
    """The claims as the JSON shows them (without the sentence objects)."""
    return [{k: v for k, v in c.items() if not k.startswith("_")} for c in claims]
