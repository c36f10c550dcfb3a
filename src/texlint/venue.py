"""Venue profile and review mode, from config or from the style file the paper loads.

Venue rules (ACL's mandatory Limitations section, the NeurIPS checklist, ICML's impact
statement, double-blind checks) need to know where the paper is going; most papers say it
with ``\\usepackage{neurips_2024}`` or ``\\documentclass{aaai25}``.
"""

from __future__ import annotations

import re

from texlint.model import Document

_PATTERNS = [
    ("neurips", re.compile(r"^(neurips|nips)[_\d]*", re.I)),
    ("iclr", re.compile(r"^iclr\d*", re.I)),
    ("icml", re.compile(r"^icml\d*", re.I)),
    ("colm", re.compile(r"^colm\d*", re.I)),
    ("acl", re.compile(r"^(acl|acl_natbib|acl20\d\d|naacl\w*|emnlp\w*|eacl\w*|coling\w*|arr\w*)$", re.I)),
    ("cvpr", re.compile(r"^(cvpr|iccv|eccv|wacv)\w*", re.I)),
    ("aaai", re.compile(r"^aaai\d*", re.I)),
]


def detect_venue(doc: Document) -> str:
    names = [doc.documentclass] + list(doc.packages)
    for venue, rx in _PATTERNS:
        for n in names:
            if n and rx.match(n.strip()):
                return venue
    return "generic"


def detect_review(doc: Document, venue: str) -> bool:
    """Is this the anonymous submission version (double-blind review)?"""
    opts = set()
    for n, o in doc.packages.items():
        if any(rx.match(n) for _, rx in _PATTERNS):
            opts |= {x.strip() for x in o}
    opts |= {x.strip() for x in doc.class_options}
    text_has = lambda s: any(s in f.text for f in doc.files)  # noqa: E731
    if venue == "neurips":
        return not (opts & {"final", "preprint", "nonatbib_final"})
    if venue == "iclr" or venue == "colm":
        return not text_has("\\iclrfinalcopy") and not text_has("\\colmfinalcopy") and "final" not in opts
    if venue == "icml":
        return "accepted" not in opts and "preprint" not in opts
    if venue == "acl":
        return "review" in opts
    if venue == "cvpr":
        return "review" in opts
    if venue == "aaai":
        return "submission" in opts or "anonymous" in doc.root.path.name.lower()
    return False
