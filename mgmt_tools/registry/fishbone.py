"""The registry entries of fishbone: cause-and-effect diagrams."""

from __future__ import annotations

from mgmt_tools.locale import N_
from mgmt_tools.registry.method import Chart, Method
from mgmt_tools.registry.options import Option

__all__ = ["FISHBONE"]

FISHBONE = Method(
    name="fishbone",
    input_name="CAUSES",
    description=(
        N_(
            "Draw the fishbone of CAUSES (YAML or JSON: effect, categories of causes).\n\n"
            "Prints the categories and, when causes have counts, their ranking; --json "
            "prints the result. -o FILE draws the diagram (.svg .png .pdf .dot) or writes "
            "JSON or a Markdown checklist (.md)."
        )
    ),
    summary=N_("Draw a cause-and-effect (fishbone) diagram; attach counts from a Pareto analysis."),
    package="mgmt_tools.fishbone",
    model="mgmt_tools.fishbone.model:FishboneModel",
    result="mgmt_tools.fishbone.result:FishboneResult",
    input_formats=("yaml", "json"),
    example="fishbone/slow-credit-approval.yaml",
    charts=(
        Chart(
            "fishbone",
            {
                "image": "mgmt_tools.fishbone.render:render",
                "dot": "mgmt_tools.fishbone.render:to_dot",
            },
        ),
    ),
    writers={"md": "mgmt_tools.fishbone.result:to_markdown"},
    options=(
        Option(
            "highlight",
            N_(
                "Mark the N largest counted causes in the accent colour (with --counts: default "
                "the vital few, the fewest causes reaching 80% of the matched total; otherwise 0)."
            ),
            kind="int",
            low=0,
            metavar="N",
        ),
        Option(
            "counts",
            N_(
                "Attach counts from a Pareto analysis of this CSV to causes by name (case and "
                "spaces ignored); needs --column."
            ),
            kind="path",
            metavar="CSV",
        ),
        Option("column", N_("--counts: the column naming the cause."), metavar="C"),
        Option(
            "count",
            N_("--counts: a column of pre-summed counts."),
            metavar="N",
            keyword="count_column",
        ),
        Option("weight", N_("--counts: a column of weights (cost) to sum."), metavar="W"),
        Option(
            "counts_encoding",
            N_("--counts: text encoding of the CSV (default: UTF-8, or GBK when it clearly is)."),
            metavar="NAME",
        ),
        Option(
            "max_causes",
            N_(
                "Draw at most N causes of a category or cause, with one more counting the others "
                "(the numbers stay complete)."
            ),
            stage="draw",
            kind="int",
            low=1,
            default=30,
            metavar="N",
        ),
    ),
)
