"""``mgmt ahp``: priorities and consistency of one matrix, or of a full hierarchy.

In a hierarchy the criteria's matrix gives the criteria weights; under each criterion the
alternatives' matrix gives local weights; a global weight is the criterion weight times the
local one, and an alternative's overall priority is the sum of its global weights (Saaty's
distributive synthesis). Every matrix gets its own lambda_max, CI and CR.

>>> from mgmt_tools.mcda import judgements_from_dict
>>> result = analyse(judgements_from_dict({
...     "elements": ["A", "B", "C"],
...     "comparisons": [["A", "B", 2], ["B", "C", 2], ["A", "C", 4]]}))
>>> [round(w, 4) for w in result.criteria.priorities.tolist()], result.criteria.consistency_ratio
([0.5714, 0.2857, 0.1429], 0.0)
"""

from __future__ import annotations

import dataclasses

import numpy as np

from mgmt_tools.locale import _
from mgmt_tools.mcda.ahp import analyse_matrix
from mgmt_tools.mcda.matrix import Judgements
from mgmt_tools.mcda.model import AHP_METHODS, RANDOM_INDEX_TABLES
from mgmt_tools.mcda.ranking import rank
from mgmt_tools.mcda.result import AhpResult

__all__ = ["analyse"]


def analyse(
    judgements: Judgements, *, method: str | None = None, random_index: str | None = None
) -> AhpResult:
    """Priorities, lambda_max, CI and CR of every matrix; ``method`` and ``random_index``
    override the file's (eigenvector or geometric_mean; saaty1980, saaty2005 or
    donegan_dodd)."""
    method = method or judgements.method
    table = random_index or judgements.random_index
    if method not in AHP_METHODS:
        raise ValueError(
            _("unknown AHP method {method} (one of {known})").format(
                method=repr(method), known=", ".join(AHP_METHODS)
            )
        )
    if table not in RANDOM_INDEX_TABLES:
        raise ValueError(
            _("unknown random-index table {table} (one of {known})").format(
                table=repr(table), known=", ".join(RANDOM_INDEX_TABLES)
            )
        )
    judgements = dataclasses.replace(judgements, method=method, random_index=table)
    warnings = list(judgements.load_warnings)
    top = analyse_matrix(judgements.criteria, method, table)
    warnings += top.warnings
    if not judgements.is_hierarchy:
        return AhpResult(judgements, top, warnings=warnings)
    assert judgements.alternatives is not None
    local = [analyse_matrix(matrix, method, table) for matrix in judgements.by_criterion]
    for analysis in local:
        warnings += analysis.warnings
    overall = np.zeros(len(judgements.alternatives))
    for weight, analysis in zip(top.priorities.tolist(), local, strict=True):
        overall += weight * analysis.priorities
    order, ranks = rank(overall)
    return AhpResult(judgements, top, local, overall, order, ranks, warnings)
