"""The registry entries of pareto: Pareto analysis."""

from __future__ import annotations

from mgmt_tools.locale import N_
from mgmt_tools.registry.method import Chart, Method
from mgmt_tools.registry.options import Option

__all__ = ["PARETO"]

PARETO = Method(
    name="pareto",
    input_name="DATA",
    description=(
        N_(
            "Pareto analysis of DATA: a CSV of records (--column; --count, --weight, --by) "
            "or YAML/JSON {title, counts: {category: n}}.\n\n"
            "Prints the categories largest first (ties in input order) with percent, "
            "cumulative percent and the vital few that reach --cutoff; --top N or "
            '--other-after P merge the tail into "Other", always last. --json prints the '
            "result as JSON. -o FILE draws the Pareto chart (.svg .png .pdf) or writes the "
            "table (.json .csv .md)."
        )
    ),
    summary=N_("Pareto analysis: vital few, cumulative percent, Other, strata; chart."),
    package="mgmt_tools.pareto",
    model="mgmt_tools.pareto.model:ParetoModel",
    result="mgmt_tools.pareto.result:ParetoResult",
    input_formats=("csv", "yaml", "json"),
    example="pareto/complaint-counts.yaml",
    charts=(Chart("pareto", {"image": "mgmt_tools.pareto.chart:pareto_chart"}),),
    writers={
        "csv": "mgmt_tools.pareto.result:to_csv",
        "md": "mgmt_tools.pareto.result:to_markdown",
    },
    options=(
        Option(
            "column",
            N_("CSV: the category column (one row per record)."),
            stage="load",
            metavar="NAME",
        ),
        Option(
            "count", N_("CSV: a column of pre-summed counts per row."), stage="load", metavar="NAME"
        ),
        Option(
            "weight",
            N_("CSV: a column of costs (weights) per occurrence to sum."),
            stage="load",
            metavar="NAME",
        ),
        Option(
            "by",
            N_("CSV: stratify by this column (one chart panel per value)."),
            stage="load",
            metavar="NAME",
        ),
        Option(
            "cutoff",
            N_("Percent the vital few reach."),
            kind="float",
            low=0,
            low_open=True,
            high=100,
            default=80.0,
        ),
        Option("top", N_("Keep the first N; merge the rest."), kind="int", low=1),
        Option(
            "other_after",
            N_("Keep the fewest leading categories reaching P percent; merge the rest into Other."),
            kind="float",
            low=0,
            low_open=True,
            high=100,
            metavar="P",
        ),
        Option(
            "title",
            N_("Chart: the title drawn over the chart (default: the data's title)."),
            stage="draw",
            metavar="TEXT",
        ),
        Option(
            "other_label",
            N_(
                "Chart: the name of the bar merging the tail (--top, --other-after; default "
                '"Other" in the chart\'s language).'
            ),
            stage="draw",
            metavar="TEXT",
        ),
    ),
)
