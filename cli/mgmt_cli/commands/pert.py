"""``mgmt pert PLAN``: schedule a plan, simulate its risk, draw its network, Gantt or risk chart.

``mgmt gantt PLAN`` (commands/gantt.py) is the same command with the Gantt chart as default.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import click

from mgmt_cli._errors import fail
from mgmt_cli._options import input_options, output_options
from mgmt_cli._output import RENDERED, emit, json_text, read_input, resolve_format

if TYPE_CHECKING:
    from mgmt_tools.pert.result import Schedule

FORMATS = ("svg", "png", "pdf", "dot", "mermaid", "json", "csv", "mspdi")
CHARTS = ("network", "gantt", "risk")
_COMPACT_JSON = 10_000
"""Tasks above which JSON is written compact (indenting 100,000 tasks costs half a second)."""
_PROGRESS_WORK = 20_000_000
"""Tasks x trials above which a simulation takes about a second: show a progress bar."""


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


def schedule_options(function: Callable[..., Any]) -> Callable[..., Any]:
    """The options of ``mgmt pert`` and ``mgmt gantt``."""
    options = [
        click.option(
            "--deadline",
            callback=_deadline,
            metavar="UNITS|DATE",
            help="Deadline for P(T <= deadline); overrides the plan's.",
        ),
        click.option(
            "--simulate",
            "trials",
            type=click.IntRange(min=1),
            metavar="N",
            help="Monte Carlo: simulate N schedules over the three-point estimates "
            "(adds the simulation block; -o draws the risk chart).",
        ),
        click.option(
            "--seed",
            type=click.IntRange(min=0),
            help="Seed of --simulate (default: a fresh one, printed in the JSON).",
        ),
        click.option(
            "--distribution",
            type=click.Choice(["beta-pert", "triangular"]),
            default="beta-pert",
            show_default=True,
            help="Distribution of durations in --simulate.",
        ),
        click.option(
            "--chart",
            type=click.Choice(CHARTS),
            help="Which picture -o draws (default: network; risk with --simulate).",
        ),
        click.option(
            "--max-diagram-tasks",
            type=click.IntRange(min=1),
            default=500,
            show_default=True,
            help="Above this many tasks the network keeps the critical paths and "
            "their neighbours (the numbers stay complete).",
        ),
    ]
    for option in reversed(options):
        function = option(function)
    return output_options(FORMATS)(input_options(("yaml", "json", "csv", "mspdi"))(function))


@click.command("pert")
@schedule_options
def command(**options: Any) -> None:
    """Schedule PLAN (YAML, JSON or CSV) by CPM/PERT.

    Prints a table of early and late dates, floats and critical paths; --json prints the
    result as JSON; -o FILE draws the activity-on-node network (.svg .png .pdf .dot .mmd), the
    Gantt chart (--chart gantt) or the risk chart (--simulate N), or writes .json, .csv or
    .xml (MS Project XML, which MS Project, ProjectLibre and GanttProject open). PLAN may also
    be an MS Project XML file (.xml).
    """
    run(default_chart="network", **options)


def run(
    *,
    default_chart: str,
    input: str,
    input_format: str | None,
    encoding: str | None,
    output: str | None,
    fmt: str | None,
    as_json: bool,
    deadline: float | dt.date | None,
    trials: int | None,
    seed: int | None,
    distribution: str,
    chart: str | None,
    max_diagram_tasks: int,
) -> None:
    """Load, schedule, optionally simulate, then print or write what was asked."""
    from mgmt_tools.errors import MgmtError
    from mgmt_tools.pert import loads, schedule

    out_format = resolve_format(output, fmt, FORMATS)
    chart = chart or ("risk" if trials else default_chart)
    if chart == "risk" and not trials and out_format not in (None, "json", "csv"):
        raise click.UsageError("the risk chart needs --simulate N")
    try:
        text, name = read_input(input, encoding)
        plan = loads(text, input_format or _sniff(name, text), source=name)
        result = schedule(plan, deadline=deadline)
        if trials:
            result = _simulate(result, trials, seed, distribution)
    except MgmtError as error:
        fail(error)
    simulated = result.simulation.warnings if result.simulation else []
    compact = result.plan.task_count > _COMPACT_JSON

    def summary() -> str:
        from mgmt_tools.pert import summary_text

        return summary_text(result, warnings=False)

    def dot_source() -> str:
        from mgmt_tools.pert import render

        return render.to_dot(result, max_tasks=max_diagram_tasks)

    emit(
        warnings=[*result.warnings, *simulated],
        as_json=as_json,
        document=lambda: json_text(result.to_dict(), compact=compact),
        summary=summary,
        out_format=out_format,
        output=output,
        produce=lambda: _produce(result, out_format or "json", chart, max_diagram_tasks),
        dot_source=dot_source if chart == "network" else None,
        input_path=input,
    )


def _simulate(result: Schedule, trials: int, seed: int | None, distribution: str) -> Schedule:
    import dataclasses

    from mgmt_tools.pert import simulate

    plan = result.plan
    kwargs: dict[str, Any] = {
        "seed": seed,
        "distribution": distribution,
        "deadline": result.deadline,
    }
    if plan.task_count * trials < _PROGRESS_WORK:
        simulation = simulate(plan, trials, **kwargs)
    else:
        bar: Any = click.progressbar(length=trials, label="simulating", file=sys.stderr)
        with bar:
            done = [0]

            def advance(count: int) -> None:
                bar.update(count - done[0])
                done[0] = count

            simulation = simulate(plan, trials, progress=advance, **kwargs)
    return dataclasses.replace(result, simulation=simulation)


def _produce(result: Schedule, out_format: str, chart: str, max_tasks: int) -> bytes | str:
    from mgmt_tools.pert import render

    if out_format == "json":
        return json_text(result.to_dict(), compact=result.plan.task_count > _COMPACT_JSON)
    if out_format == "csv":
        from mgmt_tools.pert.export import to_csv

        return to_csv(result)
    if out_format == "mspdi":
        from mgmt_tools.pert.mspdi import to_mspdi

        return to_mspdi(result)
    if chart in ("gantt", "risk"):
        from mgmt_tools.pert import charts

        if out_format == "mermaid" and chart == "gantt":
            return charts.gantt_mermaid(result)
        if out_format not in RENDERED:
            raise click.UsageError(
                f"the {chart} chart is drawn as svg, png or pdf"
                + (" (or mermaid)" if chart == "gantt" else "")
            )
        if chart == "gantt":
            return charts.gantt_chart(result, out_format)
        return charts.risk_chart(result, out_format)
    if out_format == "dot":
        return render.to_dot(result, max_tasks=max_tasks)
    if out_format == "mermaid":
        return render.to_mermaid(result)
    return render.render(result, out_format, max_tasks=max_tasks)
