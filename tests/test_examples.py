"""Every example loads, schedules, renders (DOT at least), and validates against its schema."""

from __future__ import annotations

from pathlib import Path

import jsonschema
import pytest

from mgmt_tools._yaml import load_text
from mgmt_tools.schemas import METHODS, generate, schema_path, schema_text

from .conftest import EXAMPLES

PERT_EXAMPLES = sorted((EXAMPLES / "pert").glob("*.*"))
YAML_EXAMPLES = sorted(EXAMPLES.rglob("*.yaml"))
MODELINE = "# yaml-language-server: $schema="


def test_there_are_examples() -> None:
    assert len(PERT_EXAMPLES) >= 2


@pytest.mark.parametrize("path", PERT_EXAMPLES, ids=lambda p: p.name)
def test_pert_example_schedules_and_renders(path: Path) -> None:
    from mgmt_tools.pert import load, schedule, to_dot, to_mermaid

    result = schedule(load(path))
    assert result.duration > 0
    assert result.critical_paths
    assert to_dot(result).startswith("digraph")
    assert to_mermaid(result).startswith("flowchart")


DECISION_EXAMPLES = sorted((EXAMPLES / "decision").glob("*.yaml"))


@pytest.mark.parametrize("path", DECISION_EXAMPLES, ids=lambda p: p.name)
def test_decision_example_rolls_back_and_renders(path: Path) -> None:
    from mgmt_tools.decision import load, rollback, to_dot

    result = rollback(load(path))
    assert result.policy
    assert to_dot(result).startswith("digraph")


INDEX_EXAMPLES = sorted((EXAMPLES / "index").glob("*.yaml"))
AHP_EXAMPLES = sorted((EXAMPLES / "ahp").glob("*.yaml"))


@pytest.mark.parametrize("path", INDEX_EXAMPLES, ids=lambda p: p.name)
def test_index_example_ranks(path: Path) -> None:
    from mgmt_tools.mcda import evaluate, load, to_dot

    result = evaluate(load(path), sensitivity=True, seed=1, draws=200)
    assert result.ranking[0]["rank"] == 1
    assert result.to_dict()["sensitivity"]["criteria"]
    assert to_dot(result).startswith("digraph")


@pytest.mark.parametrize("path", AHP_EXAMPLES, ids=lambda p: p.name)
def test_ahp_example_analyses(path: Path) -> None:
    from mgmt_tools.mcda import analyse, load_judgements, to_dot

    analysis = analyse(load_judgements(path))
    assert analysis.to_dict()["warnings"] == []
    assert to_dot(analysis).startswith("digraph")


RANK_EXAMPLES = sorted((EXAMPLES / "rank").glob("*.yaml"))


@pytest.mark.parametrize("path", RANK_EXAMPLES, ids=lambda p: p.name)
def test_rank_example_ranks_and_renders(path: Path) -> None:
    from mgmt_tools.rank import evaluate, load, to_markdown
    from mgmt_tools.rank.render import MATRIX_METHODS, to_dot

    result = evaluate(load(path))
    assert result.ranking[0]["rank"] == 1
    assert result.warnings == []
    assert to_markdown(result).count("\n") > len(result.ranking)
    if result.method in MATRIX_METHODS:
        assert to_dot(result).startswith("digraph")


@pytest.mark.parametrize("path", YAML_EXAMPLES, ids=lambda p: p.name)
def test_yaml_example_has_modeline_and_validates(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    first = text.splitlines()[0]
    assert first.startswith(MODELINE)
    target = (path.parent / first[len(MODELINE) :]).resolve()
    assert target.exists(), f"modeline points to a missing schema: {target}"
    method = target.name.split(".")[0]
    # read as an editor does (YAML 1.2: dates stay text), not with PyYAML's 1.1 rules
    jsonschema.validate(load_text(text, "yaml"), generate(method))


def test_every_schema_belongs_to_a_method() -> None:
    from mgmt_tools.methods import METHODS as REGISTRY

    named = {method.schema_name for method in REGISTRY.values()} | {"report"}
    assert named == set(METHODS)


@pytest.mark.parametrize("method", sorted(METHODS))
def test_kept_schema_is_fresh(method: str) -> None:
    assert schema_path(method).read_text(encoding="utf-8") == schema_text(method), (
        "stale schema: run `make schemas`"
    )


def test_schema_rejects_what_the_loader_rejects() -> None:
    schema = generate("pert")
    for bad in (
        {"tasks": [{"id": "A", "duraton": 1}]},
        {"tasks": [{"id": "A", "duration": 1, "depends_on": [{"task": "B", "type": "XX"}]}]},
        {"tasks": "A"},
        {},
    ):
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(bad, schema)


GOALS_EXAMPLES = sorted((EXAMPLES / "goals").glob("*.yaml"))


@pytest.mark.parametrize("path", GOALS_EXAMPLES, ids=lambda p: p.name)
def test_goals_example_rolls_up_and_renders(path: Path) -> None:
    from mgmt_tools.goals import analyse, load, to_dot, to_markdown, to_mermaid

    result = analyse(load(path))
    assert 0 < result.progress < 1
    assert result.as_of is not None
    assert result.warnings == []
    assert any(node.track for node in result.nodes)
    assert to_dot(result).startswith("digraph")
    assert to_mermaid(result).splitlines()[1] == "mindmap"
    assert to_markdown(result).count("- [") == len(result.nodes)
