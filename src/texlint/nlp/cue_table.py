"""The move vocabulary, precompiled, so a start pays neither for parsing TOML nor for tokenizing.

``vocab/moves.toml`` is the source people edit. At every start the tagger used to parse it
(``tomllib`` is pure Python) and run spaCy's tokenizer over its ~3,900 cue phrases, about a
tenth of a second before the first sentence was read. ``vocab/moves.compiled.json`` beside it
holds both results: the parsed vocabulary, and the tokens of every cue phrase that does not
simply split at spaces ("state-of-the-art", "e.g.", "don't").

The file is used only when its fingerprint matches: the SHA-256 of ``moves.toml``'s bytes
together with spaCy's version and texlint's tokenizer settings
(:func:`texlint.nlp.pipeline.tokenizer_signature`). An edited vocabulary, another spaCy or a
trained pipeline's tokenizer falls back to parsing and tokenizing as before: a stale file costs
time, never a different tag. ``tests/test_cue_table.py`` rebuilds it and compares, so the
shipped one is never stale. Rebuild it after editing the vocabulary
(:mod:`texlint.nlp.build_cue_table`)::

    python -m texlint.nlp.build_cue_table
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from texlint.nlp.pipeline import tokenizer_signature

COMPILED_NAME = "moves.compiled.json"
#: bump when the file's layout changes
FORMAT = 1


def fingerprint(toml_bytes: bytes) -> str:
    """What the compiled file must have been built from to stand for ``toml_bytes`` here."""
    h = hashlib.sha256(toml_bytes)
    h.update(b"\0" + tokenizer_signature().encode("utf-8") + b"\0" + str(FORMAT).encode())
    return h.hexdigest()


def compiled_path(toml_path: Path) -> Path:
    return toml_path.with_name(COMPILED_NAME)


def load(toml_path: Path, toml_bytes: bytes) -> dict | None:
    """``{"vocab": ..., "tokens": {phrase: [token, ...]}}`` from the compiled file beside
    ``toml_path`` when it fits ``toml_bytes`` and this install's tokenizer, else None."""
    try:
        with open(compiled_path(toml_path), encoding="utf-8") as fh:
            data = json.load(fh)
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("fingerprint") != fingerprint(toml_bytes):
        return None
    return data


def write(data: dict, path: Path) -> None:
    path.write_text(json.dumps(data, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
