"""Argument rules: story (S1xx), claims (C2xx) and reviewer gaps (R3xx)."""
