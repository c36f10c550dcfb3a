"""Stage 0, helpers with no texlint imports: timings, TOML reading, paths."""
