"""The public face of mgmt_tools.rank (issue 13): run through the registry, typed ranking rows,
which charts a method draws (the shapes every method shares, display and ``run`` against
``evaluate`` among them, are in tests/test_api.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import mgmt_tools.rank
from mgmt_tools.errors import OptionError
from mgmt_tools.methods import METHODS
from mgmt_tools.rank import RankResult, RankRow, matrix_unavailable, ranking_chart

from ..conftest import EXAMPLES

METHOD = METHODS["rank"]


def _computed(example: str, **options: Any) -> RankResult:
    result: RankResult = METHOD.compute(METHOD.read(EXAMPLES / "rank" / example, **options))
    return result


@pytest.fixture(scope="module")
def scored() -> RankResult:
    return _computed(Path(METHOD.example).name)


@pytest.fixture(scope="module")
def quadrants() -> RankResult:
    return _computed("weekly-todo.yaml")


def test_the_registry_reads_and_runs_the_examples(
    scored: RankResult, quadrants: RankResult
) -> None:
    assert scored.method == "rice"
    assert quadrants.method == "eisenhower"


def test_load_options_reach_the_loader() -> None:
    lowered = _computed("weekly-todo.yaml", threshold=2.0)
    assert lowered.extras["threshold"] == 2.0
    assert _computed("weekly-todo.yaml").extras["threshold"] == 5.0


def test_the_drawings_are_exported() -> None:
    for name in ("ranking_chart", "render", "to_dot", "matrix_unavailable", "run", "RankRow"):
        assert name in mgmt_tools.rank.__all__
    assert mgmt_tools.rank.ranking_chart is ranking_chart


def test_the_matrix_is_drawn_only_for_quadrant_methods(
    scored: RankResult, quadrants: RankResult
) -> None:
    assert matrix_unavailable(quadrants) is None
    assert matrix_unavailable(scored) == (
        "the 2x2 matrix is drawn for eisenhower and value_effort, not rice; use --chart ranking"
    )
    assert METHOD.pick_chart(quadrants, None, {}).name == "matrix"
    assert METHOD.pick_chart(scored, None, {}).name == "ranking"
    with pytest.raises(OptionError, match="not rice; use --chart ranking"):
        METHOD.pick_chart(scored, "matrix", {})


# tests/test_api.py runs it to compare ``run`` with ``evaluate``
BACKLOG = {
    "method": "pairwise",
    "comparisons": ["Cards > Loans", "Loans > Fees", "Cards > Fees", "Fees = Cards"],
}


def test_ranking_rows_are_typed_and_equal_to_the_json(
    scored: RankResult, quadrants: RankResult
) -> None:
    rows = scored.ranking
    assert all(isinstance(row, RankRow) for row in rows)
    first = rows[0]
    assert first.rank == first["rank"] == 1
    assert first.item == scored.names[int(scored.order[0])]
    assert first.category is None
    assert "category" not in first
    assert [row.to_dict() for row in rows] == scored.to_dict()["ranking"]
    grid = quadrants.ranking
    assert grid[0].category == grid[0]["category"] == "do"
    assert [row.to_dict() for row in grid] == quadrants.to_dict()["ranking"]
