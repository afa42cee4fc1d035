"""`mgmt decision` through Click's CliRunner: text summary, JSON, --vary, --tornado, the tree
diagram and the charts, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ..conftest import EXAMPLES
from ..decision.test_formats_example import EXAMPLE
from ..helpers import input_file, mgmt

tree = input_file("tree.yaml", EXAMPLE)


def test_json_with_vary_and_tornado(tree: Path) -> None:
    code, out, _ = mgmt("decision", str(tree), "--json", "--vary", "p_default=0:0.1:2", "--tornado")
    assert code == 0
    data = json.loads(out)
    assert data["expected_value"] == pytest.approx(140.8)
    assert data["sensitivity"]["values_by_branch"]["Extend"] == [160.0, pytest.approx(136.0)]
    assert data["tornado"][0]["swing"] == pytest.approx(28.8)


def test_output_file_and_stdin(tree: Path, tmp_path: Path) -> None:
    target = tmp_path / "result.json"
    code, out, err = mgmt("decision", "-", "-o", str(target), stdin=EXAMPLE)
    assert code == 0
    assert out == ""
    assert f"wrote {target}" in err
    assert json.loads(target.read_text(encoding="utf-8"))["policy"] == {"root": "Extend"}


def test_a_varied_probability_out_of_range_exits_1(tree: Path) -> None:
    code, _, err = mgmt("decision", str(tree), "--vary", "p_default=0:1.5:4")
    assert code == 1
    assert "outside [0, 1]" in err


@pytest.mark.parametrize("name", ["credit-line-steel.yaml", "payroll-bid.yaml"])
def test_examples_run(name: str) -> None:
    code, out, _ = mgmt("decision", str(EXAMPLES / "decision" / name), "--tornado")
    assert code == 0
    assert "Tornado" in out


@pytest.mark.parametrize(
    ("options", "magic"),
    [
        ((), b"<svg"),
        (("--chart", "risk-profile"), b"<svg"),
        (("--risk-profile",), b"<svg"),
        (("--vary", "p_default=0:0.2"), b"<svg"),
        (("--tornado",), b"<svg"),
    ],
)
@pytest.mark.dot
def test_diagram_and_charts(
    tree: Path, tmp_path: Path, options: tuple[str, ...], magic: bytes
) -> None:
    out = tmp_path / "picture.svg"
    code, _, err = mgmt("decision", str(tree), *options, "-o", str(out))
    assert code == 0, err
    assert magic in out.read_bytes()[:500]


def test_tree_dot_and_depth(tree: Path) -> None:
    code, full, _ = mgmt("decision", str(tree), "-f", "dot", "-o", "-")
    assert code == 0
    assert full.startswith("digraph")
    code, shallow, _ = mgmt("decision", str(tree), "-f", "dot", "-o", "-", "--depth", "1")
    assert code == 0
    assert shallow.count("->") < full.count("->")


def test_chart_without_its_study_is_a_usage_error(tree: Path, tmp_path: Path) -> None:
    code, _, err = mgmt(
        "decision", str(tree), "--chart", "sensitivity", "-o", str(tmp_path / "s.svg")
    )
    assert code == 2
    assert "needs --vary" in err
    code, _, err = mgmt("decision", str(tree), "--chart", "tornado", "-f", "dot", "-o", "-")
    assert code == 2
    assert "needs --tornado" in err
