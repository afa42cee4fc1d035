"""``mgmt index MATRIX``: score and rank alternatives by a weighted index; JSON result."""

from __future__ import annotations

import os
from typing import Any

import click

from mgmt_cli._errors import fail
from mgmt_cli._options import input_options, output_options
from mgmt_cli._output import json_text, read_input, resolve_format, write_produced

FORMATS = ("json",)
"""What -o writes: the JSON result (the hierarchy and charts come with the diagrams)."""
_COMPACT_JSON = 10_000
"""Alternatives above which the JSON is written compact."""
# kept here, not imported from the model, so `mgmt --help` does not import pydantic
METHODS = ("weighted_sum", "weighted_product", "topsis", "vikor")
NORMALIZATIONS = ("minmax", "max", "sum", "vector", "zscore", "none")
WEIGHTINGS = ("given", "equal", "ahp", "entropy", "critic", "roc")


def _sniff(name: str, text: str) -> str:
    from mgmt_tools.mcda.io import format_of

    if name != "<stdin>":
        return format_of(name)
    return "json" if text.lstrip().startswith("{") else "yaml"


@click.command("index")
@input_options(("yaml", "json"))
@output_options(FORMATS)
@click.option("--method", type=click.Choice(METHODS), help="Override the file's method.")
@click.option(
    "--normalization",
    type=click.Choice(NORMALIZATIONS),
    help="Override the normalisation (default per method: weighted_sum minmax, "
    "weighted_product none, topsis vector; vikor always uses its own).",
)
@click.option("--weighting", type=click.Choice(WEIGHTINGS), help="Override the weighting.")
@click.option(
    "--vikor-v", type=click.FloatRange(0, 1), help="VIKOR's v (weight of group utility S)."
)
@click.option(
    "--sensitivity",
    is_flag=True,
    help="Per criterion the weights at which the winner changes (the others rescaled in "
    "proportion), and Monte Carlo rank acceptability over Dirichlet weight draws.",
)
@click.option("--seed", type=int, help="Seed of the weight draws (default: fresh, reported).")
@click.option(
    "--draws",
    type=click.IntRange(min=1),
    default=2000,
    show_default=True,
    help="Weight draws of the rank acceptability.",
)
@click.option(
    "--concentration",
    type=click.FloatRange(min=0, min_open=True),
    default=100.0,
    show_default=True,
    help="Dirichlet concentration c of the draws (alpha = c x weights).",
)
def command(
    input: str,
    input_format: str | None,
    encoding: str | None,
    output: str | None,
    fmt: str | None,
    as_json: bool,
    method: str | None,
    normalization: str | None,
    weighting: str | None,
    vikor_v: float | None,
    sensitivity: bool,
    seed: int | None,
    draws: int,
    concentration: float,
) -> None:
    """Score and rank the alternatives of the decision matrix MATRIX (YAML or JSON; the
    alternatives may come from a CSV file named in it).

    Prints the method, normalisation and weighting used (each default stated), the weights and
    the ranking (VIKOR: S, R, Q and the compromise set); --json prints the result as JSON and
    -o FILE.json writes it.
    """
    from mgmt_tools.errors import MgmtError
    from mgmt_tools.mcda import evaluate, loads, summary_text

    out_format = resolve_format(output, fmt, FORMATS)
    try:
        text, name = read_input(input, encoding)
        base = os.path.dirname(input) if input != "-" else None
        matrix = loads(
            text,
            input_format or _sniff(name, text),
            source=name,
            base=base or None,
            encoding=encoding,
            method=method,
            normalization=normalization,
            weighting=weighting,
            vikor_v=vikor_v,
        )
        result = evaluate(
            matrix, sensitivity=sensitivity, seed=seed, draws=draws, concentration=concentration
        )
    except MgmtError as error:
        fail(error)
    _emit(result, output, out_format, as_json, summary_text, input)


def _emit(
    result: Any,
    output: str | None,
    out_format: str | None,
    as_json: bool,
    summary: Any,
    input_path: str,
) -> None:
    for warning in result.warnings:
        click.echo(f"warning: {warning}", err=True)
    data = result.to_dict()
    # indenting a big result makes the json module fall back from its C encoder
    document = json_text(data, compact=len(data.get("ranking", ())) > _COMPACT_JSON)
    if as_json:
        click.echo(document, nl=False)
    if out_format is None:
        if not as_json:
            click.echo(summary(result, warnings=False))
        return
    write_produced(output or "-", lambda: document, None, input_path=input_path)
