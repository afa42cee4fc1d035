"""Progress of every goal in a tree, rolled up from the leaves.

A leaf's progress is its ``progress`` (0-1) if given, else its metric's
(current - baseline) / (target - baseline) clipped to 0-1, else its ``status`` (done 1,
otherwise 0). A goal with children takes its progress from them only, by its ``rollup``
(inherited from the parent when absent, default weighted; weights default to 1):

* ``weighted``: sum(weight x progress) / sum(weight) (the plain mean when all weights are 0);
* ``average``: the plain mean, weights ignored;
* ``min``: the least of the children (all are needed: Flying Logic's fuzzy AND);
* ``max``: the greatest (any one suffices: Flying Logic's fuzzy OR).

Its own metric is reported beside it as ``metric_progress``. The walk is iterative (children
after their parent in pre-order, so a reversed pass meets every child before its parent): a
chain of any depth rolls up without recursion.

>>> goal = Goal("Grow", children=(Goal("A", progress=0.2, weight=3), Goal("B", status="done")))
>>> [round(node.progress, 2) for node in rollup(goal)]
[0.4, 0.2, 1.0]
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import numpy as np

from mgmt_tools.locale import _

__all__ = ["Goal", "Metric", "Node", "combine", "metric_progress", "rollup"]


@dataclass(frozen=True)
class Metric:
    """A measure with its baseline, target and current value."""

    target: float
    baseline: float = 0.0
    current: float | None = None
    name: str | None = None
    unit: str | None = None


@dataclass(frozen=True)
class Goal:
    """A goal as read from the input (``rollup`` None: inherited)."""

    name: str
    owner: str | None = None
    start: dt.date | None = None
    due: dt.date | None = None
    weight: float = 1.0
    progress: float | None = None
    status: str | None = None
    metric: Metric | None = None
    rollup: str | None = None
    children: tuple[Goal, ...] = ()


@dataclass
class Node:
    """A goal in the flattened tree (pre-order) with its computed values."""

    index: int
    goal: Goal
    path: str
    depth: int
    parent: int | None
    rollup: str
    start: dt.date | None
    """The goal's start, else its parent's (inherited)."""
    due: dt.date | None
    owner: str | None
    children: list[int] = field(default_factory=list)
    progress: float = 0.0
    source: str = "status"
    """Where the progress comes from: progress, metric, status or children."""
    metric_progress: float | None = None
    track: str | None = None

    @property
    def status(self) -> str:
        """The given status, else done at 100%, in_progress above 0, not_started at 0."""
        if self.goal.status is not None:
            return self.goal.status
        if self.progress >= 1.0:
            return "done"
        return "in_progress" if self.progress > 0.0 else "not_started"


def metric_progress(metric: Metric) -> float | None:
    """(current - baseline) / (target - baseline) clipped to 0-1; None without a current value.

    Works for goals that lower a value too: churn from 8% to 5%, now 6%, is 2/3 done.

    >>> round(metric_progress(Metric(target=5, baseline=8, current=6)) or 0, 4)
    0.6667
    """
    if metric.current is None or metric.target == metric.baseline:
        return None
    share = (metric.current - metric.baseline) / (metric.target - metric.baseline)
    return float(min(1.0, max(0.0, share)))


def combine(rule: str, values: list[float], weights: list[float]) -> float:
    """The children's progress ``values`` rolled up by ``rule``.

    >>> combine("weighted", [0.5, 1.0], [1, 3]), combine("min", [0.5, 1.0], [1, 1])
    (0.875, 0.5)
    """
    array = np.asarray(values, dtype=np.float64)
    if rule == "min":
        return float(array.min())
    if rule == "max":
        return float(array.max())
    if rule == "weighted":
        weight = np.asarray(weights, dtype=np.float64)
        largest = float(weight.max()) if weight.size else 0.0
        if largest > 0:
            if largest < 1e-150:  # tiny weights: scale them up first, or w x p underflows to 0
                weight = weight / largest
            value = float(weight @ array) / float(weight.sum())
            # a weighted mean lies between the least and greatest value; keep rounding there
            return float(min(float(array.max()), max(float(array.min()), value)))
    elif rule != "average":
        raise ValueError(
            _("unknown rollup {rule} (weighted, average, min or max)").format(rule=repr(rule))
        )
    return float(min(1.0, max(0.0, float(array.mean()))))


def flatten(root: Goal, *, default_rollup: str = "weighted") -> list[Node]:
    """The tree in pre-order, with paths, depths and the inherited rollup and start."""
    nodes: list[Node] = []
    stack: list[tuple[Goal, int | None]] = [(root, None)]
    while stack:
        goal, parent = stack.pop()
        up = nodes[parent] if parent is not None else None
        node = Node(
            index=len(nodes),
            goal=goal,
            path=goal.name if up is None else f"{up.path} / {goal.name}",
            depth=0 if up is None else up.depth + 1,
            parent=parent,
            rollup=goal.rollup or (up.rollup if up else default_rollup),
            start=goal.start or (up.start if up else None),
            due=goal.due,
            owner=goal.owner,
        )
        nodes.append(node)
        if up is not None:
            up.children.append(node.index)
        stack.extend((child, node.index) for child in reversed(goal.children))
    return nodes


def rollup(root: Goal) -> list[Node]:
    """Every goal in pre-order with its progress, rolled up from the leaves."""
    nodes = flatten(root)
    for node in reversed(nodes):
        goal = node.goal
        if goal.metric is not None:
            node.metric_progress = metric_progress(goal.metric)
        if node.children:
            node.progress = combine(
                node.rollup,
                [nodes[i].progress for i in node.children],
                [nodes[i].goal.weight for i in node.children],
            )
            node.source = "children"
        elif goal.progress is not None:
            node.progress, node.source = goal.progress, "progress"
        elif node.metric_progress is not None:
            node.progress, node.source = node.metric_progress, "metric"
        else:
            node.progress = 1.0 if goal.status == "done" else 0.0
            node.source = "status"
    return nodes
