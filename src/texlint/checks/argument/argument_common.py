"""Shared helpers of the argument rules (story, claims, reviewer gaps).

Kept apart from the rules so each rule module stays a list of small classes: what counts as
the paper's own claim, the method's own name, an empirical paper, and a nearby citation.
"""

from __future__ import annotations

import re
from functools import lru_cache

from texlint.analysis.claimant import is_own_claim, method_names  # noqa: F401  (re-exported for rules)
from texlint.latex.model import Document, Sentence

CLAIM_ROLES = ("abstract", "introduction", "method", "experiments", "results", "analysis", "discussion", "conclusion")


def neighbours(sent: Sentence, before: int = 1, after: int = 1) -> list[Sentence]:
    sents = sent.prose.sentences
    i = sents.index(sent)
    return sents[max(0, i - before):i] + sents[i + 1:i + 1 + after]


_POINTER = r"⟦ref⟧|\b(Table|Tab\.|Figure|Fig\.|Section|Sec\.|Appendix)\s*[A-Z0-9]"
_SUPPORT = re.compile(r"⟦cite⟧|" + _POINTER, re.I)
_POINTS = re.compile(_POINTER, re.I)


def supported_nearby(sent: Sentence) -> bool:
    """A table/figure/section reference or a citation anywhere in the sentence's paragraph."""
    return any(_SUPPORT.search(s.text) for s in sent.prose.sentences)


def points_to_results(text: str) -> bool:
    """A table, figure, section or appendix reference in ``text`` (the evidence a reader weighs a
    claim against; a citation is someone else's)."""
    return _POINTS.search(text) is not None


def is_empirical(doc: Document) -> bool:
    """An empirical paper: it has an experiments/results part or tables of numbers."""
    if any(s.role in ("experiments", "results") for s in doc.sections):
        return True
    return sum(1 for t in doc.tables if sum(1 for c, _ in t.cells() if re.search(r"\d", c or "")) >= 4) >= 1


def is_paper(doc: Document) -> bool:
    """Story rules need an abstract or an introduction to read."""
    return any(s.role in ("abstract", "introduction") for s in doc.sections)


@lru_cache(maxsize=1)
def _proposal_rx() -> re.Pattern:
    return re.compile(
        r"\b(we|this (paper|work))\b[^.]{0,40}\b(propose|proposes|introduce|introduces|present|presents|develop|develops|design)\b"
        r"[^.]{0,80}\b(method|approach|model|framework|algorithm|architecture|technique|loss|objective|module|"
        r"system|network|mechanism|strategy|procedure|pipeline|scheme|estimator|regulari[sz]er)\b", re.I)


def proposes_method(doc: Document) -> bool:
    rx = _proposal_rx()
    for sec in doc.sections:
        if sec.role not in ("abstract", "introduction"):
            continue
        for s in sec.sentences():
            if rx.search(s.text) or ("contribution" in s.tags and any(n in s.text for n in method_names(doc))):
                return True
    return False


def first_section(doc: Document, *roles: str):
    """The first section with the first of ``roles`` that the paper has (roles in priority order)."""
    for role in roles:
        for s in doc.sections:
            if s.role == role:
                return s
    return None
