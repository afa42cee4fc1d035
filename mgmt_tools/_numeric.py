"""When two computed numbers are equal, and rankings whose equal scores share a rank.

Every comparison of computed numbers that decides something (a zero float, a tie in a
ranking, a cumulative percent that reaches the Pareto cutoff, a reciprocal AHP judgement)
uses one rule (docs/formats/README.md, tolerance)::

    abs(a - b) <= TOLERANCE * max(1, |a|, |b|)

relative to the larger number, with an absolute floor of ``TOLERANCE`` near zero, where
round-off of a sum that cancels is absolute. Where the scores have no natural unit (RICE,
whose reach may count people or thousands of people) the floor is dropped (``floor=0``) so that
rescaling every score never merges or splits a tie. An iteration's stopping rule (the AHP
eigenvector's 1e-12, a bisection's width) is not an equality test: it stays a named constant
where it is used.

This module imports numpy only inside the functions that take arrays, so that the scalar
helpers cost nothing to import.

Examples
--------
>>> close(0.1 + 0.2, 0.3), close(1e12, 1e12 + 1), close(1e-10, 2e-10), close(1e-10, 2e-10, floor=0)
(True, True, True, False)
>>> order, ranks = rank_with_ties([0.2, 0.5, 0.5 + 1e-12, 0.9])
>>> order.tolist(), ranks.tolist()
([3, 1, 2, 0], [4, 2, 2, 1])
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    from mgmt_tools._arrays import BoolArray, FloatArray, IntArray

__all__ = ["TOLERANCE", "close", "isclose", "rank_with_ties", "round_half_away"]

TOLERANCE = 1e-9
"""Relative tolerance of every equality test of computed numbers (docs/formats/)."""


def close(a: float, b: float, *, floor: float = 1.0) -> bool:
    """Whether ``a`` and ``b`` are equal within :data:`TOLERANCE` x max(floor, |a|, |b|).

    An infinity is close only to itself; NaN to nothing.

    Examples
    --------
    >>> close(80.00000000001, 80.0), close(80.001, 80.0), close(-0.0, 1e-10)
    (True, False, True)
    >>> close(float("inf"), float("inf")), close(float("inf"), 1e300), close(1e-10, 0.0, floor=0)
    (True, False, False)
    """
    if a == b:
        return True
    if not (math.isfinite(a) and math.isfinite(b)):
        return False
    return abs(a - b) <= TOLERANCE * max(floor, abs(a), abs(b))


def round_half_away(value: float, decimals: int = 0) -> float:
    """``value`` rounded to ``decimals`` decimals, a half away from zero (2.5 -> 3, -0.5 -> -1),
    as a reader rounds: Python's ``round`` goes to the even neighbour (2.5 -> 2) and a float's
    binary value decides ties (``round(2.675, 2)`` is 2.67). The decimal the float prints as
    is rounded, so 2.675 gives 2.68. Infinities and NaN are returned as they are.

    Examples
    --------
    >>> [round_half_away(x) for x in (0.5, 1.5, 2.5, -2.5, 5.5)]
    [1.0, 2.0, 3.0, -3.0, 6.0]
    >>> round_half_away(3.25, 1), round_half_away(2.675, 2), round_half_away(1 / 3, 2)
    (3.3, 2.68, 0.33)
    """
    if not math.isfinite(value) or abs(value) >= 1e15:  # no fraction a float can hold
        return value
    from decimal import ROUND_HALF_UP, Decimal

    step = Decimal(1).scaleb(-decimals)
    return float(Decimal(repr(float(value))).quantize(step, rounding=ROUND_HALF_UP))


def isclose(a: npt.ArrayLike, b: npt.ArrayLike, *, floor: float = 1.0) -> BoolArray:
    """:func:`close` element by element over arrays (broadcast like numpy).

    Examples
    --------
    >>> isclose([1.0, 1.0, 5.0], [1.0 + 1e-12, 1.1, float("inf")]).tolist()
    [True, False, False]
    """
    import numpy as np

    left = np.asarray(a, dtype=np.float64)
    right = np.asarray(b, dtype=np.float64)
    with np.errstate(invalid="ignore", over="ignore"):
        bound = np.maximum(np.maximum(np.abs(left), np.abs(right)), floor)
        bound *= TOLERANCE
        near = np.abs(left - right) <= bound
        near &= np.isfinite(left) & np.isfinite(right)
    result: BoolArray = near | (left == right)
    return result


def rank_with_ties(
    scores: FloatArray | Sequence[float],
    *,
    higher_is_better: bool = True,
    groups: IntArray | Sequence[int] | None = None,
    floor: float = 1.0,
) -> tuple[IntArray, IntArray]:
    """Competition ranking ("1224"), best first: the order of the items and each one's rank.

    Neighbours in sorted order whose scores are :func:`close` (with ``floor``) share a rank
    and keep their input order; the next rank skips as many places as the tie held. With
    ``groups`` (categories, lower codes first) items are ordered by group first and never tie
    across groups. A missing score (NaN) comes after every number of its group and ties with
    the other missing ones.

    Parameters
    ----------
    scores
        One score per item.
    higher_is_better
        Whether the highest score ranks first (the lowest when False, as VIKOR's Q).
    groups
        Optional integer group per item, taking precedence over the score.
    floor
        The floor of the tolerance's scale: 1 (the default) for numbers of a known scale, 0
        for scores in arbitrary units that must rank alike after rescaling.

    Returns
    -------
    order, ranks
        ``order``: item indices best first; ``ranks``: each item's rank in input order
        (1 = best).

    Examples
    --------
    >>> import numpy as np
    >>> rank_with_ties(np.array([3.0, 1.0, 3.0, 2.0]))[1].tolist()
    [1, 4, 1, 3]
    >>> rank_with_ties([3.0, 1.0, 3.0], higher_is_better=False)[0].tolist()
    [1, 0, 2]
    >>> rank_with_ties([1.0, 9.0, float("nan"), 5.0], groups=[1, 1, 1, 0])[1].tolist()
    [3, 2, 4, 1]
    """
    import numpy as np

    values = np.asarray(scores, dtype=np.float64)
    m = values.size
    if m == 0:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    # A million scores: each array below is 8 MB, so every one is freed (del) as soon as it has
    # served and the arithmetic is done in place, to keep the peak near five of them.
    key = np.negative(values) if higher_is_better else values.copy()
    missing = np.isnan(key)
    any_missing = bool(missing.any())
    if any_missing:
        key[missing] = np.inf
    codes = None if groups is None else np.asarray(groups, dtype=np.int64)
    # An unstable sort is several times faster than a stable one: items that tie are put back
    # in input order below, and exactly equal scores always tie.
    if codes is None and not any_missing:
        order = np.argsort(key).astype(np.int64, copy=False)
    else:
        # the last key sorts first: group, then missing or not, then score
        sort_keys: list[npt.NDArray[np.generic]] = [key]
        if any_missing:
            sort_keys.append(missing)
        if codes is not None:
            sort_keys.append(codes)
        order = np.lexsort(sort_keys).astype(np.int64, copy=False)
        del sort_keys
    ordered = key[order]
    del key
    starts = _group_starts(ordered, floor)
    del ordered
    if any_missing:
        sorted_missing = missing[order]
        starts[1:] |= sorted_missing[1:] != sorted_missing[:-1]
        del sorted_missing
    del missing
    if codes is not None:
        sorted_codes = codes[order]
        starts[1:] |= sorted_codes[1:] != sorted_codes[:-1]
        del sorted_codes
    del codes
    group = np.cumsum(starts, dtype=np.int64)
    group -= 1
    first = np.flatnonzero(starts)
    del starts
    if first.size < m:
        # members of tied groups, put back in input order within each group
        sizes = np.diff(np.append(first, m))
        positions = np.flatnonzero(np.repeat(sizes > 1, sizes))
        del sizes
        # sorted by group, then item: one int64 key (group x m + item) sorted in place is
        # faster and smaller than a lexsort of the two (m x m fits in int64 below 3e9 items)
        members = group[positions]
        members *= m
        members += order[positions]
        members.sort()
        np.remainder(members, m, out=members)
        order[positions] = members
        del members, positions
    sorted_ranks = first[group]
    del first, group
    sorted_ranks += 1
    ranks = np.empty(m, dtype=np.int64)
    ranks[order] = sorted_ranks
    return order, ranks


def _group_starts(ordered: FloatArray, floor: float) -> BoolArray:
    """Where a new tie group begins in sorted scores: the neighbours are not :func:`close`.

    ``ordered`` is overwritten (its memory holds the tolerance's bounds).
    """
    import numpy as np

    starts = np.empty(ordered.size, dtype=bool)
    starts[0] = True
    finite = np.isfinite(ordered)
    at_infinities: BoolArray | None = None
    if not finite.all():
        # an infinity ties only with an equal infinity (inf - inf is NaN, never "greater")
        at_infinities = finite[1:] != finite[:-1]
        at_infinities |= (~finite[1:]) & (ordered[1:] != ordered[:-1])
    del finite
    # |a - b| > TOLERANCE x max(floor, |a|, |b|), in place to keep a million scores cheap
    with np.errstate(invalid="ignore"):
        gap = np.diff(ordered)
        np.abs(gap, out=gap)
        bound = np.abs(ordered, out=ordered)
        np.maximum(bound, floor, out=bound)
        bound *= TOLERANCE
        # greater than the larger bound is greater than both (with NaN, both are False)
        np.greater(gap, bound[1:], out=starts[1:])
        starts[1:] &= gap > bound[:-1]
    if at_infinities is not None:
        starts[1:] |= at_infinities
    return starts
