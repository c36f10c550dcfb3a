"""Build the document model from pylatexenc nodes: sections, prose with a source map, inventory.

The builder walks the node trees of the root file and, in place, of every included file, so
text flows across ``\\input`` boundaries as LaTeX would read it. Prose goes into buffers (one
per paragraph, caption, footnote, list item or heading); each emitted character remembers the
global offset of the source character it came from, which is the whole source map.
"""

from __future__ import annotations

import os
import re
from array import array
from pathlib import Path

from pylatexenc.latexwalker import (
    LatexCharsNode,
    LatexCommentNode,
    LatexEnvironmentNode,
    LatexGroupNode,
    LatexMacroNode,
    LatexMathNode,
    LatexSpecialsNode,
)

from texlint.latex import placeholders as ph
from texlint.latex import specs
from texlint.latex.macros import note_macro, verbatim_environments
from texlint.latex.macros import scan as scan_macros
from texlint.latex.model import (
    Citation,
    Command,
    Comment,
    Document,
    Float,
    Label,
    Placeholder,
    Prose,
    Reference,
    Section,
    Table,
)
from texlint.latex.parse import (
    mask_definition_bodies,
    mask_empty_math_in_tables,
    mask_iffalse,
    mask_verbatim,
    parse_text,
)
from texlint.latex.roles import assign_roles
from texlint.source.files import SourceFile
from texlint.source.lexical import (
    COMMENT,
    balanced,
    include_commands,
    mask_comments,
    strip_comments,
)
from texlint.source.project import Problem, ProblemKind, Project
from texlint.util.memo import per_text
from texlint.util.paths import is_within

_PAR_BREAK = re.compile(r"\n[ \t\r\f\v]*\n\s*")
_WORDS = re.compile(r"\s+|\S+")
_WHITE_TO_SPACE = str.maketrans("\t\r\n\f\v", "     ")
_OTHER_SPACE = re.compile(r"[^\S ]")  # white space other than a plain space (no-break space, ...)
_SYMBOLS = {
    "%": "%", "&": "&", "_": "_", "#": "#", "$": "$", "{": "{", "}": "}", "ldots": "…",
    "dots": "…", "textellipsis": "…", "textendash": "–", "textemdash": "—", "LaTeX": "LaTeX",
    "TeX": "TeX", "LaTeXe": "LaTeX2e", "BibTeX": "BibTeX", " ": " ", ",": " ", ";": " ",
    ":": " ", "quad": " ", "qquad": " ", "enspace": " ", "thinspace": " ", "S": "§",
    "P": "¶", "textasciitilde": "~", "textbackslash": "\\", "copyright": "©", "textregistered": "®",
    "texttrademark": "™", "textdegree": "°", "textpm": "±", "pm": "±", "times": "×",
    "textquotedbl": '"', "textquoteright": "’", "textquoteleft": "‘", "textbar": "|",
    "textless": "<", "textgreater": ">", "checkmark": "✓", "ss": "ß", "ae": "æ", "AE": "Æ",
    "oe": "œ", "OE": "Œ", "o": "ø", "O": "Ø", "aa": "å", "AA": "Å", "l": "ł", "L": "Ł",
    "i": "ı", "euro": "€", "textperthousand": "‰", "textbullet": "•", "dag": "†", "ddag": "‡",
    "newline": " ", "\\": " ", "linebreak": " ", "par": "\n\n", "today": "today",
}
_ACCENT_MARKS = {"'": "\u0301", "`": "\u0300", '"': "\u0308", "^": "\u0302", "~": "\u0303",
                 "c": "\u0327", "v": "\u030c", "=": "\u0304", ".": "\u0307", "u": "\u0306",
                 "H": "\u030b", "r": "\u030a", "k": "\u0328"}
_SPECIALS = {"~": " ", "``": "“", "''": "”", "`": "‘", "'": "’", "--": "–", "---": "—",
             "!`": "¡", "?`": "¿", ",,": "„", "<<": "«", ">>": "»"}
_HIDING_COLORS = {"white", "White", "WHITE", "bg", "background", "pagecolor"}
_TODO_MACROS = {"todo", "missingfigure", "fxnote", "fxwarning", "fxfatal", "fxerror", "TODO", "FIXME", "fixme"}
_DEFINITION_MACROS = {"newcommand", "renewcommand", "providecommand", "DeclareRobustCommand",
                      "DeclareMathOperator", "newenvironment", "renewenvironment", "def", "edef",
                      "gdef", "xdef", "let", "newtheorem", "definecolor", "colorlet", "newcolumntype",
                      "crefname", "Crefname", "hypersetup", "lstset", "sisetup", "setlength",
                      "pgfplotsset", "tikzset", "usetikzlibrary", "graphicspath", "captionsetup"}
_AUTHOR_MACROS = {"author", "icmlauthor", "affiliation", "affil", "institute", "address", "email",
                  "icmlaffiliation", "icmlcorrespondingauthor", "correspondingauthor", "altaffiliation"}
#: Commands whose argument is code, a path or a command name, typeset in typewriter type.
_CODE_MACROS = {"texttt", "code", "path", "codeword", "cmd", "command", "filename", "file", "pkg", "env", "lstinline"}
#: Environments that frame quoted or reproduced material (a prompt, a model's answer, a quote).
_QUOTING_ENVS = {"quote", "quotation", "tcolorbox", "mdframed", "framed", "shaded", "displayquote", "verse"}
_BOX_ENV = re.compile(r"\\(?:newtcolorbox|DeclareTColorBox|newtcbox|newmdenv|surroundwithmdframed)\s*(?:\[[^\]]*\])?\s*\{(\w+)\}")
_NEWTHEOREM = re.compile(r"\\newtheorem\*?\s*\{([^{}]+)\}\s*(?:\[[^\]]*\])?\s*\{([^{}]+)\}")
_CODE_IN_BODY = re.compile(r"\\(?:texttt|ttfamily|tt\b|verb|lstinline|code\b)")
_MACRO_CALL = re.compile(r"\\([A-Za-z@]+)\s*\{([^{}]*)\}")
#: Included files walked in place per document (a thesis has ~100; a diamond of files that each
#: include the next twice would need 2^depth).
MAX_INCLUDE_EXPANSIONS = 2000
#: What reading a file without parsing it leaves out: commands, braces, math shifts, comments.
_RAW_SKIP = re.compile(r"\\[A-Za-z@]+\*?|\\.|%[^\n]*|[{}$]")
#: How the items of a venue checklist that hold the kit's own text begin.
_CHECKLIST_TEMPLATE = ("Question:", "Guidelines:")
#: Caption commands and the index of their caption argument (\\captionbox[list]{caption}[w][pos]{box}).
_CAPTION_ARG = {"caption": -1, "captionof": -1, "subcaption": -1, "captionbox": 1, "subcaptionbox": 2}
_THEOREM_ENVS = {"theorem", "lemma", "proposition", "corollary", "definition", "assumption", "claim",
                 "conjecture", "remark", "example", "observation", "hypothesis", "fact", "problem", "proof"}


@per_text
def _without_verbatim(text: str, verbatim: frozenset) -> str:
    """A file's text with ``\\iffalse`` blocks and verbatim bodies blanked (the include scan's view;
    remembered by text in the language server, which asks again for every unchanged file)."""
    return mask_verbatim(mask_iffalse(text), verbatim)


@per_text
def _parser_input(text: str, verbatim: frozenset) -> str:
    """What the parser reads of a file: ``_without_verbatim`` plus definition bodies and empty
    table math blanked (same length, same offsets)."""
    return mask_empty_math_in_tables(mask_definition_bodies(_without_verbatim(text, verbatim)))


class _Buffer:
    """Characters of one prose unit with their global source offsets."""

    __slots__ = ("parts", "offs", "length", "kind", "placeholders", "space", "float_index", "code")

    def __init__(self, kind: str, float_index: int | None = None) -> None:
        self.parts: list[str] = []
        self.offs = array("q")
        self.length = 0
        self.kind = kind
        self.placeholders: list[Placeholder] = []
        self.space = True  # last emitted char is a space (or nothing yet)
        self.float_index = float_index
        self.code: list[tuple[int, int]] = []  # [start, end) of text typeset as code

    def text(self, s: str, goff: int) -> None:
        """Add source text ``s`` that starts at global offset ``goff``, collapsing white space."""
        if not s:
            return
        flat = s.translate(_WHITE_TO_SPACE)
        if "  " not in flat and not _OTHER_SPACE.search(flat):  # the usual case: single spaces and line ends map one to one
            start = 1 if self.space and flat[0] == " " else 0
            if start < len(flat):
                self.parts.append(flat[start:])
                self.offs.extend(range(goff + start, goff + len(flat)))
                self.length += len(flat) - start
                self.space = flat[-1] == " "
            return
        for m in _WORDS.finditer(s):
            a, b = m.span()
            if s[a] in " \t\r\n\f\v":
                if not self.space:
                    self.parts.append(" ")
                    self.offs.append(goff + a)
                    self.length += 1
                    self.space = True
                continue
            self.parts.append(s[a:b])
            self.offs.extend(range(goff + a, goff + b))
            self.length += b - a
            self.space = False

    def synthetic(self, s: str, start: int, end: int) -> None:
        """Add text that stands for the source range [start, end) (a macro, a symbol)."""
        if not s:
            return
        if s == " ":
            if not self.space:
                self.parts.append(" ")
                self.offs.append(start)
                self.length += 1
                self.space = True
            return
        self.parts.append(s)
        self.offs.append(start)
        if len(s) > 1:
            self.offs.extend([max(start, end - 1)] * (len(s) - 1))
        self.length += len(s)
        self.space = s[-1].isspace()

    def placeholder(self, kind: str, token: str, start: int, end: int, payload=(), command: str = "") -> None:
        begin = self.length
        self.synthetic(token, start, end)
        self.placeholders.append(Placeholder(kind, begin, self.length, tuple(payload), command))

    def blank(self) -> bool:
        return not "".join(self.parts).strip()


class Builder:
    """Walks the project's files and fills a Document."""

    def __init__(self, project: Project, root: SourceFile) -> None:
        self.project = project
        self.doc = Document(project=project, root=root)
        self.stack: list[str] = []  # real paths of files being walked (cycle detection)
        self.import_dirs: list[Path] = []
        self.bufs: list[_Buffer] = []
        self.section: Section | None = None
        self.in_appendix = False
        self.in_document = False
        self.env_stack: list[str] = []
        self.float_stack: list[int] = []
        self.table_stack: list[Table] = []
        self.list_depth = 0
        self.user_macros = {}
        self.hidden_depth = 0
        self.pending_section_label = False
        self.skip_until = -1
        self.file: SourceFile = root
        self.verbatim: set[str] = set(specs.VERBATIM_ENVS)  # plus the project's own, found in build()
        self.eaten: tuple[str, int, int] | None = None
        self.passed_options: dict[str, list[str]] = {}
        self.code_macros: dict[str, bool] = {}
        self.box_envs: set[str] = set()  # \\newtcolorbox{promptbox}: environments that frame quoted material
        self.theorem_envs: dict[str, str] = {}
        self.expansions = 0  # included files walked in place (one file included twice counts twice)
        self.budget_reported = False  # \\newtheorem{name}{Title}: name -> title (lower case)  # user macro -> whether it typesets code  # \\PassOptionsToPackage{opts}{pkg}
        self.tt_open: list[tuple[_Buffer, int]] = []  # \\ttfamily switched on: (buffer, start)  # a text macro whose following space TeX drops

    # -- entry ----------------------------------------------------------------------------
    def build(self) -> Document:
        root = self.doc.root
        texts = self._preload(root)
        macros, envs = scan_macros((t, f.base) for f, t in texts)
        self.verbatim = set(specs.VERBATIM_ENVS) | verbatim_environments(t for _f, t in texts)
        self.box_envs = {m.group(1) for _f, t in texts for m in _BOX_ENV.finditer(t)}
        self.theorem_envs = {m.group(1): m.group(2).strip().lower() for _f, t in texts
                             for m in _NEWTHEOREM.finditer(mask_comments(t)) if m.group(1) not in _THEOREM_ENVS}
        envs = {n: spec for n, spec in envs.items() if n not in self.verbatim}
        self.user_macros = macros
        self.doc.macros = macros
        self.db = specs.context_db({n: m.argspec for n, m in macros.items()}, envs)
        masked_root = mask_iffalse(root.parse_text)
        self.in_document = "\\begin{document}" not in strip_comments(masked_root)
        self._walk_file(root)
        self._flush_all()
        self._finish_sections()
        return self.doc

    def _preload(self, root: SourceFile) -> list[tuple[SourceFile, str]]:
        """Read the include closure so macro definitions are known before parsing."""
        out = [(root, root.text)]
        seen = {os.path.realpath(root.path)}
        todo = [root]
        while todo and len(out) < 500:
            f = todo.pop()
            code = _without_verbatim(f.parse_text, frozenset(specs.VERBATIM_ENVS))
            for inc in include_commands(mask_comments(code)):
                name = inc.name
                path = self.project.resolve(name, [self.project.root_path.parent, f.path.parent])
                if path is None:
                    continue
                real = os.path.realpath(path)
                if real in seen or not is_within(Path(real), self.project.folder):
                    continue
                seen.add(real)
                sf = self.project.open_include(name, [self.project.root_path.parent, f.path.parent], f, 0, 0, [])
                if sf is not None:
                    out.append((sf, sf.text))
                    todo.append(sf)
        # The preload registers problems of its own reads; the walk reports them in place.
        self.project.problems = [p for p in self.project.problems if p.kind in (ProblemKind.ENCODING, ProblemKind.TOO_LARGE)]
        return out

    # -- files --------------------------------------------------------------------------------
    def _walk_file(self, sf: SourceFile, only_document: bool = False) -> None:
        real = os.path.realpath(sf.path)
        self.stack.append(real)
        prev, prev_skip = self.file, self.skip_until
        self.file, self.skip_until = sf, -1  # skip positions belong to one file
        text = _parser_input(sf.parse_text, frozenset(self.verbatim))
        nodes, problems = parse_text(text, self.db, real)
        for p in problems:
            self.project.problems.append(Problem(ProblemKind.PARSE, p.message, sf, p.offset, 1))
        if not sf.truncated:  # a cut file ends mid-environment by construction
            self._check_unclosed(nodes, text, sf)
        if only_document:
            docs = [n for n in nodes if isinstance(n, LatexEnvironmentNode) and n.environmentname == "document"]
            if docs:
                nodes = docs[0].nodelist
        too_deep = any(p.message.startswith(("nesting too deep", "could not parse this file")) for p in problems)
        if not too_deep:
            try:
                self._walk(nodes)
            except RecursionError:  # parsed, but nested deeper than the walk can follow
                too_deep = True
                self.project.problems.append(Problem(ProblemKind.PARSE, "nesting too deep to read as LaTeX; its text "
                                                     "was read without the commands", sf, 0, 1))
        if too_deep:
            self._raw_text(text)
        self.file, self.skip_until = prev, prev_skip
        self.stack.pop()

    def _raw_text(self, text: str) -> None:
        """Degrade, do not drop: read a file too deeply nested to parse as text with its commands,
        braces and comments left out, so a TODO in it is still found."""
        self.bufs = [_Buffer("body")]
        self.env_stack, self.float_stack, self.table_stack, self.list_depth = [], [], [], 0
        start = 0
        if self.file is self.doc.root:
            i = text.find("\\begin{document}")
            start = i + len("\\begin{document}") if i >= 0 else 0
        end = text.find("\\end{document}", start)
        end = len(text) if end < 0 else end
        self.in_document = True
        pos = start
        pieces = []
        for skip in _RAW_SKIP.finditer(text, start, end):
            if skip.start() > pos:
                pieces.append((pos, text[pos:skip.start()]))
            pos = skip.end()
        if pos < end:
            pieces.append((pos, text[pos:end]))
        for pos, chunk in pieces:
            for brk in _PAR_BREAK.finditer(chunk):
                self.buf.text(chunk[:brk.start()], self._g(pos))
                self._paragraph_break()
                chunk, pos = chunk[brk.end():], pos + brk.end()
            self.buf.text(chunk, self._g(pos))
        self._paragraph_break()

    def _check_unclosed(self, nodes, text: str, sf: SourceFile) -> None:
        n = len(text.rstrip())
        for node in nodes[-3:]:
            if node is None or node.pos is None:
                continue
            end = node.pos + node.len
            if end < n:
                continue
            if isinstance(node, LatexGroupNode) and not text.rstrip().endswith("}"):
                self.project.problems.append(Problem(ProblemKind.PARSE, "unclosed brace group", sf, node.pos, 1))
            elif isinstance(node, LatexEnvironmentNode) and not re.search(r"\\end\s*\{" + re.escape(node.environmentname) + r"\}\s*$", text[:n + 1]):
                self.project.problems.append(Problem(ProblemKind.PARSE, f"environment '{node.environmentname}' is never closed", sf, node.pos, 1))
            elif isinstance(node, LatexMathNode) and node.delimiters and not text[:n].endswith(node.delimiters[1]):
                self.project.problems.append(Problem(ProblemKind.PARSE, "math is never closed", sf, node.pos, 1))

    # -- buffers --------------------------------------------------------------------------------
    @property
    def buf(self) -> _Buffer:
        if not self.bufs:
            self.bufs.append(_Buffer("body"))
        return self.bufs[-1]

    def _g(self, local: int) -> int:
        return self.file.base + local

    def _emit(self, b: _Buffer) -> Prose | None:
        if b.kind == "discard" or b.blank():
            return None
        text = "".join(b.parts)
        left = len(text) - len(text.lstrip())
        right = len(text.rstrip())
        text = text[left:right]
        offs = b.offs[left:right]
        places = [Placeholder(p.kind, p.start - left, p.end - left, p.payload, p.command)
                  for p in b.placeholders if p.start >= left and p.end <= right]
        if b.kind in ("body", "item") and self.section is None and self.in_document:
            self._front_section()
        if b.kind in ("body", "item"):
            self.pending_section_label = False
        if b.kind == "item" and "\\answer" in self.file.text and (
                text.startswith(_CHECKLIST_TEMPLATE) or self._old_style_checklist_question(text)):
            # a checklist's "Question:" and "Guidelines:" items are the kit's text; the answers stay
            self.doc.template_spans.append((offs[0], offs[-1] + 1))
            if self.section is not None:
                self.section.displays += 1  # not an empty section: the kit's questions are there
            return None
        code = [(max(s - left, 0), min(e, right) - left) for s, e in b.code if e > left and s < right and e > s]
        quoted = any(e in _QUOTING_ENVS or e in self.box_envs for e in self.env_stack)
        prose = Prose(text=text, offsets=offs, kind=b.kind, section=self.section, placeholders=places,
                      float_index=b.float_index, code=code, quoted=quoted)
        self.doc.prose.append(prose)
        if self.section is not None and b.kind not in ("title",):
            self.section.prose.append(prose)
        return prose

    def _old_style_checklist_question(self, text: str) -> bool:
        """An item of a checklist section in the older NeurIPS layout ("\\item Did you ...?
        \\answerYes{...}"): the question is the kit's; the answer macro holds the authors' text."""
        sec = self.section
        return sec is not None and re.search(r"checklist", sec.title or "", re.I) is not None \
            and not text.startswith(("Justification", "Answer"))

    def _paragraph_break(self) -> None:
        """End the current paragraph (or list item) and start a fresh one of the same kind."""
        b = self.buf
        if b.kind not in ("body", "item"):
            return
        if not b.blank() and self.in_document:
            self._emit(b)
        self.bufs[-1] = _Buffer(b.kind)

    def _pop_buf(self) -> _Buffer:
        """Pop the innermost buffer; hostile nesting (``\\begin{document}`` inside a title) may have
        emptied the stack already, so hand back a throwaway one instead of failing."""
        return self.bufs.pop() if self.bufs else _Buffer("discard")

    def _push(self, kind: str, float_index: int | None = None) -> _Buffer:
        b = _Buffer(kind, float_index)
        self.bufs.append(b)
        return b

    def _pop(self) -> Prose | None:
        b = self._pop_buf()
        if b.kind in ("cell",):
            return None
        return self._emit(b) if (self.in_document or b.kind == "title") else None

    def _flush_all(self) -> None:
        while self.bufs:
            b = self._pop_buf()
            if self.in_document or b.kind == "title":
                self._emit(b)

    # -- sections --------------------------------------------------------------------------------
    def _front_section(self) -> None:
        sec = Section(title="", level=1, role="other", offset=self._g(0), command="front",
                      index=len(self.doc.sections))
        self.doc.sections.append(sec)
        self.section = sec

    def _start_section(self, title_prose: Prose | None, title: str, level: int, command: str,
                       starred: bool, offset: int, role: str | None = None) -> Section:
        parent = None
        for s in reversed(self.doc.sections):
            if s.level < level and s.command != "front":
                parent = s
                break
        sec = Section(title=title, level=level, role=role or "other", offset=offset, command=command, starred=starred,
                      index=len(self.doc.sections), title_prose=title_prose, in_appendix=self.in_appendix,
                      parent=parent)
        self.doc.sections.append(sec)
        self.section = sec
        if title_prose is not None:
            title_prose.section = sec
            sec.prose.append(title_prose)
        self.pending_section_label = True
        return sec

    def _finish_sections(self) -> None:
        emitted = {id(p) for p in self.doc.prose}  # identity: comparing dataclasses field by field is slow
        assign_roles(self.doc.sections, self.doc.title.text if self.doc.title else "")
        for s in self.doc.sections:
            if s.title_prose is not None and id(s.title_prose) not in emitted:
                self.doc.prose.append(s.title_prose)

    # -- the walk ------------------------------------------------------------------------------
    def _walk(self, nodes) -> None:
        for node in nodes or ():
            if node is None:
                continue
            if self.eaten is not None:
                self._eaten_space(node)
            if self.skip_until >= 0:
                if node.pos is not None and node.pos < self.skip_until:
                    if isinstance(node, LatexCharsNode):
                        cut = self.skip_until - node.pos
                        if cut < node.len:
                            self._chars(node.chars[cut:], node.pos + cut)
                    continue
                self.skip_until = -1
            if isinstance(node, LatexCharsNode):
                self._chars(node.chars, node.pos)
            elif isinstance(node, LatexMacroNode):
                self._macro(node)
            elif isinstance(node, LatexEnvironmentNode):
                self._environment(node)
            elif isinstance(node, LatexGroupNode):
                self._group(node)
            elif isinstance(node, LatexMathNode):
                self._math(node)
            elif isinstance(node, LatexSpecialsNode):
                self._specials(node)
            elif isinstance(node, LatexCommentNode):
                self.doc.comments.append(Comment(node.comment, self._g(node.pos)))
                post = node.comment_post_space or ""
                if post.count("\n") >= 1 and _PAR_BREAK.search("\n" + post):
                    self._paragraph_break()
        self.eaten = None  # a group or argument ends here: what follows is not glued to the macro

    def _eaten_space(self, node) -> None:
        """After a text macro whose following space TeX swallows (``\\method is``): record it
        when the next node is text starting with a letter, a digit or a parenthesis."""
        name, start, end = self.eaten
        self.eaten = None
        if isinstance(node, LatexCharsNode) and node.chars[:1] and (node.chars[0].isalnum() or node.chars[0] == "("):
            self.doc.commands.append(Command("eaten-space", start, end - start, (name,), node.chars[:4]))

    def _chars(self, chars: str, pos: int) -> None:
        if not self.in_document and not self.bufs:
            return
        if self.buf.kind in ("body", "item") and not self.in_document:
            return
        start = 0
        for m in _PAR_BREAK.finditer(chars):
            self.buf.text(chars[start:m.start()], self._g(pos + start))
            self._paragraph_break()
            start = m.end()
        self.buf.text(chars[start:], self._g(pos + start))

    def _group(self, node: LatexGroupNode) -> None:
        hidden_before = self.hidden_depth
        tt_before = len(self.tt_open)
        self._walk(node.nodelist)
        self.hidden_depth = hidden_before
        self._close_code(tt_before)

    def _close_code(self, depth: int) -> None:
        """End the ``\\ttfamily`` / ``\\tt`` spans switched on inside a group now closing."""
        while len(self.tt_open) > depth:
            buf, start = self.tt_open.pop()
            if buf.length > start:
                buf.code.append((start, buf.length))

    def _code(self, walk) -> None:
        """Walk an argument typeset as code, remembering its span in the prose."""
        buf = self.buf
        start = buf.length
        walk()
        if self.bufs and self.bufs[-1] is buf and buf.length > start:
            buf.code.append((start, buf.length))

    def _math(self, node: LatexMathNode) -> None:
        start, end = self._g(node.pos), self._g(node.pos + node.len)
        if self.buf.kind == "cell":  # numbers in tables matter: keep the math source ($\pm$, 71.2)
            self.buf.synthetic(" " + _node_text(node).strip("$") + " ", start, end)
            return
        if node.displaytype == "inline":
            self.buf.placeholder("math", ph.MATH, start, end, (_node_text(node),))
            return
        if node.delimiters and node.delimiters[0] == "$$":
            self.doc.commands.append(Command("$$", start, node.len))
        self._display_math(node, start, end)

    def _display_math(self, node, start: int, end: int) -> None:
        body = node.latex_verbatim() if hasattr(node, "latex_verbatim") else ""
        inner = re.sub(r"\\end\{[^}]*\}\s*$|\\\]\s*$|\$\$\s*$", "", body).rstrip()
        inner = re.sub(r"\\label\{[^}]*\}\s*$", "", inner).rstrip()
        trail = inner[-1:] if inner[-1:] in (".", ",", ";") else ""
        b = self.buf
        if not b.space:
            b.synthetic(" ", start, start)
        b.placeholder("eq", ph.EQ, start, end, (body,))
        if trail:
            b.synthetic(trail, end - 1, end)
        b.synthetic(" ", end - 1, end)
        for lab in re.finditer(r"\\label\s*\{([^}]*)\}", mask_comments(body)):
            self.doc.labels.append(Label(lab.group(1).strip(), start + lab.start(), lab.end() - lab.start(), "equation"))

    def _specials(self, node: LatexSpecialsNode) -> None:
        chars = node.specials_chars
        start, end = self._g(node.pos), self._g(node.pos + node.len)
        if chars == "&" and self.table_stack:
            self._new_cell(node.pos + node.len)
            return
        self.buf.synthetic(_SPECIALS.get(chars, chars), start, end)

    # -- macros --------------------------------------------------------------------------------
    def _macro(self, node: LatexMacroNode) -> None:
        name = node.macroname
        start, end = self._g(node.pos), self._g(node.pos + node.len)
        args = node.nodeargd.argnlist if node.nodeargd is not None else []
        if self.table_stack and self.bufs and self.bufs[-1].kind == "cell" and name in ("\\", "tabularnewline", "cr"):
            self._new_cell(node.pos, new_row=True)
            return

        if name in specs.SECTION_LEVELS:
            self._section_macro(node, name, args)
        elif name in specs.CITE_MACROS or name == "nocite":
            self._cite(node, name, args, start, end)
        elif name in specs.REF_MACROS:
            labels = _split(_arg_text(args, 0 if name == "hyperref" else -1))
            self.doc.refs.append(Reference(tuple(labels), name, start, node.len, self._preceding(node.pos),
                                           in_prose=bool(self.bufs) and self.buf.kind not in ("discard", "cell")))
            if name == "hyperref":
                self._walk_arg(args, -1)
            else:
                self.buf.placeholder("ref", ph.REF, start, end, labels, name)
        elif name == "label":
            self._label(_arg_text(args, -1), start, node.len)
        elif name in specs.INCLUDE_MACROS:
            self._include(node, name, args)
        elif name in ("footnote", "footnotetext", "marginpar"):
            self._push("footnote")
            self._walk_arg(args, -1)
            self._pop()
        elif name in _CAPTION_ARG:
            fi = self.float_stack[-1] if self.float_stack else None
            self._push("caption", fi)
            self._walk_arg(args, _CAPTION_ARG[name])
            prose = self._pop()
            if fi is not None:
                fl = self.doc.floats[fi]
                if name.startswith("sub"):
                    fl.inner.add(name)
                else:
                    fl.captions += 1
                    if fl.caption_offset is None:
                        fl.caption_offset = start
                if prose is not None and fl.caption is None:
                    fl.caption = prose
            elif prose is not None:
                self.doc.floats.append(Float(env=name, offset=start, length=node.len, caption=prose, kind="figure",
                                             captions=1, caption_offset=start))
            if name.endswith("captionbox"):
                self._walk_arg(args, -1)  # the box's contents (a graphic, a tabular)
        elif name in ("subfloat", "subfigure") and self.float_stack:
            self.doc.floats[self.float_stack[-1]].inner.add(name)
            self._walk_arg(args, -1)
        elif name in ("url", "nolinkurl"):
            url = _arg_text(args, -1)
            self.doc.commands.append(Command("url", start, node.len, (url,)))
            self.buf.placeholder("url", ph.URL, start, end, (url,))
        elif name == "href":
            url = _arg_text(args, 0)
            self.doc.commands.append(Command("url", start, node.len, (url,), text=_arg_text(args, 1)))
            self._walk_arg(args, -1)
        elif name in _TODO_MACROS:
            raw = _arg_text(args, -1)
            self.doc.commands.append(Command("todo", start, node.len, (raw,), text=_plain(raw)))
        elif name == "title" or name == "icmltitle":
            self._push("title")
            self._walk_arg(args, -1)
            b = self._pop_buf()
            if not b.blank():
                saved, self.section = self.section, None
                prose = self._emit_title(b)
                self.section = saved
                self.doc.title = prose
        elif name in _AUTHOR_MACROS:
            raw = _arg_text(args, 0 if name in ("icmlauthor",) else -1)
            self.doc.authors.append(_plain(raw))
            self.doc.author_offsets.append(start)
            self.doc.commands.append(Command(name, start, node.len, (raw,)))
        elif name == "documentclass":
            self.doc.documentclass = _arg_text(args, 1).strip()
            self.doc.class_options = _split(_arg_text(args, 0))
        elif name == "PassOptionsToPackage":
            for pkg in _split(_arg_text(args, 1)):
                self.passed_options.setdefault(pkg, []).extend(_split(_arg_text(args, 0)))
        elif name in ("usepackage", "RequirePackage"):
            opts = _split(_arg_text(args, 0))
            pkgs = _split(_arg_text(args, 1))
            for pkg in pkgs:
                self.doc.packages[pkg] = self.passed_options.get(pkg, []) + opts
            self.doc.commands.append(Command("usepackage", start, node.len, tuple(pkgs)))
        elif name == "includeonly":
            self.doc.includeonly = _split(_arg_text(args, -1))
        elif name in ("bibliography", "addbibresource"):
            self.doc.has_bibliography = True
            names = _split(_arg_text(args, -1))
            self.doc.bib_files.extend(names)
            self.doc.commands.append(Command("bibliography", start, node.len, tuple(names)))
        elif name == "printbibliography":
            self.doc.has_bibliography = True
        elif name == "appendix":
            self._paragraph_break()
            self.in_appendix = True
        elif name == "abstract" and args:
            self._abstract(lambda: self._walk_arg(args, -1), start)
        elif name == "item":
            self._item(node, args)
        elif name in ("par",):
            self._paragraph_break()
        elif name in ("textcolor", "color", "colorbox"):
            self._color(node, name, args, start)
        elif name in ("phantom", "hphantom", "vphantom"):
            self.doc.commands.append(Command("hidden", start, node.len, (name,), _plain(_arg_text(args, -1))))
        elif name in ("fontsize",):
            size = _arg_text(args, 0)
            if _tiny_size(size):
                self.hidden_depth += 1
                self.doc.commands.append(Command("tiny-font", start, node.len, (size,)))
        elif name in ("scalebox", "resizebox"):
            sizes = _arg_text(args, 0) + " " + (_arg_text(args, 1) if name == "resizebox" else "")
            if _tiny_size(sizes):
                self.doc.commands.append(Command("hidden", start, node.len, (name,), _plain(_arg_text(args, -1))))
            else:
                self._walk_arg(args, -1)
        elif name in ("def", "gdef", "edef", "xdef", "let"):
            self._skip_tex_definition(node)
        elif name in _DEFINITION_MACROS:
            pass
        elif name in ("verb", "lstinline", "mintinline"):
            arg = getattr(node.nodeargd, "verbatim_text", None) if node.nodeargd is not None else None
            if arg:
                self._code(lambda: self.buf.synthetic(arg, start, end))
        elif name in _CODE_MACROS and args and any(a is not None for a in args):
            self._code(lambda: self._walk_arg(args, -1))
        elif name in ("ttfamily", "tt"):
            self.tt_open.append((self.buf, self.buf.length))
        elif name in self.user_macros and not _is_known_text_macro(name):
            self._user_macro(node, name, args, start, end)
        elif name in specs.PROSE_ARG_MACROS:
            self._walk_arg(args, -1)
        elif name in _SYMBOLS:
            sym = _SYMBOLS[name]
            if sym == "\n\n":
                self._paragraph_break()
            else:
                self.buf.synthetic(sym, start, end)
            if node.macro_post_space and name.isalpha() and sym.strip():
                self.buf.synthetic(" ", end - 1, end)
        elif name in _ACCENT_MARKS and args:
            base = _plain(_arg_text(args, -1))
            import unicodedata

            self.buf.synthetic(unicodedata.normalize("NFC", base + _ACCENT_MARKS[name]) if base else "", start, end)
        elif name in ("bibitem",):
            key = _arg_text(args, -1).strip()
            if key:
                self.doc.commands.append(Command("bibitem", start, node.len, (key,)))
        else:
            # Unknown or layout macro: arguments pylatexenc consumed are not prose.
            if node.macro_post_space and not args and self.buf.length:
                pass

    def _skip_tex_definition(self, node) -> None:
        """``\\def\\x#1{body}`` has no argument spec pylatexenc knows: skip its body ourselves."""
        text = self.file.parse_text
        m = re.compile(r"\\[gex]?def\s*\\[A-Za-z@]+[^{]{0,40}?\{|\\let\s*\\[A-Za-z@]+\s*=?\s*\\[A-Za-z@]+").match(text, node.pos)
        if m is None:
            return
        if m.group(0).startswith("\\let"):
            self.skip_until = m.end()
            return
        end = balanced(text, m.end())
        if end > 0:
            self.skip_until = end

    def _user_macro(self, node, name: str, args, start: int, end: int) -> None:
        mac = self.user_macros[name]
        if mac.nargs == 0:
            if mac.expansion is not None:
                post = node.macro_post_space or ""
                name_end = end - len(post)  # the expansion stands for the command, not the space after it
                self.buf.synthetic(mac.expansion, start, name_end)
                if mac.ends_with_space:  # \newcommand{\Nystrom}{Nystr\"{o}m }: the body brings its space
                    self.buf.synthetic(" ", name_end - 1, name_end)
                elif post and "xspace" in mac.body:
                    self.buf.synthetic(" ", end - 1, end)
                elif post and not post.strip(" \t\n") and post.count("\n") <= 1 and self.in_document:
                    self.eaten = (name, start, name_end)
            return
        body = mac.body
        last = f"#{mac.nargs}"
        if last not in body or re.search(r"\$[^$]*" + re.escape(last), body):
            return
        if self._reads_argument(name, body, args):
            if self._typesets_code(name):
                self._code(lambda: self._walk_arg(args, -1))  # \newcommand{\cmd}[1]{\texttt{#1}}
            else:
                self._walk_arg(args, -1)

    def _reads_argument(self, name: str, body: str, args) -> bool:
        """Whether a user macro's last argument is the paper's text. Not an author's note
        (``macros.note_macro``: \\jb{check this} in red), deleted text (\\sout) or a note by
        \\todo, \\marginpar or \\footnote; but always in a heading, and whenever the argument
        holds a table, a section or paragraphs (revised text of a rebuttal version, whatever
        colours it). Revision colours (\\red, \\wigglyblue{...}) are text."""
        if self.buf.kind == "heading" or _HOLDS_CONTENT.search(_arg_text(args, -1)):
            return True
        if re.search(r"\\(?:todo|marginpar|footnote|sout)", body):
            return False
        return not note_macro(name, body)

    def _typesets_code(self, name: str, depth: int = 0) -> bool:
        """Whether a user macro puts its argument in typewriter type, itself or through another
        user macro (\\AgentDo{#1} -> \\AgentAction{#1} -> \\texttt{#1})."""
        hit = self.code_macros.get(name)
        if hit is not None:
            return hit
        body = self.user_macros[name].body or ""
        result = _CODE_IN_BODY.search(body) is not None
        if not result and depth < 4:
            result = any(m.group(1) in self.user_macros and m.group(1) != name and "#" in m.group(2)
                         and self._typesets_code(m.group(1), depth + 1) for m in _MACRO_CALL.finditer(body))
        self.code_macros[name] = result
        return result

    def _section_macro(self, node, name: str, args) -> None:
        self._paragraph_break()
        start = self._g(node.pos)
        starred = bool(args) and args[0] is not None and _node_text(args[0]) == "*"
        self._push("heading")
        self._walk_arg(args, -1)
        b = self._pop_buf()
        title = "".join(b.parts).strip()
        saved = self.section
        prose = None
        if self.in_document:
            self.section = None
            prose = self._emit_heading(b)
            self.section = saved
        if not self.in_document:
            return
        self._start_section(prose, title, specs.SECTION_LEVELS[name], name, starred, start)

    def _emit_heading(self, b: _Buffer) -> Prose | None:
        if b.blank():
            return None
        text = "".join(b.parts)
        left = len(text) - len(text.lstrip())
        right = len(text.rstrip())
        return Prose(text=text[left:right], offsets=b.offs[left:right], kind="heading",
                     placeholders=[Placeholder(p.kind, p.start - left, p.end - left, p.payload, p.command)
                                   for p in b.placeholders if p.start >= left and p.end <= right])

    def _emit_title(self, b: _Buffer) -> Prose | None:
        prose = self._emit_heading(b)
        if prose is not None:
            prose.kind = "title"
        return prose

    def _cite(self, node, name: str, args, start: int, end: int) -> None:
        keys = tuple(k for k in _split(_arg_text(args, -1)) if k)
        self.doc.citations.append(Citation(keys, name, start, node.len, self._preceding(node.pos), self.section))
        if name != "nocite":
            self.buf.placeholder("cite", ph.CITE, start, end, keys, name)

    def _label(self, name: str, start: int, length: int) -> None:
        name = name.strip()
        env = ""
        if self.float_stack:
            fl = self.doc.floats[self.float_stack[-1]]
            fl.labels.append(name)
            env = fl.kind
        elif self.env_stack:
            env = self.env_stack[-1]
        if not env and self.section is not None and self.pending_section_label:
            env = "section"
            self.section.label = name
        self.doc.labels.append(Label(name, start, length, env or "text"))

    def _include(self, node, name: str, args) -> None:
        if name in ("include", "includefrom", "subincludefrom"):
            self._paragraph_break()
        target = _arg_text(args, -1).strip()
        base_dirs = []
        if self.import_dirs:
            base_dirs.append(self.import_dirs[-1])
        base_dirs += [self.project.root_path.parent, self.file.path.parent]
        bare_end = None
        if args and args[-1] is not None and not isinstance(args[-1], LatexGroupNode) and name == "input":
            m = re.compile(r"\\input[ \t]+([^\s{}%\\]+)").match(self.file.parse_text, node.pos)
            if m:
                target = m.group(1)
                bare_end = m.end()
        if name in ("import", "subimport", "inputfrom", "subinputfrom", "includefrom", "subincludefrom"):
            folder = _arg_text(args, 0).strip()
            base = self.file.path.parent if name.startswith("sub") else self.project.root_path.parent
            base_dirs = [base / folder]
        elif name == "subfile":
            base_dirs = [self.file.path.parent, self.project.root_path.parent]
        elif name == "InputIfFileExists":
            target = _arg_text(args, 0).strip()
        if name == "include" and self.doc.includeonly is not None:
            if target.removesuffix(".tex") not in [x.removesuffix(".tex") for x in self.doc.includeonly]:
                return
        if not target:
            return
        length = (bare_end - node.pos) if bare_end else node.len
        if self.expansions >= MAX_INCLUDE_EXPANSIONS:  # includes that include each other twice grow exponentially
            if not self.budget_reported:
                self.budget_reported = True
                self.project.problems.append(Problem(
                    ProblemKind.TOO_MANY_FILES, f"{MAX_INCLUDE_EXPANSIONS} included files were read in place already; "
                    f"{target} and later includes were not read", self.file, node.pos, length))
            return
        sf = self.project.open_include(target, base_dirs, self.file, node.pos, length, self.stack)
        if sf is not None:
            self.expansions += 1
            pushed = name in ("import", "subimport")
            if pushed:
                self.import_dirs.append(base_dirs[0])
            self._walk_file(sf, only_document=(name == "subfile"))
            if pushed:
                self.import_dirs.pop()
        if bare_end:
            self.skip_until = bare_end  # the rest of the bare file name is not prose

    def _item(self, node, args) -> None:
        if self.table_stack:
            return
        b = self.buf
        if b.kind == "item" or (b.kind == "body" and self.list_depth):
            if not b.blank() and self.in_document:
                self._emit(b)
            self.bufs[-1] = _Buffer("item")
            if args and args[0] is not None:
                self._walk_arg(args, 0)
                self.buf.synthetic(" ", self._g(node.pos), self._g(node.pos + node.len))

    def _color(self, node, name: str, args, start: int) -> None:
        color = _arg_text(args, 1 if name in ("textcolor", "colorbox") else 1)
        if name == "color":
            color = _arg_text(args, -1)
        hidden = color.strip() in _HIDING_COLORS or re.fullmatch(r"\s*(?:white|White)!\d+\s*", color or "") is not None
        if name == "color":
            if hidden:
                self.hidden_depth += 1
                self.doc.commands.append(Command("white-text-start", start, node.len, (color,)))
            return
        if hidden:
            self.doc.commands.append(Command("hidden", start, node.len, (name, color), _plain(_arg_text(args, -1))))
            return
        self._walk_arg(args, -1)

    def _abstract(self, walk_body, start: int) -> None:
        self._paragraph_break()
        saved = self.section
        was = self.in_document
        self.in_document = True
        sec = Section(title="Abstract", level=1, role="abstract", offset=start, command="abstract",
                      index=len(self.doc.sections))
        self.doc.sections.append(sec)
        self.section = sec
        self._push("body")
        walk_body()
        self._pop()
        self.section = saved
        self.in_document = was

    # -- environments ---------------------------------------------------------------------------
    def _environment(self, node: LatexEnvironmentNode) -> None:
        env = node.environmentname
        start = self._g(node.pos)
        if self.float_stack:
            self.doc.floats[self.float_stack[-1]].inner.add(env)
        if env == "document":
            self.in_document = True
            self.bufs = []
            self._walk(node.nodelist)
            self._paragraph_break()
            return
        if env == "abstract":
            self._abstract(lambda: self._walk(node.nodelist), start)
            return
        if env in ("acknowledgments", "acknowledgements", "ack"):
            self._paragraph_break()
            self._start_section(None, "Acknowledgments", 1, "environment", True, start, role="acknowledgments")
            self._walk(node.nodelist)
            self._paragraph_break()
            return
        if env in specs.MATH_ENVS:
            self.env_stack.append("equation")
            self._display_math(node, start, self._g(node.pos + node.len))
            self.env_stack.pop()
            return
        if env in self.verbatim:
            if self.section is not None and env != "comment":
                self.section.displays += 1  # a listing is content (not an empty section)
            return
        if env in specs.FLOAT_ENVS and env not in specs.TABULAR_ENVS:
            self._float(node, env, start)
            return
        if env in specs.TABULAR_ENVS:
            self._tabular(node, env, start)
            return
        if env == "thebibliography":
            self.doc.has_bibliography = True
            self._push("discard")
            self._walk(node.nodelist)
            self._pop_buf()
            return
        if env in specs.NON_PROSE_ENVS:
            self._push("discard")
            self.env_stack.append(env)
            self._walk(node.nodelist)
            self.env_stack.pop()
            self._pop_buf()
            return
        if env in specs.LIST_ENVS:
            if self.bufs and "".join(self.buf.parts).strip().lower().startswith("guidelines"):
                # the NeurIPS checklist's instructions under "Guidelines:": template text, not the authors'
                self._paragraph_break()
                self.doc.template_spans.append((start, self._g(node.pos + node.len)))
                self._push("discard")
                self._walk(node.nodelist)
                self._pop_buf()
                return
            self._paragraph_break()
            self.list_depth += 1
            kind_before = self.buf.kind
            if kind_before in ("body", "item"):
                self.bufs[-1] = _Buffer("item")
            self._walk(node.nodelist)
            self.list_depth -= 1
            if self.buf.kind == "item" and not self.buf.blank() and self.in_document:
                self._emit(self.buf)
            if kind_before in ("body", "item"):
                self.bufs[-1] = _Buffer(kind_before if self.list_depth else "body")
            return
        if env in _THEOREM_ENVS or env in self.theorem_envs:
            kind = self.theorem_envs.get(env, env)  # \\newtheorem{prop}{Proposition}: a proposition
            self._paragraph_break()
            self.env_stack.append(env)
            first = len(self.doc.prose)
            self._walk(node.nodelist)
            self._paragraph_break()
            self.env_stack.pop()
            text = " ".join(p.text for p in self.doc.prose[first:])
            self.doc.commands.append(Command("theorem-env", start, node.len, (kind,), text))
            return
        if env == "tablenotes":
            self._walk(node.nodelist)
            return
        framed = env in _QUOTING_ENVS or env in self.box_envs
        if framed:
            self._paragraph_break()  # a quote or a box is a paragraph of its own
        self.env_stack.append(env)
        hidden_before = self.hidden_depth
        tt_before = len(self.tt_open)
        self._walk(node.nodelist)
        self.hidden_depth = hidden_before
        self._close_code(tt_before)
        if framed:
            self._paragraph_break()
        self.env_stack.pop()

    def _float(self, node, env: str, start: int) -> None:
        kind = specs.FLOAT_ENVS[env]
        if self.section is not None:
            self.section.displays += 1  # a figure or a table is content of its section
        self.doc.floats.append(Float(env=env, offset=start, length=node.len, kind=kind))
        self.float_stack.append(len(self.doc.floats) - 1)
        self._push("discard")
        self._walk(node.nodelist)
        self._pop_buf()
        self.float_stack.pop()

    def _tabular(self, node, env: str, start: int) -> None:
        if self.section is not None and not self.float_stack:
            self.section.displays += 1
        table = Table(offset=start, env=env, float_index=self.float_stack[-1] if self.float_stack else None)
        table.rows.append([])
        self.doc.tables.append(table)
        self.table_stack.append(table)
        self._push("cell")
        self.buf.parts.append("")
        self._walk(node.nodelist)
        self._new_cell(None)
        self._pop_buf()
        self.table_stack.pop()
        table.rows = [r for r in table.rows if any(t for t, _ in r)]

    def _new_cell(self, pos: int | None, new_row: bool = False) -> None:
        table = self.table_stack[-1]
        if not self.bufs:  # hostile nesting (``\\begin{document}`` inside a cell) emptied the stack
            self._push("cell")
        b = self.bufs[-1]
        text = "".join(b.parts).strip()
        off = b.offs[0] if len(b.offs) else self._g(pos or 0)
        table.rows[-1].append((text, off))
        self.bufs[-1] = _Buffer("cell")
        if new_row:
            table.rows.append([])

    # -- helpers ------------------------------------------------------------------------------
    def _walk_arg(self, args, index: int) -> None:
        if not args:
            return
        try:
            arg = args[index]
        except IndexError:
            return
        if arg is None:
            return
        if isinstance(arg, LatexGroupNode):
            self._walk(arg.nodelist)
        else:
            self._walk([arg])

    def _preceding(self, pos: int) -> str:
        return self.file.text[max(0, pos - 40):pos]


#: what an author's note never holds but revised text does (a colour macro around a table, a
#: section or several paragraphs of a rebuttal version): content, whatever the macro colours
_HOLDS_CONTENT = re.compile(r"\\begin\s*\{(?:" + "|".join(re.escape(e) for e in sorted(specs.TABULAR_ENVS | set(specs.FLOAT_ENVS)))
                            + r")\}|\\(?:sub)*section\*?\s*[\[{]|\n[ \t]*\n")


def _node_text(node) -> str:
    if node is None:
        return ""
    try:
        return node.latex_verbatim()
    except Exception:
        return ""


def _arg_text(args, index: int) -> str:
    """Verbatim LaTeX of an argument without its outer braces."""
    if not args:
        return ""
    try:
        node = args[index]
    except IndexError:
        return ""
    text = _node_text(node)
    if isinstance(node, LatexGroupNode) and len(text) >= 2 and text[0] in "{[" and text[-1] in "}]":
        return text[1:-1]
    return text


def _split(text: str) -> list[str]:
    return [p.strip() for p in text.split(",") if p.strip()]


_PLAIN_STRIP = re.compile(r"\\[A-Za-z@]+\*?|[{}$]")


def _plain(latex: str) -> str:
    """Rough plain text of a LaTeX fragment (for authors, todos, hidden text)."""
    s = COMMENT.sub(" ", latex)
    s = re.sub(r"\\(?:textcolor|color)\s*\{[^{}]*\}", " ", s)
    s = _PLAIN_STRIP.sub(" ", s).replace("~", " ").replace("\\\\", " ")
    return re.sub(r"\s+", " ", s).strip()


def _tiny_size(text: str) -> bool:
    for m in re.finditer(r"(\d*\.?\d+)\s*(pt|mm|cm|in|ex|em|bp|sp)?", text):
        try:
            val = float(m.group(1))
        except ValueError:
            continue
        unit = m.group(2) or ""
        if unit == "sp" or (unit in ("pt", "bp", "") and val < 1.0) or (unit in ("mm", "ex", "em") and val < 0.3):
            return True
    return False


_KNOWN_TEXT = set(specs.CITE_MACROS) | set(specs.REF_MACROS) | set(specs.SECTION_LEVELS) | {"label", "footnote", "caption", "item", "input", "include"}


def _is_known_text_macro(name: str) -> bool:
    return name in _KNOWN_TEXT
