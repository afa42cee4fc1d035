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
from mgmt_tools.locale import N_, _, date_text

__all__ = ["check", "missing_text"]

MEASURABLE = N_("measurable target")
DUE = N_("due date")
OWNER = N_("owner")
DUE_BY = "due by the parent's due date "
"""The JSON's words for what a goal lacks (English in every language; shown translated by
:func:`missing_text`)."""


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
            missing.append(MEASURABLE)
        if due[-1] is None:
            missing.append(DUE)
        if owner[-1] is None:
            missing.append(OWNER)
        if node.due is not None and parent_due is not None and node.due > parent_due:
            missing.append(DUE_BY + parent_due.isoformat())
        if missing:
            issues.append({"path": node.path, "missing": missing})
    return issues


def missing_text(item: str) -> str:
    """What a goal lacks (an item of the JSON's ``missing``), for the reader.

    >>> from mgmt_tools.locale import using
    >>> with using("zh"):
    ...     missing_text("owner"), missing_text("due by the parent's due date 2027-12-31")
    ('负责人', '截止日期不晚于上级目标的截止日期 2027年12月31日')
    """
    if item.startswith(DUE_BY):
        try:
            day = dt.date.fromisoformat(item.removeprefix(DUE_BY))
        except ValueError:
            return item
        return _("due by the parent's due date {date}").format(date=date_text(day))
    return _(item) if item in (MEASURABLE, DUE, OWNER) else item
