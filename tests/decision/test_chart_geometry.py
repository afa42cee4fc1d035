"""The decision pictures fit a report (issue #16): random valid trees of 3 to 50 terminals
with short, long and Chinese names, and their risk-profile (2 to 10 alternatives) and tornado
(3 to 30 variables) charts, in English and Chinese: no text on other text or off the canvas,
and the aspect ratio (width / height) within the range stated here and in docs/decision.md:
the tree 0.4 to 5, the risk profile 1.1 to 1.8, the tornado 0.5 to 3. A tree of up to 12
terminals also prints its smallest text at 6 pt or more on a slide and on A4."""

from __future__ import annotations

import itertools
import random
from typing import Any

import pytest
import yaml

from mgmt_tools.decision import loads, rollback
from mgmt_tools.decision.charts import risk_profile_chart, sensitivity_chart, tornado_chart
from mgmt_tools.decision.render import render
from mgmt_tools.decision.result import DecisionResult
from mgmt_tools.locale import using
from mgmt_tools.render import geometry, graphviz

TREE_ASPECT = (0.4, 5.0)
PROFILE_ASPECT = (1.1, 1.8)
TORNADO_ASPECT = (0.5, 3.0)
WORDS = {
    "short": ["Go", "Wait", "Up", "Down", "Flat", "Sell", "Hold"],
    "long": [
        "Restructure the repayment schedule with the parent group",
        "Call the loan and enforce the pledged receivables",
        "Client accepts the revised covenant package",
        "Steel prices fall by more than a fifth",
    ],
    "zh": [
        "追加抵押担保并展期",
        "客户接受新的约束条款",
        "钢价大幅下跌",
        "维持现状",
        "提前收回贷款",
    ],
}


def _tree(terminals: int, seed: int, words: str) -> dict[str, Any]:
    """A random valid tree with exactly ``terminals`` terminals: a decision root, then
    terminals turned into decision or chance nodes of two or three branches until there are
    enough. Chance probabilities are equal shares, the last written ``rest``."""
    rng = random.Random(seed)
    pool = WORDS[words]
    root: dict[str, Any] = {"type": "decision", "name": rng.choice(pool), "branches": []}
    leaves: list[dict[str, Any]] = []

    def branch() -> dict[str, Any]:
        made = {"name": f"{rng.choice(pool)} {len(leaves) + 1}", "payoff": rng.randint(-50, 200)}
        leaves.append(made)
        return made

    root["branches"] = [branch(), branch()]
    while len(leaves) < terminals:
        count = min(rng.choice((2, 3)), terminals - len(leaves) + 1)
        leaf = leaves.pop(rng.randrange(len(leaves)))
        kind = rng.choice(("decision", "chance"))
        node: dict[str, Any] = {"type": kind, "name": rng.choice(pool), "branches": []}
        for number in range(count):
            child = branch()
            if kind == "chance":
                child["p"] = "rest" if number == count - 1 else round(1 / count, 4)
            node["branches"].append(child)
        leaf["node"] = node
    document = {"name": f"{words} tree of {terminals}", "units": "CNY k", "root": root}
    return document


def _result(document: dict[str, Any], **options: Any) -> DecisionResult:
    return rollback(loads(yaml.safe_dump(document, allow_unicode=True)), **options)


TREES = [
    pytest.param(terminals, words, language, id=f"{terminals}-{words}-{language}")
    for terminals, words, language in [
        (3, "short", "en"),
        (5, "long", "en"),
        (8, "zh", "zh"),
        (12, "short", "zh"),
        (20, "long", "en"),
        (35, "zh", "zh"),
        (50, "short", "en"),
        (50, "long", "zh"),
    ]
]


@pytest.mark.parametrize(("terminals", "words", "language"), TREES)
def test_tree_fits(terminals: int, words: str, language: str) -> None:
    result = _result(_tree(terminals, terminals * 7 + len(words), words))
    assert int((result.tree.kind == 2).sum()) == terminals
    with using(language), geometry.recorded() as drawn:
        render(result, "svg")
    pages = ("slide", "a4") if terminals <= 12 else ()
    problems = drawn[0].problems(aspect=TREE_ASPECT, pages=pages)
    if pages:  # a report page may be turned: the better of A4 upright and landscape
        problems = [p for p in problems if "on a4" not in p]
        a4 = max(drawn[0].printed_size("a4"), drawn[0].printed_size("a4-landscape"))
        assert a4 >= 6, f"smallest text prints at {a4:.1f} pt on A4"
    assert problems == []


def _alternatives(count: int, words: str) -> dict[str, Any]:
    """A root decision of ``count`` alternatives, each a chance node of three outcomes."""
    rng = random.Random(count)
    pool = WORDS[words]
    branches = []
    for number in range(count):
        outcomes = [
            {"name": pool[(number + k) % len(pool)], "p": p, "payoff": rng.randint(-100, 300)}
            for k, p in enumerate((0.5, 0.3, "rest"))
        ]
        name = f"{pool[number % len(pool)]} {number + 1}"
        branches.append({"name": name, "node": {"type": "chance", "branches": outcomes}})
    return {"name": "Alternatives", "root": {"type": "decision", "branches": branches}}


@pytest.mark.parametrize("count", [2, 5, 10])
@pytest.mark.parametrize(("words", "language"), [("long", "en"), ("zh", "zh")])
def test_risk_profile_fits(count: int, words: str, language: str) -> None:
    result = _result(_alternatives(count, words))
    with using(language), geometry.recorded() as drawn:
        risk_profile_chart(result, "png")
    assert drawn[0].problems(aspect=PROFILE_ASPECT, pages=("slide", "a4")) == []


def _variables(count: int, words: str) -> dict[str, Any]:
    """A tree whose payoffs use ``count`` variables, each with a range; the last two change
    nothing (a tornado bar of no width)."""
    pool = WORDS[words]
    names = [f"{pool[k % len(pool)].split()[0]}_{k}" for k in range(count)]
    used = names[: max(1, count - 2)]
    payoff = " + ".join(used)
    outcomes = [{"name": "a", "p": 0.6, "payoff": payoff}, {"name": "b", "p": "rest"}]
    return {
        "name": "Tornado",
        "variables": {name: 10 * (k + 1) for k, name in enumerate(names)},
        "ranges": {name: [5 * (k + 1), 20 * (k + 1)] for k, name in enumerate(names)},
        "root": {
            "type": "decision",
            "branches": [
                {"name": "go", "node": {"type": "chance", "branches": outcomes}},
                {"name": "stop", "payoff": 100},
            ],
        },
    }


@pytest.mark.parametrize("count", [3, 12, 30])
@pytest.mark.parametrize(("words", "language"), [("short", "en"), ("zh", "zh")])
def test_tornado_fits(count: int, words: str, language: str) -> None:
    result = _result(_variables(count, words), tornado=True)
    assert result.tornado is not None
    assert len(result.tornado) == count
    with using(language), geometry.recorded() as drawn:
        tornado_chart(result, "png")
    assert drawn[0].problems(aspect=TORNADO_ASPECT, pages=("slide", "a4")) == []


def test_a_variable_of_no_effect_has_one_label() -> None:
    # the two settings of a variable that changes nothing would lie on each other
    from mgmt_tools.decision.charts import _tornado_figure

    result = _result(_variables(5, "short"), tornado=True)
    assert result.tornado is not None
    still = [
        row.variable
        for row in result.tornado
        if row.value_at_low == row.value_at_high == row.base_value
    ]
    assert still  # the last two variables at least
    axes = _tornado_figure(result).axes[0]
    texts = [t.get_text() for t in axes.texts if t.get_gid() == "end-label"]
    assert sum("no effect" in text for text in texts) == len(still)
    assert len(texts) == 2 * (len(result.tornado) - len(still)) + len(still)


def _strokes(source: str) -> list[list[tuple[float, float]]]:
    """The lines Graphviz draws for DOT ``source`` (``-Tjson``): every edge as points along its
    Bézier curve, and every thin filled shape (a branch's rule) as its outline, in the
    coordinates of :func:`graphviz.drawing` (from the bottom left of the bounding box)."""
    import json
    import shutil
    import subprocess

    dot = shutil.which("dot")
    assert dot is not None
    output = subprocess.run([dot, "-Tjson"], input=source.encode(), capture_output=True, check=True)
    layout = json.loads(output.stdout)
    x0, y0, _x1, _y1 = (float(part) for part in layout["bb"].split(","))
    strokes: list[list[tuple[float, float]]] = []
    for item in [*layout.get("objects", []), *layout.get("edges", [])]:
        for op in item.get("_draw_", []):
            points = [(float(x) - x0, float(y) - y0) for x, y in op.get("points", [])]
            if op.get("op") in ("b", "B"):
                for start in range(0, len(points) - 3, 3):
                    a, b, c, d = points[start : start + 4]
                    strokes.append(
                        [
                            tuple(  # type: ignore[misc]
                                (1 - t) ** 3 * p
                                + 3 * (1 - t) ** 2 * t * q
                                + 3 * (1 - t) * t**2 * r
                                + t**3 * s
                                for p, q, r, s in zip(a, b, c, d, strict=True)
                            )
                            for t in (i / 24 for i in range(25))
                        ]
                    )
            elif op.get("op") in ("P", "p") and points:
                ys = [y for _x, y in points]
                if max(ys) - min(ys) <= 4:  # a rule, not a node's shape
                    strokes.append(points + points[:1])
    return strokes


def _crossing(box: geometry.TextBox, stroke: list[tuple[float, float]], clear: float) -> bool:
    """Whether ``stroke`` comes within ``clear`` points of ``box`` (checked at its points and
    at the midpoints of its segments, which are short)."""
    dense = [
        (x0 + (x1 - x0) * t, y0 + (y1 - y0) * t)
        for (x0, y0), (x1, y1) in itertools.pairwise(stroke)
        for t in (0.0, 0.25, 0.5, 0.75, 1.0)
    ]
    return any(
        box.x0 - clear < x < box.x1 + clear and box.y0 - clear < y < box.y1 + clear
        for x, y in dense
    )


@pytest.mark.parametrize(
    ("terminals", "words", "language"),
    [(5, "long", "en"), (8, "zh", "zh"), (20, "long", "en"), (12, "long", "zh")],
)
def test_no_text_touches_a_branch_line(terminals: int, words: str, language: str) -> None:
    """Text against the lines drawn (issue #16 review 1.4): a wrapped branch name keeps clear
    of its rule and of the node name under it, and no edge runs through a text."""
    from mgmt_tools.decision.render import to_dot

    result = _result(_tree(terminals, terminals * 7 + len(words), words))
    with using(language):
        source = to_dot(result)
    texts = graphviz.drawing(source).texts
    strokes = _strokes(source)
    touching = [
        box.text for box in texts for stroke in strokes if _crossing(box, stroke, clear=0.5)
    ]
    assert touching == []


def test_a_branch_label_stands_next_to_its_own_node() -> None:
    """Each branch's text starts one rank right of the node it leaves (review 1.5: "Walks away"
    was written near the far end of a long edge, under another node's branch)."""
    import json
    import shutil
    import subprocess
    from pathlib import Path

    from mgmt_tools.decision import load
    from mgmt_tools.decision.render import to_dot

    example = Path(__file__).parents[2] / "examples" / "decision" / "credit-line-steel.yaml"
    result = rollback(load(example))
    dot = shutil.which("dot")
    assert dot is not None
    output = subprocess.run(
        [dot, "-Tjson"], input=to_dot(result).encode(), capture_output=True, check=True
    )
    layout = json.loads(output.stdout)
    names = {obj["_gvid"]: obj["name"] for obj in layout["objects"]}
    shown = [obj for obj in layout["objects"] if "pos" in obj]
    place = {obj["name"]: float(obj["pos"].split(",")[0]) for obj in shown}
    left = {name: place[name] - float(obj["width"]) * 36 for obj in shown for name in [obj["name"]]}
    gaps = {
        names[edge["head"]]: left[names[edge["head"]]] - place[names[edge["tail"]]]
        for edge in layout["edges"]
        if names[edge["tail"]].startswith("n") and names[edge["head"]].startswith("b")
    }
    assert len(gaps) > 30
    assert {head: gap for head, gap in gaps.items() if gap > 60} == {}


SENSITIVITY_ASPECT = (0.9, 2.2)


def _varied(count: int, words: str) -> dict[str, Any]:
    """``count`` alternatives whose payoffs move with one variable ``p_up`` at different
    rates, so the lines cross and the break-even points are drawn."""
    pool = WORDS[words]
    branches = []
    for number in range(count):
        up = {"name": pool[number % len(pool)], "p": "p_up", "payoff": 100 + 40 * number}
        down = {"name": pool[(number + 1) % len(pool)], "p": "rest", "payoff": 200 - 30 * number}
        name = f"{pool[number % len(pool)]} {number + 1}"
        branches.append({"name": name, "node": {"type": "chance", "branches": [up, down]}})
    return {
        "name": "Alternatives against one variable",
        "variables": {"p_up": 0.5},
        "root": {"type": "decision", "branches": branches},
    }


@pytest.mark.parametrize("count", [2, 5, 10])
@pytest.mark.parametrize(("words", "language"), [("long", "en"), ("zh", "zh")])
def test_sensitivity_fits(count: int, words: str, language: str) -> None:
    result = _result(_varied(count, words), vary="p_up=0:1:11")
    with using(language), geometry.recorded() as drawn:
        sensitivity_chart(result, "png")
    assert drawn[0].problems(aspect=SENSITIVITY_ASPECT, pages=("slide", "a4")) == []


def test_the_sensitivity_key_stays_off_the_lines() -> None:
    from mgmt_tools.decision.charts import _sensitivity_figure

    figure = _sensitivity_figure(_result(_varied(10, "long"), vary="p_up=0:1:11"))
    renderer = figure.canvas.get_renderer()  # type: ignore[attr-defined]
    (axes,) = figure.axes
    (key,) = figure.legends
    assert key.get_window_extent(renderer).y1 <= axes.get_window_extent(renderer).y0
