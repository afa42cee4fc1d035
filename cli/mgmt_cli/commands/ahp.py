"""``mgmt ahp JUDGEMENTS``: AHP priorities, consistency ratios, hierarchies; JSON result, the
hierarchy diagram and the ranking chart."""

from __future__ import annotations

import click

from mgmt_cli._errors import fail
from mgmt_cli._options import input_options, output_options
from mgmt_cli._output import read_input, resolve_format
from mgmt_cli.commands.index import _check_chart, _emit, _sniff

FORMATS = ("svg", "png", "pdf", "dot", "json")
"""What -o writes: the hierarchy or the ranking chart (svg, png, pdf), the hierarchy's DOT,
the JSON."""
CHARTS = ("hierarchy", "ranking")
AHP_METHODS = ("eigenvector", "geometric_mean")
RANDOM_INDEX_TABLES = ("saaty1980", "saaty2005", "donegan_dodd")


@click.command("ahp")
@input_options(("yaml", "json"))
@output_options(FORMATS)
@click.option(
    "--method",
    type=click.Choice(AHP_METHODS),
    help="Override the priority method (default eigenvector).",
)
@click.option(
    "--random-index",
    type=click.Choice(RANDOM_INDEX_TABLES),
    help="Override the random-index table of the CR (default saaty1980).",
)
@click.option(
    "--chart",
    type=click.Choice(CHARTS),
    default="hierarchy",
    show_default=True,
    help="Which picture -o draws: the hierarchy, or the overall priorities as ranked bars.",
)
def command(
    input: str,
    input_format: str | None,
    encoding: str | None,
    output: str | None,
    fmt: str | None,
    as_json: bool,
    method: str | None,
    random_index: str | None,
    chart: str,
) -> None:
    """Derive priorities from the pairwise judgements JUDGEMENTS (YAML or JSON): one matrix, or
    a hierarchy of criteria and alternatives.

    Prints the priorities, lambda_max, CI and CR of every matrix (with the random-index table
    used), the values given to missing pairs, and for a hierarchy the local, global and overall
    weights; --json prints the result as JSON. -o FILE draws the hierarchy (.svg .png .pdf, or
    .dot; a single matrix: the goal over its elements), or with --chart ranking the priorities
    as ranked bars; -o FILE.json writes the JSON.
    """
    from mgmt_tools.errors import MgmtError
    from mgmt_tools.mcda import analyse, loads_judgements, summary_text

    out_format = resolve_format(output, fmt, FORMATS)
    _check_chart(chart, out_format)
    try:
        text, name = read_input(input, encoding)
        judgements = loads_judgements(text, input_format or _sniff(name, text), source=name)
        result = analyse(judgements, method=method, random_index=random_index)
    except MgmtError as error:
        fail(error)
    _emit(result, output, out_format, as_json, summary_text, input, chart)
