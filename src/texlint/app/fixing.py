"""``--fix``, ``--unsafe-fixes`` and ``--diff``: apply the fixes of a run's findings to the sources.

As in ruff: only the fixes of findings that would be reported are applied (selection, ignores,
suppressions and the baseline all count); safe fixes by default, unsafe ones when asked; the
run is repeated after each round, since one fix can make or unmask another (at most
``MAX_ROUNDS``), and the findings left are reported as usual. ``--diff`` computes the same
edits, prints them as a unified diff and writes nothing.

A file is fixed only when its text on disk is exactly the text the findings were computed from
and re-encodes to the same bytes (a file decoded with replacement characters, or cut at the
size budget, is left alone and said so); it is written in its own encoding and line endings,
atomically, never through a symlink.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from pathlib import Path

from texlint.app.result import Options, RunResult
from texlint.engine.fixes import Edit, apply_edits
from texlint.source.files import SourceFile
from texlint.util.files_out import OutputError, write_text
from texlint.util.paths import display_path
from texlint.util.reading import ReadError, read_bytes

MAX_ROUNDS = 10


@dataclass
class FixOutcome:
    result: RunResult  # the run after the last round (what is left to report)
    fixed: int = 0  # findings whose fix was applied
    files: list[str] = field(default_factory=list)  # display paths of the files changed
    unsafe_left: int = 0  # findings with an unsafe fix not applied (said in the summary)
    skipped: list[str] = field(default_factory=list)  # one line per file that could not be fixed
    diff: str = ""  # with --diff: the unified diff of every change


def _pending(result: RunResult, unsafe: bool) -> tuple[dict[str, list[tuple[Edit, ...]]], int]:
    """The fixes to apply per file (each a tuple of edits), and the unsafe fixes left out."""
    fixes: dict[str, list[tuple[Edit, ...]]] = {}
    unsafe_left = 0
    for doc in result.documents:
        for f in doc.findings:
            if f.fix is None:
                continue
            if not f.fix.safe and not unsafe:
                unsafe_left += 1
                continue
            fixes.setdefault(f.fix.edits[0].file, []).append(f.fix.edits)
    return fixes, unsafe_left


def _sources(result: RunResult) -> dict[str, SourceFile]:
    out = {}
    for doc in result.documents:
        for src in doc.sources:
            out.setdefault(display_path(src.path), src)
    return out


def _apply_one(path: str, src: SourceFile | None, edits: list[Edit]) -> tuple[str, str, list[Edit], str]:
    """(old text, new text, edits taken, why not) for one file."""
    if src is None:
        return "", "", [], f"{path}: not fixed: texlint did not read this file"
    if src.truncated:
        return "", "", [], f"{path}: not fixed: the file is longer than texlint reads"
    try:
        data = read_bytes(src.path)
    except ReadError as exc:
        return "", "", [], f"{path}: not fixed: {exc}"
    try:
        same = src.text.encode(src.encoding) if src.encoding != "utf-8-sig" else b"\xef\xbb\xbf" + src.text.encode()
    except (UnicodeEncodeError, LookupError):
        same = None
    if same != data:
        return "", "", [], f"{path}: not fixed: the file changed since it was read, or does not decode exactly"
    new, taken = apply_edits(src.text, edits)
    try:
        new.encode(src.encoding)
    except (UnicodeEncodeError, LookupError):
        return "", "", [], f"{path}: not fixed: a fix does not fit the file's encoding ({src.encoding})"
    return src.text, new, taken, ""


def run_fixes(run, paths: list[Path], opts: Options, unsafe: bool = False, diff: bool = False) -> FixOutcome:
    """Lint ``paths`` with ``run`` (``app.run.run``), apply fixes, re-lint; or only diff them."""
    result = run(paths, opts)
    outcome = FixOutcome(result)
    chunks: list[str] = []
    for _round in range(1 if diff else MAX_ROUNDS):
        fixes, outcome.unsafe_left = _pending(result, unsafe)
        if not fixes:
            break
        sources = _sources(result)
        changed = 0
        for path in sorted(fixes):
            edits = [e for fix in fixes[path] for e in fix]
            old, new, taken, why = _apply_one(path, sources.get(path), edits)
            if why:
                if why not in outcome.skipped:
                    outcome.skipped.append(why)
                continue
            if new == old:
                continue
            if diff:
                chunks.append("".join(difflib.unified_diff(old.splitlines(keepends=True), new.splitlines(keepends=True),
                                                           f"a/{path}", f"b/{path}")))
            else:
                src = sources[path]
                try:
                    write_text(src.path, new, "fixed source", encoding=src.encoding)
                except OutputError as exc:
                    outcome.skipped.append(str(exc))
                    continue
            done = set(taken)
            outcome.fixed += sum(1 for fix in fixes[path] if all(e in done for e in fix))
            if path not in outcome.files:
                outcome.files.append(path)
            changed += 1
        if diff or not changed:
            break
        result = run(paths, opts)
        outcome.result = result
    if not diff:
        _fixes, outcome.unsafe_left = _pending(outcome.result, unsafe)
    outcome.diff = "".join(chunks)
    return outcome
