"""``mgmt pareto DATA``: Pareto analysis of raw records, pre-summed counts or costs (CSV), or
YAML/JSON counts; the vital few, "Other", strata; the Pareto chart, Markdown, CSV, JSON."""

from __future__ import annotations

from typing import Any

import click

from mgmt_cli._errors import fail
from mgmt_cli._options import input_options, output_options
from mgmt_cli._output import emit, resolve_format

FORMATS = ("svg", "png", "pdf", "json", "csv", "md")
"""What -o writes: the chart (svg, png, pdf), the table as JSON, CSV or Markdown."""


@click.command("pareto")
@input_options(("csv", "yaml", "json"))
@output_options(FORMATS)
@click.option("--column", metavar="NAME", help="CSV: the category column (one row per record).")
@click.option("--count", metavar="NAME", help="CSV: a column of pre-summed counts per row.")
@click.option(
    "--weight", metavar="NAME", help="CSV: a column of costs (weights) per occurrence to sum."
)
@click.option(
    "--by", metavar="NAME", help="CSV: stratify by this column (one chart panel per value)."
)
@click.option(
    "--cutoff",
    type=click.FloatRange(0, 100, min_open=True),
    default=80.0,
    show_default=True,
    help="Percent the vital few reach.",
)
@click.option("--top", type=click.IntRange(min=1), help="Keep the first N; merge the rest.")
@click.option(
    "--other-after",
    type=click.FloatRange(0, 100, min_open=True),
    metavar="P",
    help="Keep the fewest leading categories reaching P percent; merge the rest into Other.",
)
def command(
    input: str,
    input_format: str | None,
    encoding: str | None,
    output: str | None,
    fmt: str | None,
    as_json: bool,
    column: str | None,
    count: str | None,
    weight: str | None,
    by: str | None,
    cutoff: float,
    top: int | None,
    other_after: float | None,
) -> None:
    """Pareto analysis of DATA: a CSV of records (--column; --count, --weight, --by) or YAML/JSON
    {title, counts: {category: n}}.

    Prints the categories largest first (ties in input order) with percent, cumulative
    percent and the vital few that reach --cutoff; --top N or --other-after P merge the tail
    into "Other", always last. --json prints the result as JSON. -o FILE draws the Pareto
    chart (.svg .png .pdf) or writes the table (.json .csv .md).
    """
    if top is not None and other_after is not None:
        raise click.UsageError("give --top or --other-after, not both")
    from mgmt_cli._output import read_input
    from mgmt_tools.errors import MgmtError
    from mgmt_tools.pareto import analyse_tally, format_of, loads, summary_text

    out_format = resolve_format(output, fmt, FORMATS)
    try:
        text, name = read_input(input, encoding)
        fmt_in = input_format or _sniff(name, text, format_of)
        data = loads(text, fmt_in, column=column, count=count, weight=weight, by=by, source=name)
        result = analyse_tally(
            data.tally,
            cutoff=cutoff,
            top=top,
            other_after=other_after,
            title=data.title,
            measure=data.measure,
            source=name,
            extras=dict(data.columns or {}),
        )
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
        dot_source=None,
        input_path=input,
    )


def _sniff(name: str, text: str, format_of: Any) -> str:
    if name != "<stdin>":
        return str(format_of(name))
    stripped = text.lstrip()
    if stripped.startswith("{"):
        return "json"
    first = stripped.split("\n", 1)[0]
    return "yaml" if ":" in first or first.startswith("#") else "csv"


def _json(result: Any) -> str:
    from mgmt_cli._output import json_text

    return json_text(result.to_dict(), compact=len(result.names) > 10000)


def _produce(result: Any, out_format: str) -> bytes | str:
    if out_format == "json":
        return _json(result)
    if out_format == "md":
        from mgmt_tools.pareto import to_markdown

        return to_markdown(result)
    if out_format == "csv":
        from mgmt_tools.pareto import to_csv

        return to_csv(result)
    from mgmt_tools.pareto.chart import pareto_chart

    return pareto_chart(result, out_format)
