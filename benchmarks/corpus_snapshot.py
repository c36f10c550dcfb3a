"""Snapshot texlint's JSON output on every corpus paper, to prove a refactor changes nothing.

    python benchmarks/corpus_snapshot.py write OUT_DIR      # one JSON file per paper and selection
    python benchmarks/corpus_snapshot.py diff OLD_DIR NEW_DIR

``write`` lints every paper of ../shared/corpus (MANIFEST.tsv) twice through the command line,
with the default rules and with ``--select ALL``, in a fresh process, without the cache, and
stores the JSON with the volatile parts (tool version) removed. ``diff`` compares two snapshots
finding by finding and prints what differs (exit 1 when anything does). Run it from the same
working folder both times: paths in the JSON are relative to it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("TEXLINT_SHARED", REPO.parent / "shared"))
CORPUS = SHARED / "corpus"
SELECTIONS = {"default": [], "all": ["--select", "ALL"]}


def papers() -> list[tuple[str, Path]]:
    manifest = CORPUS / "MANIFEST.tsv"
    out = []
    for line in manifest.read_text(encoding="utf-8").splitlines()[1:]:
        parts = line.split("\t")
        if len(parts) > 4 and (CORPUS / parts[0] / parts[4]).is_file():
            out.append((parts[0], CORPUS / parts[0] / parts[4]))
    return out


def _normalise(data: dict) -> dict:
    data.pop("tool", None)
    return data


def write(out_dir: Path) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    for pid, main in papers():
        for sel, flags in SELECTIONS.items():
            cmd = [sys.executable, "-m", "texlint", str(main), "--format", "json", "--no-cache", *flags]
            proc = subprocess.run(cmd, capture_output=True, text=True)
            if proc.returncode not in (0, 1):
                print(f"{pid} {sel}: exit {proc.returncode}: {proc.stderr.strip()}", file=sys.stderr)
                continue
            data = _normalise(json.loads(proc.stdout))
            (out_dir / f"{pid}.{sel}.json").write_text(json.dumps(data, indent=1, sort_keys=True, ensure_ascii=False),
                                                       encoding="utf-8")
            print(f"{pid} {sel}: {len(data['findings'])} findings", flush=True)


def _key(f: dict) -> tuple:
    return (f["file"], f["line"], f["column"], f["rule"], f["message"])


def diff(old: Path, new: Path) -> int:
    changed = 0
    for p in sorted(old.glob("*.json")):
        q = new / p.name
        if not q.is_file():
            print(f"{p.name}: missing in {new}")
            changed += 1
            continue
        a, b = json.loads(p.read_text(encoding="utf-8")), json.loads(q.read_text(encoding="utf-8"))
        if a == b:
            continue
        changed += 1
        fa, fb = {_key(f): f for f in a["findings"]}, {_key(f): f for f in b["findings"]}
        gone, added = sorted(set(fa) - set(fb)), sorted(set(fb) - set(fa))
        print(f"{p.name}: {len(gone)} findings gone, {len(added)} new")
        for k in gone[:20]:
            print(f"  - {k}")
        for k in added[:20]:
            print(f"  + {k}")
        for k in sorted(set(fa) & set(fb)):
            if fa[k] != fb[k]:
                print(f"  ~ {k}: {sorted(x for x in fa[k] if fa[k][x] != fb[k].get(x))}")
        for key in sorted(set(a["documents"][0]) | set(b["documents"][0])):
            if key != "findings" and a["documents"][0].get(key) != b["documents"][0].get(key):
                print(f"  document field '{key}' differs")
    print(f"{changed} of {len(list(old.glob('*.json')))} snapshots differ")
    return 1 if changed else 0


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "write":
        write(Path(sys.argv[2]))
    elif len(sys.argv) == 4 and sys.argv[1] == "diff":
        sys.exit(diff(Path(sys.argv[2]), Path(sys.argv[3])))
    else:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
