"""User-facing errors: each is one line on stderr and exit code 2, never a traceback.

Every stage raises these (a path that cannot be linted, bad configuration, an invalid rule
pack, an unreadable baseline); the command line catches ``TexlintError`` once.
"""

from __future__ import annotations


class TexlintError(Exception):
    """An error the user can fix; the message is the whole line printed."""


class InputError(TexlintError):
    """A path the user gave cannot be linted at all."""


class ConfigError(TexlintError):
    """Bad configuration (the message names the file and the key)."""


class RuleError(TexlintError):
    """A rule definition is invalid (the message names the file and key)."""


class BaselineError(TexlintError):
    """A baseline file cannot be read or written."""
