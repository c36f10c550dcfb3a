"""Inline suppression directives in ``%`` comments.

    % texlint: disable=C203,hype-word -- reason       (this line)
    % texlint: disable-next-line=C203                (the next line)
    % texlint: off [=C203,...]  ...  % texlint: on   (a region; all rules or the listed ones)
    % texlint: disable-file=C203                     (the whole file)

Ids may be codes, names, prefixes or categories. Each directive remembers whether it
suppressed anything, so the opt-in ``unused-suppression`` rule can report stale ones.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from texlint.engine.finding import Finding
from texlint.latex.model import Document

_ANY_DIRECTIVE = re.compile(r"^\s*texlint\s*:", re.I)
_DIRECTIVE = re.compile(
    r"^\s*texlint\s*:\s*(disable-next-line|disable-file|disable|off|on)\b\s*(?:=\s*([^\s-][^-]*?|[A-Za-z0-9_,\s-]*?))?\s*(?:--\s*(.*))?$"
)


@dataclass
class Directive:
    kind: str  # disable, disable-next-line, disable-file, off, on; "invalid" when unreadable
    ids: tuple[str, ...]  # empty: all rules
    file: str
    line: int
    end_line: int = 0  # for regions
    reason: str = ""
    offset: int = 0
    used: bool = False

    def covers(self, finding: Finding, registry) -> bool:
        if self.kind == "invalid":
            return False  # a directive texlint cannot read suppresses nothing (rule W591 reports it)
        loc = finding.location
        if loc.file != self.file:
            return False
        if self.kind == "disable" and loc.line != self.line:
            return False
        if self.kind == "disable-next-line" and loc.line != self.line + 1:
            return False
        if self.kind == "off" and not (self.line <= loc.line <= self.end_line):
            return False
        if not self.ids:
            return True
        return any(_id_matches(i, finding, registry) for i in self.ids)


def _id_matches(ident: str, finding: Finding, registry) -> bool:
    ident = ident.strip()
    if ident.lower() == "all":
        return True
    if ident in (finding.rule, finding.name) or ident == finding.category:
        return True
    rule = registry.get(finding.rule) if registry is not None else None
    if rule is not None and ident in rule.aliases:
        return True
    return ident[:1].isalpha() and finding.rule.upper().startswith(ident.upper())


def parse_directives(doc: Document) -> list[Directive]:
    out: list[Directive] = []
    open_regions: dict[str, list[Directive]] = {}
    for c in sorted(doc.comments, key=lambda c: c.offset):
        text = c.text
        if "texlint" not in text:
            continue
        m = _DIRECTIVE.match(text.lstrip("%"))
        if not m:
            if _ANY_DIRECTIVE.match(text.lstrip("%")):  # "texlint: disbale=...", "texlint: on on on"
                loc = doc.location(c.offset)
                out.append(Directive("invalid", (), loc.file, loc.line, reason=" ".join(text.lstrip("%").split()),
                                     offset=c.offset))
            continue
        kind, ids_text, reason = m.group(1), m.group(2) or "", (m.group(3) or "").strip()
        ids = tuple(i.strip() for i in ids_text.split(",") if i.strip())
        loc = doc.location(c.offset)
        if kind == "on":
            for d in open_regions.pop(loc.file, []):
                d.end_line = loc.line
            continue
        d = Directive(kind, ids, loc.file, loc.line, reason=reason, offset=c.offset)
        if kind == "off":
            d.end_line = 10**9
            open_regions.setdefault(loc.file, []).append(d)
        out.append(d)
    return out


def apply(findings: list[Finding], directives: list[Directive], registry) -> list[Finding]:
    """Drop suppressed findings (marking the directives that did it)."""
    if not directives:
        return findings
    kept = []
    for f in findings:
        hit = False
        for d in directives:
            if d.covers(f, registry):
                d.used = True
                hit = True
        if not hit:
            kept.append(f)
    return kept
