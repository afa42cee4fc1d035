"""The index benchmark's agreement checks at toy sizes (no timing is asserted here)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import pytest

from benchmarks import bench_index
from mgmt_tools.mcda import DecisionMatrix, evaluate

Baseline = Callable[[DecisionMatrix], tuple[Any, Any]]


@pytest.mark.parametrize(
    ("method", "baseline"),
    [("weighted_sum", bench_index.textbook_weighted_sum), ("topsis", bench_index.textbook_topsis)],
)
def test_mgmt_and_textbook_agree(method: str, baseline: Baseline) -> None:
    matrix = bench_index.draw_matrix(2000, 7, seed=3)
    result = evaluate(matrix, method=method)
    scores, order = baseline(matrix)
    bench_index.check_scores(method, result.scores, int(result.order[0]), scores)
    assert result.order.tolist() == order.tolist()


def test_a_wrong_answer_is_caught() -> None:
    matrix = bench_index.draw_matrix(100, 4, seed=4)
    result = evaluate(matrix)
    scores, _ = bench_index.textbook_weighted_sum(matrix)
    wrong = scores.copy()
    wrong[3] += 1e-6
    with pytest.raises(AssertionError, match="scores differ"):
        bench_index.check_scores("weighted_sum", result.scores, int(result.order[0]), wrong)


def test_ahp_agrees_with_numpy_eig() -> None:
    a = bench_index.draw_reciprocal(30, seed=5)
    w, lam, cr = bench_index.mgmt_ahp(a)
    w_eig, lam_eig = bench_index.textbook_ahp(a)
    assert np.allclose(w, w_eig, atol=1e-10)
    assert lam == pytest.approx(lam_eig, rel=1e-12)
    assert cr is not None


def test_a_case_row_has_both_timings() -> None:
    matrix = bench_index.draw_matrix(500)
    row = bench_index.index_case("topsis", matrix, bench_index.textbook_topsis, 1, 0.5, "toy", [])
    assert row.case == "topsis"
    assert row.baseline is not None
