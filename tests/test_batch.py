"""Batch mode: many documents, --jobs N worker processes, input order kept, JSON Lines."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from texlint.app.run import Options, run

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "benchmarks"))
import gen  # noqa: E402


@pytest.fixture(scope="module")
def papers(tmp_path_factory) -> list[Path]:
    top = tmp_path_factory.mktemp("papers")
    # different sizes so workers finish out of input order
    return [gen.write(top / f"p{i}", scale=s, seed=i) for i, s in enumerate((0.3, 0.05, 0.15, 0.05))]


def _key(dr):
    return [(f.rule, f.location.file, f.location.line, f.location.column, f.message) for f in dr.findings]


def test_parallel_matches_serial_in_input_order(papers):
    seen = []
    serial = run(papers, Options(use_cache=False, jobs=1))
    par = run(papers, Options(use_cache=False, jobs=2, progress=lambda dr, done, total: seen.append((done, total))))
    assert [d.root for d in par.documents] == [d.root for d in serial.documents]
    assert [d.root.split("/")[-2] for d in par.documents] == ["p0", "p1", "p2", "p3"]
    assert [_key(d) for d in par.documents] == [_key(d) for d in serial.documents]
    assert all(d.findings for d in par.documents)
    # worker results are detached: no Document, but the summary the JSON reporters need
    assert all(d.doc is None and d.summary.get("sections") for d in par.documents)
    assert seen == [(1, 4), (2, 4), (3, 4), (4, 4)]


def test_cli_jsonl_one_line_per_document(papers):
    cmd = [sys.executable, "-m", "texlint", *map(str, papers), "--format", "jsonl", "--jobs", "2", "--no-cache"]
    p = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    assert p.returncode == 1, p.stderr
    assert "Traceback" not in p.stderr and p.stderr == ""  # no progress bar when stderr is not a terminal
    recs = [json.loads(line) for line in p.stdout.splitlines()]
    assert len(recs) == 4
    assert [Path(r["root"]).parent.name for r in recs] == ["p0", "p1", "p2", "p3"]
    assert all(r["findings"] and r["version"] == 1 for r in recs)


def test_cli_folder_and_error_in_worker(papers, tmp_path):
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "main.tex").write_bytes(b"\\documentclass{article}\n" + b"\x00\x01\x02\x03" * 4000)
    cmd = [sys.executable, "-m", "texlint", str(papers[1]), str(bad / "main.tex"), "--jobs", "2", "--no-cache"]
    p = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    assert p.returncode == 2
    assert "Traceback" not in p.stderr
    assert len(p.stderr.strip().splitlines()) == 1 and "main.tex" in p.stderr
    # a folder expands to every root document in it
    folder = papers[0].parent.parent
    res = run([folder], Options(use_cache=False, jobs=2))
    assert sorted(Path(d.root).parent.name for d in res.documents) == ["p0", "p1", "p2", "p3"]
