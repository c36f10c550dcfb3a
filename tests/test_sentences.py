"""The sentence splitter on scientific prose: abbreviations, numbers, placeholders, math."""

from __future__ import annotations

import pytest

from texlint.nlp.pipeline import sentences

CASES = [
    # (text, expected number of sentences)
    ("We follow Smith et al. ⟦cite⟧ in all experiments.", 1),
    ("This was shown by Smith et al. We extend it.", 2),
    ("Smith et al. (2020) proposed it.", 1),
    ("We use priors, e.g. Gaussian ones, in practice.", 1),
    ("We use priors, e.g. Gaussian ones. They help.", 2),
    ("Some models, i.e. transformers, are large.", 1),
    ("I.e. we do nothing here.", 1),
    ("See Fig. 3 for details.", 1),
    ("See Figs. 3 and 4 for details.", 1),
    ("As Eq. 2 shows, the loss is convex.", 1),
    ("Eqs. 2 and 3 define it.", 1),
    ("We discuss this in Sec. 4. The next part follows.", 2),
    ("Results are in Tab. 2 and more in App. B.", 1),
    ("This holds (cf. Lemma 3) in general.", 1),
    ("RNNs vs. transformers is a long debate.", 1),
    ("The accuracy is 93.5 percent.", 1),
    ("We use version 1.2.3 of the library.", 1),
    ("It costs 0.5 s. It is fast.", 2),
    ("The model (v2.0) is released.", 1),
    ("Item No. 5 is missing.", 1),
    ("Results are in Table ⟦ref⟧. We discuss them next.", 2),
    ("The loss is ⟦eq⟧ where x is the input.", 1),
    ("The loss is ⟦eq⟧. We minimise it.", 2),
    ("The loss is ⟦eq⟧ We minimise it.", 2),
    ("This is known ⟦cite⟧. We build on it.", 2),
    ("This is known. ⟦cite⟧ showed it first.", 2),
    ("Let ⟦math⟧ be a vector. Then ⟦math⟧ holds.", 2),
    ("Why does it work? We explain below.", 2),
    ("It works! Surprisingly so.", 2),
    ("We ran it (see Sec. 3). Then we stopped.", 2),
    ("He said “it works.” We agree.", 2),
    ("Models such as BERT, GPT, etc. are common.", 1),
    ("We test BERT, GPT, etc. The results differ.", 2),
    ("We compare w.r.t. accuracy and speed.", 1),
    ("The data are i.i.d. samples from the prior.", 1),
    ("Prof. Smith and Dr. Jones helped.", 1),
    ("It was built in the U.S. by a small team.", 1),
    ("Approx. 10 runs were made.", 1),
    ("We use approx. 10 runs per seed.", 1),
    ("The gain is 3.5% on average. The variance is small.", 2),
    ("We define ⟦math⟧-smooth functions. They are common.", 2),
    ("See Thm. 2 and Lem. 4 for the proof.", 1),
    ("Training takes 10 hrs. on one GPU", 1),
    ("A ⟦url⟧ hosts the code. It is public.", 2),
    ("Alg. 1 shows the procedure.", 1),
    # enumerated items after a full stop start sentences; an item label mid-sentence does not
    ("It has two features. (1) It uses graphs. (2) It learns fast.", 3),
    ("We report results. 1) The model works. 2) It learns fast.", 3),
    ("We give (i) a model, (ii) a dataset. (iii) We also show X.", 2),
    ("We set it as in Eq. (2) Then we train.", 1),
    ("The set is small. (x) is a variable here.", 1),
    ("It has facets. (2) lib2vec provides memory. (3) lib2vec allows it.", 3),
    ("We build on it ⟦cite⟧. word2vec provides memory.", 2),
    ("We report the mean, e.g. mAP is one.", 1),
]


@pytest.mark.parametrize("text,n", CASES, ids=[c[0][:40] for c in CASES])
def test_sentence_count(text, n):
    got = sentences(text)
    assert len(got) == n, got


def test_at_least_forty_cases():
    assert len(CASES) >= 40


def test_sentences_keep_all_text():
    text = "We follow Smith et al. ⟦cite⟧ here. The loss is ⟦eq⟧. We minimise it."
    assert " ".join(sentences(text)) == text


def test_placeholders_are_single_tokens():
    from texlint.nlp.pipeline import get_nlp

    doc = get_nlp()("A ⟦math⟧-smooth loss (see ⟦cite⟧).")
    assert "⟦math⟧" in [t.text for t in doc]
    assert "⟦cite⟧" in [t.text for t in doc]


def test_lemma_keys_are_consistent():
    from texlint.nlp.lemmas import lemma_key

    assert lemma_key("proves") == lemma_key("prove") == lemma_key("proved") == lemma_key("proving")
    assert lemma_key("outperforms") == lemma_key("outperformed") == lemma_key("outperform")
    assert lemma_key("studies") == lemma_key("study")
    assert lemma_key("analyses") == "analysis"
    assert lemma_key("was") == lemma_key("is") == "be"


def test_token_strings_read_from_arrays_match_the_tokens():
    from texlint.nlp.pipeline import doc_words, get_nlp, token_strings

    doc = get_nlp()("We prove it. Surprisingly, the proofs were proved twice ⟦cite⟧; “Ok” -- 3.5 ms.")
    assert token_strings(doc, "ORTH") == [t.text for t in doc]
    assert token_strings(doc, "LEMMA") == [t.lemma_ for t in doc]
    texts, lower, lemmas = doc_words(doc)
    assert lower == [t.text.lower() for t in doc] and lemmas == [t.lemma_ for t in doc]
    assert token_strings(get_nlp()(""), "ORTH") == []
