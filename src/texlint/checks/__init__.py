"""Python rules, one module per theme; each rule class registers itself with ``@register``."""
