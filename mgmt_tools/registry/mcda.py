"""The registry entries of index and ahp: weighted indices and AHP."""

from __future__ import annotations

from mgmt_tools.locale import N_
from mgmt_tools.registry.method import Chart, Method
from mgmt_tools.registry.options import Option, words

__all__ = ["AHP", "INDEX"]

_INDEX_CHARTS = (
    Chart(
        "hierarchy",
        {"image": "mgmt_tools.mcda.render:render", "dot": "mgmt_tools.mcda.render:to_dot"},
    ),
    Chart("ranking", {"image": "mgmt_tools.mcda.charts:ranking_chart"}),
    Chart(
        "acceptability",
        {"image": "mgmt_tools.mcda.charts:acceptability_chart"},
        needs="sensitivity",
    ),
    Chart("contribution", {"image": "mgmt_tools.mcda.contribution:contribution_chart"}),
)

INDEX = Method(
    name="index",
    input_name="MATRIX",
    description=(
        N_(
            "Score and rank the alternatives of the decision matrix MATRIX (YAML or JSON; "
            "the alternatives may come from a CSV file named in it).\n\n"
            "Prints the method, normalisation and weighting used (each default stated), the "
            "weights and the ranking (VIKOR: S, R, Q and the compromise set); --json prints "
            "the result as JSON. -o FILE draws the hierarchy of goal, criteria and "
            "alternatives (.svg .png .pdf, or .dot), or with --chart the ranking, the "
            "contribution of each criterion (stacked bars) or the rank acceptability "
            "(--sensitivity); -o FILE.json writes the JSON."
        )
    ),
    summary=N_(
        "Score and rank alternatives: weighted sum or product, TOPSIS, VIKOR; weight sensitivity."
    ),
    package="mgmt_tools.mcda",
    model="mgmt_tools.mcda.model:MatrixModel",
    result="mgmt_tools.mcda.result:IndexResult",
    input_formats=("yaml", "json"),
    example="index/cash-management-platform.yaml",
    charts=_INDEX_CHARTS,
    reads_files=True,
    options=(
        Option(
            "method",
            N_("Override the file's method."),
            stage="load",
            kind="choice",
            choices=words("weighted_sum weighted_product topsis vikor"),
        ),
        Option(
            "normalization",
            N_(
                "Override the normalisation (default per method: weighted_sum minmax, "
                "weighted_product none, topsis vector; vikor always uses its own)."
            ),
            stage="load",
            kind="choice",
            choices=words("minmax max sum vector zscore none"),
        ),
        Option(
            "weighting",
            N_("Override the weighting."),
            stage="load",
            kind="choice",
            choices=words("given equal ahp entropy critic roc"),
        ),
        Option(
            "vikor_v",
            N_("VIKOR's v (weight of group utility S)."),
            stage="load",
            kind="float",
            low=0,
            high=1,
        ),
        Option(
            "sensitivity",
            N_(
                "Per criterion the weights at which the winner changes (the others rescaled in "
                "proportion), and Monte Carlo rank acceptability over Dirichlet weight draws."
            ),
            kind="flag",
            default=False,
        ),
        Option("seed", N_("Seed of the weight draws (default: fresh, reported)."), kind="int"),
        Option(
            "draws", N_("Weight draws of the rank acceptability."), kind="int", low=1, default=2000
        ),
        Option(
            "concentration",
            N_("Dirichlet concentration c of the draws (alpha = c x weights)."),
            kind="float",
            low=0,
            low_open=True,
            default=100.0,
        ),
    ),
    docs="index.md",
)

AHP = Method(
    name="ahp",
    input_name="JUDGEMENTS",
    description=(
        N_(
            "Derive priorities from the pairwise judgements JUDGEMENTS (YAML or JSON): one "
            "matrix, or a hierarchy of criteria and alternatives.\n\n"
            "Prints the priorities, lambda_max, CI and CR of every matrix (with the "
            "random-index table used), the values given to missing pairs, and for a "
            "hierarchy the local, global and overall weights; --json prints the result as "
            "JSON. -o FILE draws the hierarchy (.svg .png .pdf, or .dot; a single matrix: "
            "the goal over its elements), or with --chart ranking the priorities as ranked "
            "bars, or with --chart contribution each criterion's part of the overall "
            "priority (stacked bars, a hierarchy only); -o FILE.json writes the JSON."
        )
    ),
    summary=N_("AHP priorities and consistency ratios of pairwise judgements or a hierarchy."),
    package="mgmt_tools.mcda",
    model="mgmt_tools.mcda.model:JudgementsModel",
    loader="mgmt_tools.mcda.io:loads_judgements",
    result="mgmt_tools.mcda.result:AhpResult",
    input_formats=("yaml", "json"),
    example="ahp/team-leader.yaml",
    charts=(*_INDEX_CHARTS[:2], _INDEX_CHARTS[3]),
    options=(
        Option(
            "method",
            N_("Override the priority method (default eigenvector)."),
            kind="choice",
            choices=words("eigenvector geometric_mean"),
        ),
        Option(
            "random_index",
            N_("Override the random-index table of the CR (default saaty1980)."),
            kind="choice",
            choices=words("saaty1980 saaty2005 donegan_dodd"),
        ),
    ),
    docs="index.md",
)
