"""Write a schedule as MSPDI; the conventions are in :mod:`mgmt_tools.pert.mspdi`.

Elements follow the sequences of Microsoft's mspdi_pj12.xsd (Project 2007), which every later
MS Project reads, and nothing newer: ``SaveVersion`` 12.
"""

from __future__ import annotations

import datetime as dt
from fractions import Fraction
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

from mgmt_tools._arrays import FloatArray
from mgmt_tools._numeric import isclose
from mgmt_tools.pert.calendar import WorkCalendar, calendar_of
from mgmt_tools.pert.model import LinkType, Plan
from mgmt_tools.pert.mspdi_calendar import write_calendar
from mgmt_tools.pert.mspdi_format import (
    ESTIMATE_FIELDS,
    ID_ALIAS,
    LINK_CODES,
    MINUTES_PER_DAY,
    NAMESPACE,
    TEXT1,
    format_duration,
    unit_days,
)
from mgmt_tools.render.escape import xml as escape_xml

if TYPE_CHECKING:
    from mgmt_tools.pert.result import Schedule

__all__ = ["UNDATED_START", "write"]

UNDATED_START = dt.date(2001, 1, 1)
"""The Monday that task dates of a plan without a start count from."""
SAVE_VERSION = 12
_ESTIMATE_ALIASES = ("Optimistic duration", "Most likely duration", "Pessimistic duration")
_DAY_SECONDS = MINUTES_PER_DAY * 60
_NOON = _DAY_SECONDS // 2  # four working hours: the lunch break (12:00-13:00) follows


class _Xml:
    """Indented element text, built line by line."""

    def __init__(self) -> None:
        self.lines = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>']
        self.depth = 0

    def open(self, tag: str, attributes: str = "") -> None:
        self.lines.append(f"{'  ' * self.depth}<{tag}{attributes}>")
        self.depth += 1

    def close(self, tag: str) -> None:
        self.depth -= 1
        self.lines.append(f"{'  ' * self.depth}</{tag}>")

    def element(self, tag: str, value: object) -> None:
        # a character XML 1.0 cannot hold becomes U+FFFD: MS Project then shows where it was
        text = escape_xml(value, invalid="\ufffd") if isinstance(value, str) else str(value)
        self.lines.append(f"{'  ' * self.depth}<{tag}>{text}</{tag}>")


def write(result: Schedule) -> str:
    """The MSPDI text of ``result`` (see :func:`mgmt_tools.pert.mspdi.to_mspdi`)."""
    plan = result.plan
    days_per_unit, duration_format = unit_days(plan.units)
    unit_seconds = days_per_unit * _DAY_SECONDS
    order, levels = _outline(plan)
    n = plan.task_count
    node_ids = [plan.node_id(node) for node in order]
    if all(_is_uid(text) for text in node_ids):
        uids = [int(text) for text in node_ids]
        id_field = False
    else:
        uids = list(range(1, len(order) + 1))
        id_field = True
    uid_of = dict(zip(order, uids, strict=True))
    groups = result.group_times() if plan.group_count else None

    def column(task_values: FloatArray, group_values: FloatArray | None) -> FloatArray:
        return np.concatenate(
            [task_values, group_values if group_values is not None else np.zeros(0)]
        )

    es = column(result.es, groups.es if groups else None)
    ef = column(result.ef, groups.ef if groups else None)
    ls = column(result.ls, groups.ls if groups else None)
    lf = column(result.lf, groups.lf if groups else None)
    total_float = column(result.total_float, groups.total_float if groups else None)
    critical = np.concatenate([result.critical, groups.critical if groups else np.zeros(0, bool)])
    calendar = calendar_of(plan) or WorkCalendar(UNDATED_START, plan.workdays)
    scale = float(days_per_unit)
    zero = isclose(ef, es)
    early = _datetimes(calendar, es * scale, ef * scale, zero)
    late = _datetimes(calendar, ls * scale, lf * scale, zero)

    xml = _Xml()
    xml.open("Project", f' xmlns="{NAMESPACE}"')
    xml.element("SaveVersion", SAVE_VERSION)
    if plan.project is not None:
        xml.element("Name", plan.project[:255])
        xml.element("Title", plan.project[:512])
    xml.element("ScheduleFromStart", 1)
    if plan.start is not None:
        xml.element("StartDate", f"{plan.start.isoformat()}T08:00:00")
        xml.element("FinishDate", early[1][int(np.argmax(ef))])
    xml.element("CurrencyCode", "USD")  # required by the schema; no costs are written
    xml.element("CalendarUID", 1)
    xml.element("DefaultStartTime", "08:00:00")
    xml.element("DefaultFinishTime", "17:00:00")
    xml.element("MinutesPerDay", MINUTES_PER_DAY)
    xml.element("MinutesPerWeek", MINUTES_PER_DAY * max(len(plan.workdays), 1))
    xml.element("DaysPerMonth", 20)
    xml.element("DefaultTaskType", 1)  # fixed duration
    xml.element("DurationFormat", duration_format)
    _definitions(xml, id_field, plan.has_estimates)
    holidays, extra_workdays = _days_off(plan, calendar, early[1])
    write_calendar(xml.open, xml.close, xml.element, plan.workdays, holidays, extra_workdays)

    links: dict[int, list[int]] = {}
    for link in range(plan.link_count):
        links.setdefault(int(plan.link_succ[link]), []).append(link)
    xml.open("Tasks")
    for position, node in enumerate(order):
        is_task = node < n
        seconds = Fraction(float(ef[node] - es[node])) * unit_seconds
        xml.open("Task")
        xml.element("UID", uid_of[node])
        xml.element("ID", position + 1)
        name = plan.names[node] if is_task else plan.group_names[node - n]
        xml.element("Name", name[:512])
        xml.element("Type", 1)
        xml.element("OutlineNumber", levels[position][1])
        xml.element("OutlineLevel", levels[position][0])
        xml.element("Start", early[0][node])
        xml.element("Finish", early[1][node])
        xml.element("Duration", format_duration(seconds))
        xml.element("DurationFormat", duration_format)
        xml.element("Estimated", 0)
        xml.element("Milestone", int(is_task and bool(plan.milestone[node])))
        xml.element("Summary", int(not is_task))
        xml.element("Critical", int(critical[node]))
        for tag, value in (
            ("EarlyStart", early[0]),
            ("EarlyFinish", early[1]),
            ("LateStart", late[0]),
            ("LateFinish", late[1]),
        ):
            xml.element(tag, value[node])
        if is_task:
            xml.element("FreeSlack", _tenths(result.free_float[node], unit_seconds))
        xml.element("TotalSlack", _tenths(total_float[node], unit_seconds))
        xml.element("RemainingDuration", format_duration(seconds))
        xml.element("ConstraintType", 0)
        for link in links.get(node, []):
            xml.open("PredecessorLink")
            xml.element("PredecessorUID", uid_of[int(plan.link_pred[link])])
            xml.element("Type", LINK_CODES[LinkType(int(plan.link_type[link])).name])
            xml.element("CrossProject", 0)
            xml.element("LinkLag", _tenths(plan.link_lag[link], unit_seconds))
            xml.element("LagFormat", duration_format)
            xml.close("PredecessorLink")
        if id_field:
            _attribute(xml, TEXT1, node_ids[position])
        if is_task and not np.isnan(plan.optimistic[node]):
            for field_id, values in zip(
                ESTIMATE_FIELDS,
                (plan.optimistic, plan.most_likely, plan.pessimistic),
                strict=True,
            ):
                _attribute(
                    xml,
                    field_id,
                    format_duration(Fraction(float(values[node])) * unit_seconds),
                    duration_format,
                )
        xml.close("Task")
    xml.close("Tasks")
    xml.close("Project")
    return "\n".join(xml.lines) + "\n"


def _is_uid(text: str) -> bool:
    """A positive integer in canonical form that fits MS Project's 32-bit UID."""
    return text.isascii() and text.isdigit() and text[0] != "0" and int(text) < 2**31


def _tenths(value: float, unit_seconds: Fraction) -> int:
    """Tenths of a minute of ``value`` plan units."""
    return round(Fraction(float(value)) * unit_seconds / 6)


def _attribute(xml: _Xml, field_id: int, value: str, duration_format: int | None = None) -> None:
    xml.open("ExtendedAttribute")
    xml.element("FieldID", field_id)
    xml.element("Value", value)
    if duration_format is not None:
        xml.element("DurationFormat", duration_format)
    xml.close("ExtendedAttribute")


def _definitions(xml: _Xml, id_field: bool, estimates: bool) -> None:
    """The custom fields used: Text1 for ids, Duration1..3 for three-point estimates."""
    fields = [(TEXT1, "Text1", ID_ALIAS)] if id_field else []
    if estimates:
        fields += [
            (field_id, f"Duration{number}", alias)
            for number, (field_id, alias) in enumerate(
                zip(ESTIMATE_FIELDS, _ESTIMATE_ALIASES, strict=True), start=1
            )
        ]
    if not fields:
        return
    xml.open("ExtendedAttributes")
    for field_id, field_name, alias in fields:
        xml.open("ExtendedAttribute")
        xml.element("FieldID", field_id)
        xml.element("FieldName", field_name)
        xml.element("Alias", alias)
        xml.close("ExtendedAttribute")
    xml.close("ExtendedAttributes")


def _outline(plan: Plan) -> tuple[list[int], list[tuple[int, str]]]:
    """Tasks and groups (nodes n..) in outline order, each with its level and number."""
    n = plan.task_count
    count = n + plan.group_count
    paths = plan.entry_paths
    if paths is not None and len(paths) == count:
        order = sorted(range(count), key=lambda node: paths[node])
    else:  # each group just before its first task
        order = []
        seen: set[int] = set()
        for task in range(n):
            for group in reversed(plan.groups_of(task)):
                if group not in seen:
                    seen.add(group)
                    order.append(n + group)
            order.append(task)
    levels: list[tuple[int, str]] = []
    counters: list[int] = []
    for node in order:
        if node < n:
            level = 1 + len(plan.groups_of(node))
        else:
            level, parent = 1, int(plan.group_parent[node - n])
            while parent >= 0:
                level, parent = level + 1, int(plan.group_parent[parent])
        del counters[level:]
        counters.extend([0] * (level - len(counters)))
        counters[level - 1] += 1
        levels.append((level, ".".join(map(str, counters))))
    return order, levels


def _days_off(
    plan: Plan, calendar: WorkCalendar, finishes: list[str]
) -> tuple[tuple[dt.date, ...], tuple[dt.date, ...]]:
    """The holidays and extra working days to write: the plan's own, and with a named calendar
    (which MS Project does not know) the base's from the start to the last finish."""
    if plan.start is None:
        return (), ()
    if plan.calendar_base is None:
        return plan.holidays, plan.extra_workdays
    last = max(plan.start, dt.date.fromisoformat(max(finishes, default="0001-01-01")[:10]))
    holidays, extra = calendar.days_off(plan.start, last)
    return (
        tuple(sorted({*plan.holidays, *holidays})),
        tuple(sorted({*plan.extra_workdays, *extra})),
    )


def _datetimes(
    calendar: WorkCalendar, start: FloatArray, finish: FloatArray, zero: npt.NDArray[np.bool_]
) -> tuple[list[str], list[str]]:
    """Start and finish date-times of offsets in working days (docs/formats/pert.md, calendar), with
    the time of day on 08:00-12:00, 13:00-17:00: a start at offset s is floor(s) plus the
    working time into that day; a finish at a whole offset f ends day f - 1 at 17:00. A
    zero-length task (a milestone) is dated at its finish, or at 08:00 of day 0."""
    starts = _clock(calendar, start, finishing=zero)
    finishes = _clock(calendar, finish, finishing=np.ones_like(zero))
    return starts, finishes


def _clock(
    calendar: WorkCalendar, offsets: FloatArray, finishing: npt.NDArray[np.bool_]
) -> list[str]:
    seconds = np.round(np.maximum(offsets, 0) * _DAY_SECONDS).astype(np.int64)
    day, into = np.divmod(seconds, _DAY_SECONDS)
    whole_end = finishing & (into == 0) & (day > 0)  # the end of the day before
    day = np.where(whole_end, day - 1, day)
    into = np.where(whole_end, _DAY_SECONDS, into)
    morning = (into < _NOON) | (finishing & (into == _NOON))
    clock = np.where(morning, 8 * 3600 + into, 13 * 3600 + into - _NOON)
    dates = WorkCalendar.iso(calendar.day(day))
    return [
        f"{date}T{int(c) // 3600:02d}:{int(c) // 60 % 60:02d}:{int(c) % 60:02d}"
        for date, c in zip(dates, clock.tolist(), strict=True)
    ]
