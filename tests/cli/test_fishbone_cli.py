"""``mgmt fishbone`` through click's CliRunner."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ..conftest import EXAMPLES
from ..helpers import mgmt

CREDIT = str(EXAMPLES / "fishbone" / "slow-credit-approval.yaml")
ZH = str(EXAMPLES / "fishbone" / "card-complaints-zh.yaml")
BAD = Path(__file__).parent.parent / "fishbone" / "bad"


def test_json_contract() -> None:
    out = mgmt("fishbone", CREDIT, "--json", "--highlight", "2").out
    data = json.loads(out)
    assert data["command"] == "fishbone"
    assert [c["name"] for c in data["categories"]][:2] == ["People", "Methods"]
    assert data["ranked"][0]["cause"] == "Relationship managers submit incomplete files"
    assert data["highlighted"] == [row["cause"] for row in data["ranked"][:2]]
    assert data["warnings"] == []


def test_stdin() -> None:
    code, out, err = mgmt(
        "fishbone", "-", "--json", stdin='{"effect": "E", "categories": {"A": ["x"]}}'
    )
    assert code == 0, err
    assert json.loads(out)["effect"] == "E"


@pytest.mark.parametrize(
    ("suffix", "head"),
    [(".md", b"# Slow SME"), (".json", b"{"), (".dot", b"digraph fishbone")],
)
def test_text_outputs(tmp_path: Path, suffix: str, head: bytes) -> None:
    target = tmp_path / f"out{suffix}"
    code, _, err = mgmt("fishbone", CREDIT, "-o", str(target))
    assert code == 0, err
    assert target.read_bytes().startswith(head)


def test_refuses_other_formats(tmp_path: Path) -> None:
    assert mgmt("fishbone", CREDIT, "-o", str(tmp_path / "x.csv")).code == 2


@pytest.mark.parametrize("name", sorted(p.name for p in BAD.glob("*.yaml")))
def test_bad_input_exit_1(name: str) -> None:
    code, out, err = mgmt("fishbone", str(BAD / name))
    assert code == 1
    assert f"{name}:" in err
    assert "Traceback" not in out


def test_counts_options_need_each_other() -> None:
    assert mgmt("fishbone", CREDIT, "--column", "reason").code == 2
    assert mgmt("fishbone", CREDIT, "--counts", "x.csv").code == 2


def test_counts_from_a_csv(tmp_path: Path) -> None:
    data = tmp_path / "delays.csv"
    rows = ["file,reason"]
    rows += [f"{n},Analysts overloaded" for n in range(6)]
    rows += [f"{n},duplicate document CHECKS" for n in range(3)]
    rows += ["98,Old servers", "99,Weather"]
    data.write_text("\n".join(rows) + "\n", encoding="utf-8")
    code, out, err = mgmt("fishbone", CREDIT, "--counts", str(data), "--column", "reason", "--json")
    assert code == 0, err
    out = json.loads(out)
    assert [(r["cause"], r["count"]) for r in out["ranked"]] == [
        ("Analysts overloaded", 6.0),
        ("Duplicate document checks", 3.0),
        ("Old servers", 1.0),
    ]
    assert out["highlighted"] == ["Analysts overloaded", "Duplicate document checks"]
    assert "count without a cause: 'Weather' (1)" in err
    assert "no count for cause 'Missing training' (People)" in err


def test_counts_missing_column_exit_1(tmp_path: Path) -> None:
    data = tmp_path / "delays.csv"
    data.write_text("file,why\n1,x\n", encoding="utf-8")
    code, _, err = mgmt("fishbone", CREDIT, "--counts", str(data), "--column", "reason")
    assert code == 1
    assert "reason" in err


@pytest.mark.dot
@pytest.mark.parametrize("example", [CREDIT, ZH])
def test_png(tmp_path: Path, example: str) -> None:
    target = tmp_path / "f.png"
    assert mgmt("fishbone", example, "-o", str(target), "--highlight", "3").code == 0
    assert target.read_bytes()[:4] == b"\x89PNG"
