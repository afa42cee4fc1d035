"""Normalisation of the columns of a decision matrix, per column x (docs/formats/index.md).

============  ======================  ===========================  ==================
name          benefit (max)           cost (min)                   direction after
============  ======================  ===========================  ==================
``minmax``    (x - min)/(max - min)   (max - x)/(max - min)        benefit
``max``       x/max                   min/x                        benefit
``sum``       x/sum(x)                (1/x)/sum(1/x)               benefit
``zscore``    (x - mean)/sd           (mean - x)/sd                benefit
``vector``    x/sqrt(sum(x^2))        x/sqrt(sum(x^2))             kept (cost stays)
``none``      x                       x                            kept (cost stays)
============  ======================  ===========================  ==================

sd is the sample standard deviation (n - 1). References: Hwang and Yoon (1981) for vector,
max (linear) and minmax; Jahan and Edwards (2015) for a survey of the others. Every formula but
min/x and (1/x)/sum(1/x) is an affine map ``(x - shift) scale`` of its column (subtracting
first, so the worst value of a min-max column is exactly 0), so the engines apply it in row
blocks without materialising the normalised matrix (and weighted sums need one matrix-vector
product). A constant column (or an all-zero one for vector) gets a warning and
contributes nothing: 0 in the sums (a factor 1 in a weighted product).

>>> import numpy as np
>>> x = np.array([[250.0, 7.0], [310.0, 9.0], [280.0, 8.0]])
>>> spec = normalization(x, np.array([False, True]), "minmax")
>>> spec.apply(x).tolist()
[[1.0, 0.0], [0.0, 1.0], [0.5, 0.5]]
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from mgmt_tools._arrays import BoolArray, FloatArray
from mgmt_tools.locale import _

__all__ = ["BLOCK_ROWS", "ColumnStats", "Normalization", "column_stats", "normalization"]

BLOCK_ROWS = 65536
"""Rows per block: a block of 20 criteria is 10 MiB, so temporaries stay small."""
KEEPS_DIRECTION = ("vector", "none")


@dataclass(frozen=True, eq=False)
class ColumnStats:
    """Per-column statistics of the raw values, from one pass over row blocks."""

    minimum: FloatArray
    maximum: FloatArray
    total: FloatArray
    squares: FloatArray
    """Sum of squares; for the sample sd it is of the deviations from the mean."""
    reciprocals: FloatArray
    """Sum of 1/x (only where needed: cost columns under sum normalisation; else 0)."""
    count: int


def column_stats(
    values: FloatArray,
    *,
    totals: bool = True,
    squares: bool = True,
    deviations: bool = False,
    reciprocal: BoolArray | None = None,
) -> ColumnStats:
    """Minimum and maximum of each column; with ``totals`` its sum, with ``squares`` its sum
    of squares (of deviations from the mean with ``deviations``), and the sum of 1/x of the
    ``reciprocal`` columns. Each quantity is a pass over the data: only ask for what is used."""
    m, n = values.shape
    minimum, maximum = np.full(n, np.inf), np.full(n, -np.inf)
    total, square_sums, reciprocals = np.zeros(n), np.zeros(n), np.zeros(n)
    totals = totals or deviations
    recip = np.flatnonzero(reciprocal) if reciprocal is not None else np.zeros(0, np.int64)
    for start in range(0, m, BLOCK_ROWS):
        block = values[start : start + BLOCK_ROWS]
        np.minimum(minimum, block.min(axis=0), out=minimum)
        np.maximum(maximum, block.max(axis=0), out=maximum)
        if totals:
            total += np.einsum("ij->j", block)
        if squares and not deviations:
            square_sums += np.einsum("ij,ij->j", block, block)
        if recip.size:
            reciprocals[recip] += (1.0 / block[:, recip]).sum(axis=0)
    if deviations and m:
        mean = total / m
        for start in range(0, m, BLOCK_ROWS):
            centred = values[start : start + BLOCK_ROWS] - mean
            square_sums += np.einsum("ij,ij->j", centred, centred)
    return ColumnStats(minimum, maximum, total, square_sums, reciprocals, m)


@dataclass(frozen=True, eq=False)
class Normalization:
    """A normalisation fitted to a matrix: N = (x - shift) scale, or N = numerator / x on the
    ``reciprocal`` columns; ``benefit`` tells each column's direction after it."""

    method: str
    scale: FloatArray
    shift: FloatArray
    numerator: FloatArray
    reciprocal: BoolArray
    benefit: BoolArray
    constant: BoolArray
    """Columns that are constant (or all zero for vector): normalised to 0."""
    low: FloatArray
    """Per column, the smallest normalised value."""
    high: FloatArray
    """Per column, the largest normalised value."""

    def apply(self, block: FloatArray, out: FloatArray | None = None) -> FloatArray:
        """The normalised values of a block of rows."""
        result = np.subtract(block, self.shift, out=out)
        result *= self.scale
        if self.reverses:
            result += 0.0  # a reversed column's best is -0.0 otherwise: make it 0.0
        if self.reciprocal.any():
            columns = np.flatnonzero(self.reciprocal)
            result[:, columns] = self.numerator[columns] / block[:, columns]
        return result

    @property
    def reverses(self) -> bool:
        """Whether a column is turned around (a negative scale)."""
        return bool((self.scale < 0).any())

    @property
    def signs(self) -> FloatArray:
        """+1 for a benefit column, -1 for a cost column (after normalisation)."""
        return np.where(self.benefit, 1.0, -1.0)


def normalization(
    values: FloatArray, maximize: BoolArray, method: str, stats: ColumnStats | None = None
) -> Normalization:
    """Fit normalisation ``method`` to the columns of ``values`` (alternatives x criteria).

    Values a formula cannot take (a zero under min/x) are checked by the caller
    (:mod:`mgmt_tools.mcda.checks`) before this runs.
    """
    n = values.shape[1]
    cost = ~maximize
    recip_cols = cost & (method in ("max", "sum"))
    if stats is None:
        stats = column_stats(
            values,
            totals=method in ("sum", "zscore"),
            squares=method in ("vector", "zscore"),
            deviations=method == "zscore",
            reciprocal=recip_cols,
        )
    lo, hi = stats.minimum, stats.maximum
    scale, shift, numerator = np.ones(n), np.zeros(n), np.zeros(n)
    reciprocal = np.zeros(n, dtype=bool)
    with np.errstate(divide="ignore", invalid="ignore"):
        if method == "minmax":
            span = hi - lo
            scale = np.where(cost, -1.0, 1.0) / span
            shift = np.where(cost, hi, lo)
            constant = span == 0
        elif method == "max":
            scale, reciprocal, numerator = 1.0 / hi, recip_cols, lo.copy()
            constant = hi == lo
        elif method == "sum":
            scale, reciprocal = 1.0 / stats.total, recip_cols
            numerator = 1.0 / stats.reciprocals
            constant = hi == lo
        elif method == "zscore":
            mean = stats.total / max(stats.count, 1)
            sd = _root_sum_squares(values, stats.squares, hi - lo, mean)
            sd /= np.sqrt(max(stats.count - 1, 1))
            scale = np.where(cost, -1.0, 1.0) / sd
            shift = mean
            constant = (sd == 0) | (hi == lo)
        elif method == "vector":
            size = np.maximum(np.abs(lo), np.abs(hi))
            scale = 1.0 / _root_sum_squares(values, stats.squares, size, np.zeros(n))
            constant = hi == lo
        elif method == "none":
            constant = hi == lo
        else:
            raise ValueError(_("unknown normalization {value}").format(value=repr(method)))
    reciprocal = np.asarray(reciprocal, dtype=bool) & ~constant
    scale = np.where(constant | reciprocal, 0.0, scale)
    shift = np.where(constant | reciprocal, 0.0, shift)
    numerator = np.where(reciprocal, numerator, 0.0)
    ends = np.stack([(lo - shift) * scale, (hi - shift) * scale]) + 0.0
    with np.errstate(divide="ignore"):
        ends[:, reciprocal] = numerator[reciprocal] / np.stack([hi, lo])[:, reciprocal]
    benefit = maximize | (method not in KEEPS_DIRECTION)
    return Normalization(
        method,
        scale,
        shift,
        numerator,
        reciprocal,
        np.asarray(benefit, dtype=bool),
        np.asarray(constant, dtype=bool),
        ends.min(axis=0),
        ends.max(axis=0),
    )


_UNDERFLOW = 1e-100
"""Below this size, squares of values (1e-300 squared is 0) lose their digits."""


def _root_sum_squares(
    values: FloatArray, squares: FloatArray, size: FloatArray, centre: FloatArray
) -> FloatArray:
    """sqrt(sum((x - centre)^2)) per column from ``squares``, recomputed scaled by ``size``
    (the spread of the column) where squaring underflows: a column of values near 1e-300 has
    a norm and a standard deviation, not 0."""
    roots = np.sqrt(squares)
    small = np.flatnonzero((size > 0) & (size < _UNDERFLOW))
    for column in small.tolist():
        scaled = (values[:, column] - centre[column]) / size[column]
        roots[column] = size[column] * np.sqrt(np.dot(scaled, scaled))
    return roots
