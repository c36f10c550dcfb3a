"""The precompiled move vocabulary (nlp/vocab/moves.compiled.json) is never stale and never
changes a tag: it is exactly what parsing and tokenizing moves.toml gives, and it is ignored
when it does not fit."""

from __future__ import annotations

import json

import pytest

from texlint.nlp import cue_table, tagger
from texlint.nlp.build_cue_table import build
from texlint.nlp.pipeline import get_nlp, has_texlint_tokenizer


@pytest.fixture
def fresh_tagger():
    tagger.reset_cache()
    yield
    tagger.reset_cache()


def test_shipped_file_is_what_a_rebuild_gives():
    toml_path = tagger.vocab_path()
    shipped = json.loads(cue_table.compiled_path(toml_path).read_text(encoding="utf-8"))
    rebuilt = build(get_nlp(), toml_path)
    assert shipped == rebuilt, "vocab/moves.compiled.json is stale: run python -m texlint.nlp.build_cue_table"


def test_shipped_file_fits_this_install():
    toml_path = tagger.vocab_path()
    assert cue_table.load(toml_path, toml_path.read_bytes()) is not None


def test_an_edited_vocabulary_does_not_use_the_compiled_file():
    toml_path = tagger.vocab_path()
    edited = toml_path.read_bytes() + b"\n# an edit\n"
    assert cue_table.load(toml_path, edited) is None


def test_table_holds_the_phrases_that_do_not_split_at_spaces():
    data = build(get_nlp(), tagger.vocab_path())
    assert data["tokens"], "some cue phrases are split by the tokenizer (hyphens, abbreviations)"
    for text, words in data["tokens"].items():
        assert words != text.split()
        assert words == [t.text for t in get_nlp().make_doc(text)]


def _tables(c):
    return c.lower.table, c.lemma.table, [repr(p) for _m, p in c.parts], c.by_lemma, c.unconditional


def test_compiled_with_the_table_equals_compiled_by_tokenizing(fresh_tagger):
    nlp = get_nlp()
    with_table = tagger._compile(nlp)
    assert tagger._SHIPPED_TOKENS is not None, "the shipped table was not used"
    tokenized = tagger.compile_vocab(nlp, tagger.load_vocab())  # no table: every phrase tokenized
    assert _tables(with_table) == _tables(tokenized)
    assert with_table.names == tokenized.names


def test_only_texlint_tokenizer_uses_the_table():
    import spacy

    assert has_texlint_tokenizer(get_nlp())
    assert not has_texlint_tokenizer(spacy.blank("en"))


def test_tags_do_not_depend_on_the_table(fresh_tagger):
    texts = ["Unlike state-of-the-art methods, we are the first to show this e.g. on ImageNet.",
             "Our method does not scale to larger models, which is a limitation of this work."]
    with_table = tagger.tag_texts(texts)
    tagger.reset_cache()
    tagger.load_vocab()
    tagger._SHIPPED_TOKENS = None  # as when the compiled file does not fit
    assert tagger.tag_texts(texts) == with_table
    assert "novelty" in with_table[0] and "limitation" in with_table[1]
