"""A tiny LSP client for the tests and the latency benchmark: ``texlint lsp`` as a subprocess,
JSON-RPC with Content-Length framing over its stdin and stdout.

A reader thread parses every message the server writes; requests wait for their answer (with a
timeout, so a hung server fails a test instead of blocking it) and notifications queue up for
``wait_notification``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any, Callable


class LspError(AssertionError):
    pass


class LspClient:
    def __init__(self, cwd: Path | str | None = None, env: dict | None = None,
                 cmd: list[str] | None = None) -> None:
        full_env = {**os.environ, **(env or {})}
        self.proc = subprocess.Popen(cmd or [sys.executable, "-m", "texlint", "lsp"], cwd=cwd, env=full_env,
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        self._next_id = 0
        self._lock = threading.Condition()
        self._responses: dict[int, dict] = {}
        self.notifications: list[dict] = []
        self.requests_from_server: list[dict] = []
        self.stderr_lines: list[str] = []
        self._closed = False
        threading.Thread(target=self._read, daemon=True).start()
        threading.Thread(target=self._read_stderr, daemon=True).start()

    # -- transport -------------------------------------------------------------------------
    def _read(self) -> None:
        out = self.proc.stdout
        assert out is not None
        try:
            while True:
                length = None
                while True:
                    line = out.readline()
                    if not line:
                        return
                    line = line.strip()
                    if not line:
                        break
                    name, _, value = line.decode("ascii").partition(":")
                    if name.lower() == "content-length":
                        length = int(value.strip())
                if length is None:
                    continue
                body = out.read(length)
                msg = json.loads(body.decode("utf-8"))
                msg["_received"] = time.perf_counter()
                with self._lock:
                    if "id" in msg and "method" not in msg:
                        self._responses[msg["id"]] = msg
                    elif "id" in msg:  # a request from the server (e.g. workDoneProgress/create)
                        self.requests_from_server.append(msg)
                        self._send({"jsonrpc": "2.0", "id": msg["id"], "result": None})
                    else:
                        self.notifications.append(msg)
                    self._lock.notify_all()
        finally:
            with self._lock:
                self._closed = True
                self._lock.notify_all()

    def _read_stderr(self) -> None:
        assert self.proc.stderr is not None
        for line in self.proc.stderr:
            self.stderr_lines.append(line.decode("utf-8", "replace"))

    def _send(self, msg: dict) -> None:
        body = json.dumps(msg).encode("utf-8")
        assert self.proc.stdin is not None
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()

    # -- JSON-RPC --------------------------------------------------------------------------
    def request(self, method: str, params: Any = None, timeout: float = 20.0) -> Any:
        self._next_id += 1
        rid = self._next_id
        self._send({"jsonrpc": "2.0", "id": rid, "method": method, "params": params})
        deadline = time.monotonic() + timeout
        with self._lock:
            while rid not in self._responses:
                left = deadline - time.monotonic()
                if left <= 0 or self._closed:
                    raise LspError(f"no answer to {method} within {timeout} s (server {self.state()})")
                self._lock.wait(left)
            msg = self._responses.pop(rid)
        if "error" in msg:
            raise LspError(f"{method} failed: {msg['error']}")
        return msg.get("result")

    def notify(self, method: str, params: Any = None) -> None:
        self._send({"jsonrpc": "2.0", "method": method, "params": params})

    def wait_notification(self, pred: Callable[[dict], bool], timeout: float = 20.0, start: int = 0) -> dict:
        """The first notification (from index ``start``) for which ``pred`` holds."""
        deadline = time.monotonic() + timeout
        with self._lock:
            while True:
                for msg in self.notifications[start:]:
                    if pred(msg):
                        return msg
                left = deadline - time.monotonic()
                if left <= 0 or self._closed:
                    raise LspError(f"notification not seen within {timeout} s (server {self.state()}); got: "
                                   + ", ".join(m.get("method", "?") for m in self.notifications[start:]))
                self._lock.wait(left)

    def mark(self) -> int:
        with self._lock:
            return len(self.notifications)

    def diagnostics(self, uri: str, timeout: float = 20.0, start: int = 0,
                    pred: Callable[[list], bool] | None = None) -> list[dict]:
        """The next publishDiagnostics for ``uri`` (after index ``start``) satisfying ``pred``."""
        msg = self.wait_notification(
            lambda m: m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri
            and (pred is None or pred(m["params"]["diagnostics"])), timeout, start)
        return msg["params"]["diagnostics"]

    def logs(self) -> list[str]:
        with self._lock:
            return [m["params"]["message"] for m in self.notifications if m.get("method") == "window/logMessage"]

    def state(self) -> str:
        code = self.proc.poll()
        tail = "".join(self.stderr_lines[-5:]).strip()
        return ("running" if code is None else f"exited {code}") + (f"; stderr: {tail}" if tail else "")

    # -- LSP ---------------------------------------------------------------------------------
    def initialize(self, root: Path, capabilities: dict | None = None) -> dict:
        result = self.request("initialize", {
            "processId": os.getpid(), "rootUri": root.as_uri(),
            "workspaceFolders": [{"uri": root.as_uri(), "name": root.name}],
            "capabilities": capabilities or {"textDocument": {"publishDiagnostics": {"versionSupport": True}}},
        }, timeout=30)
        self.notify("initialized", {})
        return result

    def open(self, path: Path, text: str | None = None, version: int = 1, language: str = "latex") -> str:
        uri = path.as_uri()
        if text is None:
            text = path.read_text(encoding="utf-8")
        self.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": language,
                                                              "version": version, "text": text}})
        return uri

    def change(self, uri: str, text: str, version: int) -> None:
        self.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": version},
                                               "contentChanges": [{"text": text}]})

    def change_range(self, uri: str, version: int, start: tuple[int, int], end: tuple[int, int], text: str) -> None:
        rng = {"start": {"line": start[0], "character": start[1]}, "end": {"line": end[0], "character": end[1]}}
        self.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": version},
                                               "contentChanges": [{"range": rng, "text": text}]})

    def close(self, timeout: float = 15.0) -> int:
        """shutdown + exit; the process's exit code."""
        try:
            self.request("shutdown", None, timeout=timeout)
            self.notify("exit", None)
        except (LspError, OSError):
            pass
        try:
            return self.proc.wait(timeout=timeout)
        finally:
            self.kill()

    def kill(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(timeout=10)
        for stream in (self.proc.stdin, self.proc.stdout, self.proc.stderr):
            try:
                if stream is not None:
                    stream.close()
            except OSError:
                pass
