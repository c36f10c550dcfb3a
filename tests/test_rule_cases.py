"""One runner for every rule's case file: tests/rules/cases/<rule-name>.toml.

Each ``[[case]]`` has ``tex`` (a snippet, wrapped in a minimal article unless it has its own
``\\documentclass``) and ``expect``: a list of "line:col" positions (relative to the snippet)
where this rule must report, ``[]`` for a near-miss that must stay clean, or an integer count.
Optional keys: ``files`` (extra files), ``venue``, ``review``, ``select`` (extra rules to run),
``config`` (a .texlint.toml text), ``main`` (main file name), ``fixed`` (the snippet after every
fix of this rule is applied, unsafe ones too: it must re-lint without a fixable finding of the
rule). Run one rule with ``pytest -k NAME``.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import tomllib

from texlint.app.testing import lint_source, wrap
from texlint.checks.catalog import build_registry
from texlint.engine.fixes import apply_edits

CASES_DIR = Path(__file__).parent / "rules" / "cases"
CASE_KEYS = {"name", "tex", "expect", "files", "venue", "review", "select", "config", "main", "message", "encodings", "fixed"}


def _load_cases():
    out = []
    for path in sorted(CASES_DIR.glob("*.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        for case in data.get("case", []):
            out.append(pytest.param(path.stem, case, id=f"{path.stem}-{case.get('name', 'case')}"))
    return out


REGISTRY = build_registry(plugins=False)


@pytest.mark.parametrize("rule_name,case", _load_cases())
def test_rule_case(rule_name, case):
    unknown = set(case) - CASE_KEYS
    assert not unknown, f"unknown case keys {unknown}"
    rule = REGISTRY.get(rule_name)
    assert rule is not None, f"case file for unknown rule {rule_name}"
    select = [rule.code] + list(case.get("select", []))
    files = dict(case.get("files", {}))
    for name, enc in case.get("encodings", {}).items():
        files[name] = files[name].encode(enc)
    findings = lint_source(case["tex"], files=files, select=select, venue=case.get("venue"),
                           review=case.get("review"), config=case.get("config"),
                           main_name=case.get("main", "main.tex"))
    mine = [f for f in findings if f.rule == rule.code]
    expect = case["expect"]
    got = sorted(f"{f.location.line}:{f.location.column}" for f in mine)
    detail = "\n".join(f"  {f.location.file}:{f.location.line}:{f.location.column} {f.message}" for f in mine)
    if isinstance(expect, int):
        assert len(mine) == expect, f"expected {expect} findings, got {len(mine)}:\n{detail}"
    else:
        assert got == sorted(expect), f"expected {sorted(expect)}, got {got}:\n{detail}"
    if "message" in case and mine:
        assert any(case["message"] in f.message for f in mine), detail

    if "fixed" in case:
        _check_fixed(rule, case, mine, select, files)


def _check_fixed(rule, case, mine, select, files):
    main = case.get("main", "main.tex")
    text, _ = wrap(case["tex"])
    edits = [e for f in mine if f.fix is not None for e in f.fix.edits if e.file.endswith(main)]
    assert edits, "a case with 'fixed' needs findings with fixes"
    new, _taken = apply_edits(text, edits)
    for _round in range(5):  # overlapping fixes land on a later round, as with --fix
        again = [e for f in lint_source(new, files=files, select=select, venue=case.get("venue"),
                                        review=case.get("review"), config=case.get("config"), main_name=main)
                 if f.rule == rule.code and f.fix is not None for e in f.fix.edits]
        if not again:
            break
        new, _taken = apply_edits(new, again)
    else:
        raise AssertionError("fixes of this rule do not converge")
    head, tail = "\\documentclass{article}\n\\begin{document}\n", "\n\\end{document}\n"
    if "\\documentclass" not in case["tex"]:
        assert new.startswith(head) and new.endswith(tail), new
        new = new[len(head):-len(tail)]
    assert new == case["fixed"], f"after fixing:\n{new!r}\nexpected:\n{case['fixed']!r}"
