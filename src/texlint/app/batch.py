"""Batch mode: lint many root documents in worker processes (``texlint --jobs N papers/``).

Each worker is a separate process (``concurrent.futures.ProcessPoolExecutor``) that keeps its
rule registry and its spaCy pipeline for every document it lints, so spaCy loads once per
worker, not once per paper. Workers write cache entries themselves (atomic, see
``texlint.app.cache``) and send back a detached ``DocResult``: findings, the document summary
and, when asked for, the sources, without the ``Document`` itself (spaCy objects do not cross
processes). The caller puts results back in input order.

The largest documents are submitted first so one long thesis does not finish last alone.
Workers ignore Ctrl-C: the parent ends them (terminates them on an interrupt, SIGTERM or an
error), so no worker outlives the run. A worker that dies (killed, out of memory) breaks the
pool; the documents it left unfinished are retried one at a time in fresh single-worker pools,
and a document that kills its worker again is reported as failed, the others are kept.
"""

from __future__ import annotations

import os
import signal
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Callable, Iterator


class WorkerDied(Exception):
    """The worker process linting one document died (it was killed or ran out of memory)."""

    def __init__(self, root: Path) -> None:
        super().__init__(f"{root}: the worker process linting it died (killed, or out of memory); its findings are missing")
        self.root = root


def _size(root: Path) -> int:
    try:
        return os.path.getsize(root)
    except OSError:
        return 0


def _ignore_interrupts() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides when a worker stops
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # and ends it quietly (not the parent's handler)


def _kill(pool: ProcessPoolExecutor) -> None:
    """End every worker now (shutdown(wait=True) would wait for a 2 MB thesis to finish)."""
    for proc in list((getattr(pool, "_processes", None) or {}).values()):
        try:
            proc.terminate()
        except (OSError, AttributeError):
            pass
    pool.shutdown(wait=False, cancel_futures=True)


def lint_parallel(pending: list[tuple], opts, work: Callable, workers: int) -> Iterator[tuple[int, object]]:
    """Run ``work(root, named, opts, key, cache_dir)`` for ``(index, root, named, key, cache_dir)``
    items in worker processes (``work`` must be a module-level function); yields
    ``(index, result)`` as documents finish (the caller restores the order), and
    ``(index, WorkerDied)`` for a document whose worker died twice."""
    jobs = max(1, min(workers, len(pending)))
    order = sorted(pending, key=lambda item: -_size(item[1]))
    broken: list[tuple] = []
    pool = ProcessPoolExecutor(max_workers=jobs, initializer=_ignore_interrupts)
    try:
        futures = {pool.submit(work, root, named, opts, key, cdir): item for item in order
                   for root, named, key, cdir in [item[1:]]}
        for fut in as_completed(futures):
            item = futures[fut]
            try:
                result = fut.result()
            except BrokenProcessPool:
                broken.append(item)
                continue
            yield item[0], result
    except BaseException:
        _kill(pool)
        raise
    pool.shutdown(wait=True)
    for item in broken:  # one at a time, each in a pool of its own
        idx, root, named, key, cdir = item
        single = ProcessPoolExecutor(max_workers=1, initializer=_ignore_interrupts)
        try:
            yield idx, single.submit(work, root, named, opts, key, cdir).result()
        except BrokenProcessPool:
            yield idx, WorkerDied(root)
        except BaseException:
            _kill(single)
            raise
        finally:
            single.shutdown(wait=False, cancel_futures=True)
