"""The hand-written result schemas (`mgmt schema METHOD --result`) accept every example's --json."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from mgmt_tools import decision, fishbone, goals, mcda, pareto, pert, rank
from mgmt_tools._yaml import load_text
from mgmt_tools.errors import InputError
from mgmt_tools.schemas import METHODS, generate, result_methods, result_schema_path

from .helpers import mgmt

ANALYSES = sorted(set(METHODS) - {"report"})  # a report is a document, not a JSON result

TESTS = Path(__file__).parent
EXAMPLES = TESTS.parent / "examples"
EXTRA: dict[str, list[list[str]]] = {
    "pert": [[], ["--simulate", "200", "--seed", "1"], ["--deadline", "30"]],
    "decision": [[], ["--tornado"]],
    "ahp": [[]],
    "fishbone": [[], ["--highlight", "2"]],
    "goals": [[], ["--as-of", "2027-03-31"]],
    "index": [[], ["--sensitivity", "--seed", "1"]],
    "pareto": [[], ["--top", "3"]],
    "rank": [[]],
}
NOT_INPUTS = {EXAMPLES / "index" / "prospects.csv"}
"""Files beside the examples that the command does not take (data read by prospects.yaml)."""
CSV_OPTIONS: dict[str, list[str]] = {"complaints.csv": ["--column", "reason"]}
"""Options a CSV example needs."""


def examples(method: str) -> list[Path]:
    return sorted(
        p
        for p in (EXAMPLES / method).iterdir()
        if p.suffix in {".yaml", ".csv"} and p not in NOT_INPUTS
    )


def options(path: Path) -> list[str]:
    return CSV_OPTIONS.get(path.name, [])


def run_json(*args: str, input_text: str | None = None) -> dict[str, Any]:
    code, out, err = mgmt(*args, "--json", stdin=input_text)
    assert code == 0, err
    data: dict[str, Any] = json.loads(out)
    return data


def schema(method: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(result_schema_path(method).read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(data)
    return data


def validate(method: str, data: dict[str, Any]) -> None:
    jsonschema.Draft202012Validator(schema(method)).validate(data)


def test_every_method_has_a_result_schema() -> None:
    assert result_methods() == tuple(ANALYSES)
    for method in result_methods():
        assert schema(method)["properties"]["command"] == {
            "const": method,
            "description": "The command's name.",
        }


def _described(node: Any, where: str) -> list[str]:
    """Fields (properties) of a schema that lack a description, as paths."""
    missing: list[str] = []
    if isinstance(node, dict):
        for key, sub in node.get("properties", {}).items():
            if "description" not in sub:
                missing.append(f"{where}.{key}")
        for key, sub in node.items():
            missing += _described(sub, f"{where}.{key}")
    elif isinstance(node, list):
        for number, sub in enumerate(node):
            missing += _described(sub, f"{where}[{number}]")
    return missing


@pytest.mark.parametrize("method", ["ahp", "fishbone", "goals", "index", "pareto", "rank"])
def test_every_field_is_described(method: str) -> None:
    data = schema(method)
    missing = [m for m in _described(data, method) if ".oneOf[" not in m]
    assert not missing
    assert data["description"]
    assert set(data["required"]) <= set(data["properties"])


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
    data = run_json(method, str(path), *options(path), *extra)
    validate(method, data)
    assert data["command"] == method
    for optional in ("simulation",) if "--simulate" in extra else ():
        assert optional in data
    if "--tornado" in extra:
        assert data["tornado"]
    if "--sensitivity" in extra:
        assert data["sensitivity"]
    if "--as-of" in extra:
        assert data["as_of"] == "2027-03-31"


def test_decision_sensitivity_validates() -> None:
    path = EXAMPLES / "decision" / "credit-line-steel.yaml"
    data = run_json("decision", str(path), "--vary", "p_strong=0.3:0.9:7")
    assert "sensitivity" in data
    validate("decision", data)


def test_ahp_single_matrix_validates() -> None:
    data = run_json("ahp", "-", input_text=AHP_SINGLE)
    assert "priorities" in data
    assert data["completed"]
    validate("ahp", data)
    data["consistency_ratio"] = {"criteria": 0.0, "by_criterion": {}}
    with pytest.raises(jsonschema.ValidationError):  # a hierarchy's CR without a hierarchy
        validate("ahp", data)


def test_rank_pairwise_validates() -> None:
    data = run_json("rank", "-", input_text=RANK_PAIRWISE)
    assert data["wins"]
    validate("rank", data)


AHP_SINGLE = """\
goal: Choose a branch site
elements: [North, South, East]
comparisons: [[North, South, 3], [South, East, 2]]
"""
RANK_PAIRWISE = """\
method: pairwise
items: [{name: A}, {name: B}, {name: C}]
comparisons: ["A > B", "B > C", "A = C"]
"""
REQUIRED: dict[str, list[str]] = {
    "pert": ["warnings"],
    "decision": ["warnings"],
    "ahp": ["warnings", "consistency_ratio", "random_index_table"],
    "fishbone": ["warnings", "effect", "categories"],
    "goals": ["warnings", "goal", "progress", "nodes", "smart_issues"],
    "index": ["warnings", "weights", "ranking", "normalization"],
    "pareto": ["warnings", "total", "cutoff", "items"],
    "rank": ["warnings", "ranking", "method"],
}


@pytest.mark.parametrize(
    ("method", "field"), [(m, f) for m, fields in REQUIRED.items() for f in fields]
)
def test_missing_required_field_is_rejected(method: str, field: str) -> None:
    path = examples(method)[0]
    data = run_json(method, str(path), *options(path))
    validate(method, data)
    del data[field]
    with pytest.raises(jsonschema.ValidationError, match=f"'{field}' is a required property"):
        validate(method, data)


@pytest.mark.parametrize("method", ["ahp", "fishbone", "goals", "index", "pareto", "rank"])
def test_wrong_item_type_is_rejected(method: str) -> None:
    path = examples(method)[0]
    data = run_json(method, str(path), *options(path))
    data["warnings"] = [1]
    with pytest.raises(jsonschema.ValidationError):
        validate(method, data)


def test_wrong_command_is_rejected() -> None:
    data = run_json("pert", str(examples("pert")[0]))
    data["command"] = "decision"
    with pytest.raises(jsonschema.ValidationError):
        validate("pert", data)


@pytest.mark.parametrize("method", ["pert", "ahp", "fishbone", "goals", "index", "pareto", "rank"])
def test_cli_prints_every_result_schema(method: str) -> None:
    code, out, _ = mgmt("schema", method, "--result")
    assert code == 0
    assert json.loads(out) == schema(method)


LOADERS: dict[str, Callable[[Path], object]] = {
    "ahp": mcda.load_judgements,
    "decision": decision.load,
    "fishbone": fishbone.load,
    "goals": goals.load,
    "index": mcda.load,
    "pareto": pareto.load,
    "pert": pert.load,
    "rank": rank.load,
}
BAD: dict[str, list[str]] = {
    # ahp: its YAML bad files break only what the loader checks (gaps, reciprocity, unknown
    # elements, zero judgements); the JSON one has unknown keys and an unknown table.
    "ahp": ["mcda/ahp_unknown_keys.json", "mcda/not_a_mapping.yaml"],
    "decision": [
        "decision/decision_without_branches.yaml",
        "decision/missing_root.yaml",
        "decision/not_a_mapping.yaml",
        "decision/several_problems.yaml",
    ],
    "fishbone": [
        "fishbone/missing_categories.yaml",
        "fishbone/negative_count.yaml",
        "fishbone/no_categories.yaml",
        "fishbone/wrong_type.yaml",
    ],
    "goals": ["goals/bad_values.yaml", "goals/unknown_key.yaml"],
    "index": ["mcda/index_several_problems.yaml", "mcda/not_a_mapping.yaml"],
    "pareto": ["pareto/negative.yaml", "pareto/no_counts.yaml", "pareto/unknown_key.yaml"],
    "pert": [
        "pert/bad_calendar.yaml",
        "pert/bad_link_type.yaml",
        "pert/missing_tasks.yaml",
        "pert/unknown_top_level_key.yaml",
        "pert/wrong_types.yaml",
    ],
    "rank": ["rank/moscow_value.yaml", "rank/unknown_method.yaml", "rank/zero_effort.yaml"],
}
"""Bad inputs whose problem the input schema sees too (unknown keys, wrong types, missing
required keys, values outside an enum or range), as ``tests/`` paths; files whose problem only
the loader sees (unknown ids, cycles, probabilities not summing to 1) are left out."""


@pytest.mark.parametrize(("method", "name"), [(m, n) for m, names in BAD.items() for n in names])
def test_bad_input_is_rejected_by_schema_and_loader(method: str, name: str) -> None:
    folder, _, file = name.partition("/")
    path = TESTS / folder / "bad" / file
    fmt = "json" if path.suffix == ".json" else "yaml"
    data = load_text(path.read_text(encoding="utf-8"), fmt)  # as an editor reads it
    validator = jsonschema.Draft202012Validator(generate(method))
    assert list(validator.iter_errors(data)), f"the {method} input schema accepts {name}"
    with pytest.raises(InputError):
        LOADERS[method](path)


def test_bad_files_cover_every_method() -> None:
    assert set(BAD) == set(ANALYSES)
