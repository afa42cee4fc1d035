"""The public face of mgmt_tools.fishbone (issue 13): run through the registry, ``run`` with
counts against ``with_counts``, typed ranked causes, option errors (the shapes every method
shares, display and ``run`` against ``analyse`` among them, are in tests/test_api.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

import mgmt_tools.fishbone
from mgmt_tools.errors import OptionError
from mgmt_tools.fishbone import FishboneResult, RankedCause, loads, run, with_counts
from mgmt_tools.methods import METHODS

from ..conftest import EXAMPLES

METHOD = METHODS["fishbone"]

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


def test_the_drawings_are_exported() -> None:
    for name in ("render", "to_dot", "to_svg", "run", "RankedCause"):
        assert name in mgmt_tools.fishbone.__all__
        assert hasattr(mgmt_tools.fishbone, name)


def test_run_without_counts_highlights_the_top_causes() -> None:
    # that it equals analyse: tests/test_api.py
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
