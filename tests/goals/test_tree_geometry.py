"""The goal tree fits a report page (issue #16): trees of 3 to 50 goals, 1 to 4 levels below the
root, long English and Chinese names, an "as of" date: no text on other text or off the picture,
the aspect ratio (width / height) within :data:`ASPECT`, and the "as of" line clear of the title.
The layout rule is in mgmt_tools/goals/layout.py and docs/goals.md."""

from __future__ import annotations

import datetime as dt
import json
import random
import re
import subprocess
from typing import Any

import pytest

from mgmt_tools.goals import analyse, from_dict, layout, render, to_dot
from mgmt_tools.render import geometry
from mgmt_tools.render.geometry import Drawing
from mgmt_tools.render.style import CRITICAL, WARNING

ASPECT = (0.6, 2.2)
"""The aspect ratios a goal tree is drawn within (docs/goals.md)."""

WORDS = ["Grow", "retail", "deposits", "through", "the", "payroll", "and", "supply-chain", "offer"]
HANZI = "新增代发工资企业稳住前大零售客户存款不流失开立对公结算户"


def _name(rng: random.Random, number: int, chinese: bool) -> str:
    if chinese:
        return "".join(rng.choice(HANZI) for _ in range(rng.randint(4, 22))) + str(number)
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(2, 12))) + f" {number}"


def tree(goals: int, depth: int, seed: int, *, chinese: bool = False) -> dict[str, Any]:
    """A random goal tree of ``goals`` goals whose deepest goal is ``depth`` levels below the
    root; every goal with subgoals has at least two."""
    rng = random.Random(seed)
    count = 1
    root: dict[str, Any] = {"goal": _name(rng, 0, chinese), "children": []}
    parents = [(root, 0)]
    while count < goals:
        # grow the deepest path first so that the tree reaches ``depth``
        deep = [p for p in parents if p[1] < depth]
        parent, level = deep[-1] if count < 2 * depth + 1 else rng.choice(deep)
        for _ in range(1 if parent["children"] else min(2, goals - count)):
            child: dict[str, Any] = {
                "goal": _name(rng, count, chinese),
                "owner": "Li Wei",
                "due": "2027-09-30",
                "progress": round(rng.random(), 2),
                "children": [],
            }
            if count % 7 == 3:
                child["status"] = "blocked"
            parent["children"].append(child)
            parents.append((child, level + 1))
            count += 1
    _prune(root)
    return {"title": "Deposit goals 2027 " + "· review" * 3, "as_of": "2027-06-30", **root}


def _prune(goal: dict[str, Any]) -> None:
    if not goal["children"]:
        del goal["children"]
        goal.setdefault("progress", 0.4)
    for child in goal.get("children", []):
        _prune(child)


def _count(goal: dict[str, Any]) -> int:
    return 1 + sum(_count(child) for child in goal.get("children", []))


def _drawing(data: dict[str, Any]) -> Drawing:
    with geometry.recorded() as drawn:
        render(analyse(from_dict(data), as_of=dt.date(2027, 6, 30)), "png")
    assert len(drawn) == 1
    return drawn[0]


CASES = [
    (goals, depth, chinese)
    for goals in (3, 5, 8, 15, 24, 35, 50)
    for depth in (1, 2, 3, 4)
    for chinese in (False, True)
    if goals >= 2 * depth + 1
]


@pytest.mark.parametrize(("goals", "depth", "chinese"), CASES)
def test_goal_tree_fits(goals: int, depth: int, chinese: bool) -> None:
    data = tree(goals, depth, seed=goals * 10 + depth, chinese=chinese)
    assert _count(data) == goals
    drawing = _drawing(data)
    assert drawing.problems(aspect=ASPECT) == []


@pytest.mark.parametrize("chinese", [False, True])
def test_as_of_line_is_clear_of_the_title(chinese: bool) -> None:
    data = tree(15, 2, seed=1, chinese=chinese)
    drawing = _drawing(data)
    title = next(t for t in drawing.texts if t.text.startswith("Deposit goals"))
    as_of = next(t for t in drawing.texts if t.text.startswith("as of"))
    # Graphviz measures y upwards: the as-of line is below the title and does not touch it
    assert as_of.y1 < title.y0
    assert abs(as_of.x0 - title.x0) < 2, "both start at the left"


Points = list[tuple[float, float]]


def _laid_out(dot: str) -> tuple[dict[str, tuple[float, ...]], list[tuple[str, str, Points]]]:
    """Where dot puts each node (name -> centre) and each edge's line (tail, head, points)."""
    layout_json = json.loads(
        subprocess.run(
            ["dot", "-Tjson"], input=dot.encode(), capture_output=True, check=True
        ).stdout
    )
    objects = [o for o in layout_json.get("objects", []) if "pos" in o]  # not the clusters
    centres = {o["name"]: tuple(float(v) for v in o["pos"].split(",")) for o in objects}
    names = {o["_gvid"]: o["name"] for o in objects}
    edges = []
    for edge in layout_json.get("edges", []):
        points = [
            (float(x), float(y))
            for op in edge.get("_draw_", [])
            if op.get("op") in ("b", "B", "L")
            for x, y in op["points"]
        ]
        edges.append((names[edge["tail"]], names[edge["head"]], points))
    return centres, edges


def test_a_narrow_tree_is_drawn_plain_and_a_wide_one_stacks_its_leaves() -> None:
    narrow = {"goal": "Root", "children": [{"goal": "A", "children": [{"goal": "A1"}]}]}
    assert "splines" not in to_dot(analyse(from_dict(narrow)))
    assert "splines" not in to_dot(analyse(from_dict(narrow)), depth=0)  # the root alone
    wide = {"goal": "Root", "children": [{"goal": f"Leaf {n}"} for n in range(20)]}
    centres, _edges = _laid_out(to_dot(analyse(from_dict(wide))))
    leaves = [centres[f"g{n}"] for n in range(1, 21)]
    # the leaves hang in columns of equal height (the last may be shorter), each column
    # right of the one before, so fewer distinct x positions than leaves
    lefts = sorted({round(x) for x, _y in leaves})
    rows = sum(1 for x, _y in leaves if round(x) == lefts[0])
    assert 2 <= rows <= layout.MAX_ROWS
    assert len(lefts) == -(-20 // rows)
    assert all(sum(1 for x, _y in leaves if round(x) == left) <= rows for left in lefts)
    _root_x, root_y = centres["g0"]
    assert all(y < root_y for _x, y in leaves), "every leaf is below the root"


@pytest.mark.parametrize(("goals", "depth", "chinese"), CASES)
def test_hung_goals_have_org_chart_lines(goals: int, depth: int, chinese: bool) -> None:
    """Every line of a hung column runs straight down or straight across (no slant, no
    kink), and the stem starts under the middle of its parent."""
    dot = to_dot(analyse(from_dict(tree(goals, depth, seed=goals * 10 + depth, chinese=chinese))))
    centres, edges = _laid_out(dot)
    hung = [(tail, head, points) for tail, head, points in edges if "_" in tail + head and points]
    for tail, head, points in hung:
        xs = {round(x, 1) for x, _y in points}
        ys = {round(y, 1) for _x, y in points}
        assert len(xs) == 1 or len(ys) == 1, f"{tail} -> {head} is not straight: {points}"
    for tail, head, _points in hung:
        if "_" not in tail:  # the stem's first piece: straight down from the parent's middle
            assert centres[head][0] == pytest.approx(centres[tail][0], abs=0.5)
            assert centres[head][1] < centres[tail][1]


def _track_colours(data: dict[str, Any]) -> dict[str, str]:
    """The border colour of the goal boxes by track text (at risk, off track...)."""
    colours = {}
    for line in to_dot(analyse(from_dict(data), as_of=dt.date(2027, 6, 30))).splitlines():
        for word in ("at risk", "off track", "on track"):
            if f">{word}<" in line:
                found = re.search(r'\bcolor="(#[0-9A-Fa-f]{6})"', line.split("</TABLE>>")[-1])
                assert found is not None
                colours[word] = found.group(1)
    return colours


def test_at_risk_is_amber_and_dashed_off_track_red() -> None:
    goal = {"owner": "Li Wei", "start": "2027-01-01", "due": "2027-12-31"}
    data = {
        "goal": "Root",
        "children": [
            {**goal, "goal": "Behind a little", "progress": 0.35},
            {**goal, "goal": "Far behind", "progress": 0.05},
            {**goal, "goal": "On plan", "progress": 0.5},
        ],
    }
    colours = _track_colours(data)
    assert colours["at risk"] == WARNING
    assert colours["off track"] == CRITICAL
    assert colours["at risk"] != colours["off track"]
    dot = to_dot(analyse(from_dict(data), as_of=dt.date(2027, 6, 30)))
    risky = next(line for line in dot.splitlines() if ">at risk<" in line)
    assert "dashed" in risky
    assert "dashed" not in next(line for line in dot.splitlines() if ">off track<" in line)


def test_rule_is_numeric() -> None:
    children: list[list[int]] = [[1, 2], [], []]
    assert layout.aspect(children) == pytest.approx(
        2 * layout.BOX_WIDTH / (2 * layout.BOX_HEIGHT + layout.HEADING)
    )
    # 2 boxes of 150 x 90 pt side by side: 300 / (180 + 45) = 1.33 <= WIDE, drawn plain
    small = [(150.0, 90.0)] * 3
    assert layout.aspect(children, None, small) == pytest.approx(300 / 225)
    assert layout.plan(children, small).rows is None
    three: list[list[int]] = [[1, 2, 3], [], [], []]
    assert layout.aspect(three) > layout.WIDE  # 2.6: stacked in one column
    assert layout.plan(three).rows in (2, 3)
    wide: list[list[int]] = [list(range(1, 11))] + [[] for _ in range(10)]
    assert layout.aspect(wide) > layout.WIDE
    chosen = layout.plan(wide)
    assert chosen.rows is not None
    assert ASPECT[0] <= chosen.aspect <= ASPECT[1]
    assert layout.columns([1] * 10, chosen.rows)[0] == range(chosen.rows)
