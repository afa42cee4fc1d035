"""Check a plan's columns and build the :class:`~mgmt_tools.pert.model.Plan`.

Every input format (YAML, JSON, CSV) ends here, so each rule is written once. The checks are
vectorised over the columns; only the tasks that break a rule are visited one by one, to word
and place their messages. All problems are collected and raised together.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from itertools import chain, repeat
from typing import Any, cast

import numpy as np
import numpy.typing as npt

from mgmt_tools._validation import Locating
from mgmt_tools.errors import InputError, PathPart, Problem, did_you_mean
from mgmt_tools.pert.links import parse_link
from mgmt_tools.pert.model import LinkType, Plan

__all__ = ["Columns", "Meta", "build_plan"]

Path = tuple[PathPart, ...]
LinkEntry = str | tuple[str, str, float]
"""A ``depends_on`` entry: a link string, or ``(task, type, lag)`` from the mapping form."""


@dataclass
class Columns:
    """The task table as read from any format; NaN marks a number that was not given."""

    ids: list[str]
    names: list[str | None]
    duration: npt.NDArray[np.float64]
    optimistic: npt.NDArray[np.float64]
    most_likely: npt.NDArray[np.float64]
    pessimistic: npt.NDArray[np.float64]
    milestone: npt.NDArray[np.bool_]
    depends_on: Sequence[Sequence[LinkEntry]]
    skip: set[int] = field(default_factory=set)
    """Tasks whose duration fields were reported as malformed: their duration rules are not
    checked again (their ids and links still are)."""


@dataclass
class Meta:
    """The plan's top-level settings."""

    project: str | None = None
    units: str = "days"
    start: dt.date | None = None
    workdays: tuple[str, ...] = ("mon", "tue", "wed", "thu", "fri")
    holidays: tuple[dt.date, ...] = ()
    has_calendar: bool = False
    deadline: float | dt.date | None = None


def build_plan(
    columns: Columns, meta: Meta, where: Locating, problems: list[Problem] | None = None
) -> Plan:
    """Check ``columns`` and return the plan; raise :class:`InputError` with every problem.

    ``problems`` are those found earlier (say, by the schema); they are reported together
    with the ones found here.
    """
    problems = list(problems or [])
    if not columns.ids and not problems:
        problems.append(where.problem(("tasks",), "a plan needs at least one task"))
    index = _index_ids(columns, where, problems)
    duration = _durations(columns, where, problems)
    links = _links(columns, index, where, problems)
    _check_meta(meta, where, problems)
    if problems:  # also name the cycles now, rather than after the user fixes the rest
        problems.extend(_cycles(columns, links, where))
        raise InputError(sorted(problems, key=_reading_order))
    ids = columns.ids
    names = [
        name if name is not None else task for task, name in zip(ids, columns.names, strict=True)
    ]
    pred, succ, kind, lag, position = links
    return Plan(
        ids=ids,
        names=names,
        duration=duration,
        optimistic=columns.optimistic,
        most_likely=columns.most_likely,
        pessimistic=columns.pessimistic,
        milestone=columns.milestone | (duration == 0),
        link_pred=pred,
        link_succ=succ,
        link_type=kind,
        link_lag=lag,
        link_position=position,
        project=meta.project,
        units=meta.units,
        start=meta.start,
        workdays=meta.workdays,
        holidays=meta.holidays,
        has_calendar=meta.has_calendar,
        deadline=meta.deadline,
        source=where,
    )


def _cycles(
    columns: Columns, links: tuple[npt.NDArray[Any], ...], where: Locating
) -> list[Problem]:
    from mgmt_tools.pert.cycles import cycle_problems
    from mgmt_tools.pert.passes import sweep

    pred, succ, _, _, position = links
    zeros = np.zeros(len(columns.ids))
    passes = sweep(zeros, pred, succ, np.zeros(len(pred)))
    if passes.acyclic:
        return []
    return cycle_problems(columns.ids, pred, succ, position, passes.order, where)[0]


def _reading_order(problem: Problem) -> tuple[int, int]:
    return (problem.line or 0, problem.column or 0)


def _index_ids(columns: Columns, where: Locating, problems: list[Problem]) -> dict[str, int]:
    ids = columns.ids
    index = dict(zip(ids, range(len(ids)), strict=True))
    if len(index) == len(ids) and "" not in index:
        return index
    index = {}
    for number, task in enumerate(ids):
        if task == "":
            problems.append(where.problem(("tasks", number, "id"), "empty id"))
            continue
        first = index.setdefault(task, number)
        if first != number:
            problems.append(
                where.problem(
                    ("tasks", number, "id"), f"duplicate id '{task}' (first at tasks[{first}])"
                )
            )
    return index


def _durations(
    columns: Columns, where: Locating, problems: list[Problem]
) -> npt.NDArray[np.float64]:
    fixed = columns.duration
    a, m, b = columns.optimistic, columns.most_likely, columns.pessimistic
    has_fixed = ~np.isnan(fixed)
    given = [~np.isnan(a), ~np.isnan(m), ~np.isnan(b)]
    any_estimate = given[0] | given[1] | given[2]
    all_estimates = given[0] & given[1] & given[2]
    with np.errstate(invalid="ignore"):
        rules: list[tuple[npt.NDArray[np.bool_], str, str]] = [
            (
                has_fixed & any_estimate,
                "duration",
                "give either duration or the three estimates (optimistic, most_likely, "
                "pessimistic), not both",
            ),
            (any_estimate & ~all_estimates, "optimistic", "incomplete"),
            (
                ~has_fixed & ~any_estimate & ~columns.milestone,
                "id",
                "no duration: give duration, or optimistic, most_likely and pessimistic "
                "(or milestone: true)",
            ),
            (has_fixed & (fixed < 0), "duration", "negative duration {duration:g}"),
            (all_estimates & (a < 0), "optimistic", "negative estimate: optimistic {a:g}"),
            (
                all_estimates & (a >= 0) & ((a > m) | (m > b)),
                "most_likely",
                "estimates out of order: optimistic {a:g}, most_likely {m:g}, pessimistic "
                "{b:g} (need optimistic <= most_likely <= pessimistic)",
            ),
            (
                columns.milestone & has_fixed & (fixed != 0),
                "milestone",
                "a milestone has duration 0, not {duration:g}",
            ),
            (
                columns.milestone & any_estimate & (np.nan_to_num(b) != 0),
                "milestone",
                "a milestone has duration 0; remove its estimates",
            ),
        ]
    for mask, field_name, message in rules:
        if not mask.any():
            continue
        for number in np.flatnonzero(mask).tolist():
            if number in columns.skip:
                continue
            text = message
            if message == "incomplete":
                missing = [
                    name
                    for name, present in zip(
                        ("optimistic", "most_likely", "pessimistic"), given, strict=True
                    )
                    if not present[number]
                ]
                text = "three-point estimate incomplete: missing " + ", ".join(missing)
            text = text.format(duration=fixed[number], a=a[number], m=m[number], b=b[number])
            problems.append(where.problem(("tasks", number, field_name), text))
    expected = (a + 4 * m + b) / 6
    return np.where(has_fixed, fixed, np.where(all_estimates, expected, 0.0))


LinkArrays = tuple[
    npt.NDArray[np.int64],
    npt.NDArray[np.int64],
    npt.NDArray[np.int8],
    npt.NDArray[np.float64],
    npt.NDArray[np.int64],
]


def _links(
    columns: Columns, index: dict[str, int], where: Locating, problems: list[Problem]
) -> LinkArrays:
    """Resolve every ``depends_on`` entry to (pred, succ, type, lag, position) arrays.

    Bare ids, the common case, are looked up in one C-speed pass over all entries; only the
    others (link strings, mappings, unknown ids) are taken apart one by one.
    """
    counts = np.fromiter(
        map(len, columns.depends_on), dtype=np.int64, count=len(columns.depends_on)
    )
    total = int(counts.sum())
    flat = list(chain.from_iterable(columns.depends_on))
    lookup = cast(Callable[[LinkEntry, int], int], index.get)  # mappings' tuples: -1
    pred = np.fromiter(map(lookup, flat, repeat(-1)), dtype=np.int64, count=total)
    succ = np.repeat(np.arange(len(counts), dtype=np.int64), counts)
    position = np.arange(total, dtype=np.int64) - np.repeat(np.cumsum(counts) - counts, counts)
    kind = np.zeros(total, dtype=np.int8)
    lag = np.zeros(total, dtype=np.float64)
    keep = np.ones(total, dtype=bool)
    for number in np.flatnonzero(pred < 0).tolist():
        entry = flat[number]
        path: Path = ("tasks", int(succ[number]), "depends_on", int(position[number]))
        resolved = _resolve(entry, index, path, where, problems)
        if resolved is None:
            keep[number] = False
        else:
            pred[number], kind[number], lag[number] = resolved
    if not keep.all():
        return pred[keep], succ[keep], kind[keep], lag[keep], position[keep]
    return pred, succ, kind, lag, position


def _resolve(
    entry: LinkEntry,
    index: dict[str, int],
    path: Path,
    where: Locating,
    problems: list[Problem],
) -> tuple[int, int, float] | None:
    """(pred, type, lag) of an entry that is not a bare known id; None after a problem."""
    if isinstance(entry, str):
        parsed = parse_link(entry, index)
        if parsed is None:
            problems.append(where.problem(path, "empty link"))
            return None
        task, link_type, link_lag = parsed.task, parsed.type, parsed.lag
    else:
        task, type_name, link_lag = entry
        link_type = LinkType[type_name]
        path = (*path, "task")
    if not math.isfinite(link_lag):
        shown = f"'{entry}'" if isinstance(entry, str) else str(link_lag)
        problems.append(where.problem(path, f"the lag must be a finite number: {shown}"))
        return None
    found = index.get(task)
    if found is None:
        hint = did_you_mean(task, list(index))
        if isinstance(entry, str) and " " in entry.strip() and not hint.startswith(" (did"):
            hint += (
                " (a link is 'ID' or 'ID TYPE+LAG', TYPE one of FS, SS, FF, SF; "
                "for example 'A FF+2')"
            )
        problems.append(where.problem(path, f"unknown task '{task}'" + hint))
        return None
    return found, int(link_type), float(link_lag)


def _check_meta(meta: Meta, where: Locating, problems: list[Problem]) -> None:
    if meta.start is not None and meta.units != "days":
        problems.append(
            where.problem(
                ("units",),
                f"units must be days when start is set (a calendar counts working "
                f"days), not '{meta.units}'",
            )
        )
    if meta.has_calendar and meta.start is None:
        problems.append(where.problem(("calendar",), "a calendar needs start (a date)"))
    if meta.has_calendar and not meta.workdays:
        problems.append(
            where.problem(("calendar", "workdays"), "the working week has no working day")
        )
    if isinstance(meta.deadline, dt.date):
        if meta.start is None:
            problems.append(where.problem(("deadline",), "a date deadline needs start (a date)"))
        elif meta.deadline < meta.start:
            problems.append(
                where.problem(
                    ("deadline",), f"deadline {meta.deadline} is before start {meta.start}"
                )
            )
