"""Result cache: a re-run on an unchanged project answers from disk, without parsing or spaCy.

Design (see docs/cache.md):

* **Where.** ``--cache-dir``, else ``$TEXLINT_CACHE_DIR``, else ``.texlint_cache/`` in the
  folder of the root document. The folder gets a ``CACHEDIR.TAG`` (backup tools skip it) and a
  ``.gitignore`` holding ``*`` (git ignores it), like ruff's ``.ruff_cache``.
* **Key** (the entry's file name): texlint's version, a fingerprint of texlint's own code and
  built-in rule packs (sizes and mtimes, so editing a rule during development misses), the
  effective config (``Config.fingerprint()``, which already holds the CLI overrides: select,
  ignore, venue, review, fail-on), the contents of user rule packs, the inline-suppression
  switch, the baseline file's contents and the root document's real path. All of it is known
  before parsing.
* **Validation.** An entry stores the files the document read (every included file, the .bib
  or .bbl) with their SHA-256, and a listing of the LaTeX-relevant names (``.tex``, ``.bib``,
  ``.bbl``, ``.sty``, ``.cls``, sub-folders) of every folder those files live in. A lookup
  re-hashes those files and re-lists those folders; any difference is a miss, so an edited
  include, a new ``.bib`` beside the root or a created include file invalidate the entry.
  Documents with an include that was not found are not cached at all (its later creation
  could land in a folder the entry does not list).
* **Contents.** The complete findings (all fields, file paths relative to the project
  folder, before filtering to the files named on the command line), the document summary
  (``app.summary``: files, sections, stats, argument, story, facts) and the documentation of
  the rules that found something. The source texts go into a second file beside the entry
  (``<key>.sources.json``), read only when a report shows them (HTML).
* **Concurrency.** Entries are written to a temporary file in the same folder and moved into
  place with ``os.replace``: a reader sees the old entry, the new one, or none, never half a
  file. Unreadable or corrupt entries count as misses. A read-only folder just means no
  caching.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from dataclasses import asdict, fields
from pathlib import Path

from texlint import __version__
from texlint.engine.finding import Finding
from texlint.engine.fixes import Edit, Fix
from texlint.latex.model import Location
from texlint.source.files import SourceFile
from texlint.source.project import ProblemKind
from texlint.util.paths import display_path
from texlint.util.reading import MAX_FILE_BYTES, read_bytes, read_text

CACHE_VERSION = 1
DEFAULT_DIR_NAME = ".texlint_cache"
ENV_VAR = "TEXLINT_CACHE_DIR"
#: Names in a folder that can change what a document reads (bibliography glob, includes).
_RELEVANT_SUFFIXES = (".tex", ".ltx", ".bib", ".bbl", ".sty", ".cls")

_CACHEDIR_TAG = (
    "Signature: 8a477f597d28d172789f06886806bc55\n"
    "# This file is a cache directory tag created by texlint.\n"
    "# For information about cache directory tags see https://bford.info/cachedir/\n"
)

_code_fp: str | None = None


def cache_dir_for(root: Path, override: Path | None = None) -> Path:
    """The cache folder for a root document."""
    if override is not None:
        return Path(override)
    env = os.environ.get(ENV_VAR)
    if env:
        return Path(env)
    return Path(os.path.realpath(root)).parent / DEFAULT_DIR_NAME


def code_fingerprint() -> str:
    """Sizes and mtimes of texlint's own modules and built-in rule packs (cheap: a few stats)."""
    global _code_fp
    if _code_fp is not None:
        return _code_fp
    h = hashlib.sha256()
    dirs = [Path(__file__).resolve().parent.parent]  # the texlint package, rule packs and vocabularies included
    for top in dirs:
        if not top.is_dir():
            continue
        for dirpath, dirnames, filenames in os.walk(top):
            dirnames[:] = sorted(d for d in dirnames if d != "__pycache__" and not d.startswith("."))
            for fn in sorted(filenames):
                if fn.endswith((".py", ".toml", ".html", ".j2", ".jinja", ".json", ".txt")):
                    p = os.path.join(dirpath, fn)
                    try:
                        st = os.stat(p)
                    except OSError:
                        continue
                    h.update(f"{p}\0{st.st_size}\0{st.st_mtime_ns}\n".encode("utf-8", "surrogatepass"))
    _code_fp = h.hexdigest()
    return _code_fp


def _hash_file(path: str | Path) -> str | None:
    """SHA-256 of a regular file (None for anything else: a FIFO must not hang a lookup)."""
    try:
        return hashlib.sha256(read_bytes(path, MAX_FILE_BYTES)).hexdigest()
    except OSError:
        return None


def _paths_digest(paths) -> str:
    """Contents of files or folders of files (user rule packs), in a stable order."""
    h = hashlib.sha256()
    for p in paths:
        p = Path(p)
        files = sorted(p.glob("*.toml")) if p.is_dir() else [p]  # what pack_rules reads, nothing more
        for f in files:
            if f.is_file():
                h.update(f"{f}\0{_hash_file(f)}\n".encode("utf-8", "surrogatepass"))
    return h.hexdigest()


def make_key(root: Path, cfg, inline_suppress: bool, baseline: Path | None) -> str | None:
    """The cache key of one root document under one configuration (None: do not cache)."""
    base_digest = None
    if baseline is not None:
        base_digest = _hash_file(baseline)
        if base_digest is None:  # missing baseline: let the normal run report the error
            return None
    parts = {
        "cache": CACHE_VERSION, "version": __version__, "code": code_fingerprint(),
        "config": cfg.fingerprint(), "rule_paths": _paths_digest(cfg.rule_paths),
        "inline_suppress": inline_suppress, "baseline": base_digest,
        "root": os.path.realpath(root),
    }
    return hashlib.sha256(json.dumps(parts, sort_keys=True).encode("utf-8", "surrogatepass")).hexdigest()


def _listing(folder: str) -> list[str]:
    try:
        with os.scandir(folder) as it:
            names = []
            for e in it:
                try:
                    if e.name.endswith(_RELEVANT_SUFFIXES) or (e.is_dir() and not e.name.startswith(".")):
                        names.append(e.name)
                except OSError:
                    continue
    except OSError:
        return ["<unreadable>"]
    return sorted(names)


def read_files(doc) -> list[str]:
    """Every file the document read: its sources and its bibliography (absolute real paths)."""
    folder = doc.project.folder
    out = [os.path.realpath(f.path) for f in doc.files]
    out += [os.path.realpath(folder / b) for b in doc.bib_files]
    seen: set[str] = set()
    return [p for p in out if not (p in seen or seen.add(p))]


def _entry_path(cache_dir: Path, key: str) -> Path:
    return cache_dir / f"v{CACHE_VERSION}" / f"{key}.json"


def _sources_path(cache_dir: Path, key: str) -> Path:
    return cache_dir / f"sources-v{CACHE_VERSION}" / f"{key}.json"


# -- serialising ------------------------------------------------------------------------------

def _finding_to_dict(f: Finding, folder: Path) -> dict:
    d = asdict(f)
    d["location"]["file"] = _to_rel(f.location.file, folder)
    for e in (d["fix"] or {}).get("edits", []):
        e["file"] = e["location"]["file"] = _to_rel(e["file"], folder)
    return d


def _finding_from_dict(d: dict, folder: Path) -> Finding:
    loc = dict(d["location"])
    loc["file"] = display_path(folder / loc["file"])
    known = {f.name for f in fields(Finding)}
    fix = d.get("fix")
    if fix is not None:
        edits = []
        for e in fix["edits"]:
            shown_as = display_path(folder / e["file"])
            edits.append(Edit(**{**e, "file": shown_as, "location": Location(**{**e["location"], "file": shown_as})}))
        fix = Fix(fix["title"], tuple(edits), fix["applicability"])
    return Finding(**{k: v for k, v in d.items() if k in known and k not in ("location", "fix")},
                   location=Location(**loc), fix=fix)


def _to_rel(display: str, folder: Path) -> str:
    """A display path (relative to the cwd, or absolute) as a path relative to the project folder."""
    rel = os.path.relpath(os.path.abspath(display), folder)
    return Path(rel).as_posix()


def _summary_paths(summary: dict, fn) -> dict:
    s = json.loads(json.dumps(summary))
    if isinstance(s.get("files"), list):
        s["files"] = [fn(x) for x in s["files"]]
    for sec in s.get("sections") or []:
        if isinstance(sec, dict) and isinstance(sec.get("file"), str):
            sec["file"] = fn(sec["file"])
    return s


# -- store and lookup -------------------------------------------------------------------------

def _read_only(folder: Path) -> bool:
    """A folder whose mode lets nobody write (a read-only share or checkout): texlint puts no
    cache there, even when it runs as root and the operating system would let it."""
    try:
        return not os.stat(folder).st_mode & 0o222
    except OSError:
        return False  # a missing parent: mkdir below decides


def _leads_elsewhere(cache_dir: Path) -> bool:
    """A cache folder (or its subfolders) planted as a symlink: writing there would write
    wherever it points, so texlint caches nothing."""
    return any(p.is_symlink() for p in (cache_dir, cache_dir / f"v{CACHE_VERSION}", cache_dir / f"sources-v{CACHE_VERSION}"))


def ensure_dir(cache_dir: Path) -> bool:
    if _leads_elsewhere(cache_dir):
        return False
    if not cache_dir.exists() and _read_only(cache_dir.parent):
        return False
    try:
        (cache_dir / f"v{CACHE_VERSION}").mkdir(parents=True, exist_ok=True)
        tag = cache_dir / "CACHEDIR.TAG"
        if not tag.exists():
            _atomic_write(tag, _CACHEDIR_TAG)
        ign = cache_dir / ".gitignore"
        if not ign.exists():
            _atomic_write(ign, "# Automatically created by texlint.\n*\n")
        return True
    except OSError:
        return False


def _file_mode() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def _atomic_write(path: Path, text: str) -> None:
    fd, tmp = tempfile.mkstemp(prefix=".tmp-", suffix=".part", dir=path.parent)
    try:
        os.fchmod(fd, _file_mode())
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def store(cache_dir: Path, key: str, dr, all_findings: list[Finding]) -> bool:
    """Write the entry for a linted document (``dr.doc`` must be set). Returns True when written."""
    doc = dr.doc
    if doc is None:
        return False
    if any(p.kind is ProblemKind.NOT_FOUND for p in doc.problems):
        return False  # a missing include may appear later in a folder we do not list
    folder = Path(doc.project.folder)
    files = read_files(doc)
    hashes = []
    for p in files:
        digest = _hash_file(p)
        if digest is None:
            return False
        hashes.append([p, digest])
    dirs = sorted({os.path.dirname(p) for p in files} | {str(folder)})
    entry = {
        "cache": CACHE_VERSION, "version": __version__, "key": key, "folder": str(folder),
        "files": hashes, "dirs": [[d, _listing(d)] for d in dirs],
        "venue": dr.venue, "review": dr.review, "suppressed": dr.suppressed, "baselined": dr.baselined,
        "findings": [_finding_to_dict(f, folder) for f in all_findings],
        "summary": _summary_paths(dr.summary, lambda x: _to_rel(x, folder)),
        "rule_docs": dr.rule_docs,
    }
    sources = json.dumps([{"path": str(f.path), "rel": f.rel, "text": f.text} for f in doc.files], ensure_ascii=False)
    entry["sources_digest"] = hashlib.sha256(sources.encode("utf-8", "surrogatepass")).hexdigest()
    if not ensure_dir(cache_dir):
        return False
    try:
        # sources first: an entry is only ever found with its sources beside it
        _sources_path(cache_dir, key).parent.mkdir(exist_ok=True)
        _atomic_write(_sources_path(cache_dir, key), sources)
        _atomic_write(_entry_path(cache_dir, key), json.dumps(entry, ensure_ascii=False))
    except (OSError, TypeError, ValueError):
        return False
    return True


MAX_ENTRY_BYTES = 256 * 1024 * 1024
_FINDING_TYPES = {"rule": str, "message": str, "severity": str, "name": str, "category": str, "excerpt": str,
                  "context": str, "question": str, "suggestion": str, "fingerprint": str, "document_level": bool}
_LOCATION_TYPES = {"file": str, "line": int, "column": int, "end_line": int, "end_column": int}


def _shape_ok(entry, key: str, root: Path | None) -> bool:
    """Whether what was read back is an entry texlint wrote for this key and root: every field
    of the right type (a corrupt or forged file is a miss, never a crash or a served result)."""
    if not isinstance(entry, dict) or entry.get("cache") != CACHE_VERSION or entry.get("version") != __version__:
        return False
    if entry.get("key") != key or not isinstance(entry.get("folder"), str):
        return False
    files, dirs = entry.get("files"), entry.get("dirs")
    if not isinstance(files, list) or not all(isinstance(x, list) and len(x) == 2 and all(isinstance(y, str) for y in x)
                                              for x in files):
        return False
    if root is not None and os.path.realpath(root) not in {p for p, _ in files}:
        return False  # the entry must have validated the root document itself
    if not isinstance(dirs, list) or not all(isinstance(x, list) and len(x) == 2 and isinstance(x[0], str)
                                             and isinstance(x[1], list) for x in dirs):
        return False
    for name, kind in (("venue", str), ("review", bool), ("suppressed", int), ("baselined", int),
                       ("summary", dict), ("rule_docs", dict), ("sources_digest", str), ("findings", list)):
        if not isinstance(entry.get(name), kind):
            return False
    for f in entry["findings"]:
        if not isinstance(f, dict) or not isinstance(f.get("location"), dict):
            return False
        if any(not isinstance(f.get(k), t) for k, t in _FINDING_TYPES.items()):
            return False
        if not _location_ok(f["location"]) or not _fix_ok(f.get("fix")):
            return False
    return all(isinstance(v, dict) for v in entry["rule_docs"].values())


def _location_ok(loc) -> bool:
    return isinstance(loc, dict) and all(isinstance(loc.get(k), t) and not (t is int and isinstance(loc.get(k), bool))
                                         for k, t in _LOCATION_TYPES.items())


def _fix_ok(fix) -> bool:
    if fix is None:
        return True
    if not isinstance(fix, dict) or not isinstance(fix.get("title"), str) or fix.get("applicability") not in ("safe", "unsafe"):
        return False
    edits = fix.get("edits")
    return isinstance(edits, list) and bool(edits) and all(
        isinstance(e, dict) and set(e) == _EDIT_KEYS and isinstance(e["file"], str) and isinstance(e["replacement"], str)
        and isinstance(e["original"], str) and all(isinstance(e[k], int) and not isinstance(e[k], bool) and e[k] >= 0
                                                   for k in ("start", "end"))
        and _location_ok(e["location"]) for e in edits)


_EDIT_KEYS = {"file", "start", "end", "replacement", "location", "original"}


def lookup(cache_dir: Path, key: str, sources: bool = False, root: Path | None = None) -> dict | None:
    """The validated entry for ``key`` (findings as ``Finding`` objects; with ``sources``, the
    source files as ``SourceFile`` objects), or None on a miss. Anything unreadable, malformed,
    forged or stale is a miss."""
    path = _entry_path(cache_dir, key)
    if _leads_elsewhere(cache_dir):
        return None
    try:
        entry = json.loads(read_text(path, MAX_ENTRY_BYTES))
    except (OSError, ValueError, RecursionError):
        return None
    try:
        if not _shape_ok(entry, key, root):
            return None
        for p, digest in entry["files"]:
            if _hash_file(p) != digest:
                return None
        for d, names in entry["dirs"]:
            if _listing(d) != names:
                return None
        folder = Path(entry["folder"])
        entry["findings"] = [_finding_from_dict(f, folder) for f in entry["findings"]]
        entry["summary"] = _summary_paths(entry["summary"], lambda x: display_path(folder / x))
        if sources:
            entry["sources"] = _read_sources(cache_dir, key, entry["sources_digest"])
            if entry["sources"] is None:
                return None
    except (KeyError, TypeError, ValueError, AttributeError, RecursionError):
        return None
    return entry


def _read_sources(cache_dir: Path, key: str, digest: str) -> list[SourceFile] | None:
    """The sources stored beside an entry, as ``SourceFile`` objects (None: missing, or not the
    ones written with this entry)."""
    try:
        text = read_text(_sources_path(cache_dir, key), MAX_ENTRY_BYTES)
        if hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest() != digest:
            return None
        out = []
        for row in json.loads(text):
            out.append(SourceFile(path=Path(row["path"]), rel=str(row["rel"]), text=str(row["text"]), index=len(out)))
        return out
    except (OSError, ValueError, KeyError, TypeError, RecursionError):
        return None
