"""Choosing and writing outputs: the format from ``-o``'s suffix or ``-f``; safe writes.

A regular file is written to a temporary file beside it and renamed, so a failed run never
leaves a half-written file; a device or FIFO is written in place, a symbolic link through,
``-`` to stdout; the input is never a target (:func:`mgmt_tools._writing.write_file`).
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

import click

from mgmt_tools.registry.method import OUTPUT_SUFFIXES

__all__ = [
    "SUFFIX_FORMATS",
    "emit",
    "resolve_format",
    "write_output",
    "write_produced",
    "writing",
]

SUFFIX_FORMATS = OUTPUT_SUFFIXES
"""The output format each suffix of ``-o`` names (the registry's)."""
RENDERED = ("svg", "png", "pdf")


def resolve_format(output: str | None, fmt: str | None, allowed: Sequence[str]) -> str | None:
    """The output format: ``-f`` if given, else the suffix of ``-o``; None for the text summary.

    Raises a usage error (exit 2) naming the formats the command can write.
    """
    from mgmt_tools.locale import _

    choices = ", ".join(allowed)
    if fmt is not None:
        name = fmt.lower()
    elif output is None:
        return None
    elif output == "-":
        raise click.UsageError(
            _("-o - (stdout) needs -f FORMAT (one of: {choices})").format(choices=choices)
        )
    else:
        suffix = Path(output).suffix.lower()
        if suffix not in SUFFIX_FORMATS:
            raise click.UsageError(
                _(
                    "cannot tell the format of '{output}' from its suffix; give -f FORMAT "
                    "(one of: {choices})"
                ).format(output=output, choices=choices)
            )
        name = SUFFIX_FORMATS[suffix]
    if name not in allowed:
        raise click.UsageError(
            _("this command cannot write {format}; it writes: {choices}").format(
                format=name, choices=choices
            )
        )
    return name


@contextlib.contextmanager
def writing(target: str | None = None) -> Iterator[None]:
    """Turn what writing ``target`` raises into the CLI's words: a refused target (an input,
    a file a report did not write) is a usage error (exit 2); a folder as the target, a
    missing folder, no permission or a full disk an environment error (exit 1) naming it."""
    from mgmt_cli._errors import fail
    from mgmt_tools._writing import RefusedTargetError, WriteError, os_error_message

    try:
        yield
    except RefusedTargetError as error:
        raise click.UsageError(str(error)) from None
    except WriteError as error:
        fail(error)
    except OSError as error:
        fail(WriteError(os_error_message(error, target)))


def write_output(output: str, data: bytes | str, *, input_path: str | None = None) -> None:
    """Write ``data`` to ``output`` (``-`` is stdout) by the rules of
    :func:`mgmt_tools._writing.write_file`; never over ``input_path`` or any file the command
    has read (:func:`mgmt_tools._files.files_read`: an index's CSV of alternatives too).
    Errors as :func:`writing` words them."""
    from mgmt_tools._files import files_read
    from mgmt_tools._writing import write_file

    with writing(output):
        write_file(output, data, inputs=(input_path, *files_read()))


def write_produced(
    target: str,
    produce: Callable[[], bytes | str],
    dot_source: Callable[[], str] | None,
    *,
    input_path: str | None,
) -> None:
    """Write what ``produce`` makes to ``target``; say so on stderr. No file the command read
    is ever overwritten (:func:`write_output`).

    When Graphviz is missing and the command has a ``dot_source``, the DOT text is written to
    ``<stem>.dot`` beside ``target`` instead and the command exits with 3 (docs/formats/README.md,
    exit codes).
    """
    from mgmt_cli._errors import fail
    from mgmt_tools.errors import GraphvizNotFoundError, MgmtError
    from mgmt_tools.locale import _

    try:
        data = produce()
    except GraphvizNotFoundError as error:
        if target == "-" or dot_source is None:
            fail(error)
        dot_path = str(Path(target).with_suffix(".dot"))
        write_output(dot_path, dot_source(), input_path=input_path)
        click.echo(
            _(
                "mgmt: Graphviz 'dot' was not found, so {path} holds the DOT source instead; {hint}"
            ).format(path=dot_path, hint=_(error.install_hint)),
            err=True,
        )
        raise SystemExit(3) from None
    except MgmtError as error:
        fail(error)
    write_output(target, data, input_path=input_path)
    if target != "-":
        click.echo(_("wrote {file}").format(file=target), err=True)


def emit(
    *,
    warnings: Sequence[str],
    as_json: bool,
    document: Callable[[], str],
    summary: Callable[[], str],
    out_format: str | None,
    output: str | None,
    produce: Callable[[], bytes | str],
    dot_source: Callable[[], str] | None,
    input_path: str | None,
) -> None:
    """What every command does with its result: warnings on stderr; the JSON ``document`` on
    stdout with ``--json``; the text ``summary`` when nothing else is asked; else what
    ``produce`` makes, written to ``-o`` (see :func:`write_produced`), never over a file the
    command read. Text from the input reaches the terminal shown,
    never obeyed (:func:`mgmt_tools.errors.printable`)."""
    from mgmt_cli._errors import fail
    from mgmt_tools.errors import MgmtError
    from mgmt_tools.errors import printable as terminal
    from mgmt_tools.locale import _

    for warning in warnings:
        click.echo(_("warning: {message}").format(message=terminal(warning)), err=True)
    if as_json:
        try:
            text = document()
        except MgmtError as error:  # a value JSON cannot hold: named, exit 1
            fail(error)
        click.echo(text, nl=False)
    if out_format is None:
        if not as_json:
            click.echo(terminal(summary()))
        return
    write_produced(output or "-", produce, dot_source, input_path=input_path)
