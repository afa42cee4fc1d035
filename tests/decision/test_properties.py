"""Properties of the rollback (DESIGN.md, Tests): on random trees (``strategies.trees``).

- the vectorised rollback agrees with a plain recursive one written here;
- adding a constant to every terminal shifts every value (and the certainty equivalent) by it
  and keeps the policy;
- a dominated branch is never chosen;
- EVPI is never negative, also for costs and with a risk tolerance;
- permuting the branches of every node does not change the value;
- sensitivity recomputes only part of the tree, and agrees with solving the changed tree anew.
"""

from __future__ import annotations

import copy
import math
from typing import Any

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mgmt_tools.decision import from_dict, rollback, sensitivity, solve

from .strategies import trees

close = pytest.approx


def reference(
    node: dict[str, Any] | None, maximize: bool, risk: float | None, env: dict[str, float]
) -> float:
    """The value of ``node``: a recursive rollback, certainty equivalents with ``risk``."""
    if node is None:
        return 0.0
    values = []
    for branch in node["branches"]:
        payoff = branch.get("payoff", 0.0)
        if isinstance(payoff, str):
            payoff = eval(payoff, {}, dict(env))  # the test's own strings only
        values.append(payoff + reference(branch.get("node"), maximize, risk, env))
    if node["type"] == "decision":
        return float(max(values) if maximize else min(values))
    given_ = [b["p"] for b in node["branches"] if b["p"] != "rest"]
    shares = [1 - sum(given_) if b["p"] == "rest" else b["p"] for b in node["branches"]]
    if risk is None:
        return float(sum(p * v for p, v in zip(shares, values, strict=True)))
    sign = -1.0 if maximize else 1.0
    total = sum(p * math.exp(sign * v / risk) for p, v in zip(shares, values, strict=True))
    return sign * risk * math.log(total)


def _terminals(node: dict[str, Any]) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    for branch in node["branches"]:
        found += _terminals(branch["node"]) if "node" in branch else [branch]
    return found


@settings(max_examples=150, deadline=None)
@given(trees())
def test_agrees_with_a_recursive_rollback(data: dict[str, Any]) -> None:
    tree = from_dict(data)
    maximize = data["objective"] == "max"
    risk = data.get("risk_tolerance")
    solution = solve(tree, risk_tolerance=risk)
    assert solution.root_value == close(reference(data["root"], maximize, risk, {}), abs=1e-9)


@settings(max_examples=100, deadline=None)
@given(trees(), st.integers(-40, 40))
def test_a_constant_added_to_every_terminal_shifts_every_value(
    data: dict[str, Any], quarters: int
) -> None:
    shift = quarters / 4
    shifted = copy.deepcopy(data)
    for branch in _terminals(shifted["root"]):
        branch["payoff"] = branch.get("payoff", 0.0) + shift
    before, after = rollback(from_dict(data)), rollback(from_dict(shifted))
    assert after.expected_value == close(before.expected_value + shift, abs=1e-9)
    internal = before.tree.kind != 2
    assert np.allclose(after.solution.value[internal], before.solution.value[internal] + shift)
    if before.certainty_equivalent is not None:
        assert after.certainty_equivalent == close(before.certainty_equivalent + shift, abs=1e-7)
    if not before.solution.ties.size and not after.solution.ties.size:
        assert after.policy == before.policy


@settings(max_examples=100, deadline=None)
@given(trees(decision_root=True), st.integers(1, 40))
def test_a_dominated_branch_is_never_chosen(data: dict[str, Any], quarters: int) -> None:
    worse = -quarters / 4 if data["objective"] == "max" else quarters / 4
    dominated = copy.deepcopy(data["root"]["branches"][0])
    dominated["name"] = "dominated"
    dominated["payoff"] = dominated.get("payoff", 0.0)
    if isinstance(dominated["payoff"], str):
        dominated["payoff"] = f"({dominated['payoff']}) + {worse}"
    else:
        dominated["payoff"] += worse
    data["root"]["branches"].insert(0, dominated)  # first: it would win any tie
    result = rollback(from_dict(data))
    assert result.policy["root"] != "dominated"


@settings(max_examples=150, deadline=None)
@given(trees())
def test_evpi_is_never_negative(data: dict[str, Any]) -> None:
    result = rollback(from_dict(data))
    assert all(value >= 0 for value in result.evpi.values())


@settings(max_examples=100, deadline=None)
@given(trees(), st.randoms(use_true_random=False))
def test_permuting_branches_keeps_the_value(data: dict[str, Any], rng: Any) -> None:
    permuted = copy.deepcopy(data)

    def shuffle(node: dict[str, Any]) -> None:
        rng.shuffle(node["branches"])
        rest = [b for b in node["branches"] if b.get("p") == "rest"]
        if rest and node["branches"][-1] is not rest[0]:  # keep 'rest' meaning the same share
            given_ = sum(b["p"] for b in node["branches"] if b.get("p") != "rest")
            rest[0]["p"] = 1 - given_
        for branch in node["branches"]:
            if "node" in branch:
                shuffle(branch["node"])

    shuffle(permuted["root"])
    before, after = rollback(from_dict(data)), rollback(from_dict(permuted))
    assert after.expected_value == close(before.expected_value, abs=1e-9)
    assert after.branch_values == {k: close(v, abs=1e-9) for k, v in before.branch_values.items()}


@settings(max_examples=60, deadline=None)
@given(trees(variable=True, decision_root=True), st.booleans())
def test_sensitivity_agrees_with_solving_anew(data: dict[str, Any], fixed: bool) -> None:
    tree = from_dict(data)
    study = sensitivity(tree, "x", -5.0, 5.0, 5, fixed_policy=fixed)
    base_policy = solve(tree, risk_tolerance=tree.risk_tolerance).choice
    for column, value in enumerate(study.values):
        changed = copy.deepcopy(data)
        changed["variables"]["x"] = value
        again = from_dict(changed)
        if fixed:
            policy = base_policy
            solution = solve(again, risk_tolerance=again.risk_tolerance, policy=policy)
        else:
            solution = solve(again, risk_tolerance=again.risk_tolerance)
        for number, name in enumerate(again.root_branches()):
            child = int(again.first_child[0]) + number
            expected = again.payoff[child] + solution.expected[child]
            assert study.values_by_branch[name][column] == close(expected, abs=1e-7)
        assert study.expected_value[column] == close(float(solution.expected[0]), abs=1e-7)
