"""Run the active rules over a document and finish their findings.

Order: choose rules from config -> NLP only if a chosen rule needs it -> rules -> severities
and per-file ignores -> inline suppressions -> fingerprints -> baseline -> sorted findings.
"""

from __future__ import annotations

import itertools
import time
from dataclasses import dataclass, replace
from typing import Iterable

from texlint.engine.baseline import fingerprint_all
from texlint.engine.context import Context
from texlint.engine.finding import Finding
from texlint.engine.registry import Registry
from texlint.engine.rule import Rule
from texlint.engine.settings import Config
from texlint.engine.suppress import apply, parse_directives
from texlint.latex.model import Document
from texlint.nlp.pipeline import get_nlp
from texlint.util.timing import Timer


def active_rules(registry: Registry, cfg: Config) -> list[type[Rule]]:
    """Rules selected by the config: select (or the defaults) + extend-select - ignore."""
    if cfg.select is None:
        chosen = {r.code for r in registry if r.default}
    else:
        chosen = {r.code for sel in cfg.select for r in registry.matching(sel)}
    for sel in cfg.extend_select:
        chosen |= {r.code for r in registry.matching(sel)}
    for sel in cfg.ignore:
        chosen -= {r.code for r in registry.matching(sel)}
    return [r for r in registry if r.code in chosen]


def _options_for(rule: type[Rule], cfg: Config) -> dict:
    out = {}
    for ident, opts in cfg.options.items():
        if Rule.matches(rule, ident):  # type: ignore[arg-type]
            out.update(opts)
    return out


def _severity_for(rule_code: str, rule: type[Rule] | None, cfg: Config, default: str) -> str:
    if not cfg.severity:
        return default
    for ident, sev in cfg.severity.items():
        if rule is not None and Rule.matches(rule, ident):  # type: ignore[arg-type]
            return sev
        if ident == rule_code:
            return sev
    return default


@dataclass
class LintResult:
    findings: list[Finding]
    suppressed: int = 0
    baselined: int = 0


def run_rules(doc: Document, registry: Registry, cfg: Config, timer: Timer | None = None,
              venue: str = "generic", review: bool = False, inline_suppress: bool = True,
              baseline: set[str] | None = None, rules: list[type[Rule]] | None = None) -> LintResult:
    """Run ``rules`` (default: those the config selects) over a document whose prose has been
    analysed if any of them ``needs_nlp`` (the caller's job: see ``texlint.app.run``)."""
    timer = timer or Timer()
    if rules is None:
        rules = active_rules(registry, cfg)
    nlp = get_nlp(cfg.nlp_model) if any(r.needs_nlp for r in rules) else None
    ctx = Context(doc, venue=venue, review=review, config=cfg, registry=registry, nlp=nlp)
    raw: list[Finding] = []
    late: list[Rule] = []
    with timer.stage("rules"):
        for cls in rules:
            rule = cls(_options_for(cls, cfg))
            if rule.runs_last:
                late.append(rule)
                continue
            ctx.rule = rule
            t0 = time.perf_counter()
            raw.extend(_bounded(_complete(rule.check(doc, ctx), rule), rule, ctx))
            timer.rules[rule.code] = timer.rules.get(rule.code, 0.0) + time.perf_counter() - t0
        findings = _finish(raw, registry, cfg)
        suppressed = 0
        directives = []
        if inline_suppress:
            directives = parse_directives(doc)
            before = len(findings)
            findings = apply(findings, directives, registry)
            suppressed = before - len(findings)
        ctx.directives = directives
        for rule in late:  # e.g. unused-suppression reads which directives were used
            ctx.rule = rule
            findings.extend(_finish(list(_bounded(_complete(rule.check(doc, ctx), rule), rule, ctx)), registry, cfg))
        findings = fingerprint_all(sorted(findings, key=Finding.sort_key))
        baselined = 0
        if baseline is not None:
            before = len(findings)
            findings = [f for f in findings if f.fingerprint not in baseline]
            baselined = before - len(findings)
    return LintResult(findings, suppressed, baselined)


#: Findings one rule may report in one document; past it, one finding says how many were cut
#: (100,000 undefined references would otherwise cost gigabytes and help nobody).
MAX_FINDINGS_PER_RULE = 1000


def _bounded(found: Iterable[Finding], rule: Rule, ctx: Context) -> list[Finding]:
    out = list(itertools.islice(found, MAX_FINDINGS_PER_RULE + 1))
    if len(out) > MAX_FINDINGS_PER_RULE:
        out = out[:MAX_FINDINGS_PER_RULE]
        out.append(ctx.document_finding(f"more than {MAX_FINDINGS_PER_RULE} findings of {rule.code} {rule.name} in this "
                                        "document: the rest are not reported"))
    return out


def _complete(found: Iterable[Finding], rule: Rule) -> Iterable[Finding]:
    for f in found:
        yield replace(f, rule=f.rule or rule.code, name=f.name or rule.name, category=f.category or rule.category,
                      question=f.question or rule.question)


def _finish(found: list[Finding], registry: Registry, cfg: Config) -> list[Finding]:
    out = []
    for f in found:
        rule = registry.get(f.rule)
        sev = _severity_for(f.rule, rule, cfg, f.severity)
        ignored = cfg.ignored_for(f.location.file)
        if ignored and rule is not None and any(Rule.matches(rule, i) for i in ignored):  # type: ignore[arg-type]
            continue
        out.append(replace(f, severity=sev))
    return out
