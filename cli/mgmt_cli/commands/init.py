"""``mgmt init METHOD [FILE]``: write a commented starter input that runs as it is."""

from __future__ import annotations

from typing import Any

import click

from mgmt_cli._help import TranslatedCommand, TranslatedOption
from mgmt_cli._lang import lang_option
from mgmt_tools.locale import N_

__all__ = ["command"]


class _MethodChoice(click.Choice[str]):
    """The registry's method names, read when first needed (not when the module is imported)."""

    def __init__(self) -> None:
        super().__init__((), case_sensitive=False)

    @property
    def choices(self) -> tuple[str, ...]:
        from mgmt_tools.init import starter_names

        return starter_names()

    @choices.setter
    def choices(self, value: Any) -> None:
        """Ignored: the choices always come from the registry."""


HELP = N_(
    "Write a commented starter input for METHOD to FILE (default: stdout).\n"
    "\n"
    "The file runs as it is (`mgmt METHOD FILE`); its comments explain each key. Its first line\n"
    "names METHOD.schema.json beside it for editors: `mgmt schema METHOD -o METHOD.schema.json`\n"
    "writes that file. An existing FILE is left alone unless --force is given."
)


@click.command("init", cls=TranslatedCommand, help=HELP)
@click.argument("method", metavar="METHOD", type=_MethodChoice())
@click.argument("file", required=False, type=click.Path(allow_dash=True))
@click.option(
    "--force", is_flag=True, cls=TranslatedOption, help=N_("Overwrite FILE if it exists.")
)
def command(method: str, file: str | None, force: bool) -> None:
    """Write a starter input (:data:`HELP`)."""
    from mgmt_tools.init import starter, write_starter
    from mgmt_tools.locale import _

    method = method.lower()
    if file is None or file == "-":
        click.echo(starter(method), nl=False)
        return
    from mgmt_cli._output import writing
    from mgmt_tools.schemas import schema_name

    with writing(file):  # a missing folder, no permission, a full disk: exit 1
        try:
            write_starter(method, file, force=force)
        except FileExistsError:
            raise click.UsageError(
                _("'{file}' exists; give --force to overwrite it, or another FILE").format(
                    file=file
                )
            ) from None
    schema = schema_name(method)
    click.echo(
        _(
            "wrote {file}; run it with: {run}\n"
            "for editor checks, write its schema beside it: {schema_command}"
        ).format(
            file=file,
            run=f"mgmt {method} {file}",
            schema_command=f"mgmt schema {schema} -o {schema}.schema.json",
        ),
        err=True,
    )


command.params.append(lang_option())
