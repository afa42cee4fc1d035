"""``mgmt schema METHOD``: print the JSON Schema of a method's input."""

from __future__ import annotations

import click

METHODS = ("ahp", "decision", "fishbone", "goals", "index", "pareto", "pert", "rank")


@click.command("schema")
@click.argument("method", type=click.Choice(METHODS))
def command(method: str) -> None:
    """Print the JSON Schema of METHOD's input format (for editors and validators)."""
    from mgmt_tools.schemas import schema_text

    click.echo(schema_text(method), nl=False)
