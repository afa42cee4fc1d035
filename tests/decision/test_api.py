"""mgmt_tools.decision's public face: the registry entry passes options by name; ``run`` equals
``rollback`` and checks its options; typed rows of the tornado and risk profile;
parse_vary_text. The shapes every method shares (formats, charts, display) are in
tests/test_api.py."""

from __future__ import annotations

from pathlib import Path

import pytest

from mgmt_tools.decision import (
    DecisionResult,
    ProfilePoint,
    TornadoRow,
    loads,
    parse_vary_text,
    rollback,
    run,
)
from mgmt_tools.errors import OptionError
from mgmt_tools.methods import METHODS

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "decision" / "credit-line-steel.yaml"
VARY = ("report_accuracy", 0.5, 1.0, 6)

NO_RANGES = """
variables: {fee: 30}
root:
  type: decision
  branches: [{name: Charge, payoff: fee}, {name: Waive, payoff: 20}]
"""


@pytest.fixture(scope="module")
def studied() -> DecisionResult:
    method = METHODS["decision"]
    result: DecisionResult = method.compute(method.read(EXAMPLE), vary=VARY, tornado=True)
    return result


def test_options_by_their_registry_names() -> None:
    method = METHODS["decision"]
    values = {
        name: method.option(name).convert(value)
        for name, value in {"vary": "report_accuracy=0.5:1:6", "tornado": True}.items()
    }
    result = method.compute(method.read(EXAMPLE), **method.stage("run", values))
    assert result.sensitivity is not None
    assert result.sensitivity.values[0] == 0.5
    assert len(result.sensitivity.values) == 6
    assert method.pick_chart(result, None, values).name == "sensitivity"


# --- run -----------------------------------------------------------------------------------------


def test_run_equals_rollback(studied: DecisionResult) -> None:
    tree = METHODS["decision"].read(EXAMPLE)
    old = rollback(tree, vary="report_accuracy=0.5:1:6", tornado=True)
    assert studied.to_dict() == old.to_dict()  # without options: tests/test_api.py
    fixed = run(tree, vary=VARY, fixed_policy=True).to_dict()
    assert fixed == rollback(tree, vary="report_accuracy=0.5:1:6", fixed_policy=True).to_dict()
    assert fixed["sensitivity"]["policy"] == "fixed"


def test_run_refuses_an_unknown_variable() -> None:
    tree = METHODS["decision"].read(EXAMPLE)
    with pytest.raises(OptionError, match="unknown variable 'report_acuracy'") as caught:
        run(tree, vary=("report_acuracy", 0.5, 1.0, 3))
    assert "did you mean 'report_accuracy'" in str(caught.value)
    assert caught.value.exit_code == 2


def test_run_refuses_tornado_without_ranges() -> None:
    with pytest.raises(
        OptionError,
        match=r"--tornado needs 'ranges' in the tree \(low and high per variable\)",
    ):
        run(loads(NO_RANGES), tornado=True)
    assert run(loads(NO_RANGES)).tornado is None


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("fee=0:40", ("fee", 0.0, 40.0, 11)),
        (" fee = -10 : 1/2 : 3 ", ("fee", -10.0, 0.5, 3)),
    ],
)
def test_parse_vary_text(text: str, value: tuple[str, float, float, int]) -> None:
    assert parse_vary_text(text) == value


@pytest.mark.parametrize("text", ["fee", "fee=1", "fee=a:b", "fee=2:1", "fee=0:1:1", "=0:1"])
def test_parse_vary_text_refuses(text: str) -> None:
    with pytest.raises(ValueError, match="--vary"):
        parse_vary_text(text)


# --- typed rows ----------------------------------------------------------------------------------


def test_tornado_rows_are_typed_and_the_json_rows(studied: DecisionResult) -> None:
    assert studied.tornado is not None
    rows = studied.to_dict()["tornado"]
    assert all(isinstance(row, TornadoRow) for row in studied.tornado)
    assert [row.to_dict() for row in studied.tornado] == rows
    first = studied.tornado[0]
    assert first.swing == first["swing"] == rows[0]["swing"]
    assert studied.tornado_row(first.variable) == first
    with pytest.raises(KeyError, match="did you mean 'report_accuracy'"):
        studied.tornado_row("report_acuracy")


def test_risk_profile_points(studied: DecisionResult) -> None:
    points = studied.risk_profile.points
    assert all(isinstance(point, ProfilePoint) for point in points)
    assert [point.to_dict() for point in points] == studied.to_dict()["risk_profile"]
    assert sum(point.probability for point in points) == pytest.approx(1.0)


def test_switches_by_name(studied: DecisionResult) -> None:
    study = studied.sensitivity
    assert study is not None
    data = studied.to_dict()["sensitivity"]["switches"]
    assert [switch.to_dict() for switch in study.switch_points] == data
    assert [switch.value for switch in study.switch_points] == study.break_even
