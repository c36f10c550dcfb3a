"""The pygls wiring of ``texlint lsp``: which LSP messages the server answers, and the one
worker that lints.

The event loop (pygls's) only keeps books: it receives the editor's texts, schedules lints
(``didOpen`` and ``didSave`` at once, ``didChange`` after a pause in typing), publishes what a
lint found and answers ``codeAction`` and ``hover`` from the diagnostics last published. The
lints themselves run one at a time in a worker thread (``workspace.lint_file``), so the loop
stays responsive while a long document is linted, and the rule registry and spaCy stay warm
in this process between lints. A lint whose files changed while it ran is dropped
(``LintState.is_stale``): the change has scheduled the next one.

Nothing a document or a config file contains stops the server: errors are diagnostics or one
log line (``window/logMessage``), and the worker survives any exception.
"""

from __future__ import annotations

import asyncio
import gc
import os
import sys
from concurrent.futures import ThreadPoolExecutor

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from texlint import __version__
from texlint.lsp.actions import actions_for
from texlint.lsp.diagnostics import SOURCE
from texlint.lsp.hover import rule_markdown
from texlint.lsp.workspace import DEBOUNCE, LintState, Snapshot, is_support_file, lint_file, real, warm_up
from texlint.util.terminal import clean

_WARM_UP = "texlint:warm-up"


def _env_seconds(name: str, default: float) -> float:
    try:
        return max(0.0, float(os.environ[name]) / 1000)
    except (KeyError, ValueError):
        return default


class TexlintServer(LanguageServer):
    """A pygls server with texlint's state: what was published, the queue of lints."""

    def __init__(self) -> None:
        super().__init__("texlint", __version__, text_document_sync_kind=types.TextDocumentSyncKind.Incremental)
        self.state = LintState()
        self.registry_cache: dict = {}
        self.executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="texlint-lint")
        self.debounce = _env_seconds("TEXLINT_LSP_DEBOUNCE_MS", DEBOUNCE)
        self.profile = bool(os.environ.get("TEXLINT_LSP_PROFILE"))
        self.timers: dict[str, asyncio.TimerHandle] = {}
        self.queue: asyncio.Queue | None = None
        self.queued: set[str] = set()
        self.worker: asyncio.Task | None = None
        self.said: set[str] = set()  # log lines said once (an untitled buffer)
        self.refind: set[str] = set()  # uris whose root is to be found again (opened, saved)
        self.shutting_down = False

    # -- messages to the client ------------------------------------------------------------
    def log(self, level: int, line: str) -> None:
        self.window_log_message(types.LogMessageParams(type=level, message=clean(" ".join(line.split()))))

    def publish(self, uri: str, diagnostics: list[types.Diagnostic], version: int | None) -> None:
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, diagnostics=diagnostics, version=version))

    # -- the open files ----------------------------------------------------------------------
    def path_of(self, uri: str) -> str | None:
        """The real path of a file uri (None for untitled buffers and other schemes)."""
        if not uri.startswith("file:"):
            return None
        path = to_fs_path(uri)
        return real(path) if path else None

    def open_files(self) -> dict[str, tuple[str, object]]:
        """uri -> (real path, pygls TextDocument) of every open file."""
        out = {}
        for uri, doc in list(self.workspace.text_documents.items()):
            path = self.path_of(uri)
            if path is not None:
                out[uri] = (path, doc)
        return out

    def snapshot(self) -> Snapshot:
        snap = Snapshot()
        for uri, (path, doc) in self.open_files().items():
            snap.texts[path] = doc.source
            snap.uris[path] = uri
            snap.versions[uri] = doc.version
        return snap

    @property
    def encoding(self) -> str:
        enc = getattr(self.workspace, "position_encoding", None) or "utf-16"
        return str(getattr(enc, "value", enc))

    # -- scheduling ----------------------------------------------------------------------------
    def schedule(self, uri: str, delay: float) -> None:
        """Lint the document of ``uri`` after ``delay`` seconds (a newer call replaces it)."""
        if self.shutting_down:
            return
        timer = self.timers.pop(uri, None)
        if timer is not None:
            timer.cancel()
        if delay > 0:
            self.timers[uri] = asyncio.get_running_loop().call_later(delay, self._enqueue, uri)
        else:
            self._enqueue(uri)

    def schedule_documents(self, delay: float) -> None:
        """Re-lint every document with an open file (a .bib or config file changed)."""
        roots: dict[str, str] = {}
        for uri, (path, _doc) in self.open_files().items():
            if not is_support_file(path):
                roots.setdefault(self.state.root_of.get(path, path), uri)
        for uri in roots.values():
            self.schedule(uri, delay)

    def _enqueue(self, uri: str) -> None:
        self.timers.pop(uri, None)
        path = self.path_of(uri) or uri
        key = self.state.root_of.get(path, path)  # one queued lint per document is enough
        if key in self.queued:
            return
        self.queued.add(key)
        if self.queue is None:
            self.queue = asyncio.Queue()
        if self.worker is None or self.worker.done():
            self.worker = asyncio.ensure_future(self._work())
        self.queue.put_nowait((key, uri))

    async def _work(self) -> None:
        loop = asyncio.get_running_loop()
        assert self.queue is not None
        while True:
            key, uri = await self.queue.get()
            self.queued.discard(key)
            try:
                if uri == _WARM_UP:
                    sec = await loop.run_in_executor(self.executor, warm_up, self.registry_cache)
                    if self.profile:
                        self.log(types.MessageType.Log, f"texlint: warm-up {sec * 1000:.0f} ms")
                    continue
                path = self.path_of(uri)
                if path is None:
                    continue
                snap = self.snapshot()
                hint = None if uri in self.refind else self.state.root_of.get(path)
                self.refind.discard(uri)
                outcome = await loop.run_in_executor(self.executor, lint_file, path, snap, self.registry_cache,
                                                     self.encoding, hint)
                self._publish_outcome(outcome, snap)
                del outcome
                # The lint's model and parse leave thousands of reference cycles, which Python's
                # collector frees only at its rare full collections: until then they sit beside
                # the next lint's (19 MB more at the peak on a 1 MB thesis after five edits).
                # Collected here, once the diagnostics are out: about 10 ms on a 150 KB paper.
                await loop.run_in_executor(self.executor, gc.collect)
            except asyncio.CancelledError:
                raise
            except Exception as exc:  # never let one document stop the server
                self.log(types.MessageType.Error,
                         f"texlint: internal error linting {uri}: {type(exc).__name__}: {exc}")

    def _publish_outcome(self, outcome, snap: Snapshot) -> None:
        files = self.open_files()
        current = {uri: doc.version for uri, (_p, doc) in files.items()}
        paths = {uri: p for uri, (p, _doc) in files.items()}
        if self.state.is_stale(outcome, snap, current, paths):
            if self.profile:
                self.log(types.MessageType.Log, f"texlint: dropped a stale lint of {outcome.root}")
            return
        for level, line in outcome.logs:
            self.log(level, line)
        for uri, diagnostics in self.state.apply(outcome):
            self.publish(uri, diagnostics, current.get(uri))
        if self.profile:
            stages = " ".join(f"{k}={v * 1000:.1f}ms" for k, v in outcome.timings.items())
            self.log(types.MessageType.Log, f"texlint: linted {outcome.root}: {stages}")

    # -- requests ----------------------------------------------------------------------------
    def line_of(self, uri: str, line: int) -> str:
        """Line ``line`` (0-based) of a document as the editor has it, with its line break."""
        doc = self.workspace.text_documents.get(uri)
        if doc is not None:
            lines = doc.lines
        else:
            path = self.path_of(uri)
            try:
                with open(path or "", encoding="utf-8", errors="replace", newline="") as fh:
                    lines = fh.read().splitlines(keepends=True)
            except OSError:
                return ""
        return lines[line] if 0 <= line < len(lines) else ""

    def known(self, uri: str, d: types.Diagnostic) -> types.Diagnostic:
        """A diagnostic the client sent back, with its ``data`` restored if the client dropped it."""
        if isinstance(d.data, dict):
            return d
        for p in self.state.diagnostics.get(uri, []):
            if p.range == d.range and p.code == d.code:
                return p
        return d

    def code_actions(self, params: types.CodeActionParams) -> list[types.CodeAction]:
        uri = params.text_document.uri
        only = params.context.only
        if only and not any(str(getattr(k, "value", k)).split(".")[0] == "quickfix" for k in only):
            return []  # the client asks for other kinds (source.organizeImports, refactor, ...)
        diags = [self.known(uri, d) for d in params.context.diagnostics if d.source == SOURCE]
        if not params.context.diagnostics:  # a client that sends no context: the diagnostics there
            diags = [d for d in self.state.diagnostics.get(uri, []) if _overlaps(d.range, params.range)]
        return actions_for(diags, uri, lambda n: self.line_of(uri, n))

    def hover(self, params: types.HoverParams) -> types.Hover | None:
        pos = (params.position.line, params.position.character)
        parts, where = [], None
        for d in self.state.diagnostics.get(params.text_document.uri, []):
            r = d.range
            if not ((r.start.line, r.start.character) <= pos <= (r.end.line, r.end.character)):
                continue
            data = d.data if isinstance(d.data, dict) else {}
            doc = self.state.rule_docs.get(str(d.code))
            if doc is None:
                continue
            text = rule_markdown(doc, data.get("question", ""))
            if text not in parts:
                parts.append(text)
                where = where or r
        if not parts:
            return None
        return types.Hover(contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value="\n\n---\n\n".join(parts)),
                           range=where)


def _overlaps(a: types.Range, b: types.Range) -> bool:
    return (a.start.line, a.start.character) <= (b.end.line, b.end.character) and \
        (b.start.line, b.start.character) <= (a.end.line, a.end.character)


def make_server() -> TexlintServer:
    """The server with its features registered (``serve`` runs it over stdio)."""
    server = TexlintServer()

    @server.feature(types.INITIALIZED)
    def initialized(ls: TexlintServer, params: types.InitializedParams) -> None:
        ls._enqueue(_WARM_UP)  # load the rules and spaCy while the editor opens its files

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: TexlintServer, params: types.DidOpenTextDocumentParams) -> None:
        uri = params.text_document.uri
        path = ls.path_of(uri)
        if path is None:
            if uri not in ls.said:
                ls.said.add(uri)
                ls.log(types.MessageType.Info, f"texlint: {uri} is not a file on disk; save it to lint it")
            return
        if not is_support_file(path):
            ls.refind.add(uri)
            ls.schedule(uri, 0)

    def _relint(ls: TexlintServer, uri: str, delay: float, refind: bool) -> None:
        """Lint again after an edit or a save: a config or .bib file re-lints every open document."""
        path = ls.path_of(uri)
        if path is None:
            return
        if is_support_file(path):
            ls.schedule_documents(delay)
            return
        if refind:
            ls.refind.add(uri)
        ls.schedule(uri, delay)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: TexlintServer, params: types.DidChangeTextDocumentParams) -> None:
        _relint(ls, params.text_document.uri, ls.debounce, refind=False)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE, types.SaveOptions(include_text=False))
    def did_save(ls: TexlintServer, params: types.DidSaveTextDocumentParams) -> None:
        _relint(ls, params.text_document.uri, 0, refind=True)  # a save may change the root: find it again

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: TexlintServer, params: types.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        timer = ls.timers.pop(uri, None)
        if timer is not None:
            timer.cancel()
        path = ls.path_of(uri)
        root = ls.state.root_of.get(path or "")
        if root is None:
            return
        others = [u for u, (p, _d) in ls.open_files().items() if ls.state.root_of.get(p) == root and u != uri]
        if others:  # the document is still being edited: re-lint it with this file from disk
            ls.schedule(others[0], 0)
            return
        for u, diagnostics in ls.state.forget(root):
            ls.publish(u, diagnostics, None)

    @server.feature(types.TEXT_DOCUMENT_CODE_ACTION,
                    types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]))
    def code_action(ls: TexlintServer, params: types.CodeActionParams) -> list[types.CodeAction]:
        return ls.code_actions(params)

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    def hover(ls: TexlintServer, params: types.HoverParams) -> types.Hover | None:
        return ls.hover(params)

    @server.feature(types.SHUTDOWN)
    def shutdown(ls: TexlintServer, *args) -> None:
        ls.shutting_down = True
        for timer in ls.timers.values():
            timer.cancel()
        ls.timers.clear()

    @server.feature(types.EXIT)
    def exit_(ls: TexlintServer, *args) -> None:
        # pygls would raise SystemExit inside its loop and then wait for its stdin reader
        # thread (and a running lint); an editor that does not close the pipe would keep us
        # alive. The answer to every request has been written: end the process now.
        code = 0 if ls.shutting_down else 1
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except (OSError, ValueError):
                pass
        os._exit(code)

    return server


def serve() -> None:
    """Run the language server over stdin/stdout until the client says exit."""
    out = sys.stdout.buffer
    sys.stdout = sys.stderr  # a stray print() must never corrupt the protocol stream
    make_server().start_io(sys.stdin.buffer, out)
