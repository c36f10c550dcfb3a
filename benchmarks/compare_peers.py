"""Compare texlint's LaTeX rules with ChkTeX and lacheck on the shared corpus.

    python benchmarks/compare_peers.py                 # markdown table of findings per tool per paper
    python benchmarks/compare_peers.py --sample 20     # plus a seeded sample of findings per tool to review
    python benchmarks/compare_peers.py --json out.json # raw findings of all tools

Each tool runs on the main file of every paper in ``$TEXLINT_SHARED/corpus/MANIFEST.tsv``
(default ``../shared/corpus``), from inside the paper folder, following includes as the tool
does by default. texlint runs with its default-on LaTeX rules (category ``latex``: L codes).
ChkTeX and lacheck are skipped (column "n/a") when not installed
(``apt-get install -y chktex lacheck``).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("TEXLINT_SHARED", REPO.parent / "shared"))
CORPUS = SHARED / "corpus"


def corpus_rows() -> list[dict]:
    manifest = CORPUS / "MANIFEST.tsv"
    rows = []
    for line in manifest.read_text(encoding="utf-8").splitlines()[1:]:
        parts = line.split("\t")
        if len(parts) >= 5 and parts[0]:
            rows.append({"id": parts[0], "subdir": parts[3], "main": parts[4]})
    return rows


def paper_dir(row: dict) -> Path:
    d = CORPUS / row["id"]
    return d / row["subdir"] if row["subdir"] not in ("", ".") and (d / row["subdir"]).is_dir() else d


def run_chktex(folder: Path, main: str) -> list[dict]:
    fmt = "%f\t%l\t%c\t%n\t%m\n"
    proc = subprocess.run(["chktex", "-q", "-I", "-f", fmt, main], cwd=folder, capture_output=True,
                          text=True, errors="replace", timeout=300)
    out = []
    for line in proc.stdout.splitlines():
        p = line.split("\t")
        if len(p) >= 5 and p[1].isdigit():
            out.append({"file": p[0], "line": int(p[1]), "column": int(p[2] or 0), "code": f"chktex-{p[3]}",
                        "message": p[4]})
    return out


_LACHECK = re.compile(r'^"([^"]+)", line (\d+): (.*)$')


def run_lacheck(folder: Path, main: str) -> list[dict]:
    proc = subprocess.run(["lacheck", main], cwd=folder, capture_output=True, text=True, errors="replace",
                          timeout=300)
    out = []
    for line in proc.stdout.splitlines():
        m = _LACHECK.match(line.strip())
        if m:
            out.append({"file": m.group(1), "line": int(m.group(2)), "column": 0, "code": "lacheck",
                        "message": m.group(3)})
    return out


def latex_codes() -> list[str]:
    from texlint.checks.catalog import build_registry

    return [r.code for r in build_registry(plugins=False) if r.category == "latex" and r.default]


def run_texlint(folder: Path, main: str, codes: list[str]) -> list[dict]:
    proc = subprocess.run([sys.executable, "-m", "texlint", main, "--format", "json", "--select", ",".join(codes),
                           "--no-cache"], cwd=folder, capture_output=True, text=True, timeout=600)
    if not proc.stdout.strip():
        proc = subprocess.run([sys.executable, "-m", "texlint", main, "--format", "json", "--select", ",".join(codes)],
                              cwd=folder, capture_output=True, text=True, timeout=600)
    try:
        data = json.loads(proc.stdout)
    except json.JSONDecodeError:
        return []
    return [{"file": f["file"], "line": f["line"], "column": f["column"], "code": f"{f['rule']} {f['name']}",
             "message": f["message"]} for f in data.get("findings", [])]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sample", type=int, default=0, help="print N findings per tool, spread over papers")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--json", type=Path, help="write all findings to this file")
    args = ap.parse_args(argv)
    if not (CORPUS / "MANIFEST.tsv").is_file():
        print(f"no corpus at {CORPUS}", file=sys.stderr)
        return 2
    tools = {"texlint": None, "chktex": shutil.which("chktex"), "lacheck": shutil.which("lacheck")}
    codes = latex_codes()
    results: dict[str, dict[str, list[dict] | None]] = {}
    for row in corpus_rows():
        folder = paper_dir(row)
        res: dict[str, list[dict] | None] = {}
        res["texlint"] = run_texlint(folder, row["main"], codes)
        res["chktex"] = run_chktex(folder, row["main"]) if tools["chktex"] else None
        res["lacheck"] = run_lacheck(folder, row["main"]) if tools["lacheck"] else None
        results[row["id"]] = res

    for res in results.values():  # texlint's own hygiene rules (L1xx), without loader/parser problems
        res["texlint L1xx"] = [f for f in res["texlint"] if f["code"].startswith("L1")]
    names = ["texlint", "texlint L1xx", "chktex", "lacheck"]
    print("| paper | " + " | ".join(names) + " |")
    print("|---|" + "---:|" * len(names))
    totals = Counter()
    for pid, res in results.items():
        cells = []
        for t in names:
            if res[t] is None:
                cells.append("n/a")
            else:
                cells.append(str(len(res[t])))
                totals[t] += len(res[t])
        print(f"| {pid} | " + " | ".join(cells) + " |")
    print("| **total** | " + " | ".join(f"**{totals[t]}**" for t in names) + " |")

    print("\nFindings by check (all papers):\n")
    for t in names:
        c = Counter(f["code"] for res in results.values() for f in (res[t] or []))
        top = ", ".join(f"{k} ({v})" for k, v in c.most_common(12))
        print(f"- **{t}**: {top or 'none'}")

    if args.sample:
        rnd = random.Random(args.seed)
        for t in [n for n in names if n != "texlint"]:
            print(f"\n### sample: {t}\n")
            pools = {pid: list(res[t] or []) for pid, res in results.items()}
            picked: list[tuple[str, dict]] = []
            while len(picked) < args.sample and any(pools.values()):
                for pid in sorted(pools):
                    if pools[pid] and len(picked) < args.sample:
                        picked.append((pid, pools[pid].pop(rnd.randrange(len(pools[pid])))))
            for pid, f in picked:
                print(f"- {pid} {f['file']}:{f['line']} [{f['code']}] {f['message'][:120]}")
    if args.json:
        args.json.write_text(json.dumps(results, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
