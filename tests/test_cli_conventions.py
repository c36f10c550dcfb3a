"""The command-line conventions users of ruff expect, and the one-line errors of a new user's
first hour: each flag does what it says, and each bad input is exit 2 with one line."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from texlint.app.config import STARTER, parse_config, validate_ids
from texlint.checks.catalog import build_registry

PAPER = ("\\documentclass{article}\n\\begin{document}\n\\section{Intro}\nWe propose a method. TODO cite.\n"
         "\\input{template/boiler}\n\\end{document}\n")


def texlint(*args: str, cwd: Path, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "texlint", *args], cwd=cwd, capture_output=True, text=True,
                          input=stdin, timeout=180, env={**os.environ, "NO_COLOR": "1"})


@pytest.fixture()
def paper(tmp_path: Path) -> Path:
    (tmp_path / "template").mkdir()
    (tmp_path / "main.tex").write_text(PAPER, encoding="utf-8")
    (tmp_path / "template" / "boiler.tex").write_text("Another TODO in the template.\n", encoding="utf-8")
    (tmp_path / ".texlint.toml").write_text('select = ["L124"]\n', encoding="utf-8")
    return tmp_path


def test_output_format_is_an_alias_and_exit_zero_keeps_findings(paper):
    res = texlint("main.tex", "--output-format", "json", "--exit-zero", "--no-cache", cwd=paper)
    assert res.returncode == 0, res.stderr
    assert len(json.loads(res.stdout)["findings"]) == 2
    assert texlint("main.tex", "--no-cache", cwd=paper).returncode == 1  # near-miss: without --exit-zero


def test_statistics_counts_per_rule(paper):
    res = texlint("main.tex", "--statistics", "--no-cache", cwd=paper)
    assert res.stdout.split() == ["2", "L124", "leftover-todo"], res.stdout


def test_exclude_drops_findings_in_matching_files_unless_named(paper):
    (paper / ".texlint.toml").write_text('select = ["L124"]\nexclude = ["template/*"]\n', encoding="utf-8")
    out = texlint("main.tex", "--no-cache", "-q", cwd=paper).stdout
    assert "main.tex:4" in out and "boiler" not in out, out
    named = texlint("template/boiler.tex", "--no-cache", "-q", cwd=paper).stdout
    assert "template/boiler.tex:1" in named  # a file named on the command line is linted
    forced = texlint("template/boiler.tex", "--force-exclude", "--no-cache", "-q", cwd=paper)
    assert forced.returncode == 0 and "boiler" not in forced.stdout  # pre-commit: the config wins


def test_stdin_filename_lints_the_given_text_as_that_file(paper):
    res = texlint("--stdin-filename", "template/boiler.tex", "-q", cwd=paper, stdin="Clean text only.\n")
    assert res.returncode == 0 and res.stdout == "", res.stdout + res.stderr
    res = texlint("--stdin-filename", "template/boiler.tex", "-q", cwd=paper, stdin="A FIXME here.\n")
    assert res.returncode == 1 and "template/boiler.tex:1:3" in res.stdout
    assert (paper / "template" / "boiler.tex").read_text(encoding="utf-8").startswith("Another TODO")  # never written


def test_show_settings(paper):
    res = texlint("main.tex", "--show-settings", cwd=paper)
    assert res.returncode == 0 and "select = ['L124']" in res.stdout and "L124" in res.stdout.splitlines()[-1]


@pytest.mark.parametrize("args, message", [
    (["main.tex", "--html", "/nonexistent/dir/r.html"], "folder /nonexistent/dir does not exist"),
    (["main.tex", "--select", ""], "--select needs at least one rule"),
    (["lint"], "give the files or folders to lint"),
])
def test_bad_input_is_one_line_and_exit_2(paper, args, message):
    res = texlint(*args, cwd=paper)
    assert res.returncode == 2 and message in res.stderr, res.stderr
    assert len(res.stderr.strip().splitlines()) == 1 and "Traceback" not in res.stderr


def test_report_is_never_written_through_a_symlink(paper, tmp_path_factory):
    outside = tmp_path_factory.mktemp("outside") / "victim.txt"
    outside.write_text("keep me", encoding="utf-8")
    os.symlink(outside, paper / "texlint-report.html")
    res = texlint("main.tex", "--html", "texlint-report.html", "--no-cache", cwd=paper)
    assert res.returncode == 2 and "symbolic link" in res.stderr
    assert outside.read_text(encoding="utf-8") == "keep me"


def test_html_to_a_file_says_where_it_went(paper):
    res = texlint("main.tex", "--format", "html", "-o", "r.html", "--no-cache", cwd=paper)
    assert res.returncode == 1 and (paper / "r.html").is_file()
    assert res.stderr.strip().splitlines() == [res.stderr.strip()] and "wrote the HTML report to r.html" in res.stderr


def test_every_commented_setting_of_the_starter_config_is_valid(tmp_path):
    """`texlint init` writes examples; uncommented, each must be accepted (W502 has no `max`)."""
    setting = re.compile(r'^# (\[[\w.-]+\]|("[^"]+"|[\w.-]+) = .*)$')
    lines = [line[2:] if setting.match(line) and "rule-paths" not in line else line for line in STARTER.splitlines()]
    path = tmp_path / ".texlint.toml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    from texlint.util.tomlio import read_toml

    cfg = parse_config(read_toml(path, ValueError), path)
    assert cfg.options and cfg.severity and cfg.per_file_ignores and cfg.extend_select and cfg.exclude
    validate_ids(cfg, build_registry())


def test_an_in_process_run_leaves_no_sigterm_handler_behind(paper: Path, monkeypatch):
    """The run's SIGTERM handler (stop like Ctrl-C) is put back when texlint is called in-process:
    left installed, processes the caller forks later inherit it, and a multiprocessing pool's
    terminate() then hangs on a worker that no longer dies of SIGTERM."""
    import signal

    from click.testing import CliRunner

    from texlint.cli.main import main

    before = signal.getsignal(signal.SIGTERM)
    monkeypatch.chdir(paper)
    res = CliRunner().invoke(main, ["main.tex", "--no-cache", "--select", "L"])
    assert res.exit_code in (0, 1), res.output
    assert signal.getsignal(signal.SIGTERM) == before
