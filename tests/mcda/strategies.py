"""Hypothesis strategies for decision matrices and pairwise comparison matrices, as the dicts a
user's YAML would load to.

:func:`matrices` draws 2-8 alternatives on 1-5 criteria, values that are multiples of 0.25 in
[0.25, 100] (positive, so every method and normalisation can take them), random directions,
weights that are positive multiples of 0.05, and a method with a normalisation it accepts.
:func:`consistent_weights` draws priority vectors for consistent matrices (a_ij = w_i / w_j).
"""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

from ..strategies import multiples, quarter

__all__ = ["COMBINATIONS", "consistent_weights", "matrices"]

COMBINATIONS = [
    (method, norm)
    for method in ("weighted_sum", "weighted_product", "topsis")
    for norm in ("minmax", "max", "sum", "vector", "zscore", "none")
    if not (method == "weighted_product" and norm == "zscore")
] + [("vikor", None)]


@st.composite
def matrices(draw: st.DrawFn, method: str | None = None) -> dict[str, Any]:
    m = draw(st.integers(2, 8))
    n = draw(st.integers(1, 5))
    combos = [c for c in COMBINATIONS if method is None or c[0] == method]
    chosen, norm = draw(st.sampled_from(combos))
    criteria = [
        {
            "id": f"c{j}",
            "weight": draw(multiples(20, 0.05, 1)),
            "direction": draw(st.sampled_from(["max", "min"])),
        }
        for j in range(n)
    ]
    value = quarter(0.25, 100)
    alternatives = [{"name": f"A{i}", **{f"c{j}": draw(value) for j in range(n)}} for i in range(m)]
    data: dict[str, Any] = {"method": chosen, "criteria": criteria, "alternatives": alternatives}
    if norm is not None:
        data["normalization"] = norm
    return data


def consistent_weights(size: int) -> st.SearchStrategy[list[float]]:
    """Positive weights (not normalised) of ``size`` elements."""
    return st.lists(multiples(1, 1, 50), min_size=size, max_size=size)
