"""Per-stage wall-clock timings, printed by ``--profile``, and pausing the garbage collector."""

from __future__ import annotations

import gc
import time
from contextlib import contextmanager


class Timer:
    def __init__(self) -> None:
        self.stages: dict[str, float] = {}
        self.rules: dict[str, float] = {}  # rule code -> seconds inside the "rules" stage

    @contextmanager
    def stage(self, name: str):
        t0 = time.perf_counter()
        try:
            yield
        finally:
            self.stages[name] = self.stages.get(name, 0.0) + time.perf_counter() - t0

    def merge(self, other: "Timer") -> None:
        for k, v in other.stages.items():
            self.stages[k] = self.stages.get(k, 0.0) + v
        for k, v in getattr(other, "rules", {}).items():
            self.rules[k] = self.rules.get(k, 0.0) + v

    def report(self) -> str:
        total = sum(self.stages.values())
        lines = [f"{name:>8}: {sec * 1000:8.1f} ms" for name, sec in self.stages.items()]
        lines.append(f"{'total':>8}: {total * 1000:8.1f} ms")
        slowest = sorted(self.rules.items(), key=lambda kv: -kv[1])[:5]
        if slowest:
            lines.append("slowest rules: " + ", ".join(f"{code} {sec * 1000:.1f} ms" for code, sec in slowest))
        return "\n".join(lines)


@contextmanager
def gc_paused():
    """Pause Python's cyclic garbage collector for a burst of allocation (the parse builds
    hundreds of thousands of small objects, and each generation-2 collection walks all of
    them: on a 2 MB document that is a third of the time and grows faster than the input).
    Reference counting still frees what is not in a cycle; the collector resumes after."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()
