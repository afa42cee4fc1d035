"""Read goal trees (``mgmt goals``) from YAML or JSON, with every problem located.

>>> tree = loads('''
... goal: Grow deposits
... due: 2027-12-31
... children: [{goal: Win clients, metric: {baseline: 0, target: 10, current: 4}}]
... ''')
>>> tree.root.due, tree.root.children[0].metric.target
(datetime.date(2027, 12, 31), 10.0)
"""

from __future__ import annotations

import os
from dataclasses import replace
from typing import Any

from mgmt_tools._files import document_format, load_file, read_document
from mgmt_tools._hints import date_order_warnings
from mgmt_tools._validation import Locating, validate_document
from mgmt_tools._yaml import Locator
from mgmt_tools.errors import PathPart, Problem
from mgmt_tools.goals.model import GoalModel, GoalsModel
from mgmt_tools.goals.result import GoalTree
from mgmt_tools.goals.rollup import Goal, Metric
from mgmt_tools.locale import _

__all__ = ["FORMATS", "format_of", "from_dict", "load", "loads"]

FORMATS = ("yaml", "json")
"""The formats a goal tree is read from."""


format_of = document_format
"""The input format named by a file's suffix (yaml or json)."""


def load(
    path: str | os.PathLike[str], *, fmt: str | None = None, encoding: str | None = None
) -> GoalTree:
    """Read a goal tree file (YAML or JSON; ``-`` for stdin); the format comes from ``fmt``,
    else the suffix, else the content."""
    return load_file(path, loads, FORMATS, fmt=fmt, encoding=encoding)


def loads(text: str, fmt: str = "yaml", *, source: str | None = None) -> GoalTree:
    """Read a goal tree from YAML or JSON text; every problem is reported, located."""
    return read_document(text, fmt, source, _tree, kind="goals")


def from_dict(data: Any, *, source: str | None = None) -> GoalTree:
    """Build a goal tree from a dict shaped like the YAML format (no line numbers)."""
    return _tree(data, Locator(source, {}, []), [])


def _tree(data: Any, where: Locating, problems: list[Problem]) -> GoalTree:
    if isinstance(data, dict):
        problems += _flat_metrics(data, where)
    model = validate_document(
        data,
        where,
        problems,
        GoalsModel,
        shape=_("a goal tree is a mapping with goal and children"),
        polish=_polish,
    )
    warnings = tuple(date_order_warnings(data, where))
    return GoalTree(_goal(model), model.title, model.as_of, load_warnings=warnings)


def _flat_metrics(root: Any, where: Locating) -> list[Problem]:
    """A metric whose target equals its baseline measures nothing (0/0); checked on the raw
    data, so it is reported with every other problem."""
    problems = []
    stack: list[tuple[Any, tuple[PathPart, ...]]] = [(root, ())]
    while stack:
        goal, path = stack.pop()
        if not isinstance(goal, dict):
            continue
        metric = goal.get("metric")
        if isinstance(metric, dict):
            target, baseline = metric.get("target"), metric.get("baseline", 0)
            numbers = all(
                isinstance(v, int | float) and not isinstance(v, bool) for v in (target, baseline)
            )
            if numbers and target == baseline:
                problems.append(
                    where.problem(
                        (*path, "metric", "target"),
                        _(
                            "the target equals the baseline ({baseline}): the metric cannot "
                            "measure progress"
                        ).format(baseline=f"{baseline:g}"),
                    )
                )
        children = goal.get("children")
        if isinstance(children, list):
            stack += [(child, (*path, "children", n)) for n, child in enumerate(children)]
    return problems


_BOUNDS = (
    "Input should be greater than {gt}",
    "Input should be greater than or equal to {ge}",
)
_PROGRESS = (
    *_BOUNDS,
    "Input should be less than {lt}",
    "Input should be less than or equal to {le}",
)
"""pydantic's messages (core's catalog) that :func:`_polish` rewords, in English and the
reader's language."""


def _starts(message: str, templates: tuple[str, ...], english: str) -> bool:
    """Whether ``message`` is one of ``templates`` (by its words before the first field), as
    written in English (any message starting with ``english``) or translated."""
    if message.startswith(english):
        return True
    return any(message.startswith(_(template).split("{", 1)[0]) for template in templates)


def _polish(problem: Problem) -> Problem:
    """Plainer words where pydantic's are generic."""
    path, message = problem.path, problem.message
    marker = next(
        (mark for mark in (", got", _(", got {value}").split("{", 1)[0]) if mark in message), None
    )
    got = message[message.find(marker) :] if marker else ""
    last = path[-1] if path else None
    if last == "weight" and _starts(message, _BOUNDS, "Input should be greater"):
        message = _("a weight cannot be negative") + got
    elif last == "progress" and _starts(message, _PROGRESS, "Input should be"):
        # a negative progress (above 1 is worded by the shared fraction message)
        message = _("progress is a fraction from 0 to 1 (write 0.4 for 40%)") + got
    return replace(problem, message=message)


def _goal(model: GoalModel) -> Goal:
    metric = model.metric
    return Goal(
        name=model.goal,
        owner=model.owner,
        start=model.start,
        due=model.due,
        weight=model.weight,
        progress=model.progress,
        status=model.status,
        metric=None
        if metric is None
        else Metric(metric.target, metric.baseline, metric.current, metric.name, metric.unit),
        rollup=model.rollup,
        children=tuple(_goal(child) for child in model.children),
    )
