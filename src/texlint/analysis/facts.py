"""Evidence facts and the argument map of a document, with locations.

Argument and reviewer-gap rules ask the same questions ("are there error bars anywhere?",
"is efficiency measured?"), so the answers are computed once per document here, from the
model (prose, captions, table cells, sections, citations) and the tagger's moves. Each fact
is ``{"present": bool, "evidence": [{text, file, line, column}]}``; the argument map lists,
for each rhetorical move, the sentences that make it.

Vocabulary that decides a fact lives in ``analysis/vocab/facts.toml``; the logic is here.
"""

from __future__ import annotations

import enum
import re
from typing import Iterable

from texlint.analysis import evidence
from texlint.analysis.claim_map import claim_map
from texlint.latex.model import Document, Sentence
from texlint.util.memo import per_text
from texlint.util.recent import Recent, recent


class Fact(str, enum.Enum):
    """The evidence facts of a document, by name (the keys of ``doc.facts`` and of the JSON
    ``facts`` object). Rules name a fact by member, so a misspelt fact fails at import."""

    LIMITATIONS_SECTION = "limitations_section"
    LIMITATIONS_ACKNOWLEDGED = "limitations_acknowledged"
    ERROR_BARS = "error_bars"
    ABLATION = "ablation"
    BASELINES = "baselines"
    SEVERAL_DATASETS = "several_datasets"
    EFFICIENCY_MEASURED = "efficiency_measured"
    SEVERAL_SCALES = "several_scales"
    STATISTICAL_TEST = "statistical_test"
    CODE_RELEASE = "code_release"
    COMPUTE_RESOURCES = "compute_resources"
    EXPERIMENTS_SECTION = "experiments_section"
    EFFICIENCY_CLAIM = "efficiency_claim"
    SCALE_CLAIM = "scale_claim"
    THEOREMS = "theorems"
    ABSTRACT_NUMBERS = "abstract_numbers"


def has_fact(doc: Document, fact: Fact) -> bool:
    """Whether the analysis found evidence of ``fact`` in the document."""
    return bool((doc.facts.get(fact.value) or {}).get("present"))


def fact_evidence(doc: Document, fact: Fact) -> list[dict]:
    """The places that decided ``fact`` (empty when the paper lacks it)."""
    return list((doc.facts.get(fact.value) or {}).get("evidence") or [])


ARGUMENT_MOVES = ("phenomenon", "insight", "method_link", "novelty", "contribution", "impact", "gap", "aim",
                  "result", "limitation")
EVIDENCE_ROLES = ("experiments", "results", "analysis", "discussion", "appendix")
#: Where measurements are reported (captions and table cells count wherever they are).
MEASURE_ROLES = EVIDENCE_ROLES + ("method", "other", "limitations", "reproducibility")
MAX_EVIDENCE = 5


_rx = evidence.fact_pattern
_ev = evidence.place


def _fact(evidence: list[dict]) -> dict:
    return {"present": bool(evidence), "evidence": evidence[:MAX_EVIDENCE]}


def _sentences(doc: Document, roles: Iterable[str] | None = None, kinds=("body", "item", "caption", "footnote"),
               skip: Iterable[str] = ()):
    return evidence.sentences(doc, roles, kinds, skip=skip)


_MATCHES: Recent | None = None  # (fact pattern, sentence text) -> whether it matches, when remembered


def remember_matches(limit: int = 200_000) -> None:
    """Keep whether each fact pattern matched each sentence text (the language server: an edit
    re-reads only the sentences it changed)."""
    global _MATCHES
    _MATCHES = recent(limit)


def _search(doc: Document, name: str, roles=None, kinds=("body", "item", "caption", "footnote"),
            tables: bool = False) -> list[dict]:
    """The first sentences (then table cells) that fact pattern ``name`` matches, as evidence;
    never in cited work's sections (related work, background): "they train on 1024 cores" or
    "prior work uses five datasets" is no fact about the paper."""
    rx = _rx(name)
    ev = []
    memo = _MATCHES
    for sent in _sentences(doc, roles, kinds, evidence.NOT_OWN):
        text = evidence.sentence_text(sent)
        hit = memo.get((name, text)) if memo is not None else None
        if hit is None:
            hit = rx.search(text) is not None
            if memo is not None:
                memo.put((name, text), hit)
        if hit:
            ev.append(_ev(doc, sent))
            if len(ev) >= MAX_EVIDENCE:
                return ev
    if tables:
        for t in doc.tables:
            cells = list(t.cells())
            i = _first_cell(name, tuple(text for text, _ in cells))
            if i >= 0:
                ev.append(evidence.text_place(doc, *cells[i]))
            if len(ev) >= MAX_EVIDENCE:
                break
    return ev


@per_text
def _first_cell(name: str, texts: tuple[str, ...]) -> int:
    """The index of the first table cell the fact pattern ``name`` matches, or -1."""
    rx = _rx(name)
    return next((i for i, text in enumerate(texts) if text and rx.search(text)), -1)


def _tagged(doc: Document, move: str, roles=None, kinds=("body", "item")) -> list[Sentence]:
    return [s for s in _sentences(doc, roles, kinds) if move in s.tags]


def _numbers_in_abstract(doc: Document) -> list[dict]:
    """Numbers the abstract quotes (percentages, decimals, factors) and whether each reappears."""
    abstract = doc.abstract
    if abstract is None:
        return []
    rx = _rx("quoted_number")
    elsewhere_parts = []
    for p in doc.prose:
        if p.kind in ("body", "item") and p.role in ("abstract",):
            continue
        if p.kind == "title":
            continue
        elsewhere_parts.append(p.text)
        for ph in p.placeholders:
            if ph.payload and ph.kind in ("math", "eq"):
                elsewhere_parts.append(ph.payload[0])
    for t in doc.tables:
        elsewhere_parts.extend(text for text, _ in t.cells())
    elsewhere = " ".join(elsewhere_parts)
    out = []
    for sent in abstract.sentences():
        for m in rx.finditer(sent.text):
            num = m.group("num") or m.group("dec")
            if re.fullmatch(r"(19|20)\d\d", num):
                continue  # a year
            pattern = r"(?<![\d.])" + re.escape(num) + r"(?![\d])"
            found = re.search(pattern, elsewhere) is not None
            loc = doc.prose_location(sent.prose, sent.start + m.start(), sent.start + m.end())
            out.append({"number": m.group(0).strip(), "value": num, "found_elsewhere": found,
                        "text": " ".join(sent.text.split())[:300], "file": loc.file, "line": loc.line,
                        "column": loc.column, "_sentence": sent, "_start": m.start(), "_end": m.end()})
    return out


def _theorems(doc: Document) -> dict:
    thms = [c for c in doc.commands if c.name == "theorem-env" and c.args and c.args[0] in
            ("theorem", "lemma", "proposition", "corollary")]
    assumptions = [c for c in doc.commands if c.name == "theorem-env" and c.args and c.args[0] == "assumption"]
    stated = [c for c in thms if re.search(r"\b(assum|suppose|let|under|if)\b", c.text, re.I)]
    ev = []
    for c in thms[:MAX_EVIDENCE]:
        loc = doc.location(c.offset)
        ev.append({"text": f"{c.args[0]}: {c.text[:200]}", "file": loc.file, "line": loc.line, "column": loc.column})
    return {"present": bool(thms), "count": len(thms), "assumption_blocks": len(assumptions),
            "with_stated_assumptions": len(stated), "evidence": ev}


def extract_facts(doc: Document) -> dict:
    """All facts of the document (also fills ``doc.argument``, the resources, the scale
    envelope and the claims); sentence texts are read once for all of them."""
    with evidence.reading():
        return _extract_facts(doc)


def _extract_facts(doc: Document) -> dict:
    sections = doc.sections
    has_lim_section = [s for s in sections if s.role == "limitations"]
    lim_section_ev = [evidence.text_place(doc, s.title, s.offset) for s in has_lim_section[:MAX_EVIDENCE]]
    lim_sents = [s for s in _tagged(doc, "limitation") if s.role not in ("related_work", "background")]
    experiments = [s for s in sections if s.role in ("experiments", "results")]
    datasets = _search(doc, "several_datasets", None, tables=False)
    numbers = _numbers_in_abstract(doc)
    claims = evidence.efficiency_claims(doc)
    measured = evidence.efficiency_measurements(doc)
    doc.resources = evidence.resource_check(claims, measured)
    doc.scale_envelope = evidence.scale_envelope(doc)
    scale_claims = evidence.scale_claims(doc)
    doc.claims = claim_map(doc, claims, scale_claims)
    facts = {
        Fact.LIMITATIONS_SECTION.value: _fact(lim_section_ev),
        Fact.LIMITATIONS_ACKNOWLEDGED.value: _fact(lim_section_ev + [_ev(doc, s) for s in lim_sents[:MAX_EVIDENCE]]),
        Fact.ERROR_BARS.value: _fact(evidence.error_bars(doc)),
        Fact.ABLATION.value: _fact(evidence.ablations(doc)),
        Fact.BASELINES.value: _fact(evidence.baselines(doc)),
        Fact.SEVERAL_DATASETS.value: _fact(datasets),
        Fact.EFFICIENCY_MEASURED.value: _fact([e for r in evidence.COST_RESOURCES for e in measured.get(r, [])]),
        Fact.EFFICIENCY_CLAIM.value: _fact(claims),
        Fact.SEVERAL_SCALES.value: _fact(evidence.scale_experiments(doc)),
        Fact.SCALE_CLAIM.value: _fact(scale_claims),
        Fact.STATISTICAL_TEST.value: _fact(evidence.statistical_tests(doc)),
        Fact.CODE_RELEASE.value: _fact(evidence.releases(doc)),
        Fact.COMPUTE_RESOURCES.value: _fact(_search(doc, "compute_resources", None, tables=True)),
        Fact.EXPERIMENTS_SECTION.value: _fact([{"text": s.title, **_loc(doc, s.offset)} for s in experiments[:MAX_EVIDENCE]]),
        Fact.THEOREMS.value: _theorems(doc),
        Fact.ABSTRACT_NUMBERS.value: {"present": bool(numbers),
                             "numbers": [{k: v for k, v in n.items() if not k.startswith("_")} for n in numbers],
                             "evidence": [{k: n[k] for k in ("text", "file", "line", "column")} for n in numbers[:MAX_EVIDENCE]]},
    }
    doc.argument = {move: [{**_ev(doc, s), "role": s.role} for s in _tagged(doc, move, kinds=("body", "item"))[:20]]
                    for move in ARGUMENT_MOVES}
    doc.abstract_numbers = numbers
    return facts


def _loc(doc: Document, offset: int) -> dict:
    loc = doc.location(offset)
    return {"file": loc.file, "line": loc.line, "column": loc.column}
