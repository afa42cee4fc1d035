"""The hierarchy diagram (mgmt_tools.mcda.render): goal, criteria with weights (and CR for
AHP), alternatives with scores and ranks, the winner in the accent colour, line widths by
weight, the table layout for many alternatives, escaping, determinism, rendering through
Graphviz."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from mgmt_tools.mcda import (
    AhpResult,
    IndexResult,
    analyse,
    evaluate,
    from_dict,
    judgements_from_dict,
    load,
    load_judgements,
    loads,
    loads_judgements,
)
from mgmt_tools.mcda.render import (
    MAX_EDGES,
    TOP,
    balanced,
    hierarchy,
    render,
    to_dot,
    to_svg,
)
from mgmt_tools.render.dot import THEME

from ..helpers import assert_shows, diagram_tests, dot_statements, svg_test
from .test_formats_example import INDEX_EXAMPLE

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"

# Chinese names and hostile text: <, &, quotes and a backslash sequence Graphviz would expand.
CHINESE = """\
goal: 选择客户经理团队负责人 <A&B> "x"
method: vikor
criteria:
  - {id: 客户关系, weight: 0.4}
  - {id: 信贷判断, weight: 0.35}
  - {id: 成本, weight: 0.25, direction: min}
alternatives:
  - {name: 客户经理 王伟, 客户关系: 8, 信贷判断: 6, 成本: 30}
  - {name: 客户经理 李娜, 客户关系: 6, 信贷判断: 9, 成本: 35}
  - {name: '资深客户经理 张敏 <b>\\N</b>', 客户关系: 7, 信贷判断: 7, 成本: 25}
"""

SINGLE = """\
goal: Weights of the RM scorecard
elements: [Revenue, Client satisfaction, Compliance, Teamwork]
comparisons:
  - [Revenue, Client satisfaction, 2]
  - [Revenue, Compliance, 3]
  - [Revenue, Teamwork, 5]
  - [Client satisfaction, Compliance, 2]
  - [Client satisfaction, Teamwork, 3]
  - [Compliance, Teamwork, 2]
"""


def _penwidth(attributes: str) -> float:
    match = re.search(r"penwidth=([0-9.]+)", attributes)
    assert match
    return float(match[1])


def _matrix(count: int, criteria: int = 3) -> dict[str, Any]:
    """``count`` alternatives whose scores fall with their number (A0000 is best)."""
    return {
        "goal": "Many prospects",
        "criteria": [{"id": f"c{j}", "weight": 1} for j in range(criteria)],
        "alternatives": [
            {"name": f"A{i:04d}", **{f"c{j}": float(count - i + j) for j in range(criteria)}}
            for i in range(count)
        ],
    }


@pytest.fixture(scope="module")
def cash() -> IndexResult:
    return evaluate(load(EXAMPLES / "index" / "cash-management-platform.yaml"))


@pytest.fixture(scope="module")
def leader() -> AhpResult:
    return analyse(load_judgements(EXAMPLES / "ahp" / "team-leader.yaml"))


# --- index ------------------------------------------------------------------------------------


def test_goal_criteria_and_alternatives_top_down(cash: IndexResult) -> None:
    dot = to_dot(cash, layout="edges")
    statements = dot_statements(dot)
    assert dot.startswith("digraph hierarchy {\n")
    assert 'rankdir="TB"' in dot
    # criteria by name, in input order, with their weights and direction
    assert_shows(
        statements,
        {
            "goal": [
                "Northwind Logistics",
                "topsis · normalization vector (default) · weighting given",
            ],
            "c0": ["Annual licence", "and fees (CNY k)", "weight 0.25", "min: lower is better"],
        },
    )
    assert "min: lower" not in statements["c2"]
    # criteria left to right by weight (0.25, 0.20, 0.20, 0.15, 0.10, 0.10; ties in input order)
    assert "{rank=same; c0 -> c2 -> c4 -> c3 -> c1 -> c5" in dot
    # alternatives best first, with score and rank
    assert [cash.ranking[k]["alternative"] in statements[f"a{k}"] for k in range(4)] == [True] * 4
    assert_shows(statements, {"a0": ["score 0.5525", "rank 1"], "a3": ["rank 4"]})
    assert "{rank=same; a0 -> a1 -> a2 -> a3" in dot


def test_the_winner_is_in_the_accent_colour(cash: IndexResult) -> None:
    statements = dot_statements(to_dot(cash, layout="edges"))
    assert "CashSphere" in statements["a0"]
    assert f'COLOR="{THEME.accent}"' in statements["a0"]
    assert f'BGCOLOR="{THEME.accent_fill}"' in statements["a0"]
    assert THEME.accent not in statements["a1"]
    for c in range(6):
        assert f'color="{THEME.accent}"' in statements[f"c{c} -> a0"]
        assert f'color="{THEME.faint}"' in statements[f"c{c} -> a1"]


def test_the_winners_lines_are_drawn_last(cash: IndexResult) -> None:
    edges = re.findall(r"^  (c\d+ -> a\d+) ", to_dot(cash, layout="edges"), flags=re.MULTILINE)
    assert len(edges) == 6 * 4
    assert all(edge.endswith("a0") for edge in edges[-6:])
    assert not any(edge.endswith("a0") for edge in edges[:-6])


def test_line_widths_follow_weights_and_standings(cash: IndexResult) -> None:
    statements = dot_statements(to_dot(cash, layout="edges"))
    weights = [0.25, 0.10, 0.20, 0.15, 0.20, 0.10]
    widths = [_penwidth(statements[f"goal -> c{c}"]) for c in range(6)]
    assert widths[0] == 4.0  # the largest weight
    assert widths[1] == widths[5] < widths[3] < widths[2] == widths[4] < widths[0]
    for weight, width in zip(weights, widths, strict=True):  # linear in the weight
        assert width == pytest.approx(0.6 + 3.4 * weight / 0.25, abs=0.01)
    # annual cost (a cost): LiquidLink (a1) is the cheapest, TreasuryOne (a3) the dearest
    order = [row["alternative"] for row in cash.ranking]
    assert order[1] == "LiquidLink"
    assert order[3] == "TreasuryOne"
    assert _penwidth(statements["c0 -> a1"]) == 4.0
    assert _penwidth(statements["c0 -> a3"]) == 0.6


def test_standings_of_a_constant_column_are_full() -> None:
    result = evaluate(loads(INDEX_EXAMPLE.replace("support: 6", "support: 8")))
    view = hierarchy(result)
    assert view.local[2].tolist() == [1.0, 1.0]


def test_vikor_shows_q_s_r_and_the_compromise() -> None:
    result = evaluate(loads(INDEX_EXAMPLE), method="vikor")
    dot = to_dot(result, layout="edges")
    statements = dot_statements(dot)
    assert "Q 0.0000" in statements["a0"]
    assert "S 0." in statements["a0"]
    assert "R 0." in statements["a0"]
    assert "lower is better" in dot
    assert "Compromise solution: Vendor A" in dot
    assert "normalization vikor&#39;s own" in statements["goal"]


def test_ahp_weighting_shows_its_consistency_ratio() -> None:
    full = INDEX_EXAMPLE.replace(
        "  - [cost, features, 3]\n", "  - [cost, features, 3]\n  - [cost, support, 2]\n"
    )
    result = evaluate(loads(full), weighting="ahp")
    assert "AHP weights (eigenvector): CR 0" in dot_statements(to_dot(result))["goal"]


def test_ties_highlight_every_winner() -> None:
    result = evaluate(
        from_dict(
            {
                "criteria": [{"id": "x", "weight": 1}],
                "alternatives": [
                    {"name": "P", "x": 2},
                    {"name": "Q", "x": 2},
                    {"name": "R", "x": 1},
                ],
            }
        )
    )
    statements = dot_statements(to_dot(result))
    assert [THEME.accent in statements[f"a{k}"] for k in range(3)] == [True, True, False]


# --- layouts and big inputs -------------------------------------------------------------------


def test_many_lines_become_a_table() -> None:
    result = evaluate(load(EXAMPLES / "index" / "prospects.yaml"))  # 15 x 5 = 75 lines
    assert MAX_EDGES < 5 * 15
    dot = to_dot(result)
    statements = dot_statements(dot)
    table = statements["alternatives"]
    assert not any(name.startswith("a") and name[1:].isdigit() for name in statements)
    for c in range(5):
        assert f'PORT="c{c}"' in table
        assert f"c{c} -> alternatives:c{c}:n" in dot
    # the columns are the criteria's values as given, the best of each in bold
    assert "Orient Medical Devices" in table
    assert "<B>1250</B>" in table  # Blue Harbour's revenue, the highest
    assert "<B>1.2</B>" in table  # Maple Leaf's distance, the shortest (a cost)
    assert table.index("Orient Medical Devices") < table.index("Blue Harbour Shipping")
    assert f'<TD BGCOLOR="{THEME.accent_fill}"' in table
    assert "the best of each in bold" in dot


def test_the_layout_can_be_chosen(cash: IndexResult) -> None:
    assert "alternatives:c0:n" in to_dot(cash, layout="table")
    prospects = evaluate(load(EXAMPLES / "index" / "prospects.yaml"))
    assert "c4 -> a14" in to_dot(prospects, layout="edges")
    with pytest.raises(ValueError, match="auto, edges, table"):
        to_dot(cash, layout="radial")


def test_big_inputs_draw_the_best_with_a_note() -> None:
    result = evaluate(from_dict(_matrix(1000)))
    dot = to_dot(result)
    table = dot_statements(dot)["alternatives"]
    assert table.count("<TR>") == 1 + TOP + 1  # the heading, the best 30, the count of the rest
    assert "A0000" in table
    assert "A0029" in table
    assert "A0030" not in table
    assert "… and 970 more" in table
    assert "The best 30 of 1,000 alternatives are shown; the JSON result has all." in dot
    edges = to_dot(result, layout="edges")
    assert "a29 " in edges
    assert "a30 " not in edges


# --- AHP --------------------------------------------------------------------------------------


def test_ahp_hierarchy(leader: AhpResult) -> None:
    dot = to_dot(leader, layout="edges")
    statements = dot_statements(dot)
    assert_shows(
        statements,
        {
            "goal": [
                "Choose a team leader for",
                "AHP eigenvector · random index saaty1980",
                "criteria CR 0.0017 · 1 missing judgement completed",
            ],
            "c0": ["Client", "weight 0.3775", "CR 0.0079"],
            "c2": ["CR 0.0158"],
            "a0": ["Rahul Mehta", "priority 0.3861", THEME.accent],
            "a2": ["priority 0.2730"],
        },
    )
    # the largest local priority of all: Li Wei (a1) under Seniority (c3), 0.6483
    assert _penwidth(statements["c3 -> a1"]) == 4.0
    assert _penwidth(statements["c2 -> a0"]) == pytest.approx(0.6 + 3.4 * 0.625 / 0.6483, abs=0.01)
    assert _penwidth(statements["c0 -> a0"]) < _penwidth(statements["c0 -> a1"])  # Li Wei
    assert "local priority under the criterion" in dot


def test_ahp_table_shows_local_priorities(leader: AhpResult) -> None:
    table = dot_statements(to_dot(leader, layout="table"))["alternatives"]
    assert "<B>0.6250</B>" in table  # Rahul Mehta under Coaching, the best of the column
    assert "0.5396" in table  # Li Wei under Client relationships
    assert "<B>0.3861</B>" in table


def test_cr_above_the_limit_is_flagged() -> None:
    result = analyse(loads_judgements("comparisons: [[A, B, 9], [B, C, 9], [C, A, 9]]\n", "yaml"))
    assert "(above 0.1)" in dot_statements(to_dot(result))["goal"]


def test_single_matrix_is_the_goal_over_its_elements() -> None:
    result = analyse(loads_judgements(SINGLE, "yaml"))
    dot = to_dot(result)
    statements = dot_statements(dot)
    assert not any(name.startswith("c") for name in statements)
    assert_shows(
        statements,
        {
            "goal": ["Weights of the RM scorecard", "CR 0."],
            "a0": ["Revenue", "priority 0.4", THEME.accent],
        },
    )
    assert _penwidth(statements["goal -> a0"]) == 4.0
    assert _penwidth(statements["goal -> a3"]) < _penwidth(statements["goal -> a2"])
    assert "the element&#39;s priority" in dot


def test_a_big_matrix_is_a_table_of_its_best_elements() -> None:
    names = [f"E{i:02d}" for i in range(40)]
    comparisons = [[names[i], names[j], min(9, j - i)] for i in range(40) for j in range(i + 1, 40)]
    result = analyse(
        judgements_from_dict(
            {"elements": names, "comparisons": comparisons, "random_index": "donegan_dodd"}
        )
    )
    dot = to_dot(result)
    table = dot_statements(dot)["alternatives"]
    assert "goal -> alternatives" in dot
    assert ">element<" in table
    assert "E29" in table
    assert "E30" not in table
    assert "The best 30 of 40 elements are shown" in dot


def test_a_matrix_without_a_goal() -> None:
    no_goal = to_dot(
        analyse(judgements_from_dict({"elements": ["A", "B"], "matrix": [[1, 2], [0.5, 1]]}))
    )
    assert "Priorities" in dot_statements(no_goal)["goal"]


# --- text -------------------------------------------------------------------------------------


def test_user_text_is_escaped() -> None:
    dot = to_dot(evaluate(loads(CHINESE)), layout="edges")
    assert "选择客户经理团队负责人 &lt;A&amp;B&gt; &quot;x&quot;" in dot
    assert "&lt;b&gt;\\\\N&lt;/b&gt;" in dot  # the backslash doubled
    assert "<b>" not in dot
    assert "客户经理 王伟" in dot
    assert set(re.findall(r"^  ([a-z]+)\d* \[", dot, flags=re.MULTILINE)) == {
        "graph",
        "node",
        "edge",
        "goal",
        "c",
        "a",
    }


def test_balanced_lines() -> None:
    assert balanced("Annual licence and fees (CNY k)", 18) == ["Annual licence", "and fees (CNY k)"]
    assert balanced("Short", 18) == ["Short"]
    assert balanced("客户经理 王伟", 10) == ["客户经理", "王伟"]


def test_dot_is_deterministic(cash: IndexResult, leader: AhpResult) -> None:
    again = evaluate(load(EXAMPLES / "index" / "cash-management-platform.yaml"))
    assert to_dot(cash) == to_dot(again)
    assert to_dot(leader) == to_dot(analyse(load_judgements(EXAMPLES / "ahp" / "team-leader.yaml")))


# --- rendering --------------------------------------------------------------------------------


# One PDF per chart kind in the suite: the hierarchy's is drawn by tests/test_registry.py.
test_render_refuses_other_formats, test_render_without_graphviz, test_render_formats = (
    diagram_tests("cash", render, to_svg, drawn="leader", formats=["svg", "png"])
)


test_svg_shows_chinese_names_and_is_deterministic = svg_test(
    lambda: evaluate(loads(CHINESE)), to_svg, ["客户经理 王伟", "&lt;A&amp;B&gt;"]
)


@pytest.mark.dot
@pytest.mark.parametrize(
    "path",
    sorted((EXAMPLES / "index").glob("*.yaml")) + sorted((EXAMPLES / "ahp").glob("*.yaml")),
    ids=lambda path: path.name,
)
@pytest.mark.parametrize("layout", ["edges", "table"])
def test_examples_render(path: Path, layout: str) -> None:
    if path.parent.name == "index":
        result: IndexResult | AhpResult = evaluate(load(path))
    else:
        result = analyse(load_judgements(path))
    svg = to_svg(result, layout=layout)
    assert svg.count('class="node"') >= 2


def test_table_columns_are_headed_by_the_criteria_names_wrapped_narrow() -> None:
    """Issue #16 review: the ranked table's column heads are the criteria's names (as in their
    boxes), not their ids, wrapped to a few short lines; a Chinese name wraps too."""
    from mgmt_tools.mcda import evaluate, load

    example = Path(__file__).parents[2] / "examples" / "index" / "cash-management-platform.yaml"
    dot = to_dot(evaluate(load(example)), layout="table")
    heads = re.findall(r'<TD PORT="c\d+"[^>]*>(.*?)</TD>', dot)
    assert len(heads) == 6
    assert not any(id_ in dot for id_ in ("annual_cost", "go_live"))
    words = [re.sub(r"<[^>]+>", " ", head) for head in heads]
    assert any("Weeks to" in head for head in words)
    lines = [
        line
        for head in heads
        for line in re.split(r"<BR/>", re.sub(r"</?B>|<FONT[^>]*>|</FONT>", "", head))
    ]
    assert max(len(line) for line in lines) <= 24
    chinese = Path(__file__).parents[2] / "examples" / "index" / "branch-site-zh.yaml"
    zh = re.findall(
        r'<TD PORT="c\d+"[^>]*>(.*?)</TD>', to_dot(evaluate(load(chinese)), layout="table")
    )
    assert any("<BR/>" in head for head in zh)
