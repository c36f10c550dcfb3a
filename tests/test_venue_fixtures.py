"""Venue fixtures: small papers per venue profile, each with the exact venue findings expected.

fixtures/venues/<name>/main.tex is linted with only the venue rules (--select V); the
findings (rule, line) must equal the folder's expected.json. ``*-pass`` folders expect [].
Also: venue and review-mode detection on those papers, and the venue rules on the shared
corpus (skipped when it is absent) where every finding is known to be right.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import CORPUS, needs_corpus

from texlint.app.run import Options, run
from texlint.latex.load import load_document
from texlint.latex.venue_detection import detect_review, detect_venue, style_year

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "venues"
FOLDERS = sorted(p for p in FIXTURES.iterdir() if (p / "main.tex").is_file())


def _venue_findings(main: Path) -> list[tuple[str, int]]:
    result = run([main], Options(select=["V"], use_cache=False))
    return sorted((f.rule, f.location.line) for f in result.findings)


def test_every_profile_has_a_pass_and_a_fail_fixture():
    names = {p.name for p in FOLDERS}
    for venue in ("generic", "neurips", "iclr", "icml", "acl", "cvpr", "colm", "aaai"):
        assert f"{venue}-pass" in names and f"{venue}-fail" in names, venue


@pytest.mark.parametrize("folder", FOLDERS, ids=lambda p: p.name)
def test_venue_fixture(folder):
    expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    want = sorted((e["rule"], e["line"]) for e in expected)
    if folder.name.endswith("-pass"):
        assert want == []
    else:
        assert want, "a fail fixture must expect findings"
    assert _venue_findings(folder / "main.tex") == want


@pytest.mark.parametrize("folder,venue,review", [
    ("acl-fail", "acl", True), ("acl2015-pass", "acl", False), ("neurips-pass", "neurips", True),
    ("icml-pass", "icml", True), ("iclr-pass", "iclr", True), ("colm-pass", "colm", True),
    ("cvpr-pass", "cvpr", True), ("cvpr-fail", "cvpr", True), ("aaai-fail", "aaai", True),
    ("generic-pass", "generic", False),
])
def test_detection_on_fixtures(folder, venue, review):
    doc = load_document(FIXTURES / folder / "main.tex")
    assert detect_venue(doc) == venue
    assert detect_review(doc, venue) is review


def test_style_year():
    assert style_year("neurips_2024") == 2024
    assert style_year("aaai25") == 2025
    assert style_year("iclr2023_conference") == 2023
    assert style_year("EMNLP2023") == 2023
    assert style_year("acl") is None


# id -> (detected venue, detected review mode, expected venue findings as (rule, file, line))
CORPUS_EXPECT = {
    "iclr23-rnn-extrap": ("iclr", False, [("V408", "main.tex", 63), ("V409", "main.tex", 63)]),
    "neurips23-datacomp": ("neurips", False, []),  # a preprint: no checklist required
    "icml23-muse": ("icml", False, []),  # icml2022 kit: before the impact statement requirement
    "acl15-decipherment": ("acl", False, []),  # acl2015 kit: before the Limitations requirement
    "emnlp25-value-profiles": ("acl", False, []),  # has its Limitations section after the conclusion
    "cvpr16-yolo": ("cvpr", True, [("V410", "egpaper_for_review.tex", 28)]),  # review copy, ID '****'
    "iccv21-pseudolidar": ("cvpr", True, []),
    "aaai25-defer": ("aaai", True, []),
    "colm25-decepbench": ("colm", False, [("V408", "colm2025_conference.tex", 57)]),
    "thesis-duvenaud": ("generic", False, []),
    "aj-astropy-v2": ("generic", False, []),
}


def _corpus_main(cid: str) -> Path:
    for line in (CORPUS / "MANIFEST.tsv").read_text(encoding="utf-8").splitlines()[1:]:
        parts = line.split("\t")
        if parts[0] == cid:
            return CORPUS / cid / (parts[3] if parts[3] != "." else "") / parts[4]
    pytest.skip(f"{cid} not in the corpus")


@needs_corpus
@pytest.mark.parametrize("cid", sorted(CORPUS_EXPECT))
def test_venue_rules_on_corpus(cid):
    venue, review, want = CORPUS_EXPECT[cid]
    main = _corpus_main(cid)
    # The double-blind sentence rules (V422, V423: the only ones needing NLP) do nothing outside
    # review mode; leaving them out there keeps this test fast.
    ignore = [] if review else ["V422", "V423"]
    result = run([main], Options(select=["V"], ignore=ignore, use_cache=False))
    (dr,) = result.documents
    assert (dr.venue, dr.review) == (venue, review)
    got = sorted((f.rule, Path(f.location.file).name, f.location.line) for f in result.findings)
    assert got == sorted(want)
