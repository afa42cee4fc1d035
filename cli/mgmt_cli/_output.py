"""Choosing and writing outputs: the format from ``-o``'s suffix or ``-f``; atomic writes.

A file is written to a temporary file beside it and renamed, so a failed run never leaves a
half-written file; ``-`` writes to stdout.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from pathlib import Path

import click

__all__ = [
    "SUFFIX_FORMATS",
    "emit",
    "resolve_format",
    "write_output",
    "write_produced",
]

SUFFIX_FORMATS = {
    ".svg": "svg",
    ".png": "png",
    ".pdf": "pdf",
    ".dot": "dot",
    ".gv": "dot",
    ".mmd": "mermaid",
    ".json": "json",
    ".csv": "csv",
    ".md": "md",
    ".html": "html",
    ".xml": "mspdi",
}
RENDERED = ("svg", "png", "pdf")


def resolve_format(output: str | None, fmt: str | None, allowed: Sequence[str]) -> str | None:
    """The output format: ``-f`` if given, else the suffix of ``-o``; None for the text summary.

    Raises a usage error (exit 2) naming the formats the command can write.
    """
    choices = ", ".join(allowed)
    if fmt is not None:
        name = fmt.lower()
    elif output is None:
        return None
    elif output == "-":
        raise click.UsageError(f"-o - (stdout) needs -f FORMAT (one of: {choices})")
    else:
        suffix = Path(output).suffix.lower()
        if suffix not in SUFFIX_FORMATS:
            raise click.UsageError(
                f"cannot tell the format of '{output}' from its suffix; give -f FORMAT "
                f"(one of: {choices})"
            )
        name = SUFFIX_FORMATS[suffix]
    if name not in allowed:
        raise click.UsageError(f"this command cannot write {name}; it writes: {choices}")
    return name


def write_output(output: str, data: bytes | str, *, input_path: str | None = None) -> None:
    """Write ``data`` to ``output`` atomically (``-`` is stdout); never over the input."""
    payload = data.encode("utf-8") if isinstance(data, str) else data
    if output == "-":
        sys.stdout.buffer.write(payload)
        sys.stdout.buffer.flush()
        return
    target = Path(output)
    if (
        input_path not in (None, "-")
        and target.exists()
        and target.resolve() == Path(str(input_path)).resolve()
    ):
        raise click.UsageError(f"refusing to overwrite the input file '{output}'")
    directory = target.parent if str(target.parent) else Path(".")
    if not directory.is_dir():
        raise click.UsageError(f"no such directory: '{directory}'")
    from mgmt_tools._files import write_file

    write_file(target, payload)


def write_produced(
    target: str,
    produce: Callable[[], bytes | str],
    dot_source: Callable[[], str] | None,
    *,
    input_path: str | None,
) -> None:
    """Write what ``produce`` makes to ``target``; say so on stderr.

    When Graphviz is missing and the command has a ``dot_source``, the DOT text is written to
    ``<stem>.dot`` beside ``target`` instead and the command exits with 3 (docs/formats/README.md,
    exit codes).
    """
    from mgmt_cli._errors import fail
    from mgmt_tools.errors import GraphvizNotFoundError, MgmtError

    try:
        data = produce()
    except GraphvizNotFoundError as error:
        if target == "-" or dot_source is None:
            fail(error)
        dot_path = str(Path(target).with_suffix(".dot"))
        write_output(dot_path, dot_source())
        click.echo(
            f"mgmt: Graphviz 'dot' was not found, so {dot_path} holds the DOT source instead; "
            f"{error.install_hint}",
            err=True,
        )
        raise SystemExit(3) from None
    except MgmtError as error:
        fail(error)
    write_output(target, data, input_path=input_path)
    if target != "-":
        click.echo(f"wrote {target}", err=True)


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
    ``produce`` makes, written to ``-o`` (see :func:`write_produced`)."""
    for warning in warnings:
        click.echo(f"warning: {warning}", err=True)
    if as_json:
        click.echo(document(), nl=False)
    if out_format is None:
        if not as_json:
            click.echo(summary())
        return
    write_produced(output or "-", produce, dot_source, input_path=input_path)
