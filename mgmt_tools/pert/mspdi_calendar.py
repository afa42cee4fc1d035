"""The project calendar of an MSPDI file: working weekdays and holidays, read and written.

Read: ``Project/CalendarUID`` names the calendar; weekdays it leaves undefined come from its
``BaseCalendarUID`` chain, then from MS Project's default week (Monday to Friday).
Non-working exceptions become holidays, in both forms: ``WeekDay`` with ``DayType`` 0 and a
``TimePeriod`` (Project 2003 and earlier, still written by MPXJ and GanttProject) and
``Exceptions/Exception`` (Project 2007 and later); working exceptions on days off of the week
become extra working days (make-up days, 调休). Recurring exceptions other than daily ones and
alternative work weeks cannot be held by the plan format: they are skipped with a warning.
Written: both exception forms, so old and new readers see them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from typing import Any

from mgmt_tools.locale import _
from mgmt_tools.pert.model import WEEKDAYS
from mgmt_tools.pert.mspdi_format import DAY_CODES, DAY_TYPES, Node, Path, Reader

__all__ = ["MAX_HOLIDAYS", "date_ranges", "read_calendar", "write_calendar"]

MAX_HOLIDAYS = 100_000
"""Holidays read at most (a 100-year exception would be 36,525 of them)."""
MAX_SPAN_DAYS = 36_600
_DEFAULT_WEEK = ["mon", "tue", "wed", "thu", "fri"]
_WORKING_TIMES = (("08:00:00", "12:00:00"), ("13:00:00", "17:00:00"))


def read_calendar(reader: Reader, root: Node) -> dict[str, Any] | None:
    """``{"workdays": [...], "holidays": [...]}`` (and ``"extra_workdays"`` when some day off
    of the week is worked), or None for the default calendar."""
    container = root.find("Calendars")
    calendars: dict[int, Node] = {}
    for node in container.findall("Calendar") if container is not None else []:
        try:
            calendars.setdefault(int(node.value("UID") or ""), node)
        except ValueError:
            continue
    uid = reader.integer(root, "CalendarUID", ("CalendarUID",), None)
    calendar = calendars.get(uid) if uid is not None else None
    if calendar is None:
        if uid is not None and calendars:
            reader.note(
                _(
                    "the project calendar (UID {uid}) is missing: the working week is Monday "
                    "to Friday"
                ).format(uid=uid),
                "project",
            )
        return None
    working: dict[int, bool] = {}
    order: list[int] = []
    holidays: set[dt.date] = set()
    worked: set[dt.date] = set()
    for node in _chain(calendar, calendars):
        path: Path = ("Calendars", f"Calendar[UID={node.value('UID')}]")
        reader.where = _("calendar UID {uid}").format(uid=node.value("UID"))
        weekdays = node.find("WeekDays")
        for index, day in enumerate(weekdays.findall("WeekDay") if weekdays is not None else []):
            here = (*path, "WeekDays", f"WeekDay[{index}]")
            code = reader.integer(day, "DayType", here, None)
            if code == 0:
                _exception(reader, day, here, holidays, worked)
            elif code in DAY_TYPES:
                if code not in working:
                    working[code] = _day_working(day)
                    order.append(code)
            else:
                reader.problem(
                    day,
                    (*here, "DayType"),
                    _(
                        "DayType must be 0 (exception) or 1 (Sunday) to 7 (Saturday), not {code}"
                    ).format(code=code),
                )
        exceptions = node.find("Exceptions")
        for index, item in enumerate(
            exceptions.findall("Exception") if exceptions is not None else []
        ):
            _exception(reader, item, (*path, "Exceptions", f"Exception[{index}]"), holidays, worked)
        work_weeks = node.find("WorkWeeks")
        if work_weeks is not None and work_weeks.findall("WorkWeek"):
            reader.note(_("alternative work weeks (WorkWeeks) are ignored"), "calendar")
    for code in (2, 3, 4, 5, 6, 7, 1):  # days no calendar of the chain defines
        if code not in working:
            working[code] = 2 <= code <= 6
            order.append(code)
    reader.where = _("the project")
    workdays = [DAY_TYPES[code] for code in order if working[code]]
    if not workdays:
        reader.problem(
            calendar,
            ("Calendars", f"Calendar[UID={uid}]", "WeekDays"),
            _("the project calendar has no working day"),
        )
    extra = sorted(day for day in worked - holidays if WEEKDAYS[day.weekday()] not in workdays)
    if workdays == _DEFAULT_WEEK and not holidays and not extra:
        return None
    read: dict[str, Any] = {"workdays": workdays, "holidays": sorted(holidays)}
    if extra:
        read["extra_workdays"] = extra
    return read


def _chain(calendar: Node, calendars: dict[int, Node]) -> list[Node]:
    """The calendar and the base calendars it derives from (a cycle is cut)."""
    chain = [calendar]
    while not _flag(chain[-1], "IsBaseCalendar"):
        try:
            base = calendars.get(int(chain[-1].value("BaseCalendarUID") or ""))
        except ValueError:
            break
        if base is None or base in chain:
            break
        chain.append(base)
    return chain


def _flag(node: Node, tag: str) -> bool:
    return (node.value(tag) or "").lower() in ("1", "true")


def _day_working(node: Node) -> bool:
    text = node.value("DayWorking")
    if text is None:  # not said: working when it has working times
        return node.find("WorkingTimes") is not None
    return text.lower() in ("1", "true")


def _exception(
    reader: Reader, node: Node, path: Path, holidays: set[dt.date], worked: set[dt.date]
) -> None:
    """Add the days of a non-working exception to ``holidays``, of a working one to
    ``worked``."""
    period = node.find("TimePeriod")
    if period is None:
        return
    first = reader.date(period, "FromDate", (*path, "TimePeriod"))
    last = reader.date(period, "ToDate", (*path, "TimePeriod"))
    if first is None or last is None:
        return
    if (period.value("ToDate") or "")[11:19] == "00:00:00" and last > first:
        last -= dt.timedelta(days=1)  # up to midnight: the day before is the last
    if last < first:
        message = _("ToDate {last} is before FromDate {first}").format(last=last, first=first)
        reader.problem(period, (*path, "TimePeriod"), message)
        return
    if node.value("Type") not in (None, "", "1"):
        reader.note(
            _("recurring calendar exceptions (weekly, monthly, yearly) are skipped"), "exception"
        )
        return
    days = worked if _day_working(node) else holidays
    step = max(reader.integer(node, "Period", path, 1) or 1, 1)
    span = (last - first).days
    if _flag(node, "EnteredByOccurrences"):
        span = min(span, step * ((reader.integer(node, "Occurrences", path, 1) or 1) - 1))
    if span > MAX_SPAN_DAYS or len(days) + span // step >= MAX_HOLIDAYS:
        reader.problem(
            period,
            (*path, "TimePeriod"),
            _("the exception spans {days} days, more than can be read").format(days=span + 1),
        )
        return
    days.update(first + dt.timedelta(days=k) for k in range(0, span + 1, step))


def date_ranges(days: Iterable[dt.date]) -> list[tuple[dt.date, dt.date]]:
    """Consecutive runs of ``days`` as (first, last) pairs.

    >>> days = [dt.date(2027, 1, 1), dt.date(2027, 1, 2), dt.date(2027, 1, 5)]
    >>> [(str(first), str(last)) for first, last in date_ranges(days)]
    [('2027-01-01', '2027-01-02'), ('2027-01-05', '2027-01-05')]
    """
    ranges: list[tuple[dt.date, dt.date]] = []
    for day in sorted(set(days)):
        if ranges and day - ranges[-1][1] == dt.timedelta(days=1):
            ranges[-1] = (ranges[-1][0], day)
        else:
            ranges.append((day, day))
    return ranges


def write_calendar(
    open_: Callable[[str], None],
    close: Callable[[str], None],
    element: Callable[[str, object], None],
    workdays: tuple[str, ...],
    holidays: tuple[dt.date, ...],
    extra_workdays: tuple[dt.date, ...] = (),
) -> None:
    """Write the project calendar (UID 1) through the writer's element callbacks.

    Working days come first, in the plan's order (so a round trip keeps it), each with the
    hours 08:00-12:00 and 13:00-17:00; then the other days; then each run of holidays, and of
    extra working days (working exceptions, with those hours), as an old-form exception
    ``WeekDay`` and again as an ``Exception``.
    """
    open_("Calendars")
    open_("Calendar")
    element("UID", 1)
    element("Name", "Standard")
    element("IsBaseCalendar", 1)
    element("BaseCalendarUID", -1)
    open_("WeekDays")
    rest = [
        name for name in ("sun", "mon", "tue", "wed", "thu", "fri", "sat") if name not in workdays
    ]
    for name in (*workdays, *rest):
        open_("WeekDay")
        element("DayType", DAY_CODES[name])
        element("DayWorking", 1 if name in workdays else 0)
        if name in workdays:
            _working_times(open_, close, element)
        close("WeekDay")
    ranges = [(first, last, 0) for first, last in date_ranges(holidays)]
    ranges += [(first, last, 1) for first, last in date_ranges(extra_workdays)]
    ranges.sort()
    for first, last, working in ranges:
        open_("WeekDay")
        element("DayType", 0)
        element("DayWorking", working)
        _time_period(open_, close, element, first, last)
        if working:
            _working_times(open_, close, element)
        close("WeekDay")
    close("WeekDays")
    if ranges:
        open_("Exceptions")
        for first, last, working in ranges:
            open_("Exception")
            element("EnteredByOccurrences", 0)
            _time_period(open_, close, element, first, last)
            element("Occurrences", 1)
            element("Name", "Working day" if working else "Holiday")
            element("Type", 1)
            element("DayWorking", working)
            if working:
                _working_times(open_, close, element)
            close("Exception")
        close("Exceptions")
    close("Calendar")
    close("Calendars")


def _working_times(
    open_: Callable[[str], None],
    close: Callable[[str], None],
    element: Callable[[str, object], None],
) -> None:
    open_("WorkingTimes")
    for start, finish in _WORKING_TIMES:
        open_("WorkingTime")
        element("FromTime", start)
        element("ToTime", finish)
        close("WorkingTime")
    close("WorkingTimes")


def _time_period(
    open_: Callable[[str], None],
    close: Callable[[str], None],
    element: Callable[[str, object], None],
    first: dt.date,
    last: dt.date,
) -> None:
    open_("TimePeriod")
    element("FromDate", f"{first.isoformat()}T00:00:00")
    element("ToDate", f"{last.isoformat()}T23:59:00")
    close("TimePeriod")
