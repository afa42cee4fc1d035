"""Optimal completion of an incomplete pairwise comparison matrix (missing pairs).

The missing entries are chosen to minimise the Perron eigenvalue lambda_max of the completed
matrix (Bozoki, Fulop and Ronyai, "On optimal completion of incomplete pairwise comparison
matrices", Mathematical and Computer Modelling 52 (2010) 318-333). In log coordinates
``t = log a_ij`` lambda_max is a convex function of the missing entries, and the optimum is
unique when the judgements connect every element. It is found by cyclic coordinate descent:
each missing entry in turn is set to the minimiser over that entry alone, a 1-D convex problem
solved on its derivative

    d lambda / d t = (a_ij v_i w_j - a_ji v_j w_i) / (v . w)

(w and v the right and left Perron vectors), which is increasing in ``t``; the root is
bracketed and refined by the Illinois rule (regula falsi). Start: the logarithmic least squares
completion (a_ij = w_i / w_j of the incomplete LLSM), close to the optimum in practice.

>>> import numpy as np
>>> a = np.array([[1, 2, np.nan], [0.5, 1, 2], [np.nan, 0.5, 1]])
>>> completed, converged = complete(a)
>>> round(float(completed[0, 2]), 9), converged  # consistent: a_13 = a_12 a_23
(4.0, True)
"""

from __future__ import annotations

import numpy as np

from mgmt_tools._arrays import FloatArray

__all__ = ["complete", "perron"]


def perron(
    a: FloatArray, start: FloatArray | None = None, tol: float = 1e-13, max_iter: int = 10000
) -> tuple[FloatArray, float, bool]:
    """The Perron (principal) eigenvector of a positive matrix, summing to 1, its eigenvalue,
    and whether the power iteration met ``tol`` (largest change of a component)."""
    n = a.shape[0]
    w = np.full(n, 1.0 / n) if start is None else start / start.sum()
    for _ in range(max_iter):
        aw = a @ w
        lam = float(aw.sum())
        new = aw / lam
        if float(np.abs(new - w).max()) < tol:
            return new, float((a @ new).sum()), True
        w = new
    return w, float((a @ w).sum()), False


def _llsm_start(values: FloatArray) -> FloatArray:
    """Log weights of the incomplete logarithmic least squares method (a Laplacian system)."""
    n = values.shape[0]
    known = ~np.isnan(values)
    np.fill_diagonal(known, False)
    logs = np.where(known, np.log(np.where(known, values, 1.0)), 0.0)
    laplacian = np.diag(known.sum(axis=1).astype(float)) - known.astype(float)
    rhs = logs.sum(axis=1)
    y = np.zeros(n)
    # the system is singular (weights are relative): fix the first log weight at 0
    y[1:] = np.linalg.lstsq(laplacian[1:, 1:], rhs[1:], rcond=None)[0]
    return y


def complete(
    values: FloatArray, tol: float = 1e-12, max_cycles: int = 500
) -> tuple[FloatArray, bool]:
    """The lambda_max-optimal completion of ``values`` (NaN marks a missing pair) and whether
    the coordinate descent converged (largest change of a log entry in a cycle below ``tol``).
    The judgements must connect every element (checked when they are read)."""
    a = values.copy()
    missing = np.argwhere(np.isnan(np.triu(a, 1)))
    if not missing.size:
        return a, True
    y = _llsm_start(values)
    for i, j in missing.tolist():
        a[i, j] = np.exp(y[i] - y[j])
        a[j, i] = 1 / a[i, j]
    w, _, _ = perron(a)
    v, _, _ = perron(a.T)
    for _ in range(max_cycles):
        largest = 0.0
        for i, j in missing.tolist():
            t0 = float(np.log(a[i, j]))
            t, w, v = _minimise_entry(a, i, j, t0, w, v)
            largest = max(largest, abs(t - t0))
        if largest < tol:
            return a, True
    return a, False


def _set(a: FloatArray, i: int, j: int, t: float) -> None:
    a[i, j] = np.exp(t)
    a[j, i] = np.exp(-t)


def _slope(
    a: FloatArray, i: int, j: int, t: float, w: FloatArray, v: FloatArray
) -> tuple[float, FloatArray, FloatArray]:
    """d lambda_max / d log a_ij at ``t`` (and the Perron vectors there, warm-started)."""
    _set(a, i, j, t)
    w, _, _ = perron(a, w)
    v, _, _ = perron(a.T, v)
    slope = (a[i, j] * v[i] * w[j] - a[j, i] * v[j] * w[i]) / float(v @ w)
    return float(slope), w, v


def _minimise_entry(
    a: FloatArray, i: int, j: int, t0: float, w: FloatArray, v: FloatArray
) -> tuple[float, FloatArray, FloatArray]:
    g0, w, v = _slope(a, i, j, t0, w, v)
    if g0 == 0:
        return t0, w, v
    step = -0.5 if g0 > 0 else 0.5
    low, g_low, high, g_high = t0, g0, t0, g0
    for _ in range(60):  # bracket the root of the increasing slope
        t = t0 + step
        g, w, v = _slope(a, i, j, t, w, v)
        if (g > 0) == (g0 > 0) and g != 0:
            t0, g0, step = t, g, step * 2
            continue
        low, g_low, high, g_high = (t, g, t0, g0) if step < 0 else (t0, g0, t, g)
        break
    else:  # no root within e^60: leave the entry where it is
        _set(a, i, j, t0)
        return t0, w, v
    # Illinois (modified regula falsi): superlinear, and the bracket always shrinks
    side = 0
    t = low
    for _ in range(200):
        previous = t
        t = (low * g_high - high * g_low) / (g_high - g_low)
        g, w, v = _slope(a, i, j, t, w, v)
        if g == 0 or abs(t - previous) <= 1e-15 * max(1.0, abs(t)) or high - low < 1e-14:
            break
        if g < 0:
            low, g_low = t, g
            if side < 0:
                g_high /= 2
            side = -1
        else:
            high, g_high = t, g
            if side > 0:
                g_low /= 2
            side = 1
    _set(a, i, j, t)
    return t, w, v
