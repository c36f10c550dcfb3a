"""Terminal output: grouped by file with a header each, linkable lines, a summary, colour rules."""

from __future__ import annotations

import io
import subprocess
import sys

import pytest

from texlint.app.run import DocResult, RunResult
from texlint.engine.finding import Finding
from texlint.latex.model import Location
from texlint.report import render
from texlint.report.text_report import use_color

ESC = "\033["


def _f(file, line, sev="warning", rule="L124", name="leftover-todo", msg="note", **kw):
    return Finding(rule, msg, Location(file, line, 1, line, 5), severity=sev, name=name, category="latex", **kw)


@pytest.fixture
def result():
    findings = [
        _f("sections/b.tex", 9, "info", "W500", "weasel", "weasel word"),
        _f("main.tex", 30, "error", "L001", "input-not-found", "included file not found: x"),
        _f("sections/b.tex", 2, question="Which test?", suggestion="``"),
        _f("main.tex", 3),
    ]
    return RunResult([DocResult("main.tex", findings)])


def test_grouped_by_file_with_headers_and_summary(result):
    lines = render("text", result).splitlines()
    assert lines == [
        "main.tex (2 findings: 1 error, 1 warning)",
        "main.tex:3:1: warning [L124 leftover-todo] note",
        "main.tex:30:1: error [L001 input-not-found] included file not found: x",
        "",
        "sections/b.tex (2 findings: 1 warning, 1 info)",
        "sections/b.tex:2:1: warning [L124 leftover-todo] note",
        "    reviewer: Which test?",
        "    suggestion: ``",
        "sections/b.tex:9:1: info [W500 weasel] weasel word",
        "",
        "4 findings (1 error, 2 warnings, 1 info) in 2 files of 1 document.",
    ]
    assert ESC not in "\n".join(lines)


def test_quiet_prints_only_finding_lines(result):
    lines = render("text", result, quiet=True).splitlines()
    assert len(lines) == 4 and all(ln.count(":") >= 3 and "[" in ln for ln in lines)


def test_colour_only_when_asked(result):
    coloured = render("text", result, color=True)
    assert "\033[1;31merror" in coloured and "\033[33mwarning" in coloured and "\033[0m" in coloured
    # the text without escape codes is the plain output
    import re

    assert re.sub(r"\033\[[0-9;]*m", "", coloured) == render("text", result)


def test_no_findings_summary():
    assert render("text", RunResult([DocResult("main.tex", [])])) == "No findings in 1 document.\n"


def test_control_characters_cannot_reach_the_terminal():
    f = _f("main.tex", 1, msg="evil \033[2J\033]0;title\007 text\nsecond line")
    out = render("text", RunResult([DocResult("main.tex", [f])]))
    assert "\033" not in out and "\007" not in out
    assert "evil ?[2J?]0;title? text second line" in out


class _Tty(io.StringIO):
    def isatty(self):
        return True


def test_use_color(monkeypatch):
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm-256color")
    assert use_color("auto", _Tty()) is True
    assert use_color("auto", io.StringIO()) is False
    assert use_color("never", _Tty()) is False
    assert use_color("always", io.StringIO()) is True
    monkeypatch.setenv("NO_COLOR", "1")
    assert use_color("auto", _Tty()) is False
    assert use_color("always", io.StringIO()) is True  # an explicit --color always wins
    monkeypatch.delenv("NO_COLOR")
    monkeypatch.setenv("TERM", "dumb")
    assert use_color("auto", _Tty()) is False


def test_cli_output_is_plain_when_piped(tmp_path):
    (tmp_path / "main.tex").write_text("\\documentclass{article}\n\\begin{document}\n\\input{missing}\n\\end{document}\n",
                                       encoding="utf-8")
    res = subprocess.run([sys.executable, "-m", "texlint", "main.tex", "--select", "L"], cwd=tmp_path,
                         capture_output=True, text=True, timeout=120)
    assert res.returncode == 1 and ESC not in res.stdout
    assert res.stdout.splitlines()[0].startswith("main.tex (1 finding: 1 error)")
    assert "main.tex:3:1: error [L001 input-not-found] included file not found: missing" in res.stdout
    assert res.stdout.rstrip().endswith("1 finding (1 error) in 1 file of 1 document.")


def test_one_cause_is_one_line_in_text_but_every_location_in_json(tmp_path):
    """The same rule and message in one file (one undefined key cited four times) is one text line
    with a count and the other lines; --quiet and JSON keep every location."""
    import json as _json

    from texlint.app.run import Options, run

    (tmp_path / "main.tex").write_text(
        "\\documentclass{article}\n\\begin{document}\n" + "".join(f"See~\\cite{{nokey}} {i}.\n" for i in range(4))
        + "\\bibliography{refs}\n\\end{document}\n", encoding="utf-8")
    (tmp_path / "refs.bib").write_text("@book{other, title={O}, year={1990}}\n", encoding="utf-8")
    result = run([tmp_path / "main.tex"], Options(select=["L101"]))
    text = render("text", result)
    lines = [x for x in text.splitlines() if "[L101" in x]
    assert len(lines) == 1 and "(x4: also lines 4, 5, 6)" in lines[0], text
    assert len([x for x in render("text", result, quiet=True).splitlines() if "[L101" in x]) == 4
    assert len(_json.loads(render("json", result))["findings"]) == 4
