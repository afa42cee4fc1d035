"""Goal trees: progress rolled up from the leaves (weighted, average, min = AND, max = OR),
status against time at a given date, SMART gaps; a top-down diagram, a Mermaid mindmap and a
Markdown checklist.

>>> from mgmt_tools.goals import analyse, loads
>>> result = analyse(loads('''
... goal: Grow deposits
... rollup: min
... children: [{goal: Win clients, progress: 0.4}, {goal: Keep balances, status: done}]
... '''))
>>> result.progress
0.4
"""

from mgmt_tools.goals.io import format_of, from_dict, load, loads
from mgmt_tools.goals.model import GoalModel, GoalsModel, MetricModel
from mgmt_tools.goals.render import render, to_dot, to_mermaid, to_svg
from mgmt_tools.goals.result import GoalsResult, GoalTree, analyse, summary_text, to_markdown
from mgmt_tools.goals.rollup import Goal, Metric, Node, combine, metric_progress, rollup
from mgmt_tools.goals.smart import check
from mgmt_tools.goals.track import elapsed, judge

__all__ = [
    "Goal",
    "GoalModel",
    "GoalTree",
    "GoalsModel",
    "GoalsResult",
    "Metric",
    "MetricModel",
    "Node",
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
    "summary_text",
    "to_dot",
    "to_markdown",
    "to_mermaid",
    "to_svg",
]
