"""Style rules (W5xx): words, acronyms, texlint's own directives."""
