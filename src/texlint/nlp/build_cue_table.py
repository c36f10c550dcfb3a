"""Rebuild ``vocab/moves.compiled.json`` from ``vocab/moves.toml`` (see :mod:`texlint.nlp.cue_table`).

    python -m texlint.nlp.build_cue_table

Run it after editing the vocabulary; the test suite fails while the compiled file is stale.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from texlint.nlp import cue_table, tagger
from texlint.nlp.pipeline import get_nlp

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language


def build(nlp: "Language", toml_path: Path) -> dict:
    """Parse ``toml_path`` and tokenize its cue phrases with ``nlp``, as the tagger does."""
    raw = toml_path.read_bytes()
    vocab = tagger.parse_vocab(raw, toml_path)
    with tagger.recording_tokens() as seen:
        tagger.compile_vocab(nlp, vocab)
    tokens = {text: words for text, words in sorted(seen.items()) if words != text.split()}
    return {"fingerprint": cue_table.fingerprint(raw), "format": cue_table.FORMAT, "vocab": vocab, "tokens": tokens}


def main() -> int:
    toml_path = tagger.vocab_path()
    data = build(get_nlp(), toml_path)
    out = cue_table.compiled_path(toml_path)
    cue_table.write(data, out)
    print(f"wrote {out} ({len(data['tokens'])} cue phrases that do not split at spaces)")
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
