"""``mgmt schema METHOD [--result]``: print the JSON Schema of a method's input or result."""

from __future__ import annotations

import click

METHODS = ("ahp", "decision", "fishbone", "goals", "index", "pareto", "pert", "rank", "report")


@click.command("schema")
@click.argument("method", type=click.Choice(METHODS))
@click.option("--result", is_flag=True, help="Print the schema of the --json result instead.")
def command(method: str, result: bool) -> None:
    """Print the JSON Schema of METHOD's input format (for editors and validators).

    With --result, the schema of the JSON that `mgmt METHOD --json` prints.
    """
    if result:
        from mgmt_tools.schemas import result_methods, result_schema_text

        try:
            text = result_schema_text(method)
        except KeyError:
            raise click.UsageError(
                f"no result schema for {method!r} yet; available: {', '.join(result_methods())}"
            ) from None
        click.echo(text, nl=False)
        return
    from mgmt_tools.schemas import schema_text

    click.echo(schema_text(method), nl=False)
