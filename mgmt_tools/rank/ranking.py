"""Rankings, best first: equal scores share a rank (1, 2, 2, 4) and keep input order.

Scores are equal when within 1e-9 x max(|a|, |b|) of each other (a relative tolerance, so
rescaling every score, say reach in RICE, never merges or splits ties), compared between
neighbours in sorted order. With categories (MoSCoW, Eisenhower quadrants, value/effort grids)
items are ordered by category first (lower code first), then by score; a missing score (NaN)
comes after every number of its category and ties with the other missing ones.

This is :func:`mgmt_tools._numeric.rank_with_ties`, the one ranking of the package, with the
tolerance's floor at 0 (scores here have no natural unit). Vectorised: one argsort (or
lexsort with categories) and a few passes over arrays, so a million items rank in a small
fraction of a second.

>>> import numpy as np
>>> order, ranks = rank(np.array([0.2, 0.5, 0.5, 0.9]))
>>> order.tolist(), ranks.tolist()
([3, 1, 2, 0], [4, 2, 2, 1])
>>> rank(np.array([1.0, 9.0, 5.0]), np.array([1, 1, 0]))[1].tolist()
[3, 2, 1]
>>> rank(np.array([3.0, np.nan, 5.0]))[1].tolist()
[2, 3, 1]
"""

from __future__ import annotations

from mgmt_tools._arrays import FloatArray, IntArray
from mgmt_tools._numeric import TOLERANCE, rank_with_ties

__all__ = ["TOLERANCE", "rank"]


def rank(scores: FloatArray, categories: IntArray | None = None) -> tuple[IntArray, IntArray]:
    """The items best first (``order``) and each item's rank in input order (1 = best).

    Higher scores are better; ``categories`` (lower codes first) take precedence.
    """
    return rank_with_ties(scores, groups=categories, floor=0.0)
