"""Would a small trained model help the move tagger? A leave-one-paper-out measurement.

    python benchmarks/move_model_lopo.py            # table on stdout

Reads the labelled framing sentences of ``../shared/labels/sentences`` (as texlint's own
sentences, found as in ``benchmarks/agreement.py``) and, for each of the 28 papers in turn,
trains spaCy's ``textcat_multilabel`` (bag of words, uni- and bigrams) on the other 27 papers
and predicts the held-out paper's sentences. Three inputs are compared: the cues alone (the
tagger as shipped), the model on the words, and the model on the words plus the section role
and the cue tags as extra tokens (a model that re-ranks what the cues propose). Nothing here
ships: it measures whether training is worth it, with the labels never leaving ``../shared``.
"""

from __future__ import annotations

import random
import sys
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO / "benchmarks"))

import agreement  # noqa: E402

MOVES = agreement.MOVES


def rows() -> list[dict]:
    """(paper, text, role, cue tags, gold moves) of every labelled sentence texlint found."""
    import json

    out = []
    for paper_id, main in agreement.papers():
        doc = agreement.lint(main)
        index = defaultdict(list)
        for p in doc.prose:
            if p.kind not in ("body", "item") or p.role not in agreement.FRAMING_ROLES:
                continue
            for s in p.sentences:
                loc = doc.prose_location(p, s.start, s.end)
                index[loc.file].append((loc.line, loc.end_line, set(agreement.words(s.text)), s))
        for line in (agreement.LABELS / "sentences" / f"{paper_id}.jsonl").read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            qw = set(agreement.words(row["quote"]))
            best, score = None, 0.0
            for first, last, ws, s in index.get(row["file"], ()):
                if qw and first - 2 <= row["line"] <= last + 2:
                    sc = len(qw & ws) / len(qw) + (0.5 if first <= row["line"] <= last else 0.0)
                    if sc > score:
                        best, score = s, sc
            if best is None or score < 0.9:
                continue
            out.append({"paper": paper_id, "text": " ".join(best.text.split()), "role": best.role,
                        "cues": sorted(t for t in best.tags if t in MOVES), "gold": set(row["moves"])})
    return out


def _input(r: dict, with_cues: bool) -> str:
    if not with_cues:
        return r["text"]
    return f"ROLE_{r['role']} " + " ".join(f"CUE_{c}" for c in r["cues"]) + " " + r["text"]


def train_predict(train: list[dict], test: list[dict], with_cues: bool, seed: int = 0) -> list[set[str]]:
    import spacy
    from spacy.training import Example

    random.seed(seed)
    nlp = spacy.blank("en")
    textcat = nlp.add_pipe("textcat_multilabel", config={"model": {
        "@architectures": "spacy.TextCatBOW.v3", "exclusive_classes": False, "ngram_size": 2, "no_output_layer": False}})
    for m in MOVES:
        textcat.add_label(m)
    examples = [Example.from_dict(nlp.make_doc(_input(r, with_cues)), {"cats": {m: float(m in r["gold"]) for m in MOVES}})
                for r in train]
    optimizer = nlp.initialize(lambda: examples)
    for _epoch in range(12):
        random.shuffle(examples)
        for i in range(0, len(examples), 32):
            nlp.update(examples[i:i + 32], sgd=optimizer, drop=0.2)
    out = []
    for doc in nlp.pipe(_input(r, with_cues) for r in test):
        out.append({m for m, v in doc.cats.items() if v >= 0.5})
    return out


def prf(pairs) -> tuple[float, float, float]:
    pairs = list(pairs)
    tp = sum(1 for g, p in pairs if g and p)
    fp = sum(1 for g, p in pairs if p and not g)
    fn = sum(1 for g, p in pairs if g and not p)
    prec = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / (tp + fn) if tp + fn else 0.0
    return prec, rec, (2 * prec * rec / (prec + rec) if prec + rec else 0.0)


def main() -> int:
    data = rows()
    papers = sorted({r["paper"] for r in data})
    preds = {"words": [None] * len(data), "words+cues": [None] * len(data)}
    for paper in papers:
        test_idx = [i for i, r in enumerate(data) if r["paper"] == paper]
        train = [r for r in data if r["paper"] != paper]
        for name, with_cues in (("words", False), ("words+cues", True)):
            got = train_predict(train, [data[i] for i in test_idx], with_cues)
            for i, g in zip(test_idx, got):
                preds[name][i] = g
    print(f"{len(data)} sentences of {len(papers)} papers, leave-one-paper-out\n")
    print("| move | gold | F1 cues | F1 model (words) | F1 model (words + role + cues) |")
    print("|---|---:|---:|---:|---:|")
    for m in MOVES:
        gold = [m in r["gold"] for r in data]
        cues = prf(zip(gold, [m in r["cues"] for r in data]))[2]
        words = prf(zip(gold, [m in p for p in preds["words"]]))[2]
        both = prf(zip(gold, [m in p for p in preds["words+cues"]]))[2]
        print(f"| `{m}` | {sum(gold)} | {cues:.2f} | {words:.2f} | {both:.2f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
