"""Stage 1, the project's files: root finding, safe reading inside the project, decoding, and the
LaTeX lexical helpers (comments, include commands, braces) every later stage shares."""
