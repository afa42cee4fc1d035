"""The public face of mgmt_tools.rank (issue 13): run through the registry, ``run`` against
``evaluate``, typed ranking rows, which charts a method draws, notebook display."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import mgmt_tools.rank
from mgmt_tools.errors import OptionError
from mgmt_tools.methods import METHODS, Chart
from mgmt_tools.rank import (
    RankResult,
    RankRow,
    evaluate,
    from_dict,
    matrix_unavailable,
    ranking_chart,
    run,
    summary_text,
    to_csv,
    to_dot,
    to_markdown,
)

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
METHOD = METHODS["rank"]
SIGNATURES = {"svg": b"<?xml", "png": b"\x89PNG", "pdf": b"%PDF"}


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


@pytest.mark.parametrize("fmt", ["json", "md", "csv"])
def test_every_data_format_writes(scored: RankResult, fmt: str) -> None:
    written = METHOD.write(scored, fmt)
    if fmt == "json":
        assert isinstance(written, str)
        assert json.loads(written) == json.loads(json.dumps(scored.to_dict()))
    else:
        assert written == {"md": to_markdown, "csv": to_csv}[fmt](scored)


@pytest.mark.parametrize(
    ("chart", "fmt"),
    [(chart, fmt) for chart in METHOD.charts for fmt in chart.formats],
    ids=lambda value: getattr(value, "name", value),
)
@pytest.mark.dot
def test_every_chart_draws_in_every_format(quadrants: RankResult, chart: Chart, fmt: str) -> None:
    drawn = METHOD.write(quadrants, fmt, chart=chart)
    if fmt == "dot":
        assert drawn == to_dot(quadrants)
        return
    assert isinstance(drawn, bytes)
    assert drawn.lstrip()[: len(SIGNATURES[fmt])] == SIGNATURES[fmt]


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


BACKLOG = {
    "method": "pairwise",
    "comparisons": ["Cards > Loans", "Loans > Fees", "Cards > Fees", "Fees = Cards"],
}


@pytest.mark.parametrize("model", [None, "copeland", "bradley-terry"])
def test_run_equals_evaluate(model: str | None) -> None:
    backlog = from_dict(BACKLOG)
    assert run(backlog, model=model).to_dict() == evaluate(backlog, model=model).to_dict()


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


@pytest.mark.dot
def test_the_display_draws_the_chart_the_method_has(
    scored: RankResult, quadrants: RankResult
) -> None:
    for result in (scored, quadrants):
        bundle = result._repr_mimebundle_()
        assert bundle["text/plain"] == summary_text(result, warnings=False)
        assert "<svg" in bundle["image/svg+xml"]


def test_the_display_without_graphviz_is_the_text_with_a_note(
    quadrants: RankResult, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    bundle = quadrants._repr_mimebundle_()
    assert set(bundle) == {"text/plain"}
    assert "(no picture:" in bundle["text/plain"]
