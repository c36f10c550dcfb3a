"""Cost grows with the input, never with the wrong thing: per finding work is bounded, include
blow-ups and floods of findings are cut, and what was cut is said in a finding."""

from __future__ import annotations

import json
from pathlib import Path

from tests.hostile.runner import texlint

DOC = "\\documentclass{article}\n\\begin{document}\n%s\n\\end{document}\n"


def _json(run) -> list[dict]:
    assert run.findings_or_clean(), run.err[-800:]
    return json.loads(run.out)["findings"]


def test_run_on_paragraph_of_200_kb_with_many_findings(tmp_path):
    sentence = "The model , in every case , uses the the data \"here\" and there... and so on"
    (tmp_path / "main.tex").write_text(DOC % (" ".join([sentence] * 2700)), encoding="utf-8")
    run = texlint(tmp_path, "main.tex", "--format", "json", timeout=120)
    assert run.seconds < 120
    assert len(_json(run)) > 100


def test_ten_thousand_undefined_refs_on_one_line(tmp_path):
    (tmp_path / "main.tex").write_text(DOC % " ".join(f"see~\\ref{{x{i}}}" for i in range(10_000)), encoding="utf-8")
    findings = _json(texlint(tmp_path, "main.tex", "--select", "L100", "--format", "json", timeout=120))
    assert 1000 <= len(findings) <= 1001
    assert any("not reported" in f["message"] for f in findings)


def test_diamond_includes(tmp_path):
    depth = 24
    for i in range(depth):
        (tmp_path / f"b{i}.tex").write_text(f"Level {i}.\n\\input{{b{i + 1}}}\n\\input{{b{i + 1}}}\n", encoding="utf-8")
    (tmp_path / f"b{depth}.tex").write_text("Leaf.\n", encoding="utf-8")
    (tmp_path / "main.tex").write_text(DOC % "\\input{b0}", encoding="utf-8")
    findings = _json(texlint(tmp_path, "main.tex", "--select", "L", "--format", "json", timeout=120))
    assert any("were not read" in f["message"] for f in findings)


def test_a_hundred_thousand_labels_refs_and_cites(tmp_path):
    body = "\n".join(f"\\label{{l{i}}} \\ref{{r{i}}} \\cite{{c{i}}}" for i in range(100_000))
    (tmp_path / "main.tex").write_text(DOC % body + "\\bibliography{refs}\n", encoding="utf-8")
    (tmp_path / "refs.bib").write_text("@book{other, title={O}, year={1990}}\n", encoding="utf-8")
    run = texlint(tmp_path, "main.tex", "--select", "L", "--format", "json", timeout=180)
    assert len(_json(run)) < 10_000


def _pack(tmp_path: Path, rule: str) -> None:
    (tmp_path / "pack").mkdir()
    (tmp_path / "pack" / "p.toml").write_text(rule, encoding="utf-8")
    (tmp_path / ".texlint.toml").write_text('rule-paths = ["pack"]\nselect = ["W9"]\n', encoding="utf-8")
    (tmp_path / "main.tex").write_text(DOC % ("a" * 5000 + "! We propose a model."), encoding="utf-8")


def test_pack_with_a_catastrophic_regex_is_refused(tmp_path):
    _pack(tmp_path, '[[rule]]\ncode = "W901"\nname = "slow"\ntype = "existence"\nmessage = "m"\n'
                    'patterns = [[{TEXT = {REGEX = "(a+)+$"}}]]\n')
    run = texlint(tmp_path, "main.tex", timeout=60)
    assert run.one_line_error() and "backtracking" in run.err, run.err


def test_pack_message_cannot_ask_for_a_huge_field(tmp_path):
    _pack(tmp_path, '[[rule]]\ncode = "W902"\nname = "wide"\ntype = "existence"\n'
                    'message = "{count:999999999} {match}"\ntokens = ["propose"]\n')
    run = texlint(tmp_path, "main.tex", "--format", "json", timeout=60)
    findings = _json(run)
    assert findings and all(len(f["message"]) < 200 for f in findings)


def test_pack_with_stacked_operators_is_refused(tmp_path):
    ops = ", ".join(['{OP = "*"}'] * 8)
    _pack(tmp_path, f'[[rule]]\ncode = "W903"\nname = "stars"\ntype = "existence"\nmessage = "m"\npatterns = [[{ops}]]\n')
    run = texlint(tmp_path, "main.tex", timeout=60)
    assert run.one_line_error() and "operators" in run.err, run.err


def test_pack_with_an_invalid_pattern_is_one_line(tmp_path):
    _pack(tmp_path, '[[rule]]\ncode = "W904"\nname = "bad"\ntype = "existence"\nmessage = "m"\n'
                    'patterns = [[{LOWER = {IN = 5}}]]\n')
    run = texlint(tmp_path, "main.tex", timeout=60)
    assert run.one_line_error(), run.err
