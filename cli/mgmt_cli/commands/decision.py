"""``mgmt decision TREE``: roll a decision tree back; sensitivity, tornado, JSON result."""

from __future__ import annotations

from typing import Any

import click

from mgmt_cli._errors import fail
from mgmt_cli._options import input_options, output_options
from mgmt_cli._output import RENDERED, emit, json_text, read_input, resolve_format

FORMATS = ("svg", "png", "pdf", "dot", "json")
"""What -o writes: the tree diagram or a chart (svg, png, pdf), the tree's DOT, the JSON."""
CHARTS = ("tree", "risk-profile", "sensitivity", "tornado")


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
@click.option(
    "--chart",
    type=click.Choice(CHARTS),
    help="Which picture -o draws (default: tree; sensitivity with --vary, tornado with --tornado).",
)
@click.option(
    "--risk-profile", is_flag=True, help="Draw the risk profile chart (--chart risk-profile)."
)
@click.option(
    "--depth",
    type=click.IntRange(min=0),
    help="Draw the tree to this depth; deeper subtrees collapse into one node with their value "
    "(trees over 300 nodes collapse on their own).",
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
    chart: str | None,
    risk_profile: bool,
    depth: int | None,
) -> None:
    """Roll back the decision tree TREE (YAML or JSON).

    Prints the expected value, the policy at every decision, the values of the root's branches,
    the risk profile and the EVPI of each chance node (with risk_tolerance also the expected
    utility and certainty equivalents); --json prints the result as JSON. -o FILE draws the
    tree (.svg .png .pdf, or .dot), or with --chart the risk profile, the sensitivity (--vary)
    or the tornado (--tornado) chart; -o FILE.json writes the JSON.
    """
    from mgmt_tools.decision import loads, rollback, summary_text
    from mgmt_tools.errors import MgmtError

    out_format = resolve_format(output, fmt, FORMATS)
    chart = chart or (
        "risk-profile"
        if risk_profile
        else "sensitivity"
        if vary
        else "tornado"
        if tornado
        else "tree"
    )
    if chart == "sensitivity" and vary is None:
        raise click.UsageError("the sensitivity chart needs --vary VAR=LOW:HIGH[:STEPS]")
    if chart == "tornado" and not tornado:
        raise click.UsageError("the tornado chart needs --tornado")
    if chart != "tree" and out_format not in (None, "json", *RENDERED):
        raise click.UsageError(f"the {chart} chart is drawn as svg, png or pdf")
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

    def document() -> str:
        return json_text(result.to_dict())

    emit(
        warnings=result.warnings,
        as_json=as_json,
        document=document,
        summary=lambda: summary_text(result, warnings=False),
        out_format=out_format,
        output=output,
        produce=lambda: _produce(result, out_format or "json", chart, depth, document()),
        dot_source=(lambda: _tree_dot(result, depth)) if chart == "tree" else None,
        input_path=input,
    )


def _tree_dot(result: Any, depth: int | None) -> str:
    from mgmt_tools.decision.render import to_dot

    return to_dot(result, depth=depth)


def _produce(
    result: Any, out_format: str, chart: str, depth: int | None, document: str
) -> bytes | str:
    if out_format == "json":
        return document
    if chart == "tree":
        if out_format == "dot":
            return _tree_dot(result, depth)
        from mgmt_tools.decision.render import render

        return render(result, out_format, depth=depth)
    from mgmt_tools.decision import charts

    drawing = {
        "risk-profile": charts.risk_profile_chart,
        "sensitivity": charts.sensitivity_chart,
        "tornado": charts.tornado_chart,
    }[chart]
    return drawing(result, out_format)
