"""Every declarative rule type, through a user pack referenced from config (as docs/rules-authoring.md says)."""

from __future__ import annotations

import pytest

from texlint.app.testing import lint_source

PACK = r'''
[[rule]]
code = "W901"
name = "test-existence"
type = "existence"
category = "style"
message = "avoid '{match}'"
lemmas = ["revolutionize"]
tokens = ["game changer"]
exceptions = ["not a game changer"]
summary = "s"
why = "w"
bad = "x"
good = "y"
fix = "f"

[[rule]]
code = "W902"
name = "test-substitution"
type = "substitution"
category = "style"
message = "use '{replacement}' instead of '{match}'"
swap = { "in order to" = "to", "utilize" = "use" }

[[rule]]
code = "W903"
name = "test-occurrence"
type = "occurrence"
category = "story"
scopes = ["abstract"]
message = "the abstract has {count} novelty statements; state one"
min = 1
tokens = ["to the best of our knowledge", "we are the first"]

[[rule]]
code = "W904"
name = "test-conditional"
type = "conditional"
category = "reviewer"
scopes = ["abstract"]
then_scopes = ["experiments", "results"]
message = "'{match}' is claimed but never measured"
if = { lemmas = ["faster", "speed up"] }
then = { patterns = [[{LIKE_NUM = true}, {LOWER = {IN = ["ms", "s", "seconds", "hours"]}}]] }

[[rule]]
code = "W905"
name = "test-consistency"
type = "consistency"
category = "style"
message = "'{match}' is also written '{preferred}'"
variants = [["pre-training", "pretraining"]]

[[rule]]
code = "W906"
name = "test-repetition"
type = "repetition"
category = "style"
message = "'{match}' is repeated"
ignore = ["that"]

[[rule]]
code = "W907"
name = "test-metric"
type = "metric"
category = "style"
metric = "sentence_words"
max = 8
message = "{count} words (max {max})"

[[rule]]
code = "W908"
name = "test-sequence"
type = "sequence"
category = "claims"
message = "comparison without a number: '{match}'"
patterns = [[{LEMMA = "outperform"}, {LOWER = "all"}]]
exceptions = ["outperform all baselines on"]
unless_before = ["reportedly"]
'''


def run(tex, code, tmp_path):
    pack = tmp_path / "mypack"
    pack.mkdir(exist_ok=True)
    (pack / "pack.toml").write_text(PACK, encoding="utf-8")
    cfg = f'rule-paths = ["{pack.as_posix()}"]\nextend-select = ["{code}"]\n'
    return [f for f in lint_source(tex, config=cfg, select=[code], workdir=tmp_path) if f.rule == code]


CASES = [
    ("W901", "This will revolutionize science.", 1),
    ("W901", "It revolutionized the field.", 1),
    ("W901", "This is not a game changer at all.", 0),
    ("W901", "This is a game changer.", 1),
    ("W902", "We work in order to learn.", 1),
    ("W902", "We work to learn.", 0),
    ("W903", "\\begin{abstract}We study X.\\end{abstract}\\section{Introduction}To the best of our knowledge, new.", 1),
    ("W903", "\\begin{abstract}To the best of our knowledge, we study X.\\end{abstract}", 0),
    ("W904", "\\begin{abstract}Our model is faster.\\end{abstract}\\section{Experiments}Accuracy is high.", 1),
    ("W904", "\\begin{abstract}Our model is faster.\\end{abstract}\\section{Experiments}It takes 3 ms per token.", 0),
    ("W905", "We use pre-training. Pre-training helps. Pretraining is slow.", 1),
    ("W905", "We use pre-training. Pre-training helps.", 0),
    ("W906", "This is the the model.", 1),
    ("W906", "We know that that model works. The model works.", 0),
    ("W907", "This sentence is clearly much longer than eight words in total.", 1),
    ("W907", "Short and sweet.", 0),
    ("W908", "Our model outperforms all previous work.", 1),
    ("W908", "Our model outperforms all baselines on two datasets.", 0),
    ("W908", "Reportedly, their model outperforms all previous work.", 0),  # unless_before: before the match
    ("W908", "Our model outperforms all previous work, reportedly.", 1),  # ... not after it
]


@pytest.mark.parametrize("code,tex,n", CASES, ids=[f"{c}-{i}" for i, (c, _, _) in enumerate(CASES)])
def test_declarative_type(code, tex, n, tmp_path):
    found = run(tex, code, tmp_path)
    assert len(found) == n, [f.message for f in found]


def test_positions_point_at_the_match(tmp_path):
    (f,) = run("Intro.\n\nThis will revolutionize science.", "W901", tmp_path)
    assert (f.location.line, f.location.column, f.location.end_column) == (3, 11, 24)
    assert f.message == "avoid 'revolutionize'"


def test_substitution_carries_a_suggestion(tmp_path):
    (f,) = run("We utilize GPUs.", "W902", tmp_path)
    assert f.suggestion == "use"


@pytest.mark.parametrize("bad,needle", [
    ('[[rule]]\ncode="W1"\nname="x"\ntype="existence"\nmessage="m"\n', "needs tokens"),
    ('[[rule]]\ncode="W1"\nname="x"\ntype="nope"\nmessage="m"\n', "unknown type"),
    ('[[rule]]\ncode="W1"\nname="x"\ntype="existence"\nmessage="m"\ntokens=["a"]\ncolour="red"\n', "unknown key 'colour'"),
    ('[[rule]]\ncode="W1"\nname="x"\ntype="existence"\nmessage="m"\ntokens=["a"]\nscopes=["intro"]\n', "unknown scope"),
    ('[[rule]]\ncode="W1"\nname="x"\ntype="sequence"\nmessage="m"\npatterns=[[{FOO="a"}]]\n', "unknown token attribute"),
    ('[[rule]\n', "invalid TOML"),
])
def test_bad_packs_are_one_line_errors(bad, needle, tmp_path):
    import subprocess
    import sys

    (tmp_path / "p").mkdir()
    (tmp_path / "p" / "x.toml").write_text(bad, encoding="utf-8")
    (tmp_path / ".texlint.toml").write_text('rule-paths = ["p"]\n', encoding="utf-8")
    (tmp_path / "main.tex").write_text("\\documentclass{article}\\begin{document}Hi.\\end{document}", encoding="utf-8")
    res = subprocess.run([sys.executable, "-m", "texlint", "main.tex"], cwd=tmp_path, capture_output=True, text=True)
    assert res.returncode == 2
    assert needle in res.stderr
    assert len(res.stderr.strip().splitlines()) == 1 and "Traceback" not in res.stderr


def test_the_matcher_prefilter_needs_every_required_word_of_one_pattern():
    """A sequence rule's sentences reach spaCy's Matcher only when they hold every word one pattern
    needs; optional tokens are skipped, LOWER tests come first (longest word first), and a pattern
    with no plain test means no prefilter (the Matcher runs on every sentence)."""
    from texlint.engine.declarative import _required_words
    from texlint.nlp.lemmas import lemma_key

    got = _required_words([[{"LOWER": {"IN": ["very", "highly"]}}, {"LOWER": "accurately"}],
                           [{"LEMMA": "demonstrate"}, {"LOWER": "that"}, {"IS_PUNCT": False, "OP": "{1,5}"},
                            {"LOWER": {"IN": ["accurately", "faithfully"]}}],
                           [{"LOWER": "truly", "OP": "?"}, {"LOWER": "flawlessly"}]])
    assert got == [(("LOWER", frozenset({"accurately"})), ("LOWER", frozenset({"very", "highly"}))),
                   (("LOWER", frozenset({"accurately", "faithfully"})), ("LOWER", frozenset({"that"})),
                    ("LEMMA", frozenset({lemma_key("demonstrate")}))),
                   (("LOWER", frozenset({"flawlessly"})),)]
    assert _required_words([[{"LEMMA": "work"}, {"LOWER": "excellently", "OP": "?"}]]) == [(("LEMMA", frozenset({lemma_key("work")})),)]
    assert _required_words([[{"IS_DIGIT": True}, {"LOWER": "x", "OP": "*"}]]) is None


def test_the_prefilter_passes_only_sentences_holding_a_whole_pattern(tmp_path):
    """The conjunctive prefilter hides no match: of three sentences holding some of C210's words,
    the one holding all the words of a pattern is flagged, and the Matcher rejects none it passes."""
    got = lint_source("\\section{Results}\nWe show that the model converges. The gains come from data.\n\n"
                      "This confirms that the gains stem from cross-modal integration.", select=["C210"])
    assert [(f.rule, f.location.line) for f in got] == [("C210", 4)]


def test_a_booster_rule_matches_past_a_common_first_word(tmp_path):
    # the Matcher still runs where the rare word is: "demonstrate that ... accurately quantifies"
    got = lint_source("\\section{Results}\nOur experiments demonstrate that the index accurately quantifies refusal.",
                      select=["C209"])
    assert [f.rule for f in got] == ["C209"]
