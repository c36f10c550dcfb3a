"""Hostile conditions for the process, not the input: a worker killed mid-document, the run
interrupted (Ctrl-C) or terminated (a CI job cancelled), a named NLP pipeline that does not exist.
Each ends with a clear message and a non-zero code, and no worker outlives the run."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from texlint.app.batch import WorkerDied, lint_parallel

from .runner import texlint

pytestmark = pytest.mark.slow

DOC = "\\documentclass{article}\n\\begin{document}\n\\section{Introduction}\n%s\n\\end{document}\n"


def _die_on_doomed(root, named, opts, key, cdir):
    """A module-level work function (so workers can import it) that kills its own worker for one root."""
    if Path(root).name == "doomed.tex":
        os._exit(9)
    return str(root)


def test_a_killed_worker_is_reported_and_the_others_finish(tmp_path):
    roots = [tmp_path / f"{name}.tex" for name in ("a", "doomed", "b", "c")]
    for r in roots:
        r.write_text(DOC % "Text.", encoding="utf-8")
    pending = [(i, r, None, None, None) for i, r in enumerate(roots)]
    results = dict(lint_parallel(pending, None, _die_on_doomed, workers=2))
    assert sorted(results) == [0, 1, 2, 3]
    assert isinstance(results[1], WorkerDied) and "doomed.tex" in str(results[1])
    assert {results[i] for i in (0, 2, 3)} == {str(roots[i]) for i in (0, 2, 3)}


def _children(pid: int) -> list[int]:
    try:
        out = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True).stdout
    except FileNotFoundError:
        pytest.skip("pgrep is not installed")
    return [int(p) for p in out.split()]


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    try:  # a zombie is gone for our purposes
        return Path(f"/proc/{pid}/stat").read_text().split()[2] != "Z"
    except OSError:
        return False


def _big_project(tmp_path: Path, count: int) -> None:
    body = "\n\n".join(f"We observe that method {i} improves accuracy by {i} points on the benchmark. " * 40
                       for i in range(400))
    for i in range(count):
        (tmp_path / f"paper{i}.tex").write_text(DOC % body, encoding="utf-8")


@pytest.mark.parametrize("sig, args", [(signal.SIGTERM, ["--jobs", "2"]), (signal.SIGINT, ["--jobs", "2"]),
                                       (signal.SIGINT, [])])
def test_an_interrupted_run_ends_with_its_workers(tmp_path, sig, args):
    _big_project(tmp_path, 4)
    env = {**os.environ, "NO_COLOR": "1", "TEXLINT_CACHE_DIR": str(tmp_path / ".cache")}
    env.pop("TEXLINT_DEBUG", None)
    proc = subprocess.Popen([sys.executable, "-m", "texlint", "--no-cache", *args, "."], cwd=tmp_path, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    workers: list[int] = []
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and proc.poll() is None:
        workers = _children(proc.pid)
        if not args or len(workers) >= 2:
            break
        time.sleep(0.1)
    time.sleep(1.5)  # well inside the first documents
    assert proc.poll() is None, "the run ended before it could be interrupted; make the project bigger"
    proc.send_signal(sig)
    try:
        out, err = proc.communicate(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()
        raise AssertionError("texlint did not stop within 20 s of the signal") from None
    err = err.decode("utf-8", "replace")
    assert proc.returncode != 0 and "Traceback" not in err, err
    time.sleep(0.5)
    assert not [w for w in workers if _alive(w)], "a worker outlived the run"


def test_a_missing_nlp_pipeline_is_one_line(tmp_path):
    (tmp_path / "main.tex").write_text(DOC % "We study things.", encoding="utf-8")
    (tmp_path / ".texlint.toml").write_text('nlp-model = "no_such_pipeline"\n', encoding="utf-8")
    for args in ([], ["--jobs", "2"]):
        run = texlint(tmp_path, *args, "main.tex")
        assert run.one_line_error() and "no_such_pipeline" in run.err, run.err
