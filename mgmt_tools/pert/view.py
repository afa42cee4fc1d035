"""What a diagram of a schedule shows: all of a small plan, the critical paths and their
neighbours of a big one; link labels, titles, and nesting by group. Shared by the DOT
(:mod:`mgmt_tools.pert.render`) and Mermaid (:mod:`mgmt_tools.pert.flowchart`) diagrams."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from mgmt_tools._arrays import IndexArray
from mgmt_tools._numeric import round_half_away
from mgmt_tools.locale import N_, _
from mgmt_tools.pert.model import LinkType, Plan
from mgmt_tools.pert.result import Schedule
from mgmt_tools.pert.words import date_words, project_words, unit_name
from mgmt_tools.render import format_number
from mgmt_tools.render.dot import transitive_reduction

__all__ = [
    "MAX_TASKS",
    "View",
    "heading_lines",
    "link_label",
    "nested",
    "number",
    "select",
    "title",
]

MAX_TASKS = 500
"""Tasks drawn in full; above this the diagram is simplified."""


def number(value: float, decimals: int = 4) -> str:
    """``value`` written to at most ``decimals`` decimals, a half rounded away from zero (the
    one rule of every number the network shows).

    >>> [number(x, 0) for x in (0.5, 2.5, 3.5, 5.5)], number(3.25, 1), number(3.25, 2)
    (['1', '3', '4', '6'], '3.3', '3.25')
    """
    return format_number(round_half_away(float(value), decimals), decimals)


_N = number
_NEIGHBOURS = N_("critical paths and their neighbours")
_PATHS_ONLY = N_("critical paths only")
_FIRST_PATH = N_("the start of the first critical path")
"""What a simplified diagram keeps (translated where the note is written)."""


@dataclass(frozen=True)
class View:
    """The tasks and links a diagram draws (input order), and why some are missing."""

    tasks: IndexArray
    links: IndexArray
    note: str | None = None


def select(result: Schedule, max_tasks: int) -> View:
    """All of a small plan; of a big one the critical paths, with their neighbours if few."""
    plan = result.plan
    count = plan.task_count
    if count <= max_tasks:
        return View(np.arange(count), np.arange(plan.link_count))
    on_path = {task for path in result.critical_paths for task in path}
    core = np.array([i for i, task in enumerate(plan.ids) if task in on_path], dtype=np.int64)
    between_tasks = np.flatnonzero((plan.link_pred < count) & (plan.link_succ < count))
    pred, succ = plan.link_pred[between_tasks], plan.link_succ[between_tasks]
    kept = np.zeros(count, dtype=bool)
    kept[core] = True
    touching = kept[pred] | kept[succ]
    kept[pred[touching]] = True
    kept[succ[touching]] = True
    cap = 2 * max_tasks
    what = _NEIGHBOURS
    if kept.sum() > cap:
        kept[:] = False
        kept[core] = True
        what = _PATHS_ONLY
    if kept.sum() > cap:  # one path longer than the cap: its first tasks
        first = set(result.critical_paths[0][:cap])
        kept[:] = False
        kept[[i for i, task in enumerate(plan.ids) if task in first]] = True
        what = _FIRST_PATH
    tasks = np.flatnonzero(kept).astype(np.int64)
    note = (
        _("Simplified: {shown} of {count} tasks shown ({what}, without groups)")
        if plan.group_ids
        else _("Simplified: {shown} of {count} tasks shown ({what})")
    ).format(shown=f"{len(tasks):,}", count=f"{count:,}", what=_(what))
    return View(tasks, _reduced_links(result, kept, between_tasks), note)


def _reduced_links(
    result: Schedule, kept: npt.NDArray[np.bool_], between_tasks: IndexArray
) -> IndexArray:
    """Links among kept tasks minus those implied by others (transitive reduction); driving
    links between critical tasks stay, so the critical paths read unbroken."""
    plan = result.plan
    pred, succ = plan.link_pred, plan.link_succ
    links = between_tasks[kept[pred[between_tasks]] & kept[succ[between_tasks]]]
    needed = transitive_reduction(
        np.flatnonzero(kept).tolist(), zip(pred[links].tolist(), succ[links].tolist(), strict=True)
    )
    spine = result.driving & result.critical[pred] & result.critical[succ]
    return np.array(
        [
            link
            for link in links.tolist()
            if spine[link] or (int(pred[link]), int(succ[link])) in needed
        ],
        dtype=np.int64,
    )


def link_label(kind: int, lag: float, decimals: int = 4) -> str | None:
    """``SS+1``, ``FF``, ``FS-1``; None for a plain finish-to-start link without lag."""
    name, amount = LinkType(kind).name, _N(lag, decimals)
    if amount == "0":  # a lag that rounds to nothing is not worth a label
        return None if kind == LinkType.FS else name
    return f"{name}{'' if amount.startswith('-') else '+'}{amount}"


def title(result: Schedule, decimals: int = 4) -> str:
    """The diagram's title in one line (a Mermaid comment): the project, its duration (to
    ``decimals`` decimals) and its dates when it has a start."""
    plan = result.plan
    fields = {
        "project": project_words(plan.project),
        "duration": _N(result.duration, decimals),
        "units": unit_name(plan.units),
    }
    if result.start_date is not None:
        return _("{project}: {duration} {units} ({start} to {finish})").format(
            **fields, start=date_words(result.start_date), finish=date_words(result.finish_date)
        )
    return _("{project}: {duration} {units}").format(**fields)


def heading_lines(result: Schedule, decimals: int = 4) -> tuple[str, str]:
    """The picture's heading as the Gantt chart writes it: the project (the title), then the
    duration and the dates (a note under it)."""
    from mgmt_tools.pert.words import span_words

    span = span_words(
        _N(result.duration, decimals), result.plan.units, result.start_date, result.finish_date
    )
    return project_words(result.plan.project), _("Duration {span}").format(span=span)


def nested(
    plan: Plan, items: dict[int, str], opening: Callable[[int], list[str]], closing: str
) -> list[str]:
    """Lines of ``items`` (task -> text) nested in their groups: each group's ``opening``
    lines, its tasks, its subgroups, then ``closing``; indented two spaces a level."""
    assert plan.task_group is not None
    inside: dict[int, list[str]] = {}
    for task, text in items.items():
        inside.setdefault(int(plan.task_group[task]), []).append(text)
    subgroups: dict[int, list[int]] = {}
    for group in range(plan.group_count):
        subgroups.setdefault(int(plan.group_parent[group]), []).append(group)

    def nest(group: int, depth: int) -> list[str]:
        pad = "  " * depth
        body = [pad + line for line in opening(group)]
        body += [f"{pad}  {text}" for text in inside.get(group, [])]
        for child in subgroups.get(group, []):
            body += nest(child, depth + 1)
        return [*body, pad + closing]

    lines = ["  " + text for text in inside.get(-1, [])]
    for group in subgroups.get(-1, []):
        lines += nest(group, 1)
    return lines
