"""texlint: a linter for LaTeX research-paper drafts."""

__version__ = "0.1.0"
