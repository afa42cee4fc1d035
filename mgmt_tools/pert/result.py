"""The result of scheduling a plan: arrays of dates and floats, with per-task views on demand."""

from __future__ import annotations

import operator
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, ClassVar

import numpy as np
import numpy.typing as npt

from mgmt_tools._arrays import FloatArray
from mgmt_tools._rows import Row
from mgmt_tools.errors import did_you_mean
from mgmt_tools.locale import _
from mgmt_tools.pert.calendar import WorkCalendar, calendar_of
from mgmt_tools.pert.model import Plan
from mgmt_tools.pert.simulate import Simulation
from mgmt_tools.pert.stats import PertStats
from mgmt_tools.render.display import Displayed

__all__ = ["GroupTimes", "Schedule", "ScheduledGroup", "ScheduledTask"]


@dataclass(frozen=True)
class GroupTimes:
    """Per group, from all the tasks inside it: ES and LS (the earliest), EF and LF (the
    latest), total float (the smallest) and whether any of them is critical."""

    es: FloatArray
    ef: FloatArray
    ls: FloatArray
    lf: FloatArray
    total_float: FloatArray
    critical: npt.NDArray[np.bool_]


@dataclass(frozen=True)
class ScheduledTask(Row):
    """A view of one scheduled task: a row of the JSON ``tasks``, with the same field names.

    ``start_date`` and ``finish_date`` are None (and left out of :meth:`to_dict`) when the
    plan has no start; ``group`` is None when the plan has no groups.
    """

    OPTIONAL: ClassVar[frozenset[str]] = frozenset({"start_date", "finish_date", "group"})

    id: str
    name: str
    duration: float
    es: float
    ef: float
    ls: float
    lf: float
    total_float: float
    free_float: float
    critical: bool
    start_date: str | None = None
    finish_date: str | None = None
    group: str | None = None
    """The ids of the groups around the task, outermost first, joined by " / "."""


@dataclass(frozen=True)
class _GroupedTask(ScheduledTask):
    """A task of a plan with groups: the JSON gives its ``group`` even when it is in none
    (``null``), so :meth:`to_dict` does too."""

    OPTIONAL: ClassVar[frozenset[str]] = frozenset({"start_date", "finish_date"})


@dataclass(frozen=True)
class ScheduledGroup(Row):
    """A row of the JSON ``groups``: a group's times from all the tasks inside it."""

    OPTIONAL: ClassVar[frozenset[str]] = frozenset({"start_date", "finish_date"})

    id: str
    name: str
    group: str | None
    """The ids of the groups around this one, outermost first, joined by " / "."""
    es: float
    ef: float
    ls: float
    lf: float
    total_float: float
    critical: bool
    duration: float
    start_date: str | None = None
    finish_date: str | None = None


@dataclass(frozen=True, eq=False)
class Schedule(Displayed):
    """Early and late dates, floats, critical paths and PERT statistics of a plan.

    Numbers are kept in arrays indexed like ``plan.ids``; :meth:`task` (by id or position),
    :attr:`tasks`, :meth:`group` and :attr:`groups` give typed rows named like the JSON's,
    :meth:`to_dict` the JSON result of ``mgmt pert --json``. Displayed in a notebook by
    :class:`~mgmt_tools.render.display.Displayed`.
    """

    plan: Plan
    es: FloatArray
    ef: FloatArray
    ls: FloatArray
    lf: FloatArray
    total_float: FloatArray
    free_float: FloatArray
    critical: npt.NDArray[np.bool_]
    driving: npt.NDArray[np.bool_]
    """Per link of the plan: its slack at early dates is zero."""
    duration: float
    critical_paths: list[list[str]]
    critical_path_count: int
    pert: PertStats | None = None
    start_date: str | None = None
    finish_date: str | None = None
    start_dates: list[str] | None = None
    finish_dates: list[str] | None = None
    engine: str = "levels"
    warnings: list[str] = field(default_factory=list)
    deadline: float | None = None
    """The deadline as an offset in units (a date deadline converted), if any."""
    simulation: Simulation | None = None

    method = "cpm"

    def task(self, key: int | str) -> ScheduledTask:
        """The view of a task, by id (a ``str``) or by position in input order (an ``int``).

        Raises ``KeyError`` for an unknown id (naming the closest ones) and ``IndexError``
        for a position out of range.

        >>> from mgmt_tools.pert import loads, schedule
        >>> result = schedule(loads("tasks: [{id: Design, duration: 2}, {id: Build, duration: 1}]"))
        >>> result.task("Build").total_float, result.task(0).id
        (1.0, 'Design')
        >>> result.task("Desing")
        Traceback (most recent call last):
        ...
        KeyError: "unknown task 'Desing' (did you mean 'Design'?)"
        """
        index = self._position(key) if isinstance(key, str) else operator.index(key)
        row = _GroupedTask if self.plan.group_ids else ScheduledTask
        return row(
            self.plan.ids[index],
            self.plan.names[index],
            float(self.plan.duration[index]),
            float(self.es[index]),
            float(self.ef[index]),
            float(self.ls[index]),
            float(self.lf[index]),
            float(self.total_float[index]),
            float(self.free_float[index]),
            bool(self.critical[index]),
            self.start_dates[index] if self.start_dates else None,
            self.finish_dates[index] if self.finish_dates else None,
            self.group_path(index) if self.plan.group_ids else None,
        )

    def _position(self, task_id: str) -> int:
        position = self._positions.get(task_id)
        if position is None:
            hint = did_you_mean(task_id, self.plan.ids)
            raise KeyError(_("unknown task '{task}'").format(task=task_id) + hint)
        return position

    @cached_property
    def _positions(self) -> dict[str, int]:
        """Task position by id, built on the first lookup by id (ids are unique)."""
        return {task_id: index for index, task_id in enumerate(self.plan.ids)}

    @property
    def tasks(self) -> list[ScheduledTask]:
        """Views of all tasks in input order (one object per task: mind big plans)."""
        return [self.task(index) for index in range(self.plan.task_count)]

    def to_dict(self) -> dict[str, Any]:
        """The ``--json`` result (docs/formats/pert.md)."""
        plan = self.plan
        data: dict[str, Any] = {
            "command": "pert",
            "method": self.method,
            "project": plan.project,
            "units": plan.units,
            "duration": self.duration,
        }
        if self.start_date is not None:
            data["start_date"] = self.start_date
            data["finish_date"] = self.finish_date
        data["critical_paths"] = self.critical_paths
        data["critical_path_count"] = self.critical_path_count
        columns: dict[str, list[Any]] = {
            "id": plan.ids,
            "name": plan.names,
            "duration": plan.duration.tolist(),
            "es": self.es.tolist(),
            "ef": self.ef.tolist(),
            "ls": self.ls.tolist(),
            "lf": self.lf.tolist(),
            "total_float": self.total_float.tolist(),
            "free_float": self.free_float.tolist(),
            "critical": self.critical.tolist(),
        }
        if self.start_dates is not None and self.finish_dates is not None:
            columns["start_date"] = self.start_dates
            columns["finish_date"] = self.finish_dates
        if plan.group_ids:
            columns["group"] = [self.group_path(task) for task in range(plan.task_count)]
        keys = list(columns)
        data["tasks"] = [
            dict(zip(keys, row, strict=True)) for row in zip(*columns.values(), strict=True)
        ]
        if plan.group_ids:
            data["groups"] = self.group_rows()
        if self.deadline is not None:
            data["deadline"] = self.deadline
        if self.pert is not None:
            data["pert"] = self.pert.to_dict()
        if self.simulation is not None:
            data["simulation"] = self.simulation.to_dict(plan.ids)
        data["warnings"] = self.all_warnings
        return data

    @property
    def all_warnings(self) -> list[str]:
        """The warnings of the schedule and of its simulation, if any."""
        return [*self.warnings, *(self.simulation.warnings if self.simulation else [])]

    def group_path(self, task: int) -> str | None:
        """The ids of the groups containing ``task``, outermost first, joined by " / "."""
        chain = self.plan.groups_of(task)
        return " / ".join(self.plan.group_ids[g] for g in reversed(chain)) if chain else None

    def group_times(self) -> GroupTimes:
        """Per group, from all the tasks inside it: ES and LS (the earliest), EF and LF (the
        latest), total float (the smallest) and whether any of them is critical."""
        plan = self.plan
        count = plan.group_count
        es, ls = np.full(count, np.inf), np.full(count, np.inf)
        ef, lf = np.full(count, -np.inf), np.full(count, -np.inf)
        total_float = np.full(count, np.inf)
        critical = np.zeros(count, dtype=bool)
        if plan.task_group is not None:
            inside = np.flatnonzero(plan.task_group >= 0)
            where = plan.task_group[inside]
            for target, values, ufunc in (
                (es, self.es, np.minimum),
                (ls, self.ls, np.minimum),
                (ef, self.ef, np.maximum),
                (lf, self.lf, np.maximum),
                (total_float, self.total_float, np.minimum),
            ):
                ufunc.at(target, where, values[inside])
            np.logical_or.at(critical, where, self.critical[inside])
        for group in range(count - 1, -1, -1):  # subgroups come after their parents
            parent = int(plan.group_parent[group])
            if parent >= 0:
                es[parent] = min(es[parent], es[group])
                ls[parent] = min(ls[parent], ls[group])
                ef[parent] = max(ef[parent], ef[group])
                lf[parent] = max(lf[parent], lf[group])
                total_float[parent] = min(total_float[parent], total_float[group])
                critical[parent] |= critical[group]
        return GroupTimes(es, ef, ls, lf, total_float, critical)

    @property
    def groups(self) -> list[ScheduledGroup]:
        """The groups with their times, in input order (empty without groups)."""
        return [ScheduledGroup(**row) for row in self.group_rows()]

    def group(self, group_id: str) -> ScheduledGroup:
        """The group ``group_id`` with its times (a ``KeyError`` naming the closest ids when
        there is none)."""
        for row in self.group_rows():
            if row["id"] == group_id:
                return ScheduledGroup(**row)
        hint = did_you_mean(group_id, self.plan.group_ids)
        raise KeyError(_("unknown group '{group}'").format(group=group_id) + hint)

    def group_rows(self) -> list[dict[str, Any]]:
        """The ``groups`` of the JSON result, in input order."""
        plan = self.plan
        times = self.group_times()
        rows = []
        for group in range(plan.group_count):
            parent = int(plan.group_parent[group])
            chain = []
            while parent >= 0:
                chain.append(plan.group_ids[parent])
                parent = int(plan.group_parent[parent])
            row: dict[str, Any] = {
                "id": plan.group_ids[group],
                "name": plan.group_names[group],
                "group": " / ".join(reversed(chain)) or None,
            }
            for key in ("es", "ef", "ls", "lf", "total_float"):
                row[key] = float(getattr(times, key)[group])
            row["critical"] = bool(times.critical[group])
            row["duration"] = row["ef"] - row["es"]
            rows.append(row)
        calendar = calendar_of(plan)
        if self.start_dates is not None and calendar is not None:
            starts = WorkCalendar.iso(calendar.start_dates(times.es, times.ef))
            finishes = WorkCalendar.iso(calendar.finish_dates(times.es, times.ef))
            for row, start, finish in zip(rows, starts, finishes, strict=True):
                row["start_date"], row["finish_date"] = start, finish
        return rows
