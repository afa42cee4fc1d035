"""The public face of mgmt_tools.mcda (issue 13): ``mgmt index`` and ``mgmt ahp`` run through the
registry, typed ranking rows (the shapes every method shares, display and ``run`` against
``evaluate`` and ``analyse`` among them, are in tests/test_api.py)."""

from __future__ import annotations

import pytest

import mgmt_tools.mcda
from mgmt_tools.errors import OptionError
from mgmt_tools.mcda import (
    AhpResult,
    IndexResult,
    RankedAlternative,
    acceptability_chart,
    from_dict,
    judgements_from_dict,
    ranking_chart,
    run,
)
from mgmt_tools.methods import METHODS

from ..conftest import EXAMPLES

INDEX = METHODS["index"]
AHP = METHODS["ahp"]
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


def test_run_passes_the_sensitivity_options() -> None:
    # that run equals evaluate and analyse: tests/test_api.py
    studied = run(from_dict(MATRIX), sensitivity=True, seed=3, draws=200, concentration=80.0)
    assert studied.to_dict()["sensitivity"]["acceptability"]["concentration"] == 80.0


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


INDEX_CHOICES = {"method": "METHODS", "normalization": "NORMALIZATIONS", "weighting": "WEIGHTINGS"}
AHP_CHOICES = {"method": "AHP_METHODS", "random_index": "RANDOM_INDEX_TABLES"}


@pytest.mark.parametrize(("name", "choices"), [("index", INDEX_CHOICES), ("ahp", AHP_CHOICES)])
def test_registry_choices_match_the_model(name: str, choices: dict[str, str]) -> None:
    """Each option with choices offers what the input model accepts (by the model's name)."""
    from mgmt_tools.mcda import model

    for option, constant in choices.items():
        assert METHODS[name].option(option).choices == getattr(model, constant)
