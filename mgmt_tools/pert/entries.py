"""From validated plan entries (tasks and nested groups) to the columns the checks read.

Groups are flattened: tasks keep their input order, depth first, and each remembers its
innermost group and where it stands in the input (``tasks[0].tasks[2]``), so messages point
into the nesting. When the schema rejected part of the plan, :func:`salvage_entries` keeps
every entry it can, so the other rules are still checked and every problem is reported at once.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import numpy.typing as npt
from pydantic import ValidationError

from mgmt_tools.pert.build import Columns, LinkEntry, Meta, Path
from mgmt_tools.pert.model import CalendarModel, GroupModel, LinkModel, PlanModel, TaskModel

__all__ = ["flatten", "meta_of", "salvage_entries", "salvage_meta"]

Entry = TaskModel | GroupModel


def meta_of(model: PlanModel) -> Meta:
    """The plan's top-level settings."""
    calendar = model.calendar
    base = calendar if isinstance(calendar, str) else calendar.base if calendar else None
    if isinstance(calendar, str):  # a named calendar: ``calendar: cn``
        calendar = CalendarModel(base=calendar)
    return Meta(
        project=model.project,
        units=model.units,
        start=model.start,
        workdays=tuple(calendar.workdays) if calendar else Meta.workdays,
        holidays=tuple(sorted(set(calendar.holidays))) if calendar else (),
        has_calendar=calendar is not None,
        deadline=model.deadline,
        extra_workdays=tuple(calendar.extra_workdays) if calendar else (),
        calendar_base=base,
    )


def salvage_meta(data: dict[str, Any]) -> Meta:
    """The top-level settings when some part of the plan is invalid (those errors are
    reported already): the plan less its tasks and its invalid top-level keys."""
    rest = {key: value for key, value in data.items() if key != "tasks"}
    try:
        return meta_of(PlanModel.model_validate({**rest, "tasks": []}))
    except ValidationError as error:
        bad = {e["loc"][0] for e in error.errors(include_url=False) if e["loc"]}
    try:
        kept = {key: value for key, value in rest.items() if key not in bad}
        return meta_of(PlanModel.model_validate({**kept, "tasks": []}))
    except ValidationError:
        return Meta()


def _links(entries: list[str | LinkModel]) -> list[LinkEntry]:
    return [e if isinstance(e, str) else (e.task, e.type, e.lag) for e in entries]


def flatten(entries: list[Entry], skip: set[int]) -> Columns:
    """The columns of the tasks, depth first; groups recorded beside them."""
    tasks: list[TaskModel] = []
    task_paths: list[Path] = []
    task_group: list[int] = []
    groups: list[GroupModel] = []
    group_paths: list[Path] = []
    group_parent: list[int] = []

    def visit(items: list[Entry], path: Path, parent: int) -> None:
        for number, item in enumerate(items):
            here = (*path, number)
            if isinstance(item, GroupModel):
                groups.append(item)
                group_paths.append(here)
                group_parent.append(parent)
                visit(item.tasks, (*here, "tasks"), len(groups) - 1)
            else:
                tasks.append(item)
                task_paths.append(here)
                task_group.append(parent)

    visit(entries, ("tasks",), -1)
    nan = math.nan

    def numbers(values: list[float | None]) -> npt.NDArray[np.float64]:
        return np.array([nan if v is None else v for v in values], dtype=np.float64)

    nested = bool(groups)
    return Columns(
        ids=[task.id for task in tasks],
        names=[task.name for task in tasks],
        duration=numbers([task.duration for task in tasks]),
        optimistic=numbers([task.optimistic for task in tasks]),
        most_likely=numbers([task.most_likely for task in tasks]),
        pessimistic=numbers([task.pessimistic for task in tasks]),
        milestone=np.array([task.milestone for task in tasks], dtype=bool),
        depends_on=[_links(task.depends_on) for task in tasks],
        skip=skip,
        group_ids=[group.id for group in groups],
        group_names=[group.name for group in groups],
        group_parent=group_parent,
        group_depends_on=[_links(group.depends_on) for group in groups],
        task_group=task_group if nested else None,
        paths=[*task_paths, *group_paths] if nested else None,
    )


def salvage_entries(raw: Any) -> tuple[list[Entry], set[int]]:
    """Every entry, each validated on its own with its invalid parts left out (they are
    reported already), so the remaining rules can still be checked; also the numbers (in
    flattened order) of tasks whose duration fields were left out, to skip their duration
    rules."""
    skip: set[int] = set()
    counter = [0]

    def salvage(items: Any) -> list[Entry]:
        if not isinstance(items, list):
            return []
        kept: list[Entry] = []
        for item in items:
            if isinstance(item, dict) and "tasks" in item:
                kept.append(_salvage_group(item, salvage))
            else:
                task, broken = _salvage_task(item, counter[0])
                if broken:
                    skip.add(counter[0])
                kept.append(task)
                counter[0] += 1
        return kept

    return salvage(raw), skip


def _salvage_group(item: dict[str, Any], salvage: Any) -> GroupModel:
    head = {key: value for key, value in item.items() if key != "tasks"}
    probe = [{"id": "-", "duration": 0}]  # stands in for the tasks, salvaged one by one
    try:
        group = GroupModel.model_validate({**head, "tasks": probe})
    except ValidationError as error:
        bad = [tuple(e["loc"]) for e in error.errors(include_url=False)]
        try:
            group = GroupModel.model_validate({**_without(head, bad), "tasks": probe})
        except ValidationError:
            group = GroupModel.model_construct(
                id=_literal_id(item, "<group>"), name=None, tasks=[], depends_on=[]
            )
    return GroupModel.model_construct(
        id=group.id,
        name=group.name,
        tasks=salvage(item.get("tasks")),
        depends_on=group.depends_on,
    )


def _salvage_task(item: Any, number: int) -> tuple[TaskModel, bool]:
    try:
        return TaskModel.model_validate(item), False
    except ValidationError as error:
        bad = [tuple(e["loc"]) for e in error.errors(include_url=False)]
    cleaned = _without(item, bad) if isinstance(item, dict) else None
    try:
        task = TaskModel.model_validate(cleaned)
        # a misspelt or malformed duration: do not add "no duration" to its message
        return task, any(loc and loc[0] not in ("depends_on", "id") for loc in bad)
    except ValidationError:
        placeholder = TaskModel.model_construct(
            id=_literal_id(item, f"<tasks[{number}]>"),
            name=None,
            duration=0.0,
            optimistic=None,
            most_likely=None,
            pessimistic=None,
            milestone=False,
            depends_on=[],
        )
        return placeholder, True


def _literal_id(item: Any, default: str) -> str:
    task_id = item.get("id") if isinstance(item, dict) else None
    text = getattr(task_id, "text", task_id)
    return str(text) if isinstance(text, str | int | float) else default


def _without(item: dict[str, Any], bad: list[tuple[Any, ...]]) -> dict[str, Any]:
    """``item`` less the keys (or ``depends_on`` entries) that failed validation."""
    drop_keys = {loc[0] for loc in bad if loc and loc[0] != "depends_on"}
    drop_links = {loc[1] for loc in bad if len(loc) > 1 and loc[0] == "depends_on"}
    cleaned = {key: value for key, value in item.items() if key not in drop_keys}
    links = cleaned.get("depends_on")
    if isinstance(links, list):
        cleaned["depends_on"] = [link for n, link in enumerate(links) if n not in drop_links]
    elif "depends_on" in cleaned:
        del cleaned["depends_on"]
    return cleaned
