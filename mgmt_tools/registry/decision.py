"""The registry entries of decision: decision trees."""

from __future__ import annotations

from mgmt_tools.locale import N_
from mgmt_tools.registry.method import Chart, Method
from mgmt_tools.registry.options import Option

__all__ = ["DECISION"]

DECISION = Method(
    name="decision",
    input_name="TREE",
    description=(
        N_(
            "Roll back the decision tree TREE (YAML or JSON).\n\n"
            "Prints the expected value, the policy at every decision, the values of the "
            "root's branches, the risk profile and the EVPI of each chance node (with "
            "risk_tolerance also the expected utility and certainty equivalents); --json "
            "prints the result as JSON. -o FILE draws the tree (.svg .png .pdf, or .dot), "
            "or with --chart the risk profile, the sensitivity (--vary) or the tornado "
            "(--tornado) chart; -o FILE.json writes the JSON."
        )
    ),
    summary=N_(
        "Roll back a decision tree: expected value, policy, risk profile, EVPI, sensitivity."
    ),
    package="mgmt_tools.decision",
    model="mgmt_tools.decision.model:TreeModel",
    result="mgmt_tools.decision.result:DecisionResult",
    input_formats=("yaml", "json"),
    example="decision/credit-line-steel.yaml",
    charts=(
        Chart(
            "tree",
            {
                "image": "mgmt_tools.decision.render:render",
                "dot": "mgmt_tools.decision.render:to_dot",
            },
        ),
        Chart(
            "risk-profile",
            {"image": "mgmt_tools.decision.charts:risk_profile_chart"},
            chosen_by="risk_profile",
        ),
        Chart(
            "sensitivity",
            {"image": "mgmt_tools.decision.charts:sensitivity_chart"},
            needs="vary",
            needs_hint="--vary VAR=LOW:HIGH[:STEPS]",
        ),
        Chart(
            "tornado",
            {"image": "mgmt_tools.decision.charts:tornado_chart"},
            needs="tornado",
        ),
    ),
    options=(
        Option(
            "vary",
            N_(
                "One-way sensitivity to a variable over STEPS values (default 11), with the exact "
                "break-even values where the best root branch changes."
            ),
            metavar="VAR=LOW:HIGH[:STEPS]",
            parse="mgmt_tools.decision.sensitivity:parse_vary_text",
        ),
        Option("tornado", N_("Tornado over the variables' 'ranges'."), kind="flag", default=False),
        Option(
            "fixed_policy",
            N_("In --vary and --tornado hold the base-case decisions instead of re-optimising."),
            kind="flag",
            default=False,
        ),
        Option(
            "risk_profile",
            N_("Draw the risk profile chart (--chart risk-profile)."),
            stage="chart",
            kind="flag",
            default=False,
        ),
        Option(
            "depth",
            N_(
                "Draw the tree to this depth; deeper subtrees collapse into one node with their "
                "value (trees over 300 nodes collapse on their own)."
            ),
            stage="draw",
            kind="int",
            low=0,
        ),
        Option(
            "max_branches",
            N_(
                "Draw at most N branches of a node (the chosen one always), with a mark counting "
                "the others (the numbers stay complete)."
            ),
            stage="draw",
            kind="int",
            low=1,
            default=50,
            metavar="N",
        ),
    ),
)
