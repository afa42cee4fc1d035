"""The Gantt chart of a schedule (matplotlib), as MS Project's Gantt Chart view draws it: the task
grid on the left (:mod:`mgmt_tools.pert.gantt_grid`), a bar per task on the working calendar, its
total float, milestones, the links between tasks by type routed around the bars
(:mod:`mgmt_tools.pert.gantt_links`), groups as summary bars, the deadline and a today line.

Nothing is computed here beyond placing the numbers of the
:class:`~mgmt_tools.pert.result.Schedule` on its time axis (:mod:`mgmt_tools.pert.timeline`)
and rows (:mod:`mgmt_tools.pert.rows`). A group is drawn as MS Project draws a summary task: a
thin bar with its ends pointing down, from the group's early start to its early finish, on a row
of its own before its tasks, its name in bold in the grid; the names of the tasks and groups
inside it are indented. A link from a group leaves its summary bar at the finish (FS, FF) or the
start (SS, SF); a link into a group enters it at its start. The legend lists what is drawn, and
nothing else.

Examples
--------
>>> from mgmt_tools.pert import loads, schedule
>>> result = schedule(loads("tasks: [{id: A, duration: 2}, {id: B, duration: 3, depends_on: [A]}]"))
>>> gantt_chart(result, "svg")[:5]
b'<?xml'
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

import numpy as np

from mgmt_tools.errors import OptionError
from mgmt_tools.locale import _, date_text, pgettext
from mgmt_tools.pert.gantt_grid import DEFAULT_COLUMNS, column_widths, draw_grid, grid_of
from mgmt_tools.pert.gantt_links import CAP, DIAMOND, SUMMARY, Bars, bars_of, draw_links
from mgmt_tools.pert.result import Schedule
from mgmt_tools.pert.rows import chart_rows
from mgmt_tools.pert.timeline import (
    Timeline,
    deadline_text,
    deadline_x,
    project_name,
    shade_nonworking,
    span_text,
    timeline_of,
    units,
)
from mgmt_tools.render import chart_dates
from mgmt_tools.render import chart_parts as parts
from mgmt_tools.render import charts as ch
from mgmt_tools.render.style import CRITICAL, DOTS, NEUTRAL, NOTE_SIZE, SHADE, THEME

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = ["gantt_chart"]

_ROW = 0.35  # inches per row
_GAP = 0.2  # inches between the grid and the bars
_DIAMOND_STYLE: dict[str, Any] = {"linestyle": "none", "marker": "D", "markersize": DIAMOND}
_DIAMOND_STYLE |= {"markeredgecolor": THEME.fill, "markeredgewidth": 0.8, "zorder": 5}
_LIFT = _ROW * 72 + 4.0  # points from the axes' top to the lines' labels: over the header
TODAY_NEAR = 0.2
"""A today within this share of the plan's span before or after it widens the axis to take it
in; a today farther away is a label at the axis' end (the plan would be squeezed)."""


def gantt_chart(
    result: Schedule,
    fmt: str,
    *,
    columns: tuple[str, ...] = DEFAULT_COLUMNS,
    today: dt.date | None = None,
) -> bytes:
    """The Gantt chart of ``result`` as SVG, PNG or PDF bytes: the grid shows ``columns``
    (:data:`~mgmt_tools.pert.gantt_grid.COLUMNS`), and a dotted line marks ``today`` (a
    date; a plan without a start date has no dates to mark it on)."""
    return ch.figure_bytes(_gantt_figure(result, columns=columns, today=today), fmt)


def _gantt_figure(
    result: Schedule, *, columns: tuple[str, ...] = DEFAULT_COLUMNS, today: dt.date | None = None
) -> Figure:
    """Build the Gantt chart as a Figure (tests inspect its artists): the bars' axes first,
    then the grid's."""
    return gantt_drawing(result, columns=columns, today=today)[0]


def gantt_drawing(
    result: Schedule, *, columns: tuple[str, ...] = DEFAULT_COLUMNS, today: dt.date | None = None
) -> tuple[Figure, list[list[tuple[float, float]]]]:
    """The Gantt chart's Figure and the routes of its links as drawn (data coordinates)."""
    with ch.chart_style():
        return _draw(result, columns, today)


def _draw(
    result: Schedule, columns: tuple[str, ...], today: dt.date | None
) -> tuple[Figure, list[list[tuple[float, float]]]]:
    view, timeline = chart_rows(result), timeline_of(result)
    if today is not None and timeline.calendar is None:
        raise OptionError(_("--today needs a plan with a start date (or --start)"))
    bars = bars_of(result, view, timeline)
    count, dated = len(view.nodes), timeline.calendar is not None
    deadline = deadline_x(result, timeline)
    ends = [x for x in (bars.left, bars.right, bars.late) if x.size]
    ends += [np.array([np.nan if dated else 0.0] + ([] if deadline is None else [deadline]))]
    low, high = float(np.nanmin(np.concatenate(ends))), float(np.nanmax(np.concatenate(ends)))
    high = max(high, low + 1.0)
    now, edge = None, 0
    if today is not None:
        now = float(
            (np.datetime64(today.isoformat(), "D") - chart_dates.epoch()).astype(np.float64)
        )
        edge = today_edge(now, low, high)
        if edge == 0:
            low, high = min(low, now), max(high, now)
    marks = [x for x in (deadline, now) if x is not None]

    figure = ch.new_figure(8.0, 4.0)
    grid = grid_of(result, view, timeline, columns)
    widths = column_widths(figure, grid)
    grid_width = sum(widths)
    margin_left, margin_right = 0.3 + grid_width + _GAP, 0.4
    plot_width = min(max((high - low) * (0.16 if dated else 0.3), 4.5), 7.5)
    width = max(margin_left + plot_width + margin_right, 7.5)
    plot_width = width - margin_left - margin_right
    pad = 16.0 * (high - low) / (plot_width * 72.0 - 32.0)  # 16 points each side
    low, high = low - pad, high + pad
    if dated:
        low, high = chart_dates.date_limits(low, high)
    per_point = (high - low) / (plot_width * 72.0)

    title = parts.title_lines(project_name(result), width)
    notes = _notes(result, timeline, dated, view.note)
    on_top = count > 30  # dates above the chart too
    labels = (_LIFT - _ROW * 72 + NOTE_SIZE * 1.3) / 72 if marks else 0.0  # over the header
    top = parts.heading_height(title, notes) + max(_ROW, 0.06) + labels + 0.05
    top += 0.25 if on_top and not marks else 0.0
    bottom = 0.94
    height = top + max(count, 1) * _ROW + bottom
    figure.set_size_inches(width, height)
    axes = figure.add_axes(
        (margin_left / width, bottom / height, plot_width / width, max(count, 1) * _ROW / height)
    )
    axes.set_xlim(low, high)
    axes.set_ylim(max(count, 1) - 0.5, -0.5)
    parts.heading(figure, title, notes)  # first: figure.texts begin with the title
    draw_grid(figure, axes, 0.3, grid, widths)
    axes.set_yticks([])
    axes.tick_params(axis="x", top=on_top, labeltop=on_top)
    axes.spines["left"].set_visible(False)
    axes.set_axisbelow(True)
    axes.grid(axis="x", which="major")

    shaded = False
    if timeline.calendar is not None:  # dated
        chart_dates.date_axis(axes, high - low)
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
    routes = draw_links(axes, result, view, bars, per_point, _ROW * 72)
    labels_drawn: list[tuple[float, str, str]] = []
    if deadline is not None:
        text = (_("Deadline {date}") if dated else _("Deadline {offset}")).format(
            date=deadline_text(result, timeline), offset=deadline_text(result, timeline)
        )
        parts.marker_line(axes, deadline, "", colour=THEME.ink, gid="deadline")
        labels_drawn.append((deadline, text, THEME.ink))
    if now is not None and today is not None:
        day = date_text(today)
        if edge == 0:
            text = _("Today {date}").format(date=day)
            parts.marker_line(
                axes, now, "", colour=THEME.muted, dashes=DOTS, width=1.4, gid="today"
            )
            labels_drawn.append((now, text, THEME.muted))
        else:  # far from the plan: a label at the axis' end pointing its way, no line
            text = (_("Today {date} ▶") if edge > 0 else _("◀ Today {date}")).format(date=day)
            labels_drawn.append((high if edge > 0 else low, text, THEME.muted))
    parts.marker_labels(axes, labels_drawn, lift=_LIFT)
    drawn_today = now is not None and edge == 0
    parts.legend_row(figure, legend_entries(bars, shaded, deadline is not None, drawn_today))
    return figure, routes


def today_edge(now: float, low: float, high: float) -> int:
    """Where today is drawn against the plan from ``low`` to ``high`` (x on the axis): 0 for a
    line on the axis, widened to take it in, when today lies within :data:`TODAY_NEAR` of the
    plan's span of it; else +1 (after the plan) or -1 (before it) for a label at that end."""
    near = TODAY_NEAR * (high - low)
    if now > high + near:
        return 1
    if now < low - near:
        return -1
    return 0


def _notes(result: Schedule, timeline: Timeline, dated: bool, note: str | None) -> list[str]:
    """The lines under the title: the duration, the deadline, why rows are missing."""
    span = span_text(result)
    if result.deadline is not None:
        when = deadline_text(result, timeline)
        text = (
            pgettext("date", "Duration {span}; deadline {deadline}")
            if dated
            else _("Duration {span}; deadline {deadline}")
        )
        notes = [text.format(span=span, deadline=when)]
    else:
        notes = [_("Duration {span}").format(span=span)]
    return notes + ([note] if note else [])


def legend_entries(
    bars: Bars, shaded: bool, deadline: bool, today: bool
) -> list[tuple[str, str, str]]:
    """The legend: an entry for each kind of thing drawn, none for what is not."""
    solid = ~bars.milestone & ~bars.summary
    milestones = bars.milestone
    entries: list[tuple[str, str, str]] = []
    if bars.summary.any():
        entries.append(("summary", _swatch(bars.critical[bars.summary]), _("Group")))
    entries += [("box", CRITICAL, _("Critical task"))] if (solid & bars.critical).any() else []
    entries += [("box", NEUTRAL, _("Task"))] if (solid & ~bars.critical).any() else []
    entries += [("stroke", THEME.faint, _("Total float"))] if bars.slack.any() else []
    if milestones.any():
        entries.append(("diamond", _swatch(bars.critical[milestones]), _("Milestone")))
    entries += [("box", SHADE, _("Non-working day"))] if shaded else []
    entries += [("dashed", THEME.ink, _("Deadline"))] if deadline else []
    entries += [("dotted", THEME.muted, _("Today"))] if today else []
    return entries


def _swatch(critical: Any) -> str:
    """The colour of a legend swatch for rows drawn red when critical, black otherwise: red
    when any of them is drawn red (the red catches the eye; the task entries say red is
    critical), black when none is."""
    return CRITICAL if bool(critical.any()) else THEME.ink


def _draw_tasks(axes: Axes, bars: Bars) -> None:
    rows = np.arange(len(bars.nodes))
    colours = np.where(bars.critical, CRITICAL, NEUTRAL)
    solid = ~bars.milestone & ~bars.summary
    slack = bars.slack
    for gid, keep, start, finish, height, colour in (
        ("bar", solid, bars.left, bars.right, 0.5, colours[solid].tolist()),
        ("float", slack, bars.right, bars.late, 0.12, THEME.faint),
    ):
        style: dict[str, Any] = {"color": colour, "linewidth": 0, "zorder": 2}
        for patch in axes.barh(rows[keep], (finish - start)[keep], height, start[keep], **style):
            patch.set_gid(gid)
    for which, colour in ((bars.critical, CRITICAL), (~bars.critical, THEME.ink)):
        which = which & bars.milestone
        if which.any():
            axes.plot(bars.left[which], rows[which], mfc=colour, gid="milestone", **_DIAMOND_STYLE)


def _draw_groups(axes: Axes, bars: Bars, per_point: float) -> None:
    """A summary bar per group row, in the critical colour when the group is critical; a group
    of milestones alone (no time between its start and finish) gets a short one centred on
    its date."""
    from matplotlib.patches import Polygon

    cap = 4.5 * per_point
    for row in np.flatnonzero(bars.summary).tolist():
        left, right = float(bars.left[row]), float(bars.right[row])
        if right - left < cap:
            middle = (left + right) / 2
            left, right = min(left, middle - cap), max(right, middle + cap)
        top, bottom = row - SUMMARY, row + SUMMARY
        outline = parts.summary_outline(left, right, top, bottom, bottom + CAP, cap)
        colour = CRITICAL if bars.critical[row] else THEME.ink
        axes.add_patch(Polygon(outline, color=colour, linewidth=0, zorder=3, gid="summary"))
