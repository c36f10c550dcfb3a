"""Incremental linting (the language server's mode): remembered parses, annotations and moves
give exactly the findings of a fresh lint, edit after edit, and an edit of one file re-parses
only that file."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from texlint.analysis import analyse, facts
from texlint.app.lint_document import lint_root, remember_between_lints
from texlint.app.result import Options
from texlint.latex import parse
from texlint.nlp import pipeline
from texlint.report.json_report import finding_dict
from texlint.util.memo import not_remembering
from texlint.util.reading import overlay

REPO = Path(__file__).resolve().parents[1]
EXAMPLE = REPO / "fixtures" / "example"


def _findings(result) -> list[str]:
    return sorted(json.dumps(finding_dict(f), sort_keys=True) for f in result.findings)


@pytest.fixture
def remembering():
    remember_between_lints()
    try:
        yield
    finally:
        remember_between_lints(False)


def _fresh_lint(main: Path):
    """A lint that neither reads nor changes what is remembered."""
    saved = parse._PARSES, pipeline._DOCS, analyse._TAGS, facts._MATCHES
    parse._PARSES = pipeline._DOCS = analyse._TAGS = facts._MATCHES = None
    try:
        with not_remembering():
            return lint_root(main, Options(), {})
    finally:
        parse._PARSES, pipeline._DOCS, analyse._TAGS, facts._MATCHES = saved


def _edits(text: str) -> list[str]:
    mid = text.index("\n\n", len(text) // 2)
    return [
        text[:mid] + " We observe a new effect that always works. TODO check." + text[mid:],
        text[:mid] + text[mid:].replace("\n\n", "\n\nAs Figure \\ref{nope} shows, 10-20 runs.\n\n", 1),
        text,  # back to the start: remembered results come back
        text.replace("\\section", "\\section*", 1),
    ]


def test_remembered_results_equal_fresh_ones(tmp_path, remembering):
    proj = tmp_path / "example"
    shutil.copytree(EXAMPLE, proj)
    main = proj / "main.tex"
    opts, reg = Options(), {}
    for path in [main, *sorted((proj / "sections").glob("*.tex"))][:3]:
        text = path.read_text(encoding="utf-8")
        for edited in _edits(text):
            with overlay({path: edited}):
                warm = _findings(lint_root(main, opts, reg))
                fresh = _findings(_fresh_lint(main))
            assert warm == fresh, f"remembered results differ after an edit of {path.name}"


def test_an_edit_reparses_only_its_file(tmp_path, remembering, monkeypatch):
    proj = tmp_path / "example"
    shutil.copytree(EXAMPLE, proj)
    main = proj / "main.tex"
    section = sorted((proj / "sections").glob("*.tex"))[0]
    lint_root(main, Options(), {})
    parsed: list[int] = []
    real = parse._parse_text
    monkeypatch.setattr(parse, "_parse_text", lambda text, db: parsed.append(len(text)) or real(text, db))
    text = section.read_text(encoding="utf-8")
    with overlay({section: text + "\nOne more sentence.\n"}):
        lint_root(main, Options(), {})
    assert len(parsed) == 1  # the edited file; the root and the other sections come from memory


def test_recent_forgets_the_least_recently_used_first():
    from texlint.util.recent import Recent, recent

    memo = Recent(2)
    memo.put("a", 1)
    memo.put("b", False)
    assert memo.get("a") == 1  # "a" is now the most recent
    memo.put("c", 3)
    assert memo.get("b") is None and memo.get("a") == 1 and memo.get("c") == 3 and len(memo) == 2
    assert recent(0) is None


def test_a_long_session_keeps_no_old_document_alive(tmp_path, remembering):
    """What is remembered between lints holds texts and their scans, never a document model:
    after an edit the previous lint's model is freed (a per-document table of the rules once
    kept the last nine models alive, hundreds of MB on a thesis)."""
    import gc
    import weakref

    proj = tmp_path / "example"
    shutil.copytree(EXAMPLE, proj)
    main = proj / "main.tex"
    reg = {}
    text = main.read_text(encoding="utf-8")
    first = lint_root(main, Options(), reg)
    old = weakref.ref(first.doc)
    del first
    for k in range(3):
        with overlay({main: text.replace("\\end{document}", f"Edit {k}.\n\\end{{document}}")}):
            lint_root(main, Options(), reg)
    gc.collect()
    assert old() is None
