"""The folder tree is the pipeline: every import of a texlint module points down the stages.

Read from the source with ``ast`` (nothing is imported): each module belongs to the stage named
by its top folder under ``src/texlint``; a module-level import may name its own stage or a stage
below it, never one above, and module-level imports form no cycle. Imports inside functions are
for start-up cost only: few, each with a comment saying why, and pointing down too. Imports
under ``if TYPE_CHECKING:`` are type hints, not dependencies, and are not counted.
"""

from __future__ import annotations

import ast
import sys
from collections import defaultdict
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "texlint"
#: The stages, bottom first (docs/architecture.md says what each one does).
LAYERS = ("util", "source", "latex", "nlp", "analysis", "engine", "checks", "app", "report", "lsp", "cli")
MAX_FUNCTION_IMPORTS = 15
#: What reporters may never import: they only format a result they are given.
REPORT_FORBIDDEN = ("texlint.nlp", "texlint.analysis", "texlint.engine.runner", "texlint.checks",
                    "texlint.app.lint_document", "texlint.latex.load", "texlint.latex.build")
#: Rules never parse LaTeX or call NLP themselves.
CHECKS_FORBIDDEN = ("pylatexenc", "spacy", "texlint.latex.parse", "texlint.latex.build", "texlint.latex.load",
                    "texlint.nlp.pipeline", "texlint.nlp.annotate", "texlint.source.roots")


def _module_name(path: Path) -> str:
    rel = path.relative_to(PACKAGE.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _modules() -> dict[str, Path]:
    return {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


MODULES = _modules()


def _layer(module: str) -> int | None:
    parts = module.split(".")
    if len(parts) < 2 or parts[0] != "texlint":
        return None
    return LAYERS.index(parts[1]) if parts[1] in LAYERS else None


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def _resolve(module: str, node: ast.ImportFrom) -> str:
    if node.level == 0:
        return node.module or ""
    base = module.split(".")
    if not MODULES[module].name == "__init__.py":
        base = base[:-1]
    base = base[: len(base) - (node.level - 1)]
    return ".".join(base + ([node.module] if node.module else []))


def _imports(module: str):
    """(target module, line, inside a function?) for every runtime import of ``module``."""
    tree = ast.parse(MODULES[module].read_text(encoding="utf-8"))
    out = []

    def visit(node, in_function: bool):
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and _is_type_checking(child):
                for sub in child.orelse:
                    visit(sub, in_function)
                continue
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
                visit(child, True)
                continue
            if isinstance(child, ast.Import):
                for alias in child.names:
                    out.append((alias.name, child.lineno, in_function))
            elif isinstance(child, ast.ImportFrom):
                target = _resolve(module, child)
                for alias in child.names:  # "from texlint.x import y" may import the module x.y
                    sub = f"{target}.{alias.name}"
                    out.append((sub if sub in MODULES else target, child.lineno, in_function))
            visit(child, in_function)

    visit(tree, False)
    return out


def _texlint_imports(module: str):
    return [(t, line, fn) for t, line, fn in _imports(module) if t == "texlint" or t.startswith("texlint.")]


def test_every_module_is_in_a_stage():
    loose = [m for m in MODULES if _layer(m) is None and m not in ("texlint", "texlint.__main__")]
    assert not loose, f"modules outside the stage folders {LAYERS}: {loose}"


def test_module_names_are_unique_and_do_not_shadow_the_standard_library():
    by_name = defaultdict(list)
    for m, p in MODULES.items():
        if p.name != "__init__.py" and m != "texlint.__main__":
            by_name[p.stem].append(m)
    clashes = {n: ms for n, ms in by_name.items() if len(ms) > 1}
    assert not clashes, f"module names used twice: {clashes}"
    shadowing = sorted(n for n in by_name if n in sys.stdlib_module_names)
    assert not shadowing, f"modules named like the standard library: {shadowing}"


def test_imports_point_down():
    up = []
    for m in MODULES:
        here = _layer(m)
        for target, line, _fn in _texlint_imports(m):
            there = _layer(target)
            if target == "texlint":
                continue  # the package face (__version__)
            if m == "texlint.__main__":
                continue
            if here is not None and there is not None and there > here:
                up.append(f"{MODULES[m].relative_to(PACKAGE)}:{line}: {m} ({LAYERS[here]}) imports {target} ({LAYERS[there]})")
    assert not up, "imports pointing up the stages:\n" + "\n".join(up)


def test_module_level_imports_form_no_cycle():
    graph = {m: {t for t, _l, fn in _texlint_imports(m) if not fn and t in MODULES and t != m} for m in MODULES}
    # strongly connected components (Tarjan)
    index, low, stack, on, sccs = {}, {}, [], set(), []

    def strong(v):
        index[v] = low[v] = len(index)
        stack.append(v)
        on.add(v)
        for w in graph[v]:
            if w not in index:
                strong(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                sccs.append(sorted(comp))

    sys.setrecursionlimit(max(sys.getrecursionlimit(), 10000))
    for v in graph:
        if v not in index:
            strong(v)
    assert not sccs, f"import cycles: {sccs}"


def test_function_level_imports_are_few_and_explained():
    found = []
    for m, p in MODULES.items():
        lines = p.read_text(encoding="utf-8").splitlines()
        for target, line, fn in _texlint_imports(m):
            if not fn:
                continue
            text = lines[line - 1]
            before = lines[line - 2] if line >= 2 else ""
            explained = "#" in text or before.strip().startswith("#")
            found.append((f"{p.relative_to(PACKAGE)}:{line}", target, explained))
    unexplained = [f"{where} imports {t}" for where, t, ok in found if not ok]
    assert not unexplained, "function-level imports without a comment saying why:\n" + "\n".join(unexplained)
    assert len(found) <= MAX_FUNCTION_IMPORTS, (
        f"{len(found)} function-level imports of texlint modules (at most {MAX_FUNCTION_IMPORTS}):\n"
        + "\n".join(f"{w} imports {t}" for w, t, _ in found))


def test_reporters_only_format():
    bad = []
    for m in MODULES:
        if not m.startswith("texlint.report"):
            continue
        for target, line, _fn in _imports(m):
            if any(target == f or target.startswith(f + ".") for f in REPORT_FORBIDDEN):
                bad.append(f"{m}:{line} imports {target}")
    assert not bad, "reporters import the pipeline:\n" + "\n".join(bad)


def test_rules_never_parse_or_call_nlp():
    bad = []
    for m in MODULES:
        if not m.startswith("texlint.checks"):
            continue
        for target, line, _fn in _imports(m):
            if any(target == f or target.startswith(f + ".") for f in CHECKS_FORBIDDEN):
                bad.append(f"{m}:{line} imports {target}")
    assert not bad, "rules that parse LaTeX or run NLP themselves:\n" + "\n".join(bad)


def test_the_checker_sees_an_upward_import(tmp_path, monkeypatch):
    """The layering test can fail: an engine module importing the app is caught."""
    fake = {"texlint.engine.fake": tmp_path / "fake.py"}
    fake["texlint.engine.fake"].write_text("from texlint.app.run import run\n", encoding="utf-8")
    monkeypatch.setitem(MODULES, "texlint.engine.fake", fake["texlint.engine.fake"])
    (target, _line, _fn), = _texlint_imports("texlint.engine.fake")
    assert _layer(target) > _layer("texlint.engine.fake")
