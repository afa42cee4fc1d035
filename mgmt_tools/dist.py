"""Three-point distributions shared by schedule simulation and decision simulation.

beta-PERT on [a, b] with mode m: Beta(alpha, beta) scaled to [a, b] with
alpha = 1 + 4 (m - a) / (b - a) and beta = 1 + 4 (b - m) / (b - a), so its mean is the PERT
expected time (a + 4m + b) / 6 but its sd is not (b - a) / 6. The triangular distribution
has its peak at m. A range with a == b is the constant a.
"""

from __future__ import annotations

import numpy as np

from mgmt_tools._arrays import FloatArray

__all__ = ["DISTRIBUTIONS", "beta_pert_shape", "sample_three_point"]

DISTRIBUTIONS = ("beta-pert", "triangular")


def beta_pert_shape(a: FloatArray, m: FloatArray, b: FloatArray) -> tuple[FloatArray, FloatArray]:
    """The Beta shape parameters (alpha, beta) of beta-PERT; (3, 3) where a == b.

    >>> alpha, beta = beta_pert_shape(np.array([2.0]), np.array([4.0]), np.array([9.0]))
    >>> round(float(alpha[0]), 4), round(float(beta[0]), 4)
    (2.1429, 3.8571)
    """
    width = b - a
    safe = np.where(width > 0, width, 1.0)
    alpha = np.where(width > 0, 1 + 4 * (m - a) / safe, 3.0)
    return alpha, 6.0 - alpha


def sample_three_point(
    rng: np.random.Generator,
    a: FloatArray,
    m: FloatArray,
    b: FloatArray,
    trials: int,
    distribution: str = "beta-pert",
) -> FloatArray:
    """Samples of shape (len(a), trials): row i from the distribution of (a[i], m[i], b[i]).

    >>> rng = np.random.default_rng(1)
    >>> x = sample_three_point(rng, np.array([1.0, 5.0]), np.array([2.0, 5.0]),
    ...                        np.array([6.0, 5.0]), 20000)
    >>> round(float(x[0].mean()), 1), float(x[1].min()), float(x[1].max())
    (2.5, 5.0, 5.0)
    """
    a2, m2, b2 = a[:, None], m[:, None], b[:, None]
    width = b2 - a2
    if distribution == "beta-pert":
        alpha, beta = beta_pert_shape(a, m, b)
        unit = rng.beta(alpha[:, None], beta[:, None], size=(len(a), trials))
        return a2 + width * unit
    if distribution == "triangular":
        u = rng.random((len(a), trials))
        safe = np.where(width > 0, width, 1.0)
        peak = (m2 - a2) / safe  # the CDF at the mode
        low = a2 + np.sqrt(u * width * (m2 - a2))
        high = b2 - np.sqrt((1 - u) * width * (b2 - m2))
        return np.where(u < peak, low, high)
    from mgmt_tools._validation import unknown_choice  # pydantic: only on this error path
    from mgmt_tools.locale import _

    raise ValueError(unknown_choice(_("distribution"), f"'{distribution}'", DISTRIBUTIONS))
