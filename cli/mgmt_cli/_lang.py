"""``--lang zh|en``: the language of everything a command writes for a reader."""

from __future__ import annotations

from typing import Any

import click

__all__ = ["lang_option"]


def _use(ctx: click.Context, param: click.Parameter, value: str | None) -> None:
    """Set the language as soon as the option is read (it is eager), so the messages of the
    other options are written in it too; the command's context resets it when done."""
    if value is not None:
        from mgmt_tools import locale

        ctx.with_resource(locale.using(value.lower()))


def lang_option() -> Any:
    """The ``--lang`` option, for a command or the group (default: the environment's)."""
    return click.Option(
        ["--lang"],
        type=click.Choice(["zh", "en"], case_sensitive=False),
        is_eager=True,
        expose_value=False,
        callback=_use,
        help="Language of tables, charts, messages and reports: zh (Chinese) or en (English); "
        "default from LC_ALL, LC_MESSAGES or LANG (zh* gives Chinese).",
    )
