"""Hover text for a diagnostic: the rule's explanation as Markdown.

The same documentation ``texlint explain`` prints (``Rule.doc_dict()``, carried by the lint's
``DocResult.rule_docs``, so user packs and plugins explain themselves too): what it flags, why
it matters, the reviewer question, a bad and a good example, how to fix.
"""

from __future__ import annotations


def _fence(text: str) -> str:
    body = text.strip("\n")
    ticks = "```"
    while ticks in body:
        ticks += "`"
    return f"{ticks}latex\n{body}\n{ticks}"


def rule_markdown(doc: dict, question: str = "") -> str:
    """The explanation of one rule (``doc`` is ``Rule.doc_dict()``); ``question`` is the
    finding's own reviewer question, when it has one."""
    head = f"**{doc.get('code', '')} {doc.get('name', '')}**"
    meta = ", ".join(x for x in (doc.get("category"), doc.get("severity")) if x)
    parts = [head + (f" ({meta})" if meta else "")]
    if doc.get("summary"):
        parts.append(doc["summary"])
    if doc.get("why"):
        parts.append(f"**Why it matters.** {doc['why']}")
    q = question or doc.get("question") or ""
    if q:
        parts.append(f"**Reviewer question.** {q}")
    if doc.get("bad"):
        parts.append("**Bad**\n\n" + _fence(doc["bad"]))
    if doc.get("good"):
        parts.append("**Good**\n\n" + _fence(doc["good"]))
    if doc.get("fix"):
        parts.append(f"**How to fix.** {doc['fix']}")
    parts.append(f"`texlint explain {doc.get('code', '')}` prints this; "
                 f"`% texlint: disable-next-line={doc.get('code', '')} -- reason` silences one line.")
    return "\n\n".join(parts)
