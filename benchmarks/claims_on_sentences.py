"""Run the claims rules over the published datasets' sentences, each read on its own.

    python benchmarks/claims_on_sentences.py                  # counts per rule, sentences in an Introduction
    python benchmarks/claims_on_sentences.py --role Results   # ... in a Results section
    python benchmarks/claims_on_sentences.py --list           # also print every finding's sentence

The claims rules were tuned on the 28 corpus papers; these 35,000 sentences (the dev halves in
``../shared/datasets``, abstracts and papers from many fields) were not read while choosing their
words, so reading what the rules flag here is the nearest thing to an unseen-paper precision check
that needs no new labels. Each sentence becomes its own paragraph of one generated document, so a
rule sees no neighbours and no tables: rules that look for support nearby (C204, C205) flag more
than they would in a paper, and a Results section makes every uncited sentence the authors' own.
The sentences are read at run time and never written into the repository.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("TEXLINT_SHARED", REPO.parent / "shared"))
RULES = "C201,C203,C204,C205,C206,C209,C210,C211,C212"


def sentences() -> list[str]:
    seen: dict[str, None] = {}
    for path in sorted((SHARED / "datasets").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            text = (json.loads(line).get("text") or "").strip()
            if text:
                seen.setdefault(text, None)
    return list(seen)


def as_latex(text: str) -> str:
    """The sentence as LaTeX prose: specials escaped, backslashes and ties dropped."""
    return re.sub(r"([%&#_$^{}])", r"\\\1", text.replace("\\", " ").replace("~", " "))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--role", default="Introduction", help="the section title the sentences sit under")
    ap.add_argument("--list", action="store_true", help="print each finding with its sentence")
    ap.add_argument("--select", default=RULES, help="the rules to run (default: the claims rules); a sentence-level "
                    "rule of another family reads these sentences as well (W500, W510)")
    args = ap.parse_args()
    if not (SHARED / "datasets").is_dir():
        print(f"no datasets at {SHARED / 'datasets'}", file=sys.stderr)
        return 2
    texts = sentences()
    body = "\n\n".join(as_latex(t) for t in texts)
    with tempfile.TemporaryDirectory() as tmp:
        main_tex = Path(tmp) / "main.tex"
        main_tex.write_text("\\documentclass{article}\n\\begin{document}\n\\section{%s}\n%s\n\\end{document}\n"
                            % (args.role, body), encoding="utf-8")
        proc = subprocess.run([sys.executable, "-m", "texlint", str(main_tex), "--select", args.select, "--format", "json",
                               "--no-cache"], capture_output=True, text=True, cwd=tmp)
    if proc.returncode not in (0, 1):
        print(proc.stderr.strip(), file=sys.stderr)
        return 2
    findings = [f for d in json.loads(proc.stdout)["documents"] for f in d["findings"]]
    counts = Counter(f["rule"] for f in findings)
    print(f"{len(texts)} sentences under \\section{{{args.role}}}; findings per rule:")
    for rule in args.select.split(","):
        print(f"  {rule}: {counts.get(rule, 0)}")
    if args.list:
        for f in findings:
            print(f"{f['rule']} | {f['message'][:80]} | {f.get('excerpt', '')[:200]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
