"""``mgmt goals TREE``: a goal tree with progress rolled up (weighted, average, min = AND,
max = OR), on/off track at a date, SMART gaps; diagram, Mermaid mindmap or Markdown checklist."""

from __future__ import annotations

import datetime as dt
from typing import Any

import click

from mgmt_cli._errors import fail
from mgmt_cli._options import input_options, output_options
from mgmt_cli._output import emit, read_input, resolve_format

FORMATS = ("svg", "png", "pdf", "dot", "mermaid", "md", "json")
"""What -o writes: the diagram (svg, png, pdf), its DOT, a Mermaid mindmap, a Markdown
checklist, or JSON."""


def _date(context: click.Context, parameter: click.Parameter, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"not a date (write YYYY-MM-DD): {value!r}") from None


@click.command("goals")
@input_options(("yaml", "json"))
@output_options(FORMATS)
@click.option(
    "--as-of",
    metavar="DATE",
    callback=_date,
    help="Judge each dated goal on_track, at_risk or off_track at DATE (YYYY-MM-DD); "
    "overrides the tree's as_of. The wall clock is never read.",
)
@click.option(
    "--depth",
    type=click.IntRange(min=0),
    metavar="N",
    help="Diagram and mindmap: show levels 0 (the root) to N; deeper goals fold into their "
    "ancestor, which shows its rolled-up progress and how many goals it hides.",
)
@click.option(
    "--on-track",
    type=click.FloatRange(min=0, max=1),
    default=0.10,
    show_default=True,
    metavar="X",
    help="on_track when progress >= elapsed share of the period - X.",
)
@click.option(
    "--at-risk",
    type=click.FloatRange(min=0, max=1),
    default=0.25,
    show_default=True,
    metavar="Y",
    help="at_risk when progress >= elapsed share - Y (else off_track); Y >= X.",
)
def command(
    input: str,
    input_format: str | None,
    encoding: str | None,
    output: str | None,
    fmt: str | None,
    as_json: bool,
    as_of: dt.date | None,
    depth: int | None,
    on_track: float,
    at_risk: float,
) -> None:
    """Roll up the progress of the goal tree TREE (YAML or JSON: goal, children, ...).

    Prints the tree with progress, status, track and the SMART gaps; --json prints the
    result. -o FILE draws the tree (.svg .png .pdf .dot), a Mermaid mindmap (.mmd), a
    Markdown checklist (.md) or JSON.
    """
    from mgmt_tools.errors import MgmtError
    from mgmt_tools.goals import analyse, loads, summary_text
    from mgmt_tools.goals.io import format_of

    if at_risk < on_track:
        raise click.UsageError(f"--at-risk ({at_risk:g}) must be >= --on-track ({on_track:g})")
    out_format = resolve_format(output, fmt, FORMATS)
    try:
        text, name = read_input(input, encoding)
        if input_format:
            fmt_in = input_format
        elif name == "<stdin>":
            fmt_in = "json" if text.lstrip().startswith("{") else "yaml"
        else:
            fmt_in = format_of(name)
        result = analyse(
            loads(text, fmt_in, source=name), as_of=as_of, on_track=on_track, at_risk=at_risk
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
        produce=lambda: _produce(result, out_format or "json", depth),
        dot_source=lambda: _dot(result, depth),
        input_path=input,
    )


def _json(result: Any) -> str:
    from mgmt_cli._output import json_text

    return json_text(result.to_dict())


def _dot(result: Any, depth: int | None) -> str:
    from mgmt_tools.goals import to_dot

    return to_dot(result, depth=depth)


def _produce(result: Any, out_format: str, depth: int | None) -> bytes | str:
    if out_format == "json":
        return _json(result)
    if out_format == "md":
        from mgmt_tools.goals import to_markdown

        return to_markdown(result)
    if out_format == "mermaid":
        from mgmt_tools.goals import to_mermaid

        return to_mermaid(result, depth=depth)
    if out_format == "dot":
        return _dot(result, depth)
    from mgmt_tools.goals import render

    return render(result, out_format, depth=depth)
