"""The fishbone's geometry, computed here because no Graphviz layout gives it.

The effect sits in a box at the head on the right, at the end of a horizontal spine. Each
category is a rib slanted at :data:`ANGLE` degrees, meeting the spine; ribs alternate above and
below it (categories 1, 3, 5 above, 2, 4, 6 below, left to right in pairs), with the category
name in a box at the outer end. Causes are horizontal branches ending on their rib, their labels
along them; sub-causes hang off their cause by a short stem parallel to the rib and are again
horizontal branches, nested to any depth in smaller type. The lower half is the mirror image of
the upper (labels below their branch), so a stem never crosses a label.

Everything is measured from the labels' widths (:func:`mgmt_tools.render.display_width`, so
Chinese counts double): each row of a rib has its own height, ribs on one side share a length,
and the ribs' spacing along the spine leaves room for the widest row, so labels never overlap.
Coordinates are points (1/72 inch) with y downwards; the renderer flips them for Graphviz.

>>> from mgmt_tools.fishbone import analyse, loads
>>> layout = layout_of(analyse(loads("effect: E\\ncategories: {A: [a1, a2], B: [b1]}")))
>>> [label.text for label in layout.labels if label.kind == "category"]
[['A'], ['B']]
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from mgmt_tools.fishbone.result import Cause, CausePath, FishboneResult, label
from mgmt_tools.render import display_width
from mgmt_tools.render.dot import wrap
from mgmt_tools.render.style import THEME, TITLE_SIZE

__all__ = ["ANGLE", "WIDEST", "Label", "Layout", "Line", "extent", "layout_of"]

WIDEST = 2.4
"""The widest aspect ratio (width / height) of the bones and labels; the title adds height."""
ANGLE = 65.0
"""Slant of the ribs from the spine, in degrees."""
_COT = 1 / math.tan(math.radians(ANGLE))  # horizontal run per unit of height along a rib
_CHAR = 0.6  # width of one display column, as a fraction of the font size (conservative)
_LEADING = 1.3  # line height, as a fraction of the font size
_SIZES = (10.0, 9.0, 8.0)  # font size of causes by depth (deeper ones use the last)
_COLUMNS = (28, 24, 20)  # wrap width of cause labels by depth, in display columns
_STEMS = (22.0, 18.0, 14.0)  # how far a sub-cause stem starts from its parent's end
_GAP = 5.0  # between rows of a rib
_CLEAR = 18.0  # between the spine and the nearest row
_CATEGORY_SIZE = THEME.font_size
_EFFECT_SIZE = TITLE_SIZE


@dataclass
class Label:
    """A piece of text in a box: ``x``, ``y`` its centre; ``width``, ``height`` its extent."""

    kind: str  # effect | category | cause
    text: list[str]
    x: float
    y: float
    width: float
    height: float
    size: float
    highlight: bool = False
    depth: int = 0

    @property
    def box(self) -> tuple[float, float, float, float]:
        """(left, top, right, bottom)."""
        return (
            self.x - self.width / 2,
            self.y - self.height / 2,
            self.x + self.width / 2,
            self.y + self.height / 2,
        )


@dataclass
class Line:
    """A straight segment: the spine, a rib, a cause's branch or a sub-cause stem."""

    kind: str  # spine | rib | branch | stem
    x1: float
    y1: float
    x2: float
    y2: float
    highlight: bool = False


@dataclass
class Layout:
    """Everything the renderer draws, in points, y downwards."""

    labels: list[Label] = field(default_factory=list)
    lines: list[Line] = field(default_factory=list)
    ribs: float = 0.0
    """Length of the shorter side's ribs (from the spine to their outermost branch)."""


@dataclass
class _Row:
    path: CausePath
    depth: int
    text: list[str]
    size: float
    width: float
    height: float
    offset: float  # horizontal distance of its attachment point from the rib
    parent: int | None  # index of the parent row in the rib
    highlight: bool
    line: float = 0.0  # distance of its branch from the spine

    @property
    def pad(self) -> float:
        # the rib (or stem) slants away over the label's height: keep its top corner clear
        return self.height * _COT + 4.0

    @property
    def reach(self) -> float:
        return self.offset + self.pad + self.width


def _text_width(lines: list[str], size: float, bold: bool = False) -> float:
    widest = max((display_width(line) for line in lines), default=0)
    return widest * size * (_CHAR + (0.04 if bold else 0.0)) + 2.0


def _rows(result: FishboneResult, number: int) -> list[_Row]:
    rows: list[_Row] = []

    def add(path: CausePath, cause: Cause, depth: int, offset: float, parent: int | None) -> None:
        level = min(depth, len(_SIZES)) - 1
        size = _SIZES[level]
        text = wrap(label(cause), _COLUMNS[level], max_lines=3)
        highlight = path in result.highlighted
        width = _text_width(text, size, highlight)
        height = len(text) * size * _LEADING + 2.0
        rows.append(_Row(path, depth, text, size, width, height, offset, parent, highlight))
        here = len(rows) - 1
        stem = _STEMS[min(depth, len(_STEMS)) - 1]
        for index, sub in enumerate(cause.causes):
            add((*path, index), sub, depth + 1, offset + stem, here)

    for index, cause in enumerate(result.fishbone.categories[number].causes):
        add((number, index), cause, 1, 0.0, None)
    return rows


def _needed(rows: list[_Row]) -> float:
    return sum(row.height + _GAP for row in rows) + _CLEAR


def layout_of(result: FishboneResult) -> Layout:
    """Place the effect, the spine, the ribs, the causes and their labels.

    Ribs are as long as their causes need, but at least so long that the picture is no wider
    than :data:`WIDEST` times its height (a long fishbone of few causes gets longer ribs with
    its causes spread along them)."""
    shortest = 60.0
    for _attempt in range(8):
        layout = _layout(result, shortest)
        left, top, right, bottom = extent(layout)
        width, height = right - left, bottom - top
        if width <= WIDEST * height:
            break
        # each rib side grows by half the height missing; its slant widens the picture a little
        shortest = max(shortest, layout.ribs) + (width / WIDEST - height) / 2 + 1
    return layout


def extent(layout: Layout) -> tuple[float, float, float, float]:
    """(left, top, right, bottom) of everything drawn."""
    xs = [x for label in layout.labels for x in label.box[::2]]
    ys = [y for label in layout.labels for y in label.box[1::2]]
    xs += [x for line in layout.lines for x in (line.x1, line.x2)]
    ys += [y for line in layout.lines for y in (line.y1, line.y2)]
    return min(xs), min(ys), max(xs), max(ys)


def _layout(result: FishboneResult, shortest: float) -> Layout:
    categories = result.fishbone.categories
    ribs = [_rows(result, number) for number in range(len(categories))]
    sides = [number % 2 for number in range(len(categories))]  # 0 above the spine, 1 below
    columns = (len(categories) + 1) // 2
    length = [
        max(
            [_needed(rows) for rows, side in zip(ribs, sides, strict=True) if side == s]
            + [shortest]
        )
        for s in (0, 1)
    ]
    # distances of each row's branch from the spine: outermost first, spread along the rib
    for rows, side in zip(ribs, sides, strict=True):
        if not rows:
            continue
        spare = (length[side] - _needed(rows)) / len(rows)
        cursor = length[side] - spare / 2
        for row in rows:
            row.line = cursor - row.height
            cursor = row.line - _GAP - spare
    names = [wrap(category.name, 24, max_lines=2) for category in categories]
    box_widths = [_text_width(text, _CATEGORY_SIZE, True) + 16 for text in names]
    box_heights = [len(text) * _CATEGORY_SIZE * _LEADING + 10 for text in names]

    def reach(number: int) -> float:
        return max((row.reach for row in ribs[number]), default=0.0)

    junctions = [0.0]
    for column in range(1, columns):
        spacing = 60.0
        for side in (0, 1):
            this, before = 2 * column + side, 2 * (column - 1) + side
            if this < len(categories):
                spacing = max(spacing, reach(this) + 16)
                spacing = max(spacing, (box_widths[before] + box_widths[this]) / 2 + 16)
        junctions.append(junctions[-1] + spacing)

    layout = Layout(ribs=min(length))
    box_distance = [0.0] * len(categories)
    for number in range(len(categories)):
        side, x0 = sides[number], junctions[number // 2]
        sign = -1.0 if side == 0 else 1.0
        distance = length[side] + 8 + box_heights[number] / 2
        box_distance[number] = distance
        bx = x0 - distance * _COT
        layout.lines.append(Line("rib", x0, 0.0, bx, sign * distance))
        layout.labels.append(
            Label(
                "category",
                names[number],
                bx,
                sign * distance,
                box_widths[number],
                box_heights[number],
                _CATEGORY_SIZE,
            )
        )
        rows = ribs[number]
        for row in rows:
            attach = x0 - row.line * _COT - row.offset
            right = attach - row.pad
            left = right - row.width
            start = min(left - 2, attach - _STEMS[min(row.depth, len(_STEMS)) - 1] - 6)
            y = sign * row.line
            layout.lines.append(Line("branch", start, y, attach, y, row.highlight))
            middle = row.line + row.height / 2 + 1
            layout.labels.append(
                Label(
                    "cause",
                    row.text,
                    (left + right) / 2,
                    sign * middle,
                    row.width,
                    row.height,
                    row.size,
                    row.highlight,
                    row.depth,
                )
            )
            children = [
                child for child in rows if child.parent is not None and rows[child.parent] is row
            ]
            if children:
                last = children[-1]
                stem = children[0].offset
                layout.lines.append(
                    Line(
                        "stem",
                        x0 - row.line * _COT - stem,
                        y,
                        x0 - last.line * _COT - stem,
                        sign * last.line,
                    )
                )
    effect = wrap(result.fishbone.effect, 22, max_lines=5)
    width = _text_width(effect, _EFFECT_SIZE, True) + 24
    height = len(effect) * _EFFECT_SIZE * _LEADING + 18
    head = junctions[-1] + 40
    layout.labels.append(
        Label("effect", effect, head + width / 2, 0.0, width, height, _EFFECT_SIZE)
    )
    tail = min(junctions[0] - d * _COT for d in box_distance) - 24 if categories else -60.0
    layout.lines.insert(0, Line("spine", tail, 0.0, head, 0.0))
    return layout
