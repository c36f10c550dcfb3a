"""Special files and huge files end in bounded time and memory: texlint refuses what is not a
regular file and reads no more of a file than the document's size budget can use."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tests.hostile.runner import texlint

DOC = "\\documentclass{article}\n\\begin{document}\n%s\n\\end{document}\n"


def _fifo(path: Path) -> Path:
    os.mkfifo(path)
    return path


def test_root_that_is_a_fifo(tmp_path):
    _fifo(tmp_path / "main.tex")
    run = texlint(tmp_path, "main.tex", timeout=30)
    assert run.one_line_error() and "pipe" in run.err, run.err


def test_input_that_is_a_fifo_or_a_device(tmp_path):
    _fifo(tmp_path / "pipe.tex")
    os.symlink("/dev/zero", tmp_path / "zero.tex")
    (tmp_path / "main.tex").write_text(DOC % "Text.\n\\input{pipe}\n\\input{zero}", encoding="utf-8")
    run = texlint(tmp_path, "main.tex", "--select", "L", timeout=30)
    assert run.findings_or_clean(), run.err
    assert "L001" in run.out and ("L003" in run.out or "zero" in run.out), run.out


@pytest.mark.parametrize("kind", ["fifo", "folder", "zero", "list", "deep", "latin1", "missing"])
def test_baseline_that_is_not_a_baseline(tmp_path, kind):
    (tmp_path / "main.tex").write_text(DOC % "Text.", encoding="utf-8")
    b = tmp_path / "base.json"
    if kind == "fifo":
        _fifo(b)
    elif kind == "folder":
        b.mkdir()
    elif kind == "zero":
        os.symlink("/dev/zero", b)
    elif kind == "list":
        b.write_text("[1, 2, 3]", encoding="utf-8")
    elif kind == "deep":
        b.write_text("[" * 100000 + "]" * 100000, encoding="utf-8")
    elif kind == "latin1":
        b.write_bytes(b'{"tool": "texlint", "findings": {"\xe9": 1}}')
    run = texlint(tmp_path, "main.tex", "--baseline", str(b), timeout=30)
    assert run.one_line_error(), (run.code, run.err)


def test_extend_to_a_device_through_a_symlink(tmp_path):
    (tmp_path / "main.tex").write_text(DOC % "Text.", encoding="utf-8")
    os.symlink("/dev/zero", tmp_path / "base.toml")
    (tmp_path / ".texlint.toml").write_text('extend = "base.toml"\n', encoding="utf-8")
    run = texlint(tmp_path, "main.tex", timeout=30)
    assert run.one_line_error(), run.err


def test_cache_entry_that_is_a_fifo_is_a_miss(tmp_path):
    (tmp_path / "main.tex").write_text(DOC % "Text. TODO", encoding="utf-8")
    cache = tmp_path / "cache"
    first = texlint(tmp_path, "main.tex", "--cache-dir", str(cache))
    assert first.findings_or_clean()
    for entry in (cache / "v1").glob("*.json"):
        entry.unlink()
        _fifo(entry)
    again = texlint(tmp_path, "main.tex", "--cache-dir", str(cache), timeout=30)
    assert again.findings_or_clean() and "L124" in again.out, again.err


def test_sparse_two_gigabyte_include_is_read_within_the_budget(tmp_path):
    big = tmp_path / "big.tex"
    with open(big, "wb") as fh:
        fh.truncate(2 * 1024 ** 3)
    (tmp_path / "main.tex").write_text(DOC % "Text.\n\\input{big}", encoding="utf-8")
    run = texlint(tmp_path, "main.tex", "--select", "L", timeout=90)
    assert run.findings_or_clean(), run.err


def test_ten_megabyte_single_line(tmp_path):
    (tmp_path / "main.tex").write_text(DOC % ("word " * 2_000_000 + "TODO"), encoding="utf-8")
    run = texlint(tmp_path, "main.tex", "--select", "L", "--format", "json", timeout=120)
    assert run.findings_or_clean(), run.err
    rules = {f["rule"] for f in json.loads(run.out)["findings"]}
    assert "L006" in rules  # what was cut is said
