"""Bibliography keys from .bib files (parsed tolerantly) or, when there is none, the .bbl.

Only what rules need: each entry's key, type and a few fields (title, author, year, url),
with the line it starts on. Malformed entries are skipped, never fatal.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from texlint.latex.model import BibEntry
from texlint.source.files import decode
from texlint.util.memo import per_text
from texlint.util.paths import is_within
from texlint.util.reading import is_regular_file, read_bytes

_ENTRY = re.compile(r"@\s*([A-Za-z]+)\s*[{(]\s*([^,\s{}]+)\s*,", re.M)
_FIELD = re.compile(r"(?<!\w)(\w+)\s*=\s*(?:\{((?:[^{}]|\{[^{}]*\})*)\}|\"([^\"]*)\"|(\w+))", re.S)
_BBL_ITEM = re.compile(r"\\bibitem\s*(?:\[(?:[^\[\]]|\[[^\]]*\])*\])?\s*\{([^}]+)\}|\\entry\s*\{([^}]+)\}")
_SKIP_TYPES = {"comment", "preamble", "string"}


def parse_bib(text: str, rel: str) -> dict[str, BibEntry]:
    """The entries of one .bib file by key (a fresh dict; the entries are shared read-only)."""
    return dict(_bib_entries(text, rel))


@per_text
def _bib_entries(text: str, rel: str) -> tuple[tuple[str, BibEntry], ...]:
    out: dict[str, BibEntry] = {}
    matches = list(_ENTRY.finditer(text))
    for i, m in enumerate(matches):
        etype = m.group(1).lower()
        if etype in _SKIP_TYPES:
            continue
        body_end = matches[i + 1].start() if i + 1 < len(matches) else len(text)
        body = text[m.end():min(body_end, m.end() + 20000)]
        fields = {}
        for f in _FIELD.finditer(body):
            val = f.group(2) if f.group(2) is not None else (f.group(3) if f.group(3) is not None else f.group(4))
            fields[f.group(1).lower()] = re.sub(r"\s+", " ", val or "").strip()
        line = text.count("\n", 0, m.start()) + 1
        out[m.group(2)] = BibEntry(m.group(2), etype, fields, rel, line)
    return tuple(out.items())


def parse_bbl(text: str, rel: str) -> dict[str, BibEntry]:
    out = {}
    for m in _BBL_ITEM.finditer(text):
        key = (m.group(1) or m.group(2) or "").strip()
        if key:
            out[key] = BibEntry(key, "bbl", {}, rel, text.count("\n", 0, m.start()) + 1)
    return out


#: .bib files every TeX distribution ships (IEEEtran's journal-name abbreviations): BibTeX finds
#: them in the distribution, so their absence from the project is no problem
DISTRIBUTION_BIBS = frozenset({"IEEEabrv", "IEEEfull", "IEEEexample"})


def bib_path(root: Path, name: str) -> Path:
    """The file a ``\\bibliography{name}`` entry names (relative to the root's folder)."""
    p = root.parent / name.strip()
    return p if p.suffix == ".bib" else p.with_name(p.name + ".bib")


def load_bibliography(root: Path, folder: Path, bib_names: list[str],
                      bibitems: list[str]) -> tuple[dict[str, BibEntry] | None, list[str], list[str]]:
    """Entries from the named .bib files (else any .bib beside the root, else the .bbl), the
    files read, and the named .bib files that do not exist in the project."""
    entries: dict[str, BibEntry] = {}
    used: list[str] = []
    missing: list[str] = []
    candidates = [bib_path(root, name) for name in bib_names if name.strip()]
    if not candidates:
        candidates = sorted(root.parent.glob("*.bib"))
    for p in candidates:
        try:
            real = p.resolve()
            if not is_within(real, folder) or not is_regular_file(real):
                if bib_names and p.stem not in DISTRIBUTION_BIBS:
                    missing.append(p.name)
                continue
            text = decode(read_bytes(real, 32 * 1024 * 1024))[0]
        except OSError:
            continue
        rel = real.relative_to(folder).as_posix()
        used.append(rel)
        entries.update(parse_bib(text, rel))
    if not used:
        bbl = root.with_suffix(".bbl")
        if is_regular_file(bbl) and is_within(Path(os.path.realpath(bbl)), folder):
            try:
                text = decode(read_bytes(bbl, 32 * 1024 * 1024))[0]
                entries.update(parse_bbl(text, bbl.name))
                used.append(bbl.name)
            except OSError:
                pass
    for key in bibitems:
        entries.setdefault(key, BibEntry(key, "bibitem", {}, "", 0))
    if not used and not bibitems:
        return None, [], missing
    return entries, used, missing
