"""``mgmt goals`` through click's CliRunner."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from mgmt_cli.main import cli

from ..conftest import EXAMPLES

DEPOSITS = str(EXAMPLES / "goals" / "deposit-growth-2027.yaml")
RM = str(EXAMPLES / "goals" / "new-rm-development.yaml")
BAD = Path(__file__).parent.parent / "goals" / "bad"


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, ["goals", *args])


def test_summary_lists_tree_and_smart_gaps() -> None:
    result = run(DEPOSITS)
    assert result.exit_code == 0, result.output
    assert "Keep the top 20 clients' balances" in result.output
    assert "[ALL of]" in result.output
    assert "SMART gaps" in result.output


def test_json_contract() -> None:
    result = run(DEPOSITS, "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["command"] == "goals"
    assert data["as_of"] == "2027-06-30"
    assert set(data) >= {"goal", "progress", "nodes", "smart_issues", "warnings"}
    node = data["nodes"][1]
    assert {"path", "goal", "progress", "status", "weight", "rollup"} <= set(node)
    assert node["path"].startswith("Grow corporate deposits from CNY 500m to 600m / ")
    assert data["nodes"][0]["metric_progress"] == pytest.approx(0.38)


def test_as_of_and_thresholds_options() -> None:
    early = json.loads(run(DEPOSITS, "--json", "--as-of", "2027-02-01").output)
    assert early["as_of"] == "2027-02-01"
    loose = json.loads(run(DEPOSITS, "--json", "--on-track", "0.5", "--at-risk", "0.6").output)
    assert loose["thresholds"] == {"on_track": 0.5, "at_risk": 0.6}
    assert run(DEPOSITS, "--on-track", "0.3", "--at-risk", "0.2").exit_code == 2
    assert run(DEPOSITS, "--as-of", "June").exit_code == 2


@pytest.mark.parametrize("fmt", ["dot", "mermaid", "md", "json", "svg"])
def test_formats(fmt: str) -> None:
    result = run(RM, "-f", fmt, "-o", "-")
    assert result.exit_code == 0, result.output
    assert result.output


def test_depth_collapses(tmp_path: Path) -> None:
    out = tmp_path / "tree.dot"
    assert run(RM, "--depth", "1", "-o", str(out)).exit_code == 0
    dot = out.read_text(encoding="utf-8")
    assert "+3 goals below" in dot
    assert "Negotiation workshop" not in dot
    assert "mindmap" in run(RM, "--depth", "0", "-f", "mermaid", "-o", "-").output


def test_markdown_checklist() -> None:
    text = run(DEPOSITS, "-f", "md", "-o", "-").output
    assert "    - [x] Map 40 dealers" in text
    assert "- [ ] **Grow corporate deposits" in text


def test_bad_input_exits_1_with_every_problem() -> None:
    result = run(str(BAD / "bad_values.yaml"))
    assert result.exit_code == 1
    assert result.output.count("bad_values.yaml:") == 5
