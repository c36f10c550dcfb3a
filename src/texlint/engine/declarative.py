"""Declarative rule types: one class per ``type =`` of a ``[[rule]]`` table in a TOML pack.

The types cover what Vale styles express, adapted to papers: existence, substitution,
occurrence, conditional, consistency, repetition, metric and sequence. Matching uses spaCy's
PhraseMatcher (on LOWER or on LEMMA keys) and Matcher (token patterns), compiled once per
pipeline; nothing here loops regexes over text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import ClassVar, Iterable, Iterator

from texlint.analysis.claimant import is_own_claim
from texlint.engine.finding import SEVERITIES, Finding
from texlint.engine.rule import CATEGORIES, SCOPES, Rule, RuleError
from texlint.latex.model import Sentence
from texlint.nlp.lemmas import lemma_key

COMMON_KEYS = {"code", "name", "type", "category", "severity", "default", "status", "scopes",
               "message", "summary", "why", "bad", "good", "fix", "question", "options", "aliases",
               "accuracy"}
MATCH_KEYS = {"tokens", "lemmas", "patterns", "moves", "exceptions", "unless", "unless_before"}
CLAIM_KEYS = {"own_claims_only"}  # only sentences that are the authors' own claims (texlint.analysis.claimant)
_PATTERN_ATTRS = {"LOWER", "LEMMA", "TEXT", "ORTH", "SHAPE", "LIKE_NUM", "IS_DIGIT", "IS_ALPHA",
                  "IS_PUNCT", "IS_UPPER", "IS_TITLE", "IS_LOWER", "LENGTH", "OP", "IS_SENT_START",
                  "PREFIX", "SUFFIX", "NORM", "IS_SPACE", "IS_STOP", "LIKE_URL", "POS", "TAG"}


@dataclass
class Match:
    sent: Sentence
    start: int  # char offsets within the sentence
    end: int
    text: str


class MatchSpec:
    """A compiled set of phrases/lemmas/token patterns/moves with exceptions."""

    def __init__(self, spec: dict, where: str) -> None:
        self.where = where
        self.tokens = _str_list(spec.get("tokens", []), where, "tokens")
        self.lemmas = _str_list(spec.get("lemmas", []), where, "lemmas")
        self.patterns = spec.get("patterns", [])
        self.moves = _str_list(spec.get("moves", []), where, "moves")
        self.exceptions = _str_list(spec.get("exceptions", []), where, "exceptions")
        self.unless = _str_list(spec.get("unless", []), where, "unless")
        self.unless_before = _str_list(spec.get("unless_before", []), where, "unless_before")
        if not isinstance(self.patterns, list) or any(not isinstance(p, list) for p in self.patterns):
            raise RuleError(f"{where}: 'patterns' must be a list of token-pattern lists")
        for pat in self.patterns:
            if len(pat) > MAX_PATTERN_TOKENS:
                raise RuleError(f"{where}: a token pattern has {len(pat)} tokens (at most {MAX_PATTERN_TOKENS})")
            ops = 0
            for tok in pat:
                if not isinstance(tok, dict):
                    raise RuleError(f"{where}: each token pattern must be a table")
                for k, v in tok.items():
                    if k.upper() not in _PATTERN_ATTRS:
                        raise RuleError(f"{where}: unknown token attribute '{k}' in patterns")
                    if k.upper() == "OP":
                        if v not in ("!", "?", "*", "+", "{0}") and not (isinstance(v, str) and _BOUNDED_OP.fullmatch(v)):
                            raise RuleError(f"{where}: unknown operator {v!r} in patterns")
                        ops += v in ("*", "+")
                    _check_regexes(v, where)
            if ops > MAX_OPEN_OPERATORS:
                raise RuleError(f"{where}: a token pattern has {ops} '*'/'+' operators (at most {MAX_OPEN_OPERATORS}; "
                                "each one multiplies the work on every sentence)")
        self._compiled: dict[int, tuple] = {}
        self._required = _required_words(self.patterns)

    def _may_match(self, span, low: str) -> bool:
        """Whether the patterns can match ``span`` (whose text in lower case is ``low``) at all:
        some pattern's required LOWER and LEMMA tests must all pass, so other sentences are
        skipped without running the Matcher (a third of a millisecond per sentence). A LOWER word
        is looked for in the text (a token's lower case is part of it), so the test never hides
        a match; the span's lemmas are read only when a pattern needs them."""
        if self._required is None:
            return True
        lemmas_here = None
        for tests in self._required:
            for attr, words in tests:
                if attr == "LOWER":
                    if not any(w in low for w in words):
                        break
                else:
                    if lemmas_here is None:
                        lemmas_here = {t.lemma_ for t in span}
                    if lemmas_here.isdisjoint(words):
                        break
            else:
                return True
        return False

    def empty(self) -> bool:
        return not (self.tokens or self.lemmas or self.patterns or self.moves)

    def _compile(self, nlp):
        key = id(nlp)
        if key in self._compiled:
            return self._compiled[key]
        try:
            return self._build(nlp, key)
        except (ValueError, TypeError, KeyError) as exc:  # spaCy rejects the pattern: the pack's error
            raise RuleError(f"{self.where}: invalid token pattern ({' '.join(str(exc).split())[:160]})") from None

    def _build(self, nlp, key):
        from spacy.matcher import Matcher, PhraseMatcher

        lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        if self.tokens:
            lower.add("m", list(nlp.tokenizer.pipe(self.tokens)))
        lemma = PhraseMatcher(nlp.vocab, attr="LEMMA")
        if self.lemmas:
            lemma.add("m", list(nlp.pipe(self.lemmas)))
        matcher = Matcher(nlp.vocab)
        if self.patterns:
            matcher.add("m", [_normalise_pattern(p, lemma_key) for p in self.patterns])
        exc = PhraseMatcher(nlp.vocab, attr="LOWER")
        exc_lemma = PhraseMatcher(nlp.vocab, attr="LEMMA")
        if self.exceptions:
            exc.add("x", list(nlp.tokenizer.pipe(self.exceptions)))
            exc_lemma.add("x", list(nlp.pipe(self.exceptions)))
        unless = PhraseMatcher(nlp.vocab, attr="LEMMA")
        if self.unless:
            unless.add("u", list(nlp.pipe(self.unless)))
        before = PhraseMatcher(nlp.vocab, attr="LEMMA")
        if self.unless_before:
            before.add("b", list(nlp.pipe(self.unless_before)))
        # the first token of each phrase, in lower case: a sentence whose text holds none of them
        # cannot match (the PhraseMatcher is not run on it)
        firsts = frozenset(d[0].lower_ for d in nlp.tokenizer.pipe(self.tokens) if len(d))
        compiled = (lower, lemma, matcher, exc, exc_lemma, unless, before, firsts)
        self._compiled[key] = compiled
        return compiled

    def find(self, sent: Sentence, nlp) -> list[Match]:
        span = sent.span
        if span is None:
            return []
        lower, lemma, matcher, exc, exc_lemma, unless, before, firsts = self._compile(nlp)
        found: list[tuple[int, int]] = []
        base = span.start  # PhraseMatcher gives Doc offsets on a Span, Matcher Span offsets
        low = sent.text.lower()  # the span's text (the Doc is made from the prose text)
        if self.tokens and any(w in low for w in firsts):
            found += [(s - base, e - base) for _, s, e in lower(span)]
        if self.lemmas:
            found += [(s - base, e - base) for _, s, e in lemma(span)]
        if self.patterns and self._may_match(span, low):
            found += [(s, e) for _, s, e in matcher(span)]
        if self.moves and set(self.moves) & set(sent.tags):
            found.append((0, len(span)))
        if not found:
            return []
        if self.unless and len(unless(span)):
            return []
        excepted = [(s - base, e - base) for _, s, e in exc(span)] if self.exceptions else []
        # a phrase of ``unless_before`` silences only what follows it: "CPC ⟦cite⟧ produced excellent
        # performance" is the cited work's result, "scales beyond previously reported results ⟦cite⟧" ours
        first_before = min((s - base for _, s, _e in before(span)), default=None) if self.unless_before else None
        if self.exceptions:
            excepted += [(s - base, e - base) for _, s, e in exc_lemma(span)]
        out: list[Match] = []
        taken: list[tuple[int, int]] = []
        for s, e in sorted(set(found), key=lambda t: (t[0], -(t[1] - t[0]))):
            if any(s < xe and xs < e for xs, xe in excepted):
                continue
            if any(s < te and ts < e for ts, te in taken):
                continue
            if first_before is not None and first_before < s:
                continue
            taken.append((s, e))
            sub = span[s:e]
            a = sub.start_char - span.start_char
            b = sub.end_char - span.start_char
            out.append(Match(sent, a, b, sub.text))
        return out


def _required_words(patterns: list[list[dict]]) -> list[tuple[tuple[str, frozenset[str]], ...]] | None:
    """Per pattern, every plain LOWER/LEMMA test its matches must pass, as ("LOWER" or "LEMMA",
    words) pairs (lemma keys for LEMMA), the LOWER ones first and the longest-worded first among
    them (a substring test is cheaper than reading lemmas, and a long word is the rarer one in
    prose); None when some pattern has no such test. A sentence can match only if it passes all
    the tests of one pattern: "demonstrate that ... stem from" needs "that", "from" and the two
    lemmas together, so sentences holding only "that" never reach the Matcher."""
    out = []
    for pattern in patterns:
        tests = []
        for tok in pattern:
            picked = _required_test(tok)
            if picked is None:
                continue
            attr, values = picked
            keys = frozenset(values) if attr == "LOWER" else frozenset(lemma_key(v) for v in values)
            tests.append((attr, keys))
        if not tests:
            return None
        tests.sort(key=lambda t: (t[0] != "LOWER", -min(len(v) for v in t[1])))
        out.append(tuple(dict.fromkeys(tests)))
    return out or None


def _required_test(tok: dict) -> tuple[str, list[str]] | None:
    """("LOWER" or "LEMMA", its words) when the token must appear in every match (no operator, or
    one that needs at least one: "+", "{2}", "{1,3}") and tests one plain LOWER/LEMMA value or set."""
    tests = {k.upper(): v for k, v in tok.items()}
    op = tests.pop("OP", None)
    if op is not None and not (op == "+" or isinstance(op, str) and re.fullmatch(r"\{[1-9]\d*(,\d*)?\}", op)):
        return None
    if len(tests) != 1:
        return None
    (attr, value), = tests.items()
    if attr not in ("LOWER", "LEMMA"):
        return None
    if isinstance(value, str):
        values = [value]
    elif isinstance(value, dict) and set(value) == {"IN"} and isinstance(value["IN"], list) and value["IN"]:
        values = value["IN"]
    else:
        return None
    return attr, [str(v) for v in values]


def _normalise_pattern(pattern: list[dict], lemma_key) -> list[dict]:
    out = []
    for tok in pattern:
        t = {}
        for k, v in tok.items():
            ku = k.upper()
            if ku == "LEMMA":
                if isinstance(v, str):
                    v = lemma_key(v)
                elif isinstance(v, dict):
                    v = {op: ([lemma_key(x) for x in vals] if isinstance(vals, list) else vals) for op, vals in v.items()}
            t[ku] = v
        out.append(t)
    return out


def _str_list(value, where: str, key: str) -> list[str]:
    if not isinstance(value, list) or any(not isinstance(v, str) for v in value):
        raise RuleError(f"{where}: '{key}' must be a list of strings")
    return value


def _fmt(template: str, **values) -> str:
    """Fill ``{name}`` placeholders (and only those: no format specs, so a pack's message cannot
    ask for a billion-character field). ``{times}`` is ``{count}`` in words: "once", "twice", "3 times"."""
    if isinstance(values.get("count"), int):
        values["times"] = times(values["count"])
    return _PLACEHOLDER.sub(lambda m: str(values[m.group(1)])[:500] if m.group(1) in values else m.group(0), template)


def times(n: int) -> str:
    """A count as a reader says it: "once", "twice", "3 times"."""
    return "once" if n == 1 else "twice" if n == 2 else f"{n} times"


_PLACEHOLDER = re.compile(r"\{(\w+)\}")
_BOUNDED_OP = re.compile(r"\{\d{1,2}(?:,\d{0,2})?\}")
MAX_PATTERN_TOKENS = 30
MAX_OPEN_OPERATORS = 4
MAX_REGEX_LENGTH = 300
#: A quantified group that itself repeats, the shape of catastrophic backtracking: (a+)+, (a|aa)*
_NESTED_QUANTIFIER = re.compile(r"\((?:[^()\\]|\\.)*[+*}](?:[^()\\]|\\.)*\)[+*{]|\((?:[^()\\]|\\.)*\|(?:[^()\\]|\\.)*\)[+*]")


def _check_regexes(value, where: str) -> None:
    """A REGEX in a token pattern must compile, be short and not backtrack catastrophically."""
    if isinstance(value, dict):
        for op, v in value.items():
            if str(op).upper() == "REGEX":
                if not isinstance(v, str):
                    raise RuleError(f"{where}: REGEX must be a string")
                if len(v) > MAX_REGEX_LENGTH:
                    raise RuleError(f"{where}: REGEX longer than {MAX_REGEX_LENGTH} characters")
                if _NESTED_QUANTIFIER.search(v):
                    raise RuleError(f"{where}: REGEX {v!r} repeats a repeated group (catastrophic backtracking); "
                                    "write it without nested quantifiers")
                try:
                    re.compile(v)
                except re.error as exc:
                    raise RuleError(f"{where}: invalid REGEX {v!r}: {exc}") from None
            else:
                _check_regexes(v, where)


class DeclarativeRule(Rule):
    """Base of the declarative types; instances are made from TOML tables."""

    type_name: ClassVar[str] = ""
    type_keys: ClassVar[set[str]] = set()
    needs_nlp = True

    def __init__(self, options: dict | None = None) -> None:
        super().__init__(options)

    @classmethod
    def from_table(cls, table: dict, where: str) -> type["DeclarativeRule"]:
        """Make a new rule class from a ``[[rule]]`` table (validated)."""
        allowed = COMMON_KEYS | cls.type_keys
        for k in table:
            if k not in allowed:
                raise RuleError(f"{where}: rule {table.get('code', '?')}: unknown key '{k}'")
        for k in ("code", "name", "message"):
            if not isinstance(table.get(k), str) or not table.get(k):
                raise RuleError(f"{where}: rule {table.get('code', '?')}: '{k}' is required")
        sev = table.get("severity", "warning")
        if sev not in SEVERITIES:
            raise RuleError(f"{where}: rule {table['code']}: severity must be one of {', '.join(SEVERITIES)}")
        cat = table.get("category", "style")
        if cat not in CATEGORIES:
            raise RuleError(f"{where}: rule {table['code']}: category must be one of {', '.join(CATEGORIES)}")
        scopes = tuple(table.get("scopes", ["any"]))
        for s in scopes:
            if s not in SCOPES:
                raise RuleError(f"{where}: rule {table['code']}: unknown scope '{s}'")
        attrs = {
            "code": table["code"], "name": table["name"], "category": cat, "severity": sev,
            "default": bool(table.get("default", True)), "status": table.get("status", "stable"),
            "scopes": scopes, "summary": table.get("summary", ""), "why": table.get("why", ""),
            "bad": table.get("bad", ""), "good": table.get("good", ""), "fix": table.get("fix", ""),
            "question": table.get("question", ""), "accuracy": table.get("accuracy", ""), "options": dict(table.get("options", {})),
            "aliases": tuple(table.get("aliases", ())), "origin": where, "message": table["message"],
            "table": table,
        }
        new = type(f"Rule_{table['code']}", (cls,), attrs)
        new.prepare(table, where)
        return new

    @classmethod
    def prepare(cls, table: dict, where: str) -> None:
        """Validate and compile type-specific keys (subclasses)."""

    def sentences(self, ctx) -> Iterator[Sentence]:
        return ctx.sentences_in(self.scopes)


class Existence(DeclarativeRule):
    """A finding for every match of the phrases/lemmas/patterns/moves in scope."""

    type_name = "existence"
    type_keys = MATCH_KEYS | CLAIM_KEYS

    @classmethod
    def prepare(cls, table, where):
        cls.spec = MatchSpec(table, f"{where}: rule {table['code']}")
        if cls.spec.empty():
            raise RuleError(f"{where}: rule {table['code']}: needs tokens, lemmas, patterns or moves")

    def check(self, doc, ctx) -> Iterable[Finding]:
        nlp = ctx.nlp
        own_only = bool(self.table.get("own_claims_only", False))
        for sent in self.sentences(ctx):
            found = self.spec.find(sent, nlp)
            if not found or own_only and not is_own_claim(sent, doc):
                continue
            for m in found:
                yield ctx.sentence_finding(sent, _fmt(self.message, match=m.text), m.start, m.end)


class Sequence(Existence):
    """Token patterns (spaCy Matcher on LOWER/LEMMA/SHAPE/LIKE_NUM...), with exceptions."""

    type_name = "sequence"

    @classmethod
    def prepare(cls, table, where):
        if not table.get("patterns"):
            raise RuleError(f"{where}: rule {table['code']}: a sequence rule needs 'patterns'")
        super().prepare(table, where)


class Substitution(DeclarativeRule):
    """Phrase -> suggested replacement."""

    type_name = "substitution"
    type_keys = {"swap", "exceptions"}

    @classmethod
    def prepare(cls, table, where):
        swap = table.get("swap")
        if not isinstance(swap, dict) or not swap or any(not isinstance(v, str) for v in swap.values()):
            raise RuleError(f"{where}: rule {table['code']}: 'swap' must be a table of phrase = replacement")
        cls.swap = {k.lower(): v for k, v in swap.items()}
        cls.spec = MatchSpec({"tokens": list(swap), "exceptions": table.get("exceptions", [])},
                             f"{where}: rule {table['code']}")

    def check(self, doc, ctx):
        for sent in self.sentences(ctx):
            for m in self.spec.find(sent, ctx.nlp):
                rep = self.swap.get(m.text.lower(), "")
                yield ctx.sentence_finding(sent, _fmt(self.message, match=m.text, replacement=rep), m.start, m.end,
                                           suggestion=rep)


class Occurrence(DeclarativeRule):
    """A pattern must occur at least ``min`` / at most ``max`` times in the scope."""

    type_name = "occurrence"
    type_keys = MATCH_KEYS | {"min", "max"}

    @classmethod
    def prepare(cls, table, where):
        cls.spec = MatchSpec(table, f"{where}: rule {table['code']}")
        if cls.spec.empty():
            raise RuleError(f"{where}: rule {table['code']}: needs tokens, lemmas, patterns or moves")
        cls.min = table.get("min")
        cls.max = table.get("max")
        for k in ("min", "max"):
            v = table.get(k)
            if v is not None and (not isinstance(v, int) or v < 0):
                raise RuleError(f"{where}: rule {table['code']}: '{k}' must be a non-negative integer")
        if cls.min is None and cls.max is None:
            raise RuleError(f"{where}: rule {table['code']}: an occurrence rule needs 'min' or 'max'")

    def check(self, doc, ctx):
        sections = ctx.sections_in(self.scopes)
        if not sections and "any" not in self.scopes and not any(s in ("captions", "footnotes", "title") for s in self.scopes):
            return  # the scope is absent: other rules report missing sections
        matches = [m for sent in self.sentences(ctx) for m in self.spec.find(sent, ctx.nlp)]
        count = len(matches)
        if self.min is not None and count < self.min:
            yield ctx.document_finding(_fmt(self.message, count=count, min=self.min, max=self.max),
                                       section=sections[0] if sections else None)
        if self.max is not None and count > self.max:
            m = matches[self.max]
            yield ctx.sentence_finding(m.sent, _fmt(self.message, count=count, min=self.min, max=self.max, match=m.text),
                                       m.start, m.end)


class Conditional(DeclarativeRule):
    """If the ``if`` pattern occurs in ``scopes``, the ``then`` pattern must occur in ``then_scopes``."""

    type_name = "conditional"
    type_keys = {"if", "then", "then_scopes", "report"}

    @classmethod
    def prepare(cls, table, where):
        w = f"{where}: rule {table['code']}"
        if not isinstance(table.get("if"), dict) or not isinstance(table.get("then"), dict):
            raise RuleError(f"{w}: a conditional rule needs 'if' and 'then' tables")
        for k in table["if"]:
            if k not in MATCH_KEYS:
                raise RuleError(f"{w}: unknown key 'if.{k}'")
        for k in table["then"]:
            if k not in MATCH_KEYS:
                raise RuleError(f"{w}: unknown key 'then.{k}'")
        cls.if_spec = MatchSpec(table["if"], w + " if")
        cls.then_spec = MatchSpec(table["then"], w + " then")
        cls.then_scopes = tuple(table.get("then_scopes", ["any"]))
        for s in cls.then_scopes:
            if s not in SCOPES:
                raise RuleError(f"{w}: unknown scope '{s}' in then_scopes")
        cls.report = table.get("report", "first")
        if cls.report not in ("first", "all"):
            raise RuleError(f"{w}: 'report' must be 'first' or 'all'")

    def check(self, doc, ctx):
        hits = [m for sent in self.sentences(ctx) for m in self.if_spec.find(sent, ctx.nlp)]
        if not hits:
            return
        for sent in ctx.sentences_in(self.then_scopes):
            if self.then_spec.find(sent, ctx.nlp):
                return
        for m in hits[:1] if self.report == "first" else hits:
            yield ctx.sentence_finding(m.sent, _fmt(self.message, match=m.text), m.start, m.end)


class Consistency(DeclarativeRule):
    """One spelling of a term across the paper: flags the less used variants."""

    type_name = "consistency"
    type_keys = {"variants"}

    @classmethod
    def prepare(cls, table, where):
        v = table.get("variants")
        if not isinstance(v, list) or not v or any(not isinstance(g, list) or len(g) < 2 for g in v):
            raise RuleError(f"{where}: rule {table['code']}: 'variants' must be a list of lists of 2+ spellings")
        cls.groups = [[s for s in g] for g in v]
        cls._matchers = {}

    def _matcher(self, nlp):
        """One PhraseMatcher for all groups (match id = group index): one pass per sentence."""
        m = self._matchers.get(id(nlp))
        if m is None:
            from spacy.matcher import PhraseMatcher

            m = PhraseMatcher(nlp.vocab, attr="LOWER")
            for i, group in enumerate(self.groups):
                m.add(f"g{i}", list(nlp.tokenizer.pipe(group)))
            self._matchers[id(nlp)] = m
        return m

    def check(self, doc, ctx):
        matcher = self._matcher(ctx.nlp)
        strings = ctx.nlp.vocab.strings
        found: dict[int, dict[str, list[Match]]] = {}
        for sent in self.sentences(ctx):
            span = sent.span
            if span is None:
                continue
            for key, s, e in matcher(span):
                gi = int(strings[key][1:])
                sub = span.doc[s:e]
                m = Match(sent, sub.start_char - span.start_char, sub.end_char - span.start_char, sub.text)
                found.setdefault(gi, {}).setdefault(_variant_of(m.text, self.groups[gi]), []).append(m)
        for gi, by_variant in sorted(found.items()):
            group = self.groups[gi]
            if len(by_variant) < 2:
                continue
            preferred = max(by_variant, key=lambda k: (len(by_variant[k]), -group.index(k)))
            for key, ms in by_variant.items():
                if key == preferred:
                    continue
                for m in ms:
                    yield ctx.sentence_finding(m.sent, _fmt(self.message, match=m.text, preferred=preferred,
                                                            count=len(by_variant[preferred])), m.start, m.end,
                                               suggestion=preferred)


def _variant_of(text: str, group: list[str]) -> str:
    low = " ".join(text.lower().split())
    for g in group:
        if " ".join(g.lower().split()) == low:
            return g
    return group[0]


class Repetition(DeclarativeRule):
    """The same word twice in a row ("the the")."""

    type_name = "repetition"
    type_keys = {"ignore"}

    @classmethod
    def prepare(cls, table, where):
        cls.ignore = {w.lower() for w in _str_list(table.get("ignore", []), where, "ignore")}

    def check(self, doc, ctx):
        for sent in self.sentences(ctx):
            span = sent.span
            if span is None:
                continue
            for i in range(len(span) - 1):
                a, b = span[i], span[i + 1]
                if a.is_alpha and a.lower_ == b.lower_ and a.whitespace_ and a.lower_ not in self.ignore:
                    s = a.idx - span.start_char
                    e = b.idx + len(b) - span.start_char
                    yield ctx.sentence_finding(sent, _fmt(self.message, match=a.text), s, e, suggestion=a.text)


class Metric(DeclarativeRule):
    """A measure of each element (sentence/paragraph/section words) must stay within bounds."""

    type_name = "metric"
    type_keys = {"metric", "min", "max"}
    METRICS = ("sentence_words", "paragraph_words", "section_words")

    @classmethod
    def prepare(cls, table, where):
        w = f"{where}: rule {table['code']}"
        cls.metric = table.get("metric")
        if cls.metric not in cls.METRICS:
            raise RuleError(f"{w}: 'metric' must be one of {', '.join(cls.METRICS)}")
        cls.min = table.get("min")
        cls.max = table.get("max")
        if cls.min is None and cls.max is None:
            raise RuleError(f"{w}: a metric rule needs 'min' or 'max'")

    def _bounds(self):
        return self.opts.get("min", self.min), self.opts.get("max", self.max)

    def _out(self, value: int) -> bool:
        lo, hi = self._bounds()
        return (lo is not None and value < lo) or (hi is not None and value > hi)

    def check(self, doc, ctx):
        lo, hi = self._bounds()
        if self.metric == "sentence_words":
            for sent in self.sentences(ctx):
                n = sum(1 for t in sent.span if not t.is_punct) if sent.span is not None else len(sent.text.split())
                if self._out(n):
                    yield ctx.sentence_finding(sent, _fmt(self.message, count=n, min=lo, max=hi))
        elif self.metric == "paragraph_words":
            for p in ctx.prose_in(self.scopes):
                n = len(p.text.split())
                if self._out(n) and p.sentences:
                    yield ctx.sentence_finding(p.sentences[0], _fmt(self.message, count=n, min=lo, max=hi))
        else:
            for sec in ctx.sections_in(self.scopes):
                if sec.command in ("front",):
                    continue
                n = sec.word_count()
                if self._out(n):
                    yield ctx.document_finding(_fmt(self.message, count=n, min=lo, max=hi, title=sec.title), section=sec)


TYPES: dict[str, type[DeclarativeRule]] = {
    cls.type_name: cls for cls in (Existence, Sequence, Substitution, Occurrence, Conditional,
                                   Consistency, Repetition, Metric)
}


def rules_from_toml(data: dict, where: str) -> list[type[DeclarativeRule]]:
    """Rule classes from a parsed TOML pack (``[[rule]]`` tables)."""
    for k in data:
        if k not in ("rule", "pack"):
            raise RuleError(f"{where}: unknown top-level key '{k}' (expected [[rule]] tables)")
    tables = data.get("rule", [])
    if not isinstance(tables, list):
        raise RuleError(f"{where}: 'rule' must be an array of tables ([[rule]])")
    out = []
    for t in tables:
        typ = t.get("type")
        if typ not in TYPES:
            raise RuleError(f"{where}: rule {t.get('code', '?')}: unknown type '{typ}' (one of {', '.join(TYPES)})")
        out.append(TYPES[typ].from_table(t, where))
    return out
