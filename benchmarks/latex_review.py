"""Precision of the default-on LaTeX (L) and style (W) rules on ../shared/corpus.

    python benchmarks/latex_review.py          # lint the corpus, join with the verdicts, print the table

Every paper of ``../shared/corpus/MANIFEST.tsv`` is linted with the default rules (as a user runs
texlint). Each L/W finding is joined with a verdict from ``benchmarks/latex_judgements.json`` (a
careful read of the finding against the source, keyed ``paper|rule|file:line:column``). A rule's
precision is the share of its judged findings that are right; the overall figure weights each
rule's precision by its number of findings (the judged findings are a sample per rule). A judged
finding that texlint no longer reports is counted apart: a fixed false alarm, or a lost true one.
"""

from __future__ import annotations

import csv
import json
import os
import sys
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
SHARED = Path(os.environ.get("TEXLINT_SHARED", REPO.parent / "shared"))
CORPUS = SHARED / "corpus"
JUDGEMENTS = REPO / "benchmarks" / "latex_judgements.json"


def corpus_findings() -> dict[str, dict]:
    """``key -> finding`` for the default-on L/W findings on every corpus paper."""
    from texlint.app.run import Options, run

    out = {}
    with open(CORPUS / "MANIFEST.tsv", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    for row in rows:
        folder = CORPUS / row["id"]  # the corpus holds each paper's root folder (the manifest's subdir)
        if not (folder / row["main_file"]).is_file():
            continue
        result = run([folder / row["main_file"]], Options())
        for f in result.findings:
            if f.rule[0] not in "LW":
                continue
            rel = Path(os.path.relpath(os.path.abspath(f.location.file), CORPUS / row["id"])).as_posix()
            out[f"{row['id']}|{f.rule}|{rel}:{f.location.line}:{f.location.column}"] = {"rule": f.rule}
    return out


def review(found: dict[str, dict]) -> dict:
    verdicts = json.loads(JUDGEMENTS.read_text(encoding="utf-8"))["judgements"]
    counts = Counter(f["rule"] for f in found.values())
    per: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    gone_right = gone_wrong = 0
    for key, v in verdicts.items():
        rule = key.split("|")[1]
        if key in found:
            per[rule][0] += v["right"]
            per[rule][1] += 1
        elif v["right"]:
            gone_right += 1
        else:
            gone_wrong += 1
    weighted = sum(counts[r] * a / n for r, (a, n) in per.items() if n)
    covered = sum(counts[r] for r, (a, n) in per.items() if n)
    return {"per_rule": {r: (a, n, counts[r]) for r, (a, n) in sorted(per.items())},
            "precision": weighted / covered if covered else 1.0, "findings": sum(counts.values()),
            "covered": covered, "unjudged_rules": sorted(set(counts) - set(per)),
            "fixed_false_alarms": gone_wrong, "lost_true_findings": gone_right}


def main() -> None:
    r = review(corpus_findings())
    print("| rule | judged right | precision | findings on the corpus |")
    print("|---|---|---|---|")
    for rule, (a, n, c) in r["per_rule"].items():
        print(f"| {rule} | {a}/{n} | {a / n:.2f} | {c} |")
    print(f"\nprecision weighted by findings: {r['precision']:.3f} over {r['covered']} of {r['findings']} findings; "
          f"rules with no judged finding: {', '.join(r['unjudged_rules']) or 'none'}; judged findings no longer "
          f"reported: {r['fixed_false_alarms']} false alarms, {r['lost_true_findings']} true ones")


if __name__ == "__main__":
    main()
