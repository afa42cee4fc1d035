"""PERT/CPM scheduling: precedence links of all four types with lags, floats, every critical
path, PERT probabilities, and activity-on-node diagrams.

>>> from mgmt_tools.pert import loads, schedule
>>> result = schedule(loads("tasks: [{id: A, duration: 2}, {id: B, duration: 3, depends_on: [A]}]"))
>>> result.duration, result.critical_paths
(5.0, [['A', 'B']])
"""

from mgmt_tools.pert.io import dump, from_dict, load, loads
from mgmt_tools.pert.model import Link, LinkType, Plan, PlanModel, Task
from mgmt_tools.pert.mspdi import read_mspdi, to_mspdi
from mgmt_tools.pert.render import summary_text, to_dot, to_mermaid, to_svg
from mgmt_tools.pert.result import Schedule, ScheduledTask
from mgmt_tools.pert.schedule import schedule
from mgmt_tools.pert.simulate import Simulation, simulate

__all__ = [
    "Link",
    "LinkType",
    "Plan",
    "PlanModel",
    "Schedule",
    "ScheduledTask",
    "Simulation",
    "Task",
    "dump",
    "from_dict",
    "load",
    "loads",
    "read_mspdi",
    "schedule",
    "simulate",
    "summary_text",
    "to_dot",
    "to_mermaid",
    "to_mspdi",
    "to_svg",
]
