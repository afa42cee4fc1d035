"""SMART check of a goal tree: what each goal lacks to be specific, measurable and timed.

The rules:

* **measurable target**: a goal with children is measured by them; a leaf needs a ``metric``
  (which always has a target) or a ``progress`` value. A ``status`` alone is a state, not a
  target, so a leaf with only a status lacks a measurable target.
* **due date** and **owner**: the goal's own, or inherited from the nearest ancestor that has
  one (an action under a dated, owned goal is covered by it).
* **due by the parent's due date**: a child due after its parent's (own or inherited) due date.

>>> from mgmt_tools.goals.rollup import Goal, rollup
>>> for issue in check(rollup(Goal("Grow", owner="Li", children=(Goal("Map", status="done"),)))):
...     print(issue)
{'path': 'Grow', 'missing': ['due date']}
{'path': 'Grow / Map', 'missing': ['measurable target', 'due date']}
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from mgmt_tools.goals.rollup import Node

__all__ = ["check"]


def check(nodes: list[Node]) -> list[dict[str, Any]]:
    """``[{"path", "missing": [...]}]`` for every goal lacking something, in tree order."""
    due: list[dt.date | None] = []
    owner: list[str | None] = []
    issues: list[dict[str, Any]] = []
    for node in nodes:  # pre-order: a parent is met before its children
        up = node.parent
        parent_due = due[up] if up is not None else None
        due.append(node.due or parent_due)
        owner.append(node.owner or (owner[up] if up is not None else None))
        goal = node.goal
        missing = []
        if not node.children and goal.metric is None and goal.progress is None:
            missing.append("measurable target")
        if due[-1] is None:
            missing.append("due date")
        if owner[-1] is None:
            missing.append("owner")
        if node.due is not None and parent_due is not None and node.due > parent_due:
            missing.append(f"due by the parent's due date {parent_due.isoformat()}")
        if missing:
            issues.append({"path": node.path, "missing": missing})
    return issues
