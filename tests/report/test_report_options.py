"""A report section's options are its method's options, checked when the report is read.

The report file is data, not a command line: ``output``, ``json`` or ``help`` are no method's
options, so a report cannot make ``mgmt report`` write anywhere but its ``-o`` (they used to be
passed through as flags).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from mgmt_tools.errors import InputError
from mgmt_tools.methods import METHODS
from mgmt_tools.report import loads
from mgmt_tools.report.build import option_values, run_section

from ..conftest import EXAMPLES
from ..helpers import mgmt


def _problems(options: str, method: str = "pert") -> list[str]:
    text = f"title: R\nsections:\n  - method: {method}\n    input: a.yaml\n    options: {options}\n"
    with pytest.raises(InputError) as caught:
        loads(text, source="r.yaml")
    return [str(problem) for problem in caught.value.problems]


def test_command_line_flags_are_not_options() -> None:
    problems = _problems("{output: /tmp/elsewhere.html, help: true, simulat: 10}")
    known = (
        "(known: deadline, start, calendar, simulate, seed, distribution, max_diagram_tasks, "
        "rankdir, precision, columns, today, chart)"
    )
    assert problems == [
        f"r.yaml:5:15: sections[0].options.output: pert has no option 'output' {known}",
        f"r.yaml:5:44: sections[0].options.help: pert has no option 'help' {known}",
        "r.yaml:5:56: sections[0].options.simulat: pert has no option 'simulat' "
        "(did you mean 'simulate'?)",
    ]


def test_values_are_checked_as_the_command_checks_them() -> None:
    problems = _problems("{simulate: 0, distribution: beta, deadline: soon, chart: gant}")
    assert problems[0] == "r.yaml:5:25: sections[0].options.simulate: must be at least 1, got 0"
    assert "sections[0].options.distribution: unknown value 'beta'" in problems[1]
    assert problems[2].endswith(
        "sections[0].options.deadline: 'soon' is neither a number of units nor a date (YYYY-MM-DD)"
    )
    assert "pert draws no chart 'gant' (did you mean 'gantt'?)" in problems[3]


def test_flags_and_paths_convert() -> None:
    chart, values = option_values(
        METHODS["fishbone"],
        {"counts": "data/c.csv", "column": "why", "chart": "fishbone"},
        Path("r"),
    )
    assert chart == "fishbone"
    assert values == {"counts": str(Path("r") / "data" / "c.csv"), "column": "why"}
    _, values = option_values(METHODS["decision"], {"tornado": False, "depth": 2}, Path("."))
    assert values == {"depth": 2}


def test_a_section_runs_once_with_its_chart(tmp_path: Path) -> None:
    report = tmp_path / "r.yaml"
    plan = EXAMPLES / "pert" / "supply-chain-onboarding.yaml"
    text = f"title: R\nsections: [{{method: pert, input: '{plan}', options: {{chart: gantt}}}}]\n"
    report.write_text(text, encoding="utf-8")
    model = loads(text, source=str(report))
    section = run_section(report, model.sections[0])
    assert section.result["critical_paths"]
    assert section.svg is not None
    assert "<svg" in section.svg
    assert (
        section.svg != run_section(report, model.sections[0].model_copy(update={"options": {}})).svg
    )


def test_the_report_command_refuses_a_report_that_names_an_output(tmp_path: Path) -> None:
    plan = EXAMPLES / "pert" / "supply-chain-onboarding.yaml"
    target = tmp_path / "elsewhere.html"
    report = tmp_path / "r.yaml"
    options = f"{{output: '{target}'}}"
    report.write_text(
        f"title: R\nsections: [{{method: pert, input: '{plan}', options: {options}}}]\n",
        encoding="utf-8",
    )
    code, _, err = mgmt("report", str(report), "-o", str(tmp_path / "r.html"))
    assert code == 1
    assert "pert has no option 'output'" in err
    assert not target.exists()
    assert not (tmp_path / "r.html").exists()
