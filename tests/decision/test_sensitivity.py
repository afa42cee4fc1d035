"""Sensitivity (--vary) with exact break-even values, fixed policy, and the tornado."""

from __future__ import annotations

import math

import numpy as np
import pytest

from mgmt_tools.decision import loads, parse_vary, rollback, sensitivity, tornado_rows
from mgmt_tools.decision.variation import Variation, dependents
from mgmt_tools.errors import DomainError, InputError

from .test_formats_example import EXAMPLE

close = pytest.approx
NEUTRAL = EXAMPLE.replace("risk_tolerance: 500\n", "")


def test_break_even_is_exact_where_the_value_is_linear() -> None:
    # Extend is worth 40 + 120 (1 - p) - 120 p = 160 - 240 p: zero at p = 2/3
    study = sensitivity(loads(NEUTRAL), "p_default", 0.0, 1.0, 4)
    assert study.best == ["Extend", "Extend", "Extend", "Decline"]
    assert study.break_even == [close(2 / 3, rel=1e-12)]
    assert [(before, after) for _, before, after in study.switches] == [("Extend", "Decline")]


def test_break_even_under_risk_aversion_solves_the_certainty_equivalents() -> None:
    tree = loads(EXAMPLE)
    study = sensitivity(tree, "p_default", 0.0, 1.0, 11)
    assert len(study.break_even) == 1
    point = study.break_even[0]
    assert 0.1 < point < 2 / 3  # risk aversion declines earlier than expected value would
    at = Variation(tree, "p_default", rollback(tree).solution).run(np.array([point]))
    extend_ce = float(at.branch_value[0, 0])
    assert abs(extend_ce) <= 1e-9  # the certainty equivalents of Extend and Decline meet
    assert study.certainty_equivalents_by_branch is not None


def test_a_third_branch_between_two_grid_values_is_found() -> None:
    tree = loads(
        """
variables: {x: 0}
root:
  type: decision
  branches:
    - {name: A, payoff: "10 - x"}
    - {name: B, payoff: "6 - 0.1 * x"}
    - {name: C, payoff: "x - 10"}
"""
    )
    # A until x = 4.44..., then B until x = 14.54..., then C; the grid sees only A and C
    study = sensitivity(tree, "x", 0, 20, 2)
    assert study.best == ["A", "C"]
    assert [name for _, _, name in study.switches] == ["B", "C"]
    assert study.break_even == [close(4 / 0.9), close(16 / 1.1)]


def test_fixed_policy_holds_the_decisions_below_the_root() -> None:
    tree = loads(
        """
variables: {cost: 10}
root:
  type: decision
  branches:
    - name: Invest
      node:
        type: decision
        name: How
        branches:
          - {name: Build, payoff: "50 - cost"}
          - {name: Buy, payoff: 30}
    - {name: Wait, payoff: 20}
"""
    )
    moving = sensitivity(tree, "cost", 0, 40, 5)
    fixed = sensitivity(tree, "cost", 0, 40, 5, fixed_policy=True)
    assert moving.values_by_branch["Invest"] == [50.0, 40.0, 30.0, 30.0, 30.0]  # switches to Buy
    assert fixed.values_by_branch["Invest"] == [50.0, 40.0, 30.0, 20.0, 10.0]  # keeps Build
    assert fixed.best == ["Invest", "Invest", "Invest", "Invest", "Wait"]
    assert fixed.break_even == [close(30.0)]
    assert moving.break_even == []
    assert fixed.to_dict()["policy"] == "fixed"


def test_only_the_dependent_branches_are_recomputed() -> None:
    tree = loads(EXAMPLE)
    payoff, probability = dependents(tree, "p_default")
    assert payoff.tolist() == []
    assert [tree.branch_name(n) for n in probability] == ["Repays", "Defaults"]
    payoff, probability = dependents(tree, "fee")
    assert [tree.branch_name(n) for n in payoff] == ["Extend"]


def test_path_variables_follow_the_varied_variable() -> None:
    tree = loads(
        """
variables: {base: 100}
subtrees:
  award:
    type: chance
    name: Award
    branches:
      - {name: Win, p: 0.5, payoff: "bid - 50"}
      - {name: Lose, p: rest}
root:
  type: decision
  branches:
    - {name: High, set: {bid: "base * 1.5"}, node: {ref: award}}
    - {name: Low, set: {bid: base}, node: {ref: award}}
"""
    )
    study = sensitivity(tree, "base", 100, 200, 3)
    assert study.values_by_branch == {"High": [50.0, 87.5, 125.0], "Low": [25.0, 50.0, 75.0]}


def test_tornado_sorts_by_swing() -> None:
    tree = loads(
        NEUTRAL.replace("  p_default: [0.03, 0.15]", "  p_default: [0.03, 0.15]\n  fee: [0, 100]")
    )
    rows = tornado_rows(tree)
    assert [row.variable for row in rows] == ["fee", "p_default"]
    assert rows[0].swing == close(100.0)
    assert rows[1].value_at_low == close(152.8)


def test_a_probability_pushed_out_of_range_is_a_domain_error() -> None:
    with pytest.raises(DomainError, match=r"p_default = 1\.2 the probability of 'Extend / "):
        sensitivity(loads(EXAMPLE), "p_default", 0, 1.2, 3)


def test_unknown_variable_suggests_the_right_one() -> None:
    with pytest.raises(InputError, match=r"unknown variable 'p_defualt' \(did you mean"):
        sensitivity(loads(EXAMPLE), "p_defualt", 0, 1, 3)


@pytest.mark.parametrize(
    ("text", "parsed"),
    [
        ("p_default=0.03:0.15", ("p_default", 0.03, 0.15, 11)),
        ("fee=-10:1/2:3", ("fee", -10.0, 0.5, 3)),
        (" x = 1e3 : 2e3 : 2", ("x", 1000.0, 2000.0, 2)),
    ],
)
def test_parse_vary(text: str, parsed: tuple[str, float, float, int]) -> None:
    assert parse_vary(text) == parsed


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("p_default", "VAR=LOW:HIGH"),
        ("x=1", "VAR=LOW:HIGH"),
        ("x=2:1", "LOW must be below HIGH"),
        ("x=0:1:1", "at least 2"),
        ("x=0:1:2.5", "whole number"),
        ("x=a:1", "not a number"),
    ],
)
def test_parse_vary_rejects(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        parse_vary(text)


def test_many_values_at_once_match_one_at_a_time() -> None:
    tree = loads(EXAMPLE)
    variation = Variation(tree, "p_default", rollback(tree).solution)
    grid = np.linspace(0, 0.5, 101)
    together = variation.run(grid).branch_value
    for column in (0, 37, 100):
        alone = variation.run(grid[column : column + 1]).branch_value[:, 0]
        assert np.allclose(together[:, column], alone)
    assert math.isclose(float(together[0, 0]), 160.0)


def test_a_chance_root_has_branch_values_but_no_best_branch() -> None:
    tree = loads(
        """
variables: {up: 10}
root:
  type: chance
  name: Market
  branches:
    - {name: Up, p: 0.5, payoff: up}
    - {name: Down, p: 0.5, payoff: -5}
"""
    )
    study = sensitivity(tree, "up", 0, 20, 3)
    assert study.best == [None, None, None]
    assert study.break_even == []
    assert study.values_by_branch == {"Up": [0.0, 10.0, 20.0], "Down": [-5.0, -5.0, -5.0]}
    assert study.expected_value == [-2.5, 2.5, 7.5]
