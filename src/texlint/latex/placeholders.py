"""Placeholders that stand in prose for LaTeX constructs that are not words.

Inline math becomes ``⟦math⟧``, display math ``⟦eq⟧``, a citation ``⟦cite⟧``, a
cross-reference ``⟦ref⟧`` and a URL ``⟦url⟧``. They keep sentences grammatical for the NLP
stage (a citation still reads as a noun phrase), map back to the whole LaTeX construct in the
source map, and are one token each in the tokenizer.
"""

import re

MATH = "⟦math⟧"
EQ = "⟦eq⟧"
CITE = "⟦cite⟧"
REF = "⟦ref⟧"
URL = "⟦url⟧"

ALL = (MATH, EQ, CITE, REF, URL)
PLACEHOLDER_RE = re.compile(r"⟦(?:math|eq|cite|ref|url)⟧")


def is_placeholder(text: str) -> bool:
    return PLACEHOLDER_RE.fullmatch(text) is not None
