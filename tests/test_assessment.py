"""The assessment: one verdict per reviewer question, from which the story arc, the S1xx rules,
the JSON and the HTML are derived, so they can never disagree; typed evidence about the
paper's own results (resources, scale, error bars, releases) read with its type and place."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from texlint.analysis.arc import ARC_FIELDS, story_arc
from texlint.analysis.assessment import EVIDENCE_FIELDS, FIELDS, STORY_FIELDS
from texlint.app.result import Options
from texlint.app.run import run
from texlint.engine.registry import python_rules
from texlint.nlp.tagger import tag_texts
from texlint.report import html_report, json_report

LABEL_FIELDS = ("phenomenon", "insight_method_link", "novelty_claim", "impact_argument", "contribution_list",
                "limitations_section", "limitations_discussed", "error_bars", "ablation", "baselines_compared",
                "efficiency_claim", "efficiency_measured", "scale_claim", "scale_experiments", "statistical_test",
                "code_or_data_release", "compute_reported")


def _lint(tmp_path: Path, body: str, select=("S", "R", "C")):
    (tmp_path / "main.tex").write_text("\\documentclass{article}\n\\begin{document}\n" + body + "\n\\end{document}\n",
                                       encoding="utf-8")
    result = run([tmp_path / "main.tex"], Options(select=list(select), use_cache=False))
    return result, result.documents[0].doc


def _fresh(tmp_path: Path, name: str) -> Path:
    """A second project folder beside the first (each lint reads one folder)."""
    folder = tmp_path / name
    folder.mkdir()
    return folder


def test_fields_are_exactly_the_label_fields():
    assert FIELDS == LABEL_FIELDS
    assert set(STORY_FIELDS) | set(EVIDENCE_FIELDS) == set(LABEL_FIELDS)


# ------------------------------------------------------------------ one model, never two readings

_SENTENCES = {
    "phenomenon": "Surprisingly, we observe that deeper routers forget the first token.",
    "link": "Motivated by this observation, we propose RouteNet, which keeps the first token.",
    "novelty": "To the best of our knowledge, RouteNet is the first training-free router.",
    "impact": "This enables long-context inference on a single GPU.",
    "contributions": "Our main contributions are a router and a benchmark.",
    "cited": "Smith et al. surprisingly observe that routers forget \\cite{smith}.",
    "plain": "Transformers are widely used.",
}
_EXPERIMENTS = {
    "baseline": "RouteNet reaches 91.2\\% accuracy against 89.0\\% for the baseline \\cite{he2016}.",
    "errorbars": "Results are averaged over five seeds with standard deviations.",
    "none": "RouteNet reaches 91.2\\% accuracy.",
}


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(intro=st.lists(st.sampled_from(sorted(_SENTENCES)), min_size=1, max_size=5),
       exp=st.sampled_from(sorted(_EXPERIMENTS)), limitations=st.booleans())
def test_arc_rules_json_and_html_agree(tmp_path_factory, intro, exp, limitations):
    tmp = tmp_path_factory.mktemp("paper")
    body = ("\\begin{abstract}We study routing.\\end{abstract}\n\\section{Introduction}\n"
            + " ".join(_SENTENCES[k] for k in intro) + "\n\\section{Experiments}\n" + _EXPERIMENTS[exp] + "\n"
            + ("\\section{Limitations}\nRouteNet is limited to text.\n" if limitations else ""))
    result, doc = _lint(tmp, body)
    assessment = doc.assessment
    arc = story_arc(doc)
    fired = {f.rule for f in result.findings}
    for rule in python_rules():
        if rule.assesses and rule.category == "story":
            assert (rule.code in fired) == (not assessment[rule.assesses]["present"]), (rule.code, assessment[rule.assesses])
    for stage, field in ARC_FIELDS.items():
        assert (arc["stages"][stage] is None) == (not assessment[field]["present"]), stage
    payload = json.loads(json_report.render(result))
    summary = payload["documents"][0]
    assert summary["assessment"] == json.loads(json.dumps(assessment))
    assert {k: v is not None for k, v in summary["story"]["stages"].items()} == \
        {k: v is not None for k, v in arc["stages"].items()}
    html = html_report.render(result)
    for stage, field in ARC_FIELDS.items():
        status = "found" if assessment[field]["present"] else "gap"
        assert f'class="stage {status}" id="arc0-{stage}"' in html, (stage, status)


def test_every_field_says_why_and_absences_show_the_closest_candidates(tmp_path):
    result, doc = _lint(tmp_path, "\\begin{abstract}We study routing.\\end{abstract}\n\\section{Introduction}\n"
                                  + _SENTENCES["cited"] + " We propose RouteNet.\n")
    for name, verdict in doc.assessment.items():
        assert set(verdict) >= {"present", "evidence", "why"}, name
        assert verdict["why"], name
        assert verdict["present"] == bool(verdict["evidence"]), name
    phen = doc.assessment["phenomenon"]
    assert not phen["present"]
    assert phen["closest"] and "Smith" in phen["closest"][0]["text"]
    s101 = [f for f in result.findings if f.rule == "S101"]
    assert s101 and "closest:" in s101[0].message and "Smith" in s101[0].message


def test_an_absence_keeps_its_fingerprint_when_the_closest_candidates_change(tmp_path):
    """A baselined S101 must stay accepted when some other sentence becomes a near candidate."""
    intro = "\\begin{abstract}We study routing.\\end{abstract}\n\\section{Introduction}\n"
    plain, _ = _lint(_fresh(tmp_path, "a"), intro + "We propose RouteNet.\n")
    near, _ = _lint(_fresh(tmp_path, "b"), intro + _SENTENCES["cited"] + " We propose RouteNet.\n")
    before = [f for f in plain.findings if f.rule == "S101"]
    after = [f for f in near.findings if f.rule == "S101"]
    assert before and after and "closest:" in after[0].message and "closest:" not in before[0].message
    assert before[0].fingerprint == after[0].fingerprint


# ------------------------------------------------------------------ the tagger reads context

def _tags(text, role="introduction"):
    return tag_texts([text], [role])[0]


def test_contrast_with_the_standard_way_is_a_novelty_claim():
    assert "novelty" in _tags("As opposed to standard attention, our method routes each token to one expert.")
    assert "novelty" in _tags("Instead of computing the full kernel matrix, we sample random features.")
    assert "novelty" not in _tags("We sample random features instead of the full matrix in this step.", "experiments")


def test_consequences_are_impact_not_limitations():
    tags = _tags("Applications of this method could include protein design and drug discovery.", "conclusion")
    assert "impact" in tags and "limitation" not in tags
    assert "impact" in _tags("Our method applies even when the noise level is unknown.")
    assert "impact" not in _tags("The method applies a softmax to the scores.")


def test_prior_work_weakness_and_negated_requirements_are_not_own_limitations():
    tags = _tags("We identify their key weakness: they need labelled data.")
    assert "limitation" not in tags and "gap" in tags and "phenomenon" not in tags
    assert "limitation" not in _tags("We do not need an estimate of the noise variance.", "conclusion")
    assert "limitation" not in _tags("To overcome these limitations, we develop a general approach.", "conclusion")
    # near miss: the paper's own shortcoming stays one
    assert "limitation" in _tags("Our method does not handle videos longer than one minute.", "conclusion")


def test_a_result_about_the_method_is_not_a_phenomenon_but_a_trend_is():
    assert "phenomenon" not in _tags("We find that our approach substantially outperforms the previous state of the art.")
    assert "phenomenon" in _tags("We show that, as the number of layers increases, the information retained decreases.")


def test_observation_then_fix_across_sentences_links_the_method(tmp_path):
    body = ("\\begin{abstract}We study routing.\\end{abstract}\n\\section{Introduction}\n"
            "We observe that routers collapse onto a single expert early in training. This hurts accuracy. "
            "To avoid it, we propose a balanced router.\n")
    _, doc = _lint(tmp_path, body)
    assert doc.assessment["insight_method_link"]["present"]
    # near miss: the same fix with no observation before it
    _, doc2 = _lint(_fresh(tmp_path, "other"), "\\begin{abstract}We study routing.\\end{abstract}\n\\section{Introduction}\n"
                           "Routers are popular. This hurts nobody. To avoid it, we propose a balanced router.\n")
    assert not doc2.assessment["insight_method_link"]["present"]


# ------------------------------------------------------------------ typed evidence

_PAPER = "\\begin{abstract}We propose FooNet.\\end{abstract}\n\\section{Introduction}\nWe propose FooNet.\n\\section{Experiments}\n%s\n"


def test_the_spread_of_a_dataset_or_a_threshold_is_not_an_error_bar(tmp_path):
    _, doc = _lint(tmp_path, _PAPER % ("Participants knew on average 8.2 books with a standard deviation of 4.6. "
                                       "We select coordinates that exceed the mean by three standard deviations."))
    assert not doc.assessment["error_bars"]["present"]
    _, doc2 = _lint(_fresh(tmp_path, "b"), _PAPER % "FooNet reaches 91.2\\% accuracy (standard deviation 0.3 over five seeds).")
    assert doc2.assessment["error_bars"]["present"]
    assert doc2.assessment["error_bars"]["evidence"][0]["why"]


#: (field, the experiments' text, present?): what an evidence field must and must not read as
#: evidence, each a misreading found on a real paper
FIELD_CASES = [
    # an augmentation range, a tolerance and cross-validation that picks hyperparameters are no
    # uncertainty of a result; a ± on an accuracy and results over five folds are
    ("error_bars", "We apply a brightness shift by a random factor between $\\pm 20\\%$.", False),
    ("error_bars", "Mean perplexity is preserved to within $\\pm 0.01$ across all variants.", False),
    ("error_bars", "Random search on 5-fold cross-validation is used for hyper-parameter selection.", False),
    ("error_bars", "FooNet reaches 91.2 $\\pm$ 0.3\\% accuracy.", True),
    ("error_bars", "We report accuracy with 5-fold cross-validation.", True),
    # datasets and kinds of network are no methods compared; two named methods are
    ("baselines_compared", "Accuracy decrease vs threshold decrease: accuracy on CIFAR-10 and MNIST stays high for the "
                           "trained CNN compared to other classes.", False),
    ("baselines_compared", "FooNet outperforms BERT and RoBERTa on all tasks.", True),
    # a page of results is no release; a written-out link to the code in a footnote is
    ("code_or_data_release", "FooNet wins. More results are available at \\url{https://foonet.github.io}.", False),
    ("code_or_data_release", "FooNet wins\\footnote{Code: https://github.com/foo/foonet}.", True),
    # one fixed count is a setting and a complexity statement theory; a sweep of layers is a study
    ("scale_experiments", "We emulate the setting with the number of nodes $n = 100$.", False),
    ("scale_experiments", "Note that the complexities improve with the number of workers $n$.", False),
    ("scale_experiments", "Accuracy improves as we increase the number of layers from 2 to 12.", True),
]


@pytest.mark.parametrize("field, text, present", FIELD_CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(FIELD_CASES)])
def test_evidence_field_reads(tmp_path, field, text, present):
    _, doc = _lint(tmp_path, _PAPER % text)
    assert doc.assessment[field]["present"] is present, doc.assessment[field]


def test_a_novelty_claim_in_related_work_counts_when_it_is_the_authors(tmp_path):
    """Related work is where authors position their own work ("We build on their framework to
    propose a novel method"); a novelty word about cited work there ("Smith et al. propose a novel
    method") claims nothing for the paper."""
    body = ("\\begin{abstract}We study routing.\\end{abstract}\n\\section{Introduction}\nWe study routing.\n"
            "\\section{Related Work}\n%s\n\\section{Experiments}\nIt reaches 91.2\\%% accuracy.\n")
    _, doc = _lint(tmp_path, body % "We build on their framework to propose a novel routing method.")
    assert doc.assessment["novelty_claim"]["present"]
    _, doc2 = _lint(_fresh(tmp_path, "b"), body % "Smith et al.~\\cite{smith} propose a novel routing method.")
    assert not doc2.assessment["novelty_claim"]["present"], doc2.assessment["novelty_claim"]


def test_someone_elses_weights_and_appendix_details_are_not_a_release(tmp_path):
    _, doc = _lint(tmp_path, _PAPER % ("We fine-tune LLaMA. The weights for this model are publicly available. "
                                       "Additional implementation details are provided in the appendix."))
    assert not doc.assessment["code_or_data_release"]["present"]
    _, doc2 = _lint(_fresh(tmp_path, "b"), _PAPER % "We release our code and data at \\url{https://github.com/foo/foonet}.")
    assert doc2.assessment["code_or_data_release"]["present"]


def test_resources_claimed_are_checked_against_what_was_measured(tmp_path):
    _, doc = _lint(tmp_path, _PAPER.replace("We propose FooNet.\\end", "FooNet needs linear memory and is faster.\\end")
                   % "FooNet takes 12 ms per image against 36 ms for the baseline.")
    res = doc.resources
    assert set(res["claimed"]) >= {"memory", "time"}
    assert "time" in res["measured"] and "memory" not in res["measured"]
    assert res["unmeasured"] == ["memory"]
    assert doc.assessment["efficiency_claim"]["present"] and doc.assessment["efficiency_measured"]["present"]


def test_hardware_media_and_peoples_time_are_not_measurements(tmp_path):
    """A GPU's memory, a clip's length, the minutes a person spends and the digits of "8 H200s" are
    not the method's cost; the method's own memory and time are."""
    _, doc = _lint(tmp_path, _PAPER % ("We run all experiments on a single A100 GPU with 40GB of VRAM, on 8 H200s. "
                                       "The 1675 video clips, each lasting 2 to 19 seconds, took time to annotate. "
                                       "Annotators spent an average of 4 minutes per game."))
    assert not doc.assessment["efficiency_measured"]["present"], doc.assessment["efficiency_measured"]
    _, doc2 = _lint(_fresh(tmp_path, "b"), _PAPER % "FooNet uses 12GB of GPU memory at peak and takes 32 ms per image.")
    measured = doc2.resources["measured"]
    assert "memory" in measured and "time" in measured
    _, doc3 = _lint(_fresh(tmp_path, "c"), _PAPER % "We measure non-embedding FLOPs using calflops.")
    assert "compute" in doc3.resources["measured"]


def test_the_scale_envelope_and_several_sizes(tmp_path):
    _, doc = _lint(tmp_path, _PAPER % ("We train FooNet models with 1B, 7B and 13B parameters on 300B tokens "
                                       "with a context length of 4096 tokens."))
    env = doc.scale_envelope
    assert env["largest_model"]["text"] == "13B parameters"
    assert env["longest_sequence"]["value"] == 4096
    assert env["largest_data"]["value"] == 300e9
    assert env["largest_data"]["text"] == "300B tokens"  # what the data counts, as the paper says it
    assert doc.assessment["scale_experiments"]["present"]
    _, doc2 = _lint(_fresh(tmp_path, "b"), _PAPER % "We train one FooNet model with 7B parameters.")
    assert doc2.scale_envelope["largest_model"]["text"] == "7B parameters"
    assert not doc2.assessment["scale_experiments"]["present"]


def test_compute_counts_and_bounds_are_not_model_sizes(tmp_path):
    """"39 billion FLOPs" counts operations and "less than 1 billion parameters" is a bound: the
    largest model is the 120M one the sentence states."""
    _, doc = _lint(tmp_path, _PAPER % ("Our model is comprised of 120M parameters and requires roughly 39 billion FLOPs "
                                       "in the forward pass. Model variants with less than 1 billion parameters are easy to train."))
    assert doc.scale_envelope["largest_model"]["text"] == "120M parameters"
    _, doc2 = _lint(_fresh(tmp_path, "b"), _PAPER % "Our model is comprised of 120M parameters; a 2 billion parameter variant is larger.")
    assert doc2.scale_envelope["largest_model"]["text"] == "2B parameters"


def test_training_steps_are_not_model_sizes(tmp_path):
    """"0.1B models trained for 1M" and "for 1.5M iterations" count steps: one model size, no study
    across sizes."""
    _, doc = _lint(tmp_path, _PAPER % ("We sample from 0.1B models trained for 1M on OWT. We also trained our best "
                                       "models for 1.5M iterations."))
    assert doc.scale_envelope["model_sizes"] == ["100M"]
    assert not doc.assessment["scale_experiments"]["present"]


def test_cited_works_hardware_is_not_the_papers_compute(tmp_path):
    """A related-work sentence on someone else's cluster reports no compute of the paper's own;
    the paper's own GPU statement does."""
    body = ("\\begin{abstract}We propose FooNet.\\end{abstract}\n\\section{Introduction}\nWe propose FooNet.\n"
            "\\section{Related Work}\nPrior work trains on 1024 cores on 128 machines with 8 A100 GPUs each.\n"
            "\\section{Experiments}\nFooNet reaches 91.2\\%% accuracy.\n%s\n")
    _, doc = _lint(tmp_path, body % "")
    assert not doc.assessment["compute_reported"]["present"], doc.assessment["compute_reported"]
    _, doc2 = _lint(_fresh(tmp_path, "b"), body % "All experiments run on a single NVIDIA A100 GPU.")
    assert doc2.assessment["compute_reported"]["present"]


def test_a_size_in_a_dataset_name_is_not_a_model_size(tmp_path):
    """"LAION-2B" and "JFT-300M" name datasets; "Qwen3-32B" and "T5-3B" name models."""
    _, doc = _lint(tmp_path, _PAPER % "Our 120M-parameter model outperforms a larger ViT-g/14 trained on LAION-2B and JFT-300M.")
    assert doc.scale_envelope["largest_model"]["text"] == "120M parameters"
    _, doc2 = _lint(_fresh(tmp_path, "b"), _PAPER % "Our 120M-parameter model is compared with Qwen3-32B and a T5-3B model.")
    assert doc2.scale_envelope["largest_model"]["text"] == "32B parameters"


def test_lengths_and_limits_are_sequence_lengths_not_data(tmp_path):
    """"A maximum generation length of 4096 tokens" and "truncated at 512 tokens" are lengths,
    "greater than 2 \\hat{d}" a coefficient; "trained on 300B tokens" stays the data's size."""
    _, doc = _lint(tmp_path, _PAPER % ("All models used a maximum generation length of 4096 tokens. Inputs are truncated "
                                       "at 512 tokens."))
    env = doc.scale_envelope
    assert env["largest_data"] is None
    assert env["longest_sequence"]["value"] == 4096
    _, doc3 = _lint(_fresh(tmp_path, "c"), _PAPER % "The error is low when the sequence length $k$ is greater than $2 \\hat{d}$.")
    assert doc3.scale_envelope["longest_sequence"] is None
    _, doc2 = _lint(_fresh(tmp_path, "b"), _PAPER % "We train on 300B tokens with a maximum generation length of 1024 tokens.")
    assert doc2.scale_envelope["largest_data"]["value"] == 300e9


def test_scaling_claim_beyond_the_envelope_quotes_the_largest_model(tmp_path):
    result, _ = _lint(tmp_path, _PAPER.replace("We propose FooNet.\\end", "FooNet scales to larger models.\\end")
                      % "We train one FooNet model with 7B parameters and report 91.2\\% accuracy.", select=("R303",))
    msgs = [f.message for f in result.findings if f.rule == "R303"]
    assert msgs and "7B parameters" in msgs[0]


def test_the_papers_system_as_subject_of_a_scaling_claim(tmp_path):
    """"This property enables the system to scale" in the discussion is the paper's own claim; the
    same words about a cited system in the related work are not."""
    body = ("\\begin{abstract}We propose FooNet.\\end{abstract}\n\\section{Introduction}\nWe propose FooNet.\n"
            "\\section{%s}\nThis property enables the system to scale with minimal cost.\n"
            "\\section{Experiments}\nFooNet reaches 91.2\\%% accuracy.\n")
    _, doc = _lint(tmp_path, body % "Discussion")
    assert doc.assessment["scale_claim"]["present"]
    _, doc2 = _lint(_fresh(tmp_path, "b"), body % "Related Work")
    assert not doc2.assessment["scale_claim"]["present"]


def test_scale_as_a_quantity_is_no_scaling_claim(tmp_path):
    claim = _PAPER.replace("We propose FooNet.\\end", "FooNet improves with scale.\\end")
    _, doc = _lint(tmp_path, claim % "We train one FooNet model with 7B parameters.")
    assert doc.assessment["scale_claim"]["present"]
    near = _PAPER.replace("We propose FooNet.\\end", "FooNet improves with scale factor 2 on the images.\\end")
    _, doc2 = _lint(_fresh(tmp_path, "b"), near % "We train one FooNet model with 7B parameters.")
    assert not doc2.assessment["scale_claim"]["present"]


def test_claims_are_typed_and_linked_to_support(tmp_path):
    _, doc = _lint(tmp_path, "\\begin{abstract}FooNet outperforms all baselines (Table~\\ref{t}). "
                             "FooNet is three times faster than prior methods.\\end{abstract}\n"
                             "\\section{Introduction}\nWe propose FooNet.\n\\section{Experiments}\nText.\n")
    by_text = {c["text"][:20]: c for c in doc.claims}
    perf = by_text["FooNet outperforms a"]
    assert "performance" in perf["types"] and "table_or_figure" in perf["support"]
    speed = by_text["FooNet is three time"]
    assert "efficiency" in speed["types"] and speed["resources"] == ["time"]


def test_a_framing_claim_is_backed_by_its_own_specifics(tmp_path):
    _, doc = _lint(tmp_path, "\\begin{abstract}FooNet achieves state-of-the-art accuracy on ImageNet. "
                             "FooNet achieves state-of-the-art accuracy, 85.1\\%. "
                             "FooNet achieves state-of-the-art accuracy for long texts.\\end{abstract}\n"
                             "\\section{Introduction}\nWe propose FooNet.\n\\section{Experiments}\nText.\n")
    support = [c["support"] for c in doc.claims]
    assert support == [["named_benchmark"], ["number"], []]


def test_measurements_named_in_plain_words_count(tmp_path):
    _, doc = _lint(tmp_path, _PAPER % ("Diagnosis took 5.7 seconds on average. The compression ratio reaches 8 on "
                                       "every dataset. We recorded ten clips of 10 seconds each."))
    measured = doc.resources["measured"]
    assert "time" in measured and "memory" in measured
    assert all("10 seconds" not in e["text"] or "5.7" in e["text"] for e in measured["time"])


def test_a_repository_or_open_source_library_is_a_release(tmp_path):
    _, doc = _lint(tmp_path, _PAPER % ("The full paper, including the code to reproduce every figure, is available in a "
                                       "GitHub repository."))
    assert doc.assessment["code_or_data_release"]["present"]
