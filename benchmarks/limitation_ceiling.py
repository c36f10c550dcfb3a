"""How far can a per-sentence limitation tagger go on the Kilicoglu et al. (2018) dev half?

    python benchmarks/limitation_ceiling.py

The target (F1 0.80) is the published rule-based system's, and that system decides from
document structure: a sentence counts when it sits in a paragraph that announces the study's
limitations (their ``RuleBasedLimitationSentenceRecognizer``), not from its own words. Our
dataset rows are single sentences with a section title, so this script measures three things
on the same rows, training on the even lines and scoring the odd ones:

* ``tagger``: texlint's tagger (no training; the same numbers as ``accuracy.py``'s odd column);
* ``bag-of-words SVM``: a linear SVM on word uni- and bigrams plus the section role, trained on
  the even half: what a supervised lexical classifier of single sentences reaches (needs
  scikit-learn, which texlint does not depend on; skipped when it is absent);
* ``id adjacency``: no text at all, only "another row of the same article lies within 3
  sentence numbers, in a discussion-like section". The rows' ids carry the article and the
  sentence number, and limitation sentences were sampled in dense runs, so this leaks the
  label. It is printed to show why texlint's benchmark never reads the ids: a context rule
  fed with dataset neighbours would score the sampling, not the language.

It also splits the score by the rows' ``split`` field: ``seed`` rows were labelled by hand,
``semi`` rows by the authors' self-training, and the two disagree on announcements such as
"Our study has several limitations." (seed: other; semi: limitation).
"""

from __future__ import annotations

import re
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from accuracy import DATASETS, load, prf, role_of  # noqa: E402

from texlint.nlp.tagger import tag_texts  # noqa: E402

DATASET = "limitations_kilicoglu"
_DISCUSSION_LIKE = {"discussion", "conclusion", "limitations", None}


def _article_and_number(row: dict) -> tuple[str, int]:
    article, _, rest = row["id"].rpartition("_S")
    m = re.match(r"\d+", rest)
    return article, int(m.group()) if m else -1


def adjacency_predictions(rows: list[dict], window: int = 3) -> list[bool]:
    numbers: dict[str, list[int]] = defaultdict(list)
    for r in rows:
        a, n = _article_and_number(r)
        numbers[a].append(n)
    out = []
    for r in rows:
        a, n = _article_and_number(r)
        near = any(0 < abs(m - n) <= window for m in numbers[a])
        out.append(near and role_of(DATASET, r) in _DISCUSSION_LIKE)
    return out


def svm_predictions(rows: list[dict], train: list[int], test: list[int]) -> list[bool] | None:
    try:
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.svm import LinearSVC
    except ImportError:
        return None
    texts = [f"ROLE_{role_of(DATASET, r)} {r['text']}" for r in rows]
    vec = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True)
    x_train = vec.fit_transform([texts[i] for i in train])
    model = LinearSVC(C=1.0, class_weight="balanced").fit(x_train, [rows[i]["label"] == "limitation" for i in train])
    return [bool(p) for p in model.predict(vec.transform([texts[i] for i in test]))]


def main() -> int:
    if not (DATASETS / f"{DATASET}.dev.jsonl").is_file():
        print(f"no {DATASET}.dev.jsonl under {DATASETS}", file=sys.stderr)
        return 1
    rows = load(DATASET)
    gold = [r["label"] == "limitation" for r in rows]
    train = [i for i, r in enumerate(rows) if r["_half"] == "even"]
    test = [i for i, r in enumerate(rows) if r["_half"] == "odd"]
    tags = tag_texts([r["text"] for r in rows], [role_of(DATASET, r) for r in rows])
    tagger = ["limitation" in t for t in tags]
    adjacency = adjacency_predictions(rows)
    lines = ["| predictor (odd half, n pos = %d) | P | R | F1 |" % sum(gold[i] for i in test), "|---|---|---|---|"]

    def row(name: str, pred: list[bool]) -> None:
        p, r, f, _ = prf([gold[i] for i in test], pred)
        lines.append(f"| {name} | {p:.3f} | {r:.3f} | {f:.3f} |")

    row("tagger (texlint, per sentence)", [tagger[i] for i in test])
    svm = svm_predictions(rows, train, test)
    if svm is None:
        lines.append("| bag-of-words SVM | – | – | (scikit-learn not installed) |")
    else:
        row("bag-of-words SVM trained on the even half", svm)
    row("id adjacency (no text: a sampling leak)", [adjacency[i] for i in test])
    print("\n".join(lines))
    print()
    for split in ("seed", "semi"):
        idx = [i for i, r in enumerate(rows) if r.get("split") == split]
        if idx:
            p, r, f, n = prf([gold[i] for i in idx], [tagger[i] for i in idx])
            print(f"tagger on {split} rows (all halves): P {p:.3f} R {r:.3f} F1 {f:.3f} (n pos {n}, rows {len(idx)})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
