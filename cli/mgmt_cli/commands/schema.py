"""``mgmt schema METHOD [--result] [-o FILE]``: the JSON Schema of a method's input or result."""

from __future__ import annotations

import click

from mgmt_cli._help import TranslatedCommand, TranslatedOption
from mgmt_cli._lang import lang_option
from mgmt_cli._output import write_output
from mgmt_tools.locale import N_


def _names() -> list[str]:
    from mgmt_tools.methods import METHODS

    return sorted([*METHODS, "report"])


class _Methods(click.ParamType):  # type: ignore[type-arg]
    """The registry's method names (and report), read when the command runs, not at import."""

    name = "method"

    def get_metavar(self, param: click.Parameter, ctx: click.Context | None = None) -> str:
        return "METHOD"

    def convert(self, value: str, param: click.Parameter | None, ctx: click.Context | None) -> str:
        if value not in _names():
            from mgmt_tools.errors import did_you_mean
            from mgmt_tools.locale import _

            message = _("unknown method {method}{hint}").format(
                method=repr(value), hint=did_you_mean(value, _names())
            )
            self.fail(message, param, ctx)
        return value

    def shell_complete(
        self, ctx: click.Context, param: click.Parameter, incomplete: str
    ) -> list[click.shell_completion.CompletionItem]:
        from click.shell_completion import CompletionItem

        return [CompletionItem(name) for name in _names() if name.startswith(incomplete)]


HELP = N_(
    "Print the JSON Schema of METHOD's input format (for editors and validators).\n"
    "\n"
    "With --result, the schema of the JSON that `mgmt METHOD --json` prints. With -o FILE, the\n"
    "schema is written to FILE: point an input's first line at it,\n"
    "`# yaml-language-server: $schema=FILE`, and editors check and complete the input."
)


@click.command("schema", cls=TranslatedCommand, help=HELP)
@click.argument("method", type=_Methods())
@click.option(
    "--result",
    is_flag=True,
    cls=TranslatedOption,
    help=N_("The schema of the --json result instead."),
)
@click.option(
    "-o",
    "--output",
    metavar="FILE",
    cls=TranslatedOption,
    help=N_("Write the schema to FILE (for an editor's $schema line) instead of stdout."),
)
def command(method: str, result: bool, output: str | None) -> None:
    """Print a JSON Schema (:data:`HELP`)."""
    from mgmt_tools.locale import _
    from mgmt_tools.schemas import result_methods, result_schema_text, schema_name, schema_text

    name = schema_name(method)
    if result:
        try:
            text = result_schema_text(name)
        except KeyError:
            raise click.UsageError(
                _("no result schema for {method} yet; available: {known}").format(
                    method=repr(method), known=", ".join(result_methods())
                )
            ) from None
    else:
        text = schema_text(name)
    if output is None:
        click.echo(text, nl=False)
        return
    write_output(output, text)
    if output != "-":
        click.echo(_("wrote {file}").format(file=output), err=True)


command.params.append(lang_option())
