"""The argument fixtures: a well-argued paper and variants that each lack a move or overclaim.

Each ``fixtures/argument/<name>/expected.json`` lists exactly the story, claims and reviewer-gap
findings (rule, file, line) texlint must report with its default rules; the test compares exactly,
so a new false positive fails as surely as a missed finding.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from texlint.app.run import Options, run

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "argument"
CASES = sorted(p.name for p in FIXTURES.iterdir() if (p / "expected.json").is_file())
CATEGORIES = ("story", "claims", "reviewer")


def test_there_are_at_least_six_argument_fixtures():
    assert len(CASES) >= 6
    assert "well-argued" in CASES


@pytest.mark.parametrize("name", CASES)
def test_fixture_findings_match_sidecar_exactly(name):
    expected = json.loads((FIXTURES / name / "expected.json").read_text(encoding="utf-8"))
    result = run([FIXTURES / name / "main.tex"], Options())
    got = sorted(({"rule": f.rule, "file": Path(f.location.file).name, "line": f.location.line}
                  for f in result.findings if f.category in CATEGORIES), key=lambda d: (d["line"], d["rule"]))
    want = sorted(expected["findings"], key=lambda d: (d["line"], d["rule"]))
    assert got == want


def test_well_argued_paper_has_every_move_and_fact():
    result = run([FIXTURES / "well-argued" / "main.tex"], Options())
    doc = result.documents[0].doc
    for move in ("phenomenon", "insight", "method_link", "novelty", "contribution", "impact"):
        assert doc.argument[move], move
    for fact in ("limitations_section", "error_bars", "ablation", "baselines", "efficiency_measured",
                 "several_scales", "statistical_test", "code_release", "compute_resources", "several_datasets"):
        assert doc.facts[fact]["present"], fact
        assert all({"text", "file", "line", "column"} <= set(e) for e in doc.facts[fact]["evidence"])


def test_reviewer_gap_findings_carry_questions():
    result = run([FIXTURES / "reviewer-gaps" / "main.tex"], Options())
    gaps = [f for f in result.findings if f.category == "reviewer"]
    assert gaps and all(f.question.endswith("?") or "Please" in f.question for f in gaps)


def test_text_output_ends_with_story_and_positioning(tmp_path):
    import subprocess
    import sys

    res = subprocess.run([sys.executable, "-m", "texlint", str(FIXTURES / "no-novelty" / "main.tex")],
                         capture_output=True, text=True)
    assert "Story: phenomenon found" in res.stdout
    assert "Positioning: impact is argued but novelty is not" in res.stdout


def test_story_line_says_what_a_missing_stage_lacks():
    """'method MISSING' on a paper with a method section read as a bug: the line names the field."""
    import subprocess
    import sys

    res = subprocess.run([sys.executable, "-m", "texlint", str(FIXTURES / "no-method-link" / "main.tex")],
                         capture_output=True, text=True)
    assert "insight MISSING (no insight tied to the method)" in res.stdout, res.stdout
    assert "method found" in res.stdout and "method MISSING" not in res.stdout


def test_story_evidence_is_a_comparison_reported_where_results_are():
    from texlint.analysis.arc import story_arc

    result = run([FIXTURES / "well-argued" / "main.tex"], Options())
    doc = result.documents[0].doc
    evidence = story_arc(doc)["stages"]["evidence"]
    assert evidence is not None
    assert evidence == doc.assessment["baselines_compared"]["evidence"][0]
    experiments = next(s for s in doc.sections if s.role == "experiments")
    assert evidence["line"] >= doc.location(experiments.offset).line, evidence
    # every argument item says which section role it comes from
    assert all("role" in item for items in doc.argument.values() for item in items)
    # with no comparison found, the stage is a gap
    doc.assessment = {**doc.assessment, "baselines_compared": {"present": False, "evidence": [], "why": ""}}
    assert story_arc(doc)["stages"]["evidence"] is None
