"""Scores of every alternative under many weight vectors at once (for the sensitivity study).

Normalised values do not depend on the weights, so each method reduces to matrix products over
a fixed matrix: weighted sum N w; weighted product log N w; TOPSIS through the squared
distances of N to the column extremes, ((N - E)^2) w^2; VIKOR S = U w and R = max_j U w.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np

from mgmt_tools._arrays import FloatArray, IntArray
from mgmt_tools.mcda.normalize import normalization
from mgmt_tools.mcda.ranking import TOLERANCE
from mgmt_tools.mcda.result import IndexResult

__all__ = ["Scorer", "scorer_of"]

BUDGET = 32 * 1024 * 1024
"""Bytes of temporaries per batch of weight vectors."""


@dataclass(frozen=True, eq=False)
class Scorer:
    method: str
    linear: bool
    """Scores are linear in the weights (weighted sum, log of a weighted product)."""
    higher_is_better: bool
    first: FloatArray
    """weighted sum: signed N; product: signed log N; topsis: (N - E+)^2; vikor: U."""
    second: FloatArray | None = None
    """topsis: (N - E-)^2."""
    v: float = 0.5

    @property
    def count(self) -> int:
        return int(self.first.shape[0])

    def scores(self, weights: FloatArray) -> FloatArray:
        """Alternatives x weight vectors (rows of ``weights``)."""
        if self.method in ("weighted_sum", "weighted_product"):
            return np.asarray(self.first @ weights.T, dtype=np.float64)
        if self.method == "topsis":
            assert self.second is not None
            squared = (weights * weights).T
            to_ideal = np.sqrt(np.clip(self.first @ squared, 0.0, None))
            to_anti = np.sqrt(np.clip(self.second @ squared, 0.0, None))
            total = to_ideal + to_anti
            with np.errstate(divide="ignore", invalid="ignore"):
                return np.asarray(np.where(total > 0, to_anti / total, 0.0), dtype=np.float64)
        s = self.first @ weights.T
        r = (self.first[:, None, :] * weights[None, :, :]).max(axis=2)
        q = np.zeros_like(s)
        for measure, share in ((s, self.v), (r, 1.0 - self.v)):
            low, high = measure.min(axis=0), measure.max(axis=0)
            span = high - low
            with np.errstate(divide="ignore", invalid="ignore"):
                q += np.where(span > 0, share * (measure - low) / span, 0.0)
        return q

    def batches(self, weights: FloatArray) -> Iterator[FloatArray]:
        """``weights`` in batches small enough for the temporaries of :meth:`scores`."""
        m, n = self.first.shape
        per = (n if self.method == "vikor" else 2) + (m if m <= 200 else 1)
        size = max(1, BUDGET // (8 * m * per))
        for start in range(0, weights.shape[0], size):
            yield weights[start : start + size]

    def winners(self, weights: FloatArray) -> IntArray:
        """The top alternative under each weight vector (the first of near-equal bests)."""
        found = []
        for batch in self.batches(weights):
            scores = self.scores(batch)
            best = scores.max(axis=0) if self.higher_is_better else scores.min(axis=0)
            bound = TOLERANCE * np.maximum(1.0, np.abs(best))
            ok = scores >= best - bound if self.higher_is_better else scores <= best + bound
            found.append(np.argmax(ok, axis=0))
        return np.concatenate(found).astype(np.int64)

    def competition_ranks(self, scores: FloatArray) -> IntArray:
        """Ranks 1 + the number of clearly better alternatives, per column of ``scores``."""
        bound = TOLERANCE * np.maximum(1.0, np.abs(scores))
        if self.higher_is_better:
            better = scores[:, None, :] > (scores + bound)[None, :, :]
        else:
            better = scores[:, None, :] < (scores - bound)[None, :, :]
        return np.asarray(better.sum(axis=0) + 1, dtype=np.int64)

    def top_positions(self, scores: FloatArray, count: int) -> IntArray:
        """The ``count`` best alternatives of each column, best first (count x columns)."""
        key = -scores if self.higher_is_better else scores
        part = np.argpartition(key, count - 1, axis=0)[:count]
        inner = np.argsort(np.take_along_axis(key, part, axis=0), axis=0, kind="stable")
        return np.asarray(np.take_along_axis(part, inner, axis=0), dtype=np.int64)


def scorer_of(result: IndexResult) -> Scorer:
    """The scorer of ``result``'s method, normalisation and matrix."""
    matrix, settings = result.matrix, result.settings
    values = matrix.values
    if settings.method == "vikor":
        lo, hi = values.min(axis=0), values.max(axis=0)
        best = np.where(matrix.maximize, hi, lo)
        span = best - np.where(matrix.maximize, lo, hi)
        with np.errstate(divide="ignore", invalid="ignore"):
            u = np.where(span != 0, (best - values) / span, 0.0)
        return Scorer("vikor", False, False, np.asarray(u, dtype=np.float64), v=settings.vikor_v)
    norm = normalization(values, matrix.maximize, settings.normalization)
    n = norm.apply(values)
    if settings.method == "weighted_sum":
        return Scorer("weighted_sum", True, True, n * norm.signs)
    if settings.method == "weighted_product":
        with np.errstate(divide="ignore", invalid="ignore"):
            logs = np.where(norm.constant, 0.0, np.log(n)) * norm.signs
        finite = bool(np.isfinite(logs).all())
        logs = np.nan_to_num(logs, nan=-1e300, neginf=-1e300, posinf=1e300)
        return Scorer("weighted_product", finite, True, logs)
    high = np.where(norm.benefit, norm.high, norm.low)
    low = np.where(norm.benefit, norm.low, norm.high)
    return Scorer("topsis", False, True, (n - high) ** 2, (n - low) ** 2)
