"""Words: a/an before vowel sounds, acronyms used before their definition, names spelled two ways.

No parser needed: prose text with placeholders is enough, plus a small pronunciation heuristic
for the article rule (acronyms are read letter by letter unless they look pronounceable).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from types import MappingProxyType

from texlint.checks.latex import latex_common as lc
from texlint.engine.declarative import times
from texlint.engine.registry import register
from texlint.engine.rule import Rule
from texlint.util.memo import per_text

# -- a / an -----------------------------------------------------------------------------------------

#: Letters whose name starts with a vowel sound: "an F1 score", "an MLP", "an x-axis".
_VOWEL_LETTERS = set("AEFHILMNORSX")
_FUNCTION_WORDS = {
    "and", "or", "is", "are", "in", "of", "as", "on", "at", "if", "it", "an", "a", "to", "by", "for", "the",
    "be", "was", "were", "with", "from", "into", "its", "all", "any", "each", "every", "other", "only", "over",
    "under", "up", "out", "off", "etc", "i", "e", "et", "ie", "eg", "also", "not", "no", "so", "than", "that",
    "this", "which", "who", "we", "our", "us", "has", "have", "had", "can", "may", "will", "would", "should",
    "one", "two", "b", "c", "d", "x", "y", "z", "n", "m", "k", "s", "t", "u", "v", "w", "p", "q", "r", "l",
    "f", "g", "h", "j", "o",
}
_SILENT_H = ("hour", "honest", "honor", "honour", "heir", "hors d")
_AMBIGUOUS_H = ("histor", "hypot", "hyster", "herb", "homage", "hotel")
_YOU_U = ("uni", "use", "usu", "usa", "uti", "ubi", "uri", "ura", "ure", "uro", "uku", "ula", "uvu", "uto",
          "ute", "ukr", "ufo", "uga", "ugan", "eu", "ewe")
_UH_U = ("un", "up", "ult", "umb", "ump", "ugl", "utt", "udd", "ush", "ups")
#: Acronyms said as words although their letters suggest otherwise.
_WORD_ACRONYMS = {"SQL", "SAT", "SHA", "SHAP", "FLOP", "FLOPS", "MNIST", "SMOTE", "SPICE", "NERF", "LSH"}
#: How English words may begin with two consonants (others are read letter by letter: an Nvidia, an nth).
_ONSETS = ("fl", "fr", "fj", "ll", "mn", "rh", "sc", "sh", "sk", "sl", "sm", "sn", "sp", "sq", "st", "sw", "sv",
           "sz", "sch", "hr", "hw", "xy", "fy", "hy", "ly", "my", "ny", "ry", "sy")


def _vowel_sound(word: str) -> bool | None:
    """Does ``word`` start with a vowel sound? None when unsure."""
    w = word.strip("“”‘’'\"([{")
    if not w:
        return None
    core = re.split(r"[-/–—]", w, maxsplit=1)[0]
    if core and core[0].isdigit():
        num = re.match(r"[\d,.]+", core).group(0).rstrip(",.")
        digits = num.replace(",", "")
        if num.startswith("8"):
            return True
        if re.fullmatch(r"1[18]", digits.split(".")[0]) or re.fullmatch(r"1[18],\d{3}", num):
            return True
        if "," in num or "." in num or len(digits) in (1, 2, 3):
            return False
        return None
    if not core[0].isalpha():
        return None
    if len(core) == 1 or (len(core) >= 2 and core[0].isalpha() and not core[1].isalpha()):
        # a single letter, "x-axis", "L1", "k-means"
        letter = core[0].upper()
        if not core[0].isascii():
            return None
        return letter in _VOWEL_LETTERS
    letters = re.match(r"[A-Za-z]+", core).group(0)
    upper = sum(1 for c in letters if c.isupper())
    if letters.isupper() and len(letters) >= 2:
        acr = letters
        if acr in _WORD_ACRONYMS:
            return None
        first = acr[0]
        if first in "AEIO":
            return True
        if first == "U":
            return False
        middle = acr[1:-1]
        if any(c in "AEIOUY" for c in middle) or (len(acr) == 2 and acr[1] in "AEIOU" and first not in _VOWEL_LETTERS):
            return None  # maybe said as a word (NASA, SOTA, LASSO)
        if len(acr) >= 3 and acr[1] in "AEIOU":
            return None
        return first in _VOWEL_LETTERS
    if upper >= 2 or (letters[0].islower() and upper >= 1):
        # CamelCase or iPhone-like names: trust only a plain vowel letter at the start
        if letters[0].lower() in "aeio" and not letters.lower().startswith(("one", "eu")):
            return True
        return None
    low = letters.lower()
    if low[0] in "fhlmnrsx" and len(low) >= 2 and low[1] not in "aeiouy" and not low.startswith(_ONSETS):
        return True  # "an Nvidia", "an nth", "an Xgboost"
    if low.startswith(("one", "once")):
        return False
    if low.startswith("h"):
        if low.startswith(_SILENT_H):
            return True
        if low.startswith(_AMBIGUOUS_H):
            return None
        return False
    if low.startswith("eu") or low.startswith("ewe"):
        return False
    if low.startswith("u"):
        if low.startswith(("unin", "unim", "unid", "unil", "unic")):
            return None
        if low.startswith(_YOU_U):
            return False
        if low.startswith(("uni",)):
            return False
        if low.startswith(_UH_U):
            return True
        return None
    if low[0] in "aeio":
        return True
    if low.startswith(("y",)):
        return False
    return False


_ARTICLE = re.compile(r"(?<![\w'’.-])(a|an|A|An)\s+([^\s]+)")


@register
class ArticleBeforeVowelSound(Rule):
    code = "W510"
    name = "a-an-mismatch"
    category = "style"
    severity = "warning"
    summary = "'a' before a vowel sound or 'an' before a consonant sound (\"a LSTM\", \"an user\")."
    why = "The article follows pronunciation, not spelling: an MLP, an LSTM, an hour, a user, a one-shot model. A wrong article reads as a typo."
    bad = "We train a LSTM and an unified model on a 8-GPU node."
    good = "We train an LSTM and a unified model on an 8-GPU node for an hour, a user study and a one-shot task."
    fix = "Use 'an' before a vowel sound (an MLP, an hour) and 'a' before a consonant sound (a user, a one-shot)."
    fixable = "safe"

    def check(self, doc, ctx):
        for prose in ctx.prose_in(("any", "captions", "footnotes", "headings")):
            text = prose.text
            found = _wrong_articles(text)
            if not found or not lc.prose_is_english(doc, prose):
                continue
            for start1, end1, start2, art, word, bare, sound in found:
                want = "an" if sound else "a"
                # the article must be typed as such (not produced by a macro)
                if lc.source_char(doc, prose.offsets[start1]).lower() != "a":
                    continue
                # nothing dropped between them in the source (an unexpanded macro: "a \gp{} model")
                if not lc.gap_is_space(doc, prose.offsets[end1 - 1] + 1, prose.offsets[start2]):
                    continue
                if lc.source_char(doc, prose.offsets[start2]) != bare[0] and word[0] == bare[0]:
                    continue
                if art == "an" and _coordinated(text, start1, bare):
                    # "backward an forward": 'and' lost its d; 'a forward' would be the wrong fix
                    yield ctx.prose_finding(prose, start1, start2 + len(bare),
                                            f"'an {bare}': 'and' typed as 'an'?", suggestion=f"and {bare}",
                                            fix=ctx.fix("Write 'and'", ctx.prose_edit(prose, start1, end1, "and"),
                                                        safe=False))
                    continue
                fixed = want if art.islower() else want.capitalize()
                yield ctx.prose_finding(prose, start1, start2 + len(bare),
                                        f"'{art} {bare}': use '{fixed}' before {'a vowel' if sound else 'a consonant'} sound",
                                        suggestion=f"{fixed} {bare}",
                                        fix=ctx.fix(f"Write '{fixed}'", ctx.prose_edit(prose, start1, end1, fixed)))


@per_text
def _wrong_articles(text: str) -> tuple:
    """Each article the next word's sound contradicts, judged on the text alone: (article
    start, article end, word start, article, word, the word bare of quotes and punctuation,
    whether it starts with a vowel sound). W510 then checks the source at those places."""
    out = []
    for m in _ARTICLE.finditer(text):
        art, word = m.group(1), m.group(2)
        if art in ("A", "An"):
            before = text[:m.start()].rstrip()
            if before and before[-1] not in ".!?:":
                continue  # "Appendix A is", "Type A and"
        if "⟦" in word:
            continue
        bare = word.strip("“”‘’'\"([{").rstrip(".,;:!?)]}”’")
        if not bare or bare.lower() in _FUNCTION_WORDS:
            continue
        if not _ALNUM_START.match(bare):
            continue
        sound = _vowel_sound(bare)
        if sound is None:
            continue
        if art.lower() == ("an" if sound else "a"):
            continue
        out.append((m.start(1), m.end(1), m.start(2), art, word, bare, sound))
    return tuple(out)


_ALNUM_START = re.compile(r"[A-Za-z0-9]")
_WORD_BEFORE = re.compile(r"([A-Za-z]+)[\s~]*$")


def _coordinated(text: str, start: int, word: str) -> bool:
    """Whether 'an' sits between two words of one shape ("backward an forward", "training an
    testing", "encoder an decoder"): a coordination missing its 'd', not a wrong article."""
    m = _WORD_BEFORE.search(text, max(0, start - 40), start)
    if not m or not word.isalpha():
        return False
    before, after = m.group(1).lower(), word.lower()
    if frozenset((before, after)) in _PAIRS:
        return True  # "slow an fast filters", "train an test splits"
    return (before != after and min(len(before), len(after)) >= 4
            and before[-3:] == after[-3:] and before not in _FUNCTION_WORDS)


#: words that pair with each other in "X and Y" ("slow and fast", "input and output")
_PAIRS = frozenset(frozenset(p) for p in (
    ("slow", "fast"), ("small", "large"), ("short", "long"), ("low", "high"), ("left", "right"), ("input", "output"),
    ("train", "test"), ("training", "test"), ("old", "new"), ("positive", "negative"), ("early", "late"), ("easy", "hard"),
    ("local", "global"), ("static", "dynamic"), ("coarse", "fine"), ("sparse", "dense"), ("weak", "strong"),
    ("read", "write"), ("male", "female"), ("simple", "complex"), ("upper", "lower"), ("top", "bottom"),
    ("past", "future"), ("first", "second"), ("real", "fake"), ("source", "target"), ("query", "key"),
    ("head", "tail"), ("near", "far"), ("linear", "nonlinear"), ("clean", "noisy"), ("supervised", "unsupervised"),
))


# -- repeated words ----------------------------------------------------------------------------------

_REPEAT = re.compile(r"(?<![\w'’-])([A-Za-z]+)\s+(\1)(?![\w'’-])", re.I)
_REPEAT_OK = {"that", "had", "is", "do", "so", "very", "no", "yes", "bye", "ha", "la", "ma", "pa", "go", "tsk",
              "can", "blah", "mm", "bora", "tom", "ping", "pong", "dum", "boo", "chop", "knock", "hip", "tut"}


@per_text
def _repeats(text: str) -> tuple[tuple[int, int, int, int, str, str], ...]:
    """Each word repeated in a text, judged on the text alone (not a "that that", a variable
    "x x", a hyphenated "bye bye-", a quoted example): (start, end of the first, start, end of
    the second, the first, the second)."""
    out = []
    for m in _REPEAT.finditer(text):
        w, w2 = m.group(1), m.group(2)
        if w.lower() in _REPEAT_OK or w != w2 and not (w.istitle() and w2.islower()):
            continue
        if len(w) == 1 and w not in ("a", "A"):
            continue  # variables: "x x"
        if text[m.end():m.end() + 1] == "-":
            continue
        if _quoted(text, m.start(1)):
            continue  # quoted examples repeat words on purpose
        if w == w2 and w.istitle() and w.lower() not in _FUNCTION_WORDS and not _opens_sentence(text, m.start(1)):
            continue  # a capitalised name inside a sentence: "Dance Dance Revolution", "Walla Walla"
        out.append((m.start(1), m.end(1), m.start(2), m.end(2), w, w2))
    return tuple(out)


def _opens_sentence(text: str, i: int) -> bool:
    """Whether the word at ``i`` starts the text or follows a sentence's end ("... end. The The ...")."""
    before = text[:i].rstrip()
    return not before or before[-1] in ".!?:"


def _quoted(text: str, i: int) -> bool:
    """Inside a “quotation” (``...'' in the source) that opened before ``i`` in the paragraph."""
    before = text[:i]
    return before.count("“") > before.count("”") or before.count("‘") > before.count("’")


_URLISH = re.compile(r"://|^www\.|\.(?:org|com|io|net|ai|edu|dev|html?)(?:/|$)|^[\w-]+(\.[\w-]+)*\.[a-z]{2,6}/", re.I)


def _in_url(text: str, i: int) -> bool:
    """Whether position ``i`` is inside a URL or domain typed as text (https://pytorch.org)."""
    start = max(text.rfind(" ", 0, i), text.rfind("(", 0, i)) + 1
    end = text.find(" ", i)
    token = text[start:end if end >= 0 else len(text)].strip(".,;)")
    return bool(_URLISH.search(token))


@register
class RepeatedWord(Rule):
    code = "W500"
    name = "repeated-word"
    category = "style"
    severity = "warning"
    summary = "The same word twice in a row (\"the the\"), also across a line break in the source."
    why = "Doubled words are the most common typo that survives proofreading, because the eye skips the second one."
    bad = "We evaluate the the model on two\ndatasets and and report accuracy."
    good = "We evaluate the model on two datasets; we found that that choice matters, and over over-fitting."
    fix = "Delete one of the two words."
    fixable = "unsafe"  # "had had" and "that that" can be meant; the fix deletes the second word

    def check(self, doc, ctx):
        for prose in ctx.prose_in(("any", "captions", "footnotes", "headings")):
            for a1, b1, a2, b2, w, w2 in _repeats(prose.text):
                if prose.in_code(a1):
                    continue  # code (\\texttt{np np}) repeats words on purpose
                # both words typed in the source with only white space between (no dropped macro)
                offs = prose.offsets
                if lc.source_char(doc, offs[a1]) != w[0] or lc.source_char(doc, offs[a2]) != w2[0]:
                    continue
                if not lc.gap_is_space(doc, offs[b1 - 1] + 1, offs[a2]):
                    continue
                second = ctx.prose_edit(prose, a2, b2, "")
                gap = ctx.edit(offs[b1 - 1] + 1, offs[a2], "")
                yield ctx.prose_finding(prose, a1, b2, f"'{w}' is repeated", suggestion=w,
                                        fix=ctx.fix(f"Delete the second '{w2}'", gap, second, safe=False)
                                        if w == w2 else None)


# -- acronyms ---------------------------------------------------------------------------------------

#: "Long Name (LN)", "Long Name (LN hereafter)", "Long Name (LN, ...)"
_DEF = re.compile(r"\(\s*([A-Z][A-Za-z0-9]{0,20}[A-Z][A-Za-z0-9-]{0,20}?)(s?)\s*(?:(?:hereafter|henceforth|for short)\s*)?[),;]")
_DEF_INSIDE = re.compile(r"\(([A-Za-z][^(),;]{2,80}),\s*([A-Z][A-Za-z0-9]{0,20}[A-Z][A-Za-z0-9-]{0,20}?)(s?)\s*\)")
_STOP = {"of", "and", "the", "for", "in", "on", "to", "a", "an", "with", "by", "from", "via", "at", "based"}


def _initials_match(acr: str, before: str) -> bool:
    """Do the words just before '(' spell the acronym (loosely)?"""
    letters = [c.lower() for c in acr if c.isalpha()]
    caps = [c.lower() for c in acr if c.isupper()]
    if len(caps) < 2:
        return False
    words = re.findall(r"[A-Za-z][A-Za-z'-]*", before)[-(len(letters) + 4):]
    if not words:
        return False
    for k in range(len(words)):
        w0 = words[k]
        if w0[0].lower() != caps[0] or w0.lower() in _STOP:
            continue
        tail = "".join(w.lower() for w in words[k:])
        # capitals of the acronym in order within the words, each word contributing
        i = 0
        for ch in tail:
            if i < len(caps) and ch == caps[i]:
                i += 1
        if i < len(caps):
            continue
        content = [w for w in words[k:] if w.lower() not in _STOP]
        initials = "".join(w[0].lower() for w in content)
        # most content words start a letter of the acronym
        hits = sum(1 for c in initials if c in caps)
        if hits >= max(2, len(content) - 1) and len(content) <= len(letters) + 2:
            return True
        if len(content) == 1 and len(caps) == 2 and _compound(content[0].lower(), caps):
            return True  # autoregressive (AR), autoencoder (AE)
    return False


def _compound(word: str, caps: list[str]) -> bool:
    """One compound word spelling a two-letter acronym: the second letter starts a later part."""
    i = word.find(caps[1], 3)
    return word[0] == caps[0] and len(word) >= 6 and 3 <= i <= len(word) - 3


def _ordered_prose(doc):
    """Body prose in reading order: abstract first, then sections; captions and headings skipped."""
    abstract = [p for p in doc.prose if p.kind in ("body", "item") and p.role == "abstract"]
    body = [p for p in doc.prose if p.kind in ("body", "item") and p.role != "abstract"]
    # a footnote is emitted when it closes, before the paragraph around it: read it after that one
    notes = [p for p in doc.prose if p.kind == "footnote" and p.role != "abstract" and p.offsets]
    after: dict[int, list] = {}
    loose = []
    for fn in notes:
        at = fn.offsets[0]
        host = next((i for i, p in enumerate(body) if p.offsets and p.offsets[0] <= at <= p.offsets[-1]), None)
        if host is None:
            loose.append(fn)
        else:
            after.setdefault(host, []).append(fn)
    ordered = []
    for i, p in enumerate(body):
        ordered.append(p)
        ordered.extend(after.get(i, ()))
    return abstract, ordered + loose


def _caption_definitions(doc) -> dict[str, int]:
    """Acronym -> source offset of its first 'Long Name (LN)' in a float caption."""
    out: dict[str, int] = {}
    for p in doc.prose:
        if p.kind != "caption" or not p.offsets or "(" not in p.text:
            continue
        for m in _DEF.finditer(p.text):
            acr = m.group(1)
            if _initials_match(acr, p.text[max(0, m.start() - 120):m.start()]):
                at = p.offsets[m.start(1)]
                out[acr] = min(out.get(acr, at), at)
    return out


def _definitions(doc):
    """(acronym, prose, start, end, in_abstract) for every 'Long Name (LN)' definition."""
    abstract, body = _ordered_prose(doc)
    out = []
    for group, is_abs in ((abstract, True), (body, False)):
        for p in group:
            here = []
            for m in _DEF.finditer(p.text):
                acr = m.group(1)
                declared = "here" in m.group(0) or "hence" in m.group(0) or "short" in m.group(0)
                if not declared and not _initials_match(acr, p.text[max(0, m.start() - 120):m.start()]):
                    continue  # "(CTO hereafter)" declares a short name whatever its letters
                here.append((acr, p, m.start(1), m.end(1) + len(m.group(2)), is_abs))
            for m in _DEF_INSIDE.finditer(p.text):  # "(effective positional encoding, EPE)"
                acr = m.group(2)
                if _initials_match(acr, m.group(1)):
                    here.append((acr, p, m.start(2), m.end(2) + len(m.group(3)), is_abs))
            out.extend(sorted(here, key=lambda d: d[2]))  # reading order within the paragraph
    return out


@register
class AcronymBeforeDefinition(Rule):
    code = "W511"
    name = "acronym-before-definition"
    category = "style"
    severity = "warning"
    summary = "An acronym is used before the place where it is spelled out (\"... LLMs ... Large Language Models (LLMs)\")."
    why = "The reader meets the short form before learning what it stands for; the definition belongs at the first use."
    bad = "We fine-tune LLMs on code.\nLarge Language Models (LLMs) are strong."
    good = "Large Language Models (LLMs) are strong.\nWe fine-tune LLMs on code."
    fix = "Move the definition 'Long Name (LN)' to the first use, and use the short form afterwards."

    def check(self, doc, ctx):
        defs = _definitions(doc)
        if not defs:
            return
        abstract, body = _ordered_prose(doc)
        in_captions = _caption_definitions(doc)
        first_def: dict[str, tuple] = {}
        for d in defs:
            if d[4]:
                continue  # the abstract is read on its own
            first_def.setdefault(d[0], d)
        for acr, (_, dprose, dstart, _, _) in first_def.items():
            rx = None if _WORD.fullmatch(acr) else re.compile(r"(?<![\w-])" + re.escape(acr) + r"s?(?![\w-])")
            for p in body:
                limit = dstart if p is dprose else None
                hit = None
                for a, b in _uses(p.text, acr, rx, limit):
                    if p.text[max(0, a - 1):a] == "(":
                        continue
                    if p is dprose and dstart - b < 150 and not re.search(r"[.!?]\s", p.text[b:dstart]):
                        continue  # inside the long form it defines: "AAAI Conference on ... (AAAI)"
                    hit = (a, b)
                    break
                if hit is not None and in_captions.get(acr, -1) >= 0 and in_captions[acr] < p.offsets[hit[0]]:
                    break  # spelled out in a caption the source has before this use ("Monte Carlo Tree Search (MCTS)")
                if hit is not None:
                    loc = doc.prose_location(dprose, dstart, dstart + len(acr))
                    yield ctx.prose_finding(p, hit[0], hit[1],
                                            f"'{acr}' is used before it is defined (at {loc.file}:{loc.line})")
                    break
                if p is dprose:
                    break


_WORD = re.compile(r"\w+")
_TOKEN = re.compile(r"(?<![\w-])\w+(?![\w-])")


@per_text
def _token_starts(text: str) -> MappingProxyType:
    """Where each whole word of a text (not part of a hyphenated or longer word) starts."""
    starts: dict[str, list[int]] = {}
    for m in _TOKEN.finditer(text):
        starts.setdefault(m.group(0), []).append(m.start())
    return MappingProxyType({k: tuple(v) for k, v in starts.items()})


def _uses(text: str, acr: str, rx, limit: int | None) -> list[tuple[int, int]]:
    """The uses of an acronym (or its plural) in a text before ``limit``, in order: from the
    text's word index for a plain word (one pass per paragraph, whatever the number of
    acronyms), else by its pattern."""
    if rx is not None:
        return [m.span() for m in rx.finditer(text[:limit] if limit is not None else text)]
    index = _token_starts(text)
    spans = sorted([(a, a + len(acr)) for a in index.get(acr, ())] + [(a, a + len(acr) + 1) for a in index.get(acr + "s", ())])
    return [(a, b) for a, b in spans if limit is None or b <= limit]


@register
class AcronymRedefined(Rule):
    code = "W512"
    name = "acronym-redefined"
    category = "style"
    severity = "info"
    summary = "An acronym is spelled out again after its first definition in the body."
    why = "Defining it twice suggests sections written separately; readers wonder whether the two mean the same. (A definition in the abstract and again in the body is fine.)"
    bad = "Large Language Models (LLMs) are strong.\nWe study Large Language Models (LLMs)."
    good = "Large Language Models (LLMs) are strong.\nWe study LLMs."
    fix = "Keep the first definition and use the short form afterwards."

    def check(self, doc, ctx):
        seen: dict[str, tuple] = {}
        for acr, p, a, b, is_abs in _definitions(doc):
            if is_abs:
                continue
            if p.section is not None and p.section.in_appendix and acr in seen and not seen[acr][0].section.in_appendix:
                continue  # appendices are often read on their own
            if acr in seen and _formal_definition(p, a):
                continue  # the intro previewed it; "We define the shifted position code (SPC) as ..." is the definition
            if acr in seen:
                loc = doc.prose_location(seen[acr][0], seen[acr][1], seen[acr][1] + len(acr))
                yield ctx.prose_finding(p, a, b, f"'{acr}' is defined again (first at {loc.file}:{loc.line})")
            else:
                seen[acr] = (p, a)


_DEFINING = re.compile(r"\b(we|let us) (formally )?define\b|\bis (formally )?defined (as|by)\b|\bformally,|\bdenoted\b", re.I)


def _formal_definition(p, at: int) -> bool:
    """Whether the sentence of ``p`` holding character ``at`` is a formal definition ("We define
    the X (ACR) as ...", "Formally, ..."): a term previewed earlier and defined here."""
    text = p.text  # sentences are not split when only the style rules run: find its ends here
    starts = [m.end() for m in _SENTENCE_END.finditer(text, 0, at)]
    start = starts[-1] if starts else 0
    end = _SENTENCE_END.search(text, at)
    return bool(_DEFINING.search(text, start, end.start() if end else len(text)))


_SENTENCE_END = re.compile(r"[.!?](?=\s+[A-Z])")


_COINED_HINT = re.compile(r"[a-z][A-Z]|[A-Z]{2,}[a-z]")  # what _is_coined needs somewhere in the text
_CAMEL = re.compile(r"(?<![\w\\-])(?=[A-Za-z][A-Za-z0-9]*[a-z])([A-Za-z][A-Za-z0-9]*)(?![\w-])")


_LOWER_UPPER = re.compile(r"[a-z][A-Z]")
_UPPERS_LOWER = re.compile(r"[A-Z]{2,}[a-z]")


def _is_coined(word: str) -> bool:
    """CamelCase or mixed-case coined names: FooNet, PyTorch, ImageNet, LLaMA, GPT4o."""
    return bool(_LOWER_UPPER.search(word)) or bool(len(word) > 3 and _UPPERS_LOWER.search(word))


@per_text
def _coined_in(text: str) -> frozenset:
    """The coined names of a text (FooNet, PyTorch), in lower case."""
    if not _COINED_HINT.search(text):
        return frozenset()
    return frozenset(w.lower() for w in _CAMEL.findall(text) if _is_coined(w))


@per_text
def _names_in(text: str) -> tuple[tuple[str, str, int, int], ...]:
    """Every name-like word of a text: (word, lower case, start, end)."""
    return tuple((m.group(1), m.group(1).lower(), m.start(), m.end()) for m in _CAMEL.finditer(text))


@register
class InconsistentNameCasing(Rule):
    code = "W513"
    name = "inconsistent-name-casing"
    category = "style"
    severity = "warning"
    summary = "A coined name (method, model, dataset, library) appears with different capitalisation (FooNet / Foonet)."
    why = "Names are identifiers; two spellings make readers wonder whether they are two things and look careless."
    bad = "Our FooNet is fast. FooNet is small. Foonet runs on a phone."
    good = "Our FooNet is fast. FooNet is small. FooNet runs on a phone."
    fix = "Pick one spelling (ideally via a macro like \\newcommand{\\method}{FooNet\\xspace}) and use it everywhere."

    def check(self, doc, ctx):
        proses = list(ctx.prose_in(("any", "captions", "footnotes", "headings")))
        # Only a word that has a coined spelling somewhere can be reported: find those first (few
        # paragraphs hold one), then look at every occurrence of just those words.
        coined_low = set().union(*(_coined_in(p.text) for p in proses))
        if not coined_low:
            return
        seen: dict[str, list] = defaultdict(list)  # lower-case form -> every occurrence
        for p in proses:
            for word, low, a, b in _names_in(p.text):
                if low in coined_low:
                    seen[low].append((word, p, a, b))
        forms: dict[str, Counter] = defaultdict(Counter)
        where: dict[str, list] = defaultdict(list)
        for low, found in seen.items():
            if len({w for w, *_ in found}) < 2:
                continue  # one spelling only (most words): nothing to compare, no need to look closer
            for w, p, a, b in found:
                if p.in_code(a) or _in_url(p.text, a) or lc.source_char(doc, p.offsets[a]) != w[0]:
                    continue  # count only what the authors typed as prose (not macro output, code or URLs)
                forms[low][w] += 1
                where[w].append((p, a, b))
        for low, counter in forms.items():
            if len(counter) < 2:
                continue
            coined = [w for w in counter if _is_coined(w)]
            if not coined:
                continue
            main = max(counter, key=lambda w: (counter[w], _is_coined(w)))
            if not _is_coined(main) or counter[main] < 2:
                continue
            for w, n in counter.items():
                if w == main:
                    continue
                if w == low and low in _COMMON_LOWER:
                    continue
                if w.isupper():
                    continue  # FOONET in a small-caps heading
                capitalised = main[0].islower() and w == main[0].upper() + main[1:]  # charGREEN -> CharGREEN
                for p, a, b in where[w]:
                    if p.kind == "heading" and w.istitle():
                        continue
                    if capitalised and (p.kind == "heading" or _opens_sentence(p.text, a)):
                        continue  # a lower-case name capitalised to open a sentence or a heading
                    yield ctx.prose_finding(p, a, b, f"'{w}' is spelled '{main}' elsewhere ({times(counter[main])})",
                                            suggestion=main)


_COMMON_LOWER = {"github", "youtube", "iphone", "ebay"}
