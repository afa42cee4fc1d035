"""The ``mgmt`` command group; subcommands are built or imported only when they run.

The method commands come from the registry (:data:`mgmt_tools.methods.METHODS`, which imports
only the standard library); the tool commands (doctor, init, report, schema) are modules of
:mod:`mgmt_cli.commands`. ``mgmt --help`` must stay fast (no numpy, pydantic, networkx or
matplotlib), so the group lists names and one-line help without importing any method.
"""

from __future__ import annotations

import contextlib
import importlib
import os
import sys
from typing import Any

import click

from mgmt_cli._errors import run_guarded
from mgmt_cli._help import TranslatedCommand, translated
from mgmt_cli._lang import lang_option
from mgmt_tools.locale import N_

__all__ = ["cli", "exit_on_signals", "main"]

TOOLS: dict[str, str] = {
    "doctor": N_("Check Graphviz and its formats, CJK fonts and matplotlib's backend."),
    "init": N_("Write a commented starter input for a method, ready to run."),
    "report": N_("Write one HTML or Markdown report from several methods' sections."),
    "schema": N_("Print or write the JSON Schema of a method's input format or --json result."),
}
"""Commands that are not methods: name -> one-line help (module mgmt_cli.commands.NAME),
in English (translated where shown)."""

HELP = N_(
    "mgmt-tools: management analysis methods with textbook-exact numbers and diagrams.\n"
    "\n"
    "Each command reads YAML or JSON (CSV or Excel where the data is a table; '-' for stdin),\n"
    "prints a readable summary, the JSON result with --json, or writes a diagram or the data\n"
    "with -o FILE (the format comes from the suffix: .svg .png .pdf .dot .mmd .json .csv .xlsx).\n"
    "--lang zh|en chooses the language (default: the locale's).\n"
    "\n"
    "Example: mgmt pert plan.yaml -o plan.svg"
)
"""The group's help, translated where shown."""


def command_names() -> list[str]:
    """Every command: the methods of the registry and the tools, sorted."""
    from mgmt_tools.methods import METHODS

    return sorted([*METHODS, *TOOLS])


def summary(name: str) -> str:
    """The one-line help of command ``name``, in the current language."""
    from mgmt_tools.methods import METHODS

    return translated(METHODS[name].summary if name in METHODS else TOOLS[name]) or ""


class LazyGroup(TranslatedCommand, click.Group):
    """A group whose commands are imported on first use; its help is translated when shown,
    and each run has a context of its own, so what ``--lang`` and the limit options set ends
    with it (:class:`~mgmt_cli._help.TranslatedCommand`)."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return command_names()

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in command_names():
            return None
        if ctx.resilient_parsing:
            return _stub(cmd_name)
        return _load(cmd_name)

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        name, command, rest = super().resolve_command(ctx, args)
        if ctx.resilient_parsing and name in command_names():
            # shell completion past the command name: its options and arguments are needed
            command = _load(name)
        return name, command, rest

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [(name, summary(name)) for name in command_names()]
        from mgmt_tools.locale import _

        with formatter.section(_("Commands")):
            formatter.write_dl(rows)


def _load(name: str) -> click.Command:
    """The command ``name``: a method's is built from the registry, a tool's imported."""
    if name in TOOLS:
        module = importlib.import_module(f"mgmt_cli.commands.{name}")
        command: click.Command = module.command
        return command
    from mgmt_cli._method import method_command

    return method_command(name)


def _stub(name: str) -> click.Command:
    return click.Command(name, help=summary(name))


@click.group(cls=LazyGroup, help=HELP, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="mgmt-tools", prog_name="mgmt")
def cli() -> None:
    """The ``mgmt`` group (its help is :data:`HELP`)."""
    from mgmt_tools._files import recording_reads

    # the files the command reads are never its outputs
    click.get_current_context().with_resource(recording_reads())


cli.params.append(lang_option())


def main(argv: list[str] | None = None) -> Any:
    """Entry point of the ``mgmt`` script."""
    exit_on_signals()
    return run_guarded(cli, argv, debug=bool(os.environ.get("MGMT_DEBUG")), stderr=sys.stderr)


def exit_on_signals() -> None:
    """Turn SIGTERM (and SIGHUP) into a clean exit (128 + the signal's number), so that every
    ``finally`` runs and no temporary ``.mgmt-part`` file stays behind; Ctrl-C already raises
    KeyboardInterrupt."""
    import signal

    def leave(number: int, frame: object) -> None:
        signal.signal(number, signal.SIG_DFL)  # a second signal ends the process at once
        raise SystemExit(128 + number)

    for name in ("SIGTERM", "SIGHUP"):
        number = getattr(signal, name, None)
        if number is not None and signal.getsignal(number) is signal.SIG_DFL:
            with contextlib.suppress(ValueError):  # not the main thread: leave it be
                signal.signal(number, leave)
