"""The decision examples under ``examples/decision/`` roll back to the decisions they are
written to show."""

from __future__ import annotations

from pathlib import Path

import pytest

from mgmt_tools.decision import load, rollback

from ..conftest import EXAMPLES

DECISION_EXAMPLES = sorted((EXAMPLES / "decision").glob("*.yaml"))


def test_there_are_decision_examples() -> None:
    assert len(DECISION_EXAMPLES) >= 2


@pytest.mark.parametrize("path", DECISION_EXAMPLES, ids=lambda p: p.name)
def test_example_rolls_back_with_tornado_and_sensitivity(path: Path) -> None:
    tree = load(path)
    variable = next(iter(tree.ranges))
    low, high = tree.ranges[variable]
    result = rollback(tree, vary=f"{variable}={low}:{high}:5", tornado=True)
    assert result.warnings == []
    assert result.tornado is not None
    assert len(result.tornado) == len(tree.ranges)
    assert "root" in result.policy


def test_the_industry_report_is_worth_buying() -> None:
    result = rollback(load(EXAMPLES / "decision" / "credit-line-steel.yaml"))
    assert result.policy["root"] == "Buy the industry report"
    assert result.policy["Buy the industry report / Says weak"] == "Ask for a pledge"
    assert result.branch_values["Buy the industry report"] == pytest.approx(85.83, abs=0.01)
    assert result.branch_values["Go to committee now"] == pytest.approx(78.0)


def test_risk_aversion_lowers_the_payroll_bid() -> None:
    result = rollback(load(EXAMPLES / "decision" / "payroll-bid.yaml"))
    assert result.policy["root"] == "Bid 240"  # by expected utility (risk tolerance 400)
    best_on_average = max(result.branch_values, key=result.branch_values.__getitem__)
    assert best_on_average == "Bid 300"
