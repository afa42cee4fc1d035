"""The one verb of :mod:`mgmt_tools.mcda`: ``run`` a decision matrix (``mgmt index``) or AHP
judgements (``mgmt ahp``), whichever was loaded.

>>> from mgmt_tools.mcda import judgements_from_dict
>>> result = run(judgements_from_dict({
...     "elements": ["Rates", "Service"], "comparisons": [["Rates", "Service", 3]]}))
>>> result.criteria.weights()
{'Rates': 0.75, 'Service': 0.25}
"""

from __future__ import annotations

from typing import Any, overload

from mgmt_tools.locale import _
from mgmt_tools.mcda.analysis import analyse
from mgmt_tools.mcda.evaluate import DEFAULT_CONCENTRATION, DEFAULT_DRAWS, evaluate
from mgmt_tools.mcda.matrix import DecisionMatrix, Judgements
from mgmt_tools.mcda.result import AhpResult, IndexResult

__all__ = ["run"]


@overload
def run(
    loaded: DecisionMatrix,
    *,
    sensitivity: bool = ...,
    seed: int | None = ...,
    draws: int = ...,
    concentration: float = ...,
) -> IndexResult: ...


@overload
def run(
    loaded: Judgements, *, method: str | None = ..., random_index: str | None = ...
) -> AhpResult: ...


def run(loaded: DecisionMatrix | Judgements, **options: Any) -> IndexResult | AhpResult:
    """The result of a loaded input: :func:`~mgmt_tools.mcda.evaluate` of a decision matrix
    (options ``sensitivity``, ``seed``, ``draws``, ``concentration``), or
    :func:`~mgmt_tools.mcda.analyse` of AHP judgements (options ``method``,
    ``random_index``).

    Raises
    ------
    TypeError
        An option the kind of input does not take (the matrix's method, normalisation and
        weighting are given when it is loaded).
    InputError
        A value the chosen formulas cannot take.
    """
    if isinstance(loaded, Judgements):
        return analyse(loaded, **options)
    if not isinstance(loaded, DecisionMatrix):
        raise TypeError(
            _(
                "run takes a DecisionMatrix or Judgements (from load or loads_judgements), "
                "not {type}"
            ).format(type=type(loaded).__name__)
        )
    return _evaluate(loaded, **options)


def _evaluate(
    matrix: DecisionMatrix,
    *,
    sensitivity: bool = False,
    seed: int | None = None,
    draws: int = DEFAULT_DRAWS,
    concentration: float = DEFAULT_CONCENTRATION,
) -> IndexResult:
    return evaluate(
        matrix, sensitivity=sensitivity, seed=seed, draws=draws, concentration=concentration
    )
