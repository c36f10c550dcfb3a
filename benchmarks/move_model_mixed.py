"""Would a model trained on the licensed datasets *and* the labels help the cues? A measurement.

    python benchmarks/move_model_mixed.py                 # table on stdout (~5 min)
    python benchmarks/move_model_mixed.py --labels-only   # without the datasets

``move_model_lopo.py`` trained on the 28 labelled papers alone and used a fixed 0.5 threshold.
This script asks the question the way a shipped model would be used:

* training data: the labelled framing sentences of the other papers (leave-one-paper-out) plus
  the *even* lines of the datasets whose licences allow shipping weights (SAMD CC BY 4.0,
  CSAbstruct Apache-2.0, Kilicoglu MIT), each mapped to the moves it labels; moves a dataset
  does not label are missing for its rows (spaCy masks them in the loss), so SAMD never teaches
  "not a phenomenon";
* input: the sentence's words, its section role and the cue tags as extra tokens;
* decision, per move: ``(cue and p >= keep) or p >= add`` -- the model may veto a cue and may add
  a tag the cues missed; ``keep``/``add`` are chosen on the tuning half of the papers (their
  out-of-fold probabilities) and the same values are scored on the held-out half.

Nothing here ships; the labels and datasets never leave ``../shared``.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO / "benchmarks"))

import accuracy  # noqa: E402
import agreement  # noqa: E402
import move_model_lopo  # noqa: E402

MOVES = agreement.MOVES

#: dataset -> (label -> moves it means, moves the dataset decides)
MAPPING = {
    "abstract_moves_samd": ({"Background": {"background"}, "Gap": {"gap"}, "Purpose": {"contribution"},
                             "Contribution": {"contribution"}, "Method": {"contribution"},
                             "Result": {"result"}, "Implication": {"impact"}},
                            {"background", "gap", "contribution", "result", "impact"}),
    "abstract_roles_csabstruct": ({"background": {"background"}, "objective": {"contribution"},
                                   "method": {"contribution"}, "result": {"result"}},
                                  {"background", "contribution", "result"}),
    "limitations_kilicoglu": ({"limitation": {"limitation"}}, {"limitation"}),
}


def dataset_rows() -> list[dict]:
    from texlint.nlp.tagger import tag_texts

    out = []
    for ds, (labels, decided) in MAPPING.items():
        rows = [r for r in accuracy.load(ds) if r["_half"] == "even"]
        roles = [accuracy.role_of(ds, r) for r in rows]
        tags = tag_texts([r["text"] for r in rows], roles)
        for r, role, t in zip(rows, roles, tags):
            lab = r["label"] if isinstance(r["label"], list) else [r["label"]]
            gold = set().union(*(labels.get(x, set()) for x in lab))
            out.append({"paper": f"ds:{ds}", "text": " ".join(r["text"].split()), "role": role,
                        "cues": sorted(x for x in t if x in MOVES), "gold": gold, "decided": decided})
    return out


def load_rows() -> tuple[list[dict], list[dict]]:
    """The labelled sentences (every move decided) and the mapped dataset sentences."""
    labelled = move_model_lopo.rows()
    for r in labelled:
        r["decided"] = set(MOVES)
    return labelled, dataset_rows()


def model_input(r: dict) -> str:
    return f"role_{r['role']} " + " ".join(f"cue_{c}" for c in r["cues"]) + " " + r["text"].lower()


def train(rows: list[dict], seed: int = 0, epochs: int = 8, label_weight: int = 3):
    import spacy
    from spacy.training import Example

    rng = random.Random(seed)
    nlp = spacy.blank("en")
    textcat = nlp.add_pipe("textcat_multilabel", config={"model": {
        "@architectures": "spacy.TextCatBOW.v3", "exclusive_classes": False, "ngram_size": 2,
        "no_output_layer": False, "length": 2 ** 18}})
    for m in MOVES:
        textcat.add_label(m)
    examples = []
    for r in rows:
        eg = Example.from_dict(nlp.make_doc(model_input(r)),
                               {"cats": {m: float(m in r["gold"]) for m in MOVES if m in r["decided"]}})
        examples.extend([eg] * (label_weight if not r["paper"].startswith("ds:") else 1))
    optimizer = nlp.initialize(lambda: examples[:200])
    for _ in range(epochs):
        rng.shuffle(examples)
        for i in range(0, len(examples), 64):
            nlp.update(examples[i:i + 64], sgd=optimizer, drop=0.2)
    return nlp


def predict(nlp, rows: list[dict]) -> list[dict[str, float]]:
    return [dict(d.cats) for d in nlp.pipe(model_input(r) for r in rows)]


def decide(cue: bool, p: float, keep: float, add: float) -> bool:
    return (cue and p >= keep) or p >= add


GRID_KEEP = [0.0, 0.02, 0.05, 0.1, 0.15, 0.2, 0.3, 0.4]
GRID_ADD = [0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.01]


def f1(pairs) -> float:
    return move_model_lopo.prf(pairs)[2]


def main() -> int:
    labelled, extra = load_rows()
    papers = sorted({r["paper"] for r in labelled})
    use_extra = "--labels-only" not in sys.argv
    probs: list[dict[str, float] | None] = [None] * len(labelled)
    for k, paper in enumerate(papers):
        test_idx = [i for i, r in enumerate(labelled) if r["paper"] == paper]
        train_rows = [r for r in labelled if r["paper"] != paper] + (extra if use_extra else [])
        nlp = train(train_rows)
        for i, p in zip(test_idx, predict(nlp, [labelled[i] for i in test_idx])):
            probs[i] = p
        print(f"fold {k + 1}/{len(papers)}", file=sys.stderr, flush=True)
    halves = {i: agreement.split_of(r["paper"], papers) for i, r in enumerate(labelled)}
    print(f"{len(labelled)} labelled sentences of {len(papers)} papers, leave-one-paper-out; "
          f"{len(extra) if use_extra else 0} dataset sentences (even halves) in every fold\n")
    print("| move | gold | F1 cues tune | held-out | keep, add (tuned) | F1 cues+model tune | held-out | all |")
    print("|---|---:|---:|---:|---|---:|---:|---:|")
    for m in MOVES:
        def pairs(half, keep=None, add=None):
            for i, r in enumerate(labelled):
                if half != "all" and halves[i] != half:
                    continue
                cue = m in r["cues"]
                yield (m in r["gold"], cue if keep is None else decide(cue, probs[i][m], keep, add))
        best = max(((f1(pairs("tune", a, b)), -abs(a) - abs(1.01 - b), a, b)
                    for a in GRID_KEEP for b in GRID_ADD))
        _, _, a, b = best
        gold = sum(m in r["gold"] for r in labelled)
        print(f"| `{m}` | {gold} | {f1(pairs('tune')):.2f} | {f1(pairs('held-out')):.2f} | {a:g}, {b:g} | "
              f"{f1(pairs('tune', a, b)):.2f} | {f1(pairs('held-out', a, b)):.2f} | {f1(pairs('all', a, b)):.2f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
