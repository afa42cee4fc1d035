"""The public face of mgmt_tools.mcda (issue 13): ``mgmt index`` and ``mgmt ahp`` run through the
registry, ``run`` against ``evaluate`` and ``analyse``, typed ranking rows, notebook display."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import mgmt_tools.mcda
from mgmt_tools.errors import OptionError
from mgmt_tools.mcda import (
    AhpResult,
    IndexResult,
    RankedAlternative,
    acceptability_chart,
    analyse,
    evaluate,
    from_dict,
    judgements_from_dict,
    ranking_chart,
    run,
    summary_text,
    to_dot,
)
from mgmt_tools.methods import METHODS, Chart

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
INDEX = METHODS["index"]
AHP = METHODS["ahp"]
SIGNATURES = {"svg": b"<?xml", "png": b"\x89PNG", "pdf": b"%PDF"}
SENSITIVITY = {"sensitivity": True, "seed": 7, "draws": 300, "concentration": 50.0}

MATRIX = {
    "criteria": [{"id": "cost", "direction": "min"}, {"id": "fit"}, {"id": "service"}],
    "weighting": "equal",
    "alternatives": [
        {"name": "Harbour", "cost": 3, "fit": 7, "service": 6},
        {"name": "Jade", "cost": 2, "fit": 8, "service": 4},
        {"name": "Sunrise", "cost": 4, "fit": 9, "service": 9},
    ],
}
PAIRS = {
    "elements": ["Rates", "Service", "Reach"],
    "comparisons": [["Rates", "Service", 3], ["Service", "Reach", 2], ["Rates", "Reach", 5]],
}


@pytest.fixture(scope="module")
def index() -> IndexResult:
    result: IndexResult = INDEX.compute(INDEX.read(EXAMPLES / INDEX.example), **SENSITIVITY)
    return result


@pytest.fixture(scope="module")
def hierarchy() -> AhpResult:
    result: AhpResult = AHP.compute(AHP.read(EXAMPLES / AHP.example))
    return result


def test_the_registry_reads_and_runs_the_examples(index: IndexResult, hierarchy: AhpResult) -> None:
    assert index.method == "topsis"
    assert index.sensitivity is not None
    assert index.sensitivity.acceptability.draws == 300
    assert hierarchy.judgements.is_hierarchy


def test_load_options_and_files_named_inside_the_input() -> None:
    loaded = INDEX.read(EXAMPLES / "index" / "prospects.yaml", method="vikor", vikor_v=0.3)
    result = INDEX.compute(loaded)
    assert result.method == "vikor"
    assert result.settings.vikor_v == 0.3
    assert len(result.ranking) == len(loaded.alternatives) > 3  # read from prospects.csv


def test_run_options_reach_ahp() -> None:
    loaded = AHP.read(EXAMPLES / AHP.example)
    result = AHP.compute(loaded, method="geometric_mean", random_index="saaty2005")
    assert result.to_dict()["method"] == "geometric_mean"
    assert result.to_dict()["random_index_table"] == "saaty2005"


@pytest.mark.parametrize("name", ["index", "ahp"])
def test_json_writes(name: str, index: IndexResult, hierarchy: AhpResult) -> None:
    result = index if name == "index" else hierarchy
    written = METHODS[name].write(result, "json")
    assert isinstance(written, str)
    assert json.loads(written) == json.loads(json.dumps(result.to_dict()))


@pytest.mark.parametrize(
    ("name", "chart", "fmt"),
    [
        (method.name, chart, fmt)
        for method in (INDEX, AHP)
        for chart in method.charts
        for fmt in chart.formats
    ],
    ids=lambda value: getattr(value, "name", value),
)
@pytest.mark.dot
def test_every_chart_draws_in_every_format(
    name: str, chart: Chart, fmt: str, index: IndexResult, hierarchy: AhpResult
) -> None:
    result = index if name == "index" else hierarchy
    drawn = METHODS[name].write(result, fmt, chart=chart)
    if fmt == "dot":
        assert drawn == to_dot(result)
        return
    assert isinstance(drawn, bytes)
    assert drawn.lstrip()[: len(SIGNATURES[fmt])] == SIGNATURES[fmt]


def test_the_charts_are_exported() -> None:
    for name in ("acceptability_chart", "ranking_chart", "render", "to_dot", "run"):
        assert name in mgmt_tools.mcda.__all__
    assert mgmt_tools.mcda.ranking_chart is ranking_chart
    assert mgmt_tools.mcda.acceptability_chart is acceptability_chart


def test_the_acceptability_chart_needs_the_sensitivity() -> None:
    plain = INDEX.compute(from_dict(MATRIX))
    with pytest.raises(OptionError, match="needs --sensitivity"):
        INDEX.pick_chart(plain, "acceptability", {})
    assert INDEX.pick_chart(plain, None, {"sensitivity": True}).name == "acceptability"


def test_run_equals_evaluate_and_analyse() -> None:
    matrix = from_dict(MATRIX)
    assert run(matrix).to_dict() == evaluate(matrix).to_dict()
    studied = run(matrix, sensitivity=True, seed=3, draws=200, concentration=80.0)
    old = evaluate(matrix, sensitivity=True, seed=3, draws=200, concentration=80.0)
    assert studied.to_dict() == old.to_dict()
    assert studied.to_dict()["sensitivity"]["acceptability"]["concentration"] == 80.0
    judgements = judgements_from_dict(PAIRS)
    assert run(judgements).to_dict() == analyse(judgements).to_dict()
    chosen = run(judgements, method="geometric_mean", random_index="donegan_dodd")
    old_ahp = analyse(judgements, method="geometric_mean", random_index="donegan_dodd")
    assert chosen.to_dict() == old_ahp.to_dict()


@pytest.mark.parametrize(
    ("loaded", "option"),
    [
        (lambda: from_dict(MATRIX), {"method": "topsis"}),
        (lambda: from_dict(MATRIX), {"random_index": "saaty2005"}),
        (lambda: judgements_from_dict(PAIRS), {"sensitivity": True}),
    ],
)
def test_an_option_the_input_does_not_take_is_a_type_error(
    loaded: object, option: dict[str, object]
) -> None:
    with pytest.raises(TypeError):
        run(loaded(), **option)  # type: ignore[operator,call-overload]


def test_index_ranking_rows_are_typed_and_equal_to_the_json(index: IndexResult) -> None:
    rows = index.ranking
    assert all(isinstance(row, RankedAlternative) for row in rows)
    assert rows[0].alternative == rows[0]["alternative"] == index.winner
    assert rows[0].rank == 1
    assert rows[0].score == float(index.scores[index.order[0]])
    assert rows[0].S is None
    assert "S" not in rows[0]
    assert [row.to_dict() for row in rows] == index.to_dict()["ranking"]


def test_vikor_rows_carry_s_and_r() -> None:
    result = run(from_dict({**MATRIX, "method": "vikor"}))
    row = result.ranking[0]
    assert row.S is not None
    assert row.R is not None
    assert row["S"] == row.S
    assert "R" in row
    assert [r.to_dict() for r in result.ranking] == result.to_dict()["ranking"]


def test_ahp_ranking_rows(hierarchy: AhpResult) -> None:
    rows = hierarchy.ranking
    assert [row.to_dict() for row in rows] == hierarchy.to_dict()["ranking"]
    assert rows[0].rank == 1
    assert rows[0].score == max(row.score for row in rows)
    assert run(judgements_from_dict(PAIRS)).ranking == []  # one matrix: its priorities


@pytest.mark.dot
def test_the_display_shows_the_summary_and_the_hierarchy(
    index: IndexResult, hierarchy: AhpResult
) -> None:
    for result in (index, hierarchy):
        bundle = result._repr_mimebundle_()
        assert bundle["text/plain"] == summary_text(result, warnings=False)
        assert "<svg" in bundle["image/svg+xml"]


def test_the_display_without_graphviz_is_the_text_with_a_note(
    hierarchy: AhpResult, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    bundle = hierarchy._repr_mimebundle_()
    assert set(bundle) == {"text/plain"}
    text = bundle["text/plain"]
    assert text.startswith(summary_text(hierarchy, warnings=False))
    assert "(no picture:" in text
