"""A single author speaking ("In Chapter 3, I show ..."): theses are written in the first person
singular, and "I" is then the claimant the tagger and the claims rules look for."""

from __future__ import annotations

import re

#: a single author's "I" (theses) followed by a lower-case word, case-sensitive so a roman
#: numeral "(i)" is not one; "Type I error", "Phase I trial" are not either
_SINGULAR = re.compile(r"(?:(\w+)\s+)?(?<![(\w])I\s+[a-z]")
_NUMERAL_BEFORE = frozenset({"type", "phase", "class", "level", "part", "stage", "grade", "section", "chapter",
                             "table", "figure", "fig", "experiment", "study", "case", "model", "category",
                             "tier", "round", "step", "group", "lemma", "theorem", "appendix", "volume", "book"})


def first_person_singular(text: str) -> bool:
    """Whether a single author speaks ("In Chapter 3, I show ..."), not "Type I error" or "(i)"."""
    return any((m.group(1) or "").lower() not in _NUMERAL_BEFORE for m in _SINGULAR.finditer(text))
