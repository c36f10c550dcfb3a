"""Document structure: empty sections and skipped heading levels."""

from __future__ import annotations

import re

from texlint.engine.registry import register
from texlint.engine.rule import Rule

_BIB_TITLES = re.compile(r"(?i)^\s*(references|bibliography|works cited|literature cited|appendi(x|ces)|supplementary( material)?|contents)\s*$")


def _children(doc, sec) -> bool:
    return any(s.parent is sec for s in doc.sections)


@register
class EmptySection(Rule):
    code = "L130"
    name = "empty-section"
    category = "latex"
    severity = "warning"
    summary = "A section heading with no text, no figure or table and no subsections under it."
    why = "An empty section is a placeholder left in the draft (often the conclusion); the PDF shows a bare heading."
    bad = "\\section{Method}\nWe propose a method.\n\\section{Conclusion}\n"
    good = "\\section{Method}\nWe propose a method.\n\\section{Experiments}\n\\subsection{Setup}\nWe use two datasets."
    fix = "Write the section, or remove the heading until it has content."
    options = {"min_words": 1}

    def check(self, doc, ctx):
        min_words = int(self.opts.get("min_words", 1))
        for sec in doc.sections:
            if sec.command in ("front", "abstract", "environment") or sec.level < 1:
                continue
            if _BIB_TITLES.match(sec.title or ""):
                continue
            if _children(doc, sec):
                continue
            if sec.word_count() >= min_words:
                continue
            if sec.displays or any(p.kind in ("caption", "footnote") for p in sec.prose):
                continue  # a listing, a figure's caption or a footnote is content
            if sec.level >= 4:
                continue  # \paragraph run-in headings
            what = "no text" if sec.word_count() == 0 else f"only {sec.word_count()} words"
            yield ctx.document_finding(f"section '{sec.title or '(untitled)'}' has {what}", section=sec)


@register
class SectionLevelJump(Rule):
    code = "L131"
    name = "section-level-jump"
    category = "latex"
    severity = "warning"
    summary = "A heading skips a level (\\section followed directly by \\subsubsection)."
    why = "The numbering shows a missing level (2.0.1) and the outline in the PDF bookmarks is broken."
    bad = "\\section{Method}\nText.\n\\subsubsection{Details}\nMore text."
    good = "\\section{Method}\nText.\n\\subsection{Details}\nMore text."
    fix = "Use the next level down (\\subsection), or add the missing intermediate heading."

    def check(self, doc, ctx):
        prev = None
        for sec in doc.sections:
            if sec.command in ("front", "abstract", "environment"):
                continue
            if sec.level >= 4 or not (sec.title or "").strip():
                continue  # \paragraph is a run-in heading at any depth; untitled: a macro body
            if prev is not None and sec.level > prev.level + 1 and prev.level >= 0:
                names = {1: "\\section", 2: "\\subsection", 3: "\\subsubsection", 0: "\\chapter"}
                yield ctx.document_finding(
                    f"{names.get(sec.level, sec.command)} '{sec.title}' follows {names.get(prev.level, prev.command)} "
                    f"'{prev.title}': a level is skipped", section=sec)
            prev = sec
