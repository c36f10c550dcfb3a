"""Venue rules (V4xx): required statements, double-blind leaks, hidden text."""
