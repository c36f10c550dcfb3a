"""The catalog of built-in rules: every Python rule module under ``texlint.checks`` and the
declarative packs shipped as package data (``checks/packs/*.toml``); ``build_registry`` adds
the rules of installed plugins and of the config's ``rule-paths``.

Importing a rule module registers its rules (``@register``), so the catalog imports them all
once, in a stable order (walking the package), the first time it is asked.
"""

from __future__ import annotations

import importlib
import pkgutil
from importlib import resources
from pathlib import Path
from typing import Iterable

import texlint.checks
from texlint.engine.registry import (
    Registry,
    entry_point_rules,
    pack_rules,
    python_rules,
)
from texlint.engine.rule import Rule
from texlint.engine.ruledocs import rules_markdown

_BUILTIN: list[type[Rule]] | None = None


def packs_dir() -> Path:
    """The built-in declarative packs (package data of ``texlint.checks``)."""
    return Path(str(resources.files("texlint.checks").joinpath("packs")))


def _import_rule_modules() -> None:
    for mod in pkgutil.walk_packages(texlint.checks.__path__, prefix="texlint.checks."):
        if not mod.ispkg and mod.name != __name__:
            importlib.import_module(mod.name)


def builtin_rules() -> list[type[Rule]]:
    """Python rules of ``texlint.checks`` then the rules of the built-in packs."""
    global _BUILTIN
    if _BUILTIN is None:
        _import_rule_modules()
        rules = python_rules()
        d = packs_dir()
        if d.is_dir():
            rules.extend(pack_rules(d))
        _BUILTIN = rules
    return list(_BUILTIN)


def build_registry(rule_paths: Iterable[Path] = (), plugins: bool = True) -> Registry:
    """The registry of one run: built-in rules, plugins (unless ``plugins=False``), user packs."""
    rules = builtin_rules()
    if plugins:
        rules.extend(entry_point_rules())
    for p in rule_paths:
        rules.extend(pack_rules(Path(p)))
    return Registry(rules)


if __name__ == "__main__":  # pragma: no cover - ``python -m texlint.checks.catalog > docs/rules.md``
    import sys

    sys.stdout.write(rules_markdown(build_registry(plugins=False)))
