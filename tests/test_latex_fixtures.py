"""The LaTeX fixtures: real-LaTeX constructs that once gave false findings.

Each ``fixtures/latex/<name>/expected.json`` lists exactly the findings (rule, file, line) of the
selected categories (``select``, default LaTeX and style rules) texlint must report; the test
compares exactly, so a new false positive fails as surely as a missed finding. ``sections``, when
given, is the list of section titles the model must hold (nothing lost after a construct).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from texlint.app.run import Options, run

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "latex"
CASES = sorted(p.name for p in FIXTURES.iterdir() if (p / "expected.json").is_file())


@pytest.mark.parametrize("name", CASES)
def test_latex_fixture_findings_match_sidecar_exactly(name):
    expected = json.loads((FIXTURES / name / "expected.json").read_text(encoding="utf-8"))
    select = expected.get("select", ["latex", "style"])
    result = run([FIXTURES / name / "main.tex"], Options(select=select, venue=expected.get("venue")))
    got = sorted(({"rule": f.rule, "file": Path(f.location.file).name, "line": f.location.line}
                  for f in result.findings), key=lambda d: (d["line"], d["rule"]))
    want = sorted(expected["findings"], key=lambda d: (d["line"], d["rule"]))
    assert got == want, [f"{f.location.line}: {f.rule} {f.message}" for f in result.findings]
    if "sections" in expected:
        titles = [s["title"] for s in result.documents[0].summary["sections"] if s["title"] and s["level"] >= 1]
        assert titles == expected["sections"]
