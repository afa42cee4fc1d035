"""Help in the reader's language: options and commands whose help is translated when it is
shown, not when the command is built (``mgmt doctor --lang zh --help`` reads ``--lang``, which
is eager, before ``--help``, but after the command was made).

The help is kept in English (the message id, marked with ``N_`` where it is written); Click's
own words (``Usage:``, ``Options:``, ``Show this message and exit.``) are Click's and stay
English.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Mapping
from typing import Any

import click

__all__ = ["TranslatedCommand", "TranslatedOption", "isolated", "translated"]


def isolated(run: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """``run(*args, **kwargs)`` in a copy of the current context variables: the language
    ``--lang`` sets (and the limits) end with the command even when it ends while its options
    are read (``--help``, a usage error), before Click closes its context; a program that runs
    commands in-process (tests, ``CliRunner``) keeps its own language.

    >>> from mgmt_tools import locale
    >>> with locale.using("en"):
    ...     isolated(locale.set_language, "zh")
    ...     locale.current()
    'en'
    """
    import contextvars

    return contextvars.copy_context().run(run, *args, **kwargs)


def translated(text: str | None, fields: Mapping[str, Any] | None = None) -> str | None:
    """``text`` (cleaned of its indentation, as Click shows a docstring) in the current
    language, its ``{fields}`` filled (a field's value may be a function of no arguments,
    for words that are themselves translated when shown).

    >>> from mgmt_tools.locale import using
    >>> with using("en"):
    ...     translated("Write to {name}.", {"name": "FILE"})
    'Write to FILE.'
    """
    if not text:
        return text
    from mgmt_tools.locale import _

    shown = _(inspect.cleandoc(text))
    if not fields:
        return shown
    return shown.format(
        **{name: value() if callable(value) else value for name, value in fields.items()}
    )


class TranslatedOption(click.Option):
    """A ``click.Option`` whose ``help`` (English, with ``{fields}`` filled from
    ``help_fields``) is shown in the current language."""

    def __init__(self, *args: Any, help_fields: Mapping[str, Any] | None = None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.help_fields = dict(help_fields or {})

    def get_help_record(self, ctx: click.Context) -> tuple[str, str] | None:
        english, self.help = self.help, translated(self.help, self.help_fields)
        try:
            return super().get_help_record(ctx)
        finally:
            self.help = english


class TranslatedCommand(click.Command):
    """A ``click.Command`` whose help and short help are shown in the current language; run
    on its own, it runs :func:`isolated`."""

    def main(self, *args: Any, **kwargs: Any) -> Any:
        return isolated(super().main, *args, **kwargs)

    def format_help_text(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        english, self.help = self.help, translated(self.help)
        try:
            super().format_help_text(ctx, formatter)
        finally:
            self.help = english

    def get_short_help_str(self, limit: int = 45) -> str:
        english, self.short_help = self.short_help, translated(self.short_help)
        try:
            return super().get_short_help_str(limit)
        finally:
            self.short_help = english
