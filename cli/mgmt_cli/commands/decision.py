"""``mgmt decision TREE``: roll a decision tree back; sensitivity, tornado, JSON result."""

from __future__ import annotations

import json
from typing import Any

import click

from mgmt_cli._errors import fail
from mgmt_cli._options import input_options, output_options
from mgmt_cli._output import read_input, resolve_format, write_output

FORMATS = ("json",)
"""What -o writes; the diagrams (tree, risk profile, sensitivity, tornado) come with render."""


def _vary(ctx: click.Context, param: click.Parameter, value: str | None) -> Any:
    if value is None:
        return None
    from mgmt_tools.decision import parse_vary

    try:
        return parse_vary(value)
    except ValueError as error:
        raise click.BadParameter(str(error)) from None


def _sniff(name: str, text: str) -> str:
    from mgmt_tools.decision.io import format_of

    if name != "<stdin>":
        return format_of(name)
    return "json" if text.lstrip().startswith("{") else "yaml"


@click.command("decision")
@input_options(("yaml", "json"))
@output_options(FORMATS)
@click.option(
    "--vary",
    callback=_vary,
    metavar="VAR=LOW:HIGH[:STEPS]",
    help="One-way sensitivity to a variable over STEPS values (default 11), with the exact "
    "break-even values where the best root branch changes.",
)
@click.option("--tornado", is_flag=True, help="Tornado over the variables' 'ranges'.")
@click.option(
    "--fixed-policy",
    is_flag=True,
    help="In --vary and --tornado hold the base-case decisions instead of re-optimising.",
)
def command(
    input: str,
    input_format: str | None,
    encoding: str | None,
    output: str | None,
    fmt: str | None,
    as_json: bool,
    vary: tuple[str, float, float, int] | None,
    tornado: bool,
    fixed_policy: bool,
) -> None:
    """Roll back the decision tree TREE (YAML or JSON).

    Prints the expected value, the policy at every decision, the values of the root's branches,
    the risk profile and the EVPI of each chance node (with risk_tolerance also the expected
    utility and certainty equivalents); --json prints the result as JSON, -o FILE.json writes it.
    """
    from mgmt_tools.decision import loads, rollback, summary_text
    from mgmt_tools.errors import MgmtError

    out_format = resolve_format(output, fmt, FORMATS)
    try:
        text, name = read_input(input, encoding)
        tree = loads(text, input_format or _sniff(name, text), source=name)
        spec = None
        if vary is not None:
            variable, low, high, steps = vary
            if variable not in tree.variables:
                from mgmt_tools.errors import did_you_mean

                hint = did_you_mean(variable, list(tree.variables))
                raise click.BadParameter(
                    f"unknown variable '{variable}'{hint}", param_hint="--vary"
                )
            spec = f"{variable}={low!r}:{high!r}:{steps}"
        if tornado and not tree.ranges:
            raise click.UsageError(
                "--tornado needs 'ranges' in the tree (low and high per variable)"
            )
        result = rollback(tree, vary=spec, tornado=tornado, fixed_policy=fixed_policy)
    except MgmtError as error:
        fail(error)
    for warning in result.warnings:
        click.echo(f"warning: {warning}", err=True)
    document = json.dumps(result.to_dict(), ensure_ascii=False, indent=2)
    if as_json:
        click.echo(document)
    if out_format is None:
        if not as_json:
            click.echo(summary_text(result, warnings=False))
        return
    target = output or "-"
    write_output(target, document + "\n", input_path=input)
    if target != "-":
        click.echo(f"wrote {target}", err=True)
