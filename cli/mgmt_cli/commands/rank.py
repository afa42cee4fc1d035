"""``mgmt rank BACKLOG``: prioritise a backlog (RICE, ICE, WSJF, MoSCoW, Eisenhower,
value/effort, pairwise, Borda, weighted); 2x2 matrix, ranking chart, Markdown table."""

from __future__ import annotations

from typing import Any

import click

from mgmt_cli._errors import fail
from mgmt_cli._options import input_options, output_options
from mgmt_cli._output import emit, read_input, resolve_format

FORMATS = ("svg", "png", "pdf", "dot", "md", "json", "csv")
"""What -o writes: the matrix or chart (svg, png, pdf), the matrix's DOT, the ranking as a
Markdown table, JSON or CSV."""
CHARTS = ("matrix", "ranking")
METHODS = (
    "rice",
    "ice",
    "wsjf",
    "moscow",
    "eisenhower",
    "value_effort",
    "pairwise",
    "borda",
    "weighted",
)


def _sniff(name: str, text: str) -> str:
    from mgmt_tools.rank.io import format_of

    if name != "<stdin>":
        return format_of(name)
    return "json" if text.lstrip().startswith("{") else "yaml"


@click.command("rank")
@input_options(("yaml", "json", "csv"))
@output_options(FORMATS)
@click.option(
    "--method",
    type=click.Choice(METHODS),
    help="Override the file's method (required for a CSV of items).",
)
@click.option(
    "--model",
    type=click.Choice(("copeland", "bradley-terry")),
    help="pairwise: copeland (wins minus losses, default) or bradley-terry (MM algorithm).",
)
@click.option(
    "--threshold",
    type=click.FloatRange(0, 10),
    help="eisenhower, value_effort: a 0-10 score at or above it counts as yes (default 5).",
)
@click.option(
    "--chart",
    type=click.Choice(CHARTS),
    help="What -o draws: the 2x2 matrix (default for eisenhower and value_effort) or the "
    "ranked bar chart (default otherwise).",
)
def command(
    input: str,
    input_format: str | None,
    encoding: str | None,
    output: str | None,
    fmt: str | None,
    as_json: bool,
    method: str | None,
    model: str | None,
    threshold: float | None,
    chart: str | None,
) -> None:
    """Rank the items of BACKLOG (YAML, JSON, or CSV with a name column and --method).

    Prints the ranking (best first; equal scores share a rank) with categories where the
    method has them; --json prints the result as JSON. -o FILE draws the 2x2 matrix or the
    ranked bar chart (.svg .png .pdf; .dot for the matrix), or writes the ranking as a
    Markdown table (.md), JSON or CSV.
    """
    from mgmt_tools.errors import MgmtError
    from mgmt_tools.rank import evaluate, loads, summary_text
    from mgmt_tools.rank.render import MATRIX_METHODS

    out_format = resolve_format(output, fmt, FORMATS)
    try:
        text, name = read_input(input, encoding)
        fmt_in = input_format or _sniff(name, text)
        base = None if input == "-" else __import__("pathlib").Path(input).parent
        backlog = loads(
            text,
            fmt_in,
            source=name,
            base=base,
            encoding=encoding,
            method=method,
            model=model,
            threshold=threshold,
        )
        result = evaluate(backlog)
    except MgmtError as error:
        fail(error)
    chart = chart or ("matrix" if result.method in MATRIX_METHODS else "ranking")
    if chart == "matrix" and result.method not in MATRIX_METHODS:
        raise click.UsageError(
            f"the 2x2 matrix is drawn for eisenhower and value_effort, not {result.method}; "
            "use --chart ranking"
        )
    if chart == "ranking" and out_format == "dot":
        raise click.UsageError(
            "the ranking chart is drawn as svg, png or pdf (dot: --chart matrix)"
        )
    emit(
        warnings=result.warnings,
        as_json=as_json,
        document=lambda: _json(result),
        summary=lambda: summary_text(result, warnings=False),
        out_format=out_format,
        output=output,
        produce=lambda: _produce(result, out_format or "json", chart),
        dot_source=(lambda: _matrix_dot(result)) if chart == "matrix" else None,
        input_path=input,
    )


def _json(result: Any) -> str:
    from mgmt_cli._output import json_text

    return json_text(result.to_dict(), compact=result.backlog.count > 10000)


def _matrix_dot(result: Any) -> str:
    from mgmt_tools.rank.render import to_dot

    return to_dot(result)


def _produce(result: Any, out_format: str, chart: str) -> bytes | str:
    if out_format == "json":
        return _json(result)
    if out_format == "md":
        from mgmt_tools.rank import to_markdown

        return to_markdown(result)
    if out_format == "csv":
        from mgmt_tools.rank import to_csv

        return to_csv(result)
    if chart == "matrix":
        if out_format == "dot":
            return _matrix_dot(result)
        from mgmt_tools.rank.render import render

        return render(result, out_format)
    from mgmt_tools.rank.charts import ranking_chart

    return ranking_chart(result, out_format)
