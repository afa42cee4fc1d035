"""Options shared by the commands, declared once."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import click

__all__ = ["input_options", "output_options"]

F = TypeVar("F", bound=Callable[..., Any])


def output_options(formats: tuple[str, ...]) -> Callable[[F], F]:
    """``-o/--output``, ``-f/--format`` and ``--json``."""

    def decorate(function: F) -> F:
        function = click.option(
            "--json", "as_json", is_flag=True, help="Print the JSON result to stdout."
        )(function)
        function = click.option(
            "-f",
            "--format",
            "fmt",
            type=click.Choice(formats, case_sensitive=False),
            help="Output format; overrides the suffix of -o.",
        )(function)
        return click.option(
            "-o",
            "--output",
            metavar="FILE",
            help="Write the diagram or data to FILE ('-' for stdout with -f); the format "
            "comes from the suffix: " + ", ".join(formats) + ".",
        )(function)

    return decorate


def input_options(formats: tuple[str, ...]) -> Callable[[F], F]:
    """``INPUT``, ``--input-format`` and ``--encoding``."""

    def decorate(function: F) -> F:
        function = click.option(
            "--encoding",
            metavar="NAME",
            help="Text encoding of the input (default UTF-8, BOM allowed), e.g. gbk.",
        )(function)
        function = click.option(
            "--input-format",
            type=click.Choice(formats, case_sensitive=False),
            help="Input format when the suffix does not tell (stdin).",
        )(function)
        return click.argument(
            "input", metavar="INPUT", type=click.Path(dir_okay=False, allow_dash=True)
        )(function)

    return decorate
