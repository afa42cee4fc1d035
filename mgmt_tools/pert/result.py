"""The result of scheduling a plan: arrays of dates and floats, with per-task views on demand."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import numpy.typing as npt

from mgmt_tools.pert.model import Plan
from mgmt_tools.pert.simulate import Simulation
from mgmt_tools.pert.stats import PertStats

__all__ = ["Schedule", "ScheduledTask"]

FloatArray = npt.NDArray[np.float64]


@dataclass(frozen=True)
class ScheduledTask:
    """A view of one scheduled task."""

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


@dataclass(frozen=True, eq=False)
class Schedule:
    """Early and late dates, floats, critical paths and PERT statistics of a plan.

    Numbers are kept in arrays indexed like ``plan.ids``; :meth:`task` and :attr:`tasks`
    give views, :meth:`to_dict` the JSON result of ``mgmt pert --json``.
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

    def task(self, index: int) -> ScheduledTask:
        """The view of task ``index`` (input order)."""
        return ScheduledTask(
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
        )

    @property
    def tasks(self) -> list[ScheduledTask]:
        """Views of all tasks in input order (one object per task: mind big plans)."""
        return [self.task(index) for index in range(self.plan.task_count)]

    def to_dict(self) -> dict[str, Any]:
        """The ``--json`` result (FORMATS.md, pert)."""
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
        keys = list(columns)
        data["tasks"] = [
            dict(zip(keys, row, strict=True)) for row in zip(*columns.values(), strict=True)
        ]
        if self.deadline is not None:
            data["deadline"] = self.deadline
        if self.pert is not None:
            data["pert"] = self.pert.to_dict()
        if self.simulation is not None:
            data["simulation"] = self.simulation.to_dict(plan.ids)
        data["warnings"] = [*self.warnings, *(self.simulation.warnings if self.simulation else [])]
        return data

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict[str, str]:
        """Jupyter display: the network diagram as SVG, or the text table without Graphviz."""
        from mgmt_tools.errors import RenderError
        from mgmt_tools.pert.render import summary_text, to_svg

        bundle = {"text/plain": summary_text(self)}
        with contextlib.suppress(RenderError):  # no Graphviz: the text alone
            bundle["image/svg+xml"] = to_svg(self)
        return bundle
