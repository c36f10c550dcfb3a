"""Shared test helpers: where the shared corpus lives, and rule-case loading."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("TEXLINT_SHARED", REPO.parent / "shared"))
CORPUS = SHARED / "corpus"
DATASETS = SHARED / "datasets"
SCHEMAS = SHARED / "schemas"


def corpus_rows():
    manifest = CORPUS / "MANIFEST.tsv"
    if not manifest.is_file():
        return []
    rows = []
    for line in manifest.read_text(encoding="utf-8").splitlines()[1:]:
        if not line.strip():
            continue
        parts = line.split("\t")
        rows.append({"id": parts[0], "main": parts[4], "venue": parts[5], "notes": parts[6] if len(parts) > 6 else ""})
    return rows


def pytest_configure(config):
    """Every texlint run of the suite (in-process or a subprocess) caches in a temporary folder,
    never beside the papers it lints (the repository's fixtures, ../shared/corpus); tests of the
    default cache placement remove the variable themselves."""
    os.environ.setdefault("TEXLINT_CACHE_DIR", tempfile.mkdtemp(prefix="texlint-test-cache-"))


needs_corpus = pytest.mark.skipif(not (CORPUS / "MANIFEST.tsv").is_file(), reason="../shared/corpus is absent")
