"""Stage 5, what a rule is and how rules run: findings, the registry, declarative rule types,
suppression directives, baselines and the runner."""
