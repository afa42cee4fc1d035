"""The hand-written result schemas (`mgmt schema METHOD --result`) accept every example's --json."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from click.testing import CliRunner

from mgmt_cli.main import cli
from mgmt_tools.schemas import result_methods, result_schema_path

EXAMPLES = Path(__file__).parent.parent / "examples"
EXTRA: dict[str, list[list[str]]] = {
    "pert": [[], ["--simulate", "200", "--seed", "1"], ["--deadline", "30"]],
    "decision": [[], ["--tornado"]],
}


def examples(method: str) -> list[Path]:
    return sorted(p for p in (EXAMPLES / method).iterdir() if p.suffix in {".yaml", ".csv"})


def run_json(*args: str) -> dict[str, Any]:
    result = CliRunner().invoke(cli, [*args, "--json"], catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def schema(method: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(result_schema_path(method).read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(data)
    return data


def validate(method: str, data: dict[str, Any]) -> None:
    jsonschema.Draft202012Validator(schema(method)).validate(data)


def test_pert_and_decision_have_result_schemas() -> None:
    assert {"decision", "pert"} <= set(result_methods())


@pytest.mark.parametrize(
    ("method", "path", "extra"),
    [
        pytest.param(m, p, e, id=f"{p.name}{' '.join(['', *e])}")
        for m, variants in EXTRA.items()
        for p in examples(m)
        for e in variants
    ],
)
def test_example_results_validate(method: str, path: Path, extra: list[str]) -> None:
    data = run_json(method, str(path), *extra)
    validate(method, data)
    for optional in ("simulation",) if "--simulate" in extra else ():
        assert optional in data
    if "--tornado" in extra:
        assert data["tornado"]


def test_decision_sensitivity_validates() -> None:
    path = EXAMPLES / "decision" / "credit-line-steel.yaml"
    data = run_json("decision", str(path), "--vary", "p_strong=0.3:0.9:7")
    assert "sensitivity" in data
    validate("decision", data)


@pytest.mark.parametrize("method", ["pert", "decision"])
def test_missing_required_field_is_rejected(method: str) -> None:
    data = run_json(method, str(examples(method)[0]))
    del data["warnings"]
    with pytest.raises(jsonschema.ValidationError, match="'warnings' is a required property"):
        validate(method, data)


def test_wrong_command_is_rejected() -> None:
    data = run_json("pert", str(examples("pert")[0]))
    data["command"] = "decision"
    with pytest.raises(jsonschema.ValidationError):
        validate("pert", data)


def test_cli_prints_the_result_schema() -> None:
    result = CliRunner().invoke(cli, ["schema", "pert", "--result"], catch_exceptions=False)
    assert result.exit_code == 0
    assert json.loads(result.stdout) == schema("pert")


def test_cli_names_methods_without_a_result_schema() -> None:
    missing = sorted(
        {"ahp", "fishbone", "goals", "index", "pareto", "rank"} - set(result_methods())
    )
    if not missing:
        pytest.skip("every method has a result schema")
    result = CliRunner().invoke(cli, ["schema", missing[0], "--result"])
    assert result.exit_code == 2
    assert "no result schema" in result.stderr
