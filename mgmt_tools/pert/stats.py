"""PERT statistics: the normal approximation of the project's finish time."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from statistics import NormalDist

from mgmt_tools._numeric import TOLERANCE, close

__all__ = ["QUANTILES", "PertStats", "pert_stats"]

QUANTILES = (0.5, 0.8, 0.9, 0.95, 0.99)


@dataclass(frozen=True)
class PertStats:
    """Mean, variance and sd of the finish time; P(T <= deadline); quantiles."""

    mean: float
    variance: float
    sd: float
    quantiles: dict[str, float]
    deadline: float | None = None
    probability: float | None = None
    warnings: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, object]:
        data: dict[str, object] = {"mean": self.mean, "variance": self.variance, "sd": self.sd}
        if self.deadline is not None:
            data["deadline"] = self.deadline
            data["probability"] = self.probability
        data["quantiles"] = dict(self.quantiles)
        return data


def pert_stats(
    mean: float,
    variance: float,
    deadline: float | None = None,
    quantiles: tuple[float, ...] = QUANTILES,
) -> PertStats:
    """Normal approximation N(mean, variance) of the finish time.

    A spread within the tolerance of the mean (docs/formats, tolerance) is no spread: the
    finish is certain, and a deadline equal to it within the tolerance is met (probability 1),
    as the simulation counts it.

    >>> stats = pert_stats(7.5, (7 / 6) ** 2, deadline=8)
    >>> round(stats.probability, 4), round(stats.quantiles["0.8"], 3)
    (0.6659, 8.482)
    >>> pert_stats(0.1 + 0.2, 0.0, deadline=0.3).probability
    1.0
    """
    sd = math.sqrt(variance)
    if sd > TOLERANCE * max(1.0, abs(mean)):
        normal = NormalDist(mean, sd)
        points = {str(q): normal.inv_cdf(q) for q in quantiles}
        probability = normal.cdf(deadline) if deadline is not None else None
    else:  # every critical duration is certain: a step at the mean
        points = {str(q): mean for q in quantiles}
        probability = None
        if deadline is not None:
            probability = 1.0 if deadline >= mean or close(deadline, mean) else 0.0
    return PertStats(mean, variance, sd, points, deadline, probability)
