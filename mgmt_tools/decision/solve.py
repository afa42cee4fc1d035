"""Solve a decision tree level by level: the values below every node and the optimal policy.

The rollback runs from the deepest level up, one numpy pass per level for the whole level
(see :mod:`~mgmt_tools.decision.levels`): a branch's value is its payoff plus the value of the
node it leads to; a chance node takes the expected value (or, with a risk tolerance, the
certainty equivalent) of its branches; a decision node takes its best branch, ties going to
the first in input order. :func:`~mgmt_tools.decision.rollback.rollback` builds the result
on it; EVPI, sensitivity and tornado re-solve with it.

>>> from mgmt_tools.decision import loads
>>> tree = loads('''
... root:
...   type: decision
...   branches:
...     - {name: Sell, payoff: 90}
...     - name: Drill
...       node:
...         type: chance
...         branches: [{name: Oil, p: 0.25, payoff: 700}, {name: Dry, p: rest, payoff: -100}]
... ''')
>>> solution = solve(tree)
>>> solution.root_value, tree.branch_name(int(solution.choice[0]))
(100.0, 'Drill')
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from mgmt_tools._arrays import FloatArray, IndexArray
from mgmt_tools._validation import locate
from mgmt_tools.decision.levels import best_branch, chance_value
from mgmt_tools.decision.tree import Tree
from mgmt_tools.errors import InputError, PathPart, Problem
from mgmt_tools.locale import _

__all__ = ["EXP_LIMIT", "Solution", "check_finite", "located", "solve"]


@dataclass(frozen=True, eq=False)
class Solution:
    """The rolled-back tree: per node, values of what lies below it, and the policy.

    ``value`` is the criterion the policy optimises: the expected value, or with a risk
    tolerance the certainty equivalent. ``expected`` is the expected value under the policy
    (the same array when there is no risk tolerance). ``choice`` is, per decision node, the
    chosen child (-1 elsewhere); ``ties`` lists decision nodes whose choice was a tie.
    """

    value: FloatArray
    expected: FloatArray
    choice: IndexArray
    ties: IndexArray
    risk_tolerance: float | None

    @property
    def root_value(self) -> float:
        return float(self.value[0])


def solve(
    tree: Tree, *, risk_tolerance: float | None = None, policy: IndexArray | None = None
) -> Solution:
    """Roll ``tree`` back; with ``policy`` (a ``choice`` array) the decisions are held to it."""
    maximize = tree.objective == "max"
    count = tree.node_count
    value = np.zeros(count)
    expected = np.zeros(count) if risk_tolerance is not None else value
    choice = np.full(count, -1, dtype=np.int64)
    tie_nodes: list[IndexArray] = []
    for level in tree.levels:
        internal, starts, counts, chance = level.internal, level.starts, level.counts, level.chance
        child_low, child_high = level.child_low, level.child_high
        payoff = tree.payoff[child_low:child_high]
        branch = payoff + value[child_low:child_high]
        probability = tree.probability[child_low:child_high]
        if chance.all():
            result = chance_value(probability, branch, starts, counts, risk_tolerance, maximize)
            check_finite(tree, result, branch, risk_tolerance)
        else:
            if policy is None:
                chosen, ties = best_branch(branch, starts, counts, maximize)
                tie_nodes.append(internal[ties & ~chance])
            else:
                chosen = np.where(chance, starts, policy[internal] - child_low)
            result = branch[chosen]
            if chance.any():
                values = chance_value(probability, branch, starts, counts, risk_tolerance, maximize)
                result[chance] = values[chance]
                check_finite(tree, result[chance], branch, risk_tolerance)
            decision = ~chance
            choice[internal[decision]] = chosen[decision] + child_low
        value[internal] = result
        if risk_tolerance is not None:
            expected_branch = payoff + expected[child_low:child_high]
            mean = np.add.reduceat(np.nan_to_num(probability) * expected_branch, starts, axis=0)
            picked = np.where(chance, 0, choice[internal] - child_low)
            expected[internal] = np.where(chance, mean, expected_branch[picked])
    ties = np.sort(np.concatenate(tie_nodes)) if tie_nodes else np.zeros(0, dtype=np.int64)
    return Solution(value, expected, choice, ties, risk_tolerance)


EXP_LIMIT = 709.0
"""exp(x) is finite for x up to about 709.78 (the float limit is about 1.8e308)."""


def check_finite(
    tree: Tree, values: FloatArray, branch: FloatArray, risk_tolerance: float | None
) -> None:
    """Refuse, at ``risk_tolerance``, certainty equivalents that overflowed: exp(x / R) is
    beyond the float limit when R is below the payoffs / 1e308 (payoffs are at most 1e15 in
    size, so an expected value never overflows)."""
    if risk_tolerance is None or np.isfinite(values).all():
        return
    with np.errstate(invalid="ignore"):
        worst = float(np.nanmax(np.abs(branch)))
    message = _(
        "payoffs as large as {worst} divided by the risk tolerance {tolerance} overflow the "
        "exponential utility exp(x / R); use a risk tolerance of at least {least} (in the "
        "units of the payoffs)"
    ).format(
        worst=f"{worst:.6g}",
        tolerance=f"{risk_tolerance:.6g}",
        least=f"{worst / EXP_LIMIT:.6g}",
    )

    raise InputError([located(tree, ("risk_tolerance",), message)])


def located(tree: Tree, path: tuple[PathPart, ...], message: str) -> Problem:
    """``message`` placed at ``path`` of the file the tree was read from (when known)."""
    return locate(tree.source, path, message)
