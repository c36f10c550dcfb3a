"""The language server (``texlint lsp``): texlint's findings in an editor, as you type.

A stage above the report and below the command line: it runs ``app.lint_document.lint_root``
in process (so the rule registry and the spaCy pipeline stay warm between lints), with the
editor's unsaved text laid over the files on disk (``util.reading.overlay``), and turns the
findings into LSP diagnostics, code actions and hovers. ``server`` wires it to pygls;
``workspace`` decides what to lint and when (documents, roots, debouncing, stale results);
``diagnostics``, ``actions`` and ``hover`` are pure conversions, testable without a client.
"""
