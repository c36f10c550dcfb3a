"""Find regexes in texlint whose run time grows faster than linearly (catastrophic backtracking).

    python benchmarks/regex_scan.py          # prints suspects: pattern, input shape, times

Every compiled pattern held at module level (or in a module-level list/tuple/dict) by a
``texlint`` module is run (``finditer`` over the whole string, like the code does) on inputs
of the shape ``prefix + filler * n + suffix`` for n and 2n; a pattern whose time grows by
more than 3x when n doubles, and takes over 20 ms at 2n, is reported.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

PREFIXES = ["", "(", "\\", "% !TEX root =", "Answer", "@article{", "\\bibitem[", "\\def\\x", "a", "⟦", "{", "$",
            "\\begin{", "http://", "e.g", "Table ", "we "]
FILLERS = ["a", "A", " ", "\\", "{", "(", "[", "0", ".", "-", "%", "\n", "aA", "a ", "a-", "{a", "\\a", "ab ", " \n"]
SUFFIXES = ["", "_", "!", "\x00", "}"]


def patterns():
    import texlint

    seen = set()
    for mod in pkgutil.walk_packages(texlint.__path__, "texlint."):
        try:
            m = importlib.import_module(mod.name)
        except Exception:
            continue
        for name, val in vars(m).items():
            vals = [val]
            if isinstance(val, (list, tuple)):
                vals = [x for v in val for x in (v if isinstance(v, tuple) else (v,))]
            elif isinstance(val, dict):
                vals = list(val.values())
            for v in vals:
                if isinstance(v, re.Pattern) and id(v) not in seen:
                    seen.add(id(v))
                    yield f"{mod.name}.{name}", v


def timed(rx, s):
    t0 = time.perf_counter()
    for _ in rx.finditer(s):
        pass
    return time.perf_counter() - t0


def main(n: int = 1500) -> list[tuple]:
    suspects = []
    for where, rx in patterns():
        for pre in PREFIXES:
            for fill in FILLERS:
                for suf in SUFFIXES:
                    small = pre + fill * (n // len(fill)) + suf
                    t1 = timed(rx, small)
                    if t1 < 0.002:
                        continue
                    t2 = timed(rx, pre + fill * (2 * n // len(fill)) + suf)
                    if t2 > 0.02 and t2 / max(t1, 1e-6) > 3:
                        suspects.append((t2, where, rx.pattern, pre, fill, suf, t1))
    worst: dict[str, tuple] = {}
    for s in suspects:
        if s[1] not in worst or s[0] > worst[s[1]][0]:
            worst[s[1]] = s
    out = sorted(worst.values(), reverse=True)
    for t2, where, pat, pre, fill, suf, t1 in out:
        print(f"{where}: {pat[:90]!r}\n    input {pre!r} + {fill!r}*n + {suf!r}: n={n} {t1*1000:.1f} ms, "
              f"2n {t2*1000:.1f} ms", flush=True)
    return out


if __name__ == "__main__":
    main()
