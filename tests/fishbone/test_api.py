"""The public face of mgmt_tools.fishbone (issue 13): run through the registry, ``run`` against
the older verbs, typed ranked causes, option errors, notebook display."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import mgmt_tools.fishbone
from mgmt_tools.errors import OptionError
from mgmt_tools.fishbone import (
    FishboneResult,
    RankedCause,
    analyse,
    loads,
    run,
    summary_text,
    to_dot,
    to_markdown,
    with_counts,
)
from mgmt_tools.methods import METHODS, Chart

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
METHOD = METHODS["fishbone"]
SIGNATURES = {"svg": b"<?xml", "png": b"\x89PNG", "pdf": b"%PDF"}

CAUSES = loads(
    """
effect: Complaints rising
categories:
  People: [Rude staff, {cause: Slow response, count: 4}]
  Methods: [Wrong fees, Lost cards]
"""
)


@pytest.fixture(scope="module")
def result() -> FishboneResult:
    computed: FishboneResult = METHOD.compute(METHOD.read(EXAMPLES / METHOD.example), highlight=2)
    return computed


@pytest.fixture
def counts_csv(tmp_path: Path) -> Path:
    path = tmp_path / "complaints.csv"
    rows = ["reason,cost"] + ["Wrong fees,5"] * 3 + ["rude  STAFF,1"] * 2 + ["ATM broken,2"]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def test_the_registry_reads_and_runs_the_example(result: FishboneResult) -> None:
    assert isinstance(result, FishboneResult)
    assert len(result.highlighted_causes) == 2
    assert result.highlighted_causes == [row.cause for row in result.ranked[:2]]


@pytest.mark.parametrize("fmt", ["json", "md"])
def test_every_data_format_writes(result: FishboneResult, fmt: str) -> None:
    written = METHOD.write(result, fmt)
    if fmt == "json":
        assert isinstance(written, str)
        assert json.loads(written) == json.loads(json.dumps(result.to_dict()))
    else:
        assert written == to_markdown(result)


@pytest.mark.parametrize(
    ("chart", "fmt"),
    [(chart, fmt) for chart in METHOD.charts for fmt in chart.formats],
    ids=lambda value: getattr(value, "name", value),
)
@pytest.mark.dot
def test_every_chart_draws_in_every_format(result: FishboneResult, chart: Chart, fmt: str) -> None:
    drawn = METHOD.write(result, fmt, chart=chart)
    if fmt == "dot":
        assert drawn == to_dot(result)
        return
    assert isinstance(drawn, bytes)
    assert drawn.lstrip()[: len(SIGNATURES[fmt])] == SIGNATURES[fmt]


def test_the_drawings_are_exported() -> None:
    for name in ("render", "to_dot", "to_svg", "run", "RankedCause"):
        assert name in mgmt_tools.fishbone.__all__
        assert hasattr(mgmt_tools.fishbone, name)


def test_run_without_counts_equals_analyse() -> None:
    assert run(CAUSES).to_dict() == analyse(CAUSES).to_dict()
    assert run(CAUSES, highlight=1).to_dict() == analyse(CAUSES, highlight=1).to_dict()
    assert run(CAUSES, highlight=1).highlighted_causes == ["Slow response"]


def test_run_with_counts_equals_with_counts(counts_csv: Path) -> None:
    ran = run(CAUSES, counts=str(counts_csv), column="reason", weight="cost")
    old = with_counts(CAUSES, counts_csv, "reason", weight="cost")
    assert ran.to_dict() == old.to_dict()
    assert [(row.cause, row.count) for row in ran.ranked] == [
        ("Wrong fees", 15.0),
        ("Rude staff", 2.0),
    ]
    assert "count without a cause: 'ATM broken' (2)" in ran.warnings


def test_run_reads_the_counts_in_their_encoding(tmp_path: Path) -> None:
    path = tmp_path / "gbk.csv"
    path.write_bytes("原因\n排队时间长\n排队时间长\n".encode("gbk"))
    fishbone = loads("effect: 投诉\ncategories: {人: [排队时间长]}")
    ran = run(fishbone, counts=path, column="原因", counts_encoding="gbk")
    assert [(row.cause, row.count) for row in ran.ranked] == [("排队时间长", 2.0)]


def test_ranked_causes_are_typed_rows_equal_to_the_json(result: FishboneResult) -> None:
    ranked = result.ranked
    assert all(isinstance(row, RankedCause) for row in ranked)
    first = ranked[0]
    assert first.cause == first["cause"]
    assert first.count == max(row.count for row in ranked)
    assert first == first.to_dict()  # code written against the JSON still compares
    assert first != {**first.to_dict(), "count": first.count + 1}
    assert [row.to_dict() for row in ranked] == result.to_dict()["ranked"]


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"column": "reason"}, "--column, --count and --weight go with --counts CSV"),
        ({"count_column": "n"}, "--column, --count and --weight go with --counts CSV"),
        ({"weight": "cost"}, "--column, --count and --weight go with --counts CSV"),
        ({"counts": "data.csv"}, "--counts needs --column (the column naming the cause)"),
    ],
)
def test_options_that_do_not_go_together(options: dict[str, str], message: str) -> None:
    with pytest.raises(OptionError) as caught:
        run(CAUSES, **options)  # type: ignore[arg-type]
    assert str(caught.value) == message


@pytest.mark.dot
def test_the_display_shows_the_summary_and_the_diagram(result: FishboneResult) -> None:
    bundle = result._repr_mimebundle_()
    assert bundle["text/plain"] == summary_text(result, warnings=False)
    assert "<svg" in bundle["image/svg+xml"]


def test_the_display_without_graphviz_is_the_text_with_a_note(
    result: FishboneResult, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    bundle = result._repr_mimebundle_()
    assert set(bundle) == {"text/plain"}
    text = bundle["text/plain"]
    assert text.startswith(summary_text(result, warnings=False))
    assert "(no picture:" in text
    assert "Graphviz" in text
