"""How the goal tree is arranged so that it fits a report page: a plain top-down tree while it is
not too wide, otherwise the leaf goals of a parent stacked in columns under it (org-chart style).

The rule (docs/goals.md): the tree is measured from its boxes' estimated sizes (by default
:data:`BOX_WIDTH` by :data:`BOX_HEIGHT` points each, gaps included). While a plain top-down
tree's aspect ratio (width / height) is at most :data:`WIDE` it is drawn as is. A wider tree
hangs the subgoals of every goal from a level on down from a stem under the middle of their
parent, in columns of at most ``rows`` boxes (a taller subtree gets a column of its own); the
level is the deepest that brings the estimate between :data:`NARROW` and :data:`STACKED`, and
``rows`` (1 to 12) the number whose estimate is nearest :data:`TARGET`. Trees of 3 to 50 goals
come out between 0.6 and 2.2 (tests/goals/test_tree_geometry.py).

>>> plan([[1, 2], [], []], [(150.0, 90.0)] * 3).rows is None
True
>>> plan([list(range(1, 13))] + [[] for _ in range(12)]).rows
4
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

__all__ = [
    "BOX_HEIGHT",
    "BOX_WIDTH",
    "NARROW",
    "TARGET",
    "WIDE",
    "Plan",
    "aspect",
    "columns",
    "depths",
    "extents",
    "plan",
]

BOX_WIDTH = 205.0
"""Estimated width of a goal box and the gap beside it, in points."""
BOX_HEIGHT = 95.0
"""Estimated height of a goal box and the gap below it, in points."""
HEADING = 45.0
"""Estimated height of the title and the "as of" line, in points."""
WIDE = 1.7
"""The widest estimated aspect ratio drawn as a plain tree (the estimate runs a little low)."""
STACKED = 2.2
"""The widest estimated aspect ratio of a tree stacked from a level (a deeper level is
preferred while it stays within this)."""
NARROW = 0.8
"""The narrowest estimated aspect ratio a stacked tree may take."""
TARGET = 1.4
"""The aspect ratio a stacked tree aims at: between an A4 page turned and a 16:9 slide."""
STEP = 12.0
"""How far a column of hung goals is set right of the line it hangs from, in points."""
BUS = 15.0
"""Height of the rank a bus across the tops of a goal's columns takes, in points."""
MAX_ROWS = 12
"""The most goals stacked in one column."""


@dataclass(frozen=True)
class Plan:
    """``rows`` None: a plain tree. Otherwise the goals below level ``level`` hang in columns
    from a line under their parent, each column at most ``rows`` boxes tall (or one subtree).
    ``aspect`` is the estimate the choice was made on."""

    rows: int | None
    aspect: float
    level: int = 0

    def stacked(self, depth: int) -> bool:
        """Whether the subgoals of a goal at ``depth`` hang in columns."""
        return self.rows is not None and depth >= self.level


def columns(sizes: Sequence[int], rows: int) -> list[range]:
    """Consecutive goals (``sizes``: how many boxes tall each one's subtree is) split into
    columns of at most ``rows`` boxes; a taller subtree has a column of its own.

    >>> columns([1] * 7, 3)
    [range(0, 3), range(3, 6), range(6, 7)]
    >>> columns([2, 1, 3, 1], 3)
    [range(0, 2), range(2, 3), range(3, 4)]
    """
    parts: list[range] = []
    start, height = 0, 0
    for number, size in enumerate(sizes):
        if number > start and height + size > rows:
            parts.append(range(start, number))
            start, height = number, 0
        height += size
    parts.append(range(start, len(sizes)))
    return parts


def extents(children: Sequence[Sequence[int]], chosen: Plan) -> list[tuple[int, int]]:
    """(boxes across, boxes down) of the subtree of each goal drawn as ``chosen``."""
    levels = depths(children)
    extents: list[tuple[int, int]] = [(1, 1)] * len(children)
    for node in reversed(range(len(children))):  # pre-order: children after their parent
        kids = children[node]
        if not kids:
            continue
        if chosen.rows is not None and chosen.stacked(levels[node]):
            across, down = 0, 0
            for part in columns([extents[kid][1] for kid in kids], chosen.rows):
                across += max(extents[kids[n]][0] for n in part)
                down = max(down, sum(extents[kids[n]][1] for n in part))
        else:
            across = sum(extents[kid][0] for kid in kids)
            down = max(extents[kid][1] for kid in kids)
        extents[node] = (max(1, across), 1 + down)
    return extents


def depths(children: Sequence[Sequence[int]]) -> list[int]:
    """How many levels below the root each goal is (node 0 the root, parents first)."""
    levels = [0] * len(children)
    for node in range(len(children)):
        for kid in children[node]:
            levels[kid] = levels[node] + 1
    return levels


Box = tuple[float, float]
"""A goal box's estimated width and height in points, the gaps beside and below it included."""


def _points(
    children: Sequence[Sequence[int]], chosen: Plan, boxes: Sequence[Box]
) -> tuple[float, float]:
    """(width, height) in points of the whole tree drawn as ``chosen``."""
    levels = depths(children)
    ranks = extents(children, chosen)
    sizes: list[Box] = list(boxes)
    for node in reversed(range(len(children))):
        kids = children[node]
        if not kids:
            continue
        width, height = boxes[node]
        if chosen.rows is not None and chosen.stacked(levels[node]):
            # the stem drops from the middle of the parent; a bus takes a rank of its own
            parts = columns([ranks[kid][1] for kid in kids], chosen.rows)
            across = width / 2 + sum(max(sizes[kids[n]][0] for n in part) + STEP for part in parts)
            down = max(sum(sizes[kids[n]][1] for n in part) for part in parts)
            down += BUS if len(parts) > 1 else 0.0
        else:
            across = sum(sizes[kid][0] for kid in kids)
            down = max(sizes[kid][1] for kid in kids)
        sizes[node] = (max(width, across), height + down)
    return sizes[0]


def aspect(
    children: Sequence[Sequence[int]],
    chosen: Plan | None = None,
    boxes: Sequence[Box] | None = None,
) -> float:
    """The estimated aspect ratio of the tree (node 0 the root, pre-order) drawn as
    ``chosen`` (a plain tree by default), from the sizes of its ``boxes`` (each
    :data:`BOX_WIDTH` x :data:`BOX_HEIGHT` by default)."""
    width, height = _points(
        children, chosen or Plan(None, 0.0), boxes or [(BOX_WIDTH, BOX_HEIGHT)] * len(children)
    )
    return width / (height + HEADING)


def plan(children: Sequence[Sequence[int]], boxes: Sequence[Box] | None = None) -> Plan:
    """The arrangement of a tree given as the drawn children of each goal (0 the root, in
    pre-order) and the sizes of its boxes: plain while its estimated aspect ratio is at most
    :data:`WIDE`; otherwise stacked from the deepest level that brings it between
    :data:`NARROW` and :data:`WIDE`, with the rows nearest :data:`TARGET`."""
    plain = aspect(children, None, boxes)
    if plain <= WIDE or not children[0]:
        return Plan(None, plain)
    levels = depths(children)
    parents = sorted({levels[node] for node in range(len(children)) if children[node]})
    best: Plan | None = None
    for level in reversed(parents):
        options = [Plan(rows, 0.0, level) for rows in range(1, MAX_ROWS + 1)]
        scored = [Plan(o.rows, aspect(children, o, boxes), level) for o in options]
        nearest = min(scored, key=lambda o: (abs(math.log(o.aspect / TARGET)), -(o.rows or 0)))
        if NARROW <= nearest.aspect <= STACKED:
            return nearest
        if best is None or abs(math.log(nearest.aspect / TARGET)) < abs(
            math.log(best.aspect / TARGET)
        ):
            best = nearest
    assert best is not None
    return best
