"""Rhetorical-move tagger: which argumentative moves a sentence makes.

A sentence is tagged with zero or more of :data:`MOVES` ("contribution", "gap", "hedge", ...).
The vocabulary (cue phrases and token patterns per move) lives in ``nlp/vocab/moves.toml``;
this module compiles it once per spaCy pipeline into one ``PhraseMatcher`` on ``LOWER``, one on
``LEMMA`` (lemma keys, see :mod:`texlint.nlp.lemmas`) and one ``Matcher``, runs the three over a
sentence, and decides the moves from the cue hits with context logic:

* negation — a cue preceded by "not", "no", "never", "fail to", ... does not count
  ("we do not outperform", "no significant difference");
* hedging — a causal or sweeping claim under a modal ("may reduce") is not a strong claim;
* claimant — novelty and contribution need the authors as claimant ("we", "our", "this paper");
  a sentence that cites (``⟦cite⟧``) and never says we/our reports someone else's claim;
* section role — limitation vocabulary counts in discussion/limitations sections or when the
  authors speak about their own work, and is weak in related work about others.

The tagger works on spaCy's blank English pipeline from :func:`texlint.nlp.pipeline.get_nlp`
(no trained model), so it never relies on POS tags or parses.
"""

from __future__ import annotations

import gc
import json
import re
import sys
import threading
from contextlib import contextmanager
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Iterable

from texlint.latex.roles import role_from_title
from texlint.nlp import cue_table
from texlint.nlp.first_person import first_person_singular
from texlint.nlp.lemmas import lemma_key
from texlint.nlp.pipeline import doc_words, get_nlp, has_texlint_tokenizer, pipeline_of
from texlint.util.timing import gc_paused

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language
    from spacy.tokens import Span

MOVES: tuple[str, ...] = (
    "phenomenon", "insight", "method_link", "novelty", "contribution", "impact", "gap", "aim",
    "result", "limitation", "hedge", "strong_claim", "comparison", "sota", "significance",
    "efficiency_claim", "scale_claim",
)

_LOCK = threading.Lock()
_COMPILED: dict[int, "_Compiled"] = {}
_VOCAB: dict | None = None
#: cue phrase -> its tokens, from the compiled vocabulary (phrases not in it split at spaces);
#: None when the compiled file did not fit
_SHIPPED_TOKENS: dict[str, list[str]] | None = None
#: the token table ``_split_words`` reads, for the pipeline being compiled (None: tokenize)
_TOKENS: dict[str, list[str]] | None = None
#: while :func:`recording_tokens` runs: every phrase tokenized, with its tokens
_RECORD: dict[str, list[str]] | None = None


class VocabError(ValueError):
    """The move vocabulary file is malformed."""


def vocab_path() -> Path:
    """``vocab/moves.toml``, package data of ``texlint.nlp`` (inside the wheel)."""
    return Path(str(resources.files("texlint.nlp").joinpath("vocab", "moves.toml")))


def parse_vocab(raw: bytes, where: Path) -> dict:
    """The vocabulary of a ``moves.toml`` file's bytes."""
    try:
        import tomllib
    except ModuleNotFoundError:  # pragma: no cover - Python < 3.11
        import tomli as tomllib
    data = tomllib.loads(raw.decode("utf-8"))
    if "groups" not in data:
        raise VocabError(f"{where}: no [groups] table")
    return data


def load_vocab(path: Path | None = None) -> dict:
    """The move vocabulary: the shipped one (precompiled, see :mod:`texlint.nlp.cue_table`,
    when the compiled file fits it) or the file at ``path``."""
    global _VOCAB, _SHIPPED_TOKENS
    if path is None and _VOCAB is not None:
        return _VOCAB
    p = path or vocab_path()
    raw = p.read_bytes()
    if path is not None:
        return parse_vocab(raw, p)
    compiled = cue_table.load(p, raw)
    if compiled is not None:
        _VOCAB, _SHIPPED_TOKENS = compiled["vocab"], compiled["tokens"]
    else:
        _VOCAB, _SHIPPED_TOKENS = parse_vocab(raw, p), None
    return _VOCAB


# ------------------------------------------------------------------------------ compiling


def _split_words(nlp: "Language", text: str) -> list[str]:
    """The tokens ``nlp``'s tokenizer makes of a cue phrase: from the compiled vocabulary's
    table when it fits this pipeline (see :func:`compile_vocab`), else tokenized now."""
    table = _TOKENS
    if table is not None:
        words = table.get(text)
        return text.split() if words is None else list(words)
    words = [t.text for t in nlp.make_doc(text)]
    if _RECORD is not None:
        _RECORD[text] = words
    return words


@contextmanager
def recording_tokens():
    """While compiling, tokenize every cue phrase and collect phrase -> tokens (how
    :mod:`texlint.nlp.build_cue_table` builds the table of :mod:`texlint.nlp.cue_table`)."""
    global _RECORD
    with _LOCK:
        _RECORD = {}
        try:
            yield _RECORD
        finally:
            _RECORD = None


# A parsed ``seq`` item: ("alt", [key tuples], optional) | ("any", max_count) | ("num", optional)
def _parse_item(nlp: "Language", word: str, lists: dict[str, list[str]], where: str):
    optional = False
    if word.startswith("?") and len(word) > 1:
        optional, word = True, word[1:]
    if word == "*":
        return ("any", 1)
    if word.startswith("*") and word[1:].isdigit():
        return ("any", int(word[1:]))
    if word == "#":
        return ("num", optional)
    parts = word.split("|")
    if len(parts) > 1 and "?" in parts:  # "a|b|?": an optional token
        optional = True
        parts = [p for p in parts if p != "?"]
    alts: list[tuple[str, ...]] = []
    for alt in parts:
        if not alt:
            raise VocabError(f"{where}: empty alternative in {word!r}")
        if alt.startswith("@"):
            name = alt[1:]
            if name not in lists:
                raise VocabError(f"{where}: unknown list @{name}")
            alts.extend((lemma_key(w),) for w in lists[name])
        elif alt.startswith("="):
            alts.append(tuple(lemma_key(t) for t in _split_words(nlp, alt[1:])))
        else:
            alts.append(tuple(lemma_key(t) for t in _split_words(nlp, alt)))
    return ("alt", list(dict.fromkeys(alts)), optional)


def compile_seq(nlp: "Language", text: str, lists: dict[str, list[str]], where: str = "seq"):
    """Compile a ``seq`` entry.

    Returns ``("phrases", [tuple of keys, ...])`` when the entry is a plain sequence (expanded to
    every combination of its alternatives and optional tokens, for a PhraseMatcher on lemma
    keys), or ``("patterns", [[token dict, ...], ...])`` for a spaCy Matcher when it has
    wildcards or numbers. ``=word`` items match exactly in Matcher patterns and by lemma key in
    phrases (exact forms are a readability hint there).
    """
    items = [_parse_item(nlp, w, lists, where) for w in text.split()]
    if not items:
        raise VocabError(f"{where}: empty sequence")
    if items[0][0] == "any" or items[-1][0] == "any":
        raise VocabError(f"{where}: a sequence cannot start or end with a wildcard")
    if all(it[0] == "alt" for it in items):
        phrases: list[tuple[str, ...]] = [()]
        for _, alts, optional in items:
            options = list(alts)
            if optional:
                options.append(())
            phrases = [p + o for p in phrases for o in options]
            if len(phrases) > 50_000:
                raise VocabError(f"{where}: {text!r} expands to too many phrases")
        return "phrases", [p for p in dict.fromkeys(phrases) if p]
    pattern: list[dict] = []
    for it in items:
        if it[0] == "any":
            pattern.append({"OP": "{0,%d}" % it[1]} if it[1] > 1 else {"OP": "?"})
        elif it[0] == "num":
            pattern.append({"LIKE_NUM": True, "OP": "?"} if it[1] else {"LIKE_NUM": True})
        else:
            _, alts, optional = it
            if any(len(a) != 1 for a in alts):
                raise VocabError(f"{where}: multi-word alternatives need a plain sequence")
            singles = sorted({a[0] for a in alts})
            spec: dict = {"LEMMA": {"IN": singles}} if len(singles) > 1 else {"LEMMA": singles[0]}
            if optional:
                spec["OP"] = "?"
            pattern.append(spec)
    return "patterns", [pattern]


@dataclass
class _Compiled:
    #: phrases on lower-cased words
    lower: object
    #: phrases on lemma keys: the ``lemma`` entries and the expanded plain ``seq`` entries
    lemma: object
    matcher: object
    lists: dict[str, frozenset[str]] = field(default_factory=dict)
    names: dict[int, str] = field(default_factory=dict)
    #: per Matcher pattern, the lemma sets its required tokens need: a sentence meeting none of
    #: them cannot match, so the Matcher (whose wildcards are costly) is not run on it
    needs: list[list[frozenset[str]]] | None = None
    #: the same patterns one Matcher each, beside what each needs: a sentence runs only those it
    #: can match (spaCy's Matcher costs time per pattern and token, whether or not it matches)
    parts: list[tuple[object, list[frozenset[str]]]] = field(default_factory=list)
    #: lemma -> the parts one of whose needs it meets first (see :meth:`index_parts`), and the
    #: parts that need nothing: a sentence looks at the parts its own lemmas point to
    by_lemma: dict[str, list[int]] = field(default_factory=dict)
    unconditional: list[int] = field(default_factory=list)

    def index_parts(self) -> None:
        """Index each part under the lemmas of its first need (a part needing nothing always runs)."""
        self.by_lemma, self.unconditional = {}, []
        for i, (_m, need) in enumerate(self.parts):
            if not need:
                self.unconditional.append(i)
                continue
            for lem in need[0]:
                self.by_lemma.setdefault(lem, []).append(i)

    def matchers_for(self, lemmas: set[str]) -> list:
        """The Matchers to run on a sentence with these lemmas: the whole Matcher when there is
        no prefilter (``needs`` is None), else the patterns whose required lemmas all occur."""
        if self.needs is None:
            return [self.matcher]
        found = set(self.unconditional)
        by_lemma = self.by_lemma
        for lem in lemmas:
            ids = by_lemma.get(lem)
            if ids:
                found.update(ids)
        parts = self.parts
        return [parts[i][0] for i in sorted(found) if all(not n.isdisjoint(lemmas) for n in parts[i][1])]


def _needs(patterns: list[list[dict]]) -> list[list[frozenset[str]]]:
    """The lemma values each pattern's non-optional, lemma-only tokens require (a token with any
    other constraint, or one that may be absent, requires nothing)."""
    out = []
    for pat in patterns:
        need = []
        for tok in pat:
            if "OP" in tok or set(tok) != {"LEMMA"}:
                continue
            val = tok["LEMMA"]
            if isinstance(val, str):
                need.append(frozenset([val]))
            elif isinstance(val, dict) and set(val) == {"IN"}:
                need.append(frozenset(val["IN"]))
        out.append(need)
    return out


class _TupleMatcher:
    """Exact token sequences (lowercased words, or lemma keys): a dict lookup per position.

    It does what a spaCy PhraseMatcher on ``LOWER`` or ``LEMMA`` does (every occurrence of every
    phrase, by start and then length), but building one needs no Doc per phrase: the ~50,000
    phrases of the cue vocabulary cost a dict of tuples, where PhraseMatchers cost a spaCy Doc
    and new lexemes each at every start. Returns Doc offsets, like PhraseMatcher on a Span."""

    def __init__(self) -> None:
        self.table: dict[tuple[str, ...], list[int]] = {}
        #: one-word phrases: word -> keys
        self.ones: dict[str, list[int]] = {}
        #: first two words -> the lengths of the longer phrases that start with them, shortest
        #: first: most positions cost two lookups, whatever the number of phrase lengths
        self.pairs: dict[tuple[str, str], list[int]] = {}

    def add(self, key: int, phrases) -> None:
        """Add tuples of keys (an empty one is ignored) as matches of ``key``."""
        table, pairs = self.table, self.pairs
        touched: set[tuple[str, str]] = set()
        for ph in phrases:
            if not ph:
                continue
            keys = table.get(ph)
            if keys is None:
                keys = table[ph] = [key]
                if len(ph) == 1:
                    self.ones[ph[0]] = keys
                else:
                    lens = pairs.setdefault(ph[:2], [])
                    if len(ph) not in lens:
                        lens.append(len(ph))
                        touched.add(ph[:2])
            elif key not in keys:
                keys.append(key)
        for head in touched:
            pairs[head].sort()

    def match(self, words: list[str], base: int) -> list[tuple[int, int, int]]:
        """Matches in a span whose tokens' keys (lowercased texts, or lemmas) are ``words`` and
        which starts at Doc offset ``base``: by start, then by length."""
        n, out = len(words), []
        ones, pairs, table = self.ones, self.pairs, self.table
        for i, w in enumerate(words):
            keys = ones.get(w)
            if keys:
                for key in keys:
                    out.append((key, base + i, base + i + 1))
            if i + 1 < n:
                lens = pairs.get((w, words[i + 1]))
                if lens:
                    for ln in lens:
                        if i + ln > n:
                            break
                        keys = table.get(tuple(words[i:i + ln]))
                        if keys:
                            for key in keys:
                                out.append((key, base + i, base + i + ln))
        return out


def _compile(nlp: "Language") -> _Compiled:
    """The shipped vocabulary compiled for ``nlp``: with the precompiled token table when the
    pipeline tokenizes as the one that built it."""
    global _TOKENS
    vocab = load_vocab()
    _TOKENS = _SHIPPED_TOKENS if has_texlint_tokenizer(nlp) else None
    try:
        return compile_vocab(nlp, vocab)
    finally:
        _TOKENS = None


def compile_vocab(nlp: "Language", vocab: dict) -> _Compiled:
    """Phrase tables and Matchers for every group of ``vocab``."""
    from spacy.matcher import Matcher

    lists = {k: list(v) for k, v in vocab.get("lists", {}).items()}
    lower_pm = _TupleMatcher()
    lemma_pm = _TupleMatcher()
    matcher = Matcher(nlp.vocab)
    seq_pm = lemma_pm  # one table, one pass per sentence
    names: dict[int, str] = {}
    all_pats: list[list[dict]] = []
    parts: list[tuple[object, list[frozenset[str]]]] = []
    for name, group in vocab["groups"].items():
        key = nlp.vocab.strings.add(name)
        names[key] = name
        if group.get("lower"):
            lower_pm.add(key, [tuple(w.lower() for w in _split_words(nlp, p)) for p in dict.fromkeys(group["lower"])])
        if group.get("lemma"):
            lemma_pm.add(key, [tuple(lemma_key(w) for w in _split_words(nlp, p)) for p in dict.fromkeys(group["lemma"])])
        pats: list[list[dict]] = []
        phrases: list[tuple[str, ...]] = []
        for i, entry in enumerate(group.get("seq", [])):
            kind, out = compile_seq(nlp, entry, lists, f"groups.{name}.seq[{i}]")
            if kind == "phrases":
                phrases.extend(out)
            else:
                pats.extend(out)
        if phrases:
            seq_pm.add(key, phrases)
        if pats:
            matcher.add(name, pats)
            all_pats.extend(pats)
            for pat, need in zip(pats, _needs(pats)):
                part = Matcher(nlp.vocab)
                part.add(name, [pat])
                parts.append((part, need))
    sets = {k: frozenset(w.lower() for w in v) for k, v in lists.items()}
    compiled = _Compiled(lower_pm, lemma_pm, matcher, sets, names, _needs(all_pats), parts)
    compiled.index_parts()
    return compiled


def _compiled(nlp: "Language") -> _Compiled:
    c = _COMPILED.get(id(nlp))
    if c is None:
        with _LOCK:
            c = _COMPILED.get(id(nlp))
            if c is None:
                with gc_paused():  # tens of thousands of small tables: the collector would walk them all
                    c = _compile(nlp)
                gc.freeze()  # compiled once per process and kept: later collections need not walk them
                _COMPILED[id(nlp)] = c
                _KEEP.append(nlp)  # keep the pipeline alive so its id is never reused
    return c


_KEEP: list = []


def reset_cache() -> None:
    """Forget compiled matchers and the loaded vocabulary (tests, vocabulary edits)."""
    global _VOCAB, _SHIPPED_TOKENS
    with _LOCK:
        _COMPILED.clear()
        _KEEP.clear()
        _VOCAB = _SHIPPED_TOKENS = None


# ------------------------------------------------------------------------------ context


class _Hits:
    """Cue hits of one sentence: group name -> list of (start, end) token offsets in the span."""

    __slots__ = ("by", "texts", "lowers", "n", "span")

    def __init__(self, span: "Span", c: _Compiled):
        self.by: dict[str, list[tuple[int, int]]] = {}
        base, end = span.start, span.end
        texts, lowers, lemmas = doc_words(span.doc)
        self.texts, self.lowers, lemmas = texts[base:end], lowers[base:end], lemmas[base:end]
        # phrase tables give Doc offsets, Matchers Span offsets: (matches, shift)
        found = [(c.lower.match(self.lowers, base), base), (c.lemma.match(lemmas, base), base)]
        patterns = [hit for m in c.matchers_for(set(lemmas)) for hit in m(span)]
        if len(patterns) > 1:  # as one Matcher of them all gives them: once each, by end, longest first
            patterns = sorted(dict.fromkeys(patterns), key=lambda hit: (hit[2], -hit[1]))
        found.append((patterns, 0))
        for matches, shift in found:
            for key, s, e in matches:
                name = c.names.get(key)
                if name is None:
                    continue
                self.by.setdefault(name, []).append((s - shift, e - shift))
        self.n = len(self.lowers)
        self.span = span
        if "novelty" in self.by:
            kept = [(s, e) for s, e in self.by["novelty"]
                    if not _ordinal_first(self.lowers, s, e) and not _novel_in_another_sense(self.lowers, s, e)]
            if kept:
                self.by["novelty"] = kept
            else:
                del self.by["novelty"]

    @property
    def raw(self) -> str:
        """The sentence's text (read only when needed: ``Span.text`` walks every token, and
        ``Doc.text``, to slice, would walk the whole document)."""
        return self.span.text

    def get(self, name: str) -> list[tuple[int, int]]:
        return self.by.get(name, [])

    def __contains__(self, name: str) -> bool:
        return name in self.by


#: the words after "is the first" that make it an ordinal, not a priority claim ("f is the first
#: layer", "this is the first step", "the first of them", "the first two")
_ORDINAL_FOLLOWERS = frozenset({"step", "steps", "stage", "stages", "term", "terms", "layer", "layers", "part", "parts",
                            "phase", "half", "round", "row", "rows", "column", "columns", "component", "components",
                            "element", "elements", "token", "tokens", "iteration", "iterations", "epoch", "epochs",
                            "order", "derivative", "moment", "moments", "case", "cases", "author", "version", "draft",
                            "of", "two", "three", "four", "five", "few", "several", "line", "lines", "block",
                            "blocks", "level", "entry", "entries", "argument", "coordinate", "index", "node", "letter"})


def _ordinal_first(low: list[str], s: int, e: int) -> bool:
    """A novelty cue ending in "first" ("is the first") read as an ordinal: followed by a counted
    noun, a number, or a noun in the possessive ("the first layer's feed-forward network")."""
    if low[e - 1] != "first" or e >= len(low):
        return False
    nxt = low[e]
    return nxt in _ORDINAL_FOLLOWERS or nxt[:1].isdigit() or (e + 1 < len(low) and low[e + 1] in ("'s", "’s"))


#: what "novel" means "unseen" in front of: inputs a method meets at test time ("render novel
#: views", "generalizes to novel classes"), not a claim that the paper's work is new
_UNSEEN_SENSE = frozenset({"view", "views", "viewpoint", "viewpoints", "class", "classes", "category", "categories",
                           "object", "objects", "instance", "instances", "scene", "scenes", "pose", "poses",
                           "environment", "environments", "domain", "domains", "task", "tasks", "word", "words",
                           "concept", "concepts", "input", "inputs", "example", "examples", "sample", "samples",
                           "image", "images", "user", "users", "item", "items", "entity", "entities",
                           "compound", "compounds", "molecule", "molecules", "situation", "situations", "data",
                           "prompt", "prompts", "query", "queries", "speaker", "speakers", "shape", "shapes"})
#: words that make "novel" the book: what stands after a noun ("the novel's plot", "for a novel.",
#: "the novel is") or an adjective only a book takes ("a fictional novel")
_BOOK_DETERMINERS = frozenset({"a", "the", "each", "every", "this", "that", "one", "his", "her", "their"})
_BOOK_AFTER = frozenset({".", ";", ":", "?", "!", ")", "is", "was", "has", "had", "by", "written", "about"})
_BOOK_BEFORE = frozenset({"fictional", "literary", "classic", "graphic", "whole", "entire", "historical", "victorian",
                          "english", "russian", "french", "german", "published", "famous", "popular"})


def _novel_in_another_sense(low: list[str], s: int, e: int) -> bool:
    """A novelty cue ending in "novel" that is not a novelty claim: the book ("a fictional novel",
    "the novel's atmosphere", "a vector for a novel.") or "unseen" ("render novel views")."""
    if low[e - 1] != "novel":
        return False
    after = low[e] if e < len(low) else "."
    before = low[e - 2] if e >= 2 else ""
    if after in _UNSEEN_SENSE or after in ("'s", "’s") or before in _BOOK_BEFORE:
        return True
    # a noun phrase ends at "novel" ("for a novel.", "the novel is"); "our approach is novel." does not
    return after in _BOOK_AFTER and before in _BOOK_DETERMINERS


#: numeric citation markers of plain text ("[12]", "[3, 4]", "[22–24]"): texlint's own sentences
#: carry ⟦cite⟧, but the ``tag`` command and the benchmarks read plain text.
_NUMERIC_CITE = re.compile(r"\[\s*\d{1,3}(?:\s*[,–-]\s*\d{1,3})*\s*\]|\bet al\b")

_NEG_BREAK = {",", ";", ":", "but", "however", "although", "while", "whereas", "and"}


def _negated(h: _Hits, start: int, negation: frozenset[str], window: int = 3) -> bool:
    """A negator in the ``window`` tokens before ``start`` (not across a clause break)."""
    low = h.lowers
    for i in range(start - 1, max(-1, start - 1 - window), -1):
        w = low[i]
        if w in _NEG_BREAK:
            return False
        if w in negation:
            if w == "not" and i + 1 < h.n and low[i + 1] in ("only", "just", "merely", "least"):
                continue
            if w == "no" and i + 1 < h.n and low[i + 1] in ("longer",):
                continue
            return True
    return False


def _not_only(h: _Hits, s: int, e: int) -> bool:
    """A hit inside "not only" / "not just" / "not merely" (an additive, not a negation)."""
    low = h.lowers
    for i in range(max(0, s - 1), min(h.n - 1, e)):
        if low[i] == "not" and low[i + 1] in ("only", "just", "merely", "simply"):
            return True
    return False


def _any_unnegated(h: _Hits, name: str, negation: frozenset[str], window: int = 3) -> bool:
    return any(not _negated(h, s, negation, window) for s, _ in h.get(name))


def _first(h: _Hits, name: str) -> int:
    hits = h.get(name)
    return min(s for s, _ in hits) if hits else -1


_NOT_VERB_BEFORE = {
    "a", "an", "the", "this", "that", "these", "those", "its", "their", "his", "her", "our", "any",
    "some", "no", "of", "with", "by", "for", "in", "on", "to", "as", "from", "greater", "significant",
    "substantial", "marked", "small", "modest", "large", "slight", "dramatic",
    "overall", "relative", "mean", "average", "associated", "linked", "correlated", "related",
    "an", "more", "less", "further", "higher", "lower", "major", "minor", "rapid", "sharp",
    "steady", "gradual", "consistent", "similar", "corresponding", "percent", "%", "fold", "-",
}
_NOT_VERB_AFTER = {"in", "of", "among", "between", "from", "was", "were", "is", "are", "=", "("}
_LINK_VERBS = {"is", "are", "was", "were", "be", "been", "being", "'s"}
#: causal adjectives ("effective", "harmful") make a causal claim when they are predicated
_CAUSAL_ADJECTIVES = frozenset({"effective", "efficacious", "beneficial", "protective", "harmful", "detrimental"})
_PREDICATIVE_VERBS = frozenset({"remain", "remains", "remained", "proved", "proven", "prove", "proves",
                                "became", "become", "becomes", "found", "shown", "considered"})
_ADJECTIVE_COMPLEMENTS = frozenset({"in", "for", "at", "against", "to", "on"})

_OWN_ROLES = {"limitations"}
_NEW_WORDS = frozenset({"propose", "proposes", "introduce", "introduces", "novel", "new", "first"})
_OUTLINE = frozenset({"section", "sections", "sec.", "sect.", "chapter", "chapters", "appendix", "⟦ref⟧"})
#: Negation next to these reports a (negative) finding, not a weakness of the study.
_NEGATIVE_RESULT = frozenset({"significant", "significantly", "difference", "differences", "change", "changed", "observe", "observed", "detect", "detected", "affect", "affected", "associated", "correlated", "correlation", "association"})
_NEGATORS = frozenset({"not", "n't", "no", "never", "cannot", "neither", "nor", "none", "unable", "without"})
#: "bias" as a property of a learner, not a flaw of the study ("an implicit bias towards ...")
_BIAS_NOT_FLAW = frozenset({"implicit", "inductive", "simplicity", "spectral", "architectural", "structural", "learning"})
_LIMITATION_NOUNS = frozenset({"limitation", "limitations", "shortcoming", "shortcomings", "drawback", "drawbacks",
                                "weakness", "weaknesses", "caveat", "caveats"})
#: verbs of finding something out: a phenomenon cue made only of these reports a result when the
#: sentence compares the method ("we find that our approach outperforms ...")
_REPORTING = frozenset({"we", "key", "main", "it", "turns", "is", "are", "was", "were", "can"})
_HYPOTHESIS = frozenset({"hypothesis", "hypothesize", "hypothesise", "conjecture", "hypothesizes", "hypothesised", "hypothesized"})


def _own_hypothesis(low: list[str]) -> bool:
    """"Our hypothesis is that ...", "we hypothesize that ...": an explanation offered, not a weakness."""
    return any(w in _HYPOTHESIS and i > 0 and low[i - 1] in ("our", "we") for i, w in enumerate(low))


#: what turns "larger" into a limitation: a wish or a remedy ("larger studies are needed", "a larger sample would
#: ...", "this can be fixed with a larger set")
_WANTING = frozenset({"need", "needed", "needs", "require", "required", "requires", "warrant", "warranted", "future", "further",
                      "would", "could", "should", "must", "fix", "fixed", "remedy", "remedied", "mitigate", "mitigated",
                      "alleviate", "alleviated", "overcome", "benefit"})
_SETTING = frozenset({"where", "when", "whenever", "if", "settings", "setting", "regimes", "regime", "cases"})
#: where a limitation with no claimant is prior work's (the paper's own are owned: "our method ...")
_FRAMING_FOR_OTHERS = frozenset({"abstract", "introduction"})
#: the study itself as the subject of a limitation ("the study was small", "this analysis has ...")
_STUDY_WORDS = frozenset({"study", "studies", "sample", "cohort", "participants", "experiment", "experiments",
                          "analysis", "analyses", "evaluation", "survey", "findings", "results"})
_DISCUSSION_ROLES = {"discussion", "conclusion", "limitations", "analysis", "results", None}
#: "scale" naming a quantity of the method, not its size: "improves with scale factor 2"
_SCALE_QUANTITY = frozenset({"factor", "factors", "parameter", "parameters", "space", "augmentation", "mixture",
                             "invariance", "invariant"})
#: sections that describe what the authors did: "we do not use X" there is a choice, not a weakness
_DESIGN_ROLES = frozenset({"method", "experiments", "results", "analysis", "appendix"})
#: what makes a negated action a weakness after all: inability, regret, a constraint, a wish
_INABILITY = frozenset({"could", "cannot", "can", "unable", "able", "possible", "impossible", "unfortunately", "lack",
                        "lacks", "lacking", "due", "constraints", "constraint", "beyond", "scope", "future", "further",
                        "would", "need", "needed", "remains", "remain"}) | _LIMITATION_NOUNS
#: a method's stated set-up, which Kilicoglu et al.'s cue "assumption" marks as a weakness of a study
_ASSUMING = frozenset({"we", "assume", "assumes", "assumed", "assuming", "assumption", "assumptions"})
_CONDITIONS = frozenset({"where", "when", "whenever", "if", "unless"})
_CLAUSE_BREAKS = frozenset({",", ";", ":", "but", "while", "whereas", "although", "though", "which", "that"})
_WLOG = ("without", "loss", "of", "generality")


def _design_choice(low: list[str], hits: list[tuple[int, int]]) -> bool:
    """Every limitation cue of the sentence is the authors' own negated action ("we do not
    extract all bigrams", "the implementations we tested were not faster"), a negation inside a
    condition ("where the hashes do not match") or a stated assumption, and nothing says they
    could not or would have wanted to: in a method or experiments section, the set-up or a
    finding described, not a weakness owned. "These filters are not 100% accurate" (no we) and
    "we could not run it at scale" stay limitations."""
    if not hits or set(low) & _INABILITY:
        return False
    for s, e in hits:
        span = low[s:e]
        if set(span) <= _ASSUMING:
            continue  # "we assume that the bits are i.i.d.": the method's set-up
        if not ("not" in span or "n't" in span or "no" in span):
            return False
        clause = _clause_before(low, s)
        if "we" not in span and "we" not in clause and not set(clause) & _CONDITIONS:
            return False  # "these filters are not accurate": a weakness
    return True


def _clause_before(low: list[str], s: int) -> list[str]:
    """The words of the clause before position ``s`` (back to a comma, "but", "which", ...)."""
    i = s
    while i > 0 and low[i - 1] not in _CLAUSE_BREAKS:
        i -= 1
    return low[i:s]


def _without_loss_of_generality(low: list[str]) -> bool:
    n = len(_WLOG)
    return any(tuple(low[i:i + n]) == _WLOG for i, w in enumerate(low) if w == "without")


def _month(h: _Hits, s: int) -> bool:
    """"May" as a month or a name: capitalised anywhere but the start, or next to a number."""
    tok = h.texts[s]
    if tok != "May":
        return False
    if s > 0:
        return True
    nxt = h.texts[s + 1] if s + 1 < h.n else ""
    return not nxt[:1].islower()


def _causal_use(h: _Hits, s: int, e: int) -> bool:
    """Whether a causal-verb hit is used as a finite/infinitive verb (no POS tags: context)."""
    low = h.lowers
    first = low[s]
    if e - s > 1 or first in ("is", "are", "was", "were", "plays", "play", "played"):
        return True
    p = s - 1
    while p >= 0 and not low[p].strip():  # runs of spaces are tokens of their own
        p -= 1
    q = e
    while q < h.n and not low[q].strip():
        q += 1
    prev = low[p] if p >= 0 else ""
    nxt = low[q] if q < h.n else ""
    if first in _CAUSAL_ADJECTIVES:
        # predicative only: "is (highly) effective", "is an effective treatment", "effective in/for
        # ...", not "effective treatment modalities"
        before = low[p - 1] if p > 0 and (prev.endswith("ly") or prev in ("a", "an")) else prev
        return before in _LINK_VERBS or before in _PREDICATIVE_VERBS or nxt in _ADJECTIVE_COMPLEMENTS
    if prev in _NOT_VERB_BEFORE:
        return False
    if prev in _LINK_VERBS and first.endswith("ed"):
        return nxt == "by"  # "was improved by X" names the cause; "was increased in patients" does not
    if nxt in _NOT_VERB_AFTER:
        return False
    if first.endswith("ing") and (prev in ("", ",", "and") or s == 0):
        return False
    if s == 0 and first.endswith(("ed", "s")):
        return False  # "Increased X ..." / "Increases in ..."
    return True


#: what may follow "we" without making it the authors' action (epistemic or modal verbs, outline)
_WE_NOT_ACTION = frozenset({
    "can", "could", "may", "might", "would", "should", "must", "will", "shall", "need", "believe",
    "think", "hope", "expect", "feel", "know", "assume", "suppose", "suspect", "conjecture",
    "speculate", "hypothesize", "hypothesise", "argue", "note", "notice", "observe", "see", "find",
    "conclude", "concluded", "suggest",
    "found", "call", "refer", "denote", "write", "say", "mean", "recall", "say", "do", "did",
    "does", "are", "were", "is", "was", "be", "am", "had", "'d", "'ll", "thank", "to", "and",
    "also", "then", "now", "first", "here", "again", "still", "only",
})


def _first_person_singular(h: _Hits) -> bool:
    """A single author's "I" (theses, single-author papers), not "(i)" or "Type I error"."""
    return "I" in h.texts and first_person_singular(h.raw)


def _claimants(h: _Hits, c: _Compiled) -> tuple[bool, bool]:
    """(the authors speak: "we", "our", "this paper", a single author's "I"; the sentence reports
    others: a citation, "[12]", "et al.", "prior work shows")."""
    words = set(h.lowers)
    own = bool(words & c.lists.get("claimant", frozenset())) or "own_ref" in h or _first_person_singular(h)
    others = "⟦cite⟧" in words or bool(_NUMERIC_CITE.search(h.raw)) or "cite_subject" in h
    return own, others


def _others_are_subject(h: _Hits) -> bool:
    """Cited work speaks in the sentence ("Smith et al. show", "prior work finds", "[3] propose"),
    rather than being cited in support of what the sentence says."""
    return "cite_subject" in h or "et al" in h.raw.lower() or bool(h.lowers and h.lowers[0] in ("⟦cite⟧", "["))


def _we_act(h: _Hits) -> bool:
    """"we" (or a single author's "I") as the subject of an action verb ("we employed", "I
    evaluate"): the authors did it."""
    low = h.lowers
    for i, w in enumerate(low):
        if not (w == "we" or w == "i" and h.texts[i] == "I" and _first_person_singular(h)) or i + 1 >= h.n:
            continue
        j = i + 1
        while j < h.n and (low[j].endswith("ly") or low[j] in ("also", "then", "first", "further", "here", "now", "finally")):
            j += 1
        if j >= h.n:
            return False
        nxt = low[j]
        if nxt in _WE_NOT_ACTION or not nxt.isalpha() or len(nxt) < 3:
            continue
        return True
    return False


_PASSIVE_BE = frozenset({"is", "are", "was", "were", "be"})  # not "has been studied": the field's history
_PASSIVE_NOT = frozenset({"needed", "required", "used", "based", "known", "called", "given", "related",
                          "associated", "interested", "limited", "expected", "assumed", "considered",
                          "believed", "thought", "shown", "observed", "found", "reported",
                          # topic statements ("Routing is studied here"), not a described method step
                          "studied", "discussed", "investigated", "examined", "considered", "analyzed",
                          "analysed", "explored", "addressed", "reviewed", "surveyed", "motivated"})


#: the way things are usually done in the field: background, not the paper's method
_STATE_OF_PRACTICE = frozenset({"currently", "usually", "typically", "traditionally", "commonly", "often",
                                "generally", "conventionally", "normally", "routinely", "widely"})


def _passive_action(h: _Hits) -> bool:
    """An impersonal passive of an action ("is performed", "are extracted and ranked"), not a
    description of current practice ("captions are currently produced by stenographers")."""
    low = h.lowers
    if set(low) & _STATE_OF_PRACTICE:
        return False
    for i in range(h.n - 1):
        if low[i] not in _PASSIVE_BE:
            continue
        j = i + 1
        if j < h.n and low[j].endswith("ly"):
            j += 1
        if j < h.n and low[j].endswith("ed") and len(low[j]) > 4 and low[j] not in _PASSIVE_NOT:
            return True
    return False


# ------------------------------------------------------------------------------ the moves


def _tag(h: _Hits, role: str | None, c: _Compiled) -> set[str]:
    L = c.lists
    neg = L.get("negation", frozenset())
    low = h.lowers
    words = set(low)
    tags: set[str] = set()
    role = role.lower() if isinstance(role, str) else None

    own, others = _claimants(h, c)
    others_claim = others and not own

    # -- hedge
    modal_hits = [s for s, _ in h.get("hedge_modal") if not _month(h, s)]
    hedge = bool(modal_hits)
    for g in ("hedge_adverb", "hedge_verb", "hedge_adjective", "hedge_condition", "investigation"):
        if g in h:
            hedge = True
    for s, e in h.get("hedge_noun"):
        if low[s] == "doubt" and _negated(h, s, neg | {"beyond", "little"}, 2):
            continue
        hedge = True
    if hedge:
        tags.add("hedge")

    # -- strong claim: boosters / absolute verbs, or direct causal claims, all unhedged
    # Modals make a causal claim conditional (Yu et al.); reporting verbs ("suggests that X
    # reduces Y") and negation ("X did not reduce Y") leave it a direct causal claim.
    epistemic = bool(modal_hits) or "modal_other" in h
    strong = False
    recommendation = "should" in words or "ought" in words  # "X should ensure Y" advises, claims nothing
    if not (modal_hits or "hedge_adverb" in h or recommendation):
        if _any_unnegated(h, "booster", frozenset(neg - {"never"}), 2) or _any_unnegated(h, "absolute_verb", neg, 3):
            strong = True
    if not strong and not epistemic:
        corr = _first(h, "correlational")
        for s, e in h.get("causal_verb"):
            if corr != -1 and corr < s:
                continue
            if _causal_use(h, s, e):
                strong = True
                break
    if strong:
        tags.add("strong_claim")

    # -- comparison / sota / significance / efficiency / scale
    if _any_unnegated(h, "comparison", neg, 3):
        tags.add("comparison")
    if _any_unnegated(h, "sota", neg, 3):
        tags.add("sota")
    if _any_unnegated(h, "significance", neg, 3):
        tags.add("significance")
    if _any_unnegated(h, "efficiency", neg, 2):
        tags.add("efficiency_claim")
    if any(not _negated(h, st, neg, 2) and not (low[e - 1] == "scale" and e < h.n and low[e] in _SCALE_QUANTITY)
           for st, e in h.get("scale_claim")):
        tags.add("scale_claim")

    # -- contribution / aim / novelty / result need the authors as claimant
    framing = role in ("abstract", "introduction", "conclusion", None)
    # "In Section 3, we describe ..." / "The rest of the paper ..." outline the paper
    outline = "outline" in h or bool(set(low[:4]) & _OUTLINE) or (
        any(w in _OUTLINE and (i + 1 < h.n and (low[i + 1][:1].isdigit() or low[i + 1] == "⟦ref⟧")) for i, w in enumerate(low))
        and not words & _NEW_WORDS
    )
    if own and not outline:
        if _any_unnegated(h, "contribution_verb", neg, 3):
            tags.add("contribution")
        elif role in ("abstract", "introduction", "conclusion") and any(
            not _negated(h, s, neg, 3) and not (e < h.n and low[e] == "that")
            for s, e in h.get("contribution_secondary")
        ):
            tags.add("contribution")
        if "aim" in h and _any_unnegated(h, "aim", neg, 2):
            tags.add("aim")
            if framing and not outline:
                tags.add("contribution")  # "In this paper, we study ..." states the contribution too
        if role == "abstract" and not outline and "contribution" not in tags and any(
            w in ("we", "our") for w in low[:3]
        ) and not ("result" in h or "hedge_modal" in h):
            tags.add("contribution")  # abstracts: what the authors did is what they contribute
        if role in ("abstract", "introduction") and not outline and "contribution" not in tags and _we_act(h) \
                and not (low and low[-1] == "?"):
            tags.add("contribution")  # "We employed a grammar ...", "we evaluate these techniques ..."
        if _any_unnegated(h, "novelty", neg, 3) or low[:3] == ["instead", ",", "we"]:
            tags.add("novelty")  # "Instead, we frame ..." contrasts with the work just described
        if _any_unnegated(h, "result", neg, 3):
            tags.add("result")
    elif not others:
        if framing and not outline and "contribution_verb" in h and _announces_contributions(h):
            tags.add("contribution")  # "The main contributions are summarized as follows:"
        # impersonal method descriptions in abstracts ("The projection is performed by a network",
        # "Segment PMI and a language model are explored"): what the paper does
        if role == "abstract" and not outline and _passive_action(h) and not (
            "result" in h or "hedge_modal" in h or "gap_strong" in h or "gap_contrast" in h
        ):
            tags.add("contribution")
        # impersonal voice in abstracts ("A new method is proposed", "The goal is to ...")
        if framing and "contribution_weak" in h and any(
            low[s] in ("is", "are", "was", "were") for s, _ in h.get("contribution_weak")
        ):
            tags.add("contribution")
        if "aim" in h and _any_unnegated(h, "aim", neg, 2):
            tags.add("aim")
        if "result" in h and _any_unnegated(h, "result", neg, 3):
            tags.add("result")
        if "novelty" in h and any(low[s] in ("first",) or low[s:s + 2] == ["for", "the"] for s, _ in h.get("novelty")):
            tags.add("novelty")
        elif role == "abstract" and _any_unnegated(h, "novelty", neg, 3):
            tags.add("novelty")  # an abstract speaks of its own work: "These results demonstrate novel ways to ..."

    # -- gap: problem statements about existing work / the field, not the authors' own method
    gap = False
    if _any_unnegated(h, "gap_strong", frozenset(), 0):
        gap = True
    elif "gap_weak" in h and ("gap_contrast" in h or "gap_others" in h):
        gap = True
    if gap and own and ("contribution" in tags or "result" in tags or "aim" in tags):
        gap = False
    if gap and role in ("method", "experiments", "results"):
        gap = "gap_strong" in h and not own
    if gap:
        tags.add("gap")

    # -- limitation
    # strong cues ("a limitation of", "small sample size", "beyond the scope") count anywhere;
    # weaker evidence (limitation or problem vocabulary, negation, modal perfect "may have
    # biased", an enumeration "Second, ...") counts where authors discuss their own study.
    strong_lim = _any_unnegated(h, "limitation_strong", frozenset(), 0)
    weak_hits = [(s, e) for s, e in h.get("limitation_weak")
                 if not (low[s] in ("bias", "biases") and s > 0 and low[s - 1] in _BIAS_NOT_FLAW)
                 and not _not_only(h, s, e)  # "not only ... but also"
                 and not (low[s] == "only" and s > 0 and low[s - 1] in ("-", "–"))  # "supervised-only": a compound
                 and not (low[s] == "larger" and not words & _WANTING)]  # "the larger the margin": not "larger studies are needed"
    weak_lim = bool(weak_hits)
    negators = [i for i, w in enumerate(low) if w in _NEGATORS and not (w == "not" and i + 1 < h.n and low[i + 1] == "only")]
    negative = bool(negators) and not (words & _NEGATIVE_RESULT)
    enumerated = bool(low) and low[0] in L.get("ordinal", frozenset())
    lim = strong_lim or role in _OWN_ROLES
    if lim and not own and role in _FRAMING_FOR_OTHERS and not set(low) & _STUDY_WORDS:
        # a limitation in the abstract or introduction with no "we", "our" or "this paper/study":
        # the weakness of the methods the paper improves on ("the first limitation is that ...",
        # "hit spectrum approaches are unable to ..."), a gap
        lim = False
        tags.add("gap")
    if not lim and role in ("discussion", "conclusion"):
        # a weak cue, or an enumerated item that is negated, hedged or about our own study
        # interpretations ("X may suggest Y", "these findings indicate") are not weaknesses;
        # in a conclusion, "First, ... Finally, ..." lists findings and contributions as often
        # as weaknesses, so the enumeration alone is no limitation there
        interp = "hedge_verb" in h and not own
        listed = enumerated and (role == "discussion" or negative or bool(modal_hits) and not interp)
        lim = not others_claim and (weak_lim and not (interp and not ("limitation_weak" in h and own))
                                    or listed or bool(modal_hits) and not interp or negative and own)
    if not lim and role is None:
        lim = weak_lim and (own or enumerated or negative) or enumerated and (negative or bool(modal_hits))
    if not lim and weak_lim and own and role not in ("related_work", "background", "introduction", "abstract"):
        lim = negative or enumerated or bool(modal_hits)
    if lim and others_claim and role in ("related_work", "background", "introduction"):
        lim = False  # limitations of cited work are a gap, not our limitation
    if lim and "others_weakness" in h and role not in _OWN_ROLES:
        lim = False  # "their key weakness", "to overcome these limitations, we ...": a gap we address
        if not own or "contribution" not in tags:
            tags.add("gap")
    if lim and not strong_lim and role in ("abstract", "introduction", "conclusion") and "consequence" in h:
        lim = False  # "applications of this method could include ...": what it enables, hedged
    if lim and own and role not in _OWN_ROLES and "not_needed" in h and not set(low) & _LIMITATION_NOUNS:
        lim = False  # "we do not need an estimate of ...": an advantage of the method
    if lim and not strong_lim and role not in _OWN_ROLES and (
            _own_hypothesis(low) or own and "comparison" in tags and "result" in tags):
        lim = False  # a hypothesis ("our hypothesis is that X does not always ..."), a win over a baseline
    if lim and not strong_lim and role not in _OWN_ROLES and "result" in tags and weak_hits and all(
            set(low[max(0, s - 8):s]) & _SETTING for s, _ in weak_hits):
        lim = False  # "where labelled data is limited, our method is stronger": a setting, not a weakness
    if lim and role in _DESIGN_ROLES and _design_choice(low, h.get("limitation_strong") + weak_hits):
        lim = False
    if lim and not strong_lim and _handled_case(low, [st for st, _ in weak_hits] + negators):
        lim = False  # "if the image is not sufficient, an inference module is invoked": a case the method handles
    if lim and not strong_lim and _without_loss_of_generality(low):
        lim = False  # "without loss of generality, we assume ...": no restriction at all
    if lim:
        tags.add("limitation")
    elif "others_weakness" in h and "aim" not in tags:
        tags.add("gap")  # "we identify their key weakness: ...": what prior work lacks

    # -- phenomenon / insight / method_link / impact
    if "phenomenon" in h:
        if not (own or not others) or "others_weakness" in h:
            tags.add("~phenomenon")  # an effect someone else reported, or a weakness of their method (a gap)
        elif own and ("comparison" in tags or "sota" in tags) and all(low[s] in _REPORTING for s, _ in h.get("phenomenon")):
            tags.add("~phenomenon")  # "we find that our approach outperforms ...": a result about the method
        else:
            tags.add("phenomenon")
    if "insight" in h:
        tags.add("insight")
    if "method_link" in h:
        tags.add("method_link" if (own or "contribution" in tags) else "~method_link")
    elif own and low and (low[0] in ("since", "because") or low[:2] == ["given", "that"]) and \
            "contribution" in tags and role in ("abstract", "introduction", "method", None) and not outline:
        tags.add("method_link")  # "Since each model has a marginal likelihood, we can search over models"
    if framing and own and "contrast_own" in h and "novelty" not in tags and not others_claim and any(
        s <= 2 or low[s] in ("unlike", "as", "in", "contrary") for s, _ in h.get("contrast_own")
    ) and ("contribution" in tags or _we_act(h) or "our" in words):
        tags.add("novelty")  # "as opposed to standard X, our ...", "instead of computing Y, we ..."
    elif "novelty" in h and "novelty" not in tags:
        tags.add("~novelty")
    if outline and ("impact" in h or "impact_framing" in h or "consequence" in h):
        tags.add("~impact")  # "as we discuss in Section 4, this has implications for the evaluation": a pointer
    elif _any_unnegated(h, "impact", neg, 2) and not others_claim:
        tags.add("impact")
    elif framing and not (others_claim and _others_are_subject(h)) and any(
        not _negated(h, s, neg, 3) and not (e < h.n and low[e] in ("us", "one", "for")) and not (s > 0 and low[s - 1] in ("to", "which"))
        for s, e in h.get("impact_framing")
    ):
        # why the problem matters, often backed by a citation ("modelling this is important for
        # alignment [12]"): cited work's own claims ("Smith et al. show X enables Y") do not count
        tags.add("impact")
    elif framing and not others_claim and _any_unnegated(h, "consequence", neg, 2):
        tags.add("impact")  # "applications of this method could include ...", "applies even when ..."
    elif "impact" in h or "consequence" in h:
        tags.add("~impact")

    # novelty and contribution are the authors' claims
    if others_claim:
        tags.discard("novelty")
        tags.discard("contribution")
    return tags


#: a tag ``~move`` marks a sentence whose cues for ``move`` were seen and rejected (cited work's
#: claim, a result rather than a phenomenon, a link cue without the authors' method): the
#: assessment quotes such sentences as the closest candidates when a move is absent
NEAR = "~"


def moves_only(tags) -> frozenset[str]:
    """The moves a sentence makes, without the rejected candidates (``~move``)."""
    return frozenset(t for t in tags if not t.startswith(NEAR))


def tag_span(span: "Span", role: str | None = None) -> frozenset[str]:
    """The moves one sentence (a Span of a Doc made by :func:`get_nlp`) makes."""
    doc = span.doc if hasattr(span, "doc") else span
    c = _compiled(_nlp_of(doc))
    if hasattr(span, "doc"):
        target = span
    else:
        target = span[:]
    h = _Hits(target, c)
    return frozenset(_tag(h, role, c))


#: a sentence opening with one of these turns from listing limitations to a defence, a summary
#: or a new topic ("However, the effect held in every subgroup.", "Despite these limitations, ...")
_LIST_END = frozenset({"however", "nevertheless", "nonetheless", "despite", "notwithstanding", "still",
                       "yet", "overall", "altogether", "importantly", "in spite", "that said",
                       "in conclusion", "in summary", "to conclude", "to summarize", "taken together"})
#: where a list of the study's own limitations is announced; not where the limits of prior
#: work are (introduction, related work: those are gaps)
_NO_ANNOUNCE_ROLES = frozenset({"abstract", "introduction", "related_work", "background"})


def _announces_limitations(h: _Hits, role: str | None, c: _Compiled) -> bool:
    """The sentence opens a list of the authors' own limitations ("Our study has several limitations.")."""
    if "limitation_announcement" not in h or (role or "").lower() in _NO_ANNOUNCE_ROLES:
        return False
    if set(h.lowers) & _OUTLINE:  # "The limitations of this approach are discussed in Section 5."
        return False
    own, others = _claimants(h, c)
    return own or not others


def _ends_list(h: _Hits) -> bool:
    """A defence, summary or outline sentence ("However, ...", "The next chapter shows ...")."""
    low = h.lowers
    if "outline" in h or set(low) & _OUTLINE:
        return True
    return bool(low) and (low[0] in _LIST_END or " ".join(low[:2]) in _LIST_END or " ".join(low[:3]) in _LIST_END)


def tag_paragraph(spans: Iterable["Span"], role: str | None = None,
                  item_starts: frozenset[int] = frozenset()) -> list[frozenset[str]]:
    """The moves of the sentences of one paragraph (in order), with discourse context.

    Each sentence is tagged as by :func:`tag_span`; then a paragraph that announces the study's
    own limitations ("Our study has several limitations.") is read as going on to list them:
    the sentences after the announcement are limitations too ("The cohort came from a single
    hospital."), until one turns to a defence, a summary or a new topic ("However, ...",
    "Despite these limitations, ..."). A cited sentence in the list ("Smith et al. report ...")
    is not one of ours. This is the document-structure rule of Kilicoglu et al. (2018), whose
    limitation paragraphs hold many sentences with no limitation word of their own.

    Likewise a sentence that opens a list of contributions ("The main contributions are as
    follows:") makes the list's items contributions: the first sentence of each item when
    ``item_starts`` (indices into ``spans``) says where items begin, else every sentence after it.
    """
    out: list[frozenset[str]] = []
    listing = False
    c = None
    prev_words: list[str] = []
    contributing = False
    for span in spans:
        if c is None:
            c = _compiled(_nlp_of(span.doc))
        h = _Hits(span, c)
        tags = _tag(h, role, c)
        if out and "limitation" in out[-1] and role not in _OWN_ROLES | {"discussion", "conclusion"} \
                and _answers_previous(h, prev_words):
            out[-1] = out[-1] - {"limitation"}  # "X is incomplete because of missing values. To infer the missing values, ..."
        prev_words = h.lowers
        if listing:
            if _ends_list(h):
                listing = False
            else:
                own, others = _claimants(h, c)
                if own or not others:
                    tags.add("limitation")
        if not listing and "limitation" in tags and _announces_limitations(h, role, c):
            listing = True
        if contributing and "contribution" not in tags and not _ends_list(h) \
                and (not item_starts or len(out) in item_starts):
            own, others = _claimants(h, c)
            if own or not others:
                tags.add("contribution")  # an item of the list "Our main contributions are as follows:" opened
        if "contribution" in tags and _announces_contributions(h):
            contributing = True
        if "fix_link" in h and "method_link" not in tags:
            # "We observe this effect. [...] To avoid it, we propose ...": the method answers the
            # observation or insight stated in the two sentences before
            own, others = _claimants(h, c)
            if (own or not others) and any("phenomenon" in t or "insight" in t for t in out[-2:]):
                tags.add("method_link")
            else:
                tags.add("~method_link")
        out.append(frozenset(tags))
    return out


def _announces_contributions(h: _Hits) -> bool:
    """The sentence opens a list of contributions ("The main contributions are summarized as
    follows:", "We make the following contributions:"): what follows in the passage (the list's
    items) states them, often with no "we propose" of its own ("A novel dataset containing ...")."""
    low = h.lowers
    if not ({"contribution", "contributions"} & set(low)):
        return False
    return low[-1] == ":" or "follows" in low or "following" in low


_CONDITION = frozenset({"if", "when", "whenever"})
_REMEDY_VERBS = frozenset({"infer", "recover", "impute", "fill", "estimate", "reconstruct", "complete", "predict", "handle"})
_CLAUSE_END = frozenset({",", ";", ":"})
_WEAK_OUTCOME = frozenset({"may", "might", "could", "fail", "fails", "failed", "degrade", "degrades", "suffer", "suffers",
                           "break", "breaks", "worse", "lower", "limited"})


def _handled_case(low: list[str], cues: list[int]) -> bool:
    """Every limitation cue sits in a condition ("if the information is not sufficient, ...") whose
    main clause says what the method then does, with no failure or hedge of its own ("... an
    inference module will be invoked"): the method handling a case, not a limitation of it."""
    if not cues:
        return False
    for i in cues:
        if set(low[max(0, i - 3):i]) & _REMEDY_VERBS:
            continue  # "... is invoked to infer crucial missing values": what the handling recovers
        j = next((k for k in range(i - 1, -1, -1) if low[k] in _CONDITION or low[k] in _CLAUSE_END), None)
        if j is None or low[j] not in _CONDITION:
            return False
        end = next((k for k in range(i, len(low)) if low[k] in _CLAUSE_END), None)
        if end is None:
            return False
        main = low[end + 1:next((k for k in range(end + 1, len(low)) if low[k] in (";", ".")), len(low))]
        if not main or set(main) & (_NEGATORS | _WEAK_OUTCOME):
            return False
    return True


def _answers_previous(h: _Hits, prev_words: list[str]) -> bool:
    """The sentence opens by setting out to remedy what the one before it stated ("[...] because
    of missing values of hidden attributes." then "To infer missing values of hidden attributes,
    an inference graph is built."): the weakness is the problem the method takes on, not a
    limitation of the paper. A fix cue points back by itself ("To avoid this problem, ..."); any
    other purpose clause must repeat two content words of that sentence."""
    if "fix_link" in h:
        return True
    low = h.lowers
    if not (len(low) > 2 and low[0] == "to" and low[1].isalpha()):
        return False
    clause = low[1:low.index(",")] if "," in low else low[1:12]
    content = {w for w in clause if len(w) > 3 and w.isalpha()}
    return len(content & set(prev_words)) >= 2


def _nlp_of(doc) -> "Language":
    return pipeline_of(doc.vocab) or get_nlp()


def tag_texts(texts: list[str], roles: list[str | None] | None = None) -> list[frozenset[str]]:
    """Tag each text as ONE sentence (the whole Doc is the span)."""
    nlp = get_nlp()
    c = _compiled(nlp)
    if roles is None:
        roles = [None] * len(texts)
    if len(roles) != len(texts):
        raise ValueError("roles must have one entry per text")
    out: list[frozenset[str]] = []
    for doc, role in zip(nlp.pipe(texts, batch_size=512), roles):
        out.append(frozenset(_tag(_Hits(doc[:], c), role, c)))
    return out


# ------------------------------------------------------------------------------ CLI


def _read_lines(infile) -> list[str]:
    if infile is None or infile == "-":
        return sys.stdin.read().splitlines()
    if hasattr(infile, "read"):
        data = infile.read()
        if isinstance(data, bytes):
            data = data.decode("utf-8", errors="replace")
        return data.splitlines()
    return Path(infile).read_text(encoding="utf-8", errors="replace").splitlines()


def _parse_line(line: str) -> tuple[str, str | None]:
    s = line.strip()
    if s.startswith("{"):
        try:
            obj = json.loads(s)
        except (ValueError, RecursionError):  # not JSON, or nested deeper than a sentence record is
            return _valid(s), None
        if isinstance(obj, dict) and isinstance(obj.get("text"), str):
            role = obj.get("role")
            if isinstance(role, str):
                return _valid(obj["text"]), role
            section = obj.get("section")  # a section title, as labelled datasets give it
            if isinstance(section, str) and section.strip():
                return _valid(obj["text"]), role_from_title(section)
            return _valid(obj["text"]), None
    return _valid(s), None


def _valid(text: str) -> str:
    """Text every output can carry: a lone surrogate (from JSON "\\ud800") becomes "?"."""
    return text.encode("utf-8", "replace").decode("utf-8") if not text.isascii() else text


def run_tag_command(infile, outfile) -> int:
    """``texlint tag [FILE|-]``: one sentence per line (or JSONL with "text", and optionally a
    "role" such as "discussion" or a "section" title such as "Study limitations") in, one JSON
    object ``{"text": ..., "tags": [...]}`` per non-blank line out."""
    texts: list[str] = []
    roles: list[str | None] = []
    for line in _read_lines(infile):
        if not line.strip():
            continue
        text, role = _parse_line(line)
        texts.append(text)
        roles.append(role)
    results = tag_texts(texts, roles) if texts else []
    lines = [json.dumps({"text": t, "tags": sorted(moves_only(tags))}, ensure_ascii=False) for t, tags in zip(texts, results)]
    payload = "".join(line + "\n" for line in lines)
    if outfile is None or outfile == "-":
        sys.stdout.write(payload)
        sys.stdout.flush()
    elif hasattr(outfile, "write"):
        outfile.write(payload)
    else:
        Path(outfile).write_text(payload, encoding="utf-8")
    return 0


def iter_moves(spans: Iterable["Span"], roles: Iterable[str | None] | None = None):
    """Yield ``(span, moves)`` for sentences of one or more Docs (a helper for rules)."""
    roles_it = iter(roles) if roles is not None else None
    for span in spans:
        role = next(roles_it) if roles_it is not None else None
        yield span, tag_span(span, role)
