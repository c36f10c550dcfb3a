"""Helpers shared by the venue rules (no rules here).

Venue kits express some requirements as template markup rather than prose (the NeurIPS
checklist macros, the bibliography command, conditionals around acknowledgments), so a few
helpers read the in-memory source text of the document's files (``SourceFile.text``, already
loaded by the project; nothing is read from disk here).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from texlint.latex.model import Document, Sentence
from texlint.source.lexical import argument_end, include_commands


def body_texts(doc: Document):
    """(file, comment-free text, start) for each file; the root starts after \\begin{document}."""
    for f in doc.files:
        text = f.code
        start = 0
        if f is doc.root:
            i = text.find("\\begin{document}")
            start = i if i >= 0 else 0
        yield f, text, start


# -- document order ---------------------------------------------------------------------------


def _includer(doc: Document, target) -> tuple[object, int] | None:
    stem = target.path.stem
    for f in doc.files:
        if f is target:
            continue
        for inc in include_commands(f.code):
            name = inc.name.rsplit("/", 1)[-1]
            if name == stem or name == stem + ".tex" or name == target.path.name:
                return f, inc.start
    return None


def order_key(doc: Document, offset: int) -> tuple[int, ...] | None:
    """A key that sorts global offsets in reading order across \\input files (None: unknown)."""
    f = doc.file_at(offset)
    key = [offset - f.base]
    seen = {id(f)}
    while f is not doc.root:
        up = _includer(doc, f)
        if up is None or id(up[0]) in seen:
            return None
        f, pos = up
        seen.add(id(f))
        key.insert(0, pos)
    return tuple(key)


_BIB_CMD = re.compile(r"\\(?:bibliography|printbibliography)\b(?!style)|\\begin\{thebibliography\}|\\input\{[^}]*\.bbl\}")


def bibliography_offset(doc: Document) -> int | None:
    """Global offset of the (first) bibliography command, or None."""
    for f, text, start in body_texts(doc):
        m = _BIB_CMD.search(text, start)
        if m:
            return f.base + m.start()
    return None


def comes_before(doc: Document, a: int, b: int) -> bool | None:
    ka, kb = order_key(doc, a), order_key(doc, b)
    if ka is None or kb is None:
        return None
    return ka < kb


# -- prose lookup ---------------------------------------------------------------------------
def sentence_at(doc: Document, offset: int, end: int | None = None) -> Sentence | None:
    """The sentence holding a character whose source offset lies in [offset, end)."""
    end = offset + 1 if end is None else end
    for p in doc.prose:
        offs = p.offsets
        if not offs or offs[0] >= end or offs[-1] < offset:
            continue
        i = bisect_left(offs, offset)
        if i < len(offs) and offs[i] < end:
            for s in p.sentences:
                if s.start <= i < s.end:
                    return s
            return None
    return None


def prose_text_in(doc: Document, start: int, end: int) -> str:
    """Plain prose text whose source lies in [start, end) (for hidden-text ranges)."""
    parts = []
    for p in doc.prose:
        offs = p.offsets
        if not offs or offs[0] >= end or offs[-1] < start:
            continue
        chars = [c for c, o in zip(p.text, offs) if start <= o < end]
        if chars:
            parts.append("".join(chars))
    return " ".join(" ".join(parts).split())


# -- checklist parsing ------------------------------------------------------------------------
@dataclass
class ChecklistAnswer:
    answer: str  # Yes, No, NA, TODO
    offset: int  # global offset of the answer macro
    length: int
    question: str  # question (and title) text, LaTeX stripped
    labelled: bool  # new-style "Answer:" / "Justification:" layout
    justification: str | None  # None: no justification field found
    justification_offset: int


_ANSWER = re.compile(r"\\answer(Yes|No|NA|TODO)(?![A-Za-z@])")
_DEFINE_BEFORE = re.compile(r"\\(?:re)?(?:new|provide)command\*?\s*\{?\s*$|\\def\s*$|\\let\s*$|\\DeclareRobustCommand\*?\s*\{?\s*$")
#: "\\item[] Answer:" (new kits) before the answer macro; "The answer \\answerNA{} means" is instructions
_ANSWER_LABEL = re.compile(r"(?:\\item\s*\[\s*\]\s*(?:\{?\\(?:bf|textbf)\s*\{?\s*)?Answer\s*:?|Answer\s*:)\s*(?:\}\s*)?$", re.I)
_JUST_LABEL = re.compile(r"Justification\s*:?\s*\}?", re.I)
_ITEM = re.compile(r"\\item\b")


def plain(latex: str) -> str:
    s = re.sub(r"\\(?:textbf|textit|emph|bf|it|textsc|underline)\b", " ", latex)
    s = re.sub(r"\\[A-Za-z@]+\*?(\[[^\]]*\])?", " ", s)
    s = re.sub(r"[{}$~\\]|\[\]", " ", s)
    return " ".join(s.split())


def checklist_answers(doc: Document) -> list[ChecklistAnswer]:
    """Answers of a NeurIPS-style checklist (\\answerYes{} etc.), in reading order per file."""
    out: list[ChecklistAnswer] = []
    for f, text, start in body_texts(doc):
        prev_end = start
        for m in _ANSWER.finditer(text, start):
            if any(a <= f.base + m.start() < b for a, b in doc.template_spans):
                continue  # an answer macro quoted in the kit's guidelines
            before = text[max(0, m.start() - 60):m.start()]
            if _DEFINE_BEFORE.search(before):
                continue
            line_before = before.rsplit("\n", 1)[-1] if "\n" in before else before
            labelled = bool(_ANSWER_LABEL.search(line_before.rstrip()))
            tail = before.rstrip().rstrip("\\").rstrip()
            old_style = tail.endswith("?")
            if not (labelled or old_style):
                continue  # an answer macro in running text (the template's instructions)
            seg = text[prev_end:m.start()]
            if labelled:
                q = seg.rfind("Question:")
                title = None
                for t in re.finditer(r"\\item\s*(?:\{\\bf|\\textbf\{)([^}]*)\}", seg):
                    title = t.group(1)
                question = (title or "") + " " + (seg[q + 9:] if q >= 0 else "")
                question = re.sub(r"\\item\s*\[\]\s*Answer\s*:?\s*$", "", question.strip())
            else:
                items = list(_ITEM.finditer(seg))
                question = seg[items[-1].end():] if items else seg[-300:]
            end = argument_end(text, m.end())
            justification, j_off = None, 0
            if labelled:
                nxt = text[end:end + 200]
                jm = _JUST_LABEL.search(nxt)
                if jm and not re.search(r"\\item\s*\{", nxt[:jm.start()]):
                    j_start = end + jm.end()
                    stop = re.compile(r"\\item\b|\\end\{|\\section|\\subsection")
                    sm = stop.search(text, j_start)
                    j_end = sm.start() if sm else min(len(text), j_start + 2000)
                    raw = text[j_start:j_end]
                    raw = re.sub(r"\\justificationTODO(\{\})?", " ", raw)
                    justification = plain(raw)
                    if re.fullmatch(r"\W*(TODO|TBD|XXX)?\W*", justification, re.I):
                        justification = ""
                    j_off = f.base + end + jm.start()
                    end = j_end
            out.append(ChecklistAnswer(m.group(1), f.base + m.start(), m.end() - m.start(),
                                       plain(question), labelled, justification, j_off))
            prev_end = end
    return out
