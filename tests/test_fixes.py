"""Fixes: the edit model, --fix / --unsafe-fixes / --diff on the command line, and fixes on
copies of the real papers (a fixed file re-lints clean of the fixed findings and gains no other).

Per-rule fixes are pinned by the ``fixed`` key of the rule case files (tests/rules/cases/)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from conftest import CORPUS, corpus_rows, needs_corpus

from texlint.app.fixing import run_fixes
from texlint.app.run import Options, run
from texlint.checks.catalog import build_registry
from texlint.engine.fixes import Edit, apply_edits
from texlint.latex.model import Location

REGISTRY = build_registry(plugins=False)
FIXABLE = {r.code: r.fixable for r in REGISTRY if r.fixable}
DOC = "\\documentclass{article}\n\\begin{document}\n\\section{Introduction}\n%s\n\\end{document}\n"
SAMPLE = ("As Figure \\ref{fig:a} shows, we train for 10-20 epochs , then test it.\n"
          "We call it the \"teacher\" model, a LSTM.\n"
          "\\begin{figure}\\caption{A.}\\label{fig:a}\\end{figure}")


def _edit(start, end, new, original):
    return Edit("f.tex", start, end, new, Location("f.tex", 1, start + 1, 1, end + 1), original)


def test_apply_edits_in_order_skipping_stale_and_overlapping():
    text = "a-b c d"
    new, taken = apply_edits(text, [_edit(4, 5, "C", "c"), _edit(1, 2, "--", "-"), _edit(1, 3, "X", "-b"),
                                    _edit(6, 7, "D", "x")])
    assert new == "a--b C d"  # the overlapping edit and the stale one (original no longer there) wait
    assert [e.replacement for e in taken] == ["--", "C"]


def test_insertions_and_adjacent_edits():
    new, taken = apply_edits("ab", [_edit(1, 1, "{}", ""), _edit(1, 2, "B", "b")])
    assert new == "a{}B" and len(taken) == 2


def test_declared_fixability_matches_the_fixes_rules_make():
    """A rule makes fixes only when it says it can, and only of the kind it declares."""
    from texlint.app.testing import lint_source

    for rule in REGISTRY:
        if not getattr(rule, "examples_are_tests", True):
            continue
        found = [f for f in lint_source(rule.bad, files=rule.example_files, select=[rule.code, *rule.example_select],
                                        venue=rule.example_venue, review=rule.example_review) if f.rule == rule.code]
        kinds = {f.fix.applicability for f in found if f.fix is not None}
        if rule.fixable:
            assert kinds == {rule.fixable}, f"{rule.code} declares {rule.fixable!r} fixes; its Bad example gives {kinds}"
        else:
            assert not kinds, f"{rule.code} makes fixes but does not declare `fixable`"


def _texlint(cwd: Path, *args: str, stdin: bytes | None = None):
    return subprocess.run([sys.executable, "-m", "texlint", "--no-cache", *args], cwd=cwd, capture_output=True,
                          input=stdin, timeout=120)


@pytest.fixture
def paper(tmp_path):
    (tmp_path / "main.tex").write_text(DOC % SAMPLE, encoding="utf-8")
    return tmp_path


def test_diff_prints_the_fixes_and_writes_nothing(paper):
    before = (paper / "main.tex").read_bytes()
    p = _texlint(paper, "--diff", "main.tex")
    out = p.stdout.decode()
    assert p.returncode == 1, p.stderr
    assert "--- a/main.tex" in out and "+As Figure~\\ref{fig:a} shows, we train for 10--20 epochs, then test it." in out
    assert "``teacher''" not in out  # unsafe: only with --unsafe-fixes
    assert "1 more with --unsafe-fixes" in p.stderr.decode() or "more with --unsafe-fixes" in p.stderr.decode()
    assert (paper / "main.tex").read_bytes() == before
    p = _texlint(paper, "--diff", "--unsafe-fixes", "main.tex")
    assert "``teacher''" in p.stdout.decode()
    assert (paper / "main.tex").read_bytes() == before


def test_diff_of_a_clean_file_is_empty_and_exits_zero(tmp_path):
    (tmp_path / "main.tex").write_text(DOC % "Plain text.", encoding="utf-8")
    p = _texlint(tmp_path, "--diff", "--select", "L", "main.tex")
    assert p.returncode == 0 and p.stdout == b"", p.stderr


def test_fix_writes_safe_fixes_and_reports_what_is_left(paper):
    p = _texlint(paper, "--fix", "--select", "L,W", "main.tex")
    text = (paper / "main.tex").read_text(encoding="utf-8")
    assert "Figure~\\ref{fig:a}" in text and "10--20 epochs, then" in text and "an LSTM" in text
    assert '"teacher"' in text  # the unsafe fix is not applied
    err = p.stderr.decode()
    assert "texlint: fixed 4 findings in 1 file (2 more with --unsafe-fixes)" in err, err
    assert "L122" in p.stdout.decode() and "L108" not in p.stdout.decode()
    assert p.returncode == 1  # findings are left
    p = _texlint(paper, "--fix", "--unsafe-fixes", "--select", "L,W", "main.tex")
    assert "``teacher''" in (paper / "main.tex").read_text(encoding="utf-8")
    assert p.returncode == 0, p.stdout


def test_fix_keeps_encoding_and_line_endings(tmp_path):
    text = (DOC % "Caf\u00e9 results for 10-20 epochs.").replace("\n", "\r\n")
    (tmp_path / "main.tex").write_bytes(text.encode("latin-1"))
    _texlint(tmp_path, "--fix", "--select", "L120", "main.tex")
    data = (tmp_path / "main.tex").read_bytes()
    assert data == text.replace("10-20", "10--20").encode("latin-1")


def test_fix_never_writes_through_a_symlink(tmp_path):
    real = tmp_path / "real"
    real.mkdir()
    (real / "sec.tex").write_text("We train for 10-20 epochs.\n", encoding="utf-8")
    proj = tmp_path / "proj"
    proj.mkdir()
    (proj / "main.tex").write_text(DOC % "\\input{sec}", encoding="utf-8")
    (proj / "sec.tex").symlink_to(real / "sec.tex")
    p = _texlint(proj, "--fix", "--select", "L120", "main.tex")
    assert (real / "sec.tex").read_text(encoding="utf-8") == "We train for 10-20 epochs.\n"
    assert "Traceback" not in p.stderr.decode()


def test_fix_with_stdin_is_a_one_line_error(paper):
    p = _texlint(paper, "--fix", "--stdin-filename", "main.tex", stdin=b"x")
    assert p.returncode == 2 and len(p.stderr.decode().strip().splitlines()) == 1


def test_diff_of_standard_input_writes_nothing(paper):
    before = (paper / "main.tex").read_bytes()
    p = _texlint(paper, "--diff", "--stdin-filename", "main.tex", stdin=(DOC % "For 3-5 epochs.").encode())
    assert "+For 3--5 epochs." in p.stdout.decode() and p.returncode == 1
    assert (paper / "main.tex").read_bytes() == before


def test_a_file_changed_after_linting_is_not_fixed(paper):
    calls = []

    def lint_then_edit(paths, opts):
        result = run(paths, opts)
        if not calls:
            (paper / "main.tex").write_text(DOC % "Edited meanwhile, 1-2 times.", encoding="utf-8")
        calls.append(1)
        return result

    outcome = run_fixes(lint_then_edit, [paper / "main.tex"], Options(select=["L"], need_sources=True))
    assert outcome.fixed == 0 and any("changed since it was read" in s for s in outcome.skipped)
    assert "1-2 times" in (paper / "main.tex").read_text(encoding="utf-8")


@pytest.mark.corpus
@needs_corpus
@pytest.mark.parametrize("row", corpus_rows(), ids=lambda r: r["id"])
def test_fixing_a_copy_of_a_real_paper(row, tmp_path):
    """Safe fixes on a copy of each corpus paper: every fixed finding is gone, no finding that
    has a safe fix is left (they converge), and no rule finds more than before."""
    src = CORPUS / row["id"]
    copy = tmp_path / "paper"
    shutil.copytree(src, copy, symlinks=True, ignore=shutil.ignore_patterns("*.pdf", "*.png", "*.jpg", "*.eps"))
    (copy / ".git").mkdir()
    main = copy / row["main"]
    opts = Options(select=["L", "W"], need_sources=True)
    before = run([main], opts)
    outcome = run_fixes(run, [main], opts)
    after = outcome.result
    left = [f for f in after.findings if f.fix is not None and f.fix.safe]
    assert not left, [f"{f.location.file}:{f.location.line} {f.rule} {f.message}" for f in left[:5]]
    count_before = Counter(f.rule for f in before.findings)
    count_after = Counter(f.rule for f in after.findings)
    grew = {r: (count_before[r], n) for r, n in count_after.items() if n > count_before[r]}
    assert not grew, f"fixes made new findings: {grew}"
    fixable_before = sum(1 for f in before.findings if f.fix is not None and f.fix.safe)
    if not outcome.skipped:  # every file could be fixed: every safe fix was applied
        assert outcome.fixed >= fixable_before
        assert sum(count_after.values()) <= sum(count_before.values()) - fixable_before
