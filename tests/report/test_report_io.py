"""Report files: the model, located problems, option arguments, paths relative to the report."""

from __future__ import annotations

from pathlib import Path

import pytest

from mgmt_tools.errors import InputError
from mgmt_tools.report import load, loads, option_args, section_input

from ..helpers import written


def test_reads_sections_with_options(tmp_path: Path) -> None:
    path = written(
        tmp_path / "r.yaml",
        "$schema: x\ntitle: Q1\nsections:\n"
        "  - {method: pert, input: a.yaml, title: Plan, options: {deadline: 20, seed: 1}}\n"
        "  - {method: decision, input: b.json, options: {tornado: true}}\n",
    )
    report = load(path)
    assert report.title == "Q1"
    assert [s.method for s in report.sections] == ["pert", "decision"]
    assert report.sections[0].options == {"deadline": 20, "seed": 1}
    assert report.sections[1].title is None


def test_problems_are_located() -> None:
    with pytest.raises(InputError) as caught:
        loads(
            "title: R\nsections:\n  - {method: perts, input: a.yaml, optoins: {}}\n",
            source="r.yaml",
        )
    method, options = str(caught.value).splitlines()
    assert method.startswith("r.yaml:3:14: sections[0].method: ")
    assert "'perts'" in method
    assert options == (
        "r.yaml:3:36: sections[0].optoins: unknown key 'optoins' (did you mean 'options'?)"
    )


def test_needs_sections() -> None:
    with pytest.raises(InputError, match="sections"):
        loads("title: R\nsections: []\n")
    with pytest.raises(InputError, match="mapping"):
        loads("- a\n")


def test_option_args() -> None:
    assert option_args({"simulate": 100, "fixed_policy": True, "top": None, "x": False}) == [
        "--simulate",
        "100",
        "--fixed-policy",
    ]
    assert option_args({"vary": ["a=0:1", "b=1:2"]}) == ["--vary", "a=0:1", "--vary", "b=1:2"]


def test_inputs_are_relative_to_the_report(tmp_path: Path) -> None:
    report = tmp_path / "reports" / "q1.yaml"
    assert section_input(report, "../plan.yaml") == tmp_path / "reports" / ".." / "plan.yaml"
    assert section_input(report, "/abs/plan.yaml") == Path("/abs/plan.yaml")
