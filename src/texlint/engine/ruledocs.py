"""Rule documentation rendered from the rules themselves: ``texlint explain`` and docs/rules.md.

One source (the rule's attributes or its TOML table), one template: What it flags / Why it
matters / Bad / Good / How to fix / Options. A test regenerates docs/rules.md and fails when
the committed file is stale (``python -m texlint.checks.catalog > docs/rules.md`` refreshes it).
"""

from __future__ import annotations

_FIXABLE = {
    "safe": "yes, safely: `texlint --fix` makes the edit (it changes only the finding's characters, never what the "
            "document means); the editor offers it as a quick fix.",
    "unsafe": "yes, with `texlint --fix --unsafe-fixes` (the edit may change what the document says: review it, "
              "or see it first with `--diff --unsafe-fixes`).",
}


def explain_text(rule) -> str:
    scopes = f"   scopes: {', '.join(rule.scopes)}" if rule.scopes else ""
    lines = [f"{rule.code} {rule.name}",
             f"category: {rule.category}   severity: {rule.severity}   "
             f"{'on' if rule.default else 'off'} by default{scopes}",
             "", "What it flags", f"  {rule.summary}", "", "Why it matters", f"  {rule.why}"]
    if rule.bad:
        lines += ["", "Bad"] + [f"  {ln}" for ln in rule.bad.strip("\n").splitlines()]
    if rule.good:
        lines += ["", "Good"] + [f"  {ln}" for ln in rule.good.strip("\n").splitlines()]
    if rule.fix:
        lines += ["", "How to fix", f"  {rule.fix}"]
    if rule.fixable:
        lines += ["", "Fixable", f"  {_FIXABLE[rule.fixable]}"]
    if rule.question:
        lines += ["", "Reviewer question", f"  {rule.question}"]
    if rule.options:
        lines += ["", "Options"] + [f"  {k} = {v!r}" for k, v in rule.options.items()]
    if rule.accuracy:
        lines += ["", "Measured", f"  {rule.accuracy}"]
    return "\n".join(lines)


def rules_markdown(registry) -> str:
    rules = list(registry)
    out = ["# Rule reference", "",
           "Generated from the rules themselves (`python -m texlint.checks.catalog > docs/rules.md`); "
           "a test fails when this file is stale. `texlint explain ID` prints the same text.", "",
           "| code | name | category | severity | default | fix | what it flags |",
           "|---|---|---|---|---|---|---|"]
    for r in rules:
        summary = r.summary.replace("|", "\\|")
        out.append(f"| [{r.code}](#{r.code.lower()}-{r.name}) | {r.name} | {r.category} | {r.severity} | "
                   f"{'on' if r.default else 'off'} | {r.fixable or ''} | {summary} |")
    for r in rules:
        out += ["", f"## {r.code} {r.name}", "",
                f"*{r.category}*, {r.severity}, {'on' if r.default else 'off'} by default"
                + (f"; scopes: {', '.join(r.scopes)}" if r.scopes else ""),
                "", f"**What it flags.** {r.summary}", "", f"**Why it matters.** {r.why}"]
        if r.bad:
            out += ["", "**Bad**", "", "```latex", r.bad.strip("\n"), "```"]
        if r.good:
            out += ["", "**Good**", "", "```latex", r.good.strip("\n"), "```"]
        if r.fix:
            out += ["", f"**How to fix.** {r.fix}"]
        if r.fixable:
            out += ["", f"**Fixable.** {_FIXABLE[r.fixable]}"]
        if r.question:
            out += ["", f"**Reviewer question.** {r.question}"]
        if r.options:
            out += ["", "**Options.** " + ", ".join(f"`{k}` (default `{v!r}`)" for k, v in r.options.items())]
        if r.accuracy:
            out += ["", f"**Measured.** {r.accuracy}"]
    return "\n".join(out) + "\n"
