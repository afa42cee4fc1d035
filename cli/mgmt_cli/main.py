"""The ``mgmt`` command group; subcommands are imported only when they run.

``mgmt --help`` must stay fast (no numpy, pydantic, networkx or matplotlib), so the group knows
each command's name and one-line help without importing it.
"""

from __future__ import annotations

import importlib
import os
import sys
from typing import Any

import click

from mgmt_cli._errors import run_guarded

__all__ = ["cli", "main"]

# name -> (module under mgmt_cli.commands, one-line help)
COMMANDS: dict[str, tuple[str, str]] = {
    "ahp": ("ahp", "AHP priorities and consistency ratios of pairwise judgements or a hierarchy."),
    "decision": (
        "decision",
        "Roll back a decision tree: expected value, policy, risk profile, EVPI, sensitivity.",
    ),
    "doctor": ("doctor", "Check Graphviz and its formats, CJK fonts and matplotlib's backend."),
    "gantt": ("gantt", "Draw a plan's Gantt chart on working-day dates (same input as pert)."),
    "fishbone": (
        "fishbone",
        "Draw a cause-and-effect (fishbone) diagram; attach counts from a Pareto analysis.",
    ),
    "goals": ("goals", "Goal tree: progress roll-up (AND/OR), on/off track at a date, SMART gaps."),
    "index": (
        "index",
        "Score and rank alternatives: weighted sum or product, TOPSIS, VIKOR; weight sensitivity.",
    ),
    "pert": ("pert", "Schedule a plan: CPM/PERT dates, floats, critical paths, network diagram."),
    "pareto": ("pareto", "Pareto analysis: vital few, cumulative percent, Other, strata; chart."),
    "rank": (
        "rank",
        "Prioritise a backlog: RICE, ICE, WSJF, MoSCoW, Eisenhower, value/effort, pairwise, Borda.",
    ),
    "report": ("report", "Write one HTML or Markdown report from several methods' sections."),
    "schema": ("schema", "Print the JSON Schema of a method's input format or --json result."),
}


class LazyGroup(click.Group):
    """A group whose commands are imported on first use."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in COMMANDS:
            return None
        if ctx.resilient_parsing:
            return _stub(cmd_name)
        return _load(cmd_name)

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        name, command, rest = super().resolve_command(ctx, args)
        if ctx.resilient_parsing and name in COMMANDS:
            # shell completion past the command name: its options and arguments are needed
            command = _load(name)
        return name, command, rest

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [(name, help_text) for name, (_, help_text) in sorted(COMMANDS.items())]
        with formatter.section("Commands"):
            formatter.write_dl(rows)


def _load(name: str) -> click.Command:
    module = importlib.import_module(f"mgmt_cli.commands.{COMMANDS[name][0]}")
    command: click.Command = module.command
    return command


def _stub(name: str) -> click.Command:
    return click.Command(name, help=COMMANDS[name][1])


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="mgmt-tools", prog_name="mgmt")
def cli() -> None:
    """mgmt-tools: management analysis methods with textbook-exact numbers and diagrams.

    Each command reads YAML or JSON (CSV where the data is a table; '-' for stdin), prints a
    readable summary, the JSON result with --json, or writes a diagram with -o FILE (the format
    comes from the suffix: .svg .png .pdf .dot .mmd .json .csv).

    Example: mgmt pert plan.yaml -o plan.svg
    """


def main(argv: list[str] | None = None) -> Any:
    """Entry point of the ``mgmt`` script."""
    return run_guarded(cli, argv, debug=bool(os.environ.get("MGMT_DEBUG")), stderr=sys.stderr)
