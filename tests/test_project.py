"""Project loader: root detection, include resolution, encodings, line endings, safety."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from texlint.app.run import collect_roots
from texlint.latex.load import load_document
from texlint.source.project import ProblemKind
from texlint.source.roots import find_root, find_roots_in_folder

MAIN = "\\documentclass{article}\n\\begin{document}\n%s\n\\end{document}\n"


def write(root: Path, files: dict) -> None:
    for name, content in files.items():
        p = root / name
        p.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            p.write_bytes(content)
        else:
            p.write_text(content, encoding="utf-8")


def test_root_from_magic_comment(tmp_path):
    write(tmp_path, {"paper/main.tex": MAIN % "\\input{sec/a}", "paper/sec/a.tex": "% !TEX root = ../main.tex\nText."})
    assert find_root(tmp_path / "paper/sec/a.tex") == (tmp_path / "paper/main.tex").resolve()


def test_root_is_file_with_documentclass(tmp_path):
    write(tmp_path, {"main.tex": MAIN % "Hi."})
    assert find_root(tmp_path / "main.tex") == tmp_path / "main.tex"


def test_root_found_from_included_file(tmp_path):
    (tmp_path / ".git").mkdir()
    write(tmp_path, {"main.tex": MAIN % "\\input{sections/intro}", "sections/intro.tex": "Intro text.",
                     "other.tex": MAIN % "Unrelated."})
    assert find_root(tmp_path / "sections/intro.tex") == (tmp_path / "main.tex").resolve()


def test_root_found_through_nested_includes(tmp_path):
    (tmp_path / ".git").mkdir()
    write(tmp_path, {"main.tex": MAIN % "\\input{sections/all}", "sections/all.tex": "\\input{sections/deep}",
                     "sections/deep.tex": "Deep."})
    assert find_root(tmp_path / "sections/deep.tex") == (tmp_path / "main.tex").resolve()


def test_documentclass_through_input_counts_as_root(tmp_path):
    write(tmp_path, {"main.tex": "\\input{template/t}\n\\begin{document}\nHi.\n\\end{document}\n",
                     "template/t.tex": "\\input{template/dc}", "template/dc.tex": "\\documentclass{book}"})
    assert find_roots_in_folder(tmp_path) == [(tmp_path / "main.tex").resolve()]


def test_folder_lints_every_root_not_included(tmp_path):
    write(tmp_path, {"a.tex": MAIN % "\\input{c}", "b.tex": MAIN % "B.", "c.tex": "C."})
    roots = find_roots_in_folder(tmp_path)
    assert [r.name for r in roots] == ["a.tex", "b.tex"]


def test_collect_roots_groups_files_of_one_document(tmp_path):
    (tmp_path / ".git").mkdir()
    write(tmp_path, {"main.tex": MAIN % "\\input{x}\\input{y}", "x.tex": "X.", "y.tex": "Y."})
    roots = collect_roots([tmp_path / "x.tex", tmp_path / "y.tex"])
    assert len(roots) == 1
    assert roots[0][0] == (tmp_path / "main.tex").resolve()
    assert {p.name for p in roots[0][1]} == {"x.tex", "y.tex"}


def _prose(doc) -> str:
    return " ".join(p.text for p in doc.prose if p.kind in ("body", "item"))


def test_input_include_subfile_import(tmp_path):
    write(tmp_path, {
        "main.tex": MAIN % ("\\input{a}\n\\include{b}\n\\subfile{parts/c}\n\\import{lib/}{d}\n"
                            "\\subimport{lib/}{e.tex}\n\\input f\n"),
        "a.tex": "Alpha text.", "b.tex": "Beta text.",
        "parts/c.tex": "\\documentclass[../main.tex]{subfiles}\n\\begin{document}\nGamma text.\n\\end{document}",
        "lib/d.tex": "Delta text. \\input{inner}", "lib/inner.tex": "Inner text.", "lib/e.tex": "Epsilon text.",
        "f.tex": "Zeta text.",
    })
    doc = load_document(tmp_path / "main.tex")
    text = _prose(doc)
    for word in ("Alpha", "Beta", "Gamma", "Delta", "Inner", "Epsilon", "Zeta"):
        assert word in text, (word, text)
    assert not doc.problems, [p.message for p in doc.problems]


def test_includeonly_is_respected(tmp_path):
    write(tmp_path, {"main.tex": "\\documentclass{book}\\includeonly{a}\n\\begin{document}\n\\include{a}\n\\include{b}\n\\end{document}",
                     "a.tex": "Included.", "b.tex": "Excluded."})
    text = _prose(load_document(tmp_path / "main.tex"))
    assert "Included" in text and "Excluded" not in text


def test_missing_cycle_and_outside_become_findings(tmp_path):
    write(tmp_path, {"p/main.tex": MAIN % "\\input{nope}\n\\input{main}\n\\input{../secret}\n\\input{/etc/hostname}",
                     "secret.tex": "SECRET"})
    doc = load_document(tmp_path / "p/main.tex")
    kinds = sorted(p.kind.value for p in doc.problems)
    assert kinds == ["cycle", "not-found", "outside", "outside"]  # L002, L001, L003, L003
    assert "SECRET" not in _prose(doc)


def test_include_written_from_the_folder_above_the_root(tmp_path):
    """Overleaf projects with the main file in a subfolder write includes from the project's top
    (``\\input{latex/sections/intro}`` in ``paper/latex/main.tex``); an unseen paper lost every
    section to L001. The path minus its first part is read from the root's folder; a path whose
    first part is not the root's folder stays not found."""
    write(tmp_path, {"paper/latex/main.tex": MAIN % "\\input{latex/sections/intro}\n\\input{other/sections/x}",
                     "paper/latex/sections/intro.tex": "\\section{Introduction}\nWe study sinks.",
                     "paper/other/sections/x.tex": "Outside."})
    doc = load_document(tmp_path / "paper/latex/main.tex")
    assert [f.rel for f in doc.files] == ["main.tex", "sections/intro.tex"]
    assert [p.kind for p in doc.problems] == [ProblemKind.NOT_FOUND], doc.problems
    assert "other/sections/x" in doc.problems[0].message


def test_symlink_out_of_project_is_not_read(tmp_path):
    write(tmp_path, {"outside/secret.tex": "SECRET", "p/main.tex": MAIN % "\\input{link}"})
    os.symlink(tmp_path / "outside/secret.tex", tmp_path / "p/link.tex")
    doc = load_document(tmp_path / "p/main.tex")
    assert [p.kind for p in doc.problems] == [ProblemKind.OUTSIDE]  # L003
    assert "SECRET" not in _prose(doc)


def test_utf8_bom_and_latin1_declared_and_fallback(tmp_path):
    write(tmp_path, {
        "main.tex": b"\xef\xbb\xbf\\documentclass{article}\n\\usepackage[latin1]{inputenc}\n\\begin{document}\n"
                    b"Caf\xc3\xa9 one.\n\\input{l1}\n\\end{document}\n",
        "l1.tex": "Jos\u00e9 two.".encode("latin-1"),
    })
    doc = load_document(tmp_path / "main.tex")
    text = _prose(doc)
    assert "Café one." in text and "José two." in text
    assert not [p for p in doc.problems if p.kind is ProblemKind.ENCODING]  # declared encoding: no guess
    write(tmp_path, {"m2.tex": (MAIN % "\\input{l1}").encode()})
    doc2 = load_document(tmp_path / "m2.tex")
    assert "José two." in _prose(doc2)
    assert [p.kind for p in doc2.problems] == [ProblemKind.ENCODING]  # L004


@pytest.mark.parametrize("nl", ["\r\n", "\r", "\n"])
def test_line_numbers_with_any_line_ending(tmp_path, nl):
    src = nl.join(["\\documentclass{article}", "\\begin{document}", "", "First line.", "", "Target word here.",
                   "\\end{document}", ""])
    (tmp_path / "main.tex").write_bytes(src.encode())
    doc = load_document(tmp_path / "main.tex")
    p = [p for p in doc.prose if "Target" in p.text][0]
    i = p.text.index("Target")
    loc = doc.prose_location(p, i, i + 6)
    assert (loc.line, loc.column, loc.end_column) == (6, 1, 7)


def test_iffalse_and_comment_env_are_not_prose_but_comments_are_kept(tmp_path):
    write(tmp_path, {"main.tex": MAIN % ("Visible one.\n\\iffalse\nHidden one. \\iftrue x \\fi still hidden.\n\\fi\n"
                                         "\\begin{comment}\nHidden two.\n\\end{comment}\nVisible two. % a remark\n")})
    doc = load_document(tmp_path / "main.tex")
    text = _prose(doc)
    assert "Visible one." in text and "Visible two." in text
    assert "Hidden" not in text and "remark" not in text
    assert any("a remark" in c.text for c in doc.comments)


def test_project_reached_through_a_symlinked_folder(tmp_path):
    """Include paths formed from the folder as given (behind a symlink) stay inside the project."""
    write(tmp_path, {"real/main.tex": MAIN % "\\input{sections/a}", "real/sections/a.tex": "Inside text."})
    os.symlink(tmp_path / "real", tmp_path / "link")
    doc = load_document(tmp_path / "link" / "main.tex")
    assert not doc.problems, [p.message for p in doc.problems]
    assert "Inside text." in _prose(doc)
    assert find_root(tmp_path / "link" / "sections" / "a.tex") == (tmp_path / "real" / "main.tex").resolve()


def test_root_above_whose_documentclass_is_in_a_template_file(tmp_path):
    """Without git: a section in src/ finds ../main.tex although \\documentclass is in an included
    template file (the parent's own files are read with what they include, nothing above)."""
    from texlint.source.roots import find_root

    paper = tmp_path / "paper"
    (paper / "template").mkdir(parents=True)
    (paper / "src").mkdir()
    (paper / "main.tex").write_text("\\input{template/template}\n\\begin{document}\n\\input{src/abstract}\n"
                                    "\\end{document}\n", encoding="utf-8")
    (paper / "template" / "template.tex").write_text("\\documentclass{report}\n", encoding="utf-8")
    (paper / "src" / "abstract.tex").write_text("We study things.\n", encoding="utf-8")
    (tmp_path / "other.tex").write_text("\\documentclass{article}\\begin{document}\\input{paper/src/abstract}"
                                        "\\end{document}\n", encoding="utf-8")
    assert find_root(paper / "src" / "abstract.tex") == paper / "main.tex"
    (paper / "main.tex").write_text("\\input{template/template}\nNo document here.\n", encoding="utf-8")
    assert find_root(paper / "src" / "abstract.tex") == paper / "src" / "abstract.tex"  # never ../other.tex
