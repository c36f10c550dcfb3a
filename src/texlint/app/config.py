"""Configuration: ``[tool.texlint]`` in pyproject.toml, or ``.texlint.toml`` / ``texlint.toml``.

Found by walking up from the root document; CLI flags override it. Every key is checked: an
unknown key, a bad value or an unknown rule id is a one-line error naming the file and key
(exit code 2), never silently ignored.
"""

from __future__ import annotations

import math
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from texlint.engine.finding import SEVERITIES
from texlint.engine.settings import Config
from texlint.util.errors import ConfigError
from texlint.util.paths import config_scope, is_within, search_top
from texlint.util.reading import is_regular_file
from texlint.util.tomlio import read_toml

if TYPE_CHECKING:  # pragma: no cover
    from texlint.app.result import Options

CONFIG_NAMES = (".texlint.toml", "texlint.toml", "pyproject.toml")
VENUES = ("generic", "neurips", "iclr", "icml", "acl", "cvpr", "colm", "aaai", "auto")
KEYS = {
    "select", "ignore", "extend-select", "severity", "rule-paths", "venue", "fail-on",
    "per-file-ignores", "options", "review", "nlp-model", "extend", "exclude",
}


def effective_config(root: Path, opts: "Options") -> Config:
    cfg_path = opts.config if opts.config is not None else find_config(root)
    if opts.config is not None and not opts.config.is_file():
        raise ConfigError(f"{opts.config}: config file does not exist")
    cfg = load_config(cfg_path)
    if opts.select is not None:
        cfg.select = opts.select
        cfg.ignore = []  # an explicit --select on the command line runs exactly those rules
    if opts.extend_select:
        cfg.extend_select = cfg.extend_select + opts.extend_select
    if opts.ignore:
        cfg.ignore = cfg.ignore + opts.ignore
    if opts.venue is not None:
        cfg.venue = opts.venue
    if opts.review is not None:
        cfg.review = opts.review
    if opts.fail_on is not None:
        cfg.fail_on = opts.fail_on
    return cfg


def find_config(start: Path) -> Path | None:
    """The nearest config file walking up from ``start`` (a pyproject.toml counts only with [tool.texlint])."""
    cur = Path(os.path.abspath(start))
    if is_regular_file(cur) or not cur.is_dir():
        cur = cur.parent
    top = search_top(cur)  # never above the work tree (or, without one, the folder above)
    for _ in range(64):
        for name in CONFIG_NAMES:
            cand = cur / name
            if is_regular_file(cand):
                if name == "pyproject.toml" and "texlint" not in _tool_table(_read(cand), cand):
                    continue  # a pyproject.toml of another tool; a non-table tool.texlint is an error below
                return cand
        if cur == top or cur.parent == cur:
            break
        cur = cur.parent
    return None


def _tool_table(data: dict, path: Path) -> dict:
    tool = data.get("tool", {})
    if not isinstance(tool, dict):
        raise ConfigError(f"{path}: key 'tool' must be a table")
    return tool


def _read(path: Path) -> dict:
    return read_toml(path, ConfigError)


MAX_EXTEND_DEPTH = 10


def load_config(path: Path | None, _chain: tuple[str, ...] = ()) -> Config:
    if path is None:
        return Config()
    real = os.path.realpath(path)
    if real in _chain:
        raise ConfigError(f"{path}: key 'extend' makes a loop ({' -> '.join(_chain + (real,))})")
    if len(_chain) >= MAX_EXTEND_DEPTH:
        raise ConfigError(f"{path}: 'extend' is nested more than {MAX_EXTEND_DEPTH} deep")
    data = _read(path)
    if path.name == "pyproject.toml":
        data = _tool_table(data, path).get("texlint", {})
        if not isinstance(data, dict):
            raise ConfigError(f"{path}: key 'tool.texlint' must be a table")
    return parse_config(data, path, _chain + (real,))


def _list_of_str(value: Any, where: str) -> list[str]:
    if isinstance(value, str):
        return [value]
    if not isinstance(value, list) or any(not isinstance(v, str) for v in value):
        raise ConfigError(f"{where} must be a list of strings")
    return list(value)


def _inside(value: str, path: Path, key: str) -> Path:
    """A path a config file names, which must stay inside the config file's work tree (or folder)."""
    scope = config_scope(path)
    target = Path(os.path.realpath(path.parent / value))
    if not is_within(target, scope):
        raise ConfigError(f"{path}: key '{key}': {value} is outside the project ({scope}); texlint only reads "
                          "files inside it (give such a file with --config instead)")
    return target


def parse_config(data: dict, path: Path, _chain: tuple[str, ...] = ()) -> Config:
    cfg = Config(source=str(path))
    for key, value in data.items():
        where = f"{path}: key '{key}'"
        if key not in KEYS:
            raise ConfigError(f"{path}: unknown key '{key}' (known: {', '.join(sorted(KEYS))})")
        if key == "select":
            cfg.select = _list_of_str(value, where)
        elif key == "extend-select":
            cfg.extend_select = _list_of_str(value, where)
        elif key == "ignore":
            cfg.ignore = _list_of_str(value, where)
        elif key == "severity":
            if not isinstance(value, dict):
                raise ConfigError(f"{where} must be a table of rule = \"error|warning|info\"")
            for rid, sev in value.items():
                if sev not in SEVERITIES:
                    raise ConfigError(f"{path}: key 'severity.{rid}': must be one of {', '.join(SEVERITIES)}")
            cfg.severity = dict(value)
        elif key == "rule-paths":
            cfg.rule_paths = [_inside(p, path, key) for p in _list_of_str(value, where)]
        elif key == "venue":
            if value not in VENUES:
                raise ConfigError(f"{where}: unknown venue '{value}' (one of {', '.join(VENUES)})")
            cfg.venue = value
        elif key == "fail-on":
            if value not in SEVERITIES + ("never",):
                raise ConfigError(f"{where}: must be one of error, warning, info, never")
            cfg.fail_on = value
        elif key == "per-file-ignores":
            if not isinstance(value, dict):
                raise ConfigError(f"{where} must be a table of \"glob\" = [rule ids]")
            cfg.per_file_ignores = {g: _list_of_str(ids, f"{path}: key 'per-file-ignores.{g}'") for g, ids in value.items()}
        elif key == "options":
            if not isinstance(value, dict) or any(not isinstance(v, dict) for v in value.values()):
                raise ConfigError(f"{where} must be a table of rule tables ([options.RULE])")
            cfg.options = {k: dict(v) for k, v in value.items()}
        elif key == "review":
            if not isinstance(value, bool):
                raise ConfigError(f"{where} must be true or false")
            cfg.review = value
        elif key == "nlp-model":
            if not isinstance(value, str) or not value.strip():
                raise ConfigError(f"{where} must be a string (an installed spaCy pipeline name)")
            if "/" in value or "\\" in value or value.startswith("."):  # a pipeline folder, not a package name
                target = _inside(value, path, key)
                if not (target / "config.cfg").is_file():
                    raise ConfigError(f"{where}: {value} is not a spaCy pipeline folder (no config.cfg)")
                value = str(target)
            cfg.nlp_model = value
        elif key == "exclude":
            cfg.exclude = _list_of_str(value, where)
        elif key == "extend":
            if not isinstance(value, str) or not value.strip():
                raise ConfigError(f"{where} must be the path of another config file")
            base = _inside(value, path, key)
            if not is_regular_file(base):
                raise ConfigError(f"{where}: {value} is not a file")
            parent = load_config(base, _chain)
            merged = parse_config({k: v for k, v in data.items() if k != "extend"}, path, _chain)
            return _merge(parent, merged, data)
    return cfg


def _merge(parent: Config, child: Config, child_keys: dict) -> Config:
    out = parent
    mapping = {"select": "select", "extend-select": "extend_select", "ignore": "ignore", "severity": "severity",
               "rule-paths": "rule_paths", "venue": "venue", "fail-on": "fail_on",
               "per-file-ignores": "per_file_ignores", "options": "options", "review": "review",
               "nlp-model": "nlp_model", "exclude": "exclude"}
    for key, attr in mapping.items():
        if key in child_keys:
            setattr(out, attr, getattr(child, attr))
    out.source = child.source
    return out


def validate_ids(cfg: Config, registry) -> None:
    """Every rule id the config names must exist (a typo is an error, not a no-op)."""

    def check(ids: list[str], key: str) -> None:
        for rid in ids:
            if rid.upper() == "ALL":
                continue
            if not registry.matching(rid):
                raise ConfigError(f"{cfg.source or 'command line'}: key '{key}': unknown rule id '{rid}'")

    check(cfg.select or [], "select")
    check(cfg.extend_select, "extend-select")
    check(cfg.ignore, "ignore")
    check(list(cfg.severity), "severity")
    check(list(cfg.options), "options")
    for g, ids in cfg.per_file_ignores.items():
        check(ids, f"per-file-ignores.{g}")
    for rid, opts in cfg.options.items():
        for rule in registry.matching(rid):
            for k, v in opts.items():
                if k not in rule.options:
                    raise ConfigError(f"{cfg.source or 'command line'}: key 'options.{rid}.{k}': "
                                      f"rule {rule.code} has no option '{k}'"
                                      + (f" (options: {', '.join(rule.options)})" if rule.options else ""))
                problem = _option_type_problem(v, rule.options[k])
                if problem:
                    raise ConfigError(f"{cfg.source or 'command line'}: key 'options.{rid}.{k}': {problem}")


def _option_type_problem(value: Any, default: Any) -> str:
    """Why ``value`` cannot stand for an option whose default is ``default`` ('' when it can)."""
    if isinstance(default, bool):
        return "" if isinstance(value, bool) else "must be true or false"
    if isinstance(default, (int, float)):
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            return f"must be a number like {default!r}"
        if isinstance(value, float) and not math.isfinite(value):
            return "must be a finite number"
        if isinstance(default, int) and not isinstance(value, int):
            return f"must be a whole number like {default!r}"
        if abs(value) > 10**9:
            return "is out of range"
        return ""
    if isinstance(default, str):
        return "" if isinstance(value, str) else "must be a string"
    if isinstance(default, (list, tuple)):
        if not isinstance(value, list):
            return "must be a list"
        kinds = {type(x) for x in default}
        if kinds and any(type(x) not in kinds for x in value):
            return f"must be a list of {', '.join(sorted(k.__name__ for k in kinds))}"
    return ""


STARTER = '''# texlint configuration (every key is documented in docs/config.md)
# Put this in .texlint.toml, or under [tool.texlint] in pyproject.toml.

# Rules to run: codes ("C203"), names ("hype-word"), prefixes ("C2") or categories ("claims").
# Leave `select` out to run the rules that are on by default.
# select = ["story", "claims", "reviewer", "venue", "latex"]
# extend-select = ["W501"]        # add rules that are off by default
# ignore = ["L104"]

# Files not to lint (globs relative to this file's folder): roots found in folders are skipped and
# findings in these files are not reported, unless you name the file (or pass --force-exclude).
# exclude = ["template/*", "old/*.tex"]

# Venue profile: auto (from the style file), generic, neurips, iclr, icml, acl, cvpr, colm, aaai
venue = "auto"

# Double-blind review checks (true/false); left out, texlint detects it from the style options.
# review = true

# Exit with code 1 when a finding has at least this severity: error, warning, info or never.
fail-on = "warning"

# Change a rule's severity.
# [severity]
# "W501" = "info"

# Ignore rules in some files (globs relative to the project folder).
# [per-file-ignores]
# "appendix/*.tex" = ["R3"]

# Your own declarative rule packs (folders or .toml files), see docs/rules-authoring.md.
# rule-paths = ["texlint-rules"]

# Rule options.
# [options.W504]
# max = 45
'''
