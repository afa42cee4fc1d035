"""`mgmt ahp` through Click's CliRunner: text summary, JSON, overrides, located errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ..helpers import mgmt
from ..mcda.test_published import LEADER

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "ahp" / "team-leader.yaml"


def test_json_from_stdin_with_overrides() -> None:
    code, out, _ = mgmt(
        "ahp",
        "-",
        "--json",
        "--method",
        "geometric_mean",
        "--random-index",
        "saaty2005",
        stdin=json.dumps(LEADER),
    )
    assert code == 0
    data = json.loads(out)
    assert data["method"] == "geometric_mean"
    assert data["random_index_table"] == "saaty2005"
    assert max(data["overall"], key=data["overall"].get) == "Dick"


def test_cr_warning_goes_to_stderr(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text("comparisons: [[A, B, 9], [B, C, 9], [C, A, 9]]\n", encoding="utf-8")
    code, out, err = mgmt("ahp", str(path))
    assert code == 0
    assert "warning: CR is" in err
    assert "the most inconsistent judgement is" in err
    assert "warning" not in out


def test_output_json_file(tmp_path: Path) -> None:
    target = tmp_path / "ahp.json"
    code, _, err = mgmt("ahp", str(EXAMPLE), "-o", str(target))
    assert code == 0
    assert f"wrote {target}" in err
    assert json.loads(target.read_text(encoding="utf-8"))["command"] == "ahp"


def test_unknown_random_index_is_a_usage_error() -> None:
    code, _, err = mgmt("ahp", str(EXAMPLE), "--random-index", "saaty1990")
    assert code == 2
    assert "--random-index" in err


@pytest.mark.dot
def test_hierarchy_svg(tmp_path: Path) -> None:
    out = tmp_path / "leader.svg"
    code, _, err = mgmt("ahp", str(EXAMPLE), "-o", str(out))
    assert code == 0, err
    svg = out.read_text(encoding="utf-8")
    assert svg.startswith("<?xml")
    assert "Rahul Mehta" in svg


def test_ranking_chart_svg(tmp_path: Path) -> None:
    out = tmp_path / "ranking.svg"
    code, _, err = mgmt("ahp", str(EXAMPLE), "--chart", "ranking", "-o", str(out))
    assert code == 0, err
    assert out.read_bytes().startswith(b"<?xml")


def test_hierarchy_dot_to_stdout() -> None:
    code, out, _ = mgmt("ahp", str(EXAMPLE), "-f", "dot", "-o", "-")
    assert code == 0
    assert out.startswith("digraph hierarchy {")
    assert "Coaching" in out
    code, single, _ = mgmt("ahp", "-", "-f", "dot", "-o", "-", stdin="comparisons: [[A, B, 2]]\n")
    assert code == 0
    assert "goal -> a0" in single


def test_chart_usage_errors() -> None:
    code, _, err = mgmt("ahp", str(EXAMPLE), "--chart", "ranking", "-f", "dot", "-o", "-")
    assert code == 2
    assert "the ranking chart is drawn as svg, png or pdf" in err
    code, _, err = mgmt("ahp", str(EXAMPLE), "--chart", "acceptability", "-o", "x.svg")
    assert code == 2
    assert "--chart" in err
