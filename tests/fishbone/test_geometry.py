"""The fishbone geometry: ribs alternate above and below the spine, the head is on the right,
and no two label boxes overlap, for 6 categories x 10 causes and for deep nesting."""

from __future__ import annotations

import itertools
from typing import Any

import pytest

from mgmt_tools.fishbone import analyse, from_dict
from mgmt_tools.fishbone.geometry import Label, Layout, layout_of

SIX_M = ["People", "Methods", "Machines", "Materials", "Measurement", "Environment"]


def _layout(data: dict[str, Any], highlight: int = 0) -> Layout:
    return layout_of(analyse(from_dict(data), highlight=highlight))


def _big() -> dict[str, Any]:
    return {
        "effect": "Credit approval takes too long for small business clients",
        "categories": {
            name: [
                {"cause": f"{name} cause number {n} with a fairly long label", "count": n + 1}
                for n in range(10)
            ]
            for name in SIX_M
        },
    }


def _deep(depth: int = 6) -> dict[str, Any]:
    def nest(level: int) -> Any:
        if level == depth:
            return f"leaf at depth {level}"
        return {"cause": f"cause at depth {level}", "causes": [nest(level + 1), f"twig {level}"]}

    return {"effect": "E", "categories": {"People": [nest(1), nest(1)], "Methods": [nest(1)]}}


def _overlaps(a: Label, b: Label) -> bool:
    al, at, ar, ab = a.box
    bl, bt, br, bb = b.box
    return al < br and bl < ar and at < bb and bt < ab


def _assert_no_overlap(layout: Layout) -> None:
    for a, b in itertools.combinations(layout.labels, 2):
        assert not _overlaps(a, b), (a.text, b.text)


@pytest.mark.parametrize("data", [_big(), _deep(), _deep(9)], ids=["6x10", "deep", "deeper"])
def test_no_two_labels_overlap(data: dict[str, Any]) -> None:
    _assert_no_overlap(_layout(data, highlight=5))


def test_chinese_labels_do_not_overlap() -> None:
    data = {
        "effect": "信用卡客户投诉量上升",
        "categories": {
            f"类别{k}": [f"第{k}类的原因编号{n}说明文字较长" for n in range(10)] for k in range(6)
        },
    }
    _assert_no_overlap(_layout(data))


def test_ribs_alternate_above_and_below_and_head_is_right() -> None:
    layout = _layout(_big())
    spine = next(line for line in layout.lines if line.kind == "spine")
    assert spine.y1 == spine.y2 == 0
    ribs = [line for line in layout.lines if line.kind == "rib"]
    assert len(ribs) == 6
    for number, rib in enumerate(ribs):
        assert rib.y1 == 0  # meets the spine
        assert (rib.y2 < 0) if number % 2 == 0 else (rib.y2 > 0)
        assert rib.x2 < rib.x1  # slants back towards the tail
        slope = abs(rib.y2 - rib.y1) / abs(rib.x2 - rib.x1)
        assert 1.7 < slope < 2.8  # 60-70 degrees
    categories = [label for label in layout.labels if label.kind == "category"]
    assert [label.text[0] for label in categories] == SIX_M
    head = next(label for label in layout.labels if label.kind == "effect")
    assert head.y == 0
    assert all(head.box[0] > label.box[2] for label in layout.labels if label is not head)
    assert head.box[0] >= spine.x2 - 1


def test_causes_are_horizontal_branches_on_their_side() -> None:
    layout = _layout(_big())
    branches = [line for line in layout.lines if line.kind == "branch"]
    assert len(branches) == 60
    assert all(line.y1 == line.y2 for line in branches)
    assert sum(1 for line in branches if line.y1 < 0) == 30


def test_highlight_marks_branch_and_label() -> None:
    layout = _layout(_big(), highlight=3)
    marked = [label.text for label in layout.labels if label.highlight]
    assert len(marked) == 3
    assert sum(1 for line in layout.lines if line.highlight) == 3


def test_sub_causes_get_smaller_type() -> None:
    layout = _layout(_deep())
    sizes = {label.depth: label.size for label in layout.labels if label.kind == "cause"}
    assert sizes[1] > sizes[2] > sizes[3]
