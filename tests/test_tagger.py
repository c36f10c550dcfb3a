"""The rhetorical-move tagger: hand-written positives and near-misses per move, the ``tag``
command, and the accuracy targets on the shared dev sets (skipped when they are absent)."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from texlint.nlp.pipeline import get_nlp
from texlint.nlp.tagger import (
    MOVES,
    run_tag_command,
    tag_paragraph,
    tag_span,
    tag_texts,
)

REPO = Path(__file__).resolve().parents[1]
DATASETS = REPO.parent / "shared" / "datasets"

# (move, sentence that must get it, near-miss that must not)
CASES = [
    ("phenomenon", "Surprisingly, we observe that deeper networks forget rare classes first.",
     "We train the network for ten epochs."),
    ("insight", "This suggests that the bottleneck is the tokenizer rather than the decoder.",
     "The tokenizer splits words into subword units."),
    ("method_link", "Motivated by this observation, we propose a curriculum over sequence lengths.",
     "We propose a curriculum over sequence lengths."),
    ("novelty", "To the best of our knowledge, this is the first study of label noise in parsing.",
     "This is a study of label noise in parsing."),
    ("contribution", "In this paper, we introduce a benchmark for multilingual retrieval.",
     "Smith et al. introduce a benchmark for multilingual retrieval ⟦cite⟧."),
    ("impact", "This enables practitioners to audit models without retraining them.",
     "The model is retrained every week."),
    ("gap", "However, existing methods fail to handle long documents.",
     "Our method handles long documents in two passes."),
    ("aim", "We aim to understand why pruning hurts calibration.",
     "Pruning removes half of the weights."),
    ("result", "We show that the adapter improves accuracy by 3 points.",
     "The adapter has two linear layers."),
    ("limitation", "A limitation of our approach is that it assumes aligned sentences.",
     "Our approach uses aligned sentences from the training corpus."),
    ("hedge", "The gain may be due to the larger vocabulary.",
     "The gain comes from the larger vocabulary."),
    ("strong_claim", "Dropout causes the drop in calibration.",
     "Dropout may cause the drop in calibration."),
    ("comparison", "Our parser outperforms the baseline on all treebanks.",
     "Our parser does not outperform the baseline on all treebanks."),
    ("sota", "The model achieves state-of-the-art results on three benchmarks.",
     "The model is evaluated on three benchmarks."),
    ("significance", "The improvement is statistically significant.",
     "There is no significant improvement."),
    ("efficiency_claim", "Our kernel is 3x faster and uses less memory than the reference.",
     "Our kernel is written in CUDA."),
    ("scale_claim", "The method scales to billions of parameters.",
     "The method has two hyperparameters."),
]


def test_moves_tuple_is_stable():
    assert MOVES == ("phenomenon", "insight", "method_link", "novelty", "contribution", "impact", "gap", "aim",
                     "result", "limitation", "hedge", "strong_claim", "comparison", "sota", "significance",
                     "efficiency_claim", "scale_claim")
    assert {c[0] for c in CASES} == set(MOVES)


@pytest.mark.parametrize("move,positive,negative", CASES, ids=[c[0] for c in CASES])
def test_move_positive_and_near_miss(move, positive, negative):
    pos, neg = tag_texts([positive, negative])
    assert move in pos, f"{move} missing in {sorted(pos)}: {positive}"
    assert move not in neg, f"{move} wrongly in {sorted(neg)}: {negative}"


# (move, role, sentence that must get it, near-miss that must not): causal language after Yu et
# al. ("can" states an ability, "should" a recommendation; a passive names its cause with "by";
# a causal adjective is predicated) and contributions that are not descriptions of practice
CONTEXT_CASES = [
    # "is the first" as an ordinal ("the first layer's", "the first step") is no priority claim
    ("novelty", "introduction", "Our method is the first to route tokens by attention entropy.",
     "We define the encoding as E(p), where f is the first layer's feed-forward network."),
    ("novelty", "introduction", "To our knowledge, FooNet is the first method to route tokens by entropy.",
     "Tokenisation is the first step of the pipeline."),
    # "novel" as the book or as "unseen" is no novelty claim; "our approach is novel." is one
    ("novelty", "introduction", "We propose a novel, training-free router.",
     "We combine facet embeddings into a single embedding vector for a novel."),
    ("novelty", "introduction", "We argue that our approach is novel.",
     "We show that when applied to a fictional novel, these document embeddings fail to capture its plot."),
    ("novelty", "introduction", "We introduce a novel renderer for single images.",
     "Our model can render novel views of a scene from a single image."),
    ("novelty", "introduction", "We present a novel benchmark for routing.",
     "We measure how the embeddings capture the novel's atmosphere."),
    ("strong_claim", None, "Exercise can reduce body weight in obese adults.",
     "Exercise should reduce body weight in obese adults."),
    ("strong_claim", None, "Arterial stiffness was improved by vitamin D supplementation.",
     "Arterial stiffness was increased in older patients."),
    ("strong_claim", None, "Weight reduction is an effective treatment for incontinence.",
     "These findings warrant effective treatment modalities."),
    ("strong_claim", None, "The disease is driven by inadequate insulin secretion.",
     "The disease is studied in adolescents."),
    ("strong_claim", None, "The new protocol ensures that every sample is labelled twice.",
     "Screening programs should be started to ensure early detection."),
    ("contribution", "abstract", "Candidate phrases are extracted and ranked by a classifier.",
     "Live captions are currently produced by stenographers or voice writers."),
    ("contribution", "introduction", "We evaluate the parser on five treebanks.",
     "We conclude that the parser needs more data."),
    # a single author's "I" is the claimant too; a roman numeral or "Type I" is not
    ("contribution", "introduction", "I present a recursive tensor network for natural language inference.",
     "Type I errors present a recursive problem for inference."),
    ("contribution", "introduction", "First, I introduce a grammar over kernels.",
     "(i) introduce a grammar over kernels."),
    # "larger" is a limitation when more is wished for, not in "the less data, the larger the margin"
    ("limitation", "conclusion", "Larger studies are needed to confirm that the effect holds.",
     "With less labelled data, the larger is the performance margin between our method and the baselines."),
    # in the abstract or introduction, a limitation with no claimant is the weakness of prior
    # methods (a gap); the paper's own is owned ("our approach", "this study")
    ("limitation", "introduction", "A limitation of our approach is that it needs aligned sentences.",
     "The first limitation is that candidate generation is NP-hard."),
    ("gap", "introduction", "The first limitation is that candidate generation is NP-hard.",
     "A limitation of our approach is that it needs aligned sentences."),
    ("gap", "abstract", "We point out three limitations of the current approach.",
     "We point out three limitations of our approach."),
    # a conclusion's "First, ... Finally, ..." lists findings as often as weaknesses: the order
    # word alone is no limitation there (it needs a negation or a modal)
    ("limitation", "conclusion", "Finally, our evaluation could not cover languages other than English.",
     "Finally, we showed that value profiles are useful for interpretability."),
    # why the problem matters, backed by a citation, is the paper's impact argument; cited work
    # speaking for itself is not
    ("impact", "introduction", "Modelling this heterogeneity is important for pluralistic alignment ⟦cite⟧.",
     "Smith et al. ⟦cite⟧ argue that modelling heterogeneity is important for alignment."),
    ("impact", "conclusion", "Our work represents a first step toward reasoning with general-purpose code.",
     "Our first step is to tokenize the input code."),
    # in a method or experiments section "we do not X" describes a choice; what the authors
    # could not do, or leave for later, is a weakness
    ("limitation", "method", "We could not run the largest model due to compute constraints.",
     "Since we reuse the detector's boxes, we do not introduce any localization error."),
    ("limitation", "experiments", "We did not evaluate on other languages, which we leave to future work.",
     "We consider these data sources as they are and do not perform additional preprocessing."),
    ("limitation", "appendix", "While we filter thoroughly, these filters are not 100% accurate.",
     "Note, we do not release raw images but rather their URLs."),
    ("limitation", "discussion", "We did not assess realism with human raters.",  # a discussion owns it
     "Without loss of generality, we assume the matrix is diagonal."),
    ("limitation", "method", "Our analysis rests on strong assumptions that we could not verify.",
     "For the case where the two hashes do not match, we assume that the bits are independent."),
    ("limitation", "method", "We should note that our method does not handle occlusions.",
     "Since we have no independent observations, we should rely on different data assumptions."),
    # what the paper's own experiments or benchmarking show, however far the verb is from the noun
    ("result", "introduction", "Extensive experiments across 16 models and 5 datasets demonstrate that the index is stable.",
     "Experiments across 16 models and 5 datasets are described in Section 4."),
    ("result", "introduction", "Comprehensive benchmarking across 29 models, revealing large variability among families.",
     "Comprehensive benchmarking across 29 models, following the protocol of the original release."),
    # a weakness in a condition the method handles is no limitation; one the method suffers from is
    ("limitation", "conclusion", "If the image is not sufficient to answer the question, our model may fail.",
     "If the image is not sufficient to answer the question, an inference module is invoked to infer the missing values."),
    # the method tied to what motivates it, in link words of its own
    ("method_link", "introduction", "Taking this fact into account, we propose a search that prunes candidates early.",
     "We take the search cost into account in Section 5."),
]


@pytest.mark.parametrize("move,role,positive,negative", CONTEXT_CASES,
                         ids=[f"{c[0]}-{i}" for i, c in enumerate(CONTEXT_CASES)])
def test_move_in_context(move, role, positive, negative):
    pos, neg = tag_texts([positive, negative], [role, role])
    assert move in pos, (positive, sorted(pos))
    assert move not in neg, (negative, sorted(neg))


def test_calibrated_hedge_is_not_a_strong_claim():
    (tags,) = tag_texts(["Larger batches may improve stability."])
    assert "hedge" in tags and "strong_claim" not in tags
    (tags,) = tag_texts(["Larger batches improve stability."])
    assert "strong_claim" in tags and "hedge" not in tags


def test_absolute_claims_are_strong():
    for text in ("Our method always converges.", "This clearly proves the conjecture.",
                 "The algorithm is guaranteed to find the optimum."):
        (tags,) = tag_texts([text])
        assert "strong_claim" in tags, text


def test_negation_blocks_comparison_and_significance():
    tags = tag_texts(["We do not outperform prior work ⟦cite⟧.", "We found no significant difference.",
                      "The model fails to surpass the baseline."])
    assert all("comparison" not in t for t in (tags[0], tags[2]))
    assert "significance" not in tags[1]


def test_cited_claims_are_not_our_novelty_or_contribution():
    cited, own = tag_texts([
        "A novel attention mechanism was proposed for this task ⟦cite⟧.",
        "We propose a novel attention mechanism for this task.",
    ])
    assert "novelty" not in cited and "contribution" not in cited
    assert {"novelty", "contribution"} <= own


def test_month_may_is_not_a_hedge():
    (tags,) = tag_texts(["The workshop was held in May 2021 in Vienna."])
    assert "hedge" not in tags


def test_outline_sentence_is_not_a_contribution():
    (tags,) = tag_texts(["In Section 4, we describe the experimental setup."])
    assert "contribution" not in tags


def test_role_matters_for_limitations():
    text = "Only two annotators labeled the data."
    disc, meth = tag_texts([text, text], ["limitations", "method"])
    assert "limitation" in disc and "limitation" not in meth
    rel = "Their approach is limited to English ⟦cite⟧."
    (tags,) = tag_texts([rel], ["related_work"])
    assert "limitation" not in tags


def _paragraph(text: str, role: str | None) -> list[tuple[str, bool]]:
    doc = get_nlp()(text)
    sents = list(doc.sents)
    return [(s.text, "limitation" in tags) for s, tags in zip(sents, tag_paragraph(sents, role))]


def test_a_limitation_announcement_makes_the_rest_of_its_paragraph_limitations():
    got = _paragraph(
        "Our study has several limitations. The cohort came from one hospital. "
        "Follow-up lasted six months. However, the effect held in every subgroup. "
        "The method is fast.",
        "discussion",
    )
    assert [flag for _, flag in got] == [True, True, True, False, False], got
    # on their own, the listed sentences carry no limitation word and are not limitations
    alone = tag_texts(["The cohort came from one hospital.", "Follow-up lasted six months."],
                      ["discussion", "discussion"])
    assert not any("limitation" in t for t in alone)


def test_a_weakness_the_next_sentence_sets_out_to_remedy_is_no_limitation():
    # "X is incomplete because of missing values. To infer the missing values, ...": the problem the
    # method takes on; a purpose sentence about something else leaves the limitation standing
    got = _paragraph("In our observation, our graph is not sufficient to answer questions because of missing attribute values. "
                     "To infer missing attribute values, an inference graph is built.", "method")
    assert [flag for _, flag in got] == [False, False], got
    kept = _paragraph("In our observation, our graph is not sufficient to answer questions because of missing attribute values. "
                      "To train the parser, we use Adam.", "method")
    assert kept[0][1] is True, kept
    # in a discussion the authors own what they state, whatever follows
    own = _paragraph("Our graph is not sufficient to answer questions because of missing attribute values. "
                     "To infer missing attribute values, future work could add a knowledge base.", "discussion")
    assert own[0][1] is True, own


def test_limitation_lists_skip_cited_sentences_and_prior_work():
    got = _paragraph("Our approach has two limitations. Smith et al. ⟦cite⟧ report a similar design. "
                     "Training takes a week.", "discussion")
    assert [flag for _, flag in got] == [True, False, True], got
    # the limits of prior work in an introduction are a gap, not a list of our limitations
    intro = _paragraph("Existing methods have several limitations. First, they are slow. "
                       "They also need labels.", "introduction")
    assert [flag for _, flag in intro[1:]] == [False, False], intro
    # a pointer to the limitations elsewhere announces no list
    pointer = _paragraph("Some limitations of this approach are discussed in Section ⟦ref⟧. "
                         "The kernels are then described in English.", "conclusion")
    assert pointer[1][1] is False, pointer


def test_limitation_list_continues_into_the_items_that_follow(tmp_path):
    from texlint.analysis.analyse import analyse
    from texlint.latex.load import load_document
    from texlint.nlp.annotate import annotate

    main = tmp_path / "main.tex"
    main.write_text(
        "\\documentclass{article}\n\\begin{document}\n\\section{Discussion}\n"
        "Our method has two limitations:\n\\begin{itemize}\n"
        "\\item It needs aligned text.\n\\item Training takes a week.\n\\end{itemize}\n"
        "\\section{Experiments}\n\\begin{itemize}\n\\item It needs aligned text.\n\\end{itemize}\n"
        "\\end{document}\n",
        encoding="utf-8",
    )
    doc = load_document(main)
    annotate(doc)
    analyse(doc)
    items = [(p.role, s.text, "limitation" in s.tags) for p in doc.prose if p.kind == "item" for s in p.sentences]
    assert items == [
        ("discussion", "It needs aligned text.", True),
        ("discussion", "Training takes a week.", True),
        ("experiments", "It needs aligned text.", False),
    ], items


def test_contribution_list_items_are_contributions(tmp_path):
    # "The main contributions are summarized as follows:" then items with no "we propose" of their
    # own: the first sentence of each item states a contribution, the sentences after it describe it;
    # a list after a sentence that announces nothing is not read as contributions
    from texlint.analysis.analyse import analyse
    from texlint.latex.load import load_document
    from texlint.nlp.annotate import annotate

    main = tmp_path / "main.tex"
    main.write_text(
        "\\documentclass{article}\n\\begin{document}\n\\section{Introduction}\n"
        "The main contributions are summarized as follows:\n\\begin{itemize}\n"
        "\\item A dataset of 15k over-refusal queries. It spans 44 safety categories.\n"
        "\\item Benchmarking across 29 models.\n\\end{itemize}\n"
        "Models differ in three respects:\n\\begin{itemize}\n\\item A dataset of 15k queries.\n\\end{itemize}\n"
        "\\end{document}\n",
        encoding="utf-8",
    )
    doc = load_document(main)
    annotate(doc)
    analyse(doc)
    got = [(s.text, "contribution" in s.tags) for p in doc.prose if p.kind in ("body", "item") for s in p.sentences]
    assert got == [
        ("The main contributions are summarized as follows:", True),
        ("A dataset of 15k over-refusal queries.", True),
        ("It spans 44 safety categories.", False),
        ("Benchmarking across 29 models.", True),
        ("Models differ in three respects:", False),
        ("A dataset of 15k queries.", False),
    ], got


def test_tag_span_on_sentences_of_a_document():
    nlp = get_nlp()
    doc = nlp("We propose a new parser. It may fail on long inputs. Results show a 5% gain.")
    sents = list(doc.sents)
    assert len(sents) == 3
    assert "contribution" in tag_span(sents[0], "introduction")
    assert "hedge" in tag_span(sents[1])
    assert "contribution" not in tag_span(sents[1])
    assert isinstance(tag_span(sents[2]), frozenset)
    # offsets inside a later sentence are handled (PhraseMatcher vs Matcher spans)
    assert "hedge" not in tag_span(sents[0])


def test_placeholders_are_single_tokens_in_cues():
    (tags,) = tag_texts(["Unlike prior work ⟦cite⟧, we model ⟦math⟧ directly and outperform ⟦cite⟧."])
    assert {"novelty", "comparison"} <= tags


def test_run_tag_command_plain_and_jsonl(tmp_path):
    src = tmp_path / "in.txt"
    src.write_text(
        "We propose a novel method.\n"
        "\n"
        + json.dumps({"text": "The results may not generalize.", "id": 7}) + "\n"
        + "{not json, just a sentence that starts with a brace}\n",
        encoding="utf-8",
    )
    out = tmp_path / "out.jsonl"
    assert run_tag_command(str(src), str(out)) == 0
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["text"] for r in rows] == [
        "We propose a novel method.",
        "The results may not generalize.",
        "{not json, just a sentence that starts with a brace}",
    ]
    assert set(rows[0]) == {"text", "tags"}
    assert rows[0]["tags"] == sorted(rows[0]["tags"])
    assert {"contribution", "novelty"} <= set(rows[0]["tags"])
    assert "hedge" in rows[1]["tags"]


def test_run_tag_command_takes_a_section_title_or_role():
    rows = [
        {"text": "Only two annotators labeled the data.", "section": "Study limitations"},
        {"text": "Only two annotators labeled the data.", "section": "Materials and methods"},
        {"text": "Only two annotators labeled the data.", "role": "limitations", "section": "Methods"},
    ]
    out = io.StringIO()
    assert run_tag_command(io.StringIO("".join(json.dumps(r) + "\n" for r in rows)), out) == 0
    tags = [json.loads(line)["tags"] for line in out.getvalue().splitlines()]
    assert "limitation" in tags[0] and "limitation" not in tags[1]
    assert "limitation" in tags[2]  # an explicit role wins over the title


def test_run_tag_command_file_objects():
    out = io.StringIO()
    assert run_tag_command(io.StringIO("Our method scales to large graphs.\n"), out) == 0
    row = json.loads(out.getvalue())
    assert "scale_claim" in row["tags"]


def test_empty_input():
    out = io.StringIO()
    assert run_tag_command(io.StringIO("\n\n"), out) == 0
    assert out.getvalue() == ""


# ---------------------------------------------------------------------------- dev-set targets

TARGETS = [
    ("uncertainty_szeged", "hedge", lambda lab: lab == "uncertain", 0.75),
    ("limitations_kilicoglu", "limitation", lambda lab: lab == "limitation", 0.80),
    ("claims_nlp_cnp", "contribution", lambda lab: "contribution-AIC" in lab, 0.60),
    ("abstract_moves_samd", "gap", lambda lab: "Gap" in lab, 0.50),
    ("claim_strength_yu", "strong_claim", lambda lab: lab == "direct_causal", 0.60),
]
#: Targets not reached (see docs/accuracy.md): the test holds the score at its measured floor so
#: it cannot regress, and a strict expected failure says when the target itself is met.
BELOW_TARGET = {
    "limitations_kilicoglu": (0.74, "limitation F1 ~0.75 < 0.80: the published 0.80 reads paragraphs; a bag-of-words "
                                    "SVM trained on the even half reaches 0.754 per sentence "
                                    "(benchmarks/limitation_ceiling.py)"),
}


def _dev_f1(dataset, move, positive):
    path = DATASETS / f"{dataset}.dev.jsonl"
    if not path.is_file():
        pytest.skip(f"{path} is absent")
    sys.path.insert(0, str(REPO / "benchmarks"))
    try:
        from accuracy import load, prf, role_of
    finally:
        sys.path.pop(0)
    rows = load(dataset)
    tags = tag_texts([r["text"] for r in rows], [role_of(dataset, r) for r in rows])
    return prf([positive(row["label"]) for row in rows], [move in t for t in tags])


@pytest.mark.parametrize("dataset,move,positive,target", TARGETS, ids=[t[0] for t in TARGETS])
def test_dev_set_targets(dataset, move, positive, target):
    floor = BELOW_TARGET[dataset][0] if dataset in BELOW_TARGET else target
    p, r, f, _ = _dev_f1(dataset, move, positive)
    assert f >= floor, f"{dataset}: {move} F1 {f:.3f} (P {p:.3f}, R {r:.3f}) < {floor}"


@pytest.mark.parametrize(
    "dataset,move,positive,target",
    [pytest.param(*t, marks=pytest.mark.xfail(reason=BELOW_TARGET[t[0]][1], strict=True))
     for t in TARGETS if t[0] in BELOW_TARGET],
    ids=[t[0] for t in TARGETS if t[0] in BELOW_TARGET],
)
def test_dev_set_targets_not_yet_met(dataset, move, positive, target):
    p, r, f, _ = _dev_f1(dataset, move, positive)
    assert f >= target, f"{dataset}: {move} F1 {f:.3f} (P {p:.3f}, R {r:.3f}) < {target}"


# Precision on real-paper sentences: what these moves must NOT be (seen as false alarms in papers).
NOT_MOVES = [
    ("impact", "This result does not apply to models with linear attention."),
    ("impact", "Our code is available at ⟦url⟧."),
    ("impact", "The code and data are publicly available."),
    ("efficiency_claim", "Recurrent networks have an implicit bias towards short-term memory."),
    ("efficiency_claim", "Modelling human variation in rating tasks is crucial for personalization."),
    ("efficiency_claim", "We compute the loss on the validation set."),
    ("scale_claim", "We apply large scale Bayesian decipherment to the cipher."),
    ("scale_claim", "The new solver is hundreds to thousands of times faster."),
    ("scale_claim", "Annotators rated each answer on a five-point scale."),
    ("scale_claim", "We resize the images with scale augmentation."),
    ("scale_claim", "Our accuracy improves with scale factor 2 on the images."),  # scale as a quantity
    ("limitation", "Recurrent networks have an implicit bias towards short-term memory."),
]
YES_MOVES = [
    ("impact", "This opens the door to auditing deployed models without retraining."),
    ("impact", "Our findings have implications for the design of tokenizers."),
    ("impact", "This makes it possible to train on a single GPU."),
    ("efficiency_claim", "The new solver is hundreds to thousands of times faster."),
    ("efficiency_claim", "Our method reduces peak memory usage by 40%."),
    ("scale_claim", "The approach scales to billions of parameters."),
    ("scale_claim", "Our method scales linearly with sequence length."),
    ("scale_claim", "As one might expect, our value profiles improve with scale."),
    ("scale_claim", "These abilities of our models emerge with scale."),
]


@pytest.mark.parametrize("move,text", NOT_MOVES, ids=[f"not-{m}-{i}" for i, (m, _) in enumerate(NOT_MOVES)])
def test_real_paper_false_alarms_are_gone(move, text):
    (tags,) = tag_texts([text], ["introduction"])
    assert move not in tags, f"{move} wrongly in {sorted(tags)}: {text}"


@pytest.mark.parametrize("move,text", YES_MOVES, ids=[f"yes-{m}-{i}" for i, (m, _) in enumerate(YES_MOVES)])
def test_precise_cues_still_fire(move, text):
    (tags,) = tag_texts([text], ["introduction"])
    assert move in tags, f"{move} missing in {sorted(tags)}: {text}"


def test_impersonal_method_descriptions_in_abstracts_are_contributions():
    passive, own_action, background = tag_texts([
        "The projection is performed by a neural network whose weights are learned on parallel data.",
        "We extrinsically evaluate these techniques on two metaphor detection tasks.",
        "Machine translation is a long-standing problem that has been studied for decades.",
    ], ["abstract", "introduction", "abstract"])
    assert "contribution" in passive and "contribution" in own_action
    assert "contribution" not in background


def test_numeric_citations_make_a_reported_claim():
    own, cited = tag_texts(["Our sample size was small and we could not adjust for smoking.",
                            "A recent trial found that the drug may reduce relapse [12, 13]."], ["discussion", "discussion"])
    assert "limitation" in own and "limitation" not in cited


def test_benchmark_script_split_option(tmp_path):
    ds = tmp_path / "datasets"
    ds.mkdir()
    rows = [{"text": "We propose a new parser.", "label": ["contribution-AIC"], "section": "abstract"},
            {"text": "Parsing is hard.", "label": ["context-AIC"], "section": "abstract"}]
    (ds / "claims_nlp_cnp.test.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    env = {"TEXLINT_SHARED": str(tmp_path), "PATH": "/usr/bin:/bin"}
    script = str(REPO / "benchmarks" / "accuracy.py")
    proc = subprocess.run([sys.executable, script, "--split", "test"], capture_output=True, text=True, env=env, cwd=REPO)
    assert proc.returncode == 0, proc.stderr
    assert "split: test" in proc.stdout
    line = next(l for l in proc.stdout.splitlines() if l.startswith("| CNP contribution-AIC"))
    assert "| 1.000 | 1.000 | 1.000 | 1 |" in line  # P, R, F1, n pos on the two test rows
    proc = subprocess.run([sys.executable, script, "--split", "dev", "--no-write"], capture_output=True, text=True,
                          env=env, cwd=REPO)
    assert proc.returncode == 1 and "no *.dev.jsonl" in proc.stderr


def test_benchmark_script_runs_without_datasets(tmp_path):
    env = {"TEXLINT_SHARED": str(tmp_path), "PATH": "/usr/bin:/bin"}
    proc = subprocess.run([sys.executable, str(REPO / "benchmarks" / "accuracy.py"), "--no-write"],
                          capture_output=True, text=True, env=env, cwd=REPO)
    assert proc.returncode == 1 and "no datasets" in proc.stderr


# ---------------------------------------------------------------------------- corpus review


def _review_module():
    sys.path.insert(0, str(REPO / "benchmarks"))
    try:
        import review_corpus
    finally:
        sys.path.pop(0)
    return review_corpus


def test_corpus_judgements_file_is_well_formed():
    data = json.loads((REPO / "benchmarks" / "corpus_judgements.json").read_text(encoding="utf-8"))
    judged = data["judgements"]
    assert judged
    for key, verdict in judged.items():
        paper, rule, loc, fingerprint = key.split("|")
        assert rule[:1] in "SCR" and ":" in loc and fingerprint
        assert isinstance(verdict["right"], bool) and verdict["reason"].strip()
        assert len(verdict.get("excerpt", "").split()) <= 12, key  # never more than a short excerpt


def test_review_tables_count_verdicts():
    rc = _review_module()
    f1 = {"rule": "C205", "file": "a.tex", "line": 3, "fingerprint": "x:0"}
    f2 = {"rule": "C205", "file": "a.tex", "line": 9, "fingerprint": "y:0"}
    f3 = {"rule": "S104", "file": "a.tex", "line": 1, "fingerprint": "z:0"}
    judged = {rc.finding_key("p", f1): {"right": True}, rc.finding_key("p", f2): {"right": False}}
    out = rc.tables({"p": [f1, f2, f3]}, judged, {"C205": "note"})
    c205 = next(line for line in out.splitlines() if line.startswith("| C205 "))
    assert "| 2 | 1 | 0.50 |" in c205 and "below target" in c205 and c205.endswith("| note |")
    s104 = next(line for line in out.splitlines() if line.startswith("| S104 "))
    assert "(+1 pending)" in s104 and "| pending |" in s104
    assert "| p | 3 | 1 | 1 | 1 |" in out


def test_skipping_the_matcher_on_sentences_it_cannot_match_changes_no_tag():
    """The Matcher runs only where a pattern's required lemmas occur; the tags are the same as
    when it runs on every sentence."""
    from texlint.nlp import tagger as T

    texts = [text for case in CASES + CONTEXT_CASES for text in case[-2:]] + [
        "We leave the study of larger models for future work.",
        "Our aim is to reduce the cost of inference.",
        "The focus of this paper is the routing of tokens.",
        "We acknowledge that our method has limitations.",
    ]
    roles = ["introduction"] * len(texts)
    filtered = tag_texts(texts, roles)
    compiled = T._compiled(get_nlp())
    needs, compiled.needs = compiled.needs, None
    try:
        unfiltered = tag_texts(texts, roles)
    finally:
        compiled.needs = needs
    assert needs, "the prefilter has requirements to check"
    assert "limitation" in filtered[-4]  # a Matcher pattern ("we leave ... for future work") decided it
    assert filtered == unfiltered
