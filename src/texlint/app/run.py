"""One lint run: paths -> root documents -> (config, load, NLP if needed, rules, summary) per
document -> a ``RunResult``.

Each root document is answered from the result cache when its entry is valid, else linted in
this process or (``--jobs N``) in worker processes. Whatever the route, a ``DocResult`` carries
the same things: the findings, the document summary (``app.summary``), the documentation of the
rules that found something, and, when a report shows source text (HTML), the sources. Reporters
receive a ``RunResult`` and only format it; the CLI only parses flags and calls ``run``.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Callable

from texlint.analysis.analyse import analyse
from texlint.app import cache
from texlint.app.batch import lint_parallel
from texlint.app.config import ConfigError, find_config, load_config, validate_ids
from texlint.app.summary import document_summary
from texlint.checks.catalog import build_registry
from texlint.engine.baseline import read_baseline
from texlint.engine.finding import SEVERITY_RANK, Finding
from texlint.engine.registry import Registry
from texlint.engine.runner import active_rules, run_rules
from texlint.engine.settings import Config
from texlint.latex.load import load_document
from texlint.latex.model import Document
from texlint.latex.venue_detection import detect_review, detect_venue
from texlint.nlp.annotate import annotate
from texlint.source.files import SourceFile, TEX_SUFFIXES
from texlint.source.project import InputError
from texlint.source.roots import find_root, find_roots_in_folder
from texlint.util.paths import display_path, is_within
from texlint.util.timing import Timer


@dataclass
class Options:
    """Command-line overrides and run switches."""

    select: list[str] | None = None
    extend_select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    venue: str | None = None
    review: bool | None = None
    fail_on: str | None = None
    config: Path | None = None
    root: Path | None = None
    inline_suppress: bool = True
    baseline: Path | None = None
    use_cache: bool = False  # the CLI turns the cache on; library calls get fresh results
    jobs: int = 1
    cache_dir: Path | None = None  # --cache-dir (else $TEXLINT_CACHE_DIR, else beside the root)
    need_sources: bool = False  # a report shows source text (HTML): cached and worker results carry the sources too
    progress: Callable | None = field(default=None, repr=False, compare=False)  # progress(doc_result, done, total)


@dataclass
class DocResult:
    root: str  # display path of the root document
    findings: list[Finding]
    doc: Document | None = None  # the model, for in-process runs only (not from the cache or workers)
    venue: str = "generic"
    review: bool = False
    timer: Timer = field(default_factory=Timer)
    suppressed: int = 0
    baselined: int = 0
    summary: dict[str, Any] = field(default_factory=dict)  # app.summary.document_summary
    rule_docs: dict[str, dict] = field(default_factory=dict)  # code -> Rule.doc_dict() of rules with findings
    sources: list[SourceFile] = field(default_factory=list)  # in-process always; cached or from workers with need_sources
    fail_on: str = "warning"  # the document's effective fail-on


@dataclass
class RunResult:
    documents: list[DocResult]
    fail_on: str = "warning"

    @property
    def findings(self) -> list[Finding]:
        return [f for d in self.documents for f in d.findings]

    @property
    def rule_docs(self) -> dict[str, dict]:
        """Documentation of every rule with a finding in this run (user packs and plugins too)."""
        out: dict[str, dict] = {}
        for d in self.documents:
            for code, doc in d.rule_docs.items():
                out.setdefault(code, doc)
        return out

    def counts(self) -> dict[str, int]:
        c = {"error": 0, "warning": 0, "info": 0}
        for f in self.findings:
            c[f.severity] = c.get(f.severity, 0) + 1
        return c

    def exit_code(self) -> int:
        if self.fail_on == "never":
            return 0
        limit = SEVERITY_RANK[self.fail_on]
        return 1 if any(SEVERITY_RANK[f.severity] >= limit for f in self.findings) else 0


# -- which documents ----------------------------------------------------------------------------

def collect_roots(paths: list[Path], root_override: Path | None = None) -> list[tuple[Path, set[Path] | None]]:
    """Root documents to lint, each with the files the user named (None: report everything)."""
    if root_override is not None:
        if not root_override.is_file():
            raise InputError(f"{root_override}: --root file does not exist")
        named = {Path(os.path.realpath(p)) for p in paths if Path(p).is_file()}
        rr = Path(os.path.realpath(root_override))
        return [(root_override, None if not named or named == {rr} else named)]
    order: list[Path] = []
    named_by_root: dict[Path, set[Path] | None] = {}
    for p in paths:
        p = Path(p)
        if not p.exists():
            raise InputError(f"{p}: no such file or directory")
        if p.is_dir():
            roots = find_roots_in_folder(p)
            if not roots:
                raise InputError(f"{p}: no LaTeX root document (a .tex file with \\documentclass) found")
            for r in roots:
                if r not in named_by_root:
                    order.append(r)
                named_by_root[r] = None
            continue
        if p.suffix.lower() not in TEX_SUFFIXES and p.suffix.lower() not in (".sty", ".cls", ".bib"):
            _sniff_latex(p)
        if p.suffix.lower() in (".bib", ".sty", ".cls"):
            continue
        root = Path(os.path.realpath(find_root(p)))
        real = Path(os.path.realpath(p))
        if root not in named_by_root:
            order.append(root)
            named_by_root[root] = set()
        files = named_by_root[root]
        if files is not None:
            if real == root:
                named_by_root[root] = None
            else:
                files.add(real)
    return [(r, named_by_root[r] or None) for r in order]


def _sniff_latex(p: Path) -> None:
    try:
        head = p.read_bytes()[:4096]
    except OSError as exc:
        raise InputError(f"{p}: cannot read ({exc.strerror or exc})") from None
    if b"\x00" in head or (b"\\" not in head and b"%" not in head):
        raise InputError(f"{p}: not a LaTeX file")


def effective_config(root: Path, opts: Options) -> Config:
    cfg_path = opts.config if opts.config is not None else find_config(root)
    if opts.config is not None and not opts.config.is_file():
        raise ConfigError(f"{opts.config}: config file does not exist")
    cfg = load_config(cfg_path)
    if opts.select is not None:
        cfg.select = opts.select
        cfg.ignore = []  # an explicit --select on the command line runs exactly those rules
    if opts.extend_select:
        cfg.extend_select = cfg.extend_select + opts.extend_select
    if opts.ignore:
        cfg.ignore = cfg.ignore + opts.ignore
    if opts.venue is not None:
        cfg.venue = opts.venue
    if opts.review is not None:
        cfg.review = opts.review
    if opts.fail_on is not None:
        cfg.fail_on = opts.fail_on
    return cfg


# -- one document ---------------------------------------------------------------------------------

def _registry(cfg: Config, registry_cache: dict | None) -> Registry:
    key = tuple(str(p) for p in cfg.rule_paths)
    registry = (registry_cache or {}).get(key)
    if registry is None:
        registry = build_registry(cfg.rule_paths)
        if registry_cache is not None:
            registry_cache[key] = registry
    return registry


def lint_root(root: Path, named: set[Path] | None, opts: Options, registry_cache: dict | None = None) -> DocResult:
    """Lint one root document in this process (findings in display paths, summary included)."""
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
    findings = result.findings
    folder = doc.project.folder
    if named:
        rels = {p.relative_to(folder).as_posix() for p in named if is_within(p, folder)}
        findings = [f for f in findings if f.location.file in rels or f.document_level]
    findings = [replace(f, location=replace(f.location, file=display_path(folder / f.location.file)))
                for f in findings]
    docs = {}
    for code in sorted({f.rule for f in result.findings}):
        rule = registry.get(code)
        if rule is not None and rule.code == code:
            docs[code] = rule.doc_dict()
    return DocResult(display_path(root), findings, doc, venue, review, timer, result.suppressed, result.baselined,
                     summary=document_summary(doc), rule_docs=docs,
                     sources=list(doc.files), fail_on=cfg.fail_on)


def run(paths: list[Path], opts: Options) -> RunResult:
    """Lint every root document under ``paths``: cache hits first, then the misses, in one
    process or (``opts.jobs > 1``) in worker processes; results keep the input order."""
    roots = collect_roots(paths, opts.root)
    results: list[DocResult | None] = [None] * len(roots)
    done = [0]

    def _progress(dr: DocResult) -> None:
        done[0] += 1
        if opts.progress is not None:
            opts.progress(dr, done[0], len(roots))

    pending: list[tuple[int, Path, set[Path] | None, str | None, Path | None]] = []
    for i, (r, named) in enumerate(roots):
        key = cdir = None
        if opts.use_cache:
            hit, key, cdir = cache_lookup(r, named, opts)
            if hit is not None:
                results[i] = hit
                _progress(hit)
                continue
        pending.append((i, r, named, key, cdir))
    if opts.jobs > 1 and len(pending) > 1:
        for i, dr in lint_parallel(pending, replace(opts, progress=None, jobs=1), _lint_detached, opts.jobs):
            results[i] = dr
            _progress(dr)
    else:
        registry_cache: dict = {}
        for i, r, named, key, cdir in pending:
            results[i] = lint_and_store(r, named, opts, registry_cache, key, cdir)
            _progress(results[i])
    docs = [d for d in results if d is not None]
    fail_on = opts.fail_on or (docs[0].fail_on if docs else "warning")
    return RunResult(docs, fail_on)


# -- result cache (texlint.app.cache) -------------------------------------------------------------

def _filter_named(findings: list[Finding], named: set[Path] | None, folder: Path) -> list[Finding]:
    """Keep findings in the files the user named (display paths), and document-level ones."""
    if not named:
        return findings
    shown = {display_path(p) for p in named if is_within(p, folder)}
    return [f for f in findings if f.location.file in shown or f.document_level]


def cache_lookup(root: Path, named: set[Path] | None, opts: Options):
    """(DocResult or None, key, cache folder) for one root; the key is None when not cacheable."""
    t0 = time.perf_counter()
    cfg = effective_config(root, opts)
    key = cache.make_key(root, cfg, opts.inline_suppress, opts.baseline)
    cdir = cache.cache_dir_for(root, opts.cache_dir)
    if key is None:
        return None, None, None
    entry = cache.lookup(cdir, key, sources=opts.need_sources)
    if entry is None:
        return None, key, cdir
    folder = Path(entry["folder"])
    timer = Timer()
    dr = DocResult(display_path(root), _filter_named(entry["findings"], named, folder), None, entry["venue"],
                   entry["review"], timer, entry["suppressed"], entry["baselined"], entry["summary"],
                   rule_docs=entry["rule_docs"], sources=entry.get("sources") or [], fail_on=cfg.fail_on)
    timer.stages["cache"] = time.perf_counter() - t0
    return dr, key, cdir


def lint_and_store(root: Path, named: set[Path] | None, opts: Options, registry_cache: dict | None,
                   key: str | None, cdir: Path | None) -> DocResult:
    """``lint_root``, writing the complete result to the cache when a key is given."""
    if key is None or cdir is None:
        return lint_root(root, named, opts, registry_cache)
    dr = lint_root(root, None, opts, registry_cache)
    cache.store(cdir, key, dr, dr.findings)
    if named:
        dr.findings = _filter_named(dr.findings, named, Path(dr.doc.project.folder))
    return dr


_WORKER_REGISTRIES: dict = {}  # per worker process: one registry per set of rule paths


def _lint_detached(root: Path, named: set[Path] | None, opts: Options, key: str | None,
                   cdir: Path | None) -> DocResult:
    """What a worker process runs for one document: lint (and store), then drop the document
    model, which does not cross processes (spaCy objects); the summary and sources stay."""
    dr = lint_and_store(root, named, opts, _WORKER_REGISTRIES, key, cdir)
    dr.doc = None
    if not opts.need_sources:
        dr.sources = []  # not worth sending back
    return dr
