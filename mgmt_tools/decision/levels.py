"""The two steps of a rollback, applied to a whole level of the tree at once.

Children are grouped by parent in contiguous segments (``starts``, ``counts``); the arrays may
be one value per child, or one row per child with a column per scenario (axis 0 is the child).
Chance nodes take the expected value of their branches, or with a risk tolerance R the
certainty equivalent under exponential utility, computed stably as a log-sum-exp:

- gains (``maximize``): CE = -R ln sum p exp(-x / R), from u(x) = 1 - exp(-x / R);
- costs: CE = R ln sum p exp(x / R), from u(x) = 1 - exp(x / R).

Exponential utility has no wealth effect, so rolling certainty equivalents back level by level
gives the policy that maximises expected utility of the path total. Decision nodes take their
best branch; branches within the project's tolerance, 1e-9 x max(1, |a|, |b|), of the best
tie, and the first in input order wins.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import numpy.typing as npt

from mgmt_tools._numeric import TOLERANCE

__all__ = [
    "RELATIVE_TOLERANCE",
    "best_branch",
    "certainty_equivalent",
    "chance_value",
    "utility",
]

RELATIVE_TOLERANCE = TOLERANCE
"""The project's one tolerance (:data:`mgmt_tools._numeric.TOLERANCE`), under the name the
rollback modules use; the comparisons here are :func:`~mgmt_tools._numeric.close` over arrays
of grouped branches."""
Array = npt.NDArray[Any]


def chance_value(
    probability: Array,
    branch_value: Array,
    starts: Array,
    counts: Array,
    risk_tolerance: float | None = None,
    maximize: bool = True,
) -> Array:
    """Per group: the expected value of the branches, or their certainty equivalent."""
    with np.errstate(invalid="ignore", divide="ignore", over="ignore"):
        if risk_tolerance is None:
            return np.add.reduceat(probability * branch_value, starts, axis=0)
        sign = -1.0 if maximize else 1.0
        exponent = np.where(probability > 0, sign * branch_value / risk_tolerance, -np.inf)
        top = np.maximum.reduceat(exponent, starts, axis=0)
        spread = np.exp(exponent - np.repeat(top, counts, axis=0))
        total = np.add.reduceat(
            np.where(probability > 0, probability * spread, 0.0), starts, axis=0
        )
        return sign * risk_tolerance * (top + np.log(total))


def best_branch(
    criterion: Array, starts: Array, counts: Array, maximize: bool = True
) -> tuple[Array, Array]:
    """Per group: the position (into ``criterion``) of the best branch, and whether others tie.

    Positions are of the first branch, in input order, within tolerance of the best.
    """
    reduce = np.maximum if maximize else np.minimum
    best = reduce.reduceat(criterion, starts, axis=0)
    # max(1, |a|, |b|) is max(1, |best|) here: a branch within tolerance has |b| ~ |best|
    slack = RELATIVE_TOLERANCE * np.maximum(1.0, np.abs(best))
    bound = np.repeat(best - slack if maximize else best + slack, counts, axis=0)
    near = criterion >= bound if maximize else criterion <= bound
    if criterion.ndim == 1:
        hits = np.flatnonzero(near)
        if hits.size == starts.size:  # one branch per group: no ties (the usual case)
            return hits, np.zeros(starts.size, dtype=bool)
        group = np.searchsorted(starts, hits, side="right") - 1
        first = np.concatenate([[True], group[1:] != group[:-1]])
        return hits[first], np.bincount(group, minlength=starts.size) > 1
    positions = np.arange(criterion.shape[0])[:, None]
    chosen = np.minimum.reduceat(np.where(near, positions, criterion.shape[0]), starts, axis=0)
    ties = np.add.reduceat(near, starts, axis=0, dtype=np.int32) > 1
    return chosen, ties


def certainty_equivalent(expected_utility: float, risk_tolerance: float, maximize: bool) -> float:
    """The inverse of the utility: CE = -R ln(1 - EU) for gains, R ln(1 - EU) for costs."""
    sign = -1.0 if maximize else 1.0
    return float(sign * risk_tolerance * np.log1p(-expected_utility))


def utility(value: float, risk_tolerance: float, maximize: bool) -> float:
    """u(x) = 1 - exp(-x / R) for gains, 1 - exp(x / R) for costs."""
    sign = -1.0 if maximize else 1.0
    return float(-np.expm1(sign * value / risk_tolerance))
