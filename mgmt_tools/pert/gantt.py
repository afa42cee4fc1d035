"""The Gantt chart of a schedule (matplotlib): a bar per task on the working calendar, its total
float, milestones, the links between tasks by type, groups as summary bars, the deadline.

Nothing is computed here beyond placing the numbers of the
:class:`~mgmt_tools.pert.result.Schedule` on its time axis (:mod:`mgmt_tools.pert.timeline`)
and rows (:mod:`mgmt_tools.pert.rows`). A group is drawn as MS Project draws a summary task: a
thin bar with its ends pointing down, from the group's early start to its early finish, on a row
of its own before its tasks, its name in bold; the names of the tasks and groups inside it are
indented. A link from a group leaves its summary bar at the finish (FS, FF) or the start (SS,
SF); a link into a group enters it at its start.

Examples
--------
>>> from mgmt_tools.pert import loads, schedule
>>> result = schedule(loads("tasks: [{id: A, duration: 2}, {id: B, duration: 3, depends_on: [A]}]"))
>>> gantt_chart(result, "svg")[:5]
b'<?xml'
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from mgmt_tools._arrays import BoolArray, FloatArray, IndexArray
from mgmt_tools._numeric import isclose
from mgmt_tools.locale import _, pgettext
from mgmt_tools.pert.model import LinkType
from mgmt_tools.pert.result import Schedule
from mgmt_tools.pert.rows import Rows, chart_rows
from mgmt_tools.pert.timeline import (
    Timeline,
    project_name,
    shade_nonworking,
    span_text,
    timeline_of,
    units,
)
from mgmt_tools.render import chart_parts as parts
from mgmt_tools.render import charts as ch
from mgmt_tools.render.dot import THEME, wrap

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = ["gantt_chart"]

_ROW = 0.35  # inches per row
_LABEL_SIZE = 8.5
_LABEL_COLUMNS = 34  # widest label, in display columns (CJK characters count 2)
_INDENT = "   "  # per group around a label
_DIAMOND = 8.5  # milestone marker size in points; its half diagonal is 0.707 of it
_DIAMOND_STYLE: dict[str, Any] = {"linestyle": "none", "marker": "D", "markersize": _DIAMOND}
_DIAMOND_STYLE |= {"markeredgecolor": "white", "markeredgewidth": 0.8, "zorder": 5}
_SUMMARY = 0.08  # half the height of a summary bar, in rows
_CAP = 0.16  # how far its ends point down below it, in rows
_PLAIN_LINK: dict[str, Any] = {"color": THEME.line, "width": 0.8}


def gantt_chart(result: Schedule, fmt: str) -> bytes:
    """The Gantt chart of ``result`` as SVG, PNG or PDF bytes."""
    return ch.figure_bytes(_gantt_figure(result), fmt)


@dataclass(frozen=True)
class _Bars:
    """Where the drawn rows lie on the x axis (arrays by row)."""

    nodes: IndexArray
    left: FloatArray
    right: FloatArray
    late: FloatArray
    total_float: FloatArray
    milestone: BoolArray
    summary: BoolArray
    critical: BoolArray


def _bars(result: Schedule, view: Rows, timeline: Timeline) -> _Bars:
    plan, summary = result.plan, view.summary
    tasks, groups = view.nodes[~summary], view.nodes[summary] - plan.task_count
    es, ef, lf = (np.empty(len(view.nodes)) for _ in range(3))
    total_float, critical = np.empty(len(view.nodes)), np.empty(len(view.nodes), dtype=bool)
    milestone = np.zeros(len(view.nodes), dtype=bool)
    milestone[~summary] = plan.milestone[tasks] | (plan.duration[tasks] == 0)
    sources: list[tuple[Any, BoolArray, IndexArray]] = [(result, ~summary, tasks)]
    if summary.any():
        sources.append((result.group_times(), summary, groups))
    for times, rows, index in sources:
        es[rows], ef[rows], lf[rows] = times.es[index], times.ef[index], times.lf[index]
        total_float[rows], critical[rows] = times.total_float[index], times.critical[index]
    point = milestone | (summary & (ef <= es))  # a group of milestones is a point too
    left = np.where(point, timeline.end(es), timeline.begin(es))
    right = np.where(point, left, timeline.end(ef))
    late = timeline.end(lf)
    return _Bars(view.nodes, left, right, late, total_float, milestone, summary, critical)


def _labels(result: Schedule, view: Rows) -> list[list[str]]:
    """Per row: its name wrapped to two lines at most, each indented by the row's depth."""
    plan, count = result.plan, result.plan.task_count
    labels = []
    for node, depth in zip(view.nodes.tolist(), view.depth.tolist(), strict=True):
        name = plan.names[node] if node < count else plan.group_names[node - count]
        lines = wrap(ch.clean(name), _LABEL_COLUMNS, 2)
        labels.append([_INDENT * depth + line for line in lines])
    return labels


@parts.styled
def _gantt_figure(result: Schedule) -> Figure:
    """Build the Gantt chart as a Figure (tests inspect its artists)."""
    view, timeline = chart_rows(result), timeline_of(result)
    bars = _bars(result, view, timeline)
    count, dated, grouped = len(view.nodes), timeline.calendar is not None, bool(bars.summary.any())
    deadline = None if result.deadline is None else float(timeline.end([result.deadline])[0])
    ends = [x for x in (bars.left, bars.right, bars.late) if x.size]
    ends += [np.array([deadline if deadline is not None else np.nan, np.nan if dated else 0.0])]
    low, high = float(np.nanmin(np.concatenate(ends))), float(np.nanmax(np.concatenate(ends)))
    high = max(high, low + 1.0)

    figure = ch.new_figure(8.0, 4.0)
    names = _labels(result, view)
    summary = bars.summary.tolist()
    plain = [
        line for label, group in zip(names, summary, strict=True) if not group for line in label
    ]
    bold = [line for label, group in zip(names, summary, strict=True) if group for line in label]
    widest = max(
        ch.text_width(figure, plain, _LABEL_SIZE),
        ch.text_width(figure, bold, _LABEL_SIZE, weight="bold"),
    )
    margin_left, margin_right = 0.4 + max(widest, 0.5), 0.4
    plot_width = min(max((high - low) * (0.2 if dated else 0.3), 5.0), 15.0)
    width = max(margin_left + plot_width + margin_right, 7.5)
    plot_width = width - margin_left - margin_right
    pad = 16.0 * (high - low) / (plot_width * 72.0 - 32.0)  # 16 points each side
    low, high = low - pad, high + pad
    if dated:
        low, high = parts.date_limits(low, high)
    per_point = (high - low) / (plot_width * 72.0)

    title = parts.title_lines(project_name(result), width)
    span = span_text(result)
    if deadline is not None:
        when = timeline.label(float(result.deadline or 0.0))
        note = (
            pgettext("date", "Duration {span}; deadline {deadline}")
            if dated
            else _("Duration {span}; deadline {deadline}")
        )
        notes = [note.format(span=span, deadline=when)]
    else:
        notes = [_("Duration {span}").format(span=span)]
    notes += [view.note] if view.note else []
    on_top = count > 30  # dates above the chart too
    top = parts.heading_height(title, notes) + (0.3 if deadline is not None else 0.12)
    top += 0.25 if on_top else 0.0
    bottom = 0.94
    height = top + max(count, 1) * _ROW + bottom
    figure.set_size_inches(width, height)
    box = (margin_left / width, bottom / height, plot_width / width)
    axes = figure.add_axes((*box, max(count, 1) * _ROW / height))
    axes.set_xlim(low, high)
    axes.set_ylim(max(count, 1) - 0.5, -0.5)
    labels = ["\n".join(label) for label in names]
    axes.set_yticks(np.arange(count), labels=labels, fontsize=_LABEL_SIZE)
    # with groups, names align on the left so that their indentation shows
    axes.tick_params(axis="y", length=0, pad=6 + (widest * 72 if grouped else 0))
    if grouped:
        for tick, group in zip(axes.get_yticklabels(), summary, strict=True):
            tick.set_horizontalalignment("left")
            tick.set_fontweight("bold" if group else "normal")
    axes.tick_params(axis="x", top=on_top, labeltop=on_top)
    axes.spines["left"].set_visible(False)
    axes.set_axisbelow(True)
    axes.grid(axis="x", which="major")

    shaded = False
    if timeline.calendar is not None:  # dated
        parts.date_axis(axes, high - low)
        if plot_width * 72.0 / (high - low) >= 2.0:  # days at least 2 points wide
            shaded = shade_nonworking(axes, timeline.calendar, low, high) > 0
        if high - low <= 120:  # the ticks show day and month: the year goes below
            years = sorted({str(day)[:4] for day in (result.start_date, result.finish_date)})
            if len(years) == 1:
                axes.set_xlabel(pgettext("axis", "{year}").format(year=years[0]))
            else:
                axes.set_xlabel(
                    pgettext("axis", "{first} to {last}").format(first=years[0], last=years[-1])
                )
    else:
        axes.set_xlabel(_("Time from the project start ({units})").format(units=units(result)))
    _draw_tasks(axes, bars)
    _draw_groups(axes, bars, per_point)
    _draw_links(axes, result, view, bars, per_point)
    if deadline is not None:
        when = timeline.label(float(result.deadline or 0.0))
        text = (_("Deadline {date}") if dated else _("Deadline {offset}")).format(
            date=when, offset=when
        )
        lift = 20 if on_top else 3  # above the dates along the top
        parts.marker_line(
            axes, deadline, text, colour=THEME.ink, side="above", lift=lift, gid="deadline"
        )

    parts.heading(figure, title, notes)
    entries = [("summary", THEME.ink, _("Group"))] if grouped else []
    entries += [
        ("box", THEME.accent, _("Critical task")),
        ("box", ch.NEUTRAL, _("Task")),
        ("stroke", THEME.faint, _("Total float")),
        ("diamond", THEME.ink, _("Milestone")),
    ]
    entries += [("box", ch.SHADE, _("Non-working day"))] if shaded else []
    entries += [("dashed", THEME.ink, _("Deadline"))] if deadline is not None else []
    parts.legend_row(figure, entries)
    return figure


def _draw_tasks(axes: Axes, bars: _Bars) -> None:
    rows = np.arange(len(bars.nodes))
    colours = np.where(bars.critical, THEME.accent, ch.NEUTRAL)
    solid = ~bars.milestone & ~bars.summary
    slack = solid & (bars.late > bars.right) & ~isclose(bars.late, bars.right)
    slack &= bars.total_float > 0
    for gid, keep, start, finish, height, colour in (
        ("bar", solid, bars.left, bars.right, 0.5, colours[solid].tolist()),
        ("float", slack, bars.right, bars.late, 0.12, THEME.faint),
    ):
        style: dict[str, Any] = {"color": colour, "linewidth": 0, "zorder": 2}
        for patch in axes.barh(rows[keep], (finish - start)[keep], height, start[keep], **style):
            patch.set_gid(gid)
    for which, colour in ((bars.critical, THEME.accent), (~bars.critical, THEME.ink)):
        which = which & bars.milestone
        if which.any():
            axes.plot(bars.left[which], rows[which], mfc=colour, gid="milestone", **_DIAMOND_STYLE)


def _draw_groups(axes: Axes, bars: _Bars, per_point: float) -> None:
    """A summary bar per group row, in the accent colour when the group is critical; a group
    of milestones alone (no time between its start and finish) gets a short one centred on
    its date."""
    from matplotlib.patches import Polygon

    cap = 4.5 * per_point
    for row in np.flatnonzero(bars.summary).tolist():
        left, right = float(bars.left[row]), float(bars.right[row])
        if right - left < cap:
            middle = (left + right) / 2
            left, right = min(left, middle - cap), max(right, middle + cap)
        top, bottom = row - _SUMMARY, row + _SUMMARY
        outline = parts.summary_outline(left, right, top, bottom, bottom + _CAP, cap)
        colour = THEME.accent if bars.critical[row] else THEME.ink
        axes.add_patch(Polygon(outline, color=colour, linewidth=0, zorder=3, gid="summary"))


def _draw_links(axes: Axes, result: Schedule, view: Rows, bars: _Bars, per_point: float) -> None:
    """One arrow per link, routed orthogonally between the ends its type ties: FS end to
    start, SS start to start, FF end to end, SF start to end; a group's end is its summary bar."""
    plan = result.plan
    row = np.full(plan.task_count + plan.group_count, -1, dtype=np.int64)
    row[view.nodes] = np.arange(len(view.nodes))
    tip = 0.707 * _DIAMOND * per_point
    stub = 7.0 * per_point
    inset = 2.0 * per_point
    diamond = 0.707 * _DIAMOND / (_ROW * 72) + 0.02  # half its height, in rows
    for link in view.links.tolist():
        pred, succ = int(row[plan.link_pred[link]]), int(row[plan.link_succ[link]])
        kind = int(plan.link_type[link])
        from_finish = kind in (LinkType.FS, LinkType.FF)
        to_finish = kind in (LinkType.FF, LinkType.SF)
        leave, enter = (1 if from_finish else -1), (1 if to_finish else -1)
        x0 = float(bars.right[pred] if from_finish else bars.left[pred])
        x1 = float(bars.right[succ] if to_finish else bars.left[succ])
        if bars.milestone[pred]:
            x0 += leave * tip
        if bars.milestone[succ]:
            landing, half = (float(bars.left[succ]),) * 2, diamond
            x1 += enter * tip
        else:
            landing = (float(bars.left[succ]) + inset, float(bars.right[succ]) - inset)
            half = _SUMMARY if bars.summary[succ] else 0.25
        centre = float(bars.left[pred])
        if (
            bars.milestone[pred]
            and enter * (x0 + leave * stub - x1) < stub / 2  # cannot enter from its side
            and landing[0] <= centre <= landing[1]
        ):  # straight down (or up) from the diamond onto the successor
            down = 1 if succ > pred else -1
            route = [(centre, pred + down * diamond), (centre, succ - down * half)]
        else:
            route = parts.elbow(
                (x0, pred), leave, (x1, succ), enter, stub, landing=landing, half=half
            )
        emphasis = bool(result.driving[link] and bars.critical[pred] and bars.critical[succ])
        style: dict[str, Any] = {"color": THEME.accent, "width": 1.2, "zorder": 4}
        parts.link_arrow(axes, route, **(style if emphasis else _PLAIN_LINK))
