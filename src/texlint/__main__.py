"""``python -m texlint`` runs the command-line interface."""

from texlint.cli.main import main

if __name__ == "__main__":  # pragma: no cover
    main()
