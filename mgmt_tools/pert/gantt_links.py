"""Where the Gantt chart's bars lie, and the links between them routed around the bars.

A link is drawn as MS Project draws it: it leaves the predecessor's bar at the end its type ties
(FS and FF at the finish, SS and SF at the start), runs a little way out, turns to the
successor's row and enters the successor's bar at the end its type ties (FS and SS at the
start, FF and SF at the finish) with an arrowhead. A vertical part never crosses the bar of
another row: when the straight way down (or up) is blocked, the link runs along the gap under
(or over) the predecessor's row to a column clear of every row in between, then along the gap
next to the successor's row, and enters it from its side.

Examples
--------
A finish-to-start link from row 0 (its bar ends at 0) to row 2 (its bar starts at 5): straight
down when row 1's bar (from 2 to 9) leaves the way clear,

>>> route((0, 0), 1, (5, 2), -1, 0.5, [(0, 1), (2, 9), (5, 8)], margin=0.25)
[(0, 0), (0.5, 0), (0.5, 2), (5, 2)]

and round row 1's bar, along the gap under row 0, when it starts at 0:

>>> route((0, 0), 1, (5, 2), -1, 0.5, [(0, 1), (0, 9), (5, 8)], margin=0.25)
[(0, 0), (0.5, 0), (0.5, 0.5), (-0.375, 0.5), (-0.375, 2), (5, 2)]
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import TYPE_CHECKING, Any

import numpy as np

from mgmt_tools._arrays import BoolArray, FloatArray, IndexArray
from mgmt_tools._numeric import isclose
from mgmt_tools.pert.model import LinkType
from mgmt_tools.pert.result import Schedule
from mgmt_tools.pert.rows import Rows
from mgmt_tools.pert.timeline import Timeline
from mgmt_tools.render import chart_parts as parts
from mgmt_tools.render.style import CRITICAL, THEME

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = ["DIAMOND", "DIAMOND_HALF", "LANE", "Bars", "bars_of", "draw_links", "route"]

DIAMOND = 8.5
"""Milestone marker size in points."""
DIAMOND_HALF = 0.707 * DIAMOND
"""Half the diagonal of a milestone's diamond, in points: how far its tips reach."""
LANE = 3.0
"""Points between the vertical parts of two links that would otherwise share a column."""
SUMMARY = 0.08
"""Half the height of a summary bar, in rows."""
CAP = 0.16
"""How far a summary bar's ends point down below it, in rows."""
_Point = tuple[float, float]


@dataclass(frozen=True)
class Bars:
    """Where the drawn rows lie on the x axis (arrays by row)."""

    nodes: IndexArray
    left: FloatArray
    right: FloatArray
    late: FloatArray
    total_float: FloatArray
    milestone: BoolArray
    summary: BoolArray
    critical: BoolArray

    @property
    def slack(self) -> BoolArray:
        """Rows whose float is drawn: a bar with time between its finish and its late finish."""
        solid = ~self.milestone & ~self.summary
        drawn = solid & (self.late > self.right) & ~isclose(self.late, self.right)
        return drawn & (self.total_float > 0)


def bars_of(result: Schedule, view: Rows, timeline: Timeline) -> Bars:
    """The bars of the rows ``view`` draws on ``timeline``."""
    plan, summary = result.plan, view.summary
    tasks, groups = view.nodes[~summary], view.nodes[summary] - plan.task_count
    es, ef, lf = (np.empty(len(view.nodes)) for _ in range(3))
    total_float, critical = np.empty(len(view.nodes)), np.empty(len(view.nodes), dtype=bool)
    milestone = np.zeros(len(view.nodes), dtype=bool)
    milestone[~summary] = plan.milestone[tasks] | (plan.duration[tasks] == 0)
    sources: list[tuple[Any, BoolArray, IndexArray]] = [(result, ~summary, tasks)]
    if summary.any():
        sources.append((result.group_times(), summary, groups))
    for times, rows, index in sources:
        es[rows], ef[rows], lf[rows] = times.es[index], times.ef[index], times.lf[index]
        total_float[rows], critical[rows] = times.total_float[index], times.critical[index]
    point = milestone | (summary & (ef <= es))  # a group of milestones is a point too
    left = np.where(point, timeline.end(es), timeline.begin(es))
    right = np.where(point, left, timeline.end(ef))
    late = timeline.end(lf)
    return Bars(view.nodes, left, right, late, total_float, milestone, summary, critical)


def spans(bars: Bars, per_point: float) -> list[tuple[float, float]]:
    """Per row, the x range of the bar drawn on it: a task's bar, a diamond, a summary bar with
    its caps. A link may cross the thin stroke of a total float, as it crosses another link."""
    tip = DIAMOND_HALF * per_point
    low, high = bars.left.copy(), bars.right.copy()
    low[bars.milestone] -= tip
    high[bars.milestone] += tip
    cap = 4.5 * per_point
    short = bars.summary & (bars.right - bars.left < cap)
    middle = (bars.left + bars.right) / 2
    low[short], high[short] = (
        np.minimum(low, middle - cap)[short],
        np.maximum(high, middle + cap)[short],
    )
    return list(zip(low.tolist(), high.tolist(), strict=True))


def _tidy(points: list[_Point]) -> list[_Point]:
    """``points`` without repeats and without the middle of three in a line."""
    kept: list[_Point] = []
    for point in points:
        if kept and point == kept[-1]:
            continue
        if len(kept) >= 2:
            (ax, ay), (bx, by) = kept[-2], kept[-1]
            if (ax == bx == point[0]) or (ay == by == point[1]):
                kept[-1] = point
                continue
        kept.append(point)
    return kept


def route(
    start: _Point,
    leave: int,
    end: _Point,
    enter: int,
    stub: float,
    row_spans: Sequence[tuple[float, float]],
    *,
    margin: float,
    landing: tuple[float, float] | None = None,
    half: float = 0.25,
) -> list[_Point]:
    """An orthogonal route from ``start`` (a bar end on row ``start[1]``) leaving to the side
    ``leave`` (+1 right, -1 left) to ``end`` on another row, entering it from the side
    ``enter`` (-1: from the left, pointing right), its vertical parts clear (by ``margin``) of
    ``row_spans`` (per row, the x range drawn on it) of every row in between. ``landing`` (the
    x range of the successor's bar) lets it drop onto the bar's edge, ``half`` a row from its
    centre, when it cannot come in from the side."""
    (x0, y0), (x1, y1) = start, end
    r0, r1 = round(y0), round(y1)
    down = 1 if r1 > r0 else -1
    between = [row_spans[row] for row in range(min(r0, r1) + 1, max(r0, r1))]

    def clear(x: float) -> bool:
        return all(not (low - margin < x < high + margin) for low, high in between)

    turn = x0 + leave * stub
    if leave == enter:  # both ends on the same side: turn beyond the outer one
        turn = max(x0, x1) + stub if leave > 0 else min(x0, x1) - stub
    if (leave == enter or enter * (turn - x1) >= stub / 2) and clear(turn):
        return _tidy([(x0, y0), (turn, y0), (turn, y1), (x1, y1)])
    if landing is not None and leave != enter:
        drop = min(max(turn, landing[0]), landing[1])
        if leave * (drop - x0) >= 0 and clear(drop):
            return _tidy([(x0, y0), (drop, y0), (drop, y1 - down * half)])
    # along the gaps: next to the predecessor's row, down a clear column, next to the successor's
    gap0, gap1 = r0 + down * 0.5, r1 - down * 0.5
    back = x1 + enter * stub
    candidates = [turn, back] + [
        edge for low, high in between for edge in (low - 1.5 * margin, high + 1.5 * margin)
    ]
    best: list[_Point] | None = None
    best_length = np.inf
    for column in candidates:
        if not clear(column):
            continue
        if enter * (column - x1) >= stub * 0.99:  # straight into the successor's side
            tail = [(column, y1), (x1, y1)]
        else:
            tail = [(column, gap1), (back, gap1), (back, y1), (x1, y1)]
        points = _tidy([(x0, y0), (turn, y0), (turn, gap0), (column, gap0), *tail])
        length = sum(abs(bx - ax) + abs(by - ay) for (ax, ay), (bx, by) in pairwise(points))
        if length < best_length - 1e-9:
            best, best_length = points, length
    assert best is not None  # beyond the widest span a column is always clear
    return best


def draw_links(
    axes: Axes, result: Schedule, view: Rows, bars: Bars, per_point: float, row_height: float
) -> list[list[_Point]]:
    """One arrow per link of ``view`` between the ends its type ties, critical links (driving,
    between critical rows) in the critical colour; ``row_height`` is in points. A vertical
    part that would run on (within :data:`LANE` of) another link's, over rows both pass,
    moves :data:`LANE` points aside, unless both links leave the same bar end or enter the
    same one (they fan out or in there, as in MS Project), or one enters where the other
    leaves. Returns the routes drawn (data coordinates, in the order of ``view.links``)."""
    plan = result.plan
    row = np.full(plan.task_count + plan.group_count, -1, dtype=np.int64)
    row[view.nodes] = np.arange(len(view.nodes))
    row_spans = spans(bars, per_point)
    tip = DIAMOND_HALF * per_point
    stub, inset, margin = 7.0 * per_point, 2.0 * per_point, 2.5 * per_point
    diamond = DIAMOND_HALF / row_height + 0.02  # half its height, in rows
    lanes = _Lanes(row_spans, LANE * per_point, margin)
    routes: list[list[_Point]] = []
    for link in view.links.tolist():
        pred, succ = int(row[plan.link_pred[link]]), int(row[plan.link_succ[link]])
        kind = int(plan.link_type[link])
        from_finish = kind in (LinkType.FS, LinkType.FF)
        to_finish = kind in (LinkType.FF, LinkType.SF)
        leave, enter = (1 if from_finish else -1), (1 if to_finish else -1)
        x0 = float(bars.right[pred] if from_finish else bars.left[pred])
        x1 = float(bars.right[succ] if to_finish else bars.left[succ])
        if bars.milestone[pred]:
            x0 += leave * tip
        if bars.milestone[succ]:
            landing, half = (float(bars.left[succ]),) * 2, diamond
            x1 += enter * tip
        else:
            landing = (float(bars.left[succ]) + inset, float(bars.right[succ]) - inset)
            half = SUMMARY if bars.summary[succ] else 0.25
        points = _straight(bars, pred, succ, (x0, leave, x1, enter, stub), landing, diamond, half)
        clear = points is not None and all(
            not (low - margin < points[0][0] < high + margin)
            for low, high in row_spans[min(pred, succ) + 1 : max(pred, succ)]
        )
        if points is None or not clear:
            points = route(
                (x0, pred), leave, (x1, succ), enter, stub, row_spans,
                margin=margin, landing=landing, half=half,
            )  # fmt: skip
        points = lanes.place(points, landing)
        routes.append(points)
        emphasis = bool(result.driving[link] and bars.critical[pred] and bars.critical[succ])
        style: dict[str, Any] = {"color": CRITICAL, "width": 1.2, "zorder": 4}
        plain: dict[str, Any] = {"color": THEME.line, "width": 0.8}
        parts.link_arrow(axes, points, **(style if emphasis else plain))
    return routes


class _Lanes:
    """The vertical parts of the links drawn so far, to keep the next ones off them."""

    def __init__(self, row_spans: Sequence[tuple[float, float]], lane: float, margin: float):
        self.row_spans, self.lane, self.margin = row_spans, lane, margin
        self.used: list[tuple[float, float, float, _Point, _Point]] = []
        """Per vertical part: x, its lower and upper y, and its link's first and last point."""

    def _taken(self, x: float, y0: float, y1: float, first: _Point, last: _Point) -> bool:
        for ux, low, high, ufirst, ulast in self.used:
            if first in (ufirst, ulast) or last in (ufirst, ulast):
                continue  # a fan from (or into) one bar end, or a chain through it
            overlap = min(high, max(y0, y1)) - max(low, min(y0, y1))
            if abs(ux - x) < self.lane * 0.9 and overlap > -0.1:  # end to end reads as one
                return True
        return False

    def _clear(self, x: float, y0: float, y1: float) -> bool:
        """Whether a vertical part at ``x`` from ``y0`` to ``y1`` keeps off the bars of the
        rows it passes."""
        low_y, high_y = min(y0, y1), max(y0, y1)
        rows = range(int(np.ceil(low_y)), int(np.floor(high_y)) + 1)
        inside = [self.row_spans[r] for r in rows if low_y < r < high_y]
        return all(not (low - self.margin < x < high + self.margin) for low, high in inside)

    def _lane(self, points: list[_Point], index: int, landing: tuple[float, float]) -> float | None:
        """A free column near the vertical part ``index`` of ``points`` (not its first: it
        leaves the bar), keeping the side it turns from the start and enters the end on."""
        first, last, ax = points[0], points[-1], points[index][0]
        ay, by = points[index][1], points[index + 1][1]
        away = 1 if first[0] <= ax else -1
        for step in (1, -1, 2, -2, 3, -3):
            x = ax + step * self.lane * away
            if index + 1 == len(points) - 1 and not landing[0] <= x <= landing[1]:
                continue  # a drop onto the successor's bar stays on it
            if index == 1 and (x - first[0]) * (ax - first[0]) <= 0:
                continue  # it still leaves the bar end on its side
            if index + 2 == len(points) - 1:  # then straight into the successor's side
                into, left = last[0] - ax, last[0] - x
                if into * left <= 0 or abs(left) < 0.4 * abs(into):
                    continue
            if self._clear(x, ay, by) and not self._taken(x, ay, by, first, last):
                return x
        return None

    def place(self, points: list[_Point], landing: tuple[float, float]) -> list[_Point]:
        """``points`` with each vertical part moved off the columns taken, where a lane
        nearby keeps the route's ends and stays clear of the bars; then recorded."""
        points = list(points)
        first, last = points[0], points[-1]
        for index in range(len(points) - 1):
            (ax, ay), (bx, by) = points[index], points[index + 1]
            if ax != bx:
                continue
            if index > 0 and self._taken(ax, ay, by, first, last):
                x = self._lane(points, index, landing)
                if x is not None:
                    points[index], points[index + 1] = (x, ay), (x, by)
            (ax, ay), (bx, by) = points[index], points[index + 1]
            self.used.append((ax, min(ay, by), max(ay, by), first, last))
        return points


def _straight(
    bars: Bars,
    pred: int,
    succ: int,
    ends: tuple[float, int, float, int, float],
    landing: tuple[float, float],
    diamond: float,
    half: float,
) -> list[_Point] | None:
    """Straight down (or up) from a milestone's diamond onto its successor's bar, when the
    link cannot enter the successor from its side; None otherwise."""
    x0, leave, x1, enter, stub = ends
    centre = float(bars.left[pred])
    if (
        bars.milestone[pred]
        and enter * (x0 + leave * stub - x1) < stub / 2
        and landing[0] <= centre <= landing[1]
    ):
        down = 1 if succ > pred else -1
        return [(centre, pred + down * diamond), (centre, succ - down * half)]
    return None
