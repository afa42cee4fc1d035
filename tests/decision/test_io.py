"""Reading trees (YAML, JSON, dicts), the expanded columns, and the JSON result's shape."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mgmt_tools.decision import expand as expand_module
from mgmt_tools.decision import from_dict, load, loads, rollback, summary_text
from mgmt_tools.errors import InputError

from .test_formats_example import EXAMPLE


def test_json_and_yaml_give_the_same_tree(tmp_path: Path) -> None:
    from mgmt_tools._yaml import load_text

    data = load_text(EXAMPLE, "yaml")
    path = tmp_path / "tree.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    from_json = rollback(load(path)).to_dict()
    from_yaml = rollback(loads(EXAMPLE)).to_dict()
    assert from_json == from_yaml


def test_from_dict_messages_have_no_line() -> None:
    with pytest.raises(InputError) as caught:
        from_dict({"root": {"type": "chance", "branches": [{"name": "a", "p": 0.5}]}})
    assert str(caught.value) == (
        "<input>: root: the probabilities of this chance node sum to 0.5, not 1"
    )


def test_names_are_the_literal_text() -> None:
    tree = loads(
        """
root:
  type: decision
  name: 010
  branches:
    - {name: NO, payoff: 1}
    - {name: 1.10, payoff: 2}
    - {name: true}
"""
    )
    assert tree.node_name(0) == "010"
    assert tree.root_branches() == ["NO", "1.10", "true"]


def test_quoted_fractions_and_rest() -> None:
    tree = loads(
        """
root:
  type: chance
  branches:
    - {name: a, p: "1/3", payoff: 3}
    - {name: b, p: "1/3", payoff: 6}
    - {name: c, p: rest, payoff: 9}
"""
    )
    assert tree.probability[1:].tolist() == pytest.approx([1 / 3, 1 / 3, 1 / 3])
    assert rollback(tree).expected_value == pytest.approx(6.0)


def test_breadth_first_columns() -> None:
    tree = loads(EXAMPLE)
    assert tree.node_count == 7
    assert tree.level_start.tolist() == [0, 1, 3, 5, 7]
    assert [tree.kind_name(n) for n in range(7)] == [
        "decision", "chance", "terminal", "terminal", "chance", "terminal", "terminal",
    ]  # fmt: skip
    assert tree.path(6) == ["Extend", "Defaults", "Partial"]
    assert tree.path_texts([0, 6]) == ["root", "Extend / Defaults / Partial"]
    assert list(tree.children(4)) == [5, 6]
    assert list(tree.children(2)) == []


def test_ref_is_expanded_per_path_with_its_path_variables() -> None:
    tree = loads(
        """
subtrees:
  award:
    type: chance
    branches:
      - {name: Win, p: 0.4, payoff: "bid - 300"}
      - {name: Lose, p: rest}
root:
  type: decision
  branches:
    - {name: "450", set: {bid: 450}, node: {ref: award}}
    - {name: "500", set: {bid: 500}, node: {ref: award}}
"""
    )
    result = rollback(tree)
    assert result.branch_values == {"450": pytest.approx(60.0), "500": pytest.approx(80.0)}


def test_ties_are_broken_by_input_order_with_a_warning() -> None:
    text = (
        "root: {type: decision, branches: [{name: a, payoff: 1}, "
        "{name: b, payoff: 1.0000000000001}, {name: c}]}"
    )
    result = rollback(loads(text))
    assert result.policy == {"root": "a"}
    assert result.warnings == ["tie at 'root': 'a', 'b' are worth 1; chose 'a' (input order)"]


def test_an_unused_subtree_is_a_warning() -> None:
    result = rollback(
        loads(
            "subtrees: {spare: {type: decision, branches: [{name: x}]}}\n"
            "root: {type: decision, branches: [{name: a}]}"
        )
    )
    assert result.warnings == ["subtree 'spare' is never used"]


def test_the_expansion_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(expand_module, "MAX_NODES", 50)
    text = "subtrees:\n"
    for level in range(8):
        below = f"{{ref: s{level + 1}}}" if level < 7 else "null"
        text += (
            f"  s{level}: {{type: chance, branches: [{{name: a, p: 0.5, node: {below}}}, "
            f"{{name: b, p: 0.5, node: {below}}}]}}\n"
        )
    with pytest.raises(InputError, match="more than 50 nodes"):
        loads(text + "root: {ref: s0}")


def test_a_chance_root_has_no_policy_entry() -> None:
    text = (
        "root: {type: chance, name: Coin, branches: "
        "[{name: h, p: 0.5, payoff: 1}, {name: t, p: 0.5}]}"
    )
    result = rollback(loads(text))
    assert result.policy == {}
    assert result.expected_value == 0.5
    assert result.evpi == {"Coin": 0.0}
    assert result.branch_values == {"h": 1.0, "t": 0.0}


def test_json_is_deterministic_and_plain() -> None:
    first = json.dumps(rollback(loads(EXAMPLE), tornado=True).to_dict())
    second = json.dumps(rollback(loads(EXAMPLE), tornado=True).to_dict())
    assert first == second
    assert "NaN" not in first


def test_text_summary_and_jupyter_display() -> None:
    result = rollback(loads(EXAMPLE), vary="p_default=0:1:3", tornado=True)
    text = summary_text(result)
    assert "Expected value: 140.8 CNY k" in text
    assert "Extend   140.8  (CE 133.162)  <- chosen" in text
    assert "break-even at 0." in text
    assert "Extend -> Decline" in text
    assert result._repr_mimebundle_()["text/plain"] == text
