"""What the boxes of the activity-on-node diagram say and which way the diagram runs.

:func:`figures` writes the numbers of every box (ES, EF, LS, LF as working-day dates when the
plan has a start; durations and floats as numbers) to the precision asked for. By default
(:func:`default_precision`) the precision is decided on every number the diagram shows, so
that the boxes add up: whole numbers when all are whole, else the fewest decimals (up to 2)
that write all of them exactly, else 1; a half is rounded away from zero (2.5 -> 3).

:func:`orientation` picks the direction of ``--rankdir auto`` when Graphviz cannot lay out
both (:func:`mgmt_tools.pert.render.direction` measures them when it can): it estimates both
layouts from the ranks of the network (the longest chain of links before each
task) and the widest rank, with each box's size from its text, and keeps the one that prints
larger when fitted to the smaller of an A4 page (upright or turned) and a 16:9 slide; left to
right, the usual direction of a network, unless top to bottom prints at least 5 % larger.

Examples
--------
>>> from mgmt_tools.pert import loads, schedule
>>> plan = "tasks: [{id: A, duration: 2.5}, {id: B, duration: 3, depends_on: [A]}]"
>>> result = schedule(loads(plan))
>>> figures(result).ef
['2.5', '5.5']
>>> figures(result, 0).ef, orientation(result, result_view(result))
(['3', '6'], 'LR')
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Literal

import numpy as np

from mgmt_tools._numeric import isclose
from mgmt_tools.locale import day_month
from mgmt_tools.pert.calendar import WorkCalendar, calendar_of
from mgmt_tools.pert.result import Schedule
from mgmt_tools.pert.view import MAX_TASKS, View, number, select
from mgmt_tools.render import display_width
from mgmt_tools.render.dot import wrap
from mgmt_tools.render.style import PAGES

__all__ = [
    "NAME_COLUMNS",
    "PREFER_LR",
    "RANKDIRS",
    "Figures",
    "Rankdir",
    "default_precision",
    "figures",
    "name_lines",
    "orientation",
    "print_scale",
    "result_view",
]

Rankdir = Literal["LR", "TB"]
RANKDIRS = ("auto", "LR", "TB")
"""The choices of ``--rankdir``."""

NAME_COLUMNS = 18
"""Width of a box's name, in display columns."""
_NAME_LINES = 4

PREFER_LR = 1.05
"""Top to bottom must print this much larger to be chosen."""
RANKSEP, NODESEP = 0.2, 0.2
"""Inches between ranks and between the boxes of one rank."""
_RANKSEP, _NODESEP = RANKSEP * 72, NODESEP * 72
_COLUMN = 6.2  # points per display column of a name (11 pt)
_SMALL = 5.0  # points per display column of a number (9 pt)


@dataclass(frozen=True)
class Figures:
    """The texts of every box's six numbers, per task, and how numbers are written."""

    decimals: int
    es: list[str]
    ef: list[str]
    ls: list[str]
    lf: list[str]
    duration: list[str]
    total_float: list[str]
    dated: bool

    def number(self, value: float) -> str:
        """A number (a group's float, a lag) to the diagram's precision."""
        return number(float(value), self.decimals)


_MOST_DECIMALS = 2


def default_precision(result: Schedule) -> int:
    """Decimals of the numbers: the fewest (0, 1 or 2) that write exactly every number the
    diagram shows (durations, lags, the project's duration, the floats, and ES/EF/LS/LF
    when they are numbers, not dates), else 1.

    >>> from mgmt_tools.pert import loads, schedule
    >>> lag = "tasks: [{id: A, duration: 2}, {id: B, duration: 3, depends_on: [A FS+0.5]}]"
    >>> default_precision(schedule(loads(lag)))
    1
    >>> quarter = "tasks: [{id: A, duration: 3.25}, {id: B, duration: 2, depends_on: [A]}]"
    >>> default_precision(schedule(loads(quarter)))
    2
    """
    plan = result.plan
    shown = [plan.duration, plan.link_lag, result.total_float, np.atleast_1d(result.duration)]
    if calendar_of(plan) is None:
        shown += [result.es, result.ef, result.ls, result.lf]
    if plan.group_ids:
        times = result.group_times()
        shown.append(times.total_float)
        if calendar_of(plan) is None:
            shown += [times.es, times.ef]
    values = np.concatenate([np.asarray(v, dtype=float).ravel() for v in shown])
    values = values[np.isfinite(values)]
    for decimals in range(_MOST_DECIMALS + 1):
        scaled = values * 10.0**decimals
        if bool(np.all(isclose(scaled, np.round(scaled)))):
            return decimals
    return 1


def figures(result: Schedule, precision: int | None = None) -> Figures:
    """The numbers of the boxes: dates for ES/EF/LS/LF when the plan has a start."""
    decimals = default_precision(result) if precision is None else precision

    def numbers(values: object) -> list[str]:
        return [number(float(v), decimals) for v in np.asarray(values).tolist()]

    plan = result.plan
    calendar = calendar_of(plan)
    if calendar is not None:
        es, ef = dates(calendar, result.es, result.ef)
        ls, lf = dates(calendar, result.ls, result.lf)
    else:
        es, ef, ls, lf = (numbers(v) for v in (result.es, result.ef, result.ls, result.lf))
    return Figures(
        decimals,
        es,
        ef,
        ls,
        lf,
        numbers(plan.duration),
        numbers(result.total_float),
        calendar is not None,
    )


def dates(calendar: WorkCalendar, start: object, finish: object) -> tuple[list[str], list[str]]:
    """Start and finish offsets as the working days they fall on (as the Gantt chart and the
    table date them), written day and month (``1 Mar``, ``3月1日``)."""
    first = np.asarray(start, dtype=float)
    last = np.asarray(finish, dtype=float)

    def text(days: object) -> list[str]:
        days = WorkCalendar.iso(days)  # type: ignore[arg-type]
        return [day_month(dt.date.fromisoformat(day)) for day in days]

    return text(calendar.start_dates(first, last)), text(calendar.finish_dates(first, last))


def result_view(result: Schedule, max_tasks: int = MAX_TASKS) -> View:
    """The tasks and links the diagram draws."""
    return select(result, max_tasks)


_HYPHEN = re.compile(r"(?<=\w)-(?=\w)")
_MARK = "\ue000"  # a private-use character: a break after a hyphen, never in a name


def name_lines(name: str) -> list[str]:
    """A task's name folded to the box (:data:`NAME_COLUMNS`), also after hyphens.

    >>> name_lines("Size the receivables-finance limit")
    ['Size the', 'receivables-', 'finance limit']
    >>> name_lines("产品需求与定价方案和渠道"), name_lines("Kick-off with the client's CFO")
    (['产品需求与定', '价方案和渠道'], ['Kick-off with', "the client's CFO"])
    """
    text = _HYPHEN.sub("-" + _MARK + " ", name.replace(_MARK, ""))
    lines = wrap(text, NAME_COLUMNS, _NAME_LINES)
    if 1 < len(lines) < _NAME_LINES:  # even lines: the narrowest width that needs no more
        used = sum(display_width(line) for line in lines)
        for width in range(-(-used // len(lines)), NAME_COLUMNS):
            even = wrap(text, width, _NAME_LINES)
            if len(even) == len(lines):
                lines = even
                break
    joined = [line.replace(_MARK + " ", "").replace(_MARK, "") for line in lines]
    return [line for line in joined if line] or [""]


def _box_size(result: Schedule, numbers: Figures, task: int) -> tuple[float, float]:
    """Estimated width and height of a task's box, in points."""
    plan = result.plan
    lines = name_lines(plan.names[task])
    name = max(display_width(line) for line in lines) * _COLUMN + 12
    cells = [
        (numbers.es[task], numbers.duration[task], numbers.ef[task]),
        (numbers.ls[task], numbers.total_float[task], numbers.lf[task]),
    ]
    row = max(sum(max(30.0, display_width(t) * _SMALL + 6) for t in c) for c in cells)
    rows = len(lines) + (plan.ids[task] != plan.names[task])
    return max(name, row) + 4, 2 * 18 + rows * 18 + 4


def _ranks(result: Schedule, view: View) -> dict[int, int]:
    """Per drawn task, its rank: the most links on a chain of drawn tasks before it."""
    plan = result.plan
    n = plan.task_count
    first: dict[int, int] = {}
    last: dict[int, int] = {}
    if plan.task_group is not None:
        for task in view.tasks.tolist():
            for group in plan.groups_of(task):
                first.setdefault(group, task)
                last[group] = task
    drawn = set(view.tasks.tolist())
    after: dict[int, list[int]] = {task: [] for task in drawn}
    count = dict.fromkeys(drawn, 0)
    for link in view.links.tolist():
        head, tail = int(plan.link_pred[link]), int(plan.link_succ[link])
        head = last.get(head - n, -1) if head >= n else head
        tail = first.get(tail - n, -1) if tail >= n else tail
        if head in drawn and tail in drawn and head != tail:
            after[head].append(tail)
            count[tail] += 1
    rank = dict.fromkeys(drawn, 0)
    ready = [task for task in drawn if count[task] == 0]
    while ready:
        task = ready.pop()
        for nxt in after[task]:
            rank[nxt] = max(rank[nxt], rank[task] + 1)
            count[nxt] -= 1
            if count[nxt] == 0:
                ready.append(nxt)
    return rank


def estimate(
    result: Schedule, view: View, numbers: Figures, rankdir: Rankdir, heading: tuple[float, float]
) -> tuple[float, float]:
    """The estimated width and height of the diagram, in points, laid out ``rankdir``."""
    rank = _ranks(result, view)
    if not rank:
        return heading
    sizes = {task: _box_size(result, numbers, task) for task in rank}
    along: dict[int, float] = {}  # per rank: the largest extent along the direction of flow
    across: dict[int, float] = {}  # per rank: the boxes side by side
    flow, side = (0, 1) if rankdir == "LR" else (1, 0)
    for task, level in rank.items():
        size = sizes[task]
        along[level] = max(along.get(level, 0.0), size[flow])
        across[level] = across.get(level, -_NODESEP) + size[side] + _NODESEP
    length = sum(along.values()) + _RANKSEP * (len(along) - 1)
    breadth = max(across.values()) * (1.15 if result.plan.group_ids else 1.0)
    width, height = (length, breadth) if rankdir == "LR" else (breadth, length)
    return max(width, heading[0]) + 16, height + heading[1] + 16


def print_scale(width: float, height: float) -> float:
    """The scale the picture prints at on the smaller of A4 (best way up) and a slide."""

    def fit(page: str) -> float:
        return min(PAGES[page].width * 72 / width, PAGES[page].height * 72 / height)

    return min(max(fit("a4"), fit("a4-landscape")), fit("slide"))


def orientation(
    result: Schedule,
    view: View,
    numbers: Figures | None = None,
    rankdir: str = "auto",
    heading: tuple[float, float] = (420.0, 90.0),
) -> Rankdir:
    """``LR`` or ``TB``: ``rankdir`` (any case), or for ``auto`` the direction that prints
    larger (see the module's rule)."""
    chosen = rankdir.upper()
    if chosen in ("LR", "TB"):
        return "LR" if chosen == "LR" else "TB"
    if chosen != "AUTO":
        raise ValueError(f"rankdir must be auto, LR or TB, not {rankdir!r}")
    numbers = numbers or figures(result)
    across = print_scale(*estimate(result, view, numbers, "LR", heading))
    down = print_scale(*estimate(result, view, numbers, "TB", heading))
    return "TB" if down > across * PREFER_LR else "LR"
