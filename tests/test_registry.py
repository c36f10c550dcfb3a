"""Meta-tests that keep the registry honest: ids, docs, examples, case files, generated docs."""

from __future__ import annotations

from pathlib import Path

import pytest
import tomllib

from texlint.app.testing import lint_source
from texlint.checks.catalog import build_registry
from texlint.engine.rule import CATEGORY_PREFIX
from texlint.engine.ruledocs import rules_markdown

REPO = Path(__file__).resolve().parents[1]
REGISTRY = build_registry(plugins=False)
RULES = list(REGISTRY)
CASES = Path(__file__).parent / "rules" / "cases"


def test_registry_is_not_empty():
    assert len(RULES) >= 5


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_rule_identity_and_docs(rule):
    assert rule.code[0] == CATEGORY_PREFIX[rule.category], f"{rule.code}: prefix must match category {rule.category}"
    assert rule.name == rule.name.lower() and " " not in rule.name
    for attr in ("summary", "why", "bad", "good", "fix"):
        assert getattr(rule, attr).strip(), f"{rule.code} has no '{attr}' documentation"


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.name)
def test_rule_has_case_file_with_flag_and_pass(rule):
    path = CASES / f"{rule.name}.toml"
    assert path.is_file(), f"missing {path.relative_to(REPO)}"
    cases = tomllib.loads(path.read_text(encoding="utf-8")).get("case", [])
    if rule.code != "L006":  # its flag case needs a multi-megabyte input: tests/test_adversarial.py::test_20mb_tex
        assert any(c["expect"] not in ([], 0) for c in cases), "needs a case it must flag"
    assert any(c["expect"] in ([], 0) for c in cases), "needs a near-miss it must not flag"


EXAMPLE_RULES = [r for r in RULES if getattr(r, "examples_are_tests", True)]


@pytest.mark.parametrize("rule", EXAMPLE_RULES, ids=lambda r: r.code)
def test_bad_example_flags_and_good_example_does_not(rule):
    select = [rule.code, *getattr(rule, "example_select", ())]
    venue = getattr(rule, "example_venue", None)
    review = getattr(rule, "example_review", None)
    files = getattr(rule, "example_files", None)
    bad = [f for f in lint_source(rule.bad, files=files, select=select, venue=venue, review=review) if f.rule == rule.code]
    good = [f for f in lint_source(rule.good, files=files, select=select, venue=venue, review=review) if f.rule == rule.code]
    assert bad, f"{rule.code}: its Bad example yields no finding"
    assert not good, f"{rule.code}: its Good example yields {[f.message for f in good]}"


def test_ids_are_unique_and_names_too():
    assert len({r.code for r in RULES}) == len(RULES)
    assert len({r.name for r in RULES}) == len(RULES)


def test_docs_rules_md_is_current():
    current = (REPO / "docs" / "rules.md").read_text(encoding="utf-8")
    assert current == rules_markdown(REGISTRY), "docs/rules.md is stale: run `python -m texlint.checks.catalog > docs/rules.md`"
