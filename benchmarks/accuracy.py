"""Measure the rhetorical-move tagger against public labeled sentence datasets.

    python benchmarks/accuracy.py                 # table on stdout + docs/accuracy.md
    python benchmarks/accuracy.py --errors gap    # also list misses/false alarms (tuning half)
    python benchmarks/accuracy.py --split test    # score ``*.test.jsonl`` halves (table on stdout only)

Reads ``../shared/datasets/*.{split}.jsonl`` (default ``dev``) relative to the repository root (override with
``TEXLINT_SHARED``). Every dataset is split by line number: even lines are the tuning half,
odd lines the held-out check; both are reported so overfitting to the tuning half shows.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from texlint.latex.roles import role_from_title  # noqa: E402
from texlint.nlp.tagger import tag_texts  # noqa: E402

SHARED = Path(os.environ.get("TEXLINT_SHARED", REPO.parent / "shared"))
DATASETS = SHARED / "datasets"
DOC = REPO / "docs" / "accuracy.md"
FP_HEADING = "## False-positive review on the corpus"
FP_DEFAULT = "To be filled by the argument-rules work.\n"


@dataclass(frozen=True)
class Task:
    dataset: str  # file stem before .dev.jsonl
    label: str  # shown in the table
    move: str  # tagger move
    positive: Callable[[object], bool]
    target: float | None = None  # F1 target on the full dev file
    keep: Callable[[dict], bool] = lambda row: True


def _has(name: str) -> Callable[[object], bool]:
    def f(label: object) -> bool:
        if isinstance(label, list):
            return name in label
        return label == name

    return f


TASKS: list[Task] = [
    Task("uncertainty_szeged", "Szeged uncertain", "hedge", _has("uncertain"), 0.75),
    Task("limitations_kilicoglu", "Kilicoglu limitation", "limitation", _has("limitation"), 0.80),
    Task("claims_nlp_cnp", "CNP contribution-AIC", "contribution", _has("contribution-AIC"), 0.60),
    Task("abstract_moves_samd", "SAMD Gap", "gap", _has("Gap"), 0.50),
    Task("claim_strength_yu", "Yu direct_causal", "strong_claim", _has("direct_causal"), 0.60),
    Task("claims_nlp_cnp", "CNP result", "result", _has("result")),
    Task("claims_nlp_cnp", "CNP impact", "impact", _has("impact")),
    Task("claims_nlp_cnp", "CNP limitation", "limitation", _has("limitation")),
    Task("abstract_moves_samd", "SAMD Implication", "impact", _has("Implication")),
    Task("abstract_moves_samd", "SAMD Purpose", "aim", _has("Purpose")),
    Task("abstract_moves_samd", "SAMD Contribution", "contribution", _has("Contribution")),
    Task("abstract_moves_samd", "SAMD Purpose+Contribution", "contribution",
         lambda lab: _has("Purpose")(lab) or _has("Contribution")(lab)),
    Task("abstract_moves_samd", "SAMD Result", "result", _has("Result")),
    Task("abstract_roles_csabstruct", "CSAbstruct objective", "aim", _has("objective")),
    Task("abstract_roles_csabstruct", "CSAbstruct result", "result", _has("result")),
    Task("az_uci", "UCI AIM", "aim", _has("AIM")),
    Task("az_uci", "UCI CONTRAST", "gap", _has("CONTRAST")),
    Task("contributions_ncg", "NCG contribution", "contribution", _has("contribution")),
    Task("claim_strength_yu", "Yu any causal (direct+conditional) vs hedge", "hedge", _has("conditional_causal"),
         keep=lambda row: row["label"] in ("conditional_causal", "direct_causal")),
]

#: Datasets whose sentences all come from one kind of section.
_FIXED_ROLE = {"abstract_moves_samd": "abstract", "abstract_roles_csabstruct": "abstract"}


def role_of(dataset: str, row: dict) -> str | None:
    if dataset in _FIXED_ROLE:
        return _FIXED_ROLE[dataset]
    section = row.get("section")
    if isinstance(section, str) and section.strip():
        return role_from_title(section)
    return None


def load(dataset: str, split: str = "dev") -> list[dict]:
    path = DATASETS / f"{dataset}.{split}.jsonl"
    rows = []
    with open(path, encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            if line.strip():
                row = json.loads(line)
                row["_half"] = "even" if i % 2 == 0 else "odd"
                rows.append(row)
    return rows


def prf(gold: list[bool], pred: list[bool]) -> tuple[float, float, float, int]:
    tp = sum(g and p for g, p in zip(gold, pred))
    fp = sum(p and not g for g, p in zip(gold, pred))
    fn = sum(g and not p for g, p in zip(gold, pred))
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f, tp + fn


def _ranks(xs: list[float]) -> list[float]:
    order = sorted(range(len(xs)), key=lambda i: xs[i])
    ranks = [0.0] * len(xs)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and xs[order[j + 1]] == xs[order[i]]:
            j += 1
        avg = (i + j) / 2 + 1
        for k in range(i, j + 1):
            ranks[order[k]] = avg
        i = j + 1
    return ranks


def spearman(a: list[float], b: list[float]) -> float:
    ra, rb = _ranks(a), _ranks(b)
    n = len(a)
    ma, mb = sum(ra) / n, sum(rb) / n
    cov = sum((x - ma) * (y - mb) for x, y in zip(ra, rb))
    va = sum((x - ma) ** 2 for x in ra) ** 0.5
    vb = sum((y - mb) ** 2 for y in rb) ** 0.5
    return cov / (va * vb) if va and vb else 0.0


def certainty_score(tags: frozenset[str]) -> float:
    """A graded certainty from the moves: hedges lower it, strong claims raise it."""
    return 3.0 + (1.0 if "strong_claim" in tags else 0.0) - (1.0 if "hedge" in tags else 0.0)


def evaluate(errors: str | None = None, limit: int = 40, split: str = "dev") -> dict:
    cache: dict[str, tuple[list[dict], list[frozenset[str]]]] = {}
    total_sents = 0
    total_time = 0.0
    for ds in sorted({t.dataset for t in TASKS} | {"certainty_pei"}):
        if not (DATASETS / f"{ds}.{split}.jsonl").is_file():
            continue
        rows = load(ds, split)
        t0 = time.perf_counter()
        tags = tag_texts([r["text"] for r in rows], [role_of(ds, r) for r in rows])
        total_time += time.perf_counter() - t0
        total_sents += len(rows)
        cache[ds] = (rows, tags)
    results = []
    for task in TASKS:
        if task.dataset not in cache:
            continue
        rows, tags = cache[task.dataset]
        line = {"task": task, "halves": {}}
        for half in ("all", "even", "odd"):
            idx = [i for i, r in enumerate(rows) if (half == "all" or r["_half"] == half) and task.keep(r)]
            gold = [task.positive(rows[i]["label"]) for i in idx]
            pred = [task.move in tags[i] for i in idx]
            line["halves"][half] = prf(gold, pred)
        results.append(line)
        if errors and errors in (task.move, task.label):
            print(f"\n### {task.label} / {task.move}: errors on the even (tuning) half")
            fn = [i for i, r in enumerate(rows) if r["_half"] == "even" and task.keep(r)
                  and task.positive(r["label"]) and task.move not in tags[i]]
            fp = [i for i, r in enumerate(rows) if r["_half"] == "even" and task.keep(r)
                  and not task.positive(r["label"]) and task.move in tags[i]]
            for kind, ids in (("MISS", fn), ("FALSE", fp)):
                for i in ids[:limit]:
                    print(f"{kind} [{role_of(task.dataset, rows[i])}] {sorted(tags[i])} | {rows[i]['text'][:200]}")
    pei = None
    if "certainty_pei" in cache:
        rows, tags = cache["certainty_pei"]
        pei = {}
        for half in ("all", "even", "odd"):
            idx = [i for i, r in enumerate(rows) if half == "all" or r["_half"] == half]
            pei[half] = (spearman([certainty_score(tags[i]) for i in idx], [float(rows[i]["label"]) for i in idx]), len(idx))
    return {"results": results, "pei": pei, "sentences": total_sents, "seconds": total_time}


def render(ev: dict) -> str:
    out = []
    out.append("| dataset / label | move | target F1 | P | R | F1 | n pos | F1 even (tune) | F1 odd (held out) | met |")
    out.append("|---|---|---|---|---|---|---|---|---|---|")
    for line in ev["results"]:
        t = line["task"]
        p, r, f, n = line["halves"]["all"]
        fe = line["halves"]["even"][2]
        fo = line["halves"]["odd"][2]
        target = f"{t.target:.2f}" if t.target is not None else "–"
        met = "" if t.target is None else ("yes" if f >= t.target else "**no**")
        out.append(f"| {t.label} | {t.move} | {target} | {p:.3f} | {r:.3f} | {f:.3f} | {n} | {fe:.3f} | {fo:.3f} | {met} |")
    if ev["pei"]:
        a, e, o = ev["pei"]["all"], ev["pei"]["even"], ev["pei"]["odd"]
        out.append("")
        out.append(
            f"Pei & Jurgens certainty (1–6), Spearman ρ of `3 + strong_claim − hedge`: "
            f"{a[0]:.3f} (n={a[1]}; even {e[0]:.3f}, odd {o[0]:.3f})."
        )
    rate = ev["sentences"] / ev["seconds"] if ev["seconds"] else 0.0
    out.append("")
    out.append(f"Speed: {ev['sentences']} sentences tagged in {ev['seconds']:.2f} s ({rate:,.0f} sentences/s, "
               "including tokenization; one process).")
    return "\n".join(out) + "\n"


METHOD = """\
# Rhetorical-move tagger: accuracy

Generated by `python benchmarks/accuracy.py` (do not edit the table by hand).

## Method

`texlint.nlp.tagger` tags each sentence with zero or more moves (`contribution`, `gap`, `hedge`,
`limitation`, `strong_claim`, ...). It runs spaCy's blank English pipeline with texlint's own
tokenizer, lemma keys and sentence splitter; the cue vocabulary lives in
`src/texlint/nlp/vocab/moves.toml` (cue phrases matched on lower-cased words or lemma keys, and short
token patterns), compiled once per pipeline into phrase tables on lower-cased words and on lemma
keys (a dict lookup per position, matching what a spaCy `PhraseMatcher` would) and token-pattern
`Matcher`s. The
moves are decided in code from the cue hits with context: negation before a cue ("do not
outperform", "no significant"), epistemic modals that turn a causal or sweeping claim into a
hedged one, the claimant (novelty and contribution need "we"/"our"/"this paper"; a sentence
that cites and never says we/our reports someone else's claim), and the section role
(limitation vocabulary counts in discussion/limitations sections or for the authors' own
work; problem vocabulary in related work about others is a gap).

The cue inventories come from the literature rather than from the data: hedging cues from the
CoNLL-2010 / Szeged uncertainty guidelines and Hyland's hedge and booster lists, limitation cues
after Kilicoglu et al. (2018), direct-causal vs. correlational/conditional language after Yu et
al. (2019), and move cues after Swales' CARS model and argumentative zoning. Each dataset below
is the dev half of a public corpus (`../shared/datasets`, never copied into the repository).
Datasets are split by line number: even lines were used to look at errors while writing the
cue lists, odd lines were not looked at, so the `F1 even` vs `F1 odd` columns show how much the
lists are fitted to the tuning half. Section roles, where a dataset has section titles, come
from `texlint.latex.roles.role_from_title`; SAMD and CSAbstruct are abstracts. The "move" is
the tag compared with the dataset label (a sentence is positive when the label is present);
the first five rows have targets. Labels that do not correspond one-to-one to a move (SAMD
Purpose vs. Contribution, CSAbstruct objective) are reported for information only.

Known gap: Kilicoglu limitation is below its target (F1 about 0.75 on both halves, 0.80
asked). The 0.80 is the published rule-based system's, and that system decides from document
structure, not from a sentence's words: a sentence counts when it sits in a paragraph that
announces the study's limitations ("This study has several limitations.", their
`RuleBasedLimitationSentenceRecognizer`), so "The cohort came from one hospital." is a
limitation there and nothing here. The dataset rows are single sentences with a section title,
no paragraphs. `python benchmarks/limitation_ceiling.py` measures how far words can go on them:
a linear SVM on word uni- and bigrams plus the section role, *trained* on the even half, scores
F1 0.754 on the odd half, where the tagger scores 0.758; so a per-sentence reader is at its
ceiling and the missing 0.05 is context. The same script shows why the benchmark never reads
the rows' ids: "another row of this article lies within three sentence numbers" alone, with
no text, scores 0.867, because limitation sentences were sampled in dense runs; a context rule
fed with dataset neighbours would score the sampling. texlint itself does read paragraphs: in
a real document a limitation announcement makes the rest of its paragraph, and the list items
after it, limitations (`tag_paragraph`, until "However, ...", "Despite these limitations",
or an outline sentence); that context is tested on fixtures and added 5 limitation sentences
on the corpus, all right, but cannot be measured on this dataset. The dataset also mixes
hand labels (`seed`, 374 rows: tagger F1 0.68) with the authors' self-training labels
(`semi`, 3,104 rows: 0.76), which disagree on announcements (seed: "other"). Earlier general
changes for it: a plain-text numeric citation ("[12]", "et al.") marks a reported claim,
interpretations ("these findings suggest ...") and bare hedges or enumerations without a
limitation cue no longer count in discussions, "not only" is not a negation,
"implicit/inductive bias" is not a study bias. `tests/test_tagger.py` holds this score at a
regression floor (0.74) and keeps the 0.80 target as a strict expected failure, so meeting it
one day fails the test until this paragraph and the test are updated.

CNP contribution-AIC now meets its target through two general cues: "we" followed by an action
verb in an abstract or introduction (the authors' own action; not modals, epistemic verbs or
questions), and impersonal method descriptions in abstracts ("X is performed / are extracted",
not "has been studied", not with a result, gap or hedge cue). CNP labels such method
descriptions as contributions, SAMD labels them "Method", so SAMD Purpose+Contribution (an
information-only row) went down from 0.54 to 0.47: the two corpora disagree, and the target is
CNP's. Precision fixes from real papers: `impact` is what the work enables or why it matters
(no code availability, no bare "impact"/"benefit"; "enables", "allows", "important/crucial
for" only in the abstract, introduction or conclusion, not "allows us to");
`efficiency_claim` needs a resource word ("memory usage", not "short-term memory");
`scale_claim` needs the method to scale ("scales to", "billions of parameters"), not "large
scale X" or "thousands of times faster" ("improves with scale" is one, "with scale factor 2" is
not). A `limitation` in a method, experiments, results, analysis or appendix section is not the
authors' own negated action alone ("we do not perform additional preprocessing", "the
implementations we tested were not faster"): there it describes a choice or a finding, unless
the sentence says they could not, had to, or leave it for later ("could not", "due to",
"beyond the scope", "future"), or names a limitation; nor are the method's stated assumptions
("we assume that the bits are i.i.d.", "where the hashes do not match, ...": a case, not a
weakness); "without loss of generality, we assume" restricts nothing. Read on the corpus (not
the labels): 31 sentences of 199 such tags dropped, 30 of them rightly; the one lost is
"However, we did not answer the difficult question of which kernel to use". Dataset figures
unchanged or up (Kilicoglu precision 0.726 -> 0.727, CNP limitation F1 0.288 -> 0.291).

Yu direct_causal (odd half 0.575 before the following changes, 0.641 after) follows Yu et al.'s annotation guideline
more closely: "X can reduce Y" states an ability and stays a direct causal claim (only "may",
"might", "could" make it conditional), a recommendation ("should", "ought to") makes no claim,
a passive names its cause with "by" ("was improved by X", not "was increased in patients"), a
causal adjective counts when predicated ("is an effective treatment", not "effective treatment
modalities"), and irregular participles share their verb's lemma ("driven", "undergone"). For
contributions, "we conclude/suggest" is not an action of the authors, a passive that
describes current practice ("captions are currently produced by stenographers") is not the
paper's method, and a single author's "I"/"my" is a claimant like "we" (not "(i)" or
"Type I error").

`python benchmarks/accuracy.py --split test` scores the `*.test.jsonl` halves with the same
tasks (table on stdout only; this file records the dev split). The same sentences can be
tagged from the shell: `texlint tag rows.jsonl` reads JSON Lines with a `text` field and an
optional `role` or `section` title, which is how the dataset rows carry their section.

## Results (dev halves)

"""


def write_doc(table: str) -> None:
    tail = FP_HEADING + "\n\n" + FP_DEFAULT
    if DOC.is_file():
        old = DOC.read_text(encoding="utf-8")
        if FP_HEADING in old:
            tail = old[old.index(FP_HEADING):]
    DOC.parent.mkdir(parents=True, exist_ok=True)
    DOC.write_text(METHOD + table + "\n" + tail, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--errors", help="list errors of this move (or table label) on the tuning half")
    ap.add_argument("--limit", type=int, default=40)
    ap.add_argument("--no-write", action="store_true", help="do not rewrite docs/accuracy.md")
    ap.add_argument("--split", default="dev", help="which files to read: DATASET.{split}.jsonl (dev, test)")
    args = ap.parse_args(argv)
    if not DATASETS.is_dir():
        print(f"no datasets at {DATASETS}", file=sys.stderr)
        return 1
    if not any(DATASETS.glob(f"*.{args.split}.jsonl")):
        print(f"no *.{args.split}.jsonl files at {DATASETS}", file=sys.stderr)
        return 1
    ev = evaluate(args.errors, args.limit, args.split)
    table = render(ev)
    print(f"split: {args.split}\n")
    print(table)
    if args.split != "dev":
        print("(docs/accuracy.md records the dev split; not rewritten)")
    elif not args.no_write:
        write_doc(table)
        print(f"wrote {DOC.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
