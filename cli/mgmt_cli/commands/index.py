"""``mgmt index MATRIX``: score and rank alternatives by a weighted index; JSON result, the
hierarchy diagram, the ranking and rank-acceptability charts."""

from __future__ import annotations

import os
from typing import Any

import click

from mgmt_cli._errors import fail
from mgmt_cli._options import input_options, output_options
from mgmt_cli._output import RENDERED, emit, json_text, read_input, resolve_format

FORMATS = ("svg", "png", "pdf", "dot", "json")
"""What -o writes: the hierarchy or a chart (svg, png, pdf), the hierarchy's DOT, the JSON."""
CHARTS = ("hierarchy", "ranking", "acceptability")
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
@click.option(
    "--chart",
    type=click.Choice(CHARTS),
    help="Which picture -o draws (default: hierarchy; acceptability with --sensitivity).",
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
    chart: str | None,
) -> None:
    """Score and rank the alternatives of the decision matrix MATRIX (YAML or JSON; the
    alternatives may come from a CSV file named in it).

    Prints the method, normalisation and weighting used (each default stated), the weights and
    the ranking (VIKOR: S, R, Q and the compromise set); --json prints the result as JSON.
    -o FILE draws the hierarchy of goal, criteria and alternatives (.svg .png .pdf, or .dot),
    or with --chart the ranking or the rank acceptability (--sensitivity); -o FILE.json writes
    the JSON.
    """
    from mgmt_tools.errors import MgmtError
    from mgmt_tools.mcda import evaluate, loads, summary_text

    out_format = resolve_format(output, fmt, FORMATS)
    if chart is None:  # only the hierarchy has a DOT form
        chart = "acceptability" if sensitivity and out_format != "dot" else "hierarchy"
    if chart == "acceptability" and not sensitivity:
        raise click.UsageError("the acceptability chart needs --sensitivity")
    _check_chart(chart, out_format)
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
    _emit(result, output, out_format, as_json, summary_text, input, chart)


def _check_chart(chart: str, out_format: str | None) -> None:
    """A chart (not the hierarchy) is drawn as svg, png or pdf only."""
    if chart != "hierarchy" and out_format not in (None, "json", *RENDERED):
        raise click.UsageError(f"the {chart} chart is drawn as svg, png or pdf")


def _emit(
    result: Any,
    output: str | None,
    out_format: str | None,
    as_json: bool,
    summary: Any,
    input_path: str,
    chart: str = "hierarchy",
) -> None:
    def document() -> str:
        data = result.to_dict()
        # indenting a big result makes the json module fall back from its C encoder
        return json_text(data, compact=len(data.get("ranking", ())) > _COMPACT_JSON)

    emit(
        warnings=result.warnings,
        as_json=as_json,
        document=document,
        summary=lambda: summary(result, warnings=False),
        out_format=out_format,
        output=output,
        produce=lambda: _produce(result, out_format or "json", chart, document),
        dot_source=(lambda: _hierarchy_dot(result)) if chart == "hierarchy" else None,
        input_path=input_path,
    )


def _hierarchy_dot(result: Any) -> str:
    from mgmt_tools.mcda.render import to_dot

    return to_dot(result)


def _produce(result: Any, out_format: str, chart: str, document: Any) -> bytes | str:
    if out_format == "json":
        text: str = document()
        return text
    if chart == "hierarchy":
        if out_format == "dot":
            return _hierarchy_dot(result)
        from mgmt_tools.mcda.render import render

        return render(result, out_format)
    from mgmt_tools.mcda import charts

    drawing = {"ranking": charts.ranking_chart, "acceptability": charts.acceptability_chart}[chart]
    return drawing(result, out_format)
