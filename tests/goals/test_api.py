"""mgmt_tools.goals' public face: the depth reaches the drawing; ``run`` checks its thresholds;
typed goal rows by path or name. The shapes every method shares (formats, display, ``run``
equal to ``analyse``) are in tests/test_api.py."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from mgmt_tools.errors import OptionError
from mgmt_tools.goals import GoalRow, GoalsResult, SmartIssue, loads, run
from mgmt_tools.methods import METHODS

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "goals" / "deposit-growth-2027.yaml"

TWINS = """
goal: Grow
children:
  - {goal: North, children: [{goal: Visit, progress: 0.2}]}
  - {goal: South, children: [{goal: Visit, progress: 0.6}]}
"""


@pytest.fixture(scope="module")
def result() -> GoalsResult:
    method = METHODS["goals"]
    analysed: GoalsResult = method.compute(method.read(EXAMPLE), as_of=dt.date(2027, 9, 30))
    return analysed


def test_depth_reaches_the_drawing(result: GoalsResult) -> None:
    method = METHODS["goals"]
    chart = method.chart("tree")
    assert method.draw(result, "dot", chart, depth=0) != method.draw(result, "dot", chart)


# --- run -----------------------------------------------------------------------------------------


def test_run_refuses_at_risk_below_on_track() -> None:
    tree = METHODS["goals"].read(EXAMPLE)
    with pytest.raises(OptionError, match=r"--at-risk \(0\.2\) must be >= --on-track \(0\.3\)"):
        run(tree, on_track=0.3, at_risk=0.2)
    assert run(tree, on_track=0.2, at_risk=0.2).margins == (0.2, 0.2)


def test_options_by_their_registry_names() -> None:
    method = METHODS["goals"]
    raw = {"as_of": "2027-09-30", "on_track": 0.05, "at_risk": 0.2}
    values = {name: method.option(name).convert(value) for name, value in raw.items()}
    analysed = method.compute(method.read(EXAMPLE), **method.stage("run", values))
    assert analysed.as_of == dt.date(2027, 9, 30)
    assert analysed.to_dict()["thresholds"] == {"on_track": 0.05, "at_risk": 0.2}


# --- typed rows ----------------------------------------------------------------------------------


def test_rows_are_the_json_nodes(result: GoalsResult) -> None:
    nodes = result.to_dict()["nodes"]
    assert all(isinstance(row, GoalRow) for row in result.rows)
    assert [row.to_dict() for row in result.rows] == nodes
    assert [json.dumps(dict(row)) for row in result.rows] == [json.dumps(n) for n in nodes]


def test_goal_by_path_or_name(result: GoalsResult) -> None:
    name = "Launch a supply-chain finance offer with cash pooling"
    row = result.goal(name)
    assert row.progress == 0.8
    assert row["owner"] == "Chen Jing"
    assert row.due == "2027-06-30"
    assert result.goal(row.path) == row
    assert row.track is not None


def test_goal_by_an_ambiguous_name_asks_for_the_path() -> None:
    twins = run(loads(TWINS))
    with pytest.raises(KeyError, match="2 goals are named 'Visit'"):
        twins.goal("Visit")
    assert twins.goal("Grow / South / Visit").progress == 0.6


def test_unknown_goal_says_which_was_meant(result: GoalsResult) -> None:
    with pytest.raises(KeyError, match=r"unknown goal 'Launch a supply-chain finance ofer"):
        result.goal("Launch a supply-chain finance ofer with cash pooling")


def test_optional_fields_are_left_out() -> None:
    bare = run(loads("goal: Grow\nprogress: 0.5"))
    row = bare.rows[0]
    assert row.owner is None
    assert "owner" not in row
    assert row.keys() == ["path", "goal", "progress", "status", "weight", "rollup"]


def test_smart_issues_as_rows() -> None:
    bare = run(loads("goal: Grow\nchildren: [{goal: Win, progress: 0.5}]"))
    assert all(isinstance(issue, SmartIssue) for issue in bare.issues)
    assert [issue.to_dict() for issue in bare.issues] == bare.to_dict()["smart_issues"]
    assert "owner" in bare.issues[0].missing
