"""Command-line interface (placeholder while the core lands)."""
import click


@click.group()
def main() -> None:
    """texlint."""
