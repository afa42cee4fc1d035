"""The scoring methods of ``mgmt index``, over row blocks of the decision matrix.

* ``weighted_sum``: sum_j w_j n_ij, where a cost column kept by vector or none normalisation
  subtracts its weighted values (Fishburn 1967; Triantaphyllou 2000).
* ``weighted_product``: prod_j n_ij^(w_j), a cost column kept by vector or none raised to the
  negative weight (Bridgman 1922; Miller and Starr 1969), computed as exp(sum w log n).
* ``topsis``: closeness C = d-/(d+ + d-) of the weighted normalised rows v = w n to the ideal
  (column max for a benefit, min for a kept cost column) and anti-ideal (Hwang and Yoon 1981).
* ``vikor``: with its own normalisation d_ij = w_j (f*_j - f_ij)/(f*_j - f-_j), S = sum_j d,
  R = max_j d, Q = v (S - S*)/(S- - S*) + (1 - v)(R - R*)/(R- - R*); lower Q is better;
  the compromise set and its two conditions (Opricovic and Tzeng 2004) in
  :func:`compromise`.

Normalised values are made one block of rows at a time (:data:`BLOCK_ROWS`), so a million
alternatives need a few block-sized temporaries, not a normalised copy of the matrix.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from mgmt_tools._arrays import BoolArray, FloatArray, IntArray
from mgmt_tools.locale import _
from mgmt_tools.mcda.normalize import BLOCK_ROWS, Normalization, column_stats
from mgmt_tools.mcda.ranking import TOLERANCE, close

__all__ = ["Compromise", "compromise", "topsis", "vikor", "weighted_product", "weighted_sum"]


def weighted_sum(values: FloatArray, norm: Normalization, weights: FloatArray) -> FloatArray:
    """Weighted sums: affine columns in one matrix-vector product, min/x columns by block."""
    signed = weights * norm.signs
    coefficients = signed * norm.scale
    scores = values @ coefficients
    scores -= float(coefficients @ norm.shift)
    columns = np.flatnonzero(norm.reciprocal)
    if columns.size:
        factors = signed[columns] * norm.numerator[columns]
        for start in range(0, values.shape[0], BLOCK_ROWS):
            block = values[start : start + BLOCK_ROWS, columns]
            scores[start : start + BLOCK_ROWS] += (1.0 / block) @ factors
    return np.asarray(scores, dtype=np.float64)


def weighted_product(values: FloatArray, norm: Normalization, weights: FloatArray) -> FloatArray:
    """Weighted products prod n^(+-w); a constant column is a factor 1 (it is left out)."""
    used = np.flatnonzero((weights > 0) & ~norm.constant)
    exponents = (weights * norm.signs)[used]
    m = values.shape[0]
    logs = np.zeros(m)
    buffer = np.empty((min(m, BLOCK_ROWS), values.shape[1]))
    with np.errstate(divide="ignore", invalid="ignore"):
        for start in range(0, m, BLOCK_ROWS):
            block = values[start : start + BLOCK_ROWS]
            normalised = norm.apply(block, out=buffer[: block.shape[0]])
            logged = np.log(np.maximum(normalised[:, used], 0.0))
            logs[start : start + block.shape[0]] = logged @ exponents
    return np.asarray(np.exp(logs), dtype=np.float64)


def topsis(
    values: FloatArray, norm: Normalization, weights: FloatArray
) -> tuple[FloatArray, FloatArray, FloatArray]:
    """Closeness to the ideal, and the ideal and anti-ideal (weighted normalised) points."""
    ideal = weights * np.where(norm.benefit, norm.high, norm.low)
    anti = weights * np.where(norm.benefit, norm.low, norm.high)
    m = values.shape[0]
    closeness = np.empty(m)
    rows = min(m, BLOCK_ROWS)
    weighted = np.empty((rows, values.shape[1]))
    difference = np.empty_like(weighted)
    for start in range(0, m, BLOCK_ROWS):
        block = values[start : start + BLOCK_ROWS]
        size = block.shape[0]
        v = norm.apply(block, out=weighted[:size])
        v *= weights
        d = np.subtract(v, ideal, out=difference[:size])
        d *= d
        to_ideal = np.sqrt(d.sum(axis=1))
        d = np.subtract(v, anti, out=difference[:size])
        d *= d
        to_anti = np.sqrt(d.sum(axis=1))
        total = to_ideal + to_anti
        with np.errstate(divide="ignore", invalid="ignore"):
            closeness[start : start + size] = np.where(total > 0, to_anti / total, 0.0)
    return closeness, ideal, anti


def vikor(
    values: FloatArray, maximize: BoolArray, weights: FloatArray, v: float, warnings: list[str]
) -> tuple[FloatArray, FloatArray, FloatArray, BoolArray]:
    """Q, S and R of every alternative (VIKOR's own normalisation of the raw values), and
    which columns are constant (they add 0)."""
    stats = column_stats(values, totals=False, squares=False)
    best = np.where(maximize, stats.maximum, stats.minimum)
    worst = np.where(maximize, stats.minimum, stats.maximum)
    span = best - worst
    varies = span != 0
    with np.errstate(divide="ignore", invalid="ignore"):
        # d = w (f* - f)/(f* - f-) = w |f - f*| / |f* - f-|: never below 0, exactly 0 at f*
        scale = np.where(varies, weights / np.abs(span), 0.0)
    m = values.shape[0]
    s = np.empty(m)
    r = np.empty(m)
    buffer = np.empty((min(m, BLOCK_ROWS), values.shape[1]))
    for start in range(0, m, BLOCK_ROWS):
        block = values[start : start + BLOCK_ROWS]
        d = np.subtract(block, best, out=buffer[: block.shape[0]])
        np.abs(d, out=d)
        d *= scale
        s[start : start + block.shape[0]] = d.sum(axis=1)
        r[start : start + block.shape[0]] = d.max(axis=1)
    q = np.zeros(m)
    for name, measure, share in (("S", s, v), ("R", r, 1.0 - v)):
        low, high = float(measure.min()), float(measure.max())
        if high - low > 0:
            q += share * (measure - low) / (high - low)
        elif m > 1:
            warnings.append(
                _("every alternative has the same {name} = {value}: its term of Q is 0").format(
                    name=name, value=f"{low:.6g}"
                )
            )
    return q, s, r, ~varies


@dataclass(frozen=True)
class Compromise:
    """VIKOR's compromise solution and the two conditions behind it."""

    alternatives: list[int]
    """Indices of the compromise set, best Q first."""
    advantage: float | None
    """Q(a2) - Q(a1) of the two best by Q (None with one alternative)."""
    threshold: float | None
    """DQ = 1/(m - 1)."""
    acceptable_advantage: bool
    """C1: Q(a2) - Q(a1) >= DQ."""
    acceptable_stability: bool
    """C2: the best by Q is also best ranked by S or by R."""


def compromise(q: FloatArray, s: FloatArray, r: FloatArray, order: IntArray) -> Compromise:
    """The compromise set: {a1} when both conditions hold; {a1, a2} when only stability fails;
    a1 .. aM with Q(aM) - Q(a1) < DQ (the largest such M) when the advantage fails."""
    m = q.size
    first = int(order[0])
    if m < 2:
        return Compromise([first], None, None, True, True)
    threshold = 1.0 / (m - 1)
    advantage = float(q[order[1]] - q[first])
    c1 = advantage >= threshold or close(advantage, threshold)
    c2 = close(float(s[first]), float(s.min())) or close(float(r[first]), float(r.min()))
    if not c1:
        gaps = q[order] - q[first]
        at_threshold = np.abs(gaps - threshold) <= TOLERANCE * np.maximum(1.0, np.abs(gaps))
        count = int(np.count_nonzero((gaps < threshold) & ~at_threshold))
        chosen = [int(i) for i in order[: max(count, 2)]]
    elif not c2:
        chosen = [first, int(order[1])]
    else:
        chosen = [first]
    return Compromise(chosen, advantage, threshold, c1, c2)
