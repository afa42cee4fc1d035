"""``mgmt goals`` through click's CliRunner."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ..conftest import EXAMPLES
from ..helpers import mgmt

DEPOSITS = str(EXAMPLES / "goals" / "deposit-growth-2027.yaml")
RM = str(EXAMPLES / "goals" / "new-rm-development.yaml")
BAD = Path(__file__).parent.parent / "goals" / "bad"


def test_json_contract() -> None:
    code, out, err = mgmt("goals", DEPOSITS, "--json")
    assert code == 0, err
    data = json.loads(out)
    assert data["command"] == "goals"
    assert data["as_of"] == "2027-06-30"
    assert set(data) >= {"goal", "progress", "nodes", "smart_issues", "warnings"}
    node = data["nodes"][1]
    assert {"path", "goal", "progress", "status", "weight", "rollup"} <= set(node)
    assert node["path"].startswith("Grow corporate deposits from CNY 500m to 600m / ")
    assert data["nodes"][0]["metric_progress"] == pytest.approx(0.38)


def test_as_of_and_thresholds_options() -> None:
    early = json.loads(mgmt("goals", DEPOSITS, "--json", "--as-of", "2027-02-01").out)
    assert early["as_of"] == "2027-02-01"
    loose = json.loads(
        mgmt("goals", DEPOSITS, "--json", "--on-track", "0.5", "--at-risk", "0.6").out
    )
    assert loose["thresholds"] == {"on_track": 0.5, "at_risk": 0.6}
    assert mgmt("goals", DEPOSITS, "--on-track", "0.3", "--at-risk", "0.2").code == 2
    assert mgmt("goals", DEPOSITS, "--as-of", "June").code == 2


@pytest.mark.parametrize("fmt", ["dot", "mermaid", "md", "json", "svg"])
def test_formats(fmt: str) -> None:
    code, out, err = mgmt("goals", RM, "-f", fmt, "-o", "-")
    assert code == 0, err
    assert out


def test_depth_collapses(tmp_path: Path) -> None:
    out = tmp_path / "tree.dot"
    assert mgmt("goals", RM, "--depth", "1", "-o", str(out)).code == 0
    dot = out.read_text(encoding="utf-8")
    assert "+3 goals below" in dot
    assert "Negotiation workshop" not in dot
    assert "mindmap" in mgmt("goals", RM, "--depth", "0", "-f", "mermaid", "-o", "-").out


def test_markdown_checklist() -> None:
    text = mgmt("goals", DEPOSITS, "-f", "md", "-o", "-").out
    assert "    - [x] Map 40 dealers" in text
    assert "- [ ] **Grow corporate deposits" in text


def test_bad_input_exits_1_with_every_problem() -> None:
    code, _, err = mgmt("goals", str(BAD / "bad_values.yaml"))
    assert code == 1
    assert err.count("bad_values.yaml:") == 5
