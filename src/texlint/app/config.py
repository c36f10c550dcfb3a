"""Configuration: ``[tool.texlint]`` in pyproject.toml, or ``.texlint.toml`` / ``texlint.toml``.

Found by walking up from the root document; CLI flags override it. Every key is checked: an
unknown key, a bad value or an unknown rule id is a one-line error naming the file and key
(exit code 2), never silently ignored.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from texlint.engine.finding import SEVERITIES
from texlint.engine.settings import Config
from texlint.util.errors import ConfigError
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
    cur = start.resolve()
    if cur.is_file():
        cur = cur.parent
    for _ in range(64):
        for name in CONFIG_NAMES:
            cand = cur / name
            if cand.is_file():
                if name == "pyproject.toml":
                    try:
                        data = _read(cand)
                    except ConfigError:
                        raise
                    if "texlint" not in data.get("tool", {}):
                        continue
                return cand
        if (cur / ".git").exists() or cur.parent == cur:
            break
        cur = cur.parent
    return None


def _read(path: Path) -> dict:
    return read_toml(path, ConfigError)


def load_config(path: Path | None) -> Config:
    if path is None:
        return Config()
    data = _read(path)
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("texlint", {})
    return parse_config(data, path)


def _list_of_str(value: Any, where: str) -> list[str]:
    if isinstance(value, str):
        return [value]
    if not isinstance(value, list) or any(not isinstance(v, str) for v in value):
        raise ConfigError(f"{where} must be a list of strings")
    return list(value)


def parse_config(data: dict, path: Path) -> Config:
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
            cfg.rule_paths = [(path.parent / p).resolve() for p in _list_of_str(value, where)]
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
            if not isinstance(value, str):
                raise ConfigError(f"{where} must be a string (an installed spaCy pipeline name)")
            cfg.nlp_model = value
        elif key == "exclude":
            cfg.exclude = _list_of_str(value, where)
        elif key == "extend":
            base = (path.parent / str(value)).resolve()
            parent = load_config(base)
            merged = parse_config({k: v for k, v in data.items() if k != "extend"}, path)
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
            for k in opts:
                if k not in rule.options:
                    raise ConfigError(f"{cfg.source or 'command line'}: key 'options.{rid}.{k}': "
                                      f"rule {rule.code} has no option '{k}'"
                                      + (f" (options: {', '.join(rule.options)})" if rule.options else ""))


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
