"""The project folder is the boundary: nothing outside it is read, listed or shown, whatever the
project's files, links and config say; paths given on the command line are the only way out
(docs/security.md). Every case traces the files texlint opens."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.hostile.runner import outside, texlint

SECRET = "TEXLINT-SECRET-OUTSIDE-6c1e"
DOC = "\\documentclass{article}\n\\begin{document}\n%s\n\\end{document}\n"


@pytest.fixture(params=["no work tree", "project is a work tree"])
def tree(tmp_path: Path, request) -> dict[str, Path]:
    """A project folder beside a folder it must never read (with a root document of its own)."""
    proj, out = tmp_path / "proj", tmp_path / "outside"
    proj.mkdir()
    out.mkdir()
    (out / "main.tex").write_text(DOC % f"{SECRET} TODO outside.", encoding="utf-8")
    (out / "secret.txt").write_text(SECRET + "\n", encoding="utf-8")
    (out / "conf.toml").write_text('select = ["L"]\n', encoding="utf-8")
    if request.param == "project is a work tree":
        (proj / ".git").mkdir()
    return {"proj": proj, "out": out, "top": tmp_path}


def _no_leak(run, tree, *extra: Path) -> None:
    assert SECRET not in run.out and SECRET not in run.err, (run.out, run.err)
    leaked = [p for p in outside(run.opened, tree["proj"], [tree["proj"], *extra]) if p.startswith(str(tree["out"]))]
    assert not leaked, leaked


@pytest.mark.parametrize("target", ["../outside/main.tex", "/etc/passwd"])
def test_magic_root_outside_is_not_followed(tree, target):
    (tree["proj"] / "part.tex").write_text(f"% !TEX root = {target}\nSome text.\n", encoding="utf-8")
    run = texlint(tree["proj"], "part.tex", "--html", "r.html", trace=True)
    assert run.one_line_error() and "points outside the project" in run.err, run.err
    assert not (tree["out"] / ".texlint_cache").exists()
    assert "root:" not in run.out
    _no_leak(run, tree)


def test_included_symlink_and_bbl_symlink_to_outside_are_not_read(tree):
    p = tree["proj"]
    (p / "main.tex").write_text(DOC % "Text~\\cite{k}.\n\\input{link}\n\\bibliography{refs}", encoding="utf-8")
    os.symlink(tree["out"] / "secret.txt", p / "link.tex")
    os.symlink(tree["out"] / "secret.txt", p / "main.bbl")
    run = texlint(p, "main.tex", "--format", "json", "--html", "r.html", trace=True)
    assert run.findings_or_clean(), run.err
    assert "L003" in run.out  # the include leaving the project is a finding
    assert SECRET not in (p / "r.html").read_text(encoding="utf-8")
    _no_leak(run, tree)


@pytest.mark.parametrize("config", ['extend = "../outside/conf.toml"', 'rule-paths = ["/etc"]', 'rule-paths = ["/"]',
                                    'rule-paths = ["../outside"]', 'nlp-model = "../outside"'])
def test_config_paths_stay_inside(tree, config):
    p = tree["proj"]
    (p / "main.tex").write_text(DOC % "Text.", encoding="utf-8")
    (p / ".texlint.toml").write_text(config + "\n", encoding="utf-8")
    run = texlint(p, "main.tex", trace=True)
    assert run.one_line_error() and "outside the project" in run.err, run.err
    _no_leak(run, tree)
    assert not [x for x in run.opened if x.startswith("/proc")]


def test_a_fragment_does_not_send_the_search_above_its_project(tree):
    """No \\documentclass and no includer: texlint looks in the file's folder and the one above,
    never higher (here the work tree's top holds the outside folder)."""
    sub = tree["proj"] / "sections"
    sub.mkdir()
    (sub / "intro.tex").write_text("An introduction with a TODO.\n", encoding="utf-8")
    run = texlint(sub, "intro.tex", trace=True)
    assert run.findings_or_clean(), run.err
    _no_leak(run, tree)


def test_explicit_command_line_paths_are_the_way_out(tree):
    """A baseline or config given on the command line may live anywhere: the user chose it."""
    p = tree["proj"]
    (p / "main.tex").write_text(DOC % "Text. TODO", encoding="utf-8")
    run = texlint(p, "main.tex", "--config", str(tree["out"] / "conf.toml"), trace=True)
    assert run.findings_or_clean() and "L124" in run.out, run.err
    assert str(tree["out"] / "conf.toml") in run.opened or any(x.endswith("conf.toml") for x in run.opened)


def test_nothing_outside_is_opened_on_a_plain_run(tree):
    """The whole trace of a normal run: the project, the interpreter and texlint, nothing else."""
    p = tree["proj"]
    (p / "main.tex").write_text(DOC % "\\section{Intro}\nWe propose a method.\n\\input{sec}", encoding="utf-8")
    (p / "sec.tex").write_text("More text.\n", encoding="utf-8")
    run = texlint(p, "main.tex", "--format", "sarif", "-o", "out.sarif", "--html", "r.html", trace=True)
    assert run.findings_or_clean(), run.err
    assert outside(run.opened, p, [p]) == []
