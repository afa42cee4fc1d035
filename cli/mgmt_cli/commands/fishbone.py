"""``mgmt fishbone CAUSES``: a cause-and-effect (Ishikawa) diagram with the true fishbone
geometry; counts from a Pareto analysis of a CSV attached by name (--counts)."""

from __future__ import annotations

from typing import Any

import click

from mgmt_cli._errors import fail
from mgmt_cli._options import input_options, output_options
from mgmt_cli._output import emit, read_input, resolve_format

FORMATS = ("svg", "png", "pdf", "dot", "json", "md")
"""What -o writes: the diagram (svg, png, pdf), its DOT, JSON, or a Markdown outline."""


@click.command("fishbone")
@input_options(("yaml", "json"))
@output_options(FORMATS)
@click.option(
    "--highlight",
    type=click.IntRange(min=0),
    metavar="N",
    help="Mark the N largest counted causes in the accent colour (with --counts: default the "
    "vital few, the fewest causes reaching 80% of the matched total; otherwise 0).",
)
@click.option(
    "--counts",
    metavar="CSV",
    type=click.Path(dir_okay=False),
    help="Attach counts from a Pareto analysis of this CSV to causes by name (case and "
    "spaces ignored); needs --column.",
)
@click.option("--column", metavar="C", help="--counts: the column naming the cause.")
@click.option(
    "--count", "count_column", metavar="N", help="--counts: a column of pre-summed counts."
)
@click.option("--weight", metavar="W", help="--counts: a column of weights (cost) to sum.")
def command(
    input: str,
    input_format: str | None,
    encoding: str | None,
    output: str | None,
    fmt: str | None,
    as_json: bool,
    highlight: int | None,
    counts: str | None,
    column: str | None,
    count_column: str | None,
    weight: str | None,
) -> None:
    """Draw the fishbone of CAUSES (YAML or JSON: effect, categories of causes).

    Prints the categories and, when causes have counts, their ranking; --json prints the
    result. -o FILE draws the diagram (.svg .png .pdf .dot) or writes JSON or a Markdown
    checklist (.md).
    """
    from mgmt_tools.errors import MgmtError
    from mgmt_tools.fishbone import analyse, loads, summary_text, with_counts
    from mgmt_tools.fishbone.io import format_of

    if counts is None and (column or count_column or weight):
        raise click.UsageError("--column, --count and --weight go with --counts CSV")
    if counts is not None and not column:
        raise click.UsageError("--counts needs --column (the column naming the cause)")
    out_format = resolve_format(output, fmt, FORMATS)
    try:
        text, name = read_input(input, encoding)
        if input_format:
            fmt_in = input_format
        elif name == "<stdin>":
            fmt_in = "json" if text.lstrip().startswith("{") else "yaml"
        else:
            fmt_in = format_of(name)
        fishbone = loads(text, fmt_in, source=name)
        if counts is not None:
            assert column is not None
            result = with_counts(
                fishbone,
                counts,
                column,
                count=count_column,
                weight=weight,
                encoding=encoding,
                highlight=highlight,
            )
        else:
            result = analyse(fishbone, highlight=highlight or 0)
    except MgmtError as error:
        fail(error)
    emit(
        warnings=result.warnings,
        as_json=as_json,
        document=lambda: _json(result),
        summary=lambda: summary_text(result, warnings=False),
        out_format=out_format,
        output=output,
        produce=lambda: _produce(result, out_format or "json"),
        dot_source=lambda: _dot(result),
        input_path=input,
    )


def _json(result: Any) -> str:
    from mgmt_cli._output import json_text

    return json_text(result.to_dict())


def _dot(result: Any) -> str:
    from mgmt_tools.fishbone import to_dot

    return to_dot(result)


def _produce(result: Any, out_format: str) -> bytes | str:
    if out_format == "json":
        return _json(result)
    if out_format == "md":
        from mgmt_tools.fishbone import to_markdown

        return to_markdown(result)
    if out_format == "dot":
        return _dot(result)
    from mgmt_tools.fishbone import render

    return render(result, out_format)
