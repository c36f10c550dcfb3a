"""Whose claim is a sentence? The authors' own, or a report of cited work.

Claims rules (and declarative rules with ``own_claims_only = true``) only judge what the
authors claim themselves: "we/our", the method's own name, or an uncited sentence in the
parts of a paper where authors report their results. "X et al. show ..." is someone else's.
"""

from __future__ import annotations

import re

from texlint.latex.model import Document, Sentence
from texlint.nlp.first_person import first_person_singular

OWN_RESULT_ROLES = ("abstract", "experiments", "results", "analysis", "discussion", "conclusion")
_OWN = re.compile(r"\b(we|our|ours|us|my|this (paper|work|study|article|thesis)|the proposed|in this (paper|work))\b", re.I)
_PROPOSED_NAME = re.compile(
    r"\b(?:[Ww]e|[Tt]his (?:paper|work))\s+(?:propose|introduce|present|call|name|dub|term)s?\s+(?:a |an |the )?"
    r"(?:[a-z-]+ ){0,3}?(?:called |named |dubbed |termed )?([A-Z][A-Za-z0-9]*[A-Z0-9][\w-]*|[A-Z][a-z]+[A-Z][\w-]*|"
    r"[a-z]+\d[a-z\d]*\b(?=[-\w]*,? (?:a|an|the|which|that)\b))")  # "we present lib2vec, a framework ..."


#: "We develop amortized population Gibbs (APG) samplers": the acronym a proposal defines is the method's name
_PROPOSED_ACRONYM = re.compile(
    r"\b(?:[Ww]e|[Tt]his (?:paper|work))\s+(?:propose|introduce|present|develop|design|build)s?\s+(?:a |an |the )?"
    r"(?:[\w-]+ ){1,6}?\(([A-Z][\w-]*[A-Z0-9][\w-]*)\)")


def method_names(doc: Document) -> set[str]:
    """The method's own name(s): a title prefix ("FooNet: ..."), CamelCase text macros, "we propose FooNet",
    the acronym a proposal defines ("we develop amortized population Gibbs (APG) samplers")."""
    if doc.method_names is not None:
        return doc.method_names
    names: set[str] = set()
    if doc.title is not None:
        m = re.match(r"\s*([A-Z][\w-]{1,30})\s*[:\-–—]", doc.title.text)
        if m:
            names.add(m.group(1))
    for mac in doc.macros.values():
        exp = mac.expansion or ""
        if re.fullmatch(r"[A-Z][A-Za-z0-9-]{1,30}", exp) and any(c.isupper() for c in exp[1:]):
            names.add(exp)
    for sec in doc.sections:
        if sec.role in ("abstract", "introduction"):
            for p in sec.prose:
                for m in _PROPOSED_NAME.finditer(p.text):
                    names.add(m.group(1))
                # names are found in text by substring, so a two-letter acronym ("RI") would match inside words
                names.update(m.group(1) for m in _PROPOSED_ACRONYM.finditer(p.text) if len(m.group(1)) >= 3)
    doc.method_names = names
    return names


#: a sentence whose subject points back to the one before ("This shows, for the first time, that ...",
#: "Moreover, this is the first method that ...", "It needs no labels."): the claim belongs to whoever
#: made the previous one
_POINTS_BACK = re.compile(r"\s*(?:⟦math⟧\s*)?(?:(?:moreover|furthermore|also|in addition|additionally|finally|thus|hence|"
                         r"importantly|overall|together)\s*,?\s*)?(?:this|it)\s+(?:\w+ly\s+)?"
                         r"(?:is|was|shows|showed|demonstrates|demonstrated|proves|provides|gives|marks|makes|"
                         r"enables|allows|achieves|yields|needs|requires|combines|works|scales)\b", re.I)


#: other people's work as the sentence's subject, with no citation needed to say so ("Previous methods
#: in filtering style completely remove tokens", "Existing approaches always require ..."): not the
#: authors' claim even in a results section
_OTHERS_SUBJECT = re.compile(
    r"\s*(?:(?:however|moreover|in contrast|by contrast|unfortunately|traditionally|typically|notably)\s*,?\s*)?"
    r"(?:(?:most|many|some|all|the)\s+)?(?:previous|prior|existing|earlier|conventional|traditional|current|other)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:methods?|approaches|models|works?|studies|systems|techniques|algorithms|solutions|"
    r"frameworks|researchers|authors)\b", re.I)


def _previous_sentence(sent: Sentence) -> Sentence | None:
    """The sentence before ``sent`` in its paragraph, or the last one of the paragraph before it in
    the same section (a bullet that follows "We propose X.")."""
    sents = sent.prose.sentences
    i = next((k for k, s in enumerate(sents) if s is sent), 0)
    if i > 0:
        return sents[i - 1]
    before = sent.prose.previous_paragraph()
    return before.sentences[-1] if before is not None else None


def is_own_claim(sent: Sentence, doc: Document, _depth: int = 0) -> bool:
    text = sent.text
    if _OWN.search(text) or first_person_singular(text):
        return True
    if any(n in text for n in method_names(doc)):
        return True
    if "⟦cite⟧" in text or _OTHERS_SUBJECT.match(text):
        return False
    if sent.role in OWN_RESULT_ROLES:
        return True
    if _depth < 3 and _POINTS_BACK.match(text):
        prev = _previous_sentence(sent)
        return prev is not None and is_own_claim(prev, doc, _depth + 1)
    return False
