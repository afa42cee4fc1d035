"""Score and rank a decision matrix: weights, normalisation, method, ranking, sensitivity.

>>> from mgmt_tools.mcda import from_dict
>>> matrix = from_dict({
...     "criteria": [{"id": "cost", "weight": 0.4, "direction": "min"},
...                  {"id": "features", "weight": 0.35}, {"id": "support", "weight": 0.25}],
...     "alternatives": [{"name": "Vendor A", "cost": 250, "features": 7, "support": 8},
...                      {"name": "Vendor B", "cost": 310, "features": 9, "support": 6}]})
>>> result = evaluate(matrix)
>>> [(row["alternative"], round(row["score"], 2), row["rank"]) for row in result.ranking]
[('Vendor A', 0.65, 1), ('Vendor B', 0.35, 2)]
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from mgmt_tools._arrays import FloatArray
from mgmt_tools._numeric import close
from mgmt_tools.errors import InputError
from mgmt_tools.locale import _
from mgmt_tools.mcda.ahp import MatrixAnalysis, analyse_matrix
from mgmt_tools.mcda.checks import Settings, check, settings_of
from mgmt_tools.mcda.matrix import DecisionMatrix
from mgmt_tools.mcda.methods import compromise, topsis, vikor, weighted_product, weighted_sum
from mgmt_tools.mcda.normalize import normalization
from mgmt_tools.mcda.ranking import rank
from mgmt_tools.mcda.result import IndexResult
from mgmt_tools.mcda.weights import critic_weights, entropy_weights, equal_weights, roc_weights

__all__ = ["DEFAULT_CONCENTRATION", "DEFAULT_DRAWS", "evaluate", "weights_of"]

DEFAULT_DRAWS = 2000
DEFAULT_CONCENTRATION = 100.0


def weights_of(
    matrix: DecisionMatrix, settings: Settings, warnings: list[str]
) -> tuple[FloatArray, MatrixAnalysis | None]:
    """The criteria weights under ``settings.weighting`` (and the AHP analysis for ahp)."""
    n = len(matrix.criteria)
    given = matrix.given_weights
    if settings.weighting != "given" and given is not None and not np.isnan(given).all():
        warnings.append(
            _("the criteria's weights are not used: weighting is {weighting}").format(
                weighting=settings.weighting
            )
        )
    if settings.weighting != "ahp" and matrix.comparisons is not None:
        warnings.append(
            _("the comparisons are not used: weighting is {weighting}").format(
                weighting=settings.weighting
            )
        )
    if settings.weighting == "given":
        assert given is not None
        total = float(given.sum())
        if not close(total, 1.0):
            warnings.append(
                _("the given weights sum to {total}; they are normalised to sum to 1").format(
                    total=f"{total:g}"
                )
            )
        return given / total, None
    if settings.weighting == "equal":
        return equal_weights(n), None
    if settings.weighting == "roc":
        return roc_weights(n), None
    if settings.weighting == "entropy":
        return entropy_weights(matrix.values, warnings), None
    if settings.weighting == "critic":
        return critic_weights(matrix.values, warnings), None
    assert matrix.comparisons is not None
    analysis = analyse_matrix(matrix.comparisons, settings.ahp_method, settings.random_index)
    warnings.extend(analysis.warnings)
    return analysis.priorities, analysis


def evaluate(
    matrix: DecisionMatrix,
    *,
    method: str | None = None,
    normalization: str | None = None,
    weighting: str | None = None,
    vikor_v: float | None = None,
    sensitivity: bool = False,
    seed: int | None = None,
    draws: int = DEFAULT_DRAWS,
    concentration: float = DEFAULT_CONCENTRATION,
) -> IndexResult:
    """Weights, scores and ranking of ``matrix``; the arguments override the file's settings.

    ``sensitivity`` adds, per criterion, the weights at which the winner changes and a Monte
    Carlo rank acceptability over ``draws`` Dirichlet weight draws with mean the weights and
    concentration ``concentration`` (``seed`` None: a fresh seed, reported).

    Raises :class:`InputError` (located) when a value cannot be taken by the chosen formulas.
    """
    settings = settings_of(matrix, method, normalization, weighting, vikor_v)
    problems = check(matrix, settings)
    if problems:
        raise InputError(problems)
    warnings = list(matrix.load_warnings)
    if settings.ignored_normalization is not None:
        warnings.append(
            _(
                "vikor uses its own normalisation (f* - f)/(f* - f-); normalization "
                "{normalization} is not used"
            ).format(normalization=settings.ignored_normalization)
        )
    weights, analysis = weights_of(matrix, settings, warnings)
    result = score(matrix, settings, weights, warnings)
    if analysis is not None:
        result = _with(result, ahp=analysis)
    if sensitivity:
        from mgmt_tools.mcda.sensitivity import analyse_sensitivity

        study = analyse_sensitivity(result, seed=seed, draws=draws, concentration=concentration)
        result = _with(result, sensitivity=study)
    return result


def _with(result: IndexResult, **changes: object) -> IndexResult:
    import dataclasses

    return dataclasses.replace(result, **changes)  # type: ignore[arg-type]


def score(
    matrix: DecisionMatrix, settings: Settings, weights: FloatArray, warnings: list[str]
) -> IndexResult:
    """Scores and ranking for fixed ``weights`` (no checks: see :func:`evaluate`)."""
    values = matrix.values
    if settings.method == "vikor":
        q, s, r, constant = vikor(values, matrix.maximize, weights, settings.vikor_v, warnings)
        _constant_warnings(matrix, constant, warnings)
        order, ranks = rank(q, higher_is_better=False)
        chosen = compromise(q, s, r, order)
        return IndexResult(
            matrix, settings, weights, q, order, ranks, s, r, chosen, warnings=warnings
        )
    norm = normalization(values, matrix.maximize, settings.normalization)
    _constant_warnings(matrix, norm.constant, warnings)
    ideal = anti = None
    if settings.method == "weighted_sum":
        scores = weighted_sum(values, norm, weights)
    elif settings.method == "weighted_product":
        scores = weighted_product(values, norm, weights)
        if settings.normalization == "minmax" and bool((norm.low[weights > 0] == 0).any()):
            warnings.append(
                _(
                    "minmax gives the worst alternative of each criterion 0, so with "
                    "weighted_product an alternative worst on a weighted criterion scores 0"
                )
            )
    else:
        scores, ideal, anti = topsis(values, norm, weights)
    order, ranks = rank(scores)
    return IndexResult(
        matrix,
        settings,
        weights,
        scores,
        order,
        ranks,
        ideal=ideal,
        anti_ideal=anti,
        warnings=warnings,
    )


def _constant_warnings(
    matrix: DecisionMatrix, constant: npt.NDArray[np.bool_], warnings: list[str]
) -> None:
    if len(matrix.alternatives) < 2:
        return
    for col in np.flatnonzero(constant).tolist():
        value = float(matrix.values[0, col])
        warnings.append(
            _(
                "criterion '{criterion}' has the same value ({value}) for every "
                "alternative: it cannot tell them apart and scores 0"
            ).format(criterion=matrix.criteria[col], value=f"{value:g}")
        )
