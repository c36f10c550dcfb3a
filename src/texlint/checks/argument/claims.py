"""Claim rules: overclaiming that reviewers punish, and the hedging that undermines a claim.

Each rule reads one sentence at a time (with the tagger's moves and the document's facts):
"first" claims without "to the best of our knowledge", novelty with no contrast to prior work,
absolute words on empirical results, state-of-the-art claims with no table or citation in
reach, "significant" with no statistical test anywhere, abstract numbers that never reappear.
Calibrated hedging ("may", "suggests") is good writing and is never flagged here.
"""

from __future__ import annotations

import re

from texlint.analysis.claim_map import FRAMING, sota_claim
from texlint.analysis.facts import Fact, fact_evidence
from texlint.checks.argument.argument_common import (
    CLAIM_ROLES,
    is_own_claim,
    neighbours,
    points_to_results,
    supported_nearby,
)
from texlint.engine.registry import register
from texlint.engine.rule import Rule

_FIRST_NOUNS = (r"(method|approach|work|paper|study|model|framework|algorithm|attempt|system|dataset|benchmark|technique|"
                r"solution|analysis|demonstration|implementation|tool|library|architecture|metric|evaluation|theory|result|"
                r"proof|procedure|formulation|investigation|characteri[sz]ation|application|use|survey|corpus|detector|"
                r"generator|parser|classifier|agent|protocol|bound|estimator|router|encoder|decoder|optimi[sz]er|solver|sampler|"
                r"planner|retriever|compiler|network|pipeline|loss|objective|regulari[sz]er|mechanism|strategy)s?")
_FIRST = re.compile(r"\b(we are|i am)\s+(the\s+)?first\b|"
                    r"\b(is|are|was|were|this is|this (paper|work) is|ours is|being)\s+the\s+first\b(?! (step|stage|time))|"
                    r"\bfor the first time\b|"
                    r"\b(the|our) (first|only) ([\w-]+ ){0,3}?" + _FIRST_NOUNS + r" (to|that|which|capable|able|based on)\b|"
                    r"\b(gives?|provides?|presents?|offers?|introduces?|proposes?|propose|present|introduce|provide|offer|give)"
                    r" (the )?(first|only) ([\w-]+ ){0,3}?" + _FIRST_NOUNS + r"\b|"
                    # "we establish the first scaling law", "we perform the first unified comparison": the
                    # authors making something is a priority claim whatever the noun (not "the first of", "the first 20")
                    r"\b(we|this (paper|work|study))\s+(\w+ly\s+)?(present|introduce|propose|establish|perform|conduct|provide|"
                    r"develop|build|create|release|offer|give|derive|construct|design|deliver|contribute|carry out|run)s?"
                    r" the (first|only)\b(?!\s+(of|\d+|two|three|four|five|few|several|time|step|stage|part|phase|half|round|"
                    r"author|version|draft)\b)(?!-)",
                    re.I)
_HEDGED_FIRST = re.compile(r"\b(to|at) (the|our|my) best of (our|my|the authors'?) knowledge\b|"
                           r"\bto (the best of )?(our|my|the authors'?) (best )?knowledge\b|\bas far as (we|i) (know|are aware|am aware)\b|"
                           r"\b(we|i) believe\b|\bto date\b|\b(we are|i am) not aware\b|\bamong the first\b|\bone of the first\b", re.I)
_CONTRAST = re.compile(r"⟦cite⟧|\b(unlike|in contrast|contrary to|differs? from|different from|whereas|while (prior|previous|existing)|"
                       r"prior work|previous work|existing (work|methods|approaches)|previous (methods|approaches)|"
                       r"related work|instead of|rather than|compared (to|with)|as opposed to|beyond)\b", re.I)
_OUTCOME = (r"(improv\w*|outperform\w*|beat\w*|surpass\w*|work\w*|achiev\w*|help\w*|yield\w*|lead\w* to|"
            r"produc\w*|gives?|succeed\w*|generali[sz]\w*|converg\w*|recover\w*|find\w*|finds|match\w*|reduc\w*|"
            r"increas\w*|boost\w*|gains?|better|superior|robust|correct\w*|accurate|wins?)")
#: what a "no loss" claim says is kept whole
_KEPT = (r"(performance|accuracy|quality|capabilit(y|ies)|generali[sz]ation( performance)?|safety|utility|fidelity|"
         r"precision|recall|image quality)")
_ABSOLUTE = re.compile(
    r"\b(always|consistently and always|invariably) (\w+ ){0,2}?" + _OUTCOME + r"\b|"
    r"\bnever (fails?|hurts?|degrades?|underperforms?|loses|harms?|breaks?|worse)\b|"
    r"\b(completely|fully|entirely|perfectly) (solv\w*|eliminat\w*|remov\w*|prevent\w*|resolv\w*|closes?|captur\w*|recover\w*|predict\w*|generali[sz]\w*)\b|"
    r"\b(solves|solved) (the|this) (problem|task|challenge|issue)\b|"
    r"\b" + _OUTCOME + r" (\w+ ){0,3}?(in|on|across) (all|every) (cases?|settings?|tasks?|datasets?|benchmarks?|scenarios?|experiments?|languages?|domains?)\b|"
    r"\b(in|on|across) (all|every) (\w+ ){0,2}?(cases?|settings?|tasks?|datasets?|data sets|benchmarks?|scenarios?|experiments?|"
    r"languages?|domains?)\b,? (\S+ ){0,10}?" + _OUTCOME + r"\b|"
    r"\b(is|are|be) guaranteed to (work|improve|outperform|find|succeed|generali[sz]e)\b|\bwe guarantee\b|"
    r"\b(undoubtedly|unquestionably|indisputably|definitively) (\w+ ){0,2}?" + _OUTCOME + r"\b|"
    r"\b(clearly|conclusively) (prove|proves|proved|demonstrates?|establish\w*) that\b|"
    # generality with no exception: "generalizes to almost any input", "hold for all zoos, regardless of ..."
    r"\b(generali[sz]\w*|appl(y|ies)|holds?|transfers?|extends?) (well )?to (almost |nearly |virtually )?(any|all|every)\b|"
    r"\b(holds?|generali[sz]\w*|works?|appl(y|ies)|consistent|robust|stable|invariant|unchanged) ([\w-]+,? ){0,4}?regardless of\b|"
    # a threat or failure ruled out for the paper's own system: "attacks are impossible to achieve in our framework"
    r"\bimpossible (to \w+ )?(in|with|under|against|for) (our|the proposed) \w+|"
    r"\b(our|the proposed) \w+ (makes?|renders?) (it |them |such \w+ )?impossible\b",
    re.I)
#: a gain at no cost: "at no loss in performance", "does not come at a loss of image quality", "without
#: compromising general capabilities" (a few benchmarks show a small drop, not none); in the body, a table
#: or figure in the paragraph is the evidence a reader weighs it against
_NO_COST = re.compile(
    r"\b(at|with) no (\w+ )?(loss|drop|degradation|cost|decrease|reduction) (in|of|to) (\w+ ){0,2}?" + _KEPT + r"\b|"
    r"\b(does|do|did) not come at (a|the|any) (\w+ )?(loss|cost|expense) (in|of|to) (\w+ ){0,3}?" + _KEPT + r"\b|"
    r"\bwithout (any )?(loss|drop|degradation|sacrific\w*|compromis\w*|hurt\w*|harm\w*|degrad\w*|losing) "
    r"((in|of|to) )?(\w+ |\w+'s ){0,3}?" + _KEPT + r"\b", re.I)
#: generality asserted across a set the experiments sample ("our approach is consistent across these
#: data sets and network models", "generalized well across multiple domains"); like a no-cost claim,
#: in the body a table or figure beside it is what a reader weighs it against
_GENERALITY = re.compile(
    r"\b(generali[sz]\w*|transfer\w*) well (across|to|over) (\w+ ){0,3}?(domains?|datasets?|data sets|tasks?|languages?|"
    r"models?|architectures?|settings?|seeds?|generators?|benchmarks?)\b|"
    r"\b(is|are|remains?|was|were) (\w+ )?(consistent|stable|robust|invariant) across (these |all |different |multiple |various |"
    r"many |diverse )?(\w+ )?(data ?sets|models|architectures|domains|tasks|languages|settings|rates|conditions|benchmarks|"
    r"scales|sizes|modalities)\b", re.I)
_GENERALITY_KEYS = (" well across", " well to", " well over", " across ")
#: what makes a generality claim a calibrated one ("typically consistent", "suggests that ...", "does not generalize well")
_QUALIFIED = re.compile(r"\b(typically|generally|largely|mostly|often|usually|roughly|suggests?|suggesting|may|might|could|"
                        r"likely|not|n't|never|fails?|less)\b", re.I)
_NO_COST_KEYS = ("no loss", "no drop", "no degradation", "no cost", "no decrease", "no reduction", "not come at", "without")
#: words every match of _FIRST / _ABSOLUTE holds (lower case): a sentence with none is not searched
_FIRST_KEYS = ("first", "only")
_ABSOLUTE_KEYS = ("always", "invariably", "never", "completely", "fully", "entirely", "perfectly", "solves", "solved",
                  "in all", "on all", "across all", "in every", "on every", "across every", "guarantee", "undoubtedly",
                  "unquestionably", "indisputably", "definitively", "clearly", "conclusively", "to any", "to all",
                  "to every", "to almost", "to nearly", "to virtually", "regardless of", "impossible")


def _holds_any(text: str, keys: tuple[str, ...]) -> bool:
    """A cheap substring test before a costly pattern."""
    low = text.lower()
    return any(k in low for k in keys)


_NOT_ABSOLUTE = re.compile(r"\b(not|n't|no|almost|nearly|near|rarely|hardly|cannot|never|virtually|practically|essentially)\s+(\w+\s+){0,3}"
                           r"(always|perfectly|completely|fully|guaranteed|solv\w*|prove|impossible)", re.I)
#: a hypothetical or a goal, not a result: "if ...", "aiming to search efficiently without sacrificing accuracy"
_HYPOTHETICAL = re.compile(r"\b(would|if|whether|suppose|imagine|ideally|hypothetical\w*|aim(s|ing|ed)? (to|at))\b", re.I)
#: a no-cost claim that admits a cost after all: "without sacrificing too much accuracy"
_SOME_COST = re.compile(r"\b(too|much|many|significant\w*|substantial\w*|noticeabl\w*|greatly|considerabl\w*|a lot)\b", re.I)
_THEORY = re.compile(r"\b(theorem|lemma|proposition|corollary|proof|bound|convergen\w*|⟦ref⟧|⟦eq⟧|⟦math⟧|converge)\b", re.I)
#: what makes a state-of-the-art claim of the framing checkable (``analysis.claim_map`` support kinds)
_SPECIFIC_SUPPORT = {"number", "named_benchmark", "table_or_figure", "section", "reference"}
_SIGNIFICANT = re.compile(
    r"\bsignificant(ly)? (\w+ ){0,2}?(better|higher|lower|larger|smaller|faster|slower|more|less|fewer|worse|improv\w*|"
    r"outperform\w*|surpass\w*|exceed\w*|increas\w*|decreas\w*|reduc\w*|gains?|boosts?|margins?|differen\w*|drops?|"
    r"advantage|superior|stronger|weaker|enhanc\w*|benefits?|advances? (over|relative to|compared)|progress over)\b|"
    r"\b(improv\w*|outperform\w*|surpass\w*|increas\w*|decreas\w*|reduc\w*|boost\w*|differ\w*|exceed\w*|beats?|enhanc\w*)"
    r" (\w+ ){0,4}?significantly\b", re.I)
#: a p-value in the sentence is the test itself ("statistically significant" alone is not: it claims one)
_NON_STAT = re.compile(r"\bp ?[<=≤]|\bp-values?\b", re.I)
#: "significant financial gains", "significant societal impact", "a significant attempt to improve",
#: "significant room for improvement": importance or a gap, not a statistical claim
_NOT_STAT_SENSE = re.compile(r"\s+(financial|economic|societal|social|practical|business|commercial|clinical|real-world|"
                             r"environmental|computational|engineering|attempt|step|effort|contribution|challenge|role|"
                             r"interest|attention|room|headroom|potential|opportunit\w*)\b", re.I)
#: "significantly faster / more efficient / a higher number of / reduced time": about cost or size, not a
#: statistical claim.
_NOT_STAT_AFTER = re.compile(r"\s+(more |less )?(faster|slower|efficient|cheaper|fewer|smaller|larger)\b|"
                             r"\s+(higher|lower|larger|smaller) (number|amount) of\b|"
                             r"\s+(reduced|less|lower|more) (time|memory|computation|latency|cost|parameters|storage|compressed)\b|"
                             r"\s+(reduc|increas|decreas|lower|rais|shrink|grow)\w* the (size|number|amount|length|count|cost|flops|"
                             r"computation|memory|latency|run ?time|inference time|training time)\b", re.I)
def _supported_next(doc, sent) -> bool:
    """A claim closing its paragraph (or a boxed finding) whose support opens the next one:
    "... achieves the best perplexity." then "Results. Table 2 shows ..."."""
    sents = sent.prose.sentences
    if not sents or sents[-1] is not sent:
        return False
    try:
        i = doc.prose.index(sent.prose)
    except ValueError:
        return False
    nxt = next((p for p in doc.prose[i + 1:i + 4] if p.kind in ("body", "item") and p.sentences), None)
    if nxt is None:
        return False
    same = nxt.section is sent.prose.section or (nxt.section is not None and nxt.section.level >= 4)  # \paragraph{Results.}
    return same and supported_nearby(nxt.sentences[0])


def _supported_before(sent) -> bool:
    """A claim opening its paragraph right after one that points to the results: "Figure 3 shows
    the results of all models ..." then "The fine-tuned model surpasses all other models ..."
    (as C203 reads a no-cost claim beside its table)."""
    sents = sent.prose.sentences
    if not sents or sents[0] is not sent:
        return False
    before = sent.prose.previous_paragraph()
    return bool(before is not None and points_to_results(before.text))


def _beside_its_results(sent) -> bool:
    """A claim in the body whose paragraph, or the one before it, points to a table, figure or
    section: the evidence a reader weighs it against is right there."""
    if sent.role in FRAMING:
        return False
    before = sent.prose.previous_paragraph()
    return points_to_results(sent.prose.text) or before is not None and points_to_results(before.text)


class _SentenceRule(Rule):
    needs_nlp = True
    category = "claims"
    scopes = CLAIM_ROLES


@register
class UnhedgedFirstClaim(_SentenceRule):
    code = "C201"
    accuracy = ("corpus review: 6 of 6 findings right; 11 of 12 were wrong while ordinal \"first\" and restrictive "
                "\"only\" still counted (docs/accuracy.md).")
    name = "unhedged-first-claim"
    severity = "warning"
    summary = ("A priority claim (\"we are the first\", \"the first method to\", \"the only approach that\") without "
               "\"to the best of our knowledge\".")
    why = ("One counter-example from a reviewer sinks an unhedged priority claim, and the paper's "
           "credibility with it.")
    bad = "\\section{Introduction}\nWe are the first to route tokens by attention entropy."
    good = "\\section{Introduction}\nTo the best of our knowledge, we are the first to route tokens by attention entropy."
    fix = "Hedge the priority claim (\"to the best of our knowledge\") and cite the closest prior work."

    def check(self, doc, ctx):
        for sent in ctx.sentences_in(self.scopes):
            m = _FIRST.search(sent.text) if _holds_any(sent.text, _FIRST_KEYS) else None
            if not m or not is_own_claim(sent, doc):
                continue
            prev = neighbours(sent, 1, 0)
            if _HEDGED_FIRST.search(sent.text) or any(_HEDGED_FIRST.search(p.text) for p in prev):
                continue
            if not m.group(0).lower().startswith("for the first time") and re.search(r"\b(first|second|only) (step|stage|phase|part|term|layer|row|column|half|time|round|epoch|iteration|"
                         r"author|place|line|sentence|token|word|case|difference|change|thing|way|one|few|two|three)s?\b",
                         m.group(0), re.I):
                continue
            yield ctx.sentence_finding(sent, "priority claim without \"to the best of our knowledge\"", m.start(), m.end(),
                                       suggestion="To the best of our knowledge, ")


@register
class NoveltyWithoutContrast(_SentenceRule):
    code = "C202"
    name = "novelty-without-contrast"
    severity = "info"
    default = False
    status = "preview"
    scopes = ("abstract", "introduction")
    summary = "A novelty claim with no contrast to prior work in the same or the next sentence."
    why = "\"Novel\" is an empty word to a reviewer until the paper says novel compared to what."
    bad = "\\section{Introduction}\nWe propose a novel routing method. It is fast."
    good = "\\section{Introduction}\nWe propose a novel routing method. Unlike prior routers, it needs no training."
    fix = "Name the closest prior work and say how the contribution differs from it."

    def check(self, doc, ctx):
        for sent in ctx.sentences_in(self.scopes):
            if "novelty" not in sent.tags or not is_own_claim(sent, doc):
                continue
            if any(_CONTRAST.search(s.text) for s in [sent, *neighbours(sent, 1, 1)]):
                continue
            yield ctx.sentence_finding(sent, "novelty claim with no contrast to prior work nearby")


def _quoted(text: str, i: int) -> bool:
    """Position ``i`` is inside a “double-quoted” phrase (``...'' in the source) of the sentence."""
    before = text[:i]
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


@register
class AbsoluteClaim(_SentenceRule):
    code = "C203"
    accuracy = ("corpus review: 16 of 16 findings right, 12 of them no-cost (\"without compromising ...\"), "
                "no-exception (\"regardless of ...\") or sampled-generality (\"consistent across these data sets\") "
                "claims, one a threat ruled out (\"impossible to achieve in our framework\") (docs/accuracy.md).")
    name = "absolute-claim"
    severity = "warning"
    # a background section also states the paper's own threat model and guarantees ("attacks are
    # impossible in our framework"); cited work's claims there are not the paper's (is_own_claim)
    scopes = CLAIM_ROLES + ("background",)
    summary = ("Absolute or sweeping words on the paper's own results: \"always improves\", \"never fails\", \"completely solves\", "
               "\"solves the problem\", \"outperforms ... on all benchmarks\", \"is guaranteed to work\", a gain at no cost "
               "(\"without compromising accuracy\") and generality with no exception (\"regardless of the architecture\") or across "
               "a sampled set (\"consistent across these data sets\").")
    why = "Experiments on a few datasets cannot show \"always\"; reviewers read such words as overclaiming."
    bad = "\\section{Results}\nOur method always improves accuracy and completely solves the problem."
    good = "\\section{Results}\nOur method improved accuracy on all three benchmarks we tested."
    fix = "Say what was measured and where (\"on the three benchmarks we tested\"); keep proofs for proven statements."

    def check(self, doc, ctx):
        theory = any(c.name == "theorem-env" for c in doc.commands)
        for sent in ctx.sentences_in(self.scopes):
            text = sent.text
            m = _ABSOLUTE.search(text) if _holds_any(text, _ABSOLUTE_KEYS) else None
            if m is None and _holds_any(text, _NO_COST_KEYS):
                m = _NO_COST.search(text)
            if m is None and _holds_any(text, _GENERALITY_KEYS):
                m = _GENERALITY.search(text)
                if m and _QUALIFIED.search(text):
                    m = None  # "typically consistent across", "does not generalize well"
            if m is not None and m.re is not _ABSOLUTE and _beside_its_results(sent):
                continue  # "Table 2 summarizes ... keeps similar FID ... without sacrificing sample quality"
            if not m or not is_own_claim(sent, doc):
                continue
            if _quoted(text, m.start()):
                continue  # a slogan mentioned, not claimed: 'the lesson is not “larger is always better”'
            if _NOT_ABSOLUTE.search(text) or _HYPOTHETICAL.search(text):
                continue
            word = m.group(0).lower()
            if ("guarantee" in word or "prove" in word) and (theory or _THEORY.search(text)):
                continue  # a proven statement, not an empirical overclaim
            if m.re is _NO_COST and _SOME_COST.search(m.group(0)):
                continue  # "without sacrificing too much accuracy" admits a loss
            if m.re is _NO_COST:
                msg = f"no-cost claim \"{m.group(0)}\": say how much was lost, if anything, and where it was measured"
            elif m.re is _GENERALITY:
                msg = f"sweeping claim \"{m.group(0)}\": say on which datasets or models it was tested"
            else:
                msg = f"absolute claim \"{m.group(0)}\" on an empirical result"
            yield ctx.sentence_finding(sent, msg, m.start(), m.end())


@register
class UnsupportedSota(_SentenceRule):
    code = "C204"
    accuracy = ("corpus review: 5 of 5 findings right, all vague state-of-the-art claims in the abstract or introduction; 5 earlier "
                "wrong ones in the body (support two sentences away, in the next paragraph, or SOTA naming evaluated models) are handled.")
    name = "unsupported-sota"
    severity = "warning"
    scopes = ("experiments", "results", "analysis", "discussion", "method")
    summary = ("\"State-of-the-art\" or \"outperforms all\" with no table, figure or citation next to it in the body, or "
               "with no number, named benchmark or pointer in the abstract, introduction or conclusion.")
    why = ("A state-of-the-art claim is checked first; if the reader cannot find the evidence next to it, or the summary "
           "does not say on what and by how much, it reads as hype.")
    question = "State of the art on which benchmark, against which methods, and by how much?"
    bad = "\\section{Results}\nOur method outperforms all baselines. It is also simple."
    good = "\\section{Results}\nOur method outperforms all baselines (Table~\\ref{tab:main})."
    fix = "Point to the table or figure that shows it, and name the baselines compared."

    def check(self, doc, ctx):
        for sent in ctx.sentences_in(self.scopes):
            m = sota_claim(sent.text)
            if m and is_own_claim(sent, doc) and not (supported_nearby(sent) or _supported_next(doc, sent)
                                                      or _supported_before(sent)):
                yield ctx.sentence_finding(sent, f"\"{m.group(0)}\" without a table, figure or citation nearby", m.start(), m.end())
        # The abstract, introduction and conclusion summarise: a claim there is supported by its own
        # specifics or a pointer (the claim map's support), not by a citation (of the datasets, say).
        for claim in doc.claims:
            sent = claim["_sentence"]
            m = sota_claim(sent.text)
            if m and not _HYPOTHETICAL.search(sent.text) and not _SPECIFIC_SUPPORT & set(claim["support"]):
                yield ctx.sentence_finding(sent, f"\"{m.group(0)}\" with no number, benchmark or pointer to the results",
                                           m.start(), m.end())


@register
class SignificanceWithoutTest(_SentenceRule):
    code = "C205"
    accuracy = "corpus review: precision 0.93 (43 of 46 findings read right; docs/accuracy.md)."
    name = "significance-without-test"
    severity = "warning"
    scopes = ("abstract", "introduction", "experiments", "results", "analysis", "discussion", "conclusion")
    question = "Which statistical test supports \"significant\"? Please report it (e.g. a paired t-test or bootstrap CI over seeds)."
    summary = "\"Significant(ly)\" about results when the paper reports no statistical test of its comparisons."
    why = "Reviewers read \"significantly\" as a statistical claim; without a test it is an overclaim or an ambiguity."
    bad = "\\section{Results}\nOur method is significantly better than the baseline."
    good = "\\section{Results}\nOur method is better than the baseline (paired t-test, $p < 0.01$ over 5 seeds)."
    fix = "Report the test and p-value, or say \"substantially\" / give the size of the difference."

    def check(self, doc, ctx):
        tests = fact_evidence(doc, Fact.STATISTICAL_TEST)
        if any(e.get("compares", True) for e in tests):
            return  # a test of the comparisons (a correlation's p-values do not count)
        missing = "no statistical test of its comparisons" if tests else "no statistical test"
        for sent in ctx.sentences_in(self.scopes):
            m = _SIGNIFICANT.search(sent.text)
            if not m or _NON_STAT.search(sent.text) or not is_own_claim(sent, doc) or sent.role == "related_work":
                continue
            if "⟦cite⟧" in sent.text and not re.search(r"\b(we|our)\b", sent.text, re.I):
                continue
            word = re.search(r"significant(ly)?", m.group(0), re.I)
            a, b = m.start() + word.start(), m.start() + word.end()
            if _NOT_STAT_AFTER.match(sent.text, b) or _NOT_STAT_SENSE.match(sent.text, b):
                continue
            if re.search(r"\b(not|n't|no|never|without)\b(\s+\S+){0,5}\s*$", sent.text[:a], re.I):
                continue  # "does not reduce diversity significantly": no difference is claimed
            yield ctx.sentence_finding(sent, f"\"{word.group(0)}\" but the paper reports {missing}", a, b)


#: a statistical test named in the sentence
_TEST_NAMED = re.compile(r"\b(t-tests?|t tests?|wilcoxon|mann-whitney|anova|chi-squared?|permutation tests?|"
                         r"significance tests?|statistical tests?|hypothesis tests?|confidence (intervals?|levels?))\b", re.I)
#: what a test cannot give: certainty ("we can ascertain that", "we determined, with a 99% confidence
#: interval, that"), proof, or equality read from a difference it did not find
_TEST_CERTAINTY = re.compile(r"\b(ascertain\w*|determined,?( [^,.;]{0,60},)? that|prove[sdn]? that|proves|guarantee\w*|"
                             r"with (absolute )?certainty|beyond (any|all|reasonable) doubt)\b", re.I)
_TEST_EQUALITY = re.compile(r"\b(are|is|be|have|has|had|were|was)( \w+){0,3},? (equal|identical|equivalent|the same)\b|"
                            r"\bno difference (exists|between)\b", re.I)


@register
class SignificanceTestReadAsProof(_SentenceRule):
    code = "C211"
    name = "test-read-as-proof"
    severity = "warning"
    accuracy = "corpus review: 2 of 2 findings right, both labelled overclaims (tuned on those papers; docs/accuracy.md)."
    scopes = ("abstract", "experiments", "results", "analysis", "discussion", "conclusion")
    summary = ("A statistical test read as certainty or proof (\"with a t-test we can ascertain that ...\") or a difference "
               "it did not find read as equality (\"the test determined that both have equal throughput\").")
    why = ("A test bounds the chance of a wrong call at a chosen level; it proves nothing, and failing to find a difference "
           "is not evidence that there is none. Reviewers with statistics training read either as a misunderstanding.")
    question = "What p-value or interval did the test give? For equality, was an equivalence test (e.g. TOST) run?"
    bad = "\\section{Results}\nBy performing a paired t-test, we can ascertain that our approach improves throughput."
    good = "\\section{Results}\nA paired t-test over 10 runs rejects equal means ($p = 0.003$); the mean gain is 4.2\\% (95\\% CI 1.9--6.5)."
    fix = "Report the statistic, p-value or interval and say what it rejects; claim equality only after an equivalence test."

    def check(self, doc, ctx):
        for sent in ctx.sentences_in(self.scopes):
            text = sent.text
            if not _TEST_NAMED.search(text) or not is_own_claim(sent, doc):
                continue
            m = _TEST_CERTAINTY.search(text)
            what = "a test read as certainty"
            if m is None:
                m = _TEST_EQUALITY.search(text)
                what = "no difference read as equality"
            if m is None or re.search(r"\bequivalence test|\btost\b", text, re.I):
                continue
            yield ctx.sentence_finding(sent, f"{what}: \"{m.group(0)}\"; report the p-value or interval and what it rejects",
                                       m.start(), m.end())


#: what a method can be better at, by family: a claim of superiority on two families at once is
#: a claim that a trade-off (speed against accuracy, robustness against privacy) does not bind
_AXIS_FAMILY = {
    "efficiency": "cost", "speed": "cost", "runtime": "cost", "latency": "cost", "memory": "cost", "cost": "cost",
    "throughput": "cost", "scalability": "cost", "faster": "cost", "cheaper": "cost", "smaller": "cost",
    "lighter": "cost", "more efficient": "cost", "more scalable": "cost",
    "accuracy": "quality", "quality": "quality", "performance": "quality", "effectiveness": "quality",
    "precision": "quality", "fidelity": "quality", "more accurate": "quality", "better": "quality",
    "stronger": "quality", "more effective": "quality",
    "robustness": "robustness", "more robust": "robustness",
    "privacy": "privacy", "security": "privacy", "more private": "privacy", "more secure": "privacy",
}
_AXIS = (r"(?:(?:training|inference|computational|memory|time|sample|detection|prediction|overall|high|higher|better|"
         r"improved) )?(efficiency|speed|runtime|latency|memory|cost|throughput|scalability|accuracy|quality|performance|"
         r"effectiveness|precision|fidelity|robustness|privacy|security)")
_AXIS_ADJ = (r"(faster|cheaper|smaller|lighter|more efficient|more scalable|more accurate|better|stronger|more effective|"
             r"more robust|more private|more secure)")
_COMPARED = r"(?:compared (?:to|with)|than|over)"
_TWO_FRONTS = tuple(re.compile(p, re.I) for p in (
    # "outperforms the state of the art in both efficiency and accuracy", "in terms of training efficiency and accuracy"
    r"\b(?:outperform\w*|surpass\w*|beat\w*|better|superior|improv\w*|exceed\w*)\b[^.;]{0,50}?"
    r"\b(?:both|in terms of|with respect to|regarding)\s+(?:both\s+)?(?:the\s+)?" + _AXIS
    + r"\s+(?:and|as well as)\s+(?:the\s+)?" + _AXIS + r"\b",
    # "provides better robustness and privacy compared to previous work"
    r"\b(?:better|superior|improved|higher|greater)\s+" + _AXIS + r"\s+(?:and|as well as)\s+" + _AXIS + r"\s+" + _COMPARED + r"\b",
    # "corroborates the efficiency and high accuracy when compared with other baselines"
    r"\b" + _AXIS + r"\s+and\s+" + _AXIS + r"(?: of (?:our|the proposed) \w+)?,? (?:when )?" + _COMPARED + r"\b",
    # "a faster, more accurate model than DPM"
    r"\b" + _AXIS_ADJ + r"(?:,| and| yet| but also)\s+" + _AXIS_ADJ + r"\b[^.;]{0,40}\b" + _COMPARED + r"\b",
))
#: a hedge, or a cost the sentence itself admits ("10x speedups with a small accuracy drop")
_TWO_FRONTS_HEDGED = re.compile(r"\b(may|might|could|aims?|goal|whether|hope|potentially|not(?! only)|trade-?offs?|drops?|"
                                r"loss|degradation|sacrific\w*|at the (cost|expense))\b", re.I)
_NUMBER = re.compile(r"(?<![\w.])\d+(?:\.\d+)?(?:\s*(?:%|×|x\b|times\b))?")


#: word stems one of which every two-front claim holds, in the cost family (a substring test, so most
#: sentences never reach the four patterns)
_COST_STEMS = ("efficien", "speed", "runtime", "latency", "memory", "cost", "throughput", "scalab", "faster", "cheaper",
               "smaller", "lighter", "privacy", "private", "secur", "robust")


def _two_fronts(text: str) -> "re.Match | None":
    """The first claim in ``text`` of being better on two axes of different families."""
    low = text.lower()
    if not any(stem in low for stem in _COST_STEMS):
        return None  # every pair of different families holds a cost, privacy or robustness word
    for rx in _TWO_FRONTS:
        for m in rx.finditer(text):
            a, b = (g.lower() for g in m.groups()[-2:])
            if _AXIS_FAMILY.get(a, a) != _AXIS_FAMILY.get(b, b):
                return m
    return None


@register
class BetterOnTwoFronts(_SentenceRule):
    code = "C212"
    name = "trade-off-claim"
    severity = "warning"
    accuracy = ("corpus review: 5 of 5 findings right on 4 papers, all labelled overclaims; the forms were chosen reading "
                "those papers (tuned; docs/accuracy.md).")
    scopes = ("abstract", "introduction", "experiments", "results", "analysis", "discussion", "conclusion")
    summary = ("Better on two axes that usually trade off, at once (\"outperforms the state of the art in both efficiency "
               "and accuracy\", \"a faster, more accurate model than DPM\", \"better robustness and privacy compared to "
               "previous work\").")
    why = ("Speed and accuracy, robustness and privacy, cost and quality trade off; a method better on both is usually "
           "better on each at a different setting. Reviewers ask whether both hold at one operating point and look for "
           "the plot or table that shows them together.")
    question = "Are both better at the same operating point, or each at a different setting of the trade-off?"
    bad = "\\section{Introduction}\nOur detector outperforms the state of the art in both efficiency and accuracy."
    good = ("\\section{Introduction}\nAt 45 frames per second our detector reaches 63.4 mAP, against 26.1 mAP for the fastest "
            "prior detector at that speed (Figure~3 plots the trade-off).")
    fix = ("Show both at one operating point (a speed-accuracy curve, or one table with both columns) and give the numbers, "
           "or say which setting each advantage holds at.")

    def check(self, doc, ctx):
        for sent in ctx.sentences_in(self.scopes):
            text = sent.text
            m = _two_fronts(text)
            if m is None or _TWO_FRONTS_HEDGED.search(text) or not is_own_claim(sent, doc):
                continue
            if len(_NUMBER.findall(text)) >= 2:
                continue  # both advantages quantified in the sentence: the reader can weigh them
            if sent.role not in ("abstract", "introduction", "conclusion") and points_to_results(text):
                continue  # in the body, beside the figure or table that shows both
            yield ctx.sentence_finding(sent, f"better on two axes that usually trade off (\"{m.group(0)}\"): show both "
                                       "at one operating point", m.start(), m.end())


@register
class AbstractNumberUnsupported(Rule):
    code = "C207"
    name = "abstract-number-unsupported"
    category = "claims"
    severity = "info"
    default = False  # preview: derived numbers (differences, ratios) need more than a text match
    status = "preview"
    needs_nlp = True
    scopes = ("abstract",)
    question = "Where in the results does this number come from?"
    summary = "A number quoted in the abstract (a percentage, a factor, a decimal) that appears nowhere else in the paper."
    why = "Reviewers check headline numbers against the tables; one they cannot find costs trust in all the others."
    bad = ("\\begin{abstract}Our method is 38\\% faster.\\end{abstract}\n\\section{Results}\n"
           "\\begin{tabular}{cc}Dense & 4.10 \\\\ Ours & 2.95\\end{tabular}")
    good = ("\\begin{abstract}Our method is 28\\% faster.\\end{abstract}\n\\section{Results}\n"
            "Inference time drops by 28\\%.\n\\begin{tabular}{cc}Dense & 4.10 \\\\ Ours & 2.95\\end{tabular}")
    fix = "Make the number appear where it is measured (table or results text), or say how it is derived."

    def check(self, doc, ctx):
        numbers = doc.abstract_numbers
        if not any(s.role in ("experiments", "results", "analysis") for s in doc.sections) and not doc.tables:
            return
        for n in numbers:
            if n["found_elsewhere"]:
                continue
            yield ctx.sentence_finding(n["_sentence"], f"the abstract's \"{n['number']}\" appears nowhere in the results",
                                       n["_start"], n["_end"])
