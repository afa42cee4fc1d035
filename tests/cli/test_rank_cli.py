"""``mgmt rank`` through click's CliRunner."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ..conftest import EXAMPLES
from ..helpers import mgmt

TODO = str(EXAMPLES / "rank" / "weekly-todo.yaml")
PIPELINE = str(EXAMPLES / "rank" / "client-pipeline.yaml")
BAD = Path(__file__).parent.parent / "rank" / "bad"


def test_json_contract() -> None:
    out = mgmt("rank", TODO, "--json").out
    data = json.loads(out)
    assert data["command"] == "rank"
    assert data["method"] == "eisenhower"
    assert set(data["ranking"][0]) == {"item", "score", "rank", "category"}
    assert data["warnings"] == []
    assert data["threshold"] == 5


def test_method_and_model_options(tmp_path: Path) -> None:
    backlog = tmp_path / "b.yaml"
    backlog.write_text("method: pairwise\ncomparisons: [A > B, B > C, C > A]\n", encoding="utf-8")
    _, out, err = mgmt("rank", str(backlog), "--model", "bradley-terry", "--json")
    data = json.loads(out)
    assert data["model"] == "bradley-terry"
    assert data["estimation"]["iterations"] >= 1
    assert "A > B > C > A" in err


def test_csv_input_needs_method(tmp_path: Path) -> None:
    table = tmp_path / "items.csv"
    table.write_text("name,value,effort\nA,8,2\nB,3,9\n", encoding="utf-8")
    ok = mgmt("rank", str(table), "--method", "value_effort")
    assert ok.code == 0
    assert "quick win" in ok.out
    bad = mgmt("rank", str(table))
    assert bad.code == 1


def test_bad_input_exit_1() -> None:
    code, _, err = mgmt("rank", str(BAD / "zero_effort.yaml"))
    assert code == 1
    assert "effort must be above 0" in err


@pytest.mark.parametrize(
    ("suffix", "head"),
    [(".md", b"**Branch"), (".json", b"{"), (".csv", b"rank,"), (".dot", b"digraph")],
)
def test_text_outputs(tmp_path: Path, suffix: str, head: bytes) -> None:
    target = tmp_path / f"out{suffix}"
    code, _, err = mgmt("rank", TODO, "-o", str(target))
    assert code == 0, err
    assert target.read_bytes().startswith(head)


@pytest.mark.dot
def test_matrix_png(tmp_path: Path) -> None:
    target = tmp_path / "m.png"
    assert mgmt("rank", TODO, "-o", str(target)).code == 0
    assert target.read_bytes()[:4] == b"\x89PNG"


def test_ranking_chart_and_usage_errors(tmp_path: Path) -> None:
    target = tmp_path / "c.svg"
    assert mgmt("rank", TODO, "--chart", "ranking", "-o", str(target)).code == 0
    assert mgmt("rank", PIPELINE, "--chart", "matrix", "-o", str(target)).code == 2
    assert mgmt("rank", PIPELINE, "-o", str(tmp_path / "x.dot")).code == 2
    assert mgmt("rank", PIPELINE, "-o", str(tmp_path / "x.mmd")).code == 2


def test_stdin() -> None:
    _, out, _ = mgmt("rank", "-", "--json", stdin='{"method": "borda", "ballots": [["A", "B"]]}')
    assert json.loads(out)["ranking"][0]["item"] == "A"
