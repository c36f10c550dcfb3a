"""Parse time against input size for the shapes that used to be quadratic.

    python benchmarks/parse_scaling.py            # prints a Markdown table

A typical paper's text (about 60 KB) is repeated 1x, 10x and 40x (2.4 MB, under the 2.5 MB
document budget) as (a) many sections,
(b) one section holding everything, (c) one paragraph on a single line without commands.
Only load + parse are timed (no NLP), in this process, best of three. Linear means the 40x
column is about 40 times the 1x one.
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from texlint.latex.load import load_document  # noqa: E402

WORDS = ("the model learns a robust representation of the data with attention and we report results on "
         "three benchmarks where our method improves accuracy over strong baselines").split()
UNIT = 60_000


def _paragraph(rng: random.Random) -> str:
    words = " ".join(rng.choice(WORDS) for _ in range(90))
    return f"{words.capitalize()}, as shown in Table~\\ref{{t}} and by \\citet{{a}}; the loss is $x^2$.\n\n"


def make(shape: str, factor: int) -> str:
    rng = random.Random(7)
    size = UNIT * factor
    head = "\\documentclass{article}\n\\begin{document}\n"
    out, total, i = [], 0, 0
    if shape == "one line":
        text = " ".join(rng.choice(WORDS) for _ in range(size // 6))
        return head + "\\section{One}\n" + text + "\n\\end{document}\n"
    while total < size:
        if shape == "many sections" and i % 8 == 0:
            out.append(f"\\section{{Part {i}}}\n")
        p = _paragraph(rng)
        out.append(p)
        total += len(p)
        i += 1
    first = "\\section{One}\n" if shape == "one section" else ""
    return head + first + "".join(out) + "\\end{document}\n"


def parse_seconds(text: str) -> float:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "main.tex"
        path.write_text(text, encoding="utf-8")
        best = float("inf")
        for _ in range(3 if len(text) < 2_000_000 else 1):
            t0 = time.perf_counter()
            load_document(path)
            best = min(best, time.perf_counter() - t0)
        return best


def main() -> None:
    print("| shape | 1x (60 KB) | 10x (600 KB) | 40x (2.4 MB, just under the budget) | 40x / 1x (linear: 40) |")
    print("|---|---|---|---|---|")
    for shape in ("many sections", "one section", "one line"):
        times = [parse_seconds(make(shape, f)) for f in (1, 10, 40)]
        print(f"| {shape} | {times[0]:.2f} s | {times[1]:.2f} s | {times[2]:.2f} s | {times[2] / times[0]:.0f}x |")


if __name__ == "__main__":
    main()
