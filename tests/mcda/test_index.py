"""Normalisations, weightings and methods of ``mgmt index``: each formula of docs/formats checked
against a hand computation, cost criteria under every normalisation, ties, VIKOR's compromise
conditions, and the warnings that state every variant."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pytest

from mgmt_tools.errors import InputError
from mgmt_tools.mcda import (
    evaluate,
    from_dict,
    normalization,
    rank,
    roc_weights,
)

X = np.array([[2.0, 10.0], [4.0, 30.0], [6.0, 20.0]])
BENEFIT_COST = np.array([True, False])


def data(
    rows: Sequence[Sequence[float]], weights: list[float], costs: list[bool], **extra: Any
) -> Any:
    criteria = [
        {"id": f"c{j + 1}", "weight": w, "direction": "min" if cost else "max"}
        for j, (w, cost) in enumerate(zip(weights, costs, strict=True))
    ]
    alternatives = [
        {"name": f"A{i + 1}", **{f"c{j + 1}": v for j, v in enumerate(row)}}
        for i, row in enumerate(rows)
    ]
    return from_dict({"criteria": criteria, "alternatives": alternatives, **extra})


@pytest.mark.parametrize(
    ("method", "expected"),
    [
        ("minmax", [[0.0, 1.0], [0.5, 0.0], [1.0, 0.5]]),
        ("max", [[2 / 6, 1.0], [4 / 6, 10 / 30], [1.0, 10 / 20]]),
        (
            "sum",
            [
                [2 / 12, (1 / 10) / (1 / 10 + 1 / 30 + 1 / 20)],
                [4 / 12, (1 / 30) / (1 / 10 + 1 / 30 + 1 / 20)],
                [6 / 12, (1 / 20) / (1 / 10 + 1 / 30 + 1 / 20)],
            ],
        ),
        ("zscore", [[-1.0, 1.0], [0.0, -1.0], [1.0, 0.0]]),
        (
            "vector",
            [
                [2 / 56**0.5, 10 / 1400**0.5],
                [4 / 56**0.5, 30 / 1400**0.5],
                [6 / 56**0.5, 20 / 1400**0.5],
            ],
        ),
        ("none", [[2.0, 10.0], [4.0, 30.0], [6.0, 20.0]]),
    ],
)
def test_normalisation_formulas(method: str, expected: list[list[float]]) -> None:
    """docs/formats: benefit / cost per normalisation (zscore with the sample sd: here sd = 2
    for the first column, 10 for the second)."""
    spec = normalization(X, BENEFIT_COST, method)
    assert spec.apply(X) == pytest.approx(np.array(expected))
    assert spec.benefit.tolist() == (
        [True, False] if method in ("vector", "none") else [True, True]
    )


def test_cost_columns_under_kept_direction() -> None:
    """vector and none keep a cost as a cost: weighted_sum subtracts its weighted values,
    weighted_product raises it to the negative weight, topsis takes its minimum as ideal."""
    rows, weights = [[2, 10], [4, 30], [6, 20]], [0.5, 0.5]
    matrix = data(rows, weights, [False, True])
    ws = evaluate(matrix, normalization="none").scores
    assert ws.tolist() == pytest.approx(
        [0.5 * 2 - 0.5 * 10, 0.5 * 4 - 0.5 * 30, 0.5 * 6 - 0.5 * 20]
    )
    wp = evaluate(matrix, method="weighted_product").scores
    assert wp.tolist() == pytest.approx([2**0.5 * 10**-0.5, 4**0.5 * 30**-0.5, 6**0.5 * 20**-0.5])
    top = evaluate(matrix, method="topsis", normalization="none")
    assert top.ideal is not None
    assert top.anti_ideal is not None
    assert top.ideal.tolist() == [3.0, 5.0]
    assert top.anti_ideal.tolist() == [1.0, 15.0]


def test_given_weights_are_normalised_with_a_warning() -> None:
    result = evaluate(data([[1, 2], [2, 1]], [2, 6], [False, False]))
    assert result.weights.tolist() == [0.25, 0.75]
    assert "the given weights sum to 8; they are normalised to sum to 1" in result.warnings


@pytest.mark.parametrize(
    ("weighting", "expected"),
    [("equal", [0.5, 0.5]), ("roc", [0.75, 0.25])],
)
def test_equal_and_roc_weights(weighting: str, expected: list[float]) -> None:
    result = evaluate(data([[1, 2], [2, 1]], [0.9, 0.1], [False, False]), weighting=weighting)
    assert result.weights.tolist() == pytest.approx(expected)
    assert f"the criteria's weights are not used: weighting is {weighting}" in result.warnings


def test_roc_weights_four() -> None:
    """Barron and Barrett (1996): ROC weights of 4 criteria 0.5208, 0.2708, 0.1458, 0.0625."""
    assert [round(w, 4) for w in roc_weights(4).tolist()] == [0.5208, 0.2708, 0.1458, 0.0625]


def test_constant_column_warns_and_scores_zero() -> None:
    matrix = data([[1, 5], [3, 5], [2, 5]], [0.5, 0.5], [False, False])
    for method in ("weighted_sum", "weighted_product", "topsis", "vikor"):
        result = evaluate(matrix, method=method)
        assert any("criterion 'c2' has the same value (5)" in w for w in result.warnings), method
        assert np.isfinite(result.scores).all()
        assert result.winner == "A2"


def test_all_alternatives_equal_tie_without_nan() -> None:
    matrix = data([[1, 5], [1, 5]], [0.5, 0.5], [False, True])
    for method in ("weighted_sum", "weighted_product", "topsis", "vikor"):
        result = evaluate(matrix, method=method)
        assert np.isfinite(result.scores).all()
        assert result.ranks.tolist() == [1, 1]


def test_equal_scores_share_a_rank_and_keep_input_order() -> None:
    order, ranks = rank(np.array([0.5, 0.9, 0.5, 0.1, 0.9 + 1e-12]))
    assert ranks.tolist() == [3, 1, 3, 5, 1]
    assert order.tolist() == [1, 4, 0, 2, 3]
    order, ranks = rank(np.array([0.3, 0.1, 0.1]), higher_is_better=False)
    assert ranks.tolist() == [3, 1, 1]
    assert order.tolist() == [1, 2, 0]


def test_vikor_compromise_when_the_advantage_fails() -> None:
    """Close Q values: C1 fails, so the compromise is a1..aM with Q(aM) - Q(a1) < 1/(m-1)."""
    rows = [[10, 3], [9, 4], [8, 6], [1, 1]]
    result = evaluate(data(rows, [0.5, 0.5], [False, False], method="vikor"))
    c = result.compromise
    assert c is not None
    assert not c.acceptable_advantage
    q = result.scores
    chosen = [result.matrix.alternatives[i] for i in c.alternatives]
    assert len(chosen) >= 2
    best = q[result.order[0]]
    assert all(q[i] - best < 1 / 3 for i in c.alternatives)


def test_vikor_compromise_when_stability_fails() -> None:
    """Only C2 fails (the best by Q is best by neither S nor R): {a1, a2}."""
    from mgmt_tools.mcda.methods import compromise

    q, s, r = np.array([0.0, 0.8, 1.0]), np.array([0.5, 0.4, 0.9]), np.array([0.3, 0.2, 0.5])
    order, _ = rank(q, higher_is_better=False)
    c = compromise(q, s, r, order)
    assert c.acceptable_advantage
    assert not c.acceptable_stability
    assert c.alternatives == [0, 1]


def test_vikor_compromise_when_both_conditions_fail() -> None:
    """Both fail: the advantage rule decides, a1..aM within DQ = 1/2 of Q(a1): all three."""
    rows = [[1, 7, 1], [8, 1, 6], [1, 2, 2]]
    result = evaluate(data(rows, [0.08, 0.47, 0.45], [False] * 3, method="vikor")).to_dict()
    compromise = result["compromise"]
    assert not compromise["acceptable_advantage"]
    assert not compromise["acceptable_stability"]
    assert compromise["alternatives"] == ["A1", "A2", "A3"]
    assert compromise["threshold"] == 0.5


def test_vikor_warns_that_it_ignores_another_normalisation() -> None:
    matrix = data([[1, 2], [2, 1]], [0.5, 0.5], [False, False], method="vikor", normalization="sum")
    result = evaluate(matrix)
    assert result.settings.normalization == "vikor"
    assert result.to_dict()["normalization"] == "vikor"
    assert any("normalization sum is not used" in w for w in result.warnings)


def test_vikor_v_weighs_s_against_r() -> None:
    """v = 1: Q is S rescaled to [0, 1]; v = 0: Q is R rescaled."""
    matrix = data([[10, 2], [7, 6], [1, 10]], [0.7, 0.3], [False, False], method="vikor")
    for v, key in ((1.0, "s"), (0.0, "r")):
        result = evaluate(matrix, vikor_v=v)
        measure = getattr(result, key)
        expected = (measure - measure.min()) / (measure.max() - measure.min())
        assert result.scores == pytest.approx(expected)
        assert result.to_dict()["vikor_v"] == v


@pytest.mark.parametrize(
    ("method", "normalization", "expected"),
    [
        ("weighted_sum", None, "minmax"),
        ("weighted_product", None, "none"),
        ("topsis", None, "vector"),
        ("vikor", None, "vikor"),
        ("topsis", "minmax", "minmax"),
    ],
)
def test_defaults_are_printed(method: str, normalization: str | None, expected: str) -> None:
    result = evaluate(
        data([[1, 2], [2, 1]], [0.5, 0.5], [False, False]),
        method=method,
        normalization=normalization,
    )
    out = result.to_dict()
    assert out["method"] == method
    assert out["normalization"] == expected
    assert out["normalization_is_default"] is (normalization is None)
    assert out["weighting"] == "given"


def test_weighted_product_refuses_zscore_and_non_positive_values() -> None:
    matrix = data([[1, 2], [2, 0]], [0.5, 0.5], [False, False])
    with pytest.raises(InputError, match="weighted_product cannot use zscore"):
        evaluate(matrix, method="weighted_product", normalization="zscore")
    with pytest.raises(InputError, match=r"alternatives\[1\]\.c2: 0: weighted_product"):
        evaluate(matrix, method="weighted_product")


def test_minmax_zeros_in_weighted_product_warn() -> None:
    result = evaluate(
        data([[1, 2], [2, 1]], [0.5, 0.5], [False, False]),
        method="weighted_product",
        normalization="minmax",
    )
    assert result.scores.tolist() == [0.0, 0.0]
    assert any("scores 0" in w for w in result.warnings)


def test_max_and_sum_of_a_cost_need_positive_values() -> None:
    matrix = data([[1, 0], [2, 3]], [0.5, 0.5], [False, True])
    for norm, formula in (("max", "min/x"), ("sum", r"\(1/x\)/sum\(1/x\)")):
        with pytest.raises(
            InputError, match=rf"c2: 0: {norm} normalisation of a cost criterion takes {formula}"
        ):
            evaluate(matrix, normalization=norm)


def test_entropy_refuses_negative_values() -> None:
    with pytest.raises(InputError, match="entropy weighting takes shares"):
        evaluate(data([[1, -2], [2, 3]], [0.5, 0.5], [False, False]), weighting="entropy")


def test_entropy_and_critic_of_a_constant_column_are_zero() -> None:
    matrix = data([[1, 5, 2], [3, 5, 9], [2, 5, 4]], [1, 1, 1], [False, False, False])
    for weighting in ("entropy", "critic"):
        result = evaluate(matrix, weighting=weighting)
        assert result.weights[1] == 0.0
        assert result.weights.sum() == pytest.approx(1.0)


def test_ahp_weighting_reports_cr_and_warns_above_limit() -> None:
    matrix = from_dict(
        {
            "weighting": "ahp",
            "criteria": [{"id": "a"}, {"id": "b"}, {"id": "c"}],
            "comparisons": [["a", "b", 9], ["b", "c", 9], ["c", "a", 9]],
            "alternatives": [
                {"name": "X", "a": 1, "b": 2, "c": 3},
                {"name": "Y", "a": 3, "b": 2, "c": 1},
            ],
        }
    )
    result = evaluate(matrix).to_dict()
    assert result["consistency_ratio"] > 0.1
    assert any("the most inconsistent judgement is" in w for w in result["warnings"])
    assert result["ahp"]["random_index_table"] == "saaty1980"


def test_weighting_override_needs_no_weights_in_the_file() -> None:
    raw = {
        "criteria": [{"id": "a"}, {"id": "b"}],
        "alternatives": [{"name": "X", "a": 1, "b": 2}, {"name": "Y", "a": 3, "b": 1}],
    }
    with pytest.raises(InputError, match="weighting: given needs a weight on every criterion"):
        from_dict(raw)
    assert from_dict(raw, weighting="equal").weighting == "equal"
