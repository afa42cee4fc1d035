"""The decision-tree diagram (mgmt_tools.decision.render): shapes by node kind, values in
path-total terms, branch labels, the chosen branch in the accent colour and the others pruned,
terminals with their probability under the policy, collapsing by depth, escaping, determinism,
and rendering through Graphviz."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from mgmt_tools.decision import DecisionResult, from_dict, load, loads, rollback
from mgmt_tools.decision.render import path_totals, render, to_dot, to_svg
from mgmt_tools.decision.view import MAX_NODES, select
from mgmt_tools.render.dot import THEME

from ..helpers import assert_shows, diagram_tests, dot_statements, svg_test
from .test_formats_example import EXAMPLE

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "decision"

# The decision example of docs/formats. Expected value 140.8, CE 133.16 (risk tolerance 500);
# path totals 160 (p 0.92), 40 (0.08 x 0.6 = 0.048), -260 (0.08 x 0.4 = 0.032), Decline 0.
CREDIT = EXAMPLE

# Costs: the cheaper supplier is chosen (objective min); Chinese names and hostile text.
CHINESE = """\
name: 供应商选择 <A&B> "x"
objective: min
units: 万元
root:
  type: decision
  name: 采购决策
  branches:
    - name: 放款
      payoff: 100
      node:
        type: chance
        name: 交付
        branches:
          - {name: 准时, p: 0.7, payoff: 0}
          - {name: '延误 <late> & "\\N"', p: rest, payoff: 50}
    - {name: 自建, payoff: 130}
"""


def _edges_from(dot: str, node: str) -> list[str]:
    return re.findall(rf"^  {node} -> (\S+) \[", dot, flags=re.MULTILINE)


@pytest.fixture(scope="module")
def credit() -> DecisionResult:
    return rollback(loads(CREDIT))


@pytest.fixture(scope="module")
def credit_dot(credit: DecisionResult) -> str:
    return to_dot(credit)


def _chance_tree(branching: int, depth: int) -> dict[str, Any]:
    """A full tree of chance nodes, ``branching`` outcomes each, terminals at ``depth``."""

    def node(level: int) -> dict[str, Any]:
        branches = []
        for outcome in range(branching):
            branch: dict[str, Any] = {"name": f"o{outcome}", "p": 1 / branching, "payoff": outcome}
            if level + 1 < depth:
                branch["node"] = node(level + 1)
            branches.append(branch)
        return {"type": "chance", "name": f"level {level}", "branches": branches}

    return {"root": {"type": "decision", "branches": [{"name": "go", "node": node(0)}]}}


# --- shapes, values and labels ----------------------------------------------------------------


def test_shapes_by_node_kind(credit: DecisionResult, credit_dot: str) -> None:
    statements = dot_statements(credit_dot)
    tree = credit.tree
    for node in range(tree.node_count):
        attributes = statements[f"n{node}"]
        shape = {"decision": "square", "chance": "circle", "terminal": "triangle"}
        assert f'shape="{shape[tree.kind_name(node)]}"' in attributes
        if tree.kind_name(node) == "terminal":
            assert "orientation=-90" in attributes  # pointing right
    assert credit_dot.startswith("digraph decision {\n")
    assert 'rankdir="LR"' in credit_dot
    assert 'ordering="out"' in credit_dot


def test_nodes_show_name_and_value_in_path_total_terms(credit_dot: str) -> None:
    statements = dot_statements(credit_dot)
    # the root and 'Client outcome': EV 140.8, CE 133.16. 'Recovery' ends in the path totals
    # 40 (0.6) and -260 (0.4): it shows -80, the fee taken included (what lies below it is -120)
    # The root's text stands left of it (r0), a node's under the branch into it (b1, b4).
    assert_shows(
        statements,
        {
            "r0": ["Credit<BR/>committee", "<B>EV 140.8</B>", "CE 133.16"],
            "b1": ["<B>EV 140.8</B>", "CE 133.16"],
            "b4": ["Recovery", "<B>EV -80</B>"],
        },
    )
    assert 'label=""' in statements["n0"]  # the shapes are small and empty, as in TreeAge


def test_values_without_risk_tolerance_have_no_prefix() -> None:
    dot = to_dot(rollback(loads(CREDIT.replace("risk_tolerance: 500\n", ""))))
    label = dot_statements(dot)["r0"]
    assert "<B>140.8</B>" in label
    assert "CE " not in label


def test_terminals_show_path_total_and_probability_under_the_policy(credit_dot: str) -> None:
    statements = dot_statements(credit_dot)
    shown = {}
    for node, text in statements.items():
        if node.startswith("v"):
            total = re.search(r"<B>(.*?)</B>", text)
            probability = re.search(r"p=([0-9.]+)", text)
            assert total
            assert probability
            shown[total[1]] = probability[1]
    assert shown == {"160": "0.92", "40": "0.048", "-260": "0.032", "0": "0"}
    # reachable terminals are filled with the accent tint; off the policy they are plain
    assert f'fillcolor="{THEME.accent_fill}"' in statements["n3"]
    assert f'fillcolor="{THEME.fill}"' in statements["n2"]


def test_branches_carry_name_and_numbers_above_the_node_value_below(credit_dot: str) -> None:
    statements = dot_statements(credit_dot)
    repays = statements["b3"]
    name, numbers = repays.index("Repays"), repays.index("p=0.92  +120")
    rule = repays.index('PORT="r"')
    assert name < numbers < rule  # one short line over the rule
    assert "+40" in statements["b1"]
    assert "p=" not in statements["b1"]
    extend = statements["b1"]
    assert extend.index('PORT="r"') < extend.index("EV 140.8")  # the node's value under it
    assert "EV" not in repays  # a terminal's total stands right of it, not under the branch


def test_chosen_branch_in_accent_others_pruned(credit_dot: str) -> None:
    statements = dot_statements(credit_dot)
    chosen_in, chosen_out = statements["n0 -> b1:r:w"], statements["b1:r:e -> n1"]
    for edge in (chosen_in, chosen_out):
        assert f'color="{THEME.accent}"' in edge
        assert "penwidth=3" in edge
    assert "<B>Extend</B>" in statements["b1"]
    assert THEME.accent in statements["b1"]
    pruned = statements["n0 -> b2:r:w"]
    assert 'style="dashed"' in pruned
    assert 'arrowhead="teetee"' in pruned
    assert f'color="{THEME.faint}"' in pruned
    # chance branches are neither chosen nor pruned
    assert THEME.accent not in statements["n1 -> b3:r:w"]
    assert "dashed" not in statements["n1 -> b3:r:w"]
    # the decision on the policy has an accent border
    assert f'color="{THEME.accent}"' in statements["n0"]


def test_objective_min_chooses_the_cheaper_branch() -> None:
    result = rollback(loads(CHINESE))
    statements = dot_statements(to_dot(result))
    assert result.policy == {"root": "放款"}  # 100 + 0.3 x 50 = 115 < 130
    assert THEME.accent in statements["n0 -> b1:r:w"]
    assert "teetee" in statements["n0 -> b2:r:w"]
    assert "<B>115</B>" in statements["r0"]


def test_branches_keep_input_order(credit_dot: str) -> None:
    assert _edges_from(credit_dot, "n0") == ["b1:r:w", "b2:r:w"]
    assert _edges_from(credit_dot, "n1") == ["b3:r:w", "b4:r:w"]


def test_terminals_line_up_on_the_right(credit: DecisionResult, credit_dot: str) -> None:
    terminals = np.flatnonzero(credit.tree.kind == 2).tolist()
    line = next(line for line in credit_dot.splitlines() if "rank=same" in line)
    assert sorted(int(node) for node in re.findall(r"n(\d+)", line)) == terminals


def test_user_text_is_escaped_and_ids_are_generated() -> None:
    dot = to_dot(rollback(loads(CHINESE)))
    assert "供应商选择 &lt;A&amp;B&gt; &quot;x&quot;" in dot
    assert "延误 &lt;late&gt; &amp;<BR/>&quot;\\\\N&quot;" in dot  # the backslash doubled
    assert "放款" in dot
    assert "采购决策" in dot
    assert "万元" in dot
    assert set(re.findall(r"^  ([a-z]+)\d+ \[", dot, flags=re.MULTILINE)) == {"n", "b", "v", "r"}


def test_dot_is_deterministic() -> None:
    assert to_dot(rollback(loads(CREDIT))) == to_dot(rollback(loads(CREDIT)))


def test_the_title_gives_value_units_and_objective(credit_dot: str) -> None:
    assert "Extend the credit line?" in credit_dot
    assert "Expected value 140.8 CNY k (objective: max)" in credit_dot
    assert "certainty equivalent 133.16 CNY k (risk tolerance 500)" in credit_dot


# --- collapsing -------------------------------------------------------------------------------


def test_small_trees_are_drawn_whole(credit: DecisionResult, credit_dot: str) -> None:
    view = select(credit.tree)
    assert (view.shown, view.collapsed, view.note) == (credit.tree.node_count, {}, None)
    assert "hidden" not in credit_dot
    assert select(credit.tree, 99) == view


def test_depth_collapses_subtrees_and_counts_what_they_hide(credit: DecisionResult) -> None:
    tree = credit.tree
    view = select(tree, 1)
    assert view.shown == 3
    assert view.collapsed == {1: 4}
    dot = to_dot(credit, depth=1)
    statements = dot_statements(dot)
    assert 'style="filled,dashed"' in statements["n1"]
    assert "EV 140.8" in statements["b1"]
    assert "+4 nodes hidden" in statements["v1"]
    assert "Drawn to depth 1: 3 of 7 nodes" in dot
    assert not any(node in statements for node in ("n3", "b3", "n4"))


def test_depth_counts_on_an_example() -> None:
    result = rollback(load(EXAMPLES / "credit-line-steel.yaml"))
    tree = result.tree
    for depth in range(tree.level_count):
        view = select(tree, depth)
        assert view.shown + sum(view.collapsed.values()) == tree.node_count
        assert view.shown == int(tree.level_start[depth + 1])
        assert all(tree.depth[node] == depth for node in view.collapsed)


def test_depth_zero_keeps_the_root_and_negative_depth_is_refused(
    credit: DecisionResult,
) -> None:
    assert select(credit.tree, 0).collapsed == {0: credit.tree.node_count - 1}
    with pytest.raises(ValueError, match="depth"):
        to_dot(credit, depth=-1)


def test_big_trees_collapse_automatically_with_a_note() -> None:
    # 1 + 1 + 4 + 16 + 64 + 256 + 1024 nodes: depth 4 keeps 86 nodes, depth 5 would be 342
    result = rollback(from_dict(_chance_tree(4, 5)))
    tree = result.tree
    assert tree.node_count == 1366 > MAX_NODES
    view = select(tree)
    assert view.depth == 4
    assert view.shown == 86 <= MAX_NODES
    assert len(view.collapsed) == 64
    assert set(view.collapsed.values()) == {20}
    dot = to_dot(result)
    assert "1,366 nodes: drawn to depth 4 (86 nodes); each collapsed subtree shows its value" in dot
    assert dot.count("+20 nodes hidden") == 64
    assert select(tree, max_nodes=10_000).collapsed == {}


def test_a_huge_root_is_still_drawn_to_depth_one() -> None:
    branches = [{"name": f"b{i}", "payoff": i} for i in range(MAX_NODES + 5)]
    tree = from_dict({"root": {"type": "decision", "branches": branches}})
    assert select(tree).depth == 1


def test_path_totals_and_reach(credit: DecisionResult) -> None:
    total, reach = path_totals(credit.tree, credit.solution.choice)
    terminals = credit.tree.kind == 2
    assert float(reach[terminals].sum()) == pytest.approx(1.0)
    assert sorted(total[terminals].tolist()) == [-260.0, 0.0, 40.0, 160.0]
    _, each = path_totals(credit.tree, credit.solution.choice, alternatives=True)
    assert float(each[terminals].sum()) == pytest.approx(2.0)  # one per root alternative


# --- rendering --------------------------------------------------------------------------------


test_render_refuses_other_formats, test_render_without_graphviz, test_render_formats = (
    diagram_tests("credit", render, to_svg)
)


test_svg_shows_chinese_names_and_is_deterministic = svg_test(
    lambda: rollback(loads(CHINESE)), to_svg, ["放款", "采购决策", "供应商选择 &lt;A&amp;B&gt;"]
)


@pytest.mark.dot
@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.yaml")), ids=lambda path: path.stem)
def test_examples_render(path: Path) -> None:
    result = rollback(load(path))
    svg = to_svg(result)
    assert svg.count('class="node"') >= result.tree.node_count
