"""Rankings with shared ranks: equal scores share a rank (1, 2, 2, 4) and keep input order.

Scores are equal when within 1e-9 x max(1, |a|, |b|) of each other (docs/formats/README.md,
tolerance), compared between neighbours in sorted order:
:func:`mgmt_tools._numeric.rank_with_ties`, the one ranking of the package, with the floor 1
(scores of weighted indices are on a scale of 1).

>>> import numpy as np
>>> order, ranks = rank(np.array([0.2, 0.5, 0.5, 0.9]))
>>> order.tolist(), ranks.tolist()
([3, 1, 2, 0], [4, 2, 2, 1])
"""

from __future__ import annotations

from mgmt_tools._arrays import FloatArray, IntArray
from mgmt_tools._numeric import TOLERANCE, close, rank_with_ties

__all__ = ["TOLERANCE", "close", "rank"]


def rank(scores: FloatArray, higher_is_better: bool = True) -> tuple[IntArray, IntArray]:
    """The alternatives best first (``order``) and each alternative's rank (1 = best)."""
    return rank_with_ties(scores, higher_is_better=higher_is_better)
