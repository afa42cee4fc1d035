"""Score and rank a backlog by its method.

>>> from mgmt_tools.rank import from_dict
>>> result = evaluate(from_dict({"method": "wsjf", "items": [
...     {"name": "Ad bug", "business_value": 7, "time_criticality": 9, "risk_reduction": 5,
...      "job_size": 2},
...     {"name": "Podcast feed", "business_value": 8, "time_criticality": 3, "risk_reduction": 4,
...      "job_size": 8}]}))
>>> [(row["item"], row["score"], row["rank"]) for row in result.ranking]
[('Ad bug', 10.5, 1), ('Podcast feed', 1.875, 2)]
"""

from __future__ import annotations

from typing import Any

import numpy as np

import mgmt_tools.rank.scores as methods
from mgmt_tools._arrays import FloatArray
from mgmt_tools._numeric import close
from mgmt_tools._validation import locate
from mgmt_tools.errors import InputError
from mgmt_tools.locale import _
from mgmt_tools.rank.build import Backlog
from mgmt_tools.rank.model import CATEGORIES, MODELS
from mgmt_tools.rank.ranking import rank
from mgmt_tools.rank.result import RankResult

__all__ = ["evaluate", "run"]


def evaluate(backlog: Backlog, *, model: str | None = None) -> RankResult:
    """Scores, categories and ranking of ``backlog``; ``model`` overrides the pairwise model."""
    method = backlog.method
    fields = backlog.fields
    warnings = list(backlog.warnings)
    extras: dict[str, Any] = {}
    categories = None
    if method == "rice":
        scores = methods.rice(
            fields["reach"], fields["impact"], fields["confidence"], fields["effort"]
        )
    elif method == "ice":
        scores = methods.ice(fields["impact"], fields["confidence"], fields["ease"])
    elif method == "wsjf":
        scores = methods.wsjf(
            fields["business_value"],
            fields["time_criticality"],
            fields["risk_reduction"],
            fields["job_size"],
        )
    elif method == "moscow":
        categories = fields["priority"].astype(np.int64)
        scores = fields["score"]
    elif method == "eisenhower":
        categories, scores = methods.eisenhower(
            fields["urgent"], fields["important"], backlog.threshold
        )
        extras["threshold"] = backlog.threshold
    elif method == "value_effort":
        categories, scores = methods.value_effort(
            fields["value"], fields["effort"], backlog.threshold
        )
        extras["threshold"] = backlog.threshold
    elif method == "pairwise":
        scores = _pairwise(backlog, model or backlog.model, warnings, extras)
    elif method == "borda":
        scores = methods.borda(backlog.count, backlog.ballots)
        extras["ballots"] = float(sum(count for _ranking, count in backlog.ballots))
    else:
        assert backlog.weights is not None
        assert backlog.maximize is not None
        values = np.column_stack([fields[key] for key in backlog.criteria])
        weights = backlog.weights
        total = float(weights.sum())
        if not close(total, 1.0):
            warnings.append(
                _("the given weights sum to {total}; they are normalised to sum to 1").format(
                    total=f"{total:g}"
                )
            )
        scores = methods.weighted(values, backlog.maximize, weights, backlog.normalization)
        extras["normalization"] = backlog.normalization
        extras["weights"] = dict(zip(backlog.criteria, (weights / total).tolist(), strict=True))
    scores = np.asarray(scores, dtype=np.float64)
    _check_finite(backlog, scores)
    order, ranks = rank(scores, categories)
    return RankResult(
        backlog=backlog,
        scores=scores,
        order=order,
        ranks=ranks,
        categories=categories,
        category_names=CATEGORIES.get(method, ()),
        warnings=warnings,
        extras=extras,
    )


def _check_finite(backlog: Backlog, scores: FloatArray) -> None:
    """Refuse a score that overflowed (a reach of 1e15 over an effort of 1e-300), at its item,
    naming the values that made it."""
    bad = np.flatnonzero(np.isinf(scores))
    if not bad.size:
        return
    where = backlog.source
    problems = []
    for item in bad[:20].tolist():
        values = ", ".join(f"{key} {column[item]:g}" for key, column in backlog.fields.items())
        message = _(
            "the {method} score of '{name}' overflows the float limit (about 1.8e308) from {values}"
        ).format(method=backlog.method, name=backlog.names[item], values=values)
        problems.append(locate(where, ("items", item), message))
    raise InputError(problems)


def run(backlog: Backlog, *, model: str | None = None) -> RankResult:
    """Scores, categories and ranking of ``backlog`` (``mgmt rank``): the one verb of
    :mod:`mgmt_tools.rank`, the same as :func:`evaluate`.

    >>> from mgmt_tools.rank import from_dict
    >>> result = run(from_dict({"method": "moscow", "items": [
    ...     {"name": "Audit fix", "priority": "must"},
    ...     {"name": "Dark mode", "priority": "could"}]}))
    >>> [(row.item, row.category) for row in result.ranking]
    [('Audit fix', 'must'), ('Dark mode', 'could')]
    """
    return evaluate(backlog, model=model)


def _pairwise(backlog: Backlog, model: str, warnings: list[str], extras: dict[str, Any]) -> Any:
    if model not in MODELS:
        raise ValueError(
            _("unknown pairwise model {model}; choose one of {known}").format(
                model=repr(model), known=MODELS
            )
        )
    extras["model"] = model
    count, comparisons = backlog.count, backlog.comparisons
    for cycle in methods.intransitive_cycles(backlog.names, comparisons):
        warnings.append(
            _("intransitive preferences (a cycle): {cycle}").format(cycle=" > ".join(cycle))
        )
    won, wins, losses, ties = methods.copeland(count, comparisons)
    extras["wins"] = dict(zip(backlog.names, wins.tolist(), strict=True))
    extras["losses"] = dict(zip(backlog.names, losses.tolist(), strict=True))
    extras["ties"] = dict(zip(backlog.names, ties.tolist(), strict=True))
    if model == "copeland":
        return won
    problem = methods.bradley_terry_problem(backlog.names, comparisons)
    if problem is not None:
        raise InputError([locate(backlog.source, ("comparisons",), problem)])
    fit = methods.bradley_terry(count, comparisons, backlog.max_iterations, backlog.tolerance)
    extras["estimation"] = {
        "method": "maximum likelihood by the MM algorithm (Hunter 2004); a tie counts half a "
        "win to each; strengths sum to 1",
        "iterations": fit.iterations,
        "converged": fit.converged,
        "tolerance": backlog.tolerance,
    }
    if not fit.converged:
        warnings.append(
            _(
                "Bradley-Terry did not converge in {iterations} iterations; raise max_iterations"
            ).format(iterations=fit.iterations)
        )
    return fit.strengths
