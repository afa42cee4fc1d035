"""The options that set :mod:`mgmt_tools.limits` on every command that reads an input:
``--max-depth``, ``--render-timeout`` and ``--limit NAME=VALUE``."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Mapping
from typing import Any

import click

from mgmt_cli._help import TranslatedOption
from mgmt_tools.locale import N_

__all__ = ["limit_options", "limits_from"]


def limit_options() -> list[click.Parameter]:
    """The limit options (defaults from :class:`mgmt_tools.limits.Limits`; docs/limits.md)."""
    return [
        TranslatedOption(
            ["--max-depth"],
            type=click.IntRange(min=1),
            metavar="N",
            help=N_("Levels of nesting an input may have (default 200)."),
        ),
        TranslatedOption(
            ["--render-timeout"],
            type=click.FloatRange(min=0, min_open=True),
            metavar="SECONDS",
            help=N_("Time one Graphviz drawing may take (default 20)."),
        ),
        TranslatedOption(
            ["--limit"],
            multiple=True,
            metavar="NAME=N",
            help=N_(
                "Raise another input limit: values, text, digits, cells, diagram or label "
                "(see docs/limits.md)."
            ),
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
