"""The time axis the charts of a schedule share: offsets placed on the working calendar (or left
as offsets), and the texts every chart writes about it.

With a ``start`` date the axis shows dates on the working calendar (docs/formats/): a task occupying
working-day offsets [s, s + d) is a bar over whole calendar days, from the start of its start
date to the end of its finish date, and a milestone sits at the end of its day, when its
predecessors finish. Without ``start`` the axis shows the offsets in the plan's units.

Dates are matplotlib date numbers (days since its epoch), computed with numpy alone: importing
this module does not import matplotlib.

Examples
--------
>>> import datetime as dt
>>> from mgmt_tools.pert.calendar import WorkCalendar
>>> timeline = Timeline(WorkCalendar(dt.date(2027, 3, 5), ("mon", "tue", "wed", "thu", "fri"), ()))
>>> [timeline.label(offset) for offset in (0, 1, 1.5, 2)]  # Friday, then Monday
['2027-03-05', '2027-03-05', '2027-03-08', '2027-03-08']
>>> (timeline.end([1]) - timeline.begin([0])).tolist()  # one working day: one calendar day
[1.0]
>>> Timeline(None, "weeks").label(2.5)
'2.5 weeks'
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

from mgmt_tools._arrays import FloatArray
from mgmt_tools.locale import current, day_month
from mgmt_tools.pert.calendar import WorkCalendar, whole
from mgmt_tools.pert.model import WEEKDAYS
from mgmt_tools.pert.result import Schedule
from mgmt_tools.pert.words import date_words, project_words, span_words, unit_name
from mgmt_tools.render import chart_parts as parts
from mgmt_tools.render import charts as ch
from mgmt_tools.render import format_number

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = [
    "Timeline",
    "date_axis",
    "project_name",
    "shade_nonworking",
    "span_text",
    "timeline_of",
    "units",
]

_N = format_number


@dataclass(frozen=True)
class Timeline:
    """Offsets to x: matplotlib date numbers on the working calendar, or the offsets."""

    calendar: WorkCalendar | None
    units: str = ""

    @staticmethod
    def _x(dates: npt.NDArray[np.datetime64]) -> FloatArray:
        """Matplotlib date numbers: days since its epoch (dates are whole days here)."""
        return (dates - parts.epoch()).astype(np.float64)

    def begin(self, offsets: npt.ArrayLike) -> FloatArray:
        """Where work starting at ``offsets`` begins: the start of working day floor(s)."""
        values = np.asarray(offsets, dtype=np.float64)
        if self.calendar is None:
            return values
        return self._x(self.calendar.day(np.floor(whole(values))))

    def end(self, offsets: npt.ArrayLike) -> FloatArray:
        """Where work finishing at ``offsets`` ends: the end of working day ceil(s) - 1, or
        the start of working day 0 at offset 0."""
        values = np.asarray(offsets, dtype=np.float64)
        if self.calendar is None:
            return values
        last = np.ceil(whole(values)) - 1
        x = self._x(self.calendar.day(np.maximum(last, 0))) + 1.0
        return np.where(last < 0, self._x(self.calendar.day([0])), x)

    def label(self, offset: float) -> str:
        """An offset as text: the date of the working day it ends, or the number."""
        if self.calendar is None:
            return f"{_N(offset, 2)} {self.units}".rstrip()
        last = max(float(np.ceil(whole(np.array([offset]))[0])) - 1, 0.0)
        return date_words(str(self.calendar.day([last])[0]))


def timeline_of(result: Schedule) -> Timeline:
    """The time axis of ``result``: on its working calendar when the plan has a start."""
    plan = result.plan
    if plan.start is None:
        return Timeline(None, units(result))
    return Timeline(
        WorkCalendar(
            plan.start, plan.workdays, plan.holidays, plan.extra_workdays, plan.calendar_base
        )
    )


def units(result: Schedule) -> str:
    """The plan's time unit, as chart text on one line."""
    return " ".join(ch.clean(unit_name(result.plan.units)).split())


def span_text(result: Schedule) -> str:
    """The duration of the project, and its dates when it has a start: ``7.5 days, ... to ...``."""
    return span_words(_N(result.duration, 2), units(result), result.start_date, result.finish_date)


def project_name(result: Schedule) -> str:
    """The title of the project, or ``Project``."""
    return ch.clean(project_words(result.plan.project))


def shade_nonworking(axes: Axes, result: Schedule, low: float, high: float) -> int:
    """Shade the non-working days (weekends and holidays) between ``low`` and ``high`` (date
    numbers); returns the number of shaded spans."""
    plan = result.plan
    first, last = int(np.floor(low)), int(np.ceil(high))
    days = parts.epoch() + np.arange(first, last + 1)
    mask = "".join("1" if day in plan.workdays else "0" for day in WEEKDAYS)
    calendar = timeline_of(result).calendar
    off, worked = (
        calendar.days_off(days[0].item(), days[-1].item())
        if calendar is not None
        else (list(plan.holidays), [])
    )
    holidays = np.array(off, dtype="datetime64[D]")
    resting = ~np.is_busday(days, weekmask=mask, holidays=holidays)
    resting &= ~np.isin(days, np.array(worked, dtype="datetime64[D]"))  # make-up days
    return parts.shade_days(axes, first, resting)


def date_axis(axes: Axes, days: float) -> None:
    """The date ticks of :func:`mgmt_tools.render.chart_parts.date_axis`, each day and month
    written in the reader's language (:func:`mgmt_tools.locale.day_month`: ``3月1日``)."""
    parts.date_axis(axes, days)
    if current() == "en":
        return
    from babel.dates import format_skeleton
    from matplotlib import dates as mdates
    from matplotlib.ticker import FuncFormatter

    def tick(value: float, _position: object) -> str:
        day = mdates.num2date(value).date()  # type: ignore[no-untyped-call]
        if days <= 120 or day.day != 1:
            return day_month(day)
        # months apart, as matplotlib's concise dates: the month, the year at its first
        return str(format_skeleton("y" if day.month == 1 else "MMM", day, locale="zh_CN"))

    axes.xaxis.set_major_formatter(FuncFormatter(tick))
