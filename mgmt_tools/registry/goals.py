"""The registry entries of goals: goal trees."""

from __future__ import annotations

from mgmt_tools.locale import N_
from mgmt_tools.registry.method import Chart, Method
from mgmt_tools.registry.options import Option

__all__ = ["GOALS"]

GOALS = Method(
    name="goals",
    input_name="TREE",
    description=(
        N_(
            "Roll up the progress of the goal tree TREE (YAML or JSON: goal, children, "
            "...).\n\n"
            "Prints the tree with progress, status, track and the SMART gaps; --json prints "
            "the result. -o FILE draws the tree (.svg .png .pdf .dot), a Mermaid mindmap "
            "(.mmd), a Markdown checklist (.md) or JSON."
        )
    ),
    summary=N_("Goal tree: progress roll-up (AND/OR), on/off track at a date, SMART gaps."),
    package="mgmt_tools.goals",
    model="mgmt_tools.goals.model:GoalsModel",
    result="mgmt_tools.goals.result:GoalsResult",
    input_formats=("yaml", "json"),
    example="goals/deposit-growth-2027.yaml",
    charts=(
        Chart(
            "tree",
            {
                "image": "mgmt_tools.goals.render:render",
                "dot": "mgmt_tools.goals.render:to_dot",
                "mermaid": "mgmt_tools.goals.render:to_mermaid",
            },
        ),
    ),
    writers={"md": "mgmt_tools.goals.result:to_markdown"},
    options=(
        Option(
            "as_of",
            N_(
                "Judge each dated goal on_track, at_risk or off_track at DATE (YYYY-MM-DD); "
                "overrides the tree's as_of. The wall clock is never read."
            ),
            kind="date",
            metavar="DATE",
        ),
        Option(
            "depth",
            N_(
                "Diagram and mindmap: show levels 0 (the root) to N; deeper goals fold into their "
                "ancestor, which shows its rolled-up progress and how many goals it hides."
            ),
            stage="draw",
            kind="int",
            low=0,
            metavar="N",
        ),
        Option(
            "max_branches",
            N_(
                "Diagram: draw at most N subgoals of a goal, with a box counting the others (the "
                "numbers stay complete)."
            ),
            stage="draw",
            kind="int",
            low=1,
            default=50,
            metavar="N",
        ),
        Option(
            "on_track",
            N_("on_track when progress >= elapsed share of the period - X."),
            kind="float",
            low=0,
            high=1,
            default=0.10,
            metavar="X",
        ),
        Option(
            "at_risk",
            N_("at_risk when progress >= elapsed share - Y (else off_track); Y >= X."),
            kind="float",
            low=0,
            high=1,
            default=0.25,
            metavar="Y",
        ),
    ),
)
