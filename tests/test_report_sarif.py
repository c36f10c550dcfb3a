"""SARIF 2.1.0 output: valid against the official schema, faithful to the findings."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from conftest import SCHEMAS

from texlint.app.run import DocResult, Options, RunResult, run
from texlint.engine.finding import Finding
from texlint.latex.model import Location
from texlint.report import render
from texlint.report.sarif_report import artifact_uri, sarif_dict

SCHEMA = SCHEMAS / "sarif-schema-2.1.0.json"

MAIN = r"""\documentclass{article}
\usepackage{todonotes}
\begin{document}
\section{Introduction}
We say "hello" here.\todo{fix this}
\input{missing}
\input{sections/intro notes}
\end{document}
"""


@pytest.fixture(scope="module")
def paper(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("sarif")
    (root / "sections").mkdir()
    (root / "main.tex").write_text(MAIN, encoding="utf-8")
    (root / "sections" / "intro notes.tex").write_text('Another "quoted" word.\n', encoding="utf-8")
    (root / ".texlint.toml").write_text('select = ["L"]\n', encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def result(paper):
    old = os.getcwd()
    os.chdir(paper)
    try:
        return run([Path("main.tex")], Options())
    finally:
        os.chdir(old)


def _validate(data: dict) -> None:
    if not SCHEMA.is_file():
        pytest.skip(f"{SCHEMA} is absent")
    import jsonschema

    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    errors = sorted(cls(schema, format_checker=cls.FORMAT_CHECKER).iter_errors(data), key=str)
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors[:10])


def test_sarif_validates_against_schema(result):
    data = json.loads(render("sarif", result))
    assert data["version"] == "2.1.0"
    assert len(data["runs"][0]["results"]) == len(result.findings) >= 4
    _validate(data)


def test_empty_run_validates():
    data = json.loads(render("sarif", RunResult([])))
    assert data["runs"][0]["results"] == [] and data["runs"][0]["tool"]["driver"]["rules"] == []
    _validate(data)


def test_results_match_findings(result):
    data = sarif_dict(result)
    run_ = data["runs"][0]
    driver = run_["tool"]["driver"]
    assert driver["name"] == "texlint" and driver["version"]
    assert "informationUri" not in driver or urlsplit(driver["informationUri"]).scheme
    rules = driver["rules"]
    levels = {"error": "error", "warning": "warning", "info": "note"}
    findings = sorted(result.findings, key=lambda f: f.sort_key())
    for f, r in zip(findings, run_["results"]):
        assert r["ruleId"] == f.rule and rules[r["ruleIndex"]]["id"] == f.rule
        assert r["level"] == levels[f.severity]
        assert r["message"]["text"].startswith(f.message)
        loc = r["locations"][0]["physicalLocation"]
        assert loc["artifactLocation"]["uri"] == artifact_uri(f.location.file)
        reg = loc["region"]
        assert (reg["startLine"], reg["startColumn"], reg["endLine"], reg["endColumn"]) == (
            f.location.line, f.location.column, f.location.end_line, f.location.end_column)
        assert r["partialFingerprints"] == {"texlint/v1": f.fingerprint} and f.fingerprint
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in run_["results"]}
    assert "main.tex" in uris and "sections/intro%20notes.tex" in uris
    assert all("\\" not in u and not u.startswith("/") for u in uris)
    codes = {f.rule for f in findings}
    assert {r["id"] for r in rules} == codes and len(rules) == len(codes)
    assert {"L001", "L122", "L124"} <= codes
    todo = next(r for r in rules if r["id"] == "L124")
    assert todo["name"] == "leftover-todo" and todo["shortDescription"]["text"]
    assert "Why it matters" in todo["help"]["text"] and "```latex" in todo["help"]["markdown"]
    for r in rules:
        assert "helpUri" not in r or urlsplit(r["helpUri"]).scheme in ("http", "https")


def test_artifact_uri_forms(tmp_path):
    assert artifact_uri("sections/a b.tex") == "sections/a%20b.tex"
    assert artifact_uri("./main.tex") == "main.tex"
    assert artifact_uri("x&y#1.tex") == "x%26y%231.tex"
    absolute = artifact_uri(str(tmp_path / "p.tex"))
    assert absolute.startswith("file:///") and absolute.endswith("/p.tex")


def test_rule_outside_registry_still_described():
    f = Finding("X999", "custom message", Location("p.tex", 3, 2, 3, 9), severity="info", name="custom-rule",
                category="style", fingerprint="abc")
    data = sarif_dict(RunResult([DocResult("p.tex", [f])]))
    (rule,) = data["runs"][0]["tool"]["driver"]["rules"]
    assert rule["id"] == "X999" and rule["name"] == "custom-rule"
    (res,) = data["runs"][0]["results"]
    assert res["level"] == "note" and res["partialFingerprints"] == {"texlint/v1": "abc"}
    _validate(data)


def test_cli_writes_sarif_file(paper):
    res = subprocess.run([sys.executable, "-m", "texlint", "main.tex", "--format", "sarif", "-o", "out.sarif"],
                         cwd=paper, capture_output=True, text=True, timeout=120)
    assert res.returncode == 1, res.stderr  # L001 is an error
    data = json.loads((paper / "out.sarif").read_text(encoding="utf-8"))
    assert any(r["ruleId"] == "L001" and r["level"] == "error" for r in data["runs"][0]["results"])
    assert "L001" in res.stderr  # the human summary goes to stderr
