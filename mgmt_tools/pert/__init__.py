"""PERT/CPM scheduling: precedence links of all four types with lags, floats, every critical
path, PERT probabilities, and activity-on-node diagrams.

>>> from mgmt_tools.pert import loads, run
>>> result = run(loads("tasks: [{id: A, duration: 2}, {id: B, duration: 3, depends_on: [A]}]"))
>>> result.duration, result.critical_paths, result.task("A").total_float
(5.0, [['A', 'B']], 0.0)

``run`` is the verb of every method (``schedule`` is its name without the simulation); the
pictures are drawn by :func:`render` (the network; :func:`to_dot`, :func:`to_mermaid` for its
text forms), :func:`gantt_chart` and :func:`risk_chart`.
"""

from mgmt_tools.pert.charts import gantt_chart, gantt_mermaid, risk_chart
from mgmt_tools.pert.export import to_csv
from mgmt_tools.pert.io import dump, from_dict, load, loads
from mgmt_tools.pert.model import Link, LinkType, Plan, PlanModel, Task
from mgmt_tools.pert.mspdi import read_mspdi, to_mspdi
from mgmt_tools.pert.options import parse_deadline
from mgmt_tools.pert.render import render, summary_text, to_dot, to_mermaid, to_svg
from mgmt_tools.pert.result import Schedule, ScheduledGroup, ScheduledTask
from mgmt_tools.pert.schedule import run, schedule
from mgmt_tools.pert.simulate import Simulation, simulate

__all__ = [
    "Link",
    "LinkType",
    "Plan",
    "PlanModel",
    "Schedule",
    "ScheduledGroup",
    "ScheduledTask",
    "Simulation",
    "Task",
    "dump",
    "from_dict",
    "gantt_chart",
    "gantt_mermaid",
    "load",
    "loads",
    "parse_deadline",
    "read_mspdi",
    "render",
    "risk_chart",
    "run",
    "schedule",
    "simulate",
    "summary_text",
    "to_csv",
    "to_dot",
    "to_mermaid",
    "to_mspdi",
    "to_svg",
]
