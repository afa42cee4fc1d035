"""``mgmt init METHOD [FILE]``: write a commented starter input that runs as it is."""

from __future__ import annotations

from typing import Any

import click

from mgmt_cli._lang import lang_option

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


@click.command("init")
@click.argument("method", metavar="METHOD", type=_MethodChoice())
@click.argument("file", required=False, type=click.Path(allow_dash=True))
@click.option("--force", is_flag=True, help="Overwrite FILE if it exists.")
def command(method: str, file: str | None, force: bool) -> None:
    """Write a commented starter input for METHOD to FILE (default: stdout).

    The file runs as it is (`mgmt METHOD FILE`); its comments explain each key. Its first line
    names METHOD.schema.json beside it for editors: `mgmt schema METHOD -o METHOD.schema.json`
    writes that file. An existing FILE is left alone unless --force is given.
    """
    from mgmt_tools.init import starter, write_starter

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
                f"'{file}' exists; give --force to overwrite it, or another FILE"
            ) from None
    schema = schema_name(method)
    click.echo(
        f"wrote {file}; run it with: mgmt {method} {file}\n"
        f"for editor checks, write its schema beside it: "
        f"mgmt schema {schema} -o {schema}.schema.json",
        err=True,
    )


command.params.append(lang_option())
