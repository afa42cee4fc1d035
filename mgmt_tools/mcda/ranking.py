"""Rankings with shared ranks: equal scores share a rank (1, 2, 2, 4) and keep input order.

Scores are equal when within 1e-9 x max(1, |a|, |b|) of each other (FORMATS.md, tolerance),
compared between neighbours in sorted order.

>>> import numpy as np
>>> order, ranks = rank(np.array([0.2, 0.5, 0.5, 0.9]))
>>> order.tolist(), ranks.tolist()
([3, 1, 2, 0], [4, 2, 2, 1])
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

__all__ = ["TOLERANCE", "close", "rank"]

IntArray = npt.NDArray[np.int64]
FloatArray = npt.NDArray[np.float64]
TOLERANCE = 1e-9


def close(a: float, b: float) -> bool:
    """Whether two computed numbers are equal within the tolerance."""
    return abs(a - b) <= TOLERANCE * max(1.0, abs(a), abs(b))


def rank(scores: FloatArray, higher_is_better: bool = True) -> tuple[IntArray, IntArray]:
    """The alternatives best first (``order``) and each alternative's rank (1 = best)."""
    m = scores.size
    if m == 0:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    # an unstable sort is several times faster; tied groups are put in input order below
    order = np.argsort(-scores if higher_is_better else scores).astype(np.int64, copy=False)
    ordered = scores[order]
    gap = np.diff(ordered)
    np.abs(gap, out=gap)
    # a new group starts where the gap exceeds TOLERANCE x max(1, |a|, |b|) of the two
    bound = np.abs(ordered, out=ordered)
    np.maximum(bound, 1.0, out=bound)
    bound *= TOLERANCE
    starts = np.empty(m, dtype=bool)
    starts[0] = True
    np.greater(gap, bound[1:], out=starts[1:])
    starts[1:] &= gap > bound[:-1]
    del gap, bound, ordered
    group = np.cumsum(starts, dtype=np.int64)
    group -= 1
    first = np.flatnonzero(starts)
    if first.size < m:
        # members of groups of near-equal scores, in input order within each group
        sizes = np.diff(np.append(first, m))
        tied = np.repeat(sizes > 1, sizes)
        positions = np.flatnonzero(tied)
        members = order[positions]
        order[positions] = members[np.lexsort((members, group[positions]))]
    del starts
    sorted_ranks = first[group]
    del first, group
    sorted_ranks += 1
    ranks = np.empty(m, dtype=np.int64)
    ranks[order] = sorted_ranks
    return order, ranks
