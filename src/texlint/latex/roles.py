"""Section roles: what part of a paper a section is, from its title words and position.

Roles let rules say "in the introduction" or "anywhere in the experiments" whatever the
authors called the section. The first matching entry of ``_ROLE_WORDS`` wins; sections after
``\\appendix`` are ``appendix`` unless their title names a statement venues ask for
(limitations, broader impact, ethics, reproducibility, checklist) or related work (cited work
wherever it sits); subsections inherit their parent's role unless their own title is decisive.
"""

from __future__ import annotations

import re

_ROLE_WORDS: list[tuple[str, str]] = [
    ("checklist", r"\bchecklist\b"),
    ("acknowledgments", r"\backnowledge?ments?\b|\backnowledge?ment\b|\bfunding\b"),
    ("limitations", r"\blimitations?\b|\bshortcomings\b|\bthreats to validity\b"),
    ("broader_impact", r"\bbroader impacts?\b|\bsocietal impacts?\b|\bimpact statement\b|\bsocial impacts?\b"),
    ("ethics", r"\bethic(s|al)?\b"),  # "Ethic Statement" too
    ("reproducibility", r"\breproducibility\b"),
    ("abstract", r"^abstract$"),
    # a section of its own that lists the contributions is framing, as the introduction it follows is
    ("introduction", r"\bintroduction\b|^overview$|^motivation$|^((our|the) )?((main|key|principal) )?contributions?( of (this|the|our) (paper|work))?$"),
    ("related_work", r"\brelated (works?|literature|research|approaches|methods)\b|\b(prior|previous|existing) "
                     r"(works?|literature|art|approaches|methods|studies|research)\b|\bliterature( review| survey)?$"
                     r"|^(a )?survey of\b|\bstate of the art\b"),
    ("background", r"\bbackground\b|\bpreliminar(y|ies)\b|\bproblem (setup|setting|formulation|statement|definition)\b|\bnotation\b|\bformulation\b"),
    ("conclusion", r"\bconclu(sion|sions|ding)\b|\bsummary\b|\bfuture (work|directions)\b|\bclosing remarks\b|^outlook$|^epilogue$"),
    ("discussion", r"\bdiscussion\b|\blessons learn(ed|t)\b"),
    ("analysis", r"\banalys[ie]s\b|\bablations?\b|\bcase stud(y|ies)\b|\bqualitative\b|\binterpretation\b|\bunderstanding\b"),
    ("results", r"\bresults?\b|\bfindings\b|\bevaluation\b|\bperformance\b|\bcomparison\b|\bbenchmark(s|ing)?\b"),
    ("experiments", r"\bexperiment(s|al)?\b|\bempirical\b|\bsetup\b|\bimplementation details\b|\bdatasets?\b|\bbaselines\b|\bsettings?\b|\buser stud(y|ies)\b|\bhyper-?parameters?\b"),
    ("method", r"\bmethods?\b|\bmethodology\b|\bapproach\b|\bmodel\b|\barchitecture\b|\balgorithms?\b|\bframework\b|\bproposed\b|\bour\b|\btheory\b|\btheoretical\b|\bdesign\b|\btraining\b"),
]
_COMPILED = [(role, re.compile(rx, re.I)) for role, rx in _ROLE_WORDS]
_ALWAYS_OWN = {"checklist", "acknowledgments", "limitations", "broader_impact", "ethics", "reproducibility"}


#: A title that names a single artifact the paper builds ("A Large-Scale ... Evaluation Dataset",
#: "The FooBench Benchmark"): the section describes it (the method part of a dataset paper),
#: whatever evaluation words the name contains.
_ARTIFACT = re.compile(r"^(?:[A-Z][\w-]*\s*:\s*)?(?:the|a|an|our)\b.*\b(?:dataset|benchmark|corpus|testbed|suite|resource)$",
                       re.I)


def role_from_title(title: str) -> str | None:
    t = re.sub(r"\s+", " ", title).strip()
    if _ARTIFACT.search(t) and role_from_title_words(t) in ("results", "experiments", "method", None):
        return "method"
    return role_from_title_words(t)


def role_from_title_words(t: str) -> str | None:
    for role, rx in _COMPILED:
        if rx.search(t):
            return role
    return None


_LATER = {"experiments", "results", "analysis", "discussion", "conclusion"}


#: Headings that may name either what is built or where it is tried out: the content decides.
_USES = re.compile(r"\b(applications?|use cases?|demonstrations?|deployments?|in practice|real[- ]world)\b", re.I)
_NUMBER = re.compile(r"(?<![\w.])\d+\.\d+|\b\d+(?:\.\d+)?\s?%")
_SHOWN_IN = re.compile(r"\b(?:Table|Tab\.|Figure|Fig\.)\s*⟦ref⟧")


def _reports_results(section, sections) -> bool:
    """A section whose title does not decide ("Applications", "Use cases") that reports results:
    measured numbers and a pointer to a table or figure in its text or its subsections'."""
    texts = [p.text for s in sections if s is section or s.parent is section for p in s.prose
             if p.kind in ("body", "item")]
    text = " ".join(texts)
    return len(_NUMBER.findall(text)) >= 3 and _SHOWN_IN.search(text) is not None


def own_name(title: str) -> str | None:
    """The paper's own name when its title starts with one ("FooNet: Fast ..." gives FooNet)."""
    m = re.match(r"\s*([A-Z][\w-]{1,30})\s*[:\-–—]", title or "")
    return m.group(1) if m else None


def assign_roles(sections, paper_title: str = "") -> None:
    """Set ``role`` on every section (in document order) from titles, depth and position.

    A section headed with the paper's own name ("FooNet: A Large-Scale ... Resource" in a
    paper titled "FooNet: ...") presents what the paper builds: its method part, whatever
    evaluation words the rest of the heading has."""
    name = own_name(paper_title)
    named = re.compile(r"\s*" + re.escape(name) + r"\s*(?:[:\-–—]|$)") if name else None
    real = [s for s in sections if s.command not in ("front", "abstract", "environment", "part")]
    top = min((s.level for s in real), default=1)
    seen: set[str] = set()
    for s in sections:
        if s.command in ("abstract", "environment") or s.role in ("abstract",) and s.command == "abstract":
            seen.add(s.role)
            continue
        if s.command == "front":
            continue
        own = role_from_title(s.title)
        if named is not None and own not in _ALWAYS_OWN and named.match(s.title or ""):
            own = "method"
        if own in _ALWAYS_OWN:
            s.role = own
        elif s.in_appendix:
            # cited work is cited work wherever it sits: an appendix "Related Work" and its
            # subsections describe others' methods and models, not the paper's own
            cited = own == "related_work" or (own is None and s.parent is not None and s.parent.role == "related_work")
            s.role = "related_work" if cited else "appendix"
        elif s.level > top and s.parent is not None and s.parent.role != "other":
            if own in ("results", "analysis", "limitations", "discussion", "conclusion", "related_work"):
                s.role = own
            else:
                s.role = s.parent.role
        elif own is not None:
            s.role = own
        elif "introduction" in seen and not (seen & _LATER):
            s.role = "experiments" if _USES.search(s.title or "") and _reports_results(s, sections) else "method"
        else:
            s.role = "other"
        if s.level <= top:
            seen.add(s.role)
