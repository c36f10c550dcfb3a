"""Stage 6, the rules, one folder per family; each Python rule registers itself with ``@register``
and ``texlint.checks.catalog`` gathers them with the built-in declarative packs."""
