"""``--lang zh|en``: the language of everything a command writes for a reader."""

from __future__ import annotations

from typing import Any

import click

from mgmt_cli._help import TranslatedOption
from mgmt_tools.locale import LANGUAGES, N_

__all__ = ["lang_option"]


def _use(ctx: click.Context, param: click.Parameter, value: str | None) -> None:
    """Set the language as soon as the option is read (it is eager), so the messages of the
    other options are written in it too. Every command runs in a copy of the context
    variables (:func:`mgmt_cli._help.isolated`), so the setting ends with the command, even
    one that ends while its options are read (``--help``, a usage error)."""
    if value is not None:
        from mgmt_tools import locale

        locale.set_language(value.lower())


def lang_option() -> Any:
    """The ``--lang`` option, for a command or the group (default: the environment's)."""
    return TranslatedOption(
        ["--lang"],
        type=click.Choice(sorted(LANGUAGES, reverse=True), case_sensitive=False),
        is_eager=True,
        expose_value=False,
        callback=_use,
        help=N_(
            "Language of tables, charts, messages and reports: zh (Chinese) or en (English); "
            "default from LC_ALL, LC_MESSAGES or LANG (zh* gives Chinese)."
        ),
    )
