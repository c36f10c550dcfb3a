"""What the server lints and when: open documents, their roots, debouncing, stale results.

Linting is for a whole *document*: the file being edited belongs to a root (found as on the
command line, ``source.roots.find_root``), and the root is linted with the editor's unsaved
text of every open file laid over the disk (``util.reading.overlay``). One lint runs at a time,
in a worker thread, so requests (hover, code actions) are answered while it runs; the rule
registry is cached and the spaCy pipeline (a module-level singleton) stays loaded between lints.

A lint is computed from a *snapshot* (the text and version of every open file when it starts).
When it ends, it is published only if no file it read has changed since; otherwise the change
that made it stale has already scheduled the next lint, so the newest text always wins and an
old result never replaces a newer one. ``LintState`` keeps what was published per root, so a
file that had diagnostics and has none now is cleared.

Nothing here raises: configuration errors become one diagnostic on the config file, other
texlint errors one log line, anything unexpected one log line too (``Outcome.logs``).
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass, field
from pathlib import Path

from lsprotocol import types
from pygls.uris import from_fs_path

from texlint.app.config import effective_config, find_config
from texlint.app.lint_document import lint_root, remember_between_lints
from texlint.app.result import Options, shown
from texlint.lsp.diagnostics import config_diagnostic, finding_diagnostic, fix_data
from texlint.source.files import MAX_DOCUMENT_CHARS, TEX_SUFFIXES, decode, line_starts
from texlint.source.roots import find_root
from texlint.util.errors import ConfigError, InputError, TexlintError
from texlint.util.reading import overlay, read_bytes

#: Files whose change re-lints the open documents instead of being linted themselves.
SUPPORT_SUFFIXES = (".bib", ".bbl", ".toml", ".cfg", ".sty", ".cls", ".bst", ".clo", ".def")
#: Debounce of didChange (seconds): a lint starts this long after the last keystroke.
DEBOUNCE = 0.3


def is_support_file(path: str) -> bool:
    return path.lower().endswith(SUPPORT_SUFFIXES) and not path.lower().endswith(TEX_SUFFIXES)


@dataclass
class Snapshot:
    """The open files when a lint starts: real path -> text, uri and version."""

    texts: dict[str, str] = field(default_factory=dict)
    uris: dict[str, str] = field(default_factory=dict)
    versions: dict[str, "int | None"] = field(default_factory=dict)  # by uri


@dataclass
class Outcome:
    """What one lint produced, for the server to publish (or drop, when stale)."""

    trigger: str  # real path of the file that asked for the lint
    root: str  # real path of the root document ("" when none was found)
    files: set[str] = field(default_factory=set)  # real paths the lint read
    diagnostics: dict[str, list[types.Diagnostic]] = field(default_factory=dict)  # uri -> diagnostics
    replace: bool = True  # False: add to what is shown (a config error keeps the last findings)
    rule_docs: dict[str, dict] = field(default_factory=dict)
    logs: list[tuple[int, str]] = field(default_factory=list)  # (MessageType, one line)
    timings: dict[str, float] = field(default_factory=dict)  # stage -> seconds


class _Lines:
    """1-based line texts of one file (LF, CRLF and lone CR end a line, as in ``SourceFile``)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = line_starts(text)

    def __call__(self, line: int) -> str | None:
        if line < 1 or line > len(self.starts):
            return None
        start = self.starts[line - 1]
        end = self.starts[line] if line < len(self.starts) else len(self.text)
        return self.text[start:end].rstrip("\r\n")


def real(path: str | Path) -> str:
    return os.path.realpath(os.path.abspath(path))


def uri_for(path: str, snap: Snapshot) -> str:
    """The client's own uri for an open file (it compares uris as strings), else a file uri."""
    return snap.uris.get(path) or from_fs_path(path) or Path(path).as_uri()


def _disk_lines(path: str) -> _Lines | None:
    try:
        return _Lines(decode(read_bytes(path, 4 * MAX_DOCUMENT_CHARS))[0])
    except (OSError, TexlintError):
        return None


def _first_line(path: str) -> str:
    lines = _disk_lines(path)
    return (lines(1) or "") if lines is not None else ""


def config_file_of(exc: ConfigError, root: Path) -> str | None:
    """The config file a ``ConfigError`` is about: the path its message starts with (an
    ``extend``-ed file may be the culprit), else the config found for the root."""
    head = str(exc).split(": ", 1)[0]
    if head and os.path.isfile(head):
        return real(head)
    try:
        found = find_config(root)
    except TexlintError:
        return None
    return real(found) if found is not None else None


def lint_file(path: str, snap: Snapshot, registry_cache: dict, encoding: str = "utf-16",
              root_hint: str | None = None) -> Outcome:
    """Lint the document ``path`` belongs to, with the snapshot's texts over the disk.
    ``root_hint``: the root found for it last time (typing does not move a file to another
    document; the server finds the root again on open and save, since a root search may scan
    the whole work tree)."""
    t0 = time.perf_counter()
    out = Outcome(trigger=path, root=path, files={path})
    text = snap.texts.get(path)
    if text is not None and len(text) > MAX_DOCUMENT_CHARS:
        # The loader would read only the first 2.5 million characters of this and take tens
        # of seconds over them; as-you-type linting says so once instead.
        msg = (f"texlint: this file has {len(text):,} characters, more than texlint's document budget "
               f"({MAX_DOCUMENT_CHARS:,}); it is not linted as you type (run texlint on it from the command line)")
        out.diagnostics[uri_for(path, snap)] = [types.Diagnostic(
            range=types.Range(start=types.Position(0, 0), end=types.Position(0, 0)), message=msg,
            severity=types.DiagnosticSeverity.Information, code="L006", source="texlint")]
        out.timings["total"] = time.perf_counter() - t0
        return out
    with overlay(snap.texts):
        t = time.perf_counter()
        try:
            root = Path(root_hint) if root_hint and os.path.isfile(root_hint) else find_root(Path(path))
        except InputError as exc:  # a % !TEX root that points outside the project: lint the file alone
            out.logs.append((types.MessageType.Warning, f"texlint: {exc}; linting {path} alone"))
            root = Path(path)
        out.timings["find_root"] = time.perf_counter() - t
        out.root = real(root)
        out.files.add(out.root)
        opts = Options()
        try:
            t = time.perf_counter()
            dr = lint_root(root, opts, registry_cache)
            out.timings["lint_root"] = time.perf_counter() - t
            cfg = effective_config(root, opts)
        except ConfigError as exc:
            cfg_path = config_file_of(exc, root)
            if cfg_path is None:
                out.logs.append((types.MessageType.Error, f"texlint: {exc}"))
            else:
                out.diagnostics[uri_for(cfg_path, snap)] = [config_diagnostic(str(exc), _first_line(cfg_path))]
            out.replace = False
            out.timings["total"] = time.perf_counter() - t0
            return out
        except TexlintError as exc:  # unreadable or binary root, bad rule pack, ...
            out.logs.append((types.MessageType.Error, f"texlint: {exc}"))
            out.replace = False
            out.timings["total"] = time.perf_counter() - t0
            return out
        t = time.perf_counter()
        _convert(dr, cfg, snap, out, encoding)
        out.timings["convert"] = time.perf_counter() - t
    for stage, sec in dr.timer.stages.items():
        out.timings[f"lint.{stage}"] = sec
    out.timings["total"] = time.perf_counter() - t0
    return out


def _convert(dr, cfg, snap: Snapshot, out: Outcome, encoding: str) -> None:
    """The lint's findings as diagnostics, per file uri (the trigger's uri always present)."""
    folder = Path(dr.folder)
    sources = {real(sf.path): sf for sf in dr.sources}
    out.files |= set(sources)
    named = {Path(p) for p in snap.texts} | {Path(out.trigger)}
    findings = dr.findings
    visible = {id(f) for f in shown(findings, None, folder, cfg)}  # the config's exclude...
    visible |= {id(f) for f in shown(findings, named, folder, cfg)}  # ...except for open files
    lines_cache: dict[str, _Lines | None] = {}

    def lines(path: str) -> _Lines | None:
        if path not in lines_cache:
            if path in snap.texts:
                lines_cache[path] = _Lines(snap.texts[path])
            elif path in sources:
                lines_cache[path] = _Lines(sources[path].text)
            else:
                lines_cache[path] = _disk_lines(path)
        return lines_cache[path]

    def path_of(file: str) -> str:
        if not file:
            return out.root
        for cand in (real(file), real(folder / file)):
            if cand in sources or cand in snap.texts:
                return cand
        return real(file)

    def edit_target(file: str):
        p = path_of(file)
        ln = lines(p)
        return (uri_for(p, snap), ln) if ln is not None else None

    diagnostics: dict[str, list[types.Diagnostic]] = {uri_for(out.trigger, snap): []}
    for f in findings:
        if id(f) not in visible:
            continue
        p = path_of(f.location.file)
        ln = lines(p) or (lambda _n: None)
        fix = fix_data(getattr(f, "fix", None), edit_target, encoding)
        diagnostics.setdefault(uri_for(p, snap), []).append(finding_diagnostic(f, ln, encoding, fix))
    out.diagnostics = diagnostics
    out.rule_docs = dict(dr.rule_docs)


def warm_up(registry_cache: dict) -> float:
    """Lint a tiny in-memory document once, so the first real lint finds the rules imported
    and spaCy loaded (seconds, paid while the editor is still opening)."""
    import tempfile

    t0 = time.perf_counter()
    remember_between_lints()  # from now on an edit recomputes only what it changed
    with tempfile.TemporaryDirectory(prefix="texlint-lsp-") as tmp:
        main = Path(tmp) / "main.tex"
        main.write_text("\\documentclass{article}\n\\begin{document}\n\\section{Introduction}\n"
                        "We show that the method works. It is fast.\n\\end{document}\n", encoding="utf-8")
        try:
            lint_root(main, Options(), registry_cache)
        except TexlintError:
            pass
    return time.perf_counter() - t0


@dataclass
class LintState:
    """What has been published: per root the uris with diagnostics, per uri the diagnostics
    (for hover and code actions), and the documentation of the rules that found something."""

    published: dict[str, set[str]] = field(default_factory=dict)  # root -> uris
    diagnostics: dict[str, list[types.Diagnostic]] = field(default_factory=dict)  # uri -> last published
    root_of: dict[str, str] = field(default_factory=dict)  # open file (real path) -> its root
    rule_docs: dict[str, dict] = field(default_factory=dict)

    def is_stale(self, outcome: Outcome, snap: Snapshot, current: dict[str, "int | None"],
                 current_paths: dict[str, str]) -> bool:
        """Whether a file the lint read changed (or was opened or closed) since its snapshot.
        ``current``: uri -> version of the open files now; ``current_paths``: their real paths."""
        read = outcome.files | {outcome.trigger}
        now = {uri for uri, p in current_paths.items() if p in read}
        then = {snap.uris[p] for p in read if p in snap.uris}
        if now != then:
            return True
        return any(current.get(uri) != snap.versions.get(uri) for uri in now)

    def apply(self, outcome: Outcome) -> list[tuple[str, list[types.Diagnostic]]]:
        """Record an outcome; returns the (uri, diagnostics) to publish, empty lists for files
        that had diagnostics from this root and have none now."""
        root = outcome.root
        prev = self.published.get(root, set())
        sends: list[tuple[str, list[types.Diagnostic]]] = list(outcome.diagnostics.items())
        if outcome.replace:
            new = {uri for uri, d in outcome.diagnostics.items() if d}
            sends += [(uri, []) for uri in sorted(prev - set(outcome.diagnostics))]
            self.published[root] = new
        else:
            self.published[root] = prev | set(outcome.diagnostics)
        for uri, diags in sends:
            self.diagnostics[uri] = diags
        self.rule_docs.update(outcome.rule_docs)
        for p in outcome.files:
            self.root_of[p] = root
        return sends

    def forget(self, root: str) -> list[tuple[str, list[types.Diagnostic]]]:
        """Clear everything published for a root (its last open file was closed)."""
        uris = self.published.pop(root, set())
        for uri in uris:
            self.diagnostics.pop(uri, None)
        return [(uri, []) for uri in sorted(uris)]
