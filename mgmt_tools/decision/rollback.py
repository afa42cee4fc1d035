"""Roll a decision tree back: values, the optimal policy, utilities and the risk profile.

The rollback runs level by level from the deepest, one numpy pass per level for the whole
level (see :mod:`~mgmt_tools.decision.levels`): a branch's value is its payoff plus the value
of the node it leads to; a chance node takes the expected value (or, with ``risk_tolerance``,
the certainty equivalent) of its branches; a decision node takes its best branch, ties going
to the first in input order with a warning.

>>> from mgmt_tools.decision import loads
>>> result = rollback(loads('''
... root:
...   type: decision
...   branches:
...     - name: Drill
...       node:
...         type: chance
...         branches:
...           - {name: Oil, p: 0.25, payoff: 700}
...           - {name: Dry, p: rest, payoff: -100}
...     - {name: Sell, payoff: 90}
... '''))
>>> result.expected_value, result.policy
(100.0, {'root': 'Drill'})
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from mgmt_tools.decision.levels import RELATIVE_TOLERANCE, best_branch, chance_value, utility
from mgmt_tools.decision.result import DecisionResult, RiskProfile
from mgmt_tools.decision.tree import CHANCE, TERMINAL, Tree

__all__ = ["Solution", "risk_profile", "rollback", "solve"]

FloatArray = npt.NDArray[np.float64]
IndexArray = npt.NDArray[np.int64]
MAX_TIE_WARNINGS = 10


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


def risk_profile(tree: Tree, solution: Solution) -> RiskProfile:
    """The distribution of path totals under the policy, sorted, equal values merged."""
    count = tree.node_count
    reach = np.zeros(count)
    total = np.zeros(count)
    reach[0] = 1.0
    start = tree.level_start
    for level in range(tree.level_count - 1):
        low, high = int(start[level + 1]), int(start[level + 2])
        children = np.arange(low, high)
        parents = tree.parent[low:high]
        total[low:high] = total[parents] + tree.payoff[low:high]
        taken = np.where(
            tree.kind[parents] == CHANCE,
            tree.probability[low:high],
            (solution.choice[parents] == children).astype(np.float64),
        )
        reach[low:high] = reach[parents] * taken
    ends = np.flatnonzero((tree.kind == TERMINAL) & (reach > 0))
    values, probabilities = total[ends], reach[ends]
    order = np.argsort(values, kind="stable")
    values, probabilities, ends = values[order], probabilities[order], ends[order]
    if values.size:
        gap = np.diff(values)
        scale = np.maximum(1.0, np.maximum(np.abs(values[1:]), np.abs(values[:-1])))
        first = np.concatenate([[0], np.flatnonzero(gap > RELATIVE_TOLERANCE * scale) + 1])
        values = values[first]
        probabilities = np.add.reduceat(probabilities, first)
    return RiskProfile(values, probabilities)


def _tie_warnings(tree: Tree, solution: Solution) -> list[str]:
    warnings = []
    for node in solution.ties[:MAX_TIE_WARNINGS].tolist():
        children = list(tree.children(node))
        branch = tree.payoff[children] + solution.value[children]
        best = branch[int(solution.choice[node]) - children[0]]
        scale = RELATIVE_TOLERANCE * np.maximum(1.0, np.maximum(abs(best), np.abs(branch)))
        tied = [
            tree.branch_name(c)
            for c, v, s in zip(children, branch, scale, strict=True)
            if abs(v - best) <= s
        ]
        chosen = tree.branch_name(int(solution.choice[node]))
        warnings.append(
            f"tie at {tree.path_text(node)!r}: "
            + ", ".join(f"'{name}'" for name in tied)
            + f" are worth {best:.12g}; chose '{chosen}' (input order)"
        )
    if solution.ties.size > MAX_TIE_WARNINGS:
        warnings.append(f"... and {solution.ties.size - MAX_TIE_WARNINGS} more ties")
    return warnings


def rollback(
    tree: Tree,
    *,
    vary: str | None = None,
    tornado: bool = False,
    fixed_policy: bool = False,
    evpi: bool = True,
) -> DecisionResult:
    """Solve ``tree``: expected value, policy, branch values, risk profile and EVPI; with
    ``risk_tolerance`` expected utility and certainty equivalents; with ``vary``
    ("VAR=LOW:HIGH[:STEPS]") a sensitivity analysis and with ``tornado`` a tornado over
    ``ranges`` (``fixed_policy`` holds the base-case policy in both)."""
    from mgmt_tools.decision.evpi import evpi as compute_evpi
    from mgmt_tools.decision.sensitivity import parse_vary, sensitivity, tornado_rows

    maximize = tree.objective == "max"
    tolerance = tree.risk_tolerance
    solution = solve(tree, risk_tolerance=tolerance)
    neutral = solution if tolerance is None else solve(tree)
    warnings = [*tree.warnings, *_tie_warnings(tree, solution)]
    children = list(tree.children(0))
    names = tree.root_branches()
    expected_branch = tree.payoff[children] + solution.expected[children]
    branch_values = dict(zip(names, expected_branch.tolist(), strict=True))
    expected_utility = certainty = None
    branch_ce: dict[str, float] | None = None
    if tolerance is not None:
        certainty = solution.root_value
        expected_utility = utility(certainty, tolerance, maximize)
        ce_branch = tree.payoff[children] + solution.value[children]
        branch_ce = dict(zip(names, ce_branch.tolist(), strict=True))
    evpi_values: dict[str, float] = {}
    skipped: dict[str, str] = {}
    if evpi:
        evpi_values, skipped, notes = compute_evpi(tree, neutral)
        warnings += notes
    study = None
    if vary is not None:
        variable, low, high, steps = parse_vary(vary)
        study = sensitivity(tree, variable, low, high, steps, fixed_policy=fixed_policy)
    rows = tornado_rows(tree, fixed_policy=fixed_policy) if tornado else None
    return DecisionResult(
        tree=tree,
        solution=solution,
        expected_value=float(solution.expected[0]),
        branch_values=branch_values,
        expected_utility=expected_utility,
        certainty_equivalent=certainty,
        branch_certainty_equivalents=branch_ce,
        risk_profile=risk_profile(tree, solution),
        evpi=evpi_values,
        evpi_not_computed=skipped,
        sensitivity=study,
        tornado=rows,
        warnings=warnings,
    )
