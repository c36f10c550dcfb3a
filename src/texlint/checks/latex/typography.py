"""Typography in the source that LaTeX renders wrongly: dashes, dots, quotes, spaces, leftovers.

These rules read prose (so math, citations, references and URLs are already placeholders and
comments are gone) and then confirm against the source character at the mapped offset, so text
produced by macros, ``\\verb`` or ``\\texttt`` code is not blamed on the author.
"""

from __future__ import annotations

import re

from texlint.checks.latex import latex_common as lc
from texlint.engine.registry import register
from texlint.engine.rule import Rule
from texlint.latex.macros import note_macro
from texlint.source.lexical import brace_arguments, mask_comments
from texlint.util.memo import per_text

_PROSE_SCOPES = ("any", "captions", "footnotes", "headings")


def _typed(doc, prose, start: int, end: int, expected: str) -> bool:
    """Are prose characters [start, end) typed in the source as ``expected``?"""
    offs = prose.offsets
    if end > len(offs):
        return False
    got = "".join(lc.source_char(doc, offs[i]) for i in range(start, end))
    if got != expected:
        return False
    # consecutive offsets: not stitched together from several places
    return all(offs[i + 1] == offs[i] + 1 for i in range(start, end - 1))


_RANGE = re.compile(r"(?<![\w.\-/:_+⟧])(\d{1,4})-(\d{1,4})(?![\w\-/:_⟦]|\.\d|,\d)")


@register
class HyphenNumberRange(Rule):
    code = "L120"
    name = "hyphen-number-range"
    category = "latex"
    severity = "info"
    summary = "A number range is written with a hyphen (\"pages 3-5\", \"1990-2000\") instead of an en dash (--)."
    why = "Typographically a range takes an en dash (3–5); a hyphen looks like a compound word or a minus. Identifiers such as GPT-4, ResNet-50 or dates are not flagged."
    bad = "We train for 10-20 epochs."
    good = "We train for 10--20 epochs of GPT-4 and ResNet-50."
    fix = "Write the range with two hyphens: 10--20."
    fixable = "safe"

    def check(self, doc, ctx):
        for prose in ctx.prose_in(_PROSE_SCOPES):
            text = prose.text
            if "-" not in text:
                continue
            for m in _RANGE.finditer(text):
                a, b = m.group(1), m.group(2)
                if int(b) <= int(a) and not (len(a) == 4 and len(b) == 2):
                    continue  # "1-0 labels", "3-1 votes": not a range
                if not _typed(doc, prose, m.start(), m.end(), m.group(0)):
                    continue
                if prose.in_code(m.start()):
                    continue
                before = text[max(0, m.start() - 12):m.start()]
                if re.search(r"(?:ISO|RFC|No\.|ID|id|#|ISBN|arXiv:?)\s*$", before):
                    continue
                dash = m.start(2) - 1
                yield ctx.prose_finding(prose, m.start(), m.end(),
                                        f"'{m.group(0)}': a range takes an en dash ({a}--{b})",
                                        suggestion=f"{a}--{b}",
                                        fix=ctx.fix("Write an en dash (--)", ctx.prose_edit(prose, dash, dash + 1, "--")))


@register
class ThreeDotsEllipsis(Rule):
    code = "L121"
    name = "three-dots-ellipsis"
    category = "latex"
    severity = "info"
    summary = "An ellipsis typed as three periods (...) instead of \\dots."
    why = "LaTeX sets '...' with tight, uneven spacing; \\dots (or \\ldots) spaces the dots properly and keeps them on one line."
    bad = "We try SGD, Adam, ... and pick the best."
    good = "We try SGD, Adam, \\dots{} and pick the best."
    fix = "Write \\dots (in math, \\dots, \\cdots or \\ldots)."
    fixable = "safe"

    def check(self, doc, ctx):
        for prose in ctx.prose_in(_PROSE_SCOPES):
            text = prose.text
            if prose.quoted:
                continue  # reproduced text (a prompt, a model's output) keeps its own dots
            start = 0
            while True:
                i = text.find("...", start)
                if i < 0:
                    break
                j = i + 3
                while j < len(text) and text[j] == ".":
                    j += 1
                start = j
                if j - i != 3:
                    continue
                if not _typed(doc, prose, i, j, "..."):
                    continue
                if prose.in_code(i):
                    continue
                after = lc.source_char(doc, prose.offsets[j - 1] + 1)
                dots = "\\dots{}" if after.isalnum() or after in " \t\r\n~" else "\\dots"  # TeX eats a space after \dots
                yield ctx.prose_finding(prose, i, j, "three periods: write \\dots for an ellipsis", suggestion="\\dots",
                                        fix=ctx.fix("Write \\dots", ctx.prose_edit(prose, i, j, dots)))


@register
class StraightDoubleQuote(Rule):
    code = "L122"
    name = "straight-double-quote"
    category = "latex"
    severity = "warning"
    summary = "A straight double quote (\") in prose; LaTeX renders it as two closing quotes (or, with T1 fonts, as straight marks)."
    why = "In LaTeX \"word\" prints as ”word” with both marks closing; opening quotes need `` and closing ''."
    bad = "We call this the \"teacher\" model."
    good = "We call this the ``teacher'' model (\\texttt{\"key\"} in code is fine)."
    fix = "Write ``word'' (or \\enquote{word} with csquotes)."
    fixable = "unsafe"  # opening or closing is a guess from the character before

    def check(self, doc, ctx):
        babel = ",".join(doc.packages.get("babel", []) + doc.class_options).lower()
        if re.search(r"german|ngerman|dutch|russian|finnish|swedish|czech|slovak|bulgarian|ukrainian|polish|portuges|spanish|catalan|italian|icelandic|danish", babel):
            return  # babel shorthands use "
        if "\\MakeOuterQuote" in lc.all_source(doc):
            return
        # what " prints: a closing curly quote in the default OT1 encoding, a straight one with T1 fonts
        t1 = any("t1" in o.lower() for o in doc.packages.get("fontenc", [])) or "fontspec" in doc.packages
        prints = "a straight quote mark" if t1 else "”"
        for prose in ctx.prose_in(_PROSE_SCOPES):
            text = prose.text
            if '"' not in text:
                continue
            for i, ch in enumerate(text):
                if ch != '"':
                    continue
                if lc.source_char(doc, prose.offsets[i]) != '"':
                    continue  # \textquotedbl or verbatim text
                if i > 0 and prose.offsets[i - 1] == prose.offsets[i]:
                    continue
                if prose.in_code(i):
                    continue
                # inches/seconds after a number (5" screen) are not quotes
                if i > 0 and text[i - 1].isdigit() and (i + 1 >= len(text) or not text[i + 1].isalpha()):
                    continue
                quote = "``" if (i == 0 or text[i - 1] in " ([{") else "''"
                yield ctx.prose_finding(prose, i, i + 1,
                                        f"straight double quote: LaTeX prints {prints} here; use `` for opening and '' for closing",
                                        suggestion=quote,
                                        fix=ctx.fix(f"Write {quote}", ctx.prose_edit(prose, i, i + 1, quote), safe=False))


_SPACE_PUNCT = re.compile(r"(?<=[\w)\]⟧’”]) ([,.;:?!])(?=\s|$|[)\]’”])")


@register
class SpaceBeforePunctuation(Rule):
    code = "L123"
    name = "space-before-punctuation"
    category = "latex"
    severity = "warning"
    summary = "A space before a comma, period, semicolon, colon, question or exclamation mark (\"word ,\")."
    why = "The space shows in the PDF and can even put the punctuation mark at the start of a line."
    bad = "We train the model , then test it ."
    good = "We train the model, then test it."
    fix = "Delete the space (a comment % at the line end removes a newline's space)."
    fixable = "safe"

    def check(self, doc, ctx):
        for prose in ctx.prose_in(_PROSE_SCOPES):
            text = prose.text
            for sp in _spaces_before_punctuation(text):
                p = sp + 1
                punct = text[p]
                if lc.source_char(doc, prose.offsets[p]) != punct:
                    continue
                # only white space in the source between the word and the mark (no dropped macro)
                a, b = prose.offsets[sp - 1] + 1, prose.offsets[p]
                if b - a > 200 or b <= a:
                    continue
                gap = doc.source_text(a, b)
                if gap.strip(" \t\r\n~") or "\\" in gap:
                    continue
                if prose.in_code(p):
                    continue
                yield ctx.prose_finding(prose, sp, p + 1, f"space before '{punct}'", suggestion=punct,
                                        fix=ctx.fix("Delete the space", ctx.edit(a, b, "")))


@per_text
def _spaces_before_punctuation(text: str) -> tuple[int, ...]:
    """Where a space before a punctuation mark starts, judged on the text alone: not in
    tokenised example text ("He go to school ." among several such), not a ratio ("1 : 2")."""
    found = [m.start() for m in _SPACE_PUNCT.finditer(text)]
    out = []
    for sp in found:
        p = sp + 1
        if sum(1 for x in found if abs(x - sp) <= _TOKENISED_WINDOW) >= 4:
            continue  # "He go to school ." : tokenised example text (data), not a typo
        if text[p] == ":" and p + 2 < len(text) and text[p + 2].isdigit():
            continue
        out.append(sp)
    return tuple(out)


def _clip(note: str, width: int = 80) -> str:
    """A note for a message: one line, cut at a word (never inside $...$ math), with an ellipsis."""
    text = " ".join(note.split())
    if len(text) <= width:
        return text
    cut = text.rfind(" ", 0, width)
    cut = cut if cut > width // 2 else width
    while text[:cut].count("$") % 2:  # do not end inside inline math
        nxt = text.find("$", cut)
        if nxt < 0 or nxt - cut > 40:
            cut = text.rfind("$", 0, cut)
            break
        cut = nxt + 1
    return text[:cut].rstrip() + "…"


_TOKENISED_WINDOW = 160  # characters around a space-before-punctuation in which three more mean data

_TODO_WORDS = re.compile(r"(?<![\w-])(TODO|FIXME|TBD|TBA)(?![\w-])")


def _comment_macros(doc) -> dict[str, int]:
    """User macros that print an author's note (``latex.macros.note_macro``)."""
    off = _flags_off(doc)
    return {name: mac.nargs for name, mac in doc.macros.items()
            if mac.nargs >= 1 and name != "todo" and note_macro(name, mac.body) and not _LOOKUP.search(mac.body or "")
            and not _switched_off(mac.body or "", off)}


_NEWIF = re.compile(r"\\newif\s*\\if([A-Za-z@]+)")
_SWITCHED = re.compile(r"^\s*\{?\s*\\if([A-Za-z@]+)(?![A-Za-z@])(.*)\\fi\s*\}?\s*$", re.S)


def _flags_off(doc) -> set[str]:
    """The ``\\newif`` flags the root's preamble leaves false (``\\newif\\ifnotes \\notesfalse``)."""
    text = doc.root.text if doc.root is not None else ""
    end = text.find("\\begin{document}")
    pre = mask_comments(text[:end if end >= 0 else len(text)])
    if "\\newif" not in pre:
        return set()
    off = set()
    for flag in _NEWIF.findall(pre):
        settings = re.findall(r"\\" + re.escape(flag) + r"(true|false)(?![A-Za-z@])", pre)
        if not settings or settings[-1] == "false":  # \newif starts false
            off.add(flag)
    return off


def _switched_off(body: str, off: set[str]) -> bool:
    """Whether a note macro prints nothing: its whole body is ``\\ifX ... \\fi`` with no
    ``\\else`` and the flag X is off (``\\newcommand{\\later}[1]{\\ifnotes\\textcolor{blue}{#1}\\fi}``)."""
    m = _SWITCHED.match(body) if off else None
    return bool(m) and m.group(1) in off and "\\else" not in m.group(2)


#: a macro that looks its argument up (a result stored under a key: ``\ifcsname V@#1 ... \else
#: \textcolor{red}{??#1??}\fi``), red only when the key is missing: a value, not a note
_LOOKUP = re.compile(r"\\(?:ifcsname|csname|ifdefined|ifx|pgfkeysvalueof|csuse)(?![A-Za-z])")


@register
class LeftoverTodo(Rule):
    code = "L124"
    name = "leftover-todo"
    category = "latex"
    severity = "warning"
    summary = "A \\todo note, a TODO/FIXME/TBD marker or an author-comment macro (\\jb{...} in red) is left in the text."
    why = "Notes to co-authors end up in the submitted PDF; reviewers see an unfinished draft (and names that break anonymity)."
    bad = "\\newcommand{\\jb}[1]{\\textcolor{red}{[JB: #1]}}\nWe win.\\todo{add numbers} TODO: cite.\n\\jb{check this}"
    good = "\\newcommand{\\jb}[1]{}\n% TODO in a comment is fine\nWe win by 3 points.\n\\jb{check this}"
    fix = "Resolve the note and delete it; disable comment macros for submission (\\renewcommand{\\jb}[1]{})."

    def check(self, doc, ctx):
        todo_at = set()  # \TODO{...} defined by the user is both a to-do command and a comment macro: one finding
        for c in doc.commands:
            if c.name == "todo":
                todo_at.add(c.offset)
                yield ctx.offset_finding(c.offset, c.offset + c.length,
                                         f"to-do note left in the text{': ' + _clip(c.args[0] if c.args else c.text) if c.text else ''}")
        for prose in ctx.prose_in(_PROSE_SCOPES):
            for m in _TODO_WORDS.finditer(prose.text):
                word = m.group(1)
                if word in ("TBD", "TBA"):
                    # a table cell-like "TBD" in prose is still a leftover, but require a standalone marker
                    pass
                if lc.source_char(doc, prose.offsets[m.start()]) != word[0]:
                    continue
                yield ctx.prose_finding(prose, m.start(), m.end(), f"'{word}' marker left in the text")
        macros = _comment_macros(doc)
        if not macros:
            return
        start = 0
        for f, text in lc.source_texts(doc):
            if f is doc.root:
                start = text.find("\\begin{document}")
                if start < 0:
                    start = 0
            else:
                start = 0
            for name, nargs in macros.items():
                for m in re.finditer(r"\\" + re.escape(name) + r"(?![A-Za-z@])\s*\{", text[start:]):
                    a = start + m.start()
                    args, end = brace_arguments(text, a + len(name) + 1, nargs)
                    if not args or not "".join(args).strip():
                        continue
                    note = args[-1]
                    words = re.findall(r"[A-Za-z]{2,}", re.sub(r"\\[A-Za-z@]+", " ", note))
                    named = re.match(r"(?i)(todo|fixme|note|comment|tbd|revise|check|question|ask|xxx)", name)
                    if len(words) < 2 and not (named and words):
                        continue  # \up{+2.1} in a table is highlighting, not a note
                    if f.base + a in todo_at:
                        continue
                    yield ctx.offset_finding(f.base + a, f.base + end,
                                             f"author comment \\{name}{{...}} left in the text: {_clip(args[-1])}")


@register
class DisplayMathDollars(Rule):
    code = "L125"
    name = "display-math-dollars"
    category = "latex"
    severity = "warning"
    summary = "Display math written with $$...$$ (plain TeX) instead of \\[...\\] or an equation environment."
    why = "$$ is not LaTeX: it ignores fleqn and the class's spacing, gives wrong vertical space above and below, and amsmath does not support it."
    bad = "The loss is $$L = x^2.$$"
    good = "The loss is \\[L = x^2.\\]"
    fix = "Use \\[ ... \\] (unnumbered) or \\begin{equation} ... \\end{equation}."
    fixable = "safe"

    def check(self, doc, ctx):
        for c in doc.commands:
            if c.name == "$$":
                end = c.offset + c.length
                closed = c.length >= 4 and doc.source_text(end - 2, end) == "$$"
                yield ctx.offset_finding(c.offset, c.offset + 2, "$$ display math: use \\[ ... \\] or an equation environment",
                                         suggestion="\\[ ... \\]",
                                         fix=ctx.fix("Write \\[ ... \\]", ctx.edit(c.offset, c.offset + 2, "\\["),
                                                     ctx.edit(end - 2, end, "\\]")) if closed else None)


_ABBREV = re.compile(r"(?<![\w.])(e\.g\.|i\.e\.|et al\.|cf\.|vs\.|resp\.|approx\.|w\.r\.t\.|a\.k\.a\.|viz\.|etc\.)( )(?=[\w(⟦])")


@register
class AbbreviationSpacing(Rule):
    code = "L126"
    name = "abbreviation-spacing"
    category = "latex"
    severity = "info"
    summary = "An abbreviation ending in a period (e.g., i.e., et al., vs.) is followed by a plain space inside a sentence."
    why = "LaTeX takes a period after a lowercase letter as the end of a sentence and puts a wider space after it; 'e.g. the' gets a visible gap. Not flagged under \\frenchspacing."
    bad = "Some optimizers, e.g. Adam, adapt the step size."
    good = "Some optimizers, e.g.\\ Adam, adapt the step size (e.g., RMSProp too)."
    fix = "Write e.g.\\ (control space), e.g.~ (tie before a citation), or add a comma: e.g.,"
    fixable = "safe"

    def check(self, doc, ctx):
        if lc.uses_frenchspacing(doc):
            return
        for prose in ctx.prose_in(_PROSE_SCOPES):
            text = prose.text
            if "." not in text:
                continue
            for m in _ABBREV.finditer(text):
                sp = m.start(2)
                if lc.source_char(doc, prose.offsets[sp]) not in (" ", "\t", "\n", "\r"):
                    continue  # a tie or a control space
                nxt = text[sp + 1:sp + 2]
                if m.group(1) in ("etc.", "et al.") and not (nxt.islower() or nxt.isdigit() or nxt == "⟦"):
                    continue  # may end the sentence
                if prose.in_code(m.start()):
                    continue
                abbr = m.group(1)
                space = prose.offsets[sp]
                typed = lc.source_char(doc, space) in (" ", "\t") and _typed(doc, prose, m.start(1), sp, abbr)
                yield ctx.prose_finding(prose, m.start(1), sp + 1,
                                        f"'{abbr}' followed by a plain space gets an inter-sentence gap: write '{abbr}\\ ' or '{abbr}~'",
                                        suggestion=abbr + "\\ ",
                                        fix=ctx.fix("Write a control space (\\ )", ctx.edit(space, space + 1, "\\ ")) if typed else None)


@register
class MacroEatsSpace(Rule):
    code = "L127"
    name = "macro-eats-space"
    category = "latex"
    severity = "warning"
    summary = "A text macro without arguments is followed by a space (\\method is fast): TeX drops the space after a command name."
    why = "The PDF shows the macro's text glued to the next word ('FooNetis fast'); it is easy to miss in proofreading."
    bad = "\\newcommand{\\method}{FooNet}\nOur \\method is fast."
    good = "\\newcommand{\\method}{FooNet}\nOur \\method{} is fast, and \\method\\ too, and \\method."
    fix = "Write \\method{} (or \\method\\ ), or define the macro with \\xspace."
    fixable = "safe"

    def check(self, doc, ctx):
        names = {n for n, m in doc.macros.items()
                 if m.nargs == 0 and m.expansion and m.expansion.strip() and re.search(r"[A-Za-z0-9]$", m.expansion)
                 and "xspace" not in (m.body or "") and not re.search(r"\\(?:ensuremath|text|mbox)\\b", m.body or "")
                 and n.isalpha()}
        xs = {n for n, m in doc.macros.items() if "xspace" in (m.body or "")}
        names = {n for n in names if not any(re.search(r"\\" + re.escape(x) + r"(?![A-Za-z@])", doc.macros[n].body or "") for x in xs)}
        for c in doc.commands:  # the parser records each use whose following space TeX drops
            if c.name != "eaten-space" or c.args[0] not in names:
                continue
            name = c.args[0]
            typed = doc.source_text(c.offset, c.offset + c.length) == "\\" + name
            yield ctx.offset_finding(c.offset, c.offset + c.length + 1,
                                     f"the space after \\{name} is swallowed: the PDF shows "
                                     f"'{doc.macros[name].expansion.strip()}{c.text}'",
                                     suggestion=f"\\{name}{{}} ",
                                     fix=ctx.fix("Add {} after the macro", ctx.edit(c.offset + c.length, c.offset + c.length, "{}"))
                                     if typed else None)
