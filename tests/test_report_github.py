"""GitHub Actions annotations: one workflow command per finding, escaped like the runner expects."""

from __future__ import annotations

import re
import subprocess
import sys

from texlint.app.run import DocResult, RunResult
from texlint.engine.finding import Finding
from texlint.latex.model import Location
from texlint.report import render
from texlint.report.github_report import annotation, escape_data, escape_property

LINE = re.compile(r"^::(error|warning|notice) ((?:[a-zA-Z]+=[^,:]*,?)+)::(.*)$")


def _finding(sev="warning", msg="a message", file="sections/intro.tex", rule="C203", name="absolute-claim", **kw):
    return Finding(rule, msg, Location(file, 4, 7, 4, 13), severity=sev, name=name, category="claims", **kw)


def _props(line: str) -> tuple[str, dict, str]:
    m = LINE.match(line)
    assert m, line
    props = dict(p.split("=", 1) for p in m.group(2).split(","))
    return m.group(1), props, m.group(3)


def test_escaping():
    assert escape_data("50% done\r\nnext") == "50%25 done%0D%0Anext"
    assert escape_property("a:b,c%d\n") == "a%3Ab%2Cc%25d%0A"
    assert escape_data("a:b,c") == "a:b,c"  # ':' and ',' are only escaped in properties


def test_annotation_fields_and_levels():
    for sev, cmd in (("error", "error"), ("warning", "warning"), ("info", "notice")):
        kind, props, msg = _props(annotation(_finding(sev)))
        assert kind == cmd and msg == "a message"
        assert props == {"file": "sections/intro.tex", "line": "4", "col": "7", "endLine": "4", "endColumn": "13",
                         "title": "C203 absolute-claim"}


def test_hostile_text_is_escaped():
    f = _finding(msg="100% sure,\nreally: ::error file=x::boom", file="dir,a:b/p%1.tex",
                 question="Why?\nReally?")
    line = annotation(f)
    assert "\n" not in line and "\r" not in line
    kind, props, msg = _props(line)
    assert props["file"] == "dir%2Ca%3Ab/p%251.tex"
    assert msg == "100%25 sure,%0Areally: ::error file=x::boom%0AReviewer question: Why?%0AReally?"


def test_render_orders_findings_and_summarises():
    findings = [_finding("info", "second", rule="W500", name="w"), _finding("error", "first", file="a.tex")]
    out = render("github", RunResult([DocResult("main.tex", findings)])).splitlines()
    assert out[0].startswith("::error file=a.tex,") and out[1].startswith("::notice file=sections/intro.tex,")
    assert out[2] == "texlint: 2 findings (1 error, 0 warnings, 1 info) in 1 document"  # plural: issue 13
    assert render("github", RunResult([DocResult("main.tex", findings)]), quiet=True).count("\n") == 2


def test_cli_github_format(tmp_path):
    (tmp_path / "main.tex").write_text("\\documentclass{article}\n\\begin{document}\n\\input{missing}\n\\end{document}\n",
                                       encoding="utf-8")
    res = subprocess.run([sys.executable, "-m", "texlint", "main.tex", "--format", "github", "--select", "L"],
                         cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert res.returncode == 1
    first = res.stdout.splitlines()[0]
    kind, props, msg = _props(first)
    assert kind == "error" and props["file"] == "main.tex" and props["line"] == "3"
    assert props["title"] == "L001 input-not-found" and msg == "included file not found: missing"
