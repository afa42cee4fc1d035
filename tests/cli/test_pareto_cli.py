"""``mgmt pareto`` through click's CliRunner."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ..conftest import EXAMPLES
from ..helpers import mgmt

RECORDS = str(EXAMPLES / "pareto" / "complaints.csv")
COUNTS = str(EXAMPLES / "pareto" / "complaint-counts.yaml")


def test_json_contract() -> None:
    data = json.loads(mgmt("pareto", RECORDS, "--column", "reason", "--json").out)
    assert data["command"] == "pareto"
    assert data["method"] == "pareto"
    assert data["total"] == 300
    assert data["cutoff"] == 80
    assert set(data["items"][0]) == {
        "category",
        "count",
        "percent",
        "cumulative_percent",
        "vital",
    }
    assert data["items"][-1]["cumulative_percent"] == 100.0
    assert data["warnings"] == []


def test_records_and_counts_agree() -> None:
    records = json.loads(mgmt("pareto", RECORDS, "--column", "reason", "--json").out)
    counts = json.loads(mgmt("pareto", COUNTS, "--json").out)
    assert [r["category"] for r in records["items"]] == [r["category"] for r in counts["items"]]
    assert [r["count"] for r in records["items"]] == [r["count"] for r in counts["items"]]


def test_weight_top_other_after_and_by() -> None:
    data = json.loads(
        mgmt("pareto", RECORDS, "--column", "reason", "--weight", "cost", "--json").out
    )
    assert data["measure"] == "cost"
    assert data["items"][0]["category"] == "Loan approval too slow"
    top = json.loads(mgmt("pareto", COUNTS, "--top", "3", "--json").out)
    assert [r["category"] for r in top["items"]][-1] == "Other"
    assert len(top["items"]) == 4
    after = json.loads(mgmt("pareto", COUNTS, "--other-after", "90", "--json").out)
    assert after["items"][-1]["category"] == "Other"
    assert after["items"][-2]["cumulative_percent"] >= 90
    by = json.loads(mgmt("pareto", RECORDS, "--column", "reason", "--by", "branch", "--json").out)
    assert [s["stratum"] for s in by["strata"]] == ["Riverside", "Harbour", "Old Town"]
    assert sum(s["total"] for s in by["strata"]) == 300


def test_top_and_other_after_conflict() -> None:
    assert mgmt("pareto", COUNTS, "--top", "3", "--other-after", "90").code == 2


@pytest.mark.parametrize("suffix", ["svg", "png", "pdf", "json", "csv", "md"])
def test_outputs(tmp_path: Path, suffix: str) -> None:
    target = tmp_path / f"p.{suffix}"
    code, _, err = mgmt(
        "pareto", RECORDS, "--column", "reason", "--by", "branch", "--top", "6", "-o", str(target)
    )
    assert code == 0, err
    assert target.stat().st_size > 100


def test_refuses_dot() -> None:
    code, _, err = mgmt("pareto", COUNTS, "-o", "x.dot")
    assert code == 2
    assert "svg, png, pdf, json, csv, md" in err


def test_stdin_csv_and_gbk(tmp_path: Path) -> None:
    out = mgmt("pareto", "-", "--column", "原因", "--json", stdin="原因\n排队\n排队\n利率\n").out
    assert json.loads(out)["items"][0] == {
        "category": "排队",
        "count": 2.0,
        "percent": 2 / 3 * 100,
        "cumulative_percent": 2 / 3 * 100,
        "vital": True,
    }
    path = tmp_path / "gbk.csv"
    path.write_bytes("原因\n排队\n利率\n排队\n".encode("gbk"))
    assert mgmt("pareto", str(path), "--column", "原因").code == 0  # GBK recognised
    out = mgmt("pareto", str(path), "--column", "原因", "--encoding", "gbk", "--json").out
    assert json.loads(out)["total"] == 3


def test_csv_without_column_is_an_error() -> None:
    code, _, err = mgmt("pareto", RECORDS)
    assert code == 1
    assert "--column" in err


def test_svg_is_deterministic(tmp_path: Path) -> None:
    first, second = tmp_path / "a.svg", tmp_path / "b.svg"
    mgmt("pareto", COUNTS, "-o", str(first))
    mgmt("pareto", COUNTS, "-o", str(second))
    assert first.read_bytes() == second.read_bytes()
