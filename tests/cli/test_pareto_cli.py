"""``mgmt pareto`` through click's CliRunner."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from mgmt_cli.main import cli

from ..conftest import EXAMPLES

RECORDS = str(EXAMPLES / "pareto" / "complaints.csv")
COUNTS = str(EXAMPLES / "pareto" / "complaint-counts.yaml")


def run(*args: str, input: str | None = None) -> Result:
    return CliRunner().invoke(cli, ["pareto", *args], input=input)


def test_text_summary() -> None:
    result = run(RECORDS, "--column", "reason")
    assert result.exit_code == 0, result.output
    assert "Long wait at the counter" in result.output
    assert "vital few (5 of 11)" in result.output


def test_json_contract() -> None:
    data = json.loads(run(RECORDS, "--column", "reason", "--json").stdout)
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
    records = json.loads(run(RECORDS, "--column", "reason", "--json").stdout)
    counts = json.loads(run(COUNTS, "--json").stdout)
    assert [r["category"] for r in records["items"]] == [r["category"] for r in counts["items"]]
    assert [r["count"] for r in records["items"]] == [r["count"] for r in counts["items"]]


def test_weight_top_other_after_and_by() -> None:
    data = json.loads(run(RECORDS, "--column", "reason", "--weight", "cost", "--json").stdout)
    assert data["measure"] == "cost"
    assert data["items"][0]["category"] == "Loan approval too slow"
    top = json.loads(run(COUNTS, "--top", "3", "--json").stdout)
    assert [r["category"] for r in top["items"]][-1] == "Other"
    assert len(top["items"]) == 4
    after = json.loads(run(COUNTS, "--other-after", "90", "--json").stdout)
    assert after["items"][-1]["category"] == "Other"
    assert after["items"][-2]["cumulative_percent"] >= 90
    by = json.loads(run(RECORDS, "--column", "reason", "--by", "branch", "--json").stdout)
    assert [s["stratum"] for s in by["strata"]] == ["Riverside", "Harbour", "Old Town"]
    assert sum(s["total"] for s in by["strata"]) == 300


def test_top_and_other_after_conflict() -> None:
    assert run(COUNTS, "--top", "3", "--other-after", "90").exit_code == 2


@pytest.mark.parametrize("suffix", ["svg", "png", "pdf", "json", "csv", "md"])
def test_outputs(tmp_path: Path, suffix: str) -> None:
    out = tmp_path / f"p.{suffix}"
    result = run(RECORDS, "--column", "reason", "--by", "branch", "--top", "6", "-o", str(out))
    assert result.exit_code == 0, result.output
    assert out.stat().st_size > 100


def test_refuses_dot() -> None:
    result = run(COUNTS, "-o", "x.dot")
    assert result.exit_code == 2
    assert "svg, png, pdf, json, csv, md" in result.output


def test_stdin_csv_and_gbk(tmp_path: Path) -> None:
    result = run("-", "--column", "原因", "--json", input="原因\n排队\n排队\n利率\n")
    assert json.loads(result.stdout)["items"][0] == {
        "category": "排队",
        "count": 2.0,
        "percent": 2 / 3 * 100,
        "cumulative_percent": 2 / 3 * 100,
        "vital": True,
    }
    path = tmp_path / "gbk.csv"
    path.write_bytes("原因\n排队\n利率\n排队\n".encode("gbk"))
    assert run(str(path), "--column", "原因").exit_code == 1  # not UTF-8
    result = run(str(path), "--column", "原因", "--encoding", "gbk", "--json")
    assert json.loads(result.stdout)["total"] == 3


def test_csv_without_column_is_an_error() -> None:
    result = run(RECORDS)
    assert result.exit_code == 1
    assert "--column" in result.output


def test_svg_is_deterministic(tmp_path: Path) -> None:
    first, second = tmp_path / "a.svg", tmp_path / "b.svg"
    run(COUNTS, "-o", str(first))
    run(COUNTS, "-o", str(second))
    assert first.read_bytes() == second.read_bytes()
