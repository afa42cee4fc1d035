"""Working-day calendars: offsets in working days to dates and back (numpy busday functions).

Working day 0 is the first working day on or after ``start``. A task occupying offsets
[s, s + d) starts on working day floor(s) and finishes on working day ceil(s + d) - 1; a
milestone at offset s is dated working day ceil(s) - 1 (the day its predecessors finish), and
working day 0 at offset 0. A date deadline D is the end of day D: the number of working days
from start up to and including D.

The working days are the days of the working week that are not holidays, and the extra working
days (调休, weekend days worked). numpy's busday functions know a week and holidays only, so with
holidays the working days are listed (busdays or extra days) from working day 0 on as far as
needed, and working day k is the k-th of the list; past :data:`LAST_DATE` (where no holiday or
extra day can be) numpy counts on from the list's end. Counts add the extra days in a range to
numpy's busday count. A named calendar (``base``, :mod:`mgmt_tools.pert.holidays`) adds its days
off and make-up days for the years the dates reach, computed when first needed.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import numpy.typing as npt

from mgmt_tools._arrays import FloatArray
from mgmt_tools._numeric import isclose
from mgmt_tools._validation import locate
from mgmt_tools.errors import InputError
from mgmt_tools.locale import _, date_text
from mgmt_tools.pert.holidays import named
from mgmt_tools.pert.model import WEEKDAYS, Plan

__all__ = [
    "LAST_DATE",
    "WorkCalendar",
    "calendar_conflicts",
    "calendar_of",
    "check_years",
    "whole",
    "with_calendar",
]

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


def _dates(days: Any) -> npt.NDArray[np.datetime64]:
    return np.unique(np.array(sorted(days), dtype="datetime64[D]"))


@dataclass(frozen=True)
class _Days:
    """The resolved calendar over the years ``since`` to ``through`` of its named base."""

    since: int
    through: int
    busdays: np.busdaycalendar
    holidays: npt.NDArray[np.datetime64]
    """Every day off besides the week's (own and the base's), sorted."""
    extras: npt.NDArray[np.datetime64]
    """The extra working days that are not already working days, sorted."""

    def working(self, days: npt.NDArray[np.datetime64]) -> npt.NDArray[np.bool_]:
        """Whether each of ``days`` (within the years covered) is a working day."""
        works: npt.NDArray[np.bool_] = np.is_busday(days, busdaycal=self.busdays)
        if self.extras.size:
            works |= np.isin(days, self.extras)
        return works


@dataclass(frozen=True)
class WorkCalendar:
    """A start date with its working week, holidays, extra working days and named base.

    ``holidays`` and ``extra_workdays`` are the plan's own and win over the base's: a date in
    the plan's ``extra_workdays`` is worked even on the base's holiday, and one in its
    ``holidays`` is off even on the base's make-up day.

    >>> week = ("mon", "tue", "wed", "thu", "fri")
    >>> spring = WorkCalendar(dt.date(2026, 2, 12), week, base="cn")  # a Thursday
    >>> WorkCalendar.iso(spring.day([0, 1, 2, 3, 4]))  # Sat 14 and Sat 28 are worked
    ['2026-02-12', '2026-02-13', '2026-02-14', '2026-02-24', '2026-02-25']
    >>> spring.offset_of(dt.date(2026, 2, 28))  # 12, 13, 14, 24 to 28
    8.0
    """

    start: dt.date
    workdays: tuple[str, ...] = ("mon", "tue", "wed", "thu", "fri")
    holidays: tuple[dt.date, ...] = ()
    extra_workdays: tuple[dt.date, ...] = ()
    base: str | None = None
    _cache: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    @property
    def _mask(self) -> str:
        return "".join("1" if day in self.workdays else "0" for day in WEEKDAYS)

    def _days(self, since: int, through: int) -> _Days:
        """The calendar resolved at least over the years ``since`` to ``through`` (those of
        its base's years; without a base, once for all dates)."""
        days: _Days | None = self._cache.get("days")
        if days is not None and (
            self.base is None or (days.since <= since and days.through >= through)
        ):
            return days
        if days is not None:
            since, through = min(since, days.since), max(through, days.through)
        off: set[dt.date] = set(self.holidays)
        worked: set[dt.date] = set(self.extra_workdays)
        if self.base is not None:
            base_off, base_worked = named(self.base).days(since, through)
            off |= set(base_off) - set(self.extra_workdays)
            worked |= set(base_worked) - set(self.holidays)
        holidays = _dates(off)
        busdays = np.busdaycalendar(weekmask=self._mask, holidays=holidays)
        extras = _dates(worked)
        extras = extras[~np.is_busday(extras, busdaycal=busdays)]
        days = _Days(since, through, busdays, holidays, extras)
        self._cache["days"] = days
        return days

    def _around_start(self) -> _Days:
        return self._days(self.start.year, self.start.year + 1)

    @property
    def first_day(self) -> np.datetime64:
        """Working day 0: the first working day on or after start."""
        first: np.datetime64 | None = self._cache.get("first")
        if first is None:
            days = self._around_start()
            start = np.datetime64(self.start, "D")
            first = np.busday_offset(start, 0, roll="forward", busdaycal=days.busdays)
            index = int(np.searchsorted(days.extras, start))
            if index < days.extras.size and days.extras[index] < first:
                first = days.extras[index]
            self._cache["first"] = first
        return first

    def last_day(self) -> int:
        """The number of the last working day on or before :data:`LAST_DATE` (-1 when
        working day 0 is later): dates past year 9999 cannot be written.

        With a named base, its days off and make-up days count over all the years it covers,
        whatever was computed before (its years end long before 9999, and a plan past them is
        refused: :func:`check_years`).
        """
        days = self._around_start()
        if self.base is not None:
            through = max(named(self.base).years[1], days.through)
            days = self._days(days.since, through)
        return max(int(self._count(LAST_DATE, days)) - 1, -1)

    def day(self, offsets: npt.ArrayLike) -> npt.NDArray[np.datetime64]:
        """The dates of whole working-day numbers."""
        numbers = np.asarray(offsets, dtype=np.int64)
        first = self.first_day
        days = self._around_start()
        if self.base is None and not days.holidays.size and not days.extras.size:
            return np.busday_offset(first, numbers, roll="forward", busdaycal=days.busdays)
        working = self._working(int(numbers.max(initial=0)) + 1)
        if working.size > numbers.max(initial=0):
            return working[numbers]
        # past year 9999: no holiday or extra day there, numpy's week counts on from the list
        done: np.datetime64 = self._cache["done"]
        beyond = np.maximum(numbers - working.size, 0)
        dates = np.busday_offset(done, beyond, roll="forward", busdaycal=days.busdays)
        inside = numbers < working.size
        dates[inside] = working[numbers[inside]]
        return dates

    def _working(self, count: int) -> npt.NDArray[np.datetime64]:
        """The working days from working day 0 on, at least ``count`` of them (all up to
        :data:`LAST_DATE` when there are fewer): numpy's busday_offset looks its holidays up
        one by one, far slower than indexing this list once holidays are many."""
        working: npt.NDArray[np.datetime64] = self._cache.get(
            "working", np.zeros(0, dtype="datetime64[D]")
        )
        done: np.datetime64 = self._cache.get("done", self.first_day)
        limit = np.datetime64(LAST_DATE, "D") + np.timedelta64(1, "D")
        per_week = max(len(set(self.workdays)), 1)
        while working.size < count and done < limit:
            missing = count - working.size
            step = int(missing * 7 / per_week * 1.1) + 31
            end = min(done + np.timedelta64(step, "D"), limit)
            days = self._around_start()
            if self.base is not None:
                last_year = int(str(end - np.timedelta64(1, "D"))[:4])
                days = self._days(days.since, max(last_year, days.through))
            span = np.arange(done, end, dtype="datetime64[D]")
            working = np.concatenate([working, span[days.working(span)]])
            done = end
        self._cache["working"], self._cache["done"] = working, done
        return working

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
        days = self._around_start()
        if self.base is not None:
            days = self._days(min(deadline.year, days.since), max(deadline.year, days.through))
        return self._count(deadline, days)

    def _count(self, deadline: dt.date, days: _Days) -> float:
        """Working days from working day 0 up to and including ``deadline`` (minus those from
        the day after it up to working day 0 when it is earlier), on ``days``."""
        end = np.datetime64(deadline, "D") + np.timedelta64(1, "D")
        first = self.first_day
        low, high = (first, end) if end >= first else (end, first)
        count = np.busday_count(low, high, busdaycal=days.busdays)
        count += np.searchsorted(days.extras, high) - np.searchsorted(days.extras, low)
        return float(count) if end >= first else float(-count)

    def days_off(self, first: dt.date, last: dt.date) -> tuple[list[dt.date], list[dt.date]]:
        """The holidays and the extra working days (those not already working days) from
        ``first`` to ``last``, own and the base's: what a chart or another tool needs to know
        besides the working week."""
        days = self._days(first.year, last.year)
        low, high = np.datetime64(first, "D"), np.datetime64(last, "D")

        def within(values: npt.NDArray[np.datetime64]) -> list[dt.date]:
            return [day.item() for day in values[(values >= low) & (values <= high)]]

        return within(days.holidays), within(days.extras)

    def working(self, days: npt.ArrayLike) -> npt.NDArray[np.bool_]:
        """Whether each of ``days`` is a working day: of the working week and not a holiday,
        or an extra working day (own and the base's).

        >>> week = ("mon", "tue", "wed", "thu", "fri")
        >>> spring = WorkCalendar(dt.date(2026, 2, 12), week, base="cn")
        >>> spring.working(np.arange("2026-02-13", "2026-02-17", dtype="datetime64[D]")).tolist()
        [True, True, False, False]
        """
        dates = np.asarray(days, dtype="datetime64[D]")
        if not dates.size:
            return np.zeros(dates.shape, dtype=bool)
        years = dates.astype("datetime64[Y]").astype(np.int64) + 1970  # past 9999 too
        return self._days(int(years.min()), int(years.max())).working(dates)

    @staticmethod
    def iso(dates: npt.NDArray[np.datetime64]) -> list[str]:
        """ISO 8601 text of each date."""
        return np.datetime_as_string(dates, unit="D").tolist()  # type: ignore[no-any-return]


def calendar_of(plan: Plan) -> WorkCalendar | None:
    """The working calendar of ``plan``, or None when it has no start date."""
    if plan.start is None:
        return None
    return WorkCalendar(
        plan.start, plan.workdays, plan.holidays, plan.extra_workdays, plan.calendar_base
    )


def with_calendar(plan: Plan, start: dt.date | None = None, calendar: str | None = None) -> Plan:
    """``plan`` with the start date and named calendar given on the command line (``--start``,
    ``--calendar``): a CSV or Excel plan has neither; a YAML plan's are replaced. The plan's
    own holidays and make-up days stay.

    Raises :class:`~mgmt_tools.errors.OptionError` when the plan cannot take them: a calendar
    without a start date, a start on a plan whose units are not days.

    >>> from mgmt_tools.pert import from_dict
    >>> plan = with_calendar(from_dict({"tasks": [{"id": "A", "duration": 1}]}),
    ...                      dt.date(2026, 2, 13), "cn")
    >>> plan.start, plan.calendar_base
    (datetime.date(2026, 2, 13), 'cn')
    """
    from mgmt_tools.errors import OptionError

    start = start or plan.start
    if start is None:
        raise OptionError(
            _("--calendar needs a start date: give --start DATE, or start: in the plan")
        )
    if plan.units != "days":
        message = _("--start needs a plan in days (a calendar counts working days), not '{units}'")
        raise OptionError(message.format(units=plan.units))
    return dataclasses.replace(
        plan,
        start=start,
        calendar_base=calendar or plan.calendar_base,
        has_calendar=plan.has_calendar or calendar is not None,
    )


def calendar_conflicts(
    holidays: tuple[dt.date, ...], extra_workdays: tuple[dt.date, ...]
) -> list[tuple[tuple[str | int, ...], str]]:
    """(path under ``calendar``, message) for each extra working day also a holiday."""
    off = set(holidays)
    problems: list[tuple[tuple[str | int, ...], str]] = []
    for index, day in enumerate(extra_workdays):
        if day in off:
            message = _("{date} is both a holiday and an extra working day")
            problems.append((("extra_workdays", index), message.format(date=date_text(day))))
    return problems


def check_years(
    plan: Plan, calendar: WorkCalendar, ef: FloatArray, deadline: object = None
) -> None:
    """Refuse a plan whose dates leave the years its named calendar covers: its start, its
    finish, a date ``deadline``."""
    if calendar.base is None:
        return
    low, high = named(calendar.base).years
    where = plan.source
    fields = {"name": calendar.base, "first": low, "last": high}
    if calendar.start.year < low:
        message = _("calendar {name} covers {first}–{last}; the plan starts in {year}")
        message = message.format(**fields, year=calendar.start.year)
        raise InputError([locate(where, ("calendar",), message)])
    length = float(np.max(ef, initial=0.0))
    finish = calendar.finish_dates(np.zeros(1), np.array([length]))[0].item()
    if finish.year > high:
        message = _(
            "calendar {name} covers {first}–{last}; the plan reaches {year} (finish {date})"
        )
        message = message.format(**fields, year=finish.year, date=date_text(finish))
        raise InputError([locate(where, ("calendar",), message)])
    if isinstance(deadline, dt.date) and not low <= deadline.year <= high:
        message = _("calendar {name} covers {first}–{last}; the deadline {date} is outside them")
        message = message.format(**fields, date=date_text(deadline))
        raise InputError([locate(where, ("deadline",), message)])
