"""False-positive review of the argument rules (story S1xx, claims C2xx, reviewer R3xx) on real papers.

    python benchmarks/review_corpus.py                # lint the corpus, print the tables
    python benchmarks/review_corpus.py --pending      # also list findings that have no judgement yet
    python benchmarks/review_corpus.py --write-doc    # replace the review section of docs/accuracy.md

For every paper in ``../shared/corpus/MANIFEST.tsv`` (override the folder with ``TEXLINT_SHARED``)
it runs ``python -m texlint <main> --format json --select S,C,R --no-cache`` from the paper
folder (so off-by-default rules of these families run too) and joins each finding with a human
verdict from ``benchmarks/corpus_judgements.json``. A verdict is keyed by
``paper|rule|file:line|fingerprint`` and records ``right`` (true when a careful reviewer would
agree the paper has this problem at this place, or is missing this) and a one-line reason. The
papers are not part of the repository; the judgements file holds at most a short excerpt.

The counts are reproducible; the verdicts are a person's reading and are only as good as that.
A finding without a verdict is reported as pending and excluded from precision.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import subprocess
import sys
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

SHARED = Path(os.environ.get("TEXLINT_SHARED", REPO.parent / "shared"))
CORPUS = SHARED / "corpus"
JUDGEMENTS = REPO / "benchmarks" / "corpus_judgements.json"
DOC = REPO / "docs" / "accuracy.md"
HEADING = "## False-positive review on the corpus"
FAMILIES = ("S", "C", "R")
TARGET = 0.80


def finding_key(paper: str, f: dict) -> str:
    return f"{paper}|{f['rule']}|{f.get('file', '')}:{f.get('line', 0)}|{f.get('fingerprint', '')}"


def papers() -> list[tuple[str, Path, str]]:
    """(id, folder to run from, main file) for each row of the manifest."""
    out = []
    with open(CORPUS / "MANIFEST.tsv", encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            folder = CORPUS / row["id"]
            sub = CORPUS / row["id"] / row.get("subdir", ".")
            if sub.is_dir() and (sub / row["main_file"]).is_file():
                folder = sub
            out.append((row["id"], folder, row["main_file"]))
    return out


def lint(folder: Path, main: str) -> list[dict]:
    proc = subprocess.run(
        [sys.executable, "-m", "texlint", main, "--format", "json", "--select", ",".join(FAMILIES), "--no-cache"],
        cwd=folder, capture_output=True, text=True, timeout=900,
    )
    if proc.returncode not in (0, 1):
        raise RuntimeError(f"texlint failed in {folder}: {proc.stderr[-2000:]}")
    data = json.loads(proc.stdout)
    return [f for f in data["findings"] if f["rule"][:1] in FAMILIES]


def rule_info() -> dict[str, dict]:
    from texlint.checks.catalog import builtin_rules

    return {r.code: {"name": r.name, "default": r.default} for r in builtin_rules() if r.code[:1] in FAMILIES}


def collect() -> dict[str, list[dict]]:
    return {pid: lint(folder, main) for pid, folder, main in papers()}


def load_judgements() -> dict[str, dict]:
    if not JUDGEMENTS.is_file():
        return {}
    return json.loads(JUDGEMENTS.read_text(encoding="utf-8"))


def tables(found: dict[str, list[dict]], judged: dict[str, dict], notes: dict[str, str]) -> str:
    info = rule_info()
    per_rule: dict[str, Counter] = defaultdict(Counter)
    per_paper: dict[str, Counter] = defaultdict(Counter)
    for pid, fs in found.items():
        per_paper[pid]["findings"] += 0
        for f in fs:
            v = judged.get(finding_key(pid, f))
            c = per_rule[f["rule"]]
            c["n"] += 1
            per_paper[pid]["findings"] += 1
            if v is None:
                c["pending"] += 1
                per_paper[pid]["pending"] += 1
            elif v["right"]:
                c["right"] += 1
                per_paper[pid]["right"] += 1
            else:
                c["wrong"] += 1
                per_paper[pid]["wrong"] += 1
    out = ["| code | name | on by default | findings | judged right | precision | status | typical errors / notes |",
           "|---|---|---|---|---|---|---|---|"]
    for code in sorted(info):
        meta = info[code]
        c = per_rule.get(code, Counter())
        judged_n = c["right"] + c["wrong"]
        prec = f"{c['right'] / judged_n:.2f}" if judged_n else "–"
        if not c["n"]:
            status = "no findings"
        elif not judged_n:
            status = "pending"
        elif c["right"] / judged_n >= TARGET:
            status = "ok"
        elif meta["default"]:
            status = "**below target → proposed: fix (see notes)**"
        else:
            status = "below target (off by default)"
        pend = f" (+{c['pending']} pending)" if c["pending"] else ""
        out.append(f"| {code} | {meta['name']} | {'yes' if meta['default'] else 'no'} | {c['n']}{pend} | "
                   f"{c['right']} | {prec} | {status} | {notes.get(code, '')} |")
    tot = Counter()
    for c in per_rule.values():
        tot.update(c)
    dn = tot["right"] + tot["wrong"]
    on = Counter()
    for code, c in per_rule.items():
        if info.get(code, {}).get("default"):
            on.update(c)
    on_n = on["right"] + on["wrong"]
    out.append("")
    out.append(f"All findings: {tot['n']}, judged {dn}, right {tot['right']} "
               f"(precision {tot['right'] / dn if dn else 0:.2f}); rules on by default: {on['n']} findings, "
               f"right {on['right']} (precision {on['right'] / on_n if on_n else 0:.2f}).")
    out.append("")
    out.append("| paper | findings | right | wrong | pending |")
    out.append("|---|---|---|---|---|")
    for pid in sorted(per_paper):
        c = per_paper[pid]
        out.append(f"| {pid} | {c['findings']} | {c['right']} | {c['wrong']} | {c['pending']} |")
    return "\n".join(out) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pending", action="store_true", help="list findings without a judgement")
    ap.add_argument("--all", action="store_true", help="list every finding with its verdict")
    ap.add_argument("--write-doc", action="store_true", help="write the tables into docs/accuracy.md")
    args = ap.parse_args(argv)
    if not (CORPUS / "MANIFEST.tsv").is_file():
        print(f"no corpus at {CORPUS}", file=sys.stderr)
        return 1
    found = collect()
    data = load_judgements()
    judged = data.get("judgements", {})
    notes = data.get("rule_notes", {})
    keys = {finding_key(pid, f) for pid, fs in found.items() for f in fs}
    stale = sorted(k for k in judged if k not in keys)
    if args.pending or args.all:
        for pid, fs in found.items():
            for f in fs:
                k = finding_key(pid, f)
                v = judged.get(k)
                if v is not None and not args.all:
                    continue
                mark = "PENDING" if v is None else ("RIGHT" if v["right"] else "WRONG")
                print(f"{mark} {k}\n    {f['message']}\n    {f.get('excerpt', '')[:300]}")
    table = tables(found, judged, notes)
    print(table)
    if stale:
        print(f"{len(stale)} judgements match no current finding (rules or tagger changed):", file=sys.stderr)
        for k in stale:
            print("  " + k, file=sys.stderr)
    if args.write_doc:
        intro = data.get("doc_intro", "").rstrip() + "\n\n" if data.get("doc_intro") else ""
        outro = "\n" + data["doc_outro"].rstrip() + "\n" if data.get("doc_outro") else ""
        section = f"{HEADING}\n\nGenerated by `python benchmarks/review_corpus.py --write-doc` from the verdicts in " \
                  f"`benchmarks/corpus_judgements.json`.\n\n{intro}{table}{outro}"
        old = DOC.read_text(encoding="utf-8")
        head = old[:old.index(HEADING)] if HEADING in old else old.rstrip() + "\n\n"
        tail = ""
        if HEADING in old:  # the sections after this one (benchmarks/agreement.py writes one) stay
            nxt = old.find("\n## ", old.index(HEADING) + len(HEADING))
            tail = "\n" + old[nxt + 1:] if nxt != -1 else ""
        DOC.write_text(head + section + tail, encoding="utf-8")
        print(f"wrote {DOC.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
