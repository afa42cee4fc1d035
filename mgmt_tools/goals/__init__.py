"""Goal trees: progress rolled up from the leaves (weighted, average, min = AND, max = OR),
status against time at a given date, SMART gaps; a top-down diagram, a Mermaid mindmap and a
Markdown checklist.

>>> from mgmt_tools.goals import loads, run
>>> result = run(loads('''
... goal: Grow deposits
... rollup: min
... children: [{goal: Win clients, progress: 0.4}, {goal: Keep balances, status: done}]
... '''))
>>> result.progress, result.goal("Win clients").progress
(0.4, 0.4)

``run`` is the verb of every method (``analyse`` is its older name); the diagram is drawn by
:func:`render` (:func:`to_dot`, :func:`to_mermaid` for the text forms).
"""

from mgmt_tools.goals.analysis import analyse, run
from mgmt_tools.goals.io import format_of, from_dict, load, loads
from mgmt_tools.goals.model import GoalModel, GoalsModel, MetricModel
from mgmt_tools.goals.render import render, to_dot, to_mermaid, to_svg
from mgmt_tools.goals.result import (
    GoalRow,
    GoalsResult,
    GoalTree,
    SmartIssue,
    summary_text,
    to_markdown,
)
from mgmt_tools.goals.rollup import Goal, Metric, Node, combine, metric_progress, rollup
from mgmt_tools.goals.smart import check
from mgmt_tools.goals.track import elapsed, judge

__all__ = [
    "Goal",
    "GoalModel",
    "GoalRow",
    "GoalTree",
    "GoalsModel",
    "GoalsResult",
    "Metric",
    "MetricModel",
    "Node",
    "SmartIssue",
    "analyse",
    "check",
    "combine",
    "elapsed",
    "format_of",
    "from_dict",
    "judge",
    "load",
    "loads",
    "metric_progress",
    "render",
    "rollup",
    "run",
    "summary_text",
    "to_dot",
    "to_markdown",
    "to_mermaid",
    "to_svg",
]
