"""Every failure is one line (exit 2) or a finding, and every output stays valid and safe: no
traceback, no workflow command smuggled into a CI log, no terminal escape from the paper, no
write through a planted symlink, a valid report whatever the file names."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tests.hostile.runner import texlint

DOC = "\\documentclass{article}\n\\begin{document}\n%s\n\\end{document}\n"


@pytest.fixture()
def proj(tmp_path: Path) -> Path:
    (tmp_path / "main.tex").write_text(DOC % "\\section{Intro}\nWe propose a method. TODO.", encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("entry", ["[]", '"x"', "1", "null", "[" * 50000 + "]" * 50000, '{"cache": 1, "files": ['])
def test_corrupt_cache_entries_are_misses(proj, entry):
    cache = proj / "c"
    assert texlint(proj, "main.tex", "--cache-dir", str(cache)).findings_or_clean()
    for p in (cache / "v1").glob("*.json"):
        p.write_text(entry, encoding="utf-8")
    run = texlint(proj, "main.tex", "--cache-dir", str(cache))
    assert run.findings_or_clean() and "L124" in run.out, run.err


def test_a_forged_cache_entry_is_not_served(proj):
    cache = proj / "c"
    texlint(proj, "main.tex", "--cache-dir", str(cache))
    for p in (cache / "v1").glob("*.json"):
        entry = json.loads(p.read_text(encoding="utf-8"))
        entry["files"], entry["findings"] = [], []  # "no findings", validated against nothing
        p.write_text(json.dumps(entry), encoding="utf-8")
    run = texlint(proj, "main.tex", "--cache-dir", str(cache))
    assert "L124" in run.out, run.out


@pytest.mark.parametrize("config", [
    "[options.L130]\nmin_words = \"abc\"", "[options.L130]\nmin_words = inf", "[options.L130]\nmin_words = nan",
    "select = " + "[" * 2000 + "]" * 2000, 'extend = ".texlint.toml"', "venue = \"neurips\\n::error file=x::boom\"",
    "\"key\\n::error::x\" = 1", 'select = ["L1\\n::warning::y"]', "nlp-model = \"no_such_pipeline\"",
])
def test_bad_config_is_one_line(proj, config):
    (proj / ".texlint.toml").write_text(config + "\n", encoding="utf-8")
    run = texlint(proj, "main.tex")
    assert run.one_line_error(), (run.code, run.err)
    assert not any(line.startswith("::") for line in run.err.splitlines() + run.out.splitlines())


def test_bad_config_bytes_and_shapes(proj):
    (proj / ".texlint.toml").write_bytes(b'select = ["\xff"]\n')
    assert texlint(proj, "main.tex").one_line_error()
    (proj / ".texlint.toml").unlink()
    (proj / "pyproject.toml").write_text('tool = "x"\n', encoding="utf-8")
    assert texlint(proj, "main.tex").one_line_error()
    (proj / "pyproject.toml").write_text('[tool]\ntexlint = 3\n', encoding="utf-8")
    assert texlint(proj, "main.tex").one_line_error()


def test_extend_pair_loops(proj):
    (proj / "a.toml").write_text('extend = "b.toml"\n', encoding="utf-8")
    (proj / "b.toml").write_text('extend = "a.toml"\n', encoding="utf-8")
    (proj / ".texlint.toml").write_text('extend = "a.toml"\n', encoding="utf-8")
    run = texlint(proj, "main.tex")
    assert run.one_line_error() and "loop" in run.err, run.err


@pytest.mark.parametrize("args", [["--jobs", "0"], ["--jobs", "-1"], ["--venue", "neurips\n::error::x"],
                                  ["--select", "L1\n::error::x"]])
def test_bad_flags_are_one_line(proj, args):
    run = texlint(proj, "main.tex", *args)
    assert run.one_line_error(), run.err
    assert not any(line.startswith("::") for line in run.err.splitlines())


def test_outputs_are_never_written_through_planted_symlinks(proj, tmp_path_factory):
    victim = tmp_path_factory.mktemp("victim") / "bashrc"
    victim.write_text("keep", encoding="utf-8")
    for name, args in (("texlint-report.html", ["--html", "texlint-report.html"]),
                       ("texlint.sarif", ["--format", "sarif", "-o", "texlint.sarif"])):
        os.symlink(victim, proj / name)
        run = texlint(proj, "main.tex", *args)
        assert run.one_line_error() and "symbolic link" in run.err
        (proj / name).unlink()
    os.symlink(victim, proj / ".texlint.toml")
    assert texlint(proj, "init", "--path", ".texlint.toml", "--force").one_line_error()
    assert victim.read_text(encoding="utf-8") == "keep"


def test_a_cache_folder_planted_as_a_symlink_is_not_written(proj, tmp_path_factory):
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    os.symlink(elsewhere, proj / ".texlint_cache")
    env = {"TEXLINT_CACHE_DIR": ""}
    run = texlint(proj, "main.tex", env=env)
    assert run.findings_or_clean(), run.err
    assert list(elsewhere.iterdir()) == []


def test_terminal_controls_from_the_paper_are_neutralised(tmp_path):
    evil = "Text \x1b]0;owned\x07 and \x1b[2J cleared \u202e reversed \u2066 isolate. TODO"
    (tmp_path / "main.tex").write_text(DOC % evil, encoding="utf-8")
    for args in (["inspect", "main.tex", "--text"], ["main.tex"]):
        run = texlint(tmp_path, *args)
        assert "\x1b" not in run.out and "\u202e" not in run.out and "\u2066" not in run.out, run.out


def test_file_names_that_are_not_utf8(tmp_path):
    raw = os.fsencode(str(tmp_path)) + b"/sec\xff.tex"
    with open(raw, "wb") as fh:
        fh.write(b"Text with a TODO.\n")
    (tmp_path / "main.tex").write_bytes(b"\\documentclass{article}\n\\begin{document}\n\\input{sec\xff}\n\\end{document}\n")
    env = {"PYTHONIOENCODING": "utf-8:strict", "LC_ALL": "C.UTF-8"}
    for fmt in ("text", "json", "jsonl", "sarif", "github"):
        run = texlint(tmp_path, "main.tex", "--format", fmt, env=env)
        assert run.findings_or_clean(), (fmt, run.err)
        if fmt in ("json", "sarif"):
            json.loads(run.out)
    run = texlint(tmp_path, "main.tex", "--format", "sarif", "-o", "out.sarif", "--html", "r.html", env=env)
    assert run.findings_or_clean(), run.err
    json.loads((tmp_path / "out.sarif").read_text(encoding="utf-8"))


def test_tag_on_hostile_input(tmp_path):
    for data in (b"\xff\xfe not utf8\n", b'{"text": "\\ud800 lone"}\n', b'{"text": ' * 20000 + b"\n"):
        run = texlint(tmp_path, "tag", "-", stdin=data)
        assert run.code == 0 and "Traceback" not in run.err, run.err
        for line in run.out.splitlines():
            json.loads(line)


def test_deep_folder_tree(tmp_path):
    d = tmp_path
    for i in range(300):
        d = d / "d"
    os.makedirs(d)
    (tmp_path / "main.tex").write_text(DOC % "Text.", encoding="utf-8")
    run = texlint(tmp_path, ".", timeout=120)
    assert run.findings_or_clean(), run.err


def test_an_output_to_a_device_writes_to_it_and_a_fifo_is_refused(proj):
    """`-o /dev/null` must write to the device, not replace it with a file (CI runs as root);
    a FIFO planted as an output name is refused at once, never waited on."""
    import stat

    run = texlint(proj, "main.tex", "--format", "json", "-o", "/dev/null")
    assert run.findings_or_clean(), run.err
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode), "/dev/null was replaced by a regular file"
    os.mkfifo(proj / "texlint.sarif")
    run = texlint(proj, "main.tex", "--format", "sarif", "-o", "texlint.sarif", timeout=30)
    assert run.one_line_error() and "not a regular file" in run.err, run.err
