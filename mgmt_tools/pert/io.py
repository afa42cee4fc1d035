"""Read plans from YAML, JSON and CSV, and write them back.

>>> plan = loads("tasks:\\n  - {id: A, duration: 3}\\n  - {id: B, duration: 2, depends_on: [A]}")
>>> plan.ids, plan.link(0)
(['A', 'B'], Link(predecessor='A', successor='B', type=<LinkType.FS: 0>, lag=0.0))
>>> loads(dump(plan)) == plan
True
"""

from __future__ import annotations

import dataclasses
import math
import os
from collections.abc import Sequence
from typing import Any

import numpy as np
import numpy.typing as npt
import yaml
from pydantic import ValidationError

from mgmt_tools._csv import CsvLocator, Table, read_table
from mgmt_tools._fields import LARGEST, NO_VISIBLE_CHARACTERS, only_control_characters
from mgmt_tools._files import TEXT_SUFFIXES, format_by_suffix, load_file
from mgmt_tools._gc import paused
from mgmt_tools._hints import size_problems
from mgmt_tools._json import json_text
from mgmt_tools._validation import Locating, problems_from
from mgmt_tools._yaml import LazyLocator, Locator, load_text
from mgmt_tools.errors import InputError, Problem, did_you_mean
from mgmt_tools.locale import _
from mgmt_tools.pert.build import Columns, LinkEntry, Meta, build_plan
from mgmt_tools.pert.entries import flatten, meta_of, salvage_entries, salvage_meta
from mgmt_tools.pert.links import format_link, has_repeated_links, parse_link
from mgmt_tools.pert.model import LinkType, Plan, PlanModel
from mgmt_tools.pert.repeats import duplicate_link_warnings

__all__ = ["CSV_COLUMNS", "FORMATS", "dump", "format_of", "from_dict", "load", "loads"]

CSV_COLUMNS = (
    "id",
    "name",
    "duration",
    "optimistic",
    "most_likely",
    "pessimistic",
    "depends_on",
    "milestone",
)
FORMATS = ("yaml", "json", "csv", "mspdi")
"""The formats a plan is read from."""
_SUFFIXES = {**TEXT_SUFFIXES, ".csv": "csv", ".xml": "mspdi"}


def format_of(path: str | os.PathLike[str], default: str = "yaml") -> str:
    """The input format named by a file's suffix (yaml, json, csv or mspdi for .xml)."""
    return format_by_suffix(path, _SUFFIXES, default)


def load(
    path: str | os.PathLike[str], *, fmt: str | None = None, encoding: str | None = None
) -> Plan:
    """Read a plan file (``-`` for stdin); the format comes from ``fmt``, else the suffix,
    else the content."""
    return load_file(path, loads, FORMATS, fmt=fmt, encoding=encoding)


def loads(text: str, fmt: str = "yaml", *, source: str | None = None) -> Plan:
    """Read a plan from text in ``fmt`` (yaml, json, csv, or mspdi: MS Project XML)."""
    if fmt not in FORMATS:
        raise ValueError(
            _("unknown plan format {format} (yaml, json, csv or mspdi)").format(format=repr(fmt))
        )
    with paused():
        if fmt == "csv":
            return _from_table(read_table(text, source), source)
        if fmt == "mspdi":
            from mgmt_tools.pert.mspdi import read_mspdi

            data, warnings = read_mspdi(text, source)
            plan = _from_data(data, Locator(source, {}, []))
            return dataclasses.replace(plan, load_warnings=(*warnings, *plan.load_warnings))
        duplicates: list[Problem] = []
        data = load_text(text, fmt, source, duplicates)
        return _from_data(data, LazyLocator(text, fmt, source), duplicates)


def from_dict(data: Any, *, source: str | None = None) -> Plan:
    """Build a plan from a dict shaped like the YAML format (messages carry no line)."""
    return _from_data(data, Locator(source, {}, []))


# --- YAML and JSON --------------------------------------------------------------------------


def _from_data(data: Any, where: Locating, problems: list[Problem] | None = None) -> Plan:
    problems = list(problems or [])
    if not isinstance(data, dict):
        problems.append(where.problem((), _("a plan is a mapping with a 'tasks' list")))
        raise InputError(problems)
    try:
        model = PlanModel.model_validate(data)
    except ValidationError as error:
        problems += problems_from(error, PlanModel, data, where)
        entries, skip = salvage_entries(data.get("tasks"))
        return build_plan(flatten(entries, skip), salvage_meta(data), where, problems)
    plan = build_plan(flatten(model.tasks, set()), meta_of(model), where, problems)
    if not has_repeated_links(plan):  # the usual case: no need to read every link again
        return plan
    warnings = duplicate_link_warnings(data, where)
    return dataclasses.replace(plan, load_warnings=tuple(warnings)) if warnings else plan


# --- CSV ------------------------------------------------------------------------------------

_TRUE = {"true", "yes", "1", "x"}
_FALSE = {"false", "no", "0", ""}


def _from_table(table: Table, source: str | None) -> Plan:
    where = CsvLocator(table, source, "tasks")
    problems: list[Problem] = []
    for name in table.header:
        if name not in CSV_COLUMNS:
            problems.append(
                where.problem(
                    (name,),
                    _("unknown column '{column}'").format(column=name)
                    + did_you_mean(name, list(CSV_COLUMNS)),
                )
            )
        elif table.header.count(name) > 1:
            message = _("column '{column}' appears twice").format(column=name)
            problems.append(where.problem((name,), message))
    if "id" not in table.header:
        problems.append(
            Problem(
                _("missing column 'id' (columns: {columns})").format(
                    columns=", ".join(table.header)
                ),
                (),
                source,
                1,
            )
        )
        raise InputError(problems)
    count = len(table.rows)
    has = set(table.header)
    ids = [cell.strip() for cell in table.column("id")]
    names: list[str | None] = [None] * count
    if "name" in has:
        names = [cell.strip() or None for cell in table.column("name")]
        problems += _invisible(names, "name", where)
    problems += _invisible(ids, "id", where)
    skip: set[int] = set()  # rows with a malformed number: their duration rules wait
    if not has & {"duration", "optimistic", "most_likely", "pessimistic", "milestone"}:
        if not problems:  # else a misspelt column was reported: no need to repeat it per row
            problems.append(
                where.problem(
                    ("duration",),
                    _(
                        "no duration column: give duration, or optimistic, most_likely and "
                        "pessimistic"
                    ),
                )
            )
        skip = set(range(count))
    numbers = {
        name: _numbers(table, name, where, problems, skip)
        if name in has
        else np.full(count, np.nan)
        for name in ("duration", "optimistic", "most_likely", "pessimistic")
    }
    milestone = np.zeros(count, dtype=bool)
    if "milestone" in has:
        for row, cell in enumerate(table.column("milestone")):
            word = cell.strip().lower()
            if word in _TRUE:
                milestone[row] = True
            elif word not in _FALSE:
                problems.append(
                    where.problem(
                        ("tasks", row, "milestone"),
                        _("not true or false: '{value}'").format(value=cell),
                    )
                )
    depends_on: list[list[LinkEntry]] = (
        _split_links(table.column("depends_on"))
        if "depends_on" in has
        else [[] for _ in range(count)]
    )
    columns = Columns(
        ids,
        names,
        numbers["duration"],
        numbers["optimistic"],
        numbers["most_likely"],
        numbers["pessimistic"],
        milestone,
        depends_on,
        skip,
    )
    return build_plan(columns, Meta(), where, problems)


def _invisible(cells: Sequence[str | None], column: str, where: CsvLocator) -> list[Problem]:
    """A problem for each cell made only of control characters (the YAML path refuses them
    in the input model). Text that is all printable has none: one C-level test of the joined
    column keeps the usual case fast."""
    if " ".join(filter(None, cells)).isprintable():
        return []
    return [
        where.problem(
            ("tasks", row, column),
            _("{problem}, got {value}").format(problem=_(NO_VISIBLE_CHARACTERS), value=repr(cell)),
        )
        for row, cell in enumerate(cells)
        if cell and only_control_characters(cell)
    ]


def _split_links(cells: list[str]) -> list[list[LinkEntry]]:
    """The ``;``-separated links of each CSV cell; blank parts are skipped, parts stripped."""
    joined = "\n".join(cells)
    tidy = not any(mark in joined for mark in (" ", "\t", ";;", ";\n", "\n;")) and not (
        joined.startswith(";") or joined.endswith(";")
    )
    if tidy:  # the common case: "A;B;C" with nothing to strip or skip
        return [cell.split(";") if cell else [] for cell in cells]  # type: ignore[misc]
    return [[part.strip() for part in cell.split(";") if part.strip()] for cell in cells]


def _numbers(
    table: Table, name: str, where: CsvLocator, problems: list[Problem], bad_rows: set[int]
) -> npt.NDArray[np.float64]:
    cells = table.column(name)
    try:
        values = np.array([cell or "nan" for cell in cells], dtype=np.float64)
    except ValueError:
        values = np.array([_number_or_nan(cell) for cell in cells], dtype=np.float64)
    bad = ~np.isfinite(values)
    if bad.any():
        for row in np.flatnonzero(bad).tolist():
            if cells[row].strip():
                bad_rows.add(row)
                message = _("not a number: '{value}'").format(value=cells[row])
                problems.append(where.problem(("tasks", row, name), message))
        values[bad] = np.nan
    # finite but too large to add up: refused like a malformed number, located at its cell
    huge = size_problems(values, lambda row: ("tasks", row, name), where, cells)
    if huge:
        rows = np.flatnonzero(np.abs(values) > LARGEST).tolist()  # NaN (reported) is not
        bad_rows.update(rows)
        problems += huge
        values[rows] = np.nan
    return values


def _number_or_nan(cell: str) -> float:
    try:
        return float(cell)
    except ValueError:
        return math.inf  # flagged as not a number by the caller, unless the cell is blank


# --- Writing --------------------------------------------------------------------------------


def dump(plan: Plan, fmt: str = "yaml") -> str:
    """Write ``plan`` as YAML or JSON that :func:`loads` reads back to an equal plan."""
    data = _to_data(plan)
    if fmt == "json":
        return json_text(data, compact=False)
    if fmt != "yaml":
        raise ValueError(
            _("cannot write a plan as {format} (yaml or json)").format(format=repr(fmt))
        )
    return str(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100))


def _calendar_data(plan: Plan) -> str | dict[str, Any]:
    """The plan's calendar: its name alone (``calendar: cn``) when that is all it says."""
    own = plan.holidays or plan.extra_workdays or plan.workdays != Plan.workdays
    if plan.calendar_base is not None and not own:
        return plan.calendar_base
    data: dict[str, Any] = {} if plan.calendar_base is None else {"base": plan.calendar_base}
    data["workdays"] = list(plan.workdays)
    data["holidays"] = [day.isoformat() for day in plan.holidays]
    if plan.extra_workdays:
        data["extra_workdays"] = [day.isoformat() for day in plan.extra_workdays]
    return data


def _to_data(plan: Plan) -> dict[str, Any]:
    data: dict[str, Any] = {}
    if plan.project is not None:
        data["project"] = plan.project
    data["units"] = plan.units
    if plan.start is not None:
        data["start"] = plan.start.isoformat()
    if plan.has_calendar:
        data["calendar"] = _calendar_data(plan)
    if plan.deadline is not None:
        deadline = plan.deadline
        data["deadline"] = deadline if isinstance(deadline, float) else deadline.isoformat()
    known = {node: number for number, node in enumerate([*plan.ids, *plan.group_ids])}
    links: list[list[Any]] = [[] for _ in known]
    for number in range(plan.link_count):
        link = plan.link(number)
        text = format_link(link.predecessor, link.type, link.lag)
        parsed = parse_link(text, known)
        same = parsed is not None and (parsed.task, parsed.type, parsed.lag) == (
            link.predecessor,
            link.type,
            link.lag,
        )
        links[int(plan.link_succ[number])].append(
            text
            if same
            else {"task": link.predecessor, "type": LinkType(link.type).name, "lag": link.lag}
        )
    items: list[dict[str, Any]] = []
    for number, task in enumerate(plan.tasks):
        item: dict[str, Any] = {"id": task.id}
        if task.name != task.id:
            item["name"] = task.name
        if task.optimistic is not None:
            item.update(
                optimistic=task.optimistic,
                most_likely=task.most_likely,
                pessimistic=task.pessimistic,
            )
        else:
            item["duration"] = task.duration
        if links[number]:
            item["depends_on"] = links[number]
        items.append(item)
    data["tasks"] = _nest(plan, items, links) if plan.group_ids else items
    return data


def _nest(plan: Plan, tasks: list[dict[str, Any]], links: list[list[Any]]) -> list[Any]:
    """Put tasks back into their groups. A group stands among its siblings where its first
    task stands among theirs (every group holds at least one task)."""
    assert plan.task_group is not None
    n = plan.task_count
    first = np.full(plan.group_count, n, dtype=np.int64)
    for task, group in enumerate(plan.task_group.tolist()):
        while group >= 0 and first[group] > task:
            first[group] = task
            group = int(plan.group_parent[group])
    children: dict[int, list[tuple[int, dict[str, Any]]]] = {}
    groups: list[dict[str, Any]] = []
    for group in range(plan.group_count):
        entry: dict[str, Any] = {"id": plan.group_ids[group]}
        if plan.group_names[group] != plan.group_ids[group]:
            entry["name"] = plan.group_names[group]
        if links[n + group]:
            entry["depends_on"] = links[n + group]
        entry["tasks"] = []
        groups.append(entry)
        children.setdefault(int(plan.group_parent[group]), []).append((int(first[group]), entry))
    for task, group in enumerate(plan.task_group.tolist()):
        children.setdefault(group, []).append((task, tasks[task]))

    def ordered(parent: int) -> list[dict[str, Any]]:
        # at an equal position a group goes before the task it starts with
        pairs = sorted(children.get(parent, []), key=lambda pair: (pair[0], "tasks" not in pair[1]))
        return [item for _, item in pairs]

    for group, entry in enumerate(groups):
        entry["tasks"] = ordered(group)
    return ordered(-1)
