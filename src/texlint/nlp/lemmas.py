"""A small deterministic lemma normaliser so lemma matching works without a trained model.

spaCy's blank English pipeline has no lemmatizer, and the lookup tables live in an optional
package. Rules only need *consistency*: "prove", "proves", "proved" and "proving" must share
one lemma, and a pattern written as ``{"LEMMA": "prove"}`` must be normalised the same way.
So this is a light stemmer with an irregular-form table, not a dictionary lemmatizer: its
output is a matching key, not always an English word.
"""

from __future__ import annotations

from functools import lru_cache

_IRREGULAR = {
    "is": "be", "are": "be", "was": "be", "were": "be", "been": "be", "being": "be", "am": "be",
    "has": "have", "had": "have", "having": "have",
    "does": "do", "did": "do", "done": "do", "doing": "do",
    "shown": "show", "showed": "show", "made": "make", "found": "find", "gave": "give",
    "given": "give", "took": "take", "taken": "take", "ran": "run", "went": "go", "gone": "go",
    "led": "lead", "built": "build", "got": "get", "gotten": "get", "began": "begin",
    "begun": "begin", "wrote": "write", "written": "write", "saw": "see", "seen": "see",
    "brought": "bring", "thought": "think", "held": "hold", "kept": "keep", "left": "leave",
    "lost": "lose", "meant": "mean", "sought": "seek", "chose": "choose", "chosen": "choose",
    "drew": "draw", "drawn": "draw", "fell": "fall", "fallen": "fall", "grew": "grow",
    "grown": "grow", "knew": "know", "known": "know", "proven": "prove", "told": "tell",
    "said": "say", "paid": "pay", "laid": "lay", "understood": "understand", "won": "win",
    "beat": "beat", "beaten": "beat", "outdone": "outdo", "fed": "feed", "felt": "feel",
    "children": "child", "analyses": "analysis", "hypotheses": "hypothesis",
    "criteria": "criterion", "phenomena": "phenomenon", "indices": "index",
    "matrices": "matrix", "vertices": "vertex", "theses": "thesis", "bases": "basis",
    "data": "data", "series": "series", "species": "species", "better": "good",
    "best": "good", "worse": "bad", "worst": "bad", "men": "man", "women": "woman",
    "people": "person", "used": "use", "uses": "use", "using": "use", "needed": "need",
    "needs": "need", "needing": "need", "this": "this", "these": "this", "those": "that",
    "driven": "drive", "drove": "drive", "arisen": "arise", "arose": "arise", "broken": "break",
    "broke": "break", "spoken": "speak", "undertaken": "undertake", "undertook": "undertake",
    "withdrawn": "withdraw", "withdrew": "withdraw", "hidden": "hide", "forgotten": "forget",
    "frozen": "freeze", "stolen": "steal", "forbidden": "forbid", "mistaken": "mistake",
    "sent": "send", "spent": "spend", "taught": "teach", "caught": "catch", "bought": "buy",
    "fought": "fight", "struck": "strike", "dealt": "deal", "shaken": "shake", "worn": "wear",
    "torn": "tear", "thrown": "throw", "threw": "throw", "blown": "blow", "flown": "fly",
    "underwent": "undergo", "undergone": "undergo", "overcame": "overcome", "overtaken": "overtake",
    "outgrown": "outgrow", "rewritten": "rewrite", "overridden": "override", "overrode": "override",
}

_KEEP_S = ("ss", "us", "is", "ous", "ics")
_DOUBLE_OK = ("ll", "ss", "zz", "ff")
_VOWELS = set("aeiouy")


def _undouble(stem: str) -> str:
    if len(stem) >= 3 and stem[-1] == stem[-2] and stem[-2:] not in _DOUBLE_OK and stem[-1] not in _VOWELS:
        return stem[:-1]
    return stem


def _strip_e(stem: str) -> str:
    # "prove"/"proved"/"proving" must meet: drop a silent final e from every key.
    if len(stem) > 3 and stem.endswith("e") and not stem.endswith(("ee", "ie", "ye")):
        return stem[:-1]
    return stem


@lru_cache(maxsize=65536)
def lemma_key(word: str) -> str:
    """Return the matching key of ``word`` (lower-cased, inflection removed)."""
    w = word.lower()
    if w in _IRREGULAR:
        return _strip_e(_IRREGULAR[w])
    if not w.isalpha() or len(w) < 4:
        return w
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith("ied") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith(("sses", "shes", "ches", "xes", "zzes")):
        return _strip_e(w[:-2])
    if w.endswith("s") and not w.endswith(_KEEP_S):
        return _strip_e(w[:-1])
    if w.endswith("eed"):
        return w[:-1] if len(w) > 4 else w
    if w.endswith("ed") and len(w) > 4:
        stem = w[:-2]
        if not any(c in _VOWELS for c in stem):
            return w
        return _strip_e(_undouble(stem))
    if w.endswith("ing") and len(w) > 5:
        stem = w[:-3]
        if not any(c in _VOWELS for c in stem):
            return w
        return _strip_e(_undouble(stem))
    return _strip_e(w)
