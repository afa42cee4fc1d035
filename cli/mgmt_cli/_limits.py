"""The options that set :mod:`mgmt_tools.limits` on every command that reads an input:
``--max-depth``, ``--render-timeout`` and ``--limit NAME=VALUE``."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Mapping
from typing import Any

import click

__all__ = ["limit_options", "limits_from"]


def limit_options() -> list[click.Parameter]:
    """The limit options (defaults from :class:`mgmt_tools.limits.Limits`; docs/limits.md)."""
    return [
        click.Option(
            ["--max-depth"],
            type=click.IntRange(min=1),
            metavar="N",
            help="Levels of nesting an input may have (default 200).",
        ),
        click.Option(
            ["--render-timeout"],
            type=click.FloatRange(min=0, min_open=True),
            metavar="SECONDS",
            help="Time one Graphviz drawing may take (default 20).",
        ),
        click.Option(
            ["--limit"],
            multiple=True,
            metavar="NAME=N",
            help="Raise another input limit: values, text, digits, cells, diagram or label "
            "(see docs/limits.md).",
        ),
    ]


@contextlib.contextmanager
def limits_from(params: Mapping[str, Any]) -> Iterator[None]:
    """Run the block with the limits the command line set (a usage error for a bad --limit)."""
    from mgmt_tools import limits

    try:
        changes: dict[str, Any] = limits.parse(params.get("limit") or ())
    except ValueError as error:
        raise click.BadParameter(str(error), param_hint="--limit") from None
    for name in ("max_depth", "render_timeout"):
        if params.get(name) is not None:
            changes[name] = params[name]
    with limits.using(**changes):
        yield
