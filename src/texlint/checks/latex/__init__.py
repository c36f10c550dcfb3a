"""LaTeX hygiene rules (L0xx loader problems, L1xx references, typography, structure)."""
