"""Shared helpers of the LaTeX-hygiene rules (latex_refs, latex_text, structure, acronyms).

Everything here reads the document model only: the text of the files the loader already read
(``doc.files``), the macro table and the inventory. Nothing opens a file or parses LaTeX again;
the few raw-text scans (a ``\\label`` hidden in a user macro, ``\\frenchspacing``, the
bibliography style) are fallbacks for facts the model does not carry yet.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Iterator

from texlint.source import lexical
from texlint.source.project import ProblemKind


def memo(doc) -> dict:
    """A per-document scratch dict, kept on the document (so it goes when the document goes)."""
    return doc.scratch


def source_texts(doc) -> list[tuple[object, str]]:
    """(SourceFile, comment-free text) for every file of the document."""
    store = memo(doc)
    if "texts" not in store:
        store["texts"] = [(f, f.code) for f in doc.files]
    return store["texts"]


def all_source(doc) -> str:
    store = memo(doc)
    if "all" not in store:
        store["all"] = "\n".join(t for _, t in source_texts(doc))
    return store["all"]


def source_char(doc, offset: int) -> str:
    """The source character at a global offset ('' when out of range)."""
    try:
        f = doc.file_at(offset)
    except Exception:  # pragma: no cover - defensive
        return ""
    i = offset - f.base
    return f.text[i] if 0 <= i < len(f.text) else ""


def in_comment(doc, offset: int) -> bool:
    """Is the global offset inside a % comment?"""
    return lexical.in_comment(source_line_before(doc, offset))


def gap_is_space(doc, a: int, b: int) -> bool:
    """Is the source between global offsets a (inclusive) and b (exclusive) only white space or ties?"""
    if b < a or b - a > 200:
        return False
    if b == a:
        return True
    if doc.file_at(a) is not doc.file_at(b - 1):
        return False
    return not doc.source_text(a, b).strip(" \t\r\n~")


_EN_WORDS = frozenset("the of and to in is that for with as on by this we are be it from an which our or not can".split())


def looks_english(text: str) -> bool:
    """Rough guard for non-English paragraphs (a thesis abstract in Portuguese)."""
    words = re.findall(r"[A-Za-z]+", text.lower())
    if len(words) < 8:
        return True
    return sum(1 for w in words if w in _EN_WORDS) / len(words) >= 0.08


def prose_is_english(doc, prose) -> bool:
    """English paragraph, judged on its section when the paragraph itself is short."""
    if len(prose.text.split()) >= 25 or prose.section is None:
        return looks_english(prose.text)
    store = memo(doc).setdefault("english", {})
    key = id(prose.section)
    if key not in store:
        store[key] = looks_english(" ".join(p.text for p in prose.section.prose[:40]))
    return store[key] and looks_english(prose.text)


def source_line_before(doc, offset: int) -> str:
    """Source text of the line up to (not including) the global offset."""
    f = doc.file_at(offset)
    i = offset - f.base
    start = f.text.rfind("\n", 0, i) + 1
    return f.text[start:i]


def macro_invocations(doc, name: str, nargs: int) -> Iterator[list[str]]:
    """Argument lists of every use of the user macro ``\\name`` in the sources."""
    rx = re.compile(r"\\" + re.escape(name) + r"(?![A-Za-z@])\*?")
    for _, text in source_texts(doc):
        for m in rx.finditer(text):
            args, _ = lexical.brace_arguments(text, m.end(), nargs)
            if args:
                yield args


def _expand(template: str, args: list[str]) -> str | None:
    def sub(m):
        k = int(m.group(1)) - 1
        return args[k] if 0 <= k < len(args) else m.group(0)
    out = re.sub(r"#(\d)", sub, template)
    return None if "#" in out else out.strip()


_ENDS_WITH_LABEL = re.compile(r"\\label\s*$")
_LABEL_IN_BODY = re.compile(r"\\label\s*\{([^{}]*)\}")
_REF_IN_BODY = re.compile(r"\\(?:[cC]ref|[vV]ref|ref|eqref|autoref|Autoref|pageref|subref|nameref|cpageref|Cpageref|labelcref)\*?\s*\{([^{}]*)\}")


def macro_labels(doc) -> tuple[set[str], set[str]]:
    """Labels defined / referenced through user macros (``\\newcommand{\\fig}[1]{...\\label{fig:#1}}``)."""
    store = memo(doc)
    if "macro_labels" in store:
        return store["macro_labels"]
    defined: set[str] = set()
    used: set[str] = set()
    for mac in doc.macros.values():
        body = mac.body or ""
        if mac.nargs == 0 and _ENDS_WITH_LABEL.search(body):
            # \newcommand{\alglinelabel}{\refstepcounter{ALC@line}\label}: \alglinelabel{x} defines x
            for args in macro_invocations(doc, mac.name, 1):
                defined.add(args[0].strip())
            continue
        for rx, into in ((_LABEL_IN_BODY, defined), (_REF_IN_BODY, used)):
            templates = [m.group(1) for m in rx.finditer(body)]
            if not templates:
                continue
            for t in templates:
                if "#" not in t:
                    for part in t.split(","):
                        into.add(part.strip())
                    continue
                if mac.nargs <= 0:
                    continue
                for args in macro_invocations(doc, mac.name, mac.nargs):
                    val = _expand(t, args)
                    if val:
                        for part in val.split(","):
                            into.add(part.strip())
    store["macro_labels"] = (defined, used)
    return defined, used


def label_in_source(doc, name: str) -> bool:
    """Does the comment-free source define ``name`` some way the model missed?"""
    src = all_source(doc)
    esc = re.escape(name)
    if re.search(r"\\label\s*(?:\[[^\]]*\])?\s*\{\s*" + esc + r"\s*\}", src):
        return True
    # listings, tcolorbox, minted, algorithm2e, theorem keys: label=NAME
    if re.search(r"label\s*=\s*\{?\s*" + esc + r"\s*[},\]]", src):
        return True
    return False


_NAME_TOKEN = re.compile(r"(?<![\w:.-])[\w:.-]+(?![\w:.-])")
_DEFINITION_BEFORE = re.compile(r"\\label\s*\{\s*$|label\s*=\s*\{?\s*$")
_DEFINED_NAME = re.compile(r"(?:\\label\s*\{|label\s*=\s*\{?)\s*((?<![\w:.-])[\w:.-]+(?![\w:.-]))")


def name_used_in_source(doc, name: str) -> bool:
    """Is a label name mentioned in the source other than where it is defined?

    The first few names asked are looked up directly (a fast substring search each); after
    that, one pass over the source collects every name-like token not directly preceded by
    ``\\label{`` (so checking many floats stays linear)."""
    store = memo(doc)
    used = store.get("source_names")
    if used is None:
        asked = store["names_asked"] = store.get("names_asked", 0) + 1
        if asked <= _DIRECT_LOOKUPS or not _PLAIN_NAME.fullmatch(name):
            return _mentioned(all_source(doc), name)
        src = all_source(doc)
        # a name is used when it occurs more often than it is defined (both counted in C)
        total = Counter(_NAME_TOKEN.findall(src))
        defined = Counter(_DEFINED_NAME.findall(src))
        used = {name for name, n in total.items() if n > defined.get(name, 0)}
        store["source_names"] = used
    if _PLAIN_NAME.fullmatch(name):
        return name in used
    return _mentioned(all_source(doc), name)  # unusual characters in the name


_DIRECT_LOOKUPS = 16
_PLAIN_NAME = re.compile(r"[\w:.-]+")
_NAME_CHAR = re.compile(r"[\w:.-]")


def _mentioned(src: str, name: str) -> bool:
    """Whether ``name`` occurs in ``src`` as a whole token somewhere other than its definition."""
    if not name:
        return False
    pos = src.find(name)
    while pos >= 0:
        end = pos + len(name)
        if (pos == 0 or not _NAME_CHAR.match(src, pos - 1)) and not _NAME_CHAR.match(src, end):
            if not _DEFINITION_BEFORE.search(src[max(0, pos - 30):pos]):
                return True
        pos = src.find(name, pos + 1)
    return False


# -- citation style -------------------------------------------------------------------------------

_NUMERIC_BST = re.compile(
    r"^(?:plain|unsrt|abbrv|alpha|ieee\w*|IEEE\w*|splncs\w*|acm|siam|amsplain|naturemag|nature|"
    r"ACM-Reference-Format|vancouver|elsarticle-num\w*|model\d-num-names|spmpsci|spphys|aipnum\w*|"
    r"apsrev\w*|pnas\w*|science|utphys|h-physrev|ieee_fullname|ieeenat_fullname|cvpr|ama|nar|bioinformatics)$",
    re.I)
_AUTHOR_YEAR_BST = re.compile(
    r"(?:nat$|^apa|^apalike|^chicago|^harvard|^named|^acl|^aaai|^icml|^iclr|^neurips|^nips|^colm|"
    r"^agsm|^dcu|^kluwer|^aasjournal|^aa$|^mnras|^elsarticle-harv|^ecta|^aer|^jmlr|^tmlr|^rlj|^coling)", re.I)


def bib_style(doc) -> str:
    store = memo(doc)
    if "bst" not in store:
        m = None
        for _, text in source_texts(doc):
            m = re.search(r"\\bibliographystyle\s*\{([^{}]*)\}", text)
            if m:
                break
        store["bst"] = m.group(1).strip() if m else ""
    return store["bst"]


def citation_style(doc) -> str:
    """'numeric', 'author-year' or '' (unknown), from natbib/biblatex options and the .bst."""
    store = memo(doc)
    if "citestyle" in store:
        return store["citestyle"]
    style = ""
    pk = doc.packages
    natbib_opts = {o.strip() for o in pk.get("natbib", [])}
    base = bib_style(doc).rsplit("/", 1)[-1]
    if "biblatex" in pk:
        opts = ",".join(pk["biblatex"])
        m = re.search(r"(?:^|,)\s*(?:style|citestyle)\s*=\s*([\w-]+)", opts)
        val = m.group(1) if m else "numeric"
        if re.match(r"(?:numeric|ieee|nature|science|phys|chem|vancouver|alphabetic|trad|lncs|acmnumeric)", val):
            style = "numeric"
        elif re.match(r"(?:authoryear|apa|chicago|mla|ext-authoryear|authortitle|acmauthoryear)", val):
            style = "author-year"
    elif natbib_opts & {"numbers", "super", "authoryear"}:
        # natbib: the last of these options wins
        last = [o.strip() for o in pk.get("natbib", []) if o.strip() in ("numbers", "super", "authoryear")][-1]
        style = "author-year" if last == "authoryear" else "numeric"
    elif "authoryear" in {o.strip() for o in doc.class_options}:
        style = "author-year"
    elif base and _AUTHOR_YEAR_BST.search(base):
        style = "author-year"
    elif base and _NUMERIC_BST.match(base):
        style = "numeric"
    elif doc.documentclass == "acmart":
        style = "author-year" if "authoryear" in ",".join(doc.class_options) else "numeric"
    store["citestyle"] = style
    return style


def uses_frenchspacing(doc) -> bool:
    store = memo(doc)
    if "french" not in store:
        src = all_source(doc)
        store["french"] = bool(re.search(r"\\frenchspacing\b|\\nonfrenchspacing\b", src)) and "\\nonfrenchspacing" not in src
    return store["french"]


def unread_include(doc) -> bool:
    """Did an included file go unread (missing, unreadable, over the file budget)? Then facts
    it would define (labels, macros) are unknown."""
    return any(p.kind in (ProblemKind.NOT_FOUND, ProblemKind.UNREADABLE, ProblemKind.TOO_MANY_FILES)
               for p in doc.problems)


