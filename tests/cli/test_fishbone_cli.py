"""``mgmt fishbone`` through click's CliRunner."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from mgmt_cli.main import cli

from ..conftest import EXAMPLES

CREDIT = str(EXAMPLES / "fishbone" / "slow-credit-approval.yaml")
ZH = str(EXAMPLES / "fishbone" / "card-complaints-zh.yaml")
BAD = Path(__file__).parent.parent / "fishbone" / "bad"


def run(*args: str, input: str | None = None) -> Result:
    return CliRunner().invoke(cli, ["fishbone", *args], input=input)


def test_text_summary() -> None:
    result = run(CREDIT)
    assert result.exit_code == 0, result.output
    assert "Relationship managers submit incomplete" in result.output


def test_json_contract() -> None:
    result = run(CREDIT, "--json", "--highlight", "2")
    data = json.loads(result.stdout)
    assert data["command"] == "fishbone"
    assert [c["name"] for c in data["categories"]][:2] == ["People", "Methods"]
    assert data["ranked"][0]["cause"] == "Relationship managers submit incomplete files"
    assert data["highlighted"] == [row["cause"] for row in data["ranked"][:2]]
    assert data["warnings"] == []


def test_stdin() -> None:
    result = run("-", "--json", input='{"effect": "E", "categories": {"A": ["x"]}}')
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["effect"] == "E"


@pytest.mark.parametrize(
    ("suffix", "head"),
    [(".md", b"# Slow SME"), (".json", b"{"), (".dot", b"digraph fishbone")],
)
def test_text_outputs(tmp_path: Path, suffix: str, head: bytes) -> None:
    target = tmp_path / f"out{suffix}"
    result = run(CREDIT, "-o", str(target))
    assert result.exit_code == 0, result.output
    assert target.read_bytes().startswith(head)


def test_refuses_other_formats(tmp_path: Path) -> None:
    assert run(CREDIT, "-o", str(tmp_path / "x.csv")).exit_code == 2


@pytest.mark.parametrize("name", sorted(p.name for p in BAD.glob("*.yaml")))
def test_bad_input_exit_1(name: str) -> None:
    result = run(str(BAD / name))
    assert result.exit_code == 1
    assert f"{name}:" in result.stderr
    assert "Traceback" not in result.output


def test_counts_options_need_each_other() -> None:
    assert run(CREDIT, "--column", "reason").exit_code == 2
    assert run(CREDIT, "--counts", "x.csv").exit_code == 2


def test_counts_from_a_csv(tmp_path: Path) -> None:
    data = tmp_path / "delays.csv"
    rows = ["file,reason"]
    rows += [f"{n},Analysts overloaded" for n in range(6)]
    rows += [f"{n},duplicate document CHECKS" for n in range(3)]
    rows += ["98,Old servers", "99,Weather"]
    data.write_text("\n".join(rows) + "\n", encoding="utf-8")
    result = run(CREDIT, "--counts", str(data), "--column", "reason", "--json")
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    assert [(r["cause"], r["count"]) for r in out["ranked"]] == [
        ("Analysts overloaded", 6.0),
        ("Duplicate document checks", 3.0),
        ("Old servers", 1.0),
    ]
    assert out["highlighted"] == ["Analysts overloaded", "Duplicate document checks"]
    assert "count without a cause: 'Weather' (1)" in result.stderr
    assert "no count for cause 'Missing training' (People)" in result.stderr


def test_counts_missing_column_exit_1(tmp_path: Path) -> None:
    data = tmp_path / "delays.csv"
    data.write_text("file,why\n1,x\n", encoding="utf-8")
    result = run(CREDIT, "--counts", str(data), "--column", "reason")
    assert result.exit_code == 1
    assert "reason" in result.stderr


@pytest.mark.dot
@pytest.mark.parametrize("example", [CREDIT, ZH])
def test_png(tmp_path: Path, example: str) -> None:
    target = tmp_path / "f.png"
    assert run(example, "-o", str(target), "--highlight", "3").exit_code == 0
    assert target.read_bytes()[:4] == b"\x89PNG"


def test_missing_graphviz_writes_dot_and_exits_3(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "empty-bin"))
    result = run(CREDIT, "-o", str(tmp_path / "f.svg"))
    assert result.exit_code == 3
    assert (tmp_path / "f.dot").read_text(encoding="utf-8").startswith("digraph fishbone")
    assert not (tmp_path / "f.svg").exists()
