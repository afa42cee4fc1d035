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

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

from mgmt_tools._arrays import FloatArray
from mgmt_tools.pert.aon import figures
from mgmt_tools.pert.calendar import WorkCalendar, calendar_of, whole
from mgmt_tools.pert.result import Schedule
from mgmt_tools.pert.words import date_words, project_words, span_words, unit_name
from mgmt_tools.render import chart_dates, format_number
from mgmt_tools.render import charts as ch

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = [
    "Timeline",
    "deadline_text",
    "deadline_x",
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
        return (dates - chart_dates.epoch()).astype(np.float64)

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


def deadline_text(result: Schedule, timeline: Timeline) -> str:
    """The deadline as written in the plan: a date deadline is the date given, even on a
    non-working day (not the working day its offset ends); an offset deadline is the number.
    Empty without a deadline."""
    given = result.plan.deadline
    if isinstance(given, dt.date):
        return date_words(given.isoformat())
    return "" if result.deadline is None else timeline.label(float(result.deadline))


def deadline_x(result: Schedule, timeline: Timeline) -> float | None:
    """Where the deadline's line goes: the end of the date given (a non-working day too), or
    the end of the working day its offset ends."""
    given = result.plan.deadline
    if isinstance(given, dt.date) and timeline.calendar is not None:
        day = np.datetime64(given.isoformat(), "D") - chart_dates.epoch()
        return float(day.astype(np.float64)) + 1.0
    return None if result.deadline is None else float(timeline.end([result.deadline])[0])


def timeline_of(result: Schedule) -> Timeline:
    """The time axis of ``result``: on its working calendar when the plan has a start."""
    calendar = calendar_of(result.plan)
    if calendar is None:
        return Timeline(None, units(result))
    return Timeline(calendar)


def units(result: Schedule) -> str:
    """The plan's time unit, as chart text on one line."""
    return " ".join(ch.clean(unit_name(result.plan.units)).split())


def span_text(result: Schedule) -> str:
    """The duration of the project, and its dates when it has a start: ``7.5 days, ... to ...``;
    the number to the precision of the network's boxes (:func:`~mgmt_tools.pert.aon.figures`)."""
    return span_words(
        figures(result).number(float(result.duration)),
        units(result),
        result.start_date,
        result.finish_date,
    )


def project_name(result: Schedule) -> str:
    """The title of the project, or ``Project``."""
    return ch.clean(project_words(result.plan.project))


def shade_nonworking(axes: Axes, calendar: WorkCalendar, low: float, high: float) -> int:
    """Shade the non-working days of ``calendar`` (weekends and holidays, not the make-up
    days) between ``low`` and ``high`` (date numbers); returns the number of shaded spans."""
    first, last = int(np.floor(low)), int(np.ceil(high))
    days = chart_dates.epoch() + np.arange(first, last + 1)
    return chart_dates.shade_days(axes, first, ~calendar.working(days))
