"""One lint run: paths -> root documents -> (config, load, rules) per document -> results.

Reporters receive ``RunResult`` and never run rules; the CLI only parses flags and calls this.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from texlint.config import Config, ConfigError, find_config, load_config, validate_ids
from texlint.model import SEVERITY_RANK, Document, Finding
from texlint.project import TEX_SUFFIXES, InputError, find_root, find_roots_in_folder
from texlint.timing import Timer


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
    need_documents: bool = False  # a reporter needs the full Document (html): no worker processes
    progress: Any = field(default=None, repr=False, compare=False)  # progress(doc_result, done, total)


@dataclass
class DocResult:
    root: str  # display path of the root document
    findings: list[Finding]
    doc: Document | None = None
    venue: str = "generic"
    review: bool = False
    timer: Timer = field(default_factory=Timer)
    suppressed: int = 0
    baselined: int = 0
    summary: dict[str, Any] = field(default_factory=dict)  # serialisable document model summary


@dataclass
class RunResult:
    documents: list[DocResult]
    fail_on: str = "warning"

    @property
    def findings(self) -> list[Finding]:
        return [f for d in self.documents for f in d.findings]

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


def display_path(path: Path) -> str:
    try:
        rel = os.path.relpath(path)
    except ValueError:
        return str(path)
    return str(path) if rel.startswith("..") else rel


def collect_roots(paths: list[Path], root_override: Path | None = None) -> list[tuple[Path, set[Path] | None]]:
    """Root documents to lint, each with the files the user named (None: report everything)."""
    if root_override is not None:
        if not root_override.is_file():
            raise InputError(f"{root_override}: --root file does not exist")
        named = {Path(os.path.realpath(p)) for p in paths if Path(p).is_file()}
        rr = Path(os.path.realpath(root_override))
        return [(root_override, None if not named or named == {rr} else named)]
    order: list[Path] = []
    named: dict[Path, set[Path] | None] = {}
    for p in paths:
        p = Path(p)
        if not p.exists():
            raise InputError(f"{p}: no such file or directory")
        if p.is_dir():
            roots = find_roots_in_folder(p)
            if not roots:
                raise InputError(f"{p}: no LaTeX root document (a .tex file with \\documentclass) found")
            for r in roots:
                if r not in named:
                    order.append(r)
                named[r] = None
            continue
        if p.suffix.lower() not in TEX_SUFFIXES and p.suffix.lower() not in (".sty", ".cls", ".bib"):
            _sniff_latex(p)
        if p.suffix.lower() in (".bib", ".sty", ".cls"):
            continue
        root = Path(os.path.realpath(find_root(p)))
        real = Path(os.path.realpath(p))
        if root not in named:
            order.append(root)
            named[root] = set()
        if named[root] is not None:
            if real == root:
                named[root] = None
            else:
                named[root].add(real)
    return [(r, named[r] or None) for r in order]


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


def lint_root(root: Path, named: set[Path] | None, opts: Options, registry_cache: dict | None = None) -> DocResult:
    from texlint.engine.registry import build_registry
    from texlint.engine.runner import run_rules
    from texlint.load import annotate, load_document
    from texlint.venue import detect_review, detect_venue

    cfg = effective_config(root, opts)
    key = tuple(str(p) for p in cfg.rule_paths)
    registry = (registry_cache or {}).get(key)
    if registry is None:
        registry = build_registry(cfg.rule_paths)
        if registry_cache is not None:
            registry_cache[key] = registry
    validate_ids(cfg, registry)
    baseline = None
    if opts.baseline is not None:
        from texlint.engine.baseline import read_baseline

        baseline = read_baseline(opts.baseline)
    timer = Timer()
    doc = load_document(root, timer)
    venue = cfg.venue if cfg.venue not in (None, "auto") else detect_venue(doc)
    review = cfg.review if cfg.review is not None else detect_review(doc, venue)

    def _annotate(d: Document) -> None:
        annotate(d, timer, cfg.nlp_model)
        from texlint.analysis import analyse

        with timer.stage("nlp"):
            analyse(d)

    result = run_rules(doc, registry, cfg, timer, venue=venue, review=review,
                       inline_suppress=opts.inline_suppress, baseline=baseline, annotate_fn=_annotate)
    findings = result.findings
    folder = doc.project.folder
    if named:
        rels = {p.relative_to(folder).as_posix() for p in named if _inside(p, folder)}
        findings = [f for f in findings if f.location.file in rels or f.document_level]
    findings = [replace(f, location=replace(f.location, file=display_path(folder / f.location.file)))
                for f in findings]
    dr = DocResult(display_path(root), findings, doc, venue, review, timer, result.suppressed, result.baselined)
    dr.fail_on = cfg.fail_on  # type: ignore[attr-defined]
    return dr


def _inside(p: Path, folder: Path) -> bool:
    try:
        p.relative_to(folder)
        return True
    except ValueError:
        return False


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
    if opts.jobs > 1 and len(pending) > 1 and not opts.need_documents:
        from texlint.batch import lint_parallel

        for i, dr in lint_parallel(pending, opts):
            results[i] = dr
            _progress(dr)
    else:
        registry_cache: dict = {}
        for i, r, named, key, cdir in pending:
            results[i] = lint_and_store(r, named, opts, registry_cache, key, cdir)
            _progress(results[i])
    docs = [d for d in results if d is not None]
    fail_on = opts.fail_on or (getattr(docs[0], "fail_on", "warning") if docs else "warning")
    return RunResult(docs, fail_on)


# -- result cache (texlint.cache) -----------------------------------------------------------

def _filter_named(findings: list[Finding], named: set[Path] | None, folder: Path) -> list[Finding]:
    """Keep findings in the files the user named (display paths), and document-level ones."""
    if not named:
        return findings
    shown = {display_path(p) for p in named if _inside(p, folder)}
    return [f for f in findings if f.location.file in shown or f.document_level]


def cache_lookup(root: Path, named: set[Path] | None, opts: Options):
    """(DocResult or None, key, cache folder) for one root; the key is None when not cacheable."""
    import time

    from texlint import cache

    t0 = time.perf_counter()
    cfg = effective_config(root, opts)
    key = cache.make_key(root, cfg, opts.inline_suppress, opts.baseline)
    cdir = cache.cache_dir_for(root, opts.cache_dir)
    if key is None:
        return None, None, None
    entry = cache.lookup(cdir, key)
    if entry is None:
        return None, key, cdir
    folder = Path(entry["folder"])
    timer = Timer()
    dr = DocResult(display_path(root), _filter_named(entry["findings"], named, folder), None, entry["venue"],
                   entry["review"], timer, entry["suppressed"], entry["baselined"], entry["summary"])
    dr.fail_on = cfg.fail_on  # type: ignore[attr-defined]
    timer.stages["cache"] = time.perf_counter() - t0
    return dr, key, cdir


def lint_and_store(root: Path, named: set[Path] | None, opts: Options, registry_cache: dict | None,
                   key: str | None, cdir: Path | None) -> DocResult:
    """``lint_root``, writing the complete result to the cache when a key is given."""
    if key is None or cdir is None:
        return lint_root(root, named, opts, registry_cache)
    from texlint import cache

    dr = lint_root(root, None, opts, registry_cache)
    cache.store(cdir, key, dr, dr.findings)
    if named:
        dr.findings = _filter_named(dr.findings, named, Path(dr.doc.project.folder))
    return dr
