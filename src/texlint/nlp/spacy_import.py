"""Import spaCy without its command line, which is about a third of its start-up.

``import spacy`` runs ``from .cli.info import info`` (for the ``spacy.info()`` helper). The
``spacy.cli`` package then imports every spaCy command, and with them typer, rich, weasel,
requests and jinja2. That is about 0.35 s of the ~1 s spaCy takes to import here, and neither
texlint nor a pipeline uses any of it: spaCy itself imports ``spacy.cli`` nowhere else.

So before spaCy's first import, :func:`import_spacy` puts two stand-ins into ``sys.modules``:

- one for ``spacy.cli``, which loads the real package the first time anything reads one of its
  attributes;
- one for ``spacy.cli.info``, whose ``info`` loads the real one when it is called.

A submodule (``import spacy.cli.download``) still imports, because the stand-in has the real
package's ``__path__``. Anything that needs the command line still gets it, only later.

If spaCy is already imported, or its layout is not the one this expects, spaCy is imported as
usual. Set ``TEXLINT_SPACY_CLI=1`` to import spaCy as usual in every case.
"""

from __future__ import annotations

import importlib
import importlib.util
import os
import sys
import threading
import types

_LOCK = threading.RLock()
_CLI = "spacy.cli"
_INFO = "spacy.cli.info"


class _LazyCli(types.ModuleType):
    """``spacy.cli`` until something reads from it; then the real package answers."""

    def __getattr__(self, name: str):
        if name.startswith("__") and name.endswith("__") and name != "__all__":
            raise AttributeError(name)  # the import system probing: not a use of the command line
        return getattr(_load_real_cli(), name)


def _lazy_info(*args, **kwargs):
    """``spacy.info``: the real one, imported now."""
    return _load_real_cli().info(*args, **kwargs)


def _load_real_cli() -> types.ModuleType:
    """Drop the stand-ins, import the real ``spacy.cli`` and make ``spacy.cli`` point to it."""
    with _LOCK:
        current = sys.modules.get(_CLI)
        if current is not None and not isinstance(current, _LazyCli):
            return current
        sys.modules.pop(_CLI, None)
        info = sys.modules.get(_INFO)
        if info is not None and getattr(info, "info", None) is _lazy_info:
            sys.modules.pop(_INFO, None)
        real = importlib.import_module(_CLI)
        spacy = sys.modules.get("spacy")
        if spacy is not None:
            spacy.cli = real
            if getattr(spacy, "info", None) is _lazy_info:
                spacy.info = real.info
        return real


def import_spacy() -> types.ModuleType:
    """``import spacy``, without importing ``spacy.cli`` until it is used."""
    with _LOCK:
        if "spacy" in sys.modules or os.environ.get("TEXLINT_SPACY_CLI"):
            import spacy

            return spacy
        spec = importlib.util.find_spec("spacy")
        cli_dir = os.path.join(os.path.dirname(spec.origin or ""), "cli") if spec else ""
        if not os.path.isfile(os.path.join(cli_dir, "info.py")):
            import spacy  # another layout: import as usual

            return spacy
        stub = _LazyCli(_CLI)
        stub.__path__ = [cli_dir]
        stub.__package__ = _CLI
        info = types.ModuleType(_INFO)
        info.info = _lazy_info
        sys.modules[_CLI] = stub
        sys.modules[_INFO] = info
        try:
            import spacy
        except BaseException:
            for name, mod in ((_CLI, stub), (_INFO, info)):
                if sys.modules.get(name) is mod:
                    del sys.modules[name]
            raise
        spacy.cli = stub
        return spacy
