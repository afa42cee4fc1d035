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
from typing import cast

import numpy as np
import numpy.typing as npt

from mgmt_tools._numeric import isclose
from mgmt_tools._validation import Locating
from mgmt_tools.errors import InputError, PathPart, Problem, did_you_mean, format_path, in_order
from mgmt_tools.locale import _, date_text
from mgmt_tools.pert.calendar import calendar_conflicts
from mgmt_tools.pert.links import parse_link
from mgmt_tools.pert.model import LinkType, Plan
from mgmt_tools.pert.network import Network, build_network

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
    group_ids: list[str] = field(default_factory=list)
    group_names: list[str | None] = field(default_factory=list)
    group_parent: list[int] = field(default_factory=list)
    group_depends_on: Sequence[Sequence[LinkEntry]] = field(default_factory=list)
    task_group: list[int] | None = None
    """Per task, its innermost group (-1 for none); None when there are no groups."""
    paths: list[Path] | None = None
    """Per node (tasks, then groups), where it stands in the input; None: ``tasks[i]``."""

    def path(self, node: int) -> Path:
        """Where task or group ``node`` stands in the input."""
        return self.paths[node] if self.paths is not None else ("tasks", node)

    @property
    def node_ids(self) -> list[str]:
        return [*self.ids, *self.group_ids]


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
    extra_workdays: tuple[dt.date, ...] = ()
    calendar_base: str | None = None


def build_plan(
    columns: Columns, meta: Meta, where: Locating, problems: list[Problem] | None = None
) -> Plan:
    """Check ``columns`` and return the plan; raise :class:`InputError` with every problem.

    ``problems`` are those found earlier (say, by the schema); they are reported together
    with the ones found here.
    """
    problems = list(problems or [])
    if not columns.ids and not problems:
        problems.append(where.problem(("tasks",), _("a plan needs at least one task")))
    index = _index_ids(columns, where, problems)
    duration = _durations(columns, where, problems)
    links = _links(columns, index, where, problems)
    _check_groups(columns, links, where, problems)
    _check_meta(meta, where, problems)
    if problems:  # also name the cycles now, rather than after the user fixes the rest
        problems.extend(_cycles(columns, links, where))
        raise InputError(in_order(problems))
    pred, succ, kind, lag, position = links
    return Plan(
        ids=columns.ids,
        names=_names(columns.ids, columns.names),
        duration=duration,
        optimistic=columns.optimistic,
        most_likely=columns.most_likely,
        pessimistic=columns.pessimistic,
        # a duration within the tolerance of 0 is 0 (docs/formats, tolerance): a milestone
        milestone=columns.milestone | isclose(duration, 0.0),
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
        extra_workdays=tuple(sorted(set(meta.extra_workdays))),
        calendar_base=meta.calendar_base,
        group_ids=columns.group_ids,
        group_names=_names(columns.group_ids, columns.group_names),
        group_parent=np.array(columns.group_parent, dtype=np.int64),
        task_group=(
            np.array(columns.task_group, dtype=np.int64) if columns.task_group is not None else None
        ),
        entry_paths=tuple(columns.paths) if columns.paths is not None else None,
        source=where,
    )


def _names(ids: list[str], names: list[str | None]) -> list[str]:
    return [name if name is not None else node for node, name in zip(ids, names, strict=True)]


def _network(columns: Columns, links: LinkArrays) -> Network:
    pred, succ, kind, lag, _position = links
    task_group = (
        np.array(columns.task_group, dtype=np.int64)
        if columns.task_group is not None
        else np.full(len(columns.ids), -1, dtype=np.int64)
    )
    return build_network(
        columns.ids,
        np.zeros(len(columns.ids)),
        columns.group_ids,
        np.array(columns.group_parent, dtype=np.int64),
        task_group,
        pred,
        succ,
        kind,
        lag,
    )


def _cycles(columns: Columns, links: LinkArrays, where: Locating) -> list[Problem]:
    from mgmt_tools.pert.cycles import cycle_problems
    from mgmt_tools.pert.passes import sweep

    network = _network(columns, links)
    passes = sweep(network.duration, network.pred, network.succ, np.zeros(len(network.pred)))
    if passes.acyclic:
        return []
    _pred, succ, _kind, _lag, position = links

    def path_of(link: int) -> Path:
        return (*columns.path(int(succ[link])), "depends_on", int(position[link]))

    return cycle_problems(network, path_of, passes.order, where)[0]


def _check_groups(
    columns: Columns, links: LinkArrays, where: Locating, problems: list[Problem]
) -> None:
    """A group is the successor of FS and SS links only (as in MS Project), and no link joins
    a group and a task or group inside it (that would be a cycle through the group)."""
    if not columns.group_ids:
        return
    n = len(columns.ids)
    pred, succ, kind, _lag, position = links
    task_group = columns.task_group or [-1] * n

    def ancestors(node: int) -> set[int]:
        group = task_group[node] if node < n else columns.group_parent[node - n]
        found = set()
        while group >= 0:
            found.add(n + group)
            group = columns.group_parent[group]
        return found

    nodes = columns.node_ids
    for link in range(len(pred)):
        p, s = int(pred[link]), int(succ[link])
        path = (*columns.path(s), "depends_on", int(position[link]))
        if s >= n and kind[link] in (2, 3):
            problems.append(
                where.problem(
                    path,
                    _(
                        "a group cannot be the successor of an {type} link (FS or SS only: "
                        "every task of the group waits for it)"
                    ).format(type=LinkType(int(kind[link])).name),
                )
            )
        if p in ancestors(s) or s in ancestors(p):
            inner, outer = (s, p) if p in ancestors(s) else (p, s)
            problems.append(
                where.problem(
                    path,
                    _(
                        "'{inner}' is inside group '{outer}': a link between them would be a cycle"
                    ).format(inner=nodes[inner], outer=nodes[outer]),
                )
            )


def _index_ids(columns: Columns, where: Locating, problems: list[Problem]) -> dict[str, int]:
    """Node number by id: tasks 0..n-1, then groups (one namespace)."""
    nodes = columns.node_ids
    index = dict(zip(nodes, range(len(nodes)), strict=True))
    if len(index) == len(nodes) and "" not in index:
        return index
    index = {}
    in_reading_order = sorted(range(len(nodes)), key=columns.path)  # (groups nest their tasks)
    for number in in_reading_order:
        node = nodes[number]
        if node == "":
            problems.append(where.problem((*columns.path(number), "id"), _("empty id")))
            continue
        first = index.setdefault(node, number)
        if first != number:
            problems.append(
                where.problem(
                    (*columns.path(number), "id"),
                    _("duplicate id '{id}' (first at {path})").format(
                        id=node, path=format_path(columns.path(first))
                    ),
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
        rules: list[tuple[npt.NDArray[np.bool_], str, str | None]] = [
            (
                has_fixed & any_estimate,
                "duration",
                _(
                    "give either duration or the three estimates (optimistic, most_likely, "
                    "pessimistic), not both"
                ),
            ),
            (any_estimate & ~all_estimates, "optimistic", None),  # names what is missing
            (
                ~has_fixed & ~any_estimate & ~columns.milestone,
                "id",
                _(
                    "no duration: give duration, or optimistic, most_likely and pessimistic "
                    "(or milestone: true)"
                ),
            ),
            (has_fixed & (fixed < 0), "duration", _("negative duration {duration:g}")),
            (all_estimates & (a < 0), "optimistic", _("negative estimate: optimistic {a:g}")),
            (
                all_estimates & (a >= 0) & ((a > m) | (m > b)),
                "most_likely",
                _(
                    "estimates out of order: optimistic {a:g}, most_likely {m:g}, pessimistic "
                    "{b:g} (need optimistic <= most_likely <= pessimistic)"
                ),
            ),
            (
                columns.milestone & has_fixed & (fixed != 0),
                "milestone",
                _("a milestone has duration 0, not {duration:g}"),
            ),
            (
                columns.milestone & any_estimate & (np.nan_to_num(b) != 0),
                "milestone",
                _("a milestone has duration 0; remove its estimates"),
            ),
        ]
    for mask, field_name, message in rules:
        if not mask.any():
            continue
        for number in np.flatnonzero(mask).tolist():
            if number in columns.skip:
                continue
            if message is None:
                missing = [
                    name
                    for name, present in zip(
                        ("optimistic", "most_likely", "pessimistic"), given, strict=True
                    )
                    if not present[number]
                ]
                text = _("three-point estimate incomplete: missing {fields}").format(
                    fields=", ".join(missing)
                )
            else:
                text = message
            text = text.format(duration=fixed[number], a=a[number], m=m[number], b=b[number])
            problems.append(where.problem((*columns.path(number), field_name), text))
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
    depends_on = [*columns.depends_on, *columns.group_depends_on]
    counts = np.fromiter(map(len, depends_on), dtype=np.int64, count=len(depends_on))

    total = int(counts.sum())
    flat = list(chain.from_iterable(depends_on))
    lookup = cast(Callable[[LinkEntry, int], int], index.get)  # mappings' tuples: -1
    pred = np.fromiter(map(lookup, flat, repeat(-1)), dtype=np.int64, count=total)
    succ = np.repeat(np.arange(len(counts), dtype=np.int64), counts)
    position = np.arange(total, dtype=np.int64) - np.repeat(np.cumsum(counts) - counts, counts)
    kind = np.zeros(total, dtype=np.int8)
    lag = np.zeros(total, dtype=np.float64)
    keep = np.ones(total, dtype=bool)
    for number in np.flatnonzero(pred < 0).tolist():
        entry = flat[number]
        path: Path = (*columns.path(int(succ[number])), "depends_on", int(position[number]))
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
            problems.append(where.problem(path, _("empty link")))
            return None
        task, link_type, link_lag = parsed.task, parsed.type, parsed.lag
    else:
        task, type_name, link_lag = entry
        link_type = LinkType[type_name]
        path = (*path, "task")
    if not math.isfinite(link_lag):
        shown = f"'{entry}'" if isinstance(entry, str) else str(link_lag)
        message = _("the lag must be a finite number: {lag}").format(lag=shown)
        problems.append(where.problem(path, message))
        return None
    found = index.get(task)
    if found is None:
        known = list(index)
        hint = did_you_mean(task, known, limit=0)  # the close ids only, if any
        suggested = bool(hint)
        hint = hint or did_you_mean(task, known)
        if isinstance(entry, str) and " " in entry.strip() and not suggested:
            hint += _(
                " (a link is 'ID' or 'ID TYPE+LAG', TYPE one of FS, SS, FF, SF; "
                "for example 'A FF+2')"
            )
        message = _("unknown task '{task}'").format(task=task) + hint
        problems.append(where.problem(path, message))
        return None
    return found, int(link_type), float(link_lag)


def _check_meta(meta: Meta, where: Locating, problems: list[Problem]) -> None:
    if meta.start is not None and meta.units != "days":
        problems.append(
            where.problem(
                ("units",),
                _(
                    "units must be days when start is set (a calendar counts working days), "
                    "not '{units}'"
                ).format(units=meta.units),
            )
        )
    if meta.has_calendar and meta.start is None:
        problems.append(where.problem(("calendar",), _("a calendar needs start (a date)")))
    for path, message in calendar_conflicts(meta.holidays, meta.extra_workdays):
        problems.append(where.problem(("calendar", *path), message))
    if meta.has_calendar and not meta.workdays:
        problems.append(
            where.problem(("calendar", "workdays"), _("the working week has no working day"))
        )
    if isinstance(meta.deadline, dt.date):
        if meta.start is None:
            message = _("a date deadline needs start (a date)")
            problems.append(where.problem(("deadline",), message))
        elif meta.deadline < meta.start:
            problems.append(
                where.problem(
                    ("deadline",),
                    _("deadline {deadline} is before start {start}").format(
                        deadline=date_text(meta.deadline), start=date_text(meta.start)
                    ),
                )
            )
