"""Re-parse only the edited part of a file: the language server's one-line edit of a large file.

pylatexenc has no incremental mode, and a 150 KB chapter takes about 0.3 s to parse. Most of a
file is a flat run of nodes (the body of ``document``, or the file itself for an included
chapter), and an edit changes a few of them. ``splice`` re-parses a window of those nodes
around the edit (two unchanged neighbours on each side, so a token that looks ahead or behind
sees the same text as in a full parse), puts the new nodes in place of the old ones, and moves
the nodes after the window by the change in length. Positions stay file offsets, and every
node's ``latex_verbatim()`` reads the new text.

It gives up (the caller parses the whole file) whenever the window's parse could differ from a
full parse: the edit touches ``\\begin{document}`` or ``\\end{document}``, or lies within ``MARGIN``
nodes of the end of its run (no unchanged node after it to check the window by); the window's
parse reports a problem, does not end exactly at the window's end, or gives its unchanged first or
last node a different type or length (something the edit opened ran on); a text run would join
the run next to the window; or a macro at the window's end might take an argument after it. The
caller also parses in full when the old parse had problems (their positions and grouping would
need re-deriving). ``tests/test_splice.py`` checks on generated edits that a splice equals a full
parse, node for node.
"""

from __future__ import annotations

from typing import Callable, Iterator

from pylatexenc.latexwalker import LatexCharsNode, LatexEnvironmentNode, LatexMacroNode

#: unchanged nodes kept on each side of the edit inside the re-parsed window
MARGIN = 2

Parser = Callable[[str, int], "tuple[list, list]"]


def splice(old_text: str, old_nodes: list, new_text: str, parse_from: Parser) -> list | None:
    """The nodes of ``new_text`` made from ``old_nodes`` (the parse of ``old_text``) by re-parsing
    the edited window with ``parse_from(text, pos)``; None when only a full parse is safe.
    ``old_nodes`` are changed in place when it succeeds (they belong to the old parse, which
    the caller replaces)."""
    if old_text == new_text or not old_nodes:
        return None
    start, old_end, new_end = _changed(old_text, new_text)
    delta = len(new_text) - len(old_text)
    container, children = _container(old_nodes, start, old_end)
    if children is None:
        return None
    window = _window(children, start, old_end)
    if window is None:
        return None
    i0, j0, i = window
    w_start = children[i0].pos
    w_end_new = children[j0].pos + children[j0].len + delta
    if w_end_new < new_end or w_start > start:
        return None
    nodes, problems = parse_from(new_text[:w_end_new], w_start)
    if problems or not nodes or nodes[0].pos != w_start or _end(nodes[-1]) != w_end_new:
        return None
    if _shape(nodes[-1]) != _shape(children[j0]):
        return None  # the unchanged last node came out different: something the edit opened ran on, or its
        # arguments were read up to the window's end
    if type(nodes[0]) is not type(children[i0]) or (i0 < i and _shape(nodes[0]) != _shape(children[i0])):
        return None
    if i0 > 0 and isinstance(children[i0 - 1], LatexCharsNode) and isinstance(nodes[0], LatexCharsNode):
        return None  # two text runs side by side: a full parse makes them one
    if j0 + 1 < len(children) and isinstance(children[j0 + 1], LatexCharsNode) and isinstance(nodes[-1], LatexCharsNode):
        return None
    if isinstance(nodes[-1], LatexMacroNode) and new_text[w_end_new:w_end_new + 1] in ("[", "{", "*"):
        return None  # the macro might take what follows as an argument
    children[i0:j0 + 1] = nodes
    after = i0 + len(nodes)  # children[after:] follow the window: they move by delta
    # every node reads the new text (no old text or window prefix is kept alive), in one pass
    _update(children[:after], 0, new_text)
    _update(children[after:], delta, new_text)
    if container is None:
        return children
    at = old_nodes.index(container)
    container.len += delta
    _update(old_nodes[:at], 0, new_text)
    _update(old_nodes[at + 1:], delta, new_text)
    if container.parsing_state is not None:
        container.parsing_state.s = new_text
    argd = getattr(container, "nodeargd", None)
    _update([a for a in (getattr(argd, "argnlist", None) or ()) if a is not None] if argd is not None else [], 0, new_text)
    return old_nodes


def _changed(old: str, new: str) -> tuple[int, int, int]:
    """Where the texts differ: the common prefix length, and the end of the changed part in the
    old and in the new text. Blocks are compared as slices (C speed), characters only within
    the first block that differs."""
    n = min(len(old), len(new))
    start = _common(lambda a, b: old[a:b] == new[a:b], n)
    limit = n - start
    lo, ln = len(old), len(new)
    tail = _common(lambda a, b: old[lo - b:lo - a] == new[ln - b:ln - a], limit)
    return start, lo - tail, ln - tail


def _common(same: Callable[[int, int], bool], n: int, block: int = 4096) -> int:
    """How many leading items agree, given ``same(a, b)`` for the items in [a, b)."""
    k = 0
    while k < n:
        end = min(n, k + block)
        if same(k, end):
            k = end
            continue
        if end - k <= 16:
            while k < end and same(k, k + 1):
                k += 1
            return k
        block = max(16, (end - k) // 8)
    return k


def _container(nodes: list, start: int, old_end: int):
    """The run of nodes the edit lies in: the body of ``document`` when the edit is inside it,
    else the file's top-level nodes (an included file). (None, None) when neither holds it."""
    for node in nodes:
        if isinstance(node, LatexEnvironmentNode) and node.environmentname == "document":
            body = node.nodelist
            if not body:
                return None, None
            if body[0].pos <= start and old_end <= _end(body[-1]):
                return node, body
            if node.pos <= old_end and start < _end(node):
                return None, None  # the edit touches \begin{document} or \end{document}
    return None, nodes


def _window(children: list, start: int, old_end: int) -> tuple[int, int, int] | None:
    """Indexes of the first and last node to re-parse (those the edit touches, plus ``MARGIN``
    unchanged nodes on each side, fewer at the start of the run) and of the first edited one."""
    i = j = None
    for k, node in enumerate(children):
        if node.pos is None or node.len is None:
            return None
        if i is None and _end(node) >= start:
            i = k
        if node.pos <= old_end:
            j = k
        else:
            break
    if i is None or j is None or j < i or j + MARGIN >= len(children):
        return None  # near the end of the run there is no unchanged node to check the window's end by
    return max(0, i - MARGIN), j + MARGIN, i


def _shape(node) -> tuple:
    """What a node's parse could change when the text after it is cut off: its kind, its length,
    and how many argument slots its macro read."""
    argd = getattr(node, "nodeargd", None)
    return type(node), node.len, len(getattr(argd, "argnlist", None) or ()) if argd is not None else -1


def _end(node) -> int:
    return node.pos + node.len


def _children(node) -> Iterator:
    for child in getattr(node, "nodelist", None) or ():
        if child is not None:
            yield child
    argd = getattr(node, "nodeargd", None)
    for child in (getattr(argd, "argnlist", None) or ()) if argd is not None else ():
        if child is not None:
            yield child


def _all(nodes: list) -> Iterator:
    stack = list(reversed(nodes))
    while stack:
        node = stack.pop()
        if node is None:
            continue
        yield node
        stack.extend(_children(node))


def _update(roots: list, delta: int, text: str) -> None:
    """Move ``roots`` and every node below them by ``delta`` and point their parsing states
    (shared by many nodes) at ``text``: one loop, no generator per node (the splice's cost is
    this walk over the file's nodes)."""
    stack = list(roots)
    pop, extend = stack.pop, stack.extend
    while stack:
        node = pop()
        if node is None:
            continue
        if delta:
            node.pos += delta
        state = node.parsing_state
        if state is not None and state.s is not text:
            state.s = text
        nodelist = getattr(node, "nodelist", None)
        if nodelist:
            extend(nodelist)
        argd = getattr(node, "nodeargd", None)
        if argd is not None:
            args = getattr(argd, "argnlist", None)
            if args:
                extend(args)
