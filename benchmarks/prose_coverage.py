"""How much of each corpus paper's text texlint reads as prose, against detex's plain-text reading.

    python benchmarks/prose_coverage.py                   # one row per paper, lowest ratio first
    python benchmarks/prose_coverage.py --paper ID [-n 20]  # the detex lines texlint's prose lacks

A paper whose ratio is well below 1 has text texlint does not read: every argument and style
check is blind there. This is how the revision colours of two papers (``\\wigglyblue{...}``
around a whole section, ``\\red{...}`` defined as black) were found to hide text (2026-12-03).
detex knows no macro definitions, comment environments or ``\\eat{}``-style macros, so a low
ratio can also be texlint being right (read the lines with ``--paper``). Needs ``detex``
(Debian's texlive-binaries); the corpus is ``../shared/corpus`` (``TEXLINT_SHARED`` overrides).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
CORPUS = Path(os.environ.get("TEXLINT_SHARED", REPO.parent / "shared")) / "corpus"
_WORD = re.compile(r"[A-Za-z]{2,}")
_PROSE_KINDS = ("body", "item", "caption", "footnote", "heading")


def papers() -> list[tuple[str, Path]]:
    rows = (CORPUS / "MANIFEST.tsv").read_text(encoding="utf-8").splitlines()[1:]
    return [(r.split("\t")[0], CORPUS / r.split("\t")[0] / r.split("\t")[4]) for r in rows if r.strip()]


def texlint_text(main: Path) -> str:
    from texlint.latex.load import load_document

    doc = load_document(main)
    return " ".join(p.text for p in doc.prose if p.kind in _PROSE_KINDS)


def detex_text(main: Path) -> str:
    return subprocess.run(["detex", main.name], cwd=main.parent, capture_output=True, text=True, timeout=120).stdout


def missing_lines(main: Path) -> list[str]:
    """detex lines of ten or more words whose words 3-8 do not appear in texlint's prose."""
    ours = " ".join(w.lower() for w in _WORD.findall(texlint_text(main)))
    out = []
    for line in detex_text(main).splitlines():
        words = [w.lower() for w in _WORD.findall(line)]
        if len(words) >= 10 and " ".join(words[2:8]) not in ours:
            out.append(line.strip())
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--paper", help="list the lines texlint does not read for this paper (its id)")
    ap.add_argument("-n", type=int, default=20, help="how many lines to list")
    args = ap.parse_args(argv)
    if shutil.which("detex") is None or not CORPUS.is_dir():
        print("needs detex on PATH and the corpus beside the repository", file=sys.stderr)
        return 2
    listed = dict(papers())
    if args.paper:
        if args.paper not in listed:
            print(f"no paper {args.paper!r} in {CORPUS / 'MANIFEST.tsv'}", file=sys.stderr)
            return 2
        lines = missing_lines(listed[args.paper])
        for line in lines[:args.n]:
            print("MISSING:", line[:200])
        print(f"{len(lines)} lines of detex's text not in texlint's prose")
        return 0
    rows = []
    for pid, path in listed.items():
        ours, theirs = len(_WORD.findall(texlint_text(path))), len(_WORD.findall(detex_text(path)))
        rows.append((ours / max(1, theirs), pid, ours, theirs))
    print("| ratio | paper | texlint words | detex words |\n|---:|---|---:|---:|")
    for ratio, pid, ours, theirs in sorted(rows):
        print(f"| {ratio:.2f} | {pid} | {ours} | {theirs} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
