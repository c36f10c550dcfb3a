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
from texlint.util import prefilter

FRAMING = ("abstract", "introduction", "conclusion")
_TYPES = (("performance", ("sota", "comparison")), ("efficiency", ("efficiency_claim",)), ("scale", ("scale_claim",)),
          ("novelty", ("novelty",)), ("causal", ("strong_claim",)), ("significance", ("significance",)))
_TABLE_FIG = prefilter.compile(r"\b(Table|Tab\.|Figure|Fig\.)\s*⟦ref⟧|\b(Table|Tab\.|Figure|Fig\.)\s*\d", re.I)
_SECTION = prefilter.compile(r"\b(Section|Sec\.|§|Appendix|App\.|Chapter)\s*(⟦ref⟧|\d|[A-Z]\b)", re.I)
#: what makes a summarised claim checkable in itself: a number or formula, a named benchmark ("on CC3M",
#: "for the OneCommon task"), a bare cross-reference (\cref)
_NUMBER = prefilter.compile(r"\d|⟦math⟧")
_BENCHMARK = prefilter.compile(r"\b(on|for|in|of) (the )?[A-Z][\w-]*[A-Z0-9][\w-]*\b")
MAX_CLAIMS = 60


#: a state-of-the-art claim (C204 and the claim map's ``performance`` type read the same words)
_SOTA = prefilter.compile(r"\bstate[- ]of[- ]the[- ]art (([\w-]+ ){0,2}?(results?|performance|accuracy)|on)\b|\bnew state[- ]of[- ]the[- ]art\b|"
                   r"\b(outperform\w*|surpass\w*|beats?|improv\w*|exceed\w*) (the )?(previous |prior |current |existing )?"
                   r"state[- ]of[- ]the[- ]art\b|"
                   r"\bachiev\w* (the )?(state[- ]of[- ]the[- ]art|sota|best)\b|\b(sets?|establish\w*) (a )?new (state[- ]of|record|sota)\b|"
                   r"\boutperform\w* all\b|\bbeats? all\b|\bsurpass\w* all\b|\bsuperior to all\b|\bsota\b", re.I)
_SOTA_ADJECTIVE = prefilter.compile(r"\s*(\(\w+\)\s*)?(llms?|models?|systems?|methods?|baselines?|approaches|detectors?|"
                             r"networks?|architectures?|language models?|vlms?)\b", re.I)
_BEATS_BEFORE = prefilter.compile(r"\b(outperform\w*|beat\w*|surpass\w*|exceed\w*|better than|superior to|rival\w*|match\w*)\W+(\w+\W+){0,3}$", re.I)


def sota_claim(text: str):
    """The state-of-the-art claim in ``text`` (a match), or None; "even SOTA LLMs refuse" names the
    models evaluated and is not one."""
    m = _SOTA.search(text)
    if m and re.match(r"(sota|state)", m.group(0), re.I) and _SOTA_ADJECTIVE.match(text, m.end()) \
            and not _BEATS_BEFORE.search(text[:m.start()]):
        return None
    return m


def _support(sent: Sentence) -> list[str]:
    """What backs a claim: a table, figure or section pointer in its paragraph (the sentence and
    its neighbours), a citation in it, and its own specifics (a number, a named benchmark, a
    cross-reference)."""
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
    if _NUMBER.search(sent.text):
        found.append("number")
    if _BENCHMARK.search(sent.text):
        found.append("named_benchmark")
    if "⟦ref⟧" in sent.text and not {"table_or_figure", "section"} & set(found):
        found.append("reference")  # a cross-reference the sentence does not name (\cref{tab:main})
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
            if "performance" not in types and sota_claim(sent.text):
                types.insert(0, "performance")  # "improves state-of-the art accuracy": the words the tagger's list lacks
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
