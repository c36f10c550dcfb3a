"""``texlint lsp`` end to end: the server as a subprocess, driven over stdio with real JSON-RPC
LSP messages (``tests/lsp_client.py``).

One server serves the module (start-up and the spaCy warm-up are paid once); each test writes
its own small project under ``tmp_path``. Every wait has a timeout and a watchdog kills the
server after ``WATCHDOG`` seconds, so a hang fails a test instead of blocking the suite.
"""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest
from lsp_client import LspClient

from texlint.engine.finding import Finding

WATCHDOG = 120  # seconds for the whole module's server


@pytest.fixture(scope="module")
def lsp(tmp_path_factory):
    cwd = tmp_path_factory.mktemp("lsp-cwd")
    client = LspClient(cwd=cwd)
    watchdog = threading.Timer(WATCHDOG, client.kill)
    watchdog.daemon = True
    watchdog.start()
    client.initialize(cwd)
    yield client
    watchdog.cancel()
    client.close()


PAPER = (
    "\\documentclass{article}\n"          # 0
    "\\begin{document}\n"                 # 1
    "\\section{Introduction}\n"           # 2
    "We study 𝔸 things. TODO fix this.\n"  # 3: 𝔸 is outside the BMP (two UTF-16 units)
    "See Figure~\\ref{fig:x} for more.\n"  # 4
    "\\end{document}\n"
)
CLEAN = PAPER.replace(" TODO fix this.", "").replace("Figure~\\ref{fig:x}", "the figure")


def _paper(tmp_path: Path, text: str = PAPER, name: str = "main.tex") -> Path:
    folder = tmp_path / "paper"
    folder.mkdir(exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def _by_code(diags: list[dict]) -> dict[str, dict]:
    return {d["code"]: d for d in diags}


def _rng(d: dict) -> tuple[int, int, int, int]:
    r = d["range"]
    return r["start"]["line"], r["start"]["character"], r["end"]["line"], r["end"]["character"]


def _apply(text: str, edits: list[dict]) -> str:
    """Apply LSP text edits (UTF-16 positions) to ``text``."""
    lines = text.splitlines(keepends=True)

    def offset(pos: dict) -> int:
        line = lines[pos["line"]] if pos["line"] < len(lines) else ""
        units, chars = 0, 0
        while units < pos["character"] and chars < len(line):
            units += 2 if ord(line[chars]) > 0xFFFF else 1
            chars += 1
        return sum(len(x) for x in lines[:pos["line"]]) + chars

    for e in sorted(edits, key=lambda e: (e["range"]["start"]["line"], e["range"]["start"]["character"]), reverse=True):
        a, b = offset(e["range"]["start"]), offset(e["range"]["end"])
        text = text[:a] + e["newText"] + text[b:]
    return text


def test_diagnostics_on_open_with_utf16_ranges(lsp, tmp_path):
    main = _paper(tmp_path)
    uri = lsp.open(main)
    diags = _by_code(lsp.diagnostics(uri, timeout=40))
    assert {"L124", "L100"} <= set(diags)
    todo = PAPER.splitlines()[3].index("TODO")
    assert _rng(diags["L124"]) == (3, todo + 1, 3, todo + 5)  # +1: 𝔸 is two UTF-16 code units
    ref = PAPER.splitlines()[4].index("\\ref")
    assert _rng(diags["L100"]) == (4, ref, 4, ref + len("\\ref{fig:x}"))
    for d in diags.values():
        assert d["source"] == "texlint" and d["data"]["rule"] == d["code"]
    assert diags["L100"]["severity"] == 1 and diags["L124"]["severity"] == 2


def test_change_that_removes_the_problems_clears_them_and_latest_version_wins(lsp, tmp_path):
    _paper(tmp_path, "\\documentclass{article}\n\\begin{document}\n\\section{Introduction}\n\\input{body}\n"
                     "\\end{document}\n")  # document-level findings (no limitations...) stay in main.tex
    body_text = "\n".join(PAPER.splitlines()[3:5]) + "\n"  # the TODO and the \\ref
    body = _paper(tmp_path, body_text, name="body.tex")
    uri = lsp.open(body)
    assert {"L124", "L100"} <= set(_by_code(lsp.diagnostics(uri, timeout=20)))
    start = lsp.mark()
    lsp.change(uri, body_text + "% v2\n", 2)
    time.sleep(0.35)  # the v2 lint may be running when v3 arrives
    lsp.change(uri, "We study things.\n", 3)
    msg = lsp.wait_notification(lambda m: m.get("method") == "textDocument/publishDiagnostics"
                                and m["params"]["uri"] == uri and m["params"].get("version") == 3, 20, start)
    assert msg["params"]["diagnostics"] == []
    time.sleep(0.6)
    later = [m for m in lsp.notifications[start:] if m.get("method") == "textDocument/publishDiagnostics"
             and m["params"]["uri"] == uri and m["_received"] > msg["_received"]]
    assert not later, "an older version was published after the newest one"


def test_unsaved_text_wins_over_disk_for_every_open_file(lsp, tmp_path):
    main = _paper(tmp_path, "\\documentclass{article}\n\\begin{document}\n\\input{intro}\n\\end{document}\n")
    intro = _paper(tmp_path, "We study things.\n", name="intro.tex")
    uri = lsp.open(intro, "We study things.\nThe TODO is here.\n")
    diags = lsp.diagnostics(uri, timeout=20, pred=lambda ds: any(d["code"] == "L124" for d in ds))
    assert _rng(_by_code(diags)["L124"]) == (1, 4, 1, 8)  # found through main.tex, from the buffer
    # the root open too, with an unsaved undefined reference: both buffers are read
    main_uri = lsp.open(main, main.read_text().replace("\\input{intro}", "\\input{intro}\nSee \\ref{nope}."))
    diags = lsp.diagnostics(main_uri, timeout=20, pred=lambda ds: any(d["code"] == "L100" for d in ds))
    assert "L100" in _by_code(diags)


def test_code_actions_disable_next_line_and_fix(lsp, tmp_path):
    text = PAPER.replace("We study", "  We study").replace("Figure~\\ref", "Figure \\ref")
    main = _paper(tmp_path, text)
    uri = lsp.open(main, text)
    diags = _by_code(lsp.diagnostics(uri, timeout=20, pred=lambda ds: any(d["code"] == "L124" for d in ds)))
    todo = diags["L124"]
    actions = lsp.request("textDocument/codeAction", {
        "textDocument": {"uri": uri}, "range": todo["range"], "context": {"diagnostics": [todo]}})
    disable = [a for a in actions if a["title"].startswith("Disable L124")]
    assert len(disable) == 1 and disable[0]["kind"] == "quickfix"
    edit, = disable[0]["edit"]["changes"][uri]
    assert edit["range"] == {"start": {"line": 3, "character": 0}, "end": {"line": 3, "character": 0}}
    assert edit["newText"] == "  % texlint: disable-next-line=L124 -- reason\n"
    # the engine honours the inserted directive
    start = lsp.mark()
    lsp.change(uri, _apply(text, [edit]), 2)
    after = lsp.diagnostics(uri, timeout=20, start=start)
    assert "L124" not in _by_code(after)

    if "fix" not in getattr(Finding, "__dataclass_fields__", {}):
        pytest.skip("findings carry no fixes yet (engine.finding.Finding.fix)")
    fixable = [d for d in after if d.get("data", {}).get("fix")]
    if not fixable:
        pytest.skip("no rule offers a fix for this text yet")
    d = fixable[0]
    actions = lsp.request("textDocument/codeAction", {
        "textDocument": {"uri": uri}, "range": d["range"], "context": {"diagnostics": [d]}})
    fixes = [a for a in actions if not a["title"].startswith("Disable")]
    assert fixes and fixes[0]["kind"] == "quickfix"
    fixed = _apply(_apply(text, [edit]), fixes[0]["edit"]["changes"][uri])
    assert fixes[0].get("isPreferred") is (not fixes[0]["title"].endswith("(unsafe)"))
    if d["code"] == "L108":  # missing-tie-before-ref
        assert "Figure~\\ref{fig:x}" in fixed


def test_hover_explains_the_rule(lsp, tmp_path):
    main = _paper(tmp_path)
    uri = lsp.open(main)
    diags = _by_code(lsp.diagnostics(uri, timeout=20, pred=lambda ds: any(d["code"] == "L124" for d in ds)))
    pos = diags["L124"]["range"]["start"]
    hover = lsp.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": pos})
    value = hover["contents"]["value"]
    assert hover["contents"]["kind"] == "markdown"
    assert "L124 leftover-todo" in value and "Why it matters" in value
    assert "**Bad**" in value and "**Good**" in value and "```latex" in value
    nothing = lsp.request("textDocument/hover", {"textDocument": {"uri": uri},
                                                 "position": {"line": 0, "character": 0}})
    assert nothing is None


def test_bad_config_is_one_diagnostic_on_the_config_file(lsp, tmp_path):
    main = _paper(tmp_path)
    cfg = main.parent / ".texlint.toml"
    cfg.write_text("select = 3\n", encoding="utf-8")
    uri = lsp.open(main)
    diags = lsp.diagnostics(cfg.as_uri(), timeout=20)
    assert len(diags) == 1
    assert diags[0]["range"]["start"] == {"line": 0, "character": 0}
    assert "select" in diags[0]["message"] and diags[0]["severity"] == 1
    # the server still answers, and a fixed config clears the diagnostic
    assert lsp.request("textDocument/hover", {"textDocument": {"uri": uri},
                                              "position": {"line": 0, "character": 0}}, timeout=10) is None
    cfg.write_text('select = ["L124"]\n', encoding="utf-8")
    start = lsp.mark()
    lsp.notify("textDocument/didSave", {"textDocument": {"uri": uri}})
    assert lsp.diagnostics(cfg.as_uri(), timeout=20, start=start) == []
    assert set(_by_code(lsp.diagnostics(uri, timeout=20, start=start))) == {"L124"}


def test_binary_file_and_huge_paste_keep_the_server_serving(lsp, tmp_path):
    blob = _paper(tmp_path, "", name="blob.tex")
    blob.write_bytes(b"\x7fELF\x02\x01\x01" + bytes(range(256)) * 8)
    lsp.open(blob, blob.read_bytes().decode("latin-1"))
    lsp.wait_notification(lambda m: m.get("method") == "window/logMessage"
                          and "binary" in m["params"]["message"], timeout=20)
    notes = _paper(tmp_path, '{"not": "LaTeX", "x": [1, 2, 3]}\nTODO\n', name="notes.tex")
    assert "L124" in _by_code(lsp.diagnostics(lsp.open(notes), timeout=20))  # not LaTeX: linted as it is
    astray = _paper(tmp_path, "% !TEX root = ../../../../elsewhere/main.tex\nA TODO here.\n", name="astray.tex")
    assert "L124" in _by_code(lsp.diagnostics(lsp.open(astray), timeout=20))  # root refused: linted alone
    assert any("points outside the project" in line for line in lsp.logs())
    main = _paper(tmp_path, CLEAN, name="main.tex")
    uri = lsp.open(main)
    lsp.diagnostics(uri, timeout=20)
    start = lsp.mark()
    lsp.change(uri, "We study things. " * 300_000, 2)  # a 5 MB paste
    big = lsp.diagnostics(uri, timeout=30, start=start)
    assert len(big) == 1 and "budget" in big[0]["message"]
    start = lsp.mark()
    lsp.change(uri, PAPER, 3)
    assert "L124" in _by_code(lsp.diagnostics(uri, timeout=30, start=start))
    assert lsp.proc.poll() is None


def test_shutdown_and_exit_end_the_process_with_code_0(tmp_path):
    client = LspClient(cwd=tmp_path)
    try:
        client.initialize(tmp_path)
        assert client.close() == 0
    finally:
        client.kill()
