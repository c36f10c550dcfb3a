"""Configuration, selection, inline suppression, baselines and the CLI's contracts."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from texlint.app.testing import lint_source

PAPER = "\\documentclass{article}\n\\begin{document}\n%s\n\\end{document}\n"


def cli(args, cwd, input=None):
    return subprocess.run([sys.executable, "-m", "texlint", *args], cwd=cwd, capture_output=True, text=True,
                          input=input, timeout=120)


def write(tmp_path: Path, body: str, config: str | None = None, name: str = "main.tex") -> Path:
    (tmp_path / name).write_text(PAPER % body, encoding="utf-8")
    if config is not None:
        (tmp_path / ".texlint.toml").write_text(config, encoding="utf-8")
    return tmp_path / name


# -- exit codes and one-line errors ---------------------------------------------------------------
def test_exit_codes(tmp_path):
    write(tmp_path, "Clean text.")
    assert cli(["main.tex"], tmp_path).returncode == 0
    write(tmp_path, "\\input{missing}")
    res = cli(["main.tex"], tmp_path)
    assert res.returncode == 1
    assert "main.tex:3:1: error [L001 input-not-found] included file not found: missing" in res.stdout
    assert cli(["main.tex", "--fail-on", "never"], tmp_path).returncode == 0


@pytest.mark.parametrize("args,needle", [
    (["nope.tex"], "no such file"),
    (["main.tex", "--select", "Z999"], "unknown rule id"),
    (["main.tex", "--venue", "siggraph"], "Invalid value"),
    (["main.tex", "--config", "missing.toml"], "does not exist"),
    (["explain", "Q123"], "unknown rule"),
    (["main.tex", "--baseline", "nothere.json"], "cannot read baseline"),
])
def test_bad_input_is_one_line_exit_2(tmp_path, args, needle):
    write(tmp_path, "Text.")
    res = cli(args, tmp_path)
    assert res.returncode == 2, res.stderr
    assert needle in res.stderr
    assert "Traceback" not in res.stderr


def test_binary_file_and_non_latex(tmp_path):
    (tmp_path / "bin.tex").write_bytes(b"\x00\x01\x02" * 100)
    res = cli(["bin.tex"], tmp_path)
    assert res.returncode == 2 and "binary" in res.stderr and len(res.stderr.strip().splitlines()) == 1
    (tmp_path / "notes.txt").write_text("just words", encoding="utf-8")
    res = cli(["notes.txt"], tmp_path)
    assert res.returncode == 2 and "not a LaTeX file" in res.stderr


@pytest.mark.parametrize("config,needle", [
    ("colour = 1\n", "unknown key 'colour'"),
    ("fail-on = \"sometimes\"\n", "key 'fail-on'"),
    ("ignore = [\"L999\"]\n", "unknown rule id 'L999'"),
    ("[severity]\nL001 = \"fatal\"\n", "severity.L001"),
    ("select = [\n", "invalid TOML"),
    ("[options.L001]\nfoo = 1\n", "has no option 'foo'"),
])
def test_config_errors_name_file_and_key(tmp_path, config, needle):
    write(tmp_path, "Text.", config=config)
    res = cli(["main.tex"], tmp_path)
    assert res.returncode == 2, res.stdout
    assert needle in res.stderr and ".texlint.toml" in res.stderr
    assert len(res.stderr.strip().splitlines()) == 1


def test_config_in_pyproject_and_cli_override(tmp_path):
    write(tmp_path, "\\input{missing}")
    (tmp_path / "pyproject.toml").write_text("[tool.texlint]\nignore = [\"input-not-found\"]\n", encoding="utf-8")
    assert cli(["main.tex"], tmp_path).returncode == 0
    assert cli(["main.tex", "--select", "L001"], tmp_path).returncode == 1


def test_severity_override_and_fail_on(tmp_path):
    write(tmp_path, "\\input{missing}", config="fail-on = \"error\"\n[severity]\nL001 = \"info\"\n")
    res = cli(["main.tex", "--format", "json"], tmp_path)
    data = json.loads(res.stdout)
    assert data["findings"][0]["severity"] == "info"
    assert res.returncode == 0


def test_per_file_ignores(tmp_path):
    (tmp_path / "sec").mkdir()
    (tmp_path / "sec" / "a.tex").write_text("\\input{gone}", encoding="utf-8")
    write(tmp_path, "\\input{sec/a}\n\\input{gone2}", config="[per-file-ignores]\n\"sec/*.tex\" = [\"L001\"]\n")
    data = json.loads(cli(["main.tex", "--format", "json"], tmp_path).stdout)
    assert [f["file"] for f in data["findings"]] == ["main.tex"]


def test_init_writes_a_valid_starter_config(tmp_path):
    assert cli(["init"], tmp_path).returncode == 0
    write(tmp_path, "Text.")
    assert cli(["main.tex"], tmp_path).returncode == 0
    assert cli(["init"], tmp_path).returncode == 2


def test_rules_and_explain(tmp_path):
    res = cli(["rules", "--all"], tmp_path)
    assert "L001" in res.stdout and "input-not-found" in res.stdout
    res = cli(["explain", "input-not-found"], tmp_path)
    assert res.returncode == 0 and "Why it matters" in res.stdout and "Bad" in res.stdout


# -- JSON schema ------------------------------------------------------------------------------
def test_json_contract(tmp_path):
    write(tmp_path, "\\section{Introduction}\nHello.\n\\input{missing}")
    data = json.loads(cli(["main.tex", "--format", "json"], tmp_path).stdout)
    assert data["version"] == 1
    (doc,) = data["documents"]
    assert doc["root"] == "main.tex" and doc["files"] == ["main.tex"]
    sec = doc["sections"][0]
    assert sec["sentences"] in (1, None)  # None when no selected rule needed the NLP stage
    assert {k: v for k, v in sec.items() if k != "sentences"} == {
        "title": "Introduction", "role": "introduction", "level": 1, "file": "main.tex", "line": 3, "words": 1}
    f = [f for f in data["findings"] if f["rule"] == "L001"][0]
    for key in ("rule", "severity", "message", "file", "line", "column", "end_line", "end_column", "excerpt",
                "fingerprint", "name", "category"):
        assert key in f
    assert (f["line"], f["column"]) == (5, 1)


# -- suppression -------------------------------------------------------------------------------
@pytest.mark.parametrize("body,n", [
    ("\\input{a} % texlint: disable=L001 -- known", 0),
    ("\\input{a} % texlint: disable=input-not-found", 0),
    ("\\input{a} % texlint: disable=L0", 0),
    ("\\input{a} % texlint: disable=L002", 1),
    ("% texlint: disable-next-line=L001\n\\input{a}", 0),
    ("% texlint: disable-next-line=L001\n\n\\input{a}", 1),
    ("% texlint: off\n\\input{a}\n\\input{b}\n% texlint: on\n\\input{c}", 1),
    ("% texlint: off=L002\n\\input{a}\n% texlint: on", 1),
    ("% texlint: disable-file=L001\nx\n\\input{a}\n\\input{b}", 0),
])
def test_inline_suppression(body, n):
    assert len([f for f in lint_source(body) if f.rule == "L001"]) == n


def test_no_inline_suppress_shows_everything(tmp_path):
    write(tmp_path, "\\input{a} % texlint: disable=L001")
    assert cli(["main.tex"], tmp_path).returncode == 0
    assert cli(["main.tex", "--no-inline-suppress"], tmp_path).returncode == 1


# -- baseline ------------------------------------------------------------------------------------
def test_baseline_survives_moved_lines_but_not_edits(tmp_path):
    body = "Intro text.\n\\input{gone}"
    write(tmp_path, body)
    assert cli(["main.tex", "--write-baseline", "base.json"], tmp_path).returncode == 0
    assert cli(["main.tex", "--baseline", "base.json"], tmp_path).returncode == 0
    write(tmp_path, "\n" * 20 + body)  # 20 lines inserted above: still accepted
    assert cli(["main.tex", "--baseline", "base.json"], tmp_path).returncode == 0
    write(tmp_path, "Intro text.\n\\input{gone} changed")  # its line edited: reported again
    res = cli(["main.tex", "--baseline", "base.json"], tmp_path)
    assert res.returncode == 1 and "L001" in res.stdout
    write(tmp_path, body + "\n\\input{new}")  # a new finding is reported, the old stays accepted
    res = cli(["main.tex", "--baseline", "base.json", "--format", "json"], tmp_path)
    assert [f["message"] for f in json.loads(res.stdout)["findings"]] == ["included file not found: new"]


def test_fingerprints_are_stable_and_distinct(tmp_path):
    write(tmp_path, "\\input{x}\n\\input{x}")
    a = json.loads(cli(["main.tex", "--format", "json"], tmp_path).stdout)["findings"]
    b = json.loads(cli(["main.tex", "--format", "json"], tmp_path).stdout)["findings"]
    assert [f["fingerprint"] for f in a] == [f["fingerprint"] for f in b]
    assert len({f["fingerprint"] for f in a}) == 2


# -- pre-commit style: a non-root file ----------------------------------------------------------
def test_linting_an_included_file_reports_its_findings_only(tmp_path):
    (tmp_path / ".git").mkdir()
    (tmp_path / "s").mkdir()
    (tmp_path / "s" / "a.tex").write_text("\\input{gone_a}", encoding="utf-8")
    (tmp_path / "s" / "b.tex").write_text("\\input{gone_b}", encoding="utf-8")
    write(tmp_path, "\\input{s/a}\n\\input{s/b}")
    data = json.loads(cli(["s/a.tex", "--format", "json"], tmp_path).stdout)
    assert [f["file"] for f in data["findings"]] == ["s/a.tex"]
    assert data["documents"][0]["root"] == "main.tex"


# -- plugins -------------------------------------------------------------------------------------
def test_entry_point_plugins_register_rules(monkeypatch, tmp_path):
    """A third-party package's entry point (a Rule class or a folder of TOML packs) adds rules."""
    import importlib.metadata as md

    from texlint.checks import catalog as reg
    from texlint.engine.rule import Rule

    class PluginRule(Rule):
        code = "W960"
        name = "plugin-rule"
        category = "style"
        summary = why = bad = good = fix = "x"

        def check(self, doc, ctx):
            yield ctx.document_finding("plugin ran")

    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "p.toml").write_text('[[rule]]\ncode = "W961"\nname = "plugin-pack"\ntype = "existence"\n'
                                 'category = "style"\nmessage = "m"\ntokens = ["zzz"]\n', encoding="utf-8")

    class EP:
        def __init__(self, name, obj):
            self.name, self._obj = name, obj

        def load(self):
            return self._obj

    def fake_entry_points(group=None):
        return [EP("a", PluginRule), EP("b", str(pack))] if group == "texlint.rules" else []

    monkeypatch.setattr(md, "entry_points", fake_entry_points)
    registry = reg.build_registry()
    assert registry.get("W960") is PluginRule
    assert registry.get("plugin-pack") is not None
