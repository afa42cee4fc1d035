"""The registry entries of rank: priority ranking."""

from __future__ import annotations

from mgmt_tools.locale import N_
from mgmt_tools.registry.method import Chart, Method
from mgmt_tools.registry.options import Option, words

__all__ = ["RANK"]

RANK = Method(
    name="rank",
    input_name="BACKLOG",
    description=(
        N_(
            "Rank the items of BACKLOG (YAML, JSON, or CSV with a name column and "
            "--method).\n\n"
            "Prints the ranking (best first; equal scores share a rank) with categories "
            "where the method has them; --json prints the result as JSON. -o FILE draws the "
            "2x2 matrix or the ranked bar chart (.svg .png .pdf; .dot for the matrix), or "
            "writes the ranking as a Markdown table (.md), JSON or CSV."
        )
    ),
    summary=N_(
        "Prioritise a backlog: RICE, ICE, WSJF, MoSCoW, Eisenhower, value/effort, pairwise, Borda."
    ),
    package="mgmt_tools.rank",
    model="mgmt_tools.rank.model:RankModel",
    result="mgmt_tools.rank.result:RankResult",
    input_formats=("yaml", "json", "csv"),
    example="rank/client-pipeline.yaml",
    charts=(
        Chart(
            "matrix",
            {
                "image": "mgmt_tools.rank.matrix:matrix_chart",
                "dot": "mgmt_tools.rank.render:to_dot",
            },
            available="mgmt_tools.rank.render:matrix_unavailable",
        ),
        Chart("ranking", {"image": "mgmt_tools.rank.charts:ranking_chart"}),
    ),
    writers={"md": "mgmt_tools.rank.result:to_markdown", "csv": "mgmt_tools.rank.result:to_csv"},
    reads_files=True,
    options=(
        Option(
            "method",
            N_("Override the file's method (required for a CSV of items)."),
            stage="load",
            kind="choice",
            choices=words("rice ice wsjf moscow eisenhower value_effort pairwise borda weighted"),
        ),
        Option(
            "model",
            N_("pairwise: copeland (wins minus losses, default) or bradley-terry (MM algorithm)."),
            stage="load",
            kind="choice",
            choices=words("copeland bradley-terry"),
        ),
        Option(
            "threshold",
            N_("eisenhower, value_effort: a 0-10 score at or above it counts as yes (default 5)."),
            stage="load",
            kind="float",
            low=0,
            high=10,
        ),
        Option(
            "labels",
            N_(
                "The 2x2 matrix's labels: names (rank and full name beside each dot), numbers "
                "(each dot numbered by its rank, tied items 1a, 1b, and a key of the full "
                "names) or auto (default: names for up to 12 items when they fit, else "
                "numbers). Not for the ranking chart."
            ),
            stage="draw",
            kind="choice",
            choices=words("auto names numbers"),
        ),
    ),
)
