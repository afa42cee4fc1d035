"""Working-day calendars: offsets in working days to dates and back (numpy busday functions).

Working day 0 is the first working day on or after ``start``. A task occupying offsets
[s, s + d) starts on working day floor(s) and finishes on working day ceil(s + d) - 1; a
milestone at offset s is dated working day ceil(s) - 1 (the day its predecessors finish), and
working day 0 at offset 0. A date deadline D is the end of day D: the number of working days
from start up to and including D.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from mgmt_tools._arrays import FloatArray
from mgmt_tools._numeric import isclose
from mgmt_tools.pert.model import WEEKDAYS

__all__ = ["LAST_DATE", "WorkCalendar", "whole"]

LAST_DATE = dt.date.max
"""The last date a plan may reach (9999-12-31): ISO 8601 dates, Python's and the spreadsheets'
end there."""


def whole(values: FloatArray) -> FloatArray:
    """Values within the comparison tolerance of an integer, rounded to it (docs/formats/).

    >>> whole(np.array([2.0000000000001, 2.5])).tolist()
    [2.0, 2.5]
    """
    nearest = np.round(values)
    return np.where(isclose(values, nearest), nearest, values)


@dataclass(frozen=True)
class WorkCalendar:
    """A start date with its working week and holidays."""

    start: dt.date
    workdays: tuple[str, ...] = ("mon", "tue", "wed", "thu", "fri")
    holidays: tuple[dt.date, ...] = ()

    @property
    def _mask(self) -> str:
        return "".join("1" if day in self.workdays else "0" for day in WEEKDAYS)

    @property
    def _holidays(self) -> npt.NDArray[np.datetime64]:
        return np.array(self.holidays, dtype="datetime64[D]")

    @property
    def first_day(self) -> np.datetime64:
        """Working day 0: the first working day on or after start."""
        return np.busday_offset(
            np.datetime64(self.start, "D"),
            0,
            roll="forward",
            weekmask=self._mask,
            holidays=self._holidays,
        )

    def last_day(self) -> int:
        """The number of the last working day on or before :data:`LAST_DATE` (-1 when
        working day 0 is later): dates past year 9999 cannot be written."""
        return max(int(self.offset_of(LAST_DATE)) - 1, -1)

    def day(self, offsets: npt.ArrayLike) -> npt.NDArray[np.datetime64]:
        """The dates of whole working-day numbers."""
        return np.busday_offset(
            self.first_day,
            np.asarray(offsets, dtype=np.int64),
            roll="forward",
            weekmask=self._mask,
            holidays=self._holidays,
        )

    def start_dates(self, es: FloatArray, ef: FloatArray) -> npt.NDArray[np.datetime64]:
        """Start dates: working day floor(es); a milestone (ef equal to es within the
        tolerance) is dated one day, the day of its finish (ceil(es) - 1, working day 0 at
        offset 0)."""
        snapped = whole(es)
        milestone_day = np.maximum(np.ceil(snapped) - 1, 0)
        return self.day(np.where(isclose(ef, es), milestone_day, np.floor(snapped)))

    def finish_dates(self, es: FloatArray, ef: FloatArray) -> npt.NDArray[np.datetime64]:
        """Finish dates: working day ceil(ef) - 1; milestones (ef equal to es within the
        tolerance) ceil(es) - 1, and working day 0 at offset 0."""
        last = np.ceil(whole(np.where(isclose(ef, es), es, ef))) - 1
        return self.day(np.maximum(last, 0))

    def offset_of(self, deadline: dt.date) -> float:
        """A date deadline as an offset: working days from start up to and including it.

        A deadline before working day 0 is minus the working days from the day after it up to
        working day 0, so every day between the last working day before the start and the
        start gives 0 (numpy's count with its bounds reversed would count working day 0 and
        not the day after the deadline).
        """
        end = np.datetime64(deadline, "D") + np.timedelta64(1, "D")
        first = self.first_day
        if end >= first:
            count = np.busday_count(first, end, weekmask=self._mask, holidays=self._holidays)
            return float(count)
        count = np.busday_count(end, first, weekmask=self._mask, holidays=self._holidays)
        return float(-count)

    @staticmethod
    def iso(dates: npt.NDArray[np.datetime64]) -> list[str]:
        """ISO 8601 text of each date."""
        return np.datetime_as_string(dates, unit="D").tolist()  # type: ignore[no-any-return]
