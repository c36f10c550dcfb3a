"""Typed evidence about the paper's own results: what was measured, claimed and reached.

Word matches alone let one stray word flip a verdict (the standard deviation of the input data
counted as error bars, a third-party GitHub link as a code release, "10 seconds each" of video
as a timing). Here every piece of evidence is read with its type and its place:

* **resources** - each efficiency claim names the resources it is about (time, throughput,
  memory, compute, parameters, energy, communication; a complexity statement such as "linear in
  sequence length" is about time unless it says memory), and each measurement names what it
  measured (a number with a unit next to a measuring word, or a table column headed by one);
* **the scale envelope** - the largest model, training data and sequence the experiments
  reach, and how many datasets and tasks they cover, read from the paper's own experiments,
  captions and tables (not from related work);
* **own-result evidence** - error bars (a spread over runs or seeds, not of a dataset),
  ablations (components removed or varied), baselines (compared where results are), tests,
  releases (the authors' own code or data).

Each item is ``{text, file, line, column, why}``, ``why`` saying what made it count. The facts
(``analysis.facts``) and the assessment read these, so a rule, the JSON and the HTML see one
reading. Linear in the document: one pass over its sentences and table cells per question.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Iterable, Iterator

from texlint.analysis.claimant import is_own_claim
from texlint.latex.model import Document, Sentence
from texlint.util import prefilter
from texlint.util.memo import per_text
from texlint.util.tomlio import read_toml

MAX_ITEMS = 5
#: an efficiency claim that names no resource ("our method is efficient"): any measured cost answers it
GENERIC = "efficiency"
RESOURCES = ("time", "throughput", "memory", "compute", "parameters", "energy", "communication")
#: what a reviewer asks when a resource is claimed and never measured
QUESTIONS = {
    "time": "How long does it take in practice? Please report wall-clock time against the baselines.",
    "throughput": "What throughput does it reach? Please report tokens, samples or queries per second.",
    "memory": "What is the memory cost? Please report peak memory as the input grows.",
    "compute": "What does it cost in compute? Please report FLOPs or GPU-hours against the baselines.",
    "parameters": "How many parameters does it need? Please report model sizes next to the baselines.",
    "energy": "What is the energy cost? Please report measured energy or power.",
    "communication": "What is the communication cost? Please report bits or rounds communicated.",
    GENERIC: "Efficient in what? Please report measured wall-clock time, memory or FLOPs against the baselines.",
}
RESULT_ROLES = ("experiments", "results", "analysis", "discussion", "appendix", "other", "reproducibility")
NOT_OWN = ("related_work", "background")
#: where a paper claims (its experiments describe set-ups: "we serve models with vLLM for efficient inference")
CLAIM_ROLES = ("abstract", "introduction", "conclusion", "method", "discussion", "results", "analysis")



@lru_cache(maxsize=1)
def vocab() -> dict[str, Any]:
    """The patterns of ``analysis/vocab/facts.toml`` (words live there, logic here)."""
    path = Path(str(resources.files("texlint.analysis").joinpath("vocab", "facts.toml")))
    return read_toml(path, ValueError)


@lru_cache(maxsize=64)
def fact_pattern(name: str) -> re.Pattern:
    return prefilter.compile(vocab()[name]["regex"], re.I)


# ---------------------------------------------------------------- resources
_CLAIM_RESOURCE = [
    ("memory", prefilter.compile(r"\bmemory\b|\bspace complexity\b|\bvram\b|\bfootprint\b|\bstorage\b|\bquadratic (space|memory)\b", re.I)),
    ("throughput", prefilter.compile(r"\bthroughput\b|\b(tokens|samples|images|queries|frames) per second\b|\bfps\b", re.I)),
    ("compute", prefilter.compile(r"\bflops?\b|\bgflops?\b|\bmacs\b|\bcompute (cost|budget|time|requirements?)\b|"
                           r"\bcomputation(al)? (cost|budget|overhead|burden|resources?)\b|\bgpu[- ]hours?\b", re.I)),
    ("parameters", prefilter.compile(r"\b(fewer|less|smaller|\d+\s?(x|×|times) (fewer|less)) param|\bparameter[- ]efficient\b"
                              r"|\bfewer parameters\b|\bmodel size\b|\bcompress", re.I)),
    ("energy", prefilter.compile(r"\benergy\b|\bpower consumption\b|\bcarbon\b|\bwatts?\b", re.I)),
    ("communication", prefilter.compile(r"\bcommunication\b|\bbandwidth\b|\bbits? per\b|\bcommunicat", re.I)),
    ("time", prefilter.compile(r"\bfaster\b|\bspeed|\blatency\b|\bwall[- ]?clock\b|\brun[- ]?time\b|\brunning time\b|\breal[- ]time\b"
                        r"|\b(inference|training|decoding|sampling|query) (time|speed)\b|\btime complexity\b|\blinear time\b"
                        r"|\b(linear|quadratic|sub-?quadratic|log-?linear|near-linear|sub-?linear)(ly)? (in|with|complexity|cost|scaling)\b"
                        r"|\bO\(|\baccelerat|\bquick(er|ly)?\b|\bslow(er|s)?\b|\bseconds\b|\bhours\b", re.I)),
]
#: "linear time-invariant", "real-time strategy games": named things, not claims
_NOT_A_CLAIM = prefilter.compile(r"\b(same|equal|fixed|matched|identical|comparable) ([\w-]+ ){0,2}(compute|computational|training|flops?|memory|parameter)"
                          r"( budget| cost| count)?\b|\b(same|identical|matched)\b[^.]{0,60}\b(compute|flops?|training) budget\b|\btime[- ]invariant\b|\breal[- ]time (strategy|games?)\b|\b(using|use|via|with) [\w-]+('s)? "
                          r"(\w+ ){0,3}(for|to enable) efficient\b|\bfor (more )?efficient (inference|training|inferences)\b", re.I)
_FUTURE = prefilter.compile(r"\b(in the future|future work|future research|we (will|plan|hope|intend) to|would be (interesting|useful|important)|"
                     r"it would|would (require|need|make|have to)|(is|are|as) an? (\w+ )?next step)\b", re.I)
#: cross-reference keys that survive as text in some theses ("sec:goals:algorithmic-efficiency")
_LABEL_KEY = prefilter.compile(r"\b[\w-]+(?::[\w-]+)+\b")


_EFFICIENT_METHOD = prefilter.compile(r"\b(more |highly |very |extremely )?efficient(ly)? (method|approach|algorithm|training|inference|"
                              r"implementation|model|architecture|framework|solver|sampler|procedure|search|decoding|computation)s?\b|"
                              r"\befficiency\b", re.I)


def claimed_resources(text: str) -> list[str]:
    """The resources an efficiency claim is about, in ``RESOURCES`` order; ``GENERIC`` when it
    names none ("our method is efficient", "computationally cheap")."""
    found = [name for name, rx in _CLAIM_RESOURCE if rx.search(text)]
    if re.search(r"\bmemory\b", text, re.I) and re.search(r"\b(linear|quadratic)\b", text, re.I) \
            and not re.search(r"\btime\b|\bspeed|\bfaster\b|\bruntime\b", text, re.I):
        found = [r for r in found if r != "time"] or ["memory"]
    return [r for r in RESOURCES if r in found] or [GENERIC]


_NUM = r"\d+(?:[.,]\d+)?"
#: a number that starts a quantity: not the digits of a name ("8 H200s", "A100") or a second number
_AT = r"(?<![\w.])"
_MEASURE = [
    ("time", prefilter.compile(rf"{_AT}{_NUM}\s?(ms|msec|milliseconds?|µs|us|s|sec|secs|seconds?|min|mins|minutes?|h|hrs?|hours?|days?)\b"
                               rf"|{_AT}\d+m\s?\d+s\b", re.I),
     prefilter.compile(r"\b(time|times|latency|run[- ]?time|running|wall[- ]?clock|speed|takes?|took|taking|faster|slower|per (step|iteration|epoch|image|sample|query|token|batch)|"
                r"seconds per|training (took|takes|time)|inference|converge)", re.I)),
    ("time", prefilter.compile(rf"{_AT}{_NUM}\s?(ms|msec|milliseconds?|seconds?|minutes?|hours?)\b(?!\s+(each|long|of (video|audio|speech|footage)|clips?))", re.I),
     prefilter.compile(r"\b(time|times|run|runs|running|took|takes|speed|faster|slower|latency|per|wall|converge|solve|solved|"
                r"compute|computed|train|training|inference|average|mean|median|total)\b", re.I)),
    ("time", prefilter.compile(rf"{_NUM}\s?(sampling|denoising|diffusion|decoding|inference) steps\b|{_NUM}\s?forward passes\b", re.I), None),
    ("memory", prefilter.compile(rf"\bcompression (ratio|rate|factor)s?\b[^.]{{0,40}}{_NUM}|{_NUM}\s?(x|×|\\times)\$?\s(compression|smaller|less memory)\b"
                          rf"|\bmemory (utili[sz]ation|usage|footprint|cost|consumption)\b[^.]{{0,40}}{_NUM}", re.I), None),
    ("time", prefilter.compile(rf"{_NUM}\s?(x|×|times|\\times)\$?\s(faster|slower|speed-?ups?|the (wall[- ]?clock|run[- ]?time|time))\b|\bspeed-?ups? of {_NUM}", re.I),
     None),
    ("compute", prefilter.compile(rf"{_NUM}\s?(x|×|times|\\times)\$?\s(the\s)?(computational|compute|training|inference)\s(budget|cost)\b"
                           r"|\b(we )?(measure|count|report|compute)\w* (the )?([\w-]+ )?flops\b", re.I), None),
    ("throughput", prefilter.compile(rf"\bthroughput\b[^.]{{0,40}}{_NUM}|{_NUM}\s?(k\s?)?(tokens|samples|images|it|frames|queries|examples|sequences)\s?(/|per )\s?(s|sec|second)\b|{_NUM}\s?(fps|qps)\b", re.I), None),
    ("memory", prefilter.compile(rf"{_AT}{_NUM}\s?(gb|gib|mb|mib|tb|kb)\b", re.I),
     prefilter.compile(r"\b(memory|vram|footprint|ram|peak|storage|cache|disk)\b", re.I)),
    ("compute", prefilter.compile(rf"{_NUM}\s?([kmgtpe]?flops|[kmgt]?macs|gpu[- ]hours?|tpu[- ]hours?|gpu[- ]days?|pf[- ]?days?)\b"
                           rf"|{_NUM}\s?(x|×|e|\\times\s?10\^?\{{?\d+\}}?)\s?\d*\s?flops\b", re.I), None),
    ("parameters", prefilter.compile(rf"{_NUM}\s?([kmbt]|million|billion|trillion)?\s?(parameters|params)\b|#\s?params", re.I), None),
    ("energy", prefilter.compile(rf"{_NUM}\s?(kwh|wh|mwh|joules?|j|watts?|w|kg\s?co2e?|tco2e?)\b", re.I),
     prefilter.compile(r"\b(energy|power|carbon|emissions?)\b", re.I)),
    ("communication", prefilter.compile(rf"{_NUM}\s?([kmg]?bits?|[kmg]?bytes?|rounds?|messages?)\b", re.I),
     prefilter.compile(r"\b(communicat|transmit|sent|bandwidth|rounds?)", re.I)),
]
_HEADER_RESOURCE = [
    ("time", prefilter.compile(r"\b(time|latency|run[- ]?time|wall[- ]?clock|speed|sec|ms|seconds|hours?)\b|\(s\)|\[s\]", re.I)),
    ("throughput", prefilter.compile(r"\bthroughput\b|\b(tok|tokens|samples|img|images|it)/s\b|\bfps\b|\bqps\b", re.I)),
    ("memory", prefilter.compile(r"\bmemory\b|\bmem\.?\b|\bvram\b|\b(gb|mb|gib|mib)\b", re.I)),
    ("compute", prefilter.compile(r"\bflops?\b|\bgflops\b|\bmacs\b|\bgpu[- ]hours?\b|\bcompute\b", re.I)),
    ("parameters", prefilter.compile(r"\b#?\s?param(eter)?s?\b|\bsize\b", re.I)),
    ("energy", prefilter.compile(r"\benergy\b|\bkwh\b|\bpower\b", re.I)),
    ("communication", prefilter.compile(r"\bcommunication\b|\bbits\b|\bbytes\b|\brounds\b", re.I)),
]
_DIGIT = prefilter.compile(r"\d")


def _role_at(doc: Document, offset: int) -> str:
    """The role of the section a global offset (a table's) lies in."""
    i = bisect.bisect_right([s.offset for s in doc.sections], offset) - 1
    return doc.sections[i].role if i >= 0 else "other"


def place(doc: Document, sent: Sentence) -> dict:
    """A sentence as evidence: ``{text, file, line, column}`` (the shape every report reads)."""
    loc = doc.prose_location(sent.prose, sent.start, sent.end)
    return {"text": " ".join(sent.text.split())[:300], "file": loc.file, "line": loc.line, "column": loc.column}


def text_place(doc: Document, text: str, offset: int) -> dict:
    """A heading or table cell as evidence, located at its global offset."""
    loc = doc.location(offset)
    return {"text": " ".join(text.split())[:300], "file": loc.file, "line": loc.line, "column": loc.column}


def _ev(doc: Document, sent: Sentence, why: str) -> dict:
    return {**place(doc, sent), "why": why}


def _cell(doc: Document, text: str, offset: int, why: str) -> dict:
    return {**text_place(doc, text, offset), "why": why}


def _headings(doc: Document, rx: re.Pattern, why: str) -> list[dict]:
    """Headings of the paper's own sections that ``rx`` matches ("Ablation study", "Baselines")."""
    return [_cell(doc, s.title, s.offset, why) for s in doc.sections
            if s.title and s.role not in NOT_OWN and rx.search(s.title)]


_TEXTS: dict[int, tuple[Sentence, str]] = {}  # id(sentence) -> (sentence, its text with math), for one document's pass


def sentence_text(sent: Sentence) -> str:
    """Sentence text with inline math restored as its LaTeX (for ±, O(n), 7\\,B ...); computed
    once per sentence while a document's evidence is read (``reading``)."""
    return _remembered(_TEXTS, sent, _math_text)


_READING = False


def _remembered(table: dict, obj, compute):
    """``compute(obj)``, kept in ``table`` by identity while a document is being read."""
    hit = table.get(id(obj))
    if hit is not None and hit[0] is obj:
        return hit[1]
    value = compute(obj)
    if _READING:
        table[id(obj)] = (obj, value)
    return value


class reading:
    """Context for one document's evidence pass: sentence texts are computed once and shared by
    every question, then forgotten."""

    def __enter__(self):
        global _READING
        _READING = True
        _TEXTS.clear()
        _SIZES.clear()
        return self

    def __exit__(self, *exc):
        global _READING
        _READING = False
        _TEXTS.clear()
        _SIZES.clear()
        return False


_LOWERED: tuple[str, str] = ("", "")  # the last text lower-cased (several questions read one sentence)


def _has_any(text: str, keys: tuple[str, ...]) -> bool:
    """A cheap substring prefilter before a costly pattern (keys in lower case)."""
    global _LOWERED
    last, low = _LOWERED
    if last is not text:
        low = text.lower()
        _LOWERED = (text, low)  # one tuple: a thread reading it sees a text and its own lower case
    for k in keys:
        if k in low:
            return True
    return False


def _math_text(sent: Sentence) -> str:
    places = sent.placeholders()
    if not places:
        return sent.text
    out, pos = [], sent.start
    for ph in places:
        out.append(sent.prose.text[pos:ph.start])
        out.append(ph.payload[0] if ph.payload and ph.kind in ("math", "eq") else sent.prose.text[ph.start:ph.end])
        pos = ph.end
    out.append(sent.prose.text[pos:sent.end])
    return "".join(out)


def sentences(doc: Document, roles: Iterable[str] | None = None, kinds=("body", "item", "caption", "footnote"),
              skip: Iterable[str] = NOT_OWN) -> Iterator[Sentence]:
    """The sentences of ``kinds``; running text only in sections of ``roles`` (all when None)
    and never in sections of ``skip`` (cited work's); captions and footnotes wherever they are."""
    roles = set(roles) if roles is not None else None
    skip = set(skip)
    for p in doc.prose:
        if p.kind not in kinds:
            continue
        if p.kind in ("body", "item") and (roles is not None and p.role not in roles or p.role in skip):
            continue
        yield from p.sentences


def _table_columns(table) -> list[tuple[str, int, list[tuple[str, int]]]]:
    """(header text, header offset, the cells below it) per column of a table whose first row
    heads the columns."""
    if len(table.rows) < 2:
        return []
    header = table.rows[0]
    out = []
    for j, (text, off) in enumerate(header):
        below = [row[j] for row in table.rows[1:] if j < len(row)]
        out.append((text or "", off, below))
    return out


# ---------------------------------------------------------------- claims and measurements

#: "we propose an efficient idea for ...": the contribution itself called efficient
_EFFICIENT_CONTRIBUTION = prefilter.compile(r"\b(propose|present|introduce|develop|design|offer|provide)s?\b[^.]{0,20}\b"
                                     r"(efficient|lightweight|fast|cheap|inexpensive)\b", re.I)


def efficiency_claims(doc: Document) -> list[dict]:
    """The paper's own efficiency claims, each with the resources it names."""
    out = []
    for sent in sentences(doc, CLAIM_ROLES, kinds=("body", "item")):
        if "efficiency_claim" not in sent.tags:
            continue
        res = list(_claimed_in(sentence_text(sent), sent.text))
        if res and is_own_claim(sent, doc):
            out.append({**_ev(doc, sent, "claims " + ", ".join(res)), "resources": res})
    return out


@per_text
def _claimed_in(text: str, raw: str) -> tuple[str, ...]:
    """The resources an efficiency-claim sentence (``text`` with its math, ``raw`` with
    placeholders) claims, or () when it is no claim: a negation, a plan, cited work's, or
    efficiency with no resource and no method."""
    text = _LABEL_KEY.sub(" ", text)
    if _NOT_A_CLAIM.search(text) or _FUTURE.search(text):
        return ()
    if "⟦cite⟧" in raw and not re.search(r"\b(we|our|ours)\b", raw, re.I):
        return ()
    res = claimed_resources(text)
    if res == [GENERIC] and not (_EFFICIENT_METHOD.search(text) or _EFFICIENT_CONTRIBUTION.search(text)):
        return ()  # "an efficient way to represent variation": no resource, no method
    return tuple(res)


#: a memory amount that describes hardware, not a measurement ("a GPU with 40GB of VRAM", "16GB RAM")
_HARDWARE_AFTER = re.compile(r"\s*(of\s+)?(v?ram|swap|hbm\w*)\b(?!\s+(usage|use|consumption|footprint|requirements?))", re.I)
_HARDWARE_BEFORE = re.compile(r"(\b(gpus?|a100s?|v100s?|h100s?|h200s?|a6000|a40|l40s?|rtx\s?\w+|tesla|titan|quadro|tpus?|cpus?|"
                              r"machines?|servers?|nodes?|cards?)\b[^.;]{0,25}?\b(with|has|having|equipped)\b[^.;]{0,12}"
                              r"|\b(a100|v100|h100|h200|a6000|a40|l40)[\s-]*\(?)$", re.I)
#: a duration of the data or of people's time, not of the method ("clips, each lasting 2 to 19 seconds",
#: "an average of 4 minutes per game")
_MEDIA_BEFORE = re.compile(r"\b(lasting|lasts?|long|duration|durations|clips?|videos?|audio|recordings?|speech|footage)\b[^.;]{0,15}$", re.I)
_HUMAN_AFTER = re.compile(r"\s*(per|a|each)\s+(game|meeting|session|hit|participant|annotator|worker|person|dialogue|"
                          r"conversation|interview)\b", re.I)


def _plausible(name: str, text: str, m: re.Match) -> bool:
    """Whether a unit match measures the method's cost (not hardware, media or people's time)."""
    before = text[max(0, m.start() - 60):m.start()]
    if name == "memory":
        return not (_HARDWARE_AFTER.match(text, m.end()) or _HARDWARE_BEFORE.search(before))
    if name == "time":
        return not (_MEDIA_BEFORE.search(before) or _HUMAN_AFTER.match(text, m.end()))
    return True


@per_text
def _measured_in(text: str) -> tuple[tuple[str, str], ...]:
    """(resource, the words that measure it) for each resource a sentence measures, once each."""
    if not _DIGIT.search(text) and "flop" not in text.lower():  # "we measure FLOPs with calflops": no number
        return ()
    out: list[tuple[str, str]] = []
    for name, unit, context in _MEASURE:
        if any(n == name for n, _ in out):
            continue
        m = next((m for m in unit.finditer(text) if _plausible(name, text, m)), None)
        if m and (context is None or context.search(text)):
            out.append((name, m.group(0).strip()))
    return tuple(out)


def efficiency_measurements(doc: Document) -> dict[str, list[dict]]:
    """Resource -> where it was measured: a number with the resource's unit in a sentence that
    measures (results, captions, appendix), or a table column headed by the resource."""
    found: dict[str, list[dict]] = {r: [] for r in RESOURCES}
    for sent in sentences(doc, RESULT_ROLES + ("method", "limitations")):
        for name, what in _measured_in(sentence_text(sent)):
            if len(found[name]) < MAX_ITEMS:
                found[name].append(_ev(doc, sent, f"{name} measured: {what!r}"))
    for table in doc.tables:
        short = [(t, o) for t, o in table.cells() if t and len(t) < 40 and _DIGIT.search(t)]
        if len(short) < 2:
            continue
        for name, i in _units_in_cells(tuple(t for t, _ in short)):
            if len(found[name]) < MAX_ITEMS:
                found[name].append(_cell(doc, short[i][0], short[i][1], f"{name} measured in table cells ({short[i][0].strip()!r})"))
        for head, off, below in _table_columns(table):
            numeric = [c for c, _ in below if c and _DIGIT.search(c)]
            if len(numeric) < 2:
                continue
            for name, rx in _HEADER_RESOURCE:
                if name == "parameters" and not re.search(r"param", head, re.I):
                    continue
                if rx.search(head) and len(found[name]) < MAX_ITEMS:
                    found[name].append(_cell(doc, head, off, f"{name} measured: a table column headed {head.strip()!r}"))
                    break
    return {r: v for r, v in found.items() if v}


@per_text
def _units_in_cells(texts: tuple[str, ...]) -> tuple[tuple[str, int], ...]:
    """(resource, index of its first cell) for each way of measuring a resource (``_MEASURE``)
    whose unit at least two of a table's short numeric cells carry."""
    out = []
    for name, unit, _context in _MEASURE:
        hits = [i for i, t in enumerate(texts) if unit.search(t)]
        if len(hits) >= 2 and (name, hits[0]) not in out:  # two ways of reading one resource: one cell
            out.append((name, hits[0]))
    return tuple(out)


#: what counts as an efficiency measurement for the ``efficiency_measured`` field (a parameter
#: count is a size, not a cost)
COST_RESOURCES = ("time", "throughput", "memory", "compute", "energy", "communication")


def resource_check(claims: list[dict], measured: dict[str, list[dict]]) -> dict:
    """Claimed resources against measured ones: ``{claimed, measured, unmeasured}`` (the JSON
    ``resources``); a claim naming no resource is answered by any measured cost."""
    claimed: dict[str, list[dict]] = {}
    for c in claims:
        for r in c["resources"]:
            claimed.setdefault(r, []).append({k: v for k, v in c.items() if k != "resources"})
    unmeasured = [r for r in RESOURCES if r in claimed and r not in measured]
    if GENERIC in claimed and not any(r in measured for r in COST_RESOURCES):
        unmeasured.append(GENERIC)
    return {"claimed": {r: v[:MAX_ITEMS] for r, v in claimed.items()}, "measured": measured, "unmeasured": unmeasured}


# ---------------------------------------------------------------- scale

_SIZE_UNITS = {"k": 1e3, "thousand": 1e3, "m": 1e6, "million": 1e6, "b": 1e9, "billion": 1e9, "t": 1e12, "trillion": 1e12}
_PARAMS = prefilter.compile(r"(?<![\w.])(\d+(?:\.\d+)?)\s?(k|m|b|t|thousand|million|billion|trillion)\b(?:[\s-]+(parameters?|params|parameter))?"
                     r"|(?<![\w.])(\d+(?:\.\d+)?)\s?(parameters|params)\b", re.I)
_DATA_AFTER = prefilter.compile(r"\s*(?:(?!model|network|param|llm|transformer|checkpoint|variant)[a-z][\w-]*\s+){0,2}?(tokens|images|examples|samples|sentences|documents|pairs|words|frames|videos|steps|hours|"
                         r"image-text|training|queries|rows|records|subsets?|datasets?|corpus|corpora|pool|iterations?|epochs?|updates?|"
                         r"gradient steps|episodes|games)\b", re.I)
#: a count of training steps ("trained for 1M", "models trained for 1.5M iterations")
_STEPS_BEFORE = re.compile(r"\b(train(ed|ing)?|run|ran|optimi[sz]ed|fine-?tuned)\s+(\w+\s+){0,2}?for\s+(about\s+|~\s*)?$", re.I)
#: a count of operations, bytes or money, not of parameters ("39 billion FLOPs in the forward pass")
_COST_AFTER = re.compile(r"\s*(flops?|[gtpm]flops|macs?|g?macs|mult-adds|multiply-adds|multiply-accumulates|operations|ops|"
                         r"bytes|bits|dollars|usd)\b", re.I)
#: a bound, not a model's size ("variants with less than 1 billion parameters are easier to train")
_BOUND_BEFORE = re.compile(r"(?:\b(?:less|fewer|smaller) than|\bunder|\bbelow)\s*$", re.I)
#: a size glued to a name ("LAION-2B", "Qwen3-32B") is a model's only when the name is a model family's:
#: "LAION-400M", "JFT-300M", "DataComp-1B", "CC-12M" name datasets
_GLUED_NAME = re.compile(r"([A-Za-z][\w.]*)-$")
_MODEL_FAMILY = re.compile(r"llama|qwen|gpt|t5|opt|pythia|mistral|mixtral|gemma|phi|falcon|deepseek|olmo|mpt|bloom|palm|"
                           r"chinchilla|vicuna|alpaca|flan|ul2|yi|internlm|baichuan|glm|bert|vit|clip|eva|dino|whisper|"
                           r"starcoder|codegen|galactica|gopher|megatron|llava|blip|flamingo|idefics|model|lm|net|former",
                           re.I)
_MODEL_CONTEXT = prefilter.compile(r"\b(param|model|network|transformer|llm|lm|gpt|llama|bert|t5|opt|pythia|qwen|mistral|vit|resnet|checkpoint|variant|backbone)", re.I)
_DATA = prefilter.compile(r"(?<![\w.])(\d+(?:[.,]\d+)?)\s?(k|m|b|t|thousand|million|billion|trillion)?\s?"
                   r"(tokens|images|examples|samples|sentences|documents|pairs|videos|utterances|dialogues|hours of (?:speech|audio|video)|image-text pairs|trajectories|episodes|problems|questions|instances)\b", re.I)
_SEQ = prefilter.compile(r"\b(sequence|context|input|prompt|window|generation)\s+(length|size|lengths|window)s?\b[^.]{0,30}?(\d[\d,.]*\s?[kK]?)"
                  r"|(\d[\d,.]*\s?[kK]?)[\s-]+(tokens?|steps)\s+(long|of context|context)|\bup to (\d[\d,]*\s?[kK]?)\s+(time steps|steps|tokens|frames)\b", re.I)
#: "a maximum generation length of 4096 tokens", "truncated at 512 tokens": a length, not the data's size
_LENGTH_BEFORE = re.compile(r"\b(length|limit|maximum|max|truncat\w*|cut-?off|at most|exceed\w*|longer than)\s*(of|to|at)?\s*$", re.I)
#: "truncated at 512 tokens", "a limit of 10000 tokens": the longest input the method reads
_LIMIT_SEQ = prefilter.compile(r"\b(?:limit|maximum|truncat\w*|cut-?off)\s+(?:of|at|to)\s+(\d[\d,]*)\s?(k?)\s+tokens\b", re.I)
#: a number that multiplies a symbol ("greater than 2 \hat{d}"): a coefficient, not a length
_COEFFICIENT_AFTER = re.compile(r"\s*\\[A-Za-z]")
_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}


def _size(num: str, unit: str | None) -> float:
    value = float(num.replace(",", ""))
    return value * _SIZE_UNITS.get((unit or "").lower(), 1.0)


def _human(value: float) -> str:
    for unit, div in (("T", 1e12), ("B", 1e9), ("M", 1e6), ("K", 1e3)):
        if value >= div:
            return f"{value / div:.3g}{unit}"
    return f"{value:.3g}"


_SIZES: dict[int, tuple[Document, list]] = {}  # id(doc) -> its model sizes, during one reading


def model_sizes(doc: Document) -> list[tuple[float, dict]]:
    """Parameter counts of the models the experiments run (sentence and table mentions with a
    model word nearby), each with where it was read (read once per document's pass)."""
    return _remembered(_SIZES, doc, _model_sizes)


@per_text
def _sizes_in(text: str) -> tuple[float, ...]:
    """The parameter counts (at least 100K) a sentence gives for a model ("a 1.3B model")."""
    out = []
    for m in _PARAMS.finditer(text):
        num, unit, word = (m.group(1), m.group(2), m.group(3)) if m.group(1) else (m.group(4), None, m.group(5))
        if not word and not (unit and unit.lower() in ("m", "b", "t", "million", "billion", "trillion")):
            continue
        if not word and (_DATA_AFTER.match(text, m.end()) or _COST_AFTER.match(text, m.end())):
            continue  # "300B tokens", "39 billion FLOPs": data or compute, not a model
        if _BOUND_BEFORE.search(text, max(0, m.start() - 20), m.start()):
            continue  # "less than 1B parameters": a bound
        if not word and _STEPS_BEFORE.search(text, max(0, m.start() - 40), m.start()):
            continue  # "0.1B models trained for 1M on OWT": steps, not a size
        glued = _GLUED_NAME.search(text, max(0, m.start() - 30), m.start())
        if glued and not word and not _MODEL_FAMILY.search(glued.group(1)):
            continue  # "trained on LAION-2B": a dataset's size
        window = text[max(0, m.start() - 40):m.end() + 40]
        if word or _MODEL_CONTEXT.search(window):
            value = _size(num, unit)
            if value >= 1e5:
                out.append(value)
    return tuple(out)


def _model_sizes(doc: Document) -> list[tuple[float, dict]]:
    out = []
    for sent in sentences(doc, RESULT_ROLES + ("method", "abstract", "introduction", "conclusion")):
        text = sentence_text(sent)
        if "⟦cite⟧" in sent.text and sent.role in ("introduction", "abstract"):
            continue  # sizes of cited models
        for value in _sizes_in(text):
            out.append((value, _ev(doc, sent, f"a model of {_human(value)} parameters")))
    for table in doc.tables:
        if _role_at(doc, table.offset) in NOT_OWN:
            continue
        for head, off, below in _table_columns(table):
            if not re.search(r"param", head, re.I):
                continue
            for text, coff in below:
                m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s?([kmbt])\s*", text or "", re.I)
                if m:
                    value = _size(m.group(1), m.group(2))
                    if value >= 1e5:
                        out.append((value, _cell(doc, text, coff, f"a model of {_human(value)} parameters (table)")))
    return out


@per_text
def _scale_in(text: str) -> tuple[tuple[tuple[float, str], ...], tuple[float, ...], tuple[int, ...]]:
    """The data sizes (each with what it counts: "tokens", "images" ...), sequence lengths and
    dataset or task counts a sentence states."""
    count_rx = fact_pattern("several_datasets")
    if not _DIGIT.search(text) and not count_rx.search(text):
        return (), (), ()
    data, seqs, counts = [], [], []
    for m in _DATA.finditer(text):
        if _LENGTH_BEFORE.search(text, max(0, m.start() - 30), m.start()):
            continue  # a length or a limit ("a maximum generation length of 4096 tokens"), read by _SEQ
        value = _size(m.group(1), m.group(2))
        if value >= 100:
            data.append((value, m.group(3).lower()))
    for m in _SEQ.finditer(text):
        if m.group(3) and _COEFFICIENT_AFTER.match(text, m.end(3)):
            continue  # "the sequence length k is greater than 2 \hat{d}"
        raw = m.group(3) or m.group(4) or m.group(7) or ""
        raw = raw.replace(",", "").strip()
        mult = 1e3 if raw.lower().endswith("k") else 1.0
        try:
            value = float(raw.rstrip("kK").strip()) * mult
        except ValueError:
            continue
        if value >= 2:
            seqs.append(value)
    for m in _LIMIT_SEQ.finditer(text):
        value = float(m.group(1).replace(",", "")) * (1e3 if m.group(2) else 1.0)
        if value >= 2:
            seqs.append(value)
    for m in count_rx.finditer(text):
        if m.group(1) is None:
            continue  # "across datasets": several, but no count
        n = _WORDS.get(m.group(1).lower()) or (int(m.group(1)) if m.group(1).isdigit() else 0)
        if 2 <= n <= 500:
            counts.append(n)
    return tuple(data), tuple(seqs), tuple(counts)


def scale_envelope(doc: Document) -> dict:
    """The largest model, data and sequence the experiments reach, and how many datasets and
    tasks they cover; ``None`` for what the paper does not say."""
    sizes = model_sizes(doc)
    data, seqs, counts = [], [], []
    for sent in sentences(doc, RESULT_ROLES + ("method", "abstract", "introduction", "conclusion")):
        if "⟦cite⟧" in sent.text and sent.role in ("introduction", "abstract"):
            continue  # cited work's sizes
        sent_data, sent_seqs, sent_counts = _scale_in(sentence_text(sent))
        data.extend((value, _ev(doc, sent, "training or evaluation data"), f"{_human(value)} {unit}")
                    for value, unit in sent_data)
        seqs.extend((value, _ev(doc, sent, "sequence or input length"), f"{value:.0f}") for value in sent_seqs)
        counts.extend((n, _ev(doc, sent, "datasets or tasks evaluated"), f"{n:.0f}") for n in sent_counts)

    def top(items):
        """The largest of (value, evidence, text) items, as the JSON shows it."""
        if not items:
            return None
        value, ev, text = max(items, key=lambda x: x[0])
        return {"value": value, "text": text, "evidence": ev}

    return {
        "largest_model": top([(v, ev, f"{_human(v)} parameters") for v, ev in sizes]),
        "largest_data": top(data),
        "longest_sequence": top(seqs),
        "datasets_or_tasks": top(counts),
        "model_sizes": sorted({_human(v) for v, _ in sizes}, key=lambda s: _size(s[:-1], s[-1]) if s[-1].isalpha() else float(s)),
    }


_SWEEP = prefilter.compile(r"\\in\s*\\?\{\s*(\d[\d.,\s]*(?:,\s*\\?c?dots\s*,?)?[\d.,\s]*)\\?\}|\b(from|between) (\d[\d,]*) (and|to) (\d[\d,]*) "
                    r"(layers|parameters|tokens|examples|samples|steps|digits|nodes|agents|dimensions|clients|workers)\b", re.I)
_SCALE_WORDS = prefilter.compile(r"\bscaling (law|laws|experiment|experiments|behaviou?r|curve|curves|study|analysis|trend|trends)\b|"
                          r"\b(model|data|dataset|training set) (size|sizes|scale|scales) (from|of|ranging|between)\b|\bacross (model|data) (sizes|scales)\b|"
                          r"\bvary(ing)? (the )?(model|data|dataset|network) (size|scale|width|depth)\b|\bas (the )?(model|data|network) (size|scale) (grows|increases)\b|"
                          r"\b\d+ (layers?|digits|time steps) (and|to|,) \d+ (layers?|digits|time steps)\b|\b(number of|size of the) (layers|parameters|training examples|"
                          r"training samples|tokens|time steps|digits|clients|nodes) (from|varies|increases|grows)\b|"
                          r"\bgrowing (sizes|amounts|numbers) of\b|\b(number of|increasing|varying|more) (threads|processes|workers|cores|nodes|gpus|machines)\b|\bas we (increase|decrease|vary|grow|scale) the (number|size|amount|fraction) of\b|"
                          r"\b(increases|improves|decreases|grows|degrades) with (the )?(number|size|amount) of (training )?(data|examples|samples|labels|tokens|parameters|layers)\b|"
                          r"\b(only )?a (fraction|portion|subset) of (the )?(available )?(labels|labelled data|labeled data|training data|training set)\b|"
                          r"\b\d+[kKmM], \d+[kKmM], \d+[kKmM]\b|\b[\w$]{1,12} = \d+ and [\w$]{1,12} = \d+\b", re.I)


def scale_experiments(doc: Document) -> list[dict]:
    """Results at several model or data sizes: two parameter counts of the paper's models, a
    scaling study, or a sweep of a size over a range (``$M \\in \\{10, 20, 40\\}$``)."""
    sizes = model_sizes(doc)
    distinct = sorted({round(v, -3) for v, _ in sizes})
    out = []
    if len(distinct) >= 2 and distinct[-1] >= 2 * distinct[0]:
        seen = set()
        for v, ev in sizes:
            if round(v, -3) not in seen:
                seen.add(round(v, -3))
                out.append({**ev, "why": f"several model sizes ({', '.join(_human(x) for x in distinct[:6])})"})
    for sent in sentences(doc, RESULT_ROLES + ("method",)):
        if len(out) >= MAX_ITEMS:
            break
        why = _size_study_in(sentence_text(sent))
        if why:
            out.append(_ev(doc, sent, why))
    return out[:MAX_ITEMS]


#: a count set to one value is a setting, not a sweep ("with the number of nodes $n = 100$")
_FIXED_VALUE = re.compile(r"\s*(\$\s*\w{1,3}\s*=\s*\d|=\s*\d|(is|was) (set to )?\d|of \d)")
#: a statement about a bound or a complexity is theory, not results at several sizes ("the
#: complexities improve with the number of workers n")
_THEORY_STATEMENT = re.compile(r"\bcomplexit(y|ies)\b|\b(upper|lower) bounds?\b|\bconvergence rates?\b|\btheorem\b|\blemma\b", re.I)


@per_text
def _size_study_in(text: str) -> str:
    """Why a sentence reports results across sizes (a scaling study, a sweep over a range), or ""."""
    if not _THEORY_STATEMENT.search(text) and any(not _FIXED_VALUE.match(text, m.end()) for m in _SCALE_WORDS.finditer(text)):
        return "a study across sizes"
    m = _SWEEP.search(text)
    if m and m.group(1):
        nums = [float(x) for x in re.findall(r"\d+(?:\.\d+)?", m.group(1))]
        if len(nums) >= 3 and nums == sorted(nums) and nums[0] > 0 and nums[-1] >= 4 * nums[0]:
            return "a sweep of a size over a range"
    elif m and m.group(3):
        a, b = float(m.group(3).replace(",", "")), float(m.group(5).replace(",", ""))
        if a > 0 and b >= 4 * a:
            return "a sweep of a size over a range"
    return ""


_SCALE_WORD = prefilter.compile(r"scal|billion|million|trillion|larger|bigger", re.I)
_SCALE_CLAIM_SUBJECT = prefilter.compile(r"\b(we|our|ours|this (paper|work|method|approach)|the proposed)\b", re.I)
#: the paper's own system named by a definite noun, in the sections that evaluate or discuss it
#: ("the system can be scaled inexpensively", "enables the system to scale")
_OWN_SYSTEM = prefilter.compile(r"\bthe (system|method|approach|framework|pipeline|protocol|algorithm)\b", re.I)
_OWN_SYSTEM_ROLES = ("results", "analysis", "discussion", "conclusion")


def scale_claims(doc: Document) -> list[dict]:
    """The paper's own claims that the method scales or works at large scale (not cited models'
    sizes, not plans: "in the future, we will make it scale")."""
    out = []
    for sent in sentences(doc, CLAIM_ROLES, kinds=("body", "item")):
        if "scale_claim" not in sent.tags:
            continue
        text = _LABEL_KEY.sub(" ", sent.text)
        if _FUTURE.search(text) or not is_own_claim(sent, doc) or not _SCALE_WORD.search(text):
            continue
        if "⟦cite⟧" in text and not re.search(r"\b(we|our|ours)\b", text, re.I):
            continue
        if not _SCALE_CLAIM_SUBJECT.search(text) and not any(n in text for n in (doc.method_names or ())) \
                and not (sent.role in _OWN_SYSTEM_ROLES and _OWN_SYSTEM.search(text)):
            continue
        out.append(_ev(doc, sent, "claims the method scales"))
        if len(out) >= MAX_ITEMS:
            break
    return out


# ---------------------------------------------------------------- own-result evidence

def _matching(doc: Document, roles: tuple[str, ...], keys: tuple[str, ...], rx: re.Pattern, why: str) -> list[dict]:
    """Up to ``MAX_ITEMS`` sentences of ``roles`` that ``rx`` matches (after the cheap ``keys``
    prefilter), each saying what matched."""
    out = []
    for sent in sentences(doc, roles):
        text = sentence_text(sent)
        if not _has_any(text, keys):
            continue
        m = rx.search(text)
        if m:
            out.append(_ev(doc, sent, f"{why} ({m.group(0).strip()!r})"))
            if len(out) >= MAX_ITEMS:
                break
    return out


_PLUS_MINUS = prefilter.compile(r"±|\\pm\b|\+/-|\+-(?=\s?\d)")
_SPREAD_WORDS = prefilter.compile(r"\berror bars?\b|\bconfidence (intervals?|bands?)\b|\b9[05]\s?(%|\\%|percent)\s?(ci|confidence)\b|"
                           r"\bshaded (region|area|band)s?\b|\binterquartile\b|\bs\.e\.m\.", re.I)
_STD = prefilter.compile(r"\b(std|s\.d\.|stdev|standard (deviation|error)s?)\b", re.I)
_NUMBER_BEFORE_STD = prefilter.compile(r"\b(\d+(\.\d+)?|one|two|three|four|five|several)\s+(std|standard deviations?)\b", re.I)
_RUNS = prefilter.compile(r"\b(seeds?|runs|trials|repetitions|restarts|folds|initiali[sz]ations|independent(ly)?|repeated|rerun|re-run|"
                   r"times\b(?! (faster|slower|more|less|fewer|larger|smaller)))", re.I)
_SEVERAL_RUNS = prefilter.compile(r"\b(over|across|with|using|of|from) (\d+|two|three|four|five|six|seven|eight|nine|ten|twenty|fifty|hundred)"
                           r" (different |independent |random |separate )*(seeds|runs|trials|restarts|repetitions|initiali[sz]ations|"
                           r"training runs|([\w/-]+ )?splits|folds)\b|\b(\d+|two|three|four|five|ten)-fold cross-validation\b|\b(repeat|repeated|repeating|rerun|ran|run|runs|train|trained) (each|every|all|all the|the|our|these)"
                           r" ([\w-]+ ){0,2}(experiments?|runs?|trainings?|evaluations?|models?|trials?|configurations?|settings?)\b[^.]{0,30}"
                           r"\b(\d+|two|three|four|five|six|seven|eight|nine|ten) (independent |separate )?times\b", re.I)
_RESULT_WORDS = prefilter.compile(r"\b(accuracy|accuracies|score|scores|performance|error|errors|loss|reward|return|f1|bleu|rouge|auc|map|"
                           r"perplexity|results?|win rate|success rate|mean)\b|%", re.I)


#: a ± that bounds a range or a tolerance, not a result's uncertainty ("a brightness shift by a random
#: factor between ±0.2", "preserved to within ±0.01", "rotations of up to ±15°")
_RANGE_BEFORE = re.compile(r"\b(between|within|range|ranging|up to|random(ly)?|uniform(ly)?|sampled|shift(ed)?|rotat\w*|"
                           r"jitter\w*|perturb\w*|augment\w*|noise)\b[^.;]{0,20}$", re.I)
#: cross-validation that picks hyperparameters, not results reported over folds
_SELECTION = re.compile(r"\b(hyper-?parameters?|model selection|to (select|choose|tune)|tuning)\b", re.I)
_CROSS_VALIDATION = re.compile(r"\b(\d+|two|three|four|five|ten)-fold cross-validation\b", re.I)

_ERROR_KEYS = ("±", "\\pm", "+/-", "+-", "error bar", "confiden", "ci", "shaded", "interquartile", "s.e.m", "std",
               "s.d.", "standard", "seed", "run", "trial", "repetition", "restart", "fold", "split", "initiali", "times")


@per_text
def _uncertainty_in(text: str, caption: bool) -> str:
    """Why a sentence (a caption: ``caption``) reports the uncertainty of a result, or ""."""
    if not _has_any(text, _ERROR_KEYS):
        return ""
    if _NUMBER_BEFORE_STD.search(text):
        return ""  # "values beyond two standard deviations of the mean": a threshold, not a spread of results
    if _SPREAD_WORDS.search(text):
        return "error bars or a confidence interval"
    runs = _SEVERAL_RUNS.search(text)
    if runs and not (_CROSS_VALIDATION.fullmatch(runs.group(0)) and _SELECTION.search(text)):
        return "results over several runs or seeds"
    if _RESULT_WORDS.search(text) and any(not _RANGE_BEFORE.search(text, max(0, m.start() - 40), m.start())
                                          for m in _PLUS_MINUS.finditer(text)):
        return "a ± on a result"
    if _STD.search(text) and (_RUNS.search(text) or (_RESULT_WORDS.search(text) and caption)):
        return "a standard deviation over runs"
    return ""


def error_bars(doc: Document) -> list[dict]:
    """The uncertainty of a result: ±, error bars or confidence intervals, a standard deviation
    over runs or of a result, several seeds; not the spread of a dataset ("participants knew
    8.2 books, SD 4.6") nor a threshold ("three standard deviations above the mean")."""
    out = []
    for sent in sentences(doc, RESULT_ROLES + ("method", "limitations")):
        why = _uncertainty_in(sentence_text(sent), sent.kind == "caption")
        if why:
            out.append(_ev(doc, sent, why))
            if len(out) >= MAX_ITEMS:
                return out
    for table in doc.tables:
        if _role_at(doc, table.offset) in NOT_OWN:
            continue
        hits = [(t, o) for t, o in table.cells() if t and _PLUS_MINUS.search(t) and _DIGIT.search(t)]
        if len(hits) >= 2:
            out.append(_cell(doc, hits[0][0], hits[0][1], "± in the result cells of a table"))
        else:
            spread = next(((h, o) for h, o, below in _table_columns(table)
                           if _SPREAD_HEADER.match(h) and sum(1 for t, _ in below if t and _DIGIT.search(t)) >= 2), None)
            if spread is None or not _over_runs(doc, table):
                continue  # a spread of what was measured over runs, not of a dataset ("participants ... Mean, STD")
            out.append(_cell(doc, spread[0], spread[1], "a column of standard deviations or percentiles over runs"))
        if len(out) >= MAX_ITEMS:
            break
    return out


def _over_runs(doc: Document, table) -> bool:
    """Whether a table's header row or caption says its numbers come from repeated runs."""
    if any(_RUNS.search(t) for t, _ in table.rows[0]):
        return True
    fl = doc.floats[table.float_index] if table.float_index is not None and table.float_index < len(doc.floats) else None
    return bool(fl and fl.caption and _RUNS.search(fl.caption.text))


#: a table column of spreads: "Std", "SD", "95% CI", "IQR", "P95 ms" (a latency's tail over repeated runs)
_SPREAD_HEADER = re.compile(r"\W*(std|s\.?d\.?|stdev|std\.? ?dev\.?|standard deviation|(95|99)\s?(\\?%)\s?ci|ci|iqr|"
                            r"p(9[059]|99\.9)|(9[059])(th)?[- ]percentile|s\.?e\.?m\.?)(?![\w.])", re.I)


_ABLATION = prefilter.compile(
    r"\bablat(e|ed|es|ing|ion|ions)\b|\bwith and without\b|\bw/o\b|\bleave-one-out\b"
    r"|\bcontributions? of (each|the|every) (component|module|term|loss|part|stage)s?\b"
    r"|\beach (component|module|design choice|term)\b[^.]{0,60}\b(contribut|effect|impact|improv)"
    r"|\bremov(e|ing|al of) (each|the|one|this|our) ([\w-]+ ){0,2}(component|module|term|loss|layer|block|step|stage|feature|head)s?\b"
    r"|\bwithout (the|our|any) ([\w-]+ ){0,2}(component|module|loss|term|layer|block|stage|step|calibration|augmentation|"
    r"regulari[sz]ation|pre-?training|fine-?tuning|attention|feature|features|bias|prior|objective)\b"
    r"|\bvariants? of (our|the proposed|the|our proposed) ([\w-]+ )?(model|method|approach|architecture|framework|system|algorithm)\b"
    r"|\b(we )?(vary|varied|varying) (the )?(number|size|depth|width|strength|weight|amount|choice|initiali[sz]ation|scale|"
    r"temperature|rank|ratio|dimension|dimensionality|length|learning rate|hyper-?parameters?)\b"
    r"|\bsensitivity (analysis|to|study)\b|\bone ([\w-]+ )?(variable|component|factor|feature|attribute) at a time\b"
    r"|\b(experiment|experimented|experimenting) with (other|different|alternative|several|various)\b"
    r"|\b(alternative|different) (loss functions?|losses|architectures?|encoders?|design choices|variants|objectives|"
    r"combination methods)\b|\balternative ([\w-]+ )?(families|components|strategies|formulations|designs|choices)\b"
    r"|\bdesign choices?\b|\b(hyper-?parameter|parameter) (sweep|study|sensitivity|search)\b|\bwe sweep\b"
    r"|\breplac(e|ing) (the |our )?[\w-]+ (\w+ )?with\b|\bset(ting)? [\w$\\{}^_]+ to zero\b", re.I)


_ABLATION_HEADING = prefilter.compile(r"\bablations?\b|\bdesign choices\b|\bsensitivity\b", re.I)
_ABLATION_ROW = prefilter.compile(r"^\s*(w/o|without|no|[-−–+])\s*\w", re.I)  # "w/o X", "- X", "+ X", "no X" rows
_ABLATION_KEYS = ("ablat", "with and without", "w/o", "leave-one-out", "contribution", "each", "remov", "without", "variant",
                  "vary", "varied", "varying", "sensitiv", "at a time", "experiment", "alternative", "different",
                  "design choice", "sweep", "replac", "to zero", "parameter")


def ablations(doc: Document) -> list[dict]:
    """Components removed or varied: "w/o X" rows, "without the X module", "variants of our
    model", sweeps of a design parameter, alternative losses or encoders tried."""
    out = _matching(doc, RESULT_ROLES + ("method",), _ABLATION_KEYS, _ABLATION, "a component removed or varied")
    if len(out) >= MAX_ITEMS:
        return out
    out += _headings(doc, _ABLATION_HEADING, "a section of ablations")
    for t in doc.tables:
        rows = [r for r in t.rows if r and _ABLATION_ROW.match(r[0][0] or "")]
        if len(rows) >= 2:
            out.append(_cell(doc, rows[0][0][0], rows[0][0][1], "table rows that remove or add one component"))
    return out[:MAX_ITEMS]


_COMPARE = prefilter.compile(r"\bbaselines?\b|\bagainst\b|\brelative to\b|\bcompar(e|ed|es|ing|ison)\b|\boutperform|\bsurpass|\bbeats?\b|\bvs\.?\b|\bversus\b|"
                      r"\b(better|worse|higher|lower|faster|slower) than\b|\bover (prior|previous|existing|the best|strong)\b", re.I)
_BASELINE_WORD = prefilter.compile(r"\bbaselines?\b|\bstate[- ]of[- ]the[- ]art (methods?|models?|approaches|systems)\b|\bprior (methods?|work|approaches)\b|"
                            r"\bexisting (methods?|approaches|systems|models)\b|\bcompeting (methods?|approaches)\b", re.I)
_NAME = prefilter.compile(r"\b[A-Z][A-Za-z]*[A-Z0-9][\w-]*\b")
#: names that are no method a result is compared with: benchmarks and datasets, kinds of network,
#: hardware ("accuracy on MNIST and CIFAR-10 for the trained CNN")
_NOT_A_METHOD = re.compile(r"(MNIST|CIFAR(-?10|-?100)?|ImageNet[\w-]*|COCO|MS-COCO|SQuAD[\w.]*|GLUE|SuperGLUE|WMT\d*|KITTI|VOC\d*|"
                           r"CelebA[\w-]*|LSUN|FFHQ|WikiText[\w-]*|LibriSpeech|TIMIT|CNNs?|RNNs?|LSTMs?|GRUs?|MLPs?|GANs?|"
                           r"VAEs?|GPUs?|CPUs?|TPUs?|LLMs?|NLP|AI|ML|RL|SOTA|PyTorch|TensorFlow|JAX)")


_BASELINE_HEADING = prefilter.compile(r"\bbaselines?\b|\bcomparison (with|to)\b", re.I)
_COMPARE_KEYS = ("baseline", "against", "relative to", "compar", "outperform", "surpass", "beat", "vs", "versus", "than", "over ")


def baselines(doc: Document) -> list[dict]:
    """Results compared with named prior methods where results are: a comparison sentence that
    cites or names the methods compared, or speaks of baselines."""
    out = []
    own = set(doc.method_names or ())
    for sent in sentences(doc, RESULT_ROLES):
        text = sent.text
        if not _has_any(text, _COMPARE_KEYS) or not _COMPARE.search(text):
            continue
        names = [n for n in _NAME.findall(text) if n not in own and not _NOT_A_METHOD.fullmatch(n)]
        if _BASELINE_WORD.search(text) or "⟦cite⟧" in text or len(names) >= 2:
            why = "compared with baselines" if _BASELINE_WORD.search(text) else "compared with cited or named methods"
            out.append(_ev(doc, sent, why))
            if len(out) >= MAX_ITEMS:
                return out
    out += _headings(doc, _BASELINE_HEADING, "a section on baselines")
    return out[:MAX_ITEMS]


_TEST = prefilter.compile(r"\bt-?tests?\b|\bwelch\b|(?<!top-)(?<!top )\bp\s?(<|≤|\\leq?|\\ll)\s?0?\.\d|\bp\s?=\s?0?\.0\d|\bp-?values?\b|"
                   r"\bwilcoxon\b|\bmann[- ]whitney\b|\bmcnemar\b|\bbootstrap(ped)? (test|significance|resampling test)\b|"
                   r"\bpermutation tests?\b|\banova\b|\bchi-?squared? tests?\b|\bsignificance (test|tests|testing)\b|"
                   r"\bholm\b|\bbonferroni\b|\bkolmogorov|\bfisher'?s exact\b|\bz-?test\b|\bkruskal\b|\bfriedman test\b", re.I)


_TEST_KEYS = ("test", "welch", "p<", "p <", "p=", "p =", "p\\", "p≤", "p ≤", "p-val", "p val", "wilcoxon", "whitney", "mcnemar",
              "bootstrap", "permutation", "anova", "chi", "significance", "holm", "bonferroni", "kolmogorov", "fisher",
              "kruskal", "friedman")


#: tests that compare by construction, and words that say a test compares ("significantly improved (p<.001)",
#: "asterisks denote statistical significance" on a results figure)
_COMPARING_TEST = prefilter.compile(r"\bt-?tests?\b|\bwelch\b|\bwilcoxon\b|\bmann[- ]whitney\b|\bmcnemar\b|\bbootstrap|\bpermutation\b|"
                             r"\banova\b|\bpaired\b|\bkruskal\b|\bfriedman\b|\bz-?test\b|\bsign test\b|\basterisks?\b|"
                             r"\b(better|worse|improv\w*|outperform\w*|differ (from|between)|differen(t|ces?) (from|between|to)|than|versus|"
                             r"vs\.?|compar\w*|baselines?|gains?|higher|lower|beats?)\b", re.I)
_CORRELATION = prefilter.compile(r"\bcorrelat\w*|\bspearman\b|\bpearson\b|\bkendall\b", re.I)


@per_text
def _test_in(text: str) -> tuple:
    """(the test's words, whether the sentence says it compares) when a sentence reports a
    statistical test, else ()."""
    if not _has_any(text, _TEST_KEYS):
        return ()
    m = _TEST.search(text)
    if not m:
        return ()
    return m.group(0).strip(), bool(_COMPARING_TEST.search(text))


def statistical_tests(doc: Document) -> list[dict]:
    """A significance test or a test statistic for the paper's comparisons (not "top-p = 0.95",
    not the bare words "statistically significant"). Each says whether it ``compares`` methods
    or conditions: the p-values of a correlation (a paragraph about one, with no comparison in
    the sentence) do not back "significantly outperforms"."""
    out = []
    for sent in sentences(doc, RESULT_ROLES + ("method", "limitations")):
        test = _test_in(sentence_text(sent))
        if test:
            named, comparing = test
            compares = comparing or not _CORRELATION.search(sent.prose.text)
            out.append({**_ev(doc, sent, f"a statistical test ({named!r})"), "compares": compares})
            if len(out) >= MAX_ITEMS:
                return out
    for table in doc.tables:
        for t, o in table.cells():
            if t and _has_any(t, _TEST_KEYS) and _TEST.search(t):
                out.append({**_cell(doc, t, o, "a test statistic in a table"), "compares": True})
                break
    return out[:MAX_ITEMS]


_RELEASE = prefilter.compile(
    r"\b(code|implementation|models?|checkpoints?|data|dataset|datasets|benchmark|weights|scripts|software|corpus|annotations)\b"
    r"[^.]{0,100}\b(is|are|will be|has been|have been|be made|are made|is made)\b[^.]{0,20}\b(available|released|public|open[- ]sourced?)\b"
    r"|\b(we|will) (publicly )?(release|open[- ]source|share|publish|make (our|the|all|this)\b[^.]{0,30}\b(public|available))\b"
    r"|\b(publicly )?available (at|on|from|via) ⟦url⟧|\bavailable (at|on|from|via) (github|huggingface|zenodo)\b"
    r"|\bopen[- ]source (our|the) (code|implementation)\b|\bopen[- ]source\b[^.]{0,40}\b(available|on github|released|repository)\b"
    r"|\b(code|implementation|scripts|data)\b[^.]{0,40}\b(is|are|will be) (included|provided|attached|submitted)\b[^.]{0,30}\bsupplement"
    r"|\b(we|authors) (provide|include|attach|share) (the |our |all )?(full |complete )?(source )?code\b"
    r"|\b(our|the) (code|implementation|data|dataset) (can be found|is at|is hosted)\b"
    # "the framework's code can be downloaded from <url>", "prepared for public release", "our code release"
    r"|\b(code|implementation|framework|software|data|dataset|scripts|source)\b[^.]{0,60}\bcan be (downloaded|obtained|accessed)\b"
    r"|\b(prepared|made|approved|cleared) for public release\b|\b(our|the) (code|data|software) release\b", re.I)
_OWN_RELEASE = prefilter.compile(r"\b(we|our|ours|us)\b|\bthis (paper|work|study)\b|\bthe proposed\b", re.I)
_NOT_RELEASE = prefilter.compile(r"\binformation\b[^.]{0,20}\bhere\b|\bdetails\b[^.]{0,40}\b(provided|found|given|available)\b|\b(their|its) (code|weights|implementation)\b|"
                          r"\bthis model\b|\bofficial (code|implementation)\b"
                          # a project page of results, not a release: "More results are available at <url>"
                          r"|^\W*(more |additional |further )?(results|examples|samples|videos|visuali[sz]ations|demos?|figures)"
                          r" (are|can be) (available|found|shown|seen)\b", re.I)
#: code said to be available ("Code to reproduce all experiments and details of all hyperparameters are
#: available on GitHub"), which the "details are available" exception must not swallow
_CODE_AVAILABLE = re.compile(r"^\W*(the |our |all )?(source )?(code|implementation|scripts)\b[^.]{0,100}\b(is|are|will be|has been|have been)\b"
                             r"[^.]{0,20}\b(available|released|public)\b", re.I)
_OTHERS_CODE = re.compile(r"\b(their|its|official)\b", re.I)
#: a link written out in the text, not with \url ("Code: https://github.com/...")
_RAW_URL = re.compile(r"https?://\S+|\b(?:www\.)?(?:github|gitlab)\.com/\S+", re.I)
_CODE_URL = prefilter.compile(r"github\.com|gitlab\.com|anonymous\.4open\.science|huggingface\.co|zenodo\.org|bitbucket\.org|osf\.io", re.I)


_RELEASE_KEYS = ("available", "release", "public", "open", "share", "publish", "⟦url⟧", "github", "code", "provide",
                 "include", "attach", "supplement", "found", "hosted")


def releases(doc: Document) -> list[dict]:
    """The authors' own code or data made available: a release sentence by the authors (or one
    giving the link), not "implementation details are provided in the appendix" nor "the
    weights for this model are publicly available" (someone else's)."""
    out = []
    linked = _footnote_links(doc)
    for sent in sentences(doc, None):
        text = sent.text
        if not _has_any(text, _RELEASE_KEYS):
            continue
        urls = tuple(p.payload[0] for p in sent.placeholders() if p.kind == "url" and p.payload) \
            + tuple(m.group(0) for m in _RAW_URL.finditer(text))
        why = _release_in(text, urls, sent.kind == "footnote")
        if not why and not urls and sent.kind != "footnote" and _links_inside(sent, linked) and _RELEASE.search(text) \
                and not (_NOT_RELEASE.search(text) and not (_CODE_AVAILABLE.search(text) and not _OTHERS_CODE.search(text))):
            why = "the authors release code or data (the link is in a footnote)"
        if why:
            out.append(_ev(doc, sent, why))
        if len(out) >= MAX_ITEMS:
            break
    return out


def _footnote_links(doc: Document) -> list[tuple[int, str]]:
    """(source offset, link) of each footnote giving a link, sorted: a sentence that says "the
    code can be downloaded from the project page\\footnote{\\url{...}}" gives its link there."""
    out = []
    for p in doc.prose:
        if p.kind == "footnote" and p.offsets:
            links = [x.payload[0] for x in p.placeholders if x.kind == "url" and x.payload] \
                or [m.group(0) for m in _RAW_URL.finditer(p.text)]
            if links:
                out.append((p.offsets[0], links[0]))
    out.sort()
    return out


def _links_inside(sent, linked: list[tuple[int, str]]) -> tuple[str, ...]:
    """The links of the footnotes whose mark lies inside ``sent``'s source span."""
    if not linked or sent.end <= sent.start:
        return ()
    a, b = sent.prose.offsets[sent.start], sent.prose.offsets[sent.end - 1]
    i = bisect.bisect_left(linked, (a, ""))
    out = []
    while i < len(linked) and linked[i][0] <= b:
        out.append(linked[i][1])
        i += 1
    return tuple(out)


@per_text
def _release_in(text: str, urls: tuple[str, ...], footnote: bool) -> str:
    """Why a sentence (with the links ``urls``; a footnote: ``footnote``) releases the authors'
    code or data, or ""."""
    code_url = any(_CODE_URL.search(u) for u in urls)
    if _NOT_RELEASE.search(text) and not (_CODE_AVAILABLE.search(text) and not _OTHERS_CODE.search(text)):
        return ""  # "details are provided in the appendix" (but "code and details ... are available": a release)
    if _RELEASE.search(text) and (_OWN_RELEASE.search(text) or code_url or "⟦url⟧" in text or footnote
                                  or re.search(r"\bsupplement|\brepository\b|\bgithub\b", text, re.I)):
        return "the authors release code or data"
    if code_url and re.search(r"\b(code|implementation|available|release|released|repository)\b", text, re.I) \
            and (_OWN_RELEASE.search(text) or footnote):
        return "a link to the authors' code or data"
    return ""
