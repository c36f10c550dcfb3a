"""The literal prefilter (util/prefilter.py) never hides a match: a text the pattern matches
always passes it. Checked on every prefiltered pattern of the analysis, on generated texts."""

from __future__ import annotations

import re
import string
import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from texlint.analysis import claim_map, evidence
from texlint.util import prefilter
from texlint.util.prefilter import Prefiltered, fold, required_literals


def _prefiltered_patterns() -> list[Prefiltered]:
    out = []
    for mod in (evidence, claim_map):
        for value in vars(mod).values():
            items = value if isinstance(value, (list, tuple)) else [value]
            for item in items:
                for x in (item if isinstance(item, tuple) else (item,)):
                    if isinstance(x, Prefiltered):
                        out.append(x)
    for name in evidence.vocab():
        p = evidence.fact_pattern(name)
        if isinstance(p, Prefiltered):
            out.append(p)
    return out


PATTERNS = _prefiltered_patterns()
WORDS = sorted({k for p in PATTERNS for k in (p.keys or ())} | {"GPU", "A100", "datasets", "we", "±", "1.5"})


def test_the_analysis_patterns_are_prefiltered():
    assert len(PATTERNS) > 50
    assert sum(p.keys is not None for p in PATTERNS) > 40


def test_fold_covers_every_non_ascii_character_ignorecase_matches_to_ascii():
    ascii_alnum = re.compile("[a-z0-9]", re.I)
    special = {chr(c) for c in range(128, sys.maxunicode + 1) if ascii_alnum.fullmatch(chr(c))}
    assert special == {"\u0130", "\u0131", "\u017f", "\u212a"}
    for ch in special:
        assert fold(ch).isascii() and len(fold(ch)) == 1


def test_required_literals_of_a_word_alternation():
    rx = re.compile(r"\b(gpus?|tpus?)\b|\bnvidia\b", re.I)
    assert required_literals(rx) == frozenset({"gpu", "tpu", "nvidia"})


def test_no_filter_when_some_branch_has_no_literal():
    assert required_literals(re.compile(r"\bgpu\b|\d+ ?x", re.I)) is None
    assert required_literals(re.compile(r"\b(a|bc)\b")) is None  # too short to be worth testing
    assert required_literals(re.compile(r"(ab)?cd?")) is None  # only "c" is required


def test_optional_parts_are_not_required():
    assert required_literals(re.compile(r"(nvidia )?a100|(tesla )*v100")) == frozenset({"a100", "v100"})


def test_a_matching_text_passes_and_a_text_without_the_words_is_skipped():
    p = prefilter.compile(r"\b(gpus?|tpus?)\b|\bnvidia\b", re.I)
    assert p.search("Trained on 8 NVIDIA A100 GPUs.")
    assert p.search("Trained on 8 NVİDİA cards.") is not None  # re matches İ as i; fold maps it so
    assert p.search("We train on a laptop.") is None
    assert list(p.finditer("no accelerator here")) == []
    assert p.findall("two GPUs and a TPU") == ["GPUs", "TPU"]
    assert p.pattern.startswith(r"\b(gpus?")


def test_special_letters_still_match():
    p = prefilter.compile(r"\bskip\b", re.I)
    assert p.search("ſkip this") is not None  # the long s matches s under IGNORECASE


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(WORDS), st.text(alphabet=string.printable + "İıſK±×⟦⟧", max_size=6)),
                max_size=12).map(" ".join))
def test_prefilter_never_hides_a_match(text):
    for p in PATTERNS:
        if p.rx.search(text) is not None:
            assert p.search(text) is not None, (p.rx.pattern[:80], text)


def test_the_two_front_stems_cover_every_axis_outside_quality():
    """C212's substring test may skip a sentence only if no pair of different families can match:
    every such pair holds a word of a family other than quality, so each of those words must hold a stem."""
    from texlint.checks.argument.claims import _AXIS_FAMILY, _COST_STEMS, _two_fronts

    for word, family in _AXIS_FAMILY.items():
        if family != "quality":
            assert any(stem in word for stem in _COST_STEMS), word
    assert _two_fronts("Our detector outperforms prior work in both efficiency and accuracy.") is not None
    assert _two_fronts("Our detector outperforms prior work in both precision and accuracy.") is None
