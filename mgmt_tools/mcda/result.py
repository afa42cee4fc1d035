"""Results of ``mgmt index`` and ``mgmt ahp``: their JSON form (docs/formats/) and text summary.

An index result keeps its numbers in arrays (scores, ranks, order); the ``ranking`` rows are
built when asked for, so a million alternatives cost megabytes until printed. The summary text
and the pictures live in :mod:`~mgmt_tools.mcda.summary`, :mod:`~mgmt_tools.mcda.render` and
:mod:`~mgmt_tools.mcda.charts`; a notebook shows them through
:class:`~mgmt_tools.render.display.Displayed`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, ClassVar

import numpy as np
import numpy.typing as npt

from mgmt_tools._arrays import FloatArray, IntArray
from mgmt_tools._rows import Row
from mgmt_tools.locale import N_
from mgmt_tools.mcda.ahp import MatrixAnalysis
from mgmt_tools.mcda.checks import Settings
from mgmt_tools.mcda.matrix import DecisionMatrix, Judgements
from mgmt_tools.mcda.methods import Compromise
from mgmt_tools.render.display import Displayed

__all__ = [
    "Acceptability",
    "AhpResult",
    "BreakPoint",
    "CriterionSensitivity",
    "IndexResult",
    "RankedAlternative",
    "Sensitivity",
]

SCORE_MEANING = {  # the JSON's score_meaning (English); translated where shown
    "weighted_sum": N_("weighted sum; higher is better"),
    "weighted_product": N_("weighted product; higher is better"),
    "topsis": N_("closeness to the ideal; higher is better"),
    "vikor": N_("Q; lower is better"),
}


FULL_RANKS = 200
"""Alternatives up to which the rank acceptability counts every rank."""


@dataclass(frozen=True)
class BreakPoint:
    """Where the winner changes as one weight moves."""

    weight: float
    winner: str


@dataclass(frozen=True)
class CriterionSensitivity:
    criterion: str
    weight: float
    increase: BreakPoint | None
    """The weight above the current one at which another alternative becomes top."""
    decrease: BreakPoint | None
    solved: str
    """'exact' (linear scores) or 'search' (grid and multisection)."""

    def to_dict(self) -> dict[str, Any]:
        def point(p: BreakPoint | None) -> dict[str, Any] | None:
            return None if p is None else {"weight": p.weight, "winner": p.winner}

        return {
            "criterion": self.criterion,
            "weight": self.weight,
            "increase": point(self.increase),
            "decrease": point(self.decrease),
            "solved": self.solved,
        }


@dataclass(frozen=True, eq=False)
class Acceptability:
    draws: int
    seed: int
    concentration: float
    counts: npt.NDArray[np.int64]
    """Alternatives x ranks shown: draws giving the alternative that rank."""

    def shares(self) -> FloatArray:
        return np.asarray(self.counts / self.draws, dtype=np.float64)


@dataclass(frozen=True, eq=False)
class Sensitivity:
    alternatives: list[str]
    winner: str
    criteria: list[CriterionSensitivity]
    acceptability: Acceptability

    def to_dict(self) -> dict[str, Any]:
        shares = self.acceptability.shares()
        big = len(self.alternatives) > FULL_RANKS
        keep = np.flatnonzero(shares.sum(axis=1) > 0) if big else np.arange(shares.shape[0])
        a = self.acceptability
        return {
            "winner": self.winner,
            "rescaling": "the other weights keep their proportions",
            "criteria": [c.to_dict() for c in self.criteria],
            "acceptability": {
                "draws": a.draws,
                "seed": a.seed,
                "distribution": "dirichlet",
                "concentration": a.concentration,
                "ranks_shown": int(shares.shape[1]),
                "first": {self.alternatives[i]: float(shares[i, 0]) for i in keep.tolist()},
                "ranks": {self.alternatives[i]: shares[i].tolist() for i in keep.tolist()},
            },
        }


def _names(keys: tuple[str, ...], values: FloatArray) -> dict[str, float]:
    return dict(zip(keys, values.tolist(), strict=True))


@dataclass(frozen=True, slots=True)
class RankedAlternative(Row):
    """A line of the ranking (``ranking`` of the JSON), best first."""

    OPTIONAL: ClassVar[frozenset[str]] = frozenset({"S", "R"})

    alternative: str
    score: float
    """The method's score (VIKOR: Q, lower is better)."""
    rank: int
    """1 = best; equal scores share a rank."""
    S: float | None = None
    """VIKOR: group utility (the JSON key)."""
    R: float | None = None
    """VIKOR: individual regret (the JSON key)."""


@dataclass(frozen=True, eq=False)
class IndexResult(Displayed):
    """Weights, scores and ranking of a decision matrix (``mgmt index --json``).

    >>> from mgmt_tools.mcda import from_dict, run
    >>> result = run(from_dict({"criteria": [{"id": "cost", "direction": "min"}, {"id": "fit"}],
    ...     "weighting": "equal", "alternatives": [{"name": "A", "cost": 3, "fit": 7},
    ...                                            {"name": "B", "cost": 2, "fit": 8}]}))
    >>> result.ranking[0].alternative, result.ranking[0].score, result.ranking[0]["rank"]
    ('B', 1.0, 1)
    """

    matrix: DecisionMatrix
    settings: Settings
    weights: FloatArray
    scores: FloatArray
    order: IntArray
    """Alternatives, best first."""
    ranks: IntArray
    """Rank of each alternative in input order (1 = best; equal scores share a rank)."""
    s: FloatArray | None = None
    r: FloatArray | None = None
    compromise: Compromise | None = None
    ideal: FloatArray | None = None
    anti_ideal: FloatArray | None = None
    ahp: MatrixAnalysis | None = None
    sensitivity: Sensitivity | None = None
    warnings: list[str] = field(default_factory=list)

    @property
    def method(self) -> str:
        return self.settings.method

    @property
    def winner(self) -> str:
        return self.matrix.alternatives[int(self.order[0])]

    def ranking_rows(self, limit: int | None = None) -> list[dict[str, Any]]:
        """``ranking`` entries best first: alternative, score, rank (and S, R for vikor)."""
        order = self.order if limit is None else self.order[:limit]
        names = self.matrix.alternatives
        rows: list[dict[str, Any]] = []
        scores, ranks = self.scores[order].tolist(), self.ranks[order].tolist()
        s = self.s[order].tolist() if self.s is not None else None
        r = self.r[order].tolist() if self.r is not None else None
        for k, index in enumerate(order.tolist()):
            row: dict[str, Any] = {
                "alternative": names[index],
                "score": scores[k],
                "rank": ranks[k],
            }
            if s is not None and r is not None:
                row["S"], row["R"] = s[k], r[k]
            rows.append(row)
        return rows

    @property
    def ranking(self) -> list[RankedAlternative]:
        """The ranking as typed rows, best first (built on each call; for a million
        alternatives :meth:`ranking_rows` is faster)."""
        return [RankedAlternative(**row) for row in self.ranking_rows()]

    def to_dict(self) -> dict[str, Any]:
        """The ``--json`` result (docs/formats/index.md)."""
        matrix, settings = self.matrix, self.settings
        data: dict[str, Any] = {
            "command": "index",
            "method": settings.method,
            "normalization": settings.normalization,
            "normalization_is_default": settings.normalization_is_default,
            "weighting": settings.weighting,
            "goal": matrix.goal,
            "criteria": [
                {"id": cid, "name": name, "direction": "max" if up else "min"}
                for cid, name, up in zip(
                    matrix.criteria, matrix.criterion_names, matrix.maximize.tolist(), strict=True
                )
            ],
            "weights": _names(matrix.criteria, self.weights),
            "alternative_count": len(matrix.alternatives),
            "score_meaning": SCORE_MEANING[settings.method],
        }
        if settings.method == "vikor":
            data["vikor_v"] = settings.vikor_v
        data["ranking"] = self.ranking_rows()
        if self.compromise is not None:
            c = self.compromise
            data["compromise"] = {
                "alternatives": [matrix.alternatives[i] for i in c.alternatives],
                "acceptable_advantage": c.acceptable_advantage,
                "acceptable_stability": c.acceptable_stability,
                "advantage": c.advantage,
                "threshold": c.threshold,
            }
        if self.ideal is not None and self.anti_ideal is not None:
            data["ideal"] = _names(matrix.criteria, self.ideal)
            data["anti_ideal"] = _names(matrix.criteria, self.anti_ideal)
        if self.ahp is not None:
            data["consistency_ratio"] = self.ahp.consistency_ratio
            data["ahp"] = {
                "method": settings.ahp_method,
                "random_index_table": settings.random_index,
                "lambda_max": self.ahp.lambda_max,
                "consistency_index": self.ahp.consistency_index,
                "random_index": self.ahp.random_index,
                "completed": [
                    {"row": row, "col": col, "value": value}
                    for row, col, value in self.ahp.completed
                ],
            }
        if self.sensitivity is not None:
            data["sensitivity"] = self.sensitivity.to_dict()
        data["warnings"] = list(self.warnings)
        return data


@dataclass(frozen=True, eq=False)
class AhpResult(Displayed):
    """Priorities and consistency of AHP judgements (``mgmt ahp --json``)."""

    judgements: Judgements
    criteria: MatrixAnalysis
    """The single matrix, or the criteria's matrix of a hierarchy."""
    by_criterion: list[MatrixAnalysis] = field(default_factory=list)
    overall: FloatArray | None = None
    order: IntArray | None = None
    ranks: IntArray | None = None
    warnings: list[str] = field(default_factory=list)

    @property
    def method(self) -> str:
        return self.judgements.method

    def ranking_rows(self) -> list[dict[str, Any]]:
        """``ranking`` entries of a hierarchy, best first: alternative, score (the overall
        priority), rank; none for a single matrix."""
        if self.overall is None or self.order is None or self.ranks is None:
            return []
        alternatives = self.judgements.alternatives
        assert alternatives is not None
        return [
            {
                "alternative": alternatives[i],
                "score": float(self.overall[i]),
                "rank": int(self.ranks[i]),
            }
            for i in self.order.tolist()
        ]

    @property
    def ranking(self) -> list[RankedAlternative]:
        """The alternatives of a hierarchy by overall priority, as typed rows (empty for a
        single matrix, whose priorities are :meth:`MatrixAnalysis.weights
        <mgmt_tools.mcda.ahp.MatrixAnalysis.weights>`)."""
        return [RankedAlternative(**row) for row in self.ranking_rows()]

    def to_dict(self) -> dict[str, Any]:
        """The ``--json`` result (docs/formats/ahp.md)."""
        j = self.judgements
        data: dict[str, Any] = {"command": "ahp", "method": j.method, "goal": j.goal}
        data["random_index_table"] = j.random_index
        c = self.criteria
        if not j.is_hierarchy:
            data.update(
                priorities=c.weights(),
                lambda_max=c.lambda_max,
                consistency_index=c.consistency_index,
                consistency_ratio=c.consistency_ratio,
                random_index=c.random_index,
            )
            if c.completed:
                data["completed"] = [{"row": a, "col": b, "value": v} for a, b, v in c.completed]
            data["warnings"] = list(self.warnings)
            return data
        assert j.alternatives is not None
        assert self.overall is not None
        assert self.order is not None
        assert self.ranks is not None
        weights = c.priorities.tolist()
        data["criteria_weights"] = c.weights()
        data["local"] = {m.name: m.weights() for m in self.by_criterion}
        data["global"] = {
            m.name: {alt: w * value for alt, value in m.weights().items()}
            for m, w in zip(self.by_criterion, weights, strict=True)
        }
        data["overall"] = _names(j.alternatives, self.overall)
        data["ranking"] = self.ranking_rows()
        data["consistency_ratio"] = {
            "criteria": c.consistency_ratio,
            "by_criterion": {m.name: m.consistency_ratio for m in self.by_criterion},
        }
        data["lambda_max"] = {
            "criteria": c.lambda_max,
            "by_criterion": {m.name: m.lambda_max for m in self.by_criterion},
        }
        data["consistency_index"] = {
            "criteria": c.consistency_index,
            "by_criterion": {m.name: m.consistency_index for m in self.by_criterion},
        }
        completed = [
            {"matrix": m.name, "row": a, "col": b, "value": v}
            for m in (c, *self.by_criterion)
            for a, b, v in m.completed
        ]
        if completed:
            data["completed"] = completed
        data["warnings"] = list(self.warnings)
        return data
