"""``python -m texlint`` runs the command-line interface."""

from texlint.cli import main

if __name__ == "__main__":  # pragma: no cover
    main()
