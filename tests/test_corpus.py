"""The real papers in ../shared/corpus: roots, sections, roles, encodings, exact source map.

Skips when ../shared is absent. The papers are not ours; nothing of them is copied here.
"""

from __future__ import annotations

import os
import re
from functools import lru_cache
from pathlib import Path

import pytest

from tests.conftest import CORPUS, corpus_rows, needs_corpus
from texlint.source.project import ProblemKind

pytestmark = [needs_corpus, pytest.mark.corpus]
ROWS = corpus_rows()
CONFERENCE = [r for r in ROWS if not r["id"].startswith(("thesis", "aj-"))]


@lru_cache(maxsize=None)
def doc_of(paper_id: str):
    from texlint.latex.load import load_document
    from texlint.nlp.annotate import annotate

    row = next(r for r in ROWS if r["id"] == paper_id)
    doc = load_document(CORPUS / paper_id / row["main"])
    annotate(doc)
    return doc


@pytest.mark.parametrize("row", ROWS, ids=[r["id"] for r in ROWS])
def test_listed_main_file_is_a_root(row):
    from texlint.source.roots import find_root, find_roots_in_folder

    main = (CORPUS / row["id"] / row["main"]).resolve()
    assert main in find_roots_in_folder(CORPUS / row["id"])
    assert Path(os.path.realpath(find_root(main))) == main


@pytest.mark.parametrize("row", ROWS, ids=[r["id"] for r in ROWS])
def test_included_files_lead_back_to_the_main_file(row):
    from texlint.source.roots import IncludeGraph, find_root

    doc = doc_of(row["id"])
    main = (CORPUS / row["id"] / row["main"]).resolve()
    graph = IncludeGraph(CORPUS / row["id"])
    for f in doc.files[1:6]:
        if f.path.suffix == ".tex" and "\\documentclass" not in f.text:
            real = Path(os.path.realpath(f.path))
            owners = [r for r in graph.roots() if r != real and graph.reaches(r, real)]
            found = Path(os.path.realpath(find_root(f.path)))
            assert found in owners, f.rel
            if len(owners) == 1:  # unambiguous: it must be the listed paper
                assert found == main, f.rel


@pytest.mark.parametrize("row", CONFERENCE, ids=[r["id"] for r in CONFERENCE])
def test_conference_papers_have_abstract_and_introduction_in_order(row):
    doc = doc_of(row["id"])
    roles = [s.role for s in doc.sections if s.command != "front"]
    assert roles[0] == "abstract", roles[:3]
    assert "introduction" in roles
    assert roles.index("introduction") < 3
    abstract = doc.abstract
    assert sum(len(p.sentences) for p in abstract.prose) >= 2
    top = [s for s in doc.sections if s.level == 1 and not s.in_appendix and s.command not in ("front", "abstract")]
    # a paper body has a method-like part and an evidence or conclusion part; a theory paper
    # may keep its only experiments in the appendix and have no conclusion (neurips23-dasha-pp)
    assert any(s.role in ("method", "background") for s in top)
    evidence_in_appendix = any(s.in_appendix and re.search(r"experiment|numerical|evaluation|results", s.title, re.I)
                               for s in doc.sections)
    assert evidence_in_appendix or any(s.role in ("experiments", "results", "analysis", "discussion", "conclusion")
                                       for s in top)


@pytest.mark.parametrize("row", ROWS, ids=[r["id"] for r in ROWS])
def test_source_map_is_exact_for_every_verbatim_word(row):
    doc = doc_of(row["id"])
    checked = 0
    for p in doc.prose:
        offs = p.offsets
        for m in re.finditer(r"[A-Za-z]{3,}", p.text):
            a, b = m.span()
            run = offs[a:b]
            if any(run[i + 1] != run[i] + 1 for i in range(len(run) - 1)):
                continue  # a macro expansion or accent: mapped to the macro, not verbatim
            src = doc.source_text(run[0], run[-1] + 1)
            if src != m.group(0):
                pytest.fail(f"{p.text[max(0, a - 20):b + 20]!r}: mapped to {src!r}")
            loc = doc.prose_location(p, a, b)
            f = doc.file_at(run[0])
            line = f.line_text(loc.line)
            assert line[loc.column - 1:loc.end_column - 1] == m.group(0)
            checked += 1
    assert checked > 200


def test_thesis_latin1_includeonly_and_missing_input():
    doc = doc_of("thesis-cardoso")
    assert any(f.encoding == "latin-1" for f in doc.files)
    assert any(p.kind is ProblemKind.ENCODING for p in doc.problems)  # L004
    assert any(p.kind is ProblemKind.NOT_FOUND and "sprinkler" in p.message for p in doc.problems) or doc.includeonly is not None  # L001
    assert doc.includeonly is not None
    text = " ".join(p.text for p in doc.prose)
    assert "\ufffd" not in text and "Ã©" not in text


def test_crlf_files_have_right_line_numbers():
    doc = doc_of("thesis-duvenaud")
    crlf = [f for f in doc.files if "\r\n" in f.text]
    assert crlf
    for p in doc.prose:
        first = doc.file_at(p.offsets[0])
        if first in crlf and len(p.text) > 20:
            loc = doc.prose_location(p, 0, 5)
            assert first.line_text(loc.line)[loc.column - 1:loc.end_column - 1] == p.text[:5] or not p.text[:5].isalpha()
            break


@pytest.mark.parametrize("row", ROWS, ids=[r["id"] for r in ROWS])
def test_cli_lints_without_error(row, tmp_path):
    import subprocess
    import sys

    res = subprocess.run([sys.executable, "-m", "texlint", row["main"], "--format", "json"],
                         cwd=CORPUS / row["id"], capture_output=True, text=True, timeout=120)
    assert res.returncode in (0, 1), res.stderr[-500:]
    assert "Traceback" not in res.stderr
