"""The registry: every rule of a run by code, whatever defined it.

Python rules register themselves with ``@register`` when their module is imported; TOML packs
(the built-in ones in ``texlint/checks/packs``, the user's ``rule-paths``) are compiled into rule
classes by ``pack_rules``; third-party packages add rules through the ``texlint.rules``
entry-point group (an entry point may load a ``Rule`` subclass, a list of them, or a folder
path of TOML packs). ``texlint.checks.catalog`` puts the built-in ones together.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterable

from texlint.engine.declarative import rules_from_toml
from texlint.engine.rule import Rule, RuleError
from texlint.util.tomlio import read_toml

_PYTHON_RULES: list[type[Rule]] = []  # in the order their modules registered them


def register(cls: type[Rule]) -> type[Rule]:
    """Class decorator for Python rules."""
    cls.validate(f"{cls.__module__}.{cls.__name__}")
    _PYTHON_RULES.append(cls)
    return cls


def load_toml(path: Path) -> dict:
    return read_toml(path, RuleError)


def pack_rules(folder_or_file: Path) -> list[type[Rule]]:
    p = Path(folder_or_file)
    files = sorted(p.glob("*.toml")) if p.is_dir() else [p]
    if not p.exists():
        raise RuleError(f"{p}: rule path does not exist")
    out: list[type[Rule]] = []
    for f in files:
        out.extend(rules_from_toml(load_toml(f), str(f)))
    return out


class Registry:
    """All rules known to this run, by code."""

    def __init__(self, rules: Iterable[type[Rule]]) -> None:
        self.rules: dict[str, type[Rule]] = {}
        for r in rules:
            if r.code in self.rules and self.rules[r.code] is not r:
                other = self.rules[r.code]
                raise RuleError(f"{r.origin}: rule code {r.code} is already used by {other.name} ({other.origin})")
            self.rules[r.code] = r
        names = {}
        for r in self.rules.values():
            if r.name in names:
                raise RuleError(f"{r.origin}: rule name {r.name} is already used by {names[r.name]}")
            names[r.name] = r.code

    def __iter__(self):
        return iter(sorted(self.rules.values(), key=lambda r: r.code))

    def __len__(self) -> int:
        return len(self.rules)

    def get(self, ident: str) -> type[Rule] | None:
        ident = ident.strip()
        if ident in self.rules:
            return self.rules[ident]
        for r in self.rules.values():
            if r.name == ident or ident in r.aliases or r.code.lower() == ident.lower():
                return r
        return None

    def matching(self, selector: str) -> list[type[Rule]]:
        return [r for r in self if Rule.matches(r, selector)]  # type: ignore[arg-type]


def entry_point_rules() -> list[type[Rule]]:
    from importlib.metadata import entry_points

    out: list[type[Rule]] = []
    for ep in entry_points(group="texlint.rules"):
        try:
            obj = ep.load()
        except Exception as exc:  # a broken plugin is a config-level error, not a crash
            raise RuleError(f"plugin {ep.name}: cannot load ({exc})") from None
        if isinstance(obj, (str, Path)):
            out.extend(pack_rules(Path(obj)))
        elif isinstance(obj, type) and issubclass(obj, Rule):
            out.append(obj)
        elif isinstance(obj, (list, tuple)):
            out.extend(o for o in obj if isinstance(o, type) and issubclass(o, Rule))
        elif callable(obj):
            out.extend(obj())
    return out


def python_rules() -> list[type[Rule]]:
    """Python rules registered so far (their modules must have been imported)."""
    return list(_PYTHON_RULES)
