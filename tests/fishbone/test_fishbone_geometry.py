"""The fishbone fits a report page (issue #16): 3 to 50 causes over 2 to 8 categories, long
English and Chinese names, sub-causes, highlighted causes: no text on other text or off the
picture, no bone through a label, the aspect ratio (width / height) within :data:`ASPECT`, the
title top left above the bones."""

from __future__ import annotations

import random
from typing import Any

import pytest

from mgmt_tools.fishbone import analyse, from_dict, render, to_dot
from mgmt_tools.fishbone.geometry import WIDEST, Label, Line, extent, layout_of
from mgmt_tools.render import geometry
from mgmt_tools.render.geometry import Drawing
from mgmt_tools.render.style import TITLE_SIZE, VITAL

ASPECT = (1.0, 3.0)
"""The aspect ratios a fishbone is drawn within while no category has more than
:data:`CROWDED` causes (sub-causes included; docs/fishbone.md)."""
CROWDED = 6
ASPECT_CROWDED = (0.4, 3.0)
"""A category of more causes stacks them along its rib: the picture grows taller, down to
0.4 for 25 causes on one rib (``--max-causes N`` trims them)."""

WORDS = ["Credit", "files", "arrive", "incomplete", "from", "the", "branch", "review", "queue"]
HANZI = "客服人员业务不熟新员工培训不足产品知识更新慢催收话术生硬挂失补卡流程繁琐"


def _name(rng: random.Random, number: int, chinese: bool) -> str:
    if chinese:
        return "".join(rng.choice(HANZI) for _ in range(rng.randint(3, 24))) + str(number)
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 10))) + f" {number}"


def fishbone(causes: int, categories: int, seed: int, *, chinese: bool = False) -> dict[str, Any]:
    """A random fishbone of ``causes`` causes (sub-causes included) over ``categories``."""
    rng = random.Random(seed)
    names = [_name(rng, n, chinese)[:30] + f" {n}" for n in range(categories)]
    lists: dict[str, list[Any]] = {name: [] for name in names}
    placed: list[dict[str, Any]] = []
    for number in range(causes):
        cause: dict[str, Any] = {"cause": _name(rng, number, chinese), "count": rng.randint(1, 90)}
        if placed and number >= categories and rng.random() < 0.3:
            parent = rng.choice(placed)
            parent.setdefault("causes", []).append(cause)
        else:
            lists[names[number % categories]].append(cause)
        placed.append(cause)
    effect = "信用卡客户投诉量持续上升" if chinese else "Credit approval takes 18 days instead of 7"
    return {"title": "Cause and effect " * 3, "effect": effect, "categories": lists}


def _drawing(data: dict[str, Any], highlight: int = 3) -> Drawing:
    with geometry.recorded() as drawn:
        render(analyse(from_dict(data)), "png", highlight=highlight)
    assert len(drawn) == 1
    return drawn[0]


CASES = [
    (causes, categories, chinese)
    for causes in (3, 8, 15, 30, 50)
    for categories in (2, 3, 4, 6, 8)
    for chinese in (False, True)
    if categories <= causes
]


@pytest.mark.parametrize(("causes", "categories", "chinese"), CASES)
def test_fishbone_fits(causes: int, categories: int, chinese: bool) -> None:
    data = fishbone(causes, categories, seed=causes * 10 + categories, chinese=chinese)
    fullest = max(_count(causes) for causes in data["categories"].values())
    aspect = ASPECT if fullest <= CROWDED else ASPECT_CROWDED
    assert _drawing(data).problems(aspect=aspect) == []


def _count(causes: list[dict[str, Any]]) -> int:
    return sum(1 + _count(cause.get("causes", [])) for cause in causes)


def test_a_long_fishbone_of_few_causes_gets_longer_ribs() -> None:
    data = fishbone(8, 8, seed=88)
    layout = layout_of(analyse(from_dict(data)))
    left, top, right, bottom = extent(layout)
    assert (right - left) <= WIDEST * (bottom - top) + 1
    needed = max(
        sum(label.height + 5 for label in layout.labels if label.kind == "cause" and label.y < 0),
        0,
    )
    assert layout.ribs > needed + 18  # stretched beyond what its causes need


def _crosses(line: Line, box: Label) -> bool:
    """Whether ``line`` passes through the inside of ``box`` (1 pt inside its edges)."""
    x0, x1 = box.x - box.width / 2 + 1, box.x + box.width / 2 - 1
    y0, y1 = box.y - box.height / 2 + 1, box.y + box.height / 2 - 1
    steps = 40
    for step in range(steps + 1):
        x = line.x1 + (line.x2 - line.x1) * step / steps
        y = line.y1 + (line.y2 - line.y1) * step / steps
        if x0 < x < x1 and y0 < y < y1:
            return True
    return False


@pytest.mark.parametrize(("causes", "categories", "chinese"), CASES[::3])
def test_no_bone_crosses_a_label(causes: int, categories: int, chinese: bool) -> None:
    data = fishbone(causes, categories, seed=causes * 10 + categories, chinese=chinese)
    layout = layout_of(analyse(from_dict(data)))
    crossed = [
        (line.kind, label.text)
        for line in layout.lines
        for label in layout.labels
        if not (line.kind == "rib" and label.kind == "category")  # a rib ends in its box
        and _crosses(line, label)
    ]
    assert crossed == []


def test_title_is_top_left_above_the_bones() -> None:
    data = fishbone(15, 6, seed=1)
    drawing = _drawing(data)
    title = next(t for t in drawing.texts if t.text.startswith("Cause and effect"))
    assert title.size == TITLE_SIZE
    assert title.x0 < 0.1 * drawing.width  # on the left
    others = [t for t in drawing.texts if t is not title]
    assert all(t.y1 < title.y0 for t in others)  # Graphviz measures y upwards: all below it
    dot = to_dot(analyse(from_dict(data)))
    assert 'labeljust="l"' in dot


def test_highlighted_causes_take_the_vital_accent() -> None:
    data = fishbone(15, 4, seed=2)
    dot = to_dot(analyse(from_dict(data)), highlight=3)
    assert dot.count(f'COLOR="{VITAL}"') == 3
