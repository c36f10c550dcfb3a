"""Reading TOML files with one-line errors (config files, rule packs, vocabularies)."""

from __future__ import annotations

from pathlib import Path

from texlint.util.reading import ReadError, read_bytes

try:
    import tomllib
except ModuleNotFoundError:  # pragma: no cover - Python < 3.11
    import tomli as tomllib


#: A config file or rule pack larger than this is not a config file.
MAX_CONFIG_BYTES = 4 * 1024 * 1024


def read_toml(path: Path, error: type[Exception]) -> dict:
    """Parse ``path``; any problem is raised as ``error`` with a message naming the file."""
    try:
        data = read_bytes(path, MAX_CONFIG_BYTES)
        return tomllib.loads(data.decode("utf-8"))
    except ReadError as exc:
        raise error(str(exc)) from None
    except UnicodeDecodeError as exc:
        raise error(f"{path}: not valid UTF-8 (byte {exc.start})") from None
    except RecursionError:
        raise error(f"{path}: invalid TOML: nested too deeply") from None
    except tomllib.TOMLDecodeError as exc:
        raise error(f"{path}: invalid TOML: {exc}") from None
