"""Every method's command is built from its registry entry: its options, help and errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from mgmt_tools.methods import METHODS

from ..conftest import EXAMPLES
from ..helpers import mgmt

NAMES = sorted(METHODS)


@pytest.mark.parametrize("name", NAMES)
def test_help_shows_every_option_and_the_input_name(name: str) -> None:
    method = METHODS[name]
    code, out, _ = mgmt(name, "--help")
    assert code == 0
    assert f" {name} [OPTIONS] {method.input_name}\n" in out
    for option in method.options:
        assert option.cli_flag in out, option.cli_flag
    for fmt in method.output_formats:
        assert fmt in out
    if len(method.charts) > 1:
        assert "--chart" in out


@pytest.mark.parametrize("name", NAMES)
def test_the_example_runs_and_prints_json(name: str) -> None:
    import json

    code, out, err = mgmt(name, str(EXAMPLES / METHODS[name].example), "--json")
    assert code == 0, err
    assert json.loads(out)["command"] in (name, METHODS[name].schema_name)


def test_a_misspelt_choice_says_what_was_meant() -> None:
    code, _, err = mgmt("index", str(EXAMPLES / METHODS["index"].example), "--method", "topsys")
    assert code == 2
    assert "unknown value 'topsys' (did you mean 'topsis'?)" in err


def test_a_chart_without_its_data_is_a_usage_error_before_reading() -> None:
    code, _, err = mgmt("pert", "no-such-plan.yaml", "--chart", "risk", "-o", "r.svg")
    assert code == 2
    assert "the risk chart needs --simulate N" in err


def test_a_chart_in_a_format_it_lacks_is_a_usage_error() -> None:
    plan = str(EXAMPLES / "pert" / "supply-chain-onboarding.yaml")
    code, _, err = mgmt("gantt", plan, "-f", "dot", "-o", "-")
    assert code == 2
    assert "the gantt chart is drawn as svg, png, pdf or mermaid, not dot" in err


def test_options_that_do_not_fit_the_input_exit_2(tmp_path: Path) -> None:
    backlog, target = EXAMPLES / "rank" / "client-pipeline.yaml", tmp_path / "m.svg"
    code, _, err = mgmt("rank", str(backlog), "--chart", "matrix", "-o", str(target))
    assert code == 2
    assert "the 2x2 matrix is drawn for eisenhower and value_effort, not rice" in err
    assert not target.exists()


def test_a_run_option_error_is_a_usage_error() -> None:
    data = str(EXAMPLES / "pareto" / "complaints.csv")
    code, _, err = mgmt("pareto", data, "--column", "reason", "--top", "2", "--other-after", "50")
    assert code == 2
    assert "give --top or --other-after, not both" in err


def test_stdin_is_read_and_its_format_told_by_content() -> None:
    text = (EXAMPLES / METHODS["decision"].example).read_text(encoding="utf-8")
    code, out, err = mgmt("decision", "-", stdin=text)
    assert code == 0, err
    assert "Expected value" in out or "expected value" in out.lower()
