"""Venue profile and review mode, from config or from the style file the paper loads.

Venue rules (ACL's mandatory Limitations section, the NeurIPS checklist, ICML's impact
statement, double-blind checks) need to know where the paper is going; most papers say it
with ``\\usepackage{neurips_2024}`` or ``\\documentclass{aaai25}``. ``style_name`` and
``style_year`` tell rules which edition of a venue's kit the paper uses (requirements such as
ACL's Limitations section or ICML's impact statement only exist from a given year on).
"""

from __future__ import annotations

import re

from texlint.latex.model import Document

_PATTERNS = [
    ("neurips", re.compile(r"^(neurips|nips)[_\d]*", re.I)),
    ("iclr", re.compile(r"^iclr\d*", re.I)),
    ("icml", re.compile(r"^icml\d*", re.I)),
    ("colm", re.compile(r"^colm\d*", re.I)),
    # ``arr`` alone would match array/arrows; ARR papers load acl.sty anyway.
    ("acl", re.compile(r"^(acl|acl_natbib|acl\d{4}|naacl\w*|emnlp\w*|eacl\w*|aacl\w*|coling\w*|tacl\w*)$", re.I)),
    ("cvpr", re.compile(r"^(cvpr|iccv|eccv|wacv)\w*", re.I)),
    ("aaai", re.compile(r"^aaai\d*$", re.I)),
]


def style_name(doc: Document, venue: str | None = None) -> str:
    """The class or package that names the venue (``neurips_2024``, ``acl``, ``aaai25``), or ''."""
    names = [doc.documentclass] + list(doc.packages)
    for v, rx in _PATTERNS:
        if venue is not None and v != venue:
            continue
        for n in names:
            if n and rx.match(n.strip()):
                return n.strip()
    return ""


def style_year(name: str) -> int | None:
    """The edition year in a style name: neurips_2024 -> 2024, aaai25 -> 2025, acl -> None."""
    m = re.search(r"(?<!\d)(19|20)(\d\d)(?!\d)", name)
    if m:
        return int(m.group(1) + m.group(2))
    m = re.search(r"(?<!\d)(\d\d)(?!\d)", name)
    if m:
        return 2000 + int(m.group(1))
    return None


def detect_venue(doc: Document) -> str:
    names = [doc.documentclass] + list(doc.packages)
    for venue, rx in _PATTERNS:
        for n in names:
            if n and rx.match(n.strip()):
                return venue
    return "generic"


def _style_options(doc: Document) -> set[str]:
    opts: set[str] = set()
    for n, o in doc.packages.items():
        if any(rx.match(n) for _, rx in _PATTERNS):
            opts |= {x.strip() for x in o}
    opts |= {x.strip() for x in doc.class_options}
    return opts


def detect_review(doc: Document, venue: str) -> bool:
    """Is this the anonymous submission version (double-blind review)?

    Mirrors what each style file does: the switches are package options in recent kits and
    ``\\xxxfinalcopy`` macros (uncommented for the camera-ready) in older ones.
    """
    opts = _style_options(doc)
    code = [f.code for f in doc.files]
    raw = [f.text for f in doc.files]

    def used(macro: str) -> bool:  # an uncommented use of \macro
        rx = re.compile(re.escape(macro) + r"(?![A-Za-z@])")
        return any(rx.search(t) for t in code)

    def mentioned(macro: str) -> bool:  # present, even commented out (an old template)
        return any(macro in t for t in raw)

    if venue == "neurips":
        if used("\\nipsfinalcopy") or used("\\neuripsfinalcopy"):
            return False
        return not (opts & {"final", "preprint", "nonatbib_final", "sglblindworkshop"})
    if venue == "iclr":
        return not used("\\iclrfinalcopy") and not (opts & {"final", "preprint"})
    if venue == "colm":
        return not used("\\colmfinalcopy") and not (opts & {"final", "preprint"})
    if venue == "icml":
        return "accepted" not in opts and "preprint" not in opts
    if venue == "acl":
        if "review" in opts:
            return True
        if opts & {"final", "preprint"}:
            return False
        # ACL 2016-2020 kits: anonymous unless \aclfinalcopy is uncommented.
        return mentioned("\\aclfinalcopy") and not used("\\aclfinalcopy")
    if venue == "cvpr":
        if "review" in opts:
            return True
        if opts & {"final", "pagenumbers"}:
            return False
        # Kits up to 2021 (\cvprfinalcopy, \iccvfinalcopy): the review copy unless uncommented.
        # Kits since 2022 use package options and default to the camera-ready.
        finals = ("\\cvprfinalcopy", "\\iccvfinalcopy", "\\wacvfinalcopy", "\\eccvfinalcopy")
        if any(used(m) for m in finals):
            return False
        return any(mentioned(m) for m in finals)
    if venue == "aaai":
        return "submission" in opts or "anonymous" in doc.root.path.name.lower()
    return False
