"""``mgmt gantt PLAN``: the same input and options as ``mgmt pert``, drawing the Gantt chart."""

from __future__ import annotations

from typing import Any

import click

from mgmt_cli.commands.pert import run, schedule_options


@click.command("gantt")
@schedule_options
def command(**options: Any) -> None:
    """Schedule PLAN and draw its Gantt chart with -o gantt.svg|png|pdf (-f mermaid writes a
    Mermaid gantt with explicit dates).

    Bars on a date axis (offsets without a start date), critical tasks in the accent colour,
    total float after each bar, milestones as diamonds, an arrow for every link, non-working
    days shaded and the deadline as a line. Without -o, prints the same table as mgmt pert.
    """
    run(default_chart="gantt", **options)
