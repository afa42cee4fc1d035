"""Roll back again only what a change touches, for many scenarios at once.

When some branches get new payoffs or probabilities (a varied variable, an outcome known in
advance), only their ancestors change value. :func:`prepare` finds those ancestors level by
level, with their children and where each changed number goes; :func:`evaluate` then rolls
back just those nodes, one column per scenario, reusing the base solution everywhere else.
For one changed branch in a tree of a million nodes that is a dozen nodes per scenario.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from mgmt_tools._arrays import FloatArray, IndexArray
from mgmt_tools.decision.levels import best_branch, chance_value
from mgmt_tools.decision.solve import Solution, check_finite
from mgmt_tools.decision.tree import CHANCE, Tree

__all__ = ["Outcome", "Partial", "evaluate", "prepare"]

CELLS_PER_CHUNK = 4_000_000
"""Children x scenarios computed at once; more scenarios are split into chunks of columns."""


@dataclass(frozen=True)
class _Step:
    """One level of changed ancestors (``parents``) and all their children."""

    parents: IndexArray
    children: IndexArray
    starts: IndexArray
    counts: IndexArray
    chance: npt.NDArray[np.bool_]
    below: IndexArray
    """Positions (in ``children``) of the nodes recomputed by the previous step, in its order."""
    payoff_position: IndexArray
    payoff_row: IndexArray
    probability_position: IndexArray
    probability_row: IndexArray
    fixed_position: IndexArray
    """Per parent: the position of its base-case choice among ``children`` (-1 for chance)."""


@dataclass(frozen=True)
class Partial:
    """What :func:`evaluate` recomputes: its steps run from the deepest level to the root."""

    steps: list[_Step]
    payoff_nodes: IndexArray
    probability_nodes: IndexArray


@dataclass(frozen=True)
class Outcome:
    """Per scenario (column): the root's value and its branches' values (rows)."""

    root_value: FloatArray
    root_expected: FloatArray
    branch_value: FloatArray
    branch_expected: FloatArray


def prepare(
    tree: Tree, base: Solution, payoff_nodes: IndexArray, probability_nodes: IndexArray
) -> Partial:
    """The ancestors of the changed nodes (sorted node arrays), grouped by level."""
    changed = np.union1d(payoff_nodes, probability_nodes)
    changed = changed[changed > 0]
    found = []
    current = np.unique(tree.parent[changed])
    while current.size:
        found.append(current)
        above = tree.parent[current]
        current = np.unique(above[above >= 0])
    ancestors = np.unique(np.concatenate(found)) if found else np.zeros(0, dtype=np.int64)
    levels = np.searchsorted(tree.level_start, ancestors, side="right") - 1
    bounds = np.flatnonzero(np.diff(levels)) + 1
    groups = np.split(ancestors, bounds) if ancestors.size else []
    steps: list[_Step] = []
    below = np.zeros(0, dtype=np.int64)
    for parents in reversed(groups):
        counts = tree.child_count[parents].astype(np.int64)
        starts = np.cumsum(counts) - counts
        children = np.repeat(tree.first_child[parents] - starts, counts) + np.arange(counts.sum())
        chance = tree.kind[parents] == CHANCE
        payoff_position, payoff_row = _positions(children, payoff_nodes)
        probability_position, probability_row = _positions(children, probability_nodes)
        fixed = np.where(chance, -1, np.searchsorted(children, base.choice[parents]))
        steps.append(
            _Step(
                parents,
                children,
                starts,
                counts,
                chance,
                np.searchsorted(children, below),
                payoff_position,
                payoff_row,
                probability_position,
                probability_row,
                fixed,
            )
        )
        below = parents
    return Partial(steps, payoff_nodes, probability_nodes)


def _positions(children: IndexArray, nodes: IndexArray) -> tuple[IndexArray, IndexArray]:
    """Where the (sorted) ``nodes`` that are among ``children`` sit, and their row numbers."""
    if not nodes.size:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty
    position = np.clip(np.searchsorted(children, nodes), 0, max(children.size - 1, 0))
    hit = children[position] == nodes
    return position[hit], np.flatnonzero(hit)


def evaluate(
    tree: Tree,
    base: Solution,
    partial: Partial,
    payoff_rows: FloatArray,
    probability_rows: FloatArray,
    *,
    fixed_policy: bool = False,
) -> Outcome:
    """Roll back the changed part with new payoffs and probabilities, one column per scenario.

    ``payoff_rows[i]`` holds the payoffs of ``partial.payoff_nodes[i]`` across the scenarios,
    likewise ``probability_rows``; both are 2-d with one column per scenario. ``base`` gives
    every unchanged value (and, with ``fixed_policy``, the choices held). The criterion
    (expected value or certainty equivalent) is the base solution's.
    """
    columns = payoff_rows.shape[1]
    if probability_rows.shape[1] != columns:
        raise ValueError("payoff_rows and probability_rows need the same number of columns")
    width = max(1, sum(step.children.size for step in partial.steps))
    chunk = max(1, CELLS_PER_CHUNK // width)
    if columns > chunk:
        parts = [
            evaluate(
                tree,
                base,
                partial,
                payoff_rows[:, first : first + chunk],
                probability_rows[:, first : first + chunk],
                fixed_policy=fixed_policy,
            )
            for first in range(0, columns, chunk)
        ]
        return Outcome(
            *(
                np.concatenate([getattr(p, name) for p in parts], axis=-1)
                for name in ("root_value", "root_expected", "branch_value", "branch_expected")
            )
        )
    return _evaluate(tree, base, partial, payoff_rows, probability_rows, columns, fixed_policy)


def _evaluate(
    tree: Tree,
    base: Solution,
    partial: Partial,
    payoff_rows: FloatArray,
    probability_rows: FloatArray,
    columns: int,
    fixed_policy: bool,
) -> Outcome:
    maximize = tree.objective == "max"
    risk = base.risk_tolerance
    if not partial.steps:
        kids = np.asarray(list(tree.children(0)), dtype=np.int64)
        branch = np.repeat((tree.payoff[kids] + base.value[kids])[:, None], columns, axis=1)
        expected = np.repeat((tree.payoff[kids] + base.expected[kids])[:, None], columns, axis=1)
        return Outcome(
            np.full(columns, base.value[0]), np.full(columns, base.expected[0]), branch, expected
        )
    value_below = expected_below = np.zeros((0, columns))
    branch = expected_branch = value_below
    for step in partial.steps:
        kids = step.children
        payoff = _matrix(
            tree.payoff[kids], columns, step.payoff_position, payoff_rows[step.payoff_row]
        )
        value = _matrix(base.value[kids], columns, step.below, value_below)
        branch = payoff + value
        probability = _matrix(
            tree.probability[kids],
            columns,
            step.probability_position,
            probability_rows[step.probability_row],
        )
        result = np.empty((step.parents.size, columns))
        chance, decision = step.chance, ~step.chance
        if chance.any():
            values = chance_value(probability, branch, step.starts, step.counts, risk, maximize)
            result[chance] = values[chance]
            check_finite(tree, result[chance], branch, risk)
        if decision.any():
            if fixed_policy:
                chosen = np.repeat(step.fixed_position[:, None], columns, axis=1)
            else:
                chosen, _ = best_branch(branch, step.starts, step.counts, maximize)
            result[decision] = np.take_along_axis(branch, np.maximum(chosen, 0), axis=0)[decision]
        if risk is None:
            expected, expected_branch = result, branch
        else:
            below = _matrix(base.expected[kids], columns, step.below, expected_below)
            expected_branch = payoff + below
            mean = np.add.reduceat(
                np.nan_to_num(probability) * expected_branch, step.starts, axis=0
            )
            if decision.any():
                picked = np.take_along_axis(expected_branch, np.maximum(chosen, 0), axis=0)
                mean[decision] = picked[decision]
            expected = mean
        value_below, expected_below = result, expected
    return Outcome(value_below[0], expected_below[0], branch, expected_branch)


def _matrix(base: FloatArray, columns: int, positions: IndexArray, rows: FloatArray) -> FloatArray:
    """``base`` repeated across the columns, with ``rows`` written at ``positions``."""
    matrix = np.repeat(base[:, None], columns, axis=1)
    if positions.size:
        matrix[positions] = rows
    return matrix
