"""Weight sensitivity: break points (exact for linear scores, searched for TOPSIS and VIKOR),
checked by re-ranking just below and above them; rank acceptability reproducible by seed."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from mgmt_tools.mcda import DecisionMatrix, evaluate, from_dict

ROWS = [[1, 3000, 7], [2, 3750, 5], [5, 4500, 6], [3, 3600, 9]]


def matrix(method: str, weights: list[float] | None = None) -> DecisionMatrix:
    weights = weights or [0.4, 0.35, 0.25]
    return from_dict(
        {
            "method": method,
            "criteria": [
                {"id": "cost", "weight": weights[0], "direction": "min"},
                {"id": "output", "weight": weights[1]},
                {"id": "quality", "weight": weights[2]},
            ],
            "alternatives": [
                {"name": f"A{i + 1}", "cost": r[0], "output": r[1], "quality": r[2]}
                for i, r in enumerate(ROWS)
            ],
        }
    )


def moved(weights: np.ndarray[Any, Any], j: int, t: float) -> list[float]:
    others = weights.copy()
    others[j] = 0
    result = others / others.sum() * (1 - t)
    result[j] = t
    return [float(x) for x in result]


@pytest.mark.parametrize("method", ["weighted_sum", "weighted_product", "topsis", "vikor"])
def test_break_points_change_the_winner(method: str) -> None:
    result = evaluate(matrix(method), sensitivity=True, seed=1)
    study = result.sensitivity
    assert study is not None
    assert study.winner == result.winner
    changes = 0
    for j, c in enumerate(study.criteria):
        assert c.solved == ("exact" if method in ("weighted_sum", "weighted_product") else "search")
        for point, step in ((c.increase, 1e-6), (c.decrease, -1e-6)):
            if point is None:
                continue
            changes += 1
            before = evaluate(matrix(method, moved(result.weights, j, point.weight - step)))
            after = evaluate(matrix(method, moved(result.weights, j, point.weight + step)))
            assert before.winner == result.winner
            assert after.winner == point.winner != result.winner
    assert changes >= 2


def test_weighted_sum_break_points_are_exact() -> None:
    """Min-max: A1 (1, 0), A2 (.75, .5), A3 (0, 1) with weights t and 1 - t: A2 leads for
    0.4 <= t <= 2/3 (A2 = .5 + .25 t against A1 = t and A3 = 1 - t)."""
    data = from_dict(
        {
            "criteria": [
                {"id": "f1", "weight": 0.5, "direction": "min"},
                {"id": "f2", "weight": 0.5},
            ],
            "alternatives": [
                {"name": "A1", "f1": 1, "f2": 3000},
                {"name": "A2", "f1": 2, "f2": 3750},
                {"name": "A3", "f1": 5, "f2": 4500},
            ],
        }
    )
    study = evaluate(data, sensitivity=True, seed=3).to_dict()["sensitivity"]
    first = study["criteria"][0]
    assert first["increase"] == {"weight": pytest.approx(2 / 3, abs=1e-12), "winner": "A1"}
    assert first["decrease"] == {"weight": pytest.approx(0.4, abs=1e-12), "winner": "A3"}
    assert study["rescaling"] == "the other weights keep their proportions"


def test_acceptability_is_reproducible_and_reported() -> None:
    data = matrix("topsis")
    one = evaluate(data, sensitivity=True, seed=42).to_dict()["sensitivity"]["acceptability"]
    two = evaluate(data, sensitivity=True, seed=42).to_dict()["sensitivity"]["acceptability"]
    assert one == two
    assert one["seed"] == 42
    assert one["draws"] == 2000
    assert one["concentration"] == 100.0
    for shares in one["ranks"].values():
        assert sum(shares) == pytest.approx(1.0)
    assert sum(one["first"].values()) == pytest.approx(1.0)
    fresh = evaluate(data, sensitivity=True).to_dict()["sensitivity"]["acceptability"]
    assert isinstance(fresh["seed"], int)


def test_concentration_narrows_the_draws() -> None:
    data = matrix("weighted_sum")
    wide = evaluate(data, sensitivity=True, seed=1, concentration=2.0)
    narrow = evaluate(data, sensitivity=True, seed=1, concentration=10_000.0)
    assert wide.sensitivity is not None
    assert narrow.sensitivity is not None
    top = int(wide.order[0])
    assert (
        narrow.sensitivity.acceptability.shares()[top, 0]
        >= wide.sensitivity.acceptability.shares()[top, 0]
    )


def test_many_alternatives_count_the_first_ten_ranks() -> None:
    rng = np.random.default_rng(0)
    values = rng.uniform(1, 10, (300, 3))
    data = DecisionMatrix(
        ("a", "b", "c"),
        ("a", "b", "c"),
        np.array([True, True, False]),
        [f"x{i}" for i in range(300)],
        values,
        given_weights=np.array([0.5, 0.3, 0.2]),
    )
    out = evaluate(data, sensitivity=True, seed=1, draws=300).to_dict()["sensitivity"]
    accept = out["acceptability"]
    assert accept["ranks_shown"] == 10
    assert sum(accept["first"].values()) == pytest.approx(1.0)
    # only the alternatives that reached one of the ten ranks are listed
    assert all(sum(shares) > 0 for shares in accept["ranks"].values())
    assert len(accept["ranks"]) < 300
