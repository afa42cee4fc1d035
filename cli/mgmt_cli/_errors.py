"""How the CLI reports errors: located problems on stderr, exit codes from the exception class,
never a traceback (unless MGMT_DEBUG is set)."""

from __future__ import annotations

from typing import IO, Any, NoReturn

import click

__all__ = ["environment_message", "fail", "report", "run_guarded"]


def report(error: Exception, stderr: IO[str] | None = None) -> int:
    """Print ``error`` for a user and return its exit code."""
    from mgmt_tools.errors import InputError, MgmtError, printable
    from mgmt_tools.locale import _

    if isinstance(error, MemoryError | OSError):
        message = environment_message(error)
        click.echo(_("mgmt: error: {message}").format(message=message), err=True, file=stderr)
        return 1
    if isinstance(error, InputError):
        click.echo(error.summary(), err=True, file=stderr)
    elif isinstance(error, MgmtError):
        click.echo(_("mgmt: error: {message}").format(message=error), err=True, file=stderr)
    else:
        click.echo(
            _(
                "mgmt: internal error: {kind}: {message} (set MGMT_DEBUG=1 for the traceback, "
                "and please report it)"
            ).format(kind=type(error).__name__, message=printable(str(error))),
            err=True,
            file=stderr,
        )
        return 70
    return int(getattr(error, "exit_code", 1))


def environment_message(error: MemoryError | OSError) -> str:
    """What an environment error means for a user: out of memory (with the size attempted
    when the error says it), or an ``OSError`` naming its file.

    >>> environment_message(MemoryError("Unable to allocate 74.5 GiB for an array"))[:50]
    'out of memory: Unable to allocate 74.5 GiB for an '
    >>> environment_message(PermissionError(13, "Permission denied", "plan.yaml"))
    "permission denied: cannot access 'plan.yaml'"
    """
    from mgmt_tools.locale import _

    if isinstance(error, MemoryError):
        attempted = str(error).strip()
        if attempted:
            return _(
                "out of memory: {detail} (the input is too large for this machine's memory: "
                "split it, or run where more memory is free)"
            ).format(detail=attempted)
        return _(
            "out of memory (the input is too large for this machine's memory: "
            "split it, or run where more memory is free)"
        )
    from mgmt_tools._writing import os_error_message

    return os_error_message(error, action="access")


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
    except Exception as error:  # a bug (or memory, a file): still no traceback for the user
        if debug:
            raise
        raise SystemExit(report(error, stderr)) from None
