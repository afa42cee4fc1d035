"""The registry entries of pert and gantt: CPM/PERT schedules, networks, Gantt and risk charts."""

from __future__ import annotations

import dataclasses

from mgmt_tools.locale import N_
from mgmt_tools.registry.method import Chart, Method
from mgmt_tools.registry.options import Option, words

__all__ = ["GANTT", "PERT"]

_PERT_OPTIONS = (
    Option(
        "deadline",
        N_(
            "Deadline for P(T <= deadline), in units or as a date (YYYY-MM-DD); overrides the "
            "plan's."
        ),
        metavar="UNITS|DATE",
        parse="mgmt_tools.pert.options:parse_deadline",
    ),
    Option(
        "start",
        N_(
            "Start date (YYYY-MM-DD): offsets become dates on the working calendar; for a CSV "
            "or Excel plan, which has no start of its own, or to replace the plan's."
        ),
        kind="date",
        metavar="DATE",
    ),
    Option(
        "calendar",
        N_(
            "Named working calendar with its official holidays and make-up working days: cn, "
            "us, gb, gb-sct, gb-nir or hk (with a start date; replaces the plan's base; the "
            "plan's own holidays and extra_workdays stay)."
        ),
        metavar="NAME",
        parse="mgmt_tools.pert.options:parse_calendar",
    ),
    Option(
        "simulate",
        N_(
            "Monte Carlo: simulate N schedules over the three-point estimates (adds the "
            "simulation block; -o draws the risk chart); at most 10,000,000, which gives "
            "probabilities to within 0.0003."
        ),
        kind="int",
        low=1,
        high=10_000_000,
        metavar="N",
        keyword="trials",
    ),
    Option(
        "seed",
        N_("Seed of --simulate (default: a fresh one, printed in the JSON)."),
        kind="int",
        low=0,
    ),
    Option(
        "distribution",
        N_("Distribution of durations in --simulate (pert is another name of beta-pert)."),
        kind="choice",
        choices=words("beta-pert triangular pert"),
        default="beta-pert",
    ),
    Option(
        "max_diagram_tasks",
        N_(
            "Above this many tasks the network keeps the critical paths and their neighbours "
            "(the numbers stay complete)."
        ),
        stage="draw",
        kind="int",
        low=1,
        default=500,
        keyword="max_tasks",
    ),
    Option(
        "rankdir",
        N_(
            "Network only: its direction, lr (left to right), tb (top to bottom) or auto, the "
            "one that prints larger on an A4 page and on a slide (any case: LR, TB)."
        ),
        stage="draw",
        kind="choice",
        choices=words("auto lr tb"),
        default="auto",
    ),
    Option(
        "precision",
        N_(
            "Network only: decimals of the numbers in its boxes (default: the fewest, up to 2, "
            "that write every number shown exactly, else 1)."
        ),
        stage="draw",
        kind="int",
        low=0,
        high=6,
        metavar="N",
    ),
    Option(
        "columns",
        N_(
            "Gantt chart only: columns of its task grid, comma-separated, from id, name, "
            "duration, start, finish and float (default: id,name,duration,start,finish)."
        ),
        stage="draw",
        metavar="LIST",
        parse="mgmt_tools.pert.gantt_grid:parse_columns",
    ),
    Option(
        "today",
        N_(
            "Gantt chart only: a dotted today line at the start of DATE (YYYY-MM-DD, or "
            "today for the computer's date; needs a start date). Without it, no line."
        ),
        stage="draw",
        metavar="DATE",
        parse="mgmt_tools.pert.gantt_grid:parse_today",
    ),
)

_PERT_NETWORK = Chart(
    "network",
    {
        "image": "mgmt_tools.pert.render:render",
        "dot": "mgmt_tools.pert.render:to_dot",
        "mermaid": "mgmt_tools.pert.render:to_mermaid",
    },
)
_PERT_GANTT = Chart(
    "gantt",
    {
        "image": "mgmt_tools.pert.charts:gantt_chart",
        "mermaid": "mgmt_tools.pert.charts:gantt_mermaid",
    },
)
_PERT_RISK = Chart(
    "risk",
    {"image": "mgmt_tools.pert.charts:risk_chart"},
    needs="simulate",
    needs_hint="--simulate N",
)

PERT = Method(
    name="pert",
    input_name="PLAN",
    description=(
        N_(
            "Schedule PLAN (YAML, JSON or CSV) by CPM/PERT.\n\n"
            "Prints a table of early and late dates, floats and critical paths; --json "
            "prints the result as JSON; -o FILE draws the activity-on-node network (.svg "
            ".png .pdf .dot .mmd), the Gantt chart (--chart gantt) or the risk chart "
            "(--simulate N), or writes .json, .csv or .xml (MS Project XML, which MS "
            "Project, ProjectLibre and GanttProject open). PLAN may also be an MS Project "
            "XML file (.xml)."
        )
    ),
    summary=N_("Schedule a plan: CPM/PERT dates, floats, critical paths, network diagram."),
    package="mgmt_tools.pert",
    model="mgmt_tools.pert.model:PlanModel",
    result="mgmt_tools.pert.result:Schedule",
    input_formats=("yaml", "json", "csv", "mspdi"),
    example="pert/supply-chain-onboarding.yaml",
    charts=(_PERT_NETWORK, _PERT_GANTT, _PERT_RISK),
    writers={
        "csv": "mgmt_tools.pert.export:to_csv",
        "mspdi": "mgmt_tools.pert.mspdi:to_mspdi",
    },
    options=_PERT_OPTIONS,
    progress=True,
)

GANTT = dataclasses.replace(
    PERT,
    name="gantt",
    summary=N_("Draw a plan's Gantt chart on working-day dates (same input as pert)."),
    description=(
        N_(
            "Schedule PLAN and draw its Gantt chart with -o gantt.svg|png|pdf (-f mermaid "
            "writes a Mermaid gantt with explicit dates).\n\n"
            "Bars on a date axis (offsets without a start date), critical tasks in the "
            "accent colour, total float after each bar, milestones as diamonds, an arrow "
            "for every link, non-working days shaded and the deadline as a line. Without "
            "-o, prints the same table as mgmt pert."
        )
    ),
    charts=(_PERT_GANTT, _PERT_NETWORK, _PERT_RISK),
    schema="pert",
    docs="pert.md",
)
