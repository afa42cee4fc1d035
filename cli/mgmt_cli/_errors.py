"""How the CLI reports errors: located problems on stderr, exit codes from the exception class,
never a traceback (unless MGMT_DEBUG is set)."""

from __future__ import annotations

from typing import IO, Any, NoReturn

import click

__all__ = ["fail", "report", "run_guarded"]


def report(error: Exception, stderr: IO[str] | None = None) -> int:
    """Print ``error`` for a user and return its exit code."""
    from mgmt_tools.errors import InputError, MgmtError

    if isinstance(error, InputError):
        click.echo(error.summary(), err=True, file=stderr)
    elif isinstance(error, MgmtError):
        click.echo(f"mgmt: error: {error}", err=True, file=stderr)
    else:
        click.echo(
            f"mgmt: internal error: {type(error).__name__}: {error} (set MGMT_DEBUG=1 "
            "for the traceback, and please report it)",
            err=True,
            file=stderr,
        )
        return 70
    return int(getattr(error, "exit_code", 1))


def fail(error: Exception) -> NoReturn:
    """Report ``error`` and exit with its code (inside a command)."""
    raise SystemExit(report(error))


def run_guarded(
    command: click.Command, argv: list[str] | None, *, debug: bool, stderr: IO[str]
) -> Any:
    """Run the command; turn any escaped exception into a message and an exit code."""
    try:
        return command.main(args=argv, prog_name="mgmt", standalone_mode=True)
    except SystemExit:
        raise
    except Exception as error:  # a bug: still no traceback for the user
        if debug:
            raise
        raise SystemExit(report(error, stderr)) from None
