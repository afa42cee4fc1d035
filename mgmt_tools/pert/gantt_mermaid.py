"""The Gantt chart of a schedule as Mermaid ``gantt`` text, every task with explicit dates.

No task refers to another (``after``), and Mermaid's own working-day arithmetic is never used:
the dates (or offsets) are the result's. Names go through
:func:`mgmt_tools.render.mermaid.gantt_text`, the one escaping function for gantt text. Groups
become sections: one per top-level group, its nested groups flattened into it with their names
as a prefix of the task names (Mermaid has no nested sections), and the tasks outside any group
in a section named after the project.

Examples
--------
>>> from mgmt_tools.pert import loads, schedule
>>> result = schedule(loads("tasks: [{id: A, duration: 2}, {id: B, duration: 3, depends_on: [A]}]"))
>>> print(gantt_mermaid(result), end="")
gantt
    title Project (5 days)
    dateFormat X
    axisFormat %s
    todayMarker off
    %% offsets in days from the project start (0), written as Unix seconds for dateFormat X
    A :crit, t0, 0, 2
    B :crit, t1, 2, 5
"""

from __future__ import annotations

import datetime as dt

import numpy as np

from mgmt_tools.locale import _, pgettext
from mgmt_tools.pert.calendar import whole
from mgmt_tools.pert.result import Schedule
from mgmt_tools.pert.rows import chart_rows
from mgmt_tools.pert.timeline import project_name, span_text, timeline_of, units
from mgmt_tools.render import mermaid as mm

__all__ = ["gantt_mermaid"]

_DAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def gantt_mermaid(result: Schedule) -> str:
    """The Gantt chart as a Mermaid ``gantt``, every task with explicit start and finish.

    With a start date: ``YYYY-MM-DD`` dates with ``inclusiveEndDates``, so each task reads from
    its start date to its finish date as in the result; ``excludes`` lists the non-working
    weekdays and holidays, which with explicit end dates only shades them, and ``includes`` the
    extra working days on those weekdays (make-up days, unshaded). Without one: the
    offsets themselves, as ``dateFormat X`` (seconds; milliseconds with ``x`` when some are
    fractional) on an axis that prints them. In a plan with groups, one ``section`` per
    top-level group (and per run of tasks outside groups, named after the project).
    """
    plan = result.plan
    view = chart_rows(result)
    tasks = view.tasks.tolist()
    title = _("{project} ({span})").format(project=project_name(result), span=span_text(result))
    lines = ["gantt", f"    title {mm.gantt_text(title)}"]
    calendar = timeline_of(result).calendar
    if calendar is not None and result.start_dates is not None and result.finish_dates is not None:
        lines += ["    dateFormat YYYY-MM-DD", "    axisFormat %Y-%m-%d", "    inclusiveEndDates"]
        excluded = [day for day in _DAY_NAMES if day[:3] not in plan.workdays]
        first, last = str(result.start_date), str(result.finish_date)
        span = (dt.date.fromisoformat(first), dt.date.fromisoformat(last))
        off, worked = calendar.days_off(*span)
        excluded += [day.isoformat() for day in off]
        if excluded:
            lines.append("    excludes " + ", ".join(excluded))
        if worked:  # make-up days: in Mermaid's gantt grammar, beside excludes
            lines.append("    includes " + ", ".join(day.isoformat() for day in worked))
        note = _("working-day calendar: each task from its start to its finish date")
        lines.append(f"    %% {note}")
        spans = [(result.start_dates[task], result.finish_dates[task]) for task in tasks]
    else:
        offsets = whole(np.concatenate([result.es[view.tasks], result.ef[view.tasks]]))
        seconds = bool(np.all(offsets == np.round(offsets)))
        fmt, scale = ("X", 1) if seconds else ("x", 1000)
        lines += [f"    dateFormat {fmt}", "    axisFormat %s", "    todayMarker off"]
        note = (
            _(
                "offsets in {units} from the project start (0), written as Unix seconds for "
                "dateFormat {format}"
            )
            if seconds
            else _(
                "offsets in {units} from the project start (0), written as Unix milliseconds "
                "for dateFormat {format}"
            )
        )
        lines.append(f"    %% {note.format(units=units(result), format=fmt)}")
        values = np.round(offsets * scale).astype(np.int64).reshape(2, -1).tolist()
        spans = [(str(start), str(finish)) for start, finish in zip(*values, strict=True)]
    if result.deadline is not None:
        deadline = timeline_of(result).label(result.deadline)
        dated = result.start_dates is not None
        note = pgettext("date", "deadline: {deadline}") if dated else _("deadline: {deadline}")
        lines.append("    %% " + note.format(deadline=deadline))
    if view.note:
        lines.append(f"    %% {view.note}")
    grouped = plan.task_group is not None and plan.group_count > 0
    section: int | None = None  # the top-level group of the current section, -1 for none
    milestone = plan.milestone | (plan.duration == 0)
    for task, (start, finish) in zip(tasks, spans, strict=True):
        name = plan.names[task]
        if grouped:
            chain = plan.groups_of(task)[::-1]  # outermost first
            top = chain[0] if chain else -1
            if top != section:
                section = top
                lines.append(f"    section {_section_name(result, top)}")
            name = " / ".join([*(plan.group_names[group] for group in chain[1:]), name])
        tags = ["crit"] * bool(result.critical[task]) + ["milestone"] * bool(milestone[task])
        text = mm.gantt_text(name) or mm.node_id(task)
        lines.append(f"    {text} :{', '.join([*tags, mm.node_id(task), start, finish])}")
    return "\n".join(lines) + "\n"


def _section_name(result: Schedule, group: int) -> str:
    """The name of the section of top-level ``group``, or of the project for -1."""
    if group < 0:
        return mm.gantt_text(project_name(result)) or _("Project")
    return mm.gantt_text(result.plan.group_names[group]) or mm.node_id(group, "g")
