"""One root document through every stage: load and parse, NLP and the analysis when a
selected rule needs them, the rules, the summary; then, with a cache key, the cache entry.

``texlint.app.run`` imports this module only when a document is not answered from the cache
(start-up: a cache hit needs no parser, no rules and no spaCy). Worker processes run
``lint_detached``.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from texlint.analysis.analyse import analyse, remember_tags
from texlint.analysis.facts import remember_matches
from texlint.app import cache
from texlint.app.config import effective_config, validate_ids
from texlint.app.result import DocResult, Options, shown
from texlint.app.summary import document_summary
from texlint.checks.catalog import build_registry
from texlint.engine.baseline import read_baseline
from texlint.engine.registry import Registry
from texlint.engine.runner import active_rules, run_rules
from texlint.engine.settings import Config
from texlint.latex.load import load_document
from texlint.latex.parse import remember_parses
from texlint.latex.venue_detection import detect_review, detect_venue
from texlint.nlp.annotate import annotate
from texlint.nlp.pipeline import remember_docs
from texlint.util.memo import remember_texts
from texlint.util.paths import display_path
from texlint.util.recent import new_lint
from texlint.util.timing import Timer


def _registry(cfg: Config, registry_cache: dict | None) -> Registry:
    key = tuple(str(p) for p in cfg.rule_paths)
    registry = (registry_cache or {}).get(key)
    if registry is None:
        registry = build_registry(cfg.rule_paths)
        if registry_cache is not None:
            registry_cache[key] = registry
    return registry


def describe_settings(root: Path, opts: Options) -> str:
    """The settings in effect for one root document (``--show-settings``), as TOML-like lines."""
    cfg = effective_config(root, opts)
    registry = _registry(cfg, None)
    validate_ids(cfg, registry)
    rules = active_rules(registry, cfg)
    lines = [f"# root document: {display_path(root)}",
             f"# config file: {cfg.source or '(none: defaults)'}"]
    for key in ("select", "extend_select", "ignore", "exclude", "venue", "review", "fail_on", "nlp_model"):
        lines.append(f"{key.replace('_', '-')} = {getattr(cfg, key)!r}")
    lines.append(f"rule-paths = {[str(p) for p in cfg.rule_paths]!r}")
    for name in ("severity", "per_file_ignores", "options"):
        lines.append(f"{name.replace('_', '-')} = {getattr(cfg, name)!r}")
    lines.append(f"# {len(rules)} rules run: " + ", ".join(r.code for r in rules))
    return "\n".join(lines)


def lint_root(root: Path, opts: Options, registry_cache: dict | None = None) -> DocResult:
    """Lint one root document in this process: every finding (in display paths, before the
    report filter of ``app.result.shown``), the summary, the rule docs and the sources."""
    new_lint()  # what is remembered between lints (the language server) and was not used lately goes
    cfg = effective_config(root, opts)
    registry = _registry(cfg, registry_cache)
    validate_ids(cfg, registry)
    baseline = read_baseline(opts.baseline) if opts.baseline is not None else None
    timer = Timer()
    doc = load_document(root, timer)
    venue = cfg.venue if cfg.venue not in (None, "auto") else detect_venue(doc)
    review = cfg.review if cfg.review is not None else detect_review(doc, venue)
    rules = active_rules(registry, cfg)
    if any(r.needs_nlp for r in rules):
        annotate(doc, timer, cfg.nlp_model)
        with timer.stage("nlp"):
            analyse(doc)
    result = run_rules(doc, registry, cfg, timer, venue=venue, review=review, rules=rules,
                       inline_suppress=opts.inline_suppress, baseline=baseline)
    folder = doc.project.folder
    findings = [_displayed(f, folder) for f in result.findings]
    docs = {}
    for code in sorted({f.rule for f in result.findings}):
        rule = registry.get(code)
        if rule is not None and rule.code == code:
            docs[code] = rule.doc_dict()
    return DocResult(display_path(root), findings, doc, venue, review, timer, result.suppressed, result.baselined,
                     summary=document_summary(doc), rule_docs=docs,
                     sources=list(doc.files), fail_on=cfg.fail_on, folder=str(folder))


def _displayed(f, folder: Path):
    """A finding (and its fix's edits) with files as display paths, as every report shows them."""
    shown_at = replace(f.location, file=display_path(folder / f.location.file))
    if f.fix is None:
        return replace(f, location=shown_at)
    edits = tuple(replace(e, file=display_path(folder / e.file), location=replace(e.location, file=display_path(folder / e.file)))
                  for e in f.fix.edits)
    return replace(f, location=shown_at, fix=replace(f.fix, edits=edits))


def lint_and_store(root: Path, named: set[Path] | None, opts: Options, registry_cache: dict | None,
                   key: str | None, cdir: Path | None) -> DocResult:
    """``lint_root``, writing the complete result to the cache when a key is given, then
    keeping the findings the report shows."""
    dr = lint_root(root, opts, registry_cache)
    if key is not None and cdir is not None:
        cache.store(cdir, key, dr, dr.findings)
    dr.findings = shown(dr.findings, named, Path(dr.folder), effective_config(root, opts), opts.force_exclude)
    return dr


_WORKER_REGISTRIES: dict = {}  # per worker process: one registry per set of rule paths


def lint_detached(root: Path, named: set[Path] | None, opts: Options, key: str | None,
                   cdir: Path | None) -> DocResult:
    """What a worker process runs for one document: lint (and store), then drop the document
    model, which does not cross processes (spaCy objects); the summary and sources stay."""
    dr = lint_and_store(root, named, opts, _WORKER_REGISTRIES, key, cdir)
    dr.doc = None
    if not opts.need_sources:
        dr.sources = []  # not worth sending back
    return dr


def remember_between_lints(on: bool = True) -> None:
    """For a process that lints the same documents again and again (the language server):
    keep each file's parse, each paragraph's annotation, each passage's moves and each text's
    scans (``util.memo.per_text``), keyed by their text, so an edit recomputes only what it changed. Results are the same as a fresh
    lint's (tests/test_incremental.py)."""
    remember_parses(1000 if on else 0)
    remember_docs(10_000 if on else 0)
    remember_tags(20_000 if on else 0)
    remember_matches(200_000 if on else 0)
    remember_texts(50_000 if on else 0)
