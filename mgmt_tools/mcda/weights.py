"""Criteria weights: given, equal, roc, entropy and CRITIC (AHP weights come from
:func:`mgmt_tools.mcda.ahp.analyse_matrix`). Every function returns weights summing to 1.

* given: the criteria's weights, normalised to sum to 1 (the caller warns when they did not).
* equal: 1/n each.
* roc: rank order centroid, w_k = (1/n) sum_{i=k..n} 1/i for the k-th criterion in the list
  (Barron and Barrett 1996).
* entropy: Shannon entropy of the shares p_ij = x_ij / sum_i x_ij of each column as given,
  E_j = -sum_i p_ij ln p_ij / ln m, w_j proportional to 1 - E_j (0 ln 0 = 0).
* critic: Diakoulaki, Mavrotas and Papayannakis (1995): on min-max scaled columns (as given,
  cost criteria not turned around), C_j = sd_j sum_k (1 - r_jk) with the sample sd and the
  Pearson correlations; w_j proportional to C_j. Scaling does not change correlations, so
  they are computed on the raw columns; a constant column has sd 0 and adds no conflict
  term to the others.

>>> import numpy as np
>>> [round(w, 4) for w in roc_weights(3).tolist()]
[0.6111, 0.2778, 0.1111]
"""

from __future__ import annotations

import numpy as np

from mgmt_tools._arrays import FloatArray
from mgmt_tools.locale import _
from mgmt_tools.mcda.normalize import BLOCK_ROWS, column_stats

__all__ = ["critic_weights", "entropy_weights", "equal_weights", "roc_weights"]


def equal_weights(n: int) -> FloatArray:
    """1/n for each of ``n`` criteria."""
    return np.full(n, 1.0 / n)


def roc_weights(n: int) -> FloatArray:
    """Rank order centroid weights of ``n`` criteria ranked by their order."""
    harmonic = 1.0 / np.arange(1, n + 1)
    return np.asarray(np.cumsum(harmonic[::-1])[::-1] / n, dtype=np.float64)


def _share(scores: FloatArray, message: str, warnings: list[str]) -> FloatArray:
    """``scores`` as shares of their sum; equal weights with the warning ``message`` when
    they tell nothing apart."""
    total = float(scores.sum())
    if total <= 0 or not np.isfinite(total):
        warnings.append(message)
        return equal_weights(scores.size)
    return np.asarray(scores / total, dtype=np.float64)


def entropy_weights(values: FloatArray, warnings: list[str] | None = None) -> FloatArray:
    """Entropy weights of the columns of ``values`` (non-negative, each column summing > 0)."""
    warnings = warnings if warnings is not None else []
    m, n = values.shape
    if m < 2:
        warnings.append(
            _("entropy weighting needs at least two alternatives: equal weights are used")
        )
        return equal_weights(n)
    total = np.zeros(n)
    x_log_x = np.zeros(n)
    for start in range(0, m, BLOCK_ROWS):
        block = values[start : start + BLOCK_ROWS]
        total += block.sum(axis=0)
        with np.errstate(divide="ignore", invalid="ignore"):
            x_log_x += np.where(
                block > 0, block * np.log(np.where(block > 0, block, 1.0)), 0.0
            ).sum(axis=0)
    # sum p ln p with p = x / T is (sum x ln x) / T - ln T
    with np.errstate(divide="ignore", invalid="ignore"):
        plogp = np.where(total > 0, x_log_x / total - np.log(np.where(total > 0, total, 1.0)), 0.0)
    entropy = -plogp / np.log(m)
    # an all-zero column has no shares at all: like a constant one, it tells nothing apart
    diversity = np.where(total > 0, np.clip(1.0 - entropy, 0.0, None), 0.0)
    return _share(
        diversity,
        _("entropy weighting cannot tell the criteria apart: equal weights are used"),
        warnings,
    )


def critic_weights(values: FloatArray, warnings: list[str] | None = None) -> FloatArray:
    """CRITIC weights of the columns of ``values``."""
    warnings = warnings if warnings is not None else []
    m, n = values.shape
    if m < 2:
        warnings.append(
            _("CRITIC weighting needs at least two alternatives: equal weights are used")
        )
        return equal_weights(n)
    stats = column_stats(values)
    mean = stats.total / m
    covariance = np.zeros((n, n))
    for start in range(0, m, BLOCK_ROWS):
        centred = values[start : start + BLOCK_ROWS] - mean
        covariance += centred.T @ centred
    covariance /= m - 1
    sd = np.sqrt(np.clip(np.diag(covariance), 0.0, None))
    span = stats.maximum - stats.minimum
    varies = (span > 0) & (sd > 0)
    with np.errstate(divide="ignore", invalid="ignore"):
        correlation = covariance / np.outer(sd, sd)
        scaled_sd = np.where(varies, sd / span, 0.0)
    # a constant column carries no information and conflicts with nothing: it adds no term
    correlation = np.where(np.outer(varies, varies), correlation, 1.0)
    information = scaled_sd * (1.0 - correlation).sum(axis=1)
    return _share(
        information,
        _("CRITIC weighting cannot tell the criteria apart: equal weights are used"),
        warnings,
    )
