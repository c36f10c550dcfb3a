"""One lint run: paths -> root documents -> a ``RunResult``.

Each root document is answered from the result cache when its entry is valid, else linted by
``texlint.app.lint_document`` in this process or (``--jobs N``) in worker processes; results keep the
order of the input. The CLI only parses flags and calls ``run``; reporters format the result.
"""

from __future__ import annotations

import os
import time
from dataclasses import replace
from pathlib import Path

from texlint.app import cache
from texlint.app.config import CONFIG_NAMES, effective_config
from texlint.app.result import DocResult, Options, RunResult, shown
from texlint.source.files import TEX_SUFFIXES
from texlint.source.roots import find_root, find_roots_in_folder
from texlint.util.errors import InputError
from texlint.util.paths import display_path
from texlint.util.reading import is_regular_file, overlaid, read_bytes
from texlint.util.timing import Timer

__all__ = ["DocResult", "Options", "RunResult", "collect_roots", "run"]


# -- which documents ----------------------------------------------------------------------------

def collect_roots(paths: list[Path], root_override: Path | None = None,
                  opts: Options | None = None) -> list[tuple[Path, set[Path] | None]]:
    """Root documents to lint, each with the files the user named (None: report everything).
    With ``opts``, roots found in folders that the config excludes are left out, and with
    ``--force-exclude`` so are named files the config excludes."""
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
        if not p.exists() and not is_regular_file(p):  # an overlaid path (stdin, an editor buffer) may be new
            raise InputError(f"{p}: no such file or directory")
        if p.is_dir():
            roots = find_roots_in_folder(p)
            if not roots:
                raise InputError(f"{p}: no LaTeX root document (a .tex file with \\documentclass) found")
            for r in roots:
                if opts is not None and _excluded(r, opts):
                    continue  # a root the config excludes is not linted when found in a folder
                if r not in named_by_root:
                    order.append(r)
                named_by_root[r] = None
            continue
        if p.suffix.lower() == ".bib" or p.name in CONFIG_NAMES:
            # a changed bibliography or config (pre-commit passes them): lint the documents beside it
            for r in _documents_beside(p):
                if r not in named_by_root:
                    order.append(r)
                named_by_root[r] = None
            continue
        if p.suffix.lower() in (".sty", ".cls", ".toml"):
            continue
        if p.suffix.lower() not in TEX_SUFFIXES:
            _sniff_latex(p)
        if opts is not None and opts.force_exclude and _excluded(p, opts):
            continue  # pre-commit passes every changed file: the config's exclude wins
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


def _excluded(path: Path, opts: Options) -> bool:
    cfg = effective_config(path, opts)
    return bool(cfg.exclude) and cfg.excludes(Path(os.path.abspath(path)), Path(os.path.realpath(path)).parent)


def _documents_beside(p: Path) -> list[Path]:
    """Root documents a bibliography or config file belongs to: those in its folder, else in the
    folder above (``refs/refs.bib``); a ``pyproject.toml`` only counts with ``[tool.texlint]``."""
    if p.name == "pyproject.toml" and "[tool.texlint" not in _head(p):
        return []
    folder = Path(os.path.realpath(p)).parent
    for cand in (folder, folder.parent):
        roots = [Path(os.path.realpath(r)) for r in find_roots_in_folder(cand)]
        if roots:
            return roots
    return []


def _head(p: Path) -> str:
    try:
        return read_bytes(p, 1 << 20).decode("utf-8", errors="replace")
    except OSError:
        return ""


def _sniff_latex(p: Path) -> None:
    try:
        head = read_bytes(p, 4096)
    except OSError as exc:
        raise InputError(f"{p}: cannot read ({exc.strerror or exc})") from None
    if b"\x00" in head or (b"\\" not in head and b"%" not in head):
        raise InputError(f"{p}: not a LaTeX file")


def settings_text(path: Path, opts: Options) -> str:
    """``--show-settings``: the settings in effect for the first root document ``path`` leads to."""
    roots = collect_roots([path], opts.root, opts)
    if not roots:
        raise InputError(f"{path}: no root document to show the settings of")
    from texlint.app.lint_document import describe_settings  # start-up: reads the rule catalog

    return describe_settings(roots[0][0], opts)


def run(paths: list[Path], opts: Options) -> RunResult:
    """Lint every root document under ``paths``: cache hits first, then the misses, in one
    process or (``opts.jobs > 1``) in worker processes; results keep the input order."""
    roots = collect_roots(paths, opts.root, opts)
    if overlaid():
        opts = replace(opts, use_cache=False, jobs=1)  # text from memory: neither cached nor sent to workers
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
    errors: list[str] = []
    if pending:
        _lint_pending(pending, results, opts, _progress, errors)
    docs = [d for d in results if d is not None]
    fail_on = opts.fail_on or (docs[0].fail_on if docs else "warning")
    return RunResult(docs, fail_on, errors=errors)


def _lint_pending(pending: list[tuple], results: list, opts: Options, progress, errors: list[str]) -> None:
    """Lint the documents the cache did not answer, into ``results`` at their indices."""
    from texlint.app.lint_document import (  # start-up: only cache misses parse and lint
        lint_and_store,
        lint_detached,
    )

    if opts.jobs > 1 and len(pending) > 1:
        from texlint.app.batch import lint_parallel  # start-up: process pools only with --jobs

        for i, dr in lint_parallel(pending, replace(opts, progress=None, jobs=1), lint_detached, opts.jobs):
            if isinstance(dr, Exception):  # its worker died twice: report it, keep the others
                errors.append(str(dr))
                continue
            results[i] = dr
            progress(dr)
    else:
        registry_cache: dict = {}
        for i, r, named, key, cdir in pending:
            results[i] = lint_and_store(r, named, opts, registry_cache, key, cdir)
            progress(results[i])


# -- result cache (texlint.app.cache) -------------------------------------------------------------

def cache_lookup(root: Path, named: set[Path] | None, opts: Options):
    """(DocResult or None, key, cache folder) for one root; the key is None when not cacheable."""
    t0 = time.perf_counter()
    cfg = effective_config(root, opts)
    key = cache.make_key(root, cfg, opts.inline_suppress, opts.baseline)
    cdir = cache.cache_dir_for(root, opts.cache_dir)
    if key is None:
        return None, None, None
    entry = cache.lookup(cdir, key, sources=opts.need_sources, root=root)
    if entry is None:
        return None, key, cdir
    folder = Path(entry["folder"])
    timer = Timer()
    dr = DocResult(display_path(root), shown(entry["findings"], named, folder, cfg, opts.force_exclude), None,
                   entry["venue"],
                   entry["review"], timer, entry["suppressed"], entry["baselined"], entry["summary"],
                   rule_docs=entry["rule_docs"], sources=entry.get("sources") or [], fail_on=cfg.fail_on,
                   folder=str(folder))
    timer.stages["cache"] = time.perf_counter() - t0
    return dr, key, cdir
