"""The spaCy pipeline texlint runs on prose: blank English plus our own components.

Loaded once per process, lazily (importing spaCy costs about a second), and never downloads
anything. Prose reaches spaCy with LaTeX constructs replaced by placeholders (see
``texlint.latex.placeholders``); the tokenizer keeps each placeholder as one token, the
lemma component gives every token a matching key (``texlint.nlp.lemmas``) and the sentence
component splits scientific prose ("et al.", "Fig. 3", "e.g.", display math, citations).
A trained pipeline (``nlp_model`` in config) may be used instead of the blank one; our
components are added to it so rules behave the same.
"""

from __future__ import annotations

import gc
import re
import threading
from typing import TYPE_CHECKING, Iterable

from texlint.latex.placeholders import PLACEHOLDER_RE
from texlint.nlp.lemmas import lemma_key
from texlint.nlp.spacy_import import import_spacy
from texlint.util.errors import ConfigError
from texlint.util.recent import Recent, recent
from texlint.util.timing import gc_paused

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language
    from spacy.tokens import Doc

_LOCK = threading.Lock()
_NLP: dict[str, "Language"] = {}

#: Abbreviations that end in a period but do not end a sentence.
ABBREVIATIONS = (
    "al.", "Fig.", "Figs.", "fig.", "figs.", "Eq.", "Eqs.", "eq.", "eqs.", "Sec.", "Secs.",
    "sec.", "secs.", "Sect.", "Tab.", "Tabs.", "tab.", "No.", "Nos.", "no.", "etc.", "approx.",
    "resp.", "w.r.t.", "cf.", "Cf.", "Ch.", "Chap.", "Thm.", "Thms.", "Lem.", "Lemm.", "Prop.",
    "Def.", "Defn.", "Cor.", "Alg.", "Algo.", "App.", "Appx.", "Apx.", "ca.", "viz.", "vs.",
    "Vs.", "e.g.", "E.g.", "i.e.", "I.e.", "et.", "Ref.", "Refs.", "ref.", "Eqn.", "eqn.",
    "Ex.", "Suppl.", "Supp.", "Tbl.", "Dept.", "Univ.", "Prof.", "Dr.", "Mr.", "Ms.", "Mrs.",
    "St.", "Jr.", "Sr.", "Inc.", "Ltd.", "Co.", "Corp.", "Vol.", "vol.", "pp.", "p.", "ed.",
    "eds.", "Ph.D.", "a.k.a.", "w.l.o.g.", "s.t.", "i.i.d.", "iid.", "resp.", "cm.", "Mt.",
)
#: After these, a capitalised word only starts a sentence if it is a common sentence opener.
_SOFT_ABBREVIATIONS = {"al.", "etc.", "vs.", "Vs.", "resp.", "ca.", "approx."}
_HARD_ABBREVIATIONS = set(ABBREVIATIONS) - _SOFT_ABBREVIATIONS
_OPENERS = set(
    "we the this these our in however it they a an for to as on while although moreover "
    "furthermore thus therefore finally here such unlike following since their its both each "
    "all most many some there one two first second third next then also further additionally "
    "specifically overall instead note similarly consequently hence yet but and or if when "
    "because given despite based by with from using after before during at i table figure "
    "section".split()
)
_TERMINATORS = {".", "!", "?", "…"}
_CLOSERS = {")", "]", "”", "’", "'", '"', "»"}


def _placeholder_tokenizer_settings(nlp: "Language") -> dict:
    """Tokenizer settings that keep ``⟦cite⟧``-style placeholders as single tokens wherever
    they stand, and texlint's abbreviations ("Fig.", "e.g.") whole: the language's own
    prefixes, suffixes, infixes and special cases with ours added in front."""
    from spacy.attrs import ORTH
    from spacy.util import (
        compile_infix_regex,
        compile_prefix_regex,
        compile_suffix_regex,
    )

    ph = PLACEHOLDER_RE.pattern
    defaults = nlp.Defaults
    prefixes = [ph] + [p for p in defaults.prefixes if p not in ("⟦", "⟧")]
    suffixes = [ph] + list(defaults.suffixes)
    infixes = [ph] + list(defaults.infixes)
    rules = dict(nlp.tokenizer.rules or {}) if hasattr(nlp, "tokenizer") else dict(defaults.tokenizer_exceptions)
    rules.update({abbr: [{ORTH: abbr}] for abbr in ABBREVIATIONS})
    return {"rules": rules, "prefix_search": compile_prefix_regex(prefixes).search,
            "suffix_search": compile_suffix_regex(suffixes).search,
            "infix_finditer": compile_infix_regex(infixes).finditer}


def _texlint_tokenizer(nlp: "Language"):
    """The blank pipeline's tokenizer, built once with texlint's settings. spaCy's own would be
    built first and then replaced: loading its ~1,300 special cases and compiling its affix
    expressions twice cost about 0.2 s of every start."""
    from spacy.tokenizer import Tokenizer

    tok = Tokenizer(nlp.vocab, token_match=nlp.Defaults.token_match, url_match=nlp.Defaults.url_match,
                    **_placeholder_tokenizer_settings(nlp))
    _OWN_TOKENIZERS.append(tok)
    return tok


#: the tokenizers :func:`_texlint_tokenizer` built (kept, so an id is never reused)
_OWN_TOKENIZERS: list = []


def has_texlint_tokenizer(nlp: "Language") -> bool:
    """Whether ``nlp`` tokenizes as texlint's blank pipeline does (what a table of tokenized cue
    phrases, built once, may stand for)."""
    return any(nlp.tokenizer is tok for tok in _OWN_TOKENIZERS)


def tokenizer_signature() -> str:
    """What decides how the blank pipeline tokenizes: spaCy's version and texlint's settings."""
    return "\n".join([import_spacy().__version__, PLACEHOLDER_RE.pattern, *ABBREVIATIONS])


def _add_placeholder_tokenization(nlp: "Language") -> None:
    """Give a loaded (trained) pipeline texlint's tokenizer settings, keeping its own matchers."""
    from spacy.tokenizer import Tokenizer

    tok = nlp.tokenizer
    # One tokenizer built with everything at once: setting prefix_search, suffix_search,
    # infix_finditer and each special case one by one reloads all ~1,300 special cases every
    # time (half a second of every start).
    nlp.tokenizer = Tokenizer(nlp.vocab, token_match=tok.token_match, url_match=tok.url_match,
                              faster_heuristics=tok.faster_heuristics, **_placeholder_tokenizer_settings(nlp))


def _is_placeholder(text: str) -> bool:
    return PLACEHOLDER_RE.fullmatch(text) is not None


def _starts_sentence(words: list[str], i: int) -> bool:
    text = words[i]
    if _is_placeholder(text):
        return text != "⟦eq⟧"  # display math continues the sentence ("where", "with")
    first = text[0]
    if first.isupper() or _LOWER_CASE_NAME.fullmatch(text):  # "... [cite]. word2vec provides ..."
        return True
    if text == "(" and _is_enumerator(words, i + 1):  # "features. (1) It represents ..."
        return _opens_item(words, i + 1, i + 3)
    if _is_enumerator(words, i):  # "features. 1) It represents ..."
        return _opens_item(words, i, i + 2)
    if first in "“\"'(" and i + 1 < len(words):
        nxt = words[i + 1]
        return nxt[:1].isupper() or _is_placeholder(nxt)
    return False


_ENUMERATOR = re.compile(r"(?:\d{1,2}|[a-h]|[ivx]{1,4})")


def _is_enumerator(words: list[str], i: int) -> bool:
    """An item label closed by ")": "1)", "(ii)", "b)" (followed by the item's words)."""
    return i + 1 < len(words) and words[i + 1] == ")" and _ENUMERATOR.fullmatch(words[i]) is not None


def _opens_item(words: list[str], label: int, i: int) -> bool:
    """An item after a full stop starts a sentence when its first word could start one; a numbered
    one always does ("facets. (2) lib2vec provides ...")."""
    if i >= len(words):
        return False
    if words[label].isdigit() or words[label] in ("ii", "iii", "iv", "vi", "vii", "viii"):
        return True
    return words[i][:1].isupper() or _is_placeholder(words[i]) or _LOWER_CASE_NAME.fullmatch(words[i]) is not None


#: a name written in lower case with a digit or a capital inside ("word2vec", "lib2vec", "iPhone", "mAP"):
#: after a full stop it starts a sentence as a capitalised word does
_LOWER_CASE_NAME = re.compile(r"[a-z]+(?:\d|[A-Z])[\w-]*")


def split_sentences(doc: "Doc") -> "Doc":
    """Set sentence starts for scientific prose (a pipeline component)."""
    n = len(doc)
    if n == 0:
        return doc
    # strings: reading tokens one by one costs a Token object each time
    words = doc.user_data.pop(_TEXTS, None) or token_strings(doc, "ORTH")
    starts = [False] * n
    starts[0] = True
    i = 0
    while i < n - 1:
        text = words[i]
        boundary_after = None
        if text in _TERMINATORS or (text.endswith(("!", "?")) and len(text) > 1 and not text[0].isalnum()):
            j = i + 1
            while j < n and words[j] in _CLOSERS:
                j += 1
            if j < n and (_starts_sentence(words, j) or words[j] in "“\""):
                boundary_after = j
        elif text in _SOFT_ABBREVIATIONS or (len(text) > 1 and text.endswith(".") and text not in _HARD_ABBREVIATIONS):
            j = i + 1
            if j < n and words[j].lower() in _OPENERS and words[j][:1].isupper():
                boundary_after = j
        elif text == "⟦eq⟧":
            j = i + 1
            if j < n and words[j][:1].isupper() and words[j].lower() in _OPENERS:
                boundary_after = j
        if boundary_after is not None:
            starts[boundary_after] = True
            i = boundary_after
        else:
            i += 1
    # One array write: setting token.is_sent_start one by one is quadratic in spaCy.
    import numpy
    from spacy.attrs import SENT_START

    values = numpy.array([1 if s else -1 for s in starts], dtype="int64").astype("uint64").reshape(-1, 1)
    doc.from_array([SENT_START], values)
    return doc


#: ``Doc.user_data`` keys: the tokens' texts, lower-cased texts and lemmas (see :func:`doc_words`),
#: and the texts alone, handed from the lemma component to the sentence splitter
WORDS = "texlint_words"
_TEXTS = "texlint_texts"


def token_strings(doc: "Doc", attr: str) -> list[str]:
    """One string attribute (``"ORTH"``: the texts, ``"LEMMA"``) of every token, read from one
    array: ``[t.text for t in doc]`` builds a Token object per word, about 3x slower (a sixth of
    the annotation stage)."""
    if not len(doc):
        return []
    from spacy import attrs

    keys = doc.to_array(getattr(attrs, attr)).tolist()
    lookup = doc.vocab.strings.__getitem__
    strings = {k: lookup(k) for k in set(keys)}
    return [strings[k] for k in keys]


def doc_words(doc: "Doc") -> tuple[list[str], list[str], list[str]]:
    """The texts, lower-cased texts and lemmas of a Doc's tokens, computed once per Doc until
    :func:`release_words`: the tagger slices them per sentence instead of building a Token
    object per word per pass."""
    words = doc.user_data.get(WORDS)
    if words is None:
        texts = token_strings(doc, "ORTH")
        words = (texts, [t.lower() for t in texts], token_strings(doc, "LEMMA"))
        doc.user_data[WORDS] = words
    return words


def release_words(doc: "Doc") -> None:
    """Forget :func:`doc_words` of a Doc once its sentences are tagged: kept for every Doc of a
    1 MB thesis they cost tens of megabytes."""
    doc.user_data.pop(WORDS, None)


def set_lemmas(doc: "Doc") -> "Doc":
    """Give every token a lemma key (a pipeline component of the blank pipeline), in one array
    write, and hand the token texts to the sentence splitter."""
    texts = token_strings(doc, "ORTH")
    keys = [lemma_key(t) for t in texts]
    if keys:
        import numpy
        from spacy.attrs import LEMMA

        add = doc.vocab.strings.add
        doc.from_array([LEMMA], numpy.array([add(k) for k in keys], dtype="uint64").reshape(-1, 1))
    doc.user_data[_TEXTS] = texts  # the sentence splitter's, next in the pipeline
    return doc


#: the registered name of :func:`_texlint_tokenizer` (spaCy builds a blank pipeline's tokenizer
#: from its config)
TOKENIZER = "texlint.tokenizer.v1"


def _register_components() -> None:
    from spacy.language import Language

    if "texlint_sentences" not in Language.factories:
        Language.component("texlint_sentences")(split_sentences)
        Language.component("texlint_lemmas")(set_lemmas)
    from spacy.util import registry

    if TOKENIZER not in registry.tokenizers:
        registry.tokenizers.register(TOKENIZER, func=lambda: _texlint_tokenizer)


def get_nlp(model: str | None = None) -> "Language":
    """Return the shared pipeline (blank English unless ``model`` names an installed one)."""
    key = model or "blank"
    with _LOCK:
        nlp = _NLP.get(key)
        if nlp is not None:
            return nlp
        with gc_paused():  # spaCy's import and the tokenizer allocate a great deal, all kept
            nlp = _build(model)
        gc.freeze()  # the pipeline lives as long as the process: collections need not walk it
        _NLP[key] = nlp
        return nlp


def _build(model: str | None) -> "Language":
    """Blank English with texlint's tokenizer and sentence splitter (or a named trained pipeline)."""
    spacy = import_spacy()

    _register_components()
    if model:
        try:
            nlp = spacy.load(model, exclude=["ner", "textcat"])
        except (OSError, ValueError, ImportError) as exc:  # not installed, not a pipeline folder, bad config
            raise ConfigError(f"nlp-model {model!r} cannot be loaded: {str(exc).splitlines()[0]}") from None
        for name in ("senter", "sentencizer"):
            if name in nlp.pipe_names:
                nlp.remove_pipe(name)
        if "parser" in nlp.pipe_names:
            nlp.disable_pipe("parser")
        _add_placeholder_tokenization(nlp)
    else:
        nlp = spacy.blank("en", config={"nlp": {"tokenizer": {"@tokenizers": TOKENIZER}}})
    if not model:
        nlp.add_pipe("texlint_lemmas")
    nlp.add_pipe("texlint_sentences")
    nlp.max_length = 50_000_000
    return nlp


def pipeline_of(vocab) -> "Language | None":
    """The loaded pipeline that owns ``vocab`` (a Doc's), if it is one of ours."""
    for nlp in list(_NLP.values()):
        if nlp.vocab is vocab:
            return nlp
    return None


_DOCS: Recent | None = None  # (model, text) -> Doc, when remembered


def remember_docs(limit: int = 10_000) -> None:
    """Keep the annotated Docs of the last ``limit`` texts (the language server: an edit
    re-annotates only the paragraphs it changed). Nothing downstream writes to a Doc."""
    global _DOCS
    _DOCS = recent(limit)


def pipe(texts: Iterable[str], model: str | None = None) -> list["Doc"]:
    """Run the pipeline over all texts in one ``nlp.pipe`` call (over the texts not remembered)."""
    nlp = get_nlp(model)
    memo = _DOCS
    if memo is None:
        return list(nlp.pipe(texts, batch_size=256))
    texts = list(texts)
    out: list = [memo.get((model, t)) for t in texts]
    todo = [i for i, d in enumerate(out) if d is None]
    for i, d in zip(todo, nlp.pipe((texts[i] for i in todo), batch_size=256)):
        out[i] = d
        memo.put((model, texts[i]), d)
    return out


_WS = re.compile(r"\s+")


def sentences(text: str) -> list[str]:
    """Split plain text into sentences (handy for tests and ``texlint tag``)."""
    doc = get_nlp()(_WS.sub(" ", text).strip())
    return [s.text for s in doc.sents]
