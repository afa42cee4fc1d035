"""``mgmt rank`` through click's CliRunner."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from mgmt_cli.main import cli

from ..conftest import EXAMPLES

TODO = str(EXAMPLES / "rank" / "weekly-todo.yaml")
PIPELINE = str(EXAMPLES / "rank" / "client-pipeline.yaml")


def run(*args: str, input: str | None = None) -> Result:
    return CliRunner().invoke(cli, ["rank", *args], input=input)


def test_text_summary() -> None:
    result = run(PIPELINE)
    assert result.exit_code == 0, result.output
    assert "Dr. Chen family office" in result.output


def test_json_contract() -> None:
    result = run(TODO, "--json")
    data = json.loads(result.output)
    assert data["command"] == "rank"
    assert data["method"] == "eisenhower"
    assert set(data["ranking"][0]) == {"item", "score", "rank", "category"}
    assert data["warnings"] == []
    assert data["threshold"] == 5


def test_method_and_model_options(tmp_path: Path) -> None:
    backlog = tmp_path / "b.yaml"
    backlog.write_text("method: pairwise\ncomparisons: [A > B, B > C, C > A]\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["rank", str(backlog), "--model", "bradley-terry", "--json"])
    data = json.loads(result.stdout)
    assert data["model"] == "bradley-terry"
    assert data["estimation"]["iterations"] >= 1
    assert "A > B > C > A" in result.stderr


def test_csv_input_needs_method(tmp_path: Path) -> None:
    table = tmp_path / "items.csv"
    table.write_text("name,value,effort\nA,8,2\nB,3,9\n", encoding="utf-8")
    ok = run(str(table), "--method", "value_effort")
    assert ok.exit_code == 0
    assert "quick win" in ok.output
    bad = run(str(table))
    assert bad.exit_code == 1


def test_bad_input_exit_1() -> None:
    result = run(str(Path(__file__).parent.parent / "rank" / "bad" / "zero_effort.yaml"))
    assert result.exit_code == 1
    assert "effort must be above 0" in result.output


@pytest.mark.parametrize(
    ("suffix", "head"),
    [(".md", b"**Branch"), (".json", b"{"), (".csv", b"rank,"), (".dot", b"digraph")],
)
def test_text_outputs(tmp_path: Path, suffix: str, head: bytes) -> None:
    target = tmp_path / f"out{suffix}"
    result = run(TODO, "-o", str(target))
    assert result.exit_code == 0, result.output
    assert target.read_bytes().startswith(head)


@pytest.mark.dot
def test_matrix_png(tmp_path: Path) -> None:
    target = tmp_path / "m.png"
    assert run(TODO, "-o", str(target)).exit_code == 0
    assert target.read_bytes()[:4] == b"\x89PNG"


def test_ranking_chart_and_usage_errors(tmp_path: Path) -> None:
    target = tmp_path / "c.svg"
    assert run(TODO, "--chart", "ranking", "-o", str(target)).exit_code == 0
    assert run(PIPELINE, "--chart", "matrix", "-o", str(target)).exit_code == 2
    assert run(PIPELINE, "-o", str(tmp_path / "x.dot")).exit_code == 2
    assert run(PIPELINE, "-o", str(tmp_path / "x.mmd")).exit_code == 2


def test_stdin() -> None:
    result = run("-", "--json", input='{"method": "borda", "ballots": [["A", "B"]]}')
    assert json.loads(result.output)["ranking"][0]["item"] == "A"
