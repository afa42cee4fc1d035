"""The Gantt chart and the schedule-risk chart of a schedule (matplotlib), and the Gantt chart as
Mermaid text.

Nothing is computed here beyond placing the numbers of the
:class:`~mgmt_tools.pert.result.Schedule` on a time axis. With a ``start`` date the axis shows
dates on the working calendar (FORMATS.md): a task occupying working-day offsets [s, s + d) is
a bar over whole calendar days, from the start of its start date to the end of its finish date,
and a milestone sits at the end of its day, when its predecessors finish. Without ``start`` the
axis shows the offsets in the plan's units. Above :data:`MAX_ROWS` tasks the chart draws the
critical tasks and the first others up to that many, and says so; the numbers stay complete.

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

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt

from mgmt_tools.errors import DomainError
from mgmt_tools.pert.calendar import WorkCalendar
from mgmt_tools.pert.model import WEEKDAYS, LinkType
from mgmt_tools.pert.result import Schedule
from mgmt_tools.render import charts as ch
from mgmt_tools.render import format_number
from mgmt_tools.render import mermaid as mm
from mgmt_tools.render.dot import THEME, wrap

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = ["MAX_ROWS", "gantt_chart", "gantt_mermaid", "risk_chart"]

MAX_ROWS = 200
"""Tasks a Gantt chart draws at most: the critical ones first, then the first others."""

FloatArray = npt.NDArray[np.float64]
IndexArray = npt.NDArray[np.int64]
BoolArray = npt.NDArray[np.bool_]
_N = format_number
_ROW = 0.35  # inches per task
_LABEL_SIZE = 8.5
_LABEL_COLUMNS = 34  # widest task label, in display columns (CJK characters count 2)
_DIAMOND = 8.5  # milestone marker size in points; its half diagonal is 0.707 of it
_DIAMOND_STYLE: dict[str, Any] = {"linestyle": "none", "marker": "D", "markersize": _DIAMOND}
_DIAMOND_STYLE |= {"markeredgecolor": "white", "markeredgewidth": 0.8, "zorder": 5}
_PLAIN_LINK: dict[str, Any] = {"color": THEME.line, "width": 0.8}


def _whole(values: FloatArray) -> FloatArray:
    """Values within the comparison tolerance of an integer, rounded to it (FORMATS.md)."""
    nearest = np.round(values)
    close = np.abs(values - nearest) <= 1e-9 * np.maximum(1.0, np.abs(values))
    return np.where(close, nearest, values)


@dataclass(frozen=True)
class _Timeline:
    """Offsets to x: matplotlib date numbers on the working calendar, or the offsets."""

    calendar: WorkCalendar | None
    units: str = ""

    @staticmethod
    def _x(dates: npt.NDArray[np.datetime64]) -> FloatArray:
        """Matplotlib date numbers: days since its epoch (dates are whole days here)."""
        return (dates - ch.epoch()).astype(np.float64)

    def begin(self, offsets: npt.ArrayLike) -> FloatArray:
        """Where work starting at ``offsets`` begins: the start of working day floor(s)."""
        values = np.asarray(offsets, dtype=np.float64)
        if self.calendar is None:
            return values
        return self._x(self.calendar.day(np.floor(_whole(values))))

    def end(self, offsets: npt.ArrayLike) -> FloatArray:
        """Where work finishing at ``offsets`` ends: the end of working day ceil(s) - 1, or
        the start of working day 0 at offset 0."""
        values = np.asarray(offsets, dtype=np.float64)
        if self.calendar is None:
            return values
        last = np.ceil(_whole(values)) - 1
        x = self._x(self.calendar.day(np.maximum(last, 0))) + 1.0
        return np.where(last < 0, self._x(self.calendar.day([0])), x)

    def label(self, offset: float) -> str:
        """An offset as text: the date of the working day it ends, or the number."""
        if self.calendar is None:
            return f"{_N(offset, 2)} {self.units}".rstrip()
        last = max(float(np.ceil(_whole(np.array([offset]))[0])) - 1, 0.0)
        return str(self.calendar.day([last])[0])


def _timeline(result: Schedule) -> _Timeline:
    plan = result.plan
    if plan.start is None:
        return _Timeline(None, _units(result))
    return _Timeline(WorkCalendar(plan.start, plan.workdays, plan.holidays))


def _units(result: Schedule) -> str:
    return " ".join(ch.clean(result.plan.units).split())


def _span_text(result: Schedule) -> str:
    text = f"{_N(result.duration, 2)} {_units(result)}"
    if result.start_date is not None:
        text += f", {result.start_date} to {result.finish_date}"
    return text


def _project(result: Schedule) -> str:
    return ch.clean(result.plan.project or "Project")


@dataclass(frozen=True)
class _Rows:
    """The tasks a chart draws (input order), the links between them, why some are missing."""

    tasks: IndexArray
    links: IndexArray
    note: str | None


def _rows(result: Schedule, limit: int = MAX_ROWS) -> _Rows:
    plan = result.plan
    count = plan.task_count
    if count <= limit:
        return _Rows(np.arange(count), np.arange(plan.link_count), None)
    critical = np.flatnonzero(result.critical)
    others = np.flatnonzero(~result.critical)[: max(limit - len(critical), 0)]
    tasks = np.sort(np.concatenate([critical[:limit], others]))
    kept = np.zeros(count, dtype=bool)
    kept[tasks] = True
    links = np.flatnonzero(kept[plan.link_pred] & kept[plan.link_succ])
    drawn = f"the first {limit} of the {len(critical):,} critical ones"
    if len(critical) < limit:
        drawn = f"the {len(critical):,} critical ones and the first {len(others):,} others"
    return _Rows(tasks, links, f"{count:,} tasks: {drawn} drawn; the result has all the numbers")


# --- Gantt chart -------------------------------------------------------------------------------


def gantt_chart(result: Schedule, fmt: str) -> bytes:
    """The Gantt chart of ``result`` as SVG, PNG or PDF bytes."""
    return ch.figure_bytes(_gantt_figure(result), fmt)


@dataclass(frozen=True)
class _Bars:
    """Where the drawn tasks lie on the x axis (arrays by row)."""

    tasks: IndexArray
    left: FloatArray
    right: FloatArray
    late: FloatArray
    milestone: BoolArray
    critical: BoolArray


def _bars(result: Schedule, tasks: IndexArray, timeline: _Timeline) -> _Bars:
    plan = result.plan
    milestone = plan.milestone[tasks] | (plan.duration[tasks] == 0)
    es = result.es[tasks]
    left = np.where(milestone, timeline.end(es), timeline.begin(es))
    right = np.where(milestone, left, timeline.end(result.ef[tasks]))
    return _Bars(
        tasks, left, right, timeline.end(result.lf[tasks]), milestone, result.critical[tasks]
    )


def _gantt_figure(result: Schedule) -> Figure:
    """Build the Gantt chart as a Figure (tests inspect its artists)."""
    with ch.chart_style():
        return _draw_gantt(result)


def _draw_gantt(result: Schedule) -> Figure:
    plan, view, timeline = result.plan, _rows(result), _timeline(result)
    bars = _bars(result, view.tasks, timeline)
    count, dated = len(view.tasks), timeline.calendar is not None
    deadline = None if result.deadline is None else float(timeline.end([result.deadline])[0])
    ends = [x for x in (bars.left, bars.right, bars.late) if x.size]
    ends += [np.array([deadline if deadline is not None else np.nan, np.nan if dated else 0.0])]
    low, high = float(np.nanmin(np.concatenate(ends))), float(np.nanmax(np.concatenate(ends)))
    high = max(high, low + 1.0)

    figure = ch.new_figure(8.0, 4.0)
    names = [wrap(ch.clean(plan.names[task]), _LABEL_COLUMNS, 2) for task in view.tasks.tolist()]
    labels = ["\n".join(lines) for lines in names]
    widest = ch.text_width(figure, [line for lines in names for line in lines], _LABEL_SIZE)
    margin_left, margin_right = 0.4 + max(widest, 0.5), 0.4
    plot_width = min(max((high - low) * (0.2 if dated else 0.3), 5.0), 15.0)
    width = max(margin_left + plot_width + margin_right, 7.5)
    plot_width = width - margin_left - margin_right
    pad = 16.0 * (high - low) / (plot_width * 72.0 - 32.0)  # 16 points each side
    low, high = low - pad, high + pad
    per_point = (high - low) / (plot_width * 72.0)

    title = ch.title_lines(_project(result), width)
    notes = ["Duration " + _span_text(result)]
    if deadline is not None:
        notes[0] += f"; deadline {timeline.label(float(result.deadline or 0.0))}"
    notes += [view.note] if view.note else []
    on_top = count > 30  # dates above the chart too
    top = ch.heading_height(title, notes) + (0.3 if deadline is not None else 0.12)
    top += 0.25 if on_top else 0.0
    bottom = 0.94
    height = top + max(count, 1) * _ROW + bottom
    figure.set_size_inches(width, height)
    box = (margin_left / width, bottom / height, plot_width / width)
    axes = figure.add_axes((*box, max(count, 1) * _ROW / height))
    axes.set_xlim(low, high)
    axes.set_ylim(max(count, 1) - 0.5, -0.5)
    axes.set_yticks(np.arange(count), labels=labels, fontsize=_LABEL_SIZE)
    axes.tick_params(axis="y", length=0, pad=6)
    axes.tick_params(axis="x", top=on_top, labeltop=on_top)
    axes.spines["left"].set_visible(False)
    axes.set_axisbelow(True)
    axes.grid(axis="x", which="major")

    shaded = False
    if dated:
        ch.date_axis(axes, high - low)
        if plot_width * 72.0 / (high - low) >= 2.0:  # days at least 2 points wide
            shaded = _shade(axes, result, low, high) > 0
        if high - low <= 120:  # the ticks show day and month: the year goes below
            years = {str(day)[:4] for day in (result.start_date, result.finish_date)}
            axes.set_xlabel(" to ".join(sorted(years)))
    else:
        axes.set_xlabel(f"Time from the project start ({_units(result)})")
    _draw_tasks(axes, result, bars)
    _draw_links(axes, result, view, bars, per_point)
    if deadline is not None:
        text = f"Deadline {timeline.label(float(result.deadline or 0.0))}"
        lift = 20 if on_top else 3  # above the dates along the top
        ch.marker_line(
            axes, deadline, text, colour=THEME.ink, side="above", lift=lift, gid="deadline"
        )

    ch.heading(figure, title, notes)
    entries = [
        ("box", THEME.accent, "Critical task"),
        ("box", ch.NEUTRAL, "Task"),
        ("stroke", THEME.faint, "Total float"),
        ("diamond", THEME.ink, "Milestone"),
    ]
    entries += [("box", ch.SHADE, "Non-working day")] if shaded else []
    entries += [("dashed", THEME.ink, "Deadline")] if deadline is not None else []
    ch.legend_row(figure, entries)
    return figure


def _shade(axes: Axes, result: Schedule, low: float, high: float) -> int:
    """Shade the non-working days (weekends and holidays) between ``low`` and ``high``."""
    plan = result.plan
    first, last = int(np.floor(low)), int(np.ceil(high))
    days = ch.epoch() + np.arange(first, last + 1)
    mask = "".join("1" if day in plan.workdays else "0" for day in WEEKDAYS)
    holidays = np.array(plan.holidays, dtype="datetime64[D]")
    return ch.shade_days(axes, first, ~np.is_busday(days, weekmask=mask, holidays=holidays))


def _draw_tasks(axes: Axes, result: Schedule, bars: _Bars) -> None:
    rows = np.arange(len(bars.tasks))
    colours = np.where(bars.critical, THEME.accent, ch.NEUTRAL)
    solid = ~bars.milestone
    slack = (bars.late - bars.right > 1e-9) & (result.total_float[bars.tasks] > 0)
    for gid, keep, start, finish, height, colour in (
        ("bar", solid, bars.left, bars.right, 0.5, colours[solid].tolist()),
        ("float", slack, bars.right, bars.late, 0.12, THEME.faint),
    ):
        style: dict[str, Any] = {"color": colour, "linewidth": 0, "zorder": 2}
        for patch in axes.barh(rows[keep], (finish - start)[keep], height, start[keep], **style):
            patch.set_gid(gid)
    for group, colour in ((bars.critical, THEME.accent), (~bars.critical, THEME.ink)):
        group = group & bars.milestone
        if group.any():
            axes.plot(bars.left[group], rows[group], mfc=colour, gid="milestone", **_DIAMOND_STYLE)


def _draw_links(axes: Axes, result: Schedule, view: _Rows, bars: _Bars, per_point: float) -> None:
    """One arrow per link, routed orthogonally between the ends its type ties: FS end to
    start, SS start to start, FF end to end, SF start to end."""
    plan = result.plan
    row = np.full(plan.task_count, -1, dtype=np.int64)
    row[view.tasks] = np.arange(len(view.tasks))
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
            half = 0.25
        centre = float(bars.left[pred])
        if (
            bars.milestone[pred]
            and enter * (x0 + leave * stub - x1) < stub / 2  # cannot enter from its side
            and landing[0] <= centre <= landing[1]
        ):  # straight down (or up) from the diamond onto the successor
            down = 1 if succ > pred else -1
            route = [(centre, pred + down * diamond), (centre, succ - down * half)]
        else:
            route = ch.elbow((x0, pred), leave, (x1, succ), enter, stub, landing=landing, half=half)
        emphasis = bool(result.driving[link] and bars.critical[pred] and bars.critical[succ])
        style: dict[str, Any] = {"color": THEME.accent, "width": 1.2, "zorder": 4}
        ch.link_arrow(axes, route, **(style if emphasis else _PLAIN_LINK))


# --- Risk chart --------------------------------------------------------------------------------

_MARKED = (0.5, 0.8, 0.95)


def risk_chart(result: Schedule, fmt: str) -> bytes:
    """The simulated distribution of the project finish as SVG, PNG or PDF bytes: histogram,
    S-curve, P50/P80/P95 and the deadline."""
    return ch.figure_bytes(_risk_figure(result), fmt)


def _risk_figure(result: Schedule) -> Figure:
    """Build the risk chart as a Figure (tests inspect its artists)."""
    if result.simulation is None:
        raise DomainError(
            "the risk chart needs a simulation: run mgmt pert PLAN --simulate N, or "
            "dataclasses.replace(result, simulation=simulate(plan, N)) in Python"
        )
    with ch.chart_style():
        return _draw_risk(result)


def _draw_risk(result: Schedule) -> Figure:
    simulation = result.simulation
    assert simulation is not None
    timeline, finish = _timeline(result), simulation.finish
    figure = ch.new_figure(8.0, 5.0, layout="constrained")
    per = "per working day" if timeline.calendar is not None else "per bin"
    axes, curve = ch.distribution_axes(
        figure, f"Share of trials ({per})", "Probability of finishing by then (S-curve)"
    )
    if timeline.calendar is not None:
        # a trial finishing at offset f ends on working day ceil(f) - 1: one bar per day
        day = np.maximum(np.ceil(_whole(finish)) - 1, 0).astype(np.int64)
        counts = np.bincount(day - day.min()) / len(finish) * 100
        starts = timeline.begin(np.arange(day.min(), day.max() + 1, dtype=np.float64))
        axes.bar(starts + 0.5, counts, width=0.8, color=ch.NEUTRAL, zorder=2)
        ends = np.concatenate(([starts[0]], starts + 1))
        share = np.concatenate(([0.0], np.cumsum(counts)))
        style: dict[str, Any] = {"color": THEME.ink, "linewidth": 1.6, "marker": "o"}
        curve.plot(ends, share, markersize=2.5, zorder=3, gid="s-curve", **style)
        low, high = float(starts[0]) - 1.5, float(starts[-1]) + 2.5
    else:
        low, high = ch.histogram(axes, curve, finish)
        axes.set_xlabel(f"Project finish ({timeline.units} from the start)")
    known = simulation.quantiles  # P50, P80, P95 as the simulation reports them
    marks = [known.get(str(q), float(np.quantile(finish, q))) for q in _MARKED]
    places = timeline.end(marks).tolist()
    deadline = None if result.deadline is None else float(timeline.end([result.deadline])[0])
    limits = [low, high, *places, *([] if deadline is None else [deadline])]
    margin = 0.03 * (max(limits) - min(limits))
    low, high = min(limits) - margin, max(limits) + margin
    axes.set_xlim(low, high)
    if timeline.calendar is not None:
        ch.date_axis(axes, high - low)
        _shade(axes, result, low, high)
    axes.set_ylim(0, None)

    names: dict[float, list[str]] = {}
    for level, x in zip(_MARKED, places, strict=True):
        names.setdefault(x, []).append(f"P{round(level * 100)}")
    for x, group in names.items():
        text = " = ".join(group)
        ch.marker_line(curve, x, text, colour=THEME.muted, dashes=ch.DOTS, gid="quantile")
    summary = [
        f"P{round(q * 100)} {timeline.label(x)}" for q, x in zip(_MARKED, marks, strict=True)
    ]
    if deadline is not None and result.deadline is not None:
        style = {"colour": THEME.accent, "side": "right", "gid": "deadline"}
        ch.marker_line(curve, deadline, "Deadline", **style)
        probability = simulation.probability
        if probability is None:
            probability = float(np.mean(finish <= result.deadline))
        when = timeline.label(result.deadline)
        summary.append(f"P(finish ≤ deadline {when}) = {probability * 100:.1f}%")
    figure.suptitle(f"{_project(result)}: schedule risk", size=ch.TITLE_SIZE, weight="bold")
    run = f"{simulation.trials:,} simulated schedules ({simulation.distribution}, seed "
    run += f"{simulation.seed}): mean {_N(simulation.mean, 2)}, sd {_N(simulation.sd, 2)}"
    text = f"{run} {_units(result)}\n" + ";  ".join(summary)
    axes.set_title(text, size=ch.NOTE_SIZE, color=THEME.muted, linespacing=1.5)
    return figure


# --- Mermaid ----------------------------------------------------------------------------------

_SPECIAL = {":": "#58;", ";": "#59;", "%": "#37;"}
# What the Mermaid gantt lexer reads as a statement at the start of a line.
_KEYWORD = re.compile(
    r"gantt|dateformat|inclusiveenddates|topaxis|axisformat|tickinterval|includes|excludes"
    r"|todaymarker|weekday|weekend|title|acctitle|accdescr|section|click|call|href|vert"
    r"|\d{4}-\d\d-\d\d",
    re.IGNORECASE,
)
_DAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def _gantt_text(text: str) -> str:
    """A task name or title for a Mermaid gantt: on one line, escaped by the shared function,
    with the characters the gantt grammar reads (``:`` ends a name, ``;`` and ``#`` a
    statement, ``%`` starts a comment) as entity codes, which Mermaid decodes when it draws;
    a name that begins with a keyword gets its first character as an entity code too.

    >>> _gantt_text("Sign: NDA #2; 5% fee"), _gantt_text("Title deeds")
    ('Sign#58; NDA #35;2#59; 5#37; fee', '#84;itle deeds')
    """
    line = " ".join(ch.clean(text).split())
    pieces = re.split(r"([:;%])", line)
    escaped = "".join(_SPECIAL.get(piece) or mm.escape(piece) for piece in pieces)
    if _KEYWORD.match(line):
        escaped = f"#{ord(line[0])};" + escaped[1:]
    return escaped


def gantt_mermaid(result: Schedule) -> str:
    """The Gantt chart as a Mermaid ``gantt``, every task with explicit start and finish.

    No task refers to another (``after``), and Mermaid's own working-day arithmetic is never
    used. With a start date: ``YYYY-MM-DD`` dates with ``inclusiveEndDates``, so each task
    reads from its start date to its finish date as in the result; ``excludes`` lists the
    non-working weekdays and holidays, which with explicit end dates only shades them. Without
    one: the offsets themselves, as ``dateFormat X`` (seconds; milliseconds with ``x`` when
    some are fractional) on an axis that prints them.
    """
    plan = result.plan
    view = _rows(result)
    tasks = view.tasks.tolist()
    lines = ["gantt", f"    title {_gantt_text(f'{_project(result)} ({_span_text(result)})')}"]
    if result.start_dates is not None and result.finish_dates is not None:
        lines += ["    dateFormat YYYY-MM-DD", "    axisFormat %Y-%m-%d", "    inclusiveEndDates"]
        excluded = [day for day in _DAY_NAMES if day[:3] not in plan.workdays]
        first, last = str(result.start_date), str(result.finish_date)
        excluded += [d.isoformat() for d in sorted(plan.holidays) if first <= str(d) <= last]
        if excluded:
            lines.append("    excludes " + ", ".join(excluded))
        lines.append("    %% working-day calendar: each task from its start to its finish date")
        spans = [(result.start_dates[task], result.finish_dates[task]) for task in tasks]
    else:
        offsets = _whole(np.concatenate([result.es[view.tasks], result.ef[view.tasks]]))
        seconds = bool(np.all(offsets == np.round(offsets)))
        fmt, unit, scale = ("X", "seconds", 1) if seconds else ("x", "milliseconds", 1000)
        lines += [f"    dateFormat {fmt}", "    axisFormat %s", "    todayMarker off"]
        note = f"offsets in {_units(result)} from the project start (0), written as Unix {unit}"
        lines.append(f"    %% {note} for dateFormat {fmt}")
        values = np.round(offsets * scale).astype(np.int64).reshape(2, -1).tolist()
        spans = [(str(start), str(finish)) for start, finish in zip(*values, strict=True)]
    if result.deadline is not None:
        lines.append(f"    %% deadline: {_timeline(result).label(result.deadline)}")
    if view.note:
        lines.append(f"    %% {view.note}")
    milestone = plan.milestone | (plan.duration == 0)
    for task, (start, finish) in zip(tasks, spans, strict=True):
        tags = ["crit"] * bool(result.critical[task]) + ["milestone"] * bool(milestone[task])
        name = _gantt_text(plan.names[task]) or mm.node_id(task)
        lines.append(f"    {name} :{', '.join([*tags, mm.node_id(task), start, finish])}")
    return "\n".join(lines) + "\n"
