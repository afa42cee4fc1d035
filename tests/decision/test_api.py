"""mgmt_tools.decision's public face: the registry entry reads, computes and writes every
format and chart; ``run`` equals ``rollback`` and checks its options; typed rows of the tornado
and risk profile; parse_vary_text; the notebook display through the one display mixin."""

from __future__ import annotations

import json
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
from mgmt_tools.errors import GraphvizNotFoundError, OptionError
from mgmt_tools.methods import IMAGE_FORMATS, METHODS

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "decision" / "credit-line-steel.yaml"
MAGIC = {"svg": b"<?xml", "png": b"\x89PNG", "pdf": b"%PDF"}
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


def _charts_and_formats() -> list[tuple[str, str]]:
    return [(chart.name, fmt) for chart in METHODS["decision"].charts for fmt in chart.formats]


@pytest.mark.parametrize(("chart_name", "fmt"), _charts_and_formats())
def test_every_chart_in_every_format(studied: DecisionResult, chart_name: str, fmt: str) -> None:
    method = METHODS["decision"]
    chart = method.chart(chart_name)
    if chart_name == "tree" and fmt in IMAGE_FORMATS:
        pytest.importorskip("graphviz")
        import shutil

        if shutil.which("dot") is None:
            pytest.skip("Graphviz `dot` is not installed")
    drawn = method.write(studied, fmt, chart=chart, depth=2)
    if fmt in IMAGE_FORMATS:
        assert isinstance(drawn, bytes)
        assert drawn.startswith(MAGIC[fmt])
    else:
        assert isinstance(drawn, str)
        assert drawn.startswith("digraph")


def test_json_through_the_registry(studied: DecisionResult) -> None:
    written = METHODS["decision"].write(studied, "json")
    assert isinstance(written, str)
    assert json.loads(written) == json.loads(json.dumps(studied.to_dict()))


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
    assert studied.to_dict() == old.to_dict()
    assert run(tree).to_dict() == rollback(tree).to_dict()
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


# --- notebook display ----------------------------------------------------------------------------


@pytest.mark.dot
def test_display_shows_the_tree(studied: DecisionResult) -> None:
    bundle = studied._repr_mimebundle_()
    assert bundle["text/plain"] == METHODS["decision"].summary_text(studied)
    assert "Generated by graphviz" in bundle["image/svg+xml"]


def test_display_without_graphviz_is_text_with_a_note(
    studied: DecisionResult, monkeypatch: pytest.MonkeyPatch
) -> None:
    import mgmt_tools.render.graphviz as graphviz

    def missing(*args: object, **kwargs: object) -> bytes:
        raise GraphvizNotFoundError()

    monkeypatch.setattr(graphviz, "pipe", missing)
    bundle = studied._repr_mimebundle_()
    assert "image/svg+xml" not in bundle
    assert bundle["text/plain"].startswith(METHODS["decision"].summary_text(studied))
    assert "(no picture: Graphviz 'dot' was not found" in bundle["text/plain"]
