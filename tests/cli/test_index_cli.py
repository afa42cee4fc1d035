"""`mgmt index` through Click's CliRunner: text summary, JSON, overrides, sensitivity, CSV
alternatives, located errors and exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ..conftest import EXAMPLES
from ..helpers import input_file, mgmt
from ..mcda.test_formats_example import INDEX_EXAMPLE

matrix = input_file("matrix.yaml", INDEX_EXAMPLE)


def test_json_with_overrides(matrix: Path) -> None:
    code, out, _ = mgmt(
        "index", str(matrix), "--json", "--method", "topsis", "--weighting", "equal"
    )
    assert code == 0
    data = json.loads(out)
    # the file asks for minmax: it stays, and is not topsis's default
    assert (data["method"], data["normalization"], data["weighting"]) == (
        "topsis",
        "minmax",
        "equal",
    )
    assert data["normalization_is_default"] is False
    assert data["weights"] == {
        "cost": pytest.approx(1 / 3),
        "features": pytest.approx(1 / 3),
        "support": pytest.approx(1 / 3),
    }


def test_vikor_prints_s_r_q_and_the_compromise(matrix: Path) -> None:
    code, out, _ = mgmt("index", str(matrix), "--method", "vikor", "--vikor-v", "0.7")
    assert code == 0
    assert "VIKOR v: 0.7" in out
    assert "Compromise solution:" in out
    assert "acceptable advantage" in out
    assert "acceptable stability" in out


def test_sensitivity_with_a_seed(matrix: Path) -> None:
    code, out, _ = mgmt(
        "index", str(matrix), "--json", "--sensitivity", "--seed", "11", "--draws", "500"
    )
    assert code == 0
    study = json.loads(out)["sensitivity"]
    assert study["acceptability"]["seed"] == 11
    assert study["acceptability"]["draws"] == 500
    assert [c["criterion"] for c in study["criteria"]] == ["cost", "features", "support"]
    code, text, _ = mgmt("index", str(matrix), "--sensitivity")
    assert "Rank acceptability (2,000 Dirichlet weight draws" in text
    assert "seed " in text


def test_output_file_and_stdin(tmp_path: Path) -> None:
    target = tmp_path / "result.json"
    code, out, err = mgmt("index", "-", "-o", str(target), stdin=INDEX_EXAMPLE)
    assert code == 0
    assert out == ""
    assert f"wrote {target}" in err
    assert json.loads(target.read_text(encoding="utf-8"))["ranking"][0]["alternative"] == "Vendor A"


def test_csv_alternatives_next_to_the_file() -> None:
    code, out, _ = mgmt("index", str(EXAMPLES / "index" / "prospects.yaml"), "--json")
    assert code == 0
    data = json.loads(out)
    assert data["weighting"] == "critic"
    assert data["alternative_count"] == 15


@pytest.mark.dot
def test_hierarchy_svg(matrix: Path, tmp_path: Path) -> None:
    out = tmp_path / "hierarchy.svg"
    code, stdout, err = mgmt("index", str(matrix), "-o", str(out))
    assert code == 0, err
    assert stdout == ""
    assert f"wrote {out}" in err
    svg = out.read_text(encoding="utf-8")
    assert svg.startswith("<?xml")
    assert "Vendor A" in svg


@pytest.mark.parametrize(
    "options",
    [
        ("--chart", "ranking"),
        ("--sensitivity", "--seed", "1", "--draws", "200"),  # selects the acceptability chart
        ("--sensitivity", "--draws", "200", "--chart", "acceptability"),
        ("--sensitivity", "--draws", "200", "--chart", "ranking"),
    ],
)
def test_charts_svg(matrix: Path, tmp_path: Path, options: tuple[str, ...]) -> None:
    out = tmp_path / "chart.svg"
    code, _, err = mgmt("index", str(matrix), *options, "-o", str(out))
    assert code == 0, err
    assert out.read_bytes().startswith(b"<?xml")


def test_sensitivity_selects_the_acceptability_chart(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from mgmt_tools.mcda import charts

    drawn: list[str] = []

    def draw(result: object, fmt: str) -> bytes:
        drawn.append(fmt)
        return b"drawn"

    monkeypatch.setattr(charts, "acceptability_chart", draw)
    code, _, _ = mgmt(
        "index",
        str(EXAMPLES / "index" / "prospects.yaml"),
        "--sensitivity",
        "--seed",
        "1",
        "-o",
        str(tmp_path / "a.png"),
    )
    assert code == 0
    assert drawn == ["png"]
    assert (tmp_path / "a.png").read_bytes() == b"drawn"


def test_hierarchy_dot_to_stdout(matrix: Path) -> None:
    code, out, err = mgmt("index", str(matrix), "-f", "dot", "-o", "-")
    assert code == 0, err
    assert out.startswith("digraph hierarchy {")
    assert "Vendor A" in out
    # only the hierarchy has a DOT form: --sensitivity does not turn it into a chart
    code, again, _ = mgmt(
        "index", str(matrix), "--sensitivity", "--draws", "50", "-f", "dot", "-o", "-"
    )
    assert code == 0
    assert again == out


def test_charts_need_no_graphviz(
    matrix: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the hierarchy without Graphviz: tests/cli/test_graphviz_cli.py
    monkeypatch.setenv("PATH", str(tmp_path / "empty-bin"))
    # the charts need matplotlib only
    code, _, err = mgmt(
        "index", str(matrix), "--chart", "ranking", "-o", str(tmp_path / "ranking.png")
    )
    assert code == 0, err


@pytest.mark.parametrize("name", ["cash-management-platform.yaml", "prospects.yaml"])
def test_examples_run(name: str) -> None:
    code, out, _ = mgmt("index", str(EXAMPLES / "index" / name), "--sensitivity", "--seed", "1")
    assert code == 0
    assert "Sensitivity of the winner" in out


@pytest.mark.parametrize("command", ["index", "ahp"])
def test_help_imports_no_heavy_module(command: str) -> None:
    from .test_help import HEAVY, _imported_by

    imported = _imported_by(
        f"import sys; from mgmt_cli.main import main; sys.argv = ['mgmt', '{command}', '--help']\n"
        "try:\n    main()\nexcept SystemExit:\n    pass"
    )
    assert not imported & set(HEAVY), imported & set(HEAVY)
