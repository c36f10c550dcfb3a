"""Run texlint on a generated hostile project, as a user or a CI job would: a subprocess with a
wall-clock bound, an address-space (memory) bound, and, optionally, a trace of every file it
opens or lists (Python's audit hooks), so a test can assert that nothing outside the project
was touched."""

from __future__ import annotations

import contextlib
import json
import os
import resource
import signal
import site
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

SRC = Path(__file__).resolve().parents[2] / "src"
#: Address space a run may use (spaCy and numpy map ~1 GB before reading a byte of the paper).
MEMORY_LIMIT = 3 * 1024 ** 3
_BOOT = r"""
import json, os, sys
seen = []
def hook(event, args):
    if event == "open" and args and isinstance(args[0], (str, bytes)):
        seen.append(("open", os.fsdecode(args[0])))
    elif event in ("os.listdir", "os.scandir") and args and isinstance(args[0], (str, bytes)):
        seen.append(("list", os.fsdecode(args[0])))
sys.addaudithook(hook)
out = os.environ.pop("TEXLINT_TRACE_OUT")
import atexit
atexit.register(lambda: open(out, "w").write(json.dumps(seen)))
from texlint.cli.main import main
sys.argv = ["texlint", *sys.argv[1:]]
main()
"""


@dataclass
class Run:
    code: int
    out: str
    err: str
    seconds: float
    opened: list[str]

    def one_line_error(self) -> bool:
        return self.code == 2 and len(self.err.strip().splitlines()) == 1 and self.err.startswith("texlint: error:") \
            and "Traceback" not in self.err

    def findings_or_clean(self) -> bool:
        return self.code in (0, 1) and "Traceback" not in self.err and "internal error" not in self.err


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def texlint(cwd: Path, *args: str, timeout: float = 60, trace: bool = False, env: dict | None = None,
            stdin: bytes | None = None) -> Run:
    environ = {**os.environ, **(env or {})}
    environ.pop("TEXLINT_DEBUG", None)
    environ["NO_COLOR"] = "1"
    trace_file = None
    if trace:
        fd, trace_file = tempfile.mkstemp(prefix="texlint-trace-", suffix=".json")
        os.close(fd)
        environ["TEXLINT_TRACE_OUT"] = trace_file
        cmd = [sys.executable, "-c", _BOOT, *args]
    else:
        cmd = [sys.executable, "-m", "texlint", *args]
    t0 = time.perf_counter()
    try:
        p = subprocess.run(cmd, cwd=cwd, capture_output=True, timeout=timeout, env=environ, input=stdin,
                           preexec_fn=_limit_memory)
    except subprocess.TimeoutExpired:
        raise AssertionError(f"texlint {' '.join(args)} did not finish within {timeout} s") from None
    opened: list[str] = []
    if trace_file:
        try:
            opened = [path for _kind, path in json.loads(Path(trace_file).read_text(encoding="utf-8") or "[]")]
        finally:
            os.unlink(trace_file)
    return Run(p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace"),
               time.perf_counter() - t0, opened)


def outside(opened: list[str], cwd: Path, allowed: list[Path]) -> list[str]:
    """Opened or listed paths that are neither the interpreter's own files nor ``allowed``."""
    mine = [Path(os.path.realpath(p)) for p in (sys.prefix, sys.base_prefix, *site.getsitepackages(), SRC,
                                                 tempfile.gettempdir() + "/texlint-test-cache-")]
    ok = [Path(os.path.realpath(a)) for a in allowed] + mine
    out = []
    for p in opened:
        real = os.path.realpath(p if os.path.isabs(p) else os.path.join(cwd, p))
        if real == "/dev/null" or os.path.basename(real).startswith("texlint-trace-"):
            continue
        if not any(real == str(a) or real.startswith(str(a).rstrip("/") + "/") or real.startswith(str(a))
                   for a in ok):
            out.append(real)
    return sorted(set(out))


@contextlib.contextmanager
def time_limit(seconds: int):
    """An in-process run that hangs raises instead (pure-Python loops are interrupted by SIGALRM)."""
    def _raise(signum, frame):
        raise TimeoutError(f"no result within {seconds} s (hang)")

    old = signal.signal(signal.SIGALRM, _raise)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)
