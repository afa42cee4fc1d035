"""AHP: random-index tables, CR warnings, priority methods, completion, matrix forms."""

from __future__ import annotations

import numpy as np
import pytest

from mgmt_tools.errors import InputError
from mgmt_tools.mcda import (
    analyse,
    consistency_ratio,
    judgements_from_dict,
    loads_judgements,
    priorities,
    random_index,
)
from mgmt_tools.mcda.ahp import RANDOM_INDEX


def test_random_index_tables() -> None:
    assert random_index(3, "saaty1980") == 0.58
    assert random_index(10, "saaty1980") == 1.49
    assert random_index(3, "saaty2005") == 0.52
    assert random_index(15, "saaty2005") == 1.59
    assert random_index(3, "donegan_dodd") == 0.4914
    assert random_index(100, "donegan_dodd") == 1.6339
    assert random_index(16, "saaty1980") is None
    assert random_index(21, "donegan_dodd") is None
    assert set(RANDOM_INDEX) == {"saaty1980", "saaty2005", "donegan_dodd"}


def test_cr_of_small_matrices_is_zero() -> None:
    assert consistency_ratio(1.0, 1) == 0.0
    assert consistency_ratio(2.0, 2) == 0.0


def _chain(n: int) -> dict[str, object]:
    names = [f"E{i}" for i in range(n)]
    return {"elements": names, "comparisons": [[names[i], names[i + 1], 2] for i in range(n - 1)]}


def test_cr_is_null_with_a_warning_where_the_table_has_no_entry() -> None:
    result = analyse(judgements_from_dict(_chain(16))).to_dict()
    assert result["consistency_ratio"] is None
    assert result["warnings"] == [
        "no random index for 16 elements in table saaty1980 (it lists n = 3-15): the CR is "
        "not computed"
    ]
    dd = analyse(judgements_from_dict(_chain(21)), random_index="donegan_dodd").to_dict()
    assert dd["consistency_ratio"] is None
    assert "(it lists n = 3-20, 25, 30, 40, 50, 60, 70, 80, 90, 100)" in dd["warnings"][0]


def test_cr_above_limit_names_the_most_inconsistent_judgement() -> None:
    judgements = judgements_from_dict(
        {
            "elements": ["A", "B", "C", "D"],
            "comparisons": [
                ["A", "B", 2],
                ["B", "C", 2],
                ["A", "C", 4],
                ["A", "D", 8],
                ["B", "D", 4],
                ["C", "D", "1/5"],
            ],
        }
    )
    result = analyse(judgements)
    assert result.criteria.consistency_ratio is not None
    assert result.criteria.consistency_ratio > 0.1
    (warning,) = result.warnings
    assert warning.startswith("CR is 0.")
    assert "the most inconsistent judgement is 'C' against 'D' = 1/5" in warning


def test_geometric_mean_priorities() -> None:
    a = np.array([[1, 4, 3, 7], [1 / 4, 1, 1 / 3, 3], [1 / 3, 3, 1, 5], [1 / 7, 1 / 3, 1 / 5, 1]])
    w, lam = priorities(a, "geometric_mean")
    g = np.prod(a, axis=1) ** 0.25
    assert w.tolist() == pytest.approx((g / g.sum()).tolist(), abs=1e-15)
    assert lam == pytest.approx(4.1184, abs=1e-4)  # always the principal eigenvalue
    ev, _ = priorities(a)
    assert not np.allclose(w, ev, atol=1e-4)


def test_consistent_matrix_has_cr_zero_and_recovers_weights() -> None:
    weights = np.array([0.5, 0.25, 0.15, 0.1])
    names = ["a", "b", "c", "d"]
    rows = [[float(weights[i] / weights[j]) for j in range(4)] for i in range(4)]
    result = analyse(judgements_from_dict({"elements": names, "matrix": rows})).to_dict()
    assert list(result["priorities"].values()) == pytest.approx(weights.tolist(), abs=1e-12)
    assert result["consistency_ratio"] == pytest.approx(0.0, abs=1e-12)
    assert result["lambda_max"] == pytest.approx(4.0, abs=1e-12)


def test_power_iteration_on_a_random_100_matrix_agrees_with_numpy() -> None:
    rng = np.random.default_rng(5)
    scale = np.array([1 / 9, 1 / 7, 1 / 5, 1 / 3, 1, 3, 5, 7, 9])
    n = 100
    a = np.ones((n, n))
    upper = np.triu_indices(n, 1)
    a[upper] = rng.choice(scale, upper[0].size)
    a.T[upper] = 1 / a[upper]
    w, lam = priorities(a)
    values, vectors = np.linalg.eig(a)
    k = int(np.argmax(values.real))
    v = np.abs(vectors[:, k].real)
    assert np.allclose(w, v / v.sum(), atol=1e-11)
    assert lam == pytest.approx(float(values[k].real), rel=1e-12)


def test_full_matrix_with_null_is_completed_and_reported() -> None:
    text = (
        "elements: [A, B, C]\nmatrix:\n  - [1, 2, null]\n  - ['1/2', 1, 2]\n  - [null, '1/2', 1]\n"
    )
    result = analyse(loads_judgements(text)).to_dict()
    assert result["completed"] == [{"row": "A", "col": "C", "value": pytest.approx(4.0)}]
    assert result["consistency_ratio"] == pytest.approx(0.0, abs=1e-9)


def test_full_matrix_one_side_implies_the_other() -> None:
    text = "elements: [A, B]\nmatrix: [[1, 3], [null, 1]]\n"
    assert analyse(loads_judgements(text)).to_dict()["priorities"] == {
        "A": pytest.approx(0.75),
        "B": pytest.approx(0.25),
    }


def test_matrix_not_reciprocal_and_diagonal_are_located() -> None:
    text = "elements: [A, B, C]\nmatrix:\n  - [1, 3, 2]\n  - [0.5, 1, 1]\n  - ['1/2', 1, 2]\n"
    with pytest.raises(InputError) as caught:
        loads_judgements(text, source="m.yaml")
    assert [str(p) for p in caught.value.problems] == [
        "m.yaml:4:6: matrix[1][0]: not reciprocal: matrix[0][1] is 3, so matrix[1][0] must be "
        "1/3, not 1/2",
        "m.yaml:5:16: matrix[2][2]: the diagonal is 1 (an element against itself), not 2",
    ]


def test_repeated_pairs_must_agree() -> None:
    same = {"comparisons": [["A", "B", 3], ["B", "A", "1/3"]]}
    assert analyse(judgements_from_dict(same)).to_dict()["priorities"]["A"] == pytest.approx(0.75)
    with pytest.raises(InputError, match=r"not reciprocal: 'B' against 'A' is 2 here but 1/3"):
        judgements_from_dict({"comparisons": [["A", "B", 3], ["B", "A", 2]]})


def test_overrides_are_printed() -> None:
    judgements = judgements_from_dict(_chain(4))
    result = analyse(judgements, method="geometric_mean", random_index="saaty2005").to_dict()
    assert result["method"] == "geometric_mean"
    assert result["random_index_table"] == "saaty2005"
    with pytest.raises(ValueError, match="unknown AHP method"):
        analyse(judgements, method="least_squares")


def test_hierarchy_global_weights_sum_to_overall() -> None:
    from .test_published import LEADER

    result = analyse(judgements_from_dict(LEADER)).to_dict()
    for alternative, overall in result["overall"].items():
        total = sum(result["global"][c][alternative] for c in result["criteria_weights"])
        assert total == pytest.approx(overall, abs=1e-15)
    assert sum(result["overall"].values()) == pytest.approx(1.0)
