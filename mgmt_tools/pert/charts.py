"""The charts of a schedule, in one place for the CLI: the Gantt chart and the schedule-risk
chart (matplotlib) and the Gantt chart as Mermaid text.

Each lives in a module of its own: :mod:`mgmt_tools.pert.gantt`, :mod:`mgmt_tools.pert.risk`
and :mod:`mgmt_tools.pert.gantt_mermaid`, on the time axis of :mod:`mgmt_tools.pert.timeline`
and the rows of :mod:`mgmt_tools.pert.rows` (:data:`MAX_ROWS`). Importing this module does not
import matplotlib.

Examples
--------
>>> from mgmt_tools.pert import loads, schedule
>>> result = schedule(loads("tasks: [{id: A, duration: 2}]"))
>>> gantt_mermaid(result).splitlines()[-1]
'    A :crit, t0, 0, 2'
"""

from __future__ import annotations

from mgmt_tools.pert.gantt import _gantt_figure as _gantt_figure  # the figures, for tests
from mgmt_tools.pert.gantt import gantt_chart
from mgmt_tools.pert.gantt_mermaid import gantt_mermaid
from mgmt_tools.pert.risk import _risk_figure as _risk_figure
from mgmt_tools.pert.risk import risk_chart
from mgmt_tools.pert.rows import MAX_ROWS

__all__ = ["MAX_ROWS", "gantt_chart", "gantt_mermaid", "risk_chart"]
