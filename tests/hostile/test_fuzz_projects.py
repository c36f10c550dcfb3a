"""Property fuzzing of whole hostile projects: random trees of files that include each other (in
loops, through ``..``, absolute paths and symlinks out of the project), binary and non-UTF-8
files, random config files. Whatever the tree, a run ends with findings (exit 0/1) or one clear
line (exit 2), never a traceback, and never reports a file outside the project (a canary file
beside the project, full of findings, must never be read). The quick profile runs in the suite;
``pytest -m fuzz`` runs the long one."""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from texlint.cli.main import main

from .runner import time_limit

_NAMES = ["main.tex", "a.tex", "b.tex", "sec/c.tex", "sec/d.tex", "refs.bib", ".texlint.toml", "pyproject.toml",
          "texlint.toml", "x.sty", "figs/f.tex"]
_INCLUDES = ["\\input{a}", "\\input{b.tex}", "\\include{sec/c}", "\\input{sec/d}", "\\input{main}", "\\input{../canary}",
             "\\input{/CANARY}", "\\input{sec/../../canary}", "\\input{link}", "\\input{figs/f}", "\\subfile{sec/c}",
             "\\import{sec/}{d}", "\\bibliography{refs}", "\\bibliography{../canary}", "\\usepackage{x}",
             "\\input{sec}", "\\input{loop}", "%!TEX root = ../canary.tex", "% !TeX root = b.tex"]
_PROSE = ["\\documentclass{article}\n", "\\begin{document}\n", "\\end{document}\n", "\\section{Introduction}\n",
          "We propose a method. ", "TODO fix. ", "{", "}", "$", "\\cite{k}", "\\ref{x}", "\\label{x}", "\n\n"]
_CONFIGS = ['select = ["L"]\n', 'extend = "../canary.toml"\n', 'extend = "texlint.toml"\n', 'rule-paths = ["/"]\n',
            'nlp-model = "../canary"\n', '[tool.texlint]\nignore = ["L124"]\n', "[tool]\ntexlint = 3\n", "\xff\xfe",
            'exclude = ["*"]\n', '[rules.L124]\nseverity = "nope"\n', 'select = 3\n', "[[[\n"]
_BYTES = st.one_of(
    st.lists(st.sampled_from(_INCLUDES + _PROSE + _PROSE), max_size=25).map(lambda p: "".join(p).encode()),
    st.sampled_from([c.encode("utf-8", "surrogateescape") for c in _CONFIGS]),
    st.binary(max_size=64),
    st.just(b"\xef\xbb\xbf\\documentclass{article}\\begin{document}\xe9\xff\\end{document}"),
)
_TREE = st.dictionaries(st.sampled_from(_NAMES), _BYTES, min_size=1, max_size=8)
_LINKS = st.lists(st.tuples(st.sampled_from(["link.tex", "loop.tex", "sec/e.tex"]),
                            st.sampled_from(["../canary.tex", "/etc/hostname", "loop.tex", "main.tex", ".."])),
                  max_size=3)
_ARGS = st.sampled_from([["."], ["main.tex"], ["sec/c.tex"], ["--select", "L,W", "."], ["--format", "json", "."]])

CANARY = "\\documentclass{article}\\begin{document}\\section{Introduction}TODO zebrafinch. Zebrafinch results are significantly better \\cite{zebrakey}.\\end{document}\n"


def _project(tree: dict[str, bytes], links) -> Path:
    top = Path(tempfile.mkdtemp(prefix="texlint-fuzzproj-"))
    (top / "canary.tex").write_text(CANARY, encoding="utf-8")
    (top / "canary.toml").write_text('select = ["CANARY"]\n', encoding="utf-8")
    proj = top / "proj"
    proj.mkdir()
    for name, data in tree.items():
        path = proj / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    for name, target in links:
        path = proj / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if not os.path.lexists(path):
            os.symlink(target, path)
    (proj / ".git").mkdir()  # the project is its own work tree: the boundary is the project folder
    return proj


def _check(tree, links, args):
    proj = _project(tree, links)
    cwd = os.getcwd()
    try:
        os.chdir(proj)
        with time_limit(60):
            res = CliRunner().invoke(main, ["--no-cache", "--format", "json", *args], catch_exceptions=True)
    finally:
        os.chdir(cwd)
        shutil.rmtree(proj.parent, ignore_errors=True)
    err = res.stderr if res.stderr_bytes is not None else ""
    assert res.exception is None or isinstance(res.exception, SystemExit), repr(res.exception)
    assert res.exit_code in (0, 1, 2), (res.exit_code, err)
    assert "Traceback" not in res.output and "internal error" not in err, err
    if res.exit_code == 2:
        assert len(err.strip().splitlines()) == 1 and err.startswith("texlint: error:"), err
        return
    assert "zebra" not in res.stdout.lower(), res.stdout[:2000]  # no text of the canary was read
    report = json.loads(res.stdout)  # the JSON report is whole, whatever the project
    for doc in report.get("documents", []):
        assert not [f for f in doc.get("files", []) if f.startswith(("..", "/"))], doc["files"]
        for f in doc.get("findings", []):
            assert not str(f.get("file", "")).startswith(("..", "/")), f


_QUICK = settings(max_examples=60, deadline=None, derandomize=True, database=None,
                  suppress_health_check=list(HealthCheck))


@pytest.mark.slow
@_QUICK
@given(_TREE, _LINKS, _ARGS)
def test_hostile_projects_quick(tree, links, args):
    _check(tree, links, args)


@pytest.mark.fuzz
@settings(max_examples=3000, deadline=None, database=None, suppress_health_check=list(HealthCheck))
@given(_TREE, _LINKS, _ARGS)
def test_hostile_projects_long(tree, links, args):
    _check(tree, links, args)
