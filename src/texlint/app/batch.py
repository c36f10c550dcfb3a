"""Batch mode: lint many root documents in worker processes (``texlint --jobs N papers/``).

Each worker is a separate process (``concurrent.futures.ProcessPoolExecutor``) that keeps its
rule registry and its spaCy pipeline for every document it lints, so spaCy loads once per
worker, not once per paper. Workers write cache entries themselves (atomic, see
``texlint.app.cache``) and send back a detached ``DocResult``: findings, the document summary
and, when asked for, the sources, without the ``Document`` itself (spaCy objects do not cross
processes). The caller puts results back in input order.

The largest documents are submitted first so one long thesis does not finish last alone.
"""

from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor, as_completed
from pathlib import Path
from typing import Callable, Iterator


def _size(root: Path) -> int:
    try:
        return os.path.getsize(root)
    except OSError:
        return 0


def lint_parallel(pending: list[tuple], opts, work: Callable, workers: int) -> Iterator[tuple[int, object]]:
    """Run ``work(root, named, opts, key, cache_dir)`` for ``(index, root, named, key, cache_dir)``
    items in worker processes (``work`` must be a module-level function); yields
    ``(index, result)`` as documents finish (the caller restores the order)."""
    jobs = max(1, min(workers, len(pending)))
    order = sorted(pending, key=lambda item: -_size(item[1]))
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        futures = {pool.submit(work, root, named, opts, key, cdir): i for i, root, named, key, cdir in order}
        try:
            for fut in as_completed(futures):
                yield futures[fut], fut.result()
        except BaseException:
            for fut in futures:
                fut.cancel()
            raise
