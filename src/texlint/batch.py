"""Batch mode: lint many root documents in worker processes (``texlint --jobs N papers/``).

Each worker is a separate process (``concurrent.futures.ProcessPoolExecutor``) that keeps its
rule registry and its spaCy pipeline for every document it lints, so spaCy loads once per
worker, not once per paper. Workers write cache entries themselves (atomic, see
``texlint.cache``) and send back a detached ``DocResult``: findings plus the JSON summary of the
document model, without the ``Document`` itself (spaCy objects do not cross processes). The
caller puts results back in input order; ``run()`` therefore never hands reporters that need
the whole document (HTML) to this module.

The largest documents are submitted first so one long thesis does not finish last alone.
"""

from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import replace
from pathlib import Path
from typing import Iterator

_REGISTRY_CACHE: dict = {}  # per worker process


def _size(root: Path) -> int:
    try:
        return os.path.getsize(root)
    except OSError:
        return 0


def _work(root: Path, named, opts, key, cdir):
    from texlint.cache import summarize
    from texlint.run import lint_and_store

    dr = lint_and_store(root, named, opts, _REGISTRY_CACHE, key, cdir)
    dr.summary = summarize(dr)
    dr.doc = None
    return dr


def lint_parallel(pending: list[tuple], opts, workers: int | None = None) -> Iterator[tuple[int, object]]:
    """Lint ``(index, root, named, key, cache_dir)`` items in worker processes; yields
    ``(index, DocResult)`` as documents finish (the caller restores the order)."""
    jobs = max(1, min(workers or opts.jobs, len(pending)))
    wopts = replace(opts, progress=None, jobs=1)  # callbacks stay in the parent
    order = sorted(pending, key=lambda item: -_size(item[1]))
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        futures = {pool.submit(_work, root, named, wopts, key, cdir): i for i, root, named, key, cdir in order}
        try:
            for fut in as_completed(futures):
                yield futures[fut], fut.result()
        except BaseException:
            for fut in futures:
                fut.cancel()
            raise
