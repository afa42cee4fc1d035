"""The rows a chart of a schedule draws, top down, and the links between them.

Tasks come in input order. In a plan with groups each group has a row of its own, just before its
first task (a summary task, as in MS Project), and every row knows its depth: the number of groups
around it. Above :data:`MAX_ROWS` rows (groups count) a chart draws the critical tasks and then
the first others, each with the groups around it, up to that many rows, and says so in
:attr:`Rows.note`; the numbers in the result stay complete.

A row holds a node, numbered as link ends are: task ``t`` is node ``t``, group ``g`` node
``task_count + g``.

Examples
--------
>>> from mgmt_tools.pert import from_dict, schedule
>>> plan = from_dict({"tasks": [
...     {"id": "K", "duration": 1},
...     {"id": "G", "depends_on": ["K"], "tasks": [{"id": "A", "duration": 2}]}]})
>>> rows = chart_rows(schedule(plan))
>>> rows.nodes.tolist(), rows.depth.tolist(), rows.tasks.tolist(), rows.links.tolist()
([0, 2, 1], [0, 0, 1], [0, 1], [0])
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from mgmt_tools._arrays import BoolArray, IndexArray
from mgmt_tools.locale import _
from mgmt_tools.pert.model import Plan
from mgmt_tools.pert.result import Schedule

__all__ = ["MAX_ROWS", "Rows", "chart_rows"]

MAX_ROWS = 200
"""Rows a Gantt chart draws at most (tasks and groups): the critical tasks first, then the first
others, each with its groups."""


@dataclass(frozen=True)
class Rows:
    """The rows a chart draws (top down), the links between them, why some are missing."""

    nodes: IndexArray
    """Per row: a task (0..n-1) or a group (n + g)."""
    depth: IndexArray
    """Per row: the number of groups around it."""
    links: IndexArray
    """The links of the plan with both ends drawn, in plan order."""
    note: str | None
    task_count: int

    @property
    def tasks(self) -> IndexArray:
        """The tasks drawn, in row order (input order)."""
        return self.nodes[self.nodes < self.task_count]

    @property
    def summary(self) -> BoolArray:
        """Per row: whether it is a group's."""
        return self.nodes >= self.task_count


def chart_rows(result: Schedule, limit: int = MAX_ROWS) -> Rows:
    """The rows of a chart of ``result``: at most ``limit`` of them."""
    plan = result.plan
    if plan.task_group is None or plan.group_count == 0:
        tasks, note = _tasks(result, limit)
        depth = np.zeros(len(tasks), dtype=np.int64)
        return Rows(tasks, depth, _links(plan, tasks), note, plan.task_count)
    chosen, note = _grouped_tasks(result, limit)
    nodes, depth = _nest(plan, chosen)
    return Rows(nodes, depth, _links(plan, nodes), note, plan.task_count)


def _links(plan: Plan, nodes: IndexArray) -> IndexArray:
    drawn = np.zeros(plan.task_count + plan.group_count, dtype=bool)
    drawn[nodes] = True
    return np.flatnonzero(drawn[plan.link_pred] & drawn[plan.link_succ])


def _tasks(result: Schedule, limit: int) -> tuple[IndexArray, str | None]:
    """Without groups: all tasks, or the critical ones and the first others."""
    count = result.plan.task_count
    if count <= limit:
        return np.arange(count), None
    critical = np.flatnonzero(result.critical)
    others = np.flatnonzero(~result.critical)[: max(limit - len(critical), 0)]
    tasks = np.sort(np.concatenate([critical[:limit], others]))
    fields = {"count": f"{count:,}", "critical": f"{len(critical):,}"}
    if len(critical) < limit:
        note = _(
            "{count} tasks: the {critical} critical ones and the first {others} others drawn; "
            "the result has all the numbers"
        ).format(**fields, others=f"{len(others):,}")
    else:
        note = _(
            "{count} tasks: the first {drawn} of the {critical} critical ones drawn; the "
            "result has all the numbers"
        ).format(**fields, drawn=limit)
    return tasks, note


def _grouped_tasks(result: Schedule, limit: int) -> tuple[list[int], str | None]:
    """With groups: the tasks to draw (input order) so that they and their groups fill at most
    ``limit`` rows, critical tasks first."""
    plan = result.plan
    count = plan.task_count
    if count + plan.group_count <= limit:
        return list(range(count)), None
    critical = np.flatnonzero(result.critical)
    candidates = np.concatenate([critical, np.flatnonzero(~result.critical)]).tolist()
    chosen: list[int] = []
    groups: set[int] = set()
    for task in candidates:
        if len(chosen) + len(groups) >= limit:
            break
        new = [group for group in plan.groups_of(task) if group not in groups]
        if len(chosen) + len(groups) + 1 + len(new) <= limit:
            chosen.append(task)
            groups.update(new)
    critical_drawn = int(np.sum(result.critical[chosen]))
    fields = {
        "count": f"{count:,}",
        "critical": f"{len(critical):,}",
        "groups": f"{len(groups):,}",
        "all_groups": f"{plan.group_count:,}",
    }
    if critical_drawn == len(critical):
        note = _(
            "{count} tasks: the {critical} critical ones and the first {others} others drawn "
            "in {groups} of the {all_groups} groups; the result has all the numbers"
        ).format(**fields, others=f"{len(chosen) - critical_drawn:,}")
    else:
        note = _(
            "{count} tasks: the first {drawn} of the {critical} critical ones drawn in "
            "{groups} of the {all_groups} groups; the result has all the numbers"
        ).format(**fields, drawn=f"{critical_drawn:,}")
    return sorted(chosen), note


def _nest(plan: Plan, tasks: list[int]) -> tuple[IndexArray, IndexArray]:
    """Rows for ``tasks`` (input order), each group's row just before its first task."""
    count = plan.task_count
    nodes: list[int] = []
    depth: list[int] = []
    placed = np.zeros(plan.group_count, dtype=bool)
    for task in tasks:
        chain = plan.groups_of(task)  # innermost first
        for level, group in enumerate(reversed(chain)):
            if not placed[group]:
                placed[group] = True
                nodes.append(count + group)
                depth.append(level)
        nodes.append(task)
        depth.append(len(chain))
    return np.array(nodes, dtype=np.int64), np.array(depth, dtype=np.int64)
