"""The public face of mgmt_tools.pareto (issue 13): run through the registry, ``run`` against
the older verbs, typed items, option errors, a chart the display cannot draw (the shapes every
method shares are in tests/test_api.py)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

import mgmt_tools.pareto
from mgmt_tools.errors import OptionError, RenderError
from mgmt_tools.methods import METHODS
from mgmt_tools.pareto import ParetoItem, ParetoResult, analyse_tally, loads, pareto_chart, run

from ..conftest import EXAMPLES

METHOD = METHODS["pareto"]


@pytest.fixture(scope="module")
def result() -> ParetoResult:
    loaded = METHOD.read(EXAMPLES / METHOD.example)
    computed: ParetoResult = METHOD.compute(loaded, cutoff=70.0)
    return computed


@pytest.fixture(scope="module")
def from_csv() -> ParetoResult:
    loaded = METHOD.read(EXAMPLES / "pareto" / "complaints.csv", column="reason", by="branch")
    computed: ParetoResult = METHOD.compute(loaded, top=4)
    return computed


def test_the_registry_reads_and_runs_the_example(result: ParetoResult) -> None:
    assert isinstance(result, ParetoResult)
    assert result.cutoff == 70.0
    assert result.title is not None
    assert result.title.startswith("Riverside")


def test_a_csv_is_read_with_load_options(from_csv: ParetoResult) -> None:
    data = from_csv.to_dict()
    assert data["column"] == "reason"
    assert data["by"] == "branch"
    assert data["top"] == 4
    assert data["items"][-1]["category"] == "Other"
    assert {stratum["stratum"] for stratum in data["strata"]} >= {"Riverside", "Harbour"}


def test_the_csv_lists_the_items(result: ParetoResult) -> None:
    # that the CSV is to_csv and the JSON to_dict: tests/test_api.py
    written = METHOD.write(result, "csv")
    assert isinstance(written, str)
    rows = list(csv.DictReader(io.StringIO(written)))
    assert [row["category"] for row in rows] == [item.category for item in result.items]


def test_the_chart_is_exported() -> None:
    assert mgmt_tools.pareto.pareto_chart is pareto_chart
    assert "pareto_chart" in mgmt_tools.pareto.__all__
    assert "run" in mgmt_tools.pareto.__all__


def test_run_equals_the_older_verbs() -> None:
    data = loads("title: Fees\nmeasure: cases\ncounts: {Rates: 45, Paperwork: 120, Fees: 35}")
    ran = run(data, cutoff=60, other_after=70)
    old = analyse_tally(
        data.tally, cutoff=60, other_after=70, title="Fees", measure="cases", extras={}
    )
    assert ran.to_dict() == old.to_dict()
    assert ran.to_dict()["merged_categories"] == 1


def test_the_loaded_data_carries_its_source() -> None:
    data = loads("reason\nRates\nFees\nRates\n", "csv", column="reason", source="log.csv")
    assert data.source == "log.csv"
    assert run(data).to_dict()["column"] == "reason"


def test_items_are_typed_rows_equal_to_the_json(result: ParetoResult) -> None:
    items = result.items
    assert all(isinstance(item, ParetoItem) for item in items)
    first = items[0]
    assert first.category == first["category"] == result.names[0]
    assert first.vital
    assert first.count == float(result.counts[0])
    assert items[-1].cumulative_percent == 100.0
    assert [item.to_dict() for item in items] == result.to_dict()["items"]


def test_top_and_other_after_together_are_an_option_error() -> None:
    data = loads("counts: {a: 3, b: 2, c: 1}")
    with pytest.raises(OptionError, match="give --top or --other-after, not both"):
        run(data, top=1, other_after=50)
    assert OptionError.exit_code == 2


def test_the_display_notes_a_chart_it_cannot_draw(
    result: ParetoResult, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*args: object, **kwargs: object) -> bytes:
        raise RenderError("the chart cannot be drawn")

    monkeypatch.setattr("mgmt_tools.pareto.chart.pareto_chart", refuse)
    bundle = result._repr_mimebundle_()
    assert "image/svg+xml" not in bundle
    assert bundle["text/plain"].endswith("(no picture: the chart cannot be drawn)")


def test_each_stratum_has_its_own_vital_few(tmp_path: Path) -> None:
    # Overall A (6) leads B (5), the shared order of the strata. North has B 4, A 1: B alone
    # is 80 %, so North's vital few are B, not the leading A of the shared order (which the
    # shared-order rule would have marked, with B, as reaching 80 % only at 100 %).
    # South has A 5, B 1: A alone is 83 %.
    rows = ["branch,reason"] + ["North,B"] * 4 + ["North,A"] + ["South,A"] * 5 + ["South,B"]
    path = tmp_path / "records.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    result = METHOD.compute(METHOD.read(path, column="reason", by="branch"))
    strata = {s["stratum"]: s["items"] for s in result.to_dict()["strata"]}
    assert [item["category"] for item in strata["North"]] == ["A", "B"]
    assert [item["vital"] for item in strata["North"]] == [False, True]
    assert [item["vital"] for item in strata["South"]] == [True, False]
