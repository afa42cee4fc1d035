"""``mgmt pert PLAN``: schedule a plan and draw its network."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import click

from mgmt_cli._errors import fail
from mgmt_cli._options import input_options, output_options
from mgmt_cli._output import RENDERED, read_input, resolve_format, write_output

FORMATS = ("svg", "png", "pdf", "dot", "mermaid", "json", "csv")


def _deadline(
    ctx: click.Context, param: click.Parameter, value: str | None
) -> float | dt.date | None:
    if value is None:
        return None
    try:
        return float(value)
    except ValueError:
        pass
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(
            f"'{value}' is neither a number of units nor a date (YYYY-MM-DD)"
        ) from None


def _sniff(name: str, text: str) -> str:
    from mgmt_tools.pert.io import format_of

    if name != "<stdin>":
        return format_of(name)
    return "json" if text.lstrip().startswith(("{", "[")) else "yaml"


@click.command("pert")
@input_options(("yaml", "json", "csv"))
@output_options(FORMATS)
@click.option(
    "--deadline",
    callback=_deadline,
    metavar="UNITS|DATE",
    help="Deadline for P(T <= deadline); overrides the plan's.",
)
@click.option(
    "--chart",
    type=click.Choice(["network"]),
    default="network",
    show_default=True,
    help="Which picture -o draws.",
)
@click.option(
    "--max-diagram-tasks",
    type=click.IntRange(min=1),
    default=500,
    show_default=True,
    help="Above this many tasks the diagram keeps the critical paths and their "
    "neighbours (the numbers stay complete).",
)
def command(
    input: str,
    input_format: str | None,
    encoding: str | None,
    output: str | None,
    fmt: str | None,
    as_json: bool,
    deadline: float | dt.date | None,
    chart: str,
    max_diagram_tasks: int,
) -> None:
    """Schedule PLAN (YAML, JSON or CSV) by CPM/PERT.

    Prints a table of early and late dates, floats and critical paths; --json prints the
    result as JSON; -o FILE draws the activity-on-node network (.svg .png .pdf .dot .mmd),
    or writes .json or .csv data.
    """
    from mgmt_tools.errors import GraphvizNotFoundError, MgmtError
    from mgmt_tools.pert import loads, schedule

    out_format = resolve_format(output, fmt, FORMATS)
    try:
        text, name = read_input(input, encoding)
        plan = loads(text, input_format or _sniff(name, text), source=name)
        result = schedule(plan, deadline=deadline)
    except MgmtError as error:
        fail(error)
    for warning in result.warnings:
        click.echo(f"warning: {warning}", err=True)
    if as_json:
        click.echo(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
    if out_format is None:
        if not as_json:
            from mgmt_tools.pert import summary_text

            click.echo(summary_text(result))
        return
    assert output is not None or fmt is not None
    target = output or "-"
    try:
        data = _produce(result, out_format, max_diagram_tasks)
    except GraphvizNotFoundError as error:
        _fallback_to_dot(result, target, max_diagram_tasks, error)
    except MgmtError as error:
        fail(error)
    write_output(target, data, input_path=input)
    if target != "-":
        click.echo(f"wrote {target}", err=True)


def _produce(result: object, out_format: str, max_tasks: int) -> bytes | str:
    from mgmt_tools.pert import render
    from mgmt_tools.pert.result import Schedule

    assert isinstance(result, Schedule)
    if out_format == "json":
        return json.dumps(result.to_dict(), ensure_ascii=False, indent=2) + "\n"
    if out_format == "csv":
        from mgmt_tools.pert.export import to_csv

        return to_csv(result)
    if out_format == "dot":
        return render.to_dot(result, max_tasks=max_tasks)
    if out_format == "mermaid":
        return render.to_mermaid(result)
    assert out_format in RENDERED
    return render.render(result, out_format, max_tasks=max_tasks)


def _fallback_to_dot(result: object, target: str, max_tasks: int, error: Exception) -> None:
    """Graphviz is missing: write the DOT source beside the requested file, exit 3."""
    from mgmt_tools.pert import render
    from mgmt_tools.pert.result import Schedule

    assert isinstance(result, Schedule)
    if target == "-":
        fail(error)
    dot_path = str(Path(target).with_suffix(".dot"))
    write_output(dot_path, render.to_dot(result, max_tasks=max_tasks))
    click.echo(
        f"mgmt: Graphviz 'dot' was not found, so {dot_path} holds the DOT source "
        f"instead; {getattr(error, 'install_hint', '')}",
        err=True,
    )
    raise SystemExit(3)
