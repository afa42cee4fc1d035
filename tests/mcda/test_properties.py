"""Hypothesis properties (DESIGN.md): scaling all weights changes nothing; permuting the
alternatives permutes the result; in a weighted sum a dominated alternative never outranks
its dominator; AHP of a consistent matrix has CR 0 and recovers the weights, also when pairs
are left out and completed."""

from __future__ import annotations

import copy
from typing import Any

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from mgmt_tools.mcda import analyse, evaluate, from_dict, judgements_from_dict

from .strategies import consistent_weights, matrices

FAST = settings(max_examples=60, deadline=None)


def by_name(data: dict[str, Any]) -> dict[str, tuple[float, int]]:
    result = evaluate(from_dict(data)).to_dict()
    return {row["alternative"]: (row["score"], row["rank"]) for row in result["ranking"]}


@FAST
@given(matrices(), st.sampled_from([0.01, 3.0, 1000.0]))
def test_scaling_all_weights_changes_nothing(data: dict[str, Any], factor: float) -> None:
    scaled = copy.deepcopy(data)
    for criterion in scaled["criteria"]:
        criterion["weight"] *= factor
    base, other = by_name(data), by_name(scaled)
    assert {k: v[1] for k, v in base.items()} == {k: v[1] for k, v in other.items()}
    for name, (score, _) in base.items():
        assert np.isclose(other[name][0], score, rtol=1e-9, atol=1e-12)


@FAST
@given(matrices(), st.randoms(use_true_random=False))
def test_permuting_alternatives_permutes_the_result(data: dict[str, Any], rnd: Any) -> None:
    shuffled = copy.deepcopy(data)
    rnd.shuffle(shuffled["alternatives"])
    base, other = by_name(data), by_name(shuffled)
    assert {k: v[1] for k, v in base.items()} == {k: v[1] for k, v in other.items()}
    for name, (score, _) in base.items():
        assert np.isclose(other[name][0], score, rtol=1e-9, atol=1e-12)


@FAST
@given(matrices(method="weighted_sum"), st.data())
def test_a_dominated_alternative_never_outranks_its_dominator(
    data: dict[str, Any], draw: st.DataObject
) -> None:
    # make A1 dominate A0: no worse on any criterion, better on one
    alternatives = data["alternatives"]
    better = draw.draw(st.integers(0, len(data["criteria"]) - 1))
    for j, criterion in enumerate(data["criteria"]):
        key, worse = f"c{j}", alternatives[0][f"c{j}"]
        step = 0.25 if j == better else draw.draw(st.sampled_from([0.0, 0.25]))
        alternatives[1][key] = (
            worse + step if criterion["direction"] == "max" else max(0.25, worse - step)
        )
        if criterion["direction"] == "min" and worse - step < 0.25:
            alternatives[0][key] = alternatives[1][key] + step
    result = by_name(data)
    assert result["A1"][1] <= result["A0"][1]
    assert result["A1"][0] >= result["A0"][0] - 1e-12


@FAST
@given(
    st.integers(2, 7).flatmap(consistent_weights),
    st.sampled_from(["eigenvector", "geometric_mean"]),
)
def test_consistent_matrix_has_cr_zero_and_recovers_weights(
    weights: list[float], method: str
) -> None:
    w = np.array(weights) / sum(weights)
    names = [f"E{i}" for i in range(len(w))]
    rows = [[float(w[i] / w[j]) for j in range(len(w))] for i in range(len(w))]
    result = analyse(judgements_from_dict({"elements": names, "matrix": rows}), method=method)
    assert np.allclose(result.criteria.priorities, w, atol=1e-12)
    cr = result.criteria.consistency_ratio
    assert cr is not None
    assert abs(cr) < 1e-9


@FAST
@given(st.integers(3, 6).flatmap(consistent_weights), st.data())
def test_completing_a_consistent_matrix_restores_it(
    weights: list[float], draw: st.DataObject
) -> None:
    """Leave out pairs but keep a chain E0-E1-...: the optimal completion is consistent."""
    n = len(weights)
    w = np.array(weights) / sum(weights)
    pairs = [(i, j) for i in range(n) for j in range(i + 1, n)]
    chain = {(i, i + 1) for i in range(n - 1)}
    kept = [p for p in pairs if p in chain or draw.draw(st.booleans())]
    comparisons = [[f"E{i}", f"E{j}", float(w[i] / w[j])] for i, j in kept]
    names = [f"E{i}" for i in range(n)]
    result = analyse(judgements_from_dict({"elements": names, "comparisons": comparisons}))
    assert np.allclose(result.criteria.priorities, w, atol=1e-9)
    for row, col, value in result.criteria.completed:
        i, j = names.index(row), names.index(col)
        assert np.isclose(value, w[i] / w[j], rtol=1e-8)
